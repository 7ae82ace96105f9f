//! PETRARCH validation suites (PETRARCH-1 unit tests, UniversalPetrarch validation records,
//! the GSR news sentences): code each record's raw text, compare the (source, target, code)
//! triples with the expected `<EventCoding>` lines, scored as UniversalPetrarch's validation
//! script does (TP = correct / (correct + uncoded), FP = extra / records). PETRARCH's `---`
//! placeholders in the gold (no target; `---REB`, sector known, country not) are matched
//! by [`compare`] rather than demanded literally.
//!
//! The files are read line by line, tolerantly: the GSR file is not well-formed XML.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use wirecoder_coder::Pipeline;
use wirecoder_core::Document;

/// One validation record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub id: String,
    pub category: String,
    pub date: Option<NaiveDate>,
    pub evaluate: bool,
    /// The record tests error handling (`<EventCoding error=...>`): not scored.
    pub error: bool,
    pub noevents: bool,
    /// Expected (source, target, code).
    pub expected: BTreeSet<(String, String, String)>,
    pub text: String,
}

/// Value of attribute `name` in a tag, tolerating spaces around `=` and either quote.
fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0 || !tag.as_bytes()[at - 1].is_ascii_alphanumeric();
        if !before_ok {
            continue;
        }
        let rest = tag[from..].trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let q = rest.chars().next()?;
        if q != '"' && q != '\'' {
            continue;
        }
        let body = &rest[1..];
        let end = body.find(q)?;
        return Some(
            body[..end]
                .trim_matches(|c| c == '"' || c == '\'')
                .to_string(),
        );
    }
    None
}

