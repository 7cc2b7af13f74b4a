//! Tests of the constructions of `generic.rs` and the quoted and composed
//! group names of `discover.rs`: each with a positive and a negative example.

use super::tests::run;
use crate::model::Actor;

/// (span text, actor's Arabic label, class) of the discovered mentions.
fn discovered(text: &str) -> Vec<(String, String, String)> {
    let (mentions, actors) = run(text);
    mentions
        .iter()
        .filter_map(|m| {
            let a: &Actor = actors.iter().find(|a| a.iri == m.actor)?;
            Some((
                m.span.of(text).to_string(),
                a.label_ar.clone(),
                a.class.clone(),
            ))
        })
        .collect()
}

fn d(span: &str, label_ar: &str, class: &str) -> (String, String, String) {
    (span.into(), label_ar.into(), class.into())
}

#[test]
fn a_force_head_and_a_nationality_adjective_name_that_states_force() {
    let (mentions, actors) = run("هاجم مسلحون عناصر الشرطة الروسية أمس.");
    let police = actors
        .iter()
        .find(|a| a.label_ar == "الشرطة الروسية")
        .expect("the police is an actor");
    assert_eq!(police.label, "Russia police");
    assert_eq!(police.class, "ArmedForces");
    assert!(mentions.iter().any(|m| m.actor == police.iri));
    // The same phrase in another document is the same actor.
    let (_, again) = run("انسحبت والشرطة الروسية من الموقع.");
    assert!(again.iter().any(|a| a.iri == police.iri));
    // And after لل, whose article lost its alef.
    let (mentions, governed) = run("هاجموا دورية للشرطة الروسية أمس.");
    let same = governed
        .iter()
        .find(|a| a.iri == police.iri)
        .expect("the same police");
    assert_eq!(same.label_ar, "الشرطة الروسية");
    assert!(mentions.iter().any(|m| m.actor == police.iri));
    // A word that is no head before the adjective mints nothing.
    let (_, none) = run("هاجموا دورية للقرية الروسية أمس.");
    assert!(none.iter().all(|a| a.class != "ArmedForces"), "{none:?}");
}

#[test]
fn troops_without_a_force_head_stay_the_state() {
    // «القوات الفرنسية» is France, as the gold reads it; no force is minted.
    let (_, actors) = run("انسحبت القوات الفرنسية من المنطقة.");
    assert!(
        actors.iter().all(|a| a.class != "ArmedForces"),
        "{actors:?}"
    );
}

#[test]
fn unnamed_agents_are_actors_of_their_document() {
    assert_eq!(
        discovered("هاجم مسلحون مجهولون نقطة تفتيش."),
        [d("مسلحون مجهولون", "مسلحون", "ArmedGroup")]
    );
    assert_eq!(
        discovered("فجر انتحاري نفسه في السوق."),
        [d("انتحاري", "انتحاري", "ArmedGroup")]
    );
}

#[test]
fn definite_agents_and_members_of_a_named_group_are_not_new_actors() {
    // المسلحون refers back; «مسلحون من تنظيم القاعدة» are al-Qaeda's.
    assert!(discovered("اشتبك الجنود مع المسلحين ساعتين.").is_empty());
    assert!(discovered("هاجم مسلحون من تنظيم القاعدة القافلة.").is_empty());
}

#[test]
fn a_place_noun_introduces_a_place() {
    assert_eq!(
        discovered("هاجم المسلحون قرية مافا ليلا."),
        [d("مافا", "مافا", "City")]
    );
    assert_eq!(
        discovered("سقطت قذائف على مخيم زمزم للنازحين."),
        [d("مخيم زمزم", "مخيم زمزم", "Facility")]
    );
    assert_eq!(
        discovered("استهدفت المسيرات قاعدة عثمان دقنة الجوية."),
        [d(
            "قاعدة عثمان دقنة الجوية",
            "قاعدة عثمان دقنة الجوية",
            "Facility"
        )]
    );
}

#[test]
fn a_place_noun_before_a_common_word_or_a_known_place_mints_nothing() {
    assert!(discovered("هاجموا قرية صغيرة قرب الحدود.").is_empty());
    assert!(discovered("أقاموا قاعدة عسكرية جديدة.").is_empty());
    // A verb after a bare noun, a possessive: common words.
    assert!(discovered("منطقة تعاني من الجفاف.").is_empty());
    assert!(discovered("فقد التنظيم قاعدة تجنيدها في الشمال.").is_empty());
    // After a preposition a name may start with ت (في منطقة تيدرمين).
    assert_eq!(
        discovered("قتل عشرة في منطقة تيدرمين."),
        [d("تيدرمين", "تيدرمين", "Region")]
    );
    // A known city keeps its lexicon reading.
    assert!(discovered("دخلوا مدينة ميناكا أمس.").is_empty());
}

