//! GEXF 1.3 (namespaces `http://gexf.net/1.3` and `http://gexf.net/1.3/viz`)
//! with declared attributes, `viz:color` by actor class and, in dynamic
//! mode, edge spells from the statements' dates.
//!
//! Written to the subset that Gephi, networkx 3.x and graphology-gexf all
//! read: colours as `r`/`g`/`b` (networkx rejects `hex`), every attvalue
//! declared (networkx and graphology reject undeclared ones),
//! `timeformat="date"` with whole `YYYY-MM-DD` days (networkx rejects
//! `dateTime` and a `start` without `timeformat`), unique edge ids
//! (graphology merges duplicates). Every edge is directed, for the reason
//! given in the GraphML writer; `kind` is the relation, which keeps
//! different relations between the same pair as parallel edges in Gephi.

use std::io::{Result, Write};

use super::{View, Xml, class_color, display_label, edge_id};

/// An attribute: id (also its title, as graphology takes a non-numeric id
/// for the title), GEXF type.
const NODE_ATTRS: &[(&str, &str)] = &[
    ("label_ar", "string"),
    ("type", "string"),
    ("mentions", "integer"),
    ("documents", "integer"),
    ("discovered", "boolean"),
    ("latitude", "double"),
    ("longitude", "double"),
];

const EDGE_ATTRS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("polarity", "string"),
    ("modality", "string"),
    ("asserted", "integer"),
    ("reported", "integer"),
    ("hedged", "integer"),
    ("symmetric", "boolean"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("documents", "string"),
    ("evidence", "string"),
    ("evidence_doc", "string"),
];

pub(super) fn write(view: &View, dynamic: bool, out: &mut dyn Write) -> Result<()> {
    let mut x = Xml::new(out)?;
    x.open(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("version", "1.3"),
        ],
    )?;
    // No lastmodifieddate: the same store must give the same bytes.
    x.open("meta", &[])?;
    x.text("creator", &[], "actorgraph")?;
    x.text(
        "description",
        &[],
        "Actors of the Sahel conflict and their relations, extracted from Arabic news articles",
    )?;
    x.close("meta")?;

    let mut graph = vec![("defaultedgetype", "directed")];
    if dynamic {
        graph.extend([("mode", "dynamic"), ("timeformat", "date")]);
    }
    x.open("graph", &graph)?;
    declare(&mut x, "node", NODE_ATTRS)?;
    declare(&mut x, "edge", EDGE_ATTRS)?;

    x.open("nodes", &[("count", &view.net.nodes.len().to_string())])?;
    for n in &view.net.nodes {
        let a = &n.actor;
        x.open("node", &[("id", &a.iri), ("label", display_label(n))])?;
        x.open("attvalues", &[])?;
        attvalue(&mut x, "label_ar", &a.label_ar)?;
        attvalue(&mut x, "type", &a.class)?;
        attvalue(&mut x, "mentions", &n.mentions.to_string())?;
        attvalue(&mut x, "documents", &n.documents.to_string())?;
        attvalue(&mut x, "discovered", &a.discovered.to_string())?;
        if let Some(lat) = a.lat {
            attvalue(&mut x, "latitude", &lat.to_string())?;
        }
        if let Some(long) = a.long {
            attvalue(&mut x, "longitude", &long.to_string())?;
        }
        x.close("attvalues")?;
        let (r, g, b) = class_color(&a.class);
        x.empty(
            "viz:color",
            &[
                ("r", &r.to_string()),
                ("g", &g.to_string()),
                ("b", &b.to_string()),
            ],
        )?;
        x.close("node")?;
    }
    x.close("nodes")?;

    x.open("edges", &[("count", &view.net.edges.len().to_string())])?;
    for (e, spells) in view.net.edges.iter().zip(&view.spells) {
        let id = edge_id(e);
        let weight = e.weight.to_string();
        x.open(
            "edge",
            &[
                ("id", &id),
                ("source", &e.subject),
                ("target", &e.object),
                ("label", &e.relation),
                ("kind", &e.relation),
                ("weight", &weight),
            ],
        )?;
        x.open("attvalues", &[])?;
        attvalue(&mut x, "relation", &e.relation)?;
        attvalue(&mut x, "polarity", e.polarity.as_str())?;
        attvalue(&mut x, "modality", e.modality.as_str())?;
        attvalue(&mut x, "asserted", &e.modalities.asserted.to_string())?;
        attvalue(&mut x, "reported", &e.modalities.reported.to_string())?;
        attvalue(&mut x, "hedged", &e.modalities.hedged.to_string())?;
        attvalue(&mut x, "symmetric", &e.symmetric.to_string())?;
        attvalue(&mut x, "first_date", e.first_date.as_deref().unwrap_or(""))?;
        attvalue(&mut x, "last_date", e.last_date.as_deref().unwrap_or(""))?;
        attvalue(&mut x, "documents", &e.documents.join("; "))?;
        attvalue(&mut x, "evidence", &e.evidence)?;
        attvalue(&mut x, "evidence_doc", &e.evidence_doc)?;
        x.close("attvalues")?;
        // An edge without spells exists at all times; an undated relation
        // is thus always visible on Gephi's timeline.
        if dynamic && !spells.is_empty() {
            x.open("spells", &[])?;
            for (start, end) in spells {
                x.empty("spell", &[("start", start), ("end", end)])?;
            }
            x.close("spells")?;
        }
        x.close("edge")?;
    }
    x.close("edges")?;
    x.close("graph")?;
    x.close("gexf")?;
    x.finish()
}

fn declare(x: &mut Xml<'_>, class: &str, attrs: &[(&str, &str)]) -> Result<()> {
    x.open("attributes", &[("class", class), ("mode", "static")])?;
    for (id, ty) in attrs {
        x.empty("attribute", &[("id", id), ("title", id), ("type", ty)])?;
    }
    x.close("attributes")
}

/// `<attvalue for=… value=…/>`, left out when the value is empty.
fn attvalue(x: &mut Xml<'_>, id: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Ok(());
    }
    x.empty("attvalue", &[("for", id), ("value", value)])
}
