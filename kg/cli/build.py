"""`kg build` and `kg remove`: documents into a graph file or a store."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Optional

import typer

from kg.cli.app import EXIT_FAILED, EXIT_OK, EXIT_USAGE, app, err, fail, out, say
from kg.errors import IngestError, IngestWarning, KGError


def progress_bar():
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    # The total arrives from a counting thread while documents already stream through; until then
    # the bar counts and shows the rates, then it shows the bar and the time remaining too.
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rates]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def count_in_background(bar, task, inputs: list[str]) -> None:
    """Count the documents (a JSONL file of a million lines takes a second or two) without holding
    the build back, and give the bar its total when known."""
    import threading

    from kg.ingest import count_documents

    if not bar.live.is_started or "-" in inputs:
        return  # no terminal to show it on, or stdin: unknowable

    def count() -> None:
        total = count_documents(inputs)
        if total:
            bar.update(task, total=total)

    threading.Thread(target=count, name="kg-count", daemon=True).start()


def open_target(output: Optional[Path], store: Optional[str]):
    from kg.mapping import new_dataset
    from kg.rdfio import format_for
    from kg.store import MemoryStore, open_store

    if output is None and store is None:
        raise fail("give -o GRAPH_FILE or --store DIR", EXIT_USAGE)
    if output is not None and store is not None:
        raise fail("give -o GRAPH_FILE or --store DIR, not both", EXIT_USAGE)
    try:
        if output is not None:
            format_for(output)
            return MemoryStore(new_dataset())
        return open_store(store)
    except KGError as exc:
        raise fail(str(exc), EXIT_USAGE if output is not None else EXIT_FAILED) from None


class SayHandler(logging.Handler):
    """Log records from kg's workers, printed the way the CLI prints everything else."""

    def emit(self, record: logging.LogRecord) -> None:
        err.print(record.getMessage(), highlight=False, soft_wrap=True)


def show_worker_events() -> None:
    """With -v, say when extraction workers start, and when one is killed or replaced."""
    logger = logging.getLogger("kg")
    if not any(isinstance(h, SayHandler) for h in logger.handlers):
        logger.addHandler(SayHandler())
    logger.setLevel(logging.INFO)


def write_errors(path: Path, problems: list[IngestError]) -> None:
    from kg.atomic import write_atomic

    """The inputs that failed (not those only warned about), one JSON object a line."""
    failed = [p for p in problems if not isinstance(p, IngestWarning)]
    lines = [json.dumps({"input": p.source, "error": p.problem}, ensure_ascii=False) for p in failed]
    write_atomic(path, ("\n".join(lines) + "\n" if lines else "").encode("utf-8"))


