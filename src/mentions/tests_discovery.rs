//! Discovery (groups and persons after their nouns and titles, acronyms)
//! and references (the group, the two parties, generic names placed by
//! their context) on sentences written for these tests, with the small
//! lexicon of `tests.rs`.

use super::tests::{actors, found, ontology, p, pairs, readings, run};
use std::path::PathBuf;

use super::Recognizer;
use crate::model::{Document, MentionKind};
use crate::ontology::Ontology;
use crate::sentences;

fn discovered(text: &str) -> Vec<(String, String, String)> {
    let (m, a) = run(text);
    m.iter()
        .filter(|m| m.kind == MentionKind::Discovered)
        .map(|m| {
            let actor = a.iter().find(|x| x.iri == m.actor).expect("actor listed");
            assert!(actor.discovered);
            (
                m.span.of(text).to_string(),
                actor.class.clone(),
                actor.label_ar.clone(),
            )
        })
        .collect()
}

#[test]
fn discovers_groups_after_group_nouns() {
    let text = "تبنت كتيبة الفرقان الهجوم على القاعدة العسكرية";
    assert_eq!(
        discovered(text),
        vec![(
            "كتيبة الفرقان".into(),
            "ArmedGroup".into(),
            "كتيبة الفرقان".into()
        )]
    );
    // With a proclitic, and a place inside the name.
    let text = "انضم مقاتلون لجبهة تحرير ميناكا الشهر الماضي";
    let d = discovered(text);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "جبهة تحرير ميناكا");
    // Not a name: "an armed group", "organizing its ranks".
    assert!(discovered("هاجمت جماعة مسلحة القرية").is_empty());
    assert!(discovered("أعادت القوات تنظيم صفوفها").is_empty());
    assert!(discovered("عقدوا تحالف الضرورة").is_empty());
    // A known group after the noun is the known group.
    assert_eq!(actors("قاتلت جماعة فاغنر هناك"), vec!["Wagner_Group"]);
}

#[test]
fn a_quoted_definite_group_noun_opens_a_name() {
    let text =
        "أعلنت \"الجبهة الوطنية للتحرير\"، وهي حركة متمردة، مسؤوليتها. وقالت الجبهة إنها ستواصل";
    let d = discovered(text);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].0, "الجبهة الوطنية للتحرير");
    assert_eq!(d[0].1, "ArmedGroup");
    // «الجبهة» later is that front.
    let (m, _) = run(text);
    let of_kind = |k: MentionKind| -> Vec<&str> {
        m.iter()
            .filter(|m| m.kind == k)
            .map(|m| m.actor.as_str())
            .collect()
    };
    assert_eq!(
        of_kind(MentionKind::Reference),
        of_kind(MentionKind::Discovered)
    );
    // Not a name: an adjective after the noun, one word, a lexicon group.
    assert!(discovered("تبنت \"الجماعة المسلحة\" الهجوم").is_empty());
    assert!(discovered("تبنت \"الجبهة\" الهجوم").is_empty());
    assert_eq!(
        actors("قاتلت \"الجماعة نصرة الإسلام والمسلمين\" الجيش"),
        vec!["JNIM"]
    );
}

#[test]
fn equipment_after_a_model_noun_or_quoted_after_an_equipment_noun() {
    let d = discovered("اشترت النيجر طائرات من طراز أقسونغور عام 2024");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        (d[0].0.as_str(), d[0].1.as_str()),
        ("أقسونغور", "Equipment")
    );
    let d = discovered("وتسلم الجيش مسيرات \"شاهد 136\" من طهران");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].1, "Equipment");
    assert_eq!(d[0].2, "شاهد 136");
    // Media outlets and companies named in quotes.
    let d = discovered("ونشرت صحيفة \"الوطن\" الخبر نقلا عن شركة \"يادران\"");
    let kinds: Vec<(&str, &str)> = d.iter().map(|x| (x.2.as_str(), x.1.as_str())).collect();
    assert_eq!(kinds, [("الوطن", "MediaOutlet"), ("يادران", "Company")]);
    assert!(discovered("ونشرت صحيفة محلية الخبر نقلا عن شركة أمنية").is_empty());
    // A plural office after a title is no person's name.
    assert!(discovered("واستقبل الملك وزراء خارجية الدول الثلاث").is_empty());
    // Unquoted, an equipment noun is a common noun.
    assert!(discovered("وتسلم الجيش مسيرات حديثة وطائرات مقاتلة").is_empty());
}

