use super::*;

/// The seed articles, copied so that each build reads the same input.
fn seeds(dir: &Path) -> PathBuf {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dst = dir.join("seeds");
    std::fs::create_dir_all(&dst).expect("create seeds copy");
    for e in std::fs::read_dir(&src).expect("seeds folder") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, dst.join(p.file_name().expect("file name"))).expect("copy");
    }
    dst
}

fn resources() -> Resources {
    Resources::load(None).expect("the ontology folder loads")
}

/// Records every progress call.
#[derive(Default)]
struct Log {
    bytes: u64,
    batches: Vec<(usize, u64, usize)>,
    steps: Vec<String>,
    finished: bool,
}

impl Progress for Log {
    fn start(&mut self, bytes: u64) {
        self.bytes = bytes;
    }
    fn advance(&mut self, docs: usize, bytes: u64, done: usize) {
        self.batches.push((docs, bytes, done));
    }
    fn step(&mut self, name: &str) {
        self.steps.push(name.to_string());
    }
    fn finish(&mut self) {
        self.finished = true;
    }
}

fn build_into(
    dir: &Path,
    inputs: &Path,
    res: &Resources,
    opts: &BuildOptions,
    log: &mut Log,
) -> (BuildSummary, Vec<String>) {
    let cfg = BuildConfig {
        inputs: vec![inputs.to_path_buf()],
        store: dir.join("store"),
        exports: Some(dir.join("exports")),
    };
    let summary = build_with(&cfg, res, opts, log).expect("build succeeds");
    let store = Store::open_read_only(&cfg.store).expect("store opens");
    (summary, store.nquads().expect("quads"))
}

#[test]
fn store_and_exports_do_not_depend_on_threads_or_batches() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = seeds(tmp.path());
    let res = resources();
    let mut results = Vec::new();
    for (name, threads, batch_docs) in [("a", Some(1), 1), ("b", Some(2), 2), ("c", None, 256)] {
        let dir = tmp.path().join(name);
        let opts = BuildOptions {
            batch_docs,
            threads,
            ..BuildOptions::default()
        };
        let (summary, quads) = build_into(&dir, &input, &res, &opts, &mut Log::default());
        assert_eq!((summary.documents, summary.extracted), (5, 5));
        assert_eq!(summary.relations, summary.stored_statements);
        let mut exports = Vec::new();
        for f in &summary.exports.files {
            exports.push(std::fs::read(f).expect("export file"));
        }
        results.push((summary.relations, summary.mentions, quads, exports));
    }
    assert!(results[0].0 > 0, "the seeds state relations");
    assert!(results.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn progress_counts_every_document_and_unchanged_ones_are_skipped() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = seeds(tmp.path());
    let res = resources();
    let opts = BuildOptions {
        batch_docs: 2,
        ..BuildOptions::default()
    };
    let mut log = Log::default();
    let (first, quads) = build_into(tmp.path(), &input, &res, &opts, &mut log);
    assert!(log.finished);
    assert!(log.bytes > 0);
    // Batches of two: 2, 2, 1 documents, counted cumulatively.
    let docs: Vec<usize> = log.batches.iter().map(|b| b.0).collect();
    assert_eq!(docs, [2, 2, 1]);
    assert_eq!(log.batches.last().map(|b| b.2), Some(5));
    let text: u64 = log.batches.iter().map(|b| b.1).sum();
    assert_eq!(text, first.bytes);
    assert_eq!(log.steps, ["save", "count", "exports"]);

    // A second build of the same inputs extracts nothing and changes nothing.
    let mut log = Log::default();
    let (second, again) = build_into(tmp.path(), &input, &res, &opts, &mut log);
    assert_eq!((second.extracted, second.unchanged), (0, 5));
    assert_eq!(second.stored_statements, first.stored_statements);
    assert_eq!(again, quads);

    // Changing one document re-extracts that one only.
    let one = input.join("002_b1c2d3c272d6da4c.txt");
    let mut text = std::fs::read_to_string(&one).expect("seed");
    text.push_str("\nانسحبت القوات الفرنسية من مالي.\n");
    std::fs::write(&one, text).expect("rewrite seed");
    let (third, _) = build_into(tmp.path(), &input, &res, &opts, &mut Log::default());
    assert_eq!((third.extracted, third.unchanged), (1, 4));
}

