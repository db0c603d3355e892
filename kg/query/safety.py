"""What a query may do in kg: read the graphs kg holds, nothing else.

Updates and LOAD are refused (the CLI, the library and the endpoint only read); SERVICE is refused
(it would make the engine call another server); FROM and FROM NAMED may only name graphs the data
holds, because rdflib fetches a graph it does not hold from the web (or from a local file).
"""

from __future__ import annotations

import re
from typing import Callable

from rdflib import URIRef

from kg.errors import QueryError
from kg.store.terms import code_only

# Keywords of SPARQL Update and of reaching other servers, outside strings, IRIs and comments.
FORBIDDEN = re.compile(r"(?<![?$:\w])(SERVICE|LOAD|INSERT|DELETE|CLEAR|DROP|CREATE|COPY|MOVE|ADD)\b", re.IGNORECASE)
FROM = re.compile(r"(?<![?$:\w])FROM\b", re.IGNORECASE)


class QueryRefused(QueryError):
    """A query kg will not run; ``status`` is the HTTP status the endpoint answers with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_read_only(query: str) -> None:
    found = FORBIDDEN.search(code_only(query))
    if found is None:
        return
    word = found.group(1).upper()
    if word == "SERVICE":
        raise QueryRefused(400, "SERVICE is refused: kg does not query other servers")
    raise QueryRefused(403, f"{word} is refused: queries here only read")


def dataset_graphs(query: str) -> list[URIRef]:
    """The IRIs a query's FROM and FROM NAMED clauses name (prefixes expanded), in order."""
    if not FROM.search(code_only(query)):
        return []
    from rdflib.plugins.sparql import prepareQuery

    from kg.ontology import PREFIXES

    try:
        prepared = prepareQuery(query, initNs=PREFIXES)
    except Exception:  # a syntax error: the engine reports it with its own message
        return []
    return [clause.default or clause.named for clause in (prepared.algebra.datasetClause or [])]


def check_graphs(query: str, holds: Callable[[URIRef], bool]) -> None:
    """Refuse FROM <iri> for a graph ``holds`` says is not there: it would be fetched, not read."""
    for iri in dataset_graphs(query):
        if not holds(iri):
            raise QueryRefused(
                400, f"FROM <{str(iri)[:200]}>: no graph of that name here, and kg fetches nothing from elsewhere"
            )
