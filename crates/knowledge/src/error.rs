//! Errors from loading dictionaries.

use std::path::PathBuf;

/// A dictionary could not be loaded, or one of its lines was malformed.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {reason}")]
    Malformed {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("built-in asset {name} is corrupt: {reason}")]
    Asset { name: String, reason: String },
}
