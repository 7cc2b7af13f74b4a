//! Compares extracted relations with a gold TSV (the format of
//! `tests/data/eval/GUIDELINES.md`): per document, the set of
//! `(subject, relation, object)` after mapping actors to their English
//! lexicon labels, symmetric relations unordered; precision, recall and F1
//! per relation and overall, strict and lenient (same pair, any relation);
//! accuracy of polarity, modality and date on the matched rows; and the
//! misses and false positives with their evidence.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::Extraction;
use crate::ontology::Ontology;

/// One row of a gold file, or one extracted statement mapped to gold names.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// Document file name.
    pub doc: String,
    /// Subject name.
    pub subject: String,
    /// Relation gold name.
    pub relation: String,
    /// Object name.
    pub object: String,
    /// `pos` or `neg`.
    pub polarity: String,
    /// `asserted`, `reported` or `hedged`.
    pub modality: String,
    /// ISO date or interval, when given.
    pub date: Option<String>,
    /// The evidence: the gold excerpt, or the extracted sentence.
    pub evidence: String,
    /// The pattern that found it (extracted rows only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Its confidence (extracted rows only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

/// Precision, recall and F1 with their counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    /// Gold rows.
    pub gold: usize,
    /// Extracted rows.
    pub extracted: usize,
    /// Extracted rows that match a gold row.
    pub correct: usize,
    /// Gold rows that an extracted row matches.
    pub found: usize,
    /// correct / extracted.
    pub precision: f64,
    /// found / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Score {
    fn new(gold: usize, extracted: usize, correct: usize, found: usize) -> Score {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(correct, extracted);
        let recall = ratio(found, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Score {
            gold,
            extracted,
            correct,
            found,
            precision,
            recall,
            f1,
        }
    }
}

/// Accuracy of one qualifier on the matched rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Accuracy {
    /// Matched rows where it agrees.
    pub agree: usize,
    /// Matched rows.
    pub total: usize,
    /// agree / total.
    pub accuracy: f64,
}

impl Accuracy {
    fn new(agree: usize, total: usize) -> Accuracy {
        Accuracy {
            agree,
            total,
            accuracy: if total == 0 {
                0.0
            } else {
                agree as f64 / total as f64
            },
        }
    }
}

/// The result of a comparison.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    /// Documents compared (those with gold rows that were also extracted).
    pub documents: Vec<String>,
    /// Per relation, strict.
    pub relations: BTreeMap<String, Score>,
    /// Overall, strict (same subject, relation and object).
    pub strict: Score,
    /// Overall, lenient (same pair of actors, any relation).
    pub lenient: Score,
    /// Polarity on strict matches.
    pub polarity: Accuracy,
    /// Modality on strict matches.
    pub modality: Accuracy,
    /// Date on strict matches (both empty agrees).
    pub date: Accuracy,
    /// Matched rows whose polarity, modality or date differ: (gold, extracted).
    pub disagreements: Vec<(Row, Row)>,
    /// Gold rows not found.
    pub misses: Vec<Row>,
    /// Extracted rows not in the gold.
    pub false_positives: Vec<Row>,
    /// Gold documents that were not among the inputs.
    pub unseen_documents: Vec<String>,
    /// Strict precision of the extracted rows of confidence ≥ 0.8.
    pub confident: Score,
    /// Strict precision of the extracted rows of confidence < 0.8.
    pub unsure: Score,
}

/// The confidence that splits [`Report::confident`] from [`Report::unsure`].
pub const CONFIDENT: f64 = 0.8;

/// The file name of a document id or path (gold files name documents by file name).
fn file_name(id: &str) -> String {
    Path::new(id)
        .file_name()
        .map_or_else(|| id.to_string(), |f| f.to_string_lossy().into_owned())
}

/// Reads a gold TSV with the header `doc subject relation object polarity
/// modality date evidence`. Fields may be quoted with `"` (doubled inside).
pub fn read_gold(path: &Path) -> Result<Vec<Row>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut rows = Vec::new();
    let mut lines = text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l).unwrap_or("");
    let names: Vec<&str> = header.split('\t').collect();
    let col = |name: &str| names.iter().position(|n| n.trim() == name);
    let need = ["doc", "subject", "relation", "object"];
    let mut at = BTreeMap::new();
    for n in need
        .iter()
        .chain(&["polarity", "modality", "date", "evidence"])
    {
        if let Some(i) = col(n) {
            at.insert(*n, i);
        } else if need.contains(n) {
            return Err(Error::Input {
                path: format!("{}:1", path.display()),
                message: format!("gold header has no column {n:?}"),
            });
        }
    }
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<String> = line.split('\t').map(unquote).collect();
        let get = |n: &str| {
            at.get(n)
                .and_then(|&k| fields.get(k))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        if need.iter().any(|n| get(n).is_empty()) {
            return Err(Error::Input {
                path: format!("{}:{}", path.display(), i + 1),
                message: "a gold row needs doc, subject, relation and object".into(),
            });
        }
        let or = |v: String, d: &str| if v.is_empty() { d.to_string() } else { v };
        let date = get("date");
        rows.push(Row {
            doc: file_name(&get("doc")),
            subject: get("subject"),
            relation: get("relation"),
            object: get("object"),
            polarity: or(get("polarity"), "pos"),
            modality: or(get("modality"), "asserted"),
            date: (!date.is_empty()).then_some(date),
            evidence: get("evidence"),
            pattern: None,
            confidence: None,
        });
    }
    Ok(rows)
}

