"""What a query may do in kg: read the graphs kg holds, nothing else. One decision, ``check_query``,
for the CLI, the library and the endpoint.

Refused: updates and LOAD (queries here only read); SERVICE anywhere (it would make the engine call
another server); FROM and FROM NAMED naming a graph the data does not hold (rdflib fetches such a
graph from the web or from a local file); brackets nested deeper than MAX_DEPTH or more than
MAX_OPERATORS chain-forming operators (both parsers recurse on them: rdflib's raises RecursionError,
Oxigraph's overflows the C stack and kills the process); text over MAX_QUERY_CHARS.

How: the query is first made one text that both engines read alike (``runnable``): every
``\\u``/``\\U`` escape expanded, as rdflib does and Oxigraph does not outside strings, and every
CR made LF, as Oxigraph ends a comment at CR and rdflib does not. That text, and only that text, is
checked and run. A linear scan of it in each engine's reading (kg.query.scan) finds the depth and
any watched word in code; then rdflib parses it and the parse tree is walked for SERVICE and the
dataset clauses. Either finding refuses, and where the two disagree (the scan sees FROM, the parse
none; rdflib cannot parse it; an IRI inside an expression that may be a comparison) it is refused.
"""

from __future__ import annotations

import re
import sys
import threading
from functools import lru_cache
from typing import Callable

from rdflib import URIRef

from kg.errors import QueryError
from kg.query.scan import scan

ESCAPE = re.compile(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})")

MAX_DEPTH = 64  # the shipped queries nest at most 6 deep
MAX_OPERATORS = 2_000  # Oxigraph overflows near 7,000 in a chain (`1+1+…`); the shipped queries use < 30
MAX_QUERY_CHARS = 1_000_000
FRAMES_PER_LEVEL = 60  # rdflib's parser recurses ~45 Python frames per bracket (measured)
CHAIN_KEYS = ("other", "part", "graph")  # where rdflib's parse tree keeps a chain's operands
UPDATE_WORDS = ("LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD", "WITH")
_recursion = threading.Lock()
_rooms, _limit_before = 0, 1000  # open recursion_room blocks, and the limit to put back


class QueryRefused(QueryError):
    """A query kg will not run; ``status`` is the HTTP status the endpoint answers with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def service_refused() -> QueryRefused:
    return QueryRefused(400, "SERVICE is refused: kg does not query other servers")


def update_refused(word: str) -> QueryRefused:
    return QueryRefused(403, f"{word} is refused: queries here only read")


def check_query(query: str, holds: Callable[[URIRef], bool] | None = None) -> str:
    """The text to run for ``query``; QueryRefused unless it only reads, and, with ``holds``, unless
    every FROM and FROM NAMED graph is one ``holds`` says the data has (without it, the graphs are not
    judged). Run what this returns, never ``query`` itself: only the returned text was checked."""
    text = runnable(query)
    graphs = decide(text)
    if holds is not None:
        for iri in graphs:
            if not holds(iri):
                raise QueryRefused(
                    400, f"FROM <{str(iri)[:200]}>: no graph of that name here, and kg fetches nothing from elsewhere"
                )
    return text


def runnable(query: str) -> str:
    """The one text both engines read alike: escapes expanded, line ends made LF."""
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    if len(query) > MAX_QUERY_CHARS:
        raise QueryRefused(413, f"query refused: {len(query):,} characters; kg reads at most {MAX_QUERY_CHARS:,}")
    try:
        text = expandUnicodeEscapes(query)  # rdflib's own step: the text its parser sees
    except ValueError as exc:
        raise QueryRefused(400, f"query failed: {exc}") from None
    if ESCAPE.search(text):  # an escape that spelled an escape: rdflib would expand it a second time
        raise QueryRefused(400, "query refused: a \\u or \\U escape spells another escape")
    return text.replace("\r\n", "\n").replace("\r", "\n")


@lru_cache(maxsize=32)  # the CLI and the endpoint ask twice about one query (read-only, then graphs)
def decide(query: str) -> tuple[URIRef, ...]:
    """The dataset graphs of a runnable query kg may run; QueryRefused for any other."""
    views = [scan(query), scan(query, rdflib_view=True)]
    for view in views:
        if view.depth > MAX_DEPTH:
            raise QueryRefused(400, f"query refused: brackets nest {view.depth} deep; kg allows at most {MAX_DEPTH}")
        if view.operators > MAX_OPERATORS:
            raise QueryRefused(
                400, f"query refused: {view.operators:,} operators and pattern joins; kg allows at most {MAX_OPERATORS:,}"
            )
    words = set().union(*(view.words for view in views))
    if "SERVICE" in words:
        raise service_refused()
    for word in UPDATE_WORDS:
        if word in words:
            raise update_refused(word)
    for view in views:
        if view.ambiguous is not None:
            raise QueryRefused(
                400, "query refused: an IRI inside an expression holds a parenthesis, so '<' may be read as"
                " a comparison; write the IRI with a prefix",
            )
        if view.unclosed is not None:
            line = query.count("\n", 0, view.unclosed) + 1
            raise QueryRefused(400, f"query failed: a string opened on line {line} is not closed")
    return parsed_graphs(query, "FROM" in words)


def parsed_graphs(query: str, scan_saw_from: bool) -> tuple[URIRef, ...]:
    """rdflib's parse of the query, walked: SERVICE refused, the dataset clauses' IRIs returned."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    with recursion_room():
        try:
            parsed = parseQuery(query)
        except Exception as exc:  # pyparsing's ParseException, or rdflib's own on a bad term
            try:
                operations = [part.name for part in parseUpdate(query).get("request", []) if hasattr(part, "name")]
            except Exception:
                operations = []
            if operations:  # an update (an empty text parses as one, with no operation: not refused as such)
                raise update_refused(operations[0].upper()) from None
            raise QueryRefused(400, f"query failed: {exc.__class__.__name__}: {first_line(exc)}") from None
    clauses = operators = 0
    for node in walk(parsed):
        if node.name == "ServiceGraphPattern":
            raise service_refused()
        clauses += node.name == "DatasetClause"
        operators += chain_length(node)
    if operators > MAX_OPERATORS:  # the scan counts these too; the parse is the reading it cannot be fooled on
        raise QueryRefused(
            400, f"query refused: {operators:,} operators and pattern joins; kg allows at most {MAX_OPERATORS:,}"
        )
    if clauses == 0:
        if scan_saw_from:  # the text has FROM in code, rdflib's parse has no dataset: they disagree
            raise QueryRefused(400, "query refused: its FROM clause is read differently by kg's two SPARQL parsers")
        return ()
    return dataset_iris(parsed)


