//! What the explorer page reads: the [`Network`] of the exports, with each
//! edge's statements reduced to what the page filters on (modality, date,
//! document), the actors' names for search, the documents' titles and URLs,
//! and (for a static page, or on demand from the endpoint) the evidence of
//! each edge.
//!
//! Nodes and edges keep the network's order (sorted by IRI and by key), so
//! the same store gives the same page, byte for byte.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Term};
use serde::Serialize;

use crate::error::Result;
use crate::model::{Modality, Polarity, Statement};
use crate::network::{Edge, Filter, Network};
use crate::ontology::Ontology;
use crate::store::Store;

const DCTERMS: &str = "http://purl.org/dc/terms/";

/// The page's data: everything but the evidence sentences.
#[derive(Clone, Debug, Serialize)]
pub struct PageData {
    /// `inline` when [`PageData::evidence`] holds every edge's statements,
    /// `api` when the page asks `/api/edge` for them.
    pub evidence_mode: &'static str,
    /// Relations present in the network, by gold name.
    pub relations: Vec<RelationInfo>,
    /// Actor classes present in the network, with their colours.
    pub classes: Vec<ClassInfo>,
    /// Documents that state at least one edge's statement.
    pub documents: Vec<DocInfo>,
    /// Actors, in the network's order (by IRI).
    pub nodes: Vec<NodeInfo>,
    /// Edges, in the network's order (by subject, relation, object, polarity).
    pub edges: Vec<EdgeInfo>,
    /// The dates statements carry, as written, sorted.
    pub dates: Vec<String>,
    /// Every edge's statements, edge after edge (`edges[0].n` first): in
    /// columns, so that a graph of half a million statements parses fast.
    pub statements: StatementColumns,
    /// For a static page: each edge's statements (same index as `edges`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Vec<Vec<EvidenceItem>>>,
}

/// A relation type.
#[derive(Clone, Debug, Serialize)]
pub struct RelationInfo {
    /// Gold name (`allied-with`).
    pub name: String,
    /// English label.
    pub label: String,
    /// Arabic label.
    pub label_ar: String,
    /// Symmetric relations have no direction.
    pub symmetric: bool,
}

/// An actor class.
#[derive(Clone, Debug, Serialize)]
pub struct ClassInfo {
    /// Local name (`ArmedGroup`).
    pub name: String,
    /// English label.
    pub label: String,
    /// `#rrggbb`, the colour the GEXF export gives it.
    pub color: String,
}

/// A document.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DocInfo {
    /// Its id (file name or JSON Lines id).
    pub id: String,
    /// Title, when known.
    pub title: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
}

/// An actor.
#[derive(Clone, Debug, Serialize)]
pub struct NodeInfo {
    /// IRI.
    pub id: String,
    /// English label.
    pub label: String,
    /// Arabic label.
    pub label_ar: String,
    /// Index into [`PageData::classes`].
    pub class: usize,
    /// Other names (lexicon aliases, acronyms), for search.
    pub aliases: Vec<String>,
    /// Mentions over all documents.
    pub mentions: usize,
    /// Minted by discovery.
    pub discovered: bool,
}

/// The qualifiers the page filters statements on, one column each.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StatementColumns {
    /// 0 asserted, 1 reported, 2 hedged.
    pub modality: Vec<u8>,
    /// Index into [`PageData::dates`], or -1 when undated.
    pub date: Vec<i64>,
    /// Index into [`PageData::documents`].
    pub doc: Vec<usize>,
}

/// An edge; its statements are the next `n` of [`PageData::statements`].
#[derive(Clone, Debug, Serialize)]
pub struct EdgeInfo {
    /// Index of the subject in [`PageData::nodes`].
    pub s: usize,
    /// Index of the object.
    pub o: usize,
    /// Index into [`PageData::relations`].
    pub r: usize,
    /// Whether its statements deny the relation.
    pub neg: bool,
    /// Number of its statements.
    pub n: usize,
}

/// One statement behind an edge, with its evidence.
#[derive(Clone, Debug, Serialize)]
pub struct EvidenceItem {
    /// The sentence, quoted from the original document.
    pub sentence: String,
    /// The words that state the relation, as UTF-16 offsets into
    /// `sentence` (what JavaScript strings index), when they lie inside it.
    pub focus: Option<(usize, usize)>,
    /// `pos` or `neg`.
    pub polarity: &'static str,
    /// `asserted`, `reported` or `hedged`.
    pub modality: &'static str,
    /// Date as written.
    pub date: Option<String>,
    /// Index into [`PageData::documents`].
    pub doc: usize,
    /// Numbers stated with it, as written.
    pub quantities: Vec<String>,
    /// The named source of a reported claim.
    pub attributed_to: Option<String>,
    /// Byte span of the sentence in the original file.
    pub span: (usize, usize),
}

