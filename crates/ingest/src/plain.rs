//! Plain-text articles: title line, repeated titles, datelines and photo credits are
//! separated from the body; the body keeps its paragraph breaks (one blank line).

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;
use wirecoder_core::Document;

use crate::date::parse_date;
use crate::detect::decode_text;
use crate::{make_document, IngestError, IngestOptions};

/// What a plain text splits into.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainParts {
    pub title: Option<String>,
    /// Dateline place as written ("TEHRAN").
    pub dateline_place: Option<String>,
    pub dateline_source: Option<String>,
    /// Date from a date line before the body ("June 9, 2016", "Published: 2016-06-09").
    pub date: Option<NaiveDate>,
    /// Body paragraphs, separated by exactly one blank line; no leading/trailing blank lines.
    pub body: String,
}

/// Longest first line still taken as a title.
const MAX_TITLE_CHARS: usize = 200;
const MAX_TITLE_WORDS: usize = 30;

/// "TEHRAN – Agence France-Presse" on a line of its own.
static STANDALONE_DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?P<place>[A-Z][A-Z'’.\-]*[A-Z.](?: [A-Z][A-Z'’.\-]*[A-Z.]){0,3}(?:,\s*[A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){0,2})?)\s*(?:[–—]|--?)\s*(?P<src>[A-Z][\w'’.&\-]*(?: [\w'’.&\-]+){0,5})$",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// "WASHINGTON (Reuters) - " / "BEIRUT, Lebanon — " / "NEW YORK, June 9 (AP) -- " at the
/// start of the first paragraph.
static INLINE_DATELINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?P<place>[A-Z][A-Z'’.\-]*[A-Z.](?: [A-Z][A-Z'’.\-]*[A-Z.]){0,3}(?:,\s*[A-Z][A-Za-z'’.\-]*(?: [A-Z][A-Za-z'’.\-]*){0,2})?)(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?P<src>[^()\n]{2,40})\))?\s*(?:[–—]|--?)\s+",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// A line that is only a photo credit: "AFP photo", "Photo: Reuters", "(AFP Photo/X Y)".
static PHOTO_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^\(?\s*(?:(?:[A-Z][\w.&'’\-]*\s+){0,3}(?i:file\s+)?(?i:photos?|photograph|pictures?|pic|images?|foto)(?:\s*(?:[/:|–—\-]|(?i:by|courtesy(?:\s+of)?))\s*[^\n]{0,80})?|(?i:photo\s+)?(?i:credits?)\s*:\s*[^\n]{1,80}|(?:[A-Z][\w.&'’\-]*\s+){0,3}(?:via\s+)?Getty Images(?:\s*/\s*[^\n]{0,60})?)\s*\)?\.?$",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// A photo credit in parentheses inside a line.
static PHOTO_INLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"\s*\((?:[A-Z][\w.&'’\-]*\s+){0,3}(?i:photos?|photograph|pictures?)(?:\s*(?:[/:|]|(?i:by\b|courtesy\b))[^()\n]{0,80})?\)",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// "By Jane Doe" / "By Jane Doe and John Roe, Staff Writers" before the body.
static BYLINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?i:by)\s+[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3}(?:\s*(?:,|and|&)\s*[^\n]{0,60})?$",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// Read one plain-text document.
pub(crate) fn read(
    name: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    let (text, _decoding) = decode_text(bytes).map_err(|r| IngestError::new(name, r))?;
    if text.trim().is_empty() {
        return Err(IngestError::new(name, "empty input"));
    }
    let parts = parse_plain(&text, None);
    if parts.body.is_empty() {
        return Err(IngestError::new(name, "no body text"));
    }
    Ok(make_document(
        name.to_string(),
        None,
        None,
        None,
        parts,
        opts,
    ))
}

