//! Loads the data under `ontology/`: the OWL ontology (`actorgraph.ttl`), the
//! actor lexicon (`actors.ttl`) and whatever else the later stages read from
//! that folder. Everything an analyst may want to change lives there, so it is
//! read at run time, never compiled in.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Quad, Term};

use crate::error::{Error, Result};
use crate::model::{Actor, Iri, ns};

/// The ontology file, relative to the ontology folder.
pub const ONTOLOGY_FILE: &str = "actorgraph.ttl";
/// The actor lexicon, relative to the ontology folder.
pub const LEXICON_FILE: &str = "actors.ttl";
/// The generated lexicon of the world's states and capitals
/// (`scripts/gen_world.py`), read after `actors.ttl` when present.
pub const WORLD_FILE: &str = "world.ttl";

/// A class of the ontology.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// Full IRI.
    pub iri: Iri,
    /// Local name (`ArmedGroup`).
    pub name: String,
    /// English label.
    pub label: String,
    /// Arabic label.
    pub label_ar: String,
    /// Local names of direct superclasses inside the ontology.
    pub parents: Vec<String>,
}

/// A relation (object property) of the ontology.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationDef {
    /// Full IRI (`…#alliedWith`).
    pub iri: Iri,
    /// Gold name (`allied-with`), the name used on the command line and in JSON.
    pub name: String,
    /// English label.
    pub label: String,
    /// Arabic label.
    pub label_ar: String,
    /// Whether `a r b` implies `b r a`.
    pub symmetric: bool,
    /// CAMEO event code, where one is aligned.
    pub cameo: Option<String>,
}

/// One entry of the actor lexicon.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LexEntry {
    /// IRI.
    pub iri: Iri,
    /// Local name of the class.
    pub class: String,
    /// English label.
    pub label: String,
    /// Arabic label.
    pub label_ar: String,
    /// Other Arabic names and spellings (`skos:altLabel@ar`).
    pub aliases_ar: Vec<String>,
    /// English and French names (`skos:altLabel@en`, `@fr`).
    pub aliases_latin: Vec<String>,
    /// Latin acronyms.
    pub acronyms: Vec<String>,
    /// Masculine singular nisba adjectives (روسي).
    pub adjectives: Vec<String>,
    /// Broken plurals (روس).
    pub demonym_plurals: Vec<String>,
    /// Capitals standing for the state (موسكو).
    pub metonyms: Vec<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub long: Option<f64>,
    /// The state it belongs to.
    pub country: Option<Iri>,
    /// For a state, its capital city (`ag:capital`).
    pub capital: Option<Iri>,
    /// For a state, the city its government sits in when that is not the
    /// capital (`ag:seat`): named for the state as a capital is.
    pub seat: Option<Iri>,
    /// One of its names is also a common word.
    pub ambiguous: bool,
}

impl LexEntry {
    /// The entry as a graph actor.
    pub fn to_actor(&self) -> Actor {
        Actor {
            iri: self.iri.clone(),
            label: self.label.clone(),
            label_ar: self.label_ar.clone(),
            class: self.class.clone(),
            discovered: false,
            lat: self.lat,
            long: self.long,
        }
    }
}

/// The ontology, the lexicon, and their triples.
#[derive(Clone, Debug, Default)]
pub struct Ontology {
    /// The folder they were read from.
    pub dir: PathBuf,
    /// Classes by local name.
    pub classes: BTreeMap<String, ClassDef>,
    /// Relations, sorted by gold name.
    pub relations: Vec<RelationDef>,
    /// Lexicon entries, sorted by IRI.
    pub lexicon: Vec<LexEntry>,
    /// Triples of the ontology file (loaded into the store's ontology graph).
    pub ontology_quads: Vec<Quad>,
    /// Triples of the lexicon file (loaded into the store's lexicon graph).
    pub lexicon_quads: Vec<Quad>,
}

