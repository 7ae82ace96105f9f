//! Fixed word lists tested by hash lookup, for the long lists checked for most words of a
//! document.

use std::collections::HashSet;
use std::sync::OnceLock;

pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}
