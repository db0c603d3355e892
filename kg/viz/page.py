"""A self-contained HTML page drawn with pyvis (vis-network inlined; no CDN, works offline).

Article strings reach the page only as JSON data (Jinja's ``tojson`` escapes <, > and &) and are
put on screen with ``textContent``, so they stay text.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.atomic import write_atomic
from kg.analysis import to_networkx

TEMPLATES = Path(__file__).parent / "templates"
CLASS_COLOURS = {
    "Person": "#e15759",
    "Organization": "#4e79a7",
    "Country": "#59a14f",
    "City": "#8cd17d",
    "Place": "#76b7b2",
    "Group": "#f28e2b",
    "Event": "#b07aa1",
    "Work": "#ff9da7",
    "Product": "#9c755f",
    "Concept": "#bab0ac",
    "Literal": "#d4d4d4",
}


DEFAULT_TOP = 300


def select(g, *, top: int | None = DEFAULT_TOP, focus: str | None = None, hops: int = 1):
    """The part of the graph to draw: the ego network of ``focus`` within ``hops`` claims, else the
    ``top`` entities by PageRank (None: everything)."""
    import networkx as nx

    from kg.analysis import find_node, scores

    if focus is not None:
        centre = find_node(g, focus)
        keep = nx.ego_graph(g.to_undirected(as_view=True), centre, radius=hops).nodes
        return g.subgraph(keep).copy()
    if top is None or g.number_of_nodes() <= top:
        return g
    ranked = scores(g)
    keep = sorted(ranked, key=lambda n: (-ranked[n], n))[:top]
    return g.subgraph(keep).copy()


def layout(g) -> dict[str, tuple[float, float]]:
    """Positions computed here, so the browser draws at once instead of waiting for its physics
    to settle (pyvis's default: ~20 s for 300 nodes). Deterministic for the same graph."""
    import networkx as nx

    if g.number_of_nodes() == 0:
        return {}
    spread = 80 * max(g.number_of_nodes(), 4) ** 0.5
    positions = nx.spring_layout(nx.Graph(g.to_undirected()), seed=7, iterations=50 if len(g) < 1000 else 25)
    return {node: (float(x) * spread, float(y) * spread) for node, (x, y) in positions.items()}


# How a claim is drawn: asserted plain, reported (quotes, "X said that") dotted, the rest dashed.
EDGE_STYLES = {
    "asserted": {"color": "#888888", "dashes": False},
    "reported": {"color": "#4e79a7", "dashes": [2, 4]},
}
OTHER_FACTUALITY = {"color": "#c44e52", "dashes": [8, 6]}


def _network(g, *, physics: bool):
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from pyvis.network import Network

    from kg.analysis import scores

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    pyvis_templates = Path(net.templateEnv.loader.searchpath[0])
    net.templateEnv = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(pyvis_templates))]), autoescape=True
    )
    net.path = "graph.html"
    rank = scores(g)
    top = max(rank.values(), default=1.0) or 1.0
    positions = layout(g)
    for node, data in g.nodes(data=True):
        # a plain-text tooltip: vis-network shows a string title as text, never as markup
        tooltip = "\n".join([data["label"], data["cls"], *(f"also: {a}" for a in data.get("aliases", []))])
        x, y = positions[node]
        net.add_node(
            node,
            label=data["label"],
            title=tooltip,
            cls=data["cls"],
            color=CLASS_COLOURS.get(data["cls"], "#999999"),
            size=10 + 30 * (rank.get(node, 0.0) / top) ** 0.5,
            x=x,
            y=y,
        )
    for s, o, key, data in g.edges(keys=True, data=True):
        style = EDGE_STYLES.get(data["factuality"], OTHER_FACTUALITY)
        net.add_edge(
            s,
            o,
            id=key,
            label=data["label"],
            title=edge_title(data),
            arrows="to",
            factuality=data["factuality"],
            confidence=data["confidence"],
            document=data["document"],
            **style,
        )
    options = {
        # physics (when on) starts from the computed layout and runs live: nothing waits for it
        "physics": {"enabled": physics, "stabilization": {"enabled": False}},
        "interaction": {"hover": True},
        "edges": {"font": {"size": 10}, "smooth": False},
        "nodes": {"shape": "dot"},
    }
    net.set_options(json.dumps(options))
    return net


