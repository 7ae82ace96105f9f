//! `resolve` and `dict`: ask what wirecoder recognises in a text; dictionary statistics.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use chrono::NaiveDate;
use wirecoder_core::Document;
use wirecoder_knowledge::{actors, gazetteer, ontology, verbs};

use super::common::{parse_date, pipeline, PipelineArgs};

#[derive(Debug, clap::Args)]
pub struct ResolveArgs {
    /// Text to analyse.
    pub text: String,
    /// Date the text speaks from (YYYY-MM-DD): decides which office people held.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

#[derive(Debug, clap::Args)]
pub struct DictArgs {
    #[command(subcommand)]
    pub command: DictCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum DictCommand {
    /// Print the size of every built-in dictionary (and of `--dict` files) and load times.
    Stats(DictStatsArgs),
}

#[derive(Debug, clap::Args)]
pub struct DictStatsArgs {
    /// Extra dictionaries to load first (our format or TABARI/PETRARCH files).
    #[arg(long)]
    pub dict: Vec<std::path::PathBuf>,
}

/// One JSON object per recognised actor, then per place, in text order within each.
pub fn run_resolve(args: ResolveArgs) -> anyhow::Result<ExitCode> {
    let mut pargs = args.pipeline.clone();
    if args.date.is_some() {
        pargs.doc_date = args.date;
    }
    let pipe = pipeline(&pargs)?;
    let doc = Document {
        id: "resolve".to_string(),
        published: pargs.doc_date,
        body: args.text.clone(),
        ..Default::default()
    };
    let analysis = pipe.analyze(&doc);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for a in &analysis.actors {
        let mut v = serde_json::to_value(a)?;
        if let Some(o) = v.as_object_mut() {
            o.insert("type".into(), "actor".into());
        }
        writeln!(out, "{}", serde_json::to_string(&v)?)?;
    }
    for p in &analysis.places {
        let mut v = serde_json::to_value(p)?;
        if let Some(o) = v.as_object_mut() {
            o.insert("type".into(), "place".into());
        }
        writeln!(out, "{}", serde_json::to_string(&v)?)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_dict(args: DictArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        DictCommand::Stats(a) => dict_stats(a),
    }
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn dict_stats(args: DictStatsArgs) -> anyhow::Result<ExitCode> {
    let total = Instant::now();
    let t = Instant::now();
    let actors = actors::ActorDictionary::builtin().context("actor dictionaries")?;
    let actors_ms = ms(t);
    let t = Instant::now();
    let ontology = ontology::Ontology::builtin().context("CAMEO ontology")?;
    let ontology_ms = ms(t);
    let t = Instant::now();
    let gaz = gazetteer::Gazetteer::builtin().context("gazetteer")?;
    gaz.force_load().context("gazetteer")?;
    let gaz_ms = ms(t);
    let t = Instant::now();
    let verbs = verbs::VerbDictionary::builtin().context("verb dictionary")?;
    let verbs_ms = ms(t);
    let builtin_ms = ms(total);
    // User dictionaries, loaded the way `--dict` loads them for coding.
    let mut kb = wirecoder_knowledge::KnowledgeBase {
        actors,
        ontology,
        gazetteer: gaz,
        verbs,
    };
    for path in &args.dict {
        for w in kb
            .load_user(path)
            .with_context(|| format!("loading {}", path.display()))?
        {
            eprintln!("wirecoder: skipped {w}");
        }
    }
    let s = kb.actors.stats();
    let rows: Vec<(&str, String)> = vec![
        ("countries", s.countries.to_string()),
        (
            "country names and adjectives",
            s.country_phrases.to_string(),
        ),
        ("metonyms", s.metonyms.to_string()),
        ("agent phrases", s.agents.to_string()),
        ("people", s.people.to_string()),
        ("organizations and groups", s.organizations.to_string()),
        ("agent-locating places", s.places.to_string()),
        ("actor phrases (all)", s.phrases.to_string()),
        ("discard phrases", s.discards.to_string()),
        ("gazetteer entries", kb.gazetteer.len().to_string()),
        ("verb lemmas", kb.verbs.lemma_count().to_string()),
        ("verb patterns", kb.verbs.pattern_count().to_string()),
        ("CAMEO codes", kb.ontology.len().to_string()),
        ("load ms: actors", format!("{actors_ms:.1}")),
        ("load ms: ontology", format!("{ontology_ms:.1}")),
        ("load ms: gazetteer", format!("{gaz_ms:.1}")),
        ("load ms: verbs", format!("{verbs_ms:.1}")),
        ("load ms: all built-ins", format!("{builtin_ms:.1}")),
    ];
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (k, v) in rows {
        writeln!(out, "{k:<30} {v:>10}")?;
    }
    Ok(ExitCode::SUCCESS)
}
