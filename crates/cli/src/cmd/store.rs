//! `ingest`, `export`, `serve`: the database side.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct IngestArgs {}
#[derive(Debug, clap::Args)]
pub struct ExportArgs {}
#[derive(Debug, clap::Args)]
pub struct ServeArgs {}

pub fn run_ingest(_args: IngestArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("ingest is not implemented yet")
}
pub fn run_export(_args: ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("export is not implemented yet")
}
pub fn run_serve(_args: ServeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("serve is not implemented yet")
}
