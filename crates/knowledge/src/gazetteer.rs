//! GeoNames-based gazetteer: places by normalised name, offline.
//!
//! `scripts/build-gazetteer` builds a TSV from registry packages (GeoNames cities ≥ 500
//! inhabitants with alternate names, countries, first- and second-level divisions,
//! continents, our hand-curated notable features) and packs it ([`pack`]) into two embedded
//! assets laid out for use in place, so loading costs one decompression and no parsing:
//! - `gazetteer.fst`: an `fst` map from normalised name to its entries (stored raw, used
//!   zero-copy);
//! - `gazetteer.bin.lz4`: fixed-width entry records, posting lists, an id table and one
//!   string pool (LZ4: decompresses at memory speed).
//!
//! Loading happens once per process on first use (or [`Gazetteer::force_load`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::KnowledgeError;

const PACKED: &[u8] = include_bytes!("../../../data/gazetteer/gazetteer.bin.lz4");
const NAMES_FST: &[u8] = include_bytes!("../../../data/gazetteer/gazetteer.fst");
const ASSET_NAME: &str = "data/gazetteer/gazetteer.bin.lz4";

const MAGIC: &[u8; 8] = b"WCGAZ\x01\0\0";
const HEADER: usize = 48;
const RECORD: usize = 80;
const PAIR: usize = 16;
const ID_ROW: usize = 12;
/// Pool reference meaning "none" (an entry without an admin1 name).
const NONE: u32 = u32::MAX;

/// One gazetteer place. Strings borrow the process-wide decompressed asset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GazEntry {
    /// GeoNames id; 0 for our curated features whose GeoNames id is unknown.
    pub geonames_id: u64,
    pub name: &'static str,
    /// ISO 3166-1 alpha-2; empty for continents and oceans.
    pub country: &'static str,
    /// GeoNames admin1 code ("13"), "00" for countries, empty when unknown.
    pub admin1: &'static str,
    /// English name of the admin1 division, when known.
    pub admin1_name: Option<&'static str>,
    pub lat: f64,
    pub lon: f64,
    /// GeoNames feature class: A (country, division), P (populated place), H (water),
    /// T (terrain), L (area, region), S (spot, building).
    pub feature_class: &'static str,
    /// GeoNames feature code: PCLI, ADM1, ADM2, PPL, PPLC, STM, VAL, ...
    pub feature_code: &'static str,
    pub population: u64,
    /// Alternate names, `|`-separated; see [`GazEntry::alt_names`].
    pub alt_names_joined: &'static str,
}

impl GazEntry {
    /// "P.PPLC"-style class and code.
    pub fn feature(&self) -> String {
        format!("{}.{}", self.feature_class, self.feature_code)
    }

    /// Alternate names (Latin-script GeoNames alternate names and our aliases).
    pub fn alt_names(&self) -> impl Iterator<Item = &'static str> {
        self.alt_names_joined.split('|').filter(|s| !s.is_empty())
    }

    /// Whether this entry is a sovereign country (or dependent territory).
    pub fn is_country(&self) -> bool {
        self.feature_class == "A" && self.feature_code.starts_with("PCL")
    }
}

/// The loaded asset: entry views over the decompressed blob plus the small lookup tables.
struct Store {
    entries: Vec<GazEntry>,
    /// `None` only for the empty gazetteer.
    names: Option<fst::Map<&'static [u8]>>,
    postings: &'static [u8],
    /// (GeoNames id u64, entry u32) rows sorted by id.
    by_id: &'static [u8],
    admin1_names: HashMap<&'static str, &'static str>,
    demonyms: HashMap<&'static str, &'static str>,
    alpha3: HashMap<&'static str, &'static str>,
    /// alpha-2 → the alphabetically first alpha-3 with it (the reverse of `alpha3`).
    alpha2: HashMap<&'static str, &'static str>,
    common_words: HashSet<&'static str>,
    countries: HashMap<&'static str, u32>,
}

/// Places by normalised name.
#[derive(Default)]
pub struct Gazetteer {
    /// (LZ4 blob, fst) assets; `None` for an empty gazetteer.
    assets: Option<(&'static [u8], &'static [u8])>,
    builtin: bool,
    store: OnceLock<Result<&'static Store, String>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("builtin", &self.builtin)
            .field("loaded", &self.store.get().is_some())
            .finish()
    }
}

