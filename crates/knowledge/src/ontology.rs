//! CAMEO event ontology with Goldstein scores, quad classes and PLOVER mapping.

/// The CAMEO event codes.
#[derive(Debug, Default)]
pub struct Ontology {}
