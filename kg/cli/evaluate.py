"""`kg eval`: scoring kg on CoNLL04, CaRB and its own gold."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from kg.cli.app import EXIT_USAGE, app, fail, out
from kg.errors import KGError


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
    misses: bool = typer.Option(False, "--misses", help="Also list the reader's facts kg lacks and the names it classes otherwise."),
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
    reader = scores.reader.as_dict()
    if scores.claims.tp + scores.claims.fn or not reader["counts"]["facts"]:  # records with spans
        table = Table("", "P", "R", "F1", "tp", "fp", "fn", title=f"{gold}: {scores.documents} articles")
        for name in ("entities", "claims", "quotes"):
            prf = getattr(scores, name)
            d = prf.as_dict()
            table.add_row(
                name, f"{d['precision']:.1f}", f"{d['recall']:.1f}", f"{d['f1']:.1f}", str(prf.tp), str(prf.fp), str(prf.fn)
            )
        out.print(table)
    if reader["counts"]["facts"]:  # a gold file of the reader's kind: names, facts and quotes without spans
        out.print(
            f"{gold}: {scores.documents} articles, the reader's view: entity classes "
            f"{reader['entity_class_accuracy']:.1f}% right "
            f"({reader['entities_found']:.1f}% of {reader['counts']['entities']} names found, "
            f"{reader['spurious_names']} names not in gold); facts present {reader['fact_recall']:.1f}% of "
            f"{reader['counts']['facts']} ({reader['fact_recall_with_factuality']:.1f}% with their factuality); "
            f"quotes found {reader['quotes_found']:.1f}% of {reader['counts']['quotes']}, "
            f"speaker right {reader['speaker_accuracy']:.1f}%",
            highlight=False,
            soft_wrap=True,
        )
        if misses:
            for line in (*scores.reader.wrong_classes, *scores.reader.misses):
                out.print(line, markup=False, highlight=False, soft_wrap=True)