#[test]
fn a_name_set_off_before_a_title_is_a_person() {
    let names = |text: &str| -> Vec<String> {
        discovered(text)
            .into_iter()
            .filter(|d| d.1 == "Person")
            .map(|d| d.0)
            .collect()
    };
    assert_eq!(
        names("وقال باباغانا زولوم، حاكم ولاية بورنو، إن الوضع خطير"),
        ["باباغانا زولوم"]
    );
    // After a stop word with its conjunction (وكان), not including it.
    assert_eq!(
        names("وكان سيرغي شيفتشينكو، القائد الميداني، قد قتل"),
        ["سيرغي شيفتشينكو"]
    );
    // An unnamed source is no name; nor words that do not open the clause.
    assert!(names("وأكد مصدر أمني، قائد إحدى الوحدات، أن الهجوم فشل").is_empty());
    assert!(names("وزار الوفد مدينة كبيرة، قائد المنطقة فيها").is_empty());
}

#[test]
fn discovers_persons_after_titles() {
    let d = discovered("قال العقيد مامادو ديارا إن القوات تقدمت");
    assert_eq!(
        d,
        vec![(
            "مامادو ديارا".into(),
            "Person".into(),
            "مامادو ديارا".into()
        )]
    );
    // Past a nationality adjective and a modifier, with a suffixed title.
    let (m, _) = run("التقى الرئيس الروسي السابق ديمتري ميدفيديف بالوفد");
    let kinds: Vec<(&str, MentionKind)> = m
        .iter()
        .map(|x| {
            (
                x.span
                    .of("التقى الرئيس الروسي السابق ديمتري ميدفيديف بالوفد"),
                x.kind,
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("الروسي", MentionKind::Adjective),
            ("ديمتري ميدفيديف", MentionKind::Discovered)
        ]
    );
    let d = discovered("أعلنت الجماعة مقتل زعيمها أبو عبيدة يوسف في غارة");
    assert_eq!(d.first().map(|x| x.0.as_str()), Some("أبو عبيدة يوسف"));
    // One word, or common nouns after the title: nobody.
    assert!(discovered("قال القائد الميداني للجماعة").is_empty());
    assert!(discovered("وصل قائد قوات الحرس").is_empty());
    // A known person after a title is the known person.
    assert_eq!(actors("أكد العقيد أسيمي غويتا ذلك"), vec!["Assimi_Goita"]);
    // The family name alone is learned for the rest of the article.
    let (m, _) = run("قال العقيد مامادو ديارا إن الهجوم فشل. وأضاف ديارا أن");
    assert_eq!(m.len(), 2);
    assert_eq!(m[0].actor, m[1].actor);
}

#[test]
fn a_name_word_spelled_apart_from_a_preposition_stays_in_the_name() {
    // «علي» (the name) and «على» (the preposition) fold alike.
    let d = discovered("وقال العقيد محمد مهدي علي، قائد الجبهة، إن الهجوم فشل");
    assert_eq!(d.first().map(|x| x.0.as_str()), Some("محمد مهدي علي"));
    let d = discovered("وقال العقيد محمد مهدي على هامش الاجتماع إن الهجوم فشل");
    assert_eq!(d.first().map(|x| x.0.as_str()), Some("محمد مهدي"));
}

#[test]
fn a_given_name_with_the_article_opens_a_person() {
    let d = discovered("وقال المتحدث باسم الحكومة، الحسين ولد امدو، إن بلاده لن تسمح بذلك");
    assert_eq!(
        d.first().map(|x| (x.0.as_str(), x.1.as_str())),
        Some(("الحسين ولد امدو", "Person"))
    );
    // Any other definite word after a title is no name, nor is the given
    // name alone.
    assert!(discovered("وقال الأمين العام للحزب إن الحزب مستعد").is_empty());
    assert!(discovered("وقال المتحدث باسم الحكومة، الحسين، إن بلاده مستعدة").is_empty());
}

#[test]
fn acronyms_in_parentheses_are_learned_or_mint_actors() {
    // After a known name: the acronym becomes its alias in this document.
    let text = "أعلنت فاغنر (PMCW) انسحابها. وقالت PMCW إن";
    let got = found(text);
    assert_eq!(
        got,
        vec![
            ("فاغنر".into(), "Wagner_Group".into(), MentionKind::Name),
            ("PMCW".into(), "Wagner_Group".into(), MentionKind::Acronym),
            ("PMCW".into(), "Wagner_Group".into(), MentionKind::Acronym),
        ]
    );
    // Not in another document.
    assert!(actors("وقالت PMCW إن").is_empty());
    // After a discovered group: the same.
    let text = "تبنت كتيبة الفرقان (KAF) الهجوم. ونفت KAF ذلك";
    let (m, a) = run(text);
    assert_eq!(a.len(), 1);
    assert_eq!(m.len(), 3);
    assert!(m.iter().all(|x| x.actor == a[0].iri));
    // After an unknown name: minted, labelled with the acronym.
    let text = "أصدرت هيئة رصد النزاعات (HRN) تقريرا. وحسب HRN فإن";
    let (m, a) = run(text);
    assert_eq!(a.len(), 1, "{a:?}");
    assert_eq!(a[0].label, "HRN");
    assert_eq!(a[0].label_ar, "هيئة رصد النزاعات");
    assert_eq!(a[0].class, "Actor");
    assert_eq!(m.len(), 3);
    assert_eq!(m[0].kind, MentionKind::Discovered);
    assert_eq!(m[0].span.of(text), "هيئة رصد النزاعات");
    // The same acronym in another document: the same IRI.
    let (_, b) = run("قالت منظمة الرصد (HRN) إن");
    assert_eq!(b[0].iri, a[0].iri);
}

#[test]
fn references_resolve_to_a_compatible_actor() {
    let text = "هاجمت جماعة نصرة الإسلام والمسلمين قافلة. وقالت الجماعة إنها قتلت جنودا";
    let got = found(text);
    assert_eq!(got.len(), 2);
    assert_eq!(
        got[1],
        ("الجماعة".into(), "JNIM".into(), MentionKind::Reference)
    );
    // Compatible class only: الفيلق is a PMC or army, not the group.
    let text = "نشرت روسيا فيلق أفريقيا في مالي. وهاجمت JNIM الفيلق قرب ميناكا";
    let got = found(text);
    let r = got
        .iter()
        .find(|x| x.2 == MentionKind::Reference)
        .expect("a reference");
    assert_eq!((r.0.as_str(), r.1.as_str()), ("الفيلق", "Africa_Corps"));
    // No antecedent, no mention.
    assert!(actors("وقالت الجماعة إنها").is_empty());
    // Past the sentence, a group whose name holds the noun goes first, even
    // when another is named more (الجبهة is the front, not JNIM).
    let text = "هاجمت JNIM قافلة وقتلت JNIM جنودا. وتقاتل جبهة تحرير أزواد في الشمال. \
                وتقول الجبهة إنها لا تنسق مع أحد";
    let got = found(text);
    assert_eq!(
        got.last().map(|x| (x.0.as_str(), x.1.as_str())),
        Some(("الجبهة", "FLA"))
    );
    let text = "هاجمت JNIM قافلة وقتلت JNIM جنودا. وتقاتل جبهة تحرير أزواد في الشمال. \
                وتقول الجماعة إنها لا تنسق مع أحد";
    let got = found(text);
    assert_eq!(
        got.last().map(|x| (x.0.as_str(), x.1.as_str())),
        Some(("الجماعة", "JNIM"))
    );
    // الجبهة after على is the front line.
    assert_eq!(actors("قاتلت JNIM على الجبهة"), vec!["JNIM"]);
    // البلاد is the article's country, even right after another state.
    let text = "تعيش مالي أزمة. وتراقب مالي حدودها. وغادرت القوات الفرنسية البلاد";
    let got = found(text);
    let r = got.last().expect("mentions");
    assert_eq!(
        (r.0.as_str(), r.1.as_str(), r.2),
        ("البلاد", "Mali", MentionKind::Reference)
    );
    // الجيش with no army named: the army of the article's state.
    let got = found("تعيش مالي أزمة. وعجز الجيش عن صد الهجوم");
    assert_eq!(
        got[1],
        (
            "الجيش".into(),
            "Malian_Armed_Forces_2".into(),
            MentionKind::Reference
        )
    );
    // الجيش followed by a nationality adjective describes another army: not
    // a reference to Mali's, but France's army (a force head and its
    // adjective, see tests_generic.rs).
    assert_eq!(
        actors("تعيش مالي أزمة. وتدخل الجيش الفرنسي"),
        vec!["Mali", "French_Armed_Forces"]
    );
}

#[test]
fn a_plural_name_in_either_case() {
    // The lexicon has the nominative (المتطوعون للدفاع); the genitive is found.
    assert_eq!(
        pairs("أصيب ثلاثة من المتطوعين للدفاع عن الوطن في الكمين"),
        vec![p("المتطوعين للدفاع عن الوطن", "VDP")]
    );
    // The bare plural is "volunteers" without a cue …
    assert!(actors("فتحت المستشفيات أبوابها أمام المتطوعين من الأطباء").is_empty());
    // … and the militia when coordinated with an army or after a militia noun.
    assert_eq!(
        actors("نصب المسلحون كمينا للجيش البوركيني والمتطوعين قرب الحدود"),
        vec!["Burkinabe_Armed_Forces", "VDP"]
    );
    assert_eq!(actors("انتشرت ميليشيا المتطوعين في القرى"), vec!["VDP"]);
}

#[test]
fn the_corps_and_the_group_share_their_head_noun() {
    // الفيلق is a corps named with فيلق, not the army named more often.
    let text = "قاتل الجيش المالي في ميناكا. وانتشر الجيش المالي في الشمال. \
                ووصل فيلق أفريقيا إلى باماكو. ويدرب الفيلق الجنود";
    assert_eq!(found(text).last().expect("mentions").1, "Africa_Corps");
    // المجموعة is not a corps, even one named last.
    let text = "انسحبت مجموعة فاغنر. وحل محلها فيلق أفريقيا، وقالت المجموعة إن";
    assert_eq!(found(text).last().expect("mentions").1, "Wagner_Group");
}

#[test]
fn the_army_is_an_army_not_a_militia_filed_as_armed_forces() {
    let text = "تعيش بوركينا فاسو أزمة. وانتشر المتطوعون للدفاع عن الوطن في القرى. \
                وتقاتل ميليشيا المتطوعين إلى جانب الجيش في الأرياف";
    let got = found(text);
    let r = got.last().expect("mentions");
    assert_eq!(
        (r.0.as_str(), r.1.as_str(), r.2),
        ("الجيش", "Burkinabe_Armed_Forces", MentionKind::Reference)
    );
}

#[test]
fn a_group_named_inside_a_descriptor_is_not_the_antecedent() {
    // al-Qaeda is named last, but only to describe JNIM: الجماعة is JNIM.
    let text = "نفذت جماعة نصرة الإسلام والمسلمين، المرتبطة بتنظيم القاعدة، هجوما \
                وقالت الجماعة إنها أسرت جنودا";
    let got = found(text);
    let r = got.last().expect("mentions");
    assert_eq!(
        (r.0.as_str(), r.1.as_str(), r.2),
        ("الجماعة", "JNIM", MentionKind::Reference)
    );
    // Named as a subject, another group is an antecedent again.
    let text = "ذكرت JNIM أن ولاية الساحل أرسلت مقاتلين، وقالت الجماعة إنها";
    assert_eq!(found(text).last().expect("mentions").1, "ISSP");
    // Recency yields to a group named by another head noun (تنظيم القاعدة
    // is not «الجماعة» of its own sentence).
    let text = "أعلنت JNIM هجوما جديدا. ونفى تنظيم القاعدة أي تنسيق مع الجماعة";
    assert_eq!(found(text).last().expect("mentions").1, "JNIM");
    // فرع القاعدة is a description too.
    let text = "تعد JNIM فرع القاعدة في المنطقة، وتسعى الجماعة إلى التوسع";
    assert_eq!(found(text).last().expect("mentions").1, "JNIM");
}

#[test]
fn the_country_is_never_a_foreign_supporter() {
    // Russia is named twice, both times as Mali's supporter; Mali once,
    // in the first sentence: البلاد is Mali.
    let text = "تواجه مالي هجمات متصاعدة. وقاتل الجيش بدعم من روسيا، \
                وبمساعدة روسيا تسلم طائرات. وغادر الفرنسيون البلاد";
    let got = found(text);
    let r = got.last().expect("mentions");
    assert_eq!(
        (r.0.as_str(), r.1.as_str(), r.2),
        ("البلاد", "Mali", MentionKind::Reference)
    );
    // Capitals named as places in the title do not make the topic; a city
    // of the state does.
    let text = "من باريس وموسكو إلى النيجر: تحولات. وصل الوفد إلى باريس ثم نيامي. \
                وغادر الجنود البلاد";
    let got = found(text);
    let r = got.last().expect("mentions");
    assert_eq!((r.0.as_str(), r.1.as_str()), ("البلاد", "Niger"));
}

#[test]
fn a_capital_acting_politically_is_its_government() {
    // With a government in the lexicon: the junta.
    let got = found("وقررت باماكو تعليق التعاون مع فرنسا");
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str(), got[0].2),
        ("باماكو", "Mali_junta", MentionKind::Metonym)
    );
    // The verb after its subject too; without a government: the state.
    assert_eq!(actors("وكانت توغو أعلنت انسحابها"), vec!["Togo"]);
    // As a place it stays the city.
    assert_eq!(actors("فرض المسلحون حصار باماكو"), vec!["Bamako"]);
    assert_eq!(actors("وصل الوفد إلى باماكو أمس"), vec!["Bamako"]);
    assert_eq!(actors("وفي باماكو أعلنت النقابات إضرابا"), vec!["Bamako"]);
}

