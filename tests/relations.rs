//! Runs every relation pattern's examples through the whole pipeline (the
//! real sentence splitter, recognizer and extractor) and checks that each
//! yields what the example expects, and nothing it marks absent.

use actorgraph::model::{Document, Statement};
use actorgraph::pipeline::{self, Resources};
use actorgraph::relations::patterns::{CONSTRUCTIONS_FILE, Example, read_constructions};

fn resources() -> Resources {
    Resources::load(None).expect("the repository's ontology folder loads")
}

/// The English label of an actor IRI: the lexicon's, else the IRI's last segment.
fn label(res: &Resources, ex: &actorgraph::model::Extraction, iri: &str) -> String {
    if let Some(e) = res.ontology.entry(iri) {
        return e.label.clone();
    }
    ex.discovered.iter().find(|a| a.iri == iri).map_or_else(
        || iri.rsplit('/').next().unwrap_or(iri).to_string(),
        |a| a.label.clone(),
    )
}

fn describe(res: &Resources, ex: &actorgraph::model::Extraction, s: &Statement) -> String {
    format!(
        "{} {} {} ({}, {}, {:?}) [{}]",
        label(res, ex, &s.subject),
        s.relation,
        label(res, ex, &s.object),
        s.polarity.as_str(),
        s.modality.as_str(),
        s.date,
        s.pattern
    )
}

/// Runs one example through the whole pipeline and records what it does
/// not yield as expected, or yields though marked absent.
fn check_example(
    res: &Resources,
    id: &str,
    n: usize,
    example: &Example,
    failures: &mut Vec<String>,
) -> usize {
    let mut checked = 0;
    let doc = Document {
        id: format!("{id}#{n}"),
        text: example.text.clone(),
        published: example.published.clone(),
        ..Document::default()
    };
    let ex = pipeline::extract_document(doc, res);
    let found: Vec<(String, String, String, &Statement)> = ex
        .statements
        .iter()
        .map(|s| {
            (
                label(res, &ex, &s.subject),
                s.relation.clone(),
                label(res, &ex, &s.object),
                s,
            )
        })
        .collect();
    let all: Vec<String> = ex
        .statements
        .iter()
        .map(|s| describe(res, &ex, s))
        .collect();
    for [s, r, o] in &example.expect {
        checked += 1;
        let hit = found
            .iter()
            .find(|(fs, fr, fo, _)| fs == s && fr == r && fo == o);
        match hit {
            None => failures.push(format!(
                "{id} example {n}: expected {s} {r} {o} in {:?}; got {all:?}",
                example.text
            )),
            Some((_, _, _, st)) => {
                let checks = [
                    (
                        "polarity",
                        example.polarity.as_deref(),
                        Some(st.polarity.as_str()),
                    ),
                    (
                        "modality",
                        example.modality.as_deref(),
                        Some(st.modality.as_str()),
                    ),
                    ("date", example.date.as_deref(), st.date.as_deref()),
                ];
                for (what, want, got) in checks {
                    // (An empty date asks for none: «date = ""».)
                    let got = if what == "date" && want == Some("") {
                        Some(got.unwrap_or(""))
                    } else {
                        got
                    };
                    if want.is_some() && want != got {
                        failures.push(format!(
                            "{id} example {n}: {s} {r} {o}: {what} {got:?}, expected {want:?}"
                        ));
                    }
                }
            }
        }
    }
    for [s, r, o] in &example.absent {
        checked += 1;
        if found
            .iter()
            .any(|(fs, fr, fo, _)| fs == s && fr == r && fo == o)
        {
            failures.push(format!(
                "{id} example {n}: {s} {r} {o} must not be extracted from {:?}; got {all:?}",
                example.text
            ));
        }
    }
    checked
}

