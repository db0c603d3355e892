"""The seeded draw of BBC articles for kg's real-news gold set (issue 15).

    python -m kg.eval.draw ../shared/data/news/bbc.jsonl

prints, per category, the drawn line numbers (1-based, in the corpus file) and their dev / check half.
The draw skips second copies of a text (the corpus has 98) and the 20 lines of the first audit, which
rules may already have been read from. Re-running it gives the same lines: the gold files depend on it.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SEED = 15
PER_CATEGORY = 8  # the first half of each category's draw is dev, the second check
FIRST_AUDIT = (78, 166, 203, 486, 535, 548, 785, 844, 926, 945, 1084, 1195, 1333, 1423, 1573, 1779, 1860, 1869, 2039, 2047)


def draw(corpus: str | Path, seed: int = SEED, per_category: int = PER_CATEGORY) -> dict[str, list[tuple[int, str]]]:
    """{'dev': [(line, id), ...], 'check': [...]}, lines in the order drawn."""
    by_category: dict[str, list[tuple[int, str]]] = {}
    seen_texts: set[str] = set()
    lines = Path(corpus).read_text(encoding="utf-8").splitlines()
    excluded_texts = {json.loads(lines[n - 1])["text"] for n in FIRST_AUDIT}
    for number, line in enumerate(lines, start=1):
        record = json.loads(line)
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


if __name__ == "__main__":
    for half, chosen in draw(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news/bbc.jsonl").items():
        print(half, " ".join(f"{line}:{doc_id}" for line, doc_id in chosen))