#[test]
fn the_authorities_and_the_council_are_the_government() {
    // السلطات alone: the article state's government.
    let text = "تعيش النيجر أزمة منذ الانقلاب. وطالبت السلطات برحيل الجنود";
    assert_eq!(
        found(text).last().expect("mentions"),
        &(
            "السلطات".into(),
            "Niger_junta".into(),
            MentionKind::Reference
        )
    );
    // المجلس after a junta was named: that junta; with none named, nothing
    // (a council is not any government: same head noun required).
    let text = "رفض المجلس العسكري النيجري الوساطة. ثم طالب المجلس برحيل الجنود";
    assert_eq!(found(text).last().expect("mentions").1, "Niger_junta");
    assert!(actors("وقال المجلس إن الاجتماع تأجل").is_empty());
}

#[test]
fn capitals_between_the_parties_of_a_relation_are_governments() {
    assert_eq!(
        actors("تحدثت تقارير عن مفاوضات سرية بين نيامي وباريس"),
        vec!["Niger_junta", "France"]
    );
    // Between two places on a road they stay places.
    assert_eq!(
        actors("أغلق المسلحون الطريق بين نيامي وباريس"),
        vec!["Niamey", "France"]
    );
}

#[test]
fn a_capital_after_with_and_a_relation_noun_is_a_government() {
    // The partner of a relation noun, its suffixes aside, past adjectives.
    assert_eq!(
        actors("قطعت فرنسا علاقاتها الدبلوماسية مع نيامي"),
        vec!["France", "Niger_junta"]
    );
    assert_eq!(
        actors("وعلقت فرنسا التعاون العسكري مع نيامي"),
        vec!["France", "Niger_junta"]
    );
    // «مع» after no relation noun: a place (the border with it, travel).
    assert_eq!(actors("انتشر الجنود قرب الحدود مع نيامي"), vec!["Niamey"]);
}

