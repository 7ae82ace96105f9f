//! Ingest: reads articles from files, directories (recursive) and stdin into
//! [`Document`]s. Formats are detected by content first and extension second: plain text,
//! HTML, JSONL, RSS/Atom, WARC (also gzip-compressed) and the geoparsing-corpus XML
//! (`<articles><article>...<text>`). A bad record is reported with its file and position and
//! skipped; the rest of the input is still read.
//!
//! Choices callers can rely on:
//! - **Ids**: the JSONL `id` when present, else the path as given (directory inputs: the
//!   directory as given joined with the relative path). Multi-record files add `#N`: the
//!   1-based line number for JSONL, the 1-based record/item/article/element number for
//!   WARC, RSS/Atom, corpus XML and `.json` arrays. Stdin is `-` (`-#N`).
//! - **Body**: [`Document::body`] is final: later stages take offsets into it unchanged.
//!   Paragraphs are separated by one blank line. Title, standalone datelines and photo
//!   credits are removed from plain text, HTML, JSONL and feed text; corpus-XML `<text>` is
//!   kept verbatim because gold offsets refer to it.
//! - **Datelines**: [`Document::dateline_place`] is kept as written (`TEHRAN`), as the core
//!   data model documents.
//! - **Dates**: a metadata date wins, else [`IngestOptions::doc_date`]. Timestamps keep the
//!   calendar date as written in their own offset (no conversion to UTC).
//! - **Encodings**: NUL bytes or mostly undecodable bytes make a file binary (an error naming
//!   the file and byte). Text that is not valid UTF-8 is decoded as Windows-1252 when that is
//!   the better fit, otherwise lossily as UTF-8; UTF-16 with a BOM is decoded.
//! - **Empty** input (nothing but whitespace) is an error, never a panic.
//! - **Size**: JSONL, WARC and corpus XML stream record by record; whole-file formats
//!   (text, HTML, a feed, a `.json` array) refuse files over
//!   [`IngestOptions::max_document_bytes`].

mod date;
mod detect;
mod feed;
mod geoxml;
mod html;
mod jsonl;
mod plain;
mod warc_file;

use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use wirecoder_core::Document;

pub use date::parse_date;
pub use detect::{decode_text, sniff, Format};
pub use html::{html_to_document_parts, HtmlArticle};
pub use plain::{parse_plain, PlainParts};

/// Default for [`IngestOptions::max_document_bytes`]: far above any real article.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 32 * 1024 * 1024;

/// Options that apply to every input.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Date for documents whose metadata has none.
    pub doc_date: Option<NaiveDate>,
    /// Largest single document (a text/HTML/feed file, one JSONL line, one WARC record) read
    /// into memory; bigger ones are reported and skipped.
    pub max_document_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            doc_date: None,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

/// A record that could not be read: where, and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{location}: {reason}")]
pub struct IngestError {
    /// `file` or `file:line` (or `file:byte N`) of the bad record.
    pub location: String,
    pub reason: String,
}

impl IngestError {
    pub(crate) fn new(location: impl Into<String>, reason: impl Into<String>) -> Self {
        IngestError {
            location: location.into(),
            reason: reason.into(),
        }
    }
}

/// One readable input: a file or stdin, with its size when known (for progress bars and
/// per-source resume).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Name used in ids and error locations: the path as given, or `-` for stdin.
    pub name: String,
    /// File to open; `None` means stdin.
    pub path: Option<PathBuf>,
    /// Size in bytes (files only).
    pub size: Option<u64>,
}

/// Boxed document stream; `Send` so callers can move it to a worker thread.
pub type DocIter = Box<dyn Iterator<Item = Result<Document, IngestError>> + Send>;

/// Expand inputs (files, directories, `-`) into the sources to read, in order: inputs as
/// given, directories walked recursively in sorted order, hidden entries skipped. Fails on
/// the first input that does not exist or cannot be listed.
pub fn list_sources(inputs: &[String]) -> Result<Vec<Source>, IngestError> {
    let mut out = Vec::new();
    for input in inputs {
        out.extend(expand_input(input)?);
    }
    Ok(out)
}