fn unquote(field: &str) -> String {
    let f = field.trim();
    if f.len() >= 2 && f.starts_with('"') && f.ends_with('"') {
        f[1..f.len() - 1].replace("\"\"", "\"")
    } else {
        f.to_string()
    }
}

/// The statements of `extractions` as rows named by English labels: the
/// lexicon's, or the discovered actor's.
pub fn system_rows(extractions: &[Extraction], ontology: &Ontology) -> Vec<Row> {
    let mut out = Vec::new();
    for ex in extractions {
        let name = |iri: &str| system_name(iri, ex, ontology);
        for s in &ex.statements {
            out.push(Row {
                doc: file_name(&ex.document.id),
                subject: name(&s.subject),
                relation: s.relation.clone(),
                object: name(&s.object),
                polarity: s.polarity.as_str().to_string(),
                modality: s.modality.as_str().to_string(),
                date: s.date.clone(),
                evidence: s.evidence.sentence.clone(),
                pattern: Some(s.pattern.clone()),
                confidence: Some(s.confidence),
            });
        }
    }
    out
}

/// The scoring key of a row: symmetric relations order their pair.
fn key(r: &Row, symmetric: &BTreeSet<String>) -> (String, String, String, String) {
    let (a, b) = if symmetric.contains(&r.relation) && r.object < r.subject {
        (r.object.clone(), r.subject.clone())
    } else {
        (r.subject.clone(), r.object.clone())
    };
    (r.doc.clone(), a, r.relation.clone(), b)
}

fn pair(r: &Row) -> (String, String, String) {
    let (a, b) = if r.object < r.subject {
        (r.object.clone(), r.subject.clone())
    } else {
        (r.subject.clone(), r.object.clone())
    };
    (r.doc.clone(), a, b)
}

/// Keeps the first row of each key, in order.
fn first_of_each(rows: &[Row], symmetric: &BTreeSet<String>) -> Vec<Row> {
    let mut seen = BTreeSet::new();
    rows.iter()
        .filter(|r| seen.insert(key(r, symmetric)))
        .cloned()
        .collect()
}

/// Compares extracted rows with gold rows over the documents in `documents`
/// (file names of the inputs); `symmetric` are the relations scored without order.
pub fn compare(
    gold: &[Row],
    system: &[Row],
    documents: &BTreeSet<String>,
    symmetric: &BTreeSet<String>,
) -> Report {
    let gold_docs: BTreeSet<String> = gold.iter().map(|r| r.doc.clone()).collect();
    let compared: BTreeSet<String> = gold_docs.intersection(documents).cloned().collect();
    let gold: Vec<Row> = first_of_each(gold, symmetric)
        .into_iter()
        .filter(|r| compared.contains(&r.doc))
        .collect();
    let system: Vec<Row> = first_of_each(system, symmetric)
        .into_iter()
        .filter(|r| compared.contains(&r.doc))
        .collect();
    let gold_keys: BTreeMap<_, &Row> = gold.iter().map(|r| (key(r, symmetric), r)).collect();
    let system_keys: BTreeMap<_, &Row> = system.iter().map(|r| (key(r, symmetric), r)).collect();
    let gold_pairs: BTreeSet<_> = gold.iter().map(pair).collect();
    let system_pairs: BTreeSet<_> = system.iter().map(pair).collect();

    let mut report = Report {
        documents: compared.iter().cloned().collect(),
        unseen_documents: gold_docs.difference(documents).cloned().collect(),
        ..Report::default()
    };
    let relations: BTreeSet<&str> = gold
        .iter()
        .chain(&system)
        .map(|r| r.relation.as_str())
        .collect();
    for rel in relations {
        let g = gold.iter().filter(|r| r.relation == rel).count();
        let s = system.iter().filter(|r| r.relation == rel);
        let (mut n, mut correct) = (0, 0);
        for r in s {
            n += 1;
            correct += usize::from(gold_keys.contains_key(&key(r, symmetric)));
        }
        report
            .relations
            .insert(rel.to_string(), Score::new(g, n, correct, correct));
    }
    let correct = system
        .iter()
        .filter(|r| gold_keys.contains_key(&key(r, symmetric)))
        .count();
    report.strict = Score::new(gold.len(), system.len(), correct, correct);
    report.lenient = Score::new(
        gold.len(),
        system.len(),
        system
            .iter()
            .filter(|r| gold_pairs.contains(&pair(r)))
            .count(),
        gold.iter()
            .filter(|r| system_pairs.contains(&pair(r)))
            .count(),
    );
    let (mut pol, mut moda, mut date, mut total) = (0, 0, 0, 0);
    for g in &gold {
        match system_keys.get(&key(g, symmetric)) {
            Some(s) => {
                total += 1;
                pol += usize::from(s.polarity == g.polarity);
                moda += usize::from(s.modality == g.modality);
                date += usize::from(s.date == g.date);
                if s.polarity != g.polarity || s.modality != g.modality || s.date != g.date {
                    report.disagreements.push((g.clone(), (*s).clone()));
                }
            }
            None => report.misses.push(g.clone()),
        }
    }
    report.polarity = Accuracy::new(pol, total);
    report.modality = Accuracy::new(moda, total);
    report.date = Accuracy::new(date, total);
    report.false_positives = system
        .iter()
        .filter(|r| !gold_keys.contains_key(&key(r, symmetric)))
        .cloned()
        .collect();
    let band = |keep: &dyn Fn(f64) -> bool| {
        let rows: Vec<&Row> = system
            .iter()
            .filter(|r| r.confidence.is_some_and(keep))
            .collect();
        let ok = rows
            .iter()
            .filter(|r| gold_keys.contains_key(&key(r, symmetric)))
            .count();
        Score::new(0, rows.len(), ok, 0)
    };
    report.confident = band(&|c| c >= CONFIDENT);
    report.unsure = band(&|c| c < CONFIDENT);
    report
}

