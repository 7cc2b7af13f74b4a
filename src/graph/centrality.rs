//! Centrality: degree, PageRank and betweenness, as networkx defines them,
//! so that figures can be checked against it.

use serde::Serialize;

use super::{ActorGraph, ActorRef};

/// A centrality measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Distinct actors linked to, over `n - 1` (networkx `degree_centrality`).
    Degree,
    /// PageRank along relation direction, damping 0.85, weighted by
    /// statement count (networkx `pagerank`).
    PageRank,
    /// Share of shortest paths through the actor, undirected, normalized
    /// (networkx `betweenness_centrality`).
    Betweenness,
}

impl Measure {
    /// `degree`, `pagerank` or `betweenness`.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::PageRank => "pagerank",
            Measure::Betweenness => "betweenness",
        }
    }
}

/// An actor's score on a measure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    /// The actor.
    pub actor: ActorRef,
    /// Its score.
    pub score: f64,
    /// How many distinct actors it is linked to, either way.
    pub neighbours: usize,
}

/// The damping factor of PageRank, networkx's default.
pub const DAMPING: f64 = 0.85;

impl ActorGraph {
    /// Degree centrality of every actor, in node (IRI) order: the number of
    /// distinct actors it shares an affirmed edge with, over `n - 1`.
    pub fn degree_centrality(&self) -> Vec<f64> {
        let n = self.simple.node_count();
        if n <= 1 {
            return vec![1.0; n];
        }
        self.simple
            .node_indices()
            .map(|v| self.simple.neighbors(v).count() as f64 / (n - 1) as f64)
            .collect()
    }

    /// PageRank of every actor, in node order. Rank flows from subject to
    /// object, in proportion to the number of statements of each edge; a
    /// symmetric relation flows both ways. An actor with no outgoing edge
    /// spreads its rank over all actors, and iteration stops when the L1
    /// change falls below `n · 1e-12`: the networkx formulation. (petgraph's
    /// `page_rank` ignores weights, costs O(n²·E) per iteration and adds the
    /// random jump only for pairs without an edge, so its figures differ.)
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// // A star pointing inwards: the centre gathers the rank.
    /// let g = ActorGraph::from_triples(&[("A", "supports", "Hub"), ("B", "supports", "Hub"), ("C", "supports", "Hub")], &[]);
    /// let pr = g.pagerank(0.85);
    /// let sum: f64 = pr.iter().sum();
    /// assert!((sum - 1.0).abs() < 1e-9);
    /// let hub = pr[3]; // nodes are in IRI order: A, B, C, Hub
    /// assert!(pr[..3].iter().all(|&p| p < hub));
    /// ```
    pub fn pagerank(&self, damping: f64) -> Vec<f64> {
        let n = self.graph.node_count();
        if n == 0 {
            return Vec::new();
        }
        // out[u]: (v, weight) of u's outgoing flows; total[u] their sum.
        let mut out: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for e in self.graph.edge_indices() {
            let Some((s, o)) = self.graph.edge_endpoints(e) else {
                continue;
            };
            let w = self.graph[e].weight as f64;
            out[s.index()].push((o.index(), w));
            if self.graph[e].symmetric && s != o {
                out[o.index()].push((s.index(), w));
            }
        }
        let total: Vec<f64> = out.iter().map(|v| v.iter().map(|x| x.1).sum()).collect();
        let nf = n as f64;
        let mut x = vec![1.0 / nf; n];
        for _ in 0..1000 {
            let last = x.clone();
            let dangling: f64 = (0..n).filter(|&u| total[u] == 0.0).map(|u| last[u]).sum();
            let base = damping * dangling / nf + (1.0 - damping) / nf;
            x = vec![base; n];
            for u in 0..n {
                for &(v, w) in &out[u] {
                    x[v] += damping * last[u] * w / total[u];
                }
            }
            let err: f64 = x.iter().zip(&last).map(|(a, b)| (a - b).abs()).sum();
            if err < nf * 1e-12 {
                break;
            }
        }
        x
    }

    /// Betweenness centrality of every actor, in node order, on the
    /// undirected projection (one edge per connected pair), normalized as
    /// networkx does: by `(n - 1)(n - 2) / 2` pairs, endpoints excluded.
    /// Computed by rustworkx-core (Brandes' algorithm), single-threaded so
    /// that sums are added in a fixed order and rankings never flicker.
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// // A path A - B - C: every path between the ends runs through B.
    /// let g = ActorGraph::from_triples(&[("A", "supports", "B"), ("B", "supports", "C")], &[]);
    /// assert_eq!(g.betweenness(), [0.0, 1.0, 0.0]);
    /// ```
    pub fn betweenness(&self) -> Vec<f64> {
        rustworkx_core::centrality::betweenness_centrality(&self.simple, false, true, usize::MAX)
            .into_iter()
            .map(|b| b.unwrap_or(0.0))
            .collect()
    }

    /// Every actor's score on `measure`, highest first (ties by IRI).
    ///
    /// ```
    /// use actorgraph::graph::{ActorGraph, Measure};
    /// let g = ActorGraph::from_triples(&[("A", "supports", "B"), ("B", "supports", "C")], &[]);
    /// let top = g.rank(Measure::Degree);
    /// assert_eq!((top[0].actor.label.as_str(), top[0].neighbours), ("B", 2));
    /// ```
    pub fn rank(&self, measure: Measure) -> Vec<Score> {
        let scores = match measure {
            Measure::Degree => self.degree_centrality(),
            Measure::PageRank => self.pagerank(DAMPING),
            Measure::Betweenness => self.betweenness(),
        };
        let mut out: Vec<Score> = self
            .graph
            .node_indices()
            .map(|v| Score {
                actor: self.actor_ref(v),
                score: scores[v.index()],
                neighbours: self.simple.neighbors(v).count(),
            })
            .collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.actor.iri.cmp(&b.actor.iri))
        });
        out
    }
}
