"""networkx as the reference for actorgraph's graph algorithms (tests/graph.rs).

Usage: centrality_reference.py MODE < input.json > output.json

centrality  input {"nodes": [iri...], "edges": [[subject, object, weight, symmetric]...]}
            output {"pagerank": {iri: x}, "betweenness": {...}, "degree": {...}}
            PageRank runs on the directed graph (a symmetric edge both ways,
            parallel edges' weights summed) with damping 0.85 and networkx's
            dangling-node rule; betweenness and degree on the undirected
            simple graph, normalized as networkx does by default.
modularity  input as above plus "partition": [[iri...]...]
            output {"modularity": q} on the undirected graph, weights summed.
karate      no input; output {"edges": [[a, b]...], "greedy": q, "louvain": q}:
            Zachary's karate club (unweighted) and the modularity of
            networkx's greedy and Louvain partitions of it.
"""

import json
import sys

import networkx as nx


def directed(data):
    g = nx.DiGraph()
    g.add_nodes_from(data["nodes"])
    for s, o, w, sym in data["edges"]:
        for a, b in [(s, o), (o, s)] if sym else [(s, o)]:
            prev = g.get_edge_data(a, b, {"weight": 0})["weight"]
            g.add_edge(a, b, weight=prev + w)
    return g


def undirected(data):
    g = nx.Graph()
    g.add_nodes_from(data["nodes"])
    for s, o, w, _ in data["edges"]:
        if s == o:
            continue
        prev = g.get_edge_data(s, o, {"weight": 0})["weight"]
        g.add_edge(s, o, weight=prev + w)
    return g


def main():
    mode = sys.argv[1]
    if mode == "centrality":
        data = json.load(sys.stdin)
        d, u = directed(data), undirected(data)
        out = {
            "pagerank": nx.pagerank(d, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
            "betweenness": nx.betweenness_centrality(u, normalized=True),
            "degree": nx.degree_centrality(u),
        }
    elif mode == "modularity":
        data = json.load(sys.stdin)
        u = undirected(data)
        out = {"modularity": nx.community.modularity(u, data["partition"], weight="weight")}
    elif mode == "karate":
        g = nx.karate_club_graph()
        h = nx.Graph()
        h.add_edges_from(g.edges())
        greedy = nx.community.greedy_modularity_communities(h)
        louvain = nx.community.louvain_communities(h, seed=42)
        out = {
            "edges": [[a, b] for a, b in sorted(h.edges())],
            "greedy": nx.community.modularity(h, greedy),
            "louvain": nx.community.modularity(h, louvain),
        }
    else:
        sys.exit(f"unknown mode {mode!r}")
    json.dump(out, sys.stdout, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main()
