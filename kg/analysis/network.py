"""RDF -> networkx: entities as nodes, claims between entities as edges with their provenance.

Nodes carry label, class, aliases and counts (claims touching them, documents mentioning them);
edges carry the property, factuality, confidence, the source sentence with the mention offsets,
and the document (IRI, headline, date). Literals become node attributes unless asked for as nodes.
"""

from __future__ import annotations

from typing import Any

from rdflib import Dataset, Graph

from kg.ontology import KG, entity_classes, term_label
from kg.query import run_query

def entity_query() -> str:
    """Entities with label and class. The classes come from the ontology file, so a graph that does
    not hold the ontology graph (``kg.build`` leaves it out) works too."""
    types = " ".join(KG[c].n3() for c in entity_classes())
    return (
        f"SELECT DISTINCT ?e ?label ?cls WHERE {{ VALUES ?type {{ {types} }} ?e a ?type ; rdfs:label ?label . "
        'BIND(STRAFTER(STR(?type), "#") AS ?cls) }'
    )

ALIAS_QUERY = "SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias }"
MENTION_QUERY = "SELECT ?e (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?e kg:mentionedIn ?doc } GROUP BY ?e"

CLAIM_QUERY = """
SELECT ?claim ?s ?p ?o ?plabel ?factuality ?confidence ?sentence ?start ?end ?sstart ?doc ?title ?date ?speaker
WHERE {
  ?claim a kg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
         kg:factuality ?f ; kg:confidence ?confidence ; kg:start ?start ; kg:end ?end ;
         kg:sentence ?sent .
  ?sent kg:text ?sentence ; kg:start ?sstart ; kg:inDocument ?doc .
  OPTIONAL { ?doc schema:headline ?title }
  OPTIONAL { ?doc schema:datePublished ?date }
  OPTIONAL { ?p rdfs:label ?plabel }
  OPTIONAL { ?claim kg:speaker/rdfs:label ?speaker }
  BIND(STRAFTER(STR(?f), "#") AS ?factuality)
}
"""


def to_networkx(graph: Dataset | Graph | Any, *, include_literals: bool = False):
    """A MultiDiGraph of entities (label, cls, aliases, claims, documents) and claims between them
    (predicate, label, factuality, confidence, sentence, highlight, document, title, date, speaker)
    from an rdflib graph or dataset or a kg store. Values (dates, numbers) become nodes only with
    ``include_literals``; otherwise they are listed in the node's ``attributes``."""
    import networkx as nx

    g = nx.MultiDiGraph()
    aliases: dict[str, set[str]] = {}
    for row in run_query(graph, ALIAS_QUERY):
        aliases.setdefault(str(row.e), set()).add(str(row.alias))
    labels: dict[str, set[str]] = {}
    for row in run_query(graph, entity_query()):
        iri = str(row.e)
        labels.setdefault(iri, set()).add(str(row.label))
        if iri not in g:
            g.add_node(iri, cls=str(row.cls), claims=0)
    for iri, names in labels.items():  # articles may name one entity differently: show the fullest name
        label = max(sorted(names), key=len)
        g.nodes[iri].update(label=label, aliases=sorted((aliases.get(iri, set()) | names) - {label}), documents=0)
    for row in run_query(graph, MENTION_QUERY):
        if str(row.e) in g:
            g.nodes[str(row.e)]["documents"] = int(row.n)
    for row in run_query(graph, CLAIM_QUERY):
        s, o = str(row.s), str(row.o)
        if s not in g:
            continue
        is_literal = o not in g
        if is_literal and not include_literals:
            g.nodes[s].setdefault("attributes", []).append((str(row.plabel or term_label(str(row.p))), o))
            continue
        if is_literal:
            g.add_node(o, label=o, cls="Literal", aliases=[], claims=0, documents=0)
        offset = int(row.sstart)
        g.add_edge(
            s,
            o,
            key=str(row.claim),
            predicate=str(row.p),
            label=str(row.plabel or term_label(str(row.p))),
            factuality=str(row.factuality),
            confidence=float(row.confidence),
            sentence=str(row.sentence),
            highlight=(int(row.start) - offset, int(row.end) - offset),
            document=str(row.doc),
            title=str(row.title or ""),
            date=str(row.date or ""),
            speaker=str(row.speaker or ""),
        )
        g.nodes[s]["claims"] += 1
        g.nodes[o]["claims"] += 1
    return g
