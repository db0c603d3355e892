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


def serialise(result: Result, fmt: str | None, accept: str, *, max_bytes: int | None = None) -> Answer:
    """The answer in the format asked for; over ``max_bytes`` it is refused (413), and when the terms
    alone are over it, before anything is written, so a huge answer is never built."""
    if max_bytes is not None and text_size(result) > max_bytes:
        raise over_cap(max_bytes)
    answer = write(result, fmt, accept)
    if max_bytes is not None and len(answer.body) > max_bytes:
        raise over_cap(max_bytes)
    return answer


def over_cap(max_bytes: int) -> Refused:
    return Refused(413, f"the answer is over {max_bytes / 2**20:g} MB (--max-answer-mb); "
                        "add a LIMIT or ask for fewer or shorter values")  # fmt: skip


def text_size(result: Result) -> int:
    """The characters of the terms an answer holds: every format writes at least that much."""
    if result.type == "ASK":
        return 0
    rows = result.graph if result.type in ("CONSTRUCT", "DESCRIBE") else result
    return sum(len(term) for row in rows for term in row if term is not None)


def write(result: Result, fmt: str | None, accept: str) -> Answer:
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
