//! Communities by the Louvain method (Blondel et al. 2008), written here
//! because neither petgraph nor rustworkx-core has one. It is deterministic:
//! nodes are visited in IRI order and ties go to the community already
//! held, then to the lowest community number, so the same graph always gives
//! the same partition.

use serde::Serialize;

use super::{ActorGraph, ActorRef};

/// A group of actors more tightly linked to each other than to the rest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Community {
    /// Its actors, in IRI order.
    pub members: Vec<ActorRef>,
    /// Statements among its members (weight of internal edges).
    pub internal_weight: f64,
}

/// A partition of the actors into communities.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Partition {
    /// The communities, largest first, then by first IRI.
    pub communities: Vec<Community>,
    /// Its modularity (Newman), on the undirected graph weighted by
    /// statement count; 0 for a graph without edges.
    pub modularity: f64,
}

/// An undirected weighted graph as Louvain sees it at one level.
#[derive(Clone, Debug)]
struct Level {
    /// `adj[i]`: (neighbour, weight), neighbours distinct from `i`.
    adj: Vec<Vec<(usize, f64)>>,
    /// Weight of the self-loop of each node (edges folded inside it).
    loops: Vec<f64>,
}

impl Level {
    fn len(&self) -> usize {
        self.adj.len()
    }
    /// Weighted degree: a self-loop counts twice, as in networkx.
    fn degree(&self, i: usize) -> f64 {
        self.adj[i].iter().map(|x| x.1).sum::<f64>() + 2.0 * self.loops[i]
    }
    /// Total edge weight `m`.
    fn total(&self) -> f64 {
        (0..self.len()).map(|i| self.degree(i)).sum::<f64>() / 2.0
    }

    /// One local-moving phase: each node in turn joins the neighbouring
    /// community that raises modularity most, until no node moves. Returns
    /// the community of each node, numbered from 0 in order of first node.
    fn local_moving(&self) -> (Vec<usize>, bool) {
        let n = self.len();
        let m2 = 2.0 * self.total();
        let mut comm: Vec<usize> = (0..n).collect();
        let degree: Vec<f64> = (0..n).map(|i| self.degree(i)).collect();
        let mut tot = degree.clone();
        let mut moved_any = false;
        if m2 == 0.0 {
            return (comm, false);
        }
        // Weight from the current node to each community, reset after use.
        let mut links = vec![0.0; n];
        let mut touched: Vec<usize> = Vec::new();
        loop {
            let mut moved = false;
            for i in 0..n {
                let own = comm[i];
                for &(j, w) in &self.adj[i] {
                    if links[comm[j]] == 0.0 {
                        touched.push(comm[j]);
                    }
                    links[comm[j]] += w;
                }
                tot[own] -= degree[i];
                // Gain of joining community c, up to a constant: k_i,in(c) - tot(c)·k_i / 2m.
                let gain = |c: usize, links: &[f64]| links[c] - tot[c] * degree[i] / m2;
                let mut best = own;
                let mut best_gain = gain(own, &links);
                touched.sort_unstable();
                for &c in &touched {
                    let g = gain(c, &links);
                    if g > best_gain + 1e-12 {
                        best = c;
                        best_gain = g;
                    }
                }
                tot[best] += degree[i];
                if best != own {
                    comm[i] = best;
                    moved = true;
                    moved_any = true;
                }
                for &c in &touched {
                    links[c] = 0.0;
                }
                touched.clear();
            }
            if !moved {
                break;
            }
        }
        (renumber(&comm), moved_any)
    }

    /// The graph of communities: one node per community, internal weight as
    /// a self-loop.
    fn aggregate(&self, comm: &[usize]) -> Level {
        let k = comm.iter().max().map_or(0, |m| m + 1);
        let mut weights: Vec<std::collections::BTreeMap<usize, f64>> = vec![Default::default(); k];
        let mut loops = vec![0.0; k];
        for i in 0..self.len() {
            loops[comm[i]] += self.loops[i];
            for &(j, w) in &self.adj[i] {
                let (a, b) = (comm[i], comm[j]);
                if a == b {
                    // Each internal edge is seen from both ends.
                    loops[a] += w / 2.0;
                } else {
                    *weights[a].entry(b).or_default() += w;
                }
            }
        }
        Level {
            adj: weights
                .into_iter()
                .map(|m| m.into_iter().collect())
                .collect(),
            loops,
        }
    }

    /// Newman's modularity of `comm` on this graph.
    fn modularity(&self, comm: &[usize]) -> f64 {
        let m = self.total();
        if m == 0.0 {
            return 0.0;
        }
        let k = comm.iter().max().map_or(0, |m| m + 1);
        let mut internal = vec![0.0; k];
        let mut degree = vec![0.0; k];
        for i in 0..self.len() {
            internal[comm[i]] += self.loops[i];
            degree[comm[i]] += self.degree(i);
            for &(j, w) in &self.adj[i] {
                if comm[j] == comm[i] {
                    internal[comm[i]] += w / 2.0;
                }
            }
        }
        (0..k)
            .map(|c| internal[c] / m - (degree[c] / (2.0 * m)).powi(2))
            .sum()
    }
}

/// Community numbers from 0 in order of first appearance.
fn renumber(comm: &[usize]) -> Vec<usize> {
    let mut map = std::collections::BTreeMap::new();
    comm.iter()
        .map(|c| {
            let next = map.len();
            *map.entry(*c).or_insert(next)
        })
        .collect()
}