/// Split a plain text into title, dateline and body. With `known_title` (from metadata) no
/// title is guessed, but copies of it before the body are still dropped.
pub fn parse_plain(text: &str, known_title: Option<&str>) -> PlainParts {
    let text = normalize_newlines(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let parts = split(&lines, known_title, known_title.is_none());
    if parts.body.is_empty() && known_title.is_none() && parts.title.is_some() {
        // A one-line text is the article, not a headline without one.
        return split(&lines, None, false);
    }
    parts
}

fn split(lines: &[&str], known_title: Option<&str>, guess_title: bool) -> PlainParts {
    let mut parts = PlainParts {
        title: known_title.map(collapse_ws).filter(|t| !t.is_empty()),
        ..Default::default()
    };
    let mut i = 0;
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    if guess_title {
        if let Some(first) = lines.get(i) {
            if is_title_like(first.trim()) {
                parts.title = Some(collapse_ws(first));
                i += 1;
            }
        }
    }
    // Header zone: repeated titles, a standalone dateline, photo credits, bylines.
    while let Some(line) = lines.get(i) {
        let l = line.trim();
        if l.is_empty()
            || parts.title.as_deref().is_some_and(|t| same_text(l, t))
            || is_photo_credit(l)
            || (l.len() <= 100 && BYLINE.is_match(l))
        {
            i += 1;
            continue;
        }
        if let Some(d) = date_line(l) {
            parts.date = parts.date.or(Some(d));
            i += 1;
            continue;
        }
        if parts.dateline_place.is_none() {
            if let Some((place, src)) = standalone_dateline(l) {
                parts.dateline_place = Some(place);
                parts.dateline_source = Some(src);
                i += 1;
                continue;
            }
        }
        break;
    }
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut first_line = true;
    for line in lines.get(i..).unwrap_or(&[]) {
        let mut l = line.trim().to_string();
        if first_line && !l.is_empty() {
            first_line = false;
            if let Some((place, src, rest)) = inline_dateline(&l) {
                if parts.dateline_place.is_none() {
                    parts.dateline_place = Some(place);
                    parts.dateline_source = src;
                }
                l = rest;
            }
        }
        if !l.is_empty() && PHOTO_INLINE.is_match(&l) {
            l = PHOTO_INLINE.replace_all(&l, "").trim().to_string();
            if l.is_empty() {
                continue; // the line was only a credit: not a paragraph break either
            }
        }
        if l.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else if is_photo_credit(&l) {
            continue;
        } else {
            current.push(l);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    parts.body = paragraphs.join("\n\n");
    parts
}

/// A dateline line: an all-caps place, a dash, and an agency-like name (capitalised words,
/// no sentence end), e.g. "TEHRAN – Agence France-Presse".
fn standalone_dateline(line: &str) -> Option<(String, String)> {
    let c = STANDALONE_DATELINE.captures(line)?;
    let place = c.name("place")?.as_str().trim();
    let src = c.name("src")?.as_str().trim();
    let words: Vec<&str> = src.split_whitespace().collect();
    let agency_like = words.len() == 1
        || words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase() || ch == '&')
                || matches!(*w, "of" | "and" | "the" | "de" | "for" | "news")
        });
    let last = words.last()?;
    let sentence_end =
        last.ends_with(['!', '?']) || (last.ends_with('.') && last.matches('.').count() == 1);
    (agency_like && !sentence_end).then(|| (place.to_string(), src.to_string()))
}

fn inline_dateline(line: &str) -> Option<(String, Option<String>, String)> {
    let c = INLINE_DATELINE.captures(line)?;
    let whole = c.get(0)?;
    let place = c.name("place")?.as_str().trim();
    let src = c.name("src").map(|m| m.as_str().trim().to_string());
    let rest = &line[whole.end()..];
    // "US - China talks": too short a place without an agency; "NATO – the alliance": the
    // text after a dateline starts a sentence.
    let starts_sentence = rest
        .chars()
        .next()
        .is_some_and(|ch| ch.is_uppercase() || ch.is_ascii_digit() || "\"“‘'".contains(ch));
    if !starts_sentence
        || (src.is_none() && place.chars().filter(|c| c.is_alphabetic()).count() < 3)
    {
        return None;
    }
    Some((place.to_string(), src, rest.to_string()))
}

/// A line that is only a date, maybe labelled: "2 November 2022", "Published: 2016-06-09".
fn date_line(line: &str) -> Option<NaiveDate> {
    if line.len() > 60 {
        return None;
    }
    let lower = line.to_lowercase();
    let mut rest = line;
    for label in ["published", "updated", "posted", "date", "first published"] {
        if lower.starts_with(label) {
            rest = line.get(label.len()..)?.trim_start_matches([':', ' ', '-']);
            break;
        }
    }
    parse_date(rest)
}

