//! Walks the actor graph through the public API: loads a store (or a small
//! built-in graph), then prints its components, the most central actors, a
//! neighbourhood, a path with the evidence of each hop, and communities.
//!
//! ```text
//! cargo run --example walk                          # built-in graph
//! cargo run --example walk -- store Turkey JNIM     # a store built by `actorgraph build`
//! ```

use std::path::Path;

use actorgraph::graph::{ActorGraph, Direction, HopDirection, Measure};
use actorgraph::network::Filter;
use actorgraph::ontology::Ontology;
use actorgraph::store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
