//! Shared data types that flow between wirecoder's stages.
//!
//! A [`Document`] comes out of ingest; the language layer adds [`Sentence`]s, [`Token`]s and
//! [`Entity`] spans; knowledge lookups give [`ActorMention`]s; the coder, the date, place and
//! quote engines add [`Event`]s, [`TimeExpression`]s, [`Place`]s and [`Quote`]s; all of it is
//! gathered in an [`Analysis`]. This crate holds types and tiny helpers only: no I/O, no data.
//!
//! Offsets: every `start`/`end` that reaches JSON is a Unicode code-point (char) offset into
//! [`Document::body`]; byte offsets, where kept, are named `byte_start`/`byte_end`.

mod offsets;
mod types;

pub use offsets::CharOffsets;
pub use types::*;
