//! Phrase matching over token sequences: a word trie keyed by vocabulary ids.
//!
//! Tokens are turned into *keys* first ([`keys_of`]): possessive `'s` is split off and
//! remembered, hyphenated words are split into their parts and abbreviation periods are
//! dropped, so "al-Nusra", "al - Nusra", "Syria's" and "Syria ’s" all give the same keys
//! whatever the tokenizer did. Dictionary phrases go through the same function.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use wirecoder_core::Token;

/// A small, fast, non-cryptographic hasher (FxHash) for the hot lookup maps.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Id of a word the dictionary has never seen.
pub(crate) const UNKNOWN: u32 = u32::MAX;

/// One lookup unit derived from a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    /// Index of the source token in the document.
    pub tok: usize,
    /// Byte range of this key inside the token's `norm`.
    pub s: usize,
    pub e: usize,
    /// A possessive (`'s`, `'`) follows this key.
    pub poss: bool,
}

impl Key {
    pub fn text<'a>(&self, tokens: &'a [Token]) -> &'a str {
        tokens
            .get(self.tok)
            .and_then(|t| t.norm.get(self.s..self.e))
            .unwrap_or("")
    }
}

/// Split a normalised word into key ranges (byte ranges into `norm`, written to `parts`,
/// a buffer reused across words) and whether a possessive ends it.
pub(crate) fn split_word(norm: &str, parts: &mut Vec<(usize, usize)>) -> bool {
    let mut end = norm.len();
    let mut poss = false;
    if norm.len() > 2 && norm.ends_with("'s") {
        end -= 2;
        poss = true;
    } else if norm.len() > 2 && norm.ends_with("s'") {
        end -= 1;
        poss = true;
    }
    let base = &norm[..end];
    parts.clear();
    let mut start = 0;
    for (i, c) in base.char_indices() {
        if c == '-' {
            push_part(base, start, i, parts);
            start = i + 1;
        }
    }
    push_part(base, start, base.len(), parts);
    poss
}

fn push_part(base: &str, s: usize, mut e: usize, parts: &mut Vec<(usize, usize)>) {
    while e > s && base.as_bytes().get(e - 1) == Some(&b'.') {
        e -= 1;
    }
    if e > s {
        parts.push((s, e));
    }
}

/// The keys of a token slice; `offset` is the document index of `tokens[0]`.
/// Words that produce no key (a bare "-" or "." glued to its neighbours) are skipped;
/// other punctuation gives an empty key that no phrase can cross.
pub(crate) fn keys_of(tokens: &[Token], offset: usize) -> Vec<Key> {
    let mut keys: Vec<Key> = Vec::with_capacity(tokens.len() + 4);
    let mut parts = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let norm = t.norm.as_str();
        let tok = offset + i;
        if norm == "'s" || norm == "'" {
            if let Some(k) = keys.last_mut() {
                k.poss = true;
            }
            continue;
        }
        let glued_left = i > 0 && tokens.get(i - 1).is_some_and(|p| !p.space_after);
        if norm == "-" && glued_left && !t.space_after {
            continue;
        }
        if norm == "." && glued_left && tokens.get(i - 1).is_some_and(|p| p.norm.contains('.')) {
            continue;
        }
        let poss = split_word(norm, &mut parts);
        if parts.is_empty() {
            keys.push(Key {
                tok,
                s: 0,
                e: 0,
                poss: false,
            });
            continue;
        }
        let n = parts.len();
        for (j, &(s, e)) in parts.iter().enumerate() {
            keys.push(Key {
                tok,
                s,
                e,
                poss: poss && j + 1 == n,
            });
        }
    }
    keys
}

/// Keys of a dictionary phrase (whitespace-separated words), as owned strings.
pub(crate) fn phrase_keys(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut parts = Vec::new();
    for word in phrase.split_whitespace() {
        let norm = normalize(word);
        split_word(&norm, &mut parts);
        for &(s, e) in &parts {
            if let Some(p) = norm.get(s..e) {
                out.push(fold(p));
            }
        }
    }
    out
}

/// Latin letters without their accents ("élysée" → "elysee"), so names match however the
/// text spells them. Other characters are kept.
pub(crate) fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        let r = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(r);
    }
    out
}

