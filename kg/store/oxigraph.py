"""A persistent store on disk: Oxigraph (RocksDB underneath), one named graph per document.

The default graph holds the union of the document graphs as a set (Oxigraph's own union view
would repeat a triple once per graph that holds it, and every document repeats its entities'
labels), so queries read it directly and stay fast.

Writes are transactions, so a build killed at any moment leaves a store that opens and holds every
document whose write had returned. One process may have a store open at a time.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Iterable, Mapping

from rdflib import Dataset, URIRef
from rdflib.query import Result

from kg.errors import QueryError, StoreError
from kg.ontology import PREFIXES
from kg.store.base import COUNT_TRIPLES, GraphStore, drop_update
from kg.store.terms import as_result, to_quads, with_values

MARKER = "kg-store.txt"  # tells a kg store from any other directory


def open_read_only(path: Path, attempts: int = 20):
    """A read-only view of the store as it is now. A build writing it may replace the file that
    says which files are current just as the view opens; that is tried again, briefly."""
    import pyoxigraph

    for attempt in range(attempts):
        try:
            return pyoxigraph.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            if attempt == attempts - 1:
                raise StoreError(f"{path}: cannot open the store to read it ({str(exc)[:200]})") from None
            time.sleep(0.05)


class OxigraphStore(GraphStore):
    def __init__(self, path: str | Path, *, create: bool = True, read_only: bool = False) -> None:
        """``read_only`` opens without the write lock, for query workers beside a process that holds
        it and does not write (``kg serve``)."""
        import pyoxigraph

        self.location = str(path)
        self.read_only = read_only
        self._prefixes = {k: str(v) for k, v in PREFIXES.items()}
        path = Path(path)
        if read_only:
            if not (path / MARKER).is_file():
                raise StoreError(f"{path}: no such store; build one with `kg build INPUT --store {path}`")
            self._store = open_read_only(path)
            return
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a store directory; give a directory for --store")
        if path.is_dir() and any(path.iterdir()) and not (path / MARKER).is_file():
            raise StoreError(f"{path}: is a directory but not a kg store; give an empty or new directory")
        if not path.is_dir() and not create:
            raise StoreError(f"{path}: no such store; build one with `kg build INPUT --store {path}`")
        path.mkdir(parents=True, exist_ok=True)
        try:
            self._store = pyoxigraph.Store(str(path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreError(f"{path}: the store is open in another process (a build or `kg serve`); "
                                 "wait for it to finish or stop it") from None  # fmt: skip
            raise StoreError(f"{path}: cannot open the store ({exc})") from None
        (path / MARKER).write_text("A kg graph store (Oxigraph). Open it with kg --store.\n", encoding="utf-8")

    def sparql(self, query: str, bindings: Mapping[str, Any] | None = None, *, max_rows: int | None = None) -> Result:
        """``max_rows``: read at most one row more than this, so a caller can tell a capped answer."""
        try:
            answer = self._store.query(
                with_values(query, dict(bindings or {})), prefixes=self._prefixes
            )
            return as_result(answer, None if max_rows is None else max_rows + 1)
        except (OSError, RuntimeError) as exc:
            from kg.query.scan import scan

            if "SERVICE" in scan(query).words:  # Oxigraph's HTTP client failed: the store did not move
                raise QueryError(f"query failed: the SERVICE call failed ({str(exc)[:200]})") from None
            if not self.read_only:
                raise
            # A build compacted away a file this reader had not opened yet: the store moved on.
            raise StoreError(f"{self.location}: the store changed while it was read (a build is writing it); "
                             f"run the query again ({str(exc)[:120]})") from None  # fmt: skip
        except SyntaxError as exc:
            raise QueryError(f"query failed: {str(exc).splitlines()[0][:300]}") from exc

    def replace_graph(self, name: URIRef, triples: Iterable[tuple]) -> None:
        import pyoxigraph

        if self._store.contains_named_graph(pyoxigraph.NamedNode(str(name))):
            self.drop_graph(name)  # same content again: a crash right here leaves it absent, rebuilt next run
        # The document's graph and its share of the union, in one transaction.
        self._store.extend(to_quads(triples, name, with_default=True))

    def drop_graph(self, name: URIRef) -> None:
        self._store.update(drop_update(name))

    def __len__(self) -> int:
        return int(next(iter(self.sparql(COUNT_TRIPLES)))[0])

    def dataset(self) -> Dataset:
        from oxrdflib import OxigraphStore as RdflibView

        return Dataset(store=RdflibView(store=self._store), default_union=False)  # the default graph is the union

    def close(self) -> None:
        """Flush and let go of the store. A flush that fails (a full disk) is a StoreError, and the
        store is let go all the same: what earlier writes returned from is in RocksDB's log already."""
        store, self._store = getattr(self, "_store", None), None
        if store is not None and not self.read_only:
            try:
                store.flush()
            except (OSError, RuntimeError) as exc:
                raise StoreError(f"{self.location}: cannot be written ({str(exc)[:200]})") from None