impl Gazetteer {
    /// The built-in gazetteer asset. It is loaded (once per process) on first use; call
    /// [`Gazetteer::force_load`] to load it now and surface a corrupt asset as an error.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Ok(Gazetteer {
            assets: Some((PACKED, NAMES_FST)),
            builtin: true,
            store: OnceLock::new(),
        })
    }

    /// A gazetteer over assets made by [`pack`]. The decompressed blob lives for the rest
    /// of the process (entries borrow it), so make few of these.
    pub fn from_assets(packed: &'static [u8], names_fst: &'static [u8]) -> Self {
        Gazetteer {
            assets: Some((packed, names_fst)),
            builtin: false,
            store: OnceLock::new(),
        }
    }

    /// Load the asset now (decompression and tables); an error when it is corrupt.
    pub fn force_load(&self) -> Result<(), KnowledgeError> {
        match self.store_result() {
            Ok(_) => Ok(()),
            Err(reason) => Err(KnowledgeError::Asset {
                name: ASSET_NAME.to_string(),
                reason: reason.clone(),
            }),
        }
    }

    fn store_result(&self) -> &Result<&'static Store, String> {
        self.store.get_or_init(|| {
            let Some((packed, names)) = self.assets else {
                return Ok(empty_store());
            };
            if self.builtin {
                static BUILTIN: OnceLock<Result<&'static Store, String>> = OnceLock::new();
                BUILTIN
                    .get_or_init(|| load(packed, names).map(leak))
                    .clone()
            } else {
                load(packed, names).map(leak)
            }
        })
    }

    fn data(&self) -> Option<&'static Store> {
        self.store_result().as_ref().ok().copied()
    }

    fn entries(&self) -> &[GazEntry] {
        self.data().map(|d| d.entries.as_slice()).unwrap_or(&[])
    }

    fn ids_of(&self, key: &str) -> Vec<u32> {
        let Some(d) = self.data() else {
            return Vec::new();
        };
        let Some(v) = d.names.as_ref().and_then(|n| n.get(key)) else {
            return Vec::new();
        };
        if v & 1 == 1 {
            return u32::try_from(v >> 1).map(|i| vec![i]).unwrap_or_default();
        }
        let w = v >> 1;
        let count = (w & 0xFF_FFFF) as usize;
        let offset = (w >> 24) as usize;
        (offset..offset + count)
            .filter_map(|i| u32_at(d.postings, i * 4))
            .collect()
    }

    /// Every place known by `norm_name` (already passed through [`normalize`]; it is
    /// normalised again, so raw names work too), most populous first.
    pub fn lookup(&self, norm_name: &str) -> Vec<&GazEntry> {
        let key = normalize(norm_name);
        let entries = self.entries();
        let mut out: Vec<&GazEntry> = self
            .ids_of(&key)
            .into_iter()
            .filter_map(|i| entries.get(i as usize))
            .collect();
        out.sort_by(|a, b| {
            b.population
                .cmp(&a.population)
                .then(a.geonames_id.cmp(&b.geonames_id))
        });
        out
    }

    /// Whether any place is known by this name.
    pub fn contains(&self, norm_name: &str) -> bool {
        self.data()
            .and_then(|d| d.names.as_ref())
            .is_some_and(|n| n.contains_key(normalize(norm_name)))
    }

    /// The place with this GeoNames id.
    pub fn get(&self, geonames_id: u64) -> Option<&GazEntry> {
        let d = self.data()?;
        let rows = d.by_id.len() / ID_ROW;
        let (mut lo, mut hi) = (0usize, rows);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let id = u64_at(d.by_id, mid * ID_ROW)?;
            match id.cmp(&geonames_id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let at = u32_at(d.by_id, mid * ID_ROW + 8)?;
                    return d.entries.get(at as usize);
                }
            }
        }
        None
    }

    /// English name of the admin1 division `country`.`admin1` ("SY", "09" → "Aleppo").
    pub fn admin1_name(&self, country: &str, admin1: &str) -> Option<&str> {
        self.data()?
            .admin1_names
            .get(format!("{country}.{admin1}").as_str())
            .copied()
    }

    /// The country (alpha-2) of a demonym or adjective ("Syrian", "syrians" → "SY").
    pub fn demonym_country(&self, word: &str) -> Option<&str> {
        let d = self.data()?;
        let k = normalize(word);
        d.demonyms
            .get(k.as_str())
            .or_else(|| k.strip_suffix('s').and_then(|s| d.demonyms.get(s)))
            .copied()
    }

    /// ISO alpha-2 for an alpha-3 code ("SYR" → "SY").
    pub fn alpha2_of(&self, alpha3: &str) -> Option<&str> {
        self.data()?.alpha3.get(alpha3).copied()
    }

    /// The alpha-3 code of an ISO 3166-1 alpha-2 code (a scan of ~250 countries; used once
    /// per visit whose host is only a place).
    pub fn alpha3_of(&self, alpha2: &str) -> Option<&str> {
        self.data()?.alpha2.get(alpha2).copied()
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

fn leak(store: Store) -> &'static Store {
    Box::leak(Box::new(store))
}

