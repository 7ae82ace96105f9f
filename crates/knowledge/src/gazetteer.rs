//! GeoNames-based gazetteer: places by normalised name, offline.
//!
//! The asset `data/gazetteer/gazetteer.tsv.gz` is built by `scripts/build-gazetteer` from
//! registry packages (GeoNames cities ≥ 500 inhabitants with alternate names, countries,
//! first- and second-level divisions, continents) plus our hand-curated notable features.
//! It is embedded in the binary; parsing and the name index are built lazily on first use so
//! that loading the knowledge base stays cheap when no places are needed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::KnowledgeError;

/// FNV-1a: the name index holds ~1.5M short keys; SipHash would dominate its build time.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

const ASSET: &[u8] = include_bytes!("../../../data/gazetteer/gazetteer.tsv.gz");
const ASSET_NAME: &str = "data/gazetteer/gazetteer.tsv.gz";

/// One gazetteer place.
#[derive(Debug, Clone, PartialEq)]
pub struct GazEntry {
    /// GeoNames id; 0 for our curated features whose GeoNames id is unknown.
    pub geonames_id: u64,
    pub name: String,
    /// ISO 3166-1 alpha-2; empty for continents and oceans.
    pub country: String,
    /// GeoNames admin1 code ("13"), "00" for countries, empty when unknown.
    pub admin1: String,
    /// English name of the admin1 division, when known.
    pub admin1_name: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames feature class: A (country, division), P (populated place), H (water),
    /// T (terrain), L (area, region), S (spot, building).
    pub feature_class: String,
    /// GeoNames feature code: PCLI, ADM1, ADM2, PPL, PPLC, STM, VAL, ...
    pub feature_code: String,
    pub population: u64,
    /// Alternate names, `|`-separated (one allocation per entry keeps loading fast); see
    /// [`GazEntry::alt_names`].
    pub alt_names_joined: String,
}

impl GazEntry {
    /// "P.PPLC"-style class and code.
    pub fn feature(&self) -> String {
        format!("{}.{}", self.feature_class, self.feature_code)
    }

    /// Alternate names (Latin-script GeoNames alternate names and our aliases).
    pub fn alt_names(&self) -> impl Iterator<Item = &str> {
        self.alt_names_joined.split('|').filter(|s| !s.is_empty())
    }

    /// Whether this entry is a sovereign country (or dependent territory).
    pub fn is_country(&self) -> bool {
        self.feature_class == "A" && self.feature_code.starts_with("PCL")
    }
}

#[derive(Debug, Default)]
struct Loaded {
    entries: Vec<GazEntry>,
    admin1_names: HashMap<String, String>,
    demonyms: HashMap<String, String>,
    alpha3: HashMap<String, String>,
    common_words: std::collections::HashSet<String>,
    by_id: FastMap<u64, u32>,
    countries: HashMap<String, u32>,
}

/// Places by normalised name.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Gzip'd TSV asset; empty for an empty gazetteer.
    raw: &'static [u8],
    loaded: OnceLock<Result<Loaded, String>>,
    index: OnceLock<FastMap<String, Vec<u32>>>,
}

