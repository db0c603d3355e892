"""Extraction on a Dask cluster: the same batch function as the local process pool, run as Dask
tasks. Each Dask worker process loads the spaCy pipeline once (it is cached per process) and turns
batches of documents into extractions; the calling process writes the store.

``address`` is a scheduler address ("tcp://10.0.0.5:8786") or "local" for a LocalCluster of
``settings.workers`` processes on loopback. The pipeline package must be installed on every worker.
"""

from __future__ import annotations

import logging
from collections import deque
from itertools import islice
from typing import Callable, Iterable, Iterator

from kg.config import Settings
from kg.errors import ConfigError, IngestError
from kg.budget import MAX_SECONDS
from kg.parallel import grace_seconds

log = logging.getLogger("kg")
from kg.types import Document, Extraction


def connect(address: str, settings: Settings):
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--dask needs Dask: pip install 'dask[distributed]' (or kg's [dask] extra)") from None

    if address == "local":
        cluster = LocalCluster(
            n_workers=max(settings.workers, 1),
            threads_per_worker=1,  # spaCy's pipeline is not shared between threads
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout=10), None
    except OSError as exc:
        problem = f"{address}: no Dask scheduler answers there ({exc})"
        raise ConfigError(f"{problem}; start one or use --dask local") from None


def extract_batch(batch: list[Document], settings: Settings) -> list[Extraction | IngestError]:
    """A Dask task: each document within its own time budget (interrupted in the worker's thread)."""
    from kg.build import extract_or_report

    return [extract_or_report(document, settings) for document in batch]


def dask_extractions(
    documents: Iterable[Document], settings: Settings, on_error: Callable[[IngestError], None], address: str
) -> Iterator[Extraction]:
    """Extractions of ``documents`` computed on the cluster, in input order, with a bounded number of
    batches in flight (two per worker). A batch that gives no answer within its documents' budgets
    and a grace period (a task stuck in compiled code cannot be interrupted) has its documents
    reported, and the Dask workers running it are restarted."""
    client, cluster = connect(address, settings)
    try:
        in_flight = 2 * max(len(client.scheduler_info()["workers"]), 1)
        pending: deque = deque()

        def finish(batch: list[Document], future) -> Iterator[Extraction]:
            try:
                found = future.result(timeout=batch_limit(len(batch), settings.doc_timeout))
            except TimeoutError:
                restart_workers_running(client, future)
                problem = "no answer from its Dask task within the time budget; the task's workers were restarted"
                found = [IngestError(document.source, problem + " (raise --doc-timeout)") for document in batch]
            except Exception as exc:  # KilledWorker (a crash, the nanny's memory limit), a lost connection
                problem = f"its Dask task failed ({exc.__class__.__name__}: {str(exc)[:200]}); skipped"
                found = [IngestError(document.source, problem) for document in batch]
            for item in found:
                if isinstance(item, IngestError):
                    on_error(item)
                else:
                    yield item

        for batch in batches(documents, settings.batch_size):
            task = client.submit(extract_batch, batch, settings=settings, pure=False, retries=0)
            pending.append((batch, task))
            while len(pending) >= in_flight:
                yield from finish(*pending.popleft())
        while pending:
            yield from finish(*pending.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def batch_limit(size: int, budget: float) -> float | None:
    """Seconds a batch may take: every document's budget, plus grace (None: no budget)."""
    if not budget or budget <= 0:
        return None
    budget = min(budget, MAX_SECONDS)
    return size * budget + grace_seconds(budget)


def restart_workers_running(client, future) -> None:
    """Best effort: a thread cannot be killed, its process can (by the worker's nanny)."""
    try:
        busy = [address for address, keys in client.processing().items() if future.key in keys]
        future.cancel()  # after the look-up: a cancelled key is no longer listed as processing
        if busy:
            client.restart_workers(busy, raise_for_error=False)
    except Exception as exc:  # the scheduler may be gone too; the documents are reported either way
        log.warning("could not restart the Dask workers of a stuck task: %s", exc)


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch
