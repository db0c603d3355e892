"""`kg ontology` and `kg validate`: the vocabulary kg writes, and checking a graph against it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from kg.cli.app import EXIT_FAILED, EXIT_USAGE, app, fail, out
from kg.cli.read import STORE_OPTION, open_graph


@app.command()
def ontology(
    doc: bool = typer.Option(False, "--doc", help="Print the Markdown reference of every class and property."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the reference here instead."),
) -> None:
    """Where kg's ontology and SHACL shapes are, or (--doc) their reference in Markdown."""
    from kg.atomic import write_atomic
    from kg.config import ONTOLOGY_DIR
    from kg.standards import markdown_reference

    if not doc:
        if output is not None:
            raise fail("-o writes the reference: add --doc", EXIT_USAGE)
        out.print(f"ontology: {ONTOLOGY_DIR / 'kg.ttl'}\nshapes:   {ONTOLOGY_DIR / 'shapes.ttl'}", highlight=False)
        return
    text = markdown_reference()
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text.encode("utf-8"))
        out.print(f"ontology reference -> {output}", highlight=False)


@app.command()
def validate(
    data: Optional[Path] = typer.Argument(None, help="Graph file written by `kg build`."),
    store: Optional[str] = STORE_OPTION,
    limit: int = typer.Option(50, "--limit", help="Show at most this many violations (all are counted)."),
    as_json: bool = typer.Option(False, "--json", help="Print every violation as a JSON line."),
) -> None:
    """Check a graph against ontology/shapes.ttl (SHACL, with pyshacl). Exit status 1 when it does not conform."""
    from kg.standards import validate as run_validation

    graph = open_graph(data, store)
    try:
        report = run_validation(graph)
    finally:
        graph.close()
    if as_json:
        for violation in report.violations:
            sys.stdout.write(json.dumps(violation.__dict__, ensure_ascii=False) + "\n")
    else:
        for violation in report.violations[:limit]:
            out.print(f"- {violation}", highlight=False, soft_wrap=True)
        if len(report.violations) > limit:
            out.print(f"... and {len(report.violations) - limit} more (--limit or --json for all)", highlight=False)
        for message, count in report.summary().most_common():
            out.print(f"{count:6d} × {message}", highlight=False)
        verdict = "conforms" if report.conforms else f"does not conform: {len(report.violations)} violation(s)"
        out.print(f"{report.triples} triples checked against ontology/shapes.ttl: {verdict}", highlight=False)
    if not report.conforms:
        raise typer.Exit(EXIT_FAILED)
