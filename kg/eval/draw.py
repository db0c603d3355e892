"""The seeded draw of BBC articles for kg's real-news gold set (issue 15).

    python -m kg.eval.draw ../shared/data/news/bbc.jsonl
    python -m kg.eval.draw ../shared/data/news/bbc.jsonl --fresh 16 -o fresh.jsonl
    python -m kg.eval.draw ../shared/data/news/bbc.jsonl --fresh 22 --exclude 16,17,18,19,20,21 -o fresh.jsonl

prints, per category, the drawn line numbers (1-based, in the corpus file) and their dev / check half.
The draw skips second copies of a text (the corpus has 98) and the 20 lines of the first audit, which
rules may already have been read from. Re-running it gives the same lines: the gold files depend on it.

``--fresh SEED`` draws articles for a precision audit that no rule was written from and no gold file
holds (not the first audit, not dev, not check), 8 per category, and writes them as kg input.
``--exclude 16,17`` also leaves out the articles of earlier fresh draws (as they were drawn: AS_DRAWN),
once their errors have been read; a seed on record in AS_DRAWN, given alone, is drawn as it was made.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from functools import lru_cache
from pathlib import Path

from kg.atomic import write_atomic

SEED = 15
PER_CATEGORY = 8  # the first half of each category's draw is dev, the second check
FIRST_AUDIT = (78, 166, 203, 486, 535, 548, 785, 844, 926, 945, 1084, 1195, 1333, 1423, 1573, 1779, 1860, 1869, 2039, 2047)


@lru_cache(maxsize=4)
def records(corpus: str | Path) -> tuple[dict, ...]:
    """The corpus's articles, read once: a fresh draw draws every draw it leaves out again."""
    return tuple(json.loads(line) for line in Path(corpus).read_text(encoding="utf-8").splitlines())