def edge_title(data: dict) -> str:
    """The hover text of an edge: its property, how it is put, how many sources assert it."""
    parts = [f"{data['label']} ({data['factuality']})"]
    if data["documents"]:
        parts.append(f"asserted by {data['documents']} document(s), {data['outlets']} outlet(s)")
    if data["contested"]:
        parts.append("contested")
    return "; ".join(parts)


def facts_by_node(g) -> dict[str, list[dict]]:
    """The side panel's data: each node's claims with their evidence."""
    facts: dict[str, list[dict]] = {node: [] for node in g}
    for s, o, data in g.edges(data=True):
        fact = {
            "subject": g.nodes[s]["label"],
            "predicate": data["label"],
            "object": g.nodes[o]["label"],
            "factuality": data["factuality"],
            "confidence": data["confidence"],
            "sentence": data["sentence"],
            "highlight": list(data["highlight"]),
            "title": data["title"],
            "date": data.get("date", ""),
            "document": data.get("document", ""),
            "speaker": data["speaker"],
            "documents": data["documents"],
            "outlets": data["outlets"],
            "contested": data["contested"],
        }
        facts[s].append(fact)
        facts[o].append(fact)
    for node, data in g.nodes(data=True):
        for name, value in data.get("attributes", []):
            facts[node].append(
                {
                    "subject": data["label"],
                    "predicate": name,
                    "object": value,
                    "factuality": "asserted",
                    "confidence": None,
                    "sentence": "",
                    "highlight": [0, 0],
                    "title": "",
                    "date": "",
                    "document": "",
                    "speaker": "",
                    "documents": 0,
                    "outlets": 0,
                    "contested": False,
                }
            )
    return facts


def render_html(
    graph: Dataset | Graph | Any,
    *,
    title: str = "kg graph",
    top: int | None = DEFAULT_TOP,
    focus: str | None = None,
    hops: int = 1,
) -> str:
    """The page for ``graph`` (a graph, dataset or kg store). ``top=None`` draws every entity with
    physics off; ``focus`` draws an entity's neighbourhood within ``hops`` claims."""
    g = to_networkx(graph)
    shown = select(g, top=top, focus=focus, hops=hops)
    return page_for(shown, title=title, physics=top is not None or focus is not None, total=g.number_of_nodes())


def page_for(shown, *, title: str, physics: bool, total: int) -> str:
    """The page for an already selected networkx graph (``total``: entities in the whole graph)."""
    net = _network(shown, physics=physics)
    net.template = net.templateEnv.get_template("graph.html")
    # pyvis renders nodes/edges/options; our template adds legend, search, filters and the facts panel.
    html = net.generate_html(name="graph.html", notebook=False)
    from jinja2 import Environment

    documents = sorted({(d["document"], d["title"]) for _, _, d in shown.edges(data=True)}, key=lambda t: t[1])
    data = {
        "facts": facts_by_node(shown),
        "colours": CLASS_COLOURS,
        "title": title,
        "documents": [{"id": doc, "title": name or doc} for doc, name in documents],
        "shown": shown.number_of_nodes(),
        "total": total,
    }
    extras = Environment(autoescape=True).from_string("{{ data|tojson }}").render(data=data)
    return with_policy(html.replace("/*KG_DATA*/null", extras, 1))


INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)
POLICY_META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)')


def with_policy(html: str) -> str:
    """Fill in the page's Content-Security-Policy: only the inline scripts and styles the page was
    built with may run (by their SHA-256), nothing may be fetched, so a string that slipped into
    the page as markup could still not run or load anything."""
    hashes = {"script": [], "style": []}
    for kind, body in INLINE.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes[kind].append(f"'sha256-{digest}'")
    policy = (
        f"default-src 'none'; script-src {' '.join(hashes['script'])}; style-src {' '.join(hashes['style'])}; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    return POLICY_META.sub(lambda m: m.group(1) + policy + m.group(2), html, count=1)


def content_security_policy(html: str) -> str:
    """The policy a page carries in its meta tag (a server sends it as a header too)."""
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    return found.group(1) if found else "default-src 'none'"


def write_html(graph: Dataset | Graph | Any, path: str | Path, **options) -> Path:
    """Write the page atomically; ``options`` as for ``render_html``."""
    return write_atomic(path, render_html(graph, **options).encode("utf-8"))
