//! Verb-pattern dictionary used by the event coder.

/// Verb patterns by lemma.
#[derive(Debug, Default)]
pub struct VerbDictionary {}
