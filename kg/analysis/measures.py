"""Graph analytics on kg's networkx view: who matters (PageRank, degree), how two entities connect
(each hop with the sentence that says so), which entities cluster (Louvain), and files for Gephi."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from kg.errors import KGError

RANKINGS = ("pagerank", "degree")


def scores(g: nx.MultiDiGraph, by: str = "pagerank") -> dict[str, float]:
    """A score per node: PageRank over the claims (direction kept, parallel claims add weight) or
    degree (claims touching the node)."""
    if by == "degree":
        return {node: float(degree) for node, degree in g.degree()}
    if by != "pagerank":
        raise KGError(f"unknown ranking {by!r}; use one of {', '.join(RANKINGS)}")
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.DiGraph()
    simple.add_nodes_from(g)
    for s, o in g.edges():
        weight = simple.get_edge_data(s, o, {"weight": 0})["weight"]
        simple.add_edge(s, o, weight=weight + 1)
    return nx.pagerank(simple, weight="weight")


def top(g: nx.MultiDiGraph, k: int, by: str = "pagerank") -> list[tuple[str, float]]:
    """The k best-scored nodes, best first (ties by label, so the order is stable)."""
    ranked = scores(g, by)
    return sorted(ranked.items(), key=lambda item: (-item[1], g.nodes[item[0]]["label"]))[:k]


def find_node(g: nx.MultiDiGraph, name: str) -> str:
    """A node by IRI, exact label or alias (case-insensitive), else the best-connected label
    containing ``name``."""
    if name in g:
        return name
    wanted = name.casefold()
    exact = [n for n, d in g.nodes(data=True) if wanted in {d["label"].casefold(), *map(str.casefold, d["aliases"])}]
    partial = [n for n, d in g.nodes(data=True) if wanted in d["label"].casefold()]
    found = exact or partial
    if not found:
        raise KGError(f"{name!r}: no entity of that name in the graph; `kg rank` lists the main ones")
    return max(found, key=lambda n: (g.degree(n), g.nodes[n]["label"]))


@dataclass(frozen=True)
class Hop:
    subject: str
    predicate: str
    object: str
    factuality: str
    sentence: str
    title: str


def explained_path(g: nx.MultiDiGraph, source: str, target: str) -> list[Hop]:
    """The shortest chain of claims between two entities (either direction), each hop with its
    best-supported claim and the sentence it came from. Empty when they do not connect."""
    a, b = find_node(g, source), find_node(g, target)
    try:
        nodes = nx.shortest_path(g.to_undirected(as_view=True), a, b)
    except nx.NetworkXNoPath:
        return []
    hops = []
    for left, right in zip(nodes, nodes[1:]):
        claims = [(left, right, d) for d in (g.get_edge_data(left, right) or {}).values()]
        claims += [(right, left, d) for d in (g.get_edge_data(right, left) or {}).values()]
        s, o, best = max(claims, key=lambda c: (c[2]["factuality"] == "asserted", c[2]["confidence"]))
        hops.append(
            Hop(g.nodes[s]["label"], best["label"], g.nodes[o]["label"], best["factuality"], best["sentence"], best["title"])
        )
    return hops


def communities(g: nx.MultiDiGraph, *, seed: int = 7) -> list[list[str]]:
    """Louvain communities over the claims (undirected), largest first; each a list of node IRIs."""
    if g.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(nx.Graph(g.to_undirected()), seed=seed)
    return sorted((sorted(c, key=lambda n: g.nodes[n]["label"]) for c in found), key=lambda c: (-len(c), c[0]))


EXPORT_FORMATS = ("graphml", "gexf")


def write_network(g: nx.MultiDiGraph, path: str | Path, fmt: str) -> Path:
    """GraphML or GEXF for Gephi and friends: list-valued attributes joined with '; ', node
    attributes from literals dropped (GraphML and GEXF take scalars only). Written atomically."""
    from kg.atomic import write_atomic

    if fmt not in EXPORT_FORMATS:
        raise KGError(f"unknown format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    flat = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        flat.add_node(node, **{k: "; ".join(v) if k == "aliases" else v for k, v in data.items() if k != "attributes"})
    for s, o, key, data in g.edges(keys=True, data=True):
        start, end = data["highlight"]
        flat.add_edge(s, o, key=key, **{k: v for k, v in data.items() if k != "highlight"}, start=start, end=end)
    lines = nx.generate_graphml(flat) if fmt == "graphml" else nx.generate_gexf(flat)
    return write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
