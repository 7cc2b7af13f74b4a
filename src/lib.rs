//! actorgraph: Arabic news articles in, a knowledge graph of actors and their
//! relations out.
//!
//! The modules below are declared in the order data flows through the
//! pipeline (see ARCHITECTURE.md). The types that pass between stages live in
//! [`model`]; stages are plain functions over them.

pub mod error;
pub mod model;

// Loads the ontology and the actor lexicon from `ontology/`.
pub mod ontology;
// A language's closed word classes and affixes, from `ontology/lang/<lang>/`.
pub mod grammar;

// Reads `.txt` files, folders and JSON Lines into documents.
pub mod ingest;
// The one text model: the fold for matching (with a map back to original
// byte offsets) and tokens; a utility of every stage, not a stage.
pub mod text;
// Splits a document into sentences (byte spans of the original text).
pub mod sentences;
// Recognizes actor mentions: lexicon, clitics, adjectives, discovery, references.
pub mod mentions;
// Extracts typed relations between mentions, with their qualifiers.
pub mod relations;
// All of `ontology/` loaded and compiled once, and its fingerprint.
pub mod rules;
// Runs the stages over a corpus, in parallel, and hands results to the store.
pub mod pipeline;
// Maps statements to RDF and keeps them in Oxigraph (the only module touching it).
pub mod store;
// SPARQL queries over the store, with result serialization.
pub mod query;
// What one SPARQL query may cost: nesting, operators, memory (hostile input).
pub mod sparql_guard;
// Control characters escaped before text reaches a terminal.
pub mod terminal;
// A read-only SPARQL 1.1 Protocol endpoint over the store.
pub mod serve;
// Form and query-string decoding shared by the endpoint and the explorer.
mod form;
// The aggregated network view (nodes, edges) that exports and traversal share.
pub mod network;
// Writes the graph as GraphML, GEXF, CSV, node-link JSON and RDF formats.
pub mod export;
// The explorer web page: the network drawn, every edge opening its evidence.
pub mod explorer;
// Traversal and analysis on petgraph: neighbours, paths, centrality, communities.
pub mod graph;
// Compares extracted relations with a gold TSV.
pub mod eval;

pub use error::{Error, Result};
