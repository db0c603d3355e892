"""The user's own article (../shared/seed): the facts a reader lists first, and nothing from the page chrome."""
from __future__ import annotations

import pytest
from conftest import SEED_DIR, claim_factualities, has_fact
from rdflib.namespace import RDF, RDFS

import kg
from kg.query import run_query

pytestmark = pytest.mark.model


def test_what_was_reported_is_the_articles_report_not_a_plain_fact(seed_graph):
    # "it was reported that the North American country have given asylum to 22 gay refugees"
    assert claim_factualities(seed_graph, "Canada", kg.KG.grantedAsylumTo, "gay refugees") == {"reported"}
    assert not has_fact(seed_graph, "Canada", kg.KG.grantedAsylumTo, "gay refugees")


@pytest.mark.parametrize("subject, prop, obj", [
    ("Kirill Kalinin", kg.KG.spokespersonFor, "Russian embassy"),
    ("Russian embassy", kg.KG.locatedIn, "Ottawa"),
    ("Kimahli Powell", kg.KG.directorOf, "Rainbow Railroad"),
    ("Ramzan Kadyrov", kg.KG.presidentOf, "Chechnya"),
    ("Chechnya", kg.KG.locatedIn, "Russia"),  # "the Russian republic"
])
def test_reader_facts(seed_graph, subject, prop, obj):
    # every fact a reader lists is an asserted claim with its sentence; it is a plain triple exactly when
    # its pattern's measured precision clears the build's gate (director of / president of, judged 0 of 5
    # and 2 of 5 right on fresh articles, stay claim nodes for now, with their sentence and confidence)
    from rdflib import Literal

    assert claim_factualities(seed_graph, subject, prop, obj) == {"asserted"}
    rows = run_query(seed_graph, """SELECT ?conf ?gate WHERE { ?c rdf:subject/rdfs:label ?sl ; rdf:predicate ?p ;
        rdf:object/rdfs:label ?ol ; kg:confidence ?conf ; kg:sentence ?s . ?s kg:text ?text ; kg:inDocument ?d .
        ?d kg:minConfidence ?gate }""", {"sl": Literal(subject), "ol": Literal(obj), "p": prop})
    assert rows, "the claim keeps its sentence and its document's gate"
    cleared = any(float(r.conf) >= float(r.gate) for r in rows)
    assert has_fact(seed_graph, subject, prop, obj) == cleared


def test_who_said_what(seed_graph):
    speakers = {str(r.name) for r in run_query(
        seed_graph, "SELECT ?name WHERE { ?q a kg:Quote ; kg:direct true ; kg:speaker/rdfs:label ?name }")}
    assert speakers == {"Kirill Kalinin", "Kimahli Powell"}
    reported = {str(r.text) for r in run_query(
        seed_graph, "SELECT ?text WHERE { ?q kg:direct false ; kg:quotedText ?text ; kg:speaker/rdfs:label 'Kirill Kalinin' }")}
    assert reported == {"there will be a probe into the Canadian underground railroad operating out of Russia"}


@pytest.mark.parametrize("name", ["Kirill Kalinin", "Kimahli Powell", "Ramzan Kadyrov", "Chrystia Freeland"])
def test_one_node_per_person(seed_graph, name):
    surname = name.split()[-1]
    nodes = {s for s, label in seed_graph.subject_objects(RDFS.label) if surname in str(label)}
    assert len(nodes) == 1
    (node,) = nodes
    assert (node, RDF.type, kg.KG.Person) in seed_graph


def test_no_boilerplate_entities(seed_graph):
    labels = " ".join(str(o) for o in seed_graph.objects(None, RDFS.label))
    for junk in ("Justin Trudeau", "Facebook", "Karamo", "Lady Gaga", "Netflix", "Queer Eye", "kremlin.ru", "Sabrina"):
        assert junk not in labels


def test_the_chechen_president_is_kadyrov(seed_graph):
    said = {str(r.text) for r in run_query(
        seed_graph, "SELECT ?text WHERE { ?q a kg:Quote ; kg:speaker/rdfs:label 'Ramzan Kadyrov' ; kg:quotedText ?text }")}
    assert "there are no gay people in the country" in said
    # "..., Ramzan Kadyrov, having publicly declared that he wanted all LGBT+ people ... eliminated by May 26"
    assert any(text.startswith("he wanted all LGBT+ people in the country to be eliminated by May 26") for text in said)


@pytest.mark.model
def test_dates_in_the_seed_are_read_against_its_publication_date():
    import kg
    from kg.config import Settings
    from kg.query import run_query

    if not SEED_DIR.is_dir():
        pytest.skip("../shared/seed is not beside the checkout")
    graph = kg.build([SEED_DIR], settings=Settings(date="2017-09-04"))
    found = {(str(r[0]), str(r[1]), str(r[2])) for r in run_query(graph, """
        SELECT ?t ?a ?b WHERE { ?c rdf:predicate kg:grantedAsylumTo ; kg:time [ kg:text ?t ; kg:earliest ?a ; kg:latest ?b ] }""")}
    assert found == {("the past three months", "2017-06-04", "2017-09-04")}
    dated = run_query(graph, "SELECT ?d WHERE { ?doc a kg:Document ; schema:datePublished ?d }")
    assert [str(r[0]) for r in dated] == ["2017-09-04"]
