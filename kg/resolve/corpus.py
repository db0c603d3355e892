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

from kg.extract.lexicon import ROYALS, lexicon
from kg.resolve.coref import normalise_name
from kg.types import Entity

# The stored entities with any of the given identity keys: IRI -> (class IRIs, its labels and aliases).
StoredNames = Mapping[URIRef, tuple[set[str], set[str]]]


def without_title(name: str) -> str:
    """'Mr Blair' -> 'Blair', 'Dr. Jane Smith' -> 'Jane Smith' (surface form kept otherwise)."""
    words = name.split()
    while len(words) > 1 and (title := words[0].lower().rstrip(".")) in lexicon().titles and title not in ROYALS:
        words = words[1:]
    return " ".join(words)  # "Prince Charles" stays whole: his title is part of how he is named


def normalised(names: Iterable[str], *, titles: bool = True) -> set[str]:
    """Names as comparable keys: normalised, titles dropped unless ``titles`` is False
    ("Mr Tony Blair" -> "tony blair")."""
    return {key for key in (normalise_name(without_title(n) if titles else n) for n in names) if key}


def surname_of(key: str) -> str | None:
    """The last word of a full name; none for a royal's ("prince charles": Charles is his given name)."""
    words = key.split()
    return words[-1] if len(words) > 1 and words[0] not in ROYALS else None


def with_surnames(cls: str, keys: set[str]) -> set[str]:
    return keys | {s for k in keys if (s := surname_of(k))} if cls == "Person" else keys


# Words left out of an organisation's initials ("Ministry of Foreign Affairs" -> "mfa").
MINOR_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&"}


def initials(key: str) -> str:
    """'federal security service' -> 'fss'; '' for names of fewer than three words (too many clash)."""
    words = [w for w in key.split() if w not in MINOR_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 3 else ""


def name_keys(cls: str, names: Iterable[str]) -> set[str]:
    """Identity keys, written as skos:hiddenLabel and looked up by later documents: names normalised
    (a person's without titles), plus a person's surname ("Mr Tony Blair" -> "tony blair", "blair")
    or an organisation's initials ("British Broadcasting Corporation" -> "bbc")."""
    keys = normalised(names, titles=cls == "Person")
    if cls == "Organization":
        keys |= {initials(k) for k in keys} - {""}
    return with_surnames(cls, keys)


def identity_keys(entity: Entity) -> set[str]:
    return set() if entity.doc_scoped else name_keys(entity.cls, {entity.name, *entity.aliases})


def full_and_short(keys: set[str]) -> tuple[set[str], set[str]]:
    """Normalised keys split into full names and one-word names (surnames)."""
    return {k for k in keys if len(k.split()) > 1}, {k for k in keys if len(k.split()) == 1}


def first_and_last(key: str) -> tuple[str, str]:
    words = key.split()
    return words[0], words[-1]


def same_entity(cls: str, ours: set[str], theirs: set[str]) -> bool:
    """Whether two sets of names (labels and aliases) can name one entity of class ``cls``."""
    person = cls == "Person"  # only a person's name loses its title ("General Motors" stays whole)
    return bool(keys_match(cls, normalised(ours, titles=person), normalised(theirs, titles=person)))


def keys_match(cls: str, ours: set[str], theirs: set[str]) -> str:
    """Why two sets of normalised names name one entity ("same name 'acme'"), or "" if they do not."""
    shared = sorted(ours & theirs)
    if cls != "Person":
        if shared:
            return f"same name '{shared[0]}'"
        if cls == "Organization":
            for short, full in [(a, b) for a in ours for b in theirs] + [(b, a) for a in ours for b in theirs]:
                if initials(full) and short.replace(" ", "") == initials(full):
                    return f"'{short}' is the initials of '{full}'"
        return ""
    our_full, our_short = full_and_short(ours)
    their_full, their_short = full_and_short(theirs)
    if our_full and their_full:  # two different full names are two people; a middle name may come and go
        both = {first_and_last(k) for k in our_full} & {first_and_last(k) for k in their_full}
        return f"same first name and surname '{' '.join(min(both))}'" if both else ""
    if our_full or their_full:  # one side is known by a surname only
        full, short = (our_full, their_short) if our_full else (their_full, our_short)
        surnames = sorted(short & {surname_of(k) for k in full})
        if not surnames:
            return ""
        whole = min(k for k in full if surname_of(k) == surnames[0])
        return f"'{surnames[0]}' is the surname of '{whole}'"
    return f"same surname '{sorted(our_short & their_short)[0]}'" if our_short & their_short else ""


def canonical_choices(
    entities: Iterable[Entity],
    own_iri: Callable[[Entity], URIRef],
    class_iri: Callable[[str], URIRef],
    stored_names: Callable[[set[str]], StoredNames],
    kept_apart: set[tuple[URIRef, URIRef]] = frozenset(),
) -> dict[str, tuple[URIRef, str]]:
    """Entity id -> (the stored IRI to write it under, why), for the entities that resolve to one.
    ``kept_apart``: (own IRI, stored IRI) pairs a user has split, never merged again."""
    entities = [e for e in entities if not e.doc_scoped and not e.iri_key]  # a link fixes the others' IRIs
    wanted = {e.id: identity_keys(e) for e in entities}
    stored = stored_names(set().union(*wanted.values())) if wanted else {}
    # each candidate's names normalised once, with titles dropped (the lookup keys) and kept
    stripped = {iri: normalised(names) for iri, (_, names) in stored.items()}
    whole = {iri: normalised(names, titles=False) for iri, (_, names) in stored.items()}
    keys_of: dict[tuple[URIRef, str], set[str]] = {}  # a candidate's identity keys, as a class reads them

    def candidate_keys(iri: URIRef, cls: str) -> set[str]:
        if (iri, cls) not in keys_of:
            keys_of[iri, cls] = name_keys(cls, stored[iri][1])
        return keys_of[iri, cls]

    chosen: dict[str, tuple[URIRef, str]] = {}
    for entity in entities:
        person = entity.cls == "Person"
        own, ours = own_iri(entity), normalised({entity.name, *entity.aliases}, titles=person)
        theirs = stripped if person else whole
        reasons = {
            iri: keys_match(entity.cls, ours, theirs[iri])
            for iri, (classes, _) in stored.items()
            if class_iri(entity.cls) in classes and candidate_keys(iri, entity.cls) & wanted[entity.id]
        }
        matches = [iri for iri, why in reasons.items() if why and (own, iri) not in kept_apart]
        others = [iri for iri in matches if iri != own]
        if person and not full_and_short(ours)[0]:
            # known by a surname only: a placeholder that one full-name match may absorb
            named = [iri for iri in others if full_and_short(theirs[iri])[0]]
            others = named or ([] if own in matches else others)  # a full name first, else one like it
        elif own in matches:
            continue  # a node of its own name exists: stay there
        if len(others) == 1:
            chosen[entity.id] = others[0], reasons[others[0]]
    return chosen