/// The page data and, per edge key, the statements behind it.
#[derive(Clone, Debug)]
pub struct Model {
    /// What the page reads.
    pub data: PageData,
    /// Evidence by edge index (the same as `data.edges`).
    pub evidence: Vec<Vec<EvidenceItem>>,
    /// Edge index by (subject IRI, relation, object IRI, polarity).
    pub index: HashMap<(String, String, String, Polarity), usize>,
}

impl Model {
    /// Reads the store into a model: the network under `filter` (with
    /// negated statements always kept: the page has its own switch).
    pub fn build(store: &Store, ontology: &Ontology, filter: &Filter) -> Result<Model> {
        let filter = Filter {
            include_negated: true,
            ..filter.clone()
        };
        let statements = store.statements()?;
        let net = Network::build(store.actors()?, &statements, &ontology.relations, &filter);
        let docs = documents(store)?;
        Ok(Model::from_network(&net, &statements, ontology, &docs))
    }

    /// Assembles the model from a network and the statements it was built from.
    pub fn from_network(
        net: &Network,
        statements: &[Statement],
        ontology: &Ontology,
        docs: &BTreeMap<String, DocInfo>,
    ) -> Model {
        let by_iri: HashMap<String, &Statement> = statements.iter().map(|s| (s.iri(), s)).collect();

        let relation_names: BTreeSet<&str> =
            net.edges.iter().map(|e| e.relation.as_str()).collect();
        let relations: Vec<RelationInfo> = relation_names
            .iter()
            .map(|name| match ontology.relation(name) {
                Some(d) => RelationInfo {
                    name: d.name.clone(),
                    label: d.label.clone(),
                    label_ar: d.label_ar.clone(),
                    symmetric: d.symmetric,
                },
                None => RelationInfo {
                    name: name.to_string(),
                    label: name.to_string(),
                    label_ar: String::new(),
                    symmetric: false,
                },
            })
            .collect();
        let rel_index: HashMap<&str, usize> = relations
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.as_str(), i))
            .collect();

        let class_names: BTreeSet<&str> =
            net.nodes.iter().map(|n| n.actor.class.as_str()).collect();
        let classes: Vec<ClassInfo> = class_names
            .iter()
            .map(|name| {
                let (r, g, b) = crate::export::class_color(name);
                ClassInfo {
                    name: name.to_string(),
                    label: ontology
                        .classes
                        .get(*name)
                        .map(|c| c.label.clone())
                        .filter(|l| !l.is_empty())
                        .unwrap_or_else(|| name.to_string()),
                    color: format!("#{r:02x}{g:02x}{b:02x}"),
                }
            })
            .collect();
        let class_index: HashMap<&str, usize> = classes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();

        let node_index: HashMap<&str, usize> = net
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.actor.iri.as_str(), i))
            .collect();
        let nodes: Vec<NodeInfo> = net
            .nodes
            .iter()
            .map(|n| {
                let a = &n.actor;
                let mut aliases: Vec<String> = Vec::new();
                if let Some(entry) = ontology.entry(&a.iri) {
                    for name in entry
                        .aliases_ar
                        .iter()
                        .chain(&entry.aliases_latin)
                        .chain(&entry.acronyms)
                    {
                        if *name != a.label && *name != a.label_ar && !aliases.contains(name) {
                            aliases.push(name.clone());
                        }
                    }
                }
                NodeInfo {
                    id: a.iri.clone(),
                    label: a.label.clone(),
                    label_ar: a.label_ar.clone(),
                    class: class_index[a.class.as_str()],
                    aliases,
                    mentions: n.mentions,
                    discovered: a.discovered,
                }
            })
            .collect();

        // Documents in id order, only those that state something shown.
        let used_docs: BTreeSet<&str> = net
            .edges
            .iter()
            .flat_map(|e| e.documents.iter().map(String::as_str))
            .collect();
        let documents: Vec<DocInfo> = used_docs
            .iter()
            .map(|id| {
                docs.get(*id).cloned().unwrap_or_else(|| DocInfo {
                    id: id.to_string(),
                    ..DocInfo::default()
                })
            })
            .collect();
        let doc_index: HashMap<&str, usize> =
            used_docs.iter().enumerate().map(|(i, d)| (*d, i)).collect();

        let dates: Vec<String> = statements
            .iter()
            .filter_map(|s| s.date.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let date_index: HashMap<&str, i64> = dates
            .iter()
            .enumerate()
            .map(|(i, d)| (d.as_str(), i as i64))
            .collect();
        let mut columns = StatementColumns::default();
        let mut edges = Vec::with_capacity(net.edges.len());
        let mut evidence = Vec::with_capacity(net.edges.len());
        let mut index = HashMap::with_capacity(net.edges.len());
        for (i, e) in net.edges.iter().enumerate() {
            let sts = edge_statements(e, &by_iri);
            edges.push(EdgeInfo {
                s: node_index[e.subject.as_str()],
                o: node_index[e.object.as_str()],
                r: rel_index[e.relation.as_str()],
                neg: e.polarity == Polarity::Neg,
                n: sts.len(),
            });
            for st in &sts {
                columns.modality.push(modality_code(st.modality));
                columns
                    .date
                    .push(st.date.as_deref().map_or(-1, |d| date_index[d]));
                columns.doc.push(doc_index[st.doc.as_str()]);
            }
            evidence.push(
                sts.iter()
                    .map(|s| evidence_item(s, doc_index[s.doc.as_str()]))
                    .collect(),
            );
            index.insert(
                (
                    e.subject.clone(),
                    e.relation.clone(),
                    e.object.clone(),
                    e.polarity,
                ),
                i,
            );
        }

        Model {
            data: PageData {
                evidence_mode: "api",
                relations,
                classes,
                documents,
                nodes,
                edges,
                dates,
                statements: columns,
                evidence: None,
            },
            evidence,
            index,
        }
    }

    /// The page data with every edge's evidence inlined (the static page).
    pub fn with_inline_evidence(&self) -> PageData {
        PageData {
            evidence_mode: "inline",
            evidence: Some(self.evidence.clone()),
            ..self.data.clone()
        }
    }
}

