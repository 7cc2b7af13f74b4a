//! Extractions built by hand for the store, query and endpoint tests, until
//! (and besides) the real extractor: every field of a statement is used.
#![allow(dead_code, unreachable_pub)]

use actorgraph::model::{
    Actor, Document, Evidence, Extraction, Mention, MentionKind, Modality, Polarity, Quantity,
    Sentence, Span, Statement,
};
use actorgraph::ontology::Ontology;
use actorgraph::store::Store;

use super::common;

pub fn ontology() -> Ontology {
    Ontology::load(&common::repo().join("ontology")).expect("the ontology loads")
}

pub fn document(id: &str, text: &str) -> Document {
    use sha2::{Digest, Sha256};
    Document {
        id: id.into(),
        origin: id.into(),
        title: Some(format!("عنوان {id}")),
        url: Some(format!("https://example.org/{id}")),
        published: Some("2025-10-01".into()),
        text: text.into(),
        sha256: actorgraph::model::hex(&Sha256::digest(text.as_bytes())),
    }
}

/// Byte span of the `nth` occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle is in the text");
    Span::new(start, start + needle.len())
}

pub const ACTOR: &str = "https://w3id.org/actorgraph/actor/";
pub const DISCOVERED: &str = "https://w3id.org/actorgraph/actor/discovered/كتيبة_الفرقان";

/// Sentence spans of `text`, split after each full stop (U+002E).
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('.') {
        out.push(Sentence {
            cut: false,
            index: out.len(),
            span: Span::new(start, i + 1),
        });
        start = i + 1;
        while text[start..].starts_with(' ') {
            start += 1;
        }
    }
    out
}

pub fn statement(
    doc: &Document,
    sents: &[Sentence],
    (subject, relation, object): (&str, &str, &str),
    focus: &str,
) -> Statement {
    let focus = find(&doc.text, focus);
    let s = sents
        .iter()
        .find(|s| s.span.contains(focus))
        .expect("the focus is in a sentence");
    Statement {
        doc: doc.id.clone(),
        subject: subject.into(),
        relation: relation.into(),
        object: object.into(),
        polarity: Polarity::Pos,
        modality: Modality::Asserted,
        date: None,
        quantities: Vec::new(),
        attributed_to: None,
        evidence: Evidence {
            index: s.index,
            sentence: s.span.of(&doc.text).into(),
            span: s.span,
            focus,
        },
        pattern: "test-pattern".into(),
        confidence: 0.85,
    }
}

/// A document exercising every field of a statement: dates of each
/// precision and an interval, quantities, attribution, negation, hedging,
/// a discovered actor.
pub fn rich(id: &str) -> Extraction {
    let text = "أعلنت وزارة الدفاع أن روسيا تدعم مالي بألفي مقاتل و30 مدرعة منذ 2023. \
                لم تتحالف فرنسا مع مالي في يوليو 2025. \
                قد تهاجم كتيبة الفرقان باماكو بين 2025-09-03 و2025-10.";
    let doc = document(id, text);
    let sents = sentences(text);
    let ru = format!("{ACTOR}Russia");
    let ml = format!("{ACTOR}Mali");
    let fr = format!("{ACTOR}France");
    let bko = format!("{ACTOR}Bamako");
    let mut a = statement(&doc, &sents, (&ru, "supports", &ml), "روسيا تدعم مالي");
    a.modality = Modality::Reported;
    a.attributed_to = Some("وزارة الدفاع".into());
    a.date = Some("2023".into());
    a.quantities = vec![
        Quantity {
            amount: 2000.0,
            unit: "fighters".into(),
            text: "بألفي مقاتل".into(),
        },
        Quantity {
            amount: 30.0,
            unit: "vehicles".into(),
            text: "30 مدرعة".into(),
        },
    ];
    let mut b = statement(
        &doc,
        &sents,
        (&fr, "allied-with", &ml),
        "تتحالف فرنسا مع مالي",
    );
    b.polarity = Polarity::Neg;
    b.date = Some("2025-07".into());
    b.confidence = 0.6;
    let mut c = statement(
        &doc,
        &sents,
        (DISCOVERED, "attacked", &bko),
        "تهاجم كتيبة الفرقان باماكو",
    );
    c.modality = Modality::Hedged;
    c.date = Some("2025-09-03/2025-10".into());
    c.confidence = 0.333;
    let mention = |actor: &str, needle: &str, kind| {
        let span = find(text, needle);
        Mention {
            actor: actor.into(),
            span,
            sentence: sents
                .iter()
                .position(|s| s.span.contains(span))
                .expect("in a sentence"),
            kind,
        }
    };
    let mentions = vec![
        mention(&ru, "روسيا", MentionKind::Name),
        mention(&ml, "مالي", MentionKind::Name),
        mention(&fr, "فرنسا", MentionKind::Name),
        mention(&ml, "مالي في", MentionKind::Name),
        mention(DISCOVERED, "كتيبة الفرقان", MentionKind::Discovered),
        mention(&bko, "باماكو", MentionKind::Name),
    ];
    Extraction {
        document: doc,
        sentences: sents,
        mentions,
        discovered: vec![Actor {
            iri: DISCOVERED.into(),
            label: String::new(),
            label_ar: "كتيبة الفرقان".into(),
            class: "ArmedGroup".into(),
            discovered: true,
            lat: None,
            long: None,
        }],
        statements: vec![a, b, c],
    }
}

/// A one-statement document.
pub fn small(id: &str, text: &str) -> Extraction {
    let doc = document(id, text);
    let sents = sentences(text);
    let ru = format!("{ACTOR}Russia");
    let ml = format!("{ACTOR}Mali");
    let st = statement(&doc, &sents, (&ru, "supports", &ml), "روسيا تدعم مالي");
    Extraction {
        document: doc,
        sentences: sents,
        mentions: Vec::new(),
        discovered: Vec::new(),
        statements: vec![st],
    }
}

/// The text of the fixture's `doc-c`, two alliances.
pub const DOC_C_TEXT: &str = "تحالفت مالي مع روسيا في 2024. وتحالفت مالي مع النيجر.";

/// A store in `dir` holding [`rich`] documents and two alliances, saved and closed.
pub fn fixture_store(dir: &std::path::Path) {
    let onto = ontology();
    let mut store = Store::open(dir).expect("open");
    store.sync_ontology(&onto).expect("sync");
    store.put(&rich("doc-a"), &onto).expect("put");
    store
        .put(&small("doc-b", "قالت مصادر إن روسيا تدعم مالي."), &onto)
        .expect("put");
    let text = DOC_C_TEXT;
    let doc = document("doc-c", text);
    let sents = sentences(text);
    let ml = format!("{ACTOR}Mali");
    let mut a = statement(
        &doc,
        &sents,
        (&ml, "allied-with", &format!("{ACTOR}Russia")),
        "تحالفت مالي مع روسيا",
    );
    a.date = Some("2024".into());
    let b = statement(
        &doc,
        &sents,
        (&format!("{ACTOR}Niger"), "allied-with", &ml),
        "تحالفت مالي مع النيجر",
    );
    store
        .put(
            &Extraction {
                document: doc,
                sentences: sents,
                mentions: Vec::new(),
                discovered: Vec::new(),
                statements: vec![a, b],
            },
            &onto,
        )
        .expect("put");
    store.save().expect("save");
}