impl Ontology {
    /// Where to find the ontology folder: `dir` when given, else
    /// `$ACTORGRAPH_ONTOLOGY`, else `./ontology`, else the source tree's.
    pub fn locate(dir: Option<&Path>) -> PathBuf {
        if let Some(d) = dir {
            return d.to_path_buf();
        }
        if let Some(d) = std::env::var_os("ACTORGRAPH_ONTOLOGY") {
            return PathBuf::from(d);
        }
        let local = PathBuf::from("ontology");
        if local.join(ONTOLOGY_FILE).is_file() {
            return local;
        }
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ontology")
    }

    /// Reads `actorgraph.ttl`, `actors.ttl` and (when present) `world.ttl`
    /// from `dir`.
    pub fn load(dir: &Path) -> Result<Ontology> {
        let ontology_quads = parse_turtle(&dir.join(ONTOLOGY_FILE))?;
        let mut lexicon_quads = parse_turtle(&dir.join(LEXICON_FILE))?;
        let world = dir.join(WORLD_FILE);
        if world.is_file() {
            lexicon_quads.extend(parse_turtle(&world)?);
        }
        let onto = Subjects::new(&ontology_quads);
        let lex = Subjects::new(&lexicon_quads);

        let mut classes = BTreeMap::new();
        let mut relations = Vec::new();
        for (iri, props) in &onto.0 {
            let Some(name) = iri.strip_prefix(ns::AG) else {
                continue;
            };
            let types = props.iris(&rdf("type"));
            if types.iter().any(|t| *t == format!("{}Class", ns::OWL)) {
                classes.insert(
                    name.to_string(),
                    ClassDef {
                        iri: iri.clone(),
                        name: name.to_string(),
                        label: props.lang(&rdfs("label"), "en").unwrap_or(name).to_string(),
                        label_ar: props.lang(&rdfs("label"), "ar").unwrap_or("").to_string(),
                        parents: props
                            .iris(&rdfs("subClassOf"))
                            .iter()
                            .filter_map(|p| p.strip_prefix(ns::AG).map(str::to_string))
                            .collect(),
                    },
                );
            }
            if let Some(gold) = props.first(&ag("goldName")) {
                relations.push(RelationDef {
                    iri: iri.clone(),
                    name: gold.to_string(),
                    label: props.lang(&rdfs("label"), "en").unwrap_or(name).to_string(),
                    label_ar: props.lang(&rdfs("label"), "ar").unwrap_or("").to_string(),
                    symmetric: types
                        .iter()
                        .any(|t| *t == format!("{}SymmetricProperty", ns::OWL)),
                    cameo: props.first(&ag("cameoCode")).map(str::to_string),
                });
            }
        }
        relations.sort_by(|a, b| a.name.cmp(&b.name));
        if relations.is_empty() {
            return Err(Error::Ontology {
                path: dir.join(ONTOLOGY_FILE),
                message: "defines no relation (no property with ag:goldName)".into(),
            });
        }

        let mut lexicon = Vec::new();
        let lex_path = dir.join(LEXICON_FILE);
        for (iri, props) in &lex.0 {
            let class = props
                .iris(&rdf("type"))
                .iter()
                .find_map(|t| t.strip_prefix(ns::AG).map(str::to_string));
            let Some(class) = class else { continue };
            let label = props
                .lang(&rdfs("label"), "en")
                .ok_or_else(|| Error::Ontology {
                    path: lex_path.clone(),
                    message: format!("<{iri}> has no English rdfs:label"),
                })?;
            let number = |p: &str| {
                props
                    .first(&format!("{}{p}", ns::GEO))
                    .and_then(|v| v.parse().ok())
            };
            lexicon.push(LexEntry {
                iri: iri.clone(),
                class,
                label: label.to_string(),
                label_ar: props.lang(&rdfs("label"), "ar").unwrap_or("").to_string(),
                aliases_ar: props.langs(&skos("altLabel"), &["ar"]),
                aliases_latin: props.langs(&skos("altLabel"), &["en", "fr"]),
                acronyms: props.all(&ag("acronym")),
                adjectives: props.all(&ag("nationalityAdjective")),
                demonym_plurals: props.all(&ag("demonymPlural")),
                metonyms: props.all(&ag("metonym")),
                lat: number("lat"),
                long: number("long"),
                country: props.iris(&ag("country")).into_iter().next(),
                capital: props.iris(&ag("capital")).into_iter().next(),
                seat: props.iris(&ag("seat")).into_iter().next(),
                ambiguous: props.first(&ag("ambiguous")) == Some("true"),
            });
        }
        for e in &lexicon {
            if !classes.contains_key(&e.class) {
                return Err(Error::Ontology {
                    path: lex_path.clone(),
                    message: format!(
                        "<{}> has class ag:{} which the ontology does not define",
                        e.iri, e.class
                    ),
                });
            }
        }
        Ok(Ontology {
            dir: dir.to_path_buf(),
            classes,
            relations,
            lexicon,
            ontology_quads,
            lexicon_quads,
        })
    }

