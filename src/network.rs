//! The network view of the store: actors as nodes and, for each
//! (subject, relation, object, polarity), one edge that aggregates its
//! statements. Exports and traversal both start from it, so that a GraphML
//! file and a path query always agree.
//!
//! Invariants: nodes are sorted by IRI and edges by (subject, relation,
//! object, polarity), so output built from a network is deterministic; a
//! symmetric relation's edge has `subject < object`; negated statements make
//! edges of their own and only when [`Filter::include_negated`] is set.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::Serialize;

use crate::model::{Actor, ActorStats, Iri, Modality, Polarity, Statement};
use crate::ontology::RelationDef;

/// Which statements make it into the network.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Keep only these relations (gold names); empty keeps all.
    pub relations: Vec<String>,
    /// Keep only edges with at least this many statements (0 and 1 keep all).
    pub min_weight: usize,
    /// Keep statements dated on or after this ISO date (prefix: `2025`, `2025-07`).
    pub from: Option<String>,
    /// Keep statements dated on or before this ISO date (prefix).
    pub to: Option<String>,
    /// Keep only these modalities; empty keeps all.
    pub modalities: Vec<Modality>,
    /// Keep negated statements (as edges of their own, polarity `neg`).
    pub include_negated: bool,
    /// Keep only what lies within `depth` steps of this actor.
    pub around: Option<(Iri, usize)>,
}

impl Filter {
    /// Whether this filter only ever drops negated statements, so every
    /// actor of the store belongs in the network, with or without edges.
    pub fn keeps_all_actors(&self) -> bool {
        self.relations.is_empty()
            && self.min_weight <= 1
            && self.from.is_none()
            && self.to.is_none()
            && self.modalities.is_empty()
            && self.around.is_none()
    }

    /// Whether one statement passes the statement-level conditions.
    pub fn keeps(&self, st: &Statement) -> bool {
        if st.polarity == Polarity::Neg && !self.include_negated {
            return false;
        }
        if !self.relations.is_empty() && !self.relations.contains(&st.relation) {
            return false;
        }
        if !self.modalities.is_empty() && !self.modalities.contains(&st.modality) {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            let Some(date) = &st.date else { return false };
            let (start, end) = date_bounds(date);
            if let Some(from) = &self.from
                && end < pad_start(from)
            {
                return false;
            }
            if let Some(to) = &self.to
                && start > pad_end(to)
            {
                return false;
            }
        }
        true
    }
}

/// A node: an actor with its mention counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// The actor.
    #[serde(flatten)]
    pub actor: Actor,
    /// Mentions over all documents.
    pub mentions: usize,
    /// Documents that mention it.
    pub documents: usize,
}

/// An edge: every statement of one (subject, relation, object, polarity).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    /// Subject IRI.
    pub subject: Iri,
    /// Relation gold name.
    pub relation: String,
    /// Object IRI.
    pub object: Iri,
    /// Whether the relation is symmetric (then `subject < object`).
    pub symmetric: bool,
    /// Polarity of all its statements.
    pub polarity: Polarity,
    /// The firmest modality among its statements (asserted, then reported, then hedged).
    pub modality: Modality,
    /// Number of supporting statements.
    pub weight: usize,
    /// How many statements are asserted, reported and hedged.
    pub modalities: ModalityCounts,
    /// Earliest date of its statements (start of an interval), as written.
    pub first_date: Option<String>,
    /// Latest date of its statements (end of an interval), as written.
    pub last_date: Option<String>,
    /// Ids of the documents that state it, sorted.
    pub documents: Vec<String>,
    /// The evidence sentence of its first statement (by document, then position).
    pub evidence: String,
    /// The document of that evidence.
    pub evidence_doc: String,
    /// IRIs of its statements, sorted.
    pub statements: Vec<Iri>,
}

/// Counts of statements by modality.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ModalityCounts {
    /// Stated as fact.
    pub asserted: usize,
    /// Attributed to a source.
    pub reported: usize,
    /// Possible or expected.
    pub hedged: usize,
}

impl ModalityCounts {
    fn add(&mut self, m: Modality) {
        match m {
            Modality::Asserted => self.asserted += 1,
            Modality::Reported => self.reported += 1,
            Modality::Hedged => self.hedged += 1,
        }
    }
    fn firmest(&self) -> Modality {
        if self.asserted > 0 {
            Modality::Asserted
        } else if self.reported > 0 {
            Modality::Reported
        } else {
            Modality::Hedged
        }
    }
}

/// Nodes and aggregated edges.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Network {
    /// Actors, sorted by IRI.
    pub nodes: Vec<Node>,
    /// Edges, sorted by (subject, relation, object, polarity).
    pub edges: Vec<Edge>,
}

