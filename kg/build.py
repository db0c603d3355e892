"""The whole pipeline: sources -> documents -> parses -> extractions -> one RDF dataset."""

from __future__ import annotations

import heapq
import logging
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Dataset

from kg.budget import DocumentTimeout, time_budget
from kg.config import Settings
from kg.errors import ConfigError, IngestError, OutOfMemory
from kg.extract import extract
from kg.ingest import read_sources
from kg.mapping import new_dataset
from kg.nlp import SHORT_BATCH, SHORT_CHARS, load_pipeline, parse_document, parse_short
from kg.resolve import link_entities, resolve_document
from kg.store import GraphStore, MemoryStore
from kg.types import Document, Extraction

log = logging.getLogger("kg")
ErrorHandler = Callable[[IngestError], None]


def _log_error(error: IngestError) -> None:
    log.warning("%s", error)


def documents(sources: Iterable[str | Path], settings: Settings, on_error: ErrorHandler) -> Iterator[Document]:
    for item in read_sources(sources, settings):
        if isinstance(item, IngestError):
            on_error(item)
        elif settings.date and not item.published:
            yield replace(item, published=settings.date)
        else:
            yield item


WARM_UP = "Anna Berg, a spokeswoman for the Lund city council in Sweden, said on Monday: \"We will vote.\""


def warm_up(settings: Settings) -> None:
    """Load the pipeline, lexicons, gazetteer and knowledge base once per process, outside any
    document's budget."""
    _warm_up(settings.model, settings.kb)


@lru_cache(maxsize=4)
def _warm_up(model: str, kb: str | None) -> None:
    from kg.ingest import make_document

    load_pipeline(model)
    settings = replace(Settings(), model=model, kb=kb, doc_timeout=0)
    extract_document(make_document(WARM_UP, source="<warm-up>"), settings)


def extract_document(document: Document, settings: Settings, parsed=None) -> Extraction:
    """Parse one document (unless ``parsed`` is its Doc already) and extract what it says, within its
    time budget (``DocumentTimeout`` past it)."""
    if settings.doc_timeout:
        warm_up(settings)
    started = time.monotonic()
    with time_budget(settings.doc_timeout):
        if parsed is None:
            parsed = parse_document(document, settings.model)
        extraction = link_entities(resolve_document(extract(parsed, document)), settings.kb)
    return replace(extraction, min_confidence=settings.min_confidence, seconds=time.monotonic() - started)


def extract_or_report(document: Document, settings: Settings, parsed=None) -> Extraction | IngestError:
    """The extraction of ``document``, or the error that names it: a document over its time budget,
    or one that meets a bug, must not stop a corpus build."""
    try:
        return extract_document(document, settings, parsed)
    except DocumentTimeout as exc:
        return IngestError(document.source, str(exc))
    except MemoryError:
        if settings.workers > 1 and not settings.dask:  # only supervised workers are capped
            problem = f"needed more than the {settings.worker_memory_mb:,} MB a worker may use; skipped (raise KG_WORKER_MEMORY_MB, or split the article)"
        else:
            problem = "ran out of memory; skipped (split the article)"
        return OutOfMemory(document.source, problem)
    except ConfigError:
        raise  # a setting or the model, not this document: every document would fail the same way
    except Exception as exc:
        return IngestError(document.source, f"extraction failed ({exc.__class__.__name__}: {exc}); please report it")


def extractions(
    docs: Iterable[Document], settings: Settings | None = None, on_error: ErrorHandler | None = None
) -> Iterator[Extraction]:
    """Parse and extract documents that are already read, in this process. With ``on_error``, a
    document that fails or runs past its time budget is reported there and the others go on."""
    settings = settings or Settings()
    for group in short_runs(docs):
        for document, parsed in zip(group, parse_together(group, settings)):
            if on_error is None:
                yield extract_document(document, settings, parsed)
                continue
            found = extract_or_report(document, settings, parsed)
            if isinstance(found, IngestError):
                on_error(found)
            else:
                yield found


