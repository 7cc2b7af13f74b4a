//! Recognition of gold actors on texts nobody tuned the lexicon to: the
//! world attack dispatches (`tests/data/world/`, attackers and targets of
//! attacks, killings and kidnappings in 19 states) and the development
//! articles (`tests/data/devset/`, every gold actor).
//!
//! A gold actor is named by its English lexicon label or, when the lexicon
//! lacks it, by its Arabic name as written at its fullest mention. It counts
//! as recognized when a mention of the document names that lexicon actor, or
//! when a mention's text or its actor's Arabic label has the same match key
//! as the Arabic name. Run with `--nocapture` to see the misses.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use actorgraph::mentions::Recognizer;
use actorgraph::model::Document;
use actorgraph::ontology::Ontology;
use actorgraph::sentences;
use actorgraph::text::fold::key_of;

/// Gold actors per document from `files` (subject and object columns of
/// the rows whose relation is in `relations`, or of every row when empty).
fn gold(files: &[&Path], relations: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let tsv = std::fs::read_to_string(f).expect("gold file");
        for line in tsv.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 || !(relations.is_empty() || relations.contains(&cols[2])) {
                continue;
            }
            let set = out.entry(cols[0].to_string()).or_default();
            set.insert(cols[1].to_string());
            set.insert(cols[3].to_string());
        }
    }
    out
}

/// Recall of `gold` on the documents of `dir`, with the misses.
fn recall(
    ontology: &Ontology,
    rec: &Recognizer,
    dir: &Path,
    gold: &BTreeMap<String, BTreeSet<String>>,
) -> (usize, usize, Vec<String>) {
    let by_label: BTreeMap<&str, &str> = ontology
        .lexicon
        .iter()
        .map(|e| (e.label.as_str(), e.iri.as_str()))
        .collect();
    let (mut total, mut hit) = (0, 0);
    let mut missed = Vec::new();
    for (doc_name, names) in gold {
        let text = std::fs::read_to_string(dir.join(doc_name)).expect("document");
        let doc = Document {
            id: doc_name.clone(),
            text,
            ..Document::default()
        };
        let sents = sentences::split(&doc.text);
        let (mentions, discovered) = rec.recognize(&doc, &sents);
        let iris: BTreeSet<&str> = mentions.iter().map(|m| m.actor.as_str()).collect();
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for m in &mentions {
            keys.insert(key_of(m.span.of(&doc.text)));
            if let Some(a) = discovered.iter().find(|a| a.iri == m.actor) {
                keys.insert(key_of(&a.label_ar));
            }
            if let Some(e) = ontology.entry(&m.actor) {
                keys.insert(key_of(&e.label_ar));
                keys.extend(e.aliases_ar.iter().map(|a| key_of(a)));
            }
        }
        for name in names {
            total += 1;
            let ok = match by_label.get(name.as_str()) {
                Some(iri) => iris.contains(iri),
                None => keys.contains(&key_of(name)),
            };
            if ok {
                hit += 1;
            } else {
                missed.push(format!("{doc_name}: {name}"));
            }
        }
    }
    (hit, total, missed)
}

fn load() -> (Ontology, Recognizer) {
    let ontology = Ontology::load(&common::repo().join("ontology")).expect("ontology loads");
    let rec = Recognizer::new(&ontology).expect("recognizer compiles");
    (ontology, rec)
}

#[test]
fn attackers_and_targets_of_world_dispatches_are_recognized() {
    let (ontology, rec) = load();
    let dir = common::repo().join("tests/data/world");
    let g = gold(
        &[&dir.join("gold.tsv")],
        &["attacked", "killed", "kidnapped"],
    );
    let (hit, total, missed) = recall(&ontology, &rec, &dir, &g);
    let r = hit as f64 / total as f64;
    println!("world attack arguments: recall {r:.3} ({hit}/{total})");
    for m in &missed {
        println!("  missed {m}");
    }
    assert!(total > 100, "the world gold has its attack rows");
    assert!(
        r >= WORLD_FLOOR,
        "recall {r:.3} below {WORLD_FLOOR}: {missed:?}"
    );
}

/// The target for the world set (measured 0.904, 94/104, when this
/// floor was set).
const WORLD_FLOOR: f64 = 0.90;

/// Whether a set's misses may be printed: development sets are read while
/// writing rules, blind sets never.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    Development,
    Blind,
}

