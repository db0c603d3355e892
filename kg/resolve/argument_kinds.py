"""Arguments of the kind a property takes. Once coreference has decided what each argument is, a typed
claim whose named subject or object is of a class the property's rdfs:domain / rdfs:range in
ontology/kg.ttl leaves out is dropped, whatever pattern found it: "a Palace fan, Paul Nixon" after "the
Cantona incident" gives no "Paul Nixon works for Eric Cantona", "New York Senator Charles Schumer" no
"member of New York". A person is no employer and a state no body one belongs to.

Descriptions (kg:Concept: "the firm", "a North Carolina-based bank") pass: what kind of thing they are is
what the text says of them, not a class. Open relations and literal values are not checked."""

from __future__ import annotations

from functools import lru_cache

from rdflib import URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg.ontology import KG, KG_URI, ontology_graph

Kinds = frozenset[str] | None  # the class names an argument may have; None: any entity


@lru_cache(maxsize=1)
def argument_kinds() -> dict[str, tuple[Kinds, Kinds]]:
    """kg property -> (classes its subject may have, classes its object may have), from the ontology."""
    graph = ontology_graph()

    def allowed(node) -> Kinds:
        if node is None or node == KG.Entity:
            return None
        union = graph.value(node, OWL.unionOf)
        members = list(Collection(graph, union)) if union is not None else [node]
        if not all(str(m).startswith(KG_URI) for m in members):
            return None  # another vocabulary's class: not ours to check
        names = {str(c).removeprefix(KG_URI) for m in members for c in graph.transitive_subjects(RDFS.subClassOf, m)}
        return frozenset(names)

    table: dict[str, tuple[Kinds, Kinds]] = {}
    for prop in graph.subjects(RDF.type, OWL.ObjectProperty):
        if isinstance(prop, URIRef) and str(prop).startswith(KG_URI):
            table["kg:" + str(prop).removeprefix(KG_URI)] = (
                allowed(graph.value(prop, RDFS.domain)), allowed(graph.value(prop, RDFS.range)))
    return table


def of_the_right_kind(predicate: str, subject_class: str, object_class: str | None) -> bool:
    """Whether a claim's resolved arguments are of classes its property takes (``object_class`` None: a
    literal value)."""
    subjects, objects = argument_kinds().get(predicate, (None, None))
    return all(
        kinds is None or cls is None or cls == "Concept" or cls in kinds
        for kinds, cls in ((subjects, subject_class), (objects, object_class))
    )
