"""Parses an RDF export with rdflib and prints what it found as JSON, for
tests/exports.rs.

    read_rdf.py turtle|trig|nt|nquads|json-ld FILE

Output: {"triples": distinct triples over all graphs, "quads": statements
counted per graph, "graphs": named graphs holding data, "labels": every
rdfs:label and skos:prefLabel literal}.
"""

import json
import sys

from rdflib import Dataset, Graph
from rdflib.namespace import RDFS, SKOS


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    if fmt in ("turtle", "nt"):
        g = Graph()
        g.parse(path, format=fmt)
        triples = set(g)
        quads, graphs = len(g), 0
    else:
        ds = Dataset()
        ds.parse(path, format=fmt)
        quads = sum(1 for _ in ds.quads((None, None, None, None)))
        triples = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
        graphs = len({c for _, _, _, c in ds.quads((None, None, None, None)) if c is not None and str(c) != str(ds.default_graph.identifier)})
    labels = sorted({str(o) for s, p, o in triples if p in (RDFS.label, SKOS.prefLabel)})
    json.dump({"triples": len(triples), "quads": quads, "graphs": graphs, "labels": labels}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
