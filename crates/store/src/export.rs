//! Exports: GDELT 2.0 events (61 columns) and mentions (16 columns), JSONL, PLOVER JSONL,
//! CSV and Parquet. Rows come out in event-id order, so the same database gives the same bytes.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::{Datelike, NaiveDate};
use serde_json::json;

use crate::query::{ActorRef, EventFilter, EventRecord, MentionRecord, PlaceRef, Reader};
use crate::{Result, StoreError};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gdelt,
    Mentions,
    Jsonl,
    Plover,
    Parquet,
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Ok(match s {
            "gdelt" => Format::Gdelt,
            "mentions" => Format::Mentions,
            "jsonl" => Format::Jsonl,
            "plover" => Format::Plover,
            "parquet" => Format::Parquet,
            "csv" => Format::Csv,
            _ => return Err(format!("unknown format {s:?}")),
        })
    }
}

/// The GDELT 2.0 event table columns, in the official order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The GDELT 2.0 mentions table columns, in the official order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// Columns of the flat `csv` and `parquet` exports.
pub const FLAT_COLUMNS: [&str; 33] = [
    "id",
    "date",
    "source_code",
    "source_name",
    "source_country",
    "source_sectors",
    "target_code",
    "target_name",
    "target_country",
    "target_sectors",
    "cameo",
    "root",
    "label",
    "quad_class",
    "goldstein",
    "plover_event",
    "plover_mode",
    "plover_context",
    "place_id",
    "place_name",
    "place_country",
    "place_admin1",
    "lat",
    "lon",
    "num_mentions",
    "num_sources",
    "num_articles",
    "is_root",
    "first_article",
    "first_date",
    "source_url",
    "first_doc",
    "place_feature",
];

/// CAMEO religion codes; the rest of an actor's sectors are GDELT "type" codes.
const RELIGIONS: [&str; 30] = [
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD",
    "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "PAG", "PRO", "SFI", "SHI", "SHN",
    "SIK", "SUN", "TAO", "ZRO",
];

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn parse_date(d: &str) -> Option<NaiveDate> {
    let full = match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.get(..10)?.to_string(),
    };
    NaiveDate::parse_from_str(&full, "%Y-%m-%d").ok()
}

fn compact(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%Y%m%d").to_string())
        .unwrap_or_default()
}

fn gdelt_actor(a: Option<&ActorRef>) -> Vec<String> {
    let Some(a) = a else {
        return vec![String::new(); 10];
    };
    let known = ["IGO", "NGO", "IMG", "MNC"]
        .iter()
        .find(|p| a.code.starts_with(*p) && a.code.len() >= 6)
        .and_then(|_| a.code.get(3..6))
        .unwrap_or("")
        .to_string();
    let religions: Vec<&String> = a
        .sectors
        .iter()
        .filter(|s| RELIGIONS.contains(&s.as_str()))
        .collect();
    let types: Vec<&String> = a
        .sectors
        .iter()
        .filter(|s| !RELIGIONS.contains(&s.as_str()))
        .collect();
    let nth = |v: &[&String], i: usize| v.get(i).map(|s| s.to_string()).unwrap_or_default();
    vec![
        clean(&a.code),
        clean(&a.name.clone().unwrap_or_default().to_uppercase()),
        a.country.clone().unwrap_or_default(),
        known,
        String::new(),
        nth(&religions, 0),
        nth(&religions, 1),
        nth(&types, 0),
        nth(&types, 1),
        nth(&types, 2),
    ]
}

/// GDELT geo type from a GeoNames feature: 1 country, 2 US state, 3 US city, 4 world city,
/// 5 world state.
fn geo_type(p: &PlaceRef) -> &'static str {
    let f = p.feature.as_deref().unwrap_or("");
    let us = p.country == "US";
    if f.starts_with("A.PCL") {
        "1"
    } else if f.starts_with("A.ADM") {
        if us {
            "2"
        } else {
            "5"
        }
    } else if us {
        "3"
    } else {
        "4"
    }
}

