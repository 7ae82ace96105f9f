//! Loaders for TABARI/PETRARCH dictionary formats: actors, agents and discards.
//!
//! These functions only parse; [`crate::actors::ActorDictionary`] adds the records to its
//! matcher. Malformed lines come back as [`KnowledgeError::Malformed`] warnings (file:line)
//! and are skipped, so one bad line never loses a whole dictionary.
//!
//! Formats, as the TABARI manual and the PETRARCH sources describe them:
//! - phrases are words joined by `_` or spaces; a trailing `_` ends the phrase at a word
//!   boundary, otherwise its last word is a stem ("ARGENTIN" matches "Argentine");
//! - `#` starts a comment; `<!-- ... -->` lines are comments too;
//! - actors: `PHRASE [CODE]`, then `+SYNONYM` lines and indented `[CODE DATES]` lines, where
//!   DATES is `>YYMMDD` (from), `<YYMMDD` (until) or `YYMMDD-YYMMDD` (6 or 8 digits). A
//!   phrase line without a code shares the codes of the next entry that has them;
//! - agents: `!SET! = A, B, C` substitution sets, then `PHRASE {PLURALS} [~CODE]`; `{}`
//!   means no plural, no braces means the regular plural of the last word; `~CODE` is a
//!   suffix agent (country first), `CODE~` a prefix agent;
//! - discards: one phrase a line; a leading `+` discards the whole story, otherwise the
//!   sentence.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::KnowledgeError;

/// A dictionary phrase: lower-cased words, and whether the last one is a stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<String>,
    pub stem: bool,
}

/// A code valid in a date range (both ends inclusive; None = open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// One actor entry: its phrases and codes.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRecord {
    pub phrases: Vec<Phrase>,
    pub codes: Vec<DatedCode>,
    /// Line of the first phrase.
    pub line: usize,
}

/// One agent entry.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentRecord {
    pub phrases: Vec<Phrase>,
    /// Sector codes, three letters each ("~GOVMIL" → GOV, MIL).
    pub sectors: Vec<String>,
    /// `CODE~`: the agent code goes before the country code.
    pub prefix: bool,
}

/// One discard phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscardRecord {
    pub phrase: Phrase,
    /// `+` lines: the whole story is discarded, not only the sentence.
    pub story: bool,
}

/// Read a dictionary file as text (lossy UTF-8: old dictionaries are Latin-1 in places).
pub fn read(path: &Path) -> Result<String, KnowledgeError> {
    let bytes = std::fs::read(path).map_err(|source| KnowledgeError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn malformed(path: &Path, line: usize, reason: impl Into<String>) -> KnowledgeError {
    KnowledgeError::Malformed {
        path: path.to_path_buf(),
        line,
        reason: reason.into(),
    }
}

/// Strip `#` comments and `<!-- -->` lines; None for lines with nothing left.
fn content(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if t.starts_with("<!--") {
        return None;
    }
    let body = match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    };
    (!body.trim().is_empty()).then_some(body)
}

/// Parse a phrase: `_`/space-separated words; a trailing `_` means "whole word".
pub fn parse_phrase(raw: &str) -> Option<Phrase> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let exact = raw.ends_with('_');
    let mut words = Vec::new();
    for w in raw.split(|c: char| c == '_' || c.is_whitespace()) {
        words.extend(crate::actors::matcher::phrase_keys(w));
    }
    if words.is_empty() {
        return None;
    }
    // A stem shorter than 3 letters would match far too much; treat it as a whole word.
    let stem = !exact && words.last().is_some_and(|w| w.chars().count() >= 3);
    Some(Phrase { words, stem })
}

/// Parse `YYMMDD` or `YYYYMMDD` (two-digit years 00–30 are 20xx, the rest 19xx).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i32 = s.get(..2)?.parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        8 => (s.get(..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let m: u32 = rest.get(..2)?.parse().ok()?;
    let d: u32 = rest.get(2..4)?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn valid_code(code: &str) -> bool {
    !code.is_empty()
        && code.len() <= 40
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'~' | b'/' | b'+'))
}

