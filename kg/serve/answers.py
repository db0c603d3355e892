"""Running one read-only query and writing its answer in a SPARQL 1.1 Protocol format."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.query import Result


# Media types we answer with, by the short name a `format` parameter may also give.
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {"turtle": "text/turtle", "ntriples": "application/n-triples"}


@dataclass(frozen=True)
class Answer:
    status: int
    media_type: str
    body: bytes


class Refused(Exception):
    """A request the endpoint will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def pick_format(accept: str, requested: str | None, graph: bool) -> str:
    """The short format name for an answer: the `format` parameter, else the Accept header."""
    table = GRAPH_TYPES if graph else RESULT_TYPES
    if requested:
        if requested in table:
            return requested
        for name, media in table.items():
            if requested == media:
                return name
        raise Refused(406, f"format '{requested}' is not offered; use one of {', '.join(table)}")
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip()
        for name, offered in table.items():
            if media == offered:
                return name
    return next(iter(table))  # JSON for results, Turtle for graphs


def serialise(result: Result, fmt: str | None, accept: str) -> Answer:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        name = pick_format(accept, fmt, graph=True)
        body = result.graph.serialize(format="nt" if name == "ntriples" else "turtle", encoding="utf-8")
        return Answer(200, GRAPH_TYPES[name], body)
    name = pick_format(accept, fmt, graph=False)
    if name == "tsv":
        return Answer(200, RESULT_TYPES[name], tsv(result))
    if name == "csv" and result.type == "ASK":
        return Answer(200, RESULT_TYPES[name], f"_askResult\r\n{str(result.askAnswer).lower()}\r\n".encode())
    return Answer(200, RESULT_TYPES[name], result.serialize(format=name))


def tsv(result: Result) -> bytes:
    """SPARQL 1.1 TSV: a header of ?variables, then terms in N-Triples syntax."""
    if result.type == "ASK":
        return f"?_askResult\n{str(result.askAnswer).lower()}\n".encode()
    lines = ["\t".join(f"?{v}" for v in result.vars)]
    for row in result:
        lines.append("\t".join("" if value is None else value.n3() for value in row))
    return ("\n".join(lines) + "\n").encode("utf-8")
