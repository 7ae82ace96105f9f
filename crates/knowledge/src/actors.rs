//! Actor dictionaries and the matcher that finds actor mentions in tokens.

/// Every actor the coder can recognise.
#[derive(Debug, Default)]
pub struct ActorDictionary {}

use chrono::NaiveDate;
use wirecoder_core::{ActorMention, TextAnalysis};

impl ActorDictionary {
    /// Every actor mention in the text, longest match first, people resolved by tenure on
    /// `date` (the document date).
    pub fn find_mentions(
        &self,
        _text: &TextAnalysis,
        _date: Option<NaiveDate>,
    ) -> Vec<ActorMention> {
        Vec::new()
    }
}
