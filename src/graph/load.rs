//! Building an [`ActorGraph`] from a network, the store or a list of triples,
//! and looking actors up by IRI or by any of their names.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};

use super::ActorGraph;
use crate::error::{Error, Result};
use crate::grammar::Grammar;
use crate::model::{Actor, ActorStats, Evidence, Iri, Modality, Polarity, Span, Statement, ns};
use crate::network::{Filter, Network, Node};
use crate::ontology::{LexEntry, Ontology, RelationDef};
use crate::store::Store;
use crate::text::fold;

/// How strongly a name identifies its actor: the lower, the stronger. When
/// a name is shared, the strongest claim wins.
const BY_IRI: u8 = 0;
const BY_LABEL: u8 = 1;
const BY_LABEL_AR: u8 = 2;
const BY_ALIAS: u8 = 3;
/// Nationality adjectives, broken plurals and capitals standing for a
/// state: they name the state only when nothing else claims them.
const BY_STAND_IN: u8 = 4;

/// Match keys of known names and the actors they name.
#[derive(Clone, Debug, Default)]
pub(super) struct NameIndex {
    /// Match key → (priority, IRI), sorted.
    keys: BTreeMap<String, BTreeSet<(u8, Iri)>>,
    /// Every name as written, with its key, for suggestions.
    written: BTreeSet<(String, String, Iri)>,
    /// The proclitics a name may carry; none without a grammar.
    proclitics: Proclitics,
}

impl NameIndex {
    fn add(&mut self, name: &str, priority: u8, iri: &str) {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        self.keys
            .entry(k.clone())
            .or_default()
            .insert((priority, iri.to_string()));
        self.written
            .insert((name.trim().to_string(), k, iri.to_string()));
    }
}

