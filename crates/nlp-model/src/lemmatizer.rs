//! spaCy's English rule lemmatizer (`Lemmatizer.rule_lemmatize` + `is_base_form`).

use std::collections::{HashMap, HashSet};

use crate::format::LemmaTables;
use crate::strings::PyChars;

pub(crate) struct Lemmatizer {
    rules: HashMap<String, Vec<(String, String)>>,
    exc: HashMap<String, HashMap<String, Vec<String>>>,
    index: HashMap<String, HashSet<String>>,
}

fn morph_get<'a>(morph: &'a str, key: &str) -> Option<&'a str> {
    morph.split('|').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then_some(v)
    })
}

impl Lemmatizer {
    pub fn new(t: &LemmaTables) -> Self {
        Self {
            rules: t.rules.clone().into_iter().collect(),
            exc: t
                .exc
                .iter()
                .map(|(p, v)| (p.clone(), v.iter().cloned().collect()))
                .collect(),
            index: t
                .index
                .iter()
                .map(|(p, v)| (p.clone(), v.iter().cloned().collect()))
                .collect(),
        }
    }

    fn is_base_form(upos: &str, morph: &str) -> bool {
        let number = morph_get(morph, "Number");
        let verb_form = morph_get(morph, "VerbForm");
        let degree = morph_get(morph, "Degree");
        (upos == "noun" && number == Some("Sing"))
            || (upos == "verb" && verb_form == Some("Inf"))
            || (upos == "verb"
                && verb_form == Some("Fin")
                && morph_get(morph, "Tense") == Some("Pres")
                && number.is_none())
            || (upos == "adj" && degree == Some("Pos"))
            || verb_form == Some("Inf")
            || verb_form == Some("None")
            || degree == Some("Pos")
    }

    /// Lemma of `word` with universal POS `pos` and MORPH string `morph`.
    pub fn lemmatize(&self, word: &str, pos: &str, morph: &str, chars: &PyChars) -> String {
        let upos = pos.to_lowercase();
        if upos.is_empty() || upos == "eol" || upos == "space" {
            return word.to_lowercase();
        }
        if Self::is_base_form(&upos, morph) {
            return word.to_lowercase();
        }
        let index = self.index.get(&upos).filter(|t| !t.is_empty());
        let exc = self.exc.get(&upos).filter(|t| !t.is_empty());
        let rules = self.rules.get(&upos).filter(|t| !t.is_empty());
        if index.is_none() && exc.is_none() && rules.is_none() {
            return if upos == "propn" {
                word.to_string()
            } else {
                word.to_lowercase()
            };
        }
        let s = word.to_lowercase();
        let mut forms: Vec<String> = Vec::new();
        let mut oov: Vec<String> = Vec::new();
        for (old, new) in rules.into_iter().flatten() {
            if let Some(stem) = s.strip_suffix(old.as_str()) {
                let form = format!("{stem}{new}");
                if form.is_empty() {
                    continue;
                }
                let known = index.is_some_and(|ix| ix.contains(&form));
                if known {
                    forms.insert(0, form);
                } else if !chars.str_is_alpha(&form) {
                    forms.push(form);
                } else {
                    oov.push(form);
                }
            }
        }
        let mut seen = HashSet::new();
        forms.retain(|f| seen.insert(f.clone()));
        if let Some(list) = exc.and_then(|e| e.get(&s)) {
            for f in list {
                if !forms.contains(f) {
                    forms.insert(0, f.clone());
                }
            }
        }
        if forms.is_empty() {
            forms = oov;
        }
        forms.into_iter().next().unwrap_or_else(|| word.to_string())
    }
}