/// Parse one `[CODE]` / `[CODE >DATE]` / `[CODE <DATE]` / `[CODE DATE-DATE]` body.
fn parse_dated_code(body: &str) -> Result<DatedCode, String> {
    let body = body.trim();
    let (code, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let code = code.to_ascii_uppercase();
    if !valid_code(&code) {
        return Err(format!("bad code {code:?}"));
    }
    // Dates may have inner spaces ("< 950601", "19950601 - 19990815").
    let d: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
    let (mut from, mut to) = (None, None);
    if !d.is_empty() {
        let bad = || format!("bad date {d:?} for {code}");
        if let Some(x) = d.strip_prefix('>') {
            from = Some(parse_date(x).ok_or_else(bad)?);
        } else if let Some(x) = d.strip_prefix('<') {
            to = Some(parse_date(x).ok_or_else(bad)?);
        } else if let Some((a, b)) = d.split_once('-') {
            from = Some(parse_date(a).ok_or_else(bad)?);
            to = Some(parse_date(b).ok_or_else(bad)?);
        } else {
            return Err(bad());
        }
    }
    Ok(DatedCode { code, from, to })
}

/// Split `text [A] [B]` into the text before the first bracket and the bracket bodies.
fn split_brackets(s: &str) -> Result<(&str, Vec<&str>), String> {
    let Some(first) = s.find('[') else {
        return Ok((s, Vec::new()));
    };
    let mut bodies = Vec::new();
    let mut rest = &s[first..];
    while let Some(open) = rest.find('[') {
        if !rest[..open].trim().is_empty() {
            return Err(format!("unexpected text {:?}", rest[..open].trim()));
        }
        let after = &rest[open + 1..];
        let close = after.find(']').ok_or("unclosed '['")?;
        bodies.push(&after[..close]);
        rest = &after[close + 1..];
    }
    if !rest.trim().is_empty() {
        return Err(format!("unexpected text {:?}", rest.trim()));
    }
    Ok((&s[..first], bodies))
}

/// Parse a TABARI/PETRARCH `.actors` file.
pub fn parse_actors(text: &str, path: &Path) -> (Vec<ActorRecord>, Vec<KnowledgeError>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut cur: Option<ActorRecord> = None;
    let finish = |cur: &mut Option<ActorRecord>,
                  out: &mut Vec<ActorRecord>,
                  warnings: &mut Vec<KnowledgeError>| {
        if let Some(r) = cur.take() {
            if r.codes.is_empty() {
                warnings.push(malformed(path, r.line, "entry has no code"));
            } else {
                out.push(r);
            }
        }
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let Some(line) = content(raw) else { continue };
        let (head, bodies) = match split_brackets(line) {
            Ok(x) => x,
            Err(e) => {
                warnings.push(malformed(path, line_no, e));
                continue;
            }
        };
        let mut codes = Vec::new();
        let mut bad = false;
        for b in bodies {
            match parse_dated_code(b) {
                Ok(c) => codes.push(c),
                Err(e) => {
                    warnings.push(malformed(path, line_no, e));
                    bad = true;
                }
            }
        }
        let head_t = head.trim();
        if head_t.is_empty() {
            // A code line for the current entry.
            match cur.as_mut() {
                Some(r) => r.codes.extend(codes),
                None if !bad => {
                    warnings.push(malformed(path, line_no, "code line without an entry"))
                }
                None => {}
            }
            continue;
        }
        if let Some(syn) = head_t.strip_prefix('+') {
            let Some(p) = parse_phrase(syn) else {
                warnings.push(malformed(path, line_no, "empty synonym"));
                continue;
            };
            match cur.as_mut() {
                Some(r) => {
                    r.phrases.push(p);
                    r.codes.extend(codes);
                }
                None => warnings.push(malformed(path, line_no, "synonym without an entry")),
            }
            continue;
        }
        let Some(p) = parse_phrase(head_t) else {
            warnings.push(malformed(path, line_no, "no phrase"));
            continue;
        };
        if bad && codes.is_empty() {
            // Its only code was malformed: skip the entry rather than attach it elsewhere.
            finish(&mut cur, &mut out, &mut warnings);
            continue;
        }
        match cur.as_mut() {
            // A phrase still waiting for codes joins the next entry.
            Some(r) if r.codes.is_empty() => {
                r.phrases.push(p);
                r.codes.extend(codes);
            }
            _ => {
                finish(&mut cur, &mut out, &mut warnings);
                cur = Some(ActorRecord {
                    phrases: vec![p],
                    codes,
                    line: line_no,
                });
            }
        }
    }
    finish(&mut cur, &mut out, &mut warnings);
    (out, warnings)
}

/// Regular English plural of a lower-case word.
pub fn plural(word: &str) -> String {
    let vowel_before_y = word
        .chars()
        .rev()
        .nth(1)
        .is_some_and(|c| "aeiou".contains(c));
    if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| !s.is_empty() && !vowel_before_y)
    {
        format!("{stem}ies")
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|s| word.ends_with(s))
    {
        format!("{word}es")
    } else if let Some(stem) = word.strip_suffix("man") {
        format!("{stem}men")
    } else {
        format!("{word}s")
    }
}

/// Expand `!SET!` markers: every combination of the set members.
fn expand_sets(phrase: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out = vec![String::new()];
    let mut rest = phrase;
    while let Some(i) = rest.find('!') {
        let after = &rest[i + 1..];
        let j = after.find('!').ok_or("unclosed '!' marker")?;
        let name = &after[..j];
        let members = sets
            .get(&name.to_ascii_uppercase())
            .ok_or_else(|| format!("unknown substitution set !{name}!"))?;
        let prefix = &rest[..i];
        out = out
            .iter()
            .flat_map(|o| members.iter().map(move |m| format!("{o}{prefix}{m}")))
            .collect();
        rest = &after[j + 1..];
    }
    for o in &mut out {
        o.push_str(rest);
    }
    Ok(out)
}

