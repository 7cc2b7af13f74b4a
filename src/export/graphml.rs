//! GraphML with typed keys that Gephi, networkx and graphology all read.
//!
//! Gephi's importer matches keys by id, then by `attr.name`, and treats the
//! ids `d3` and `d7` as the node and edge label: so key ids here are names
//! (`label`, `weight`, `relation` …), never `d0…dN`. Only the six GraphML
//! types are used (networkx and graphology reject Gephi's list types), every
//! key has `for`, and every edge has a unique id. All edges are directed:
//! networkx rejects a graph that mixes directed and undirected edges, so a
//! symmetric relation is one edge (subject < object) marked `symmetric`.

use std::io::{Result, Write};

use super::{View, Xml, class_color, display_label, edge_id};

/// A GraphML key: id, `for`, `attr.name`, `attr.type`.
struct Key(&'static str, &'static str, &'static str, &'static str);

const KEYS: &[Key] = &[
    Key("label", "node", "label", "string"),
    Key("label_ar", "node", "label_ar", "string"),
    Key("type", "node", "type", "string"),
    Key("mentions", "node", "mentions", "int"),
    Key("documents", "node", "documents", "int"),
    Key("discovered", "node", "discovered", "boolean"),
    Key("latitude", "node", "latitude", "double"),
    Key("longitude", "node", "longitude", "double"),
    // Gephi reads node keys r, g, b as the node's colour.
    Key("r", "node", "r", "int"),
    Key("g", "node", "g", "int"),
    Key("b", "node", "b", "int"),
    // Gephi reads the edge key id `edgelabel` as the edge label; its
    // attr.name keeps the usual name for other readers.
    Key("edgelabel", "edge", "label", "string"),
    Key("weight", "edge", "weight", "int"),
    Key("relation", "edge", "relation", "string"),
    Key("polarity", "edge", "polarity", "string"),
    Key("modality", "edge", "modality", "string"),
    Key("asserted", "edge", "asserted", "int"),
    Key("reported", "edge", "reported", "int"),
    Key("hedged", "edge", "hedged", "int"),
    Key("symmetric", "edge", "symmetric", "boolean"),
    Key("first_date", "edge", "first_date", "string"),
    Key("last_date", "edge", "last_date", "string"),
    // Node and edge keys share one id space.
    Key("edge_documents", "edge", "documents", "string"),
    Key("evidence", "edge", "evidence", "string"),
    Key("evidence_doc", "edge", "evidence_doc", "string"),
];

pub(super) fn write(view: &View, out: &mut dyn Write) -> Result<()> {
    let mut x = Xml::new(out)?;
    x.open(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )?;
    for Key(id, for_, name, ty) in KEYS {
        x.empty(
            "key",
            &[
                ("id", id),
                ("for", for_),
                ("attr.name", name),
                ("attr.type", ty),
            ],
        )?;
    }
    x.open(
        "graph",
        &[("id", "actorgraph"), ("edgedefault", "directed")],
    )?;
    for n in &view.net.nodes {
        let a = &n.actor;
        x.open("node", &[("id", &a.iri)])?;
        data(&mut x, "label", display_label(n))?;
        data(&mut x, "label_ar", &a.label_ar)?;
        data(&mut x, "type", &a.class)?;
        data(&mut x, "mentions", &n.mentions.to_string())?;
        data(&mut x, "documents", &n.documents.to_string())?;
        data(&mut x, "discovered", bool_str(a.discovered))?;
        if let Some(lat) = a.lat {
            data(&mut x, "latitude", &lat.to_string())?;
        }
        if let Some(long) = a.long {
            data(&mut x, "longitude", &long.to_string())?;
        }
        let (r, g, b) = class_color(&a.class);
        data(&mut x, "r", &r.to_string())?;
        data(&mut x, "g", &g.to_string())?;
        data(&mut x, "b", &b.to_string())?;
        x.close("node")?;
    }
    for e in &view.net.edges {
        let id = edge_id(e);
        x.open(
            "edge",
            &[("id", &id), ("source", &e.subject), ("target", &e.object)],
        )?;
        data(&mut x, "edgelabel", &e.relation)?;
        data(&mut x, "weight", &e.weight.to_string())?;
        data(&mut x, "relation", &e.relation)?;
        data(&mut x, "polarity", e.polarity.as_str())?;
        data(&mut x, "modality", e.modality.as_str())?;
        data(&mut x, "asserted", &e.modalities.asserted.to_string())?;
        data(&mut x, "reported", &e.modalities.reported.to_string())?;
        data(&mut x, "hedged", &e.modalities.hedged.to_string())?;
        data(&mut x, "symmetric", bool_str(e.symmetric))?;
        data(&mut x, "first_date", e.first_date.as_deref().unwrap_or(""))?;
        data(&mut x, "last_date", e.last_date.as_deref().unwrap_or(""))?;
        data(&mut x, "edge_documents", &e.documents.join("; "))?;
        data(&mut x, "evidence", &e.evidence)?;
        data(&mut x, "evidence_doc", &e.evidence_doc)?;
        x.close("edge")?;
    }
    x.close("graph")?;
    x.close("graphml")?;
    x.finish()
}

/// `<data key=…>value</data>`, left out when the value is empty (Gephi
/// ignores blank values and networkx would read them as "").
fn data(x: &mut Xml<'_>, key: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Ok(());
    }
    x.text("data", &[("key", key)], value)
}

fn bool_str(b: bool) -> &'static str {
    if b { "true" } else { "false" }
}
