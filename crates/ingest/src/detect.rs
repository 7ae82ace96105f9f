//! Format detection (content first, extension second) and byte-to-text decoding.

/// What an input looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// Nothing but whitespace.
    Empty,
    /// Not text; the reason names the evidence.
    Binary(String),
    /// gzip-compressed: decompress and sniff again.
    Gzip,
    Text,
    Html,
    Jsonl,
    /// RSS or Atom.
    Feed,
    /// A JSON array of article objects (`.json`).
    JsonArray,
    Warc,
    /// Geoparsing-corpus XML: `<articles><article>...<text>...</text></article></articles>`.
    CorpusXml,
}

/// Detect the format from the first bytes of an input (`prefix`, a few KB) and its name.
/// Strong content signals (WARC header, gzip magic, XML roots, HTML tags, a JSON object per
/// line) win over the extension, so a mislabelled file is still read right.
pub fn sniff(name: &str, prefix: &[u8]) -> Format {
    if prefix.starts_with(&[0x1f, 0x8b]) {
        return Format::Gzip;
    }
    // WARC before the binary check: records may hold images with NUL bytes.
    let start = prefix
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(prefix.len());
    if prefix[start..].starts_with(b"WARC/") {
        return Format::Warc;
    }
    if let Some(reason) = binary_reason(prefix) {
        return Format::Binary(reason);
    }
    let head = decode_lossy_prefix(prefix);
    let trimmed = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if trimmed.is_empty() {
        return Format::Empty;
    }
    let lower_ext = extension(name);
    if trimmed.starts_with('<') {
        let lower: String = trimmed
            .chars()
            .take(SNIFF_CHARS)
            .collect::<String>()
            .to_lowercase();
        match root_element(&lower).as_deref() {
            Some("rss" | "feed" | "rdf:rdf") => return Format::Feed,
            Some("articles") => return Format::CorpusXml,
            Some("html") => return Format::Html,
            _ => {}
        }
        if lower.starts_with("<!doctype html")
            || [
                "<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title",
            ]
            .iter()
            .any(|t| lower.contains(t))
        {
            return Format::Html;
        }
    }
    if trimmed.starts_with('[') && lower_ext == "json" {
        return Format::JsonArray;
    }
    if trimmed.starts_with('{') {
        let first_line = trimmed.lines().next().unwrap_or("").trim_end();
        if first_line.ends_with('}') || matches!(lower_ext.as_str(), "jsonl" | "ndjson" | "json") {
            return Format::Jsonl;
        }
    }
    match lower_ext.as_str() {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "jsonl" | "ndjson" => Format::Jsonl,
        "rss" | "atom" => Format::Feed,
        "warc" => Format::Warc,
        _ => Format::Text,
    }
}

const SNIFF_CHARS: usize = 4096;

/// Name of the first element, skipping the XML declaration, comments, doctype and
/// processing instructions.
fn root_element(text: &str) -> Option<String> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[rest.find('>')? + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let name: String = r
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return (!name.is_empty()).then_some(name);
        } else {
            return None;
        }
    }
}

fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn decode_lossy_prefix(prefix: &[u8]) -> String {
    if let Some(t) = decode_utf16_bom(prefix) {
        return t;
    }
    String::from_utf8_lossy(prefix).into_owned()
}

/// Why `bytes` (a file's first few KB) are not text, if they are not.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return None; // UTF-16 with BOM has NUL bytes but is text
    }
    for (magic, what) in [
        (&b"%PDF"[..], "PDF"),
        (&b"\x89PNG"[..], "PNG image"),
        (&b"GIF8"[..], "GIF image"),
        (&b"\xff\xd8\xff"[..], "JPEG image"),
        (&b"PK\x03\x04"[..], "ZIP archive"),
        (&b"\x7fELF"[..], "executable"),
        (&b"SQLite format 3\0"[..], "SQLite database"),
    ] {
        if bytes.starts_with(magic) {
            return Some(format!("binary file ({what}), not text"));
        }
    }
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        return Some(format!("binary file (NUL byte at byte {pos}), not text"));
    }
    // Control bytes other than tab/newline/CR/form feed/ESC are rare in any text encoding.
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if bytes.len() >= 32 && controls * 10 > bytes.len() {
        return Some(format!(
            "binary file ({controls} control bytes in the first {} bytes), not text",
            bytes.len()
        ));
    }
    None
}

fn decode_utf16_bom(bytes: &[u8]) -> Option<String> {
    let le = if bytes.starts_with(&[0xff, 0xfe]) {
        true
    } else if bytes.starts_with(&[0xfe, 0xff]) {
        false
    } else {
        return None;
    };
    let units = bytes[2..].chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// How [`decode_text`] decoded the bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoding {
    Utf8,
    Utf16,
    /// Not valid UTF-8 and mostly single high bytes: legacy Windows-1252 / Latin-1.
    Windows1252,
    /// Not valid UTF-8 but mostly UTF-8: bad sequences replaced by U+FFFD.
    LossyUtf8,
}

