//! Walking the graph: neighbourhoods, shortest, k shortest and all simple
//! paths with the evidence of every hop, ego networks, connected components,
//! and every statement between two actors.

use std::collections::{BTreeSet, VecDeque};

use petgraph::Direction as PgDirection;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::{ActorGraph, ActorRef};
use crate::error::Result;
use crate::model::{Modality, Span, Statement};
use crate::network::{Edge, Network};

/// Which edges a neighbourhood follows from an actor. Symmetric relations
/// are followed whichever way they are stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// From subject to object: whom the actor acts on.
    Out,
    /// From object to subject: who acts on the actor.
    In,
    /// Both ways.
    #[default]
    Both,
}

/// How a hop runs along its edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HopDirection {
    /// The hop goes from the edge's subject to its object.
    Forward,
    /// The hop goes from the edge's object to its subject.
    Backward,
    /// The relation is symmetric.
    Mutual,
}

impl HopDirection {
    /// `forward`, `backward` or `mutual`.
    pub fn as_str(self) -> &'static str {
        match self {
            HopDirection::Forward => "forward",
            HopDirection::Backward => "backward",
            HopDirection::Mutual => "mutual",
        }
    }
}

/// One edge between two consecutive actors, with the way a walk takes it.
/// The edge carries its aggregate (weight, firmest modality, date range,
/// first evidence sentence); `quotes` has every statement's own evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// How the walk runs along the edge.
    pub direction: HopDirection,
    /// The edge, with its first evidence sentence.
    pub edge: Edge,
    /// The evidence of each of its statements, by document and position;
    /// empty on a graph made with [`ActorGraph::from_network`].
    pub quotes: Vec<Quote>,
}

/// The evidence of one statement: where it is said, and how.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The document id.
    pub doc: String,
    /// The sentence, quoted from the original text.
    pub sentence: String,
    /// Byte span of the sentence in the document.
    pub span: Span,
    /// Asserted, reported or hedged.
    pub modality: Modality,
    /// When it happened, as written (ISO 8601 or an interval).
    pub date: Option<String>,
    /// The named source of a reported claim.
    pub attributed_to: Option<String>,
}

/// One step of a path: two actors and every edge between them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hop {
    /// Where the step starts.
    pub from: ActorRef,
    /// Where it ends.
    pub to: ActorRef,
    /// The edges joining them, the best supported first.
    pub links: Vec<Link>,
}

/// A path between two actors, with the evidence of each hop.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Path {
    /// The actors, from the start to the end.
    pub actors: Vec<ActorRef>,
    /// One hop per pair of consecutive actors.
    pub hops: Vec<Hop>,
}

impl Path {
    /// Number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }
    /// Whether the path has no hop (it starts where it ends).
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }
}

/// An actor reached from the centre of a neighbourhood.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Neighbour {
    /// The actor.
    pub actor: ActorRef,
    /// Steps from the centre.
    pub depth: usize,
    /// The edges that reach it from actors one step closer to the centre.
    pub via: Vec<Link>,
}

/// The actors within some steps of one actor, with the edges used.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Neighbourhood {
    /// The centre.
    pub center: ActorRef,
    /// The reached actors (the centre excluded), by depth, then IRI.
    pub actors: Vec<Neighbour>,
}

/// Every statement between two actors, either way, denied ones included.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The first actor.
    pub a: ActorRef,
    /// The second actor.
    pub b: ActorRef,
    /// The statements, by document and position.
    pub statements: Vec<Statement>,
}

