"""Dates read against the publication date and attached to claims; facts counted across outlets;
contradictions between articles found. The articles in tests/articles/ were written for these tests:
three outlets report one arrest and one takeover, and the company denies the takeover."""
from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from rdflib import Literal
from typer.testing import CliRunner

import kg
from conftest import ROOT
from kg.cli import app
from kg.extract.dates import interval
from kg.query import rows, run_query

ARTICLES = ROOT / "tests" / "articles"
FERRY = ARTICLES / "ferry_reports.jsonl"
RUNNER = CliRunner()
WEDNESDAY = date(2023, 6, 14)


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("the weekend", WEDNESDAY, ("2023-06-10", "2023-06-11")),
        ("Over the weekend", date(2017, 9, 4), ("2017-09-02", "2017-09-03")),
        ("this year", WEDNESDAY, ("2023-01-01", "2023-12-31")),
        ("last year", WEDNESDAY, ("2022-01-01", "2022-12-31")),
        ("May 26", date(2017, 9, 4), ("2017-05-26", "2017-05-26")),
        ("January 3", date(2017, 12, 20), ("2018-01-03", "2018-01-03")),  # the nearer one: next month
        ("Earlier in August", date(2017, 9, 4), ("2017-08-01", "2017-08-31")),
        ("earlier this month", WEDNESDAY, ("2023-06-01", "2023-06-14")),
        ("the past three months", WEDNESDAY, ("2023-03-14", "2023-06-14")),
        ("Monday", WEDNESDAY, ("2023-06-12", "2023-06-12")),
        ("last Wednesday", WEDNESDAY, ("2023-06-07", "2023-06-07")),
        ("yesterday", WEDNESDAY, ("2023-06-13", "2023-06-13")),
        ("two years ago", WEDNESDAY, ("2021-01-01", "2021-12-31")),
        ("26 May 2017", None, ("2017-05-26", "2017-05-26")),
        ("March 2004", None, ("2004-03-01", "2004-03-31")),
        ("the 1990s", None, ("1990-01-01", "1999-12-31")),
    ],
)
def test_time_expressions_become_intervals(text, anchor, expected):
    found = interval(text, anchor)
    assert found is not None and (found[0].isoformat(), found[1].isoformat()) == expected


@pytest.mark.parametrize("text", ["the weekend", "Monday", "this year", "May 26"])
def test_relative_dates_without_a_publication_date_are_left_out(text):
    assert interval(text, None) is None


@pytest.mark.parametrize("text", ["the coming weeks", "recent years", "Ramadan", "February 30, 2017"])
def test_vague_or_impossible_dates_are_not_guessed(text):
    assert interval(text, WEDNESDAY) is None


@pytest.fixture(scope="module")
def ferry(tmp_path_factory):
    """Built and loaded as `kg build` and `kg query` do (the loaded graph has the ontology beside it,
    which says which properties are functional)."""
    out = tmp_path_factory.mktemp("ferry") / "ferry.trig"
    assert RUNNER.invoke(app, ["build", str(FERRY), "-o", str(out)]).exit_code == 0
    return kg.load(out)


def claim_times(graph, predicate: str):
    query = """SELECT ?doc ?text ?from ?to WHERE {
      ?c rdf:predicate ?p ; kg:factuality kg:asserted ; kg:sentence/kg:inDocument ?doc ;
         kg:time [ kg:text ?text ; kg:earliest ?from ; kg:latest ?to ] }"""
    return {(str(r[1]), str(r[2]), str(r[3])) for r in run_query(graph, query, {"p": kg.KG[predicate]})}


@pytest.mark.model
def test_dates_are_attached_to_the_claims_they_qualify(ferry):
    # "Monday" in articles of Wednesday 14 and Thursday 15 June is the same day
    assert claim_times(ferry, "arrested") == {("Monday", "2023-06-12", "2023-06-12")}
    assert claim_times(ferry, "acquired") == {("March", "2023-03-01", "2023-03-31"),
                                               ("last year", "2022-01-01", "2022-12-31")}
    assert claim_times(ferry, "helped") == {("the weekend", "2023-06-10", "2023-06-11")}
    assert not claim_times(ferry, "basedIn")  # no date qualifies where the company is


