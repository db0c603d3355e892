"""The interface every graph store offers kg: whole documents in, SPARQL out.

A store holds one named graph per document (plus the ontology graph). Writing a document replaces
its graph in one transaction, and an earlier version of the same source (same path or URL, other
content) is dropped after the new one is in, so a crash leaves at worst both, never neither.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from rdflib import Dataset, Literal, URIRef
from rdflib.query import Result

from kg.errors import StoreError
from kg.mapping import document_triples, entity_node
from kg.ontology import KG, ONTOLOGY_GRAPH, document_iri, ontology_graph
from kg.resolve.context import document_contexts, stored_context, stored_context_query
from kg.resolve.corpus import StoredNames, canonical_choices
from kg.store.merges import KEPT_APART, KEPT_APART_PAIRS, merge_graph, merge_records
from kg.types import Extraction

DOC_PREFIX = str(document_iri(""))
# Sources that name no lasting thing: a new text from stdin is not a new version of the last one.
NOT_A_SOURCE = {"", "-", "<stdin>", "<text>"}

DOCUMENTS = """
SELECT ?doc ?source ?title WHERE {
  GRAPH ?doc { ?doc a kg:Document OPTIONAL { ?doc kg:sourcePath ?source } OPTIONAL { ?doc schema:headline ?title } }
} ORDER BY ?source ?doc"""
BY_SOURCE = "SELECT ?doc WHERE { GRAPH ?doc { ?doc a kg:Document ; kg:sourcePath ?source } }"
HAS_DOCUMENT = "ASK { GRAPH ?doc { ?doc a kg:Document } }"
HAS_GRAPH = "ASK { GRAPH ?g { ?s ?p ?o } }"
COUNT_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# Entities with any of the bound identity keys, with their classes and every name they have.
STORED_NAMES = """SELECT DISTINCT ?e ?type ?other WHERE {
  ?e skos:hiddenLabel ?key ; a ?type ; rdfs:label|skos:altLabel ?other }"""


def drop_update(name: URIRef, union: URIRef | None = None) -> str:
    """One SPARQL Update (applied atomically) that drops a document's graph and the triples of the
    union graph that no other graph still holds. The union is the default graph, or the named
    graph ``union`` on servers whose default graph is not a graph of its own (Virtuoso)."""
    target, others = ("?s ?p ?o", f"FILTER(?other != <{name}>)")
    if union is not None:
        target, others = (f"GRAPH <{union}> {{ ?s ?p ?o }}", f"FILTER(?other != <{name}> && ?other != <{union}>)")
    return (
        f"DELETE {{ {target} }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} {others} }} }} ;\n"
        f"DROP SILENT GRAPH <{name}>"
    )


@dataclass(frozen=True)
class StoredDocument:
    id: str
    source: str
    title: str


def document_id(iri: str) -> str:
    return iri.removeprefix(DOC_PREFIX)


class GraphStore(ABC):
    """Documents in, SPARQL out. Use as a context manager, or call ``close()``."""

    location: str

    # --- what a backend provides -------------------------------------------------------------
    @abstractmethod
    def sparql(self, query: str, bindings: Mapping[str, Any] | None = None) -> Result:
        """Run a read-only query over the union of the graphs; kg's prefixes are predeclared."""

    @abstractmethod
    def replace_graph(self, name: URIRef, triples: Iterable[tuple]) -> None:
        """Make graph ``name`` hold exactly ``triples``, in one transaction."""

    @abstractmethod
    def drop_graph(self, name: URIRef) -> None: ...

    @abstractmethod
    def __len__(self) -> int:
        """Number of triples (quads) stored, ontology included."""

    @abstractmethod
    def dataset(self) -> Dataset:
        """An rdflib view of the store (reads and writes go to the store itself)."""

    def close(self) -> None:
        pass

    # --- shared behaviour ----------------------------------------------------------------------
    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def ensure_ontology(self) -> None:
        self.replace_graph(ONTOLOGY_GRAPH, ontology_graph())

    def contains(self, doc_id: str) -> bool:
        return bool(self.sparql(HAS_DOCUMENT, {"doc": document_iri(doc_id)}).askAnswer)

    def has_graph(self, name: URIRef) -> bool:
        return bool(self.sparql(HAS_GRAPH, {"g": name}).askAnswer)

    def put(self, extraction: Extraction) -> list[str]:
        """Store one document's graph; returns the ids of earlier versions of its source it replaced.
        Its entities take the IRIs of stored entities they are the same as (kg.resolve.corpus), and
        each such merge is recorded in the document's merge graph, written first."""
        choices = self.canonical_choices(extraction)
        if choices:
            self.replace_graph(merge_graph(document_iri(extraction.document.id)), merge_records(extraction, choices))
        self.write_document(extraction, {k: iri for k, (iri, _) in choices.items()})
        return self.drop_older_versions(extraction.document.id, extraction.document.source)

    def write_document(self, extraction: Extraction, iris: dict[str, URIRef]) -> None:
        """Replace the document's graph; ``iris`` maps merged entities to their stored IRIs."""
        name, triples = document_triples(extraction, iris)
        self.replace_graph(name, triples)

    def canonical_choices(self, extraction: Extraction) -> dict[str, tuple[URIRef, str]]:
        doc_id = extraction.document.id
        choices = canonical_choices(
            extraction.entities,
            lambda e: entity_node(e, doc_id),
            lambda cls: KG[cls],
            self.stored_names,
            self.kept_apart(),
        )
        return self.without_conflicting_people(extraction, choices)

    def without_conflicting_people(
        self, extraction: Extraction, choices: dict[str, tuple[URIRef, str]]
    ) -> dict[str, tuple[URIRef, str]]:
        """Drop the merges of people whose roles here and in the store have nothing in common
        (kg.resolve.context): one name, two people."""
        ours = document_contexts(extraction) if choices else {}
        for entity_id in [e for e in choices if e in ours]:
            theirs = stored_context(self.sparql(stored_context_query(), {"e": choices[entity_id][0]}))
            if ours[entity_id].conflicts_with(theirs):
                del choices[entity_id]
        return choices

    def kept_apart(self) -> set[tuple[URIRef, URIRef]]:
        """(alias, canonical) pairs whose merge a user undid: never merged again. Read once per store
        object (kg.store.merges.unmerge forgets it)."""
        if getattr(self, "_kept_apart", None) is None:
            self._kept_apart = {(r[0], r[1]) for r in self.sparql(KEPT_APART_PAIRS, {"g": KEPT_APART})}
        return self._kept_apart

    def drop_document(self, doc: URIRef) -> None:
        self.drop_graph(doc)
        self.drop_graph(merge_graph(doc))

    def stored_names(self, keys: set[str]) -> StoredNames:
        """The stored entities with any of these identity keys: IRI -> (classes, labels and aliases)."""
        found: dict[URIRef, tuple[set[str], set[str]]] = {}
        if keys:
            for row in self.sparql(STORED_NAMES, {"key": sorted(Literal(k) for k in keys)}):
                classes, known = found.setdefault(row[0], (set(), set()))
                classes.add(row[1])
                known.add(str(row[2]))
        return found

    def sources(self, source: str) -> list[str]:
        """Ids of the stored documents read from ``source`` (a path or URL)."""
        return [document_id(str(row[0])) for row in self.sparql(BY_SOURCE, {"source": Literal(source)})]

    def drop_older_versions(self, doc_id: str, source: str) -> list[str]:
        if source in NOT_A_SOURCE:
            return []
        older = [found for found in self.sources(source) if found != doc_id]
        for old in older:
            self.drop_document(document_iri(old))
        return older

    def documents(self) -> list[StoredDocument]:
        return [
            StoredDocument(document_id(str(r.doc)), str(r.source or ""), str(r.title or ""))
            for r in self.sparql(DOCUMENTS)
        ]

    def remove(self, ref: str) -> list[str]:
        """Drop documents by id, IRI or source path/URL; returns the ids removed. Entities that only
        those documents mentioned go with them (each document's graph holds its own entity triples)."""
        from kg.query import BAD_IRI

        doc_id = document_id(ref)
        if doc_id and not BAD_IRI.search(doc_id) and self.contains(doc_id):
            ids = [doc_id]
        else:
            ids = self.sources(ref)
        for found in ids:
            self.drop_document(document_iri(found))
        return ids
