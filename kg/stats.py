"""Counts a user checks first: documents, entities by class, claims by predicate and factuality."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph

from kg.query import run_query

DOCS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }"
ENTITIES = """
SELECT ?cls (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?e a ?type . ?type rdfs:subClassOf* kg:Entity . FILTER(?type != kg:Entity)
  BIND(STRAFTER(STR(?type), "#") AS ?cls)
} GROUP BY ?cls ORDER BY DESC(?n) ?cls"""
CLAIMS = """
SELECT ?predicate ?factuality (COUNT(DISTINCT ?c) AS ?n) WHERE {
  ?c a kg:Claim ; rdf:predicate ?p ; kg:factuality ?f .
  OPTIONAL { ?p rdfs:label ?label }
  BIND(COALESCE(?label, STR(?p)) AS ?predicate)
  BIND(STRAFTER(STR(?f), "#") AS ?factuality)
} GROUP BY ?predicate ?factuality ORDER BY DESC(?n) ?predicate"""
QUOTES = "SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE { ?q a kg:Quote }"


@dataclass(frozen=True)
class GraphStats:
    documents: int
    triples: int
    quotes: int
    entities: list[tuple[str, int]]  # (class, count)
    claims: list[tuple[str, str, int]]  # (predicate label, factuality, count)

    @property
    def claim_total(self) -> int:
        return sum(n for _, _, n in self.claims)


def _count(graph: Dataset | Graph, query: str) -> int:
    return int(next(iter(run_query(graph, query)))[0])


def graph_stats(graph: Dataset | Graph) -> GraphStats:
    return GraphStats(
        documents=_count(graph, DOCS),
        triples=len(graph),
        quotes=_count(graph, QUOTES),
        entities=[(str(r.cls), int(r.n)) for r in run_query(graph, ENTITIES)],
        claims=[(str(r.predicate), str(r.factuality), int(r.n)) for r in run_query(graph, CLAIMS)],
    )
