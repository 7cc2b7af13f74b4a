//! Reading statements and actors back from the store: from the view
//! records when they are complete, else from the documents' quads; and the
//! per-actor records written when a store is saved.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use oxigraph::model::vocab::rdf as rdfv;
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};

use super::{LEXICON_GRAPH, ONTOLOGY_GRAPH, Store, rdf, view};
use crate::error::{Error, Result};
use crate::model::{ActorStats, Statement};

impl Store {
    /// Every stored statement, sorted by document, evidence position and IRI.
    /// Read from the view records (one scan of one predicate); a store whose
    /// records are incomplete (written by an older version) is read from the
    /// documents' quads.
    pub fn statements(&self) -> Result<Vec<Statement>> {
        if self.marked {
            self.statements_from_view()
        } else {
            self.statements_from_quads()
        }
    }

    /// [`Store::actors`] and [`Store::statements`] together: what the
    /// network view is built from.
    pub fn actors_and_statements(&self) -> Result<(Vec<ActorStats>, Vec<Statement>)> {
        Ok((self.actors()?, self.statements()?))
    }

    /// The statements that name any of `actors` (as subject or object),
    /// sorted as [`Store::statements`], found through the view's index of
    /// statements by actor without reading the others. `None` when the
    /// store has no complete view records (read every statement instead).
    pub fn statements_about(&self, actors: &[&str]) -> Result<Option<Vec<Statement>>> {
        if !self.marked {
            return Ok(None);
        }
        let (vg, json, stmt) = (view::graph(), view::json(), view::stmt());
        let vg = GraphNameRef::NamedNode(vg.as_ref());
        let mut nodes: BTreeSet<NamedNode> = BTreeSet::new();
        for a in actors {
            let Ok(a) = NamedNode::new(*a) else { continue };
            for q in self.inner.quads_for_pattern(
                Some(a.as_ref().into()),
                Some(stmt.as_ref()),
                None,
                Some(vg),
            ) {
                if let Term::NamedNode(n) = q.map_err(|e| self.err(e))?.object {
                    nodes.insert(n);
                }
            }
        }
        let mut out = Vec::with_capacity(nodes.len());
        for n in nodes {
            let q = self
                .inner
                .quads_for_pattern(Some(n.as_ref().into()), Some(json.as_ref()), None, Some(vg))
                .next()
                .transpose()
                .map_err(|e| self.err(e))?;
            if let Some(Quad {
                object: Term::Literal(l),
                ..
            }) = q
            {
                out.push((view::parse(n.as_str(), l.value())?, n.into_string()));
            }
        }
        Ok(Some(sort_statements(out)))
    }

    pub(super) fn statements_from_view(&self) -> Result<Vec<Statement>> {
        use rayon::prelude::*;
        let (vg, json) = (view::graph(), view::json());
        let mut texts: Vec<(String, String)> = Vec::new();
        for q in self.inner.quads_for_pattern(
            None,
            Some(json.as_ref()),
            None,
            Some(GraphNameRef::NamedNode(vg.as_ref())),
        ) {
            let q = q.map_err(|e| self.err(e))?;
            if let (NamedOrBlankNode::NamedNode(n), Term::Literal(l)) = (q.subject, q.object) {
                texts.push((n.into_string(), l.destruct().0));
            }
        }
        // Parsing is most of the work: on every core.
        let out = texts
            .into_par_iter()
            .map(|(n, text)| Ok((view::parse(&n, &text)?, n)))
            .collect::<Result<Vec<_>>>()?;
        Ok(sort_statements(out))
    }

    pub(super) fn statements_from_quads(&self) -> Result<Vec<Statement>> {
        let gold = rdf::gold_names(&self.inner)?;
        let ty = rdf::ag("Statement");
        let mut doc_ids: HashMap<NamedNode, Option<String>> = HashMap::new();
        let mut out = Vec::new();
        for q in
            self.inner
                .quads_for_pattern(None, Some(rdfv::TYPE), Some(ty.as_ref().into()), None)
        {
            let q = q.map_err(|e| self.err(e))?;
            let (NamedOrBlankNode::NamedNode(node), GraphName::NamedNode(graph)) =
                (q.subject, q.graph_name)
            else {
                continue;
            };
            let doc = match doc_ids.get(&graph) {
                Some(d) => d.clone(),
                None => {
                    let p = rdf::props(&self.inner, graph.as_ref(), graph.as_ref())?;
                    let d = p.0.iter().find_map(|(k, v)| match v {
                        Term::Literal(l) if *k == rdf::terms::identifier() => {
                            Some(l.value().to_string())
                        }
                        _ => None,
                    });
                    doc_ids.insert(graph.clone(), d.clone());
                    d
                }
            };
            let doc = doc.ok_or_else(|| {
                self.err(format!(
                    "statement <{}> in graph <{}> is in a graph without a document",
                    node.as_str(),
                    graph.as_str()
                ))
            })?;
            let st = read_statement(&node, &graph, &doc, &gold, &mut |n| {
                rdf::props(&self.inner, n.as_ref(), graph.as_ref())
            })
            .map_err(|e| self.err(e))?;
            out.push((st, node.into_string()));
        }
        Ok(sort_statements(out))
    }

