//! `ingest`, `export`, `serve`: the database side.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use wirecoder_ingest::{documents, IngestOptions};
use wirecoder_store::export::{export, Format};
use wirecoder_store::{EventFilter, IngestConfig, IngestSummary, Reader, SkippedInput};

use super::common::{parse_date, pipeline, PipelineArgs};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  wirecoder ingest corpus/ --db news.db\n  \
    wirecoder ingest ../shared/benchmarks/geoparsing/*.xml --db geo.db --doc-date 2018-01-01")]
pub struct IngestArgs {
    /// Files, directories or `-` for stdin.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    /// Database file (created if missing).
    #[arg(long, default_value = "wirecoder.db")]
    pub db: PathBuf,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Documents per transaction.
    #[arg(long, default_value_t = 64)]
    pub batch_size: usize,
    /// Estimated Jaccard similarity (0-1) of word 4-grams at or above which an article is
    /// linked to an earlier article's near-duplicate cluster.
    #[arg(long, default_value_t = 0.7, value_parser = parse_threshold)]
    pub near_dup_threshold: f64,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("{s:?} is not a number from 0 to 1")),
    }
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  wirecoder export --db news.db --format gdelt > events.tsv\n  \
    wirecoder export --db news.db --format parquet --out events.parquet --from 2016-01-01"
)]
pub struct ExportArgs {
    #[arg(long, default_value = "wirecoder.db")]
    pub db: PathBuf,
    /// gdelt (61 GDELT 2.0 columns, no header), mentions (16 GDELT mention columns), jsonl,
    /// plover (PLOVER JSONL), parquet, csv.
    #[arg(long, default_value = "jsonl", value_parser = ["gdelt", "mentions", "jsonl", "plover", "parquet", "csv"])]
    pub format: String,
    /// First event date, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub from: Option<chrono::NaiveDate>,
    /// Last event date, inclusive (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub to: Option<chrono::NaiveDate>,
    /// Actor code prefix, as source or target (IRN, IRNGOV).
    #[arg(long)]
    pub actor: Option<String>,
    /// CAMEO event code prefix (04, 043).
    #[arg(long)]
    pub cameo: Option<String>,
    /// Output file (default stdout; required for parquet).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Add a header line to gdelt/mentions output (GDELT files have none).
    #[arg(long)]
    pub header: bool,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  wirecoder serve --db news.db\n  \
    wirecoder serve --db news.db --addr 127.0.0.1:9000 --write-token s3cret")]
pub struct ServeArgs {
    #[arg(long, default_value = "wirecoder.db")]
    pub db: PathBuf,
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Accept `POST /api/ingest` with `Authorization: Bearer TOKEN`; read-only without it.
    #[arg(long)]
    pub write_token: Option<String>,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

fn print_summary(s: &IngestSummary, secs: f64) {
    eprintln!(
        "wirecoder: {} documents read, {} new articles ({} near-duplicates), {} event mentions, \
         {} new events, {:.1} s ({:.1} docs/s)",
        s.documents,
        s.articles,
        s.near_duplicates,
        s.mentions,
        s.new_events,
        secs,
        s.documents as f64 / secs.max(1e-9)
    );
    for (reason, n) in &s.skipped {
        eprintln!("wirecoder: skipped {n}: {reason}");
    }
    for e in &s.errors {
        eprintln!("wirecoder: skipped {e}");
    }
}

pub fn run_ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let pipe = pipeline(&args.pipeline)?;
    let opts = IngestOptions {
        doc_date: args.pipeline.doc_date,
        ..Default::default()
    };
    let interactive = std::io::stderr().is_terminal();
    let bar = if interactive {
        // A counting pass gives the bar its length (and so an ETA); reading is cheap next
        // to coding.
        let total = documents(&args.inputs, &opts).count() as u64;
        let bar = indicatif::ProgressBar::new(total);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} docs {per_sec} ETA {eta} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let inputs = documents(&args.inputs, &opts).map(|d| {
        d.map_err(|e| SkippedInput {
            location: e.location,
            reason: e.reason,
        })
    });
    let cfg = IngestConfig {
        batch_size: args.batch_size,
        near_dup_threshold: args.near_dup_threshold,
    };
    let start = std::time::Instant::now();
    let summary = wirecoder_store::ingest(
        &args.db,
        inputs,
        |d| pipe.analyze(d),
        &cfg,
        |done, events| {
            if let Some(b) = &bar {
                b.set_position(done as u64);
                b.set_message(format!("{events} events"));
            }
        },
    )
    .with_context(|| format!("ingesting into {}", args.db.display()))?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    print_summary(&summary, start.elapsed().as_secs_f64());
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    }
    Ok(if summary.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

pub fn run_export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format: Format = args.format.parse().map_err(anyhow::Error::msg)?;
    let check = |what: &str, v: Option<String>| -> anyhow::Result<Option<String>> {
        match v {
            Some(s) if s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric()) => {
                anyhow::bail!("--{what} {s:?}: expected letters and digits only")
            }
            other => Ok(other.map(|s| s.to_ascii_uppercase())),
        }
    };
    let filter = EventFilter {
        actor: check("actor", args.actor)?,
        cameo: check("cameo", args.cameo)?,
        from: args.from.map(|d| d.format("%Y-%m-%d").to_string()),
        to: args.to.map(|d| d.format("%Y-%m-%d").to_string()),
        ..Default::default()
    };
    let reader = Reader::open(&args.db)?;
    let out: Box<dyn std::io::Write + Send> = match &args.out {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None if format == Format::Parquet => {
            anyhow::bail!("parquet needs --out FILE")
        }
        None => Box::new(std::io::stdout()),
    };
    let n = export(&reader, format, &filter, args.header, out)?;
    eprintln!("wirecoder: exported {n} records");
    Ok(ExitCode::SUCCESS)
}

pub fn run_serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    // Create the database (schema) if needed, so a fresh server can accept ingests.
    drop(wirecoder_store::SqliteStore::open(&args.db)?);
    let ingest: Option<wirecoder_server::IngestFn> = match &args.write_token {
        Some(_) => {
            let pipe = Arc::new(pipeline(&args.pipeline)?);
            let db = args.db.clone();
            Some(Arc::new(move |docs: Vec<wirecoder_core::Document>| {
                let p = pipe.clone();
                wirecoder_store::ingest(
                    &db,
                    docs.into_iter().map(Ok),
                    |d| p.analyze(d),
                    &IngestConfig::default(),
                    |_, _| {},
                )
                .map_err(|e| e.to_string())
            }))
        }
        None => None,
    };
    let config = wirecoder_server::ServerConfig {
        db: args.db.clone(),
        write_token: args.write_token.clone(),
        ingest,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        eprintln!(
            "wirecoder: serving {} on http://{} ({})",
            args.db.display(),
            listener.local_addr()?,
            if args.write_token.is_some() {
                "read-write"
            } else {
                "read-only"
            }
        );
        wirecoder_server::serve(listener, config, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("serving")
    })?;
    Ok(ExitCode::SUCCESS)
}
