//! HTTP API (axum) and web dashboard over the event store.
//!
//! Every query runs on a pooled read-only SQLite connection in a blocking task, under the
//! store's time budget, so readers are served while an ingest writes (WAL). Writing
//! (`POST /api/ingest`) exists only when the server was started with a write token.

mod api;
mod openapi;
mod params;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use wirecoder_core::Document;
use wirecoder_store::{IngestSummary, Reader};

pub use api::router;

/// Codes and stores documents posted to `/api/ingest` (the CLI wires in the pipeline).
pub type IngestFn = Arc<dyn Fn(Vec<Document>) -> Result<IngestSummary, String> + Send + Sync>;

/// Server settings.
#[derive(Clone)]
pub struct ServerConfig {
    pub db: PathBuf,
    /// Bearer token that enables `POST /api/ingest`; None = read-only server.
    pub write_token: Option<String>,
    pub ingest: Option<IngestFn>,
}

/// A small pool of read connections.
pub(crate) struct Pool {
    db: PathBuf,
    idle: Mutex<Vec<Reader>>,
    /// Bounds concurrent queries to the number of kept connections, so a burst of requests
    /// queues for a warm connection instead of opening (and parsing the schema of) new ones.
    permits: tokio::sync::Semaphore,
}

/// Read connections kept open (and concurrent queries).
pub(crate) const READERS: usize = 8;

impl Pool {
    fn get(&self) -> Result<Reader, wirecoder_store::StoreError> {
        if let Some(r) = self.idle.lock().ok().and_then(|mut v| v.pop()) {
            return Ok(r);
        }
        Reader::open(&self.db)
    }

    fn put(&self, r: Reader) {
        if let Ok(mut v) = self.idle.lock() {
            if v.len() < READERS {
                v.push(r);
            }
        }
    }
}

/// Shared state of the handlers.
pub(crate) struct AppState {
    pool: Pool,
    config: ServerConfig,
    /// One ingest at a time: the store has a single writer.
    ingest_lock: tokio::sync::Mutex<()>,
}

/// Serve on an already bound listener until the future completes (Ctrl-C in the CLI).
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: ServerConfig,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(config);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
}

/// Bind `addr` and serve in a background thread with its own runtime; returns the bound
/// address. For tests and benchmarks (`127.0.0.1:0` picks a free port).
pub fn spawn(addr: SocketAddr, config: ServerConfig) -> std::io::Result<SocketAddr> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let listener = rt.block_on(tokio::net::TcpListener::bind(addr))?;
    let local = listener.local_addr()?;
    std::thread::spawn(move || {
        let _ = rt.block_on(serve(listener, config, std::future::pending()));
    });
    Ok(local)
}
