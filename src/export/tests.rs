use super::*;

#[test]
fn dates_widen_to_whole_days() {
    assert_eq!(
        day_bounds("2025-09-03"),
        Some(("2025-09-03".into(), "2025-09-03".into()))
    );
    assert_eq!(
        day_bounds("2024-02"),
        Some(("2024-02-01".into(), "2024-02-29".into()))
    );
    assert_eq!(
        day_bounds("2023-02"),
        Some(("2023-02-01".into(), "2023-02-28".into()))
    );
    assert_eq!(
        day_bounds("2025-06/2025-11"),
        Some(("2025-06-01".into(), "2025-11-30".into()))
    );
    assert_eq!(
        day_bounds("2022"),
        Some(("2022-01-01".into(), "2022-12-31".into()))
    );
    assert_eq!(day_bounds("2025-13"), None);
    assert_eq!(day_bounds("2025-02-30"), None);
    assert_eq!(day_bounds("soon"), None);
    assert_eq!(day_bounds("2025-11/2025-01"), None);
}

#[test]
fn overlapping_spells_merge() {
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    let merged = merge_spells(vec![
        s("2025-01-01", "2025-01-31"),
        s("2025-01-15", "2025-02-10"),
        s("2025-03-01", "2025-03-01"),
    ]);
    assert_eq!(
        merged,
        vec![s("2025-01-01", "2025-02-10"), s("2025-03-01", "2025-03-01")]
    );
}

#[test]
fn xml_forbidden_controls_go_and_marks_stay() {
    assert_eq!(xml_clean("a\u{1}b\u{200F}\tc\u{FFFF}"), "ab\u{200F}\tc");
    assert!(matches!(xml_clean("سلام"), std::borrow::Cow::Borrowed(_)));
}

fn sample() -> Network {
    use crate::model::{Actor, ActorStats, Evidence, Modality, Polarity, Span, Statement};
    use crate::ontology::RelationDef;
    let actor = |local: &str, label: &str| ActorStats {
        actor: Actor {
            iri: format!("{}{local}", ns::ACTOR),
            label: label.into(),
            label_ar: "مالي\u{200F}".into(),
            class: "State".into(),
            discovered: false,
            lat: Some(12.65),
            long: None,
        },
        mentions: 2,
        documents: 1,
    };
    let st = |r: &str, pol: Polarity, date: Option<&str>| Statement {
        doc: "d1".into(),
        subject: format!("{}A", ns::ACTOR),
        relation: r.into(),
        object: format!("{}B", ns::ACTOR),
        polarity: pol,
        modality: Modality::Reported,
        date: date.map(str::to_string),
        quantities: vec![],
        attributed_to: None,
        evidence: Evidence {
            index: 0,
            sentence: "a \"b\" & <c>\nd".into(),
            span: Span::new(0, 5),
            focus: Span::new(0, 5),
        },
        pattern: "p".into(),
        confidence: 1.0,
    };
    let rels: Vec<RelationDef> = ["supports", "fights"]
        .iter()
        .map(|n| RelationDef {
            iri: format!("{}{n}", ns::AG),
            name: n.to_string(),
            label: n.to_string(),
            label_ar: String::new(),
            symmetric: *n == "fights",
            cameo: None,
        })
        .collect();
    Network::build(
        vec![actor("A", "A & <a>"), actor("B", ""), actor("C", "C")],
        &[
            st("supports", Polarity::Pos, Some("2025-07")),
            st("fights", Polarity::Pos, None),
            st("fights", Polarity::Neg, None),
        ],
        &rels,
        &Filter {
            include_negated: true,
            ..Filter::default()
        },
    )
}

/// Attributes of every element named `name` in `xml`.
fn elements(xml: &[u8], name: &str) -> Vec<BTreeMap<String, String>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == name => {
                out.push(
                    e.attributes()
                        .map(|a| {
                            let a = a.expect("attribute");
                            (
                                a.key.as_ref().to_string(),
                                a.normalized_value(quick_xml::XmlVersion::default())
                                    .expect("escaped value")
                                    .into_owned(),
                            )
                        })
                        .collect(),
                );
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

#[test]
fn graphml_avoids_gephi_pitfalls() {
    let net = sample();
    assert_eq!(net.edges.len(), 3, "two relations, one denied: three edges");
    let mut buf = Vec::new();
    write(
        Format::GraphMl,
        Source::Network(&net),
        &Options::default(),
        &mut buf,
    )
    .expect("GraphML written");
    let keys = elements(&buf, "key");
    for k in &keys {
        let id = &k["id"];
        assert!(
            !(id.starts_with('d') && id[1..].bytes().all(|b| b.is_ascii_digit())),
            "key id {id} would become a label in Gephi"
        );
        assert!(
            matches!(k["for"].as_str(), "node" | "edge"),
            "key {id} has for"
        );
        assert!(
            ["boolean", "int", "long", "float", "double", "string"]
                .contains(&k["attr.type"].as_str())
        );
    }
    let ids: std::collections::BTreeSet<String> = keys.iter().map(|k| k["id"].clone()).collect();
    assert_eq!(ids.len(), keys.len(), "key ids are unique");
    let edges = elements(&buf, "edge");
    assert_eq!(edges.len(), 3);
    let edge_ids: std::collections::BTreeSet<&str> =
        edges.iter().map(|e| e["id"].as_str()).collect();
    assert_eq!(
        edge_ids.len(),
        3,
        "parallel and denied edges have distinct ids"
    );
    assert!(net.edges.iter().all(|e| e.weight >= 1));
    let text = String::from_utf8(buf).expect("UTF-8");
    assert!(text.contains("A &amp; &lt;a&gt;"), "label escaped");
    assert!(text.contains("مالي\u{200F}"), "RLM kept");
    assert!(
        text.contains("<data key=\"label\">مالي"),
        "no English label: the Arabic one shows"
    );
}

#[test]
fn gexf_spells_follow_dates_only_in_dynamic_mode() {
    let net = sample();
    let gexf = |dynamic| {
        let mut buf = Vec::new();
        let opts = Options {
            dynamic,
            ..Options::default()
        };
        write(Format::Gexf, Source::Network(&net), &opts, &mut buf).expect("GEXF written");
        buf
    };
    let dynamic = gexf(true);
    let graph = &elements(&dynamic, "graph")[0];
    assert_eq!(graph.get("timeformat").map(String::as_str), Some("date"));
    let spells = elements(&dynamic, "spell");
    assert_eq!(spells.len(), 1, "only the dated edge");
    assert_eq!(spells[0]["start"], "2025-07-01");
    assert_eq!(spells[0]["end"], "2025-07-31");
    let kinds: Vec<String> = elements(&dynamic, "edge")
        .iter()
        .map(|e| e["kind"].clone())
        .collect();
    assert_eq!(kinds, ["fights", "fights", "supports"]);
    let evidence: Vec<String> = elements(&dynamic, "attvalue")
        .into_iter()
        .filter(|a| a["for"] == "evidence")
        .map(|a| a["value"].clone())
        .collect();
    assert_eq!(
        evidence[0], "a \"b\" & <c>\nd",
        "line break survives in an attribute"
    );
    let fixed = gexf(false);
    assert!(elements(&fixed, "spell").is_empty());
    assert!(!elements(&fixed, "graph")[0].contains_key("timeformat"));
}

#[test]
fn format_names_round_trip() {
    for f in Format::ALL {
        assert_eq!(f.name().parse::<Format>().expect("own name parses"), f);
    }
    assert_eq!("ttl".parse::<Format>().expect("alias"), Format::Turtle);
    assert!("svg".parse::<Format>().is_err());
}
