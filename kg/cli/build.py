"""`kg build` and `kg remove`: documents into a graph file or a store."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.app import EXIT_FAILED, EXIT_OK, EXIT_USAGE, app, err, fail, out
from kg.errors import IngestError, IngestWarning, KGError


@app.command()
def build(
    inputs: list[str] = typer.Argument(..., help="Files (.txt .md .html .jsonl), directories, or - for stdin."),
    output: Path = typer.Option(..., "-o", "--output", help="Graph file: .trig, .nq, .ttl, .nt or .jsonld."),
) -> None:
    """Build the knowledge graph of INPUTS and write it to OUTPUT.

    Inputs that cannot be read are reported on stderr and skipped; the rest are built and the
    exit status is 1. Nothing is written if no document could be built.
    """
    from rich.progress import MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from kg.build import build as build_graph
    from kg.rdfio import format_for, write_graph

    try:
        format_for(output)
    except KGError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    problems: list[IngestError] = []
    counts = {"documents": 0, "claims": 0, "quotes": 0}

    def report(problem: IngestError) -> None:
        problems.append(problem)
        label, colour = ("warning", "yellow") if isinstance(problem, IngestWarning) else ("error", "red")
        err.print(f"[bold {colour}]{label}:[/] {problem}", highlight=False, soft_wrap=True)

    # Documents stream through, so the total is unknown: the bar counts and shows the rate.
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("documents", total=None)

        def done(extraction) -> None:
            counts["documents"] += 1
            counts["claims"] += len(extraction.claims)
            counts["quotes"] += len(extraction.quotes)
            bar.advance(task)

        try:
            dataset = build_graph(inputs, on_error=report, on_document=done)
        except KGError as exc:
            raise fail(str(exc)) from None
    if not counts["documents"]:
        raise fail("no document could be read; nothing written")
    try:
        write_graph(dataset, output)
    except (KGError, OSError) as exc:
        raise fail(f"{output}: cannot be written ({exc})") from None
    failed = [p for p in problems if not isinstance(p, IngestWarning)]
    out.print(
        f"{counts['documents']} document(s), {counts['claims']} claims, {counts['quotes']} quotes -> {output}"
        + (f"; {len(failed)} input(s) failed" if failed else ""),
        highlight=False,
        soft_wrap=True,
    )
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)
