//! Greedy averaged-perceptron part-of-speech tagger (Penn Treebank tags).
//!
//! The algorithm is the classic one (Honnibal 2013): per token, look the word up in a tag
//! dictionary of unambiguous frequent words, else score 14 context features (word, suffixes,
//! neighbouring words and the two previous tags) against the weights and take the best class.
//! Weights come from `data/lexicon/tagger.bin` (built by `scripts/build-tagger.py`). Feature
//! strings are never built: each is hashed piecewise with FNV-1a, which equals the hash of
//! the joined string the build script stored.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

const MODEL: &[u8] = include_bytes!("../../../data/lexicon/tagger.bin");

/// Errors reading the embedded model.
#[derive(Debug, thiserror::Error)]
pub enum TaggerError {
    #[error("tagger model is truncated or malformed at byte {0}")]
    Malformed(usize),
}

/// Passes a 64-bit hash through unchanged (keys are already FNV hashes).
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(FNV_OFFSET)
    }
    fn add(mut self, s: &str) -> Self {
        for &b in s.as_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
        self
    }
    /// Append " " + `s`.
    fn arg(self, s: &str) -> Self {
        self.add(" ").add(s)
    }
}

/// The perceptron model.
pub struct PosTagger {
    classes: Vec<String>,
    tagdict: HashMap<String, u8, crate::lemma::FnvBuild>,
    /// feature hash → (offset, count) into `entries`.
    features: HashMap<u64, (u32, u8), BuildHasherDefault<Identity>>,
    /// Packed `(weight_thousandths << 8) | class` (weights are far below 2^23).
    entries: Vec<i32>,
    /// Hash prefixes for the tag-based features, per class plus the two START markers.
    start_tags: [&'static str; 2],
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], TaggerError> {
        let s = self
            .data
            .get(self.pos..self.pos + n)
            .ok_or(TaggerError::Malformed(self.pos))?;
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, TaggerError> {
        Ok(self.bytes(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, TaggerError> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i32(&mut self) -> Result<i32, TaggerError> {
        Ok(self.u32()? as i32)
    }
    fn u64(&mut self) -> Result<u64, TaggerError> {
        let lo = u64::from(self.u32()?);
        let hi = u64::from(self.u32()?);
        Ok(lo | (hi << 32))
    }
    fn string(&mut self) -> Result<String, TaggerError> {
        let n = usize::from(self.u8()?);
        let pos = self.pos;
        let b = self.bytes(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| TaggerError::Malformed(pos))
    }
}

static TAGGER: Lazy<Option<PosTagger>> = Lazy::new(|| PosTagger::from_bytes(MODEL).ok());

impl PosTagger {
    /// The embedded model (None only if the asset is corrupt).
    pub fn get() -> Option<&'static PosTagger> {
        TAGGER.as_ref()
    }

    /// Parse a model in the `tagger.bin` format.
    pub fn from_bytes(data: &[u8]) -> Result<Self, TaggerError> {
        let mut r = Reader { data, pos: 0 };
        if r.bytes(8)? != b"WCTAG1\0\0" {
            return Err(TaggerError::Malformed(0));
        }
        let n_classes = r.u8()?;
        let classes = (0..n_classes)
            .map(|_| r.string())
            .collect::<Result<Vec<_>, _>>()?;
        let n_dict = r.u32()? as usize;
        let mut tagdict = HashMap::with_capacity_and_hasher(n_dict, Default::default());
        for _ in 0..n_dict {
            let w = r.string()?;
            let c = r.u8()?;
            if c >= n_classes {
                return Err(TaggerError::Malformed(r.pos));
            }
            tagdict.insert(w, c);
        }
        let n_feat = r.u32()? as usize;
        let mut features = HashMap::with_capacity_and_hasher(n_feat, Default::default());
        let mut entries = Vec::with_capacity(n_feat * 4);
        for _ in 0..n_feat {
            let h = r.u64()?;
            let n = r.u8()?;
            let off = u32::try_from(entries.len()).map_err(|_| TaggerError::Malformed(r.pos))?;
            for _ in 0..n {
                let c = r.u8()?;
                let w = r.i32()?;
                if c >= n_classes || !(-(1 << 23)..(1 << 23)).contains(&w) {
                    return Err(TaggerError::Malformed(r.pos));
                }
                entries.push((w << 8) | i32::from(c));
            }
            features.insert(h, (off, n));
        }
        Ok(PosTagger {
            classes,
            tagdict,
            features,
            entries,
            start_tags: ["-START-", "-START2-"],
        })
    }

    /// Name of class `i` ("NN").
    pub fn class_name(&self, i: usize) -> &str {
        self.classes.get(i).map_or("", String::as_str)
    }

    /// Penn tags of one sentence's tokens (token texts as written; quotes, brackets and
    /// dashes are mapped to their Penn Treebank spellings internally).
    pub fn tag<'a>(&'a self, tokens: &[&str]) -> Vec<&'a str> {
        self.tag_with(tokens, true)
    }

    /// `fix_names`: apply the hyphenated-name correction (off only to compare with the
    /// original implementation).
    fn tag_with<'a>(&'a self, tokens: &[&str], fix_names: bool) -> Vec<&'a str> {
        let n = tokens.len();
        let ptb: Vec<Cow<str>> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| ptb_form(t, i.checked_sub(1).map(|j| tokens[j])))
            .collect();
        // Context: 2 start markers, normalised words, 2 end markers.
        let mut context: Vec<Cow<str>> = Vec::with_capacity(n + 4);
        context.push(Cow::Borrowed("-START-"));
        context.push(Cow::Borrowed("-START2-"));
        context.extend(ptb.iter().map(|w| context_form(w)));
        context.push(Cow::Borrowed("-END-"));
        context.push(Cow::Borrowed("-END2-"));

        let mut out = Vec::with_capacity(n);
        let mut prev: &str = self.start_tags[0];
        let mut prev2: &str = self.start_tags[1];
        let mut scores = vec![0i64; self.classes.len()];
        for (i, word) in ptb.iter().enumerate() {
            let class = match self.tagdict.get(word.as_ref()) {
                Some(&c) => usize::from(c),
                None => {
                    let c = self.predict(word, i + 2, &context, prev, prev2, &mut scores);
                    if fix_names {
                        let lower = context.get(i + 2).map_or("", |c| c.as_ref());
                        self.fix_names(word, lower, c, i > 0)
                    } else {
                        c
                    }
                }
            };
            let tag = self.class_name(class);
            out.push(tag);
            prev2 = prev;
            prev = tag;
        }
        out
    }

    /// Proper-noun corrections the model gets wrong: it sees every hyphenated word as
    /// "!HYPHEN" and calls "al-Qaeda" NN or JJ, and it guesses NN for capitalised words it has
    /// never seen ("Tehran" opening a sentence). A hyphenated word whose last part is
    /// capitalised, and a capitalised word unknown to the model, are proper nouns.
    fn fix_names(&self, word: &str, lower: &str, class: usize, inside: bool) -> usize {
        let name = self.class_name(class);
        // An unknown capitalised word inside a sentence guessed as a verb ("in Lansing").
        let verb_guess = inside && name.starts_with("VB");
        if !matches!(name, "NN" | "NNS" | "JJ") && !verb_guess {
            return class;
        }
        let capitalised = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        let proper = if word.contains('-') {
            name != "NNS" && !word.contains('.') && word.rsplit('-').next().is_some_and(capitalised)
        } else {
            name != "JJ" && !word.contains('.') && capitalised(word) && !self.knows(lower)
        };
        if !proper {
            return class;
        }
        let target = if name == "NNS" { "NNPS" } else { "NNP" };
        self.classes
            .iter()
            .position(|c| c == target)
            .unwrap_or(class)
    }

    /// Whether the model has seen the lower-cased word (as a feature or in the tag dictionary).
    fn knows(&self, lower: &str) -> bool {
        self.tagdict.contains_key(lower)
            || ["i word", "i-1 word", "i+1 word"]
                .iter()
                .any(|f| self.features.contains_key(&Fnv::new().add(f).arg(lower).0))
    }

    fn predict(
        &self,
        word: &str,
        i: usize,
        ctx: &[Cow<str>],
        prev: &str,
        prev2: &str,
        scores: &mut [i64],
    ) -> usize {
        scores.iter_mut().for_each(|s| *s = 0);
        let c = |k: usize| ctx.get(k).map_or("", |s| s.as_ref());
        let first = word.char_indices().nth(1).map_or(word, |(j, _)| &word[..j]);
        let feats = [
            Fnv::new().add("bias"),
            Fnv::new().add("i suffix").arg(suffix3(word)),
            Fnv::new().add("i pref1").arg(first),
            Fnv::new().add("i-1 tag").arg(prev),
            Fnv::new().add("i-2 tag").arg(prev2),
            Fnv::new().add("i tag+i-2 tag").arg(prev).arg(prev2),
            Fnv::new().add("i word").arg(c(i)),
            Fnv::new().add("i-1 tag+i word").arg(prev).arg(c(i)),
            Fnv::new().add("i-1 word").arg(c(i - 1)),
            Fnv::new().add("i-1 suffix").arg(suffix3(c(i - 1))),
            Fnv::new().add("i-2 word").arg(c(i - 2)),
            Fnv::new().add("i+1 word").arg(c(i + 1)),
            Fnv::new().add("i+1 suffix").arg(suffix3(c(i + 1))),
            Fnv::new().add("i+2 word").arg(c(i + 2)),
        ];
        // Probe all features first: independent loads overlap (the table is bigger than
        // the cache), then add up the weights.
        let hits = feats.map(|f| self.features.get(&f.0).copied());
        for (off, cnt) in hits.into_iter().flatten() {
            let off = off as usize;
            for &packed in self.entries.get(off..off + usize::from(cnt)).unwrap_or(&[]) {
                if let Some(s) = scores.get_mut((packed & 0xff) as usize) {
                    *s += i64::from(packed >> 8);
                }
            }
        }
        // Highest score; ties go to the alphabetically last class, as in the original.
        let mut best = 0;
        for (k, &s) in scores.iter().enumerate() {
            if s >= scores[best] {
                best = k;
            }
        }
        best
    }
}

