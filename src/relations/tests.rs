//! Engine tests on hand-placed mentions: each frame, coordination, clause
//! boundaries, dropped subjects and qualifiers, independent of the recognizer
//! and of the pattern files.

use std::path::{Path, PathBuf};

use super::*;
use crate::model::{Modality, Polarity};
use crate::ontology::LexEntry;

const PATTERNS: &str = include_str!("tests_patterns.toml");

fn entry(name: &str, class: &str) -> LexEntry {
    LexEntry {
        iri: format!("{}{name}", ns::ACTOR),
        class: class.into(),
        label: name.replace('_', " "),
        ..LexEntry::default()
    }
}

fn ontology() -> Ontology {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ontology");
    let mut o = Ontology::load(&dir).expect("the repository's ontology loads");
    o.lexicon = [
        ("Russia", "State"),
        ("Turkey", "State"),
        ("Mali", "State"),
        ("UAE", "State"),
        ("Mali_junta", "Government"),
        ("Malian_Armed_Forces", "ArmedForces"),
        ("JNIM", "ArmedGroup"),
        ("al-Qaeda", "ArmedGroup"),
        ("FLA", "ArmedGroup"),
        ("Bamako", "City"),
        ("Kidal", "City"),
        ("Iyad_Ag_Ghali", "Person"),
    ]
    .iter()
    .map(|(n, c)| entry(n, c))
    .collect();
    o.lexicon.sort_by(|a, b| a.iri.cmp(&b.iri));
    o
}

fn extractor() -> Extractor {
    let patterns =
        patterns::parse_str(PATTERNS, Path::new("test.toml")).expect("test patterns parse");
    Extractor::from_patterns(patterns, &ontology()).expect("test patterns compile")
}

/// Surface forms of the test actors, longest first so that longer names win.
const SURFACES: &[(&str, &str, MentionKind)] = &[
    ("جبهة تحرير أزواد", "FLA", MentionKind::Name),
    ("المجلس العسكري", "Mali_junta", MentionKind::Name),
    ("الجيش المالي", "Malian_Armed_Forces", MentionKind::Name),
    ("إياد غالي", "Iyad_Ag_Ghali", MentionKind::Name),
    ("إماراتيان", "UAE", MentionKind::Adjective),
    ("الجماعة", "JNIM", MentionKind::Reference),
    ("القاعدة", "al-Qaeda", MentionKind::Name),
    ("روسيا", "Russia", MentionKind::Name),
    ("تركيا", "Turkey", MentionKind::Name),
    ("باماكو", "Bamako", MentionKind::Name),
    ("كيدال", "Kidal", MentionKind::Name),
    ("مالي", "Mali", MentionKind::Name),
];