fn empty_store() -> &'static Store {
    static EMPTY: OnceLock<&'static Store> = OnceLock::new();
    EMPTY.get_or_init(|| {
        leak(Store {
            entries: Vec::new(),
            names: None,
            postings: &[],
            by_id: &[],
            admin1_names: HashMap::new(),
            demonyms: HashMap::new(),
            alpha3: HashMap::new(),
            alpha2: HashMap::new(),
            common_words: HashSet::new(),
            countries: HashMap::new(),
        })
    })
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(
        b.get(at..at.checked_add(8)?)?.try_into().ok()?,
    ))
}

fn f64_at(b: &[u8], at: usize) -> Option<f64> {
    u64_at(b, at).map(f64::from_bits)
}

/// Splits the blob into sections, checking every bound once.
struct Cursor {
    blob: &'static [u8],
    at: usize,
}

impl Cursor {
    fn take(&mut self, len: usize, what: &str) -> Result<&'static [u8], String> {
        let end = self.at.checked_add(len).ok_or("size overflow")?;
        let s = self
            .blob
            .get(self.at..end)
            .ok_or_else(|| format!("truncated {what}"))?;
        self.at = end;
        Ok(s)
    }
}

/// Decompress and map the packed asset. The blob is leaked: entries borrow it for the
/// rest of the process (the built-in one is loaded once).
fn load(packed: &[u8], names_fst: &'static [u8]) -> Result<Store, String> {
    let raw = lz4_flex::decompress_size_prepended(packed).map_err(|e| e.to_string())?;
    let blob: &'static [u8] = Box::leak(raw.into_boxed_slice());
    if blob.get(..8) != Some(MAGIC.as_slice()) {
        return Err("not a packed gazetteer".to_string());
    }
    let head = |i: usize| {
        u32_at(blob, 8 + 4 * i)
            .map(|v| v as usize)
            .ok_or("truncated header")
    };
    let (n_entries, n_postings, n_ids) = (head(0)?, head(1)?, head(2)?);
    let (n_admin1, n_demonyms, n_alpha3, n_common) = (head(3)?, head(4)?, head(5)?, head(6)?);
    let pool_len = head(7)?;
    let mut c = Cursor { blob, at: HEADER };
    let records = c.take(n_entries.saturating_mul(RECORD), "entries")?;
    let postings = c.take(n_postings.saturating_mul(4), "postings")?;
    let by_id = c.take(n_ids.saturating_mul(ID_ROW), "ids")?;
    let pairs = c.take(
        (n_admin1 + n_demonyms + n_alpha3).saturating_mul(PAIR),
        "tables",
    )?;
    let common = c.take(n_common.saturating_mul(8), "words")?;
    let pool = std::str::from_utf8(c.take(pool_len, "pool")?).map_err(|e| e.to_string())?;
    let names = Some(fst::Map::new(names_fst).map_err(|e| e.to_string())?);

    let string = |b: &[u8], at: usize| -> Result<Option<&'static str>, String> {
        let off = u32_at(b, at).ok_or("truncated record")?;
        let len = u32_at(b, at + 4).ok_or("truncated record")? as usize;
        if off == NONE {
            return Ok(None);
        }
        let start = off as usize;
        pool.get(start..start.saturating_add(len))
            .map(Some)
            .ok_or_else(|| "bad string reference".to_string())
    };
    let req = |b: &[u8], at: usize| string(b, at).map(Option::unwrap_or_default);

    // Records are stored in byte-plane order (see `pack`); each is gathered into a small
    // buffer rather than transposing them all at once, which would add a second copy of
    // the records (~22 MB) to the peak memory of loading.
    if records.len() != n_entries * RECORD {
        return Err("truncated records".to_string());
    }
    let mut entries = Vec::with_capacity(n_entries);
    let mut countries = HashMap::new();
    let mut buf = [0u8; RECORD];
    for i in 0..n_entries {
        for (k, slot) in buf.iter_mut().enumerate() {
            *slot = records[k * n_entries + i];
        }
        let r = &buf[..];
        let feature = req(r, 72)?;
        let (feature_class, feature_code) = feature.split_once('.').unwrap_or((feature, ""));
        let e = GazEntry {
            geonames_id: u64_at(r, 0).ok_or("truncated record")?,
            population: u64_at(r, 8).ok_or("truncated record")?,
            lat: f64_at(r, 16).ok_or("truncated record")?,
            lon: f64_at(r, 24).ok_or("truncated record")?,
            name: req(r, 32)?,
            alt_names_joined: req(r, 40)?,
            country: req(r, 48)?,
            admin1: req(r, 56)?,
            admin1_name: string(r, 64)?,
            feature_class,
            feature_code,
        };
        if e.is_country() {
            countries.entry(e.country).or_insert(i as u32);
        }
        entries.push(e);
    }
    let mut tables = pairs
        .chunks_exact(PAIR)
        .map(|p| Ok((req(p, 0)?, req(p, 8)?)));
    let mut table = |n: usize| -> Result<HashMap<&'static str, &'static str>, String> {
        tables.by_ref().take(n).collect()
    };
    let admin1_names = table(n_admin1)?;
    let demonyms = table(n_demonyms)?;
    let alpha3 = table(n_alpha3)?;
    // Deterministic even if two alpha-3 codes share an alpha-2 one: the first in order.
    let mut alpha2: HashMap<&'static str, &'static str> = HashMap::new();
    for (&a3, &a2) in &alpha3 {
        alpha2
            .entry(a2)
            .and_modify(|best| *best = (*best).min(a3))
            .or_insert(a3);
    }
    let common_words = common
        .chunks_exact(8)
        .map(|w| req(w, 0))
        .collect::<Result<HashSet<_>, _>>()?;
    Ok(Store {
        entries,
        names,
        postings,
        by_id,
        admin1_names,
        demonyms,
        alpha3,
        alpha2,
        common_words,
        countries,
    })
}

