"""Confidence as measured precision: each claim's pattern, and what reading its claims showed.

A claim's pattern is its extractor and the shape of what it found: the property (or "open" for an
open relation) and whether each argument is a name (N), a description (D) or a value (L):
"kg.relations.v1#open-ND" is an open relation from a name to a description. ontology/lexicons/
precision.tsv keeps, per pattern, how many of its asserted claims a reader judged and how many were
right: claims of fresh articles no rule had been written from, judged blind to the pattern under the
pattern they had in the build that was judged (kg/eval/calibrate.py says why; docs/precision-audit.md).
A claim's confidence is that precision, smoothed (Laplace) and backed off from the exact pattern to
the extractor's property, the extractor and all claims, so a rare pattern leans on its kin:
(right + 1) / (judged + 2).

Only claims whose confidence clears the build's --min-confidence become plain triples; the others
stay claim nodes with their provenance, for whoever wants to read them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from kg.config import ONTOLOGY_DIR
from kg.types import Literal, Mention, RawClaim

MIN_JUDGED = 4  # fewer judgements than this: back off to the coarser pattern


def shape(argument: Mention | Literal) -> str:
    if isinstance(argument, Literal):
        return "L"
    return "D" if argument.local or argument.cls == "Concept" else "N"


def pattern_of(claim: RawClaim) -> str:
    family = claim.provenance.extractor.split("#")[0]
    kind = "open" if claim.predicate.startswith("open:") else claim.predicate.split(":")[-1]
    return f"{family}#{kind}-{shape(claim.subject)}{shape(claim.object)}"


@lru_cache(maxsize=1)
def measured(path: Path = ONTOLOGY_DIR / "lexicons" / "precision.tsv") -> dict[str, tuple[int, int]]:
    """pattern -> (judged, right), with the counts summed into each coarser pattern (``backoff``)."""
    if not path.is_file():
        return {}
    rows = (line.split("\t")[:3] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return summed((pattern, int(judged), int(right)) for pattern, judged, right in rows)


def summed(rows: Iterable[tuple[str, int, int]]) -> dict[str, tuple[int, int]]:
    """(pattern, judged, right) rows -> pattern -> (judged, right), each also summed into its coarser patterns."""
    table: dict[str, tuple[int, int]] = {}
    for pattern, judged, right in rows:
        for key in backoff(pattern):
            seen, good = table.get(key, (0, 0))
            table[key] = (seen + judged, good + right)
    return table


def backoff(pattern: str) -> tuple[str, ...]:
    """From the exact pattern to the property, typed or open properties of the extractor, the extractor,
    and every claim at all."""
    family, kind = pattern.split("#")[0], pattern.split("#")[-1].rsplit("-", 1)[0]
    group = f"{family}#{'open' if kind == 'open' else 'typed'}"
    return tuple(dict.fromkeys((pattern, f"{family}#{kind}", group, family, "*")))


def confidence_of(pattern: str, table: dict[str, tuple[int, int]] | None = None) -> float | None:
    """The pattern's measured precision (in the shipped table unless ``table`` is given), smoothed and
    backed off; None when nothing was judged."""
    table = measured() if table is None else table
    for key in backoff(pattern):
        judged, right = table.get(key, (0, 0))
        if judged >= MIN_JUDGED:
            return round((right + 1) / (judged + 2), 2)
    return None


def calibrated(claim: RawClaim) -> RawClaim:
    """The claim with its pattern in its provenance and its measured precision as its confidence."""
    pattern = pattern_of(claim)
    claim = replace(claim, provenance=replace(claim.provenance, extractor=pattern))
    confidence = confidence_of(pattern)
    return claim if confidence is None else replace(claim, confidence=confidence)
