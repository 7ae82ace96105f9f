//! RSS/Atom feeds (via `feed-rs`): each item's title, link, date and content (or summary)
//! becomes one document.

use wirecoder_core::Document;

use crate::html::fragment_text;
use crate::plain::parse_plain;
use crate::{make_document, DocIter, IngestError, IngestOptions};

pub(crate) fn read(name: &str, bytes: &[u8], opts: &IngestOptions) -> DocIter {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            return Box::new(std::iter::once(Err(IngestError::new(
                name,
                format!("not a readable RSS/Atom feed: {e}"),
            ))))
        }
    };
    let docs: Vec<Result<Document, IngestError>> = feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let n = i + 1;
            let title = entry
                .title
                .map(|t| collapse(&t.content))
                .filter(|t| !t.is_empty());
            let url = entry.links.first().map(|l| l.href.trim().to_string());
            // feed-rs keeps timestamps in UTC; the UTC calendar date is what we get.
            let date = entry.published.or(entry.updated).map(|d| d.date_naive());
            let raw = entry
                .content
                .and_then(|c| c.body)
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.map(|s| s.content));
            let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
                return Err(IngestError::new(
                    format!("{name}#{n}"),
                    "feed item has no content or summary",
                ));
            };
            let text = if raw.contains('<') {
                fragment_text(&raw)
            } else {
                raw
            };
            let parts = parse_plain(&text, title.as_deref());
            if parts.body.is_empty() {
                return Err(IngestError::new(format!("{name}#{n}"), "no body text"));
            }
            Ok(make_document(
                format!("{name}#{n}"),
                url,
                title,
                date,
                parts,
                opts,
            ))
        })
        .collect();
    if docs.is_empty() {
        return Box::new(std::iter::once(Err(IngestError::new(
            name,
            "feed has no items",
        ))));
    }
    Box::new(docs.into_iter())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