/// Names the gold actors written in Arabic (actors the lexicon does not
/// list, named by their form in the text) by the system's name for the
/// actor the document mentions under that form: the folded text of one of
/// its mentions, or its Arabic label, with or without the article. A gold
/// name that names no recognized actor stays as it is (a miss).
pub fn name_gold_actors(gold: &mut [Row], extractions: &[Extraction], ontology: &Ontology) {
    let arabic = |s: &str| s.chars().any(crate::text::is_arabic_letter);
    let grammar = crate::grammar::Grammar::load(&ontology.dir).ok();
    let bare = |k: &str| {
        grammar
            .as_ref()
            .and_then(|g| g.affixes.article.strip_prefix(k))
            .map(str::to_string)
    };
    let mut names: BTreeMap<(String, String), String> = BTreeMap::new();
    for ex in extractions {
        let doc = file_name(&ex.document.id);
        for m in &ex.mentions {
            let system = system_name(&m.actor, ex, ontology);
            let mut keys = vec![crate::text::key_of(m.span.of(&ex.document.text))];
            if let Some(a) = ex.discovered.iter().find(|a| a.iri == m.actor) {
                keys.push(crate::text::key_of(&a.label_ar));
            } else if let Some(e) = ontology.entry(&m.actor) {
                keys.push(crate::text::key_of(&e.label_ar));
            }
            for k in keys {
                if let Some(b) = bare(&k) {
                    names
                        .entry((doc.clone(), b))
                        .or_insert_with(|| system.clone());
                }
                names
                    .entry((doc.clone(), k))
                    .or_insert_with(|| system.clone());
            }
        }
    }
    for row in gold.iter_mut() {
        for name in [&mut row.subject, &mut row.object] {
            if !arabic(name) {
                continue;
            }
            let k = crate::text::key_of(name);
            let found = names
                .get(&(row.doc.clone(), k.clone()))
                .or_else(|| bare(&k).and_then(|b| names.get(&(row.doc.clone(), b))));
            if let Some(system) = found {
                *name = system.clone();
            }
        }
    }
}

