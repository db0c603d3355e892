"""The ontology is documented, its reference is current, and SHACL validation passes kg's own graphs
and catches broken ones."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from typer.testing import CliRunner

from conftest import ROOT
from kg.cli import app
from kg.mapping import new_dataset
from kg.ontology import KG, KG_URI, ontology_graph
from kg.standards import markdown_reference, validate

RUNNER = CliRunner()


def kg_terms(kind):
    return [t for t in ontology_graph().subjects(RDF.type, kind) if str(t).startswith(KG_URI)]


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_term_has_a_label_and_a_comment(kind):
    graph = ontology_graph()
    missing = [t for t in kg_terms(kind) if graph.value(t, RDFS.label) is None or graph.value(t, RDFS.comment) is None]
    assert kg_terms(kind) and not missing


@pytest.mark.parametrize("kind", [OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_property_has_a_domain_and_a_range(kind):
    graph = ontology_graph()
    missing = [t for t in kg_terms(kind) if graph.value(t, RDFS.domain) is None or graph.value(t, RDFS.range) is None]
    assert not missing


def test_classes_align_to_schema_org_and_prov():
    graph = ontology_graph()
    assert (KG.Person, OWL.equivalentClass, URIRef("https://schema.org/Person")) in graph
    assert (KG.Claim, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in graph
    assert (KG.worksFor, RDFS.subPropertyOf, URIRef("https://schema.org/worksFor")) in graph


def test_the_committed_reference_is_the_generated_one():
    committed = (ROOT / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert committed == markdown_reference(), "run `kg ontology --doc -o docs/ontology.md`"


def test_ontology_doc_command_lists_every_property():
    result = RUNNER.invoke(app, ["ontology", "--doc"])
    assert result.exit_code == 0
    for term in kg_terms(OWL.ObjectProperty) + kg_terms(OWL.DatatypeProperty):
        assert f"`kg:{str(term)[len(KG_URI):]}`" in result.stdout


@pytest.mark.model
def test_the_examples_conform(example_graph):
    report = validate(example_graph)
    assert report.conforms, "\n".join(map(str, report.violations[:20]))
    assert report.triples > 1000


@pytest.mark.model
def test_the_seed_article_conforms(seed_graph):
    report = validate(seed_graph)
    assert report.conforms, "\n".join(map(str, report.violations[:20]))


def copy_of(graph):
    copy = new_dataset()
    for quad in graph.quads((None, None, None, None)):
        copy.add(quad)
    return copy


def first(graph, query):
    from kg.query import run_query

    return next(iter(run_query(graph, query)))


@pytest.mark.model
def test_broken_graphs_are_reported_readably(example_graph):
    """Each rule can fail: take the valid examples graph, break one thing per rule, and see it named."""
    broken = copy_of(example_graph)
    person, name, doc = first(broken, "SELECT ?e ?n ?g WHERE { GRAPH ?g { ?e a kg:Person ; rdfs:label ?n } } LIMIT 1")
    broken.graph(doc).remove((person, RDFS.label, None))
    claim, end, sentence_end, cg = first(
        broken, "SELECT ?c ?e ?to ?g WHERE { GRAPH ?g { ?c a kg:Claim ; kg:end ?e ; kg:sentence/kg:end ?to } } LIMIT 1"
    )
    broken.graph(cg).remove((claim, KG.end, end))
    broken.graph(cg).add((claim, KG.end, Literal(int(sentence_end) + 5)))
    quote, qg = first(broken, "SELECT ?q ?g WHERE { GRAPH ?g { ?q a kg:Quote } } LIMIT 1")
    broken.graph(qg).remove((quote, KG.speaker, None))
    place, pg = first(broken, "SELECT ?p ?g WHERE { GRAPH ?g { ?p a kg:City } } LIMIT 1")
    broken.graph(pg).add((place, KG.spokespersonFor, person))

    report = validate(broken)
    assert not report.conforms
    found = {(v.message, v.focus) for v in report.violations}
    messages = {m for m, _ in found}
    assert "an entity has a plain-text rdfs:label" in messages
    assert "the evidence runs past the end of its sentence" in messages
    assert "a quote has exactly one speaker, an entity" in messages
    assert any(m.startswith("a kg:spokespersonFor on a subject that is not a kg:Person") for m in messages), messages
    assert len(report.violations) <= 6, report.violations  # exactly what was broken, nothing else


@pytest.mark.model
def test_validate_command_exit_status(tmp_path):
    good = tmp_path / "g.trig"
    assert RUNNER.invoke(app, ["build", str(ROOT / "examples" / "northwind_acquisition.md"), "-o", str(good)]).exit_code == 0
    result = RUNNER.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0 and "conforms" in result.stdout, result.output
    bad = tmp_path / "bad.trig"
    text = good.read_text(encoding="utf-8")
    bad.write_text(text.replace("kg:confidence 0.", "kg:confidence 7."), encoding="utf-8")
    result = RUNNER.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1 and "does not conform" in result.stdout, result.output
    assert "kg:confidence" in result.stdout
