"""Cross-document identity: an entity in a new document takes the IRI of a stored entity it shares a
name with, so that "Putin" in one article and "Vladimir Putin" in another are one node.

Within a document, kg.resolve.coref already ties "Putin" to "Vladimir Putin" and records the short
form as an alias. Across documents, when a document is stored:

- every entity is written with identity keys (skos:hiddenLabel: its names normalised, titles
  dropped, and a person's surname); candidates are stored entities of the same class sharing a key;
- people match when they share a full name, or when one side is known only by a surname that is the
  other's surname; two different full names ("John Smith", "Jane Smith") never match;
- other classes match on a shared name (label or alias);
- the IRI is taken only when exactly one other candidate matches; an entity already at the new
  entity's own IRI wins, except for a person known only by a surname, which joins the one full name
  it matches; an ambiguous surname ("Brown", with several Browns stored) keeps its own IRI.

Each document's graph keeps its own labels for the node, so removing a document never leaves
another's entity unnamed.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping

from rdflib import URIRef

from kg.extract.lexicon import lexicon
from kg.resolve.coref import normalise_name
from kg.types import Entity

# The stored entities with any of the given identity keys: IRI -> (class IRIs, its labels and aliases).
StoredNames = Mapping[URIRef, tuple[set[str], set[str]]]


def without_title(name: str) -> str:
    """'Mr Blair' -> 'Blair', 'Dr. Jane Smith' -> 'Jane Smith' (surface form kept otherwise)."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in lexicon().titles:
        words = words[1:]
    return " ".join(words)


def name_keys(cls: str, names: Iterable[str]) -> set[str]:
    """Identity keys, written as skos:hiddenLabel and looked up by later documents: names normalised
    and without titles, plus a person's surname ("Mr Tony Blair" -> "tony blair", "blair")."""
    keys = {normalise_name(without_title(n)) for n in names}
    if cls == "Person":
        keys |= {k.split()[-1] for k in keys if len(k.split()) > 1}
    return {k for k in keys if k}


def identity_keys(entity: Entity) -> set[str]:
    return set() if entity.doc_scoped else name_keys(entity.cls, {entity.name, *entity.aliases})


def person_names(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """(full names, surnames-only) as normalised keys, titles dropped."""
    keys = {normalise_name(without_title(n)) for n in names}
    full = {k for k in keys if len(k.split()) > 1}
    return full, {k for k in keys if k and len(k.split()) == 1}


def first_and_last(key: str) -> tuple[str, str]:
    words = key.split()
    return words[0], words[-1]


def same_entity(cls: str, ours: set[str], theirs: set[str]) -> bool:
    if cls != "Person":
        return bool({normalise_name(n) for n in ours} & {normalise_name(n) for n in theirs})
    our_full, our_short = person_names(ours)
    their_full, their_short = person_names(theirs)
    if our_full and their_full:  # two different full names are two people; a middle name may come and go
        return bool({first_and_last(k) for k in our_full} & {first_and_last(k) for k in their_full})
    if our_full:  # they are known by a surname only
        return bool(their_short & {k.split()[-1] for k in our_full})
    if their_full:
        return bool(our_short & {k.split()[-1] for k in their_full})
    return bool(our_short & their_short)


def canonical_iris(
    entities: Iterable[Entity],
    own_iri: Callable[[Entity], URIRef],
    class_iri: Callable[[str], URIRef],
    stored_names: Callable[[set[str]], StoredNames],
) -> dict[str, URIRef]:
    """Entity id -> the IRI to write it under, for the entities that resolve to a stored one."""
    entities = [e for e in entities if not e.doc_scoped]
    wanted = {e.id: identity_keys(e) for e in entities}
    stored = stored_names(set().union(*wanted.values())) if wanted else {}
    chosen: dict[str, URIRef] = {}
    for entity in entities:
        own = own_iri(entity)
        matches = [
            iri
            for iri, (classes, names) in stored.items()
            if class_iri(entity.cls) in classes
            and name_keys(entity.cls, names) & wanted[entity.id]
            and same_entity(entity.cls, {entity.name, *entity.aliases}, names)
        ]
        others = [iri for iri in matches if iri != own]
        if surname_only(entity):
            named = [iri for iri in others if person_names(stored[iri][1])[0]]
            others = named or ([] if own in matches else others)  # a full name first, else one like it
        elif own in matches:
            continue  # a node of its own name exists: stay there
        if len(others) == 1:
            chosen[entity.id] = others[0]
    return chosen


def surname_only(entity: Entity) -> bool:
    """A person named by one word only ("Blair", "Mr Blair"): such a node is a placeholder that one
    full-name match may absorb."""
    full, _ = person_names({entity.name, *entity.aliases})
    return entity.cls == "Person" and not full
