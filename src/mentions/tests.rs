//! Recognition on sentences written for these tests, with a small lexicon
//! built here (the real lexicon is tested in tests/recognition.rs).

use std::path::PathBuf;

use super::Recognizer;
use crate::model::{Actor, Document, Mention, MentionKind};
use crate::ontology::{ClassDef, LexEntry, Ontology};
use crate::sentences;

const A: &str = "https://w3id.org/actorgraph/actor/";

fn class(o: &mut Ontology, name: &str, parents: &[&str]) {
    o.classes.insert(
        name.to_string(),
        ClassDef {
            iri: format!("https://w3id.org/actorgraph/ontology#{name}"),
            name: name.to_string(),
            label: name.to_string(),
            label_ar: String::new(),
            parents: parents.iter().map(|p| p.to_string()).collect(),
        },
    );
}

fn entry(local: &str, class: &str, label_ar: &str, aliases: &[&str]) -> LexEntry {
    LexEntry {
        iri: format!("{A}{local}"),
        class: class.into(),
        label: local.replace('_', " "),
        label_ar: label_ar.into(),
        aliases_ar: aliases.iter().map(|s| s.to_string()).collect(),
        ..LexEntry::default()
    }
}

fn strs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// A small lexicon of the kinds of entries the real one has.
pub(super) fn ontology() -> Ontology {
    let mut o = Ontology {
        dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ontology"),
        ..Ontology::default()
    };
    class(&mut o, "Actor", &[]);
    class(&mut o, "Place", &[]);
    for c in [
        "Government",
        "ArmedForces",
        "ArmedGroup",
        "PrivateMilitaryCompany",
        "Alliance",
        "IntergovernmentalOrganization",
        "Company",
        "MediaOutlet",
        "Person",
        "EthnicGroup",
        "SocialGroup",
    ] {
        class(&mut o, c, &["Actor"]);
    }
    class(&mut o, "State", &["Actor", "Place"]);
    for c in ["City", "Region", "Facility"] {
        class(&mut o, c, &["Place"]);
    }
    class(&mut o, "Equipment", &[]);
    let mut lex = vec![
        LexEntry {
            adjectives: strs(&["روسي"]),
            demonym_plurals: strs(&["روس"]),
            metonyms: strs(&["موسكو", "الكرملين"]),
            ..entry("Russia", "State", "روسيا", &[])
        },
        LexEntry {
            adjectives: strs(&["مالي"]),
            ambiguous: true,
            ..entry("Mali", "State", "مالي", &["جمهورية مالي"])
        },
        LexEntry {
            adjectives: strs(&["فرنسي"]),
            metonyms: strs(&["باريس"]),
            ..entry("France", "State", "فرنسا", &[])
        },
        LexEntry {
            adjectives: strs(&["بوركيني"]),
            ..entry("Burkina_Faso", "State", "بوركينا فاسو", &[])
        },
        entry("Niger", "State", "النيجر", &["جمهورية النيجر"]),
        LexEntry {
            ambiguous: true,
            ..entry("Benin", "State", "بنين", &[])
        },
        entry("Togo", "State", "توغو", &[]),
        entry("Cote_d_Ivoire", "State", "ساحل العاج", &["كوت ديفوار"]),
        entry("Sahel", "Region", "الساحل", &["منطقة الساحل"]),
        entry("Menaka", "City", "ميناكا", &[]),
        entry("Macina", "Region", "ماسينا", &[]),
        entry(
            "Malian_Armed_Forces",
            "ArmedForces",
            "الجيش المالي",
            &["القوات المسلحة المالية"],
        ),
        entry(
            "Mali_junta",
            "Government",
            "المجلس العسكري",
            &["الحكومة المالية", "الحكومة العسكرية"],
        ),
        LexEntry {
            acronyms: strs(&["JNIM"]),
            aliases_latin: strs(&["Jama'at Nusrat al-Islam wal-Muslimin"]),
            ..entry(
                "JNIM",
                "ArmedGroup",
                "جماعة نصرة الإسلام والمسلمين",
                &["نصرة الإسلام والمسلمين"],
            )
        },
        entry("al-Qaeda", "ArmedGroup", "القاعدة", &["تنظيم القاعدة"]),
        LexEntry {
            acronyms: strs(&["ISSP"]),
            ..entry("ISSP", "ArmedGroup", "ولاية الساحل", &[])
        },
        entry(
            "Wagner_Group",
            "PrivateMilitaryCompany",
            "مجموعة فاغنر",
            &["فاغنر"],
        ),
        entry(
            "Africa_Corps",
            "PrivateMilitaryCompany",
            "فيلق أفريقيا",
            &[],
        ),
        entry("Assimi_Goita", "Person", "أسيمي غويتا", &["غويتا"]),
        LexEntry {
            acronyms: strs(&["AES"]),
            ..entry("AES", "Alliance", "تحالف دول الساحل", &[])
        },
    ];
    lex.sort_by(|a, b| a.iri.cmp(&b.iri));
    o.lexicon = lex;
    o
}

pub(super) fn run(text: &str) -> (Vec<Mention>, Vec<Actor>) {
    let rec = Recognizer::new(&ontology()).expect("recognizer compiles");
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    };
    rec.recognize(&doc, &sentences::split(text))
}