impl ActorGraph {
    /// The actors within `depth` steps of `name` along edges that run in
    /// `direction` and carry one of `relations` (empty: any relation), with
    /// the edges that reach each of them.
    ///
    /// ```
    /// use actorgraph::graph::{ActorGraph, Direction};
    /// let g = ActorGraph::from_triples(
    ///     &[("Turkey", "supplies", "Mali junta"), ("Mali junta", "fights", "JNIM")],
    ///     &[],
    /// );
    /// let out = g.neighbors("Turkey", Direction::Out, &[], 2)?;
    /// let names: Vec<_> = out.actors.iter().map(|n| (n.actor.label.as_str(), n.depth)).collect();
    /// assert_eq!(names, [("Mali junta", 1), ("JNIM", 2)]);
    /// assert!(g.neighbors("JNIM", Direction::Out, &[], 2)?.actors.is_empty());
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn neighbors(
        &self,
        name: &str,
        direction: Direction,
        relations: &[String],
        depth: usize,
    ) -> Result<Neighbourhood> {
        let center = self.lookup(name)?;
        let mut dist: Vec<Option<usize>> = vec![None; self.graph.node_count()];
        let mut via: Vec<Vec<EdgeIndex>> = vec![Vec::new(); self.graph.node_count()];
        dist[center.index()] = Some(0);
        let mut queue = VecDeque::from([center]);
        while let Some(u) = queue.pop_front() {
            let d = dist[u.index()].unwrap_or(0);
            if d >= depth {
                continue;
            }
            for (e, v) in self.steps(u, direction, relations) {
                match dist[v.index()] {
                    None => {
                        dist[v.index()] = Some(d + 1);
                        via[v.index()].push(e);
                        queue.push_back(v);
                    }
                    Some(dv) if dv == d + 1 => via[v.index()].push(e),
                    Some(_) => {}
                }
            }
        }
        let mut actors: Vec<Neighbour> = self
            .graph
            .node_indices()
            .filter_map(|v| {
                let depth = dist[v.index()].filter(|&d| d > 0)?;
                let mut edges = via[v.index()].clone();
                edges.sort();
                edges.dedup();
                let to_v = |e: EdgeIndex| {
                    let (s, _) = self.graph.edge_endpoints(e).unwrap_or((v, v));
                    self.link(e, s != v)
                };
                Some(Neighbour {
                    actor: self.actor_ref(v),
                    depth,
                    via: edges.into_iter().map(to_v).collect(),
                })
            })
            .collect();
        actors.sort_by(|a, b| (a.depth, &a.actor.iri).cmp(&(b.depth, &b.actor.iri)));
        Ok(Neighbourhood {
            center: self.actor_ref(center),
            actors,
        })
    }