    /// The relation with this gold name (`allied-with`) or local name (`alliedWith`).
    pub fn relation(&self, name: &str) -> Option<&RelationDef> {
        self.relations
            .iter()
            .find(|r| r.name == name || r.iri.strip_prefix(ns::AG) == Some(name))
    }

    /// Whether class `name` is `ancestor` or one of its subclasses.
    pub fn is_a(&self, name: &str, ancestor: &str) -> bool {
        let mut stack = vec![name];
        let mut seen = std::collections::BTreeSet::new();
        while let Some(c) = stack.pop() {
            if c == ancestor {
                return true;
            }
            if seen.insert(c)
                && let Some(def) = self.classes.get(c)
            {
                stack.extend(def.parents.iter().map(String::as_str));
            }
        }
        false
    }

    /// The lexicon entry with this IRI.
    pub fn entry(&self, iri: &str) -> Option<&LexEntry> {
        self.lexicon
            .binary_search_by(|e| e.iri.as_str().cmp(iri))
            .ok()
            .map(|i| &self.lexicon[i])
    }
}

fn rdf(local: &str) -> String {
    format!("{}{local}", ns::RDF)
}
fn rdfs(local: &str) -> String {
    format!("{}{local}", ns::RDFS)
}
fn skos(local: &str) -> String {
    format!("{}{local}", ns::SKOS)
}
fn ag(local: &str) -> String {
    format!("{}{local}", ns::AG)
}

/// Parses a Turtle file, naming the file and position on error.
pub fn parse_turtle(path: &Path) -> Result<Vec<Quad>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(&bytes)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::Ontology {
            path: path.to_path_buf(),
            message: e.to_string(),
        })
}

/// Triples grouped by subject IRI (blank-node subjects are skipped), in IRI order.
struct Subjects(BTreeMap<Iri, Props>);

/// The (predicate, object) pairs of one subject.
#[derive(Default)]
struct Props(Vec<(String, Term)>);

impl Subjects {
    fn new(quads: &[Quad]) -> Self {
        let mut map: BTreeMap<Iri, Props> = BTreeMap::new();
        for q in quads {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &q.subject {
                map.entry(s.as_str().to_string())
                    .or_default()
                    .0
                    .push((q.predicate.as_str().to_string(), q.object.clone()));
            }
        }
        Subjects(map)
    }
}

