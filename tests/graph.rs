//! Graph traversal and analysis: algorithms on constructed graphs, checked
//! against networkx where it has the same measure, and the CLI commands on a
//! store built from the seeds.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::Stdio;
use std::sync::OnceLock;

use actorgraph::Error;
use actorgraph::graph::{ActorGraph, Direction, HopDirection, Measure};
use actorgraph::model::{Actor, ActorStats, Evidence, Modality, Polarity, Span, Statement, ns};
use actorgraph::network::Filter;
use actorgraph::ontology::{LexEntry, RelationDef};
use serde_json::{Value, json};

// ---------------------------------------------------------------- helpers

/// Runs tests/readers/centrality_reference.py in `mode` with `input` on stdin.
fn networkx(mode: &str, input: &Value) -> Value {
    let mut child = common::python()
        .arg("tests/readers/centrality_reference.py")
        .arg(mode)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python runs (tests/run.sh installs networkx in .venv)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.to_string().as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("python finishes");
    assert!(
        out.status.success(),
        "networkx reference failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("reference prints JSON")
}

/// The graph as the reference script reads it.
fn as_json(g: &ActorGraph) -> Value {
    json!({
        "nodes": g.nodes().map(|n| n.actor.iri.clone()).collect::<Vec<_>>(),
        "edges": g.edges().map(|e| json!([e.subject, e.object, e.weight, e.symmetric])).collect::<Vec<_>>(),
    })
}

fn iri(label: &str) -> String {
    format!("{}{}", ns::ACTOR, label.replace(' ', "_"))
}

fn assert_close(ours: &[f64], g: &ActorGraph, theirs: &Value, what: &str) {
    let nodes: Vec<String> = g.nodes().map(|n| n.actor.iri.clone()).collect();
    assert_eq!(ours.len(), nodes.len(), "{what}: one score per actor");
    for (score, node) in ours.iter().zip(&nodes) {
        let reference = theirs[node]
            .as_f64()
            .unwrap_or_else(|| panic!("{what}: networkx has no score for {node}"));
        assert!(
            (score - reference).abs() < 1e-6,
            "{what} of {node}: ours {score}, networkx {reference}"
        );
    }
}

/// A small graph with everything that changes the figures: direction, a
/// symmetric relation, a repeated statement (weight 2), parallel relations
/// between one pair, an actor without outgoing edges (dangling for
/// PageRank), a bridge and a separate component.
fn mixed() -> ActorGraph {
    ActorGraph::from_triples(
        &[
            ("Turkey", "supplies", "Mali junta"),
            ("Turkey", "supplies", "Mali junta"),
            ("Russia", "supports", "Mali junta"),
            ("Russia", "allied-with", "Mali junta"),
            ("Africa Corps", "affiliated-with", "Russia"),
            ("Africa Corps", "deployed-to", "Mali"),
            ("Mali junta", "fights", "JNIM"),
            ("Mali junta", "fights", "FLA"),
            ("JNIM", "allied-with", "al-Qaeda"),
            ("JNIM", "attacked", "Bamako"),
            ("FLA", "allied-with", "JNIM"),
            ("ISSP", "fights", "JNIM"),
            ("Niger", "member-of", "AES"),
            ("Burkina Faso", "member-of", "AES"),
        ],
        &["allied-with", "fights"],
    )
}

fn two_cliques(k: usize) -> ActorGraph {
    let names: Vec<(String, String)> = (0..k).map(|i| (format!("A{i}"), format!("B{i}"))).collect();
    let mut triples = Vec::new();
    for i in 0..k {
        for j in i + 1..k {
            triples.push((names[i].0.as_str(), "allied-with", names[j].0.as_str()));
            triples.push((names[i].1.as_str(), "allied-with", names[j].1.as_str()));
        }
    }
    triples.push(("A0", "fights", "B0"));
    ActorGraph::from_triples(&triples, &["allied-with"])
}

fn karate() -> (ActorGraph, Value) {
    let reference = networkx("karate", &json!({}));
    let edges: Vec<(String, String)> = reference["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| {
            let n = |i: usize| e[i].as_u64().expect("member number");
            (format!("m{:02}", n(0)), format!("m{:02}", n(1)))
        })
        .collect();
    let triples: Vec<(&str, &str, &str)> = edges
        .iter()
        .map(|(a, b)| (a.as_str(), "allied-with", b.as_str()))
        .collect();
    (
        ActorGraph::from_triples(&triples, &["allied-with"]),
        reference,
    )
}

// ---------------------------------------------------------------- centrality

