//! CAMEO event ontology with Goldstein scores, quad classes and PLOVER mapping.

use crate::KnowledgeError;

/// The CAMEO event codes.
#[derive(Debug, Default)]
pub struct Ontology {}

impl Ontology {
    /// The built-in CAMEO/PLOVER tables.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Ok(Self::default())
    }
}
