"""`kg query`, `kg viz`, `kg stats`: reading a graph file or a store."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from kg.cli.app import EXIT_USAGE, app, fail, out, printable
from kg.errors import KGError


def open_graph(data: Optional[Path], store: Optional[str], *, writable: bool = False):
    """The store a command works on: a graph file (loaded into memory), or a store, opened
    read-only (so it can be read while a build writes it) unless the command writes."""
    from kg.rdfio import load
    from kg.store import MemoryStore, open_store

    if (data is None) == (store is None):
        raise fail("give a graph file or --store DIR (one of them)", EXIT_USAGE)
    try:
        return MemoryStore(load(data)) if data is not None else open_store(store, create=False, read_only=not writable)
    except KGError as exc:
        raise fail(str(exc)) from None


FORMATS = ("table", "csv", "csv-raw", "json")
# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), =cmd|...).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_safe(value: str) -> str:
    """A CSV cell a spreadsheet shows as text rather than runs: one that starts like a formula gets a
    leading ' (OWASP's advice for CSV injection). A plain number ('-5', '+1.5e3') is left as it is:
    it cannot be a formula, and a journalist summing a column wants it as a number."""
    if value.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


STORE_OPTION = typer.Option(None, "--store", help="Store directory or sparql+http:// URL, as for `kg build`.")


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL query, @file.rq, or @name of a shipped query."),
    data: Optional[Path] = typer.Option(None, "--data", "-d", help="Graph file written by `kg build`."),
    store: Optional[str] = STORE_OPTION,
    fmt: str = typer.Option(
        "table", "--format", "-f", help="table, csv (safe to open in a spreadsheet), csv-raw (cells exactly) or json."
    ),
    bind: list[str] = typer.Option([], "--bind", help="NAME=VALUE: bind a query variable to a string literal."),
    list_queries: bool = typer.Option(False, "--list", help="List the shipped named queries."),
) -> None:
    """Run a SPARQL query over a graph. Prefixes kg:, schema:, rdfs:, skos:, prov: are predeclared."""
    from kg.query import named_queries, resolve_query, rows, run_query

    if list_queries:
        for name, path in named_queries().items():
            first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
            out.print(f"@{name}\t{first}", highlight=False, soft_wrap=True)
        return
    if sparql is None or (data is None and store is None):
        raise fail("give a QUERY and --data GRAPH or --store DIR (or --list)", EXIT_USAGE)
    if fmt not in FORMATS:
        raise fail(f"unknown format '{fmt}'; use {', '.join(FORMATS[:-1])} or {FORMATS[-1]}", EXIT_USAGE)
    from rdflib import Literal

    bindings = {}
    for item in bind:
        if "=" not in item:
            raise fail(f"--bind {item!r}: write NAME=VALUE", EXIT_USAGE)
        name, value = item.split("=", 1)
        bindings[name.strip().lstrip("?")] = Literal(value)
    graph = open_graph(data, store)
    try:
        result = run_query(graph, resolve_query(sparql), bindings)
        if fmt == "json":
            sys.stdout.write(result.serialize(format="json").decode("utf-8") + "\n")
            return
        header, body = rows(result)
    except KGError as exc:
        raise fail(str(exc))
    finally:
        graph.close()
    if fmt in ("csv", "csv-raw"):
        import csv

        cell = spreadsheet_safe if fmt == "csv" else str
        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows([cell(value) for value in row] for row in body)
        return
    table = Table(*header, show_lines=False)
    for row in body:
        table.add_row(*map(printable, row))  # csv and json keep the strings as they are
    out.print(table)
    out.print(f"{len(body)} row(s)", highlight=False)


@app.command()
def viz(
    data: Optional[Path] = typer.Argument(None, help="Graph file written by `kg build`."),
    output: Path = typer.Option(..., "-o", "--output", help="HTML page to write (self-contained, works offline)."),
    title: str = typer.Option("", help="Page title; defaults to the graph file or store name."),
    store: Optional[str] = STORE_OPTION,
    top: int = typer.Option(300, "--top", help="Draw the N most central entities (PageRank), with live physics."),
    everything: bool = typer.Option(False, "--all", help="Draw every entity, laid out here, physics off."),
    focus: Optional[str] = typer.Option(None, "--focus", help="Draw one entity's neighbourhood (name or alias)."),
    hops: int = typer.Option(1, "--hops", help="With --focus: how many claims away to go."),
) -> None:
    """Draw the graph as one interactive HTML page: click a node for its facts and sources."""
    from kg.viz import write_html

    if top < 1 or hops < 1:
        raise fail("--top and --hops must be 1 or more", EXIT_USAGE)
    graph = open_graph(data, store)
    try:
        name = title or (data.name if data else Path(store).name)
        write_html(graph, output, title=name, top=None if everything else top, focus=focus, hops=hops)
    except KGError as exc:
        raise fail(str(exc))
    finally:
        graph.close()
    out.print(f"wrote {output}", highlight=False, soft_wrap=True)


@app.command()
def stats(
    data: Optional[Path] = typer.Argument(None, help="Graph file written by `kg build`."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
    store: Optional[str] = STORE_OPTION,
) -> None:
    """Count documents, entities by class and claims by predicate."""
    from kg.stats import graph_stats

    graph = open_graph(data, store)
    try:
        numbers = graph_stats(graph)
    except KGError as exc:
        raise fail(str(exc))
    finally:
        graph.close()
    if as_json:
        sys.stdout.write(json.dumps(numbers.__dict__, indent=1) + "\n")
        return
    out.print(
        f"{numbers.documents} document(s), {numbers.triples} triples, "
        f"{numbers.claim_total} claims, {numbers.quotes} quotes",
        highlight=False,
        soft_wrap=True,
    )
    entities = Table("class", "entities")
    for cls, n in numbers.entities:
        entities.add_row(cls, str(n))
    claims = Table("predicate", "factuality", "claims")
    for predicate, factuality, n in numbers.claims:
        claims.add_row(predicate, factuality, str(n))
    out.print(entities)
    out.print(claims)