#[test]
fn pagerank_betweenness_and_degree_match_networkx_on_a_mixed_graph() {
    let g = mixed();
    let reference = networkx("centrality", &as_json(&g));
    assert_close(&g.pagerank(0.85), &g, &reference["pagerank"], "pagerank");
    assert_close(
        &g.betweenness(),
        &g,
        &reference["betweenness"],
        "betweenness",
    );
    assert_close(&g.degree_centrality(), &g, &reference["degree"], "degree");
    // The junta sits between the suppliers and the armed groups.
    let top = g.rank(Measure::Betweenness);
    assert_eq!(top[0].actor.label, "Mali junta");
}

#[test]
fn pagerank_and_betweenness_match_networkx_on_the_karate_club() {
    let (g, _) = karate();
    assert_eq!((g.node_count(), g.edge_count()), (34, 78));
    let reference = networkx("centrality", &as_json(&g));
    assert_close(&g.pagerank(0.85), &g, &reference["pagerank"], "pagerank");
    assert_close(
        &g.betweenness(),
        &g,
        &reference["betweenness"],
        "betweenness",
    );
    let top: Vec<String> = g
        .rank(Measure::Betweenness)
        .iter()
        .take(2)
        .map(|s| s.actor.label.clone())
        .collect();
    assert_eq!(top, ["m00", "m33"], "the instructor and the administrator");
}

#[test]
fn rank_sorts_highest_first_and_counts_neighbours() {
    let g = mixed();
    for m in [Measure::Degree, Measure::PageRank, Measure::Betweenness] {
        let r = g.rank(m);
        assert_eq!(r.len(), g.node_count());
        assert!(r.windows(2).all(|w| w[0].score >= w[1].score), "{m:?}");
    }
    let deg = g.rank(Measure::Degree);
    let junta = deg
        .iter()
        .find(|s| s.actor.label == "Mali junta")
        .expect("junta");
    // Turkey, Russia, JNIM, FLA: parallel relations with Russia count once.
    assert_eq!(junta.neighbours, 4);
    assert!((junta.score - 4.0 / (g.node_count() - 1) as f64).abs() < 1e-12);
}

// ---------------------------------------------------------------- communities

#[test]
fn louvain_splits_two_cliques_joined_by_one_edge() {
    let g = two_cliques(5);
    let p = g.communities();
    assert_eq!(p.communities.len(), 2);
    for c in &p.communities {
        let prefixes: BTreeSet<char> = c
            .members
            .iter()
            .map(|m| m.label.as_bytes()[0] as char)
            .collect();
        assert_eq!(
            prefixes.len(),
            1,
            "a community is one clique: {:?}",
            c.members
        );
        assert_eq!(c.members.len(), 5);
        assert_eq!(c.internal_weight, 10.0);
    }
    let partition: Vec<Vec<String>> = p
        .communities
        .iter()
        .map(|c| c.members.iter().map(|m| m.iri.clone()).collect())
        .collect();
    let mut input = as_json(&g);
    input["partition"] = json!(partition);
    let q = networkx("modularity", &input)["modularity"]
        .as_f64()
        .expect("q");
    assert!(
        (p.modularity - q).abs() < 1e-9,
        "ours {}, networkx {q}",
        p.modularity
    );
    assert_eq!(
        g.communities(),
        p,
        "the same graph gives the same partition"
    );
}

#[test]
fn louvain_on_the_karate_club_reaches_networkx_quality() {
    let (g, reference) = karate();
    let p = g.communities();
    let partition: Vec<Vec<String>> = p
        .communities
        .iter()
        .map(|c| c.members.iter().map(|m| m.iri.clone()).collect())
        .collect();
    let members: usize = partition.iter().map(Vec::len).sum();
    assert_eq!(members, 34, "every member in exactly one community");
    let mut input = as_json(&g);
    input["partition"] = json!(partition);
    let q = networkx("modularity", &input)["modularity"]
        .as_f64()
        .expect("q");
    assert!(
        (p.modularity - q).abs() < 1e-9,
        "ours {}, networkx {q}",
        p.modularity
    );
    let greedy = reference["greedy"].as_f64().expect("greedy");
    let louvain = reference["louvain"].as_f64().expect("louvain");
    eprintln!("karate modularity: ours {q:.4}, networkx greedy {greedy:.4}, louvain {louvain:.4}");
    assert!(q >= greedy, "ours {q} below networkx greedy {greedy}");
    assert!(
        q >= louvain - 0.01,
        "ours {q} well below networkx louvain {louvain}"
    );
    assert!(
        (3..=5).contains(&p.communities.len()),
        "{} communities",
        p.communities.len()
    );
}

