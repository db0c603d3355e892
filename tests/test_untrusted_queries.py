"""Queries and names from outside stay data: nothing a user or an article writes becomes SPARQL
syntax, and no query makes kg fetch anything (a bait server on loopback counts the attempts)."""
from __future__ import annotations

import urllib.request

import pytest
from conftest import EXAMPLES
from rdflib import Literal
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.offline import NetworkRefused, offline
from kg.query import run_query

pytestmark = pytest.mark.model
HOSTILE_NAMES = ['x" } ; DROP ALL ; {', "a'b\\\"c", "}}} UNION { ?s ?p ?o }", "<http://x/>", "\n\t#comment"]


@pytest.fixture(scope="module")
def targets(tmp_path_factory):
    """The examples as a graph file and as an Oxigraph store."""
    out = tmp_path_factory.mktemp("q")
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(EXAMPLES), "-o", str(out / "g.trig")]).exit_code == 0
    assert runner.invoke(app, ["build", str(EXAMPLES), "--store", str(out / "store")]).exit_code == 0
    return {"--data": str(out / "g.trig"), "--store": str(out / "store")}


def assert_refused(queries: dict[str, str], targets: dict[str, str], where: str) -> None:
    """Each query fails through `kg query` with exit 1 and its expected words on stderr."""
    for query, says in queries.items():
        result = CliRunner().invoke(app, ["query", query, where, targets[where]])
        assert result.exit_code == 1 and says in result.stderr, (query, result.output)


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_service_and_remote_from_are_refused_and_nothing_is_fetched(targets, bait, where):
    queries = {
        f"SELECT * WHERE {{ SERVICE <{bait.url}/sparql> {{ ?s ?p ?o }} }}": "SERVICE is refused",
        f"SELECT * FROM <{bait.url}/data.ttl> WHERE {{ ?s ?p ?o }}": "kg fetches nothing from elsewhere",
        f"SELECT * FROM NAMED <{bait.url}/g.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}": "kg fetches nothing from elsewhere",
        "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }": "kg fetches nothing from elsewhere",
        "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }": "INSERT is refused",
        f"LOAD <{bait.url}/data.ttl>": "LOAD is refused",
    }
    assert_refused(queries, targets, where)
    assert bait.hits == []


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_from_a_graph_the_data_holds_reads_that_graph(targets, where):
    listed = CliRunner().invoke(app, ["query", "SELECT ?d WHERE { GRAPH ?d { ?d a kg:Document } } ORDER BY ?d",
                                      where, targets[where], "--format", "csv"])
    doc = listed.stdout.splitlines()[1]
    query = f"SELECT ?n WHERE {{ ?d schema:headline ?n }}"
    result = CliRunner().invoke(app, ["query", query.replace("WHERE", f"FROM <{doc}> WHERE"), where, targets[where],
                                      "--format", "csv"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 2, result.output  # one document's headline


def test_the_network_guard_stops_a_fetch_inside_and_only_inside(bait):
    with offline(), pytest.raises(NetworkRefused, match="kg reads nothing from the network"):
        urllib.request.urlopen(f"{bait.url}/inside", timeout=5)
    assert bait.hits == []
    with urllib.request.urlopen(f"{bait.url}/outside", timeout=5) as answer:  # a program using kg keeps its network
        assert answer.status == 200
    assert bait.hits == ["/outside"]


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_hostile_names_are_bound_as_values_never_spliced_into_the_query(targets, where):
    from kg.rdfio import load
    from kg.store import open_store

    query = "SELECT ?e WHERE { ?e rdfs:label ?name }"
    for name in HOSTILE_NAMES:
        result = CliRunner().invoke(app, ["query", query, where, targets[where], "--bind", f"name={name}",
                                          "--format", "csv"])
        assert result.exit_code == 0 and result.stdout.strip() == "e", (name, result.output)
    if where == "--data":
        graph = load(targets[where])
        assert all(len(list(run_query(graph, query, {"name": Literal(n)}))) == 0 for n in HOSTILE_NAMES)
    else:
        with open_store(targets[where], create=False) as store:
            before = len(store)
            assert all(len(list(run_query(store, query, {"name": n}))) == 0 for n in HOSTILE_NAMES)
            assert len(store) == before


def test_hostile_refs_to_remove_and_unmerge_change_nothing(targets):
    from kg.store import open_store

    with open_store(targets["--store"], create=False) as store:
        before = len(store)
    for name in HOSTILE_NAMES:
        removed = CliRunner().invoke(app, ["remove", name, "--store", targets["--store"]])
        assert removed.exit_code == 1 and "no such document" in removed.stderr
        unmerged = CliRunner().invoke(app, ["unmerge", name, "--store", targets["--store"]])
        assert unmerged.exit_code == 1 and unmerged.stderr.count("\n") == 1, unmerged.output
    with open_store(targets["--store"], create=False) as store:
        assert len(store) == before


def test_an_article_full_of_quotes_and_braces_builds_into_a_store_twice(tmp_path):
    """Its names become identity keys that the store is asked about: as bound values, not as text."""
    article = tmp_path / "braces.txt"
    article.write_text('Acme "Best" {Foods} Ltd sued Globex } UNION { in Oslo.\n\n'
                       'Acme "Best" {Foods} Ltd said the case was about a DROP ALL of prices.\n', encoding="utf-8")
    again = tmp_path / "again.txt"
    again.write_text('A judge told Acme "Best" {Foods} Ltd to pay Globex } UNION { in Oslo.\n', encoding="utf-8")
    store = tmp_path / "store"
    result = CliRunner().invoke(app, ["build", str(article), str(again), "--store", str(store)])
    assert result.exit_code == 0, result.output
    labels = CliRunner().invoke(app, ["query", "SELECT ?l WHERE { ?e rdfs:label ?l }", "--store", str(store),
                                      "--format", "csv"])
    assert any(set('{}"') & set(line) for line in labels.stdout.splitlines()[1:]), labels.stdout


def test_a_bad_iri_cannot_be_bound():
    from rdflib import URIRef

    from kg.query import as_term

    with pytest.raises(QueryError):
        as_term(URIRef("http://x/> } ; DROP ALL ; <http://y/"))


def test_terminal_escape_codes_in_answers_are_shown_not_obeyed(targets):
    query = 'SELECT ?x WHERE { BIND("a\\u001b[2J\\u001b]0;owned\\u0007b" AS ?x) }'
    table = CliRunner().invoke(app, ["query", query, "--data", targets["--data"]])
    assert table.exit_code == 0 and "\x1b" not in table.stdout and "\\x1b[2J" in table.stdout
    csv = CliRunner().invoke(app, ["query", query, "--data", targets["--data"], "--format", "csv"])
    assert "\x1b[2J" in csv.stdout  # machine formats keep the value exactly


# Decided on the parse, not on text (issue 14). Each query below got past the old regex check.
def hidden_services(bait_url: str) -> list[str]:
    far = f"<{bait_url}/sparql>"
    return [
        f"PREFIX ex: <http://e/> SELECT * WHERE {{ BIND(ex:p\\# AS ?z) SERVICE {far} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERV\\u0049CE {far} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\U00000053ERVICE {far} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o #\rSERVICE {far} {{ ?s ?p ?o }} }}",  # Oxigraph ends a comment at CR
        f"PREFIX : <{bait_url}/> SELECT * WHERE {{ SERVICE:x {{ ?s ?p ?o }} }}",  # Oxigraph: SERVICE :x
        f"SELECT * WHERE {{ BIND(1 AS ?o) ?s ?p trueSERVICE {far} {{ ?s ?p ?o }} }}",  # Oxigraph: true SERVICE
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ OPTIONAL {{ sErViCe SILENT {far} {{ ?s ?p ?o }} }} }} }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ SERVICE {far} {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ ?s ?p ?o MINUS {{ SERVICE {far} {{ ?s ?p ?o }} }} }} }}",
    ]


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_a_service_however_spelled_or_hidden_is_refused_and_nothing_is_fetched(targets, bait, where):
    for query in hidden_services(bait.url):
        result = CliRunner().invoke(app, ["query", query, where, targets[where]])
        assert result.exit_code == 1 and "SERVICE is refused" in result.stderr, (query, result.output)
        assert result.stderr.count("\n") == 1, result.stderr
    assert bait.hits == []


