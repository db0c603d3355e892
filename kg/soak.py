"""Whole real corpora through the build (`make soak`): every BBC article, every PolNeAR train and dev
article, and the CoNLL04 and CaRB sentences as documents. Prints, per corpus, how many documents
were built and refused (with the reasons), the time taken and the slowest documents. Nothing here is
asserted; tests/test_real_corpora.py asserts the same properties on the first few hundred articles.

    python -m kg.soak [--shared ../shared] [--workers 2] [CORPUS ...]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator

from kg.config import Settings
from kg.errors import IngestError, IngestWarning

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@dataclass(frozen=True)
class Corpus:
    """A corpus in ../shared and how to hand it to `kg build`: files as they are, or records written as JSONL."""

    path: str  # relative to the shared folder
    records: Callable[[Path], Iterator[dict]] | None = None  # None: the .txt files of the folder
    shared: Path = SHARED

    def location(self) -> Path:
        return self.shared / self.path

    def available(self) -> bool:
        return self.location().exists()

    def inputs(self, folder: Path, *, limit: int | None = None) -> list[Path]:
        if self.records is None:
            return sorted(self.location().glob("*.txt"))[:limit]
        if self.records is jsonl_records and limit is None:
            return [self.location()]  # read as it is, so sources name its own lines
        target = folder / (Path(self.path).stem + ".jsonl")
        with target.open("w", encoding="utf-8") as handle:
            for record in islice(self.records(self.location()), limit):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return [target]


def jsonl_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


def conll04_records(path: Path) -> Iterator[dict]:
    for number, sentence in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        yield {"id": f"conll04-{number}", "text": " ".join(sentence["tokens"])}


def sentence_records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if line.strip():
                yield {"id": f"carb-{number}", "text": line.strip()}


CORPORA = {
    "bbc": Corpus("data/news/bbc.jsonl", jsonl_records),
    "polnear-train": Corpus("data/polnear/train/text"),
    "polnear-dev": Corpus("data/polnear/dev/text"),
    "conll04-train": Corpus("data/conll04/conll04_train.json", conll04_records),
    "conll04-dev": Corpus("data/conll04/conll04_dev.json", conll04_records),
    "carb-dev": Corpus("data/carb/dev.txt", sentence_records),
}


@dataclass
class CorpusRun:
    report: object  # kg.build.BuildReport
    failed: list[IngestError] = field(default_factory=list)
    warned: list[IngestError] = field(default_factory=list)
    seconds: float = 0.0
    quads: frozenset = frozenset()


def build_corpus(inputs: list[Path], settings: Settings, *, keep_quads: bool = True) -> CorpusRun:
    """Build ``inputs`` into a memory store the way `kg build` does, collecting every problem."""
    from kg.build import build_into
    from kg.mapping import new_dataset
    from kg.store import MemoryStore

    store = MemoryStore(new_dataset())
    problems: list[IngestError] = []
    started = time.monotonic()
    report = build_into(store, inputs, settings=settings, on_error=problems.append)
    run = CorpusRun(report, seconds=time.monotonic() - started)
    run.failed = [p for p in problems if not isinstance(p, IngestWarning)]
    run.warned = [p for p in problems if isinstance(p, IngestWarning)]
    if keep_quads:
        run.quads = frozenset(store.dataset().quads((None, None, None, None)))
    return run


def summary(name: str, run: CorpusRun) -> str:
    documents = run.report.stored + run.report.skipped + len(run.failed)
    lines = [
        f"{name}: {documents:,} documents, {run.report.stored:,} built, {run.report.skipped:,} repeated texts"
        f" built once, {len(run.failed):,} refused,"
        f" {len(run.warned):,} warnings, {run.report.claims:,} claims, {run.report.quotes:,} quotes"
        f" in {run.seconds:.0f} s ({documents / max(run.seconds, 1e-9):.1f} docs/s)"
    ]
    reasons = Counter(p.problem for p in run.failed)
    example = {p.problem: p.source for p in reversed(run.failed)}
    lines += [f"  refused {n} x: {reason} (e.g. {example[reason]})" for reason, n in reasons.most_common(10)]
    lines += [f"  slow: {seconds:5.2f} s  {source}" for seconds, source in run.report.slowest[:5]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=list(CORPORA), help="names: " + ", ".join(CORPORA))
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    settings = replace(Settings(), workers=args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.corpora:
            corpus = replace(CORPORA[name], shared=args.shared)
            if not corpus.available():
                print(f"{name}: {corpus.location()} is not there; skipped", flush=True)
                continue
            run = build_corpus(corpus.inputs(Path(tmp)), settings, keep_quads=False)
            print(summary(name, run), flush=True)


if __name__ == "__main__":
    main()
