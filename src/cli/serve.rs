//! `actorgraph serve`. (Placeholder: implemented by the serve work.)

use std::process::ExitCode;

use super::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_global: &Global, _args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