def test_run_query_refuses_a_hidden_service_over_a_graph_and_a_store(targets, bait):
    from kg.query.safety import QueryRefused
    from kg.rdfio import load
    from kg.store import open_store

    graph = load(targets["--data"])
    with open_store(targets["--store"], create=False) as store:
        for query in hidden_services(bait.url):
            for target in (graph, store):
                with pytest.raises(QueryRefused, match="SERVICE is refused"):
                    run_query(target, query)
    assert bait.hits == []


# Found by a second attack review: a '<' that rdflib and this scan read as an IRI and Oxigraph as a
# comparison, after a comment that only Oxigraph ended at CR. Each reached the bait from --store.
def disguised_services(bait_url: str) -> list[str]:
    prefix = f"PREFIX : <{bait_url}/>\n"
    return [
        prefix + "SELECT ?bait WHERE {\n #\rFILTER(1<2)SERVICE:bait#>\r{?bait ?b ?c}\n}\n",
        prefix + "SELECT * WHERE { ?s ?p ?o #\rFILTER EXISTS { FILTER(1<2)SERVICE:amp#>\r{?s ?b ?c} }\n}",
        prefix + "SELECT * WHERE { ?s ?p ?o FILTER(?s<?p#>)\n&&1<2)SERVICE:bait#>\n{?s ?p ?o} }",
        prefix + f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s<?p#>)\n&&1<2) SERVICE <{bait_url}/x> #>\n{{?s ?p ?o}} }}",
    ]


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_a_service_behind_a_comparison_read_as_an_iri_is_refused(targets, bait, where):
    from kg.query.safety import QueryRefused
    from kg.store import open_store

    for query in disguised_services(bait.url):
        result = CliRunner().invoke(app, ["query", query, where, targets[where]])
        assert result.exit_code == 1 and "refused" in result.stderr, (query, result.output)
        assert result.stderr.count("\n") == 1, result.stderr
    with open_store(targets["--store"], create=False) as store:
        for query in disguised_services(bait.url):
            with pytest.raises(QueryRefused):
                run_query(store, query)
    assert bait.hits == []