/// Sources of one input (see [`list_sources`]).
pub fn expand_input(input: &str) -> Result<Vec<Source>, IngestError> {
    if input == "-" {
        return Ok(vec![Source {
            name: "-".to_string(),
            path: None,
            size: None,
        }]);
    }
    let path = PathBuf::from(input);
    let meta = fs::metadata(&path).map_err(|e| IngestError::new(input, e.to_string()))?;
    if meta.is_dir() {
        let mut out = Vec::new();
        walk_dir(&path, input, &mut out)?;
        Ok(out)
    } else {
        Ok(vec![Source {
            name: input.to_string(),
            path: Some(path),
            size: Some(meta.len()),
        }])
    }
}

fn walk_dir(dir: &Path, name: &str, out: &mut Vec<Source>) -> Result<(), IngestError> {
    let entries = fs::read_dir(dir).map_err(|e| IngestError::new(name, e.to_string()))?;
    let mut items = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| IngestError::new(name, e.to_string()))?;
        let file_name = entry.file_name();
        if file_name.to_string_lossy().starts_with('.') {
            continue;
        }
        items.push((file_name, entry.path()));
    }
    items.sort();
    for (file_name, path) in items {
        let child_name = if name.ends_with('/') {
            format!("{name}{}", file_name.to_string_lossy())
        } else {
            format!("{name}/{}", file_name.to_string_lossy())
        };
        // symlink_metadata: symlinked directories are not followed (no cycles); symlinked
        // files are read.
        let lmeta = fs::symlink_metadata(&path)
            .map_err(|e| IngestError::new(&child_name, e.to_string()))?;
        if lmeta.is_dir() {
            walk_dir(&path, &child_name, out)?;
        } else if lmeta.file_type().is_symlink() {
            match fs::metadata(&path) {
                Ok(m) if m.is_file() => out.push(Source {
                    name: child_name,
                    path: Some(path),
                    size: Some(m.len()),
                }),
                _ => {}
            }
        } else if lmeta.is_file() {
            out.push(Source {
                name: child_name,
                path: Some(path),
                size: Some(lmeta.len()),
            });
        }
    }
    Ok(())
}

/// Stream the documents of one source.
pub fn read_source(source: &Source, opts: &IngestOptions) -> DocIter {
    match &source.path {
        None => read_reader(&source.name, Box::new(io::stdin()), opts),
        Some(path) => match fs::File::open(path) {
            Ok(f) => read_reader(&source.name, Box::new(f), opts),
            Err(e) => Box::new(std::iter::once(Err(IngestError::new(
                source.name.clone(),
                e.to_string(),
            )))),
        },
    }
}

/// Stream the documents of any reader; `name` is used for ids, error locations and the
/// extension hint.
pub fn read_reader(name: &str, reader: Box<dyn Read + Send>, opts: &IngestOptions) -> DocIter {
    read_reader_depth(name, reader, opts, 0)
}

/// Read `bytes` as if they were a file called `name` (tests, fuzzing, in-memory callers).
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Vec<Result<Document, IngestError>> {
    read_reader(name, Box::new(io::Cursor::new(bytes.to_vec())), opts).collect()
}

const SNIFF_BYTES: usize = 8192;

