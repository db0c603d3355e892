"""Extraction -> RDF quads, one named graph per document.

Model (see README, "The graph"):
- entity: rdf:type kg class, rdfs:label, skos:altLabel, kg:mentionedIn document;
- asserted claim: a plain triple, plus a kg:Claim node (rdf:subject/predicate/object) with
  kg:sentence, kg:start/kg:end, kg:extractor, kg:confidence, kg:factuality [, kg:speaker, kg:cue];
  claims that are reported, denied, negated, hypothetical or former get the node only;
- one kg:Sentence node per sentence that supports something (text, offsets, kg:inDocument);
- quotes: kg:Quote nodes with kg:speaker, kg:cue, kg:quotedText, and speaker kg:quoted quote;
- time: a claim's kg:time points to a kg:TimeExpression (words, offsets, kg:earliest/kg:latest days).
"""

from __future__ import annotations

import hashlib
from decimal import Decimal
from typing import Any, Mapping, Protocol

from rdflib import Dataset, Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kg.ontology import (
    KG,
    ONTOLOGY_GRAPH,
    OPEN,
    PREFIXES,
    SCHEMA,
    document_iri,
    entity_iri,
    ontology_graph,
    property_iri,
)
from kg.resolve.corpus import identity_keys
from kg.types import Claim, Entity, Extraction, Factuality, Literal, TimeMention

DATATYPES = {"string": None, "date": XSD.date, "integer": XSD.integer}


def bind_prefixes(graph: Graph | Dataset) -> None:
    for prefix, uri in PREFIXES.items():
        graph.bind(prefix, uri, replace=True)


def entity_node(entity: Entity, doc_id: str) -> URIRef:
    name_key = entity.iri_key or entity.id.removeprefix(f"{doc_id}:").split(":", 1)[1]
    return entity_iri(entity.cls, name_key, doc_id if entity.doc_scoped else None)


def digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


class TripleSink(Protocol):
    """Where a document's triples go: an rdflib Graph, or a plain set when they are bound for a store
    (a set is several times cheaper to fill than an indexed Graph)."""

    def add(self, triple: tuple, /) -> Any: ...


def add_extraction(dataset: Dataset, extraction: Extraction, iris: Mapping[str, URIRef] | None = None) -> URIRef:
    """Write one document's graph (replacing any earlier version of it) and return its IRI."""
    doc = document_iri(extraction.document.id)
    dataset.remove_graph(doc)
    return write_document(dataset.graph(doc), extraction, iris)


def document_triples(
    extraction: Extraction, iris: Mapping[str, URIRef] | None = None
) -> tuple[URIRef, set[tuple]]:
    """One document's graph as its IRI and a set of triples."""
    triples: set[tuple] = set()
    return write_document(triples, extraction, iris), triples


def write_document(graph: TripleSink, extraction: Extraction, iris: Mapping[str, URIRef] | None = None) -> URIRef:
    """``iris``: entity id -> IRI for entities resolved to a node of another document's name."""
    iris = iris or {}
    document = extraction.document
    doc = document_iri(document.id)
    graph.add((doc, RDF.type, KG.Document))
    if document.title:
        graph.add((doc, SCHEMA.headline, RDFLiteral(document.title)))
    if document.published:
        graph.add((doc, SCHEMA.datePublished, RDFLiteral(document.published, datatype=XSD.date)))
    if document.source:
        graph.add((doc, KG.sourcePath, RDFLiteral(document.source)))
    graph.add((doc, KG.minConfidence, decimal(extraction.min_confidence)))
    for key in ("author", "url", "publisher"):  # the publisher tells independent sources apart
        if document.meta.get(key):
            graph.add((doc, SCHEMA[key], RDFLiteral(str(document.meta[key]))))

    nodes = {e.id: iris.get(e.id) or entity_node(e, document.id) for e in extraction.entities}
    for entity in extraction.entities:
        node = nodes[entity.id]
        graph.add((node, RDF.type, KG[entity.cls]))
        graph.add((node, RDFS.label, RDFLiteral(entity.name)))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, RDFLiteral(alias)))
        for key in identity_keys(entity):  # what later documents look the entity up by
            graph.add((node, SKOS.hiddenLabel, RDFLiteral(key)))
        for link in entity.links:
            graph.add((node, OWL.sameAs, URIRef(link)))
        graph.add((node, KG.mentionedIn, doc))

    sentences = {s.index: s for s in extraction.sentences}
    used_sentences = set()
    for claim in extraction.claims:
        if claim.subject not in nodes or (isinstance(claim.object, str) and claim.object not in nodes):
            continue
        used_sentences.add(claim.provenance.sentence)
        claim_node = add_claim(graph, doc, claim, nodes, sure=claim.confidence >= extraction.min_confidence)
        for time in extraction.times:
            if time.sentence == claim.provenance.sentence and claim.provenance.start <= time.verb < claim.provenance.end:
                graph.add((claim_node, KG.time, add_time(graph, doc, time)))
    for quote in extraction.quotes:
        if quote.speaker not in nodes:
            continue
        used_sentences.add(quote.provenance.sentence)
        node = URIRef(f"{doc}#quote-{digest(quote.start, quote.end)}")
        graph.add((node, RDF.type, KG.Quote))
        graph.add((node, KG.speaker, nodes[quote.speaker]))
        graph.add((nodes[quote.speaker], KG.quoted, node))
        graph.add((node, KG.quotedText, RDFLiteral(quote.text)))
        graph.add((node, KG.direct, RDFLiteral(quote.direct)))
        if quote.cue:
            graph.add((node, KG.cue, RDFLiteral(quote.cue)))
        add_provenance(graph, doc, node, quote.provenance, quote.confidence, start=quote.start, end=quote.end)
    for index in sorted(used_sentences):
        sentence = sentences[index]
        node = sentence_iri(doc, index)
        graph.add((node, RDF.type, KG.Sentence))
        graph.add((node, KG.text, RDFLiteral(sentence.text)))
        graph.add((node, KG.sentenceIndex, RDFLiteral(index)))
        graph.add((node, KG.start, RDFLiteral(sentence.start)))
        graph.add((node, KG.end, RDFLiteral(sentence.end)))
        graph.add((node, KG.inDocument, doc))
    return doc


