//! Geoparsing evaluation: toponym recognition and resolution against gold corpora
//! (GeoWebNews, LGL, TR-News, GeoVirus XML formats).
//!
//! Each article's `<text>` becomes a [`Document`] body (no dateline, no date) and goes
//! through the whole pipeline; its `places` are compared with the gold toponyms.
//!
//! Scoring, precisely:
//! - Gold spans that are not place names in our sense are *ignored*: GWN types
//!   `Literal_Expression`, `Non_Lit_Expression` (common-noun expressions like "the city"),
//!   `Non_Toponym`, `Demonym`, `Language`; and in every corpus any gold phrase that is a
//!   demonym or adjective ("Turkish", "Syrians"). A predicted place overlapping an ignored
//!   span counts neither as correct nor as wrong.
//! - Recognition (headline figures) uses *exact* matching: a prediction is correct when its
//!   char offsets equal a gold span's. *Overlap* matching (any shared character, one-to-one)
//!   is printed too.
//! - Resolution accuracy: among exactly matched toponyms whose gold has coordinates, the
//!   share whose predicted point is within 161 km (100 miles) of the gold point.

use std::io::Write;
use std::path::{Path, PathBuf};

use regex::Regex;
use wirecoder_coder::Pipeline;
use wirecoder_core::{Document, Entity, Place};
use wirecoder_knowledge::gazetteer::{distance_km, normalize, Gazetteer};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: no <article> with a <text> found")]
    Empty { path: PathBuf },
}

/// One gold toponym.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    pub text: String,
    /// Char offsets into the article text.
    pub start: usize,
    pub end: usize,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// GWN annotation type, when given.
    pub kind: Option<String>,
}

/// One gold article.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// Counts for one corpus (or all corpora summed).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GeoCounts {
    pub articles: usize,
    pub gold: usize,
    pub predicted: usize,
    pub exact: usize,
    pub overlap: usize,
    /// Exactly matched toponyms with gold coordinates.
    pub resolvable: usize,
    /// ... of which predicted within 161 km.
    pub within161: usize,
}

impl GeoCounts {
    fn add(&mut self, o: &GeoCounts) {
        self.articles += o.articles;
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.exact += o.exact;
        self.overlap += o.overlap;
        self.resolvable += o.resolvable;
        self.within161 += o.within161;
    }

