"""Shared fixtures. Unit tests build parses by hand; `model` tests use the real spaCy pipeline."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from spacy.tokens import Doc
import spacy

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "seed"
BLANK = spacy.blank("en")  # tokenizer and lexical attributes only; no trained weights


def hand_parse(tokens: list[tuple], ents: list[tuple[int, int, str]] = (), text_spaces: list[bool] | None = None) -> Doc:
    """Build a parsed Doc from (word, lemma, pos, tag, dep, head_index) rows, as spaCy's own tests do.

    ``ents`` are (start token, end token exclusive, label). Heads are absolute token indices.
    """
    words = [t[0] for t in tokens]
    spaces = text_spaces or [i + 1 < len(words) and words[i + 1] not in {",", ".", "'s", ":", "”"} for i in range(len(words))]
    iob = ["O"] * len(words)
    for start, end, label in ents:
        iob[start] = f"B-{label}"
        for i in range(start + 1, end):
            iob[i] = f"I-{label}"
    return Doc(BLANK.vocab, words=words, spaces=spaces, lemmas=[t[1] for t in tokens], pos=[t[2] for t in tokens],
               tags=[t[3] for t in tokens], deps=[t[4] for t in tokens], heads=[t[5] for t in tokens], ents=iob)


@pytest.fixture(scope="session")
def example_graph():
    """The examples with every asserted claim a plain triple (--min-confidence 0): these tests pin what
    the rules extract; the gate's effect is tested on its own (test_confidence_gate.py)."""
    import kg
    from kg.config import Settings

    return kg.build([EXAMPLES], settings=Settings(min_confidence=0))


@pytest.fixture(scope="session")
def seed_graph():
    import kg

    if not SEED_DIR.is_dir():
        pytest.skip("../shared/seed is not beside the checkout")
    return kg.build([SEED_DIR])


def has_fact(graph, subject: str, prop, obj: str) -> bool:
    """Is (entity labelled subject) prop (entity labelled obj) a plain triple of the graph?"""
    from rdflib import Literal

    from kg.query import run_query

    return bool(run_query(graph, "ASK { ?s rdfs:label ?sl ; ?p ?o . ?o rdfs:label ?ol }",
                          {"sl": Literal(subject), "ol": Literal(obj), "p": prop}).askAnswer)


def claim_factualities(graph, subject: str, prop, obj: str) -> set[str]:
    """How the graph's claims of (subject prop obj) are put forward: {"reported", "hypothetical", ...}."""
    from rdflib import Literal

    from kg.query import run_query

    query = """SELECT ?f WHERE { ?c rdf:subject/rdfs:label ?sl ; rdf:predicate ?p ; rdf:object/rdfs:label ?ol ;
                                  kg:factuality ?f }"""
    rows = run_query(graph, query, {"sl": Literal(subject), "ol": Literal(obj), "p": prop})
    return {str(r.f).rsplit("#", 1)[-1] for r in rows}


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"  # installed with the test extra
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def sparql_server(tmp_path_factory):
    """A real Oxigraph SPARQL server on loopback, for the remote backend; stopped after the module."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed; `make test` installs it")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = tmp_path_factory.mktemp("oxigraph")
    command = [binary, "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            httpx.get(base + "/query", params={"query": "ASK {}"}, timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.1)
    yield f"sparql+{base}/query?update=/update", base
    process.terminate()
    process.wait(timeout=20)


@dataclass
class Bait:
    """A server on loopback that would answer any fetch; ``hits`` lists the paths asked for, so a
    test that kg fetched nothing checks that it stays empty."""

    url: str = ""
    hits: list[str] = field(default_factory=list)


@pytest.fixture
def bait():
    found = Bait()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802  (http.server's naming)
            found.hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.end_headers()
            self.wfile.write(b'{"@context": {"name": "http://schema.org/name"}}')

        do_POST = do_GET

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    found.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield found
    server.shutdown()