def sentence_iri(doc: URIRef, index: int) -> URIRef:
    return URIRef(f"{doc}#sentence-{index}")


def add_provenance(
    graph: TripleSink, doc: URIRef, node: URIRef, provenance, confidence: float, *, start: int, end: int
) -> None:
    graph.add((node, KG.sentence, sentence_iri(doc, provenance.sentence)))
    graph.add((node, KG.start, RDFLiteral(start)))
    graph.add((node, KG.end, RDFLiteral(end)))
    graph.add((node, KG.extractor, RDFLiteral(provenance.extractor)))
    graph.add((node, KG.confidence, decimal(confidence)))


def add_time(graph: TripleSink, doc: URIRef, time: TimeMention) -> URIRef:
    """A time expression node: its words, where they are, and the days they cover."""
    node = URIRef(f"{doc}#time-{digest(time.start, time.end)}")
    graph.add((node, RDF.type, KG.TimeExpression))
    graph.add((node, KG.text, RDFLiteral(time.text)))
    graph.add((node, KG.earliest, RDFLiteral(time.earliest, datatype=XSD.date)))
    graph.add((node, KG.latest, RDFLiteral(time.latest, datatype=XSD.date)))
    graph.add((node, KG.sentence, sentence_iri(doc, time.sentence)))
    graph.add((node, KG.start, RDFLiteral(time.start)))
    graph.add((node, KG.end, RDFLiteral(time.end)))
    return node


def decimal(value: float) -> RDFLiteral:
    return RDFLiteral(Decimal(str(round(value, 2))), datatype=XSD.decimal)


def add_claim(graph: TripleSink, doc: URIRef, claim: Claim, nodes: dict[str, URIRef], *, sure: bool = True) -> URIRef:
    """The claim node with its provenance; an asserted claim that is ``sure`` is also a plain triple."""
    predicate = property_iri(claim.predicate)
    if isinstance(claim.object, Literal):
        obj = RDFLiteral(claim.object.value, datatype=DATATYPES[claim.object.datatype])
    else:
        obj = nodes[claim.object]
    subject = nodes[claim.subject]
    if claim.factuality == Factuality.ASSERTED and sure:
        graph.add((subject, predicate, obj))
    if predicate.startswith(str(OPEN)):
        graph.add((predicate, RDF.type, RDF.Property))
        graph.add((predicate, RDFS.label, RDFLiteral(claim.predicate.split(":", 1)[1].replace("_", " "))))
    node = URIRef(f"{doc}#claim-{digest(subject, predicate, obj, claim.provenance.start, claim.provenance.end)}")
    graph.add((node, RDF.type, KG.Claim))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, KG.factuality, KG[claim.factuality.value]))
    if claim.speaker is not None and claim.speaker in nodes:
        graph.add((node, KG.speaker, nodes[claim.speaker]))
    if claim.cue:
        graph.add((node, KG.cue, RDFLiteral(claim.cue)))
    add_provenance(
        graph, doc, node, claim.provenance, claim.confidence, start=claim.provenance.start, end=claim.provenance.end
    )
    return node


def new_dataset(*, with_ontology: bool = False) -> Dataset:
    """An empty dataset whose default graph is the union of its named graphs.

    ``with_ontology`` adds ontology/kg.ttl as its own named graph, so queries can follow
    rdfs:subPropertyOf and read property labels from the same file.
    """
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    if with_ontology:
        graph = dataset.graph(ONTOLOGY_GRAPH)
        for triple in ontology_graph():
            graph.add(triple)
    return dataset
