//! Verb-pattern dictionary used by the event coder: verbs, multi-word verbs and event nouns,
//! each with patterns (what must follow or precede them, where the source and target sit) and
//! the CAMEO code they yield.
//!
//! Built-in patterns come from `data/verbs/*.txt` (our own format, documented in
//! `data/verbs/FORMAT.md` and in each file's header); TABARI/PETRARCH verb files load into the
//! same structures ([`VerbDictionary::load_petrarch_verbs`]). Lookup is by surface form: every
//! inflection is generated at load time so the coder needs no lemmatiser in its inner loop.

mod inflect;
mod ourformat;
mod petrarch;

use std::collections::HashMap;
use std::path::Path;

use crate::KnowledgeError;

pub use inflect::{noun_forms, verb_forms};

/// Built-in verb files, embedded at compile time (name, text).
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "irregular.txt",
        include_str!("../../../data/verbs/irregular.txt"),
    ),
    (
        "synsets.txt",
        include_str!("../../../data/verbs/synsets.txt"),
    ),
    ("modal.txt", include_str!("../../../data/verbs/modal.txt")),
    (
        "cooperative.txt",
        include_str!("../../../data/verbs/cooperative.txt"),
    ),
    (
        "conflictual.txt",
        include_str!("../../../data/verbs/conflictual.txt"),
    ),
    ("nouns.txt", include_str!("../../../data/verbs/nouns.txt")),
];

/// Whether a trigger is a verb or an event noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// How a modal trigger changes the event of the verb it governs ("threatened to attack").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Pledge, promise, vow, plan, agree to: CAMEO 03x for cooperation, 13x for force.
    Intent,
    /// Threaten to / warn of: CAMEO 13x.
    Threat,
    /// Refuse, decline to: CAMEO 12x.
    Refuse,
    /// Urge, call on, appeal to X to: CAMEO 02x, target = the one appealed to.
    Appeal,
    /// Demand that X / demand X to: CAMEO 10x.
    Demand,
}

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// One of several word sequences (index into [`VerbDictionary::alts`]).
    Words(u32),
    /// The target actor goes here.
    Target,
    /// The source actor goes here (noun patterns, PETRARCH `$`).
    Source,
}

/// A coded pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct VerbPattern {
    /// Stable id, derived from the trigger lemma and the frame text.
    pub id: String,
    /// CAMEO code for source → target ("" = match but do not code, PETRARCH `[---]`).
    pub code: String,
    /// CAMEO code for target → source (`042:043`).
    pub paired: Option<String>,
    /// Reciprocal event: coded in both directions with the same code.
    pub symmetric: bool,
    /// Elements between the source and the trigger, in order.
    pub pre: Vec<Elem>,
    /// Elements after the trigger, in order.
    pub post: Vec<Elem>,
    /// The frame requires no target (intransitive, "X and Y met").
    pub no_target: bool,
    /// The frame requires a compound (coordinated) subject (PETRARCH `%`).
    pub compound: bool,
    pub modality: Option<Modality>,
}

impl VerbPattern {
    /// Number of word elements: more words = more specific.
    pub fn specificity(&self) -> usize {
        self.pre
            .iter()
            .chain(self.post.iter())
            .filter(|e| matches!(e, Elem::Words(_)))
            .count()
    }
}

/// A verb, multi-word verb or event noun and its patterns.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// Lemma words ("step up", "air strike").
    pub lemma: String,
    pub kind: TriggerKind,
    /// Words after the first that belong to the trigger (normalised lemma words; inflected
    /// forms of these are not generated: particles and nouns of light-verb phrases).
    pub rest: Vec<Vec<String>>,
    /// Pattern indices into [`VerbDictionary::patterns`], in file order.
    pub patterns: Vec<u32>,
    /// Code when no pattern matches (PETRARCH block default); None = no event.
    pub default: Option<u32>,
}