    /// Every actor that some document mentions or some statement names,
    /// sorted by IRI, with its mention and document counts. Lexicon actors
    /// are described by the lexicon graph, discovered ones by the first
    /// document graph (in IRI order) that describes them.
    pub fn actors(&self) -> Result<Vec<ActorStats>> {
        if !self.changed
            && self
                .inner
                .contains(&view::actors_current())
                .map_err(|e| self.err(e))?
        {
            let (vg, actor) = (view::graph(), view::actor());
            let mut out = Vec::new();
            for q in self.inner.quads_for_pattern(
                None,
                Some(actor.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(vg.as_ref())),
            ) {
                let q = q.map_err(|e| self.err(e))?;
                let Term::Literal(json) = q.object else {
                    continue;
                };
                let stats: ActorStats = serde_json::from_str(json.value())
                    .map_err(|e| self.err(format!("unreadable actor record: {e}")))?;
                out.push(stats);
            }
            // In the order the scan gives: by IRI.
            out.sort_by(|a, b| a.actor.iri.cmp(&b.actor.iri));
            return Ok(out);
        }
        self.scan_actors()
    }

    /// The first change of a session makes the actor records stale (a kill
    /// before [`Store::save`] leaves a store that scans for its actors).
    pub(super) fn mark_changed(&mut self) -> Result<()> {
        if !self.changed {
            self.inner
                .remove(&view::actors_current())
                .map_err(|e| self.err(e))?;
            self.changed = true;
        }
        Ok(())
    }

    /// Writes the actor records again after changes (see [`view`]).
    pub(super) fn write_actor_records(&mut self) -> Result<()> {
        if !self.changed {
            return Ok(());
        }
        let stats = self.scan_actors()?;
        let (vg, actor) = (view::graph(), view::actor());
        let old: Vec<Quad> = self
            .inner
            .quads_for_pattern(
                None,
                Some(actor.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(vg.as_ref())),
            )
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))?;
        let mut tx = self.inner.start_transaction().map_err(|e| self.err(e))?;
        for q in &old {
            tx.remove(q);
        }
        for a in &stats {
            tx.insert(&view::actor_record(a)?);
        }
        tx.insert(&view::actors_current());
        tx.commit().map_err(|e| self.err(e))?;
        self.changed = false;
        Ok(())
    }

    /// The actors with their counts, from the mention counts and view
    /// records of every document.
    pub(super) fn scan_actors(&self) -> Result<Vec<ActorStats>> {
        let mut seen: BTreeMap<String, (usize, BTreeSet<NamedNode>)> = BTreeMap::new();
        let count = rdf::ag("mentionCount");
        for q in self
            .inner
            .quads_for_pattern(None, Some(count.as_ref()), None, None)
        {
            let q = q.map_err(|e| self.err(e))?;
            let (NamedOrBlankNode::NamedNode(a), GraphName::NamedNode(g), Term::Literal(n)) =
                (q.subject, q.graph_name, q.object)
            else {
                continue;
            };
            let entry = seen.entry(a.into_string()).or_default();
            entry.0 += n.value().parse::<usize>().unwrap_or(0);
            entry.1.insert(g);
        }
        if self.marked {
            // The documents whose statements name each actor, from the view.
            let (vg, named_in) = (view::graph(), view::named_in());
            for q in self.inner.quads_for_pattern(
                None,
                Some(named_in.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(vg.as_ref())),
            ) {
                let q = q.map_err(|e| self.err(e))?;
                if let (NamedOrBlankNode::NamedNode(a), Term::NamedNode(d)) = (q.subject, q.object)
                {
                    seen.entry(a.into_string()).or_default().1.insert(d);
                }
            }
        } else {
            let onto = rdf::terms::graph(ONTOLOGY_GRAPH);
            let lex = rdf::terms::graph(LEXICON_GRAPH);
            for p in [rdfv::SUBJECT, rdfv::OBJECT] {
                for q in self.inner.quads_for_pattern(None, Some(p), None, None) {
                    let q = q.map_err(|e| self.err(e))?;
                    let (Term::NamedNode(a), GraphName::NamedNode(g)) = (q.object, q.graph_name)
                    else {
                        continue;
                    };
                    if g == onto || g == lex {
                        continue;
                    }
                    seen.entry(a.into_string()).or_default().1.insert(g);
                }
            }
        }
        let lex = rdf::terms::graph(LEXICON_GRAPH);
        let discovered = rdf::ag("discovered");
        let mut out = Vec::with_capacity(seen.len());
        for (iri, (mentions, docs)) in seen {
            let n = NamedNode::new_unchecked(iri.as_str());
            let lexicon = rdf::props(&self.inner, n.as_ref(), lex.as_ref())?;
            let mut actor = rdf::actor(&iri, &lexicon).map(|mut a| {
                a.discovered = false;
                a
            });
            if actor.is_none() {
                let mut graphs: Vec<NamedNode> = Vec::new();
                for q in self.inner.quads_for_pattern(
                    Some(n.as_ref().into()),
                    Some(discovered.as_ref()),
                    None,
                    None,
                ) {
                    if let GraphName::NamedNode(g) = q.map_err(|e| self.err(e))?.graph_name {
                        graphs.push(g);
                    }
                }
                graphs.sort();
                if let Some(g) = graphs.first() {
                    let props = rdf::props(&self.inner, n.as_ref(), g.as_ref())?;
                    actor = rdf::actor(&iri, &props);
                }
            }
            out.push(ActorStats {
                actor: actor.unwrap_or_else(|| rdf::bare_actor(&iri)),
                mentions,
                documents: docs.len(),
            });
        }
        Ok(out)
    }
}