#[test]
fn a_quoted_name_after_a_group_noun_is_the_group() {
    // The region Macina in quotes after كتيبة is the group's name.
    let (mentions, actors) = run("تبنت كتيبة \"ماسينا\" الهجوم.");
    assert!(
        mentions.iter().all(|m| !m.actor.ends_with("/Macina")),
        "{mentions:?}"
    );
    assert!(
        actors
            .iter()
            .any(|a| a.label_ar == "ماسينا" && a.class == "ArmedGroup")
    );
    // A strict noun takes a quoted one-word name.
    assert_eq!(
        discovered("أعلن تنظيم «الفرقان» مسؤوليته."),
        [d("تنظيم «الفرقان»", "الفرقان", "ArmedGroup")]
    );
}

#[test]
fn a_quoted_known_actor_keeps_its_reading() {
    let (mentions, actors) = run("أعلن تنظيم \"القاعدة\" مسؤوليته.");
    assert!(actors.is_empty(), "{actors:?}");
    assert!(mentions.iter().any(|m| m.actor.ends_with("/al-Qaeda")));
    // Unquoted, a region alone after كتيبة is still the region.
    let (mentions, _) = run("انتشرت كتيبة ماسينا في الوسط.");
    assert!(mentions.iter().any(|m| m.actor.ends_with("/Macina")));
}

#[test]
fn a_group_name_and_a_state_after_a_group_noun_are_another_group() {
    let (mentions, actors) = run("هاجمت حركة القاعدة ليبيا مواقع الجيش.");
    assert!(
        actors.iter().any(|a| a.label_ar == "حركة القاعدة ليبيا"),
        "{actors:?}"
    );
    assert!(mentions.iter().all(|m| !m.actor.ends_with("/Libya")));
    // Not when the state is the object after a verb-less gap.
    let (mentions, _) = run("هاجمت القاعدة مواقع في ليبيا.");
    assert!(mentions.iter().any(|m| m.actor.ends_with("/Libya")));
}

#[test]
fn a_wire_dateline_names_a_city() {
    assert_eq!(
        discovered("عنوان الخبر\nبورتسودان، 4 مايو 2025 (الأناضول) - قال الجيش"),
        [d("بورتسودان", "بورتسودان", "City")]
    );
    assert_eq!(
        discovered("عنوان\nسريناغار (أ ف ب) - فتح"),
        [d("سريناغار", "سريناغار", "City")]
    );
}

#[test]
fn a_paragraph_opening_without_a_dateline_names_no_city() {
    // A comma not followed by a number, a known city: no new city.
    assert!(discovered("عنوان\nوفي المقابل، قال الوزير").is_empty());
    assert!(discovered("عنوان\nباماكو، 4 مايو 2025 - قال").is_empty());
}

#[test]
fn members_of_an_unknown_group_name_the_group() {
    assert_eq!(
        discovered("قتل مسلحون من القوات الديمقراطية المتحالفة 38 شخصا."),
        [d(
            "القوات الديمقراطية المتحالفة",
            "القوات الديمقراطية المتحالفة",
            "ArmedGroup"
        )]
    );
    // A quoted name with a state inside: the state is part of the name.
    let (mentions, actors) = run("هاجم مسلحون من \"ولاية ليبيا\"، بلدة.");
    assert!(
        actors.iter().any(|a| a.label_ar == "ولاية ليبيا"),
        "{actors:?}"
    );
    assert!(mentions.iter().all(|m| !m.actor.ends_with("/Libya")));
}

#[test]
fn members_of_a_single_definite_word_are_unnamed() {
    // «من القرية» is no group's name: the gunmen stay unnamed.
    assert_eq!(
        discovered("خرج مسلحون من القرية ليلا."),
        [d("مسلحون", "مسلحون", "ArmedGroup")]
    );
}

#[test]
fn nisba_adjectives_close_a_group_name() {
    assert_eq!(
        discovered("هاجم حزب العمال الكردستاني موقعا."),
        [d(
            "حزب العمال الكردستاني",
            "حزب العمال الكردستاني",
            "ArmedGroup"
        )]
    );
    // A word that is no adjective ends the name after its definite noun.
    assert_eq!(
        discovered("تبنت كتيبة الفرقان الهجوم."),
        [d("كتيبة الفرقان", "كتيبة الفرقان", "ArmedGroup")]
    );
}