impl Gazetteer {
    /// The built-in gazetteer asset. Decompression and parsing happen on first use; call
    /// [`Gazetteer::check`] to force them and surface a corrupt asset as an error.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Ok(Gazetteer {
            raw: ASSET,
            ..Default::default()
        })
    }

    /// Parse the asset now; an error when it is corrupt.
    pub fn check(&self) -> Result<(), KnowledgeError> {
        match self.loaded() {
            Ok(_) => Ok(()),
            Err(reason) => Err(KnowledgeError::Asset {
                name: ASSET_NAME.to_string(),
                reason: reason.clone(),
            }),
        }
    }

    fn loaded(&self) -> &Result<Loaded, String> {
        self.loaded.get_or_init(|| {
            if self.raw.is_empty() {
                return Ok(Loaded::default());
            }
            let mut text = String::new();
            flate2::read::GzDecoder::new(self.raw)
                .read_to_string(&mut text)
                .map_err(|e| e.to_string())?;
            parse(&text)
        })
    }

    fn data(&self) -> Option<&Loaded> {
        self.loaded().as_ref().ok()
    }

    fn entries(&self) -> &[GazEntry] {
        self.data().map(|d| d.entries.as_slice()).unwrap_or(&[])
    }

    fn index(&self) -> &FastMap<String, Vec<u32>> {
        self.index.get_or_init(|| {
            let entries = self.entries();
            let mut index: FastMap<String, Vec<u32>> = FastMap::default();
            index.reserve(entries.len() * 4);
            for (i, e) in entries.iter().enumerate() {
                let Ok(i) = u32::try_from(i) else { break };
                let mut keys: Vec<String> = Vec::with_capacity(8);
                for n in std::iter::once(e.name.as_str()).chain(e.alt_names()) {
                    let k = normalize(n);
                    if k.is_empty() {
                        continue;
                    }
                    if let Some(rest) = strip_article(&k) {
                        keys.push(rest.to_string());
                    }
                    keys.push(k);
                }
                keys.sort();
                keys.dedup();
                for k in keys {
                    index.entry(k).or_default().push(i);
                }
            }
            index
        })
    }

    /// Every place known by `norm_name` (already passed through [`normalize`]; it is
    /// normalised again, so raw names work too), most populous first.
    pub fn lookup(&self, norm_name: &str) -> Vec<&GazEntry> {
        let key = normalize(norm_name);
        let entries = self.entries();
        let mut out: Vec<&GazEntry> = self
            .index()
            .get(&key)
            .map(|ids| {
                ids.iter()
                    .filter_map(|&i| entries.get(i as usize))
                    .collect()
            })
            .unwrap_or_default();
        out.sort_by(|a, b| {
            b.population
                .cmp(&a.population)
                .then(a.geonames_id.cmp(&b.geonames_id))
        });
        out
    }

    /// Whether any place is known by this name.
    pub fn contains(&self, norm_name: &str) -> bool {
        self.index().contains_key(&normalize(norm_name))
    }

    /// The place with this GeoNames id.
    pub fn get(&self, geonames_id: u64) -> Option<&GazEntry> {
        let d = self.data()?;
        d.entries.get(*d.by_id.get(&geonames_id)? as usize)
    }

    /// English name of the admin1 division `country`.`admin1` ("SY", "09" → "Aleppo").
    pub fn admin1_name(&self, country: &str, admin1: &str) -> Option<&str> {
        self.data()?
            .admin1_names
            .get(&format!("{country}.{admin1}"))
            .map(String::as_str)
    }

    /// The country (alpha-2) of a demonym or adjective ("Syrian", "syrians" → "SY").
    pub fn demonym_country(&self, word: &str) -> Option<&str> {
        let d = self.data()?;
        let k = normalize(word);
        d.demonyms
            .get(&k)
            .or_else(|| k.strip_suffix('s').and_then(|s| d.demonyms.get(s)))
            .map(String::as_str)
    }

    /// ISO alpha-2 for an alpha-3 code ("SYR" → "SY").
    pub fn alpha2_of(&self, alpha3: &str) -> Option<&str> {
        self.data()?.alpha3.get(alpha3).map(String::as_str)
    }

    /// Whether a normalised single word is a common English word that is also a place name
    /// ("mobile", "reading"): such names need locative context to count as toponyms.
    pub fn is_common_word(&self, norm_word: &str) -> bool {
        self.data()
            .is_some_and(|d| d.common_words.contains(norm_word))
    }

    /// The country entry for an alpha-2 code.
    pub fn country(&self, alpha2: &str) -> Option<&GazEntry> {
        let d = self.data()?;
        d.entries.get(*d.countries.get(alpha2)? as usize)
    }

    pub fn len(&self) -> usize {
        self.entries().len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries().is_empty()
    }

    /// Every entry, in asset order.
    pub fn iter(&self) -> impl Iterator<Item = &GazEntry> {
        self.entries().iter()
    }
}

/// A leading Arabic/Romance article ("al ", "el ", "ar ", ...) removed, when what remains
/// is a plausible name on its own ("al raqqa" → "raqqa").
fn strip_article(key: &str) -> Option<&str> {
    const ARTICLES: [&str; 10] = [
        "al ", "el ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash ", "ath ",
    ];
    ARTICLES
        .iter()
        .find_map(|a| key.strip_prefix(a))
        .filter(|rest| rest.chars().count() >= 4)
}