/// Last three characters (Python `word[-3:]`).
fn suffix3(w: &str) -> &str {
    match w.char_indices().rev().nth(2) {
        Some((j, _)) => &w[j..],
        None => w,
    }
}

/// Penn Treebank spelling of a token: brackets, quotes, dashes, curly apostrophes.
fn ptb_form<'a>(tok: &'a str, prev: Option<&str>) -> Cow<'a, str> {
    let fixed = match tok {
        "(" | "[" | "{" => "-LRB-",
        ")" | "]" | "}" => "-RRB-",
        "\u{201c}" | "\u{2018}" | "\u{00ab}" | "``" => "``",
        "\u{201d}" | "\u{2019}" | "\u{00bb}" | "''" => "''",
        "\u{2014}" | "\u{2013}" | "\u{2015}" | "--" => "--",
        "\u{2026}" => "...",
        "\"" | "'" => {
            // Straight quote: opening at sentence start or after an opening bracket/space-less
            // punctuation, else closing.
            let opening = match prev {
                None => true,
                Some(p) => matches!(
                    p,
                    "(" | "[" | "{" | ":" | "," | "--" | "\u{2014}" | "\u{2013}"
                ),
            };
            if opening {
                "``"
            } else {
                "''"
            }
        }
        _ => {
            if tok.contains(['\u{2019}', '\u{02bc}']) {
                return Cow::Owned(tok.replace(['\u{2019}', '\u{02bc}'], "'"));
            }
            return Cow::Borrowed(tok);
        }
    };
    Cow::Borrowed(fixed)
}

