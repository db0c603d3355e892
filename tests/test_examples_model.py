"""The real pipeline on the bundled example articles: specific facts, their provenance, stability."""
from __future__ import annotations

import pytest
from conftest import EXAMPLES, claim_factualities, has_fact
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

import kg
from kg.config import Settings
from kg.ingest import read_sources
from kg.query import rows, run_query

pytestmark = pytest.mark.model

FACT = """
SELECT ?factuality ?confidence ?sentence ?start ?end ?sstart ?extractor ?doc WHERE {
  ?s rdfs:label ?sl . ?o rdfs:label ?ol .
  ?c a kg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:factuality ?factuality ;
     kg:confidence ?confidence ; kg:start ?start ; kg:end ?end ; kg:extractor ?extractor ;
     kg:sentence ?sent .
  ?sent kg:text ?sentence ; kg:start ?sstart ; kg:inDocument ?doc .
}"""


def fact(graph, subject, predicate, obj):
    """Provenance rows of the claim (subject label, property, object label)."""
    result = run_query(graph, FACT, {"sl": Literal(subject), "ol": Literal(obj), "p": predicate})
    return list(result)


@pytest.mark.parametrize("subject, prop, obj", [
    ("Canada", kg.KG.grantedAsylumTo, "gay refugees from Chechnya"),
    ("Kirill Kalinin", kg.KG.spokespersonFor, "Russian embassy"),
    ("Russian embassy", kg.KG.locatedIn, "Ottawa"),
    ("Kimahli Powell", kg.KG.directorOf, "Rainbow Railroad"),
    ("Ramzan Kadyrov", kg.KG.presidentOf, "Chechnya"),
    ("Lakeside Dairy", kg.KG.basedIn, "Madison"),
    ("Northwind Foods", kg.KG.basedIn, "Denver"),
    ("Marcus Reyes", kg.KG.leaderOf, "Northwind Foods"),
    ("Elena Vella", kg.KG.worksFor, "Malta Independent"),
    ("Viktor Hale", kg.KG.leaderOf, "Liberty Party"),
    ("Anna Petrova", kg.KG.spokespersonFor, "Interior Ministry of Freedonia"),  # "the ministry" resolved
])
def test_example_fact_is_a_plain_triple_with_provenance(example_graph, subject, prop, obj):
    assert has_fact(example_graph, subject, prop, obj)
    (row, *_) = fact(example_graph, subject, prop, obj)
    assert str(row.factuality).endswith("#asserted")
    assert 0 < float(row.confidence) <= 1 and str(row.extractor).startswith("kg.")
    local_start, local_end = int(row.start) - int(row.sstart), int(row.end) - int(row.sstart)
    evidence = str(row.sentence)[local_start:local_end]
    assert subject.split()[-1] in evidence or subject.lower() in evidence.lower()


def test_an_agreed_purchase_is_not_yet_a_purchase(example_graph):
    # "Northwind Foods ... has agreed to buy Lakeside Dairy" (and the deal still needs approval)
    assert claim_factualities(example_graph, "Northwind Foods", kg.KG.acquired, "Lakeside Dairy") == {"hypothetical"}
    assert not has_fact(example_graph, "Northwind Foods", kg.KG.acquired, "Lakeside Dairy")


def test_sentence_offsets_point_into_the_document_text(example_graph):
    documents = {d.id: d for d in read_sources([EXAMPLES]) if isinstance(d, kg.Document)}
    checked = 0
    for row in run_query(example_graph, "SELECT ?doc ?text ?start ?end WHERE { ?s a kg:Sentence ; kg:text ?text ;"
                                        " kg:start ?start ; kg:end ?end ; kg:inDocument ?doc }"):
        document = documents[str(row.doc).rsplit("/", 1)[-1]]
        assert document.text[int(row.start):int(row.end)] == str(row.text)
        checked += 1
    assert checked > 10


