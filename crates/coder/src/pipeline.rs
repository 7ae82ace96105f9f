//! The per-document pipeline: language layer → actors → dates → places → events → quotes.

use std::sync::Arc;

use chrono::NaiveDate;
use wirecoder_core::{ActorMention, Analysis, Document, Place, TextAnalysis, TimeExpression};
use wirecoder_knowledge::KnowledgeBase;
use wirecoder_text::LanguageAnalyzer;

/// What every engine may read about the document being coded.
pub struct DocContext<'a> {
    pub doc: &'a Document,
    pub text: &'a TextAnalysis,
    pub kb: &'a KnowledgeBase,
    /// Document date: publication date, else `--doc-date`.
    pub doc_date: Option<NaiveDate>,
    pub actors: &'a [ActorMention],
    pub dates: &'a [TimeExpression],
    pub places: &'a [Place],
}

/// A configured pipeline; cheap to share across threads.
pub struct Pipeline {
    pub analyzer: Arc<dyn LanguageAnalyzer>,
    pub kb: Arc<KnowledgeBase>,
}

impl Pipeline {
    pub fn new(analyzer: Arc<dyn LanguageAnalyzer>, kb: Arc<KnowledgeBase>) -> Self {
        Pipeline { analyzer, kb }
    }

    /// Analyse one document. Never panics on any input text.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let text = self.analyzer.analyze(&doc.body);
        let doc_date = doc.published;
        let kb = &*self.kb;
        let actors = kb.actors.find_mentions(&text, doc_date);
        let dates = wirecoder_text::temporal::extract(&text, doc_date);
        let mut ctx = DocContext {
            doc,
            text: &text,
            kb,
            doc_date,
            actors: &actors,
            dates: &dates,
            places: &[],
        };
        let places = crate::places::extract(&ctx);
        ctx.places = &places;
        let events = crate::events::code(&ctx);
        let quotes = crate::quotes::extract(&ctx);
        Analysis {
            doc: doc.id.clone(),
            title: doc.title.clone(),
            url: doc.url.clone(),
            date: doc_date.map(|d| d.format("%Y-%m-%d").to_string()),
            dateline: doc.dateline_place.clone(),
            sentences: text.sentences.clone(),
            entities: text.entities.clone(),
            actors,
            places,
            dates,
            quotes,
            events,
        }
    }
}