/// (text of the span, local name of the actor, kind) of every mention.
fn found(text: &str) -> Vec<(String, String, MentionKind)> {
    let (mentions, _) = run(text);
    mentions
        .iter()
        .map(|m| {
            (
                m.span.of(text).to_string(),
                m.actor.rsplit('/').next().unwrap_or("").to_string(),
                m.kind,
            )
        })
        .collect()
}

/// The (span text, actor) pairs only.
fn pairs(text: &str) -> Vec<(String, String)> {
    found(text).into_iter().map(|(t, a, _)| (t, a)).collect()
}

fn p(t: &str, a: &str) -> (String, String) {
    (t.to_string(), a.to_string())
}

#[test]
fn each_proclitic_and_article_combination() {
    let cases = [
        ("وصلت القوات وروسيا تراقب", "روسيا"),
        ("فروسيا لم ترد", "روسيا"),
        ("رحبت بروسيا شريكا", "روسيا"),
        ("قدمت الدعم لروسيا علنا", "روسيا"),
        ("دولة كروسيا لا تتراجع", "روسيا"),
        ("انتشر الجنود في النيجر أمس", "النيجر"),
        ("وصل الوفد والنيجر ترحب", "النيجر"),
        ("اجتمعوا بالنيجر أمس", "النيجر"),
        // ل + ال is written لل: the span keeps the article's lam.
        ("أرسلوا المساعدات للنيجر أمس", "لنيجر"),
        ("فالنيجر لا تقبل", "النيجر"),
        ("وبالنيجر قاعدة", "النيجر"),
        ("دولة كالنيجر تعاني", "النيجر"),
        ("وللنيجر حدود طويلة", "لنيجر"),
    ];
    for (text, name) in cases {
        let got = pairs(text);
        let want_actor = if name == "روسيا" {
            "Russia"
        } else {
            "Niger"
        };
        assert!(
            got.contains(&p(name, want_actor)),
            "{text}: expected {name} → {want_actor}, got {got:?}"
        );
    }
}

#[test]
fn clitics_are_not_read_inside_other_words() {
    // "روس" inside a longer word, مالي inside الصومالي: no mention.
    assert!(pairs("شارك الصومالي في الدرس").is_empty());
    assert!(pairs("قرأ الطالب الدروس").is_empty());
}

#[test]
fn each_adjective_form_names_the_state() {
    for (form, span) in [
        ("روسي", "روسي"),
        ("روسية", "روسية"),
        ("روسيون", "روسيون"),
        ("روسيين", "روسيين"),
        ("روسيان", "روسيان"),
        ("روسيًا", "روسيًا"),
        ("روسيات", "روسيات"),
        ("روسيتين", "روسيتين"),
        ("الروسي", "الروسي"),
        ("الروسية", "الروسية"),
        ("الروسيين", "الروسيين"),
        ("بالروسية", "الروسية"),
        ("للروسية", "لروسية"),
    ] {
        let text = format!("وصل خبراء {form} أمس");
        let got = found(&text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].0, span, "{text}");
        assert_eq!(got[0].1, "Russia", "{text}");
    }
    assert_eq!(pairs("قاتل الروس هناك"), vec![p("الروس", "Russia")]);
    assert_eq!(pairs("التقى بالروس أمس"), vec![p("الروس", "Russia")]);
    assert_eq!(found("قال مصدر روسي")[0].2, MentionKind::Adjective);
}

#[test]
fn multi_word_aliases_win_over_adjectives() {
    assert_eq!(
        pairs("هاجم الجيش المالي المدينة"),
        vec![p("الجيش المالي", "Malian_Armed_Forces")]
    );
    assert_eq!(
        pairs("أعلنت الحكومة المالية ذلك"),
        vec![p("الحكومة المالية", "Mali_junta")]
    );
    assert_eq!(
        pairs("وقاتلت القوات الروسية والجيش المالي معا"),
        vec![
            p("الروسية", "Russia"),
            p("الجيش المالي", "Malian_Armed_Forces")
        ]
    );
}

#[test]
fn metonyms_and_acronyms() {
    assert_eq!(
        found("ردت موسكو بحدة"),
        vec![("موسكو".into(), "Russia".into(), MentionKind::Metonym)]
    );
    assert_eq!(pairs("وأعلن الكرملين ذلك"), vec![p("الكرملين", "Russia")]);
    assert_eq!(pairs("فرضتJNIM حصارا"), vec![p("JNIM", "JNIM")]);
    assert_eq!(pairs("قاتلت القوات وJNIM معا"), vec![p("JNIM", "JNIM")]);
    assert_eq!(
        found("قالت JNIM إن")[0].2,
        MentionKind::Acronym,
        "a Latin acronym is an Acronym mention"
    );
    // No match inside a longer Latin word, nor in lower case.
    assert!(pairs("the XJNIMX code").is_empty());
    assert!(pairs("كلمة jnim صغيرة").is_empty());
}

#[test]
fn spans_use_original_bytes_with_diacritics() {
    let text = "وَرُوسيـا تُرحّب";
    let (m, _) = run(text);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].span.of(text), "رُوسيـا");
    assert_eq!(m[0].sentence, 0);
}

#[test]
fn sentence_index_of_each_mention() {
    let text = "وصلت قوات فرنسا. ثم غادرت روسيا؟ وباريس تراقب";
    let (m, _) = run(text);
    let s: Vec<usize> = m.iter().map(|m| m.sentence).collect();
    assert_eq!(s, vec![0, 1, 2]);
}