def test_quotes_have_speakers_and_cues(example_graph):
    header, body = rows(run_query(example_graph, kg.named_queries()["who_said_what"].read_text()))
    direct = {str(r.text) for r in run_query(example_graph, "SELECT ?text WHERE { ?q kg:direct true ; kg:quotedText ?text }")}
    by_speaker = {row[0]: row for row in body if row[3] == "true"}
    assert {row[2] for row in body if row[3] == "true"} == direct
    assert by_speaker["Kirill Kalinin"][2].startswith("Any legal irregularities")
    assert by_speaker["Marcus Reyes"][1] == "say"
    assert by_speaker["Robert Abela"][2] == "We will find everyone who ordered this killing"
    assert {"Kimahli Powell", "Anna Petrova"} <= set(by_speaker)


def test_denied_and_negated_claims_are_kept_but_not_has_fact(example_graph):
    assert not has_fact(example_graph, "agents", URIRef(kg.OPEN["hack"]), "phones of opposition leaders")
    rows_ = list(run_query(example_graph, "SELECT ?f WHERE { ?c rdf:subject/rdfs:label 'agents' ; kg:factuality ?f }"))
    assert [str(r.f).rsplit("#")[-1] for r in rows_] == ["denied"]


def test_boilerplate_never_reaches_the_graph(example_graph):
    labels = {str(o) for o in example_graph.objects(None, kg.KG.text)} | \
             {str(o) for o in example_graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    joined = " ".join(labels)
    for junk in ("Instagram", "Press enter", "Sign up", "tracking", "Home"):
        assert junk not in joined


def test_entities_have_one_class_and_a_label(example_graph):
    result = run_query(example_graph, """
        SELECT ?e (COUNT(DISTINCT ?t) AS ?nt) (COUNT(DISTINCT ?l) AS ?nl) WHERE {
          ?e kg:mentionedIn ?d ; a ?t ; rdfs:label ?l } GROUP BY ?e""")
    counts = [(int(r.nt), int(r.nl)) for r in result]
    assert counts and all(c == (1, 1) for c in counts)


def test_building_twice_gives_isomorphic_graphs(example_graph):
    again = kg.build([EXAMPLES], settings=Settings(min_confidence=0))
    first = {str(g.identifier): g for g in example_graph.graphs()}
    second = {str(g.identifier): g for g in again.graphs()}
    assert first.keys() == second.keys()
    for name, graph in first.items():
        assert isomorphic(graph, second[name]), name


def test_one_named_graph_per_document(example_graph):
    docs = set(example_graph.subjects(predicate=None, object=kg.KG.Document))
    named = {g.identifier for g in example_graph.graphs() if len(g)}
    assert len(docs) == 4 and docs <= named


def test_every_claims_evidence_covers_its_arguments_inside_its_sentence():
    from kg.extract import extract
    from kg.config import Settings
    from kg.nlp import parse_document

    documents = [d for d in read_sources([EXAMPLES]) if isinstance(d, kg.Document)]
    checked = 0
    for document in documents:
        doc = parse_document(document, Settings().model)
        result = extract(doc, document)
        sentences = {s.index: s for s in result.sentences}
        for claim in result.claims:
            p = claim.provenance
            sentence = sentences[p.sentence]
            assert sentence.start <= p.start < p.end <= sentence.end, claim
            for argument in (claim.subject, claim.object):
                if isinstance(argument, kg.Mention) and document.text[argument.start:argument.end] == argument.text:
                    assert p.start <= argument.start and argument.end <= p.end, claim
            checked += 1
    assert checked > 40


def test_a_nationality_before_a_title_means_the_country():
    graph = kg.build_text("Croatian President Franjo Tudjman met reporters in Geneva on Monday.", settings=Settings(min_confidence=0))
    assert has_fact(graph, "Franjo Tudjman", kg.KG.presidentOf, "Croatia")
    assert bool(run_query(graph, "ASK { ?c a kg:Country ; rdfs:label 'Croatia' ; skos:altLabel 'Croatian' }").askAnswer)


def test_it_said_is_the_organisation_named_last():
    graph = kg.build_text("Acme Corporation cut 200 jobs in Leeds on Monday. It said the market for its printers had collapsed.")
    speakers = {str(r.who) for r in run_query(graph, "SELECT ?who WHERE { ?q a kg:Quote ; kg:speaker/rdfs:label ?who }")}
    assert speakers == {"Acme Corporation"}