/// Statements with their node IRIs, sorted by document, evidence position
/// and IRI, without the IRIs.
fn sort_statements(mut out: Vec<(Statement, String)>) -> Vec<Statement> {
    out.sort_by(|(a, ai), (b, bi)| {
        (&a.doc, a.evidence.span.start, a.evidence.focus.start, ai).cmp(&(
            &b.doc,
            b.evidence.span.start,
            b.evidence.focus.start,
            bi,
        ))
    });
    out.into_iter().map(|(s, _)| s).collect()
}

/// Reads the statement `node` of document graph `graph` (document id `doc`)
/// back from its properties, as `props_of` gives them for a node of that
/// graph: the one reading shared by [`Store::statements`] and the view
/// records, so that both give the same statements.
pub(crate) fn read_statement(
    node: &NamedNode,
    graph: &NamedNode,
    doc: &str,
    gold: &BTreeMap<String, String>,
    props_of: &mut dyn FnMut(&NamedNode) -> Result<rdf::Props>,
) -> Result<Statement> {
    let malformed = |what: &str| Error::Store {
        path: "(store)".into(),
        message: format!(
            "statement <{}> in graph <{}> {what}",
            node.as_str(),
            graph.as_str()
        ),
    };
    let props = props_of(node)?;
    let derived = rdf::terms::derived_from();
    let quantity = rdf::ag("quantity");
    let sentence = props
        .0
        .iter()
        .find_map(|(k, v)| match v {
            Term::NamedNode(n) if *k == derived => Some(n.clone()),
            _ => None,
        })
        .ok_or_else(|| malformed("has no prov:wasDerivedFrom"))?;
    let sentence = props_of(&sentence)?;
    let mut qnodes: Vec<&NamedNode> = props
        .0
        .iter()
        .filter(|(k, _)| *k == quantity)
        .filter_map(|(_, v)| match v {
            Term::NamedNode(n) => Some(n),
            _ => None,
        })
        .collect();
    qnodes.sort_by_key(|n| rdf::quantity_index(n.as_str()));
    let mut quantities = Vec::new();
    for qn in qnodes {
        let qp = props_of(qn)?;
        quantities.push(rdf::quantity(&qp).ok_or_else(|| malformed("has an incomplete quantity"))?);
    }
    rdf::statement(&props, &sentence, doc, gold, quantities)
        .ok_or_else(|| malformed("lacks a required property or its sentence"))
}
