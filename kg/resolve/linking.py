"""Linking entities to identifiers outside kg, offline: places to GeoNames, anything to a user's
knowledge base. A link is written as owl:sameAs, and an entity linked to one identifier gets an IRI
made from it, so homonyms ("London" in Ontario and in England) stay apart across documents and the
names a knowledge base lists for one identifier ("Rainbow Railroad", "the Railroad") come together.

A city name is read in the context of its document: the GeoNames city of that name in a country the
document mentions (or a US state it mentions) wins; otherwise the most populous one, if the document
names no country or that city is well known (500,000 people or more).

A knowledge base is a CSV file (columns name, iri and optionally class: a kg class such as Person)
or an RDF file whose subjects carry rdfs:label / skos:altLabel / skos:prefLabel and optionally an
rdf:type from the kg ontology. The first name given for an IRI names its node. Every IRI is
checked when the file is read: one that is not valid (a space, '<', no scheme) refuses the whole
knowledge base with one line naming the file and the line, before any article is read, as an
unreadable knowledge base is refused; a build never half-links with a file the user thinks is whole.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from kg.errors import KGError
from kg.resolve.coref import normalise_name
from kg.resolve.places import Place, country_for_demonym, gazetteer, place_key
from kg.types import Claim, Entity, Extraction, Provenance

EXTRACTOR = "kg.linking.v1"
PLACE_CLASSES = {"Place", "City", "Country"}
# A city this populous is linked even when the document names only other countries ("Paris" in an
# article about Germany); a smaller one then stays unlinked rather than land in the wrong country.
WELL_KNOWN = 500_000


@dataclass(frozen=True)
class KnownEntity:
    iri: str
    name: str  # the knowledge base's first name for it
    cls: str | None  # a kg class local name, or None for any


KnowledgeBase = dict[str, tuple[KnownEntity, ...]]  # normalised name -> the entries with that name


def context_countries(entities: tuple[Entity, ...]) -> set[str]:
    """ISO codes of the countries a document names, and US for a US state."""
    places = gazetteer()
    codes = set()
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            key = place_key(name)
            found = places.countries.get(key) or places.regions.get(key)
            if found is not None:
                codes.add(found.country)
    return codes


def place_for(entity: Entity, countries: set[str]) -> Place | None:
    places = gazetteer()
    key = place_key(entity.name)
    if entity.cls in ("Country", "Place"):
        found = places.countries.get(key) or places.regions.get(key)
        if found is not None:
            return found
    if entity.cls not in ("City", "Place"):
        return None
    candidates = places.homonyms.get(key, ())
    in_context = [p for p in candidates if p.country in countries]
    if in_context:
        return in_context[0]
    if candidates and (not countries or candidates[0].population >= WELL_KNOWN):
        return candidates[0]
    # The document names other countries and this is no famous city: leave it unlinked. "Ontario" next
    # to "Canada" is the province, not the Californian city of that name (GeoNames' city table has no
    # provinces); the price is that Geneva in an article naming only Russia and Canada stays unlinked.
    return None


def link_place(entity: Entity, countries: set[str]) -> Entity:
    place = place_for(entity, countries)
    if place is None:
        return entity
    # a city's IRI carries its GeoNames id: two Londons are two nodes; countries and states are unique by name
    key = f"{normalise_name(entity.name)} {place.geonameid}" if place.cls == "City" else ""
    return replace(entity, links=(*entity.links, place.iri), iri_key=key or entity.iri_key)


def link_known(entity: Entity, kb: KnowledgeBase) -> Entity:
    found = {
        known
        for name in (entity.name, *entity.aliases)
        for known in kb.get(normalise_name(name), ())
        if known.cls in (None, entity.cls)
    }
    if len({k.iri for k in found}) != 1:
        return entity  # unknown, or a name the knowledge base gives to several things
    known = found.pop()
    return replace(entity, links=(*entity.links, known.iri), iri_key=normalise_name(known.name))


def nationalities(extraction: Extraction) -> Extraction:
    """A nationality ("Russian") names its country: the country joins the document's entities (if
    not there already) and a kg:demonymOf claim, anchored at the nationality's first mention, joins them."""
    entities = {e.id: e for e in extraction.entities}
    claims = list(extraction.claims)
    for group in [e for e in extraction.entities if e.cls == "Group" and e.mentions]:
        country = country_for_demonym(group.name)
        if country is None:
            continue
        key = f"Country:{normalise_name(country.name)}"
        if key not in entities:
            entities[key] = Entity(key, country.name, "Country", (), group.mentions)
        first = group.mentions[0]
        provenance = Provenance(extraction.document.id, first.sentence, first.start, first.end, EXTRACTOR)
        claims.append(Claim(group.id, "kg:demonymOf", key, provenance, 0.95))
    return replace(extraction, entities=tuple(sorted(entities.values(), key=lambda e: e.id)), claims=tuple(claims))


