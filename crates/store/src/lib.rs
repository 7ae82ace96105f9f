//! Embedded event store (SQLite): articles, sentences, events, mentions, actors, places and
//! quotes; near-duplicate detection; GDELT-style aggregation; exports.
