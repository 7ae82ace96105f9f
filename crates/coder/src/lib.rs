//! Event coder and the per-document engines that run after the language layer: actor
//! resolution in context, CAMEO/PLOVER events, places, quotes, and the [`Pipeline`] that
//! assembles an [`Analysis`](wirecoder_core::Analysis) from a [`Document`].

pub mod events;
pub mod pipeline;
pub mod places;
pub mod quotes;
mod wordset;

pub use pipeline::{DocContext, Pipeline};