    fn prf(&self, hits: usize) -> (f64, f64, f64) {
        let p = ratio(hits, self.predicted);
        let r = ratio(hits, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// Exact-match precision, recall, F1.
    pub fn exact_prf(&self) -> (f64, f64, f64) {
        self.prf(self.exact)
    }

    /// Overlap-match precision, recall, F1.
    pub fn overlap_prf(&self) -> (f64, f64, f64) {
        self.prf(self.overlap)
    }

    /// Accuracy within 161 km, in percent.
    pub fn acc161(&self) -> f64 {
        100.0 * ratio(self.within161, self.resolvable)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// GWN annotation types that are not toponyms in our sense.
const IGNORED_TYPES: &[&str] = &[
    "Literal_Expression",
    "Non_Lit_Expression",
    "Non_Toponym",
    "Demonym",
    "Language",
];

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(semi) = tail.find(';').filter(|&j| j <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .or_else(|| ent.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn element_text(inner: &str) -> String {
    let t = inner.trim_start();
    match t
        .strip_prefix("<![CDATA[")
        .and_then(|r| r.rfind("]]>").map(|e| &r[..e]))
    {
        Some(cdata) => cdata.to_string(),
        None => unescape(inner),
    }
}

struct Patterns {
    article: Regex,
    text: Regex,
    toponym: Regex,
    field: Regex,
}

fn patterns() -> &'static Patterns {
    static P: std::sync::OnceLock<Patterns> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| panic!("static regex {p}: {e}"));
        Patterns {
            article: re(r"(?s)<article\b[^>]*>(.*?)</article>"),
            text: re(r"(?s)<text>(.*?)</text>"),
            toponym: re(r"(?s)<(?:toponym|location)>(.*?)</(?:toponym|location)>"),
            field: re(
                r"(?s)<(start|end|phrase|extractedName|name|lat|latitude|lon|longitude|type)>([^<]*)</",
            ),
        }
    })
}

/// Parse a corpus file in any of the four formats. Toponyms with unusable offsets are
/// skipped; an article without `<text>` is skipped.
pub fn parse_corpus(xml: &str) -> Vec<GoldArticle> {
    let p = patterns();
    let mut out = Vec::new();
    for a in p.article.captures_iter(xml) {
        let Some(body) = a.get(1).map(|m| m.as_str()) else {
            continue;
        };
        let Some(text) = p.text.captures(body).and_then(|c| c.get(1)) else {
            continue;
        };
        let text = element_text(text.as_str());
        let chars: Vec<char> = text.chars().collect();
        let n_chars = chars.len();
        let mut toponyms = Vec::new();
        for t in p.toponym.captures_iter(body) {
            let Some(inner) = t.get(1).map(|m| m.as_str()) else {
                continue;
            };
            let (mut start, mut end, mut lat, mut lon) = (None, None, None, None);
            let (mut name, mut kind) = (String::new(), None);
            for f in p.field.captures_iter(inner) {
                let (Some(k), Some(v)) = (f.get(1), f.get(2)) else {
                    continue;
                };
                let v = unescape(v.as_str().trim());
                match k.as_str() {
                    "start" => start = v.parse::<usize>().ok(),
                    "end" => end = v.parse::<usize>().ok(),
                    "lat" | "latitude" => lat = lat.or(v.parse::<f64>().ok()),
                    "lon" | "longitude" => lon = lon.or(v.parse::<f64>().ok()),
                    "type" => kind = Some(v),
                    // The first name-like field is the phrase as written.
                    _ if name.is_empty() => name = v,
                    _ => {}
                }
            }
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            if start >= end || end > n_chars {
                continue;
            }
            // Some corpora's offsets are shifted (GeoVirus counts from 1, a few TR-News
            // articles drift): realign when the phrase is found nearby and not in place.
            let (start, end) = realign(&chars, start, end, &name);
            toponyms.push(GoldToponym {
                text: name,
                start,
                end,
                lat,
                lon,
                kind,
            });
        }
        toponyms.sort_by_key(|t| (t.start, t.end));
        out.push(GoldArticle { text, toponyms });
    }
    out
}

/// How far (in characters) a gold span may sit from its phrase and still be realigned.
const MAX_SHIFT: isize = 12;

fn realign(chars: &[char], start: usize, end: usize, phrase: &str) -> (usize, usize) {
    let at = |s: usize, e: usize| {
        chars
            .get(s..e)
            .is_some_and(|w| w.iter().copied().eq(phrase.chars()))
    };
    if phrase.is_empty() || at(start, end) {
        return (start, end);
    }
    // Nearest shift first; TR-News drifts by up to ten characters in a few articles
    // whose whitespace was collapsed after annotation.
    let shifts = (1..=MAX_SHIFT).flat_map(|d| [-d, d]);
    for shift in shifts {
        let (Some(s), Some(e)) = (
            start.checked_add_signed(shift),
            end.checked_add_signed(shift),
        ) else {
            continue;
        };
        if at(s, e) {
            return (s, e);
        }
    }
    (start, end)
}

fn ignored(t: &GoldToponym, gaz: &Gazetteer) -> bool {
    if t.kind
        .as_deref()
        .is_some_and(|k| IGNORED_TYPES.contains(&k))
    {
        return true;
    }
    gaz.demonym_country(&t.text).is_some() && gaz.lookup(&normalize(&t.text)).is_empty()
}

/// Score one article's predictions.
pub fn score_article(gold: &GoldArticle, predicted: &[Place], gaz: &Gazetteer) -> GeoCounts {
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let (counted, skipped): (Vec<&GoldToponym>, Vec<&GoldToponym>) =
        gold.toponyms.iter().partition(|t| !ignored(t, gaz));
    // Drop predictions on ignored gold spans (unless they also hit a counted span).
    let preds: Vec<&Place> = predicted
        .iter()
        .filter(|p| {
            let span = (p.start, p.end);
            counted.iter().any(|g| overlaps(span, (g.start, g.end)))
                || !skipped.iter().any(|g| overlaps(span, (g.start, g.end)))
        })
        .collect();
    // Duplicate gold spans (some corpora repeat annotations) count once.
    let mut gold_spans: Vec<&GoldToponym> = counted;
    gold_spans.dedup_by_key(|g| (g.start, g.end));
    let mut c = GeoCounts {
        articles: 1,
        gold: gold_spans.len(),
        predicted: preds.len(),
        ..Default::default()
    };
    let mut used_exact = vec![false; gold_spans.len()];
    let mut used_overlap = vec![false; gold_spans.len()];
    for p in &preds {
        if let Some(i) = gold_spans
            .iter()
            .enumerate()
            .position(|(i, g)| !used_exact[i] && g.start == p.start && g.end == p.end)
        {
            used_exact[i] = true;
            c.exact += 1;
            if let (Some(lat), Some(lon)) = (gold_spans[i].lat, gold_spans[i].lon) {
                c.resolvable += 1;
                if distance_km(lat, lon, p.lat, p.lon) <= 161.0 {
                    c.within161 += 1;
                }
            }
        }
        if let Some(i) = gold_spans
            .iter()
            .enumerate()
            .position(|(i, g)| !used_overlap[i] && overlaps((p.start, p.end), (g.start, g.end)))
        {
            used_overlap[i] = true;
            c.overlap += 1;
        }
    }
    c
}

/// The gold annotation type of a toponym, when the corpus gives one (GWN: " (Literal)",
/// " (Embedded_Non_Lit)"), so that misses can be read as classes.
fn gold_kind(g: &GoldToponym) -> String {
    g.kind
        .as_deref()
        .filter(|k| !k.is_empty())
        .map(|k| format!(" ({k})"))
        .unwrap_or_default()
}

/// One line per gold toponym and prediction of an article, for `eval geo --verbose`: exact
/// matches resolved within 161 km or without gold coordinates (`OK`), gold toponyms not
/// predicted exactly (`MISS`, with the gold annotation type if any), predictions matching
/// no gold span (`FP`), exact matches
/// resolved more than 161 km from the gold point (`FAR`). Each line carries a little context and the
/// language layer's entity label over the span, if any (`[GPE]`).
pub fn article_errors(
    gold: &GoldArticle,
    predicted: &[Place],
    entities: &[Entity],
    gaz: &Gazetteer,
) -> Vec<String> {
    let label = |s: usize, e: usize| -> String {
        entities
            .iter()
            .find(|x| x.start < e && s < x.end)
            .map(|x| {
                let exact = if x.start == s && x.end == e { "" } else { "~" };
                format!(" [{exact}{}]", x.label)
            })
            .unwrap_or_default()
    };
    let chars: Vec<char> = gold.text.chars().collect();
    let context = |s: usize, e: usize| -> String {
        let a = s.saturating_sub(40);
        let b = (e + 40).min(chars.len());
        let piece = |x: usize, y: usize| -> String {
            chars
                .get(x..y)
                .unwrap_or(&[])
                .iter()
                .map(|&c| if c.is_whitespace() { ' ' } else { c })
                .collect()
        };
        format!("{}[{}]{}", piece(a, s), piece(s, e), piece(e, b))
    };
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let (counted, skipped): (Vec<&GoldToponym>, Vec<&GoldToponym>) =
        gold.toponyms.iter().partition(|t| !ignored(t, gaz));
    let mut out = Vec::new();
    for g in &counted {
        let hit = predicted
            .iter()
            .find(|p| p.start == g.start && p.end == g.end);
        match hit {
            None => out.push(format!(
                "MISS {:?}{}{}: {}",
                g.text,
                gold_kind(g),
                label(g.start, g.end),
                context(g.start, g.end)
            )),
            Some(p) => {
                let gold_point = g.lat.zip(g.lon);
                match gold_point.map(|(lat, lon)| (lat, lon, distance_km(lat, lon, p.lat, p.lon))) {
                    Some((lat, lon, d)) if d > 161.0 => out.push(format!(
                        "FAR {:?} -> {} ({} {} {:?} {}) {d:.0} km from ({lat:.2},{lon:.2}): {}",
                        g.text,
                        p.name,
                        p.country,
                        p.admin1.as_deref().unwrap_or(""),
                        p.feature,
                        p.geonames_id,
                        context(g.start, g.end)
                    )),
                    _ => out.push(format!(
                        "OK {:?}{} -> {} ({} {})",
                        g.text,
                        label(g.start, g.end),
                        p.name,
                        p.country,
                        p.feature
                    )),
                }
            }
        }
    }
    for p in predicted {
        let span = (p.start, p.end);
        let exact = counted.iter().any(|g| g.start == p.start && g.end == p.end);
        let on_ignored = !counted.iter().any(|g| overlaps(span, (g.start, g.end)))
            && skipped.iter().any(|g| overlaps(span, (g.start, g.end)));
        if !exact && !on_ignored {
            out.push(format!(
                "FP {:?}{} -> {} ({} {}): {}",
                p.text,
                label(p.start, p.end),
                p.name,
                p.country,
                p.feature,
                context(p.start, p.end)
            ));
        }
    }
    out
}

fn corpus_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn report_line(name: &str, c: &GeoCounts) -> String {
    let (p, r, f) = c.exact_prf();
    let (op, or, of) = c.overlap_prf();
    format!(
        "{name}: {} articles, {} gold, {} predicted; exact P {p:.3} R {r:.3} F1 {f:.3}; overlap P {op:.3} R {or:.3} F1 {of:.3}; acc161 {:.1}% ({}/{})",
        c.articles, c.gold, c.predicted, c.acc161(), c.within161, c.resolvable
    )
}

/// Evaluate every corpus file, print one line per corpus and the summary line
/// `eval geo: acc161 <v>% (<n>/<m>) recognition P <p> R <r> F1 <f>`; returns the totals.
/// `verbose` also prints every toponym's outcome ([`article_errors`]), prefixed with the
/// article id.
pub fn run(
    pipeline: &Pipeline,
    files: &[PathBuf],
    verbose: bool,
    out: &mut dyn Write,
) -> Result<GeoCounts, GeoError> {
    let gaz = &pipeline.kb.gazetteer;
    let mut total = GeoCounts::default();
    for path in files {
        let xml = std::fs::read_to_string(path).map_err(|source| GeoError::Io {
            path: path.clone(),
            source,
        })?;
        let articles = parse_corpus(&xml);
        if articles.is_empty() {
            return Err(GeoError::Empty { path: path.clone() });
        }
        let name = corpus_name(path);
        let mut counts = GeoCounts::default();
        let io = |source| GeoError::Io {
            path: PathBuf::from("<stdout>"),
            source,
        };
        for (i, a) in articles.iter().enumerate() {
            let doc = Document {
                id: format!("{name}#{i}"),
                body: a.text.clone(),
                ..Default::default()
            };
            let analysis = pipeline.analyze(&doc);
            counts.add(&score_article(a, &analysis.places, gaz));
            if verbose {
                for line in article_errors(a, &analysis.places, &analysis.entities, gaz) {
                    writeln!(out, "{}: {line}", doc.id).map_err(io)?;
                }
            }
        }
        writeln!(out, "{}", report_line(&name, &counts)).map_err(io)?;
        total.add(&counts);
    }
    let (p, r, f) = total.exact_prf();
    writeln!(
        out,
        "eval geo: acc161 {:.1}% ({}/{}) recognition P {p:.3} R {r:.3} F1 {f:.3}",
        total.acc161(),
        total.within161,
        total.resolvable
    )
    .map_err(|source| GeoError::Io {
        path: PathBuf::from("<stdout>"),
        source,
    })?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LGL_LIKE: &str = r#"<articles><article docid="1"><text><![CDATA[Fire in Alexandria & Paris.]]></text>
<toponyms><toponym><start>8</start><end>18</end><phrase>Alexandria</phrase>
<gaztag geonameid="4314550"><lat>31.3113</lat><lon>-92.4451</lon></gaztag></toponym>
<toponym><start>21</start><end>26</end><phrase>Paris</phrase></toponym>
<toponym><start>50</start><end>60</end><phrase>Bad</phrase></toponym>
</toponyms></article></articles>"#;

    const GWN_LIKE: &str = r#"<articles><article file="0"><text>Caf&#233; in Syria &amp; Syrian &lt;x&gt;.</text>
<toponyms><toponym><extractedName>Syria</extractedName><type>Literal</type><start>8</start><end>13</end><latitude>35</latitude><longitude>38</longitude></toponym>
<toponym><extractedName>Syrian</extractedName><type>Demonym</type><start>16</start><end>22</end></toponym>
</toponyms></article></articles>"#;

    fn place(start: usize, end: usize, lat: f64, lon: f64) -> Place {
        Place {
            text: String::new(),
            name: String::new(),
            country: String::new(),
            admin1: None,
            lat,
            lon,
            geonames_id: 0,
            feature: String::new(),
            start,
            end,
        }
    }

    #[test]
    fn parses_formats() {
        let a = parse_corpus(LGL_LIKE);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].text, "Fire in Alexandria & Paris.");
        // The out-of-range toponym is dropped.
        assert_eq!(a[0].toponyms.len(), 2);
        assert_eq!(a[0].toponyms[0].lat, Some(31.3113));
        assert_eq!(a[0].toponyms[1].lat, None);
        let g = parse_corpus(GWN_LIKE);
        assert_eq!(g[0].text, "Café in Syria & Syrian <x>.");
        assert_eq!(g[0].toponyms[0].kind.as_deref(), Some("Literal"));
        assert_eq!(g[0].toponyms[0].lon, Some(38.0));
        assert!(parse_corpus("<garbage").is_empty());
        assert!(parse_corpus("").is_empty());
    }

