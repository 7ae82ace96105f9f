//! PLOVER gold-standard records (example sentences of the CAMEO manual, coded in PLOVER
//! 0.5b1): code each text with the built-in knowledge and compare the PLOVER event type of
//! wirecoder's events (through the CAMEO→PLOVER ontology) and their actors.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use wirecoder_coder::Pipeline;
use wirecoder_core::{Document, Event};

#[derive(Debug, Clone, Deserialize)]
pub struct GoldActor {
    #[serde(default, rename = "actorText")]
    pub text: String,
    #[serde(default)]
    pub code: String,
    #[serde(default)]
    pub sector: String,
}

/// One gold record.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldRecord {
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub event: String,
    #[serde(default)]
    pub text: String,
    #[serde(default, deserialize_with = "actors_or_empty")]
    pub source: Vec<GoldActor>,
    #[serde(default, deserialize_with = "actors_or_empty")]
    pub target: Vec<GoldActor>,
}

/// Actor lists are arrays, but some records give `""` for "none".
fn actors_or_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<GoldActor>, D::Error> {
    let v = serde_json::Value::deserialize(d)?;
    Ok(match v {
        serde_json::Value::Array(_) => serde_json::from_value(v).unwrap_or_default(),
        serde_json::Value::Object(_) => serde_json::from_value(v)
            .map(|a| vec![a])
            .unwrap_or_default(),
        _ => Vec::new(),
    })
}

/// PLOVER 0.5b1 categories that later versions merged, mapped to PLOVER 0.8.
pub fn modern_category(old: &str) -> &str {
    match old {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// Whether an event actor code matches a gold actor ("HUNGOV" vs code "HUN").
fn actor_matches(code: &str, gold: &[GoldActor]) -> bool {
    gold.iter()
        .any(|g| !g.code.is_empty() && code.starts_with(&g.code))
}

/// Counts per gold category.
#[derive(Debug, Clone, Copy, Default)]
pub struct Score {
    pub records: usize,
    pub event_ok: usize,
    pub actors_ok: usize,
    pub coded: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The PLOVER category of an event, from the ontology.
fn plover_of(e: &Event) -> Option<&str> {
    e.plover.as_ref().map(|p| p.event.as_str())
}

/// Run the gold records; write per-category accuracy and the summary line.
pub fn run(
    pipeline: &Pipeline,
    file: &Path,
    verbose: bool,
    out: &mut dyn Write,
) -> std::io::Result<Score> {
    let text = std::fs::read_to_string(file)?;
    let records: Vec<GoldRecord> = serde_json::from_str(&text)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let mut by_cat: BTreeMap<String, Score> = BTreeMap::new();
    for r in records
        .iter()
        .filter(|r| r.event != "DOCUMENT" && !r.text.is_empty())
    {
        let gold = modern_category(&r.event).to_string();
        let date = r
            .date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let doc = Document {
            id: r.id.clone(),
            published: date,
            body: r.text.clone(),
            ..Default::default()
        };
        let analysis = pipeline.analyze(&doc);
        let events = &analysis.events;
        let typed: Vec<&Event> = events
            .iter()
            .filter(|e| plover_of(e) == Some(gold.as_str()))
            .collect();
        let s = by_cat.entry(gold.clone()).or_default();
        s.records += 1;
        if !events.is_empty() {
            s.coded += 1;
        }
        if !typed.is_empty() {
            s.event_ok += 1;
        }
        // Actors: some event (of the right type when there is one) with matching source
        // and, when the gold has one, matching target.
        let pool: Vec<&Event> = if typed.is_empty() {
            events.iter().collect()
        } else {
            typed.clone()
        };
        let actors_ok = pool.iter().any(|e| {
            actor_matches(&e.source.code, &r.source)
                && (r.target.is_empty()
                    || e.target
                        .as_ref()
                        .is_some_and(|t| actor_matches(&t.code, &r.target)))
        });
        if actors_ok {
            s.actors_ok += 1;
        }
        if verbose && !typed.is_empty() && !actors_ok {
            let codes = |g: &[GoldActor]| {
                g.iter()
                    .map(|a| a.code.as_str())
                    .collect::<Vec<_>>()
                    .join("|")
            };
            let got: Vec<String> = typed
                .iter()
                .map(|e| {
                    format!(
                        "{}>{}:{}",
                        e.source.code,
                        e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                        e.cameo
                    )
                })
                .collect();
            writeln!(
                out,
                "{} actors gold {}>{} got {:?}: {}",
                r.id,
                codes(&r.source),
                codes(&r.target),
                got,
                r.text
            )?;
        }
        if verbose && typed.is_empty() {
            let got: Vec<String> = events
                .iter()
                .map(|e| {
                    format!(
                        "{}>{}:{}({})",
                        e.source.code,
                        e.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                        e.cameo,
                        plover_of(e).unwrap_or("")
                    )
                })
                .collect();
            writeln!(out, "{} gold {} got {:?}: {}", r.id, gold, got, r.text)?;
        }
    }
    let mut total = Score::default();
    writeln!(
        out,
        "{:<12} {:>7} {:>7} {:>9} {:>9}",
        "event", "records", "coded", "type-ok%", "actors%"
    )?;
    for (cat, s) in &by_cat {
        total.records += s.records;
        total.event_ok += s.event_ok;
        total.actors_ok += s.actors_ok;
        total.coded += s.coded;
        writeln!(
            out,
            "{:<12} {:>7} {:>7} {:>9.1} {:>9.1}",
            cat,
            s.records,
            s.coded,
            pct(s.event_ok, s.records),
            pct(s.actors_ok, s.records)
        )?;
    }
    writeln!(
        out,
        "eval plover: accuracy {:.1}% ({}/{}) actors {:.1}% ({}/{}) coded {}",
        pct(total.event_ok, total.records),
        total.event_ok,
        total.records,
        pct(total.actors_ok, total.records),
        total.actors_ok,
        total.records,
        total.coded
    )?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_old_categories() {
        assert_eq!(modern_category("DEMAND"), "REQUEST");
        assert_eq!(modern_category("FIGHT"), "ASSAULT");
        assert_eq!(modern_category("AGREE"), "AGREE");
    }

    #[test]
    fn parses_gold_records() {
        let j = r#"[{"id":"a","event":"AGREE","text":"X agreed.","date":"2000-01-01",
            "source":[{"actorText":"Hungarian","code":"HUN","sector":"GOV"}],"target":[]}]"#;
        let r: Vec<GoldRecord> = serde_json::from_str(j).unwrap();
        assert_eq!(r[0].source[0].code, "HUN");
        assert!(actor_matches("HUNGOV", &r[0].source));
        assert!(!actor_matches("ROU", &r[0].source));
    }
}
