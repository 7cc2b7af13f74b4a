//! N-Quads of documents and of the ontology for a store's own bulk loader
//! (`extract --nquads`, see docs/scale.md): exactly what a build stores.

use oxigraph::model::Quad;

use super::{LEXICON_GRAPH, ONTOLOGY_GRAPH, file, rdf, storage_error};
use crate::error::Result;
use crate::ontology::Ontology;

/// The quads of one document's graph as sorted N-Quads lines (each ending
/// with a newline): exactly the document graph a build stores, for a
/// store's own bulk loader (`extract --nquads`). The records of the network
/// view are not included: readers of a remote store make them, and an
/// embedded store loaded this way reads statements from the quads.
pub fn document_nquads(
    extraction: &crate::model::Extraction,
    ontology: &Ontology,
) -> Result<String> {
    canonical_lines(rdf::document_quads(extraction, ontology)?)
}

/// The ontology and lexicon graphs as sorted N-Quads lines, as a build
/// stores them (see [`document_nquads`]).
pub fn ontology_nquads(ontology: &Ontology) -> Result<String> {
    canonical_lines(
        [
            (ONTOLOGY_GRAPH, &ontology.ontology_quads, "o"),
            (LEXICON_GRAPH, &ontology.lexicon_quads, "l"),
        ]
        .into_iter()
        .flat_map(|(graph, quads, prefix)| rdf::graph_quads(quads, graph, prefix))
        .collect(),
    )
}

/// Quads as sorted, distinct N-Quads lines in the lexical forms a store
/// gives back (Oxigraph keeps `"5.3600"^^xsd:decimal` as `"5.36"`), so that
/// a file loaded by a bulk loader holds what a build would have stored.
fn canonical_lines(quads: Vec<Quad>) -> Result<String> {
    let store = oxigraph::store::Store::new().map_err(storage_error)?;
    let mut loader = store.bulk_loader();
    loader.load_quads(quads).map_err(storage_error)?;
    loader.commit().map_err(storage_error)?;
    Ok(file::sorted_lines(&store)?.concat())
}
