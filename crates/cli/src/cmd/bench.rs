//! `bench`: throughput and memory of the whole pipeline on a corpus.
//!
//! Reads every document first (ingest is not timed), loads every asset (timed separately:
//! the < 300 ms start-up budget), then codes the corpus `--repeat` times on
//! `--threads` threads and prints documents/s, sentences/s, tokens/s, MB/s and peak RSS.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;
use wirecoder_coder::Pipeline;
use wirecoder_ingest::{documents, IngestOptions};

use super::common::{analyzer, knowledge, PipelineArgs};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Files or directories to code (e.g. ../shared/benchmarks/geoparsing/).
    #[arg(required = true)]
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Code the corpus this many times (the figures are for all passes together).
    #[arg(long, default_value_t = 3)]
    pub repeat: usize,
}

pub fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    // Start-up: every built-in asset loaded (the gazetteer and the taggers load lazily, so
    // they are forced here) and one short document coded.
    let t = Instant::now();
    let kb = knowledge(&args.pipeline).context("loading dictionaries")?;
    kb.gazetteer.force_load().context("loading the gazetteer")?;
    let pipe = Pipeline::new(analyzer(&args.pipeline)?, kb);
    let warm_up = wirecoder_core::Document {
        id: "warm-up".to_string(),
        body: "Officials in Damascus said Russia sent troops to Aleppo on Monday.".to_string(),
        ..Default::default()
    };
    pipe.analyze(&warm_up);
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let rss_kb = peak_rss_kib();

    let opts = IngestOptions {
        doc_date: args.pipeline.doc_date,
        ..Default::default()
    };
    let mut docs = Vec::new();
    let mut skipped = 0usize;
    for d in documents(&args.inputs, &opts) {
        match d {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("wirecoder: skipped {e}");
                skipped += 1;
            }
        }
    }
    anyhow::ensure!(!docs.is_empty(), "no documents to benchmark");
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();

    let threads = args.threads.unwrap_or_else(rayon::current_num_threads);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting worker threads")?;
    let repeat = args.repeat.max(1);
    let t = Instant::now();
    let (mut sentences, mut tokens, mut events) = (0usize, 0usize, 0usize);
    for _ in 0..repeat {
        let counts: Vec<(usize, usize, usize)> = pool.install(|| {
            docs.par_iter()
                .map(|d| {
                    let a = pipe.analyze(d);
                    let toks = a
                        .sentences
                        .iter()
                        .map(|s| s.token_end - s.token_start)
                        .sum();
                    (a.sentences.len(), toks, a.events.len())
                })
                .collect()
        });
        for (s, tk, e) in counts {
            sentences += s;
            tokens += tk;
            events += e;
        }
    }
    let secs = t.elapsed().as_secs_f64().max(1e-9);
    let n_docs = docs.len() * repeat;
    println!(
        "corpus: {} documents, {:.2} MB, {} skipped; language layer: {}; threads: {threads}; passes: {repeat}",
        docs.len(),
        bytes as f64 / 1e6,
        skipped,
        pipe.analyzer.name(),
    );
    println!(
        "start-up: every asset loaded and a first document coded in {load_ms:.0} ms, RSS {}",
        fmt_kib(rss_kb)
    );
    println!(
        "throughput: {:.0} documents/s, {:.0} sentences/s, {:.0} tokens/s, {:.2} MB/s, {:.0} events/s",
        n_docs as f64 / secs,
        sentences as f64 / secs,
        tokens as f64 / secs,
        (bytes * repeat) as f64 / 1e6 / secs,
        events as f64 / secs,
    );
    println!("peak RSS: {}", fmt_kib(peak_rss_kib()));
    Ok(ExitCode::SUCCESS)
}

fn fmt_kib(k: Option<u64>) -> String {
    match k {
        Some(k) => format!("{:.1} MB", k as f64 / 1024.0),
        None => "n/a".to_string(),
    }
}

/// Peak resident set size of this process (Linux `VmHWM`), in KiB.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}