def draw(corpus: str | Path, seed: int = SEED, per_category: int = PER_CATEGORY) -> dict[str, list[tuple[int, str]]]:
    """{'dev': [(line, id), ...], 'check': [...]}, lines in the order drawn."""
    by_category: dict[str, list[tuple[int, str]]] = {}
    seen_texts: set[str] = set()
    articles = records(corpus)
    excluded_texts = {articles[n - 1]["text"] for n in FIRST_AUDIT}
    for number, record in enumerate(articles, start=1):
        text = record["text"]
        if text in seen_texts or text in excluded_texts:
            continue
        seen_texts.add(text)
        by_category.setdefault(record["category"], []).append((number, record["id"]))
    rng = random.Random(seed)
    halves: dict[str, list[tuple[int, str]]] = {"dev": [], "check": []}
    for category in sorted(by_category):
        chosen = rng.sample(by_category[category], per_category)
        halves["dev"].extend(chosen[: per_category // 2])
        halves["check"].extend(chosen[per_category // 2 :])
    return halves


Exclusions = tuple[tuple[int, "Exclusions"], ...]  # (seed, the exclusions it was drawn with), ...
# Fresh draws made so far, each with the draws it left out, so that one left out is drawn again exactly
# as it was made. 16: the 12-02 check; 17: the 12-02 calibration; 18: the session-5 first check (then
# read); 20 and 21: the session-5 calibrations (20 left out 18 as drawn without exclusions; none of
# 18's articles as used is among its 40); 19: the session-5 final check.
AS_DRAWN: dict[int, Exclusions] = {16: (), 17: (), 18: ((16, ()), (17, ())), 20: ((16, ()), (17, ()), (18, ()))}
AS_DRAWN[19] = ((16, ()), (17, ()), (18, AS_DRAWN[18]), (20, AS_DRAWN[20]))  # the session-5 final check
AS_DRAWN[21] = (*AS_DRAWN[19], (19, AS_DRAWN[19]))  # the session-5 second calibration
AS_DRAWN[22] = tuple((s, AS_DRAWN[s]) for s in (16, 17, 18, 19, 20, 21))  # session 7's check, first half
AS_DRAWN[23] = tuple((s, AS_DRAWN[s]) for s in (16, 17, 18, 19, 20, 21, 22))  # session 7's check, second half
AS_DRAWN[24] = tuple((s, AS_DRAWN[s]) for s in (16, 17, 18, 19, 20, 21, 22, 23))  # session 7's second check
AS_DRAWN[25] = tuple((s, AS_DRAWN[s]) for s in (16, 17, 18, 19, 20, 21, 22, 23, 24))  # session 7's second check
AS_DRAWN[26] = tuple((s, AS_DRAWN[s]) for s in range(16, 26))  # session 7's final check
AS_DRAWN[27] = tuple((s, AS_DRAWN[s]) for s in range(16, 27))  # session 7's final check
AS_DRAWN[28] = tuple((s, AS_DRAWN[s]) for s in range(16, 28))  # session 8's check of the gate
AS_DRAWN[29] = tuple((s, AS_DRAWN[s]) for s in range(16, 29))  # session 8's check of the gate
AS_DRAWN[30] = tuple((s, AS_DRAWN[s]) for s in range(16, 30))  # session 8's check of the gate
AS_DRAWN[31] = tuple((s, AS_DRAWN[s]) for s in range(16, 31))  # session 8's check of the gate
for _seed in range(32, 48):  # 32-35: session 9's check of session 8's rules; 36-47: session 10's checks
    AS_DRAWN[_seed] = tuple((s, AS_DRAWN[s]) for s in range(16, _seed))
del _seed


def fresh(
    corpus: str | Path, seed: int, per_category: int = PER_CATEGORY, exclude: Exclusions = ()
) -> list[tuple[int, dict]]:
    """(line, record) of articles outside the first audit, the gold set and the earlier fresh draws in
    ``exclude``, drawn with ``seed``."""
    articles = records(corpus)
    return [(line, articles[line - 1]) for line in fresh_lines(corpus, seed, per_category, exclude)]


@lru_cache(maxsize=None)
def fresh_lines(corpus: str | Path, seed: int, per_category: int, exclude: Exclusions) -> tuple[int, ...]:
    """The lines ``fresh`` draws. Cached: each draw on record leaves out every earlier one, which left
    out every one before it, so without the cache draw n redraws draw 16 about 2**(n-16) times."""
    articles = records(corpus)
    used = set(FIRST_AUDIT) | {line for half in draw(corpus).values() for line, _ in half}
    for earlier, its_exclusions in exclude:
        used |= set(fresh_lines(corpus, earlier, per_category, its_exclusions))
    used_texts = {articles[n - 1]["text"] for n in used}
    by_category: dict[str, list[int]] = {}
    for number, record in enumerate(articles, start=1):
        if record["text"] in used_texts:
            continue
        used_texts.add(record["text"])
        by_category.setdefault(record["category"], []).append(number)
    rng = random.Random(seed)
    return tuple(pick for category in sorted(by_category) for pick in rng.sample(by_category[category], per_category))


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m kg.eval.draw", description="The seeded draws of BBC articles.")
    parser.add_argument("corpus", nargs="?", default="../shared/data/news/bbc.jsonl")
    parser.add_argument("--fresh", type=int, metavar="SEED", help="draw 8 articles per category no rule was written from")
    parser.add_argument("--exclude", metavar="SEED,SEED", help="leave out these earlier fresh draws (on record in AS_DRAWN)")
    parser.add_argument("-o", "--output", type=Path, help="write the drawn articles here as kg input")
    args = parser.parse_args(argv)
    if args.fresh is None:
        if args.exclude or args.output:
            parser.error("--exclude and -o go with --fresh SEED")
        for half, chosen in draw(args.corpus).items():
            print(half, " ".join(f"{line}:{doc_id}" for line, doc_id in chosen))
        return
    try:
        seeds = [int(s) for s in args.exclude.split(",")] if args.exclude else []
    except ValueError:
        parser.error(f"--exclude takes seeds separated by commas, not {args.exclude!r}")
    unknown = [s for s in seeds if s not in AS_DRAWN]
    if unknown:
        parser.error(f"fresh draw {unknown[0]} is not on record in kg.eval.draw.AS_DRAWN; add how it was drawn")
    exclude = tuple((s, AS_DRAWN[s]) for s in seeds)
    if args.fresh in AS_DRAWN:
        if seeds and exclude != AS_DRAWN[args.fresh]:
            parser.error(f"draw {args.fresh} is on record with other exclusions; give --fresh {args.fresh} alone")
        exclude = AS_DRAWN[args.fresh]  # a draw on record comes out as it was made
    picks = fresh(args.corpus, args.fresh, exclude=exclude)
    print("fresh", " ".join(f"{line}:{record['id']}" for line, record in picks))
    if args.output is not None:
        write_atomic(args.output, "".join(json.dumps(record) + "\n" for _, record in picks).encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv[1:])
