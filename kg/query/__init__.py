"""SPARQL over kg graphs: named queries kept as .rq files, prefixes bound, results as rows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Mapping

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from kg.errors import QueryError
from kg.ontology import PREFIXES

QUERY_DIR = Path(__file__).parent / "queries"
# Characters an IRI may not contain (SPARQL's IRIREF): they would end or break the <...>.
BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def named_queries() -> dict[str, Path]:
    """Queries shipped with kg, by file stem ('who_said_what')."""
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def resolve_query(text_or_ref: str) -> str:
    """A query string, '@path/to/file.rq', or '@name' of a shipped query."""
    if not text_or_ref.startswith("@"):
        return text_or_ref
    ref = text_or_ref[1:]
    path = Path(ref)
    if path.is_file():
        return path.read_text(encoding="utf-8")
    if ref in named_queries():
        return named_queries()[ref].read_text(encoding="utf-8")
    raise QueryError(f"{ref}: no such query file or named query; see `kg query --list`")


def run_query(graph: Dataset | Graph | Any, query: str, bindings: Mapping[str, Any] | None = None) -> Result:
    """Run SPARQL with kg's prefixes predeclared. Values go in ``bindings``, never into the text.

    ``graph`` is an rdflib graph or dataset, or a kg store (kg.store), which runs the query itself."""
    from kg.offline import offline, refused_fetch
    from kg.query.safety import check_query, recursion_room

    bindings = {name: as_term(value) for name, value in (bindings or {}).items()}
    if callable(getattr(graph, "sparql", None)):
        return graph.sparql(check_query(query, graph.has_graph), bindings)
    query = check_query(query, lambda name: hasattr(graph, "get_context") and len(graph.get_context(name)) > 0)
    try:
        with offline(), recursion_room():  # rdflib evaluates lazily: the rows are read inside too
            result = graph.query(query, initNs=PREFIXES, initBindings=bindings)
            result.bindings  # noqa: B018  (forces evaluation)
        return result
    except Exception as exc:  # pyparsing and rdflib raise their own types for syntax errors
        refused = refused_fetch(exc)
        if refused is not None:
            raise QueryError(f"query refused: {refused}") from None
        raise QueryError(f"query failed: {exc.__class__.__name__}: {str(exc).splitlines()[0][:300]}") from exc


def as_term(value: Any) -> Identifier:
    """A bound value: RDF terms as they are, anything else as a plain literal. IRIs must be valid."""
    if isinstance(value, URIRef) and BAD_IRI.search(str(value)):
        raise QueryError(f"cannot bind {str(value)[:80]!r}: not a valid IRI")
    return value if isinstance(value, Identifier) else Literal(str(value))


def rows(result: Result) -> tuple[list[str], list[list[str]]]:
    """Column names and rows of plain strings (empty for unbound)."""
    if result.type == "ASK":
        return ["answer"], [[str(bool(result.askAnswer)).lower()]]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return ["subject", "predicate", "object"], [[str(t) for t in triple] for triple in result.graph]
    names = [str(v) for v in result.vars]
    return names, [["" if value is None else str(value) for value in row] for row in result]