#[test]
fn the_capital_named_by_a_nationality_adjective() {
    assert_eq!(
        actors("ينتشر المدربون في العاصمة البوركينية منذ عام"),
        vec!["Ouagadougou"]
    );
    // The adjective alone still names the state.
    assert_eq!(actors("قالت الحكومة البوركينية إن"), vec!["Burkina_Faso"]);
}

#[test]
fn a_generic_junta_name_is_the_junta_of_its_context() {
    // Placed by «في» + a capital: Niger's junta, though the lexicon files
    // المجلس العسكري under Mali's.
    assert_eq!(
        actors("وقال المجلس العسكري الحاكم في نيامي إنه"),
        vec!["Niger_junta", "Niamey"]
    );
    // Unplaced: the state the article is about.
    assert_eq!(
        actors("تعيش النيجر أزمة منذ الانقلاب. ورفض المجلس العسكري الوساطة"),
        vec!["Niger", "Niger_junta"]
    );
    assert_eq!(
        actors("تعيش مالي أزمة. ورفض المجلس العسكري الوساطة"),
        vec!["Mali", "Mali_junta"]
    );
    // With لل, and towards the state of the title even when other states'
    // capitals are named there (a capital alone says nothing of the topic).
    assert_eq!(
        actors("من باريس وموسكو إلى النيجر: تحولات. وأعلن تياني ولاءه للمجلس العسكري الحاكم"),
        vec!["France", "Russia", "Niger", "Niger_junta"]
    );
    // Led by a person of another state, or after another state in its
    // sentence: that state's junta, in an article about Mali.
    assert_eq!(
        actors("تعيش مالي أزمة. وحافظ المجلس العسكري بقيادة الجنرال عبد الرحمن تياني على العلاقة"),
        vec!["Mali", "Niger_junta", "Abdourahamane_Tiani"]
    );
    assert_eq!(
        actors("تعيش مالي أزمة. وفي النيجر، حافظ المجلس العسكري على العلاقة"),
        vec!["Mali", "Niger", "Niger_junta"]
    );
    // Never to a government that is not a junta: France has only a cabinet.
    assert_eq!(
        actors("تعيش فرنسا أزمة. ورفض المجلس العسكري الوساطة"),
        vec!["France", "Mali_junta"]
    );
}