fn parse(text: &str) -> Result<Loaded, String> {
    let mut d = Loaded::default();
    d.entries.reserve(text.len() / 90);
    let mut key = String::new();
    let mut cols: Vec<&str> = Vec::with_capacity(10);
    for (n, line) in text.lines().enumerate() {
        cols.clear();
        cols.extend(line.split('\t'));
        match cols.first().copied() {
            Some("A") if cols.len() == 3 => {
                d.admin1_names
                    .insert(cols[1].to_string(), cols[2].to_string());
            }
            Some("D") if cols.len() == 3 => {
                d.demonyms.insert(normalize(cols[1]), cols[2].to_string());
            }
            Some("C") if cols.len() == 3 => {
                d.alpha3.insert(cols[2].to_string(), cols[1].to_string());
            }
            Some("W") if cols.len() == 2 => {
                d.common_words.insert(cols[1].to_string());
            }
            Some("G") if cols.len() == 10 => {
                let bad = |what: &str| format!("line {}: bad {what}", n + 1);
                let geonames_id: u64 = cols[1].parse().map_err(|_| bad("id"))?;
                let lat: f64 = cols[5].parse().map_err(|_| bad("latitude"))?;
                let lon: f64 = cols[6].parse().map_err(|_| bad("longitude"))?;
                let population: u64 = cols[8].parse().map_err(|_| bad("population"))?;
                let (fclass, fcode) = cols[7].split_once('.').ok_or_else(|| bad("feature"))?;
                let country = cols[3].to_string();
                let admin1 = cols[4].to_string();
                let admin1_name = if admin1.is_empty() || admin1 == "00" {
                    None
                } else {
                    key.clear();
                    key.push_str(&country);
                    key.push('.');
                    key.push_str(&admin1);
                    d.admin1_names.get(&key).cloned()
                };
                let at = d.entries.len() as u32;
                if geonames_id != 0 {
                    d.by_id.insert(geonames_id, at);
                }
                if fclass == "A" && fcode.starts_with("PCL") {
                    d.countries.entry(country.clone()).or_insert(at);
                }
                d.entries.push(GazEntry {
                    geonames_id,
                    name: cols[2].to_string(),
                    country,
                    admin1,
                    admin1_name,
                    lat,
                    lon,
                    feature_class: fclass.to_string(),
                    feature_code: fcode.to_string(),
                    population,
                    alt_names_joined: cols[9].to_string(),
                });
            }
            _ => return Err(format!("line {}: unrecognised record", n + 1)),
        }
    }
    Ok(d)
}

