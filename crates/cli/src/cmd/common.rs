//! Options and set-up shared by the subcommands.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use chrono::NaiveDate;
use wirecoder_coder::Pipeline;
use wirecoder_knowledge::KnowledgeBase;
use wirecoder_text::{LanguageAnalyzer, RuleAnalyzer};

/// Which language layer to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NlpChoice {
    /// The statistical model (spaCy's en_core_web_sm re-implemented in Rust, built in): tags,
    /// dependency parse and named entities; ~25,000 tokens/s per core.
    Model,
    /// Rule-based segmentation, tokenisation and tagging, no parse: ~15× faster, a little
    /// less accurate.
    Rules,
}

/// Options every coding command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct PipelineArgs {
    /// Date of documents whose metadata has none (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub doc_date: Option<NaiveDate>,
    /// Extra or replacement dictionaries (our format or TABARI/PETRARCH files).
    #[arg(long)]
    pub dict: Vec<PathBuf>,
    /// Language layer: the statistical model (default) or the faster rules.
    #[arg(long, value_enum, default_value = "model")]
    pub nlp: NlpChoice,
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s:?} is not YYYY-MM-DD: {e}"))
}

/// Load the knowledge base with the user's dictionaries.
pub fn knowledge(args: &PipelineArgs) -> anyhow::Result<Arc<KnowledgeBase>> {
    let mut kb = KnowledgeBase::builtin().context("loading built-in dictionaries")?;
    for path in &args.dict {
        let warnings = kb
            .load_user(path)
            .with_context(|| format!("loading {}", path.display()))?;
        for w in warnings {
            eprintln!("wirecoder: skipped {w}");
        }
    }
    Ok(Arc::new(kb))
}

pub fn analyzer(args: &PipelineArgs) -> anyhow::Result<Arc<dyn LanguageAnalyzer>> {
    match args.nlp {
        NlpChoice::Rules => Ok(Arc::new(RuleAnalyzer)),
        NlpChoice::Model => Ok(Arc::new(
            wirecoder_nlp_model::ModelAnalyzer::new()
                .map_err(|e| anyhow::anyhow!("loading the language model: {e}"))?,
        )),
    }
}

pub fn pipeline(args: &PipelineArgs) -> anyhow::Result<Pipeline> {
    let kb = knowledge(args).context("loading dictionaries")?;
    Ok(Pipeline::new(analyzer(args)?, kb))
}
