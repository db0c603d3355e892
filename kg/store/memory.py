"""The in-memory store: an rdflib Dataset, for single files and tests.

Lookups go straight to rdflib's triple indexes rather than through SPARQL, which rdflib evaluates
slowly: a build checks every document against the store.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.query import Result

from kg.mapping import add_extraction, new_dataset
from kg.ontology import KG, document_iri
from kg.query import run_query
from kg.resolve.corpus import StoredNames
from kg.store.base import GraphStore, document_id
from kg.types import Extraction


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

    def contains(self, doc_id: str) -> bool:
        doc = document_iri(doc_id)
        return (doc, RDF.type, KG.Document, doc) in self._dataset

    def write_document(self, extraction: Extraction, iris: dict[str, URIRef]) -> None:
        add_extraction(self._dataset, extraction, iris)  # straight into the dataset, no triple set first

    def sources(self, source: str) -> list[str]:
        return [
            document_id(str(graph))
            for _, _, _, graph in self._dataset.quads((None, KG.sourcePath, Literal(source), None))
        ]

    def stored_names(self, keys: set[str]) -> StoredNames:
        found: dict[URIRef, tuple[set[str], set[str]]] = {}
        # Over the union, each triple comes once however many documents hold it (quads() would
        # repeat it per document: a name in every article made each build slower than the last).
        union = self._dataset if self._dataset.default_union else self._dataset.default_context
        triples = union.triples
        for key in keys:
            for entity, _, _ in triples((None, SKOS.hiddenLabel, Literal(key))):
                if entity not in found:
                    found[entity] = (
                        {o for _, _, o in triples((entity, RDF.type, None))},
                        {str(o) for p in (RDFS.label, SKOS.altLabel) for _, _, o in triples((entity, p, None))},
                    )
        return found

    def __len__(self) -> int:
        return len(self._dataset)

    def dataset(self) -> Dataset:
        return self._dataset
