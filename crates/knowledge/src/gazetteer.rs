//! GeoNames-based gazetteer.

/// Places by normalised name.
#[derive(Debug, Default)]
pub struct Gazetteer {}
