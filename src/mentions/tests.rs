//! Recognition on sentences written for these tests, with a small lexicon
//! built here (the real lexicon is tested in tests/recognition.rs).

use std::path::PathBuf;

use super::Recognizer;
use crate::model::{Actor, Document, Mention, MentionKind};
use crate::ontology::{ClassDef, LexEntry, Ontology};
use crate::sentences;

const A: &str = "https://w3id.org/actorgraph/actor/";

pub(super) fn class(o: &mut Ontology, name: &str, parents: &[&str]) {
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

pub(super) fn entry(local: &str, class: &str, label_ar: &str, aliases: &[&str]) -> LexEntry {
    LexEntry {
        iri: format!("{A}{local}"),
        class: class.into(),
        label: local.replace('_', " "),
        label_ar: label_ar.into(),
        aliases_ar: aliases.iter().map(|s| s.to_string()).collect(),
        ..LexEntry::default()
    }
}

pub(super) fn strs(v: &[&str]) -> Vec<String> {
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
            capital: Some(format!("{A}Ouagadougou")),
            ..entry("Burkina_Faso", "State", "بوركينا فاسو", &[])
        },
        LexEntry {
            country: Some(format!("{A}Burkina_Faso")),
            ..entry("Ouagadougou", "City", "واغادوغو", &[])
        },
        // Ambiguous names (the river, "sons") whose nisba is not ambiguous.
        LexEntry {
            adjectives: strs(&["نيجري"]),
            ambiguous: true,
            capital: Some(format!("{A}Niamey")),
            ..entry("Niger", "State", "النيجر", &["جمهورية النيجر"])
        },
        LexEntry {
            adjectives: strs(&["بنيني"]),
            ambiguous: true,
            ..entry("Benin", "State", "بنين", &[])
        },
        LexEntry {
            country: Some(format!("{A}France")),
            ..entry(
                "French_Armed_Forces",
                "ArmedForces",
                "القوات المسلحة الفرنسية",
                &["جيش فرنسا"],
            )
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
        LexEntry {
            country: Some(format!("{A}Mali")),
            ..entry(
                "Mali_junta",
                "Government",
                "المجلس العسكري",
                &["الحكومة المالية", "الحكومة العسكرية"],
            )
        },
        LexEntry {
            country: Some(format!("{A}Mali")),
            ..entry("Bamako", "City", "باماكو", &[])
        },
        LexEntry {
            country: Some(format!("{A}Niger")),
            ..entry("Niamey", "City", "نيامي", &[])
        },
        entry("Libya", "State", "ليبيا", &[]),
        LexEntry {
            country: Some(format!("{A}France")),
            ..entry("French_government", "Government", "الحكومة الفرنسية", &[])
        },
        LexEntry {
            country: Some(format!("{A}Libya")),
            ..entry("Khalifa_Haftar", "Person", "خليفة حفتر", &["حفتر"])
        },
        LexEntry {
            country: Some(format!("{A}Libya")),
            ..entry(
                "Eastern_Libya",
                "Region",
                "شرق ليبيا",
                &["المنطقة الشرقية الليبية"],
            )
        },
        LexEntry {
            ambiguous: true,
            ..entry(
                "Pastoralist_communities",
                "SocialGroup",
                "المجتمعات الرعوية",
                &["الرعاة"],
            )
        },
        LexEntry {
            country: Some(format!("{A}Niger")),
            ..entry("Niger_junta", "Government", "المجلس العسكري النيجري", &[])
        },
        LexEntry {
            country: Some(format!("{A}Niger")),
            ..entry("Abdourahamane_Tiani", "Person", "عبد الرحمن تياني", &[])
        },
        LexEntry {
            country: Some(format!("{A}Burkina_Faso")),
            ..entry(
                "Burkinabe_Armed_Forces",
                "ArmedForces",
                "الجيش البوركيني",
                &[],
            )
        },
        // An auxiliary militia filed as armed forces, whose bare plural
        // (المتطوعين "volunteers") is also a common word.
        LexEntry {
            country: Some(format!("{A}Burkina_Faso")),
            ..entry(
                "VDP",
                "ArmedForces",
                "متطوعو الدفاع عن الوطن",
                &["المتطوعون للدفاع عن الوطن", "المتطوعين"],
            )
        },
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
        entry("FLA", "ArmedGroup", "جبهة تحرير أزواد", &[]),
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
        // A person whose short name is also a word (سلام "peace").
        LexEntry {
            ambiguous: true,
            ..entry("Salam_Bakr", "Person", "سلام بكر", &["سلام"])
        },
        LexEntry {
            country: Some(format!("{A}Mali")),
            ..entry(
                "Malian_Armed_Forces_2",
                "ArmedForces",
                "القوات المالية",
                &[],
            )
        },
        LexEntry {
            acronyms: strs(&["AES"]),
            ..entry(
                "AES",
                "Alliance",
                "تحالف دول الساحل",
                &["كونفدرالية دول الساحل"],
            )
        },
        LexEntry {
            aliases_ar: strs(&["إيكواس"]),
            ..entry(
                "ECOWAS",
                "IntergovernmentalOrganization",
                "المجموعة الاقتصادية لدول غرب أفريقيا",
                &[],
            )
        },
        entry("CSP", "ArmedGroup", "الإطار الاستراتيجي الدائم", &[]),
        LexEntry {
            adjectives: strs(&["فولاني"]),
            ambiguous: true,
            ..entry("Fulani", "EthnicGroup", "الفولاني", &["الفولان"])
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
pub(super) fn found(text: &str) -> Vec<(String, String, MentionKind)> {
    readings(text, &run(text).0)
}

/// (text of the span, local name of the actor, kind) of `mentions` of `text`.
pub(super) fn readings(text: &str, mentions: &[Mention]) -> Vec<(String, String, MentionKind)> {
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
pub(super) fn pairs(text: &str) -> Vec<(String, String)> {
    found(text).into_iter().map(|(t, a, _)| (t, a)).collect()
}

pub(super) fn p(t: &str, a: &str) -> (String, String) {
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

pub(super) fn actors(text: &str) -> Vec<String> {
    pairs(text).into_iter().map(|(_, a)| a).collect()
}

#[test]
fn mali_the_state_or_financial() {
    // The common word: after nouns that take "financial".
    assert!(actors("قدم الاتحاد الدعم المالي للمزارعين").is_empty());
    assert!(actors("حصلت القرية على دعم مالي كبير").is_empty());
    assert!(actors("عانت الشركة من عجز مالي").is_empty());
    assert!(actors("ساعدهم الصندوق ماليًا").is_empty());
    // An idafa with a definite noun: وزارة المالية is the finance ministry.
    assert!(actors("أعلنت وزارة المالية خطة جديدة").is_empty());
    // The state: coordinated with another state, even after دعم.
    assert_eq!(
        actors("تعهد الاتحاد بدعم مالي وبوركينا فاسو"),
        vec!["Mali", "Burkina_Faso"]
    );
    // The state: after في، إلى، من، دولة، جمهورية and as a subject.
    for text in [
        "وصل الوفد إلى مالي أمس",
        "انسحبت القوات من مالي",
        "تقع دولة مالي في الساحل الغربي",
        "أعلنت جمهورية مالي الحداد",
        "تعد مالي شريكا رئيسيا",
    ] {
        assert_eq!(
            actors(text).first().map(String::as_str),
            Some("Mali"),
            "{text}"
        );
    }
    // A Malian minister or president: the state (adjective after a definite noun).
    assert_eq!(actors("قال الرئيس المالي إن"), vec!["Mali"]);
    assert_eq!(actors("التقى وزير مالي بنظيره"), vec!["Mali"]);
    // Plural demonym after a noun of people.
    assert_eq!(actors("قتل عشرة جنود ماليين"), vec!["Mali"]);
}

#[test]
fn sahel_region_or_coast_and_cote_d_ivoire() {
    assert_eq!(actors("تنشط الجماعات في منطقة الساحل"), vec!["Sahel"]);
    assert_eq!(actors("اشتد القتال في دول الساحل"), vec!["Sahel"]);
    // Côte d'Ivoire is ساحل العاج, never the Sahel.
    assert_eq!(
        pairs("زار الوزير ساحل العاج"),
        vec![p("ساحل العاج", "Cote_d_Ivoire")]
    );
    // A coast: الدول الساحلية, على الساحل, الساحل الغربي.
    assert!(actors("تخشى الدول الساحلية امتداد العنف").is_empty());
    assert!(actors("رست السفينة على الساحل").is_empty());
    assert!(actors("تقع المدينة على امتداد الساحل الغربي").is_empty());
}

#[test]
fn niger_the_state_or_the_river() {
    assert_eq!(actors("انسحبت القوات من النيجر"), vec!["Niger"]);
    assert!(actors("فاض نهر النيجر هذا العام").is_empty());
    assert!(actors("يعيش الصيادون على ضفاف النيجر").is_empty());
}

#[test]
fn a_person_name_that_is_also_a_word() {
    // سلام is "peace" unless a title or the full name makes it the person.
    assert!(actors("وقع الطرفان اتفاق سلام").is_empty());
    assert_eq!(actors("قال القائد سلام إن"), vec!["Salam_Bakr"]);
    assert_eq!(
        actors("التقى سلام بكر بالوفد. وقال سلام إن الوضع هادئ"),
        vec!["Salam_Bakr", "Salam_Bakr"]
    );
}

#[test]
fn ambiguous_state_in_a_list_of_states() {
    assert_eq!(
        actors("يهدد العنف دولا مثل بنين وتوغو"),
        vec!["Benin", "Togo"]
    );
    // Alone and without a cue, بنين is the word "sons".
    assert!(actors("رزق الرجل بنين وبنات").is_empty());
}
