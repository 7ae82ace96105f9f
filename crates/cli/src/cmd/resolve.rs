//! `resolve` and `dict`: ask what wirecoder recognises in a text; dictionary statistics.

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ResolveArgs {
    /// Text to analyse.
    pub text: String,
}

#[derive(Debug, clap::Args)]
pub struct DictArgs {}

pub fn run_resolve(_args: ResolveArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("resolve is not implemented yet")
}

pub fn run_dict(_args: DictArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("dict is not implemented yet")
}