#[test]
fn partition_of_scores_a_given_partition() {
    let g = two_cliques(3);
    let cliques: Vec<usize> = g
        .nodes()
        .map(|n| usize::from(n.actor.label.starts_with('B')))
        .collect();
    let mixed: Vec<usize> = (0..g.node_count()).map(|i| i % 2).collect();
    assert!(g.partition_of(&cliques).modularity > g.partition_of(&mixed).modularity);
    assert!((g.partition_of(&cliques).modularity - g.communities().modularity).abs() < 1e-12);
}

// ---------------------------------------------------------------- paths

#[test]
fn shortest_path_reads_the_graph_undirected_and_reports_each_hop() {
    let g = mixed();
    let p = g
        .shortest_path("Turkey", "al-Qaeda")
        .expect("known")
        .expect("connected");
    let names: Vec<&str> = p.actors.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(names, ["Turkey", "Mali junta", "JNIM", "al-Qaeda"]);
    assert_eq!(p.len(), 3);
    let first = &p.hops[0].links;
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].direction, HopDirection::Forward);
    assert_eq!(first[0].edge.weight, 2, "both supply statements");
    assert_eq!(first[0].edge.evidence, "Turkey supplies Mali junta.");
    let quotes: Vec<(&str, &str)> = first[0]
        .quotes
        .iter()
        .map(|q| (q.sentence.as_str(), q.doc.as_str()))
        .collect();
    assert_eq!(
        quotes,
        [("Turkey supplies Mali junta.", "triples"); 2],
        "one quote per statement"
    );
    assert!(first[0].quotes[0].span.start < first[0].quotes[1].span.start);
    // A graph over a bare network has the edge's evidence but no quotes.
    let bare = ActorGraph::from_network(actorgraph::network::Network {
        nodes: g.nodes().cloned().collect(),
        edges: g.edges().cloned().collect(),
    });
    let p2 = bare
        .shortest_path("Turkey", "al-Qaeda")
        .expect("known")
        .expect("connected");
    assert_eq!(p2.actors, p.actors);
    assert!(p2.hops[0].links[0].quotes.is_empty());
    assert_eq!(p2.hops[0].links[0].edge, first[0].edge);
    assert_eq!(p.hops[1].links[0].direction, HopDirection::Mutual);

    // Against the direction of the relations: Bamako is only ever an object.
    let back = g
        .shortest_path("Bamako", "ISSP")
        .expect("known")
        .expect("connected");
    assert_eq!(back.len(), 2);
    assert_eq!(back.hops[0].links[0].direction, HopDirection::Backward);
    assert_eq!(back.hops[0].links[0].edge.relation, "attacked");

    // Two relations between one pair are both reported on the hop.
    let r = g
        .shortest_path("Russia", "Mali junta")
        .expect("known")
        .expect("path");
    let rels: BTreeSet<&str> = r.hops[0]
        .links
        .iter()
        .map(|l| l.edge.relation.as_str())
        .collect();
    assert_eq!(rels, BTreeSet::from(["allied-with", "supports"]));

    assert!(g.shortest_path("Niger", "JNIM").expect("known").is_none());
    let same = g
        .shortest_path("JNIM", "JNIM")
        .expect("known")
        .expect("trivial");
    assert!(same.is_empty());
}

#[test]
fn among_equally_short_paths_the_best_supported_comes_first() {
    // A diamond: A-B-D and A-C-D, the second stated twice on each hop.
    let g = ActorGraph::from_triples(
        &[
            ("A", "supports", "B"),
            ("B", "supports", "D"),
            ("A", "supports", "C"),
            ("A", "supports", "C"),
            ("C", "fights", "D"),
            ("D", "fights", "C"),
        ],
        &[],
    );
    let names = |p: &actorgraph::graph::Path| {
        p.actors
            .iter()
            .map(|a| a.label.as_str())
            .collect::<Vec<_>>()
            .join("")
    };
    let p = g.shortest_path("A", "D").expect("known").expect("path");
    assert_eq!(names(&p), "ACD");
    assert_eq!(
        names(&g.shortest_path("D", "A").expect("known").expect("path")),
        "DCA"
    );
    let k: Vec<String> = g
        .k_shortest_paths("A", "D", 3, None)
        .expect("known")
        .iter()
        .map(names)
        .collect();
    assert_eq!(k, ["ACD", "ABD"]);
    // With equal support, node order decides: B before C.
    let even = ActorGraph::from_triples(
        &[
            ("A", "supports", "C"),
            ("C", "supports", "D"),
            ("A", "supports", "B"),
            ("B", "supports", "D"),
        ],
        &[],
    );
    assert_eq!(
        names(&even.shortest_path("A", "D").expect("known").expect("path")),
        "ABD"
    );
}

