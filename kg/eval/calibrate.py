"""Turn judged audits into ontology/lexicons/precision.tsv: per pattern, judged and right.

    python -m kg.eval.calibrate docs/audits/*.jsonl > ontology/lexicons/precision.tsv
    python -m kg.eval.calibrate --record-patterns GRAPH.trig[,GRAPH2.trig] JUDGED.jsonl

Only judgements made on articles no rule had been written from count, each under the pattern its
claim had in the build that was judged (the line's "pattern"). Joining old verdicts to today's claims
instead would flatter every pattern: once a rule is written from a judged error, the wrong claim drops
out of the join and the right ones stay, so the dev half measured 70% for open relations between two
names while fresh articles gave 25%. Audit lines without a pattern (the dev-half and first-audit
rounds, read for rules as they were judged) are left out.

``--record-patterns`` writes each line's pattern into a judged file, from the graph(s) that were judged
(built with --min-confidence 0, so that every claim is there).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from kg.eval.audit import facts
from kg.atomic import write_atomic

HEADER = (
    "# pattern\tjudged\tright: claims of articles no rule had been written from, judged blind by readers"
    " (docs/precision-audit.md) under the pattern they had in the build that was judged: the fresh draws"
    " of kg.eval.draw.AS_DRAWN\n"
    "# written by kg.eval.calibrate from docs/audits/*.jsonl, read by kg/extract/precision.py\n"
)


def table(judged_files: list[str | Path]) -> str:
    judged, right = Counter(), Counter()
    for path in judged_files:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            verdict = json.loads(line) if line.strip() else {}
            if verdict.get("pattern"):
                judged[verdict["pattern"]] += 1
                right[verdict["pattern"]] += verdict["verdict"] == "correct"
    return HEADER + "".join(f"{p}\t{judged[p]}\t{right[p]}\n" for p in sorted(judged))


def record_patterns(graphs: list[str | Path], judged_file: str | Path) -> int:
    """Add "pattern" to every line of ``judged_file`` whose claim one of ``graphs`` holds; returns how
    many lines found none."""
    pattern: dict[str, str] = {}
    for graph in graphs:
        for fact in facts(graph, everything=True):
            pattern.setdefault(fact["claim"], fact["extractor"])
    lines, missing = [], 0
    for line in Path(judged_file).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        verdict = json.loads(line)
        if verdict["claim"] in pattern:
            verdict["pattern"] = pattern[verdict["claim"]]
        else:
            missing += 1
        lines.append(json.dumps(verdict))
    write_atomic(judged_file, "".join(f"{line}\n" for line in lines).encode("utf-8"))
    return missing


if __name__ == "__main__":
    if sys.argv[1:2] == ["--record-patterns"]:
        missing = record_patterns(sys.argv[2].split(","), sys.argv[3])
        print(f"{sys.argv[3]}: {missing} line(s) whose claim no graph holds", file=sys.stderr)
    else:
        sys.stdout.write(table(sys.argv[1:]))
