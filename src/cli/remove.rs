//! `actorgraph remove`: drops documents (by id) and everything derived from them.

use std::path::PathBuf;
use std::process::ExitCode;

use actorgraph::store::Store;

use super::Global;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Ids of the documents to remove (file name, or the `id` of a JSON Lines record).
    #[arg(required = true, value_name = "DOC")]
    docs: Vec<String>,
    /// Also refresh the exports in this folder afterwards.
    #[arg(long, value_name = "DIR")]
    exports: Option<PathBuf>,
}

pub(crate) fn run(global: &Global, args: Args) -> anyhow::Result<ExitCode> {
    let mut store = Store::open(&global.store)?;
    let mut unknown = Vec::new();
    for id in &args.docs {
        if store.remove(id)? {
            println!("removed    {id}");
        } else {
            unknown.push(id.as_str());
        }
    }
    store.save()?;
    if let Some(dir) = &args.exports {
        let res = global.resources()?;
        if store.is_remote() {
            // A remote writer holds no copy of the documents: read them back.
            let reader = Store::open_read_only(&global.store)?;
            actorgraph::export::refresh_exports(&reader, &res.ontology, dir)?;
        } else {
            actorgraph::export::refresh_exports(&store, &res.ontology, dir)?;
        }
    }
    if unknown.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let known = store.document_ids()?;
    for id in unknown {
        let mut close: Vec<&String> = known
            .iter()
            .filter(|k| strsim::jaro_winkler(k, id) > 0.85)
            .collect();
        close.truncate(3);
        let hint = if close.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = close.iter().map(|s| s.as_str()).collect();
            format!("; did you mean {}?", names.join(", "))
        };
        eprintln!(
            "actorgraph: no document {id:?} in store {}{hint} ({} documents stored)",
            global.store.display(),
            known.len()
        );
    }
    Ok(ExitCode::from(1))
}