    /// The edges leaving `u` in `direction` with one of `relations`, and
    /// where each leads, in edge order.
    fn steps(
        &self,
        u: NodeIndex,
        direction: Direction,
        relations: &[String],
    ) -> Vec<(EdgeIndex, NodeIndex)> {
        let mut out = Vec::new();
        for (dir, pg) in [
            (Direction::Out, PgDirection::Outgoing),
            (Direction::In, PgDirection::Incoming),
        ] {
            for e in self.graph.edges_directed(u, pg) {
                let w = e.weight();
                let wanted = direction == Direction::Both || direction == dir || w.symmetric;
                if wanted && (relations.is_empty() || relations.contains(&w.relation)) {
                    let other = if pg == PgDirection::Outgoing {
                        e.target()
                    } else {
                        e.source()
                    };
                    out.push((e.id(), other));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// The edge `e` as a link, taken from its subject (`forward`) or from its object.
    fn link(&self, e: EdgeIndex, forward: bool) -> Link {
        let edge = self.graph[e].clone();
        let direction = if edge.symmetric {
            HopDirection::Mutual
        } else if forward {
            HopDirection::Forward
        } else {
            HopDirection::Backward
        };
        let mut quotes: Vec<Quote> = edge
            .statements
            .iter()
            .filter_map(|iri| self.by_iri.get(iri))
            .map(|&i| {
                let s = &self.statements[i];
                Quote {
                    doc: s.doc.clone(),
                    sentence: s.evidence.sentence.clone(),
                    span: s.evidence.span,
                    modality: s.modality,
                    date: s.date.clone(),
                    attributed_to: s.attributed_to.clone(),
                }
            })
            .collect();
        quotes.sort_by(|a, b| (&a.doc, a.span.start).cmp(&(&b.doc, b.span.start)));
        Link {
            direction,
            edge,
            quotes,
        }
    }

    /// A shortest path between two actors, the graph read as undirected
    /// (a connection question: who links them, whichever way each relation
    /// runs); each hop reports its direction, relation and evidence. `None`
    /// when they are not connected. Among equally short paths, the best
    /// supported (most statements over its hops) is given, then the one
    /// through actors first in IRI order, so the answer is stable.
    ///
    /// ```
    /// use actorgraph::graph::{ActorGraph, HopDirection};
    /// let g = ActorGraph::from_triples(
    ///     &[("Turkey", "supplies", "Mali junta"), ("JNIM", "attacked", "Mali junta")],
    ///     &[],
    /// );
    /// let p = g.shortest_path("Turkey", "JNIM")?.expect("connected");
    /// assert_eq!(p.hops[1].links[0].direction, HopDirection::Backward);
    /// assert_eq!(p.hops[1].links[0].edge.evidence, "JNIM attacked Mali junta.");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn shortest_path(&self, from: &str, to: &str) -> Result<Option<Path>> {
        let (a, b) = (self.lookup(from)?, self.lookup(to)?);
        Ok(self
            .bfs_path(a, b, &BTreeSet::new(), &BTreeSet::new())
            .map(|nodes| self.path_of(&nodes)))
    }

    /// Up to `k` shortest loopless paths between two actors (Yen's
    /// algorithm on the undirected graph), shortest first, none longer than
    /// `max_len` hops when given. Paths of equal length come best supported
    /// first, then in their actors' IRI order. (petgraph's `k_shortest_path` gives only the
    /// k-th distance to each node, not the paths, hence Yen here.)
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// // A square: two ways round from A to C.
    /// let g = ActorGraph::from_triples(
    ///     &[("A", "supports", "B"), ("B", "supports", "C"), ("A", "fights", "D"), ("D", "fights", "C")],
    ///     &[],
    /// );
    /// let paths = g.k_shortest_paths("A", "C", 5, None)?;
    /// assert_eq!(paths.len(), 2);
    /// assert!(paths.iter().all(|p| p.len() == 2));
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn k_shortest_paths(
        &self,
        from: &str,
        to: &str,
        k: usize,
        max_len: Option<usize>,
    ) -> Result<Vec<Path>> {
        let (a, b) = (self.lookup(from)?, self.lookup(to)?);
        let fits = |p: &Vec<NodeIndex>| max_len.is_none_or(|m| p.len() <= m + 1);
        let mut found: Vec<Vec<NodeIndex>> = Vec::new();
        match self.bfs_path(a, b, &BTreeSet::new(), &BTreeSet::new()) {
            Some(p) if k > 0 && fits(&p) => found.push(p),
            _ => return Ok(Vec::new()),
        }
        // Shortest first, then best supported, then in node order.
        type Candidate = (usize, std::cmp::Reverse<u64>, Vec<NodeIndex>);
        let mut candidates: BTreeSet<Candidate> = BTreeSet::new();
        while found.len() < k {
            let prev = found[found.len() - 1].clone();
            for i in 0..prev.len() - 1 {
                let root = &prev[..=i];
                let banned_edges: BTreeSet<(NodeIndex, NodeIndex)> = found
                    .iter()
                    .filter(|p| p.len() > i + 1 && &p[..=i] == root)
                    .flat_map(|p| [(p[i], p[i + 1]), (p[i + 1], p[i])])
                    .collect();
                let banned_nodes: BTreeSet<NodeIndex> = root[..i].iter().copied().collect();
                if let Some(spur) = self.bfs_path(prev[i], b, &banned_nodes, &banned_edges) {
                    let mut total = root[..i].to_vec();
                    total.extend(spur);
                    if fits(&total) && !found.contains(&total) {
                        let support = std::cmp::Reverse(self.support(&total));
                        candidates.insert((total.len(), support, total));
                    }
                }
            }
            match candidates.pop_first() {
                Some((_, _, p)) => found.push(p),
                None => break,
            }
        }
        Ok(found.iter().map(|p| self.path_of(p)).collect())
    }

    /// Every loopless path of at most `max_len` hops between two actors, on
    /// the undirected graph, shortest first, then in the order of their
    /// actors' IRIs. The number of paths grows fast with `max_len` on a
    /// dense graph: keep it small (3 or 4).
    pub fn all_simple_paths(&self, from: &str, to: &str, max_len: usize) -> Result<Vec<Path>> {
        let (a, b) = (self.lookup(from)?, self.lookup(to)?);
        if a == b || max_len == 0 {
            return Ok(Vec::new());
        }
        let mut paths: Vec<Vec<NodeIndex>> = petgraph::algo::all_simple_paths::<
            Vec<NodeIndex>,
            _,
            std::hash::RandomState,
        >(&self.simple, a, b, 0, Some(max_len - 1))
        .collect();
        paths.sort_by(|x, y| (x.len(), x).cmp(&(y.len(), y)));
        Ok(paths.iter().map(|p| self.path_of(p)).collect())
    }

    /// A shortest path from `a` to `b` on the undirected projection avoiding
    /// `banned_nodes` and `banned_edges`. Among equally short paths it takes
    /// the best supported, the one with the most statements over its hops,
    /// then the one whose actors come first in IRI order: BFS layers, then
    /// a longest-support pass over the layers.
    fn bfs_path(
        &self,
        a: NodeIndex,
        b: NodeIndex,
        banned_nodes: &BTreeSet<NodeIndex>,
        banned_edges: &BTreeSet<(NodeIndex, NodeIndex)>,
    ) -> Option<Vec<NodeIndex>> {
        let n = self.simple.node_count();
        let open = |u: NodeIndex, v: NodeIndex| {
            !banned_nodes.contains(&v) && !banned_edges.contains(&(u, v))
        };
        let mut dist = vec![usize::MAX; n];
        dist[a.index()] = 0;
        let mut order = Vec::new();
        let mut queue = VecDeque::from([a]);
        while let Some(u) = queue.pop_front() {
            order.push(u);
            if dist[u.index()] >= dist[b.index()] {
                continue;
            }
            for v in self.simple.neighbors(u) {
                if dist[v.index()] == usize::MAX && open(u, v) {
                    dist[v.index()] = dist[u.index()] + 1;
                    queue.push_back(v);
                }
            }
        }
        if dist[b.index()] == usize::MAX {
            return None;
        }
        // support[v]: most statements along a shortest path from a to v.
        let mut support = vec![f64::NEG_INFINITY; n];
        let mut parent: Vec<Option<NodeIndex>> = vec![None; n];
        support[a.index()] = 0.0;
        for &u in &order {
            for e in self.simple.edges(u) {
                let v = e.target();
                if dist[v.index()] != dist[u.index()].wrapping_add(1) || !open(u, v) {
                    continue;
                }
                let cand = support[u.index()] + e.weight();
                let better = cand > support[v.index()]
                    || (cand == support[v.index()] && parent[v.index()].is_some_and(|p| u < p));
                if better {
                    support[v.index()] = cand;
                    parent[v.index()] = Some(u);
                }
            }
        }
        let mut path = vec![b];
        let mut cur = b;
        while let Some(p) = parent[cur.index()] {
            path.push(p);
            cur = p;
        }
        path.reverse();
        Some(path)
    }

    /// Statements along a path of node indices.
    fn support(&self, nodes: &[NodeIndex]) -> u64 {
        nodes
            .windows(2)
            .filter_map(|w| self.simple.find_edge(w[0], w[1]))
            .map(|e| self.simple[e] as u64)
            .sum()
    }

    /// A path of node indices with its hops and their edges.
    fn path_of(&self, nodes: &[NodeIndex]) -> Path {
        let hops = nodes
            .windows(2)
            .map(|w| {
                let (u, v) = (w[0], w[1]);
                let mut links: Vec<Link> = self
                    .graph
                    .edges_connecting(u, v)
                    .map(|e| self.link(e.id(), true))
                    .chain(
                        self.graph
                            .edges_connecting(v, u)
                            .map(|e| self.link(e.id(), false)),
                    )
                    .collect();
                links.sort_by(|x, y| {
                    y.edge
                        .weight
                        .cmp(&x.edge.weight)
                        .then_with(|| x.edge.relation.cmp(&y.edge.relation))
                        .then_with(|| x.direction.cmp(&y.direction))
                });
                Hop {
                    from: self.actor_ref(u),
                    to: self.actor_ref(v),
                    links,
                }
            })
            .collect();
        Path {
            actors: nodes.iter().map(|&n| self.actor_ref(n)).collect(),
            hops,
        }
    }

    /// The actors within `radius` undirected steps of `name` and every
    /// affirmed edge among them, as a network (for export or a new graph).
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// let g = ActorGraph::from_triples(
    ///     &[("A", "supports", "B"), ("B", "supports", "C"), ("C", "supports", "A"), ("C", "fights", "D")],
    ///     &[],
    /// );
    /// let ego = g.ego_network("A", 1)?;
    /// assert_eq!(ego.nodes.len(), 3);
    /// assert_eq!(ego.edges.len(), 3, "edges among the neighbours count too");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn ego_network(&self, name: &str, radius: usize) -> Result<Network> {
        let center = self.lookup(name)?;
        let mut dist = vec![usize::MAX; self.simple.node_count()];
        dist[center.index()] = 0;
        let mut queue = VecDeque::from([center]);
        while let Some(u) = queue.pop_front() {
            if dist[u.index()] == radius {
                continue;
            }
            for v in self.simple.neighbors(u) {
                if dist[v.index()] == usize::MAX {
                    dist[v.index()] = dist[u.index()] + 1;
                    queue.push_back(v);
                }
            }
        }
        let inside = |n: NodeIndex| dist[n.index()] != usize::MAX;
        Ok(Network {
            nodes: self
                .graph
                .node_indices()
                .filter(|&n| inside(n))
                .map(|n| self.graph[n].clone())
                .collect(),
            edges: self
                .graph
                .edge_indices()
                .filter(|&e| {
                    self.graph
                        .edge_endpoints(e)
                        .is_some_and(|(s, o)| inside(s) && inside(o))
                })
                .map(|e| self.graph[e].clone())
                .collect(),
        })
    }

    /// The connected components (the graph read as undirected), largest
    /// first, then by first IRI; each lists its actors' IRIs in order.
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// let g = ActorGraph::from_triples(&[("A", "supports", "B"), ("C", "fights", "D"), ("D", "fights", "E")], &[]);
    /// let sizes: Vec<usize> = g.components().iter().map(Vec::len).collect();
    /// assert_eq!(sizes, [3, 2]);
    /// ```
    pub fn components(&self) -> Vec<Vec<String>> {
        let mut uf = UnionFind::<usize>::new(self.simple.node_count());
        for e in self.simple.edge_indices() {
            if let Some((a, b)) = self.simple.edge_endpoints(e) {
                uf.union(a.index(), b.index());
            }
        }
        let mut groups: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
        for n in self.graph.node_indices() {
            groups
                .entry(uf.find(n.index()))
                .or_default()
                .push(self.graph[n].actor.iri.clone());
        }
        let mut out: Vec<Vec<String>> = groups.into_values().collect();
        out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        out
    }

    /// Every statement between two actors, either way, with its polarity,
    /// modality, date, evidence sentence and document; denied statements are
    /// included (their polarity is `neg`). Empty on a graph made with
    /// [`ActorGraph::from_network`], which has no statements.
    ///
    /// ```
    /// use actorgraph::graph::ActorGraph;
    /// let g = ActorGraph::from_triples(&[("Russia", "supports", "Mali junta"), ("Mali junta", "hosts", "Russia")], &[]);
    /// let ex = g.explain("Mali junta", "Russia")?;
    /// assert_eq!(ex.statements.len(), 2);
    /// assert_eq!(ex.statements[0].evidence.sentence, "Russia supports Mali junta.");
    /// # Ok::<(), actorgraph::Error>(())
    /// ```
    pub fn explain(&self, a: &str, b: &str) -> Result<Explanation> {
        let (ia, ib) = (self.lookup(a)?, self.lookup(b)?);
        let (ra, rb) = (self.actor_ref(ia), self.actor_ref(ib));
        let between = |s: &Statement| {
            (s.subject == ra.iri && s.object == rb.iri)
                || (s.subject == rb.iri && s.object == ra.iri)
        };
        let mut statements: Vec<Statement> = self
            .statements
            .iter()
            .filter(|s| between(s))
            .cloned()
            .collect();
        statements.sort_by(|x, y| {
            (
                &x.doc,
                x.evidence.span.start,
                x.evidence.focus.start,
                &x.relation,
            )
                .cmp(&(
                    &y.doc,
                    y.evidence.span.start,
                    y.evidence.focus.start,
                    &y.relation,
                ))
        });
        Ok(Explanation {
            a: ra,
            b: rb,
            statements,
        })
    }
}
