use super::*;
use crate::model::{ActorStats, Statement};

/// The seeds, extracted and stored in memory.
fn seed_store() -> (Store, Vec<String>) {
    let res = crate::pipeline::Resources::load(None).expect("the ontology loads");
    let mut store = Store::in_memory().expect("store");
    store.sync_ontology(&res.ontology).expect("sync");
    let seeds = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut ids = Vec::new();
    for doc in crate::ingest::read_all(&[seeds]) {
        let x = crate::pipeline::extract_document(doc.expect("a seed"), &res);
        ids.push(x.document.id.clone());
        store.put(&x, &res.ontology).expect("put");
    }
    (store, ids)
}

/// The store's actors as read without the view records.
fn actors_from_quads(store: &mut Store) -> Vec<ActorStats> {
    store.marked = false;
    let actors = store.actors().expect("actors from quads");
    store.marked = true;
    actors
}

#[test]
fn view_records_hold_what_the_quads_say() {
    let (mut store, ids) = seed_store();
    let check = |store: &mut Store| {
        assert!(store.marked, "a new store has complete records");
        let statements = store.statements_from_view().expect("from records");
        assert_eq!(
            statements,
            store.statements_from_quads().expect("from quads")
        );
        assert_eq!(store.statements().expect("statements"), statements);
        assert_eq!(store.actors().expect("actors"), actors_from_quads(store));
        assert_eq!(statements.len(), store.statement_count().expect("count"));
        // The statements about one actor, through the index.
        let mali = format!("{}Mali", crate::model::ns::ACTOR);
        let about = store
            .statements_about(&[mali.as_str()])
            .expect("about")
            .expect("complete records");
        let expected: Vec<Statement> = statements
            .iter()
            .filter(|s| s.subject == mali || s.object == mali)
            .cloned()
            .collect();
        assert!(!expected.is_empty(), "the seeds name Mali");
        assert_eq!(about, expected);
        statements.len()
    };
    let all = check(&mut store);
    assert!(all > 20, "only {all} statements");
    let view = view::graph();
    let records = store.graph_quads(view.as_str()).expect("view graph").len();
    // Removing a document removes its records in the same transaction.
    let gone = store.document_quads(&ids[0]).expect("quads").len();
    assert!(gone > 0);
    assert!(store.remove(&ids[0]).expect("remove"));
    let left = check(&mut store);
    assert!(left < all);
    let after = store.graph_quads(view.as_str()).expect("view graph").len();
    assert!(after < records);
    // Storing it again gives the same records as before.
    let res = crate::pipeline::Resources::load(None).expect("the ontology loads");
    let seeds = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for doc in crate::ingest::read_all(&[seeds]) {
        let x = crate::pipeline::extract_document(doc.expect("a seed"), &res);
        if x.document.id == ids[0] {
            store.put(&x, &res.ontology).expect("put");
        }
    }
    assert_eq!(check(&mut store), all);
    assert_eq!(
        store.graph_quads(view.as_str()).expect("view graph").len(),
        records
    );
}

#[test]
fn locations_name_the_backend_or_leave_it_to_the_folder() {
    let bare = Location::parse(Path::new("store"));
    assert_eq!((bare.dir.as_path(), bare.kind), (Path::new("store"), None));
    let nq = Location::parse(Path::new("nquads:/tmp/s"));
    assert_eq!(
        (nq.dir.as_path(), nq.kind),
        (Path::new("/tmp/s"), Some(Kind::NQuads))
    );
    let rocks = Location::parse(Path::new("rocksdb:s"));
    assert_eq!(
        (rocks.dir.as_path(), rocks.kind),
        (Path::new("s"), Some(Kind::RocksDb))
    );
    // A prefix without a folder is a folder name.
    assert_eq!(Location::parse(Path::new("nquads:")).kind, None);
}
