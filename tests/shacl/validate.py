#!/usr/bin/env python3
"""Validate actorgraph RDF data against the SHACL shapes.

Usage:
    python3 tests/shacl/validate.py DATA [DATA ...]
            [--ontology ontology/actorgraph.ttl]
            [--shapes ontology/shapes.ttl]
            [--lexicon ontology/actors.ttl | --no-lexicon]
            [--strict] [--full] [--quiet]

DATA files are parsed by extension: .ttl (Turtle), .nt (N-Triples),
.nq (N-Quads), .trig (TriG), .jsonld (JSON-LD), .rdf/.owl/.xml (RDF/XML).
N-Quads and TriG are read as a Dataset and all their graphs (named and
default) are merged into one graph. Several DATA files are merged too.

The lexicon, if found, is merged into the data graph, so that statements
may refer to lexicon actors by IRI only and the lexicon itself is checked.
By default it is ontology/actors.ttl next to this repository's ontology
file, when that file exists; --no-lexicon skips it.

Validation: pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology,
inference="rdfs", advanced=True, allow_warnings=True). Results of severity
sh:Warning (and sh:Info) are printed but do not make the data fail, unless
--strict is given.

Output (stdout): one line per result,
    <Severity>\t<focus node>\t<path>\t<value>\t<message>
sorted, then a summary line "CONFORMS" or "DOES NOT CONFORM (n violations,
m warnings)". --full also prints pyshacl's own text report; --quiet prints
only the summary line.

Exit codes (stable, relied on by the Rust/CI test):
    0  the data conforms
    1  the data does not conform (at least one sh:Violation; with --strict,
       any result)
    2  usage error, missing file, or a file that does not parse
"""

from __future__ import annotations

import argparse
import os
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEFAULT_ONTOLOGY = os.path.join(REPO, "ontology", "actorgraph.ttl")
DEFAULT_SHAPES = os.path.join(REPO, "ontology", "shapes.ttl")
DEFAULT_LEXICON = os.path.join(REPO, "ontology", "actors.ttl")

FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
}
QUAD_FORMATS = {"nquads", "trig"}

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2


def fail(msg: str) -> "NoReturn":  # noqa: F821
    print(f"validate.py: error: {msg}", file=sys.stderr)
    sys.exit(EXIT_ERROR)


def load_into(graph, path: str) -> None:
    """Parse `path` and add its triples (all graphs, for quad formats) to `graph`."""
    from rdflib import Dataset

    if not os.path.isfile(path):
        fail(f"no such file: {path}")
    fmt = FORMATS.get(os.path.splitext(path)[1].lower())
    if fmt is None:
        fail(f"unknown RDF file extension: {path}")
    try:
        if fmt in QUAD_FORMATS:
            ds = Dataset()
            ds.parse(path, format=fmt)
            for s, p, o, _ in ds.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(path, format=fmt)
    except Exception as e:  # rdflib raises many parser-specific types
        fail(f"cannot parse {path}: {e}")


def short(term, nsm) -> str:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return "-"
    if isinstance(term, URIRef):
        try:
            return nsm.normalizeUri(term)
        except Exception:
            return f"<{term}>"
    if isinstance(term, Literal):
        return term.n3(nsm)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        description="Validate actorgraph RDF data with SHACL (exit 0 conforms, 1 not, 2 error).")
    ap.add_argument("data", nargs="+", help="data file(s): .ttl .nt .nq .trig .jsonld .rdf")
    ap.add_argument("--ontology", default=DEFAULT_ONTOLOGY, help="OWL ontology (default: %(default)s)")
    ap.add_argument("--shapes", default=DEFAULT_SHAPES, help="SHACL shapes (default: %(default)s)")
    ap.add_argument("--lexicon", default=None,
                    help="lexicon merged into the data (default: ontology/actors.ttl if it exists)")
    ap.add_argument("--no-lexicon", action="store_true", help="do not merge any lexicon")
    ap.add_argument("--strict", action="store_true", help="warnings also make the data fail")
    ap.add_argument("--full", action="store_true", help="also print pyshacl's text report")
    ap.add_argument("--quiet", action="store_true", help="print only the summary line")
    args = ap.parse_args(argv)

    try:
        import pyshacl
        from rdflib import Graph, Namespace
        from rdflib.namespace import RDF
    except ImportError as e:
        fail(f"{e}; install with: pip install pyshacl rdflib")

    SH = Namespace("http://www.w3.org/ns/shacl#")

    data = Graph(bind_namespaces="core")
    for path in args.data:
        load_into(data, path)

    lexicon = None
    if args.no_lexicon:
        if args.lexicon:
            fail("--lexicon and --no-lexicon exclude each other")
    elif args.lexicon:
        lexicon = args.lexicon
    elif os.path.isfile(DEFAULT_LEXICON):
        lexicon = DEFAULT_LEXICON
    if lexicon:
        load_into(data, lexicon)

    ont = Graph(bind_namespaces="core")
    load_into(ont, args.ontology)
    shapes = Graph(bind_namespaces="core")
    load_into(shapes, args.shapes)

    try:
        conforms, results, text = pyshacl.validate(
            data,
            shacl_graph=shapes,
            ont_graph=ont,
            inference="rdfs",
            advanced=True,
            allow_warnings=True,
            abort_on_first=False,
        )
    except Exception as e:
        fail(f"pyshacl failed: {e}")
    if not hasattr(results, "subjects"):  # pyshacl.errors.ValidationFailure
        fail(f"pyshacl failed: {results}")

    from rdflib.namespace import NamespaceManager

    prefixes = {}  # prefix -> namespace; later graphs win (the ontology's)
    for g in (data, shapes, ont):
        for prefix, ns in g.namespaces():
            if prefix:
                prefixes = {p: n for p, n in prefixes.items() if p != prefix and n != ns}
                prefixes[prefix] = ns
    nsm = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, ns in prefixes.items():
        nsm.bind(prefix, ns, override=True, replace=True)

    rows = []
    counts = {}
    # Top-level results only: nested sh:detail results (from sh:node, sh:or)
    # are explanations of their parent result, not separate defects.
    top = [r for rep in results.subjects(RDF.type, SH.ValidationReport)
           for r in results.objects(rep, SH.result)]
    for r in top:
        sev = results.value(r, SH.resultSeverity)
        sev_name = str(sev).rsplit("#", 1)[-1] if sev else "Violation"
        counts[sev_name] = counts.get(sev_name, 0) + 1
        msgs = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        rows.append((
            sev_name,
            short(results.value(r, SH.focusNode), nsm),
            short(results.value(r, SH.resultPath), nsm),
            short(results.value(r, SH.value), nsm),
            " | ".join(msgs) or short(results.value(r, SH.sourceConstraintComponent), nsm),
        ))

    violations = counts.get("Violation", 0)
    others = sum(n for s, n in counts.items() if s != "Violation")
    ok = violations == 0 and (others == 0 or not args.strict)

    if args.full and not args.quiet:
        print(text)
    if not args.quiet:
        for row in sorted(rows):
            print("\t".join(row))
    if ok:
        extra = f" ({others} warnings)" if others else ""
        print(f"CONFORMS{extra}")
        return EXIT_OK
    print(f"DOES NOT CONFORM ({violations} violations, {others} warnings)")
    return EXIT_INVALID


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit:
        raise
    except BaseException as e:  # never let a crash look like "does not conform"
        print(f"validate.py: internal error: {e!r}", file=sys.stderr)
        sys.exit(EXIT_ERROR)
