//! `eval`: run an evaluation suite and print its scores.

use std::path::PathBuf;
use std::process::ExitCode;

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
    },
    /// The PLOVER gold records.
    Plover { file: PathBuf },
    /// A geoparsing corpus (GWN, LGL, TR-News, GeoVirus XML).
    Geo { files: Vec<PathBuf> },
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.suite {
        Suite::Petrarch { .. } | Suite::Plover { .. } => {
            anyhow::bail!("this evaluation suite is not implemented yet")
        }
        Suite::Geo { files } => {
            let pipeline = super::common::pipeline(&super::common::PipelineArgs {
                doc_date: None,
                dict: Vec::new(),
                nlp: super::common::NlpChoice::Rules,
            })?;
            let mut out = std::io::stdout().lock();
            wirecoder_eval::geo::run(&pipeline, &files, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