def test_the_text_checked_is_the_text_run():
    from kg.query.safety import check_query

    # Line ends made LF (Oxigraph ends a comment at CR, rdflib does not) and escapes expanded once
    # (rdflib expands them everywhere, Oxigraph only in strings and IRIs): one reading for both.
    assert check_query("SELECT * WHERE { ?s ?p ?o # a note\r\n}") == "SELECT * WHERE { ?s ?p ?o # a note\n}"
    assert check_query("SELECT * WHERE { ?s ?p \"caf\\u00e9\" }") == 'SELECT * WHERE { ?s ?p "caf\u00e9" }'


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.ttl"
    path.write_text('<http://s/s> <http://s/p> "TOP-SECRET-CONTENT" .\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_an_escaped_or_hidden_from_is_refused_and_the_secret_never_printed(targets, bait, secret, where):
    here, far = secret.as_uri(), f"{bait.url}/g.ttl"
    queries = [
        f"SELECT ?o \\u0046ROM <{here}> WHERE {{ ?s ?p ?o }}",
        f"SELECT ?o \\U00000046ROM <{here}> WHERE {{ ?s ?p ?o }}",
        f"SELECT ?o \\u0066rom <{far}> WHERE {{ ?s ?p ?o }}",
        f"SELECT ?o FROM \\u004eAMED <{here}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"SELECT ?o fRoM nAmEd <{far}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        f"PREFIX f: <{here[:-3]}> SELECT ?o FROM f:ttl WHERE {{ ?s ?p ?o }}",
        f"SELECT ?o # \rFROM <{here}>\nWHERE {{ ?s ?p ?o }}",  # a comment to rdflib, a FROM to Oxigraph
    ]
    for query in queries:
        result = CliRunner().invoke(app, ["query", query, where, targets[where]])
        assert result.exit_code == 1 and "TOP-SECRET" not in result.output, (query, result.output)
        assert "FROM" in result.stderr and result.stderr.count("\n") == 1, (query, result.stderr)
    assert bait.hits == []


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_updates_however_spelled_are_refused(targets, bait, where):
    queries = {
        "\\u0049NSERT DATA { <http://x/a> <http://x/b> <http://x/c> }": "INSERT is refused",
        f"lOaD <{bait.url}/data.ttl>": "LOAD is refused",
        f"\\u004cOAD <{bait.url}/data.ttl>": "LOAD is refused",
        "DELETE WHERE { ?s ?p ?o }": "DELETE is refused",
        "CLEAR ALL": "CLEAR is refused",
    }
    assert_refused(queries, targets, where)
    assert bait.hits == []


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_the_words_in_strings_iris_names_and_comments_are_only_data(targets, where):
    """Not refused: only SPARQL code can call a server or name a graph."""
    queries = [
        'SELECT ?x WHERE { BIND("SERVICE <http://127.0.0.1:1/> { } FROM LOAD" AS ?x) }',
        "SELECT ?x WHERE { BIND(<http://e/load/service/from/insert> AS ?x) }",
        "PREFIX ex: <http://e/> SELECT ?service WHERE { BIND(ex:SERVICE AS ?service) ?service ex:FROM ex:load }",
        "SELECT ?x WHERE { BIND(1 AS ?x) } # SERVICE <http://127.0.0.1:1/> FROM <file:///etc/passwd>\n",
        "PREFIX ex: <http://e/> SELECT ?x WHERE { BIND(ex:p\\# AS ?x) }",
        "PREFIX address: <http://e/> SELECT ?x WHERE { BIND(address:from AS ?x) }",
        "SELECT ?x WHERE { BIND('''SERVICE\n{ }''' AS ?x) }",
    ]
    for query in queries:
        result = CliRunner().invoke(app, ["query", query, where, targets[where], "--format", "csv"])
        assert result.exit_code == 0, (query, result.output)


def kg_cli(*args: str):
    """`kg` in its own process: a crash is an exit status here, not the end of the test run."""
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("where", ["--data", "--store"])
def test_deep_nesting_and_long_chains_are_one_line_not_a_crash(targets, where):
    deep = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"  # 10 KB: killed Oxigraph
    chain = "SELECT * WHERE { FILTER(" + "1+" * 8000 + "1) }"  # flat, but a tree as deep in Oxigraph
    for query, says in ((deep, "brackets nest 5002 deep"), (chain, "operators")):
        result = kg_cli("query", query, where, targets[where])
        assert result.returncode == 1 and says in result.stderr, (result.returncode, result.stderr[-500:])
        assert result.stderr.count("\n") == 1, result.stderr


def test_the_deepest_query_allowed_parses_even_from_a_deep_call_stack(targets):
    """rdflib's parser recurses ~45 frames per bracket: at the limit it gets room, never RecursionError."""
    from kg.query.safety import MAX_DEPTH
    from kg.rdfio import load

    graph = load(targets["--data"])
    query = "SELECT ?x WHERE { BIND(" + "STR(" * (MAX_DEPTH - 2) + "1" + ")" * (MAX_DEPTH - 2) + " AS ?x) }"

    def deep(frames: int):
        return deep(frames - 1) if frames else run_query(graph, query)

    assert [str(row[0]) for row in deep(700)] == ["1"]


PATHOLOGICAL = ['"a\\', "'''", '"""', "<", "<a", "#", "\\u", "ex:a\\", "?", "'", "{", "1+"]


class Counting(str):
    """A string that counts how often the scanner reads a character (or a slice) of it."""

    reads = 0

    def __getitem__(self, key):
        Counting.reads += 1
        return str.__getitem__(self, key)


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_the_checks_read_a_pathological_query_in_one_linear_pass(unit):
    from kg.query.safety import QueryRefused, check_query
    from kg.query.scan import scan
    from kg.store.terms import code_only

    def reads(size: int) -> int:
        Counting.reads = 0
        scan(Counting(unit * (size // len(unit))))
        return Counting.reads

    small, large = reads(64 * 1024), reads(256 * 1024)
    assert large <= 4.2 * small, (small, large)  # 4x the text, 4x the reads (quadratic would be 16x)
    text = unit * (256 * 1024 // len(unit))
    assert len(code_only(text)) == len(text)
    with pytest.raises(QueryRefused):
        check_query(text)


def test_code_only_blanks_strings_iris_and_comments_but_not_escaped_names():
    from kg.store.terms import code_only, where_brace

    query = 'PREFIX ex: <http://e/#x> SELECT * WHERE { BIND(ex:p\\# AS ?z) ?s ?p "{#}" } # {'
    code = code_only(query)
    assert len(code) == len(query) and "ex:p\\#" in code and "{#}" not in code and "http" not in code
    assert code.rstrip().endswith("}") and where_brace(query) == query.index("WHERE {") + 6


def test_a_failed_service_call_is_not_reported_as_the_store_changing(targets):
    import socket

    from kg.errors import StoreError
    from kg.store.oxigraph import OxigraphStore

    with socket.socket() as sock:  # a port that was free a moment ago: the call is refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = OxigraphStore(targets["--store"], read_only=True)
    try:
        with pytest.raises(QueryError, match="SERVICE call failed") as raised:
            store.sparql(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}")
        assert not isinstance(raised.value, StoreError)
    finally:
        store.close()


def test_a_chain_hidden_from_the_scan_is_still_counted_on_the_parse():
    # '<?y#>' is an IRI to the scan and `< ?y` then a comment to both engines; the scan then reads
    # ''' as a long string hiding the chain that would overflow Oxigraph's parser (found in review).
    from kg.query.safety import MAX_OPERATORS, QueryRefused, check_query

    chain = "+".join(["1"] * (MAX_OPERATORS + 500))
    query = "SELECT * WHERE { ?x ?p ?y FILTER(?x<?y#>'''\n) FILTER(" + chain + ")\n#'''\n}"
    with pytest.raises(QueryRefused, match="operators and pattern joins"):
        check_query(query)
