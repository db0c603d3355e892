"""The in-memory store: an rdflib Dataset, for single files and tests."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from rdflib import Dataset, URIRef
from rdflib.query import Result

from kg.mapping import new_dataset
from kg.query import run_query
from kg.store.base import GraphStore


class MemoryStore(GraphStore):
    def __init__(self, dataset: Dataset | None = None) -> None:
        self.location = "memory"
        self._dataset = dataset if dataset is not None else new_dataset(with_ontology=True)

    def sparql(self, query: str, bindings: Mapping[str, Any] | None = None) -> Result:
        return run_query(self._dataset, query, bindings)

    def replace_graph(self, name: URIRef, triples: Iterable[tuple]) -> None:
        self._dataset.remove_graph(name)
        graph = self._dataset.graph(name)
        for triple in triples:
            graph.add(triple)

    def drop_graph(self, name: URIRef) -> None:
        self._dataset.remove_graph(name)

    def __len__(self) -> int:
        return len(self._dataset)

    def dataset(self) -> Dataset:
        return self._dataset