impl ActorGraph {
    /// Communities by the Louvain method on the undirected graph, each pair
    /// of actors weighted by the statements between them. Actors without
    /// edges are communities of their own.
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// // Two triangles joined by one edge.
    /// let g = ActorGraph::from_triples(
    ///     &[("A1", "supports", "A2"), ("A2", "supports", "A3"), ("A3", "supports", "A1"),
    ///       ("B1", "supports", "B2"), ("B2", "supports", "B3"), ("B3", "supports", "B1"),
    ///       ("A1", "fights", "B1")],
    ///     &[],
    /// );
    /// let p = g.communities();
    /// assert_eq!(p.communities.len(), 2);
    /// assert!(p.communities.iter().all(|c| c.members.len() == 3));
    /// assert!((p.modularity - 5.0 / 14.0).abs() < 1e-12);
    /// ```
    pub fn communities(&self) -> Partition {
        let base = self.level();
        let mut node_comm: Vec<usize> = (0..base.len()).collect();
        let mut level = base.clone();
        loop {
            let (comm, moved) = level.local_moving();
            if !moved {
                break;
            }
            for c in node_comm.iter_mut() {
                *c = comm[*c];
            }
            level = level.aggregate(&comm);
        }
        let node_comm = renumber(&node_comm);
        self.partition(&base, &node_comm)
    }

    /// The partition given by a community number per node (node order),
    /// with its modularity; to score a partition found elsewhere.
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// let g = ActorGraph::from_triples(&[("A", "supports", "B"), ("C", "supports", "D")], &[]);
    /// assert!((g.partition_of(&[0, 0, 1, 1]).modularity - 0.5).abs() < 1e-12);
    /// assert!((g.partition_of(&[0, 0, 0, 0]).modularity).abs() < 1e-12);
    /// ```
    pub fn partition_of(&self, communities: &[usize]) -> Partition {
        let base = self.level();
        let mut comm = communities.to_vec();
        comm.resize(base.len(), usize::MAX);
        // Actors given no community get one each.
        let first_free = comm
            .iter()
            .filter(|&&c| c != usize::MAX)
            .max()
            .map_or(0, |m| m + 1);
        for (next, c) in (first_free..).zip(comm.iter_mut().filter(|c| **c == usize::MAX)) {
            *c = next;
        }
        self.partition(&base, &renumber(&comm))
    }

    fn level(&self) -> Level {
        let n = self.simple.node_count();
        let mut adj = vec![Vec::new(); n];
        for e in self.simple.edge_indices() {
            if let Some((a, b)) = self.simple.edge_endpoints(e) {
                let w = self.simple[e];
                adj[a.index()].push((b.index(), w));
                adj[b.index()].push((a.index(), w));
            }
        }
        for list in &mut adj {
            list.sort_by_key(|x: &(usize, f64)| x.0);
        }
        Level {
            adj,
            loops: vec![0.0; n],
        }
    }

    fn partition(&self, base: &Level, comm: &[usize]) -> Partition {
        let k = comm.iter().max().map_or(0, |m| m + 1);
        let mut communities: Vec<Community> = (0..k)
            .map(|_| Community {
                members: Vec::new(),
                internal_weight: 0.0,
            })
            .collect();
        for v in self.graph.node_indices() {
            let c = comm[v.index()];
            communities[c].members.push(self.actor_ref(v));
            for &(j, w) in &base.adj[v.index()] {
                if comm[j] == c && j > v.index() {
                    communities[c].internal_weight += w;
                }
            }
        }
        communities.sort_by(|a, b| {
            b.members
                .len()
                .cmp(&a.members.len())
                .then_with(|| a.members[0].iri.cmp(&b.members[0].iri))
        });
        Partition {
            communities,
            modularity: base.modularity(comm),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two triangles 0-1-2 and 3-4-5 joined by the edge 2-3, weight 1 each.
    fn two_triangles() -> Level {
        let mut adj = vec![Vec::new(); 6];
        for (a, b) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] {
            adj[a].push((b, 1.0));
            adj[b].push((a, 1.0));
        }
        Level {
            adj,
            loops: vec![0.0; 6],
        }
    }

    #[test]
    fn local_moving_finds_the_triangles() {
        let level = two_triangles();
        let (comm, moved) = level.local_moving();
        assert!(moved);
        assert_eq!(comm, [0, 0, 0, 1, 1, 1]);
        assert!((level.modularity(&comm) - 5.0 / 14.0).abs() < 1e-12);
    }

    #[test]
    fn aggregation_keeps_modularity_and_total_weight() {
        let level = two_triangles();
        let comm = [0, 0, 1, 1, 2, 2];
        let up = level.aggregate(&comm);
        assert_eq!(up.len(), 3);
        assert_eq!(up.total(), level.total());
        let q = level.modularity(&comm);
        assert!((up.modularity(&[0, 1, 2]) - q).abs() < 1e-12);
        // Merging communities above equals merging their members below.
        assert!((up.modularity(&[0, 0, 1]) - level.modularity(&[0, 0, 0, 0, 1, 1])).abs() < 1e-12);
    }

    #[test]
    fn renumber_orders_by_first_appearance() {
        assert_eq!(renumber(&[7, 7, 3, 9, 3]), [0, 0, 1, 2, 1]);
    }

    #[test]
    fn a_graph_without_edges_keeps_one_community_per_node() {
        let level = Level {
            adj: vec![Vec::new(); 3],
            loops: vec![0.0; 3],
        };
        assert_eq!(level.local_moving(), (vec![0, 1, 2], false));
        assert_eq!(level.modularity(&[0, 1, 2]), 0.0);
    }
}
