"""Moving RDF terms and query results between rdflib and pyoxigraph, and binding values safely."""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, Iterable, Mapping

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result, ResultRow

from kg.errors import QueryError
from kg.query import as_term


class TermCache:
    """Converted terms, each built once: triples and answers repeat the same terms (predicates,
    classes, entities) many times, and building one is not free (rdflib validates IRIs). Bounded in
    entries and in bytes, since one literal may be megabytes (CONCAT makes them) and a build or a
    server runs long; past either bound it starts again empty, which only costs later conversions."""

    OVERHEAD_BYTES = 200  # two term objects and a dict slot, beyond the text

    def __init__(self, convert, *, max_entries: int = 200_000, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.convert, self.max_entries, self.max_bytes = convert, max_entries, max_bytes
        self.terms: dict = {}
        self.bytes = 0

    def __call__(self, term):
        known = self.terms.get(term)
        if known is None:
            size = 2 * len(term if isinstance(term, str) else getattr(term, "value", "")) + self.OVERHEAD_BYTES
            if len(self.terms) >= self.max_entries or self.bytes + size > self.max_bytes:
                self.clear()
            known = self.terms[term] = self.convert(term)
            self.bytes += size
        return known

    def __contains__(self, term) -> bool:
        return term in self.terms

    def clear(self) -> None:
        self.terms.clear()
        self.bytes = 0


def _to_ox_term(term):
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


def _convert(term):
    import pyoxigraph as ox

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


to_ox = TermCache(_to_ox_term)
_from_ox = TermCache(_convert)


def from_ox(term):
    return None if term is None else _from_ox(term)


def to_quads(triples: Iterable[tuple], graph: URIRef, *, with_default: bool = False) -> list:
    """Quads in ``graph``; ``with_default`` puts each triple in the default graph as well."""
    import pyoxigraph as ox

    name, default, Quad = ox.NamedNode(str(graph)), ox.DefaultGraph(), ox.Quad
    quads = []
    for s, p, o in triples:
        s, p, o = to_ox(s), to_ox(p), to_ox(o)
        quads.append(Quad(s, p, o, name))
        if with_default:
            quads.append(Quad(s, p, o, default))
    return quads


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
    variables = [Variable(v.value) for v in answer.variables]
    names = [str(v) for v in variables]
    labels = {name: i for i, name in enumerate(names)}  # one dict shared by every row
    rows = []
    for solution in answer_items:
        row = tuple.__new__(ResultRow, [from_ox(solution[name]) for name in names])
        row.labels = labels
        rows.append(row)
    return RowsResult(variables, rows)


class RowsResult(Result):
    """A SELECT answer kept as ready-made rows: iterating it builds nothing more (rdflib's own Result
    builds a row and a label dict per binding on every pass). ``bindings`` is derived on demand."""

    def __init__(self, variables: list[Variable], rows: list[ResultRow]) -> None:
        super().__init__("SELECT")
        self.vars = variables
        self._rows = rows

    def __iter__(self):
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    @property
    def bindings(self) -> list[dict]:
        return [{var: value for var, value in zip(self.vars, row) if value is not None} for row in self._rows]

    @bindings.setter
    def bindings(self, value) -> None:  # Result.__init__ sets it; the rows are the truth here
        pass


def sparql_value(value: Any) -> str:
    """A bound value as SPARQL syntax that can only ever be that one term."""
    return as_term(value).n3()  # IRIs checked for stray characters; rdflib escapes literals


def code_only(query: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length, so offsets still hold),
    as Oxigraph reads them (`ex:p\\#` is a name, not a comment). One linear pass (kg.query.scan):
    a string that never closes is blanked to the end of its line (short) or of the text (long)."""
    from kg.query.scan import scan

    parts, at = [], 0
    for start, end in scan(query, keep_spans=True).quiet:
        parts += [query[at:start], " " * (end - start)]
        at = end
    parts.append(query[at:])
    return "".join(parts)


def with_values(query: str, bindings: Mapping[str, Any]) -> str:
    """Bind variables by a VALUES block opening the query's WHERE group, so that aggregates and
    unprojected variables see the bound value (a VALUES clause at the end would join too late).

    A single variable may be bound to a list, set or tuple of values: one solution per value."""
    if not bindings:
        return query
    names = " ".join(f"?{name}" for name in bindings)
    if any(not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) for name in bindings):
        raise QueryError(f"cannot bind {names}: variable names are letters, digits and _")
    several = [v for v in bindings.values() if isinstance(v, (list, tuple, set, frozenset))]
    if several and len(bindings) > 1:
        raise QueryError(f"cannot bind {names}: a list of values binds one variable alone")
    if several:
        block = f"VALUES {names} {{ {' '.join(sparql_value(v) for v in several[0])} }}"
    else:
        block = f"VALUES ({names}) {{ ({' '.join(sparql_value(v) for v in bindings.values())}) }}"
    at = where_brace(query)
    return f"{query[: at + 1]} {block} {query[at + 1 :]}"


def where_brace(query: str) -> int:
    """Index of the '{' that opens the WHERE group, or the first group when WHERE is left out."""
    code = code_only(query)
    where = re.search(r"(?<![\w?$])WHERE\s*\{", code, re.IGNORECASE)
    if where:
        return where.end() - 1
    if "{" not in code:
        raise QueryError("query has no { ... } group to bind values in")
    return code.index("{")