#[test]
fn a_closing_quote_ends_a_group_name() {
    assert_eq!(
        discovered("\"جيش أراكان\" يهاجم مواقع"),
        [d("جيش أراكان", "جيش أراكان", "ArmedGroup")]
    );
}

#[test]
fn a_dual_place_noun_takes_two_coordinated_names() {
    assert_eq!(
        discovered("أصاب القصف قريتي غيدان بيسا وغيدان رونتووا، مما أسفر"),
        [
            d("غيدان بيسا", "غيدان بيسا", "City"),
            d("غيدان رونتووا", "غيدان رونتووا", "City")
        ]
    );
    // A singular noun does not: «قرية مافا وكاريا» is one name, then و.
    assert_eq!(
        discovered("هاجموا قرية مافا وانسحبوا."),
        [d("مافا", "مافا", "City")]
    );
}

#[test]
fn a_plural_place_noun_takes_the_names_singled_out_after_it() {
    // An adjective at most, then مثل: the list follows it; an accusative of
    // purpose after the list is no name word.
    assert_eq!(
        discovered("دخلت وحدات قرى حدودية مثل فصالة ومدبوغو بحثا عن المتهمين."),
        [d("فصالة", "فصالة", "City"), d("مدبوغو", "مدبوغو", "City")]
    );
    // Without the word that singles them out, a word after the adjective
    // names nothing.
    assert!(discovered("دخلت وحدات قرى حدودية فصالة ومدبوغو.").is_empty());
}

#[test]
fn a_plural_place_noun_list_goes_on_past_a_known_place() {
    // Known places in the list are passed over; the names around them are
    // still the noun's.
    assert_eq!(
        discovered("سيطروا على بلدتي ميناكا وتيدرمين في الشمال."),
        [d("تيدرمين", "تيدرمين", "City")]
    );
    assert_eq!(
        discovered("فرضوا حصارا على بلدات ليري وميناكا وديافارابي في الوسط."),
        [
            d("ليري", "ليري", "City"),
            d("ديافارابي", "ديافارابي", "City")
        ]
    );
    // A coordinated word that is no name ends the list: «وزير» is a title,
    // a definite word is no name.
    assert!(discovered("سيطروا على بلدتي ميناكا ووزير الدفاع يراقب.").is_empty());
    assert!(discovered("سيطروا على بلدتي ميناكا والمناطق المحيطة.").is_empty());
    // After a known place a singular noun takes no coordinated name.
    assert!(discovered("دخلوا مدينة ميناكا وتيدرمين أمس.").is_empty());
}

#[test]
fn dual_region_and_base_nouns_and_what_ends_a_place_name() {
    // Duals of province, region and base nouns name two places.
    assert_eq!(
        discovered("عززت القوات انتشارها في محافظتي أليبوري وأتاكورا ضمن عملية أمنية."),
        [
            d("أليبوري", "أليبوري", "Region"),
            d("أتاكورا", "أتاكورا", "Region")
        ]
    );
    assert_eq!(
        discovered("وتنشط الجماعة في ولايتي سوكوتو وكيبي."),
        [d("سوكوتو", "سوكوتو", "Region"), d("كيبي", "كيبي", "Region")]
    );
    // A superlative describes the place after its name: not part of it.
    assert_eq!(
        discovered("دخل المتمردون مدينة غوما كبرى مدن الشرق."),
        [d("غوما", "غوما", "City")]
    );
    // First-person endings also end village names: كامونا is no «our كامو».
    assert_eq!(
        discovered("هاجم المسلحون قرية كامونا وقتلوا زعيمها."),
        [d("كامونا", "كامونا", "City")]
    );
    assert!(discovered("هاجم المسلحون قاعدة تجنيدها.").is_empty());
    // «إقليمي» alone is the adjective «regional»: a dual only behind a
    // preposition.
    assert!(discovered("تحولت الأزمة إلى نزاع إقليمي ممتد يشمل المنطقة.").is_empty());
    assert_eq!(
        discovered("ضاعفت القوات انتشارها في إقليمي بونكاني وتشولوغو."),
        [
            d("بونكاني", "بونكاني", "Region"),
            d("تشولوغو", "تشولوغو", "Region")
        ]
    );
    // The singular province noun followed by a common word names nothing new.
    assert!(discovered("عززت القوات انتشارها في محافظتي الشمال.").is_empty());
}