/// The original model's context normalisation.
fn context_form<'a>(w: &'a Cow<'a, str>) -> Cow<'a, str> {
    let s = w.as_ref();
    let first = s.chars().next();
    if s.contains('-') && first != Some('-') {
        return Cow::Borrowed("!HYPHEN");
    }
    if s.chars().count() == 4 && s.chars().all(char::is_numeric) {
        return Cow::Borrowed("!YEAR");
    }
    if first.is_some_and(char::is_numeric) {
        return Cow::Borrowed("!DIGITS");
    }
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Universal POS for a Penn tag (empty for an unknown tag).
pub fn universal_pos(tag: &str) -> &'static str {
    match tag {
        "CC" => "CCONJ",
        "CD" => "NUM",
        "DT" | "PDT" | "WDT" => "DET",
        "EX" | "PRP" | "PRP$" | "WP" | "WP$" => "PRON",
        "FW" | "LS" => "X",
        "IN" | "RP" => "ADP",
        "JJ" | "JJR" | "JJS" => "ADJ",
        "MD" => "AUX",
        "NN" | "NNS" => "NOUN",
        "NNP" | "NNPS" => "PROPN",
        "POS" | "TO" => "PART",
        "RB" | "RBR" | "RBS" | "WRB" => "ADV",
        "SYM" | "$" | "#" => "SYM",
        "UH" => "INTJ",
        "VB" | "VBD" | "VBG" | "VBN" | "VBP" | "VBZ" => "VERB",
        "``" | "''" | "," | "." | ":" | "-LRB-" | "-RRB-" => "PUNCT",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        let toks: Vec<&str> = s.split(' ').collect();
        let t = PosTagger::get().expect("embedded model loads");
        t.tag(&toks).into_iter().map(str::to_string).collect()
    }

    #[test]
    fn model_loads() {
        let t = PosTagger::get().expect("embedded model loads");
        assert_eq!(t.classes.len(), 45);
        assert!(t.features.len() > 90_000);
        assert!(PosTagger::from_bytes(b"WCTAG1\0\0\x05").is_err());
        assert!(PosTagger::from_bytes(b"").is_err());
    }

    #[test]
    fn fnv_pieces_equal_joined() {
        assert_eq!(
            Fnv::new().add("i-1 tag+i word").arg("NN").arg("talks").0,
            Fnv::new().add("i-1 tag+i word NN talks").0
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(suffix3("talks"), "lks");
        assert_eq!(suffix3("at"), "at");
        assert_eq!(suffix3("Zürich"), "ich");
        assert_eq!(context_form(&Cow::Borrowed("1990")), "!YEAR");
        assert_eq!(context_form(&Cow::Borrowed("3.5")), "!DIGITS");
        assert_eq!(context_form(&Cow::Borrowed("al-Nusra")), "!HYPHEN");
        assert_eq!(context_form(&Cow::Borrowed("--")), "--");
        assert_eq!(context_form(&Cow::Borrowed("Syria")), "syria");
        assert_eq!(ptb_form("\u{201c}", None), "``");
        assert_eq!(ptb_form("\"", Some("said")), "''");
        assert_eq!(ptb_form("n\u{2019}t", None), "n't");
        assert_eq!(universal_pos("VBD"), "VERB");
        assert_eq!(universal_pos("-LRB-"), "PUNCT");
        assert_eq!(tags("the al-Nusra Front"), vec!["DT", "NNP", "NNP"]);
        assert_eq!(tags("U.S.-led forces"), vec!["JJ", "NNS"]);
        assert_eq!(
            tags("Tehran has provided support ."),
            vec!["NNP", "VBZ", "VBN", "NN", "."]
        );
        assert_eq!(tags("Talks resumed ."), vec!["NNS", "VBD", "."]);
        assert_eq!(tags("Officials said ."), vec!["NNS", "VBD", "."]);
        assert_eq!(
            tags("He lives in Lansing ."),
            vec!["PRP", "VBZ", "IN", "NNP", "."]
        );
    }

    /// Tags produced by the original Python implementation on the same token sequences.
    const GOLDEN: &[(&str, &str)] = &[
        (
            "The defense ministers of allies Iran , Russia and Syria on June 9 held talks in Tehran on pressing the fight against opponents of President Bashar al-Assad in Syria 's continuing civil war .",
            "DT NN NNS IN NNS NNP , NNP CC NNP IN NNP CD VBD NNS IN NNP IN VBG DT NN IN NNS IN NNP NNP JJ IN NNP POS VBG JJ NN .",
        ),
        (
            "Moscow has sent warplanes and special forces in support of his regime , while Tehran has deployed military advisers and trained and equipped pro-government militias .",
            "NNP VBZ VBN NNS CC JJ NNS IN NN IN PRP$ NN , IN NNP VBZ VBN JJ NNS CC VBN CC VBN JJ NNS .",
        ),
        (
            "`` We agree to a guaranteed cease-fire that does n't lead to the strengthening of terrorists in this country , '' he said .",
            "`` PRP VBP TO DT VBN NN WDT VBZ RB VB TO DT NN IN NNS IN DT NN , '' PRP VBD .",
        ),
        (
            "Russian forces helped government troops recapture the famed ancient city of Palmyra in March .",
            "JJ NNS VBD NN NNS VBP DT JJ JJ NN IN NNP IN NNP .",
        ),
        (
            "Police fired tear gas at protesters who threw stones near the U.S. embassy on Friday , killing 3 .",
            "NNS VBD JJ NN IN NNS WP VBD NNS IN DT NNP NN IN NNP , VBG CD .",
        ),
    ];

    #[test]
    fn matches_reference_implementation() {
        let t = PosTagger::get().expect("embedded model loads");
        for &(sent, want) in GOLDEN {
            let toks: Vec<&str> = sent.split(' ').collect();
            assert_eq!(t.tag_with(&toks, false).join(" "), want, "{sent}");
        }
    }
}