#[test]
fn every_pattern_example_yields_its_triples() {
    let res = resources();
    let mut failures = Vec::new();
    let mut checked = 0;
    for p in res.extractor.patterns() {
        for (n, example) in p.examples.iter().enumerate() {
            checked += check_example(&res, &p.id, n, example, &mut failures);
        }
    }
    assert!(checked > 50, "only {checked} expectations were checked");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every construction of `ontology/lang/ar/constructions.toml` names a
/// function of `src/relations/`, has a positive and a negative example,
/// and each example does what it says.
#[test]
fn every_construction_has_a_positive_and_a_negative_example_that_hold() {
    let res = resources();
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let constructions = read_constructions(
        &root
            .join("ontology")
            .join(actorgraph::grammar::LANG_DIR)
            .join(CONSTRUCTIONS_FILE),
    )
    .expect("constructions.toml reads");
    let mut sources = String::new();
    let mut dirs = vec![root.join("src/relations")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).expect("src/relations reads") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                sources.push_str(&std::fs::read_to_string(&p).expect("source reads"));
            }
        }
    }
    let mut failures = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    for c in &constructions {
        if !ids.insert(c.id.clone()) {
            failures.push(format!("{}: id used twice", c.id));
        }
        if !sources.contains(&format!("fn {}(", c.heuristic))
            && !sources.contains(&format!("fn {}<", c.heuristic))
        {
            failures.push(format!("{}: no fn {} in src/relations/", c.id, c.heuristic));
        }
        if !c.examples.iter().any(|e| !e.expect.is_empty()) {
            failures.push(format!("{}: no positive example", c.id));
        }
        if !c.examples.iter().any(|e| !e.absent.is_empty()) {
            failures.push(format!("{}: no negative example", c.id));
        }
        for (n, example) in c.examples.iter().enumerate() {
            check_example(&res, &c.id, n, example, &mut failures);
        }
    }
    assert!(
        constructions.len() >= 67,
        "{} constructions",
        constructions.len()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_relation_of_the_ontology_has_a_pattern() {
    let res = resources();
    let missing: Vec<&str> = res
        .ontology
        .relations
        .iter()
        .filter(|r| {
            !res.extractor
                .patterns()
                .iter()
                .any(|p| p.relation == r.name)
        })
        .map(|r| r.name.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "relations without a pattern: {missing:?}"
    );
}

#[test]
fn every_pattern_has_an_example_with_an_expectation() {
    let res = resources();
    let bare: Vec<&str> = res
        .extractor
        .patterns()
        .iter()
        .filter(|p| p.examples.iter().all(|e| e.expect.is_empty()))
        .map(|p| p.id.as_str())
        .collect();
    assert!(
        bare.is_empty(),
        "patterns without an expected triple: {bare:?}"
    );
}

/// The eval command on the seed articles: a well-formed JSON report whose
/// counts agree with each other, and the precision floor the project keeps.
#[test]
fn eval_reports_consistent_scores_on_the_seeds() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "eval",
            "--gold",
            "tests/data/eval/seeds-gold.tsv",
            "seeds",
            "--json",
        ])
        .output()
        .expect("actorgraph runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let strict = &report["strict"];
    let n = |v: &serde_json::Value| v.as_u64().expect("a count") as usize;
    assert_eq!(report["documents"].as_array().map(Vec::len), Some(5));
    assert_eq!(
        n(&strict["extracted"]) - n(&strict["correct"]),
        report["false_positives"].as_array().map_or(0, Vec::len)
    );
    assert_eq!(
        n(&strict["gold"]) - n(&strict["found"]),
        report["misses"].as_array().map_or(0, Vec::len)
    );
    let per_relation: usize = report["relations"]
        .as_object()
        .expect("per relation")
        .values()
        .map(|s| n(&s["correct"]))
        .sum();
    assert_eq!(per_relation, n(&strict["correct"]));
    let precision = strict["precision"].as_f64().expect("precision");
    assert!(precision >= 0.85, "strict precision fell to {precision}");
    assert!(report["lenient"]["recall"].as_f64() >= strict["recall"].as_f64());
}

/// The development part of the held-out set (h01–h05; h06–h08 stay blind and
/// are measured by hand, see docs/EVALUATION.md): eval scores only the
/// documents it was given, and precision on unseen prose stays high.
#[test]
fn eval_on_a_subset_of_the_held_out_set_scores_only_those_documents() {
    let dir = "tests/data/heldout";
    let mut args: Vec<String> = vec![
        "eval".into(),
        "--gold".into(),
        format!("{dir}/gold.tsv"),
        "--json".into(),
    ];
    args.extend((1..=5).map(|i| format!("{dir}/h0{i}.txt")));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&args)
        .output()
        .expect("actorgraph runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["documents"].as_array().map(Vec::len), Some(5));
    // Gold rows of h06–h08 are not counted: every miss is from h01–h05.
    for m in report["misses"].as_array().expect("misses") {
        let doc = m["doc"].as_str().unwrap_or_default();
        assert!(
            ["h01", "h02", "h03", "h04", "h05"]
                .iter()
                .any(|d| doc.starts_with(d)),
            "a miss from a document not given: {m}"
        );
    }
    let precision = report["strict"]["precision"].as_f64().expect("precision");
    assert!(
        precision >= 0.8,
        "held-out strict precision fell to {precision}"
    );
}

