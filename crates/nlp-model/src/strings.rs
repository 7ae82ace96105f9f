//! spaCy string ids (MurmurHash64A seed 1, except reserved symbol names) and the Python
//! `str` predicates spaCy's features depend on.

use std::collections::HashMap;

use crate::hash::murmur64a;

/// Maps strings to spaCy's 64-bit ids.
pub(crate) struct StringIds {
    symbols: HashMap<String, u64>,
}

impl StringIds {
    pub fn new(symbols: &[String]) -> Self {
        let symbols = symbols
            .iter()
            .enumerate()
            .filter(|(i, s)| *i == 0 || !s.is_empty())
            .map(|(i, s)| (s.clone(), i as u64))
            .collect();
        Self { symbols }
    }

    pub fn id(&self, s: &str) -> u64 {
        if s.is_empty() {
            return 0;
        }
        match self.symbols.get(s) {
            Some(&i) => i,
            None => murmur64a(s.as_bytes(), 1),
        }
    }
}

/// Sorted code-point ranges exported from Python 3.11's `str.isalpha/isdigit/isspace`.
pub(crate) struct CharClass(Vec<(u32, u32)>);

impl CharClass {
    pub fn new(mut ranges: Vec<(u32, u32)>) -> Self {
        ranges.sort_unstable();
        Self(ranges)
    }

    pub fn contains(&self, c: char) -> bool {
        let cp = c as u32;
        self.0
            .binary_search_by(|&(lo, hi)| {
                if hi < cp {
                    std::cmp::Ordering::Less
                } else if lo > cp {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

/// Python's `str` predicates.
pub(crate) struct PyChars {
    pub alpha: CharClass,
    pub digit: CharClass,
    pub space: CharClass,
}

impl PyChars {
    pub fn is_space(&self, c: char) -> bool {
        self.space.contains(c)
    }

    /// `s.isspace()`: non-empty and all code points whitespace.
    pub fn str_is_space(&self, s: &str) -> bool {
        !s.is_empty() && s.chars().all(|c| self.space.contains(c))
    }

    /// `s.isalpha()`.
    pub fn str_is_alpha(&self, s: &str) -> bool {
        !s.is_empty() && s.chars().all(|c| self.alpha.contains(c))
    }

    /// spaCy's `word_shape`.
    pub fn shape(&self, text: &str) -> String {
        if text.chars().count() >= 100 {
            return "LONG".to_string();
        }
        let mut shape = String::with_capacity(text.len());
        let mut last: Option<char> = None;
        let mut seq = 0;
        for c in text.chars() {
            let sc = if self.alpha.contains(c) {
                if c.is_uppercase() {
                    'X'
                } else {
                    'x'
                }
            } else if self.digit.contains(c) {
                'd'
            } else {
                c
            };
            if Some(sc) == last {
                seq += 1;
            } else {
                seq = 0;
                last = Some(sc);
            }
            if seq < 4 {
                shape.push(sc);
            }
        }
        shape
    }
}
