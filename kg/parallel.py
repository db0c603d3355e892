"""Extraction in worker processes: each loads the spaCy pipeline once and turns batches of
documents into extractions; the calling process keeps reading input and writing the store.

Only plain data crosses between processes (documents in, extractions and errors out), never a
spaCy Doc. At most two batches per worker are in flight, so memory stays bounded on any corpus.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from itertools import islice
from typing import Any, Callable, Iterable, Iterator

from kg.config import Settings
from kg.errors import IngestError
from kg.types import Document, Extraction


def _load(model: str) -> None:
    from kg.nlp import load_pipeline

    load_pipeline(model)  # once per worker, before its first batch


def extract_batch(batch: list[Document], settings: Settings) -> list[Extraction | IngestError]:
    from kg.build import extractions

    found: list[Extraction | IngestError] = []
    found.extend(extractions(batch, settings, on_error=found.append))
    return found


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def parallel_extractions(
    documents: Iterable[Document], settings: Settings, on_error: Callable[[IngestError], None]
) -> Iterator[Extraction]:
    """Extractions of ``documents`` from ``settings.workers`` processes, in input order."""
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no inherited threads or locks
    with ProcessPoolExecutor(
        settings.workers, mp_context=context, initializer=_load, initargs=(settings.model,)
    ) as pool:
        submit = partial(pool.submit, extract_batch, settings=settings)
        yield from in_order(submit, documents, settings.batch_size, 2 * settings.workers, on_error)


def in_order(
    submit: Callable[[list[Document]], Any],
    documents: Iterable[Document],
    batch_size: int,
    in_flight: int,
    on_error: Callable[[IngestError], None],
) -> Iterator[Extraction]:
    """Submit batches (``submit`` returns a future), keep at most ``in_flight`` of them running, and
    yield their extractions in input order; errors go to ``on_error``."""
    pending: deque = deque()
    for batch in batches(documents, batch_size):
        pending.append(submit(batch))
        while len(pending) >= in_flight:
            yield from split_errors(pending.popleft().result(), on_error)
    while pending:
        yield from split_errors(pending.popleft().result(), on_error)


def split_errors(
    items: list[Extraction | IngestError], on_error: Callable[[IngestError], None]
) -> Iterator[Extraction]:
    for item in items:
        if isinstance(item, IngestError):
            on_error(item)
        else:
            yield item