#[test]
fn k_shortest_and_all_simple_paths_on_a_square_with_a_tail() {
    // A-B-C-D-A square, a diagonal A-C, and a tail C-E.
    let g = ActorGraph::from_triples(
        &[
            ("A", "supports", "B"),
            ("B", "supports", "C"),
            ("C", "supports", "D"),
            ("D", "supports", "A"),
            ("A", "fights", "C"),
            ("C", "fights", "E"),
        ],
        &[],
    );
    let label = |p: &actorgraph::graph::Path| {
        p.actors
            .iter()
            .map(|a| a.label.as_str())
            .collect::<Vec<_>>()
            .join("")
    };
    let k: Vec<String> = g
        .k_shortest_paths("A", "E", 10, None)
        .expect("known")
        .iter()
        .map(label)
        .collect();
    assert_eq!(k, ["ACE", "ABCE", "ADCE"]);
    let two = g.k_shortest_paths("A", "E", 2, None).expect("known");
    assert_eq!(two.iter().map(label).collect::<Vec<_>>(), ["ACE", "ABCE"]);
    assert!(
        g.k_shortest_paths("A", "E", 10, Some(1))
            .expect("known")
            .is_empty()
    );
    let all: Vec<String> = g
        .all_simple_paths("B", "D", 4)
        .expect("known")
        .iter()
        .map(label)
        .collect();
    assert_eq!(all, ["BAD", "BCD", "BACD", "BCAD"]);
    assert_eq!(g.all_simple_paths("B", "D", 2).expect("known").len(), 2);
    // Every hop of every path carries the evidence of its edges.
    for p in g.all_simple_paths("B", "E", 4).expect("known") {
        for hop in &p.hops {
            assert!(!hop.links.is_empty());
            for l in &hop.links {
                assert!(l.edge.evidence.contains(&l.edge.relation));
            }
        }
    }
}

#[test]
fn neighbours_follow_direction_relation_and_depth() {
    let g = mixed();
    let out = g
        .neighbors("Africa Corps", Direction::Out, &[], 1)
        .expect("known");
    let names: Vec<&str> = out.actors.iter().map(|n| n.actor.label.as_str()).collect();
    assert_eq!(names, ["Mali", "Russia"]);
    assert!(
        g.neighbors("Africa Corps", Direction::In, &[], 3)
            .expect("known")
            .actors
            .is_empty()
    );

    // Symmetric relations are followed both ways even with a direction.
    let inward = g.neighbors("JNIM", Direction::In, &[], 1).expect("known");
    let names: BTreeSet<&str> = inward
        .actors
        .iter()
        .map(|n| n.actor.label.as_str())
        .collect();
    assert_eq!(
        names,
        BTreeSet::from(["FLA", "ISSP", "Mali junta", "al-Qaeda"])
    );

    let two = g.neighbors("JNIM", Direction::Both, &[], 2).expect("known");
    let depth: BTreeMap<&str, usize> = two
        .actors
        .iter()
        .map(|n| (n.actor.label.as_str(), n.depth))
        .collect();
    assert_eq!(depth["Bamako"], 1);
    assert_eq!(depth["Turkey"], 2);
    assert!(!depth.contains_key("Africa Corps"), "three steps away");
    // Each actor is reached by edges from actors one step closer.
    let at: BTreeMap<&str, usize> = depth.clone().into_iter().chain([("JNIM", 0)]).collect();
    for n in &two.actors {
        assert!(!n.via.is_empty());
        for l in &n.via {
            let other = if l.edge.subject == n.actor.iri {
                &l.edge.object
            } else {
                &l.edge.subject
            };
            let other = g.node(other).expect("node").actor.label.as_str();
            assert_eq!(at[other] + 1, n.depth, "{} via {other}", n.actor.label);
        }
    }
    let russia = two
        .actors
        .iter()
        .find(|n| n.actor.label == "Russia")
        .expect("Russia");
    assert_eq!(
        russia.via.len(),
        2,
        "allied-with and supports from the junta"
    );

    let fights = g
        .neighbors("JNIM", Direction::Both, &["fights".to_string()], 2)
        .expect("known");
    let names: BTreeSet<&str> = fights
        .actors
        .iter()
        .map(|n| n.actor.label.as_str())
        .collect();
    assert_eq!(names, BTreeSet::from(["FLA", "ISSP", "Mali junta"]));
}