/// Parse a validation file's records.
pub fn parse_records(text: &str) -> Vec<Record> {
    let mut out: Vec<Record> = Vec::new();
    let mut cur: Option<Record> = None;
    let mut in_text = false;
    let mut in_comment = false;
    for raw in text.lines() {
        let line = raw.trim();
        if in_comment {
            if line.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if in_text {
            if let Some(i) = line.find("</Text>") {
                if let Some(r) = cur.as_mut() {
                    r.text.push(' ');
                    r.text.push_str(&line[..i]);
                }
                in_text = false;
            } else if let Some(r) = cur.as_mut() {
                r.text.push(' ');
                r.text.push_str(line);
            }
            continue;
        }
        if line.starts_with("<!--") {
            in_comment = !line.contains("-->");
            continue;
        }
        if line.starts_with("<Sentence ") {
            if let Some(r) = cur.take() {
                out.push(r);
            }
            let date =
                attr(line, "date").and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y%m%d").ok());
            cur = Some(Record {
                id: attr(line, "id").unwrap_or_default(),
                category: attr(line, "category").unwrap_or_default(),
                date,
                evaluate: attr(line, "evaluate").is_none_or(|v| v.eq_ignore_ascii_case("true")),
                ..Default::default()
            });
            continue;
        }
        if line.starts_with("<EventCoding") {
            let Some(r) = cur.as_mut() else { continue };
            if attr(line, "error").is_some() {
                r.error = true;
            } else if attr(line, "noevents").is_some() {
                r.noevents = true;
            } else if let (Some(s), Some(t), Some(c)) = (
                attr(line, "sourcecode"),
                attr(line, "targetcode"),
                attr(line, "eventcode"),
            ) {
                r.expected.insert((s, t, c));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("<Text>") {
            let Some(r) = cur.as_mut() else { continue };
            if let Some(i) = rest.find("</Text>") {
                r.text.push_str(&rest[..i]);
            } else {
                r.text.push_str(rest);
                in_text = true;
            }
        }
    }
    if let Some(r) = cur.take() {
        out.push(r);
    }
    for r in &mut out {
        r.text = r.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

/// Counts for one category (or overall).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub records: usize,
    /// Records whose coded set equals the expected set exactly.
    pub records_correct: usize,
    pub correct: usize,
    pub uncoded: usize,
    pub extra: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.records += o.records;
        self.records_correct += o.records_correct;
        self.correct += o.correct;
        self.uncoded += o.uncoded;
        self.extra += o.extra;
    }

    /// Percentage of expected events found.
    pub fn tp(&self) -> f64 {
        pct(self.correct, self.correct + self.uncoded)
    }

    /// Extra events per record, as a percentage.
    pub fn fp(&self) -> f64 {
        pct(self.extra, self.records)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// PETRARCH's placeholder for "no actor found": a whole code (`---`, no target) or the
/// country part of one (`---REB`, rebels of an unnamed country).
const NONE: &str = "---";

/// Whether a coded actor code satisfies an expected one. `---XXX` in the gold is PETRARCH's
/// "sector XXX, country unknown": any country with the same sectors satisfies it (coders
/// that know the country are not penalised for naming it).
fn actor_matches(expected: &str, coded: &str) -> bool {
    if expected == coded {
        return true;
    }
    match expected.strip_prefix(NONE) {
        Some(rest) if !rest.is_empty() => {
            coded.len() == expected.len() && coded.get(3..) == Some(rest)
        }
        _ => false,
    }
}

/// Compare coded with expected triples: (correct, uncoded, extra). A coded triple matches
/// one expected triple at most. Coded events without a target (target `---`) count only
/// when the gold has such an event: the suites score dyadic events.
pub fn compare(
    expected: &BTreeSet<(String, String, String)>,
    coded: &BTreeSet<(String, String, String)>,
) -> (usize, usize, usize) {
    let mut used = vec![false; coded.len()];
    let coded: Vec<&(String, String, String)> = coded.iter().collect();
    let mut correct = 0;
    // Exact matches first, so a placeholder never takes an event another gold line names.
    let mut pending = Vec::new();
    for e in expected {
        match coded.iter().position(|c| *c == e) {
            Some(i) if !used[i] => {
                used[i] = true;
                correct += 1;
            }
            _ => pending.push(e),
        }
    }
    for e in pending {
        let hit = coded.iter().enumerate().position(|(i, c)| {
            !used[i] && c.2 == e.2 && actor_matches(&e.0, &c.0) && actor_matches(&e.1, &c.1)
        });
        if let Some(i) = hit {
            used[i] = true;
            correct += 1;
        }
    }
    let uncoded = expected.len() - correct;
    let extra = coded
        .iter()
        .zip(&used)
        .filter(|(c, u)| !**u && c.1 != NONE)
        .count();
    (correct, uncoded, extra)
}

/// The (source, target, code) triples wirecoder codes for a record; an event without a
/// target has target `---`, as PETRARCH writes it.
pub fn code_record(pipeline: &Pipeline, r: &Record) -> BTreeSet<(String, String, String)> {
    let doc = Document {
        id: r.id.clone(),
        published: r.date,
        body: r.text.clone(),
        ..Default::default()
    };
    let analysis = pipeline.analyze(&doc);
    analysis
        .events
        .iter()
        .map(|e| {
            let t = e.target.as_ref().map_or(NONE, |t| t.code.as_str());
            (e.source.code.clone(), t.to_string(), e.cameo.clone())
        })
        .collect()
}

/// Score every evaluated record; write a per-category table, the mismatches when
/// `verbose`, and the summary line. Returns the overall score.
pub fn run(
    pipeline: &Pipeline,
    file: &Path,
    verbose: bool,
    out: &mut dyn Write,
) -> std::io::Result<Score> {
    let bytes = std::fs::read(file)?;
    let text = String::from_utf8_lossy(&bytes);
    let records = parse_records(&text);
    let mut by_cat: BTreeMap<String, Score> = BTreeMap::new();
    let started = std::time::Instant::now();
    let mut n = 0usize;
    for r in records
        .iter()
        .filter(|r| r.evaluate && !r.error && !r.text.is_empty())
    {
        n += 1;
        let coded = code_record(pipeline, r);
        let mut s = Score {
            records: 1,
            ..Default::default()
        };
        let (correct, uncoded, extra) = compare(&r.expected, &coded);
        s.correct = correct;
        s.uncoded = uncoded;
        s.extra = extra;
        let exact = uncoded == 0 && extra == 0;
        if exact {
            s.records_correct = 1;
        }
        if verbose && !exact {
            writeln!(out, "{} [{}] {}", r.id, r.category, r.text)?;
            writeln!(out, "  expected {:?}", r.expected)?;
            writeln!(out, "  coded    {coded:?}")?;
        }
        by_cat.entry(r.category.clone()).or_default().add(&s);
    }
    let secs = started.elapsed().as_secs_f64();
    let mut total = Score::default();
    writeln!(
        out,
        "{:<10} {:>7} {:>8} {:>7} {:>7} {:>6} {:>7} {:>7}",
        "category", "records", "rec-ok", "correct", "uncoded", "extra", "TP%", "FP%"
    )?;
    for (cat, s) in &by_cat {
        total.add(s);
        writeln!(
            out,
            "{:<10} {:>7} {:>8} {:>7} {:>7} {:>6} {:>7.1} {:>7.1}",
            cat,
            s.records,
            s.records_correct,
            s.correct,
            s.uncoded,
            s.extra,
            s.tp(),
            s.fp()
        )?;
    }
    writeln!(
        out,
        "{:<10} {:>7} {:>8} {:>7} {:>7} {:>6} {:>7.1} {:>7.1}",
        "overall",
        total.records,
        total.records_correct,
        total.correct,
        total.uncoded,
        total.extra,
        total.tp(),
        total.fp()
    )?;
    if secs > 0.0 {
        writeln!(out, "{:.0} records/s", n as f64 / secs)?;
    }
    writeln!(
        out,
        "eval petrarch: TP {:.1}% FP {:.1}% (correct {}, uncoded {}, extra {}, records {})",
        total.tp(),
        total.fp(),
        total.correct,
        total.uncoded,
        total.extra,
        total.records
    )?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Validation>
<!-- comment
<Sentence date="19950101" id="X-0" category="DEMO" sentence="true">
-->
<Sentence date = "19950101" id ="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode='GON' eventcode="050">
<Text>
Arnor is about to restore
full ties with Gondor.
</Text>
</Sentence>
<Sentence category="AFP" date="20080804" id="AFP_4" evaluate="false"/>
<EventCoding noevents="True" />
<Text>
Nothing.
</Text>
<Sentence category="E" date="20080804" id="E_1" evaluate="true">
<EventCoding error="True" />
<Text>Broken</Text>
"#;

    #[test]
    fn parses_records_tolerantly() {
        let r = parse_records(SAMPLE);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].id, "DEMO-00");
        assert!(r[0].evaluate);
        assert_eq!(
            r[0].text,
            "Arnor is about to restore full ties with Gondor."
        );
        assert!(r[0]
            .expected
            .contains(&("ARN".into(), "GON".into(), "050".into())));
        assert_eq!(r[0].date, NaiveDate::from_ymd_opt(1995, 1, 1));
        assert!(!r[1].evaluate && r[1].noevents);
        assert!(r[2].error);
        assert_eq!(r[2].text, "Broken");
    }

    fn set(v: &[(&str, &str, &str)]) -> BTreeSet<(String, String, String)> {
        v.iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect()
    }

    #[test]
    fn placeholders_in_the_gold() {
        // Country unknown to PETRARCH, named by us: correct.
        let e = set(&[("---REB", "SYR", "190")]);
        assert_eq!(compare(&e, &set(&[("SYRREB", "SYR", "190")])), (1, 0, 0));
        // Different sectors or code: not.
        assert_eq!(compare(&e, &set(&[("SYRMIL", "SYR", "190")])), (0, 1, 1));
        assert_eq!(compare(&e, &set(&[("SYRREB", "SYR", "193")])), (0, 1, 1));
        // No target: matches an event without one; our other targetless events are not
        // scored.
        let e = set(&[("IGOCOPITP", "---", "036")]);
        let c = set(&[("IGOCOPITP", "---", "036"), ("FRA", "---", "010")]);
        assert_eq!(compare(&e, &c), (1, 0, 0));
        // One coded event satisfies one gold line.
        let e = set(&[("---REB", "SYR", "190"), ("SYRREB", "SYR", "190")]);
        assert_eq!(compare(&e, &set(&[("SYRREB", "SYR", "190")])), (1, 1, 0));
    }

    #[test]
    fn scores() {
        let s = Score {
            records: 4,
            records_correct: 2,
            correct: 9,
            uncoded: 1,
            extra: 1,
        };
        assert!((s.tp() - 90.0).abs() < 1e-9);
        assert!((s.fp() - 25.0).abs() < 1e-9);
    }
}