    #[test]
    fn scores_exact_overlap_and_distance() {
        let gaz = Gazetteer::default();
        let a = &parse_corpus(LGL_LIKE)[0];
        let preds = vec![
            place(8, 18, 31.3, -92.4), // exact, near
            place(21, 25, 48.8, 2.3),  // overlap only
            place(0, 4, 0.0, 0.0),     // wrong
        ];
        let c = score_article(a, &preds, &gaz);
        assert_eq!((c.gold, c.predicted, c.exact, c.overlap), (2, 3, 1, 2));
        assert_eq!((c.resolvable, c.within161), (1, 1));
        let far = vec![place(8, 18, 38.8, -77.0)];
        let c = score_article(a, &far, &gaz);
        assert_eq!((c.resolvable, c.within161), (1, 0));
    }

    #[test]
    fn ignored_types_neither_help_nor_hurt() {
        let gaz = Gazetteer::default();
        let a = &parse_corpus(GWN_LIKE)[0];
        let preds = vec![place(8, 13, 35.0, 38.0), place(16, 22, 35.0, 38.0)];
        let c = score_article(a, &preds, &gaz);
        assert_eq!((c.gold, c.predicted, c.exact), (1, 1, 1));
        let (p, r, f) = c.exact_prf();
        assert!((p - 1.0).abs() < 1e-9 && (r - 1.0).abs() < 1e-9 && (f - 1.0).abs() < 1e-9);
    }

