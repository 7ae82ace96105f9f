//! CAMEO/PLOVER event coding from sentences and actor mentions.

use wirecoder_core::Event;

use crate::DocContext;

/// Code every event in the document.
pub fn code(_ctx: &DocContext) -> Vec<Event> {
    Vec::new()
}