/// How a surface form relates to the trigger it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormRef {
    pub trigger: u32,
    /// The form is a past participle (for passive detection).
    pub participle: bool,
    /// The form is a bare or present form that could also be a noun (checked by the coder).
    pub base: bool,
    /// The form is a gerund/present participle.
    pub gerund: bool,
    /// The form is a simple past ("bombed", "fought"; not "taken"), which a tagger may
    /// still read as a participle.
    pub past: bool,
}

/// Verb patterns by lemma.
#[derive(Debug, Default)]
pub struct VerbDictionary {
    pub triggers: Vec<Trigger>,
    pub patterns: Vec<VerbPattern>,
    /// Word-sequence alternatives used by [`Elem::Words`]; each inner Vec is a sequence of
    /// normalised words.
    pub alts: Vec<Vec<Vec<String>>>,
    /// First word (surface form, lower-case) → triggers it may start.
    pub forms: HashMap<String, Vec<FormRef>>,
    /// Synonym sets by name (without `&`), normalised word sequences.
    pub synsets: HashMap<String, Vec<Vec<String>>>,
    /// Irregular verbs: lemma → (past, participle).
    pub irregular: HashMap<String, (Vec<String>, Vec<String>)>,
    /// Trigger index by (kind, lemma), for merging.
    by_lemma: HashMap<(TriggerKind, String), u32>,
    /// Verbs came from a user/PETRARCH file that replaced the built-ins.
    pub replaced_builtin: bool,
}

impl VerbDictionary {
    /// The built-in verb dictionary.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        let mut dict = VerbDictionary::default();
        for (name, text) in BUILTIN_FILES {
            let warnings = ourformat::parse(&mut dict, text, Path::new(name));
            if let Some(w) = warnings.into_iter().next() {
                return Err(KnowledgeError::Asset {
                    name: format!("data/verbs/{name}"),
                    reason: w.to_string(),
                });
            }
        }
        dict.build_forms();
        Ok(dict)
    }

    /// Load a file in our own verb format (`data/verbs/FORMAT.md`), adding to the dictionary.
    pub fn load_own(&mut self, path: &Path) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        let text = std::fs::read_to_string(path).map_err(|source| KnowledgeError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let warnings = ourformat::parse(self, &text, path);
        self.build_forms();
        Ok(warnings)
    }

    /// Replace the patterns with those of a TABARI/PETRARCH verb file (CAMEO.2.0 synsets
    /// `&SYN`, blocks `--- VERB [code] ---`, `- ... * ... [code]` patterns, `{forms}`).
    /// PETRARCH semantics: the file's verbs are the whole verb dictionary, so built-in
    /// patterns are dropped the first time such a file is loaded. Returns malformed lines.
    pub fn load_petrarch_verbs(
        &mut self,
        path: &Path,
    ) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        let bytes = std::fs::read(path).map_err(|source| KnowledgeError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8_lossy(&bytes);
        if !self.replaced_builtin {
            let irregular = std::mem::take(&mut self.irregular);
            *self = VerbDictionary {
                irregular,
                replaced_builtin: true,
                ..Default::default()
            };
        }
        let warnings = petrarch::parse(self, &text, path);
        self.build_forms();
        Ok(warnings)
    }

    /// Triggers a surface form (normalised token) may start.
    pub fn lookup(&self, form: &str) -> &[FormRef] {
        self.forms.get(form).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Number of distinct trigger lemmas (verbs, multi-word verbs, event nouns).
    pub fn lemma_count(&self) -> usize {
        self.triggers.len()
    }

    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Add a word-sequence alternative set, returning its index.
    fn add_alts(&mut self, alts: Vec<Vec<String>>) -> u32 {
        self.alts.push(alts);
        (self.alts.len() - 1) as u32
    }

    /// The trigger for (kind, lemma), created on first use.
    fn trigger(&mut self, kind: TriggerKind, lemma: &str) -> u32 {
        let key = (kind, lemma.to_string());
        if let Some(&i) = self.by_lemma.get(&key) {
            return i;
        }
        let words: Vec<String> = lemma.split_whitespace().map(str::to_string).collect();
        let rest = words.iter().skip(1).map(|w| vec![w.clone()]).collect();
        self.triggers.push(Trigger {
            lemma: lemma.to_string(),
            kind,
            rest,
            patterns: Vec::new(),
            default: None,
        });
        let i = (self.triggers.len() - 1) as u32;
        self.by_lemma.insert(key, i);
        i
    }

    fn add_pattern(&mut self, trigger: u32, pattern: VerbPattern) -> u32 {
        self.patterns.push(pattern);
        let p = (self.patterns.len() - 1) as u32;
        if let Some(t) = self.triggers.get_mut(trigger as usize) {
            t.patterns.push(p);
        }
        p
    }

    /// (Re)build the surface-form index from the triggers.
    fn build_forms(&mut self) {
        let mut forms: HashMap<String, Vec<FormRef>> = HashMap::new();
        for (i, t) in self.triggers.iter().enumerate() {
            let head = t.lemma.split_whitespace().next().unwrap_or("");
            if head.is_empty() {
                continue;
            }
            let mut add = |form: String, participle: bool, base: bool, gerund: bool, past: bool| {
                let list = forms.entry(form).or_default();
                if let Some(existing) = list.iter_mut().find(|f| f.trigger == i as u32) {
                    existing.participle |= participle;
                    existing.base |= base;
                    existing.gerund |= gerund;
                    existing.past |= past;
                } else {
                    list.push(FormRef {
                        trigger: i as u32,
                        participle,
                        base,
                        gerund,
                        past,
                    });
                }
            };
            match t.kind {
                TriggerKind::Verb => {
                    let f = verb_forms(head, self.irregular.get(head));
                    add(f.base.clone(), false, true, false, false);
                    add(f.third.clone(), false, true, false, false);
                    for p in &f.past {
                        add(p.clone(), false, false, false, true);
                    }
                    for p in &f.participle {
                        add(p.clone(), true, false, false, false);
                    }
                    add(f.gerund.clone(), false, false, true, false);
                }
                TriggerKind::Noun => {
                    // Multi-word nouns inflect their last word; the index key is the first.
                    if t.rest.is_empty() {
                        for n in noun_forms(head) {
                            add(n, false, false, false, false);
                        }
                    } else {
                        add(head.to_string(), false, false, false, false);
                    }
                }
            }
        }
        // Multi-word nouns: plural of the last word is accepted by the matcher.
        for list in forms.values_mut() {
            list.sort_by_key(|f| f.trigger);
        }
        self.forms = forms;
    }
}