/// Decode a whole text: UTF-8 (BOM stripped), UTF-16 with BOM, else Windows-1252 or lossy
/// UTF-8, whichever fits better. Errors when the bytes are binary.
pub fn decode_text(bytes: &[u8]) -> Result<(String, Decoding), String> {
    if let Some(reason) = binary_reason(&bytes[..bytes.len().min(8192)]) {
        return Err(reason);
    }
    if let Some(t) = decode_utf16_bom(bytes) {
        return Ok((t, Decoding::Utf16));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Decoding::Utf8)),
        Err(_) => {
            let (good_multi, bad) = utf8_stats(bytes);
            if good_multi >= bad {
                Ok((
                    String::from_utf8_lossy(bytes).into_owned(),
                    Decoding::LossyUtf8,
                ))
            } else {
                Ok((
                    bytes.iter().map(|&b| cp1252(b)).collect(),
                    Decoding::Windows1252,
                ))
            }
        }
    }
}

/// Counts of valid multi-byte UTF-8 sequences and of invalid bytes.
fn utf8_stats(mut bytes: &[u8]) -> (usize, usize) {
    let (mut good, mut bad) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                good += s.chars().filter(|c| c.len_utf8() > 1).count();
                return (good, bad);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                if let Ok(s) = std::str::from_utf8(&bytes[..valid]) {
                    good += s.chars().filter(|c| c.len_utf8() > 1).count();
                }
                let skip = e.error_len().unwrap_or(bytes.len() - valid).max(1);
                bad += 1;
                let next = (valid + skip).min(bytes.len());
                bytes = &bytes[next..];
                if bytes.is_empty() {
                    return (good, bad);
                }
            }
        }
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20ac}', '\u{81}', '\u{201a}', '\u{192}', '\u{201e}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2c6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8d}', '\u{17d}',
        '\u{8f}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2dc}', '\u{2122}', '\u{161}', '\u{203a}', '\u{153}', '\u{9d}', '\u{17e}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_over_extension() {
        assert_eq!(sniff("a.txt", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("a.txt", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(sniff("a", b"\r\nWARC/1.1\r\nX: \0\0"), Format::Warc);
        assert_eq!(
            sniff("feed.xml", b"<?xml version=\"1.0\"?><rss>"),
            Format::Feed
        );
        assert_eq!(
            sniff(
                "GWN.xml",
                b"<?xml version=\"1.0\" ?>\n<articles>\n<article file=\"0\">"
            ),
            Format::CorpusXml
        );
        assert_eq!(
            sniff("x", b"{\"text\":\"a\"}\n{\"text\":\"b\"}"),
            Format::Jsonl
        );
        assert_eq!(sniff("x.jsonl", b"{\"text\":"), Format::Jsonl);
        assert_eq!(sniff("x.json", b" [{\"text\":"), Format::JsonArray);
        assert_eq!(sniff("a.txt", b"Hello world"), Format::Text);
        assert_eq!(sniff("a.html", b"Hello world"), Format::Html);
        assert_eq!(sniff("a.txt", b"  \n\t "), Format::Empty);
        assert_eq!(sniff("a.txt", b""), Format::Empty);
        assert_eq!(sniff("a.gz", b"\x1f\x8b\x08"), Format::Gzip);
        assert!(matches!(sniff("a.txt", b"ab\0cd"), Format::Binary(_)));
        let lgl_like =
            b"<?xml version=\"1.0\"?>\n\n<articles>\n <article docid=\"1\">\n <feedid>138</feedid>";
        assert_eq!(sniff("lgl.xml", lgl_like), Format::CorpusXml);
        assert_eq!(
            sniff("x.xml", b"<!-- c --><feed xmlns=\"a\">"),
            Format::Feed
        );
        assert!(matches!(sniff("a.txt", b"%PDF-1.4"), Format::Binary(_)));
    }

    #[test]
    fn decodes_legacy_and_utf16() {
        let (t, d) = decode_text(b"caf\xe9 \x93quoted\x94").unwrap();
        assert_eq!(t, "café “quoted”");
        assert_eq!(d, Decoding::Windows1252);
        let (t, d) = decode_text("naïve café \u{2014} ok".as_bytes()).unwrap();
        assert_eq!(d, Decoding::Utf8);
        assert_eq!(t, "naïve café \u{2014} ok");
        let mut mostly_utf8 = "naïve café résumé ".as_bytes().to_vec();
        mostly_utf8.push(0xff);
        assert_eq!(decode_text(&mostly_utf8).unwrap().1, Decoding::LossyUtf8);
        let (t, d) = decode_text(b"\xff\xfeh\0i\0").unwrap();
        assert_eq!((t.as_str(), d), ("hi", Decoding::Utf16));
        assert!(decode_text(b"ab\0").is_err());
    }
}