/// The lookup key of a name: the recognizer's match key (so Arabic spelling
/// variants meet), lowercased (Latin names are case-insensitive), with `_`
/// read as a space (IRI local names) and runs of spaces collapsed.
fn key(name: &str) -> String {
    let folded = fold::match_key(name.trim()).key.to_lowercase();
    folded
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The proclitics a name may carry in a query (وبالجزائر، للقاعدة), from
/// the language's grammar (`ontology/lang/ar/grammar.toml`).
#[derive(Clone, Debug, Default)]
pub(super) struct Proclitics {
    /// Conjunctions written onto the next word (و، ف).
    conjunctions: Vec<String>,
    /// Prepositions of one letter written onto the next word (ب، ل، ك).
    prepositions: Vec<String>,
    /// The article (ال).
    article: String,
    /// A preposition before the article, whose alef is then not written:
    /// (لل, ال).
    elisions: Vec<(String, String)>,
}

impl Proclitics {
    /// The proclitics of `g`.
    pub(super) fn of(g: &Grammar) -> Proclitics {
        let a = &g.affixes;
        Proclitics {
            conjunctions: a.conjunctions.iter().map(str::to_string).collect(),
            prepositions: a
                .prep_clitics
                .iter()
                .filter(|p| p.chars().count() == 1)
                .map(str::to_string)
                .collect(),
            article: a.article.first().to_string(),
            elisions: a
                .article_elisions
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// The key itself, then the readings left when proclitics are taken off
    /// its first word, in the order they are tried: a conjunction (و ف), a
    /// preposition (ب ل ك), both, لل read as ل + ال, and the article.
    fn readings(&self, k: &str) -> Vec<String> {
        let mut out = vec![k.to_string()];
        let strip = |list: &[String], w: &str| -> Option<String> {
            list.iter()
                .find_map(|p| w.strip_prefix(p.as_str()))
                .map(str::to_string)
        };
        let mut i = 0;
        while i < out.len() {
            let cur = out[i].clone();
            i += 1;
            let mut next = Vec::new();
            for (elided, article) in &self.elisions {
                if let Some(rest) = cur.strip_prefix(elided.as_str()) {
                    next.push(format!("{article}{rest}"));
                }
            }
            let first = cur == out[0];
            let after_conj = strip(&self.conjunctions, &out[0]).is_some_and(|r| r == cur);
            if first && let Some(rest) = strip(&self.conjunctions, &cur) {
                next.push(rest);
            } else if (first || after_conj)
                && let Some(rest) = strip(&self.prepositions, &cur)
            {
                next.push(rest);
            }
            if !self.article.is_empty()
                && let Some(rest) = cur.strip_prefix(self.article.as_str())
            {
                next.push(rest.to_string());
            }
            for n in next {
                // A reading of one letter is no name.
                if n.chars().count() >= 2 && !out.contains(&n) {
                    out.push(n);
                }
            }
        }
        out
    }
}

/// An actor name resolved to an IRI.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The actor's IRI.
    pub iri: Iri,
    /// The known name the input matched, as written in the lexicon or graph.
    pub matched: String,
}

impl ActorGraph {
    /// A graph over `network`: its nodes in order, its affirmed edges, and
    /// the names of its nodes (IRI, local name, English and Arabic labels).
    /// [`ActorGraph::explain`] has no statements to show on such a graph;
    /// use [`ActorGraph::from_parts`] or [`ActorGraph::from_store`] for that.
    pub fn from_network(network: Network) -> ActorGraph {
        ActorGraph::assemble(network, Vec::new())
    }

    /// Aggregates `statements` over `actors` under `filter` (see
    /// [`Network::build`]) and keeps the statements that pass the filter,
    /// denied ones included, for [`ActorGraph::explain`].
    ///
    /// An "as of" view is a filter with [`Filter::to`]:
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// use actorgraph::model::*;
    /// use actorgraph::network::Filter;
    /// use actorgraph::ontology::RelationDef;
    /// let actor = |iri: &str| ActorStats {
    ///     actor: Actor { iri: iri.into(), label: iri.into(), label_ar: String::new(),
    ///                    class: "State".into(), discovered: false, lat: None, long: None },
    ///     mentions: 1, documents: 1,
    /// };
    /// let st = |s: &str, o: &str, date: &str, polarity| Statement {
    ///     doc: "d".into(), subject: s.into(), relation: "supports".into(), object: o.into(),
    ///     polarity, modality: Modality::Asserted, date: Some(date.into()),
    ///     quantities: vec![], attributed_to: None,
    ///     evidence: Evidence { index: 0, sentence: format!("{s} {o}"), span: Span::new(0, 3), focus: Span::new(0, 3) },
    ///     pattern: "p".into(), confidence: 1.0,
    /// };
    /// let statements = [
    ///     st("France", "Mali", "2013", Polarity::Pos),
    ///     st("Russia", "Mali", "2022", Polarity::Pos),
    ///     st("France", "Mali", "2023", Polarity::Neg),
    /// ];
    /// let relations = [RelationDef { iri: "x:supports".into(), name: "supports".into(),
    ///     label: "supports".into(), label_ar: String::new(), symmetric: false, cameo: None }];
    /// let actors = || vec![actor("France"), actor("Mali"), actor("Russia")];
    ///
    /// let as_of_2020 = Filter { to: Some("2020".into()), ..Filter::default() };
    /// let g = ActorGraph::from_parts(actors(), &statements, &relations, &as_of_2020);
    /// assert_eq!((g.node_count(), g.edge_count()), (2, 1), "Russia arrives later");
    ///
    /// let now = ActorGraph::from_parts(actors(), &statements, &relations, &Filter::default());
    /// assert_eq!(now.edge_count(), 2, "the denial is no edge");
    /// assert_eq!(now.explain("France", "Mali")?.statements.len(), 2, "but explain shows it");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn from_parts(
        actors: Vec<ActorStats>,
        statements: &[Statement],
        relations: &[RelationDef],
        filter: &Filter,
    ) -> ActorGraph {
        let network = Network::build(actors, statements, relations, filter);
        let keep = Filter {
            include_negated: true,
            ..filter.clone()
        };
        let nodes: BTreeSet<&str> = network.nodes.iter().map(|n| n.actor.iri.as_str()).collect();
        let kept: Vec<Statement> = statements
            .iter()
            .filter(|s| {
                keep.keeps(s)
                    && nodes.contains(s.subject.as_str())
                    && nodes.contains(s.object.as_str())
            })
            .cloned()
            .collect();
        let mut g = ActorGraph::assemble(network, kept);
        g.symmetric.extend(
            relations
                .iter()
                .filter(|r| r.symmetric)
                .map(|r| r.name.clone()),
        );
        g
    }

    /// The graph restricted to the actors `keep` accepts, with the edges and
    /// statements among them; names of dropped actors still resolve, to a
    /// message saying they are not in the graph. For example, only actors
    /// proper, without places and equipment:
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// let g = ActorGraph::from_triples(
    ///     &[("JNIM", "operates-in", "Sahel"), ("ISSP", "operates-in", "Sahel"), ("ISSP", "fights", "JNIM")],
    ///     &[],
    /// );
    /// assert_eq!(g.shortest_path("JNIM", "ISSP")?.expect("linked").len(), 1);
    /// let actors = g.retain(|n| n.actor.label != "Sahel");
    /// assert_eq!((actors.node_count(), actors.edge_count()), (2, 1));
    /// assert!(actors.resolve("Sahel").is_err());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn retain(self, keep: impl Fn(&Node) -> bool) -> ActorGraph {
        let (nodes, edges) = self.graph.into_nodes_edges();
        let nodes: Vec<Node> = nodes
            .into_iter()
            .map(|n| n.weight)
            .filter(|n| keep(n))
            .collect();
        let kept: BTreeSet<Iri> = nodes.iter().map(|n| n.actor.iri.clone()).collect();
        let inside = |s: &str, o: &str| kept.contains(s) && kept.contains(o);
        let edges = edges
            .into_iter()
            .map(|e| e.weight)
            .filter(|e| inside(&e.subject, &e.object))
            .collect();
        let statements = self
            .statements
            .into_iter()
            .filter(|s| inside(&s.subject, &s.object))
            .collect();
        let mut g = ActorGraph::assemble(Network { nodes, edges }, statements);
        g.names = self.names;
        g.symmetric.extend(self.symmetric);
        g
    }

    /// Loads the store's actors and statements under `filter`, with the
    /// lexicon's names (Arabic and Latin aliases, acronyms) for lookups.
    pub fn from_store(store: &Store, ontology: &Ontology, filter: &Filter) -> Result<ActorGraph> {
        let (actors, statements) = store.actors_and_statements()?;
        let g = ActorGraph::from_parts(actors, &statements, &ontology.relations, filter);
        Ok(g.with_lexicon(&ontology.lexicon)
            .with_grammar(&Grammar::load(&ontology.dir)?))
    }

    /// The part of the store's graph that neighbourhoods of up to `depth`
    /// steps around the actors `names` need: every actor (so that names
    /// resolve as in the whole graph) and the statements naming an actor
    /// within `depth - 1` steps of them, found through the store's index of
    /// statements by actor rather than by reading every statement. Each edge
    /// it holds aggregates all of its statements, so neighbours within
    /// `depth` steps, and the statements between a named actor and another,
    /// are those of [`ActorGraph::from_store`]. It is the whole graph when
    /// the filter may drop actors (then which actors are in the graph depends
    /// on every statement) or the store has no index.
    pub fn near(
        store: &Store,
        ontology: &Ontology,
        filter: &Filter,
        names: &[&str],
        depth: usize,
    ) -> Result<ActorGraph> {
        if !filter.keeps_all_actors() {
            return ActorGraph::from_store(store, ontology, filter);
        }
        let actors = store.actors()?;
        let grammar = Grammar::load(&ontology.dir)?;
        let names_only = ActorGraph::from_parts(actors.clone(), &[], &ontology.relations, filter)
            .with_lexicon(&ontology.lexicon)
            .with_grammar(&grammar);
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut frontier: Vec<String> = Vec::new();
        for name in names {
            let iri = names_only.resolve(name)?.iri;
            if seen.insert(iri.clone()) {
                frontier.push(iri);
            }
        }
        let mut statements: BTreeMap<(String, usize, usize, Iri), Statement> = BTreeMap::new();
        for _ in 0..depth {
            if frontier.is_empty() {
                break;
            }
            let asked: Vec<&str> = frontier.iter().map(String::as_str).collect();
            let Some(found) = store.statements_about(&asked)? else {
                return ActorGraph::from_store(store, ontology, filter);
            };
            let mut next = Vec::new();
            for st in found {
                for end in [&st.subject, &st.object] {
                    if seen.insert(end.clone()) {
                        next.push(end.clone());
                    }
                }
                let key = (
                    st.doc.clone(),
                    st.evidence.span.start,
                    st.evidence.focus.start,
                    st.iri(),
                );
                statements.insert(key, st);
            }
            frontier = next;
        }
        let statements: Vec<Statement> = statements.into_values().collect();
        let g = ActorGraph::from_parts(actors, &statements, &ontology.relations, filter);
        Ok(g.with_lexicon(&ontology.lexicon).with_grammar(&grammar))
    }

    /// A graph from `(subject, relation, object)` labels, one statement each,
    /// for examples and tests. IRIs are minted from the labels; relations
    /// named in `symmetric` are symmetric. Each statement's evidence sentence
    /// is its triple written out.
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// let g = ActorGraph::from_triples(
    ///     &[("JNIM", "allied-with", "al-Qaeda"), ("JNIM", "attacked", "Bamako")],
    ///     &["allied-with"],
    /// );
    /// assert_eq!((g.node_count(), g.edge_count()), (3, 2));
    /// assert_eq!(g.resolve("jnim")?.iri, "https://w3id.org/actorgraph/actor/JNIM");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn from_triples(triples: &[(&str, &str, &str)], symmetric: &[&str]) -> ActorGraph {
        let iri = |label: &str| format!("{}{}", ns::ACTOR, label.replace(' ', "_"));
        let labels: BTreeSet<&str> = triples.iter().flat_map(|t| [t.0, t.2]).collect();
        let actors = labels
            .iter()
            .map(|l| ActorStats {
                actor: Actor {
                    iri: iri(l),
                    label: l.to_string(),
                    label_ar: String::new(),
                    class: "Actor".into(),
                    discovered: false,
                    lat: None,
                    long: None,
                },
                mentions: 1,
                documents: 1,
            })
            .collect();
        let relations: BTreeSet<&str> = triples.iter().map(|t| t.1).collect();
        let relations: Vec<RelationDef> = relations
            .into_iter()
            .map(|r| RelationDef {
                iri: format!("{}{r}", ns::AG),
                name: r.to_string(),
                label: r.to_string(),
                label_ar: String::new(),
                symmetric: symmetric.contains(&r),
                cameo: None,
            })
            .collect();
        let mut offset = 0;
        let statements: Vec<Statement> = triples
            .iter()
            .map(|(s, r, o)| {
                let sentence = format!("{s} {r} {o}.");
                let span = Span::new(offset, offset + sentence.len());
                offset = span.end + 1;
                Statement {
                    doc: "triples".into(),
                    subject: iri(s),
                    relation: r.to_string(),
                    object: iri(o),
                    polarity: Polarity::Pos,
                    modality: Modality::Asserted,
                    date: None,
                    quantities: Vec::new(),
                    attributed_to: None,
                    evidence: Evidence {
                        index: 0,
                        sentence,
                        span,
                        focus: span,
                    },
                    pattern: "triples".into(),
                    confidence: 1.0,
                }
            })
            .collect();
        ActorGraph::from_parts(actors, &statements, &relations, &Filter::default())
    }

    /// Lets names carry the proclitics of `g` (وبالجزائر resolves as الجزائر).
    pub fn with_grammar(mut self, g: &Grammar) -> ActorGraph {
        self.names.proclitics = Proclitics::of(g);
        self
    }

    /// Adds the lexicon's names to the lookup index: English and Arabic
    /// labels, aliases and acronyms, and, claimed last, nationality
    /// adjectives, broken plurals and metonym capitals (روسي، الروس، موسكو
    /// for Russia).
    pub fn with_lexicon(mut self, lexicon: &[LexEntry]) -> ActorGraph {
        for e in lexicon {
            self.names.add(&e.label, BY_LABEL, &e.iri);
            self.names.add(&e.label_ar, BY_LABEL_AR, &e.iri);
            for alias in e
                .aliases_ar
                .iter()
                .chain(&e.aliases_latin)
                .chain(&e.acronyms)
            {
                self.names.add(alias, BY_ALIAS, &e.iri);
            }
            for stand_in in e
                .adjectives
                .iter()
                .chain(&e.demonym_plurals)
                .chain(&e.metonyms)
            {
                self.names.add(stand_in, BY_STAND_IN, &e.iri);
            }
        }
        self
    }

    fn assemble(network: Network, statements: Vec<Statement>) -> ActorGraph {
        let mut graph = DiGraph::with_capacity(network.nodes.len(), network.edges.len());
        let mut index = BTreeMap::new();
        let mut names = NameIndex::default();
        for node in network.nodes {
            let a = &node.actor;
            names.add(&a.iri, BY_IRI, &a.iri);
            if let Some(local) = a.iri.strip_prefix(ns::ACTOR) {
                names.add(local, BY_LABEL, &a.iri);
            }
            names.add(&a.label, BY_LABEL, &a.iri);
            names.add(&a.label_ar, BY_LABEL_AR, &a.iri);
            let iri = a.iri.clone();
            index.insert(iri, graph.add_node(node));
        }
        let mut pairs: BTreeMap<(NodeIndex, NodeIndex), f64> = BTreeMap::new();
        for edge in network.edges {
            if edge.polarity == Polarity::Neg {
                continue;
            }
            let (Some(&s), Some(&o)) = (index.get(&edge.subject), index.get(&edge.object)) else {
                continue;
            };
            if s != o {
                *pairs.entry((s.min(o), s.max(o))).or_default() += edge.weight as f64;
            }
            graph.add_edge(s, o, edge);
        }
        let mut simple = UnGraph::with_capacity(graph.node_count(), pairs.len());
        for _ in 0..graph.node_count() {
            simple.add_node(());
        }
        for ((a, b), w) in pairs {
            simple.add_edge(a, b, w);
        }
        let symmetric = graph
            .edge_weights()
            .filter(|e| e.symmetric)
            .map(|e| e.relation.clone())
            .collect();
        let by_iri = statements
            .iter()
            .enumerate()
            .map(|(i, s)| (s.iri(), i))
            .collect();
        ActorGraph {
            graph,
            simple,
            index,
            names,
            statements,
            by_iri,
            symmetric,
        }
    }

    /// Finds the actor a name stands for: an IRI, an English label, an
    /// Arabic label, an alias or an acronym, case-insensitively and with
    /// Arabic spelling folded as the recognizer folds it. When the whole
    /// name matches nothing, the proclitics of its first word are taken off
    /// (و ف ب ل ك, لل, the article). A name claimed by several actors goes to
    /// the strongest claim (IRI, then label, then alias, then adjective or
    /// metonym), then to the first IRI.
    ///
    /// An unknown name gives [`Error::UnknownActor`] with the closest known
    /// names; a lexicon actor absent from this graph gives [`Error::Usage`].
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// use actorgraph::Error;
    /// let g = ActorGraph::from_triples(&[("Russia", "supports", "Mali junta")], &[]);
    /// assert!(g.resolve("mali JUNTA").is_ok());
    /// match g.resolve("Rusia") {
    ///     Err(Error::UnknownActor { suggestions, .. }) => assert_eq!(suggestions[0], "Russia"),
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn resolve(&self, name: &str) -> Result<Resolved> {
        if self.index.contains_key(name) {
            return Ok(Resolved {
                iri: name.to_string(),
                matched: name.to_string(),
            });
        }
        let k = key(name);
        for reading in self.names.proclitics.readings(&k) {
            let Some(claims) = self.names.keys.get(&reading) else {
                continue;
            };
            // Prefer actors of this graph, then the strongest claim.
            let best = claims
                .iter()
                .find(|(_, iri)| self.index.contains_key(iri))
                .or_else(|| claims.iter().next());
            let Some((_, iri)) = best else { continue };
            if !self.index.contains_key(iri) {
                return Err(Error::Usage(format!(
                    "{name:?} is <{iri}>, which has no relation in this graph \
                     (not mentioned in the store, or left out by the filter)"
                )));
            }
            let matched = self
                .names
                .written
                .iter()
                .find(|(_, wk, wi)| *wk == reading && wi == iri)
                .map_or_else(|| name.to_string(), |(w, _, _)| w.clone());
            return Ok(Resolved {
                iri: iri.clone(),
                matched,
            });
        }
        Err(Error::UnknownActor {
            name: name.to_string(),
            suggestions: self.suggestions(&k),
        })
    }

    /// The node index of a name, see [`ActorGraph::resolve`].
    pub(super) fn lookup(&self, name: &str) -> Result<NodeIndex> {
        let r = self.resolve(name)?;
        self.index
            .get(&r.iri)
            .copied()
            .ok_or_else(|| Error::Usage(format!("{name:?}: no such actor in the graph")))
    }

    /// Up to five names of actors in this graph closest to the key `k`
    /// (Jaro-Winkler on match keys), each with the actor's English label
    /// when the name is another one.
    fn suggestions(&self, k: &str) -> Vec<String> {
        let mut best: BTreeMap<&str, (f64, &str)> = BTreeMap::new();
        for (written, wk, iri) in &self.names.written {
            if !self.index.contains_key(iri) || written.contains("://") {
                continue;
            }
            let score = strsim::jaro_winkler(k, wk);
            let slot = best.entry(iri).or_insert((score, written));
            if score > slot.0 {
                *slot = (score, written);
            }
        }
        let mut ranked: Vec<(f64, &str, &str)> =
            best.into_iter().map(|(iri, (s, w))| (s, iri, w)).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        let close = ranked.iter().filter(|r| r.0 >= 0.75).count();
        ranked
            .into_iter()
            .take(close.clamp(3, 5))
            .map(|(_, iri, written)| {
                let label = &self.graph[self.index[iri]].actor.label;
                if written == label {
                    written.to_string()
                } else {
                    format!("{written} ({label})")
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_readings_peel_conjunction_preposition_and_article() {
        let p = Proclitics::of(crate::grammar::repository());
        let clitic_readings = |k: &str| p.readings(k);
        // وبالجزائر: و + ب + الجزائر
        let r = clitic_readings("وبالجزائر");
        assert!(r.contains(&"بالجزائر".to_string()), "{r:?}");
        assert!(r.contains(&"الجزائر".to_string()), "{r:?}");
        assert!(r.contains(&"جزائر".to_string()), "{r:?}");
        // للقاعدة: ل + القاعدة, the article's alef dropped.
        assert!(clitic_readings("للقاعدة").contains(&"القاعدة".to_string()));
        // Latin names are left alone; a reading of one letter is no name.
        assert_eq!(clitic_readings("jnim"), ["jnim"]);
        assert!(!clitic_readings("وب").contains(&"ب".to_string()));
    }

    #[test]
    fn keys_fold_case_underscores_and_spaces() {
        assert_eq!(key("  Mali_junta "), "mali junta");
        assert_eq!(key("MALI   Junta"), "mali junta");
    }
}