#[test]
fn ego_network_and_components() {
    let g = mixed();
    let ego = g.ego_network("JNIM", 1).expect("known");
    let names: BTreeSet<&str> = ego.nodes.iter().map(|n| n.actor.label.as_str()).collect();
    assert_eq!(
        names,
        BTreeSet::from(["Bamako", "FLA", "ISSP", "JNIM", "Mali junta", "al-Qaeda"])
    );
    // The junta fights FLA: an edge between two neighbours is kept.
    assert!(
        ego.edges
            .iter()
            .any(|e| e.subject == iri("FLA") && e.object == iri("Mali junta"))
    );
    assert!(
        ego.edges
            .iter()
            .all(|e| names.contains(g.node(&e.subject).expect("n").actor.label.as_str()))
    );

    let comps = g.components();
    assert_eq!(comps.iter().map(Vec::len).collect::<Vec<_>>(), [10, 3]);
    assert_eq!(comps[1], [iri("AES"), iri("Burkina Faso"), iri("Niger")]);
}

#[test]
fn retain_drops_actors_with_their_edges_and_statements() {
    let g = mixed();
    let places = ["Bamako", "Mali"];
    let kept = g
        .clone()
        .retain(|n| !places.contains(&n.actor.label.as_str()));
    assert_eq!(kept.node_count(), g.node_count() - 2);
    assert_eq!(kept.edge_count(), g.edge_count() - 2);
    assert!(
        kept.edges()
            .all(|e| e.subject != iri("Bamako") && e.object != iri("Bamako"))
    );
    assert!(kept.explain("JNIM", "Bamako").is_err());
    assert!(kept.is_symmetric("fights") && !kept.is_symmetric("supplies"));
    // Quotes survive: statements between kept actors are kept.
    let p = kept
        .shortest_path("Turkey", "JNIM")
        .expect("known")
        .expect("path");
    assert_eq!(p.hops[0].links[0].quotes.len(), 2);
}

// ---------------------------------------------------------------- lookup, explain, as-of

fn actor(label: &str, label_ar: &str) -> ActorStats {
    ActorStats {
        actor: Actor {
            iri: iri(label),
            label: label.into(),
            label_ar: label_ar.into(),
            class: "State".into(),
            discovered: false,
            lat: None,
            long: None,
        },
        mentions: 1,
        documents: 1,
    }
}

fn statement(
    s: &str,
    r: &str,
    o: &str,
    pol: Polarity,
    date: &str,
    sentence: &str,
    at: usize,
) -> Statement {
    let span = Span::new(at, at + sentence.len());
    Statement {
        doc: "doc.txt".into(),
        subject: iri(s),
        relation: r.into(),
        object: iri(o),
        polarity: pol,
        modality: Modality::Reported,
        date: Some(date.into()),
        quantities: vec![],
        attributed_to: None,
        evidence: Evidence {
            index: at,
            sentence: sentence.into(),
            span,
            focus: span,
        },
        pattern: "test".into(),
        confidence: 0.8,
    }
}

fn relations() -> Vec<RelationDef> {
    ["supports", "allied-with"]
        .iter()
        .map(|n| RelationDef {
            iri: format!("{}{n}", ns::AG),
            name: n.to_string(),
            label: n.to_string(),
            label_ar: String::new(),
            symmetric: *n == "allied-with",
            cameo: None,
        })
        .collect()
}

fn sahel() -> (Vec<ActorStats>, Vec<Statement>) {
    let actors = vec![
        actor("Russia", "روسيا"),
        actor("Mali junta", "المجلس العسكري في مالي"),
        actor("France", "فرنسا"),
        actor("al-Qaeda", "القاعدة"),
    ];
    let statements = vec![
        statement(
            "France",
            "supports",
            "Mali junta",
            Polarity::Pos,
            "2013",
            "دعمت فرنسا مالي.",
            0,
        ),
        statement(
            "Russia",
            "supports",
            "Mali junta",
            Polarity::Pos,
            "2022",
            "تدعم روسيا المجلس العسكري.",
            100,
        ),
        statement(
            "Mali junta",
            "allied-with",
            "Russia",
            Polarity::Pos,
            "2023",
            "تحالف المجلس مع روسيا.",
            200,
        ),
        statement(
            "Russia",
            "allied-with",
            "al-Qaeda",
            Polarity::Neg,
            "2024",
            "لم تتحالف روسيا مع القاعدة.",
            300,
        ),
    ];
    (actors, statements)
}

