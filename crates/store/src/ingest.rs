//! The ingest loop: read documents, skip those already stored, code the rest in parallel
//! (rayon) and hand batches to a single writer thread, one transaction per batch.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;
use serde::Serialize;
use wirecoder_core::{Analysis, Document};

use crate::hash;
use crate::sqlite::{configure, ArticleInput, BatchOutcome, SqliteStore};
use crate::{EventStore, Result, StoreError};

/// Ingest settings.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Documents per transaction.
    pub batch_size: usize,
    /// Estimated Jaccard similarity (0–1) at or above which an article joins a cluster.
    pub near_dup_threshold: f64,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            batch_size: 64,
            near_dup_threshold: 0.7,
        }
    }
}

/// An input record that could not be read.
#[derive(Debug, Clone)]
pub struct SkippedInput {
    pub location: String,
    pub reason: String,
}

/// What an ingest run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct IngestSummary {
    /// Documents read (including those skipped).
    pub documents: usize,
    /// New articles stored.
    pub articles: usize,
    /// New articles that joined an existing near-duplicate cluster.
    pub near_duplicates: usize,
    /// Events coded in the new articles (mentions).
    pub mentions: usize,
    /// New aggregated event records.
    pub new_events: usize,
    /// Skipped documents by reason.
    pub skipped: BTreeMap<String, usize>,
    /// The first few unreadable inputs, `location: reason`.
    pub errors: Vec<String>,
}

impl IngestSummary {
    fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_string()).or_default() += 1;
    }

    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

const ALREADY_STORED: &str = "already in the database";
const REPEATED: &str = "repeated in this input";

/// Ingest `inputs` into the database at `db`. `progress(documents_done, events_coded)` is
/// called after each batch. Only whole batches are ever committed, and stored articles are
/// recognised by content hash before coding, so a killed run can simply be run again.
pub fn ingest<I, A, P>(
    db: &Path,
    inputs: I,
    analyze: A,
    cfg: &IngestConfig,
    mut progress: P,
) -> Result<IngestSummary>
where
    I: Iterator<Item = std::result::Result<Document, SkippedInput>>,
    A: Fn(&Document) -> Analysis + Sync,
    P: FnMut(usize, usize),
{
    let mut store = SqliteStore::open(db)?;
    store.near_dup_threshold = cfg.near_dup_threshold;
    let checker = rusqlite::Connection::open(db)?;
    configure(&checker)?;
    let run = store.begin_run()?;
    let batch_size = cfg.batch_size.max(1);
    let mut summary = IngestSummary::default();

    let written: Result<(BatchOutcome, SqliteStore)> = std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Vec<ArticleInput>>(2);
        let writer = scope.spawn(move || -> Result<(BatchOutcome, SqliteStore)> {
            let mut total = BatchOutcome::default();
            for batch in rx {
                total.add(&store.write_batch(&batch)?);
            }
            Ok((total, store))
        });

        let mut seen: HashSet<String> = HashSet::new();
        let mut pending: Vec<(Document, String)> = Vec::with_capacity(batch_size);
        let mut done = 0usize;
        let mut coded_events = 0usize;
        let mut inputs = inputs;
        let mut send_failed = false;
        loop {
            let next = inputs.next();
            let at_end = next.is_none();
            if let Some(item) = next {
                summary.documents += 1;
                match item {
                    Err(e) => {
                        summary.skip("unreadable input");
                        if summary.errors.len() < 100 {
                            summary.errors.push(format!("{}: {}", e.location, e.reason));
                        }
                        done += 1;
                    }
                    Ok(doc) if doc.body.trim().is_empty() => {
                        summary.skip("empty body");
                        done += 1;
                    }
                    Ok(doc) => {
                        let h =
                            hash::content_hash(doc.url.as_deref(), doc.title.as_deref(), &doc.body);
                        if !seen.insert(h.clone()) {
                            summary.skip(REPEATED);
                            done += 1;
                        } else if checker
                            .prepare_cached("SELECT 1 FROM articles WHERE hash=?1")?
                            .exists([&h])?
                        {
                            summary.skip(ALREADY_STORED);
                            done += 1;
                        } else {
                            pending.push((doc, h));
                        }
                    }
                }
            }
            if pending.len() >= batch_size || (at_end && !pending.is_empty()) {
                let chunk = std::mem::take(&mut pending);
                let n = chunk.len();
                let coded: Vec<ArticleInput> = chunk
                    .into_par_iter()
                    .map(|(doc, h)| {
                        let analysis = analyze(&doc);
                        let minhash = hash::minhash(&hash::shingles(&doc.body));
                        ArticleInput {
                            doc,
                            analysis,
                            hash: h,
                            minhash,
                        }
                    })
                    .collect();
                coded_events += coded.iter().map(|c| c.analysis.events.len()).sum::<usize>();
                if tx.send(coded).is_err() {
                    send_failed = true;
                    break;
                }
                done += n;
                progress(done, coded_events);
            } else if at_end {
                progress(done, coded_events);
            }
            if at_end {
                break;
            }
        }
        drop(tx);
        let joined = writer
            .join()
            .map_err(|_| StoreError::Invalid("database writer thread panicked".into()))?;
        if send_failed && joined.is_ok() {
            return Err(StoreError::Invalid("database writer stopped early".into()));
        }
        joined
    });
    let (total, store) = written?;
    summary.articles = total.articles;
    summary.near_duplicates = total.near_duplicates;
    summary.mentions = total.mentions;
    summary.new_events = total.new_events;
    if total.duplicates > 0 {
        *summary
            .skipped
            .entry(ALREADY_STORED.to_string())
            .or_default() += total.duplicates;
    }
    store.finish_run(run, summary.documents, summary.articles)?;
    Ok(summary)
}