/// The name an actor of `ex` is scored under: its lexicon label, else the
/// discovered actor's label, else the IRI's last segment.
fn system_name(iri: &str, ex: &Extraction, ontology: &Ontology) -> String {
    ontology
        .entry(iri)
        .map(|e| e.label.clone())
        .or_else(|| {
            ex.discovered
                .iter()
                .find(|a| a.iri == iri)
                .map(|a| a.label.clone())
        })
        .unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(iri).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(doc: &str, s: &str, r: &str, o: &str) -> Row {
        Row {
            doc: doc.into(),
            subject: s.into(),
            relation: r.into(),
            object: o.into(),
            polarity: "pos".into(),
            modality: "asserted".into(),
            date: None,
            evidence: String::new(),
            pattern: None,
            confidence: None,
        }
    }

    #[test]
    fn strict_lenient_and_symmetric_scoring() {
        let symmetric: BTreeSet<String> = ["fights".to_string()].into();
        let docs: BTreeSet<String> = ["a.txt".to_string()].into();
        let gold = vec![
            row("a.txt", "JNIM", "fights", "ISSP"),
            row("a.txt", "Russia", "supports", "Mali"),
            row("a.txt", "JNIM", "blockaded", "Bamako"),
            row("b.txt", "X", "supports", "Y"),
        ];
        let mut neg = row("a.txt", "Russia", "supports", "Mali");
        neg.polarity = "neg".into();
        let system = vec![
            row("a.txt", "ISSP", "fights", "JNIM"),
            neg,
            row("a.txt", "JNIM", "attacked", "Bamako"),
            row("a.txt", "Mali", "supports", "Russia"),
        ];
        let r = compare(&gold, &system, &docs, &symmetric);
        assert_eq!(r.documents, vec!["a.txt".to_string()]);
        assert_eq!(r.unseen_documents, vec!["b.txt".to_string()]);
        assert_eq!(
            (r.strict.gold, r.strict.extracted, r.strict.correct),
            (3, 4, 2)
        );
        assert!((r.strict.precision - 0.5).abs() < 1e-9);
        assert!((r.strict.recall - 2.0 / 3.0).abs() < 1e-9);
        // Lenient: the attack pair and the reversed support pair count.
        assert_eq!((r.lenient.correct, r.lenient.found), (4, 3));
        assert_eq!((r.polarity.agree, r.polarity.total), (1, 2));
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.false_positives.len(), 2);
        assert_eq!(r.relations["supports"].correct, 1);
    }

    #[test]
    fn arabic_gold_names_are_the_actors_mentioned_under_them() {
        use crate::model::{Actor, Document, Mention, MentionKind, Span};
        let ontology =
            Ontology::load(&Ontology::locate(None)).expect("the repository ontology loads");
        let text = "هاجمت جماعة أنصار الإسلام قرية بولكيسي";
        let at = |s: &str| {
            let start = text.find(s).expect("in text");
            Span::new(start, start + s.len())
        };
        let actor = |iri: &str, label: &str, label_ar: &str| Actor {
            iri: iri.into(),
            label: label.into(),
            label_ar: label_ar.into(),
            class: "ArmedGroup".into(),
            discovered: true,
            lat: None,
            long: None,
        };
        let ex = Extraction {
            document: Document {
                id: "dir/d1.txt".into(),
                text: text.into(),
                ..Document::default()
            },
            sentences: Vec::new(),
            mentions: vec![
                Mention {
                    actor: "x:ansar".into(),
                    span: at("جماعة أنصار الإسلام"),
                    sentence: 0,
                    kind: MentionKind::Name,
                },
                Mention {
                    actor: "x:village".into(),
                    span: at("بولكيسي"),
                    sentence: 0,
                    kind: MentionKind::Name,
                },
            ],
            discovered: vec![
                actor(
                    "x:ansar",
                    "Ansar al-Islam (discovered)",
                    "جماعة أنصار الإسلام",
                ),
                actor("x:village", "Boulkessi", "بولكيسي"),
            ],
            statements: Vec::new(),
        };
        let mut gold = vec![
            row("d1.txt", "جماعة أنصار الإسلام", "attacked", "بولكيسي"),
            // Hamza and taa marbuta spelt otherwise: the same key.
            row("d1.txt", "جماعه انصار الاسلام", "attacked", "قرية أخرى"),
            // Another document does not lend its names.
            row("d2.txt", "بولكيسي", "attacked", "JNIM"),
        ];
        name_gold_actors(&mut gold, &[ex], &ontology);
        assert_eq!(gold[0].subject, "Ansar al-Islam (discovered)");
        assert_eq!(gold[0].object, "Boulkessi");
        assert_eq!(gold[1].subject, "Ansar al-Islam (discovered)");
        assert_eq!(gold[1].object, "قرية أخرى");
        assert_eq!(gold[2].subject, "بولكيسي");
        assert_eq!(gold[2].object, "JNIM");
    }

    #[test]
    fn gold_file_reads_quoted_fields() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("g.tsv");
        std::fs::write(
            &path,
            "doc\tsubject\trelation\tobject\tpolarity\tmodality\tdate\tevidence\n\
             d/a.txt\tJNIM\tblockaded\tBamako\tpos\tasserted\t2025-10/2025-11\t\"قال \"\"هنا\"\"\"\n",
        )
        .expect("write gold");
        let rows = read_gold(&path).expect("reads");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].doc, "a.txt");
        assert_eq!(rows[0].date.as_deref(), Some("2025-10/2025-11"));
        assert_eq!(rows[0].evidence, "قال \"هنا\"");
        std::fs::write(&path, "doc\tsubject\n").expect("write");
        assert!(read_gold(&path).is_err());
    }
}
