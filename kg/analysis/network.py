"""RDF -> networkx: entities as nodes, claims between entities as edges with their provenance.

Nodes carry label, class, aliases and counts (claims touching them, documents mentioning them);
edges carry the property, factuality, confidence, the source sentence with the mention offsets,
the document (IRI, headline, date, outlet), and how many documents and outlets assert the fact and
whether another claim contests it. Literals become node attributes unless asked for as nodes.
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
       ?publisher
WHERE {
  ?claim a kg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
         kg:factuality ?f ; kg:confidence ?confidence ; kg:start ?start ; kg:end ?end ;
         kg:sentence ?sent .
  ?sent kg:text ?sentence ; kg:start ?sstart ; kg:inDocument ?doc .
  OPTIONAL { ?doc schema:headline ?title }
  OPTIONAL { ?doc schema:datePublished ?date }
  OPTIONAL { ?doc schema:publisher ?publisher }
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
            outlet=str(row.publisher or row.doc),
        )
        g.nodes[s]["claims"] += 1
        g.nodes[o]["claims"] += 1
    add_corroboration(g)
    return g


def add_corroboration(g) -> None:
    """Each edge gets ``documents`` and ``outlets``: how many documents and publishers assert its fact,
    and ``contested``: whether another claim denies or negates it, or gives a functional property
    (born in, based in) of the same subject another value."""
    from rdflib.namespace import OWL, RDF

    from kg.ontology import ontology_graph

    functional = {str(p) for p in ontology_graph().subjects(RDF.type, OWL.FunctionalProperty)}
    support: dict[tuple, tuple[set, set]] = {}
    denied: set[tuple] = set()
    values: dict[tuple, set] = {}
    for s, o, data in g.edges(data=True):
        fact = (s, data["predicate"], o)
        if data["factuality"] == "asserted":
            documents, outlets = support.setdefault(fact, (set(), set()))
            documents.add(data["document"])
            outlets.add(data["outlet"])
            if data["predicate"] in functional:
                values.setdefault((s, data["predicate"]), set()).add(o)
        elif data["factuality"] in ("denied", "negated"):
            denied.add(fact)
    for s, o, data in g.edges(data=True):
        fact = (s, data["predicate"], o)
        documents, outlets = support.get(fact, (set(), set()))
        data["documents"], data["outlets"] = len(documents), len(outlets)
        data["contested"] = fact in denied and fact in support or len(values.get((s, data["predicate"]), ())) > 1
