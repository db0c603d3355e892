"""Cross-document merges, recorded and reversible.

When a document's entity is written under another document's IRI (kg.resolve.corpus), the
document's merge graph (``<doc>/merges``) records it: ``alias owl:sameAs canonical`` and a kg:Merge
node with the evidence. Removing the document removes its merges. Undoing a merge rewrites the
document graphs that used the canonical IRI back to the alias, deletes the records, and keeps the
pair apart (owl:differentFrom in the kept-apart graph) so later builds do not merge it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.mapping import digest, entity_node
from kg.ontology import DATA, KG, document_iri
from kg.types import Extraction

if TYPE_CHECKING:
    from kg.store.base import GraphStore

KEPT_APART = URIRef(f"{DATA}graph/kept-apart")
KEPT_APART_PAIRS = "SELECT ?a ?b WHERE { GRAPH ?g { ?a owl:differentFrom ?b } }"
MERGES = """SELECT ?record ?alias ?canonical ?doc ?evidence ?name ?graph WHERE {
  GRAPH ?graph { ?record a kg:Merge ; kg:alias ?alias ; kg:canonical ?canonical ; kg:mergedIn ?doc ;
                 kg:evidence ?evidence ; rdfs:label ?name }
  FILTER(STRENDS(STR(?graph), "/merges")) } ORDER BY ?name ?doc"""  # not a union graph holding copies


def merge_graph(doc: URIRef) -> URIRef:
    return URIRef(f"{doc}/merges")


def merge_records(extraction: Extraction, choices: dict[str, tuple[URIRef, str]]) -> set[tuple]:
    """The triples of a document's merge graph: one owl:sameAs and one kg:Merge node per merge."""
    doc = document_iri(extraction.document.id)
    triples: set[tuple] = set()
    for entity in extraction.entities:
        if entity.id not in choices:
            continue
        canonical, evidence = choices[entity.id]
        alias = entity_node(entity, extraction.document.id)
        record = URIRef(f"{merge_graph(doc)}#merge-{digest(alias, canonical)}")
        triples |= {
            (alias, OWL.sameAs, canonical),
            (record, RDF.type, KG.Merge),
            (record, RDFS.label, Literal(entity.name)),
            (record, KG.alias, alias),
            (record, KG.canonical, canonical),
            (record, KG.mergedIn, doc),
            (record, KG.evidence, Literal(evidence)),
        }
    return triples


def graph_triples(store: GraphStore, name: URIRef) -> set[tuple]:
    return {(r[0], r[1], r[2]) for r in store.sparql("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": name})}


def list_merges(store: GraphStore) -> list:
    return list(store.sparql(MERGES))


def unmerge(store: GraphStore, alias: URIRef) -> list[URIRef]:
    """Undo every merge of ``alias``: each document that wrote it under a canonical IRI gets its own
    IRI back. Returns the documents rewritten."""
    rows = [r for r in list_merges(store) if r[1] == alias]
    if not rows:
        return []
    rewritten = []
    for record, _, canonical, doc, _, _, graph in rows:
        back = {(alias if s == canonical else s, p, alias if o == canonical else o) for s, p, o in graph_triples(store, doc)}
        store.replace_graph(doc, back)
        remaining = {t for t in graph_triples(store, graph) if t[0] != record and t != (alias, OWL.sameAs, canonical)}
        if remaining:
            store.replace_graph(graph, remaining)
        else:
            store.drop_graph(graph)
        rewritten.append(doc)
    kept = {(alias, OWL.differentFrom, canonical) for _, _, canonical, *_ in rows}
    store.replace_graph(KEPT_APART, graph_triples(store, KEPT_APART) | kept)  # one read and one write
    store._kept_apart = None  # read again on the next put
    return rewritten
