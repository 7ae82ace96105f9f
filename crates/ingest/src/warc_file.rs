//! WARC files: `response` (HTTP) and `resource` records with HTML bodies become documents,
//! with `WARC-Target-URI` as URL and `WARC-Date` as date when the page itself has no
//! publication date.
//!
//! The reader is our own small streaming one rather than the `warc` crate: that crate adds 4
//! to the header's Content-Length without a check (a panic on hostile input) and reads
//! bodies line by line; here a record is read with `take(len)`, and oversize records are
//! skipped without being held in memory.

use std::io::{self, BufRead, Read};

use flate2::read::{MultiGzDecoder, ZlibDecoder};
use wirecoder_core::Document;

use crate::date::parse_date;
use crate::detect::{decode_text, sniff, Format};
use crate::html::html_to_document_parts;
use crate::jsonl::read_line_capped;
use crate::{make_document, CountingReader, DocIter, IngestError, IngestOptions};

/// Header block larger than this is not a WARC header.
const MAX_HEADER_BYTES: u64 = 64 * 1024;

pub(crate) fn read<R: BufRead + Send + 'static>(
    name: String,
    reader: R,
    opts: IngestOptions,
) -> DocIter {
    Box::new(WarcIter {
        name,
        reader: CountingReader::new(reader),
        opts,
        n: 0,
        done: false,
    })
}

struct WarcIter<R> {
    name: String,
    reader: CountingReader<R>,
    opts: IngestOptions,
    n: u64,
    done: bool,
}

impl<R: BufRead> WarcIter<R> {
    fn fail(
        &mut self,
        at: u64,
        reason: impl Into<String>,
    ) -> Option<Result<Document, IngestError>> {
        self.done = true;
        Some(Err(IngestError::new(
            format!("{}:byte {at}", self.name),
            reason,
        )))
    }
}

impl<R: BufRead> Iterator for WarcIter<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut line = Vec::new();
        while !self.done {
            let start = self.reader.consumed;
            line.clear();
            let (used, overflow) =
                match read_line_capped(&mut self.reader, &mut line, MAX_HEADER_BYTES) {
                    Ok(x) => x,
                    Err(e) => return self.fail(start, e.to_string()),
                };
            if used == 0 {
                self.done = true;
                return None;
            }
            if !overflow && line.iter().all(|b| b.is_ascii_whitespace()) {
                continue; // blank lines between records
            }
            if overflow || !line.starts_with(b"WARC/") {
                return self.fail(start, "expected a WARC record header (WARC/1.x)");
            }
            self.n += 1;
            let mut headers: Vec<(String, String)> = Vec::new();
            let mut header_bytes = 0u64;
            loop {
                line.clear();
                let (used, overflow) =
                    match read_line_capped(&mut self.reader, &mut line, MAX_HEADER_BYTES) {
                        Ok(x) => x,
                        Err(e) => return self.fail(start, e.to_string()),
                    };
                header_bytes += used as u64;
                if used == 0 {
                    return self.fail(start, "truncated WARC header");
                }
                if overflow || header_bytes > MAX_HEADER_BYTES {
                    return self.fail(start, "WARC header too long");
                }
                let text = String::from_utf8_lossy(&line);
                let text = text.trim_end_matches(['\r', '\n']);
                if text.is_empty() {
                    break;
                }
                if let Some((k, v)) = text.split_once(':') {
                    headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                }
            }
            let header = |k: &str| {
                headers
                    .iter()
                    .find(|(n, _)| n == k)
                    .map(|(_, v)| v.as_str())
            };
            let Some(len) = header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fail(start, "WARC record without a valid Content-Length");
            };
            let id = format!("{}#{}", self.name, self.n);
            let location = format!("{}:byte {start}", self.name);
            if len > self.opts.max_document_bytes {
                let skipped = io::copy(&mut (&mut self.reader).take(len), &mut io::sink());
                if !matches!(skipped, Ok(n) if n == len) {
                    return self.fail(start, "truncated WARC record");
                }
                return Some(Err(IngestError::new(
                    location,
                    format!("WARC record of {len} bytes is larger than the document limit"),
                )));
            }
            let mut body = Vec::new();
            if let Err(e) = (&mut self.reader).take(len).read_to_end(&mut body) {
                return self.fail(start, e.to_string());
            }
            if (body.len() as u64) < len {
                return self.fail(start, "truncated WARC record");
            }
            let kind = header("warc-type").unwrap_or("").to_ascii_lowercase();
            let uri = header("warc-target-uri")
                .map(|u| u.trim_matches(['<', '>']).to_string())
                .filter(|u| !u.is_empty());
            let date = header("warc-date").and_then(parse_date);
            let html = match kind.as_str() {
                "response" => http_html(&body, self.opts.max_document_bytes),
                "resource" => {
                    let ct = header("content-type").unwrap_or("").to_ascii_lowercase();
                    if ct.contains("html") || (ct.is_empty() && sniff("", &body) == Format::Html) {
                        Ok(Some(body))
                    } else {
                        Ok(None)
                    }
                }
                _ => Ok(None),
            };
            match html {
                Ok(None) => continue, // not an HTML page: nothing to analyse
                Err(reason) => return Some(Err(IngestError::new(location, reason))),
                Ok(Some(page)) => {
                    let text = match decode_text(&page) {
                        Ok((t, _)) => t,
                        Err(reason) => return Some(Err(IngestError::new(location, reason))),
                    };
                    let a = html_to_document_parts(&text);
                    if a.parts.body.is_empty() {
                        return Some(Err(IngestError::new(
                            location,
                            "no article text found in HTML",
                        )));
                    }
                    return Some(Ok(make_document(
                        id,
                        uri.or(a.url),
                        a.title,
                        a.date.or(a.parts.date).or(date),
                        a.parts,
                        &self.opts,
                    )));
                }
            }
        }
        None
    }
}