def link_entities(extraction: Extraction, kb_path: str | None = None) -> Extraction:
    """The extraction with its entities linked (places to GeoNames; any to the knowledge base) and
    its nationalities tied to their countries."""
    kb = knowledge_base(kb_path) if kb_path else {}
    extraction = nationalities(extraction)
    countries = context_countries(extraction.entities)
    linked = []
    for entity in extraction.entities:
        if entity.doc_scoped:
            linked.append(entity)
            continue
        if kb:
            entity = link_known(entity, kb)
        if entity.cls in PLACE_CLASSES and not entity.iri_key:
            entity = link_place(entity, countries)
        linked.append(entity)
    return replace(extraction, entities=tuple(linked))


@lru_cache(maxsize=4)
def knowledge_base(path: str) -> KnowledgeBase:
    """Read a user's knowledge base once per process (CSV, or any RDF format rdflib reads)."""
    source = Path(path)
    if not source.is_file():
        raise KGError(f"{path}: no such knowledge-base file; give a CSV (name,iri[,class]) or an RDF file")
    entries = read_csv(source) if source.suffix.lower() == ".csv" else read_rdf(source)
    kb: dict[str, list[KnownEntity]] = {}
    for name, known in entries:
        key = normalise_name(name)
        if key and known not in kb.setdefault(key, []):
            kb[key].append(known)
    return {k: tuple(v) for k, v in kb.items()}


ABSOLUTE = ("http://", "https://", "urn:")


def iri_problem(iri: str) -> str:
    """What makes ``iri`` unusable as a node ('a space at 22'), or '' if it is a valid IRI. The
    store's own IRI parser decides, so a knowledge base that is read is one that can be written."""
    import pyoxigraph

    bad = next((i for i, ch in enumerate(iri) if ch in '<>"{}|\\^`' or ord(ch) <= 0x20 or 0x7F <= ord(ch) <= 0x9F), -1)
    if bad >= 0:
        return f"{'a space' if iri[bad] == ' ' else repr(iri[bad])} at character {bad + 1}"
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError as exc:
        return str(exc)[:100]
    return ""


def shown(text: str) -> str:
    """Untrusted text for a one-line message: quoted, escaped, and not too long."""
    return repr(text if len(text) <= 120 else text[:120] + "…")


def read_csv(source: Path) -> list[tuple[str, KnownEntity]]:
    first_name: dict[str, str] = {}
    entries = []
    with source.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"name", "iri"} <= set(reader.fieldnames):
            raise KGError(f"{source}: a knowledge-base CSV needs the columns name and iri (and optionally class)")
        for row in reader:
            number = reader.line_num  # the line the row ends on (a quoted cell may span lines)
            name, iri = (row.get("name") or "").strip(), (row.get("iri") or "").strip()
            if not name or not iri.startswith(ABSOLUTE):
                raise KGError(f"{source} line {number}: needs a name and an absolute IRI (http://, https:// or urn:)")
            problem = iri_problem(iri)
            if problem:
                raise KGError(f"{source} line {number}: {shown(iri)} is not a valid IRI ({problem}); "
                              "percent-encode it (a space is %20) or fix the row")  # fmt: skip
            first_name.setdefault(iri, name)
            cls = (row.get("class") or "").strip() or None
            entries.append((name, KnownEntity(iri, first_name[iri], cls)))
    return entries


def read_rdf(source: Path) -> list[tuple[str, KnownEntity]]:
    from rdflib import Dataset, URIRef
    from rdflib.namespace import RDF, RDFS, SKOS

    from kg.ontology import KG_URI
    from kg.rdfio import SINGLE_GRAPH, format_for, parse_offline

    graph = Dataset(default_union=True)  # any RDF format, with or without named graphs
    fmt = format_for(source, reading=True)
    term_log = logging.getLogger("rdflib.term")  # its "does not look like a valid URI": kg says so itself, below
    level = term_log.level
    term_log.setLevel(logging.ERROR)
    try:
        parse_offline(graph.default_graph if fmt in SINGLE_GRAPH else graph, source, fmt)
    finally:
        term_log.setLevel(level)
    entries = []
    for subject in sorted(set(graph.subjects()), key=str):
        if not isinstance(subject, URIRef):
            continue
        names = [str(o) for p in (SKOS.prefLabel, RDFS.label, SKOS.altLabel) for o in graph.objects(subject, p)]
        types = [str(t)[len(KG_URI):] for t in graph.objects(subject, RDF.type) if str(t).startswith(KG_URI)]
        problem = iri_problem(str(subject)) if names else None
        if problem:
            raise KGError(f"{source}: the subject {shown(str(subject))} is not a valid IRI ({problem}); "
                          "fix it in the file")
        for name in names:
            entries.append((name, KnownEntity(str(subject), names[0], types[0] if types else None)))
    return entries