/// Normalise a place name for lookup: lower-case, diacritics folded, apostrophes and
/// periods dropped ("Dar'a" → "dara", "U.S." → "us"), hyphens, dashes and other
/// punctuation turned into single spaces ("Al-Tabqa" → "al tabqa").
pub fn normalize(name: &str) -> String {
    if name.is_ascii() {
        return normalize_ascii(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfd() {
        let mapped: &str = match c {
            'ø' | 'Ø' => "o",
            'ł' | 'Ł' => "l",
            'đ' | 'Đ' | 'ð' | 'Ð' => "d",
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            'ı' => "i",
            'þ' | 'Þ' => "th",
            '\'' | '’' | '‘' | 'ʻ' | 'ʿ' | 'ʼ' | 'ʾ' | '`' | '´' | '.' => continue,
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c if c.is_alphanumeric() => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.extend(c.to_lowercase());
                continue;
            }
            _ => {
                pending_space = true;
                continue;
            }
        };
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        out.push_str(mapped);
    }
    out
}

/// [`normalize`] for ASCII input: no decomposition needed.
fn normalize_ascii(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for b in name.bytes() {
        match b {
            b'\'' | b'.' | b'`' => {}
            b if b.is_ascii_alphanumeric() => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            }
            _ => pending_space = true,
        }
    }
    out
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::builtin().unwrap_or_default())
    }

    #[test]
    fn normalises_names() {
        assert_eq!(normalize("Al-Tabqa"), "al tabqa");
        assert_eq!(normalize("  Ţarţūs "), "tartus");
        assert_eq!(normalize("Dar’a"), "dara");
        assert_eq!(normalize("U.S."), "us");
        assert_eq!(normalize("São Paulo"), "sao paulo");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("Sana'a"), "sanaa");
        assert_eq!(normalize("New  York—City"), "new york city");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("--"), "");
        for s in ["Al-Tabqa", "U.S.", "St. John's", "A--b"] {
            let utf: String = s.chars().chain(std::iter::once('é')).collect();
            assert_eq!(
                format!("{}e", normalize(s)).trim_start(),
                normalize(&utf).trim_start()
            );
        }
    }

    #[test]
    fn asset_loads() {
        let g = gaz();
        assert!(g.check().is_ok());
        assert!(g.len() > 200_000, "{}", g.len());
    }

    #[test]
    fn finds_seed_places() {
        let g = gaz();
        let tehran = g.lookup("Tehran");
        assert!(tehran
            .iter()
            .any(|e| e.geonames_id == 112_931 && e.feature_code == "PPLC"));
        let palmyra = g.lookup("palmyra");
        assert!(palmyra
            .iter()
            .any(|e| e.geonames_id == 163_808 && e.country == "SY"));
        let tabqa = g.lookup("Tabqa");
        assert!(tabqa.iter().any(|e| e.country == "SY"));
        let aleppo = g.lookup("aleppo");
        assert!(aleppo
            .iter()
            .any(|e| e.country == "SY" && e.feature_class == "P"));
        assert!(!g.lookup("Euphrates Valley").is_empty());
        assert!(!g.lookup("Strait of Hormuz").is_empty());
        assert!(!g.lookup("golan heights").is_empty());
        let syria = g.lookup("Syria");
        assert!(syria.iter().any(|e| e.is_country() && e.country == "SY"));
        assert_eq!(g.get(163_808).map(|e| e.name.as_str()), Some("Tadmur"));
        assert!(g.lookup("no such place xyzzy").is_empty());
    }

    #[test]
    fn admin1_and_demonyms() {
        let g = gaz();
        assert_eq!(g.admin1_name("US", "VA"), Some("Virginia"));
        assert_eq!(g.demonym_country("Syrian"), Some("SY"));
        assert_eq!(g.demonym_country("Syrians"), Some("SY"));
        assert_eq!(g.country("IR").map(|e| e.name.as_str()), Some("Iran"));
        assert_eq!(g.alpha2_of("SYR"), Some("SY"));
        assert!(g.is_common_word("mobile"));
        assert!(!g.is_common_word("aleppo"));
    }

    #[test]
    fn corrupt_asset_is_an_error() {
        assert!(parse("G\t1\tx\n").is_err());
        assert!(parse("G\tx\tn\tSY\t01\t1\t2\tP.PPL\t0\t\n").is_err());
        assert!(parse("G\t1\tn\tSY\t01\t1\t2\tP.PPL\t0\t\n").is_ok());
        let g = Gazetteer {
            raw: b"not gzip",
            ..Default::default()
        };
        assert!(g.check().is_err());
        assert!(g.lookup("x").is_empty());
        assert_eq!(g.len(), 0);
    }

    #[test]
    fn timing_report() {
        // Not a timed assertion (speed lives in `bench`): prints load and index costs.
        let g = Gazetteer::builtin().unwrap_or_default();
        let t = std::time::Instant::now();
        let mut text = String::new();
        let _ = flate2::read::GzDecoder::new(ASSET).read_to_string(&mut text);
        eprintln!("gazetteer: decompressed in {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let n = g.len();
        let parsed = t.elapsed();
        let _ = g.lookup("x");
        eprintln!(
            "gazetteer: {n} entries parsed in {parsed:?}, indexed in {:?}",
            t.elapsed() - parsed
        );
        assert!(n > 0);
    }

    /// Arbitrary text never panics the normaliser, and normalising is idempotent.
    #[test]
    fn normalize_is_total_and_idempotent() {
        let alphabet: Vec<char> = "aZ é-'’.ʿ ßØ\u{301}\u{0}日ﬁ,İı\t".chars().collect();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..12 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                if let Some(&c) = alphabet.get((state >> 33) as usize % alphabet.len()) {
                    s.push(c);
                }
            }
            let n = normalize(&s);
            assert_eq!(normalize(&n), n, "{s:?}");
            assert!(!n.starts_with(' ') && !n.ends_with(' '), "{s:?}");
        }
    }

    #[test]
    fn distance() {
        let d = distance_km(35.69439, 51.42151, 36.20124, 37.16117);
        assert!((1270.0..1300.0).contains(&d), "{d}");
        assert!(distance_km(1.0, 1.0, 1.0, 1.0) < 1e-9);
    }
}
