//! Direct and indirect quotes with their speakers.

use wirecoder_core::Quote;

use crate::DocContext;

/// Every quote in the document with its speaker.
pub fn extract(_ctx: &DocContext) -> Vec<Quote> {
    Vec::new()
}