fn lexicon() -> Vec<LexEntry> {
    vec![
        LexEntry {
            iri: iri("al-Qaeda"),
            class: "ArmedGroup".into(),
            label: "al-Qaeda".into(),
            label_ar: "القاعدة".into(),
            aliases_ar: vec!["تنظيم القاعدة".into()],
            aliases_latin: vec!["Al Qaida".into()],
            acronyms: vec!["AQ".into()],
            ..LexEntry::default()
        },
        LexEntry {
            iri: iri("Mali junta"),
            class: "Government".into(),
            label: "Mali junta".into(),
            label_ar: "المجلس العسكري في مالي".into(),
            aliases_ar: vec!["الحكومة العسكرية".into()],
            ..LexEntry::default()
        },
        LexEntry {
            iri: iri("Russia"),
            class: "State".into(),
            label: "Russia".into(),
            label_ar: "روسيا".into(),
            adjectives: vec!["روسي".into()],
            demonym_plurals: vec!["روس".into()],
            metonyms: vec!["موسكو".into()],
            ..LexEntry::default()
        },
        LexEntry {
            iri: format!("{}Wagner_Group", ns::ACTOR),
            class: "ArmedGroup".into(),
            label: "Wagner Group".into(),
            label_ar: "مجموعة فاغنر".into(),
            ..LexEntry::default()
        },
    ]
}

#[test]
fn lookup_by_iri_label_alias_acronym_and_arabic_with_clitics() {
    let (actors, statements) = sahel();
    let filter = Filter {
        include_negated: true,
        ..Filter::default()
    };
    let grammar = actorgraph::grammar::Grammar::load(&actorgraph::ontology::Ontology::locate(None))
        .expect("the repository's grammar loads");
    let g = ActorGraph::from_parts(actors, &statements, &relations(), &filter)
        .with_lexicon(&lexicon())
        .with_grammar(&grammar);
    let is = |name: &str, label: &str| {
        let r = g.resolve(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(r.iri, iri(label), "{name}");
    };
    is(&iri("Russia"), "Russia");
    is("Mali_junta", "Mali junta");
    is("MALI JUNTA", "Mali junta");
    is("al qaida", "al-Qaeda");
    is("aq", "al-Qaeda");
    is("روسيا", "Russia");
    is("وروسيا", "Russia"); // U+0648 و, the conjunction
    is("بروسيا", "Russia"); // U+0628 ب
    is("وبروسيا", "Russia");
    is("للقاعدة", "al-Qaeda"); // ل + ال with the alef dropped
    is("والقاعدة", "al-Qaeda");
    is("وتنظيم القاعدة", "al-Qaeda");
    is("بالحكومة العسكرية", "Mali junta");
    // Spelling folded as the recognizer folds it: U+0629 ة as U+0647 ه,
    // hamza seats as bare alef, harakat dropped.
    is("تنظيم القاعده", "al-Qaeda");
    is("لِلقَاعِدَةِ", "al-Qaeda");
    assert_eq!(g.resolve("للقاعدة").expect("found").matched, "القاعدة");

    match g.resolve("Rusia") {
        Err(Error::UnknownActor { name, suggestions }) => {
            assert_eq!(name, "Rusia");
            assert_eq!(suggestions.first().map(String::as_str), Some("Russia"));
            assert!(suggestions.len() <= 5);
        }
        other => panic!("expected UnknownActor, got {other:?}"),
    }
    is("روسي", "Russia");
    is("والروس", "Russia");
    is("لموسكو", "Russia");
    match g.resolve("روسياا") {
        Err(Error::UnknownActor { suggestions, .. }) => {
            assert!(suggestions[0].contains("Russia"), "{suggestions:?}");
        }
        other => panic!("expected UnknownActor, got {other:?}"),
    }
    // In the lexicon but not in this graph.
    assert!(matches!(
        g.resolve("فاغنر"),
        Err(Error::UnknownActor { .. })
    ));
    assert!(matches!(g.resolve("مجموعة فاغنر"), Err(Error::Usage(_))));
}

#[test]
fn explain_lists_every_statement_with_denials_marked() {
    let (actors, statements) = sahel();
    let g = ActorGraph::from_parts(actors, &statements, &relations(), &Filter::default());
    assert_eq!(g.edge_count(), 3, "the denial makes no edge");
    assert!(
        g.shortest_path("Russia", "al-Qaeda")
            .expect("known")
            .is_none()
    );
    let ex = g.explain("Russia", "al-Qaeda").expect("known");
    assert_eq!(ex.statements.len(), 1);
    assert_eq!(ex.statements[0].polarity, Polarity::Neg);
    assert!(ex.statements[0].evidence.sentence.starts_with("لم"));
    let ex = g.explain("Russia", "Mali junta").expect("known");
    let rels: Vec<&str> = ex.statements.iter().map(|s| s.relation.as_str()).collect();
    assert_eq!(
        rels,
        ["supports", "allied-with"],
        "both ways, in text order"
    );
}

#[test]
fn an_as_of_view_drops_later_statements() {
    let (actors, statements) = sahel();
    let as_of = Filter {
        to: Some("2020".into()),
        ..Filter::default()
    };
    let g = ActorGraph::from_parts(actors.clone(), &statements, &relations(), &as_of);
    assert_eq!(g.node_count(), 2);
    assert!(matches!(
        g.resolve("Russia"),
        Err(Error::UnknownActor { .. })
    ));
    assert!(
        g.explain("France", "Mali junta")
            .expect("known")
            .statements
            .len()
            == 1
    );
    let later = Filter {
        from: Some("2022".into()),
        ..Filter::default()
    };
    let g = ActorGraph::from_parts(actors, &statements, &relations(), &later);
    assert!(g.resolve("France").is_err());
    assert_eq!(
        g.explain("Russia", "Mali junta")
            .expect("known")
            .statements
            .len(),
        2
    );
}

// ---------------------------------------------------------------- CLI on the seeds

/// A store built from the seeds, once for all CLI tests.
fn seeds_store() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        common::build_seeds(dir.path());
        dir
    })
    .path()
}

