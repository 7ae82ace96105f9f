//! HTTP API (axum) and web dashboard over the event store.