#[test]
fn nouns_before_a_name_and_genre_labels_are_no_names() {
    // «إثر تصريحات أندريه يوسوف، المتحدث باسم …»: the noun before the name.
    assert_eq!(
        discovered("وقطعت مالي علاقاتها إثر تصريحات أندريه يوسوف، المتحدث باسم الاستخبارات."),
        [d("أندريه يوسوف", "أندريه يوسوف", "Person")]
    );
    // A genre label opening the second line is no dateline city.
    assert!(discovered("ليبيا والساحل\nتحليل - مصراوي - حين سقط النظام.").is_empty());
}

#[test]
fn a_rank_grade_after_the_title_is_no_name() {
    // «الفريق أول»: the grade belongs to the rank, not to the name.
    assert_eq!(
        discovered("قال الفريق أول عبد الفتاح سالم إن الحرب مستمرة."),
        [d("عبد الفتاح سالم", "عبد الفتاح سالم", "Person")]
    );
    assert!(
        discovered("تقاتل القوات بقيادة الفريق أول عبد الفتاح البرهان.")
            .iter()
            .all(|x| !x.0.contains("أول"))
    );
}

#[test]
fn persons_after_a_title_with_a_complement_or_in_a_list() {
    assert_eq!(
        discovered("وقال وزير الاقتصاد والمالية، ألوسيني سانو، إن الحكومة"),
        [d("ألوسيني سانو", "ألوسيني سانو", "Person")]
    );
    assert_eq!(
        discovered("وخطفوا رئيس إدارتها المحلية تسفاي بيكيلي وثلاثة من أفراد الشرطة"),
        [d("تسفاي بيكيلي", "تسفاي بيكيلي", "Person")]
    );
    assert_eq!(
        discovered("استقبل الوزير عبد الله ديوب وكاراموكو جان ماري تراوري أمس"),
        [
            d("عبد الله ديوب", "عبد الله ديوب", "Person"),
            d("كاراموكو جان ماري", "كاراموكو جان ماري", "Person")
        ]
    );
}

#[test]
fn an_appositive_name_may_hold_a_definite_word() {
    // After a title with its complement's pronoun and a comma.
    assert_eq!(
        discovered("حاورنا المتحدث باسمها، محمد المولود رمضان، حول المعارك"),
        [d("محمد المولود رمضان", "محمد المولود رمضان", "Person")]
    );
    // Without the comma a definite word still ends the name: the title's
    // complement (رئيس إدارتها المحلية) is not read as a name.
    assert_eq!(
        discovered("وخطفوا رئيس إدارتها المحلية تسفاي بيكيلي أمس"),
        [d("تسفاي بيكيلي", "تسفاي بيكيلي", "Person")]
    );
    // A possessed noun after the title is its complement, not the name's
    // first word.
    assert_eq!(
        discovered("وخطفوا رئيس إدارتها تسفاي بيكيلي أمس"),
        [d("تسفاي بيكيلي", "تسفاي بيكيلي", "Person")]
    );
    // Nor a definite word at a name's end (محمد الحسن is one word short).
    assert!(discovered("قال المتحدث باسمها، محمد الحسن، إن المعارك مستمرة").is_empty());
}

#[test]
fn a_nationality_adjective_used_as_a_noun_names_its_national() {
    assert_eq!(
        discovered("وبعد ثلاثة أشهر، اختطفت الروسية كلوديا أبت من المدينة"),
        [d("كلوديا أبت", "كلوديا أبت", "Person")]
    );
    // An adjective that modifies the definite noun before it names no one.
    assert!(discovered("قالت الحكومة الروسية حسب مصادر إن الوضع مستقر").is_empty());
}

#[test]
fn a_title_without_a_name_discovers_no_person() {
    // A complement and a clause, no appositive name.
    assert!(discovered("وقال المتحدث باسم الجيش في الإقليم إن المهاجمين فروا").is_empty());
    assert!(discovered("وقال وزير الاقتصاد، في تصريح للصحافة، إن").is_empty());
}

