"""Turn a judged audit into ontology/lexicons/precision.tsv: per pattern, judged and right.

    python -m kg.eval.calibrate GRAPH.trig JUDGED.jsonl [JUDGED.jsonl ...] > ontology/lexicons/precision.tsv

GRAPH is the judged articles built with --min-confidence 0 by the code being calibrated; a judged line
counts under the pattern its claim has in that graph (claims the code no longer asserts drop out).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from kg.eval.audit import facts


def table(graph: str | Path, judged_files: list[str]) -> str:
    pattern = {f["claim"]: f["extractor"] for f in facts(graph, everything=True)}
    judged, right = Counter(), Counter()
    for path in judged_files:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                verdict = json.loads(line)
                if verdict["claim"] in pattern:
                    judged[pattern[verdict["claim"]]] += 1
                    right[pattern[verdict["claim"]]] += verdict["verdict"] == "correct"
    lines = ["# pattern\tjudged\tright: asserted claims read blind: the dev half of tests/gold/bbc_dev.jsonl,"
             " the 20 articles of the first audit (kg.eval.draw.FIRST_AUDIT) and two draws no rule was written"
             " from before they were judged (kg.eval.draw --fresh 17, --fresh 16)",
             "# (docs/precision-audit.md); written by kg.eval.calibrate, read by kg/extract/precision.py"]
    lines += [f"{p}\t{judged[p]}\t{right[p]}" for p in sorted(judged)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(table(sys.argv[1], sys.argv[2:]))