fn split_sectors(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    chars
        .chunks(3)
        .map(|c| c.iter().collect::<String>())
        .collect()
}

/// Parse a TABARI/PETRARCH `.agents` file.
pub fn parse_agents(text: &str, path: &Path) -> (Vec<AgentRecord>, Vec<KnowledgeError>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let Some(line) = content(raw) else { continue };
        let t = line.trim();
        if t.starts_with('!') {
            if let Some((name, members)) = t.split_once('=') {
                let name = name.trim().trim_matches('!').to_ascii_uppercase();
                let members: Vec<String> = members
                    .split(',')
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect();
                if name.is_empty() || members.is_empty() {
                    warnings.push(malformed(path, line_no, "empty substitution set"));
                } else {
                    sets.insert(name, members);
                }
                continue;
            }
        }
        let (head, bodies) = match split_brackets(t) {
            Ok(x) => x,
            Err(e) => {
                warnings.push(malformed(path, line_no, e));
                continue;
            }
        };
        let [body] = bodies[..] else {
            warnings.push(malformed(path, line_no, "expected one [~CODE]"));
            continue;
        };
        let code = body.trim().to_ascii_uppercase();
        let (prefix, core) = if let Some(c) = code.strip_prefix('~') {
            (false, c.to_string())
        } else if let Some(c) = code.strip_suffix('~') {
            (true, c.to_string())
        } else {
            warnings.push(malformed(
                path,
                line_no,
                format!("agent code {code:?} has no '~'"),
            ));
            continue;
        };
        if core.is_empty() || !valid_code(&core) {
            warnings.push(malformed(path, line_no, format!("bad agent code {code:?}")));
            continue;
        }
        // Phrase and optional {plurals}.
        let (phrase_part, plurals) = match (head.find('{'), head.find('}')) {
            (Some(a), Some(b)) if a < b => (&head[..a], Some(&head[a + 1..b])),
            (None, None) => (head, None),
            _ => {
                warnings.push(malformed(path, line_no, "unbalanced '{'"));
                continue;
            }
        };
        let forms = match expand_sets(phrase_part.trim(), &sets) {
            Ok(f) => f,
            Err(e) => {
                warnings.push(malformed(path, line_no, e));
                continue;
            }
        };
        let mut phrases = Vec::new();
        for f in &forms {
            let Some(p) = parse_phrase(f) else { continue };
            let has_marker = phrase_part.contains('!');
            if plurals.is_none() && !has_marker {
                let mut pl = p.clone();
                if let Some(last) = pl.words.last_mut() {
                    *last = plural(last);
                }
                pl.stem = false;
                phrases.push(pl);
            }
            phrases.push(p);
        }
        for pl in plurals.unwrap_or("").split([',', ' ']) {
            if let Some(p) = parse_phrase(pl) {
                phrases.push(p);
            }
        }
        if phrases.is_empty() {
            warnings.push(malformed(path, line_no, "no phrase"));
            continue;
        }
        out.push(AgentRecord {
            phrases,
            sectors: split_sectors(&core),
            prefix,
        });
    }
    (out, warnings)
}

