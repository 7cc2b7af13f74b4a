//! A fuzz target over normalize → split → recognize → extract (issue 19),
//! run by `cargo test` in CI: arbitrary text, Arabic letter soups with
//! marks, invisible controls, punctuation and digits, and seed sentences
//! spliced with such noise. Nothing may panic; every mention and statement
//! span must lie on char boundaries of the original text and quote it
//! (`text[span] == evidence`). The number of cases is proptest's
//! (`PROPTEST_CASES`, 48 here by default), so the run is bounded.

use std::sync::OnceLock;

use actorgraph::model::Document;
use actorgraph::pipeline::{self, Resources};
use proptest::prelude::*;

fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| Resources::load(None).expect("the repository's ontology folder loads"))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = Document {
        id: "fuzz".into(),
        text: text.to_string(),
        ..Document::default()
    };
    let ex = pipeline::extract_document(doc, resources());
    for s in &ex.sentences {
        prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
    }
    for m in &ex.mentions {
        prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
        prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
    for st in &ex.statements {
        let e = &st.evidence;
        prop_assert_eq!(&text[e.span.start..e.span.end], e.sentence.as_str());
        prop_assert!(e.span.start <= e.focus.start && e.focus.end <= e.span.end);
    }
    Ok(())
}

/// Letters, marks, invisible controls, Arabic and Latin punctuation, digits.
const SOUP: &str = "[\u{0621}-\u{064A}\u{064B}-\u{0652}\u{0660}-\u{0669}\u{200B}-\u{200F}\u{061F}\u{060C}\u{061B}.,!?«»\"() a-zA-Z0-9\n]{0,400}";

const SEED_SENTENCES: &[&str] = &[
    "هاجمت جماعة نصرة الإسلام والمسلمين الجيش المالي قرب تمبكتو.",
    "أعلنت النيجر إنهاء اتفاق التعاون العسكري مع الولايات المتحدة.",
    "وقال وزير الدفاع المالي، ساديو كامارا، إن فاغنر ستنسحب.",
];

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(48),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_extracts_without_panic(s in any::<String>()) {
        check(&s)?;
    }

    #[test]
    fn arabic_soups_extract_without_panic(s in SOUP) {
        check(&s)?;
    }

    #[test]
    fn seed_sentences_spliced_with_noise(
        i in 0..SEED_SENTENCES.len(),
        cut in 0usize..200,
        noise in "[\u{200B}-\u{200F}\u{064B}-\u{0652}،؛.«» ]{0,12}",
    ) {
        let s = SEED_SENTENCES[i];
        let mut at = cut.min(s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        check(&format!("{}{noise}{}", &s[..at], &s[at..]))?;
    }
}