#[test]
fn edited_rules_extract_every_document_again() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = seeds(tmp.path());
    // A copy of the ontology folder that the test may edit.
    let onto = tmp.path().join("ontology");
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ontology");
    let copy = std::process::Command::new("cp")
        .arg("-r")
        .arg(&src)
        .arg(&onto)
        .status()
        .expect("cp runs");
    assert!(copy.success());
    let opts = BuildOptions::default();
    let res = Resources::load(Some(&onto)).expect("the copy loads");
    let (first, _) = build_into(tmp.path(), &input, &res, &opts, &mut Log::default());
    assert_eq!(first.extracted, 5);
    let (second, _) = build_into(tmp.path(), &input, &res, &opts, &mut Log::default());
    assert_eq!((second.extracted, second.unchanged), (0, 5));

    // A pattern file edited (here: a comment added) is other rules.
    let patterns = onto
        .join(crate::relations::PATTERNS_DIR)
        .join("presence.toml");
    let mut text = std::fs::read_to_string(&patterns).expect("patterns");
    text.push_str("\n# edited\n");
    std::fs::write(&patterns, text).expect("edit patterns");
    let edited = Resources::load(Some(&onto)).expect("the edited copy loads");
    assert_ne!(edited.fingerprint, res.fingerprint);
    let (third, _) = build_into(tmp.path(), &input, &edited, &opts, &mut Log::default());
    assert_eq!((third.extracted, third.unchanged), (5, 0));
    assert_eq!(third.stored_statements, first.stored_statements);
    let (fourth, _) = build_into(tmp.path(), &input, &edited, &opts, &mut Log::default());
    assert_eq!((fourth.extracted, fourth.unchanged), (0, 5));
}

#[test]
fn extraction_on_many_threads_keeps_input_order_and_results() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = seeds(tmp.path());
    let res = resources();
    let order: Vec<String> = ingest::read_all(std::slice::from_ref(&input))
        .map(|d| d.expect("a seed").id)
        .collect();
    let mut runs = Vec::new();
    for (threads, batch_docs) in [(Some(1), 256), (Some(2), 2), (Some(3), 1)] {
        let opts = BuildOptions {
            batch_docs,
            threads,
            ..BuildOptions::default()
        };
        let mut got = Vec::new();
        let diagnostics = extract_each(
            std::slice::from_ref(&input),
            &res,
            &opts,
            |x| {
                let lines: Vec<String> = x
                    .statements
                    .iter()
                    .map(|s| serde_json::to_string(s).expect("json"))
                    .collect();
                (x.document.id, lines)
            },
            &mut |item| {
                got.push(item);
                Ok::<(), Error>(())
            },
        )
        .expect("extracts");
        assert!(diagnostics.is_empty());
        let ids: Vec<&String> = got.iter().map(|(id, _)| id).collect();
        assert_eq!(ids, order.iter().collect::<Vec<_>>(), "input order");
        runs.push(got);
    }
    assert!(runs[0].iter().any(|(_, l)| !l.is_empty()));
    assert!(runs.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn very_long_documents_end_a_batch_early() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = seeds(tmp.path());
    let res = resources();
    // A byte budget smaller than any seed: one document per batch.
    let opts = BuildOptions {
        batch_bytes: 1,
        ..BuildOptions::default()
    };
    let mut log = Log::default();
    build_into(tmp.path(), &input, &res, &opts, &mut log);
    assert_eq!(log.batches.len(), 5);
}

/// The Turtle file a build writes from the quads it stored (a fresh store)
/// is the one written by reading the store back, also when a document id
/// comes twice (the second version replaces the first, so the build falls
/// back to reading the store) and in an N-Quads store.
#[test]
fn turtle_gathered_while_storing_is_the_turtle_read_from_the_store() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = seeds(tmp.path());
    let res = resources();
    // The seeds, then one of them again as a JSON line with other text.
    let twice = tmp.path().join("twice");
    std::fs::create_dir_all(&twice).expect("mkdir");
    for e in std::fs::read_dir(&input).expect("seeds") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, twice.join(p.file_name().expect("name"))).expect("copy");
    }
    let first = ingest::read_all(std::slice::from_ref(&input))
        .next()
        .expect("a seed")
        .expect("readable");
    let line = serde_json::json!({
        "id": first.id,
        "text": format!("{}\nانسحبت القوات الفرنسية من مالي.\n", first.text),
    });
    std::fs::write(twice.join("zz_again.jsonl"), format!("{line}\n")).expect("jsonl");
    for (name, inputs, store) in [
        ("fresh", &input, ""),
        ("twice", &twice, ""),
        ("nquads", &input, "nquads:"),
    ] {
        let dir = tmp.path().join(name);
        let cfg = BuildConfig {
            inputs: vec![inputs.clone()],
            store: format!("{store}{}", dir.join("store").display()).into(),
            exports: Some(dir.join("exports")),
        };
        let opts = BuildOptions {
            batch_docs: 2,
            ..BuildOptions::default()
        };
        let summary = build_with(&cfg, &res, &opts, &mut NoProgress).expect("build");
        assert!(summary.stored_statements > 0);
        let written = std::fs::read(dir.join("exports/graph.ttl")).expect("graph.ttl");
        let store = Store::open_read_only(&dir.join("store")).expect("store opens");
        let mut read_back = Vec::new();
        export::write(
            export::Format::Turtle,
            export::Source::Store(&store, &res.ontology),
            &export::Options::default(),
            &mut read_back,
        )
        .expect("export");
        assert!(read_back.len() > 10_000, "{name}: a real export");
        assert!(
            written == read_back,
            "{name}: the build's graph.ttl differs"
        );
    }
}
