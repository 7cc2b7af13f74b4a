//! Traversal and analysis of the actor network on petgraph: looking actors up
//! by any of their names, neighbourhoods, paths with the evidence of every
//! hop, components, centrality and communities.
//!
//! An [`ActorGraph`] is loaded from a [`crate::network::Network`] (so that a path query and a
//! GraphML export always agree) or straight from the store with
//! [`ActorGraph::from_store`](crate::graph::ActorGraph::from_store). A filtered view (relation types, date window,
//! modality) is a [`Filter`](crate::network::Filter); an "as of date" view is a filter with
//! [`Filter::to`](crate::network::Filter::to) set.
//!
//! Invariants:
//! - node `i` of the petgraph graph is `network.nodes[i]`, so nodes are in
//!   IRI order and every iteration below is deterministic;
//! - traversal and centrality follow affirmed edges only: a denied relation
//!   ("X did not support Y") connects nobody. [`ActorGraph::explain`](crate::graph::ActorGraph::explain) still
//!   shows denied statements, marked as such;
//! - connection questions (paths, components, betweenness, communities) treat
//!   the graph as undirected, on a projection with one edge per pair of
//!   actors; PageRank and directed neighbourhoods follow relation direction.
//!
//! ```
//! use actorgraph::graph::{ActorGraph, Direction};
//! // Turkey supplies the junta, which fights JNIM.
//! let g = ActorGraph::from_triples(
//!     &[("Turkey", "supplies", "Mali junta"), ("Mali junta", "fights", "JNIM")],
//!     &["fights"],
//! );
//! let path = g.shortest_path("Turkey", "JNIM")?.expect("connected");
//! assert_eq!(path.len(), 2);
//! assert_eq!(path.hops[0].links[0].edge.relation, "supplies");
//! let near = g.neighbors("JNIM", Direction::Both, &[], 1)?;
//! assert_eq!(near.actors.len(), 1);
//! # Ok::<(), actorgraph::Error>(())
//! ```

mod centrality;
mod communities;
mod load;
mod paths;

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};
use serde::Serialize;

use crate::model::{Iri, Statement};
use crate::network::{Edge, Node};

pub use centrality::{DAMPING, Measure, Score};
pub use communities::{Community, Partition};
pub use load::Resolved;
pub use paths::{
    Direction, Explanation, Hop, HopDirection, Link, Neighbour, Neighbourhood, Path, Quote,
};

/// The actor network as a petgraph graph, with a name index for lookups.
#[derive(Clone, Debug)]
pub struct ActorGraph {
    /// Actors and their affirmed edges, subject → object.
    graph: DiGraph<Node, Edge>,
    /// One undirected edge per pair of distinct connected actors, weighted by
    /// the number of statements between them; same node indices as `graph`.
    simple: UnGraph<(), f64>,
    /// Node index by IRI.
    index: BTreeMap<Iri, NodeIndex>,
    /// Match keys of every known name, with the actors they name.
    names: load::NameIndex,
    /// The statements behind the edges, denied ones included, for `explain`.
    statements: Vec<Statement>,
    /// Statement index by statement IRI, to quote every statement of an edge.
    by_iri: BTreeMap<Iri, usize>,
    /// Names of the symmetric relations.
    symmetric: BTreeSet<String>,
}

/// An actor as results show it: IRI and labels.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ActorRef {
    /// IRI.
    pub iri: Iri,
    /// English label.
    pub label: String,
    /// Arabic label (may be empty).
    pub label_ar: String,
}

impl ActorGraph {
    /// Number of actors.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of affirmed edges (one per subject, relation, object).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The actors, in IRI order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// The affirmed edges, in the network's order.
    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        self.graph.edge_weights()
    }

    /// Whether `relation` (a gold name) is symmetric, as far as this graph
    /// knows (from the ontology, or from its edges).
    pub fn is_symmetric(&self, relation: &str) -> bool {
        self.symmetric.contains(relation)
    }

    /// The node of an actor by IRI.
    pub fn node(&self, iri: &str) -> Option<&Node> {
        self.index.get(iri).map(|&i| &self.graph[i])
    }

    /// The underlying petgraph graph (node `i` is the `i`-th actor by IRI),
    /// for algorithms this module does not wrap.
    pub fn petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    fn actor_ref(&self, i: NodeIndex) -> ActorRef {
        let a = &self.graph[i].actor;
        ActorRef {
            iri: a.iri.clone(),
            label: a.label.clone(),
            label_ar: a.label_ar.clone(),
        }
    }
}
