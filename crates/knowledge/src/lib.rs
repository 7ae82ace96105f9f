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

use std::path::Path;

pub use error::KnowledgeError;

/// All built-in and user dictionaries.
#[derive(Debug, Default)]
pub struct KnowledgeBase {
    pub actors: actors::ActorDictionary,
    pub ontology: ontology::Ontology,
    pub gazetteer: gazetteer::Gazetteer,
    pub verbs: verbs::VerbDictionary,
}

impl KnowledgeBase {
    /// Load every built-in asset.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Ok(KnowledgeBase {
            actors: actors::ActorDictionary::builtin()?,
            ontology: ontology::Ontology::builtin()?,
            gazetteer: gazetteer::Gazetteer::builtin()?,
            verbs: verbs::VerbDictionary::builtin()?,
        })
    }

    /// Add the dictionaries found in `path` (a file or a directory of files), recognised by
    /// name: TABARI/PETRARCH `*.actors.txt`, `*agents*.txt`, `*discards*.txt`, `*verbs*.txt`
    /// / `CAMEO*.txt`, and our own formats (`*.people.txt`: see `data/actors/people/`).
    /// Malformed lines are returned as warnings (`file:line: reason`) and skipped; an
    /// unreadable file is an error.
    pub fn load_user(&mut self, path: &Path) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        let mut warnings = Vec::new();
        let mut files = Vec::new();
        if path.is_dir() {
            let rd = std::fs::read_dir(path).map_err(|source| KnowledgeError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            for entry in rd.flatten() {
                files.push(entry.path());
            }
            files.sort();
        } else {
            files.push(path.to_path_buf());
        }
        for file in files {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if name.ends_with(".people.txt") {
                warnings.extend(self.actors.load_people(&file)?);
            } else if name.contains("actors") {
                warnings.extend(self.actors.load_petrarch_actors(&file)?);
            } else if name.contains("agents") {
                warnings.extend(self.actors.load_petrarch_agents(&file)?);
            } else if name.contains("discards") {
                warnings.extend(self.actors.load_petrarch_discards(&file)?);
            } else if name.ends_with(".wcverbs.txt") {
                // Our own verb format (data/verbs/FORMAT.md): added to the built-ins.
                warnings.extend(self.verbs.load_own(&file)?);
            } else if name.contains("verbs") || name.starts_with("cameo") {
                warnings.extend(self.verbs.load_petrarch_verbs(&file)?);
            }
        }
        Ok(warnings)
    }
}
