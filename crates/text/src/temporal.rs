//! Temporal expressions: recognition and normalisation against the document date.

use chrono::NaiveDate;
use wirecoder_core::{TextAnalysis, TimeExpression};

/// Every temporal expression in the analysed text, normalised against `doc_date`
/// (expressions that need a reference date are skipped when it is None).
pub fn extract(_text: &TextAnalysis, _doc_date: Option<NaiveDate>) -> Vec<TimeExpression> {
    Vec::new()
}