    #[test]
    fn realigns_shifted_offsets() {
        let chars: Vec<char> = "in Pandi, Bulacan".chars().collect();
        assert_eq!(realign(&chars, 4, 9, "Pandi"), (3, 8));
        assert_eq!(realign(&chars, 3, 8, "Pandi"), (3, 8));
        assert_eq!(realign(&chars, 0, 2, "zz"), (0, 2));
        assert_eq!(realign(&chars, 16, 17, "n"), (16, 17));
        // A drift of several characters, nearest occurrence first.
        let chars: Vec<char> = "xx Bulacan yy Bulacan".chars().collect();
        assert_eq!(realign(&chars, 8, 15, "Bulacan"), (3, 10));
        assert_eq!(realign(&chars, 13, 20, "Bulacan"), (14, 21));
    }

    /// Pseudo-random garbage built from XML-ish pieces never panics the parser.
    #[test]
    fn garbage_never_panics() {
        let pieces = [
            "<articles>",
            "<article>",
            "</article>",
            "<text>",
            "</text>",
            "<toponym>",
            "</toponym>",
            "<start>",
            "</start>",
            "<end>",
            "</end>",
            "3",
            "99",
            "-1",
            "&amp;",
            "&#x;",
            "&",
            "é",
            "<![CDATA[",
            "]]>",
            "<lat>",
            "</lat>",
            "x",
            " ",
            "\n",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..500 {
            let mut doc = String::new();
            for _ in 0..40 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                doc.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            for a in parse_corpus(&doc) {
                let n = a.text.chars().count();
                assert!(a.toponyms.iter().all(|t| t.start < t.end && t.end <= n));
            }
        }
    }

    #[test]
    fn misses_carry_the_gold_type() {
        let gaz = Gazetteer::default();
        let g = &parse_corpus(GWN_LIKE)[0];
        let lines = article_errors(g, &[], &[], &gaz);
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with("MISS \"Syria\" (Literal): "),
            "{lines:?}"
        );
        let l = &parse_corpus(LGL_LIKE)[0];
        let lines = article_errors(l, &[], &[], &gaz);
        assert!(lines[0].starts_with("MISS \"Alexandria\": "), "{lines:?}");
    }

    #[test]
    fn unescapes() {
        assert_eq!(
            unescape("a &amp; b &#x41;&#66; &bogus; &"),
            "a & b AB &bogus; &"
        );
    }
}
