//! `analyze` and `code`: run the pipeline over inputs and print JSON lines.
//!
//! Documents are read as a stream and coded in batches on all cores; output keeps input order
//! so the same input gives the same bytes.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use wirecoder_core::Analysis;
use wirecoder_ingest::{documents, IngestOptions};

use super::common::{pipeline, PipelineArgs};

/// Documents coded together; large enough to keep both cores busy, small enough to stream.
const BATCH: usize = 256;

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Files, directories or `-` for stdin.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Also print every sentence's tokens (text, tag, pos, lemma, head, dep, offsets).
    #[arg(long)]
    pub tokens: bool,
}

#[derive(Debug, clap::Args)]
pub struct CodeArgs {
    /// Files, directories or `-` for stdin.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    /// Output format.
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl"])]
    pub format: String,
}

/// What to print per document.
#[derive(Clone, Copy)]
enum Output {
    Events,
    Analysis { tokens: bool },
}

pub fn run_analyze(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    run(
        &args.inputs,
        &args.pipeline,
        Output::Analysis {
            tokens: args.tokens,
        },
    )
}

pub fn run_code(args: CodeArgs) -> anyhow::Result<ExitCode> {
    run(&args.inputs, &args.pipeline, Output::Events)
}

fn run(inputs: &[String], pargs: &PipelineArgs, output: Output) -> anyhow::Result<ExitCode> {
    let pipe = pipeline(pargs)?;
    let opts = IngestOptions {
        doc_date: pargs.doc_date,
        ..Default::default()
    };
    let progress = std::io::stderr().is_terminal().then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} documents coded ({per_sec}, {elapsed})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut skipped = 0usize;
    let mut batch = Vec::with_capacity(BATCH);
    let mut stream = documents(inputs, &opts).peekable();
    while stream.peek().is_some() {
        batch.clear();
        for d in stream.by_ref() {
            match d {
                Ok(d) => {
                    batch.push(d);
                    if batch.len() == BATCH {
                        break;
                    }
                }
                Err(e) => {
                    if let Some(pb) = &progress {
                        pb.suspend(|| eprintln!("wirecoder: skipped {e}"));
                    } else {
                        eprintln!("wirecoder: skipped {e}");
                    }
                    skipped += 1;
                }
            }
        }
        let results: Vec<(Analysis, Option<serde_json::Value>)> = batch
            .par_iter()
            .map(|d| {
                let a = pipe.analyze(d);
                let toks = match output {
                    Output::Analysis { tokens: true } => Some(tokens_json(&pipe, d)),
                    _ => None,
                };
                (a, toks)
            })
            .collect();
        for (a, toks) in &results {
            write_one(&mut out, a, toks.as_ref(), output)?;
        }
        if let Some(pb) = &progress {
            pb.inc(results.len() as u64);
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    out.flush().context("writing output")?;
    if skipped > 0 {
        eprintln!("wirecoder: {skipped} input record(s) skipped");
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

fn write_one(
    out: &mut impl Write,
    a: &Analysis,
    tokens: Option<&serde_json::Value>,
    output: Output,
) -> anyhow::Result<()> {
    match output {
        Output::Events => {
            for e in &a.events {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")?;
            }
        }
        Output::Analysis { .. } => {
            let mut v = serde_json::to_value(a)?;
            if let (Some(toks), Some(sents)) = (tokens, v.get_mut("sentences")) {
                if let (Some(sents), Some(toks)) = (sents.as_array_mut(), toks.as_array()) {
                    for (s, t) in sents.iter_mut().zip(toks) {
                        if let Some(obj) = s.as_object_mut() {
                            obj.insert("tokens".into(), t.clone());
                        }
                    }
                }
            }
            serde_json::to_writer(&mut *out, &v)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// Per-sentence token lists for `--tokens` (the language layer is re-run: it is cheap
/// next to coding, and keeps `Analysis` free of the bulky token list).
fn tokens_json(
    pipe: &wirecoder_coder::Pipeline,
    d: &wirecoder_core::Document,
) -> serde_json::Value {
    let ta = pipe.analyzer.analyze(&d.body);
    serde_json::Value::Array(
        ta.sentences
            .iter()
            .map(|s| {
                serde_json::to_value(&ta.tokens[s.token_start..s.token_end])
                    .unwrap_or(serde_json::Value::Null)
            })
            .collect(),
    )
}