/// The same normalisation the language layer applies to `Token::norm`.
pub(crate) fn normalize(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A trie over word ids. Each node may carry a payload (an index chosen by the owner).
/// A phrase may end in a *stem*: its last word then matches any key that starts with it
/// (TABARI/PETRARCH phrases without a trailing `_`).
#[derive(Debug, Default)]
pub(crate) struct Trie {
    vocab: FxMap<String, u32>,
    edges: FxMap<u64, u32>,
    /// Parent node → (stem → child node); by node first, so the many nodes without
    /// stems cost one lookup and no stem is built to look one up.
    stems: FxMap<u32, FxMap<String, u32>>,
    min_stem: usize,
    max_stem: usize,
    payload: Vec<Option<u32>>,
    phrases: usize,
    /// Nodes reached through a word that the phrase itself writes as a possessive
    /// ("Democratic People's Republic of Korea"): a match may go on past the "'s" there.
    poss_ok: std::collections::HashSet<u32>,
}

impl Trie {
    pub fn new() -> Self {
        Trie {
            payload: vec![None],
            min_stem: usize::MAX,
            ..Default::default()
        }
    }

    /// Number of phrases stored.
    pub fn len(&self) -> usize {
        self.phrases
    }

    pub fn word_id(&self, word: &str) -> u32 {
        self.vocab.get(word).copied().unwrap_or(UNKNOWN)
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.vocab.get(word) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(word.to_string(), id);
        id
    }

    fn child_or_new(&mut self, node: u32, word: u32) -> u32 {
        let k = (u64::from(node) << 32) | u64::from(word);
        if let Some(&c) = self.edges.get(&k) {
            return c;
        }
        let c = self.payload.len() as u32;
        self.payload.push(None);
        self.edges.insert(k, c);
        c
    }

    /// Store `words` → `value`; returns the value it replaced. Empty phrases are ignored.
    pub fn insert(&mut self, words: &[String], stem_last: bool, value: u32) -> Option<u32> {
        let (last, init) = words.split_last()?;
        let mut node = 0u32;
        for w in init {
            let id = self.intern(w);
            node = self.child_or_new(node, id);
        }
        let leaf = if stem_last {
            match self.stems.get(&node).and_then(|m| m.get(last)) {
                Some(&c) => c,
                None => {
                    let c = self.payload.len() as u32;
                    self.payload.push(None);
                    self.stems.entry(node).or_default().insert(last.clone(), c);
                    self.min_stem = self.min_stem.min(last.len());
                    self.max_stem = self.max_stem.max(last.len());
                    c
                }
            }
        } else {
            let id = self.intern(last);
            self.child_or_new(node, id)
        };
        let slot = self.payload.get_mut(leaf as usize)?;
        let old = slot.replace(value);
        if old.is_none() {
            self.phrases += 1;
        }
        old
    }

    /// Let matches of phrases that start with `prefix` continue past a possessive after
    /// its last word.
    pub fn allow_possessive_after(&mut self, prefix: &[String]) {
        let mut node = 0u32;
        for w in prefix {
            let Some(&id) = self.vocab.get(w) else {
                return;
            };
            let Some(&c) = self.edges.get(&((u64::from(node) << 32) | u64::from(id))) else {
                return;
            };
            node = c;
        }
        self.poss_ok.insert(node);
    }

    /// The value stored for exactly this phrase.
    pub fn get(&self, words: &[String]) -> Option<u32> {
        let mut node = 0u32;
        for w in words {
            let id = *self.vocab.get(w)?;
            node = *self.edges.get(&((u64::from(node) << 32) | u64::from(id)))?;
        }
        self.payload.get(node as usize).copied().flatten()
    }

    /// Ids of `keys` for this trie's vocabulary.
    pub fn ids(&self, keys: &[Key], tokens: &[Token]) -> Vec<u32> {
        keys.iter()
            .map(|k| {
                let t = k.text(tokens);
                if t.is_ascii() {
                    self.word_id(t)
                } else {
                    self.word_id(&fold(t))
                }
            })
            .collect()
    }

    /// Every phrase that starts at key `i`, shortest first, as (end key exclusive, value).
    /// A possessive ends a phrase: "Syria's army" never matches a phrase "Syria army"
    /// (unless the phrase is written with it: "People's Republic of China").
    pub fn matches_at(
        &self,
        keys: &[Key],
        ids: &[u32],
        tokens: &[Token],
        i: usize,
        out: &mut Vec<(usize, u32)>,
    ) {
        out.clear();
        let mut node = 0u32;
        let mut j = i;
        while j < keys.len() {
            let (Some(&id), Some(key)) = (ids.get(j), keys.get(j)) else {
                break;
            };
            if !self.stems.is_empty() {
                self.stem_matches(node, key.text(tokens), j, out);
            }
            if id == UNKNOWN {
                break;
            }
            match self.edges.get(&((u64::from(node) << 32) | u64::from(id))) {
                Some(&c) => node = c,
                None => break,
            }
            if let Some(Some(v)) = self.payload.get(node as usize) {
                out.push((j + 1, *v));
            }
            if key.poss && !self.poss_ok.contains(&node) {
                break;
            }
            j += 1;
        }
        // Same length: the later-added entry (a user's over a built-in) sorts last and wins.
        out.sort_unstable();
    }

    fn stem_matches(&self, node: u32, text: &str, j: usize, out: &mut Vec<(usize, u32)>) {
        if text.len() < self.min_stem {
            return;
        }
        let Some(stems) = self.stems.get(&node) else {
            return;
        };
        for (b, c) in text.char_indices() {
            let end = b + c.len_utf8();
            if end < self.min_stem {
                continue;
            }
            if end > self.max_stem {
                break;
            }
            if let Some(&child) = stems.get(&text[..end]) {
                if let Some(Some(v)) = self.payload.get(child as usize) {
                    out.push((j + 1, *v));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(words: &[(&str, bool)]) -> Vec<Token> {
        words
            .iter()
            .map(|(w, sp)| Token {
                text: w.to_string(),
                norm: normalize(w),
                space_after: *sp,
                ..Default::default()
            })
            .collect()
    }

    fn key_texts(t: &[Token]) -> Vec<(String, bool)> {
        keys_of(t, 0)
            .iter()
            .map(|k| (k.text(t).to_string(), k.poss))
            .collect()
    }

    #[test]
    fn hyphen_and_possessive_tokenisations_agree() {
        let a = toks(&[("al-Nusra", true), ("Front", true)]);
        let b = toks(&[
            ("al", false),
            ("-", false),
            ("Nusra", true),
            ("Front", true),
        ]);
        assert_eq!(key_texts(&a), key_texts(&b));
        let c = toks(&[("Syria\u{2019}s", true), ("army", true)]);
        let d = toks(&[("Syria", false), ("\u{2019}s", true), ("army", true)]);
        assert_eq!(key_texts(&c), key_texts(&d));
        assert_eq!(
            key_texts(&c),
            vec![("syria".to_string(), true), ("army".to_string(), false)]
        );
        let e = toks(&[("U.S", false), (".", false), ("-", false), ("led", true)]);
        assert_eq!(phrase_keys("U.S.-led"), vec!["u.s", "led"]);
        let got: Vec<String> = key_texts(&e).into_iter().map(|(k, _)| k).collect();
        assert_eq!(got, vec!["u.s", "led"]);
    }

    #[test]
    fn longest_and_stem_matches() {
        let mut t = Trie::new();
        t.insert(&phrase_keys("Islamic State"), false, 1);
        t.insert(
            &phrase_keys("Islamic State of Iraq and the Levant"),
            false,
            2,
        );
        t.insert(&["argentin".to_string()], true, 3);
        let tk = toks(&[
            ("the", true),
            ("Islamic", true),
            ("State", true),
            ("of", true),
            ("Iraq", true),
            ("and", true),
            ("the", true),
            ("Levant", true),
            ("Argentine", true),
        ]);
        let keys = keys_of(&tk, 0);
        let ids = t.ids(&keys, &tk);
        let mut out = Vec::new();
        t.matches_at(&keys, &ids, &tk, 1, &mut out);
        assert_eq!(out, vec![(3, 1), (8, 2)]);
        t.matches_at(&keys, &ids, &tk, 8, &mut out);
        assert_eq!(out, vec![(9, 3)]);
        t.matches_at(&keys, &ids, &tk, 0, &mut out);
        assert!(out.is_empty());
        assert_eq!(t.len(), 3);
        assert_eq!(t.insert(&phrase_keys("islamic state"), false, 9), Some(1));
        assert_eq!(t.len(), 3);
    }
}