/// The recall of the gold actors of `tests/data/FOLDER` (at least `rows`
/// gold rows), held at `floor`; misses printed for a development set only,
/// so that nobody reads a blind text through this test.
fn set_recall(folder: &str, rows: usize, floor: f64, reading: Reading) {
    let (ontology, rec) = load();
    let dir = common::repo().join("tests/data").join(folder);
    let g = gold(&[&dir.join("gold.tsv")], &[]);
    let (hit, total, missed) = recall(&ontology, &rec, &dir, &g);
    let r = hit as f64 / total as f64;
    println!("{folder}: recall {r:.3} ({hit}/{total})");
    if reading == Reading::Development {
        for m in &missed {
            println!("  missed {m}");
        }
    }
    assert!(total > rows, "the {folder} gold has its rows");
    assert!(r >= floor, "{folder}: recall {r:.3} below {floor}");
}

#[test]
fn development_articles_recall_is_reported() {
    set_recall("devset", 300, DEV_FLOOR, Reading::Development);
}

/// The blind articles (`tests/data/blind/`, retired 2026-12-07).
#[test]
fn blind_articles_recall_is_reported_without_misses() {
    set_recall("blind", 100, BLIND_FLOOR, Reading::Blind);
}

/// The second blind set (`tests/data/blind2/`), written after the first was
/// partly seen.
#[test]
fn second_blind_set_recall_is_reported_without_misses() {
    set_recall("blind2", 100, BLIND2_FLOOR, Reading::Blind);
}

/// The second blind set's recall when this floor was set (0.878,
/// 195/222), less a margin.
const BLIND2_FLOOR: f64 = 0.86;

/// The third blind set (`tests/data/blind3/`), written on 2026-12-07 by a
/// helper who never read the rules: figure only.
#[test]
fn third_blind_set_recall_is_reported_without_misses() {
    set_recall("blind3", 100, BLIND3_FLOOR, Reading::Blind);
}

/// The third blind set's recall when this floor was set (0.842,
/// 202/240), less a margin.
const BLIND3_FLOOR: f64 = 0.82;

/// The development parts written on 2026-12-07 (devset2, devset3, devset4), read
/// while writing rules: figure and misses.
#[test]
fn later_development_parts_recall_is_reported() {
    for folder in ["devset2", "devset3", "devset4"] {
        set_recall(folder, 100, LATER_DEV_FLOOR, Reading::Development);
    }
}

/// The later development parts' lowest recall when this floor was set
/// (devset2 0.788), less a margin.
const LATER_DEV_FLOOR: f64 = 0.77;

/// The blind recall measured when this floor was set (0.794), less a margin (the
/// issue's target is 0.95).
const BLIND_FLOOR: f64 = 0.78;

/// The development recall measured when this floor was set (0.822), less a
/// margin: a drop below it is a regression. The target is 0.95.
const DEV_FLOOR: f64 = 0.81;

/// The lexicon actors (English labels) named in `text` with the real lexicon.
fn labels(text: &str) -> Vec<String> {
    let (ontology, rec) = load();
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    };
    let (mentions, _) = rec.recognize(&doc, &sentences::split(text));
    mentions
        .iter()
        .filter_map(|m| ontology.entry(&m.actor).map(|e| e.label.clone()))
        .collect()
}

#[test]
fn an_indefinite_maliya_is_financial_and_a_definite_one_malian() {
    assert!(!labels("تفتقر الحكومة إلى قدرة مالية كافية.").contains(&"Mali".to_string()));
    assert!(!labels("وقال وزير الاقتصاد والمالية إن").contains(&"Mali".to_string()));
    assert!(
        labels("انسحبت القوات المالية من المدينة.")
            .iter()
            .any(|l| l.contains("Mali"))
    );
}

#[test]
fn al_nayjiri_is_nigerien_in_an_article_about_niger_only() {
    let niger = labels("قال الجنرال النيجيري في نيامي إن الوضع في النيجر مستقر.");
    assert!(niger.contains(&"Niger".to_string()), "{niger:?}");
    assert!(!niger.contains(&"Nigeria".to_string()), "{niger:?}");
    // Where Nigeria is named, it stays Nigeria's.
    let nigeria = labels("قال الجنرال النيجيري في أبوجا إن نيجيريا والنيجر تتعاونان.");
    assert!(nigeria.contains(&"Nigeria".to_string()), "{nigeria:?}");
}