fn gdelt_geo(p: Option<&PlaceRef>) -> Vec<String> {
    let Some(p) = p else {
        let mut v = vec![String::new(); 8];
        v[0] = "0".into();
        return v;
    };
    let mut full = vec![p.name.clone()];
    if let Some(a) = &p.admin1 {
        if a != &p.name {
            full.push(a.clone());
        }
    }
    full.push(p.country.clone());
    vec![
        geo_type(p).into(),
        clean(&full.join(", ")),
        p.country.clone(),
        p.country.clone(),
        String::new(),
        format!("{:.4}", p.lat),
        format!("{:.4}", p.lon),
        // A place GeoNames does not list (a street) has no feature id.
        if p.geonames_id > 0 {
            p.geonames_id.to_string()
        } else {
            String::new()
        },
    ]
}

/// One event as the 61 GDELT 2.0 columns.
pub fn gdelt_row(e: &EventRecord) -> Vec<String> {
    let date = parse_date(&e.date);
    let mut row = vec![
        e.id.to_string(),
        compact(date),
        date.map(|d| d.format("%Y%m").to_string())
            .unwrap_or_default(),
        date.map(|d| d.year().to_string()).unwrap_or_default(),
        date.map(|d| {
            format!(
                "{:.4}",
                f64::from(d.year()) + f64::from(d.ordinal()) / 365.0
            )
        })
        .unwrap_or_default(),
    ];
    row.extend(gdelt_actor(Some(&e.source)));
    row.extend(gdelt_actor(e.target.as_ref()));
    row.extend([
        u8::from(e.is_root).to_string(),
        e.cameo.clone(),
        e.cameo.get(..3).unwrap_or(&e.cameo).to_string(),
        e.root.clone(),
        e.quad_class.to_string(),
        format!("{:.1}", e.goldstein),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        "0".into(),
    ]);
    row.extend(gdelt_geo(None));
    row.extend(gdelt_geo(None));
    row.extend(gdelt_geo(e.place.as_ref()));
    let added = e.first_date.as_deref().and_then(parse_date).or(date);
    row.push(
        added
            .map(|d| format!("{}000000", d.format("%Y%m%d")))
            .unwrap_or_default(),
    );
    row.push(clean(
        e.source_url
            .as_deref()
            .or(e.first_doc.as_deref())
            .unwrap_or(""),
    ));
    row
}

/// One mention as the 16 GDELT 2.0 mention columns.
pub fn mention_row(e: &EventRecord, m: &MentionRecord) -> Vec<String> {
    let event_time = e
        .first_date
        .as_deref()
        .and_then(parse_date)
        .or_else(|| parse_date(&e.date));
    let ts = |d: Option<NaiveDate>| {
        d.map(|d| format!("{}000000", d.format("%Y%m%d")))
            .unwrap_or_default()
    };
    vec![
        e.id.to_string(),
        ts(event_time),
        ts(m.published.as_deref().and_then(parse_date)),
        "1".into(),
        clean(&m.source_name),
        clean(m.url.as_deref().unwrap_or(&m.doc)),
        (m.sentence + 1).to_string(),
        m.source_start.to_string(),
        m.target_start
            .map(|x| x.to_string())
            .unwrap_or_else(|| "-1".into()),
        m.verb_start.to_string(),
        "1".into(),
        "100".into(),
        m.doc_chars.to_string(),
        "0".into(),
        String::new(),
        String::new(),
    ]
}