impl Network {
    /// Aggregates `statements` over `actors` under `filter`. Statements whose
    /// subject or object is not among `actors` are dropped (the store always
    /// lists them, so this only guards against a partial view).
    pub fn build(
        actors: Vec<ActorStats>,
        statements: &[Statement],
        relations: &[RelationDef],
        filter: &Filter,
    ) -> Network {
        let symmetric: BTreeSet<&str> = relations
            .iter()
            .filter(|r| r.symmetric)
            .map(|r| r.name.as_str())
            .collect();
        let known: BTreeSet<&str> = actors.iter().map(|a| a.actor.iri.as_str()).collect();

        type Key = (Iri, String, Iri, Polarity);
        let mut groups: BTreeMap<Key, Vec<&Statement>> = BTreeMap::new();
        for st in statements.iter().filter(|s| filter.keeps(s)) {
            if !known.contains(st.subject.as_str()) || !known.contains(st.object.as_str()) {
                continue;
            }
            let sym = symmetric.contains(st.relation.as_str());
            let (s, o) = if sym && st.object < st.subject {
                (st.object.clone(), st.subject.clone())
            } else {
                (st.subject.clone(), st.object.clone())
            };
            groups
                .entry((s, st.relation.clone(), o, st.polarity))
                .or_default()
                .push(st);
        }

        let mut edges: Vec<Edge> = groups
            .into_iter()
            .filter(|(_, sts)| sts.len() >= filter.min_weight.max(1))
            .map(|((subject, relation, object, polarity), mut sts)| {
                sts.sort_by(|a, b| {
                    (&a.doc, a.evidence.span.start, a.iri()).cmp(&(
                        &b.doc,
                        b.evidence.span.start,
                        b.iri(),
                    ))
                });
                let mut modalities = ModalityCounts::default();
                let mut first: Option<(String, String)> = None;
                let mut last: Option<(String, String)> = None;
                for st in &sts {
                    modalities.add(st.modality);
                    if let Some(d) = &st.date {
                        let (start, end) = date_bounds(d);
                        let (start_text, end_text) = split_interval(d);
                        if first.as_ref().is_none_or(|(k, _)| start < *k) {
                            first = Some((start, start_text.to_string()));
                        }
                        if last.as_ref().is_none_or(|(k, _)| end > *k) {
                            last = Some((end, end_text.to_string()));
                        }
                    }
                }
                let documents: BTreeSet<String> = sts.iter().map(|s| s.doc.clone()).collect();
                let mut iris: Vec<Iri> = sts.iter().map(|s| s.iri()).collect();
                iris.sort();
                iris.dedup();
                Edge {
                    symmetric: symmetric.contains(relation.as_str()),
                    subject,
                    relation,
                    object,
                    polarity,
                    modality: modalities.firmest(),
                    weight: sts.len(),
                    modalities,
                    first_date: first.map(|(_, t)| t),
                    last_date: last.map(|(_, t)| t),
                    documents: documents.into_iter().collect(),
                    evidence: sts[0].evidence.sentence.clone(),
                    evidence_doc: sts[0].doc.clone(),
                    statements: iris,
                }
            })
            .collect();

        if let Some((center, depth)) = &filter.around {
            let keep: BTreeSet<String> = neighbourhood(&edges, center, *depth)
                .into_iter()
                .map(str::to_string)
                .collect();
            edges.retain(|e| keep.contains(e.subject.as_str()) && keep.contains(e.object.as_str()));
        }

        let mut nodes: Vec<Node> = if filter.keeps_all_actors() {
            actors
                .into_iter()
                .map(|a| Node {
                    actor: a.actor,
                    mentions: a.mentions,
                    documents: a.documents,
                })
                .collect()
        } else {
            let used: BTreeSet<&str> = edges
                .iter()
                .flat_map(|e| [e.subject.as_str(), e.object.as_str()])
                .chain(filter.around.as_ref().map(|(c, _)| c.as_str()))
                .collect();
            actors
                .into_iter()
                .filter(|a| used.contains(a.actor.iri.as_str()))
                .map(|a| Node {
                    actor: a.actor,
                    mentions: a.mentions,
                    documents: a.documents,
                })
                .collect()
        };
        nodes.sort_by(|a, b| a.actor.iri.cmp(&b.actor.iri));
        Network { nodes, edges }
    }
}

/// The actors within `depth` undirected steps of `center` (itself included).
fn neighbourhood<'a>(edges: &'a [Edge], center: &'a str, depth: usize) -> BTreeSet<&'a str> {
    let mut adj: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for e in edges {
        adj.entry(&e.subject).or_default().push(&e.object);
        adj.entry(&e.object).or_default().push(&e.subject);
    }
    let mut seen = BTreeSet::from([center]);
    let mut queue = VecDeque::from([(center, 0)]);
    while let Some((n, d)) = queue.pop_front() {
        if d == depth {
            continue;
        }
        for m in adj.get(n).into_iter().flatten() {
            if seen.insert(m) {
                queue.push_back((m, d + 1));
            }
        }
    }
    seen
}

