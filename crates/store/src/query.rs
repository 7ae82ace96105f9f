//! Read-side queries for the API and exports. Every API query runs under a time budget
//! (SQLite progress handler), so no request can scan the database unboundedly.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OpenFlags, OptionalExtension, Row};
use serde::Serialize;
use serde_json::json;

use crate::sqlite::configure;
use crate::{Result, StoreError};

/// Filters shared by `/api/events` and `export`. Codes match as prefixes
/// (`actor=IRN` matches `IRNGOV` and `IRNMIL`); dates are `YYYY-MM-DD`, inclusive.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub actor: Option<String>,
    pub dyad: Option<(String, String)>,
    pub cameo: Option<String>,
    pub root: Option<String>,
    pub quad: Option<u8>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// ISO 3166-1 alpha-3 (either actor's country) or alpha-2 (the event place's country).
    pub country: Option<String>,
    /// `[min_lon, min_lat, max_lon, max_lat]` of the event place.
    pub bbox: Option<[f64; 4]>,
    /// Full-text query over the sentences the event was coded from.
    pub q: Option<String>,
    /// Page size; None = everything (exports only).
    pub limit: Option<usize>,
    /// Return events with id greater than this (keyset pagination).
    pub cursor: Option<i64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorRef {
    pub code: String,
    pub name: Option<String>,
    pub country: Option<String>,
    pub sectors: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PloverRef {
    pub event: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceRef {
    pub geonames_id: i64,
    pub name: String,
    pub country: String,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub feature: Option<String>,
}

/// One aggregated event record.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventRecord {
    pub id: i64,
    pub date: String,
    pub source: ActorRef,
    pub target: Option<ActorRef>,
    pub cameo: String,
    pub root: String,
    pub label: Option<String>,
    pub quad_class: i64,
    pub goldstein: f64,
    pub plover: Option<PloverRef>,
    pub place: Option<PlaceRef>,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    pub is_root: bool,
    pub first_article: i64,
    pub first_date: Option<String>,
    pub source_url: Option<String>,
    pub first_doc: Option<String>,
}

/// One mention of an event in an article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MentionRecord {
    pub id: i64,
    pub event_id: i64,
    pub article_id: i64,
    pub doc: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub source_name: String,
    pub published: Option<String>,
    pub doc_chars: i64,
    pub sentence: i64,
    pub date_text: Option<String>,
    pub source_text: String,
    pub source_start: i64,
    pub source_end: i64,
    pub target_text: Option<String>,
    pub target_start: Option<i64>,
    pub target_end: Option<i64>,
    pub verb: String,
    pub verb_start: i64,
    pub verb_end: i64,
    pub rule: String,
    pub sentence_text: String,
}

const EVENT_SELECT: &str = "SELECT e.id, e.date, e.source_code, e.source_name, e.source_country,
    e.source_sectors, e.target_code, e.target_name, e.target_country, e.target_sectors, e.cameo,
    e.root, e.label, e.quad, e.goldstein, e.plover_event, e.plover_mode, e.plover_context,
    e.place_id, p.name, p.country, p.admin1, p.lat, p.lon, p.feature, e.num_mentions,
    e.num_sources, e.num_articles, e.is_root, e.first_article, e.first_date, a.url, a.doc
    FROM events e LEFT JOIN places p ON p.id = e.place_id
    LEFT JOIN articles a ON a.id = e.first_article";