/// Normalise a dictionary word: lower case, typographic quotes and dashes to ASCII.
pub fn norm_word(w: &str) -> String {
    w.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect::<String>()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashSet};

    #[test]
    fn builtin_loads_and_is_large_enough() {
        let d = VerbDictionary::builtin().unwrap();
        assert!(d.lemma_count() >= 600, "lemmas {}", d.lemma_count());
        assert!(d.pattern_count() >= 3000, "patterns {}", d.pattern_count());
    }

    #[test]
    fn pattern_ids_are_unique() {
        let d = VerbDictionary::builtin().unwrap();
        let mut seen = HashSet::new();
        for p in &d.patterns {
            assert!(seen.insert(p.id.clone()), "duplicate pattern id {}", p.id);
        }
    }

    #[test]
    fn every_three_digit_cameo_code_is_covered() {
        let d = VerbDictionary::builtin().unwrap();
        let codes: BTreeSet<String> = d
            .patterns
            .iter()
            .flat_map(|p| [Some(p.code.clone()), p.paired.clone()])
            .flatten()
            .filter(|c| c.len() >= 3)
            .map(|c| c[..3].to_string())
            .collect();
        let required = [
            "010", "011", "012", "013", "014", "015", "016", "017", "018", "019", "020", "021",
            "022", "023", "024", "025", "026", "027", "028", "030", "031", "032", "033", "034",
            "035", "036", "037", "038", "039", "040", "041", "042", "043", "044", "045", "046",
            "050", "051", "052", "053", "054", "055", "056", "057", "060", "061", "062", "063",
            "064", "070", "071", "072", "073", "074", "075", "080", "081", "082", "083", "084",
            "085", "086", "087", "090", "091", "092", "093", "094", "100", "101", "102", "103",
            "104", "105", "106", "107", "108", "110", "111", "112", "113", "114", "115", "116",
            "120", "121", "122", "123", "124", "125", "126", "127", "128", "129", "130", "131",
            "132", "133", "134", "135", "136", "137", "138", "139", "140", "141", "142", "143",
            "144", "145", "150", "151", "152", "153", "154", "160", "161", "162", "163", "164",
            "165", "166", "170", "171", "172", "173", "174", "175", "180", "181", "182", "183",
            "184", "185", "186", "190", "191", "192", "193", "194", "195", "196", "200", "201",
            "202", "203", "204",
        ];
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|c| !codes.contains(*c))
            .collect();
        assert!(missing.is_empty(), "codes without a pattern: {missing:?}");
    }

    proptest::proptest! {
        /// Any text, in either verb-file format, loads without panicking.
        #[test]
        fn parsers_never_panic(text in "(?s)[-+&@$%*_(){}\\[\\]|;:=~#a-zA-Z0-9 \n']{0,300}") {
            let mut d = VerbDictionary::default();
            let _ = ourformat::parse(&mut d, &text, Path::new("p.txt"));
            let _ = petrarch::parse(&mut d, &text, Path::new("p.verbs.txt"));
            d.build_forms();
        }
    }

    /// Pattern families added by the real-news recall audit, each with its code.
    #[test]
    fn recall_audit_patterns_are_present() {
        let d = VerbDictionary::builtin().unwrap();
        for (id, code) in [
            ("V.speak.with_+", "040"),
            ("V.have_meeting.with_+", "040"),
            ("V.keep_in_touch.with_+", "040"),
            ("V.work_with.+", "050"),
            ("V.strengthen_coordination.with_+", "050"),
            ("V.request_assistance.from_+", "023"),
            ("V.request_funding.from_+", "0231"),
            ("V.approve.&MONEY_to_+", "071"),
            ("V.laud.efforts_of_+", "051"),
            ("V.appreciate.+", "051"),
            ("V.deny_claims.by_+", "016"),
            (
                "V.award.+_medal/order/prize/award/honor/honour/title/decoration",
                "051",
            ),
            ("V.surrender.to_+", "087"),
            ("V.be_unhappy_with.+", "110"),
            ("V.hit_back.at_+", "111"),
            ("V.hit_back.at_+_with_tariffs", "163"),
            ("V.hand_protest_note.to_+", "114"),
            ("V.fire_missile.over_+", "150"),
            ("V.fire_missile.at_+", "195"),
            ("V.scramble_jets.to_intercept_+", "150"),
            ("V.recall_ambassador.to_+", "161"),
            ("V.close_consulate.with_+", "161"),
            ("V.declare.+_persona_non_grata", "174"),
            ("V.recapture.from_+", "190"),
            ("N.clashes.*_between_$_and_+", "190"),
            ("N.expulsion.*_of_+_from_$", "174"),
        ] {
            let p = d.patterns.iter().find(|p| p.id == id);
            assert_eq!(p.map(|p| p.code.as_str()), Some(code), "{id}");
        }
        // Clashes between two actors are reciprocal.
        let clash = d
            .patterns
            .iter()
            .find(|p| p.id == "N.clashes.*_between_$_and_+")
            .unwrap();
        assert!(clash.symmetric);
    }

    #[test]
    fn inflections_are_indexed() {
        let d = VerbDictionary::builtin().unwrap();
        for form in [
            "attacked", "held", "met", "fought", "stepped", "visits", "meeting",
        ] {
            assert!(!d.lookup(form).is_empty(), "{form} not indexed");
        }
        assert!(d.lookup("attacked").iter().any(|f| f.participle));
    }
}
