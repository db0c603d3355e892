"""`kg rank`, `kg path`, `kg communities`, `kg export`: networkx analytics on a graph file or store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from kg.cli.app import EXIT_FAILED, EXIT_OK, EXIT_USAGE, app, fail, out
from kg.cli.read import STORE_OPTION, open_graph
from kg.errors import KGError

DATA_ARGUMENT = typer.Argument(None, help="Graph file written by `kg build`.")


def network(data: Optional[Path], store: Optional[str]):
    from kg.analysis import to_networkx

    graph = open_graph(data, store)
    try:
        return to_networkx(graph)
    except KGError as exc:
        raise fail(str(exc)) from None
    finally:
        graph.close()


@app.command()
def rank(
    data: Optional[Path] = DATA_ARGUMENT,
    store: Optional[str] = STORE_OPTION,
    by: str = typer.Option("pagerank", "--by", help="pagerank or degree."),
    k: int = typer.Option(20, "--top", "-k", help="How many entities to list."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON lines instead of a table."),
) -> None:
    """The most central entities: PageRank over the claims, or degree."""
    from kg.analysis import top

    g = network(data, store)
    try:
        ranked = top(g, k, by)
    except KGError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    if as_json:
        for node, score in ranked:
            info = g.nodes[node]
            sys.stdout.write(json.dumps({"entity": node, "label": info["label"], "class": info["cls"], by: score}) + "\n")
        return
    table = Table("#", "entity", "class", by, "claims", "documents")
    for number, (node, score) in enumerate(ranked, start=1):
        info = g.nodes[node]
        value = f"{score:.4f}" if by == "pagerank" else f"{score:.0f}"
        table.add_row(str(number), info["label"], info["cls"], value, str(info["claims"]), str(info["documents"]))
    out.print(table)


@app.command()
def path(
    source: str = typer.Argument(..., help="An entity: its name, an alias, or its IRI."),
    target: str = typer.Argument(..., help="Another entity."),
    data: Optional[Path] = typer.Option(None, "--data", "-d", help="Graph file written by `kg build`."),
    store: Optional[str] = STORE_OPTION,
) -> None:
    """How two entities connect: the shortest chain of claims, each with its source sentence."""
    from kg.analysis import explained_path

    g = network(data, store)
    try:
        hops = explained_path(g, source, target)
    except KGError as exc:
        raise fail(str(exc)) from None
    if not hops:
        out.print(f"{source} and {target} are not connected in this graph", highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_FAILED)
    for number, hop in enumerate(hops, start=1):
        flag = "" if hop.factuality == "asserted" else f" [{hop.factuality}]"
        out.print(f"{number}. {hop.subject} —{hop.predicate}→ {hop.object}{flag}", highlight=False, soft_wrap=True)
        out.print(f"   “{hop.sentence}”" + (f" ({hop.title})" if hop.title else ""), highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_OK)


@app.command()
def communities(
    data: Optional[Path] = DATA_ARGUMENT,
    store: Optional[str] = STORE_OPTION,
    smallest: int = typer.Option(2, "--min-size", help="Leave out communities smaller than this."),
) -> None:
    """Groups of entities more connected to each other than to the rest (Louvain)."""
    from kg.analysis import communities as find_communities

    g = network(data, store)
    groups = [c for c in find_communities(g) if len(c) >= smallest]
    for number, group in enumerate(groups, start=1):
        names = ", ".join(g.nodes[n]["label"] for n in group)
        out.print(f"{number}. ({len(group)}) {names}", highlight=False, soft_wrap=True)
    if not groups:
        out.print("no communities of that size", highlight=False)


@app.command()
def export(
    data: Optional[Path] = DATA_ARGUMENT,
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    fmt: str = typer.Option("graphml", "--format", "-f", help="graphml or gexf (for Gephi)."),
    store: Optional[str] = STORE_OPTION,
) -> None:
    """The entity graph as GraphML or GEXF, with labels, classes and each claim's provenance."""
    from kg.analysis import write_network

    g = network(data, store)
    try:
        write_network(g, output, fmt)
    except KGError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    except OSError as exc:
        raise fail(f"{output}: cannot be written ({exc.strerror})") from None
    out.print(f"wrote {output} ({g.number_of_nodes()} entities, {g.number_of_edges()} claims)", highlight=False)