fn sectors(s: Option<String>) -> Vec<String> {
    s.map(|s| {
        s.split(';')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

fn event_from_row(r: &Row) -> rusqlite::Result<EventRecord> {
    let target_code: String = r.get(6)?;
    let place_id: i64 = r.get(18)?;
    let place_name: Option<String> = r.get(19)?;
    let plover_event: Option<String> = r.get(15)?;
    let context: Option<String> = r.get(17)?;
    Ok(EventRecord {
        id: r.get(0)?,
        date: r.get(1)?,
        source: ActorRef {
            code: r.get(2)?,
            name: r.get(3)?,
            country: r.get(4)?,
            sectors: sectors(r.get(5)?),
        },
        target: if target_code.is_empty() {
            None
        } else {
            Some(ActorRef {
                code: target_code,
                name: r.get(7)?,
                country: r.get(8)?,
                sectors: sectors(r.get(9)?),
            })
        },
        cameo: r.get(10)?,
        root: r.get(11)?,
        label: r.get(12)?,
        quad_class: r.get(13)?,
        goldstein: r.get(14)?,
        plover: match plover_event {
            Some(event) => Some(PloverRef {
                event,
                mode: r.get(16)?,
                context: context
                    .and_then(|c| serde_json::from_str(&c).ok())
                    .unwrap_or_default(),
            }),
            None => None,
        },
        place: match (place_id, place_name) {
            (id, Some(name)) if id != 0 => Some(PlaceRef {
                // Negative keys are places GeoNames does not list.
                geonames_id: id.max(0),
                name,
                country: r.get::<_, Option<String>>(20)?.unwrap_or_default(),
                admin1: r.get(21)?,
                lat: r.get::<_, Option<f64>>(22)?.unwrap_or_default(),
                lon: r.get::<_, Option<f64>>(23)?.unwrap_or_default(),
                feature: r.get(24)?,
            }),
            _ => None,
        },
        num_mentions: r.get(25)?,
        num_sources: r.get(26)?,
        num_articles: r.get(27)?,
        is_root: r.get::<_, i64>(28)? != 0,
        first_article: r.get(29)?,
        first_date: r.get(30)?,
        source_url: r.get(31)?,
        first_doc: r.get(32)?,
    })
}

const MENTION_SELECT: &str = "SELECT m.id, m.event_id, m.article_id, a.doc, a.url, a.title,
    a.source, a.published, a.chars, m.sentence, m.date_text, m.source_text, m.source_start,
    m.source_end, m.target_text, m.target_start, m.target_end, m.verb, m.verb_start, m.verb_end,
    m.rule, m.sentence_text
    FROM mentions m JOIN articles a ON a.id = m.article_id";

fn mention_from_row(r: &Row) -> rusqlite::Result<MentionRecord> {
    Ok(MentionRecord {
        id: r.get(0)?,
        event_id: r.get(1)?,
        article_id: r.get(2)?,
        doc: r.get(3)?,
        url: r.get(4)?,
        title: r.get(5)?,
        source_name: r.get(6)?,
        published: r.get(7)?,
        doc_chars: r.get(8)?,
        sentence: r.get(9)?,
        date_text: r.get(10)?,
        source_text: r.get(11)?,
        source_start: r.get(12)?,
        source_end: r.get(13)?,
        target_text: r.get(14)?,
        target_start: r.get(15)?,
        target_end: r.get(16)?,
        verb: r.get(17)?,
        verb_start: r.get(18)?,
        verb_end: r.get(19)?,
        rule: r.get(20)?,
        sentence_text: r.get(21)?,
    })
}

/// Upper bound for a code prefix range: every string starting with `p` sorts below it.
fn prefix_end(p: &str) -> String {
    format!("{p}\u{10FFFF}")
}

/// Quote every term so user input can never be FTS5 syntax.
fn fts_query(q: &str) -> Option<String> {
    let terms: Vec<String> = q
        .split_whitespace()
        .map(|t| t.replace('"', ""))
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{t}\""))
        .collect();
    if terms.is_empty() {
        None
    } else {
        Some(terms.join(" "))
    }
}

fn where_clause(f: &EventFilter) -> (String, Vec<Value>) {
    let mut w: Vec<String> = Vec::new();
    let mut p: Vec<Value> = Vec::new();
    let mut push = |w: &mut Vec<String>, clause: &str, vals: Vec<Value>| {
        w.push(clause.to_string());
        p.extend(vals);
    };
    if let Some(a) = &f.actor {
        push(
            &mut w,
            "((e.source_code >= ? AND e.source_code < ?) OR (e.target_code >= ? AND e.target_code < ?))",
            vec![
                Value::Text(a.clone()),
                Value::Text(prefix_end(a)),
                Value::Text(a.clone()),
                Value::Text(prefix_end(a)),
            ],
        );
    }
    if let Some((s, t)) = &f.dyad {
        push(
            &mut w,
            "e.source_code >= ? AND e.source_code < ? AND e.target_code >= ? AND e.target_code < ?",
            vec![
                Value::Text(s.clone()),
                Value::Text(prefix_end(s)),
                Value::Text(t.clone()),
                Value::Text(prefix_end(t)),
            ],
        );
    }
    if let Some(c) = &f.cameo {
        push(
            &mut w,
            "e.cameo >= ? AND e.cameo < ?",
            vec![Value::Text(c.clone()), Value::Text(prefix_end(c))],
        );
    }
    if let Some(r) = &f.root {
        push(&mut w, "e.root = ?", vec![Value::Text(r.clone())]);
    }
    if let Some(q) = f.quad {
        push(&mut w, "e.quad = ?", vec![Value::Integer(i64::from(q))]);
    }
    if let Some(d) = &f.from {
        push(&mut w, "e.date >= ?", vec![Value::Text(d.clone())]);
    }
    if let Some(d) = &f.to {
        // inclusive of the whole day and of coarser dates within it
        push(
            &mut w,
            "e.date <= ?",
            vec![Value::Text(format!("{d}\u{10FFFF}"))],
        );
    }
    if let Some(c) = &f.country {
        if c.len() == 2 {
            push(&mut w, "e.place_country = ?", vec![Value::Text(c.clone())]);
        } else {
            push(
                &mut w,
                "(e.source_country = ? OR e.target_country = ?)",
                vec![Value::Text(c.clone()), Value::Text(c.clone())],
            );
        }
    }
    if let Some([x0, y0, x1, y1]) = f.bbox {
        push(
            &mut w,
            "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?",
            vec![
                Value::Real(y0),
                Value::Real(y1),
                Value::Real(x0),
                Value::Real(x1),
            ],
        );
    }
    if let Some(q) = f.q.as_deref().and_then(fts_query) {
        push(
            &mut w,
            "e.id IN (SELECT m.event_id FROM mentions m WHERE m.id IN
                (SELECT rowid FROM mention_fts WHERE mention_fts MATCH ?))",
            vec![Value::Text(q)],
        );
    }
    if let Some(c) = f.cursor {
        push(&mut w, "e.id > ?", vec![Value::Integer(c)]);
    }
    let sql = if w.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", w.join(" AND "))
    };
    (sql, p)
}

