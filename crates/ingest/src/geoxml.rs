//! Geoparsing-corpus XML (GeoWebNews, LGL, TR-News, GeoVirus): each `<article>`'s `<text>`
//! becomes one document, streamed with quick-xml. The text is kept verbatim (only XML
//! unescaping and XML 1.0 end-of-line normalisation) because the corpora's gold toponym
//! offsets refer to it.

use std::io::BufRead;

use quick_xml::escape::{resolve_html5_entity, resolve_xml_entity};
use quick_xml::events::Event;
use quick_xml::Reader;
use wirecoder_core::Document;

use crate::date::parse_date;
use crate::plain::PlainParts;
use crate::{make_document, DocIter, IngestError, IngestOptions};

pub(crate) fn read<R: BufRead + Send + 'static>(
    name: String,
    reader: R,
    opts: IngestOptions,
) -> DocIter {
    let mut xml = Reader::from_reader(reader);
    let cfg = xml.config_mut();
    cfg.check_end_names = false;
    cfg.allow_unmatched_ends = true;
    cfg.allow_dangling_amp = true;
    cfg.trim_text_start = false;
    cfg.trim_text_end = false;
    Box::new(CorpusIter {
        name,
        xml,
        opts,
        buf: Vec::new(),
        depth: 0,
        article: None,
        n: 0,
        done: false,
    })
}

#[derive(Default)]
struct Article {
    depth: usize,
    start: u64,
    title: Option<String>,
    url: Option<String>,
    date: Option<String>,
    text: Option<String>,
    /// Field being captured: (element name, its depth, text so far).
    field: Option<(String, usize, String)>,
}

struct CorpusIter<R> {
    name: String,
    xml: Reader<R>,
    opts: IngestOptions,
    buf: Vec<u8>,
    depth: usize,
    article: Option<Article>,
    n: u64,
    done: bool,
}

const FIELDS: &[&str] = &["title", "link", "url", "source", "dltime", "date", "text"];

impl<R: BufRead> Iterator for CorpusIter<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let pos = self.xml.buffer_position();
            let event = match self.xml.read_event_into(&mut self.buf) {
                Ok(e) => e,
                Err(e) => {
                    self.done = true;
                    let at = self.xml.error_position();
                    return Some(Err(IngestError::new(
                        format!("{}:byte {at}", self.name),
                        format!("XML: {e}"),
                    )));
                }
            };
            match event {
                Event::Start(e) => {
                    self.depth += 1;
                    let local = e.local_name();
                    let tag = local.as_ref().to_ascii_lowercase();
                    match &mut self.article {
                        None if tag == "article" => {
                            self.n += 1;
                            self.article = Some(Article {
                                depth: self.depth,
                                start: pos,
                                ..Default::default()
                            });
                        }
                        Some(a)
                            if a.field.is_none()
                                && self.depth == a.depth + 1
                                && FIELDS.contains(&tag.as_str()) =>
                        {
                            a.field = Some((tag, self.depth, String::new()));
                        }
                        _ => {}
                    }
                }
                Event::Text(t) => push(&mut self.article, &t.xml10_content()),
                Event::CData(t) => push(&mut self.article, &t.xml10_content()),
                Event::GeneralRef(r) => {
                    let s = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => {
                            let ent = r.xml10_content();
                            match resolve_xml_entity(&ent).or_else(|| resolve_html5_entity(&ent)) {
                                Some(v) => v.to_string(),
                                None => format!("&{ent};"),
                            }
                        }
                    };
                    push(&mut self.article, &s);
                }
                Event::End(_) => {
                    let depth = self.depth;
                    self.depth = self.depth.saturating_sub(1);
                    let Some(a) = &mut self.article else { continue };
                    if a.field.as_ref().is_some_and(|f| f.1 == depth) {
                        if let Some((tag, _, value)) = a.field.take() {
                            let slot = match tag.as_str() {
                                "title" => &mut a.title,
                                "text" => &mut a.text,
                                "dltime" | "date" => &mut a.date,
                                _ => &mut a.url,
                            };
                            if slot.is_none() {
                                *slot = Some(value);
                            }
                        }
                    } else if a.depth == depth {
                        if let Some(a) = self.article.take() {
                            return Some(self.finish(a));
                        }
                    }
                }
                Event::Eof => {
                    self.done = true;
                    if let Some(a) = self.article.take() {
                        return Some(Err(IngestError::new(
                            format!("{}:byte {}", self.name, a.start),
                            "article not closed before end of file",
                        )));
                    }
                    if self.n == 0 {
                        return Some(Err(IngestError::new(
                            self.name.clone(),
                            "no <article> elements",
                        )));
                    }
                }
                _ => {}
            }
        }
        None
    }
}

/// Append text to the field being captured, if any.
fn push(article: &mut Option<Article>, s: &str) {
    if let Some(Article {
        field: Some((_, _, value)),
        ..
    }) = article
    {
        value.push_str(s);
    }
}

impl<R> CorpusIter<R> {
    fn finish(&self, a: Article) -> Result<Document, IngestError> {
        let location = format!("{}:byte {}", self.name, a.start);
        let body = a.text.unwrap_or_default();
        if body.trim().is_empty() {
            return Err(IngestError::new(location, "article has no <text>"));
        }
        // Tolerant: an unreadable download time falls back to the option date.
        let date = a.date.as_deref().and_then(parse_date);
        let collapse = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let parts = PlainParts {
            body,
            ..Default::default()
        };
        Ok(make_document(
            format!("{}#{}", self.name, self.n),
            a.url.map(collapse),
            a.title.map(collapse),
            date,
            parts,
            &self.opts,
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::{read_bytes, IngestOptions};

    #[test]
    fn reads_articles_verbatim() {
        let xml = br#"<?xml version="1.0"?>
<articles>
  <article docid="9">
    <title> A  title </title>
    <url>
      http://example.org/a
    </url>
    <dltime>2009-03-20 12:24:52.002364-05</dltime>
    <text><![CDATA[Line one in Paris.
Line two & more.]]></text>
    <toponyms><toponym><start>12</start><end>17</end><phrase>Paris</phrase></toponym></toponyms>
  </article>
  <article><text>Caf&#233; in Rome &amp; Oslo</text></article>
</articles>"#;
        let docs = read_bytes("c.xml", xml, &IngestOptions::default());
        assert_eq!(docs.len(), 2);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.id, "c.xml#1");
        assert_eq!(a.title.as_deref(), Some("A title"));
        assert_eq!(a.url.as_deref(), Some("http://example.org/a"));
        assert_eq!(a.published, chrono::NaiveDate::from_ymd_opt(2009, 3, 20));
        assert_eq!(a.body, "Line one in Paris.\nLine two & more.");
        assert_eq!(a.body.get(12..17), Some("Paris"));
        let b = docs[1].as_ref().unwrap();
        assert_eq!(b.id, "c.xml#2");
        assert_eq!(b.body, "Café in Rome & Oslo");
    }

    #[test]
    fn broken_xml_reports_position() {
        let xml = b"<articles><article><text>ok</text></article><article><text>cut";
        let docs = read_bytes("c.xml", xml, &IngestOptions::default());
        assert!(docs[0].is_ok());
        let e = docs.last().unwrap().as_ref().unwrap_err();
        assert!(e.location.starts_with("c.xml:byte "), "{e}");
    }
}