fn read_reader_depth(
    name: &str,
    mut reader: Box<dyn Read + Send>,
    opts: &IngestOptions,
    depth: u8,
) -> DocIter {
    let mut prefix = Vec::with_capacity(SNIFF_BYTES);
    if let Err(e) = (&mut reader)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut prefix)
    {
        return one_err(name, e.to_string());
    }
    let format = sniff(name, &prefix);
    let rest: Box<dyn Read + Send> = Box::new(io::Cursor::new(prefix).chain(reader));
    let name_s = name.to_string();
    match format {
        Format::Empty => one_err(name, "empty input"),
        Format::Binary(reason) => one_err(name, reason),
        Format::Gzip => {
            if depth > 0 {
                return one_err(name, "nested gzip compression is not supported");
            }
            let inner = flate2::read::MultiGzDecoder::new(rest);
            // The inner name drops `.gz` so the extension hint still works.
            let inner_name = name.strip_suffix(".gz").unwrap_or(name).to_string();
            let docs = read_reader_depth(&inner_name, Box::new(inner), opts, depth + 1);
            // Ids and locations keep the real file name.
            Box::new(docs.map(move |r| {
                let fix = |s: String| match s.strip_prefix(&inner_name) {
                    Some(tail) if inner_name != name_s => format!("{name_s}{tail}"),
                    _ => s,
                };
                match r {
                    Ok(mut d) => {
                        d.id = fix(d.id);
                        Ok(d)
                    }
                    Err(mut e) => {
                        e.location = fix(e.location);
                        Err(e)
                    }
                }
            }))
        }
        Format::Jsonl => jsonl::read(name_s, BufReader::new(rest), opts.clone()),
        Format::Warc => warc_file::read(name_s, BufReader::new(rest), opts.clone()),
        Format::CorpusXml => geoxml::read(name_s, BufReader::new(rest), opts.clone()),
        Format::Feed | Format::Html | Format::Text | Format::JsonArray => {
            let bytes = match read_capped(rest, opts.max_document_bytes) {
                Ok(b) => b,
                Err(reason) => return one_err(name, reason),
            };
            match format {
                Format::Feed => feed::read(&name_s, &bytes, opts),
                Format::JsonArray => jsonl::read_array(&name_s, &bytes, opts),
                Format::Html => Box::new(std::iter::once(html::read(&name_s, &bytes, opts))),
                _ => Box::new(std::iter::once(plain::read(&name_s, &bytes, opts))),
            }
        }
    }
}

fn read_capped(reader: impl Read, cap: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let mut limited = reader.take(cap.saturating_add(1));
    limited.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > cap {
        return Err(format!(
            "larger than {cap} bytes: too big for one document (split it, or use JSONL with one article per line)"
        ));
    }
    Ok(bytes)
}

fn one_err(location: &str, reason: impl Into<String>) -> DocIter {
    Box::new(std::iter::once(Err(IngestError::new(location, reason))))
}

/// Stream the documents of every input (`-` = stdin), in a deterministic order.
pub fn documents(
    inputs: &[String],
    opts: &IngestOptions,
) -> impl Iterator<Item = Result<Document, IngestError>> {
    let opts = opts.clone();
    // Owned: the returned iterator must not borrow the caller's slice.
    let owned: Vec<String> = inputs.to_vec();
    owned.into_iter().flat_map(move |input| -> DocIter {
        match expand_input(&input) {
            Err(e) => Box::new(std::iter::once(Err(e))),
            Ok(sources) => {
                let opts = opts.clone();
                Box::new(
                    sources
                        .into_iter()
                        .flat_map(move |s| read_source(&s, &opts)),
                )
            }
        }
    })
}

/// Shared by the format readers: fills the common fields from already-cleaned parts.
pub(crate) fn make_document(
    id: String,
    url: Option<String>,
    title: Option<String>,
    date: Option<NaiveDate>,
    parts: PlainParts,
    opts: &IngestOptions,
) -> Document {
    Document {
        id,
        url: url.filter(|u| !u.is_empty()),
        title: title.or(parts.title).filter(|t| !t.is_empty()),
        published: date.or(parts.date).or(opts.doc_date),
        dateline_place: parts.dateline_place,
        dateline_source: parts.dateline_source,
        body: parts.body,
    }
}

/// `BufRead` wrapper that counts consumed bytes, so record readers can report `byte N`.
pub(crate) struct CountingReader<R> {
    inner: R,
    pub(crate) consumed: u64,
}

impl<R> CountingReader<R> {
    pub(crate) fn new(inner: R) -> Self {
        CountingReader { inner, consumed: 0 }
    }
}

impl<R: BufRead> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.inner.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for CountingReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.consumed += amt as u64;
        self.inner.consume(amt);
    }
}