/// The HTML payload of an HTTP response, `None` when it is not a successful HTML response.
fn http_html(msg: &[u8], cap: u64) -> Result<Option<Vec<u8>>, String> {
    let (head, payload) = match find(msg, b"\r\n\r\n") {
        Some(i) => (&msg[..i], &msg[i + 4..]),
        None => match find(msg, b"\n\n") {
            Some(i) => (&msg[..i], &msg[i + 2..]),
            None => return Ok(None),
        },
    };
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse::<u16>().ok());
    if !matches!(status, Some(200..=299)) {
        return Ok(None);
    }
    let (mut ctype, mut chunked, mut encoding) = (String::new(), false, String::new());
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => ctype = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = v,
                _ => {}
            }
        }
    }
    let mut body = if chunked {
        dechunk(payload)
    } else {
        payload.to_vec()
    };
    body = match encoding.as_str() {
        "" | "identity" => body,
        "gzip" | "x-gzip" => inflate(MultiGzDecoder::new(&body[..]), cap)?,
        "deflate" => inflate(ZlibDecoder::new(&body[..]), cap)?,
        other => return Err(format!("unsupported Content-Encoding {other:?}")),
    };
    let is_html = if ctype.is_empty() {
        sniff("", &body) == Format::Html
    } else {
        ctype.contains("html")
    };
    Ok(is_html.then_some(body))
}

fn inflate(r: impl Read, cap: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(cap.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decompress HTTP body: {e}"))?;
    if out.len() as u64 > cap {
        return Err("decompressed HTTP body is larger than the document limit".to_string());
    }
    Ok(out)
}

/// Undo HTTP chunked transfer encoding; tolerant of a missing final chunk.
fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = find(data, b"\n") {
        let size_line = String::from_utf8_lossy(&data[..eol]);
        let size_hex = size_line.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            break;
        };
        data = &data[eol + 1..];
        if size == 0 {
            break;
        }
        let take = size.min(data.len());
        out.extend_from_slice(&data[..take]);
        data = &data[take..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=1\r\n world\r\n0\r\n\r\n"),
            b"hello world"
        );
        assert_eq!(dechunk(b"ff\r\nshort"), b"short");
    }

    #[test]
    fn http_status_and_type() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>";
        assert_eq!(
            http_html(ok, 100).unwrap().as_deref(),
            Some(&b"<p>x</p>"[..])
        );
        let img = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert_eq!(http_html(img, 100).unwrap(), None);
        let redirect = b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<p>x</p>";
        assert_eq!(http_html(redirect, 100).unwrap(), None);
    }
}
