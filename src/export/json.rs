//! Node-link JSON as networkx 3.x's `node_link_graph` reads it by default
//! (`nodes`, `edges`, `source`, `target`, `key`), directed and multigraph
//! since two actors can have several relations. d3's force layout takes the
//! same objects (`d3.forceLink(data.edges).id(d => d.id)`).

use std::io::{Result, Write};

use serde::Serialize;

use super::{View, display_label, edge_id};

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphInfo,
    nodes: Vec<JsonNode<'a>>,
    edges: Vec<JsonEdge<'a>>,
}

#[derive(Serialize)]
struct GraphInfo {
    name: &'static str,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    label: &'a str,
    label_ar: &'a str,
    #[serde(rename = "type")]
    class: &'a str,
    mentions: usize,
    documents: usize,
    discovered: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    longitude: Option<f64>,
}

#[derive(Serialize)]
struct JsonEdge<'a> {
    source: &'a str,
    target: &'a str,
    /// networkx's multigraph key; the same id as in GraphML and GEXF.
    key: String,
    relation: &'a str,
    weight: usize,
    polarity: &'static str,
    modality: &'static str,
    asserted: usize,
    reported: usize,
    hedged: usize,
    symmetric: bool,
    first_date: Option<&'a str>,
    last_date: Option<&'a str>,
    documents: &'a [String],
    evidence: &'a str,
    evidence_doc: &'a str,
    /// Dated intervals `[start, end]` (whole days), as GEXF's spells.
    spells: &'a [(String, String)],
}

pub(super) fn write(view: &View, out: &mut dyn Write) -> Result<()> {
    let doc = NodeLink {
        directed: true,
        multigraph: true,
        graph: GraphInfo { name: "actorgraph" },
        nodes: view
            .net
            .nodes
            .iter()
            .map(|n| JsonNode {
                id: &n.actor.iri,
                label: display_label(n),
                label_ar: &n.actor.label_ar,
                class: &n.actor.class,
                mentions: n.mentions,
                documents: n.documents,
                discovered: n.actor.discovered,
                latitude: n.actor.lat,
                longitude: n.actor.long,
            })
            .collect(),
        edges: view
            .net
            .edges
            .iter()
            .zip(&view.spells)
            .map(|(e, spells)| JsonEdge {
                source: &e.subject,
                target: &e.object,
                key: edge_id(e),
                relation: &e.relation,
                weight: e.weight,
                polarity: e.polarity.as_str(),
                modality: e.modality.as_str(),
                asserted: e.modalities.asserted,
                reported: e.modalities.reported,
                hedged: e.modalities.hedged,
                symmetric: e.symmetric,
                first_date: e.first_date.as_deref(),
                last_date: e.last_date.as_deref(),
                documents: &e.documents,
                evidence: &e.evidence,
                evidence_doc: &e.evidence_doc,
                spells,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}
