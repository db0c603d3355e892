"""Namespaces and IRIs. kg's own terms come from a closed namespace read from ontology/kg.ttl,
so a misspelt term raises instead of minting a new predicate."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, ClosedNamespace

from kg.config import ONTOLOGY_DIR

KG_URI = "https://example.org/kg/ontology#"
ONTOLOGY_GRAPH = URIRef("https://example.org/kg/ontology")
DATA = "https://example.org/kg/"
OPEN = Namespace("https://example.org/kg/open#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {
    "kg": KG_URI,
    "open": str(OPEN),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": str(RDF),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


def _kg_terms() -> list[str]:
    return sorted({str(s)[len(KG_URI) :] for s in ontology_graph().subjects() if str(s).startswith(KG_URI)})


KG = ClosedNamespace(KG_URI, _kg_terms())


@lru_cache(maxsize=1)
def entity_classes() -> tuple[str, ...]:
    """The local names of kg:Entity's subclasses in ontology/kg.ttl ("Person", "City", ...)."""
    from rdflib.namespace import RDFS

    found = set(ontology_graph().transitive_subjects(RDFS.subClassOf, KG.Entity)) - {KG.Entity}
    return tuple(sorted(str(c).removeprefix(KG_URI) for c in found))


@lru_cache(maxsize=1)
def _ontology_labels() -> dict[str, str]:
    from rdflib.namespace import RDFS

    return {str(s): str(o) for s, o in ontology_graph().subject_objects(RDFS.label)}


def term_label(iri: str) -> str:
    """A term's rdfs:label from ontology/kg.ttl ('spokesperson for'), else its local name."""
    return _ontology_labels().get(iri) or iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# A slug is kept bare only when the name can be read back from it exactly: words of a-z and 0-9
# separated by single spaces, short enough to keep whole. Anything else (punctuation, letters
# outside a-z, a cut) gets a hash of the exact name, so two names never share an IRI.
PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
MAX_SLUG = 80
DIGEST_HEX = 16  # 64 bits of sha256: finding another name with the same digest is out of reach
# A bare slug never ends in what looks like a digest, so a bare slug and a hashed one never meet.
DIGEST_TAIL = re.compile(rf"(?:^|-)[0-9a-f]{{{DIGEST_HEX}}}$")


def slug(text: str) -> str:
    """A readable, IRI-safe form of a name, one-to-one: 'smith wesson' -> 'smith-wesson', while
    'smith & wesson' -> 'smith-wesson-' + a hash of the exact text (as for a cut or a non-a-z letter)."""
    bare = text.replace(" ", "-")
    if PLAIN.fullmatch(text) and len(bare) <= MAX_SLUG and not DIGEST_TAIL.search(bare):
        return bare
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    cleaned = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:MAX_SLUG]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_HEX]
    return f"{cleaned}-{digest}" if cleaned else digest


def document_iri(doc_id: str) -> URIRef:
    return URIRef(f"{DATA}doc/{doc_id}")


def entity_iri(cls: str, key_name: str, doc_id: str | None = None) -> URIRef:
    """From the class and normalised name; descriptions ("the uncle") are scoped to their document."""
    if doc_id is not None:
        return URIRef(f"{document_iri(doc_id)}#{cls.lower()}-{slug(key_name)}")
    return URIRef(f"{DATA}entity/{cls.lower()}/{slug(key_name)}")


def property_iri(name: str) -> URIRef:
    """'kg:worksFor' -> the closed-namespace term; 'open:arrive_in' -> an open-relation IRI."""
    prefix, local = name.split(":", 1)
    if prefix == "kg":
        return KG[local]
    if prefix == "open":
        return OPEN[slug(local.replace("_", " ")).replace("-", "_")]
    raise ValueError(f"unknown property prefix in {name!r}")