#[test]
fn a_group_noun_led_group_and_a_state_are_another_group() {
    let (mentions, actors) = run("هاجم مسلحون من حركة القاعدة ليبيا الشرطة.");
    let _ = mentions;
    assert!(
        actors.iter().any(|a| a.label_ar == "حركة القاعدة ليبيا"),
        "{actors:?}"
    );
    // A longer name and a state: subject and object of the verb.
    let (mentions, _) = run("هددت جماعة نصرة الإسلام والمسلمين ليبيا بهجمات.");
    assert!(
        mentions.iter().any(|m| m.actor.ends_with("/Libya")),
        "{mentions:?}"
    );
    // Without a group noun, a group and a state are subject and object.
    let (mentions, _) = run("هاجمت القاعدة ليبيا أمس.");
    assert!(mentions.iter().any(|m| m.actor.ends_with("/Libya")));
}

#[test]
fn an_agreeing_adjective_after_a_group_or_place_noun_is_no_name() {
    assert!(discovered("تعد جماعة مهزومة في الشمال.").is_empty());
    assert!(discovered("أرسلوا كتيبة إضافية إلى الجبهة.").is_empty());
    assert!(discovered("بنوا قاعدة ملاصقة للمطار.").is_empty());
    // An idafa in ة is a name: جماعة نصرة الإسلام.
    assert_eq!(
        discovered("هاجمت جماعة نصرة الإسلام القافلة."),
        [d("جماعة نصرة الإسلام", "جماعة نصرة الإسلام", "ArmedGroup")]
    );
}

#[test]
fn a_coordinated_adjective_is_no_force_of_the_head() {
    // «الجيش والروس»: the army and the Russians.
    let (_, actors) = run("انسحب الجيش والروس من المدينة.");
    assert!(actors.is_empty(), "{actors:?}");
}

#[test]
fn a_headline_opening_is_no_dateline() {
    assert!(discovered("تحليل - كيف تغير الساحل\nنص المقال").is_empty());
}

#[test]
fn a_family_name_after_a_connector_is_not_learned() {
    // «الرحمن» later is not أمادو عبد الرحمن.
    let (mentions, _) = run("قال الرئيس أمادو عبد الرحمن إن. ودعا الرحمن الناس.");
    assert_eq!(mentions.len(), 1, "{mentions:?}");
    // A family name is: «ديوب» later is عبد الله ديوب.
    let (mentions, _) = run("قال الوزير عبد الله ديوب إن. وأضاف ديوب أن");
    assert_eq!(mentions.len(), 2, "{mentions:?}");
}

#[test]
fn a_metonym_in_a_dateline_is_the_place() {
    let (mentions, actors) = run("عنوان\nموسكو، 4 مايو 2025 (رويترز) - قال مسؤول");
    assert!(
        mentions.iter().all(|m| !m.actor.ends_with("/Russia")),
        "{mentions:?}"
    );
    assert!(
        actors
            .iter()
            .any(|a| a.label_ar == "موسكو" && a.class == "City")
    );
    // Elsewhere it stands for its state.
    let (mentions, _) = run("عنوان\nوقالت موسكو إنها سترد.");
    assert!(mentions.iter().any(|m| m.actor.ends_with("/Russia")));
}

#[test]
fn unnamed_agents_are_no_antecedents() {
    let text = "نشط تنظيم القاعدة في المنطقة. هاجم مسلحون القرية، وقتل مسلحون آخرون حارسا. وتبنى التنظيم الهجوم.";
    let (mentions, _) = run(text);
    let last = mentions.last().expect("mentions");
    assert_eq!(last.span.of(text), "التنظيم");
    assert!(last.actor.ends_with("/al-Qaeda"), "{last:?}");
}

#[test]
fn a_name_word_in_waw_before_punctuation_and_allah_close_a_name() {
    assert_eq!(
        discovered("وقال الوزير جيلبير ويدراوغو، إن الحكومة"),
        [d("جيلبير ويدراوغو", "جيلبير ويدراوغو", "Person")]
    );
    assert_eq!(
        discovered("قال المتحدث عبد الرحمن كلام الله إن"),
        [d("عبد الرحمن كلام الله", "عبد الرحمن كلام الله", "Person")]
    );
    // A conjunction before more words is no part of the name.
    assert_eq!(
        discovered("استقبل الوزير جيلبير ماري وعددا من النواب"),
        [d("جيلبير ماري", "جيلبير ماري", "Person")]
    );
}

#[test]
fn a_quoted_name_after_majmuaa_is_an_actor_but_a_bare_word_is_not() {
    assert_eq!(
        discovered("وقعت الحكومة مع مجموعة \"يادران\" اتفاقا."),
        [d("مجموعة \"يادران\"", "يادران", "Actor")]
    );
    assert!(discovered("اجتمعت مجموعة دول في العاصمة.").is_empty());
}