/// Sentences written for this test, not taken from the seeds nor from the
/// pattern examples: what a reader finds in each must be extracted with its
/// qualifiers, and the tempting wrong readings must not be.
#[test]
fn unseen_sentences_give_the_stated_relations_and_no_other() {
    // (text, expected (s, r, o, polarity, modality, date), absent (s, r, o))
    type Row<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, Option<&'a str>);
    type Triple<'a> = (&'a str, &'a str, &'a str);
    type Case<'a> = (&'a str, &'a [Row<'a>], &'a [Triple<'a>]);
    let cases: &[Case] = &[
        (
            // A title is no part of the analysts' hedge around it.
            "ويقول محللون إن الجماعة قد تهاجم كيدال، في وقت يواجه فيه رئيس المرحلة الانتقالية في مالي، العقيد أسيمي غويتا، ضغوطا متزايدة.",
            &[(
                "Assimi Goita",
                "leads",
                "Mali junta",
                "pos",
                "asserted",
                None,
            )],
            &[],
        ),
        (
            // «بقيادة فلان» names a standing role in the writer's voice:
            // asserted and undated, while the reported event keeps both.
            "قال الجيش المالي إن جماعة نصرة الإسلام والمسلمين بقيادة إياد أغ غالي هاجمت كيدال في مارس 2024.",
            &[
                ("Iyad Ag Ghaly", "leads", "JNIM", "pos", "asserted", None),
                (
                    "JNIM",
                    "attacked",
                    "Kidal",
                    "pos",
                    "reported",
                    Some("2024-03"),
                ),
            ],
            &[],
        ),
        (
            // A relative clause describing an actor is not under the threat
            // that hosts it.
            "وكان ديبي قد هدد بسحب بلاده من القوة المتعددة الجنسيات المشتركة، التي تضم تشاد ونيجيريا.",
            &[
                (
                    "Chad",
                    "member-of",
                    "Multinational Joint Task Force",
                    "pos",
                    "asserted",
                    None,
                ),
                (
                    "Nigeria",
                    "member-of",
                    "Multinational Joint Task Force",
                    "pos",
                    "asserted",
                    None,
                ),
            ],
            &[],
        ),
        (
            // «تقول» reports like «قال»; the writer's description of the
            // group inside the report (المرتبطة بتنظيم القاعدة) is asserted.
            "وتقول الحكومة المالية إن جماعة نصرة الإسلام والمسلمين، المرتبطة بتنظيم القاعدة، سيطرت على بلدة بوريم.",
            &[
                ("JNIM", "captured", "Bourem", "pos", "reported", None),
                (
                    "JNIM",
                    "affiliated-with",
                    "al-Qaeda",
                    "pos",
                    "asserted",
                    None,
                ),
            ],
            &[],
        ),
        (
            // A dateline's date resolves «أمس»; a title takes no date of the
            // sentence's event (the role is standing).
            "زيارة رسمية\nباماكو - 17 ديسمبر 2025 (رويترز) - قال وزير الدفاع المالي ساديو كامارا إن الجيش المالي استعاد أمس السيطرة على مدينة بوريم.",
            &[
                (
                    "Malian Armed Forces",
                    "captured",
                    "Bourem",
                    "pos",
                    "reported",
                    Some("2025-12-16"),
                ),
                (
                    "Sadio Camara",
                    "member-of",
                    "Mali junta",
                    "pos",
                    "asserted",
                    None,
                ),
            ],
            &[],
        ),
        (
            "أعلن الجيش المالي يوم الثلاثاء أنه استعاد السيطرة على مدينة بوريم بعد معارك عنيفة مع جبهة تحرير أزواد.",
            &[
                (
                    "Malian Armed Forces",
                    "captured",
                    "Bourem",
                    "pos",
                    "reported",
                    None,
                ),
                (
                    "Malian Armed Forces",
                    "fights",
                    "FLA",
                    "pos",
                    "reported",
                    None,
                ),
            ],
            &[("FLA", "captured", "Bourem")],
        ),
        (
            "في المقابل، نفت جبهة تحرير أزواد أن تكون قواتها قد انسحبت من بوريم.",
            // A denial is its author's claim: negated and reported (the
            // development sets' writers annotate denials so).
            &[("FLA", "withdrew-from", "Bourem", "neg", "reported", None)],
            &[],
        ),
        (
            "من جهتها، أرسلت روسيا شحنة جديدة من الأسلحة إلى باماكو، بينما تدرس الجزائر إمكانية التوسط بين الحكومة المالية والحركات المسلحة.",
            &[],
            &[
                ("Russia", "deployed-to", "Bamako"),
                ("Algeria", "negotiated-with", "Mali junta"),
            ],
        ),
        (
            "وفي سياق متصل، وقعت النيجر وبوركينا فاسو اتفاقية تعاون عسكري مع الصين.",
            &[
                ("Niger", "allied-with", "China", "pos", "asserted", None),
                (
                    "Burkina Faso",
                    "allied-with",
                    "China",
                    "pos",
                    "asserted",
                    None,
                ),
            ],
            &[],
        ),
        (
            "وتشير تقارير إلى أن ولاية الساحل قد تشن هجمات جديدة على مدينة ميناكا خلال الأسابيع المقبلة.",
            &[("ISSP", "attacked", "Menaka", "pos", "hedged", None)],
            &[],
        ),
        (
            "وكانت الولايات المتحدة قد سحبت قواتها من النيجر في سبتمبر 2024، بعد أن طالب المجلس العسكري في النيجر برحيلها.",
            &[(
                "United States",
                "withdrew-from",
                "Niger",
                "pos",
                "asserted",
                Some("2024-09"),
            )],
            &[("Niger junta", "withdrew-from", "Niger")],
        ),
        (
            "وفي 15 مارس 2024، أعلنت مالي وبوركينا فاسو والنيجر تشكيل قوة مشتركة لمحاربة الجماعات المسلحة.",
            &[(
                "Mali",
                "allied-with",
                "Niger",
                "pos",
                "reported",
                Some("2024-03-15"),
            )],
            &[],
        ),
        (
            "ووقّعت مالي وروسيا اتفاقا للتعاون العسكري في موسكو.",
            &[("Mali", "allied-with", "Russia", "pos", "asserted", None)],
            &[],
        ),
        (
            "ودربت قوات فاغنر عناصر من الجيش المالي على استخدام الطائرات المسيرة.",
            &[(
                "Wagner Group",
                "trained",
                "Malian Armed Forces",
                "pos",
                "asserted",
                None,
            )],
            &[("Wagner Group", "acquired", "Drones")],
        ),
        (
            "وتعتزم تركيا بيع طائرات أكينجي إلى النيجر، وفق ما نقلته وكالة رويترز.",
            &[("Turkey", "sold", "Bayraktar Akinci", "pos", "hedged", None)],
            &[("Turkey", "sold", "Niger")],
        ),
        (
            "تعد النيجر عضوا مؤسسا في تحالف دول الساحل، إلى جانب مالي وبوركينا فاسو، وكلاهما يستضيف قوات روسية.",
            &[
                ("Niger", "member-of", "AES", "pos", "reported", None),
                ("Burkina Faso", "member-of", "AES", "pos", "reported", None),
                ("Russia", "deployed-to", "Mali", "pos", "reported", None),
                (
                    "Russia",
                    "deployed-to",
                    "Burkina Faso",
                    "pos",
                    "reported",
                    None,
                ),
            ],
            &[("Russia", "deployed-to", "Niger")],
        ),
        (
            "ووسعت ولاية الساحل عملياتها إلى دول الجوار، خاصة بنين وتوغو، في العام الماضي.",
            &[
                ("ISSP", "operates-in", "Benin", "pos", "asserted", None),
                ("ISSP", "operates-in", "Togo", "pos", "asserted", None),
            ],
            &[],
        ),
        (
            "ونفذت ثلاث حركات تنشط في شمال النيجر، وهي ولاية الساحل وجماعة نصرة الإسلام والمسلمين وأنصار الدين، هجمات متفرقة.",
            &[
                ("ISSP", "operates-in", "Niger", "pos", "asserted", None),
                (
                    "Ansar Dine",
                    "operates-in",
                    "Niger",
                    "pos",
                    "asserted",
                    None,
                ),
            ],
            &[],
        ),
        (
            "وشن الطيران الحربي المالي غارات على مواقع لجبهة تحرير أزواد قرب تينزاواتن.",
            &[("Mali", "attacked", "FLA", "pos", "asserted", None)],
            &[
                ("Mali", "fights", "FLA"),
                ("Mali", "attacked", "Tinzaouaten"),
            ],
        ),
        (
            "وستنشر روسيا قوات إضافية في النيجر خلال الأشهر المقبلة.",
            &[("Russia", "deployed-to", "Niger", "pos", "hedged", None)],
            &[],
        ),
        (
            "ولا تزال الجزائر ترفض أي تدخل عسكري أجنبي في مالي.",
            &[],
            &[("Algeria", "operates-in", "Mali")],
        ),
        (
            "وليس هناك ما يشير إلى أن روسيا دعمت جبهة تحرير أزواد.",
            &[("Russia", "supports", "FLA", "neg", "asserted", None)],
            &[],
        ),
        (
            "تدور معارك بين جماعة نصرة الإسلام والمسلمين وتنظيم الدولة في الساحل قرب ميناكا. ويجند الطرفان الشبان من الفولاني.",
            &[
                ("JNIM", "recruits-from", "Fulani", "pos", "asserted", None),
                ("ISSP", "recruits-from", "Fulani", "pos", "asserted", None),
            ],
            &[("Menaka", "recruits-from", "Fulani")],
        ),
        (
            "وقالت جماعة نصرة الإسلام والمسلمين في بيان نشرته وكالة أعماق إن عناصرها نصبوا كمينا قرب غاو وقتلوا عشرين جنديا من الجيش المالي.",
            &[(
                "JNIM",
                "killed",
                "Malian Armed Forces",
                "pos",
                "reported",
                None,
            )],
            &[("Amaq", "killed", "Malian Armed Forces")],
        ),
        (
            "تأسست جبهة تحرير أزواد بعد مفاوضات طويلة، وضمت عدة حركات، أبرزها الحركة الوطنية لتحرير أزواد، ويقودها بلال آغ الشريف.",
            &[("Bilal Ag Acherif", "leads", "FLA", "pos", "asserted", None)],
            &[("Bilal Ag Acherif", "leads", "MNLA")],
        ),
        (
            "فرضت ولاية الساحل حصارا على عدد من القرى والبلدات في منطقة تيلابيري منذ أشهر.",
            &[(
                "ISSP",
                "blockaded",
                "Tillaberi region",
                "pos",
                "asserted",
                None,
            )],
            &[("ISSP", "blockaded", "Niger")],
        ),
        (
            "وأعلنت ولاية الساحل مسؤوليتها عن الهجمات التي استهدفت مطار نيامي الدولي الأسبوع الماضي.",
            &[("ISSP", "attacked", "Niamey", "pos", "reported", None)],
            &[],
        ),
        (
            "تتصاعد أعمال العنف في منطقة الساحل منذ سنوات. وتنشط في المنطقة أيضا جبهة تحرير أزواد، التي تسيطر على المنطقة الشمالية من مالي.",
            &[("FLA", "operates-in", "Sahel", "pos", "asserted", None)],
            &[("FLA", "captured", "Sahel")],
        ),
        (
            "تقاتل جماعة نصرة الإسلام والمسلمين الجيش المالي، ومنافسيها من ولاية الساحل في شمال البلاد.",
            &[
                (
                    "JNIM",
                    "fights",
                    "Malian Armed Forces",
                    "pos",
                    "asserted",
                    None,
                ),
                ("JNIM", "fights", "ISSP", "pos", "asserted", None),
            ],
            &[],
        ),
        (
            "وتدهور الوضع في شمال مالي بعد انسحاب بعثة حفظ السلام التابعة للأمم المتحدة (مينوسما) عام 2023.",
            &[(
                "MINUSMA",
                "withdrew-from",
                "Mali",
                "pos",
                "asserted",
                Some("2023"),
            )],
            &[("United Nations", "withdrew-from", "Mali")],
        ),
        (
            "ألحقت جماعة نصرة الإسلام والمسلمين خسائر كبيرة في صفوف الجيش المالي والمدربين الروس من الفيلق الأفريقي.",
            &[
                (
                    "JNIM",
                    "killed",
                    "Malian Armed Forces",
                    "pos",
                    "asserted",
                    None,
                ),
                ("JNIM", "killed", "Africa Corps", "pos", "asserted", None),
            ],
            &[],
        ),
        (
            "تحاصر جماعة نصرة الإسلام والمسلمين مدينة تمبكتو منذ أشهر، لكنها لم تقتحمها بعد في مواجهة الجيش المالي المرابط فيها.",
            &[(
                "Malian Armed Forces",
                "deployed-to",
                "Timbuktu",
                "pos",
                "asserted",
                None,
            )],
            &[("Malian Armed Forces", "deployed-to", "Mali")],
        ),
    ];
    let res = resources();
    let mut failures = Vec::new();
    for (n, (text, expect, absent)) in cases.iter().enumerate() {
        let doc = Document {
            id: format!("unseen-{n}"),
            text: (*text).to_string(),
            ..Document::default()
        };
        let ex = pipeline::extract_document(doc, &res);
        let all: Vec<String> = ex
            .statements
            .iter()
            .map(|s| describe(&res, &ex, s))
            .collect();
        let find = |s: &str, r: &str, o: &str| {
            ex.statements.iter().find(|st| {
                label(&res, &ex, &st.subject) == s
                    && st.relation == r
                    && label(&res, &ex, &st.object) == o
            })
        };
        for (s, r, o, pol, moda, date) in expect.iter() {
            match find(s, r, o) {
                None => failures.push(format!("{text}: expected {s} {r} {o}; got {all:?}")),
                Some(st) => {
                    let got = (
                        st.polarity.as_str(),
                        st.modality.as_str(),
                        st.date.as_deref(),
                    );
                    if got != (*pol, *moda, *date) {
                        failures.push(format!(
                            "{text}: {s} {r} {o} has {got:?}, expected {:?}",
                            (pol, moda, date)
                        ));
                    }
                }
            }
        }
        for (s, r, o) in absent.iter() {
            if find(s, r, o).is_some() {
                failures.push(format!("{text}: {s} {r} {o} must not be extracted"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Provenance on every statement extracted from the seeds: the evidence is
/// the original text of its sentence, the focus lies inside it, the pattern
/// is a loaded one, the relation is in the ontology and confidence is in 0..=1.
#[test]
fn every_statement_on_the_seeds_carries_valid_provenance() {
    let res = resources();
    let ids: Vec<&str> = res
        .extractor
        .patterns()
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let mut n = 0;
    for item in actorgraph::ingest::read_all(&[common_seeds()]) {
        let doc = item.expect("seed reads");
        let text = doc.text.clone();
        let ex = pipeline::extract_document(doc, &res);
        for s in &ex.statements {
            n += 1;
            let e = &s.evidence;
            assert_eq!(e.span.of(&text), e.sentence, "{s:?}");
            assert!(
                e.span.contains(e.focus) && e.focus.start < e.focus.end,
                "{s:?}"
            );
            assert!(ids.contains(&s.pattern.as_str()), "{s:?}");
            assert!(res.ontology.relation(&s.relation).is_some(), "{s:?}");
            assert!((0.0..=1.0).contains(&s.confidence), "{s:?}");
            assert_ne!(s.subject, s.object, "{s:?}");
            if let Some(d) = &s.date {
                assert!(
                    d.split('/')
                        .all(|p| p.len() >= 4 && p[..4].chars().all(|c| c.is_ascii_digit())),
                    "{s:?}"
                );
            }
        }
    }
    assert!(n > 30, "only {n} statements on the seeds");
}

fn common_seeds() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Invisible controls (U+200F after every space, ZWNJ before it) change no
/// relation: the text model reads past them as recognition does.
#[test]
fn invisible_marks_change_no_relation() {
    let res = resources();
    let text = std::fs::read_to_string(common_seeds().join("001_c453b7121c1ffcb8.txt"))
        .expect("seed 001 reads");
    let triples = |text: String| {
        let doc = Document {
            id: "001".into(),
            text,
            ..Document::default()
        };
        let ex = pipeline::extract_document(doc, &res);
        let mut out: Vec<(String, String, String)> = ex
            .statements
            .iter()
            .map(|s| (s.subject.clone(), s.relation.clone(), s.object.clone()))
            .collect();
        out.sort();
        out
    };
    let plain = triples(text.clone());
    assert!(
        plain.len() > 20,
        "seed 001 states many relations: {}",
        plain.len()
    );
    assert_eq!(triples(text.replace(' ', " \u{200F}")), plain);
    assert_eq!(triples(text.replace(' ', "\u{200C} ")), plain);
}