/// The two ends of a date or interval as written (`2025-10/2025-11`).
pub fn split_interval(date: &str) -> (&str, &str) {
    match date.split_once('/') {
        Some((a, b)) => (a, b),
        None => (date, date),
    }
}

/// Comparable (start, end) keys of a date or interval: a year or month is
/// padded to its first day for the start and its last for the end.
pub fn date_bounds(date: &str) -> (String, String) {
    let (a, b) = split_interval(date);
    (pad_start(a), pad_end(b))
}

fn pad_start(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-01-01"),
        7 => format!("{d}-01"),
        _ => d.to_string(),
    }
}

fn pad_end(d: &str) -> String {
    match d.len() {
        4 => format!("{d}-12-31"),
        7 => format!("{d}-31"),
        _ => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Span};

    fn actor(iri: &str) -> ActorStats {
        ActorStats {
            actor: Actor {
                iri: iri.into(),
                label: iri.into(),
                label_ar: String::new(),
                class: "State".into(),
                discovered: false,
                lat: None,
                long: None,
            },
            mentions: 1,
            documents: 1,
        }
    }

    fn st(
        doc: &str,
        s: &str,
        r: &str,
        o: &str,
        pol: Polarity,
        m: Modality,
        date: Option<&str>,
    ) -> Statement {
        Statement {
            doc: doc.into(),
            subject: s.into(),
            relation: r.into(),
            object: o.into(),
            polarity: pol,
            modality: m,
            date: date.map(str::to_string),
            quantities: vec![],
            attributed_to: None,
            evidence: Evidence {
                index: 0,
                sentence: format!("{s} {r} {o}"),
                span: Span::new(0, 10),
                focus: Span::new(0, 10),
            },
            pattern: "p".into(),
            confidence: 0.9,
        }
    }

    fn rels() -> Vec<RelationDef> {
        ["allied-with", "supports"]
            .iter()
            .map(|n| RelationDef {
                iri: format!("x:{n}"),
                name: n.to_string(),
                label: n.to_string(),
                label_ar: String::new(),
                symmetric: *n == "allied-with",
                cameo: None,
            })
            .collect()
    }

    #[test]
    fn statements_aggregate_into_edges_with_weights_dates_and_modality() {
        use Modality::*;
        use Polarity::*;
        let sts = vec![
            st(
                "d1",
                "b",
                "allied-with",
                "a",
                Pos,
                Reported,
                Some("2025-10/2025-11"),
            ),
            st("d2", "a", "allied-with", "b", Pos, Asserted, Some("2023")),
            st("d2", "a", "supports", "b", Pos, Hedged, None),
            st("d3", "a", "supports", "b", Neg, Asserted, None),
        ];
        let actors = vec![actor("a"), actor("b"), actor("c")];
        let net = Network::build(actors.clone(), &sts, &rels(), &Filter::default());
        assert_eq!(net.nodes.len(), 3, "isolated actors stay without a filter");
        assert_eq!(net.edges.len(), 2, "the negated statement is left out");
        let ally = &net.edges[0];
        assert_eq!(
            (ally.subject.as_str(), ally.object.as_str(), ally.weight),
            ("a", "b", 2)
        );
        assert_eq!(ally.modality, Asserted);
        assert_eq!(ally.first_date.as_deref(), Some("2023"));
        assert_eq!(ally.last_date.as_deref(), Some("2025-11"));
        assert_eq!(ally.documents, vec!["d1", "d2"]);
        assert_eq!(net.edges[1].modality, Hedged);

        let with_neg = Filter {
            include_negated: true,
            ..Filter::default()
        };
        let net = Network::build(actors.clone(), &sts, &rels(), &with_neg);
        assert_eq!(net.edges.len(), 3);
        assert!(
            net.edges
                .iter()
                .any(|e| e.polarity == Neg && e.relation == "supports")
        );

        let dated = Filter {
            from: Some("2025".into()),
            ..Filter::default()
        };
        let net = Network::build(actors, &sts, &rels(), &dated);
        assert_eq!(net.edges.len(), 1);
        assert_eq!(net.edges[0].weight, 1);
        assert_eq!(net.nodes.len(), 2, "a filter keeps only connected actors");
    }

    #[test]
    fn neighbourhood_filter_limits_depth() {
        let p = Polarity::Pos;
        let m = Modality::Asserted;
        let sts = vec![
            st("d", "a", "supports", "b", p, m, None),
            st("d", "b", "supports", "c", p, m, None),
            st("d", "c", "supports", "d", p, m, None),
        ];
        let actors = ["a", "b", "c", "d"].map(actor).to_vec();
        let f = Filter {
            around: Some(("a".into(), 2)),
            ..Filter::default()
        };
        let net = Network::build(actors, &sts, &rels(), &f);
        let names: Vec<&str> = net.nodes.iter().map(|n| n.actor.iri.as_str()).collect();
        assert_eq!(names, ["a", "b", "c"]);
        assert_eq!(net.edges.len(), 2);
    }
}
