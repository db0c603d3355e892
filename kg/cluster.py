"""Extraction on a Dask cluster: the same batch function as the local process pool, run as Dask
tasks. Each Dask worker process loads the spaCy pipeline once (it is cached per process) and turns
batches of documents into extractions; the calling process writes the store.

``address`` is a scheduler address ("tcp://10.0.0.5:8786") or "local" for a LocalCluster of
``settings.workers`` processes on loopback. The pipeline package must be installed on every worker.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterable, Iterator

from kg.config import Settings
from kg.errors import ConfigError, IngestError
from kg.parallel import extract_batch, in_order
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


def dask_extractions(
    documents: Iterable[Document], settings: Settings, on_error: Callable[[IngestError], None], address: str
) -> Iterator[Extraction]:
    """Extractions of ``documents`` computed on the cluster, in input order, with a bounded number of
    batches in flight (two per worker)."""
    client, cluster = connect(address, settings)
    try:
        in_flight = 2 * max(len(client.scheduler_info()["workers"]), 1)
        submit = partial(client.submit, extract_batch, settings=settings, pure=False)
        yield from in_order(submit, documents, settings.batch_size, in_flight, on_error)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