fn cli(args: &[&str]) -> assert_cmd::assert::Assert {
    common::actorgraph()
        .args(args)
        .arg("--store")
        .arg(seeds_store().join("store"))
        .assert()
}

fn cli_json(args: &[&str]) -> Value {
    let out = cli(args).success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("--json prints JSON")
}

fn has_arabic(s: &str) -> bool {
    s.chars()
        .filter(|c| ('\u{600}'..='\u{6ff}').contains(c))
        .count()
        >= 5
}

#[test]
fn cli_path_from_turkey_to_jnim_has_evidence_on_every_hop() {
    let paths = cli_json(&["path", "Turkey", "JNIM", "--k", "3", "--json"]);
    let paths = paths.as_array().expect("a list of paths");
    assert!(
        !paths.is_empty(),
        "Turkey and JNIM are connected in the seeds"
    );
    let mut last_len = 0;
    for p in paths {
        let actors = p["actors"].as_array().expect("actors");
        assert_eq!(actors[0]["label"], "Turkey");
        assert_eq!(actors[actors.len() - 1]["label"], "JNIM");
        let hops = p["hops"].as_array().expect("hops");
        assert_eq!(hops.len() + 1, actors.len());
        assert!(hops.len() >= last_len, "shortest first");
        last_len = hops.len();
        for hop in hops {
            let links = hop["links"].as_array().expect("links");
            assert!(!links.is_empty());
            for l in links {
                let e = &l["edge"];
                let sentence = e["evidence"].as_str().expect("evidence");
                assert!(has_arabic(sentence), "hop evidence is Arabic: {sentence}");
                assert!(
                    e["evidence_doc"]
                        .as_str()
                        .is_some_and(|d| d.ends_with(".txt"))
                );
                assert!(
                    ["forward", "backward", "mutual"]
                        .contains(&l["direction"].as_str().expect("dir"))
                );
                let quotes = l["quotes"].as_array().expect("quotes");
                assert_eq!(quotes.len() as u64, e["weight"].as_u64().expect("weight"));
                for q in quotes {
                    assert!(has_arabic(q["sentence"].as_str().expect("sentence")));
                    assert!(q["doc"].as_str().is_some_and(|d| d.ends_with(".txt")));
                    assert!(q["modality"].is_string());
                }
                let ends = [e["subject"].clone(), e["object"].clone()];
                assert!(ends.contains(&hop["from"]["iri"]) && ends.contains(&hop["to"]["iri"]));
            }
        }
    }
    let table = cli(&["path", "Turkey", "JNIM"])
        .success()
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8(table).expect("UTF-8");
    assert!(
        table.contains("Turkey") && table.contains("JNIM") && has_arabic(&table),
        "{table}"
    );
}

#[test]
fn cli_path_without_an_answer_exits_1_with_an_empty_list() {
    let out = cli(&["path", "Turkey", "JNIM", "--max-len", "0", "--json"])
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(v, json!([]));
    let out = cli(&["path", "Turkey", "JNIM", "--max-len", "0"])
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(out)
            .expect("UTF-8")
            .starts_with("no path of at most 0 hops")
    );
}

