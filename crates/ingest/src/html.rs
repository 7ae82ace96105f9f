//! HTML pages: main text via `dom_smoothie` (readability), plus title, publication date and
//! canonical URL from the page's metadata.

use chrono::NaiveDate;
use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};
use wirecoder_core::Document;

use crate::date::parse_date;
use crate::detect::decode_text;
use crate::plain::{parse_plain, PlainParts};
use crate::{make_document, IngestError, IngestOptions};

/// What an HTML page yields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlArticle {
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    /// Body and dateline; `parts.title` repeats `title`.
    pub parts: PlainParts,
}

/// `<meta>` names/properties that carry a publication date, most specific first.
const DATE_META_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
];

pub(crate) fn read(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    let (html, _) = decode_text(bytes).map_err(|r| IngestError::new(name, r))?;
    let art = html_to_document_parts(&html);
    if art.parts.body.is_empty() {
        return Err(IngestError::new(name, "no article text found in HTML"));
    }
    Ok(make_document(
        name.to_string(),
        art.url,
        art.title,
        art.date,
        art.parts,
        opts,
    ))
}

/// Extract the article of an HTML page: main text with paragraphs separated by blank lines,
/// title, publication date (meta tags, JSON-LD `datePublished`, `<time datetime>`) and
/// canonical URL (`link rel=canonical`, `og:url`, JSON-LD `url`).
pub fn html_to_document_parts(html: &str) -> HtmlArticle {
    if max_nesting(html) > MAX_NESTING {
        // The DOM parser and readability are quadratic in nesting depth; no real page is
        // this deep, so strip tags instead of building a tree.
        let parts = parse_plain(&strip_tags(html), None);
        return HtmlArticle {
            title: parts.title.clone(),
            parts,
            ..Default::default()
        };
    }
    let dom = Dom::from(html);
    let mut meta_date = None;
    let mut og_url = None;
    let mut og_title = None;
    let mut best_rank = usize::MAX;
    for node in dom.select("meta").nodes() {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"))
            .map(|k| k.to_lowercase());
        let (Some(key), Some(content)) = (key, node.attr("content")) else {
            continue;
        };
        if let Some(rank) = DATE_META_KEYS.iter().position(|k| *k == key) {
            if rank < best_rank {
                if let Some(d) = parse_date(&content) {
                    meta_date = Some(d);
                    best_rank = rank;
                }
            }
        } else if key == "og:url" && og_url.is_none() {
            og_url = Some(content.trim().to_string());
        } else if key == "og:title" && og_title.is_none() {
            og_title = Some(content.trim().to_string());
        }
    }
    let canonical = dom
        .select("link")
        .nodes()
        .iter()
        .find(|n| {
            n.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|x| x.eq_ignore_ascii_case("canonical"))
            })
        })
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string());
    let time_date = dom
        .select("time")
        .nodes()
        .iter()
        .filter_map(|n| n.attr("datetime").and_then(|d| parse_date(&d)))
        .next();

    let cfg = Config {
        text_mode: TextMode::Formatted,
        // Bigger pages skip readability and use all body text (bounded time).
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    let (mut title, mut text, mut ld_url, mut ld_date) = (None, String::new(), None, None);
    if let Ok(mut r) = Readability::new(html, None, Some(cfg)) {
        if let Ok(a) = r.parse() {
            title = Some(a.title.trim().to_string()).filter(|t| !t.is_empty());
            text = a.text_content.to_string();
            ld_url = a.url;
            ld_date = a.published_time.as_deref().and_then(parse_date);
        }
    }
    if text.trim().is_empty() {
        // Readability found no article (short page, fragment): use all body text.
        text = dom.select("body").formatted_text().to_string();
    }
    let title = title
        .or(og_title.filter(|t| !t.is_empty()))
        .or_else(|| Some(dom.select("title").text().trim().to_string()).filter(|t| !t.is_empty()));
    let parts = parse_plain(&text, title.as_deref());
    HtmlArticle {
        url: canonical
            .filter(|u| !u.is_empty())
            .or(og_url.filter(|u| !u.is_empty()))
            .or(ld_url),
        title: parts.title.clone(),
        date: meta_date.or(ld_date).or(time_date),
        parts,
    }
}

/// Deeper tag nesting than this is treated as hostile (see [`strip_tags`]).
const MAX_NESTING: usize = 512;
/// Readability runs only on pages with at most this many elements.
const MAX_ELEMENTS: usize = 50_000;

const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "!doctype",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "article",
    "section",
    "blockquote",
    "header",
    "footer",
    "pre",
    "figure",
    "figcaption",
    "main",
    "aside",
    "nav",
    "title",
];