fn map_interrupt(e: rusqlite::Error) -> StoreError {
    match &e {
        rusqlite::Error::SqliteFailure(err, _)
            if err.code == rusqlite::ErrorCode::OperationInterrupted =>
        {
            StoreError::TooBroad
        }
        _ => StoreError::Sqlite(e),
    }
}

/// A read connection. Cheap to keep in a pool; never writes.
pub struct Reader {
    conn: Connection,
    /// Time budget of one API query.
    pub budget: Duration,
}

impl Reader {
    /// Open the database read-only. The database must exist (run `ingest` first).
    pub fn open(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(StoreError::Invalid(format!(
                "no database at {} (run `wirecoder ingest` first)",
                path.display()
            )));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        Ok(Reader {
            conn,
            budget: Duration::from_secs(2),
        })
    }

    fn arm(&self) {
        let deadline = Instant::now() + self.budget;
        self.conn
            .progress_handler(2000, Some(move || Instant::now() >= deadline));
    }

    fn disarm(&self) {
        self.conn.progress_handler(0, None::<fn() -> bool>);
    }

    /// Run `f` under the time budget.
    fn budgeted<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        self.arm();
        let r = f(&self.conn).map_err(map_interrupt);
        self.disarm();
        r
    }

    /// One page of events, and the cursor of the next page if there is one.
    pub fn events(&self, f: &EventFilter) -> Result<(Vec<EventRecord>, Option<i64>)> {
        let limit = f.limit.unwrap_or(100);
        let (w, mut p) = where_clause(f);
        p.push(Value::Integer(limit as i64 + 1));
        let sql = format!("{EVENT_SELECT}{w} ORDER BY e.id LIMIT ?");
        let mut rows = self.budgeted(|c| {
            let mut stmt = c.prepare_cached(&sql)?;
            let rows = stmt.query_map(params_from_iter(p.iter()), event_from_row)?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
        })?;
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|e| e.id)
        } else {
            None
        };
        Ok((rows, next))
    }

    /// Every event matching `f` in id order (exports: no time budget, streamed).
    pub fn for_each_event(
        &self,
        f: &EventFilter,
        mut each: impl FnMut(EventRecord) -> Result<()>,
    ) -> Result<()> {
        let (w, p) = where_clause(f);
        let sql = format!("{EVENT_SELECT}{w} ORDER BY e.id");
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(p.iter()))?;
        while let Some(r) = rows.next()? {
            each(event_from_row(r)?)?;
        }
        Ok(())
    }

    /// Every mention of the events matching `f`, in (event, mention) order.
    pub fn for_each_mention(
        &self,
        f: &EventFilter,
        mut each: impl FnMut(&EventRecord, MentionRecord) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(&format!(
            "{MENTION_SELECT} WHERE m.event_id = ?1 ORDER BY m.id"
        ))?;
        self.for_each_event(f, |e| {
            let ms = stmt
                .query_map([e.id], mention_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for m in ms {
                each(&e, m)?;
            }
            Ok(())
        })
    }

    /// One event with up to 200 mentions and their evidence.
    pub fn event(&self, id: i64) -> Result<Option<serde_json::Value>> {
        self.budgeted(|c| {
            let ev = c
                .prepare_cached(&format!("{EVENT_SELECT} WHERE e.id = ?1"))?
                .query_row([id], event_from_row)
                .optional()?;
            let Some(ev) = ev else { return Ok(None) };
            let mentions = c
                .prepare_cached(&format!(
                    "{MENTION_SELECT} WHERE m.event_id = ?1 ORDER BY m.id LIMIT 200"
                ))?
                .query_map([id], mention_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut v = serde_json::to_value(&ev).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "mentions".into(),
                    serde_json::to_value(mentions).unwrap_or_default(),
                );
            }
            Ok(Some(v))
        })
    }

    /// One article with its text, sentences, cluster and annotated spans.
    pub fn article(&self, id: i64) -> Result<Option<serde_json::Value>> {
        self.budgeted(|c| {
            let head = c
                .prepare_cached(
                    "SELECT id, doc, url, title, published, source, dateline, body, cluster_id,
                     similarity FROM articles WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok(json!({
                        "id": r.get::<_, i64>(0)?, "doc": r.get::<_, String>(1)?,
                        "url": r.get::<_, Option<String>>(2)?,
                        "title": r.get::<_, Option<String>>(3)?,
                        "date": r.get::<_, Option<String>>(4)?,
                        "source": r.get::<_, String>(5)?,
                        "dateline": r.get::<_, Option<String>>(6)?,
                        "text": r.get::<_, String>(7)?,
                        "cluster_id": r.get::<_, i64>(8)?,
                        "similarity": r.get::<_, Option<f64>>(9)?,
                    }))
                })
                .optional()?;
            let Some(mut v) = head else { return Ok(None) };
            let cluster = v["cluster_id"].as_i64().unwrap_or(id);
            let members: Vec<i64> = c
                .prepare_cached("SELECT id FROM articles WHERE cluster_id = ?1 ORDER BY id LIMIT 100")?
                .query_map([cluster], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let sentences: Vec<serde_json::Value> = c
                .prepare_cached("SELECT start, end FROM sentences WHERE article_id = ?1 ORDER BY idx")?
                .query_map([id], |r| Ok(json!({"start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?})))?
                .collect::<rusqlite::Result<_>>()?;
            let mut spans: Vec<(i64, i64, serde_json::Value)> = Vec::new();
            let mut stmt = c.prepare_cached(
                "SELECT am.start, am.end, am.text, a.code, am.kind FROM actor_mentions am
                 JOIN actors a ON a.id = am.actor_id WHERE am.article_id = ?1",
            )?;
            for r in stmt.query_map([id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, Option<String>>(4)?))
            })? {
                let (s, e, text, code, kind) = r?;
                spans.push((s, e, json!({"type": "actor", "start": s, "end": e, "text": text, "code": code, "kind": kind})));
            }
            let mut stmt = c.prepare_cached(
                "SELECT pm.start, pm.end, pm.text, p.id, p.name, p.country, p.lat, p.lon FROM place_mentions pm
                 JOIN places p ON p.id = pm.place_id WHERE pm.article_id = ?1",
            )?;
            for r in stmt.query_map([id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, json!({"type": "place", "start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?,
                    "text": r.get::<_, String>(2)?, "geonames_id": r.get::<_, i64>(3)?.max(0), "name": r.get::<_, String>(4)?,
                    "country": r.get::<_, String>(5)?, "lat": r.get::<_, f64>(6)?, "lon": r.get::<_, f64>(7)?})))
            })? {
                spans.push(r?);
            }
            let mut stmt = c.prepare_cached(
                "SELECT start, end, text, kind, speaker_text, speaker_name, speaker_code FROM quotes WHERE article_id = ?1",
            )?;
            for r in stmt.query_map([id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, json!({"type": "quote", "start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?,
                    "text": r.get::<_, String>(2)?, "kind": r.get::<_, String>(3)?, "speaker": r.get::<_, Option<String>>(4)?,
                    "speaker_name": r.get::<_, Option<String>>(5)?, "speaker_code": r.get::<_, Option<String>>(6)?})))
            })? {
                spans.push(r?);
            }
            let mut stmt = c.prepare_cached(
                "SELECT m.verb_start, m.verb_end, m.verb, m.event_id, e.cameo, e.label FROM mentions m
                 JOIN events e ON e.id = m.event_id WHERE m.article_id = ?1",
            )?;
            for r in stmt.query_map([id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, json!({"type": "event", "start": r.get::<_, i64>(0)?, "end": r.get::<_, i64>(1)?,
                    "text": r.get::<_, String>(2)?, "event_id": r.get::<_, i64>(3)?, "cameo": r.get::<_, String>(4)?,
                    "label": r.get::<_, Option<String>>(5)?})))
            })? {
                spans.push(r?);
            }
            spans.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| a.2.to_string().cmp(&b.2.to_string())));
            if let Some(o) = v.as_object_mut() {
                o.insert("cluster".into(), json!(members));
                o.insert("sentences".into(), json!(sentences));
                o.insert("spans".into(), json!(spans.into_iter().map(|s| s.2).collect::<Vec<_>>()));
            }
            Ok(Some(v))
        })
    }

    /// The `top` actors by number of events they take part in.
    pub fn actors(&self, top: usize) -> Result<Vec<serde_json::Value>> {
        self.budgeted(|c| {
            c.prepare_cached(
                "SELECT code, name, country, kind, num_events, num_mentions FROM actors
                 ORDER BY num_events DESC, code LIMIT ?1",
            )?
            .query_map([top as i64], |r| {
                Ok(json!({"code": r.get::<_, String>(0)?, "name": r.get::<_, Option<String>>(1)?,
                    "country": r.get::<_, Option<String>>(2)?, "kind": r.get::<_, Option<String>>(3)?,
                    "events": r.get::<_, i64>(4)?, "mentions": r.get::<_, i64>(5)?}))
            })?
            .collect()
        })
    }

    /// Dyads with event counts and mean Goldstein score, most active first.
    pub fn network(
        &self,
        from: Option<&str>,
        to: Option<&str>,
        limit: usize,
    ) -> Result<Vec<serde_json::Value>> {
        let to = to.map(|d| format!("{d}\u{10FFFF}"));
        self.budgeted(|c| {
            c.prepare_cached(
                "SELECT source_code, target_code, COUNT(*), SUM(num_mentions), AVG(goldstein)
                 FROM events WHERE target_code != '' AND date >= ?1 AND date <= ?2
                 GROUP BY source_code, target_code ORDER BY COUNT(*) DESC, 1, 2 LIMIT ?3",
            )?
            .query_map(
                params![
                    from.unwrap_or(""),
                    to.as_deref().unwrap_or("\u{10FFFF}"),
                    limit as i64
                ],
                |r| {
                    Ok(
                        json!({"source": r.get::<_, String>(0)?, "target": r.get::<_, String>(1)?,
                        "events": r.get::<_, i64>(2)?, "mentions": r.get::<_, i64>(3)?,
                        "mean_goldstein": (r.get::<_, f64>(4)? * 100.0).round() / 100.0}),
                    )
                },
            )?
            .collect()
        })
    }

    /// Events per day, week (starting Monday) or month, for one actor prefix or all.
    pub fn timeline(&self, actor: Option<&str>, bucket: &str) -> Result<Vec<serde_json::Value>> {
        let key = match bucket {
            "day" => "date",
            "week" => "date(date, '-6 days', 'weekday 1')",
            _ => "substr(date, 1, 7)",
        };
        let (w, p) = where_clause(&EventFilter {
            actor: actor.map(str::to_string),
            ..Default::default()
        });
        let cond = if w.is_empty() {
            " WHERE e.date != ''".to_string()
        } else {
            format!("{w} AND e.date != ''")
        };
        let sql = format!(
            "SELECT {key} AS b, COUNT(*), SUM(e.num_mentions), AVG(e.goldstein) FROM events e{cond}
             GROUP BY b ORDER BY b LIMIT 5000"
        );
        self.budgeted(|c| {
            c.prepare_cached(&sql)?
                .query_map(params_from_iter(p.iter()), |r| {
                    Ok(json!({"bucket": r.get::<_, Option<String>>(0)?, "events": r.get::<_, i64>(1)?,
                        "mentions": r.get::<_, i64>(2)?,
                        "mean_goldstein": (r.get::<_, f64>(3)? * 100.0).round() / 100.0}))
                })?
                .collect()
        })
    }

    /// Quotes, optionally of one speaker (name, code or text as written; case-insensitive).
    pub fn quotes(
        &self,
        speaker: Option<&str>,
        limit: usize,
        cursor: Option<i64>,
    ) -> Result<(Vec<serde_json::Value>, Option<i64>)> {
        let base = "SELECT q.id, q.article_id, q.sentence, q.start, q.end, q.kind, q.text,
            q.speaker_text, q.speaker_name, q.speaker_code, q.speaker_country, a.title, a.url
            FROM quotes q JOIN articles a ON a.id = q.article_id";
        let after = cursor.unwrap_or(0);
        let (sql, p): (String, Vec<Value>) = match speaker {
            Some(s) => (
                format!(
                    "{base} WHERE q.id > ?1 AND (q.speaker_name = ?2 COLLATE NOCASE
                     OR q.speaker_code = ?2 OR q.speaker_text = ?2 COLLATE NOCASE)
                     ORDER BY q.id LIMIT ?3"
                ),
                vec![
                    Value::Integer(after),
                    Value::Text(s.to_string()),
                    Value::Integer(limit as i64 + 1),
                ],
            ),
            None => (
                format!("{base} WHERE q.id > ?1 ORDER BY q.id LIMIT ?2"),
                vec![Value::Integer(after), Value::Integer(limit as i64 + 1)],
            ),
        };
        let mut rows: Vec<serde_json::Value> = self.budgeted(|c| {
            c.prepare_cached(&sql)?
                .query_map(params_from_iter(p.iter()), |r| {
                    Ok(json!({"id": r.get::<_, i64>(0)?, "article_id": r.get::<_, i64>(1)?,
                        "sentence": r.get::<_, i64>(2)?, "start": r.get::<_, i64>(3)?, "end": r.get::<_, i64>(4)?,
                        "kind": r.get::<_, String>(5)?, "text": r.get::<_, String>(6)?,
                        "speaker": {"text": r.get::<_, Option<String>>(7)?, "name": r.get::<_, Option<String>>(8)?,
                                    "code": r.get::<_, Option<String>>(9)?, "country": r.get::<_, Option<String>>(10)?},
                        "title": r.get::<_, Option<String>>(11)?, "url": r.get::<_, Option<String>>(12)?}))
                })?
                .collect()
        })?;
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().and_then(|q| q["id"].as_i64())
        } else {
            None
        };
        Ok((rows, next))
    }

    /// Row counts of the main tables.
    pub fn stats(&self) -> Result<serde_json::Value> {
        self.budgeted(|c| {
            let n = |t: &str| -> rusqlite::Result<i64> {
                c.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
            };
            Ok(json!({"articles": n("articles")?, "events": n("events")?, "mentions": n("mentions")?,
                "actors": n("actors")?, "places": n("places")?, "quotes": n("quotes")?,
                "clusters": c.query_row("SELECT COUNT(*) FROM articles WHERE cluster_id = id", [], |r| r.get::<_, i64>(0))?}))
        })
    }
}
