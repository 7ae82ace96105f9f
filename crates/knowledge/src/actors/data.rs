//! Parsers for the built-in actor data files under `data/actors/`.
//!
//! Built-in files are ours, so a malformed line is an error ([`KnowledgeError::Asset`]),
//! caught by the tests, rather than a warning.

use chrono::NaiveDate;

use crate::petrarch::DatedCode;
use crate::KnowledgeError;

pub(crate) const COUNTRIES: &str = include_str!("../../../../data/actors/countries.tsv");
pub(crate) const METONYMS: &str = include_str!("../../../../data/actors/metonyms.txt");
pub(crate) const DISCARDS: &str = include_str!("../../../../data/actors/discards.txt");
pub(crate) const ORGANIZATIONS: &str = include_str!("../../../../data/actors/organizations.txt");
pub(crate) const AGENTS: &str = include_str!("../../../../data/actors/agents.txt");
pub(crate) const CITIES: &str = include_str!("../../../../data/actors/cities.tsv");
/// People files, one per region; see the header of each for the format.
pub(crate) const PEOPLE: &[(&str, &str)] = &[
    (
        "people/world-leaders.txt",
        include_str!("../../../../data/actors/people/world-leaders.txt"),
    ),
    (
        "people/middle-east.txt",
        include_str!("../../../../data/actors/people/middle-east.txt"),
    ),
    (
        "people/europe-russia.txt",
        include_str!("../../../../data/actors/people/europe-russia.txt"),
    ),
    (
        "people/asia-africa-americas.txt",
        include_str!("../../../../data/actors/people/asia-africa-americas.txt"),
    ),
    (
        "people/groups-igos.txt",
        include_str!("../../../../data/actors/people/groups-igos.txt"),
    ),
];

fn asset(name: &str, line: usize, reason: impl std::fmt::Display) -> KnowledgeError {
    KnowledgeError::Asset {
        name: format!("data/actors/{name}"),
        reason: format!("line {line}: {reason}"),
    }
}

/// Content lines: (1-based line number, text) without comments and blanks.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| (i + 1, l))
}

fn list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// A country row: code, names, adjectives and people-nouns.
pub(crate) struct CountryRow {
    pub code: String,
    pub names: Vec<String>,
    pub adjectives: Vec<String>,
}

pub(crate) fn countries() -> Result<Vec<CountryRow>, KnowledgeError> {
    let mut out = Vec::new();
    for (n, l) in lines(COUNTRIES) {
        let cols: Vec<&str> = l.split('\t').collect();
        let [code, names, adjs] = cols[..] else {
            return Err(asset("countries.tsv", n, "expected 3 columns"));
        };
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(asset("countries.tsv", n, format!("bad code {code:?}")));
        }
        out.push(CountryRow {
            code: code.to_string(),
            names: list(names),
            adjectives: list(adjs),
        });
    }
    Ok(out)
}

/// A place row: country code and place names.
pub(crate) fn cities() -> Result<Vec<(String, Vec<String>)>, KnowledgeError> {
    let mut out = Vec::new();
    for (n, l) in lines(CITIES) {
        let Some((code, names)) = l.split_once('\t') else {
            return Err(asset("cities.tsv", n, "expected 2 columns"));
        };
        out.push((code.trim().to_string(), list(names)));
    }
    Ok(out)
}

/// A row of metonyms.txt / organizations.txt.
pub(crate) struct OrgRow {
    pub code: String,
    pub kind: String,
    pub country: Option<String>,
    pub name: String,
    pub phrases: Vec<String>,
}

pub(crate) fn orgs(name: &str, text: &str) -> Result<Vec<OrgRow>, KnowledgeError> {
    let mut out = Vec::new();
    for (n, l) in lines(text) {
        let cols: Vec<&str> = l.split('|').map(str::trim).collect();
        let [code, kind, country, cname, phrases] = cols[..] else {
            return Err(asset(name, n, "expected 5 '|'-separated columns"));
        };
        if !matches!(
            kind,
            "metonym" | "igo" | "ngo" | "group" | "country" | "person"
        ) {
            return Err(asset(name, n, format!("unknown kind {kind:?}")));
        }
        let phrases = list(phrases);
        if phrases.is_empty() || code.is_empty() {
            return Err(asset(name, n, "no code or no phrase"));
        }
        out.push(OrgRow {
            code: code.to_string(),
            kind: kind.to_string(),
            country: (country != "-").then(|| country.to_string()),
            name: cname.to_string(),
            phrases,
        });
    }
    Ok(out)
}

/// agents.txt: sectors and phrases.
/// Sectors and the phrases that carry them.
pub(crate) type AgentRow = (Vec<String>, Vec<String>);

pub(crate) fn agents() -> Result<Vec<AgentRow>, KnowledgeError> {
    let mut out = Vec::new();
    for (n, l) in lines(AGENTS) {
        let Some((sectors, phrases)) = l.split_once('|') else {
            return Err(asset("agents.txt", n, "expected SECTORS | phrases"));
        };
        let sectors: Vec<String> = sectors.split_whitespace().map(str::to_string).collect();
        if sectors.is_empty() || sectors.iter().any(|s| s.len() != 3) {
            return Err(asset("agents.txt", n, "sectors are three-letter codes"));
        }
        out.push((sectors, list(phrases)));
    }
    Ok(out)
}

