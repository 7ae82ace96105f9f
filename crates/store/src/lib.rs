//! Embedded event store (SQLite): articles, sentences, events, mentions, actors, places and
//! quotes; near-duplicate detection; GDELT-style aggregation; exports.
//!
//! One writer ([`SqliteStore`]) and any number of readers ([`Reader`]) share one SQLite file in
//! WAL mode, so queries are served while an ingest runs. Every batch of documents is written in
//! one transaction and articles are keyed by a content hash, so an ingest killed at any point
//! and run again ends with the same database as an uninterrupted run.

pub mod export;
pub mod hash;
pub mod ingest;
pub mod query;
mod schema;
mod sqlite;

pub use ingest::{ingest, IngestConfig, IngestSummary, SkippedInput};
pub use query::{EventFilter, Reader};
pub use sqlite::{ArticleInput, BatchOutcome, SqliteStore};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    #[error("parquet error: {0}")]
    Parquet(String),
    #[error("json error: {0}")]
    Json(#[from] serde_json::Error),
    /// A query hit its time budget: the caller should narrow it.
    #[error("query too broad: it did not finish within its time budget; narrow the filters")]
    TooBroad,
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What a backend must do to receive coded documents. SQLite implements it; a server
/// database (PostgreSQL) can implement it later without touching ingest or the CLI.
pub trait EventStore {
    /// Whether an article with this content hash is already stored (committed).
    fn contains(&self, content_hash: &str) -> Result<bool>;
    /// Write one batch of coded articles in a single transaction.
    fn write_batch(&mut self, batch: &[ArticleInput]) -> Result<BatchOutcome>;
}
