//! `wirecoder`: turns news into event data — who did what to whom, when and where, and who
//! said so. This binary only parses arguments and wires the library crates together.

mod cmd;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "wirecoder",
    version,
    about = "Turn news text into CAMEO/PLOVER event data",
    after_help = "Examples:\n  wirecoder analyze examples/seed.txt --doc-date 2016-06-10\n  wirecoder code corpus/ --doc-date 2016-06-10 > events.jsonl\n  cat article.txt | wirecoder code - --doc-date 2024-01-05\n  wirecoder resolve \"Iranian Defense Minister General Hossein Dehghan\" --date 2016-06-09\n  wirecoder ingest corpus/ --db news.db && wirecoder export --db news.db --format gdelt"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print one JSON event per line for every input document.
    Code(cmd::analyze::CodeArgs),
    /// Print one JSON object per document: sentences, actors, places, dates, quotes, events.
    Analyze(cmd::analyze::AnalyzeArgs),
    /// Print every actor and place recognised in TEXT, one JSON object per line.
    Resolve(cmd::resolve::ResolveArgs),
    /// Dictionary tools.
    Dict(cmd::resolve::DictArgs),
    /// Run an evaluation suite and print its scores.
    Eval(cmd::eval::EvalArgs),
    /// Measure throughput and memory of the whole pipeline.
    Bench(cmd::bench::BenchArgs),
    /// Code documents into the embedded database.
    Ingest(cmd::store::IngestArgs),
    /// Export events from the database.
    Export(cmd::store::ExportArgs),
    /// Serve the HTTP API and dashboard.
    Serve(cmd::store::ServeArgs),
}

fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("WIRECODER_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::analyze::run_code(a),
        Command::Analyze(a) => cmd::analyze::run_analyze(a),
        Command::Resolve(a) => cmd::resolve::run_resolve(a),
        Command::Dict(a) => cmd::resolve::run_dict(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Ingest(a) => cmd::store::run_ingest(a),
        Command::Export(a) => cmd::store::run_export(a),
        Command::Serve(a) => cmd::store::run_serve(a),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`wirecoder code ... | head`): stop quietly, like other tools.
        Err(e) if is_broken_pipe(&e) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wirecoder: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

/// Whether an error was caused, at any depth, by writing to a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}
