"""The `kg` command: thin wrappers over the library. User mistakes get one line, never a traceback."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from kg.errors import IngestError, IngestWarning, KGError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Build, query and draw knowledge graphs of news articles.",
)
out = Console()
err = Console(stderr=True)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def fail(message: str, code: int = EXIT_FAILED) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


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


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL query, @file.rq, or @name of a shipped query."),
    data: Optional[Path] = typer.Option(None, "--data", "-d", help="Graph file written by `kg build`."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    bind: list[str] = typer.Option([], "--bind", help="NAME=VALUE: bind a query variable to a string literal."),
    list_queries: bool = typer.Option(False, "--list", help="List the shipped named queries."),
) -> None:
    """Run a SPARQL query over a graph. Prefixes kg:, schema:, rdfs:, skos:, prov: are predeclared."""
    from kg.query import named_queries, resolve_query, rows, run_query
    from kg.rdfio import load

    if list_queries:
        for name, path in named_queries().items():
            first = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
            out.print(f"@{name}\t{first}", highlight=False, soft_wrap=True)
        return
    if sparql is None or data is None:
        raise fail("give a QUERY and --data GRAPH (or --list)", EXIT_USAGE)
    if fmt not in ("table", "csv", "json"):
        raise fail(f"unknown format '{fmt}'; use table, csv or json", EXIT_USAGE)
    from rdflib import Literal

    bindings = {}
    for item in bind:
        if "=" not in item:
            raise fail(f"--bind {item!r}: write NAME=VALUE", EXIT_USAGE)
        name, value = item.split("=", 1)
        bindings[name.strip().lstrip("?")] = Literal(value)
    try:
        result = run_query(load(data), resolve_query(sparql), bindings)
        if fmt == "json":
            sys.stdout.write(result.serialize(format="json").decode("utf-8") + "\n")
            return
        header, body = rows(result)
    except KGError as exc:
        raise fail(str(exc))
    if fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(header)
        writer.writerows(body)
        return
    table = Table(*header, show_lines=False)
    for row in body:
        table.add_row(*row)
    out.print(table)
    out.print(f"{len(body)} row(s)", highlight=False)


@app.command()
def viz(
    data: Path = typer.Argument(..., help="Graph file written by `kg build`."),
    output: Path = typer.Option(..., "-o", "--output", help="HTML page to write (self-contained, works offline)."),
    title: str = typer.Option("", help="Page title; defaults to the graph file name."),
) -> None:
    """Draw the graph as one interactive HTML page: click a node for its facts and sources."""
    from kg.rdfio import load
    from kg.viz import write_html

    try:
        write_html(load(data), output, title=title or data.name)
    except KGError as exc:
        raise fail(str(exc))
    out.print(f"wrote {output}", highlight=False, soft_wrap=True)


@app.command()
def stats(
    data: Path = typer.Argument(..., help="Graph file written by `kg build`."),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON."),
) -> None:
    """Count documents, entities by class and claims by predicate."""
    from kg.rdfio import load
    from kg.stats import graph_stats

    try:
        numbers = graph_stats(load(data))
    except KGError as exc:
        raise fail(str(exc))
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


class RelationSystem(str, Enum):
    kg = "kg"
    pairs = "pairs"


class OpenIESystem(str, Enum):
    kg = "kg"
    textacy = "textacy"


eval_app = typer.Typer(no_args_is_help=True, help="Score kg's extraction on public benchmarks.")
app.add_typer(eval_app, name="eval")


@eval_app.command("conll04")
def eval_conll04(
    path: Path = typer.Argument(..., help="CoNLL04 JSON (SpERT layout: a list, or {split: [...]})."),
    split: str = typer.Option("dev", help="Split to read when the file holds several."),
    predictions: Optional[Path] = typer.Option(None, "--predictions", help="Write kg's relations as JSON here."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    system: RelationSystem = typer.Option(
        RelationSystem.kg, help="kg, or pairs (spaCy entities plus every type-compatible pair)."
    ),
    raw_spans: bool = typer.Option(
        False, "--raw-spans", help="Score kg's spans as they are, without the corpus's span conventions."
    ),
) -> None:
    """Strict and boundaries micro P/R/F1, macro F1 and per-type F1 (Taillé et al. 2020 protocol)."""
    from kg.atomic import write_atomic
    from kg.eval.conll04 import evaluate

    if not path.is_file():
        raise fail(f"{path}: no such file; give the CoNLL04 JSON file", EXIT_USAGE)
    try:
        scores, predicted = evaluate(path, split, system=system.value, conventions=not raw_spans)
    except (KeyError, ValueError) as exc:
        raise fail(f"{path}: not CoNLL04 JSON in SpERT layout ({exc})") from None
    if predictions is not None:
        write_atomic(predictions, json.dumps(predicted, indent=1).encode("utf-8"))
    if as_json:
        sys.stdout.write(json.dumps(scores.as_dict(), indent=1) + "\n")
        return
    table = Table(
        "", "P", "R", "F1", "tp", "fp", "fn", title=f"CoNLL04 {split} ({system.value}): {scores.sentences} sentences"
    )
    rows_ = [("strict micro", scores.strict), ("boundaries micro", scores.boundaries), *scores.per_type.items()]
    for name, prf in rows_:
        d = prf.as_dict()
        table.add_row(
            name, f"{d['precision']:.1f}", f"{d['recall']:.1f}", f"{d['f1']:.1f}", str(prf.tp), str(prf.fp), str(prf.fn)
        )
    out.print(table)
    out.print(f"strict macro F1 {100 * scores.macro_f1:.1f}", highlight=False)


@eval_app.command("carb")
def eval_carb(
    sentences: Path = typer.Argument(..., help="One sentence per line (CaRB's dev.txt or test.txt)."),
    gold: Path = typer.Argument(..., help="CaRB gold tuples: sentence, relation, arg1, arg2... tab-separated."),
    predictions: Optional[Path] = typer.Option(
        None, "--predictions", help="Write kg's tuples here (CaRB tabbed format)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    system: OpenIESystem = typer.Option(
        OpenIESystem.kg, help="kg, or textacy (its subject_verb_object_triples, as a peer)."
    ),
) -> None:
    """CaRB Open IE scores: best F1 over confidence thresholds with its P and R, and AUC."""
    from kg.eval.carb import evaluate, write_predictions

    for path in (sentences, gold):
        if not path.is_file():
            raise fail(f"{path}: no such file", EXIT_USAGE)
    try:
        curve, rows = evaluate(sentences, gold, system=system.value)
    except ValueError as exc:
        raise fail(f"{gold}: not CaRB tab-separated tuples ({exc})") from None
    if predictions is not None:
        write_predictions(predictions, rows)
    precision, recall, f1, threshold = curve.best()
    numbers = {
        "precision": round(100 * precision, 2),
        "recall": round(100 * recall, 2),
        "f1": round(100 * f1, 2),
        "auc": round(100 * curve.auc(), 2),
        "threshold": threshold,
        "tuples": len(rows),
    }
    if as_json:
        sys.stdout.write(json.dumps(numbers, indent=1) + "\n")
        return
    out.print(
        f"CaRB ({system.value}): F1 {numbers['f1']:.1f} (P {numbers['precision']:.1f}, "
        f"R {numbers['recall']:.1f} at confidence >= {threshold}), AUC {numbers['auc']:.1f}, {len(rows)} tuples",
        highlight=False,
        soft_wrap=True,
    )


@eval_app.command("gold")
def eval_gold(
    gold: Path = typer.Argument(..., help="kg gold file: one JSON object per article (see kg/eval/gold.py)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score entities, claims and quotes against hand-annotated articles (e.g. examples/gold.jsonl)."""
    from kg.eval.gold import evaluate

    if not gold.is_file():
        raise fail(f"{gold}: no such file", EXIT_USAGE)
    try:
        scores = evaluate(gold)
    except KGError as exc:
        raise fail(str(exc)) from None
    if as_json:
        sys.stdout.write(json.dumps(scores.as_dict(), indent=1) + "\n")
        return
    table = Table("", "P", "R", "F1", "tp", "fp", "fn", title=f"{gold}: {scores.documents} articles")
    for name in ("entities", "claims", "quotes"):
        prf = getattr(scores, name)
        d = prf.as_dict()
        table.add_row(
            name, f"{d['precision']:.1f}", f"{d['recall']:.1f}", f"{d['f1']:.1f}", str(prf.tp), str(prf.fp), str(prf.fn)
        )
    out.print(table)


def main() -> None:
    try:
        app()
    except KGError as exc:  # anything a command did not catch itself
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(EXIT_FAILED)


if __name__ == "__main__":
    main()