fn is_title_like(line: &str) -> bool {
    let chars = line.chars().count();
    if chars == 0 || chars > MAX_TITLE_CHARS || line.split_whitespace().count() > MAX_TITLE_WORDS {
        return false;
    }
    let last = line
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .chars()
        .last();
    if matches!(last, Some('.' | '!' | '?' | '…' | ';' | ':' | ',') | None) {
        return false;
    }
    standalone_dateline(line).is_none()
        && !is_photo_credit(line)
        && date_line(line).is_none()
        && inline_dateline(line).is_none()
}

fn is_photo_credit(line: &str) -> bool {
    line.len() <= 120 && PHOTO_LINE.is_match(line)
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_text(a: &str, b: &str) -> bool {
    let mut x = a.split_whitespace();
    let mut y = b.split_whitespace();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p.to_lowercase() == q.to_lowercase() => {}
            _ => return false,
        }
    }
}

fn normalize_newlines(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}', '\u{85}'], "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_like_header() {
        let t = "Talks on water rights end in Cairo\n\nTalks on water rights end in Cairo\n\nCAIRO – Agence France-Presse\nTalks on water rights end in Cairo\n\nAFP photo\n\nFirst paragraph here.\nStill first.\n\n\n\nSecond paragraph.  \n";
        let p = parse_plain(t, None);
        assert_eq!(
            p.title.as_deref(),
            Some("Talks on water rights end in Cairo")
        );
        assert_eq!(p.dateline_place.as_deref(), Some("CAIRO"));
        assert_eq!(p.dateline_source.as_deref(), Some("Agence France-Presse"));
        assert_eq!(
            p.body,
            "First paragraph here.\nStill first.\n\nSecond paragraph."
        );
    }

    #[test]
    fn inline_dateline_is_stripped() {
        let p = parse_plain(
            "WASHINGTON (Reuters) - The Senate voted on Tuesday.\n\nMore.",
            None,
        );
        assert_eq!(p.title, None);
        assert_eq!(p.dateline_place.as_deref(), Some("WASHINGTON"));
        assert_eq!(p.dateline_source.as_deref(), Some("Reuters"));
        assert_eq!(p.body, "The Senate voted on Tuesday.\n\nMore.");

        let p = parse_plain("BEIRUT, Lebanon — Shelling resumed overnight.", None);
        assert_eq!(p.dateline_place.as_deref(), Some("BEIRUT, Lebanon"));
        assert_eq!(p.dateline_source, None);
        assert_eq!(p.body, "Shelling resumed overnight.");

        let p = parse_plain("NATO - the alliance met.", None);
        assert_eq!(p.dateline_place, None);
        let p = parse_plain("US - China talks resumed.", None);
        assert_eq!(p.dateline_place, None);
    }

    #[test]
    fn photo_credits_are_not_body() {
        for credit in [
            "AFP photo",
            "Photo: Reuters",
            "(AFP Photo/Jane Roe)",
            "Reuters photo by John Doe",
            "File photo",
            "Credit: AP",
            "Getty Images",
        ] {
            let t = format!("Para one.\n\n{credit}\n\nPara two.");
            assert_eq!(
                parse_plain(&t, None).body,
                "Para one.\n\nPara two.",
                "{credit}"
            );
        }
        let p = parse_plain("Troops moved in (AFP Photo/Jane Roe) on Monday.", None);
        assert_eq!(p.body, "Troops moved in on Monday.");
        // Ordinary sentences mentioning photos stay.
        let t = "The minister said the photo was fake.";
        assert_eq!(parse_plain(t, None).body, t);
    }

    #[test]
    fn title_rules() {
        let p = parse_plain("A sentence that ends with a period.\n\nBody.", None);
        assert_eq!(p.title, None);
        let p = parse_plain("Iran condemns strike", None);
        assert_eq!(p.title, None, "a lone line is the body");
        assert_eq!(p.body, "Iran condemns strike");
        let p = parse_plain("Headline\r\n\r\nBy Jane Doe\r\nBody text.", None);
        assert_eq!(p.title.as_deref(), Some("Headline"));
        assert_eq!(p.body, "Body text.");
        let p = parse_plain("Headline\nPublished: June 9, 2016\n\nBody text.", None);
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2016, 6, 9));
        assert_eq!(p.body, "Body text.");
        let p = parse_plain("Known title\n\nBody.", Some("Known  title"));
        assert_eq!(p.title.as_deref(), Some("Known title"));
        assert_eq!(p.body, "Body.");
    }
}
