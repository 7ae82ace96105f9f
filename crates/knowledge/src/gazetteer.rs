//! GeoNames-based gazetteer.

use crate::KnowledgeError;

/// Places by normalised name.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The built-in gazetteer asset.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Ok(Self::default())
    }
}