@app.command()
def build(
    inputs: list[str] = typer.Argument(..., help="Files (.txt .md .html .jsonl), directories, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Graph file: .trig, .nq, .ttl, .nt or .jsonld."),
    store: Optional[str] = typer.Option(
        None, "--store", help="Store directory (made if new), or sparql+http://HOST:PORT/PATH; builds add to it."
    ),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Also list the inputs that failed here, as JSONL."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say each document as it is stored."),
    workers: int = typer.Option(1, "--workers", "-w", help="Processes that parse and extract (each loads the model)."),
    dask: Optional[str] = typer.Option(
        None, "--dask", help="Extract on a Dask cluster: a scheduler address, or 'local' for --workers processes here."
    ),
    kb: Optional[Path] = typer.Option(
        None, "--kb", help="Your knowledge base: CSV (name,iri[,class]) or RDF; matching entities get owl:sameAs its IRIs."
    ),
    doc_timeout: Optional[float] = typer.Option(
        None, "--doc-timeout", help="Seconds one document may take (default 120, KG_DOC_TIMEOUT); past it, it is reported and skipped."
    ),
    min_confidence: Optional[float] = typer.Option(
        None, "--min-confidence", help="Claims less sure than this (0-1, default 0.55, KG_MIN_CONFIDENCE) stay claim nodes, not plain triples."
    ),
    published: Optional[str] = typer.Option(
        None, "--date", help="Publication date (YYYY-MM-DD) for inputs that carry none; 'last week' is read against it."
    ),
    follow_links: bool = typer.Option(
        False, "--follow-links", help="Read links that lead out of an input directory (else skipped, with a warning)."
    ),
) -> None:
    """Build the knowledge graph of INPUTS into a graph file (-o) or a persistent store (--store).

    A store keeps what it has: documents already in it are skipped, a changed file replaces its
    earlier version. Inputs that fail are reported on stderr and the rest are built; the exit
    status is then 1. A graph file is not written if no document could be built.
    """
    from dataclasses import replace

    from kg.build import build_into
    from kg.config import Settings
    from kg.rdfio import write_graph

    if workers < 1:
        raise fail("--workers must be 1 or more", EXIT_USAGE)
    from kg.ingest.clean import iso_date

    if published is not None and iso_date(published) is None:
        raise fail(f"--date {published!r}: not a date; write it as YYYY-MM-DD", EXIT_USAGE)
    if kb is not None:
        from kg.resolve.linking import knowledge_base

        try:
            knowledge_base(str(kb))  # read (and checked) before any article is
        except KGError as exc:
            raise fail(str(exc), EXIT_USAGE) from None
    if doc_timeout is not None and not 0 < doc_timeout <= 86_400:
        raise fail("--doc-timeout must be a number of seconds above 0 and up to 86,400 (a day)", EXIT_USAGE)
    settings = replace(Settings(), workers=workers, dask=dask, date=iso_date(published), kb=str(kb) if kb else None)
    settings = replace(settings, follow_links=follow_links)
    if doc_timeout is not None:
        settings = replace(settings, doc_timeout=doc_timeout)
    if min_confidence is not None:
        if not 0 <= min_confidence <= 1:
            raise fail("--min-confidence must be between 0 and 1", EXIT_USAGE)
        settings = replace(settings, min_confidence=min_confidence)

    if verbose:
        show_worker_events()
    target = open_target(output, store)
    problems: list[IngestError] = []
    words = 0

    def report(problem: IngestError) -> None:
        problems.append(problem)
        label, colour = ("warning", "yellow") if isinstance(problem, IngestWarning) else ("error", "red")
        say(label, str(problem), colour)

    started = time.monotonic()
    try:
        with progress_bar() as bar:
            task = bar.add_task("documents", total=None, rates="")
            count_in_background(bar, task, inputs)

            def done(extraction) -> None:
                nonlocal words
                words += len(extraction.document.text.split())
                seconds = max(time.monotonic() - started, 1e-6)
                rates = f"{bar.tasks[0].completed / seconds:.1f} docs/s, {words / seconds:,.0f} words/s"
                bar.update(task, advance=1, rates=rates)
                if verbose:
                    document = extraction.document
                    err.print(f"stored {document.id} {document.source}", highlight=False, soft_wrap=True)

            def also_counted(_) -> None:  # skipped and failed documents move the bar on too
                bar.update(task, advance=1)

            def report_and_count(problem: IngestError) -> None:
                report(problem)
                if not isinstance(problem, IngestWarning):
                    also_counted(problem)

            summary = build_into(
                target, inputs, settings=settings, on_error=report_and_count, on_document=done, on_skip=also_counted
            )
        if output is not None:
            if not summary.stored:
                if errors is not None:
                    write_errors(errors, problems)
                raise fail("no document could be read; nothing written")
            write_graph(target.dataset(), output)
    except KGError as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"{output or target.location}: cannot be written ({exc})") from None
    finally:
        try:
            target.close()
            closing = None
        except KGError as exc:  # after an error already said (a full disk), the same again would be a traceback
            closing = exc
    if closing is not None:
        raise fail(str(closing)) from None
    failed = [p for p in problems if not isinstance(p, IngestWarning)]
    if errors is not None:
        write_errors(errors, problems)
    seconds = time.monotonic() - started
    parts = [f"{summary.stored} document(s) built"]
    if summary.skipped:
        parts.append(f"{summary.skipped} already stored")
    if summary.replaced:
        parts.append(f"{len(summary.replaced)} earlier version(s) replaced")
    out.print(
        ", ".join(parts)
        + f"; {summary.claims} claims, {summary.quotes} quotes -> {output or target.location} in {seconds:.1f} s"
        + (f"; {len(failed)} input(s) failed" + (f" (listed in {errors})" if errors else "") if failed else ""),
        highlight=False,
        soft_wrap=True,
    )
    if verbose and summary.slowest:
        slowest = ", ".join(f"{source} {seconds:.1f} s" for seconds, source in summary.slowest[:5])
        err.print(f"slowest: {slowest}", highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


@app.command()
def remove(
    refs: list[str] = typer.Argument(..., help="Document ids (as `kg query` shows them) or source paths/URLs."),
    store: str = typer.Option(..., "--store", help="Store directory or sparql+http:// URL, as for `kg build`."),
) -> None:
    """Remove documents from a store, with every entity and fact that only they supported."""
    from kg.store import open_store

    try:
        with open_store(store, create=False) as target:
            missing = []
            for ref in refs:
                removed = target.remove(ref)
                if removed:
                    out.print(f"removed {', '.join(removed)} ({ref})", highlight=False, soft_wrap=True)
                else:
                    missing.append(ref)
    except KGError as exc:
        raise fail(str(exc)) from None
    for ref in missing:
        say("error", f"{ref}: no such document in {store}")
    raise typer.Exit(EXIT_FAILED if missing else EXIT_OK)
