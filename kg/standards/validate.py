"""SHACL validation of a built graph against ontology/shapes.ttl (pyshacl), with readable results."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SH

from kg.config import ONTOLOGY_DIR
from kg.ontology import ONTOLOGY_GRAPH, PREFIXES, ontology_graph
from kg.standards.reference import curie


@dataclass(frozen=True)
class Violation:
    focus: str  # the node that broke a shape, as a CURIE or IRI
    label: str  # its rdfs:label, when it has one
    path: str  # the property concerned ("" for whole-node checks)
    value: str  # the offending value ("" when none)
    message: str

    def __str__(self) -> str:
        who = f"{self.focus} ({self.label})" if self.label else self.focus
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value else ""
        return f"{who}{where}{value}: {self.message}"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...]
    triples: int

    def summary(self) -> Counter[str]:
        """How many nodes broke each rule."""
        return Counter(v.message for v in self.violations)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")


def data_graph(source) -> Graph:
    """One graph holding the union of a dataset's or store's graphs, without the ontology graph
    (pyshacl gets the ontology separately and validates each named graph of a Dataset alone,
    while kg's rules span graphs: a merge record points into a document's graph)."""
    from kg.store.base import GraphStore

    union = Graph()
    if isinstance(source, GraphStore):
        rows = source.sparql(f"SELECT ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{ONTOLOGY_GRAPH}>) }}")
        for row in rows:
            union.add((row[0], row[1], row[2]))
        return union
    for graph in source.graphs() if hasattr(source, "graphs") else [source]:
        if graph.identifier != ONTOLOGY_GRAPH:
            for triple in graph:
                union.add(triple)
    return union


def compact(text: str) -> str:
    """IRIs inside a message written as CURIEs ("a kg:worksFor on ...")."""
    for prefix, namespace in PREFIXES.items():
        text = text.replace(namespace, f"{prefix}:")
    return text


def short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return curie(term)
    text = str(term)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def validate(source) -> Report:
    """Validate a Dataset, Graph or GraphStore against ontology/shapes.ttl, with ontology/kg.ttl
    mixed in so that targets and ranges follow rdfs:subClassOf."""
    from pyshacl import validate as shacl

    data = data_graph(source)
    triples = len(data)
    data += ontology_graph()  # whole, individuals included (pyshacl's ont_graph mix-in keeps only axioms)
    conforms, results, _ = shacl(
        data, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True, inplace=True
    )
    violations = []
    for result in results.subjects(SH.focusNode, None):
        focus = results.value(result, SH.focusNode)
        violations.append(
            Violation(
                focus=short(focus),
                label=str(data.value(focus, RDFS.label) or ""),
                path=short(results.value(result, SH.resultPath)),
                value=short(results.value(result, SH.value)),
                message=compact(str(results.value(result, SH.resultMessage) or "breaks a shape")),
            )
        )
    violations.sort(key=lambda v: (v.message, v.focus, v.path, v.value))
    return Report(bool(conforms), tuple(violations), triples)