#[test]
fn herders_or_sponsors() {
    assert_eq!(
        actors("تتنافس الجماعات على كسب مجتمعات الرعاة في الشمال"),
        vec!["Pastoralist_communities"]
    );
    // Fulani herders are the Fulani: the ethnic nisba names the actor.
    assert_eq!(
        actors("جندت الجماعة عشرات من الرعاة الفولانيين"),
        vec!["Fulani"]
    );
    // "Sponsors" of an agreement: not the herders.
    assert!(actors("اجتمع الرعاة الدوليون للاتفاق في الجزائر").is_empty());
    assert!(actors("شكر المنظمون الرعاة على دعمهم").is_empty());
}

/// The actors of the Reference mentions written `word`.
fn referents(text: &str, word: &str) -> Vec<String> {
    found(text)
        .into_iter()
        .filter(|(t, _, k)| t == word && *k == MentionKind::Reference)
        .map(|(_, a, _)| a)
        .collect()
}

#[test]
fn the_attackers_are_the_armed_group_of_the_attack() {
    assert_eq!(
        referents(
            "هاجمت جماعة نصرة الإسلام والمسلمين موقعا للجيش. وقال الجيش إنه قتل ثلاثة من المهاجمين.",
            "المهاجمين"
        ),
        vec!["JNIM"]
    );
    // Unnamed gunmen are no antecedent: the attackers stay unnamed.
    assert!(
        referents(
            "هاجم مسلحون مجهولون موقعا للجيش. وقال الجيش إنه قتل ثلاثة من المهاجمين.",
            "المهاجمين"
        )
        .is_empty()
    );
}