/// An edge's statements, in the network's evidence order (by document, then
/// position in it), so that the first is the one the exports quote.
fn edge_statements<'a>(e: &Edge, by_iri: &HashMap<String, &'a Statement>) -> Vec<&'a Statement> {
    let mut sts: Vec<&Statement> = e
        .statements
        .iter()
        .filter_map(|iri| by_iri.get(iri).copied())
        .collect();
    sts.sort_by(|a, b| {
        (&a.doc, a.evidence.span.start, a.evidence.focus.start).cmp(&(
            &b.doc,
            b.evidence.span.start,
            b.evidence.focus.start,
        ))
    });
    sts
}

fn modality_code(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Reported => 1,
        Modality::Hedged => 2,
    }
}

fn evidence_item(s: &Statement, doc: usize) -> EvidenceItem {
    let ev = &s.evidence;
    let sentence = &ev.sentence;
    // Byte offsets of the focus inside the sentence, then UTF-16 units.
    let focus = ev
        .focus
        .start
        .checked_sub(ev.span.start)
        .zip(ev.focus.end.checked_sub(ev.span.start))
        .filter(|&(a, b)| {
            a < b
                && b <= sentence.len()
                && sentence.is_char_boundary(a)
                && sentence.is_char_boundary(b)
        })
        .map(|(a, b)| {
            let ua = sentence[..a].encode_utf16().count();
            (ua, ua + sentence[a..b].encode_utf16().count())
        });
    EvidenceItem {
        sentence: sentence.clone(),
        focus,
        polarity: s.polarity.as_str(),
        modality: s.modality.as_str(),
        date: s.date.clone(),
        doc,
        quantities: s.quantities.iter().map(|q| q.text.clone()).collect(),
        attributed_to: s.attributed_to.clone(),
        span: (ev.span.start, ev.span.end),
    }
}

/// Every document's id, title and URL (`dcterms:identifier`, `title`,
/// `source` of each document graph), by id.
pub fn documents(store: &Store) -> Result<BTreeMap<String, DocInfo>> {
    let ident = NamedNode::new_unchecked(format!("{DCTERMS}identifier"));
    let title = NamedNode::new_unchecked(format!("{DCTERMS}title"));
    let source = NamedNode::new_unchecked(format!("{DCTERMS}source"));
    // Keyed by (document graph, document node): the document describes
    // itself in its own graph.
    let mut by_node: HashMap<(NamedNode, NamedOrBlankNode), DocInfo> = HashMap::new();
    for q in store.quads_with_predicate(ident.as_str())? {
        if let (GraphName::NamedNode(g), Term::Literal(l)) = (q.graph_name, q.object) {
            by_node.entry((g, q.subject)).or_default().id = l.value().to_string();
        }
    }
    for (pred, is_title) in [(&title, true), (&source, false)] {
        for q in store.quads_with_predicate(pred.as_str())? {
            let (GraphName::NamedNode(g), Term::Literal(l)) = (q.graph_name, q.object) else {
                continue;
            };
            if let Some(d) = by_node.get_mut(&(g, q.subject)) {
                let v = Some(l.value().to_string());
                if is_title {
                    d.title = v;
                } else {
                    d.url = v;
                }
            }
        }
    }
    Ok(by_node
        .into_values()
        .filter(|d| !d.id.is_empty())
        .map(|d| (d.id.clone(), d))
        .collect())
}