#[test]
fn the_world_lexicon_names_states_capitals_and_nationalities() {
    let got = labels("أعلنت إسلام آباد أن طائرات كولومبية قصفت بوغوتا.");
    assert!(got.contains(&"Colombia".to_string()), "{got:?}");
    assert!(got.iter().any(|l| l == "Bogotá"), "{got:?}");
    // A state name that is a common word needs context: تشيلي "chili".
    let got = labels("أضاف الطاهي صلصة تشيلي حارة.");
    assert!(!got.contains(&"Chile".to_string()), "{got:?}");
    let got = labels("وصل الوفد إلى تشيلي أمس.");
    assert!(got.contains(&"Chile".to_string()), "{got:?}");
}

/// The stems of the Arabic Hunspell dictionary (Debian `hunspell-ar`,
/// installed by `tests/run.sh`): common words, which must never be read as
/// spelling variants of a lexicon name. Skipped with a notice when the
/// dictionary is not installed.
#[test]
fn common_words_are_never_spelling_variants() {
    let path = std::path::Path::new("/usr/share/hunspell/ar.dic");
    let Ok(text) = std::fs::read_to_string(path) else {
        println!(
            "skipped: {} is not installed (apt-get install hunspell-ar)",
            path.display()
        );
        return;
    };
    let (_, rec) = load();
    let mut hits = Vec::new();
    let mut n = 0;
    for line in text.lines().skip(1) {
        let word = line.split('/').next().unwrap_or("").trim();
        if word.is_empty() {
            continue;
        }
        n += 1;
        let Some(iri) = rec.variant_of(word) else {
            continue;
        };
        // A word the lexicon names as written (أمستردام، كولومبيا) is read
        // as that name, never as a variant.
        let doc = Document {
            id: "w".into(),
            text: word.into(),
            ..Document::default()
        };
        let (_, _, sources) = rec.recognize_with_sources(&doc, &sentences::split(word));
        if sources.contains(&actorgraph::mentions::Source::Lexicon) {
            continue;
        }
        let local = iri.rsplit('/').next().unwrap_or(iri);
        if !NAMES_IN_THE_DICTIONARY.contains(&(word, local)) {
            hits.push(format!("{word} → {local}"));
        }
    }
    println!(
        "{n} dictionary stems, {} wrongly read as variants",
        hits.len()
    );
    assert!(n > 100_000, "the dictionary has its stems");
    assert!(
        hits.is_empty(),
        "common words read as variants (add them to [variants] not_variants): {hits:?}"
    );
}

/// Stems of the dictionary that are names, rightly read as variants of a
/// lexicon spelling of the same name.
const NAMES_IN_THE_DICTIONARY: &[(&str, &str)] = &[
    ("بنجول", "Banjul"),
    ("بريطوريا", "Pretoria"),
    ("بريطوري", "Pretoria"),
    ("كراكاس", "Caracas"),
    ("كوبنهاجن", "Copenhagen"),
    ("كاتموندو", "Kathmandu"),
    ("كينغستون", "Kingstown"),
    ("كنشاسا", "Kinshasa"),
    ("ليبروفيل", "Libreville"),
    ("مونتيفيدو", "Montevideo"),
    ("رايكجافيك", "Reykjavik"),
    ("تبيليسي", "Tbilisi"),
    ("فيكتوري", "Victoria"),
    ("ويلغنتون", "Wellington"),
    ("يموسوكرو", "Yamoussoukro"),
    ("سنتياغو", "Santiago"),
];

#[test]
fn spelling_variants_of_foreign_names_are_found() {
    let (ontology, rec) = load();
    // (كوغلويغو for كوغلويوغو: ك and غ fold alike, yet both stay in the
    // skeleton; collapsed, it was too short to match.)
    let text = "وصل مرتزقة فانغر إلى باماكو، ثم إلى تنزاواتين، وقاتلتهم كوغلويغو.";
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    };
    let (mentions, _, sources) = rec.recognize_with_sources(&doc, &sentences::split(text));
    let variants: Vec<String> = mentions
        .iter()
        .zip(&sources)
        .filter(|(_, s)| **s == actorgraph::mentions::Source::Variant)
        .filter_map(|(m, _)| ontology.entry(&m.actor).map(|e| e.label.clone()))
        .collect();
    assert_eq!(variants, ["Wagner Group", "Tinzaouaten", "Koglweogo"]);
    // A common word one letter from a short name is no variant (وقاتل is not
    // Koutiala), and a name as listed is a lexicon reading.
    let text = "وقاتل الجنود في باماكو.";
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    };
    let (mentions, _, sources) = rec.recognize_with_sources(&doc, &sentences::split(text));
    assert_eq!(mentions.len(), 1, "{mentions:?}");
    assert_eq!(sources, [actorgraph::mentions::Source::Lexicon]);
}
