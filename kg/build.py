"""The whole pipeline: sources -> documents -> parses -> extractions -> one RDF dataset."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Dataset

from kg.config import Settings
from kg.errors import IngestError
from kg.extract import extract
from kg.ingest import read_sources
from kg.mapping import add_extraction, new_dataset
from kg.nlp import parse
from kg.resolve import resolve_document
from kg.types import Document, Extraction

log = logging.getLogger("kg")
ErrorHandler = Callable[[IngestError], None]


def _log_error(error: IngestError) -> None:
    log.warning("%s", error)


def documents(sources: Iterable[str | Path], settings: Settings, on_error: ErrorHandler) -> Iterator[Document]:
    for item in read_sources(sources, settings):
        if isinstance(item, IngestError):
            on_error(item)
        else:
            yield item


def extractions(docs: Iterable[Document], settings: Settings | None = None) -> Iterator[Extraction]:
    """Parse and extract documents that are already read."""
    for document, parsed in parse(docs, settings):
        yield resolve_document(extract(parsed, document))


def build(
    sources: Iterable[str | Path] | str | Path,
    *,
    settings: Settings | None = None,
    on_error: ErrorHandler | None = None,
    on_document: Callable[[Extraction], None] | None = None,
    dataset: Dataset | None = None,
) -> Dataset:
    """Build a knowledge graph from files, directories, JSONL or "-" (stdin).

    Inputs that cannot be read are passed to ``on_error`` (logged by default) and the rest are
    built. Returns an ``rdflib.Dataset`` with one named graph per document and a union default graph.
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    settings = settings or Settings()
    dataset = dataset if dataset is not None else new_dataset()
    for extraction in extractions(documents(sources, settings, on_error or _log_error), settings):
        add_extraction(dataset, extraction)
        if on_document is not None:
            on_document(extraction)
    return dataset


def build_text(text: str, *, title: str = "", settings: Settings | None = None) -> Dataset:
    """Build the graph of one article given as a string."""
    from kg.ingest import make_document

    dataset = new_dataset()
    for extraction in extractions([make_document(text, source="<text>", title=title)], settings):
        add_extraction(dataset, extraction)
    return dataset