def dataset_iris(parsed) -> tuple[URIRef, ...]:
    """The FROM / FROM NAMED IRIs with prefixes expanded, as rdflib's algebra resolves them."""
    from rdflib.plugins.sparql.algebra import translateQuery

    from kg.ontology import PREFIXES

    try:
        with recursion_room():
            algebra = translateQuery(parsed, initNs=PREFIXES).algebra
    except Exception as exc:  # the graphs cannot be known, so they cannot be judged
        raise QueryRefused(400, f"query failed: {exc.__class__.__name__}: {first_line(exc)}") from None
    return tuple(clause.default or clause.named for clause in (algebra.datasetClause or []))


def chain_length(node) -> int:
    """How many operands a node chains: `1+1+…`, `a||b||…`, path steps, UNION branches, joined parts."""
    return sum(len(value) for key, value in node.items() if key in CHAIN_KEYS and not isinstance(value, (str, bytes))
               and hasattr(value, "__len__"))


def walk(parsed):
    """Every CompValue of a parse tree (subqueries, EXISTS, OPTIONAL, paths included), iteratively."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [parsed]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
            stack.extend(node)


class recursion_room:
    """Room for ``frames`` more Python frames while rdflib's recursive parser and evaluator run (the
    depth limit bounds what they need; Python 3.11 keeps these frames off the C stack). The limit is
    process-wide: it is raised while any room is open and put back when the last one closes."""

    def __init__(self, frames: int = MAX_DEPTH * FRAMES_PER_LEVEL) -> None:
        self.frames = frames

    def __enter__(self) -> None:
        global _rooms, _limit_before
        with _recursion:
            if _rooms == 0:
                _limit_before = sys.getrecursionlimit()
            _rooms += 1
            sys.setrecursionlimit(max(sys.getrecursionlimit(), current_depth() + self.frames + 200))

    def __exit__(self, *exc) -> None:
        global _rooms
        with _recursion:
            _rooms -= 1
            if _rooms == 0:
                sys.setrecursionlimit(_limit_before)


def current_depth() -> int:
    frame, depth = sys._getframe(), 0
    while frame is not None:
        frame, depth = frame.f_back, depth + 1
    return depth


def first_line(exc: BaseException) -> str:
    lines = str(exc).splitlines()
    return lines[0][:300] if lines else ""
