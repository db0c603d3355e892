"""Graph stores behind one interface: in memory (rdflib), on disk (Oxigraph), or a SPARQL server."""

from __future__ import annotations

from pathlib import Path

from kg.store.base import GraphStore, StoredDocument
from kg.store.memory import MemoryStore

__all__ = ["GraphStore", "MemoryStore", "StoredDocument", "open_store"]


def open_store(location: str | Path, *, create: bool = True, read_only: bool = False) -> GraphStore:
    """``memory``; ``sparql+http(s)://HOST:PORT/PATH[?update=PATH]`` for a SPARQL server; or a
    directory for an Oxigraph store on disk (made if ``create``). ``read_only`` opens a store on
    disk without its write lock, beside a build that may be writing it: the reader sees the store
    as it was when opened, every document in it whole."""
    if str(location) == "memory":
        store: GraphStore = MemoryStore()
    elif str(location).startswith(("sparql+http://", "sparql+https://")):
        from kg.store.remote import RemoteStore

        store = RemoteStore(str(location))
        store.ensure_ontology()
    else:
        from kg.store.oxigraph import OxigraphStore

        store = OxigraphStore(Path(location), create=create and not read_only, read_only=read_only)
        if not read_only:
            store.ensure_ontology()
    return store
