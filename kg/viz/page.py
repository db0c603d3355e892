"""A self-contained HTML page drawn with pyvis (vis-network inlined; no CDN, works offline).

Article strings reach the page only as JSON data (Jinja's ``tojson`` escapes <, > and &) and are
put on screen with ``textContent``, so they stay text.
"""

from __future__ import annotations

from pathlib import Path

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
    "Concept": "#bab0ac",
    "Literal": "#d4d4d4",
}


def _network(g, title: str):
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from pyvis.network import Network

    net = Network(height="100vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    pyvis_templates = Path(net.templateEnv.loader.searchpath[0])
    net.templateEnv = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(pyvis_templates))]), autoescape=True
    )
    net.path = "graph.html"
    rank = dict(g.degree())  # node size by degree; PageRank needs scipy, which kg does not pull in
    top = max(rank.values(), default=1) or 1
    for node, data in g.nodes(data=True):
        tooltip = "\n".join([data["label"], data["cls"], *(f"also: {a}" for a in data.get("aliases", []))])
        net.add_node(
            node,
            label=data["label"],
            title=tooltip,
            cls=data["cls"],
            color=CLASS_COLOURS.get(data["cls"], "#999999"),
            size=12 + 28 * rank.get(node, 0) / top,
        )
    for s, o, key, data in g.edges(keys=True, data=True):
        asserted = data["factuality"] == "asserted"
        net.add_edge(
            s,
            o,
            id=key,
            label=data["label"],
            title=f"{data['label']} ({data['factuality']})",
            dashes=not asserted,
            color="#888888" if asserted else "#c44e52",
            arrows="to",
        )
    net.set_options(
        '{"physics": {"stabilization": {"iterations": 150}}, '
        '"interaction": {"hover": true}, "edges": {"font": {"size": 10}, "smooth": false}}'
    )
    return net


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
            "speaker": data["speaker"],
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
                    "speaker": "",
                }
            )
    return facts


def render_html(graph: Dataset | Graph, *, title: str = "kg graph") -> str:
    g = to_networkx(graph)
    net = _network(g, title)
    net.template = net.templateEnv.get_template("graph.html")
    # pyvis renders nodes/edges/options; our template adds legend, search and the facts panel.
    html = net.generate_html(name="graph.html", notebook=False)
    from jinja2 import Environment

    extras = (
        Environment(autoescape=True)
        .from_string("{{ data|tojson }}")
        .render(data={"facts": facts_by_node(g), "colours": CLASS_COLOURS, "title": title})
    )
    return html.replace("/*KG_DATA*/null", extras, 1)


def write_html(graph: Dataset | Graph, path: str | Path, *, title: str = "kg graph") -> Path:
    return write_atomic(path, render_html(graph, title=title).encode("utf-8"))