#[test]
fn the_province_is_a_group_named_province() {
    let text = "شن تنظيم ولاية الساحل هجوما. وقال مقاتلو الولاية إنهم سيطروا على البلدة.";
    assert_eq!(referents(text, "الولاية"), vec!["ISSP"]);
    // Before a definite word it is another noun (a presidential term).
    let text = "شن تنظيم ولاية الساحل هجوما. وبدأت الولاية الرئاسية الثانية.";
    assert!(referents(text, "الولاية").is_empty());
}

#[test]
fn the_capital_alone_is_the_capital_of_the_article_s_state() {
    let text = "تواجه بوركينا فاسو هجمات. وقالت بوركينا فاسو إن الجماعة تحاصر العاصمة منذ أشهر.";
    assert_eq!(referents(text, "العاصمة"), vec!["Ouagadougou"]);
    // Before a name it is that name's title; before a definite word, another
    // noun phrase (the economic capital).
    let text = "تواجه بوركينا فاسو هجمات. وقالت بوركينا فاسو إن الوفد زار العاصمة نيامي.";
    assert!(referents(text, "العاصمة").is_empty());
    let text = "تواجه بوركينا فاسو هجمات. وقالت بوركينا فاسو إن العاصمة الاقتصادية هادئة.";
    assert!(referents(text, "العاصمة").is_empty());
}

#[test]
fn the_two_parties_are_the_two_last_set_against_each_other() {
    // Two Reference mentions on one span, in the order the sentence of the
    // clash names them.
    let text = "دارت معارك بين JNIM والقوات المالية شمال ميناكا. وتبادل الطرفان الاتهامات";
    assert_eq!(
        referents(text, "الطرفان"),
        vec!["JNIM", "Malian_Armed_Forces_2"]
    );
    // Same span for both.
    let (mentions, _) = run(text);
    let spans: Vec<_> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Reference)
        .map(|m| m.span)
        .collect();
    assert_eq!(spans.len(), 2);
    assert_eq!(spans[0], spans[1]);
    // «كلا الطرفين» in the same sentence as the clash.
    let text = "اشتبكت ولاية الساحل مع JNIM قرب ميناكا وتكبد كلا الطرفين خسائر";
    assert_eq!(referents(text, "الطرفين"), vec!["ISSP", "JNIM"]);
    // A state and its own army are one side, not two parties.
    let text = "تواجه مالي والقوات المالية أزمة. وقال الطرفان إن";
    assert!(referents(text, "الطرفان").is_empty());
    // Without a sentence that sets them against each other: nothing.
    let text = "زار وفد من روسيا النيجر. وبحث الطرفان التعاون";
    assert!(referents(text, "الطرفان").is_empty());
    // «بين الطرفين» after mediators does not make them the parties.
    let text = "سعت فرنسا وتوغو إلى الوساطة بين الطرفين";
    assert!(referents(text, "الطرفين").is_empty());
    // The dual of a group noun needs no opposition cue, only two groups.
    let text = "تنشط JNIM في الشمال، وإلى جانبها ولاية الساحل. ويجند التنظيمان الشبان";
    assert_eq!(referents(text, "التنظيمان"), vec!["JNIM", "ISSP"]);
    // … and never pairs a group with a state.
    let text = "تنشط JNIM في مالي. ويجند التنظيمان الشبان";
    assert!(referents(text, "التنظيمان").is_empty());
    // «أحد الطرفين» is one of them, not both.
    let text = "دارت معارك بين JNIM وولاية الساحل. وانسحب أحد الطرفين";
    assert!(referents(text, "الطرفين").is_empty());
}

#[test]
fn a_generic_region_resolves_only_when_placed() {
    // A restrictive relative names who holds it: Haftar's country, east.
    assert_eq!(
        pairs("نقلت موسكو عتادا إلى المنطقة الشرقية التي يسيطر عليها حفتر"),
        vec![
            p("موسكو", "Russia"),
            p("المنطقة الشرقية", "Eastern_Libya"),
            p("حفتر", "Khalifa_Haftar"),
        ]
    );
    // A preposition and a state place it too.
    assert_eq!(
        actors("تنتشر القوات في المنطقة الشرقية من ليبيا"),
        vec!["Eastern_Libya", "Libya"]
    );
    // Unplaced, or a direction the lexicon has no region for: nothing.
    assert!(actors("هطلت أمطار غزيرة على المنطقة الشرقية أمس").is_empty());
    assert_eq!(
        actors("تنتشر القوات في المنطقة الغربية من ليبيا"),
        vec!["Libya"]
    );
}

