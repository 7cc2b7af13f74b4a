//! Walks the actor graph through the public API: loads a store (or a small
//! built-in graph), then prints its components, the most central actors, a
//! neighbourhood, a path with the evidence of each hop, and communities.
//!
//! ```text
//! cargo run --example walk                          # built-in graph
//! cargo run --example walk -- store Turkey JNIM     # a store built by `actorgraph build`
//! cargo run --release --example walk -- --synthetic 5000   # timings on a generated graph
//! ```

use std::path::Path;

use actorgraph::graph::{ActorGraph, Direction, HopDirection, Measure};
use actorgraph::network::Filter;
use actorgraph::ontology::Ontology;
use actorgraph::store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n] = args.as_slice()
        && flag == "--synthetic"
    {
        timings(n.parse()?)?;
        return Ok(());
    }
    let (graph, from, to) = match args.as_slice() {
        [store, from, to, ..] => {
            let ontology = Ontology::load(&Ontology::locate(None))?;
            let store = Store::open_read_only(Path::new(store))?;
            let g = ActorGraph::from_store(&store, &ontology, &Filter::default())?;
            (g, from.clone(), to.clone())
        }
        _ => (built_in(), "Turkey".to_string(), "JNIM".to_string()),
    };
    println!(
        "{} actors, {} edges, {} components (largest {})",
        graph.node_count(),
        graph.edge_count(),
        graph.components().len(),
        graph.components().first().map_or(0, Vec::len)
    );

    for measure in [Measure::PageRank, Measure::Betweenness] {
        let top: Vec<String> = graph
            .rank(measure)
            .iter()
            .take(5)
            .map(|s| format!("{} {:.3}", s.actor.label, s.score))
            .collect();
        println!("top {}: {}", measure.as_str(), top.join(", "));
    }

    let hood = graph.neighbors(&from, Direction::Both, &[], 2)?;
    println!("\nwithin two steps of {}:", hood.center.label);
    for n in &hood.actors {
        let rels: Vec<&str> = n.via.iter().map(|l| l.edge.relation.as_str()).collect();
        println!("  {} {} (via {})", n.depth, n.actor.label, rels.join(", "));
    }

    match graph.shortest_path(&from, &to)? {
        None => println!("\nno path from {from} to {to}"),
        Some(path) => {
            println!("\n{from} to {to} in {} hops:", path.len());
            for hop in &path.hops {
                for link in &hop.links {
                    let arrow = match link.direction {
                        HopDirection::Forward => "→",
                        HopDirection::Backward => "←",
                        HopDirection::Mutual => "—",
                    };
                    println!(
                        "  {} {arrow}{}{arrow} {}\n      {}: {}",
                        hop.from.label,
                        link.edge.relation,
                        hop.to.label,
                        link.edge.evidence_doc,
                        link.edge.evidence
                    );
                }
            }
        }
    }

    let partition = graph.communities();
    println!("\ncommunities (modularity {:.3}):", partition.modularity);
    for c in partition.communities.iter().filter(|c| c.members.len() > 1) {
        let names: Vec<&str> = c.members.iter().map(|m| m.label.as_str()).collect();
        println!("  {}", names.join(", "));
    }
    Ok(())
}

/// A few relations from the seed articles' world, for a run without a store.
fn built_in() -> ActorGraph {
    ActorGraph::from_triples(
        &[
            ("Turkey", "supports", "Mali"),
            ("Mali", "allied-with", "Turkey"),
            ("Mali", "member-of", "AES"),
            ("Niger", "member-of", "AES"),
            ("Russia", "supports", "Mali junta"),
            ("Mali junta", "fights", "JNIM"),
            ("Mali junta", "leads", "Mali"),
            ("JNIM", "allied-with", "al-Qaeda"),
            ("JNIM", "blockaded", "Bamako"),
            ("Mali junta", "fights", "FLA"),
        ],
        &["allied-with", "fights"],
    )
}

/// Times each operation on a generated graph of `n` actors: preferential
/// attachment (each new actor links to two earlier ones, chosen in
/// proportion to their links), the shape news networks tend to have.
fn timings(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    use std::time::Instant;
    let names: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    let relations = ["supports", "fights", "allied-with", "attacked"];
    let mut ends: Vec<usize> = vec![0, 1];
    let mut triples = vec![(names[0].as_str(), "supports", names[1].as_str())];
    // A fixed linear congruential generator: the same graph every run.
    let mut seed: u64 = 42;
    let mut next = |m: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % m
    };
    for i in 2..n {
        for k in 0..2 {
            let j = ends[next(ends.len())];
            triples.push((names[i].as_str(), relations[(i + k) % 4], names[j].as_str()));
            ends.extend([i, j]);
        }
    }
    let t = Instant::now();
    let g = ActorGraph::from_triples(&triples, &["allied-with", "fights"]);
    println!(
        "{} actors, {} edges: built in {:.2?}",
        g.node_count(),
        g.edge_count(),
        t.elapsed()
    );
    let (a, b) = (names[n - 1].as_str(), names[n / 2].as_str());
    let t = Instant::now();
    let p = g.shortest_path(a, b)?.map_or(0, |p| p.len());
    println!("shortest path ({p} hops): {:.2?}", t.elapsed());
    let t = Instant::now();
    let k = g.k_shortest_paths(a, b, 5, None)?.len();
    println!("5 shortest paths ({k}): {:.2?}", t.elapsed());
    let t = Instant::now();
    let hood = g
        .neighbors(names[0].as_str(), Direction::Both, &[], 2)?
        .actors
        .len();
    println!(
        "neighbours of the oldest actor, depth 2 ({hood}): {:.2?}",
        t.elapsed()
    );
    for m in [Measure::Degree, Measure::PageRank, Measure::Betweenness] {
        let t = Instant::now();
        let top = g.rank(m);
        println!(
            "rank by {} (top {}): {:.2?}",
            m.as_str(),
            top[0].actor.label,
            t.elapsed()
        );
    }
    let t = Instant::now();
    let p = g.communities();
    println!(
        "communities ({}, modularity {:.3}): {:.2?}",
        p.communities.len(),
        p.modularity,
        t.elapsed()
    );
    Ok(())
}