#[test]
fn cli_neighbors_reach_actors_step_by_step() {
    let hood = cli_json(&["neighbors", "JNIM", "--depth", "2", "--json"]);
    assert_eq!(hood["center"]["label"], "JNIM");
    let actors = hood["actors"].as_array().expect("actors");
    assert!(actors.iter().any(|a| a["depth"] == 1));
    assert!(
        actors.iter().any(|a| a["depth"] == 2),
        "two steps reach further"
    );
    for a in actors {
        assert!(a["depth"].as_u64().is_some_and(|d| (1..=2).contains(&d)));
        assert!(!a["via"].as_array().expect("via").is_empty());
    }
    let plain = cli(&["neighbors", "JNIM"])
        .success()
        .get_output()
        .stdout
        .clone();
    let quoted = cli(&["neighbors", "JNIM", "--evidence"])
        .success()
        .get_output()
        .stdout
        .clone();
    let (plain, quoted) = (
        String::from_utf8(plain).expect("UTF-8"),
        String::from_utf8(quoted).expect("UTF-8"),
    );
    assert!(quoted.lines().count() > plain.lines().count());
    assert!(quoted.lines().any(|l| l.contains(".txt") && has_arabic(l)));
    // The Arabic name with a clitic finds the same actor as the English one.
    let ru = cli_json(&["neighbors", "Russia", "--json"]);
    let ar = cli_json(&["neighbors", "وروسيا", "--json"]);
    assert_eq!(ru["center"], ar["center"]);
    assert_eq!(ru["actors"], ar["actors"]);
}

#[test]
fn cli_explain_shows_each_statement_with_arabic_evidence() {
    let ex = cli_json(&["explain", "Russia", "Mali junta", "--json"]);
    let sts = ex["statements"].as_array().expect("statements");
    assert!(
        !sts.is_empty(),
        "the seeds relate Russia and the Mali junta"
    );
    let pair = BTreeSet::from([ex["a"]["iri"].to_string(), ex["b"]["iri"].to_string()]);
    for s in sts {
        assert_eq!(
            BTreeSet::from([s["subject"].to_string(), s["object"].to_string()]),
            pair
        );
        assert!(has_arabic(
            s["evidence"]["sentence"].as_str().expect("sentence")
        ));
        assert!(["pos", "neg"].contains(&s["polarity"].as_str().expect("polarity")));
    }
    let table = cli(&["explain", "Russia", "Mali junta"])
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(has_arabic(&String::from_utf8(table).expect("UTF-8")));
}

#[test]
fn cli_rank_and_communities() {
    for by in ["degree", "pagerank", "betweenness"] {
        let r = cli_json(&["rank", "--by", by, "--top", "5", "--json"]);
        let r = r.as_array().expect("scores");
        assert_eq!(r.len(), 5, "{by}");
        let scores: Vec<f64> = r
            .iter()
            .map(|s| s["score"].as_f64().expect("score"))
            .collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{by}: {scores:?}");
        assert!(scores[0] > 0.0 && scores[0] <= 1.0, "{by}: {scores:?}");
    }
    let all = cli_json(&["rank", "--top", "10000", "--json"]);
    let only = cli_json(&["rank", "--top", "10000", "--json", "--actors-only"]);
    let iris = |v: &Value| -> BTreeSet<String> {
        v.as_array()
            .expect("scores")
            .iter()
            .map(|s| s["actor"]["iri"].to_string())
            .collect()
    };
    assert!(iris(&only).is_subset(&iris(&all)));
    assert!(
        iris(&only).len() < iris(&all).len(),
        "the seeds name places"
    );
    // An "as of" view keeps dated statements up to the date only.
    let as_of = cli_json(&["rank", "--top", "10000", "--json", "--as-of", "2024"]);
    assert!(iris(&as_of).is_subset(&iris(&all)));
    assert!(iris(&as_of).len() < iris(&all).len());
    let err = cli(&["rank", "--to", "2025-7"])
        .failure()
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8(err).expect("UTF-8").contains("bad date"));
    // The same store gives byte-identical answers.
    let runs: [&[&str]; 2] = [&["communities", "--json"], &["rank", "--by", "betweenness"]];
    for args in runs {
        let a = cli(args).success().get_output().stdout.clone();
        let b = cli(args).success().get_output().stdout.clone();
        assert_eq!(a, b, "{args:?}");
    }
    let p = cli_json(&["communities", "--json"]);
    let q = p["modularity"].as_f64().expect("modularity");
    assert!(q > 0.0 && q < 1.0, "{q}");
    let mut seen = BTreeSet::new();
    for c in p["communities"].as_array().expect("communities") {
        let members = c["members"].as_array().expect("members");
        assert!(members.len() >= 2);
        for m in members {
            assert!(seen.insert(m["iri"].to_string()), "{m} in two communities");
        }
    }
}

#[test]
fn cli_unknown_actor_suggests_close_names() {
    let out = cli(&["neighbors", "JNMI"])
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("UTF-8");
    assert!(
        err.contains("unknown actor") && err.contains("JNIM"),
        "{err}"
    );
    let out = cli(&["rank", "--relation", "befriends"])
        .failure()
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8(out)
            .expect("UTF-8")
            .contains("allied-with")
    );
}
