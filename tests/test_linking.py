"""Linking without the internet: places to GeoNames chosen by the document's context, nationalities
to their countries, and any entity to a knowledge base the user supplies."""
from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL
from typer.testing import CliRunner

import kg
from conftest import EXAMPLES, ROOT
from kg.cli import app
from kg.query import run_query

RUNNER = CliRunner()
LONDONS = ROOT / "tests" / "articles" / "two_londons.jsonl"
GEONAMES = "https://sws.geonames.org/"


def links(graph, label: str) -> set[tuple[str, str]]:
    query = "SELECT ?e ?same WHERE { ?e rdfs:label ?name ; owl:sameAs ?same }"
    from rdflib import Literal

    return {(str(r[0]), str(r[1])) for r in run_query(graph, query, {"name": Literal(label)})}


@pytest.fixture(scope="module")
def londons():
    return kg.build([LONDONS])


@pytest.mark.model
def test_homonym_cities_are_told_apart_by_the_countries_around_them(londons):
    found = links(londons, "London")
    assert {same for _, same in found} == {f"{GEONAMES}2643743/", f"{GEONAMES}6058560/"}  # England, Ontario
    assert len({node for node, _ in found}) == 2  # two nodes, not one merged London


@pytest.mark.model
def test_a_small_city_of_another_country_is_not_linked(londons):
    # "Ontario" is also a Californian city; the article names Canada, so it is left unlinked
    assert not links(londons, "Ontario")
    assert links(londons, "Canada") == {("https://example.org/kg/entity/country/canada", f"{GEONAMES}6251999/")}


@pytest.mark.model
def test_a_city_with_no_country_named_links_to_the_most_populous_homonym():
    graph = kg.build_text("Firefighters in Birmingham rescued two workers on Monday.")
    assert {same for _, same in links(graph, "Birmingham")} == {f"{GEONAMES}2655603/"}  # England's, not Alabama's


@pytest.mark.model
def test_example_places_link_to_geonames(example_graph):
    assert {same for _, same in links(example_graph, "Ottawa")} == {f"{GEONAMES}6094817/"}
    assert {same for _, same in links(example_graph, "Madison")} == {f"{GEONAMES}5261457/"}  # Wisconsin's


@pytest.mark.model
def test_a_nationality_names_its_country():
    graph = kg.build_text("Russian officials met Canadian diplomats in Geneva.")
    assert {same for _, same in links(graph, "Russia")} == {f"{GEONAMES}2017370/"}
    assert {same for _, same in links(graph, "Canada")} == {f"{GEONAMES}6251999/"}


@pytest.mark.model
@pytest.mark.parametrize("kind", ["csv", "ttl"])
def test_a_users_knowledge_base_links_and_joins_its_names(tmp_path, kind):
    if kind == "csv":
        kb = tmp_path / "kb.csv"
        kb.write_text("name,iri,class\nRainbow Railroad,https://kb.example/org/rr,Organization\n"
                      "Kimahli Powell,https://kb.example/person/kp,Person\n", encoding="utf-8")
    else:
        kb = tmp_path / "kb.ttl"
        kb.write_text("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
                      "@prefix kg: <https://example.org/kg/ontology#> .\n"
                      "<https://kb.example/org/rr> a kg:Organization ; rdfs:label 'Rainbow Railroad' .\n"
                      "<https://kb.example/person/kp> a kg:Person ; rdfs:label 'Kimahli Powell' .\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    result = RUNNER.invoke(app, ["build", str(EXAMPLES / "chechnya_asylum.txt"), "-o", str(out), "--kb", str(kb)])
    assert result.exit_code == 0, result.output
    graph = kg.load(out)
    assert {same for _, same in links(graph, "Rainbow Railroad")} == {"https://kb.example/org/rr"}
    assert {same for _, same in links(graph, "Kimahli Powell")} == {"https://kb.example/person/kp"}
    assert (None, OWL.sameAs, URIRef("https://kb.example/person/kp")) in graph


def test_a_broken_knowledge_base_is_refused_before_building(tmp_path):
    kb = tmp_path / "kb.csv"
    kb.write_text("label,link\nAcme,https://x\n", encoding="utf-8")
    result = RUNNER.invoke(app, ["build", str(EXAMPLES / "chechnya_asylum.txt"), "-o", str(tmp_path / "g.trig"),
                                 "--kb", str(kb)])
    assert result.exit_code == 2 and "name and iri" in result.output
    assert not (tmp_path / "g.trig").exists()


@pytest.mark.model
def test_nationalities_point_to_their_countries():
    graph = kg.build_text("Russian officials met Canadian diplomats in Geneva.")
    found = {(str(r[0]), str(r[1])) for r in run_query(
        graph, "SELECT ?g ?c WHERE { ?n kg:demonymOf ?k . ?n rdfs:label ?g . ?k rdfs:label ?c }")}
    assert found == {("Russian", "Russia"), ("Canadian", "Canada")}


@pytest.mark.model
@pytest.mark.parametrize("text, full, short", [
    ("Rainbow Railroad has moved 22 men to Canada. The Railroad said it needed more money.", "Rainbow Railroad", "Railroad"),
    ("Federal Security Service agents detained a man. The FSS said he was a spy.", "Federal Security Service", "FSS"),
])
def test_a_short_name_or_initials_join_the_organisation_named_before(text, full, short):
    graph = kg.build_text(text)
    found = {(str(r[0]), str(r[1])) for r in run_query(
        graph, "SELECT ?l ?a WHERE { ?e a kg:Organization ; rdfs:label ?l OPTIONAL { ?e skos:altLabel ?a } }")}
    assert found == {(full, short)}
