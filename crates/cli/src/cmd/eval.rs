//! `eval`: run an evaluation suite and print its scores.

use std::path::PathBuf;

use anyhow::Context;
use std::process::ExitCode;

use super::common::NlpChoice;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub suite: Suite,
}

#[derive(Debug, clap::Subcommand)]
pub enum Suite {
    /// A PETRARCH validation file (records XML), with its own dictionaries.
    Petrarch {
        file: PathBuf,
        /// Dictionary directory or file (TABARI/PETRARCH formats); repeatable.
        #[arg(long)]
        dict: Vec<PathBuf>,
        /// Print every record whose coding differs from the expected one.
        #[arg(long)]
        verbose: bool,
        /// Language layer.
        #[arg(long, value_enum, default_value = "model")]
        nlp: NlpChoice,
    },
    /// The PLOVER gold records.
    Plover {
        file: PathBuf,
        /// Print every record whose event type was missed.
        #[arg(long)]
        verbose: bool,
        /// Language layer.
        #[arg(long, value_enum, default_value = "model")]
        nlp: NlpChoice,
    },
    /// A geoparsing corpus (GWN, LGL, TR-News, GeoVirus XML).
    Geo {
        files: Vec<PathBuf>,
        /// Print every toponym: correct, missed, spurious or resolved too far, with context.
        #[arg(long)]
        verbose: bool,
        /// Language layer.
        #[arg(long, value_enum, default_value = "model")]
        nlp: NlpChoice,
    },
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.suite {
        Suite::Petrarch {
            file,
            dict,
            verbose,
            nlp,
        } => {
            // PETRARCH semantics: a suite's verb file replaces the built-in verbs; its
            // actors, agents and discards are added to the built-in ones.
            let pipeline = pipeline(dict, nlp)?;
            let mut out = std::io::stdout().lock();
            wirecoder_eval::petrarch::run(&pipeline, &file, verbose, &mut out)
                .with_context(|| format!("evaluating {}", file.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Suite::Plover { file, verbose, nlp } => {
            let pipeline = pipeline(Vec::new(), nlp)?;
            let mut out = std::io::stdout().lock();
            wirecoder_eval::plover::run(&pipeline, &file, verbose, &mut out)
                .with_context(|| format!("evaluating {}", file.display()))?;
            Ok(ExitCode::SUCCESS)
        }
        Suite::Geo {
            files,
            verbose,
            nlp,
        } => {
            let pipeline = pipeline(Vec::new(), nlp)?;
            let mut out = std::io::stdout().lock();
            wirecoder_eval::geo::run(&pipeline, &files, verbose, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The pipeline a suite runs: no document date (suites carry their own), the given
/// dictionaries and language layer.
fn pipeline(dict: Vec<PathBuf>, nlp: NlpChoice) -> anyhow::Result<wirecoder_coder::Pipeline> {
    super::common::pipeline(&super::common::PipelineArgs {
        doc_date: None,
        dict,
        nlp,
    })
}
