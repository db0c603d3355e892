"""RDF -> networkx: entities as nodes, claims between entities as edges with their provenance."""

from __future__ import annotations

from typing import Any

from rdflib import Dataset, Graph

from kg.query import run_query

ENTITY_QUERY = """
SELECT DISTINCT ?e ?label ?cls
WHERE {
  ?e a ?type ; rdfs:label ?label .
  ?type rdfs:subClassOf* kg:Entity .
  FILTER(?type != kg:Entity)
  BIND(STRAFTER(STR(?type), "#") AS ?cls)
}
"""

ALIAS_QUERY = "SELECT ?e ?alias WHERE { ?e skos:altLabel ?alias }"

CLAIM_QUERY = """
SELECT ?claim ?s ?p ?o ?plabel ?factuality ?confidence ?sentence ?start ?end ?sstart ?title ?speaker
WHERE {
  ?claim a kg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
         kg:factuality ?f ; kg:confidence ?confidence ; kg:start ?start ; kg:end ?end ;
         kg:sentence ?sent .
  ?sent kg:text ?sentence ; kg:start ?sstart ; kg:inDocument ?doc .
  OPTIONAL { ?doc schema:headline ?title }
  OPTIONAL { ?p rdfs:label ?plabel }
  OPTIONAL { ?claim kg:speaker/rdfs:label ?speaker }
  BIND(STRAFTER(STR(?f), "#") AS ?factuality)
}
"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def to_networkx(graph: Dataset | Graph | Any, *, include_literals: bool = False):
    """A MultiDiGraph of entities (label, cls, aliases) and claims (predicate, factuality, confidence,
    sentence, title, offsets) from an rdflib graph or a kg store. Edges to literals only if asked."""
    import networkx as nx

    g = nx.MultiDiGraph()
    aliases: dict[str, set[str]] = {}
    for row in run_query(graph, ALIAS_QUERY):
        aliases.setdefault(str(row.e), set()).add(str(row.alias))
    labels: dict[str, set[str]] = {}
    for row in run_query(graph, ENTITY_QUERY):
        iri = str(row.e)
        labels.setdefault(iri, set()).add(str(row.label))
        if iri not in g:
            g.add_node(iri, cls=str(row.cls), claims=0)
    for iri, names in labels.items():  # articles may name one entity differently: show the fullest name
        label = max(sorted(names), key=len)
        g.nodes[iri].update(label=label, aliases=sorted((aliases.get(iri, set()) | names) - {label}))
    for row in run_query(graph, CLAIM_QUERY):
        s, o = str(row.s), str(row.o)
        if s not in g:
            continue
        is_literal = o not in g
        if is_literal and not include_literals:
            g.nodes[s].setdefault("attributes", []).append((str(row.plabel or _local(str(row.p))), o))
            continue
        if is_literal:
            g.add_node(o, label=o, cls="Literal", aliases=[], claims=0)
        offset = int(row.sstart)
        g.add_edge(
            s,
            o,
            key=str(row.claim),
            predicate=str(row.p),
            label=str(row.plabel or _local(str(row.p))),
            factuality=str(row.factuality),
            confidence=float(row.confidence),
            sentence=str(row.sentence),
            highlight=(int(row.start) - offset, int(row.end) - offset),
            title=str(row.title or ""),
            speaker=str(row.speaker or ""),
        )
        g.nodes[s]["claims"] += 1
        g.nodes[o]["claims"] += 1
    return g
