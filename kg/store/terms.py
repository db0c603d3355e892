"""Moving RDF terms and query results between rdflib and pyoxigraph, and binding values safely."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, Iterable, Mapping

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result

from kg.errors import QueryError
from kg.query import as_term


def to_ox(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype is not None else None
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))
    raise TypeError(f"unsupported term from the store: {term!r}")


def to_quads(triples: Iterable[tuple], graph: URIRef) -> list:
    import pyoxigraph as ox

    name = ox.NamedNode(str(graph))
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in triples]


def as_result(answer, limit: int | None = None) -> Result:
    """A pyoxigraph answer (solutions, boolean or triples) as an rdflib Result, of at most ``limit``
    rows or triples when given (the rest is never read)."""
    import pyoxigraph as ox

    answer_items = answer if limit is None or isinstance(answer, ox.QueryBoolean) else islice(answer, limit)

    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QueryTriples):
        result = Result("CONSTRUCT")
        graph = Graph()
        for triple in answer_items:
            graph.add((from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)))
        result.graph = graph
        return result
    result = Result("SELECT")
    variables = [Variable(v.value) for v in answer.variables]
    result.vars = variables
    result.bindings = [
        {var: from_ox(solution[str(var)]) for var in variables if solution[str(var)] is not None}
        for solution in answer_items
    ]
    return result


def sparql_value(value: Any) -> str:
    """A bound value as SPARQL syntax that can only ever be that one term."""
    return as_term(value).n3()  # IRIs checked for stray characters; rdflib escapes literals


# Long strings, short strings, IRIs and comments: the parts of a query whose text is not syntax.
NOT_CODE = re.compile(
    r'"""[\s\S]*?"""|'
    r"'''[\s\S]*?'''|"
    r'"(?:[^"\\\n]|\\.)*"|'
    r"'(?:[^'\\\n]|\\.)*'|"
    r'<[^<>\s"{}|^`\\]*>|#[^\n]*'
)


def code_only(query: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length, so offsets still hold)."""
    return NOT_CODE.sub(lambda m: " " * len(m.group(0)), query)


def with_values(query: str, bindings: Mapping[str, Any]) -> str:
    """Bind variables by a VALUES block opening the query's WHERE group, so that aggregates and
    unprojected variables see the bound value (a VALUES clause at the end would join too late)."""
    if not bindings:
        return query
    names = " ".join(f"?{name}" for name in bindings)
    if any(not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) for name in bindings):
        raise QueryError(f"cannot bind {names}: variable names are letters, digits and _")
    values = " ".join(sparql_value(v) for v in bindings.values())
    at = where_brace(query)
    return f"{query[: at + 1]} VALUES ({names}) {{ ({values}) }} {query[at + 1 :]}"


def where_brace(query: str) -> int:
    """Index of the '{' that opens the WHERE group, or the first group when WHERE is left out."""
    code = code_only(query)
    where = re.search(r"(?<![\w?$])WHERE\s*\{", code, re.IGNORECASE)
    if where:
        return where.end() - 1
    if "{" not in code:
        raise QueryError("query has no { ... } group to bind values in")
    return code.index("{")
