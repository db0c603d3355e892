"""kg: news articles in, a provenance-rich RDF knowledge graph out.

>>> import kg
>>> dataset = kg.build(["examples/"])          # rdflib.Dataset, one named graph per article
>>> kg.write_graph(dataset, "out/graph.trig")
>>> kg.run_query(dataset, "SELECT ?s WHERE { ?s kg:spokespersonFor ?o }")
"""

from kg.build import BuildReport, build, build_into, build_text, extractions
from kg.config import Settings
from kg.errors import ConfigError, IngestError, IngestWarning, KGError, ModelNotInstalled, QueryError, StoreError
from kg.ingest import make_document, read_sources
from kg.ontology import KG, OPEN, SCHEMA
from kg.query import named_queries, rows, run_query
from kg.rdfio import load, write_graph
from kg.stats import graph_stats
from kg.store import GraphStore, open_store
from kg.types import Claim, Document, Entity, Extraction, Factuality, Mention, Provenance, Quote
from kg.analysis import communities, explained_path, to_networkx, top
from kg.viz import write_html

__all__ = [
    "build",
    "build_into",
    "BuildReport",
    "build_text",
    "open_store",
    "GraphStore",
    "extractions",
    "load",
    "write_graph",
    "run_query",
    "rows",
    "named_queries",
    "graph_stats",
    "to_networkx",
    "top",
    "explained_path",
    "communities",
    "write_html",
    "read_sources",
    "make_document",
    "Settings",
    "KG",
    "OPEN",
    "SCHEMA",
    "Document",
    "Provenance",
    "Mention",
    "Entity",
    "Claim",
    "Quote",
    "Extraction",
    "Factuality",
    "KGError",
    "ConfigError",
    "ModelNotInstalled",
    "IngestError",
    "IngestWarning",
    "StoreError",
    "QueryError",
]
__version__ = "0.1.0"