/// Mentions found by `str::match_indices`, one sentence per line.
fn run(text: &str, published: Option<&str>) -> Vec<Statement> {
    let sentences = crate::sentences::split(text);
    let mut mentions: Vec<Mention> = Vec::new();
    for (surface, name, kind) in SURFACES {
        for (at, _) in text.match_indices(surface) {
            let span = Span::new(at, at + surface.len());
            if mentions
                .iter()
                .any(|m| m.span.start < span.end && span.start < m.span.end)
            {
                continue;
            }
            let sentence = sentences
                .iter()
                .find(|s| s.span.contains(span))
                .map_or(0, |s| s.index);
            mentions.push(Mention {
                actor: format!("{}{name}", ns::ACTOR),
                span,
                sentence,
                kind: *kind,
            });
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        published: published.map(str::to_string),
        ..Document::default()
    };
    extractor().extract(&doc, &sentences, &mentions, &[])
}

fn triples(st: &[Statement]) -> Vec<(String, String, String)> {
    let short = |iri: &str| iri.trim_start_matches(ns::ACTOR).to_string();
    st.iter()
        .map(|s| (short(&s.subject), s.relation.clone(), short(&s.object)))
        .collect()
}

fn has(st: &[Statement], s: &str, r: &str, o: &str) -> bool {
    triples(st).contains(&(s.into(), r.into(), o.into()))
}

#[test]
fn domain_and_range_come_from_the_ontology() {
    let x = extractor();
    let (domain, range) = x.signatures.get("blockaded").expect("blockaded is defined");
    assert_eq!(domain, &vec!["Actor".to_string()]);
    assert_eq!(range, &vec!["Place".to_string()]);
    let (_, range) = x.signatures.get("attacked").expect("attacked is defined");
    assert!(range.contains(&"Place".to_string()) && range.contains(&"Actor".to_string()));
}

#[test]
fn unknown_relation_is_an_error_naming_file_and_pattern() {
    let bad = PATTERNS.replacen("relation = \"supports\"", "relation = \"befriends\"", 1);
    let patterns = patterns::parse_str(&bad, Path::new("bad.toml")).expect("parses");
    let err = Extractor::from_patterns(patterns, &ontology())
        .expect_err("an unknown relation is rejected")
        .to_string();
    assert!(
        err.contains("bad.toml") && err.contains("t-supports-verb") && err.contains("befriends"),
        "{err}"
    );
}

#[test]
fn verb_first_and_subject_first_sentences() {
    let st = run("تدعم روسيا المجلس العسكري", None);
    assert!(
        has(&st, "Russia", "supports", "Mali_junta"),
        "{:?}",
        triples(&st)
    );
    let st = run("روسيا وتركيا تدعمان المجلس العسكري", None);
    assert!(
        has(&st, "Russia", "supports", "Mali_junta"),
        "{:?}",
        triples(&st)
    );
    assert!(
        has(&st, "Turkey", "supports", "Mali_junta"),
        "{:?}",
        triples(&st)
    );
}

#[test]
fn verbal_noun_with_genitive_subject_and_prepositional_object() {
    let st = run("يتواصل دعم روسيا لمالي", None);
    assert_eq!(
        triples(&st),
        vec![("Russia".into(), "supports".into(), "Mali".into())]
    );
    let st = run("يستمر حصار الجماعة لباماكو", None);
    assert!(
        has(&st, "JNIM", "blockaded", "Bamako"),
        "{:?}",
        triples(&st)
    );
    // Alone, the genitive of حصار is what is besieged; the besieger is the clause subject.
    let st = run("تفرض الجماعة حصار باماكو", None);
    assert!(
        has(&st, "JNIM", "blockaded", "Bamako"),
        "{:?}",
        triples(&st)
    );
}

#[test]
fn coordinated_objects_give_one_statement_each() {
    let st = run("أكد دعم روسيا لمالي والمجلس العسكري", None);
    assert!(has(&st, "Russia", "supports", "Mali"));
    assert!(has(&st, "Russia", "supports", "Mali_junta"));
}

#[test]
fn participles_take_the_noun_before_them() {
    let st = run("قاتل الجيش المالي المدعوم من روسيا في الشمال", None);
    assert!(
        has(&st, "Russia", "supports", "Malian_Armed_Forces"),
        "{:?}",
        triples(&st)
    );
    let st = run("تنشط الجماعة، المتحالفة مع القاعدة، في الشمال", None);
    assert!(
        has(&st, "JNIM", "allied-with", "al-Qaeda"),
        "{:?}",
        triples(&st)
    );
}

#[test]
fn prepositional_frame_links_the_clause_subject() {
    let st = run("نفذت الجماعة الهجوم بالتنسيق مع جبهة تحرير أزواد", None);
    assert!(has(&st, "JNIM", "allied-with", "FLA"), "{:?}", triples(&st));
}

#[test]
fn between_list_gives_every_pair() {
    let st = run(
        "اندلعت اشتباكات بين الجيش المالي والجماعة وجبهة تحرير أزواد",
        None,
    );
    assert!(has(&st, "Malian_Armed_Forces", "fights", "JNIM"));
    assert!(has(&st, "Malian_Armed_Forces", "fights", "FLA"));
    assert!(has(&st, "JNIM", "fights", "FLA"));
}

#[test]
fn arguments_are_not_taken_across_clause_boundaries() {
    let st = run(
        "هاجمت الجماعة باماكو، بينما تدعم روسيا المجلس العسكري",
        None,
    );
    assert!(has(&st, "Russia", "supports", "Mali_junta"));
    assert!(
        !has(&st, "JNIM", "supports", "Mali_junta"),
        "{:?}",
        triples(&st)
    );
}

#[test]
fn dropped_subject_takes_the_agreeing_subject_before() {
    let st = run("سيطرت الجماعة على كيدال.\nثم شنّت هجمات على باماكو.", None);
    assert!(has(&st, "JNIM", "captured", "Kidal"), "{:?}", triples(&st));
    assert!(has(&st, "JNIM", "attacked", "Bamako"), "{:?}", triples(&st));
    // A masculine subject does not agree with a feminine verb.
    let st = run("تقدم الجيش المالي نحو الشمال.\nثم سيطرت على كيدال.", None);
    assert!(
        !has(&st, "Malian_Armed_Forces", "captured", "Kidal"),
        "{:?}",
        triples(&st)
    );
}

#[test]
fn wrong_argument_types_are_rejected() {
    // blockaded needs a Place as object: a government is not one.
    let st = run("تفرض الجماعة حصارا على المجلس العسكري", None);
    assert!(st.is_empty(), "{:?}", triples(&st));
}

#[test]
fn passive_agent_becomes_the_subject() {
    let st = run("احتجز مواطنان إماراتيان على يد الجماعة", None);
    assert!(has(&st, "JNIM", "kidnapped", "UAE"), "{:?}", triples(&st));
}

#[test]
fn title_frame_names_the_leader() {
    let st = run("قال زعيم الجماعة إياد غالي إن", None);
    assert!(
        has(&st, "Iyad_Ag_Ghali", "leads", "JNIM"),
        "{:?}",
        triples(&st)
    );
}

#[test]
fn negation_is_kept_with_polarity_neg() {
    let st = run("لم تدعم روسيا المجلس العسكري", None);
    assert_eq!(st.len(), 1);
    assert_eq!(st[0].polarity, Polarity::Neg);
}

#[test]
fn qualifiers_date_quantity_modality_and_provenance() {
    let text = "قدرت الاستخبارات في يوليو 2025 أن روسيا نشرت نحو 2000 عنصر في مالي";
    let st = run(text, None);
    let s = st
        .iter()
        .find(|s| s.relation == "deployed-to")
        .expect("deployment found");
    assert_eq!(s.date.as_deref(), Some("2025-07"));
    assert_eq!(s.modality, Modality::Reported);
    assert_eq!(s.attributed_to.as_deref(), Some("الاستخبارات"));
    assert_eq!(s.quantities.len(), 1);
    assert_eq!(s.quantities[0].amount, 2000.0);
    assert_eq!(s.evidence.sentence, text);
    let focus = s.evidence.focus.of(text);
    assert!(
        focus.starts_with("روسيا") && focus.ends_with("مالي"),
        "{focus}"
    );
    assert!(s.confidence > 0.5 && s.confidence < 1.0);
}

#[test]
fn hedged_and_relative_dates() {
    let st = run(
        "الجماعة قد تحاول السيطرة على باماكو الشهر الماضي",
        Some("2025-11-20"),
    );
    let s = st
        .iter()
        .find(|s| s.relation == "captured")
        .expect("captured");
    assert_eq!(s.modality, Modality::Hedged);
    assert_eq!(s.date.as_deref(), Some("2025-10"));
    let st = run("سيطرت الجماعة على باماكو الشهر الماضي", None);
    assert_eq!(st[0].date, None);
}

#[test]
fn a_datelines_date_resolves_relative_dates_without_a_publication_date() {
    // «الأربعاء» in a dispatch dated 17 December 2025 (a Wednesday).
    let text =
        "هجوم في الشمال\nباماكو - 17 ديسمبر 2025 (رويترز) - سيطرت الجماعة على كيدال الأربعاء.";
    let st = run(text, None);
    let s = st
        .iter()
        .find(|s| s.relation == "captured")
        .expect("captured");
    assert_eq!(s.date.as_deref(), Some("2025-12-17"));
    // A date later in the text is no dateline: «الأربعاء» stays unresolved.
    let text = "هجوم في الشمال\nسيطرت الجماعة على كيدال الأربعاء، بعد معارك بدأت في 17 ديسمبر 2025.";
    let st = run(text, None);
    let s = st
        .iter()
        .find(|s| s.relation == "captured")
        .expect("captured");
    assert_ne!(s.date.as_deref(), Some("2025-12-17"));
}

#[test]
fn an_interviewees_answer_is_reported() {
    // A dashed answer after a question: the interviewee's words.
    let st = run(
        "حوار\n• هل تسيطرون على المدينة؟\n- نعم، سيطرت الجماعة على كيدال.",
        None,
    );
    let s = st
        .iter()
        .find(|s| s.relation == "captured")
        .expect("captured");
    assert_eq!(s.modality, Modality::Reported);
    // A question heading then the writer's own text: asserted.
    let st = run("تقرير\nماذا جرى في الشمال؟\nسيطرت الجماعة على كيدال.", None);
    let s = st
        .iter()
        .find(|s| s.relation == "captured")
        .expect("captured");
    assert_eq!(s.modality, Modality::Asserted);
}

#[test]
fn an_event_of_a_wires_lead_happened_on_the_datelines_day() {
    let text = "هجوم في الشمال\nباماكو - 17 ديسمبر 2025 (رويترز) - سيطرت الجماعة على كيدال بعد معارك.\nوكانت الجماعة قد سيطرت على بوريم من قبل.";
    let st = run(text, None);
    let kidal = st
        .iter()
        .find(|s| s.relation == "captured" && s.object.ends_with("Kidal"))
        .expect("captured Kidal");
    assert_eq!(kidal.date.as_deref(), Some("2025-12-17"));
    // Outside the lead, an undated event stays undated.
    assert!(
        st.iter()
            .filter(|s| s.relation == "captured" && !s.object.ends_with("Kidal"))
            .all(|s| s.date.is_none())
    );
}