/// Parse a TABARI/PETRARCH `.discards` file.
pub fn parse_discards(text: &str, path: &Path) -> (Vec<DiscardRecord>, Vec<KnowledgeError>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let Some(line) = content(raw) else { continue };
        let t = line.trim();
        let (story, body) = match t.strip_prefix('+') {
            Some(b) => (true, b),
            None => (false, t),
        };
        if body.contains('[') {
            warnings.push(malformed(path, n + 1, "discard lines take no code"));
            continue;
        }
        match parse_phrase(body) {
            Some(phrase) => out.push(DiscardRecord { phrase, story }),
            None => warnings.push(malformed(path, n + 1, "empty discard phrase")),
        }
    }
    (out, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("t.txt")
    }

    fn lines_of(w: &[KnowledgeError]) -> Vec<usize> {
        w.iter()
            .filter_map(|e| match e {
                KnowledgeError::Malformed { line, .. } => Some(*line),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn actors_entries_synonyms_dates() {
        let text = "# comment\nDENMARK  [DNK]\n+DANISH \n\nBARACK_OBAMA_ # x\n+OBAMA_\n\t[USAELI]\n\t[USAGOV 20090120-20170120]\nU.N._\nUN_CHIEF\n  [IGOUNO >070101]\nKOFI_ANNAN_ [IGOUNO 970101-061231] [ELI]\n";
        let (recs, warns) = parse_actors(text, p());
        assert!(warns.is_empty(), "{warns:?}");
        assert_eq!(recs.len(), 4);
        assert_eq!(recs[0].phrases.len(), 2);
        assert!(recs[0].phrases[0].stem);
        assert_eq!(recs[1].phrases[1].words, vec!["obama"]);
        assert!(!recs[1].phrases[1].stem);
        assert_eq!(recs[1].codes[1].from, NaiveDate::from_ymd_opt(2009, 1, 20));
        assert_eq!(recs[2].phrases.len(), 2, "U.N. joins the next coded entry");
        assert_eq!(recs[2].codes[0].from, NaiveDate::from_ymd_opt(2007, 1, 1));
        assert_eq!(recs[3].codes.len(), 2);
        assert_eq!(recs[3].codes[0].to, NaiveDate::from_ymd_opt(2006, 12, 31));
    }

    #[test]
    fn actors_malformed_lines_are_reported_and_skipped() {
        let text = "GOOD [ABC]\nSPACED\n\t[ABC < 950601]\n\t[ABCGOV 19950601 - 19990815]\nBAD [ABC 2004017-20061201]\nWORSE [ABC\n+\nLONELY_\n";
        let (recs, warns) = parse_actors(text, p());
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].codes[1].to, NaiveDate::from_ymd_opt(1999, 8, 15));
        assert_eq!(lines_of(&warns), vec![5, 6, 7, 8]);
        let msg = warns[0].to_string();
        assert!(msg.starts_with("t.txt:5:"), "{msg}");
    }

    #[test]
    fn agents_sets_plurals_prefix() {
        let text = "!MINST! = MINISTER, MINISTRY\nPOLICE {} [~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nDEFENSE_!MINST! [~GOVMIL]\nMSF {} [NGO~]\nSOLDIER [~MIL]\nBROKEN [GOV]\nNOCODE\n";
        let (recs, warns) = parse_agents(text, p());
        assert_eq!(lines_of(&warns), vec![7, 8]);
        assert_eq!(recs.len(), 5);
        assert_eq!(recs[0].phrases.len(), 1);
        assert_eq!(recs[1].phrases[1].words, vec!["attorneys", "general"]);
        assert_eq!(recs[2].sectors, vec!["GOV", "MIL"]);
        assert_eq!(recs[2].phrases.len(), 2);
        assert_eq!(recs[2].phrases[1].words, vec!["defense", "ministry"]);
        assert!(recs[3].prefix);
        let words: Vec<_> = recs[4].phrases.iter().map(|p| p.words.join(" ")).collect();
        assert_eq!(words, vec!["soldiers", "soldier"]);
    }

    #[test]
    fn discards_story_and_sentence() {
        let (recs, warns) = parse_discards(
            "MONTHS LATER\n+World Golf Championships # x\n+\nX [A]\n",
            p(),
        );
        assert_eq!(recs.len(), 2);
        assert!(!recs[0].story && recs[1].story);
        assert_eq!(lines_of(&warns), vec![3, 4]);
    }

    #[test]
    fn dates_and_plurals() {
        assert_eq!(parse_date("320101"), NaiveDate::from_ymd_opt(1932, 1, 1));
        assert_eq!(parse_date("070723"), NaiveDate::from_ymd_opt(2007, 7, 23));
        assert_eq!(parse_date("20090120"), NaiveDate::from_ymd_opt(2009, 1, 20));
        assert_eq!(parse_date("2004017"), None);
        assert_eq!(parse_date("991340"), None);
        assert_eq!(plural("ministry"), "ministries");
        assert_eq!(plural("attorney"), "attorneys");
        assert_eq!(plural("policeman"), "policemen");
        assert_eq!(plural("church"), "churches");
    }
}

#[cfg(test)]
mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text: the parsers return records and warnings, never panic, and every
        /// warning points at a line of the input.
        #[test]
        fn parsers_never_panic(text in "(([A-Z_ +!{}~\\[\\]<>#=,.-]|[0-9]|\\t|\\n){0,40}\\n?){0,12}") {
            let n = text.lines().count();
            let p = Path::new("p.txt");
            for w in parse_actors(&text, p).1.iter()
                .chain(parse_agents(&text, p).1.iter())
                .chain(parse_discards(&text, p).1.iter())
            {
                match w {
                    KnowledgeError::Malformed { line, .. } => prop_assert!(*line >= 1 && *line <= n),
                    other => prop_assert!(false, "unexpected {other}"),
                }
            }
        }

        #[test]
        fn dates_round_trip(y in 1931i32..2030, m in 1u32..13, d in 1u32..29) {
            let s = format!("{y:04}{m:02}{d:02}");
            prop_assert_eq!(parse_date(&s), NaiveDate::from_ymd_opt(y, m, d));
        }
    }
}