impl Props {
    fn values<'a>(&'a self, p: &'a str) -> impl Iterator<Item = &'a Term> + 'a {
        self.0.iter().filter(move |(k, _)| k == p).map(|(_, v)| v)
    }
    fn iris(&self, p: &str) -> Vec<String> {
        self.values(p)
            .filter_map(|t| match t {
                Term::NamedNode(n) => Some(n.as_str().to_string()),
                _ => None,
            })
            .collect()
    }
    fn first(&self, p: &str) -> Option<&str> {
        self.0.iter().find_map(|(k, t)| match t {
            Term::Literal(l) if k == p => Some(l.value()),
            _ => None,
        })
    }
    fn all(&self, p: &str) -> Vec<String> {
        self.values(p)
            .filter_map(|t| match t {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .collect()
    }
    fn lang(&self, p: &str, lang: &str) -> Option<&str> {
        self.0.iter().find_map(|(k, t)| match t {
            Term::Literal(l) if k == p && l.language() == Some(lang) => Some(l.value()),
            _ => None,
        })
    }
    fn langs(&self, p: &str, langs: &[&str]) -> Vec<String> {
        self.values(p)
            .filter_map(|t| match t {
                Term::Literal(l) if l.language().is_some_and(|x| langs.contains(&x)) => {
                    Some(l.value().to_string())
                }
                _ => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Ontology {
        Ontology::load(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ontology"))
            .expect("the shipped ontology folder loads")
    }

    /// The relation table of RELATIONS.md: (gold name, ontology name, symmetric).
    fn vocabulary() -> Vec<(String, String, bool)> {
        let md = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/RELATIONS.md"),
        )
        .expect("RELATIONS.md");
        md.lines()
            .filter(|l| l.starts_with("| ") && !l.starts_with("| gold") && !l.starts_with("|---"))
            .map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                let onto = cells[2].split_whitespace().next().expect("ontology name");
                (
                    cells[1].to_string(),
                    onto.to_string(),
                    cells[2].contains("symmetric"),
                )
            })
            .collect()
    }

    #[test]
    fn every_relation_of_the_vocabulary_is_defined_with_its_symmetry() {
        let onto = shipped();
        let vocab = vocabulary();
        assert_eq!(vocab.len(), 26, "RELATIONS.md lists 26 relations");
        for (gold, local, symmetric) in vocab {
            let def = onto
                .relation(&gold)
                .unwrap_or_else(|| panic!("{gold} is not defined"));
            assert_eq!(def.iri, format!("{}{local}", ns::AG), "{gold}");
            assert_eq!(def.symmetric, symmetric, "symmetry of {gold}");
            assert!(!def.label_ar.is_empty(), "{gold} has an Arabic label");
            assert_eq!(onto.relation(&local).map(|r| &r.name), Some(&gold));
        }
    }

    #[test]
    fn lexicon_uses_only_ontology_classes_and_names_every_gold_actor() {
        let onto = shipped();
        for e in &onto.lexicon {
            assert!(
                onto.classes.contains_key(&e.class),
                "{} has class {}",
                e.iri,
                e.class
            );
            assert!(!e.label_ar.is_empty(), "{} has an Arabic label", e.iri);
            if onto.is_a(&e.class, "Place") && e.class != "State" {
                assert!(
                    e.lat.is_some() && e.long.is_some(),
                    "{} has coordinates",
                    e.iri
                );
            }
            if let Some(c) = &e.country {
                let country = onto
                    .entry(c)
                    .unwrap_or_else(|| panic!("{}: unknown country {c}", e.iri));
                assert_eq!(country.class, "State", "{}: country {c}", e.iri);
            }
        }
        let actors = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/actors.tsv"),
        )
        .expect("actors.tsv");
        for name in actors.lines().skip(1).filter_map(|l| l.split('\t').next()) {
            assert!(
                onto.lexicon.iter().any(|e| e.label == name),
                "gold actor {name} has no lexicon entry with that English label"
            );
        }
    }

    #[test]
    fn class_hierarchy_makes_states_places_and_actors() {
        let onto = shipped();
        assert!(onto.is_a("State", "Place") && onto.is_a("State", "Actor"));
        assert!(onto.is_a("City", "Place") && !onto.is_a("City", "Actor"));
        assert!(onto.is_a("PrivateMilitaryCompany", "Actor"));
        assert!(!onto.is_a("Equipment", "Actor"));
    }

    #[test]
    fn a_broken_ontology_file_is_named_in_the_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join(ONTOLOGY_FILE),
            "@prefix ag: <x#> .\nag:a ag:b",
        )
        .expect("write");
        std::fs::write(dir.path().join(LEXICON_FILE), "").expect("write");
        let err = Ontology::load(dir.path()).expect_err("truncated Turtle");
        let msg = err.to_string();
        assert!(msg.contains(ONTOLOGY_FILE), "{msg}");
    }
}