/// A person: canonical name, aliases, dated codes and the code outside them.
pub(crate) struct PersonRow {
    pub name: String,
    pub aliases: Vec<String>,
    pub tenures: Vec<DatedCode>,
    pub otherwise: Option<String>,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` picks the last day of a year or month.
pub(crate) fn parse_loose_date(s: &str, end: bool) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    match parts[..] {
        [_] => NaiveDate::from_ymd_opt(y, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        [_, m] => {
            let m: u32 = m.parse().ok()?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            if end {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                next.pred_opt()
            } else {
                Some(first)
            }
        }
        [_, m, d] => NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

fn valid_code(c: &str) -> bool {
    c.len() >= 3 && c.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
}

/// Offices a tenure may be tagged with: head of state, head of government, foreign,
/// defence and interior minister.
pub(crate) const ROLES: &[&str] = &["HOS", "HOG", "FM", "DM", "IM"];

/// `HOS`, `FM`, `HOS+HOG`: known roles joined by `+`, each once.
fn valid_roles(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split('+').collect();
    parts.iter().all(|p| ROLES.contains(p))
        && parts
            .iter()
            .enumerate()
            .all(|(i, p)| !parts[..i].contains(p))
}

/// Parse the people files of our format (built-in: any malformed line is an error).
pub(crate) fn people(name: &str, text: &str) -> Result<Vec<PersonRow>, KnowledgeError> {
    let mut out = Vec::new();
    for (n, l) in lines(text) {
        out.push(person_line(l).map_err(|r| asset(name, n, r))?);
    }
    Ok(out)
}

/// Parse a user's people file: malformed lines become warnings.
pub(crate) fn people_lenient(
    path: &std::path::Path,
    text: &str,
) -> (Vec<PersonRow>, Vec<KnowledgeError>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    for (n, l) in lines(text) {
        match person_line(l) {
            Ok(r) => out.push(r),
            Err(reason) => warnings.push(KnowledgeError::Malformed {
                path: path.to_path_buf(),
                line: n,
                reason,
            }),
        }
    }
    (out, warnings)
}

fn fail(r: impl std::fmt::Display) -> String {
    r.to_string()
}

/// One line of a people file.
fn person_line(l: &str) -> Result<PersonRow, String> {
    let cols: Vec<&str> = l.split('|').map(str::trim).collect();
    let (pname, aliases, tenures, otherwise) = match cols[..] {
        [a, b, c] => (a, b, c, None),
        [a, b, c, d] => (a, b, c, (!d.is_empty()).then_some(d)),
        _ => return Err(fail("expected 3 or 4 '|'-separated columns")),
    };
    if pname.is_empty() {
        return Err(fail("empty name"));
    }
    let mut ts = Vec::new();
    for t in list(tenures) {
        let mut it = t.split_whitespace();
        let code = it.next().unwrap_or_default().to_string();
        if !valid_code(&code) {
            return Err(fail(format!("bad code {code:?}")));
        }
        let (from, to) = match it.next() {
            None => (None, None),
            Some(range) => {
                let Some((a, b)) = range.split_once("..") else {
                    return Err(fail(format!("bad range {range:?}")));
                };
                let from = if a.is_empty() {
                    None
                } else {
                    Some(
                        parse_loose_date(a, false)
                            .ok_or_else(|| fail(format!("bad date {a:?}")))?,
                    )
                };
                let to = if b.is_empty() {
                    None
                } else {
                    Some(parse_loose_date(b, true).ok_or_else(|| fail(format!("bad date {b:?}")))?)
                };
                if let (Some(f), Some(t)) = (from, to) {
                    if f > t {
                        return Err(format!("range {range} ends before it starts"));
                    }
                }
                (from, to)
            }
        };
        // An optional role tag after the range ("HOS", "FM", "HOS+HOG"): read by
        // scripts/people-coverage.py to find gaps per office, checked here, not used.
        if let Some(tag) = it.next() {
            if !valid_roles(tag) {
                return Err(fail(format!("unexpected text in {t:?}")));
            }
            // Offices are government posts: ministers of defence GOVMIL, the others GOV.
            let sectors = code.get(3..).unwrap_or_default();
            let fits = match tag {
                "DM" => sectors == "GOVMIL",
                _ if tag.contains("DM") => sectors == "GOV" || sectors == "GOVMIL",
                _ => sectors == "GOV",
            };
            if !fits {
                return Err(fail(format!("{code} does not fit the role {tag}")));
            }
        }
        if it.next().is_some() {
            return Err(fail(format!("unexpected text in {t:?}")));
        }
        ts.push(DatedCode { code, from, to });
    }
    if let Some(o) = otherwise {
        if !valid_code(o) {
            return Err(fail(format!("bad code {o:?}")));
        }
    }
    if ts.is_empty() && otherwise.is_none() {
        return Err(fail("no code"));
    }
    Ok(PersonRow {
        name: pname.to_string(),
        aliases: list(aliases),
        tenures: ts,
        otherwise: otherwise.map(str::to_string),
    })
}
