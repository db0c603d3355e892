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
    for query, says in queries.items():
        result = CliRunner().invoke(app, ["query", query, where, targets[where]])
        assert result.exit_code == 1 and says in result.stderr, (query, result.output)
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