/// The two assets [`pack`] makes.
pub struct Packed {
    /// LZ4 (size-prepended) blob: header, records, postings, id rows, tables, string pool.
    pub blob_lz4: Vec<u8>,
    /// `fst` map from normalised name to its entries.
    pub names_fst: Vec<u8>,
}

/// Deduplicating string pool for [`pack`].
#[derive(Default)]
struct Pool {
    text: String,
    seen: HashMap<String, (u32, u32)>,
}

impl Pool {
    fn add(&mut self, s: &str) -> Result<(u32, u32), String> {
        if let Some(&r) = self.seen.get(s) {
            return Ok(r);
        }
        let r = (
            u32::try_from(self.text.len()).map_err(|_| "pool too large")?,
            u32::try_from(s.len()).map_err(|_| "string too long")?,
        );
        self.text.push_str(s);
        self.seen.insert(s.to_string(), r);
        Ok(r)
    }
}

fn push_ref(out: &mut Vec<u8>, r: (u32, u32)) {
    out.extend_from_slice(&r.0.to_le_bytes());
    out.extend_from_slice(&r.1.to_le_bytes());
}

/// Pack the gazetteer TSV made by `scripts/build-gazetteer` into the in-place assets.
///
/// TSV lines: `A cc.admin1 name`, `D demonym cc`, `C cc alpha3`, `W word`,
/// `G id name cc admin1 lat lon class.code population alt|names`.
pub fn pack(tsv: &str) -> Result<Packed, String> {
    let mut admin1_names: BTreeMap<String, String> = BTreeMap::new();
    let mut demonyms: BTreeMap<String, String> = BTreeMap::new();
    let mut alpha3: BTreeMap<String, String> = BTreeMap::new();
    let mut common: Vec<String> = Vec::new();
    let mut pool = Pool::default();
    let mut records: Vec<u8> = Vec::new();
    let mut ids: BTreeMap<u64, u32> = BTreeMap::new();
    let mut index: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut n_entries: u32 = 0;
    for (n, line) in tsv.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| format!("line {}: bad {what}", n + 1);
        match cols.as_slice() {
            ["A", key, name] => {
                admin1_names.insert(key.to_string(), name.to_string());
            }
            ["D", demonym, cc] => {
                demonyms.insert(normalize(demonym), cc.to_string());
            }
            ["C", cc, a3] => {
                alpha3.insert(a3.to_string(), cc.to_string());
            }
            ["W", word] => common.push(word.to_string()),
            ["G", id, name, cc, admin1, lat, lon, feature, population, alts] => {
                let id: u64 = id.parse().map_err(|_| bad("id"))?;
                let lat: f64 = lat.parse().map_err(|_| bad("latitude"))?;
                let lon: f64 = lon.parse().map_err(|_| bad("longitude"))?;
                let population: u64 = population.parse().map_err(|_| bad("population"))?;
                if !feature.contains('.') {
                    return Err(bad("feature"));
                }
                let admin1_name = if admin1.is_empty() || *admin1 == "00" {
                    None
                } else {
                    admin1_names.get(&format!("{cc}.{admin1}")).cloned()
                };
                records.extend_from_slice(&id.to_le_bytes());
                records.extend_from_slice(&population.to_le_bytes());
                records.extend_from_slice(&lat.to_bits().to_le_bytes());
                records.extend_from_slice(&lon.to_bits().to_le_bytes());
                push_ref(&mut records, pool.add(name)?);
                push_ref(&mut records, pool.add(alts)?);
                push_ref(&mut records, pool.add(cc)?);
                push_ref(&mut records, pool.add(admin1)?);
                let a1 = match admin1_name {
                    Some(a) => pool.add(&a)?,
                    None => (NONE, 0),
                };
                push_ref(&mut records, a1);
                push_ref(&mut records, pool.add(feature)?);
                if id != 0 {
                    ids.insert(id, n_entries);
                }
                let mut keys: Vec<String> = Vec::new();
                for name in std::iter::once(*name).chain(alts.split('|')) {
                    let k = normalize(name);
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
                    index.entry(k).or_default().push(n_entries);
                }
                n_entries = n_entries.checked_add(1).ok_or("too many entries")?;
            }
            _ => return Err(format!("line {}: unrecognised record", n + 1)),
        }
    }

    let mut postings: Vec<u8> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (key, list) in &index {
        let value = match list.as_slice() {
            [one] => (u64::from(*one) << 1) | 1,
            _ => {
                let offset = (postings.len() / 4) as u64;
                for i in list {
                    postings.extend_from_slice(&i.to_le_bytes());
                }
                ((offset << 24) | list.len().min(0xFF_FFFF) as u64) << 1
            }
        };
        builder.insert(key, value).map_err(|e| e.to_string())?;
    }
    let names_fst = builder.into_inner().map_err(|e| e.to_string())?;

    let mut tables: Vec<u8> = Vec::new();
    for map in [&admin1_names, &demonyms, &alpha3] {
        for (k, v) in map {
            push_ref(&mut tables, pool.add(k)?);
            push_ref(&mut tables, pool.add(v)?);
        }
    }
    let mut words: Vec<u8> = Vec::new();
    for w in &common {
        push_ref(&mut words, pool.add(w)?);
    }
    let mut id_rows: Vec<u8> = Vec::new();
    for (id, at) in &ids {
        id_rows.extend_from_slice(&id.to_le_bytes());
        id_rows.extend_from_slice(&at.to_le_bytes());
    }

    let count = |n: usize| u32::try_from(n).map_err(|_| "section too large".to_string());
    let mut blob: Vec<u8> = Vec::with_capacity(HEADER + records.len() + pool.text.len());
    blob.extend_from_slice(MAGIC);
    for n in [
        n_entries as usize,
        postings.len() / 4,
        ids.len(),
        admin1_names.len(),
        demonyms.len(),
        alpha3.len(),
        common.len(),
        pool.text.len(),
    ] {
        blob.extend_from_slice(&count(n)?.to_le_bytes());
    }
    blob.resize(HEADER, 0);
    // Byte-plane order (byte k of every record, then byte k+1, ...): the high bytes of
    // ids, populations and string references are mostly equal, so LZ4 finds long runs.
    let n = n_entries as usize;
    let mut planes = vec![0u8; records.len()];
    for (i, r) in records.chunks_exact(RECORD).enumerate() {
        for (k, &b) in r.iter().enumerate() {
            if let Some(slot) = planes.get_mut(k * n + i) {
                *slot = b;
            }
        }
    }
    for section in [&planes, &postings, &id_rows, &tables, &words] {
        blob.extend_from_slice(section);
    }
    blob.extend_from_slice(pool.text.as_bytes());
    Ok(Packed {
        blob_lz4: lz4_flex::compress_prepend_size(&blob),
        names_fst,
    })
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
        assert!(g.force_load().is_ok());
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
        assert_eq!(g.get(163_808).map(|e| e.name), Some("Tadmur"));
        assert!(g.lookup("no such place xyzzy").is_empty());
    }

    #[test]
    fn admin1_and_demonyms() {
        let g = gaz();
        assert_eq!(g.admin1_name("US", "VA"), Some("Virginia"));
        assert_eq!(g.demonym_country("Syrian"), Some("SY"));
        assert_eq!(g.demonym_country("Syrians"), Some("SY"));
        assert_eq!(g.country("IR").map(|e| e.name), Some("Iran"));
        assert_eq!(g.alpha2_of("SYR"), Some("SY"));
        assert!(g.is_common_word("mobile"));
        assert!(!g.is_common_word("aleppo"));
    }

    const TINY: &str = "A\tSY.09\tAleppo\nD\tSyrian\tSY\nC\tSY\tSYR\nW\tmobile\n\
G\t170063\tAleppo\tSY\t09\t36.20124\t37.16117\tP.PPLA\t1602264\tHalab|Alep\n\
G\t163843\tSyria\tSY\t00\t35\t38\tA.PCLI\t22198110\t\n\
G\t0\tAl-Raqqa Plain\tSY\t\t35.9\t39\tL.RGN\t0\tAleppo\n";

    fn tiny() -> Gazetteer {
        let packed = pack(TINY).unwrap_or_else(|e| panic!("{e}"));
        Gazetteer::from_assets(
            Box::leak(packed.blob_lz4.into_boxed_slice()),
            Box::leak(packed.names_fst.into_boxed_slice()),
        )
    }

    #[test]
    fn packed_round_trip() {
        let g = tiny();
        assert!(g.force_load().is_ok());
        assert_eq!(g.len(), 3);
        let aleppo = g.lookup("ALEPPO");
        assert_eq!(aleppo.len(), 2);
        assert_eq!(aleppo[0].geonames_id, 170_063);
        assert_eq!(aleppo[0].admin1_name, Some("Aleppo"));
        assert_eq!(aleppo[0].feature_code, "PPLA");
        assert_eq!(aleppo[0].lat, 36.20124);
        assert_eq!(aleppo[0].alt_names().collect::<Vec<_>>(), ["Halab", "Alep"]);
        assert_eq!(g.lookup("halab").len(), 1);
        assert_eq!(g.lookup("raqqa plain").len(), 1, "article stripped");
        assert!(g.contains("al raqqa plain"));
        assert!(!g.contains("damascus"));
        assert_eq!(g.get(163_843).map(|e| e.name), Some("Syria"));
        assert!(g.get(0).is_none());
        assert_eq!(g.country("SY").map(|e| e.geonames_id), Some(163_843));
        assert_eq!(g.demonym_country("Syrians"), Some("SY"));
        assert_eq!(g.alpha2_of("SYR"), Some("SY"));
        assert!(g.is_common_word("mobile"));
    }

    #[test]
    fn corrupt_asset_is_an_error() {
        assert!(pack("G\t1\tx\n").is_err());
        assert!(pack("G\tx\tn\tSY\t01\t1\t2\tP.PPL\t0\t\n").is_err());
        assert!(pack("G\t1\tn\tSY\t01\t1\t2\tP.PPL\t0\t\n").is_ok());
        let g = Gazetteer::from_assets(b"not lz4", b"");
        assert!(g.force_load().is_err());
        assert!(g.lookup("x").is_empty());
        assert_eq!(g.len(), 0);
        // A valid blob cut short is an error, never a panic.
        let packed = pack(TINY).unwrap_or_else(|e| panic!("{e}"));
        let mut raw = lz4_flex::decompress_size_prepended(&packed.blob_lz4).unwrap_or_default();
        raw.truncate(raw.len() - 10);
        let cut = lz4_flex::compress_prepend_size(&raw);
        let g = Gazetteer::from_assets(
            Box::leak(cut.into_boxed_slice()),
            Box::leak(packed.names_fst.into_boxed_slice()),
        );
        assert!(g.force_load().is_err());
        assert!(Gazetteer::default().lookup("aleppo").is_empty());
    }

    #[test]
    fn timing_report() {
        // Not a timed assertion (speed lives in `bench`): prints the load cost.
        let t = std::time::Instant::now();
        let g = Gazetteer::builtin().unwrap_or_default();
        let _ = g.force_load();
        eprintln!("gazetteer: {} entries loaded in {:?}", g.len(), t.elapsed());
        assert!(!g.is_empty());
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