def short_runs(docs: Iterable[Document]) -> Iterator[list[Document]]:
    """Runs of up to SHORT_BATCH consecutive short documents, and every longer document alone."""
    run: list[Document] = []
    for document in docs:
        if len(document.text) > SHORT_CHARS:
            if run:
                yield run
                run = []
            yield [document]
        else:
            run.append(document)
            if len(run) == SHORT_BATCH:
                yield run
                run = []
    if run:
        yield run


def parse_together(group: list[Document], settings: Settings) -> list:
    """The Docs of a run of short documents parsed as one batch, within one document's budget; None
    for each (so each is parsed alone, within its own) if it is a single document or the batch fails."""
    if len(group) == 1:
        return [None]
    warm_up(settings)
    try:
        with time_budget(settings.doc_timeout):
            return parse_short(group, settings.model)
    except Exception:  # DocumentTimeout, or one text the parser fails on: find which, one at a time
        return [None] * len(group)


@dataclass
class BuildReport:
    """What a build did: documents stored, skipped as already stored, and earlier versions replaced."""

    stored: int = 0
    skipped: int = 0
    replaced: list[str] = field(default_factory=list)
    claims: int = 0
    quotes: int = 0
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (seconds, source), slowest first

    SLOWEST_KEPT = 10

    def count(self, extraction: Extraction) -> None:
        self.stored += 1
        self.claims += len(extraction.claims)
        self.quotes += len(extraction.quotes)
        self.slowest = heapq.nlargest(
            self.SLOWEST_KEPT, [*self.slowest, (extraction.seconds, extraction.document.source)]
        )


def build_into(
    store: GraphStore,
    sources: Iterable[str | Path] | str | Path,
    *,
    settings: Settings | None = None,
    on_error: ErrorHandler | None = None,
    on_document: Callable[[Extraction], None] | None = None,
    on_skip: Callable[[Document], None] | None = None,
) -> BuildReport:
    """Build documents into ``store``. A document whose content is already stored is skipped before
    any parsing (and passed to ``on_skip``); a changed document (same source, new content) replaces
    its earlier version."""
    if isinstance(sources, (str, Path)):
        sources = [sources]
    settings = settings or Settings()
    report_error = on_error or _log_error
    report = BuildReport()

    seen: set[str] = set()  # the same text twice in one run is built once, however many workers

    def new_documents() -> Iterator[Document]:
        for document in documents(sources, settings, report_error):
            if document.id in seen or store.contains(document.id):
                report.skipped += 1
                report.replaced += store.drop_older_versions(document.id, document.source)
                if on_skip is not None:
                    on_skip(document)
            else:
                seen.add(document.id)
                yield document

    if settings.dask:
        from kg.cluster import dask_extractions

        found = dask_extractions(new_documents(), settings, report_error, settings.dask)
    elif settings.workers > 1:
        from kg.parallel import parallel_extractions

        found = parallel_extractions(new_documents(), settings, report_error)
    else:
        found = extractions(new_documents(), settings, report_error)
    try:
        for extraction in found:
            report.replaced += store.put(extraction)
            report.count(extraction)
            if on_document is not None:
                on_document(extraction)
    finally:
        found.close()  # a store error or an early stop ends the workers now, not at garbage collection
    return report


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
    store = MemoryStore(dataset if dataset is not None else new_dataset())
    build_into(store, sources, settings=settings, on_error=on_error, on_document=on_document)
    return store.dataset()


def build_text(text: str, *, title: str = "", settings: Settings | None = None) -> Dataset:
    """Build the graph of one article given as a string."""
    from kg.ingest import make_document

    store = MemoryStore(new_dataset())
    for extraction in extractions([make_document(text, source="<text>", title=title)], settings):
        store.put(extraction)
    return store.dataset()
