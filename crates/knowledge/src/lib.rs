//! Knowledge base: everything wirecoder knows about the world, loaded once and shared
//! read-only (`Arc<KnowledgeBase>`) by every stage.
//!
//! - [`actors`]: countries, metonyms, sector agents, people with tenures, IGOs, NGOs and
//!   armed groups, matched over normalised token sequences.
//! - [`ontology`]: every CAMEO event code with label, Goldstein score, quad class and PLOVER.
//! - [`gazetteer`]: GeoNames places with alternate names.
//! - [`verbs`]: the verb-pattern dictionary the coder uses.
//! - [`petrarch`]: loaders for the TABARI/PETRARCH dictionary formats.
//!
//! Built-in data lives in `data/` at the workspace root and is embedded at compile time, so
//! the binary works offline. This crate never sees documents' raw text, only tokens.

pub mod actors;
pub mod error;
pub mod gazetteer;
pub mod ontology;
pub mod petrarch;
pub mod verbs;

pub use error::KnowledgeError;

/// All built-in and user dictionaries.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    pub actors: actors::ActorDictionary,
    pub ontology: ontology::Ontology,
    pub gazetteer: gazetteer::Gazetteer,
    pub verbs: verbs::VerbDictionary,
}
