//! `actorgraph neighbors|path|explain|rank|communities`: walk and analyse the
//! graph in the store. Each command loads a filtered view of the store (the
//! view flags), makes one library call and prints a readable table, or JSON
//! with `--json`. Arabic text goes at the end of a line or on its own line,
//! so that right-to-left runs never shuffle the columns.

use std::fmt::Write as _;
use std::process::ExitCode;

use actorgraph::graph::{ActorGraph, ActorRef, Direction, HopDirection, Link, Measure, Path};
use actorgraph::model::{Modality, Polarity, Statement};
use actorgraph::network::{Edge, Filter};
use actorgraph::ontology::Ontology;
use actorgraph::store::Store;

use super::{Global, ModalityArg};

/// Which part of the store to load: relation types, date window, modality.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct ViewArgs {
    /// Keep only these relations (gold names, e.g. allied-with); repeat or separate with commas.
    #[arg(long = "relation", value_name = "REL", value_delimiter = ',')]
    relations: Vec<String>,
    /// Keep statements dated on or after DATE (2025, 2025-07, 2025-07-14).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Keep statements dated on or before DATE: the graph as of that date.
    #[arg(long, visible_alias = "as-of", value_name = "DATE")]
    to: Option<String>,
    /// Keep only these modalities; repeat or separate with commas.
    #[arg(long = "modality", value_name = "MODALITY", value_delimiter = ',')]
    modalities: Vec<ModalityArg>,
    /// Keep only edges stated at least N times.
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_weight: usize,
    /// Leave out places (cities, regions, facilities) and equipment, which
    /// otherwise link every actor that operates in or uses them.
    #[arg(long)]
    actors_only: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum DirectionArg {
    /// Edges from the actor (it is the subject).
    Out,
    /// Edges to the actor (it is the object).
    In,
    /// Both.
    Both,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum MeasureArg {
    /// Distinct actors linked to.
    Degree,
    /// PageRank along relation direction, weighted by statements.
    Pagerank,
    /// Share of shortest paths through the actor.
    Betweenness,
}

#[derive(Debug, clap::Args)]
pub(crate) struct NeighborsArgs {
    /// The actor: IRI, English or Arabic name, alias or acronym.
    actor: String,
    /// How many steps out.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// Which edges to follow: out (actor is subject), in (actor is object), or both.
    #[arg(long, value_enum, default_value = "both")]
    direction: DirectionArg,
    /// Quote the evidence of each edge, as `path` does.
    #[arg(long)]
    evidence: bool,
    #[command(flatten)]
    view: ViewArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct PathArgs {
    /// Where the path starts.
    #[arg(value_name = "FROM")]
    start: String,
    /// Where it ends.
    #[arg(value_name = "TO")]
    end: String,
    /// How many paths, shortest first. Exit code 1 when there is none.
    #[arg(long, default_value_t = 1)]
    k: usize,
    /// Longest path, in hops.
    #[arg(long, value_name = "HOPS")]
    max_len: Option<usize>,
    /// Every loopless path up to --max-len hops (default 4) instead of the k shortest.
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    view: ViewArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {
    /// One actor.
    a: String,
    /// The other.
    b: String,
    #[command(flatten)]
    view: ViewArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RankArgs {
    /// The centrality measure.
    #[arg(long, value_enum, default_value = "degree")]
    by: MeasureArg,
    /// How many actors to show.
    #[arg(long, default_value_t = 20)]
    top: usize,
    #[command(flatten)]
    view: ViewArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct CommunitiesArgs {
    /// Hide communities smaller than this (lone actors are counted, not listed).
    #[arg(long, default_value_t = 2)]
    min_size: usize,
    #[command(flatten)]
    view: ViewArgs,
}

/// Opens the store read-only and loads the view the flags ask for.
fn load(g: &Global, view: &ViewArgs) -> anyhow::Result<ActorGraph> {
    load_near(g, view, None)
}

/// [`load`], or with `near = (names, depth)` only the part of the graph
/// within `depth` steps of the named actors (see [`ActorGraph::near`]),
/// read through the store's index instead of every statement.
fn load_near(
    g: &Global,
    view: &ViewArgs,
    near: Option<(&[&str], usize)>,
) -> anyhow::Result<ActorGraph> {
    let ontology = Ontology::load(&Ontology::locate(g.ontology.as_deref()))?;
    for r in &view.relations {
        if ontology.relation(r).is_none() {
            let known: Vec<&str> = ontology.relations.iter().map(|r| r.name.as_str()).collect();
            anyhow::bail!("unknown relation {r:?}; known: {}", known.join(", "));
        }
    }
    for d in view.from.iter().chain(&view.to) {
        anyhow::ensure!(
            is_date(d),
            "bad date {d:?}: write 2025, 2025-07 or 2025-07-14"
        );
    }
    let filter = Filter {
        // The ontology also accepts local names (alliedWith): store gold names.
        relations: view
            .relations
            .iter()
            .filter_map(|r| ontology.relation(r).map(|d| d.name.clone()))
            .collect(),
        min_weight: view.min_weight,
        from: view.from.clone(),
        to: view.to.clone(),
        modalities: view.modalities.iter().map(|m| Modality::from(*m)).collect(),
        include_negated: false,
        around: None,
    };
    let store = Store::open_for_network(&g.store)?;
    let graph = match near {
        Some((names, depth)) => ActorGraph::near(&store, &ontology, &filter, names, depth)?,
        None => ActorGraph::from_store(&store, &ontology, &filter)?,
    };
    if view.actors_only {
        // A class the ontology does not define (a discovered actor's guess)
        // is kept: only known non-actors are left out.
        let known = |c: &str| ontology.classes.contains_key(c);
        return Ok(graph.retain(|n| {
            let c = n.actor.class.as_str();
            !known(c) || ontology.is_a(c, "Actor")
        }));
    }
    Ok(graph)
}

/// Writes a line to the output buffer; writing to a `String` cannot fail.
macro_rules! outln {
    ($o:expr) => {
        $o.push('\n')
    };
    ($o:expr, $($t:tt)*) => {{
        let _ = writeln!($o, $($t)*);
    }};
}

/// Prints the command's output at once. A closed pipe (`| head`) ends the
/// output quietly rather than as an error.
fn emit(out: &str) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Whether `d` is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the prefixes the
/// date filter compares.
fn is_date(d: &str) -> bool {
    let shape = d.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    shape && [4, 7, 10].contains(&d.len())
}

fn json(value: &impl serde::Serialize) -> anyhow::Result<ExitCode> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    emit(&text)
}

/// `English (Arabic)`, the Arabic last.
fn name(a: &ActorRef) -> String {
    if a.label_ar.is_empty() {
        a.label.clone()
    } else {
        format!("{} ({})", a.label, a.label_ar)
    }
}

/// The label of an edge end, from the graph.
fn label<'a>(g: &'a ActorGraph, iri: &'a str) -> &'a str {
    g.node(iri).map_or(iri, |n| n.actor.label.as_str())
}

/// `A ─rel→ B`, `A ←rel─ B` or `A ─rel─ B`, as the walk goes from A to B.
fn arrow(from: &str, to: &str, l: &Link) -> String {
    let r = &l.edge.relation;
    match l.direction {
        HopDirection::Forward => format!("{from} ─{r}→ {to}"),
        HopDirection::Backward => format!("{from} ←{r}─ {to}"),
        HopDirection::Mutual => format!("{from} ─{r}─ {to}"),
    }
}

/// `asserted · 2023..2025-07 · 3 statements in 2 documents`.
fn qualifiers(e: &Edge) -> String {
    let mut s = e.modality.as_str().to_string();
    match (&e.first_date, &e.last_date) {
        (Some(a), Some(b)) if a != b => {
            let _ = write!(s, " · {a}..{b}");
        }
        (Some(a), _) | (None, Some(a)) => {
            let _ = write!(s, " · {a}");
        }
        (None, None) => {}
    }
    let _ = write!(
        s,
        " · {} statement{} in {} document{}",
        e.weight,
        plural(e.weight),
        e.documents.len(),
        plural(e.documents.len())
    );
    s
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub(crate) fn neighbors(g: &Global, a: NeighborsArgs) -> anyhow::Result<ExitCode> {
    let graph = load_near(g, &a.view, Some((&[a.actor.as_str()], a.depth)))?;
    let mut out = String::new();
    let direction = match a.direction {
        DirectionArg::Out => Direction::Out,
        DirectionArg::In => Direction::In,
        DirectionArg::Both => Direction::Both,
    };
    let hood = graph.neighbors(&a.actor, direction, &[], a.depth)?;
    if a.view.json {
        return json(&hood);
    }
    outln!(
        out,
        "{}: {} actor{} within {} step{}",
        name(&hood.center),
        hood.actors.len(),
        plural(hood.actors.len()),
        a.depth,
        plural(a.depth)
    );
    for n in &hood.actors {
        outln!(out, "\n{}  {}", n.depth, name(&n.actor));
        for l in &n.via {
            let (s, o) = (
                label(&graph, &l.edge.subject),
                label(&graph, &l.edge.object),
            );
            let line = match l.direction {
                HopDirection::Mutual => format!("{s} ─{}─ {o}", l.edge.relation),
                _ => format!("{s} ─{}→ {o}", l.edge.relation),
            };
            outln!(out, "   {line}  [{}]", qualifiers(&l.edge));
            if a.evidence {
                print_quotes(&mut out, l);
            }
        }
    }
    emit(&out)
}

pub(crate) fn path(g: &Global, a: PathArgs) -> anyhow::Result<ExitCode> {
    let graph = load(g, &a.view)?;
    let mut out = String::new();
    anyhow::ensure!(a.k > 0, "--k must be at least 1");
    let paths: Vec<Path> = if a.all {
        graph.all_simple_paths(&a.start, &a.end, a.max_len.unwrap_or(4))?
    } else {
        graph.k_shortest_paths(&a.start, &a.end, a.k, a.max_len)?
    };
    let code = if paths.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    if a.view.json {
        json(&paths)?;
        return Ok(code);
    }
    let (from, to) = (graph.resolve(&a.start)?, graph.resolve(&a.end)?);
    let (from, to) = (label(&graph, &from.iri), label(&graph, &to.iri));
    if paths.is_empty() {
        let limit = a
            .max_len
            .or(a.all.then_some(4))
            .map_or(String::new(), |m| format!(" of at most {m} hops"));
        outln!(out, "no path{limit} between {from} and {to}");
        emit(&out)?;
        return Ok(code);
    }
    for (i, p) in paths.iter().enumerate() {
        if i > 0 {
            outln!(out);
        }
        let names: Vec<&str> = p.actors.iter().map(|a| a.label.as_str()).collect();
        outln!(
            out,
            "path {} of {}: {} hop{}: {}",
            i + 1,
            paths.len(),
            p.len(),
            plural(p.len()),
            names.join(" → ")
        );
        for (h, hop) in p.hops.iter().enumerate() {
            for l in &hop.links {
                outln!(
                    out,
                    "  {}. {}  [{}]",
                    h + 1,
                    arrow(&hop.from.label, &hop.to.label, l),
                    qualifiers(&l.edge)
                );
                print_quotes(&mut out, l);
            }
        }
    }
    emit(&out)?;
    Ok(code)
}

/// The evidence of a link: up to three statements' sentences with their
/// document and qualifiers, else the edge's first sentence.
fn print_quotes(out: &mut String, l: &Link) {
    const SHOWN: usize = 3;
    if l.quotes.is_empty() {
        outln!(out, "     {}: {}", l.edge.evidence_doc, l.edge.evidence);
    }
    for q in l.quotes.iter().take(SHOWN) {
        let mut how = q.modality.as_str().to_string();
        if let Some(d) = &q.date {
            let _ = write!(how, " · {d}");
        }
        if let Some(by) = &q.attributed_to {
            let _ = write!(how, " · according to {by}");
        }
        outln!(out, "     {} ({how}): {}", q.doc, q.sentence);
    }
    if l.quotes.len() > SHOWN {
        outln!(
            out,
            "     … and {} more (actorgraph explain)",
            l.quotes.len() - SHOWN
        );
    }
}

pub(crate) fn explain(g: &Global, a: ExplainArgs) -> anyhow::Result<ExitCode> {
    // The statements between A and B all name A: one step around A.
    let graph = load_near(g, &a.view, Some((&[a.a.as_str()], 1)))?;
    let mut out = String::new();
    let ex = graph.explain(&a.a, &a.b)?;
    if a.view.json {
        return json(&ex);
    }
    let denied = ex
        .statements
        .iter()
        .filter(|s| s.polarity == Polarity::Neg)
        .count();
    outln!(
        out,
        "{} and {}: {} statement{} ({} denied)",
        name(&ex.a),
        name(&ex.b),
        ex.statements.len(),
        plural(ex.statements.len()),
        denied
    );
    for (i, s) in ex.statements.iter().enumerate() {
        outln!(out, "\n{}. {}", i + 1, statement_line(&graph, s));
        outln!(
            out,
            "   {} sentence {} (bytes {}..{})",
            s.doc,
            s.evidence.index,
            s.evidence.span.start,
            s.evidence.span.end
        );
        outln!(out, "   {}", s.evidence.sentence);
    }
    emit(&out)
}

/// `NOT Russia ─supports→ Mali junta  [DENIED · reported · 2025 · by X]`.
fn statement_line(g: &ActorGraph, s: &Statement) -> String {
    let (subj, obj) = (label(g, &s.subject), label(g, &s.object));
    let mut q = Vec::new();
    let mut line = String::new();
    if s.polarity == Polarity::Neg {
        line.push_str("NOT ");
        q.push("DENIED".to_string());
    }
    if g.is_symmetric(&s.relation) {
        let _ = write!(line, "{subj} ─{}─ {obj}", s.relation);
    } else {
        let _ = write!(line, "{subj} ─{}→ {obj}", s.relation);
    }
    q.push(s.modality.as_str().to_string());
    if let Some(d) = &s.date {
        q.push(d.clone());
    }
    if let Some(by) = &s.attributed_to {
        q.push(format!("according to {by}"));
    }
    for n in &s.quantities {
        q.push(format!("{} {}", n.amount, n.unit));
    }
    q.push(format!("confidence {:.2}", s.confidence));
    let _ = write!(line, "  [{}]", q.join(" · "));
    line
}

pub(crate) fn rank(g: &Global, a: RankArgs) -> anyhow::Result<ExitCode> {
    let graph = load(g, &a.view)?;
    let mut out = String::new();
    let measure = match a.by {
        MeasureArg::Degree => Measure::Degree,
        MeasureArg::Pagerank => Measure::PageRank,
        MeasureArg::Betweenness => Measure::Betweenness,
    };
    let mut scores = graph.rank(measure);
    scores.truncate(a.top);
    if a.view.json {
        return json(&scores);
    }
    outln!(
        out,
        "{:>4}  {:>11}  {:>10}  actor",
        "#",
        measure.as_str(),
        "neighbours"
    );
    for (i, s) in scores.iter().enumerate() {
        outln!(
            out,
            "{:>4}  {:>11.6}  {:>10}  {}",
            i + 1,
            s.score,
            s.neighbours,
            name(&s.actor)
        );
    }
    emit(&out)
}

pub(crate) fn communities(g: &Global, a: CommunitiesArgs) -> anyhow::Result<ExitCode> {
    let graph = load(g, &a.view)?;
    let mut out = String::new();
    let mut p = graph.communities();
    let small = p
        .communities
        .iter()
        .filter(|c| c.members.len() < a.min_size)
        .count();
    p.communities.retain(|c| c.members.len() >= a.min_size);
    if a.view.json {
        return json(&p);
    }
    outln!(
        out,
        "{} communit{} of at least {} actors, modularity {:.4}; {} smaller left out",
        p.communities.len(),
        if p.communities.len() == 1 { "y" } else { "ies" },
        a.min_size,
        p.modularity,
        small
    );
    for (i, c) in p.communities.iter().enumerate() {
        outln!(
            out,
            "\n{}. {} actors, {} statement{} inside",
            i + 1,
            c.members.len(),
            c.internal_weight,
            plural(c.internal_weight as usize)
        );
        for m in &c.members {
            outln!(out, "   {}", name(m));
        }
    }
    emit(&out)
}
