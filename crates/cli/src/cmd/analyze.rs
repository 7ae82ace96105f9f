//! `analyze` and `code`: run the pipeline over inputs and print JSON lines.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use rayon::prelude::*;
use wirecoder_ingest::{documents, IngestOptions};

use super::common::{pipeline, PipelineArgs};

#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// Files, directories or `-` for stdin.
    #[arg(required = true)]
    pub inputs: Vec<String>,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
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

pub fn run_analyze(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    run(&args.inputs, &args.pipeline, false)
}

pub fn run_code(args: CodeArgs) -> anyhow::Result<ExitCode> {
    run(&args.inputs, &args.pipeline, true)
}

fn run(inputs: &[String], pargs: &PipelineArgs, events_only: bool) -> anyhow::Result<ExitCode> {
    let pipe = pipeline(pargs)?;
    let opts = IngestOptions {
        doc_date: pargs.doc_date,
    };
    let mut skipped = 0usize;
    let mut docs = Vec::new();
    for d in documents(inputs, &opts) {
        match d {
            Ok(d) => docs.push(d),
            Err(e) => {
                eprintln!("wirecoder: skipped {e}");
                skipped += 1;
            }
        }
    }
    let analyses: Vec<_> = docs.par_iter().map(|d| pipe.analyze(d)).collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for a in &analyses {
        if events_only {
            for e in &a.events {
                serde_json::to_writer(&mut out, e)?;
                out.write_all(b"\n")?;
            }
        } else {
            serde_json::to_writer(&mut out, a)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush().context("writing output")?;
    Ok(if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
