"""Reads a graph export with networkx (or Python's csv module) and prints
what it found as JSON, for tests/exports.rs to compare with the network.

    read_graph.py graphml|gexf|json FILE
    read_graph.py csv NODES.csv EDGES.csv

Output: {"directed": bool, "nodes": {id: attrs}, "edges": [{"id", "source",
"target", **attrs}]}. Any reader error is a non-zero exit with the message.
"""

import csv
import json
import sys

import networkx as nx


def from_nx(g, key_is_id):
    nodes = {str(n): dict(d) for n, d in g.nodes(data=True)}
    edges = []
    for s, t, k, d in g.edges(keys=True, data=True):
        e = dict(d)
        e["id"] = str(k) if key_is_id else str(d.get("id"))
        e["source"], e["target"] = str(s), str(t)
        edges.append(e)
    return {"directed": g.is_directed(), "nodes": nodes, "edges": edges}


def main():
    fmt = sys.argv[1]
    if fmt == "graphml":
        g = nx.read_graphml(sys.argv[2], force_multigraph=True)
        out = from_nx(g, key_is_id=True)
    elif fmt == "gexf":
        g = nx.read_gexf(sys.argv[2], version="1.3")
        if not g.is_multigraph():
            g = nx.MultiDiGraph(g) if g.is_directed() else nx.MultiGraph(g)
        out = from_nx(g, key_is_id=False)
    elif fmt == "json":
        with open(sys.argv[2], encoding="utf-8") as f:
            data = json.load(f)
        # networkx 3.4+ reads the "edges" key by default.
        g = nx.node_link_graph(data)
        out = from_nx(g, key_is_id=True)
    elif fmt == "csv":
        with open(sys.argv[2], encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        id_col = "Id" if "Id" in rows[0] else "id:ID"
        nodes = {r[id_col]: r for r in rows}
        with open(sys.argv[3], encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        edges = []
        for r in rows:
            e = dict(r)
            e["id"] = r.get("Id", r.get("id"))
            e["source"] = r.get("Source", r.get(":START_ID"))
            e["target"] = r.get("Target", r.get(":END_ID"))
            edges.append(e)
        out = {"directed": True, "nodes": nodes, "edges": edges}
    else:
        sys.exit(f"unknown format {fmt}")
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