fn flat_row(e: &EventRecord) -> Vec<String> {
    let t = e.target.as_ref();
    let p = e.place.as_ref();
    let pl = e.plover.as_ref();
    vec![
        e.id.to_string(),
        e.date.clone(),
        e.source.code.clone(),
        e.source.name.clone().unwrap_or_default(),
        e.source.country.clone().unwrap_or_default(),
        e.source.sectors.join(";"),
        t.map(|t| t.code.clone()).unwrap_or_default(),
        t.and_then(|t| t.name.clone()).unwrap_or_default(),
        t.and_then(|t| t.country.clone()).unwrap_or_default(),
        t.map(|t| t.sectors.join(";")).unwrap_or_default(),
        e.cameo.clone(),
        e.root.clone(),
        e.label.clone().unwrap_or_default(),
        e.quad_class.to_string(),
        e.goldstein.to_string(),
        pl.map(|p| p.event.clone()).unwrap_or_default(),
        pl.and_then(|p| p.mode.clone()).unwrap_or_default(),
        pl.map(|p| p.context.join(";")).unwrap_or_default(),
        p.filter(|p| p.geonames_id > 0)
            .map(|p| p.geonames_id.to_string())
            .unwrap_or_default(),
        p.map(|p| p.name.clone()).unwrap_or_default(),
        p.map(|p| p.country.clone()).unwrap_or_default(),
        p.and_then(|p| p.admin1.clone()).unwrap_or_default(),
        p.map(|p| p.lat.to_string()).unwrap_or_default(),
        p.map(|p| p.lon.to_string()).unwrap_or_default(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        e.is_root.to_string(),
        e.first_article.to_string(),
        e.first_date.clone().unwrap_or_default(),
        e.source_url.clone().unwrap_or_default(),
        e.first_doc.clone().unwrap_or_default(),
        p.and_then(|p| p.feature.clone()).unwrap_or_default(),
    ]
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn write_line(out: &mut dyn Write, fields: &[String], sep: &str) -> Result<()> {
    out.write_all(fields.join(sep).as_bytes())?;
    out.write_all(b"\n")?;
    Ok(())
}

/// A PLOVER-style record of one event (None when the event has no PLOVER coding).
pub fn plover_record(e: &EventRecord, sentence: Option<&str>) -> Option<serde_json::Value> {
    let pl = e.plover.as_ref()?;
    let actor = |a: Option<&ActorRef>| a.map(|a| a.name.clone().unwrap_or_else(|| a.code.clone()));
    Some(json!({
        "id": format!("wirecoder-{}", e.id),
        "date": e.date,
        "event": pl.event,
        "mode": pl.mode,
        "context": pl.context,
        "actor": actor(Some(&e.source)),
        "actor_code": e.source.code,
        "actor_country": e.source.country,
        "recipient": actor(e.target.as_ref()),
        "recipient_code": e.target.as_ref().map(|t| t.code.clone()),
        "recipient_country": e.target.as_ref().and_then(|t| t.country.clone()),
        "event_loc": e.place.as_ref().map(|p| json!({"name": p.name, "country": p.country,
            "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id})),
        "event_text": sentence,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
        "num_mentions": e.num_mentions,
        "num_sources": e.num_sources,
        "num_articles": e.num_articles,
        "source_url": e.source_url,
    }))
}

/// Write `format` for the events matching `filter` to `out`; returns the number of records.
/// `header` adds the column names to `gdelt`/`mentions` (GDELT files have none).
pub fn export(
    reader: &Reader,
    format: Format,
    filter: &EventFilter,
    header: bool,
    out: Box<dyn Write + Send>,
) -> Result<usize> {
    let mut n = 0usize;
    match format {
        Format::Parquet => return write_parquet(reader, filter, out),
        Format::Mentions => {
            let mut out = std::io::BufWriter::new(out);
            if header {
                write_line(&mut out, &GDELT_MENTION_COLUMNS.map(String::from), "\t")?;
            }
            reader.for_each_mention(filter, |e, m| {
                n += 1;
                write_line(&mut out, &mention_row(e, &m), "\t")
            })?;
            out.flush()?;
        }
        Format::Plover => {
            let mut out = std::io::BufWriter::new(out);
            let mut last: Option<i64> = None;
            reader.for_each_mention(filter, |e, m| {
                // one record per event, with the first mention's sentence as its text
                if last == Some(e.id) {
                    return Ok(());
                }
                last = Some(e.id);
                if let Some(rec) = plover_record(e, Some(&m.sentence_text)) {
                    n += 1;
                    serde_json::to_writer(&mut out, &rec)?;
                    out.write_all(b"\n")?;
                }
                Ok(())
            })?;
            out.flush()?;
        }
        Format::Gdelt | Format::Jsonl | Format::Csv => {
            let mut out = std::io::BufWriter::new(out);
            if header && format == Format::Gdelt {
                write_line(&mut out, &GDELT_EVENT_COLUMNS.map(String::from), "\t")?;
            }
            if format == Format::Csv {
                write_line(&mut out, &FLAT_COLUMNS.map(String::from), ",")?;
            }
            reader.for_each_event(filter, |e| {
                n += 1;
                match format {
                    Format::Gdelt => write_line(&mut out, &gdelt_row(&e), "\t"),
                    Format::Csv => write_line(
                        &mut out,
                        &flat_row(&e)
                            .iter()
                            .map(|s| csv_field(s))
                            .collect::<Vec<_>>(),
                        ",",
                    ),
                    _ => {
                        serde_json::to_writer(&mut out, &e)?;
                        out.write_all(b"\n")?;
                        Ok(())
                    }
                }
            })?;
            out.flush()?;
        }
    }
    Ok(n)
}

fn flat_schema() -> Arc<Schema> {
    let int_cols = [
        "id",
        "quad_class",
        "place_id",
        "num_mentions",
        "num_sources",
        "num_articles",
        "first_article",
    ];
    let float_cols = ["goldstein", "lat", "lon"];
    Arc::new(Schema::new(
        FLAT_COLUMNS
            .iter()
            .map(|c| {
                let (t, nullable) = if int_cols.contains(c) {
                    (DataType::Int64, *c == "place_id")
                } else if float_cols.contains(c) {
                    (DataType::Float64, *c != "goldstein")
                } else if *c == "is_root" {
                    (DataType::Boolean, false)
                } else {
                    (DataType::Utf8, true)
                };
                Field::new(*c, t, nullable)
            })
            .collect::<Vec<_>>(),
    ))
}

fn parquet_batch(schema: &Arc<Schema>, rows: &[EventRecord]) -> Result<RecordBatch> {
    let mut cols: Vec<ArrayRef> = Vec::new();
    for (i, field) in schema.fields().iter().enumerate() {
        let col: ArrayRef = match field.data_type() {
            DataType::Int64 => {
                let mut b = Int64Builder::new();
                for r in rows {
                    let flat = flat_row(r);
                    b.append_option(flat.get(i).and_then(|s| s.parse::<i64>().ok()));
                }
                Arc::new(b.finish())
            }
            DataType::Float64 => {
                let mut b = Float64Builder::new();
                for r in rows {
                    let flat = flat_row(r);
                    b.append_option(flat.get(i).and_then(|s| s.parse::<f64>().ok()));
                }
                Arc::new(b.finish())
            }
            DataType::Boolean => {
                let mut b = BooleanBuilder::new();
                for r in rows {
                    b.append_value(r.is_root);
                }
                Arc::new(b.finish())
            }
            _ => {
                let mut b = StringBuilder::new();
                for r in rows {
                    let flat = flat_row(r);
                    match flat.get(i) {
                        Some(s) if !s.is_empty() => b.append_value(s),
                        _ => b.append_null(),
                    }
                }
                Arc::new(b.finish())
            }
        };
        cols.push(col);
    }
    RecordBatch::try_new(schema.clone(), cols).map_err(|e| StoreError::Parquet(e.to_string()))
}

fn write_parquet(
    reader: &Reader,
    filter: &EventFilter,
    out: Box<dyn Write + Send>,
) -> Result<usize> {
    use parquet::arrow::ArrowWriter;
    use parquet::basic::Compression;
    use parquet::file::properties::WriterProperties;
    let schema = flat_schema();
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let perr = |e: parquet::errors::ParquetError| StoreError::Parquet(e.to_string());
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props)).map_err(perr)?;
    let mut rows: Vec<EventRecord> = Vec::new();
    let mut n = 0usize;
    reader.for_each_event(filter, |e| {
        rows.push(e);
        n += 1;
        if rows.len() >= 65_536 {
            let batch = parquet_batch(&schema, &rows)?;
            writer.write(&batch).map_err(perr)?;
            rows.clear();
        }
        Ok(())
    })?;
    if !rows.is_empty() || n == 0 {
        let batch = parquet_batch(&schema, &rows)?;
        writer.write(&batch).map_err(perr)?;
    }
    writer.close().map_err(perr)?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_counts_are_official() {
        assert_eq!(GDELT_EVENT_COLUMNS.len(), 61);
        assert_eq!(GDELT_MENTION_COLUMNS.len(), 16);
        assert_eq!(GDELT_EVENT_COLUMNS[25], "IsRootEvent");
        assert_eq!(GDELT_EVENT_COLUMNS[59], "DATEADDED");
    }

    #[test]
    fn dates_of_any_precision_parse() {
        assert_eq!(compact(parse_date("2016-06-09")), "20160609");
        assert_eq!(compact(parse_date("2016-06")), "20160601");
        assert_eq!(compact(parse_date("2016")), "20160101");
        assert_eq!(compact(parse_date("")), "");
        assert_eq!(compact(parse_date("junk")), "");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(csv_field("a"), "a");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