/// Tags of an HTML text in order: (lower-case name, is closing, is self-closing).
fn tags(html: &str) -> impl Iterator<Item = (usize, usize, String, bool, bool)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rel = html.get(pos..)?.find('<')?;
        let start = pos + rel;
        let end = start
            + html
                .get(start..)?
                .find('>')
                .unwrap_or(html.len() - start - 1)
            + 1;
        pos = end;
        let inner = html.get(start + 1..end - 1).unwrap_or("");
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_ascii_lowercase();
        Some((start, end, name, closing, inner.ends_with('/')))
    })
}

/// Rough maximum element nesting depth, from a linear scan of the tags.
fn max_nesting(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for (_, _, name, closing, self_closing) in tags(html) {
        if name.is_empty() || VOID_TAGS.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// Linear-time text of HTML without a DOM: block tags become paragraph breaks, script and
/// style contents are dropped, entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    let mut skip_until: Option<&str> = None;
    for (start, end, name, closing, _) in tags(html) {
        if skip_until.is_none() {
            out.push_str(&decode_entities(html.get(last..start).unwrap_or("")));
        }
        last = end;
        match skip_until {
            Some(t) if closing && name == t => skip_until = None,
            Some(_) => {}
            None if !closing && (name == "script" || name == "style") => {
                skip_until = Some(if name == "script" { "script" } else { "style" });
            }
            None if name == "br" => out.push('\n'),
            None if BLOCK_TAGS.contains(&name.as_str()) => out.push_str("\n\n"),
            None => {}
        }
    }
    if skip_until.is_none() {
        out.push_str(&decode_entities(html.get(last..).unwrap_or("")));
    }
    out
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.get(1..).and_then(|r| r.find(';')).filter(|&e| e <= 32);
        let decoded = end.and_then(|e| {
            let name = &rest[1..=e];
            let ch = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
            {
                u32::from_str_radix(num, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>()
                    .ok()
                    .and_then(char::from_u32)
                    .map(String::from)
            } else {
                quick_xml::escape::resolve_html5_entity(name).map(String::from)
            };
            ch.map(|c| (c, e + 2))
        });
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text of an HTML fragment (feed item content), paragraphs separated by blank lines.
pub(crate) fn fragment_text(html: &str) -> String {
    if max_nesting(html) > MAX_NESTING {
        return strip_tags(html).trim().to_string();
    }
    let dom = Dom::from(html);
    dom.select("body").formatted_text().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_text_and_metadata() {
        let html = r#"<!DOCTYPE html><html><head><title>Site | Ministers meet</title>
<meta property="og:title" content="Ministers meet in Oslo">
<meta property="article:published_time" content="2021-03-04T10:00:00+01:00">
<link rel="canonical" href="https://news.example/ministers">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ministers meet in Oslo</h1>
<p>OSLO (Reuters) - Foreign ministers from five countries met in Oslo on Thursday to discuss the fishing dispute that has strained relations for a year.</p>
<p>The talks ended without an agreement, officials said, but both sides promised to meet again next month in a smaller group.</p>
<p>Photo: Reuters</p>
</article><footer>Copyright</footer></body></html>"#;
        let a = html_to_document_parts(html);
        assert_eq!(a.title.as_deref(), Some("Ministers meet in Oslo"));
        assert_eq!(a.url.as_deref(), Some("https://news.example/ministers"));
        assert_eq!(a.date, NaiveDate::from_ymd_opt(2021, 3, 4));
        assert_eq!(a.parts.dateline_place.as_deref(), Some("OSLO"));
        assert_eq!(a.parts.dateline_source.as_deref(), Some("Reuters"));
        assert!(
            a.parts.body.starts_with("Foreign ministers"),
            "{}",
            a.parts.body
        );
        assert!(
            a.parts.body.contains("year.\n\nThe talks"),
            "{}",
            a.parts.body
        );
        assert!(!a.parts.body.contains("Photo"), "{}", a.parts.body);
        assert!(!a.parts.body.contains("Home"), "{}", a.parts.body);
    }

    #[test]
    fn deep_nesting_uses_the_linear_fallback() {
        let n = 20_000;
        let html = format!(
            "<html><body>{}<p>Deep text &amp; more.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        assert!(max_nesting(&html) > MAX_NESTING);
        let a = html_to_document_parts(&html);
        assert_eq!(a.parts.body, "Deep text & more.");
        assert_eq!(
            max_nesting("<p>a<br>b<img src=x/></p><div><span>c</span></div>"),
            2
        );
        assert_eq!(
            strip_tags("<p>A &#8212; b&nbsp;c</p><script>x()</script><p>D &bogus; E & F</p>"),
            "\n\nA \u{2014} b\u{a0}c\n\n\n\nD &bogus; E & F\n\n"
        );
    }

    #[test]
    fn fragment_keeps_paragraphs() {
        assert_eq!(
            fragment_text("<p>One.</p><p>Two &amp; three.</p>"),
            "One.\n\nTwo & three."
        );
    }
}