#[test]
fn unknown_cue_class_is_refused() {
    let mut o = ontology();
    o.classes.remove("Alliance");
    let err = Recognizer::new(&o).expect_err("Alliance is used by the cue file");
    assert!(err.to_string().contains("Alliance"), "{err}");
}

#[test]
fn the_nisba_of_an_ambiguous_name_is_the_state() {
    // النيجر may be the river and بنين "sons"; their adjectives are not ambiguous.
    assert_eq!(actors("أعلنت الحكومة النيجرية الحداد"), vec!["Niger"]);
    assert_eq!(actors("قال وزير الخارجية البنيني إن"), vec!["Benin"]);
    assert_eq!(actors("قتل ثلاثة جنود بنينيين"), vec!["Benin"]);
    // The bare names still need their cues.
    assert!(actors("فاض نهر النيجر").is_empty());
    assert!(actors("رزق الرجل بنين وبنات").is_empty());
}

#[test]
fn a_nisba_after_a_noun_of_people_is_the_state() {
    // ماليًا alone is "financially"; after soldiers it is Malian.
    assert_eq!(actors("قتل 12 جنديا ماليا في الكمين"), vec!["Mali"]);
    assert_eq!(actors("أصيب ثلاثة مدنيين ماليين"), vec!["Mali"]);
    assert!(actors("دعمت الحكومة المزارعين ماليا").is_empty());
}

#[test]
fn troops_of_the_article_s_own_state_are_its_army() {
    let lede = "أعلنت بوركينا فاسو حالة التأهب في شمال بوركينا فاسو. ";
    // Soldiers and forces of the state the article is about: its army.
    for tail in [
        "وقتل خمسة جنود بوركينيين في كمين",
        "وتقدمت القوات البوركينية نحو المدينة",
        "ونفذت القوات الخاصة البوركينية عملية",
    ] {
        let text = format!("{lede}{tail}");
        assert_eq!(
            actors(&text).last().map(String::as_str),
            Some("Burkinabe_Armed_Forces"),
            "{tail}"
        );
    }
    // Foreign troops stay their state, even when it has an army entry.
    let text = format!("{lede}وانسحبت القوات الفرنسية والبوركينية من المدينة");
    assert_eq!(
        actors(&text)[2..],
        ["France", "Burkinabe_Armed_Forces"].map(String::from)
    );
    // A nisba that does not qualify troops names the state.
    let text = format!("{lede}وقال الرئيس البوركيني إن");
    assert_eq!(
        actors(&text).last().map(String::as_str),
        Some("Burkina_Faso")
    );
    // In an article about France, Burkinabe soldiers are Burkina Faso's.
    let text = "أعلنت فرنسا خطة جديدة في فرنسا. وقتل جنود بوركينيون";
    assert_eq!(
        actors(text).last().map(String::as_str),
        Some("Burkina_Faso")
    );
}

#[test]
fn organizations_named_by_their_kind() {
    // المنظمة: an intergovernmental organization named before.
    let text = "فرضت إيكواس عقوبات على مالي. ثم رفعت المنظمة العقوبات";
    assert_eq!(referents(text, "المنظمة"), vec!["ECOWAS"]);
    // The participle "organized" is no reference.
    let text = "فرضت إيكواس عقوبات. وتفاقمت الجريمة المنظمة في المنطقة";
    assert!(referents(text, "المنظمة").is_empty());
    // A rights group is not one: no such antecedent, no mention.
    let text = "قالت منظمة حقوقية إن القرى أحرقت. وطالبت المنظمة بتحقيق";
    assert!(referents(text, "المنظمة").is_empty());
    // الكونفدرالية and الإطار share their noun with the antecedent's name.
    let text = "أعلن تحالف دول الساحل قوة موحدة تابعة للكونفدرالية";
    assert_eq!(referents(text, "لكونفدرالية"), vec!["AES"]);
    let text = "أعلن تحالف دول الساحل قوة موحدة. ودعا الاتحاد إلى الحوار";
    assert!(referents(text, "الاتحاد").is_empty());
    let text = "نصب مقاتلو الإطار الاستراتيجي الدائم كمينا. وقال الإطار إن";
    assert_eq!(referents(text, "الإطار"), vec!["CSP"]);
    let text = "هاجمت JNIM قافلة. وقال الوزير إن الإطار القانوني جاهز";
    assert!(referents(text, "الإطار").is_empty());
}