@pytest.mark.model
def test_documents_carry_their_publication_date_and_publisher(ferry):
    from rdflib.namespace import XSD  # imported here: pytest probes module globals, which XSD's closed namespace warns about

    found = {(str(r[0]), r[1]) for r in run_query(ferry, "SELECT ?p ?d WHERE { ?doc schema:publisher ?p ; schema:datePublished ?d }")}
    assert found == {("Harbour Gazette", Literal("2023-06-14", datatype=XSD.date)),
                     ("Coastal Times", Literal("2023-06-15", datatype=XSD.date)),
                     ("Fjord Post", Literal("2023-06-16", datatype=XSD.date))}


@pytest.mark.model
def test_date_option_anchors_articles_without_a_date(tmp_path):
    source = tmp_path / "note.txt"
    source.write_text("Hordaland Police arrested Erik Dahl on Monday.\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    assert RUNNER.invoke(app, ["build", str(source), "-o", str(out), "--date", "2023-06-14"]).exit_code == 0
    graph = kg.load(out)
    assert claim_times(graph, "arrested") == {("Monday", "2023-06-12", "2023-06-12")}
    undated = tmp_path / "undated.trig"
    assert RUNNER.invoke(app, ["build", str(source), "-o", str(undated)]).exit_code == 0
    assert not claim_times(kg.load(undated), "arrested")  # no anchor: no guess
    bad = RUNNER.invoke(app, ["build", str(source), "-o", str(out), "--date", "next tuesday-ish"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def table(graph, name: str) -> list[dict[str, str]]:
    from kg.query import resolve_query

    header, body = rows(run_query(graph, resolve_query(f"@{name}")))
    return [dict(zip(header, row)) for row in body]


@pytest.mark.model
def test_corroboration_counts_documents_and_outlets(ferry):
    facts = {(r["subject"], r["predicate"], r["object"]): (int(r["documents"]), int(r["outlets"]))
             for r in table(ferry, "corroboration")}
    assert facts[("Hordaland Police", "arrested", "Erik Dahl")] == (2, 2)
    assert facts[("Nordline Ferries", "acquired", "Baltic Sealink")] == (2, 2)  # the denial does not count
    assert facts[("Nordline Ferries", "basedIn", "Bergen")] == (1, 1)


@pytest.mark.model
def test_contradictions_are_flagged_with_both_sources(ferry):
    found = {(r["kind"], r["predicate"], r["value"], r["other"], r["source"], r["otherSource"])
             for r in table(ferry, "contradictions")}
    assert ("asserted and denied", "acquired", "Baltic Sealink", "Baltic Sealink", "Harbour Gazette", "Fjord Post") in found
    assert ("asserted and denied", "acquired", "Baltic Sealink", "Baltic Sealink", "Coastal Times", "Fjord Post") in found
    assert ("two values of a functional property", "basedIn", "Bergen", "Oslo", "Harbour Gazette", "Coastal Times") in found
    assert len(found) == 3


@pytest.mark.model
def test_named_queries_are_listed_and_run_from_the_cli(tmp_path):
    listed = RUNNER.invoke(app, ["query", "--list"])
    assert listed.exit_code == 0
    for name in ("corroboration", "contradictions", "who_said_what", "who_works_for_whom"):
        assert re.search(rf"^@{name}\s+\S", listed.stdout, re.M)
    out = tmp_path / "ferry.trig"
    assert RUNNER.invoke(app, ["build", str(FERRY), "-o", str(out)]).exit_code == 0
    result = RUNNER.invoke(app, ["query", "@contradictions", "--data", str(out), "-f", "csv"])
    assert result.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 3
