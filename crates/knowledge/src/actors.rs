//! Actor dictionaries and the matcher that finds actor mentions in tokens.

use std::path::Path;

use chrono::NaiveDate;
use wirecoder_core::{ActorMention, TextAnalysis};

use crate::KnowledgeError;

/// Every actor the coder can recognise.
#[derive(Debug, Default)]
pub struct ActorDictionary {}

impl ActorDictionary {
    /// The built-in dictionaries.
    pub fn builtin() -> Result<Self, KnowledgeError> {
        Ok(Self::default())
    }

    /// Every actor mention in the text, longest match first, people resolved by tenure on
    /// `date` (the document date).
    pub fn find_mentions(
        &self,
        _text: &TextAnalysis,
        _date: Option<NaiveDate>,
    ) -> Vec<ActorMention> {
        Vec::new()
    }

    /// Add a TABARI/PETRARCH `.actors` file. Returns the malformed lines as warnings.
    pub fn load_petrarch_actors(
        &mut self,
        _path: &Path,
    ) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        Ok(Vec::new())
    }

    /// Add a TABARI/PETRARCH `.agents` file.
    pub fn load_petrarch_agents(
        &mut self,
        _path: &Path,
    ) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        Ok(Vec::new())
    }

    /// Add a TABARI/PETRARCH `.discards` file.
    pub fn load_petrarch_discards(
        &mut self,
        _path: &Path,
    ) -> Result<Vec<KnowledgeError>, KnowledgeError> {
        Ok(Vec::new())
    }
}
