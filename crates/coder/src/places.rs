//! Toponym recognition and resolution to GeoNames entries.

use wirecoder_core::Place;

use crate::DocContext;

/// Every place mentioned in the document, geocoded. `ctx.places` is empty when called.
pub fn extract(_ctx: &DocContext) -> Vec<Place> {
    Vec::new()
}
