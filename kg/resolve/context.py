"""Context that keeps two people of one name apart across documents.

Names alone decide a merge (kg.resolve.corpus); this vetoes it when both sides describe the person
and the descriptions have nothing in common: "John Smith, chief executive of Acme" and "John Smith,
a spokesman for the police" are two people. Both the organisations they hold roles in and their
job titles must differ, so "Tony Blair, leader of the Labour Party" and "Prime Minister Tony Blair
of Britain" (one title shared) still meet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib.namespace import RDFS

from kg.resolve.coref import normalise_name
from kg.types import Extraction, Literal


@dataclass
class PersonContext:
    organisations: set[str] = field(default_factory=set)  # normalised names of what they hold roles in
    titles: set[str] = field(default_factory=set)  # last word of each job title ("executive", "spokesman")

    def conflicts_with(self, other: PersonContext) -> bool:
        described = self.organisations and other.organisations and self.titles and other.titles
        return bool(described) and not (self.organisations & other.organisations or self.titles & other.titles)


@lru_cache(maxsize=1)
def role_properties() -> frozenset[str]:
    """kg:affiliatedWith and every property under it in the ontology ('kg:worksFor', ...)."""
    from kg.ontology import KG, KG_URI, ontology_graph

    found = set(ontology_graph().transitive_subjects(RDFS.subPropertyOf, KG.affiliatedWith))
    return frozenset(f"kg:{str(p)[len(KG_URI):]}" for p in found)


def title_word(title: str) -> str:
    words = normalise_name(title).split()
    return words[-1] if words else ""


def document_contexts(extraction: Extraction) -> dict[str, PersonContext]:
    """Entity id -> what this document says about the person's roles."""
    names = {e.id: normalise_name(e.name) for e in extraction.entities}
    contexts: dict[str, PersonContext] = {}
    for claim in extraction.claims:
        if claim.factuality.value != "asserted":
            continue
        if claim.predicate == "kg:jobTitle" and isinstance(claim.object, Literal):
            contexts.setdefault(claim.subject, PersonContext()).titles.add(title_word(claim.object.value))
        elif claim.predicate in role_properties() and isinstance(claim.object, str) and claim.object in names:
            contexts.setdefault(claim.subject, PersonContext()).organisations.add(names[claim.object])
    return contexts


def stored_context_query() -> str:
    """Roles and titles of the bound ?e (several values), from the store."""
    from kg.ontology import KG

    props = " ".join(KG[p.split(":", 1)[1]].n3() for p in sorted(role_properties()))
    return (
        "SELECT ?e ?org ?title WHERE { { VALUES ?p { " + props + " } ?e ?p ?o . ?o rdfs:label ?org } "
        "UNION { ?e kg:jobTitle ?title } }"
    )


def stored_context(rows) -> PersonContext:
    """A stored person's context from the rows of ``stored_context_query`` (?e ?org ?title)."""
    context = PersonContext()
    for row in rows:
        if row[1] is not None:
            context.organisations.add(normalise_name(str(row[1])))
        if row[2] is not None:
            context.titles.add(title_word(str(row[2])))
    return context
