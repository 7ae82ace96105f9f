//! JSONL: one article per line (`id`, `url`, `title`, `date`, `text` or `html`), read line by
//! line so files of any size stream. A bad line is reported as `file:line: reason` and
//! skipped.

use std::io::{self, BufRead};

use serde_json::{Map, Value};
use wirecoder_core::Document;

use crate::date::parse_date;
use crate::html::html_to_document_parts;
use crate::plain::parse_plain;
use crate::{make_document, DocIter, IngestError, IngestOptions};

pub(crate) fn read<R: BufRead + Send + 'static>(
    name: String,
    reader: R,
    opts: IngestOptions,
) -> DocIter {
    Box::new(JsonlIter {
        name,
        reader,
        opts,
        line_no: 0,
        buf: Vec::new(),
        done: false,
    })
}

struct JsonlIter<R> {
    name: String,
    reader: R,
    opts: IngestOptions,
    line_no: u64,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> Iterator for JsonlIter<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let (consumed, overflow) = match read_line_capped(
                &mut self.reader,
                &mut self.buf,
                self.opts.max_document_bytes,
            ) {
                Ok(x) => x,
                Err(e) => {
                    self.done = true;
                    return Some(Err(IngestError::new(
                        format!("{}:{}", self.name, self.line_no + 1),
                        e.to_string(),
                    )));
                }
            };
            if consumed == 0 {
                self.done = true;
                return None;
            }
            self.line_no += 1;
            let location = format!("{}:{}", self.name, self.line_no);
            if overflow {
                return Some(Err(IngestError::new(
                    location,
                    format!("line longer than {} bytes", self.opts.max_document_bytes),
                )));
            }
            let line = trim_ascii(&self.buf);
            if line.is_empty() {
                continue;
            }
            let id = format!("{}#{}", self.name, self.line_no);
            return Some(
                parse_record(line, id, &self.opts).map_err(|r| IngestError::new(location, r)),
            );
        }
        None
    }
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    let b = b.strip_prefix(b"\xef\xbb\xbf").unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(start, |e| e + 1);
    b.get(start..end).unwrap_or(&[])
}

/// Read one line (without keeping more than `cap` bytes). Returns bytes consumed (0 at end
/// of input) and whether the line was longer than `cap` (its content is then discarded).
pub(crate) fn read_line_capped(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    cap: u64,
) -> io::Result<(usize, bool)> {
    let mut consumed = 0usize;
    let mut overflow = false;
    loop {
        let avail = match reader.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((consumed, overflow));
        }
        let (chunk, found) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (&avail[..=i], true),
            None => (avail, false),
        };
        let n = chunk.len();
        if !overflow {
            if (buf.len() + n) as u64 > cap.saturating_add(1) {
                overflow = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        reader.consume(n);
        consumed += n;
        if found {
            return Ok((consumed, overflow));
        }
    }
}

/// Parse one JSON line into a document.
pub(crate) fn parse_record(
    line: &[u8],
    default_id: String,
    opts: &IngestOptions,
) -> Result<Document, String> {
    let value: Value = serde_json::from_slice(line).map_err(|e| format!("invalid JSON: {e}"))?;
    parse_value(value, default_id, opts)
}

/// A `.json` file holding an array of records: each element is read like a JSONL line,
/// with `#N` the 1-based element number.
pub(crate) fn read_array(name: &str, bytes: &[u8], opts: &IngestOptions) -> DocIter {
    let values: Vec<Value> = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            return Box::new(std::iter::once(Err(IngestError::new(
                format!("{name}:{}", e.line()),
                format!("invalid JSON array: {e}"),
            ))))
        }
    };
    let name = name.to_string();
    let opts = opts.clone();
    Box::new(values.into_iter().enumerate().map(move |(i, v)| {
        let id = format!("{name}#{}", i + 1);
        parse_value(v, id.clone(), &opts).map_err(|r| IngestError::new(id, r))
    }))
}

fn parse_value(value: Value, default_id: String, opts: &IngestOptions) -> Result<Document, String> {
    let Value::Object(obj) = value else {
        return Err("not a JSON object".to_string());
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => default_id,
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => return Err("`id` must be a non-empty string or a number".to_string()),
    };
    let url = string_field(&obj, "url")?;
    let title = string_field(&obj, "title")?;
    let date =
        match string_field(&obj, "date")? {
            None => None,
            Some(d) => Some(parse_date(&d).ok_or_else(|| {
                format!("`date` {d:?} is not a date (use YYYY-MM-DD or RFC 3339)")
            })?),
        };
    let text = match string_field(&obj, "text")? {
        Some(t) => Some(t),
        None => string_field(&obj, "body")?,
    };
    let (url, title, date, parts) = match (text, string_field(&obj, "html")?) {
        (Some(t), _) => {
            let parts = parse_plain(&t, title.as_deref());
            (url, title, date, parts)
        }
        (None, Some(h)) => {
            let a = html_to_document_parts(&h);
            (url.or(a.url), title.or(a.title), date.or(a.date), a.parts)
        }
        (None, None) => return Err("no `text` or `html` field".to_string()),
    };
    if parts.body.is_empty() {
        return Err("no body text".to_string());
    }
    Ok(make_document(id, url, title, date, parts, opts))
}

fn string_field(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("`{key}` must be a string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> IngestOptions {
        IngestOptions::default()
    }

    #[test]
    fn record_fields() {
        let d = parse_record(
            br#"{"id":"a1","url":"http://x","title":"T","date":"2020-01-02T03:04:05Z","text":"T\n\nBody one.\n\nBody two."}"#,
            "f#1".into(),
            &opts(),
        )
        .unwrap();
        assert_eq!(d.id, "a1");
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.published, chrono::NaiveDate::from_ymd_opt(2020, 1, 2));
        assert_eq!(d.body, "Body one.\n\nBody two.");
        let d = parse_record(br#"{"id":7,"text":"Hi there."}"#, "f#1".into(), &opts()).unwrap();
        assert_eq!(d.id, "7");
        let d = parse_record(br#"{"text":"Hi there."}"#, "f#3".into(), &opts()).unwrap();
        assert_eq!(d.id, "f#3");
    }

    #[test]
    fn record_errors() {
        for (line, want) in [
            (&br#"{"text": "#[..], "invalid JSON"),
            (br#"[1,2]"#, "not a JSON object"),
            (br#"{"title":"x"}"#, "no `text` or `html`"),
            (br#"{"text":"a","date":"soon"}"#, "is not a date"),
            (br#"{"text":5}"#, "must be a string"),
        ] {
            let e = parse_record(line, "f#1".into(), &opts()).unwrap_err();
            assert!(e.contains(want), "{e}");
        }
    }

    #[test]
    fn capped_lines() {
        let mut r = io::Cursor::new(b"short\nthis line is long\nend".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line_capped(&mut r, &mut buf, 8).unwrap(), (6, false));
        assert_eq!(buf, b"short\n");
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 8).unwrap(), (18, true));
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 8).unwrap(), (3, false));
        assert_eq!(buf, b"end");
        buf.clear();
        assert_eq!(read_line_capped(&mut r, &mut buf, 8).unwrap(), (0, false));
    }
}
