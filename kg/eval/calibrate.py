"""Turn judged audits into ontology/lexicons/precision.tsv: per pattern, judged and right.

    python -m kg.eval.calibrate docs/audits/*.jsonl -o ontology/lexicons/precision.tsv
    python -m kg.eval.calibrate --record-patterns GRAPH.trig[,GRAPH2.trig] JUDGED.jsonl

Only judgements made on articles no rule had been written from count, each under the pattern its
claim had in the build that was judged (the line's "pattern"). Joining old verdicts to today's claims
instead would flatter every pattern: once a rule is written from a judged error, the wrong claim drops
out of the join and the right ones stay, so the dev half measured 70% for open relations between two
names while fresh articles gave 25%. Audit lines without a pattern (the dev-half and first-audit
rounds, read for rules as they were judged) are left out.

``--gates JUDGED.jsonl ...`` prints, for each gate a build could use, what the judged claims it would
list measured (correct, wrong, useless, correct and useful), with the confidences of the committed
table: that is how the default --min-confidence is chosen. The verdicts are the ones the table was made
from, so the figures are in-sample; a fresh draw is what tells how the chosen gate does.

``--gates --held-out JUDGED.jsonl`` does the same out of sample: the confidences come from the other
files only, and the claims listed are the held-out file's, judged on a draw the table had not seen.

``--record-patterns GRAPH.trig[,GRAPH2.trig] JUDGED.jsonl`` writes each line's pattern into a judged file,
from the graph(s) that were judged (built with --min-confidence 0, so that every claim is there); a
pattern already recorded is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from kg.atomic import write_atomic
from kg.eval.audit import facts
from kg.extract.precision import confidence_of, summed

HEADER = (
    "# pattern\tjudged\tright: claims of articles no rule had been written from, judged blind by readers"
    " (docs/precision-audit.md) under the pattern they had in the build that was judged: the fresh draws"
    " of kg.eval.draw.AS_DRAWN\n"
    "# written by kg.eval.calibrate from docs/audits/*.jsonl, read by kg/extract/precision.py\n"
)


def counts(judged_files: list[str | Path]) -> list[tuple[str, int, int]]:
    """(pattern, judged, right) per pattern of the verdicts in these files."""
    judged, right = Counter(), Counter()
    for verdict in verdicts(judged_files):
        judged[verdict["pattern"]] += 1
        right[verdict["pattern"]] += verdict["verdict"] == "correct"
    return [(p, judged[p], right[p]) for p in sorted(judged)]


def table(judged_files: list[str | Path]) -> str:
    return HEADER + "".join(f"{p}\t{n}\t{r}\n" for p, n, r in counts(judged_files))


def verdicts(judged_files: list[str | Path]) -> list[dict]:
    lines = (line for path in judged_files for line in Path(path).read_text(encoding="utf-8").splitlines())
    return [v for v in (json.loads(line) for line in lines if line.strip()) if v.get("pattern")]


def gates(judged_files: list[str | Path], held_out: list[str | Path] = ()) -> str:
    """A table: per gate (each confidence the judged patterns have), the judged claims a build with that
    --min-confidence lists and what their readers said of them. With ``held_out``, the confidences come
    from the other files only and the claims listed are the held-out ones: how a table made before a
    draw predicts that draw."""
    if held_out:
        left_out = {Path(h).resolve() for h in held_out}
        kept = [p for p in judged_files if Path(p).resolve() not in left_out]
        known = summed(counts(kept))
        judged = [(confidence_of(v["pattern"], known) or 0.0, v) for v in verdicts(held_out)]
    else:
        judged = [(confidence_of(v["pattern"]) or 0.0, v) for v in verdicts(judged_files)]
    rows = ["| gate | judged claims listed | correct | partly | wrong | useless | correct and useful |",
            "|---|---|---|---|---|---|---|"]
    for gate in sorted({c for c, _ in judged if 0.3 <= c}):
        listed = [v for c, v in judged if c >= gate]
        share = Counter(v["verdict"] for v in listed)
        useless = sum(not v.get("useful") for v in listed)
        good = sum(v["verdict"] == "correct" and bool(v.get("useful")) for v in listed)
        n = len(listed)
        rows.append(f"| {gate:.2f} | {n} | {share['correct'] / n:.0%} | {share['partly'] / n:.0%} | "
                    f"{share['wrong'] / n:.0%} | {useless / n:.0%} | {good} |")
    return "\n".join(rows) + "\n"


def record_patterns(graphs: list[str | Path], judged_file: str | Path) -> int:
    """Add "pattern" to every line of ``judged_file`` that has none and whose claim one of ``graphs``
    holds; returns how many lines found none."""
    pattern: dict[str, str] = {}
    for graph in graphs:
        for fact in facts(graph, everything=True):
            pattern.setdefault(fact["claim"], fact["extractor"])
    lines, missing = [], 0
    for line in Path(judged_file).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        verdict = json.loads(line)
        if "pattern" in verdict:
            pass  # recorded from the build that was judged: today's graph must not rewrite it
        elif verdict["claim"] in pattern:
            verdict["pattern"] = pattern[verdict["claim"]]
        else:
            missing += 1
        lines.append(json.dumps(verdict))
    write_atomic(judged_file, "".join(f"{line}\n" for line in lines).encode("utf-8"))
    return missing


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.eval.calibrate", description=__doc__.split("\n\n")[0])
    parser.add_argument("judged", nargs="+", type=Path, help="judged audit files (docs/audits/*.jsonl)")
    parser.add_argument("-o", "--output", type=Path, help="write the table here (atomically) instead of stdout")
    parser.add_argument("--record-patterns", metavar="GRAPH[,GRAPH]", help="add patterns to ONE judged file from these graphs")
    parser.add_argument("--gates", action="store_true", help="print what each --min-confidence would list of these verdicts")
    parser.add_argument("--held-out", type=Path, action="append", default=[], metavar="JUDGED",
                        help="with --gates: confidences from the other files, claims listed from this one (repeatable)")
    args = parser.parse_args(argv)
    missing_files = [str(p) for p in args.judged if not p.is_file()]
    if missing_files:
        parser.error(f"no such judged file: {missing_files[0]}")
    if args.record_patterns:
        if len(args.judged) != 1:
            parser.error("--record-patterns takes one judged file")
        missing = record_patterns(args.record_patterns.split(","), args.judged[0])
        print(f"{args.judged[0]}: {missing} line(s) whose claim no graph holds", file=sys.stderr)
        return 0
    if args.gates:
        sys.stdout.write(gates(args.judged, args.held_out))
        return 0
    text = table(args.judged)
    if text == HEADER:
        print("kg.eval.calibrate: no judged line carries a pattern; the table was not written "
              "(add patterns with --record-patterns GRAPH JUDGED)", file=sys.stderr)
        return 1
    if args.output:
        write_atomic(args.output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
