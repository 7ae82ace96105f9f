//! Verb-pattern dictionary used by the event coder.

use std::path::Path;

use crate::KnowledgeError;

/// Verb patterns by lemma.
#[derive(Debug, Default)]
pub struct VerbDictionary {}

impl VerbDictionary {
    /// The built-in verb dictionary.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Ok(Self::default())
    }

    /// Add (or, with PETRARCH semantics, replace) patterns from a TABARI/PETRARCH verb file
    /// (CAMEO.2.0 synsets and `-` patterns). Returns malformed lines as warnings.
    pub fn load_petrarch_verbs(
        &mut self,
        _path: &Path,
    ) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        Ok(Vec::new())
    }
}