#[test]
fn government_troops_are_the_army_of_the_article_s_state() {
    let lede = "أعلنت بوركينا فاسو التعبئة في بوركينا فاسو. ";
    let text = format!("{lede}وهاجمت JNIM القوات الحكومية قرب الحدود");
    assert_eq!(
        referents(&text, "القوات الحكومية"),
        vec!["Burkinabe_Armed_Forces"]
    );
    // Not the foreign army named right before, nor the militia.
    let text = format!("{lede}وقاتل جيش فرنسا والمتطوعون للدفاع عن الوطن إلى جانب القوات النظامية");
    assert_eq!(
        referents(&text, "القوات النظامية"),
        vec!["Burkinabe_Armed_Forces"]
    );
}

/// Recognition with the shipped cues plus `extra` TOML, for cues that the
/// shipped file documents but does not enable.
fn found_with(extra: &str, text: &str) -> Vec<(String, String, MentionKind)> {
    let shipped = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("ontology")
            .join(super::RECOGNITION_FILE),
    )
    .expect("cue file");
    let dir = std::env::temp_dir().join(format!("actorgraph-cues-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // The language's grammar (proclitics) comes along unchanged.
    let lang = dir.join(crate::grammar::LANG_DIR);
    std::fs::create_dir_all(&lang).expect("temp lang dir");
    std::fs::write(
        dir.join(super::RECOGNITION_FILE),
        format!("{shipped}\n{extra}"),
    )
    .expect("write");
    std::fs::copy(
        crate::grammar::Grammar::path(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ontology")),
        lang.join(crate::grammar::GRAMMAR_FILE),
    )
    .expect("grammar copies");
    // (And the generated verb forms the cue file names.)
    let forms = "forms/capital-verbs.toml";
    std::fs::create_dir_all(lang.join("forms")).expect("temp forms dir");
    std::fs::copy(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("ontology")
            .join(crate::grammar::LANG_DIR)
            .join(forms),
        lang.join(forms),
    )
    .expect("forms copy");
    let o = Ontology {
        dir: dir.clone(),
        ..ontology()
    };
    let rec = Recognizer::new(&o).expect("recognizer compiles");
    let _ = std::fs::remove_dir_all(&dir);
    let doc = Document {
        id: "t".into(),
        text: text.into(),
        ..Document::default()
    };
    let (mentions, _) = rec.recognize(&doc, &sentences::split(text));
    readings(text, &mentions)
}

#[test]
fn a_group_of_states_named_by_its_size() {
    let cues = "[[references]]\nword = \"الدول الثلاث\"\nclasses = [\"State\"]\ncount = 3\n";
    let of = |text: &str| -> Vec<String> {
        found_with(cues, text)
            .into_iter()
            .filter(|(t, _, k)| t == "الدول الثلاث" && *k == MentionKind::Reference)
            .map(|(_, a, _)| a)
            .collect()
    };
    // The coordinated list, not the last three states named.
    let text =
        "انسحبت مالي وبوركينا فاسو والنيجر من المجموعة بعد ضغط فرنسا. وقررت الدول الثلاث تشكيل قوة";
    assert_eq!(
        of(text),
        ["Mali", "Burkina_Faso", "Niger"].map(String::from)
    );
    // Later, the same group again, even after another state is named (a new
    // list of three would be the new group).
    let text = "انسحبت مالي وبوركينا فاسو والنيجر من المجموعة. وقررت الدول الثلاث تشكيل قوة. \
                وانتقدت فرنسا القرار. وتعهدت الدول الثلاث بالرد";
    let got = of(text);
    assert_eq!(got.len(), 6, "{got:?}");
    assert_eq!(
        got[3..],
        ["Mali", "Burkina_Faso", "Niger"].map(String::from)
    );
    // Two states are not three.
    assert!(of("زار الوفد مالي والنيجر. وقررت الدول الثلاث الرد").is_empty());
    // The article's list, three sentences and more back, when no nearer
    // list or group names three.
    let text = "يضم التحالف مالي وبوركينا فاسو والنيجر. وعقد القادة قمة. وانتقدت فرنسا القمة. \
                ورفضت تشاد الدعوة. وأعلنت الدول الثلاث انسحابها";
    assert_eq!(
        of(text),
        ["Mali", "Burkina_Faso", "Niger"].map(String::from)
    );
    // Not a list of two, however far back.
    let text = "زار الوفد مالي والنيجر. وعقد القادة قمة. وانتقدت فرنسا القمة. \
                ورفضت تشاد الدعوة. وأعلنت الدول الثلاث انسحابها";
    assert!(of(text).is_empty());
}
