//! `actorgraph neighbors|path|explain|rank|communities`. (Placeholder: implemented by the traversal work.)

use std::process::ExitCode;

use super::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct NeighborsArgs {}
#[derive(Debug, clap::Args)]
pub(crate) struct PathArgs {}
#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {}
#[derive(Debug, clap::Args)]
pub(crate) struct RankArgs {}
#[derive(Debug, clap::Args)]
pub(crate) struct CommunitiesArgs {}

pub(crate) fn neighbors(_g: &Global, _a: NeighborsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
pub(crate) fn path(_g: &Global, _a: PathArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
pub(crate) fn explain(_g: &Global, _a: ExplainArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
pub(crate) fn rank(_g: &Global, _a: RankArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
pub(crate) fn communities(_g: &Global, _a: CommunitiesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
