"""Every store backend behind one fixture: documents in, SPARQL out, replaced and removed whole."""
from __future__ import annotations

import httpx
import pytest
from rdflib import Literal, URIRef

from kg.build import extractions
from kg.config import Settings
from kg.ingest import make_document
from kg.store import open_store
ENTITY = "https://example.org/kg/entity/"

pytestmark = pytest.mark.model

# remote-union: the union kept in a named graph that queries name as their default graph, as kg
# does on Virtuoso (whose default graph is a view of every graph)
BACKENDS = ["memory", "oxigraph", "remote", "remote-union"]

FIRST = ("Kirill Kalinin, a spokesman for the Russian embassy in Ottawa, said the claims were false. "
         "Kalinin lives in Ottawa.")
SECOND = ("Kirill Kalinin, a spokesman for the Russian embassy, met Anna Petrova in Toronto. "
          "Petrova works for the Maple Institute.")


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param.startswith("remote"):
        location, base = request.getfixturevalue("sparql_server")
        httpx.post(base + "/update", content="DROP ALL", headers={"Content-Type": "application/sparql-update"})
        if request.param == "remote-union":
            location += "&union=urn:kg:union"
    else:
        location = "memory" if request.param == "memory" else tmp_path / "store"
    with open_store(location) as opened:
        yield opened


def extraction(text: str, source: str):
    """The store's own logic is under test: every asserted claim a plain triple (no confidence gate)."""
    return next(extractions([make_document(text, source=source)], Settings(min_confidence=0)))


def labels(store, cls: str) -> set[str]:
    rows = store.sparql(f"SELECT ?l WHERE {{ ?e a kg:{cls} ; rdfs:label ?l }}")
    return {str(r[0]) for r in rows}


def test_a_stored_document_is_there_and_queryable(store):
    first = extraction(FIRST, "a.txt")
    assert not store.contains(first.document.id)
    store.put(first)
    assert store.contains(first.document.id)
    assert [d.source for d in store.documents()] == ["a.txt"]
    assert "Kirill Kalinin" in labels(store, "Person")
    found = store.sparql("SELECT ?e WHERE { ?e rdfs:label ?name }", {"name": "Kirill Kalinin"})
    assert len(list(found)) == 1


def test_putting_the_same_document_twice_changes_nothing(store):
    first = extraction(FIRST, "a.txt")
    store.put(first)
    size = len(store)
    store.put(first)
    assert len(store) == size and len(store.documents()) == 1


def test_a_changed_source_replaces_its_earlier_version(store):
    old = extraction(FIRST, "a.txt")
    store.put(old)
    new = extraction(SECOND, "a.txt")
    assert store.put(new) == [old.document.id]
    assert [d.id for d in store.documents()] == [new.document.id]
    assert "Anna Petrova" in labels(store, "Person")


def test_the_same_entity_in_two_documents_is_one_node_with_the_facts_of_both(store):
    store.put(extraction(FIRST, "a.txt"))
    store.put(extraction(SECOND, "b.txt"))
    rows = list(store.sparql(
        "SELECT DISTINCT ?e ?doc WHERE { ?e rdfs:label ?name ; kg:mentionedIn ?doc }", {"name": "Kirill Kalinin"}
    ))
    assert len({r[0] for r in rows}) == 1 and len({r[1] for r in rows}) == 2


def test_removing_a_document_takes_what_only_it_supported(store):
    a, b = extraction(FIRST, "a.txt"), extraction(SECOND, "b.txt")
    store.put(a)
    store.put(b)
    assert store.remove("b.txt") == [b.document.id]
    assert "Anna Petrova" not in labels(store, "Person")  # only b mentioned her
    assert "Kirill Kalinin" in labels(store, "Person")  # a still does
    assert store.remove(a.document.id) == [a.document.id]
    assert store.documents() == [] and store.remove("a.txt") == []


def test_bound_values_stay_values(store):
    store.put(extraction(FIRST, "a.txt"))
    hostile = 'x" } } DROP ALL ; SELECT * WHERE { ?s ?p "'
    assert list(store.sparql("SELECT ?e WHERE { ?e rdfs:label ?name }", {"name": hostile})) == []
    assert list(store.sparql("SELECT ?e WHERE { ?e rdfs:label ?name }", {"name": Literal("a\nb\\")})) == []
    assert "Kirill Kalinin" in labels(store, "Person")  # nothing was dropped
    with pytest.raises(Exception, match="not a valid IRI"):
        store.sparql("SELECT ?p WHERE { ?d ?p ?o }", {"d": URIRef("http://x/> } DROP ALL #")})


def test_counting_with_a_bound_value_counts_only_its_matches(store):
    store.put(extraction(FIRST, "a.txt"))
    store.put(extraction(SECOND, "b.txt"))
    total = int(next(iter(store.sparql("SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document }")))[0])
    one = store.sparql("SELECT (COUNT(?d) AS ?n) WHERE { ?d a kg:Document ; kg:sourcePath ?src }", {"src": "a.txt"})
    assert total == 2 and int(next(iter(one))[0]) == 1


def test_a_fact_held_by_two_documents_is_answered_once_and_survives_one_removal(store):
    a, b = extraction(FIRST, "a.txt"), extraction(SECOND, "b.txt")
    store.put(a)
    store.put(b)
    query = "SELECT ?e WHERE { ?e rdfs:label ?name ; a kg:Person }"  # no DISTINCT on purpose
    assert len(list(store.sparql(query, {"name": "Kirill Kalinin"}))) == 1
    store.remove("b.txt")
    assert len(list(store.sparql(query, {"name": "Kirill Kalinin"}))) == 1
    store.remove("a.txt")
    assert list(store.sparql(query, {"name": "Kirill Kalinin"})) == []
    leftover = store.sparql("SELECT ?s WHERE { ?s ?p ?o FILTER(?s != ?o) } LIMIT 1000")
    assert all("kg/entity" not in str(row[0]) for row in leftover)  # only the ontology is left


PUTIN_FULL = "Vladimir Putin visited Paris on Monday. Putin said the talks went well."
PUTIN_SHORT = "Putin met Angela Merkel in Berlin on Tuesday."


@pytest.mark.parametrize("order", [(PUTIN_FULL, PUTIN_SHORT), (PUTIN_SHORT, PUTIN_FULL)], ids=["full-first", "surname-first"])
def test_a_surname_in_one_article_and_the_full_name_in_another_are_one_node(store, order):
    for number, text in enumerate(order):
        store.put(extraction(text, f"{number}.txt"))
    rows = list(store.sparql(
        "SELECT DISTINCT ?e ?place ?met WHERE { ?e a kg:Person ; kg:visited ?place ; kg:met ?met }"
    ))
    assert [(str(r[1]).rsplit("/", 1)[-1], str(r[2]).rsplit("/", 1)[-1]) for r in rows] == [("paris-2988507", "angela-merkel")]  # Paris, France (GeoNames 2988507)
    docs = store.sparql("SELECT DISTINCT ?doc WHERE { ?e kg:visited ?p ; kg:mentionedIn ?doc }")
    assert len(list(docs)) == 2


def test_two_people_sharing_a_surname_stay_two_nodes(store):
    store.put(extraction("John Smith works for Acme Corporation in Leeds.", "a.txt"))
    store.put(extraction("Jane Smith works for the Maple Institute in London. Smith joined in May.", "b.txt"))
    assert {"John Smith", "Jane Smith"} <= labels(store, "Person")
    employers = store.sparql("SELECT ?l ?org WHERE { ?e rdfs:label ?l ; kg:worksFor/rdfs:label ?org }")
    assert {(str(r[0]), str(r[1])) for r in employers} >= {("John Smith", "Acme Corporation"),
                                                           ("Jane Smith", "Maple Institute")}  # fmt: skip


def test_a_merge_is_recorded_with_its_evidence_and_can_be_undone(store):
    from kg.store.merges import list_merges, unmerge

    store.put(extraction(PUTIN_FULL, "full.txt"))
    store.put(extraction(PUTIN_SHORT, "short.txt"))
    merges = [(str(r[1]), str(r[2]), str(r[4]), str(r[5])) for r in list_merges(store)]
    alias, full = f"{ENTITY}person/putin", f"{ENTITY}person/vladimir-putin"
    assert merges == [(alias, full, "'putin' is the surname of 'vladimir putin'", "Putin")]
    assert store.sparql("ASK { ?a owl:sameAs ?c }", {"a": URIRef(alias), "c": URIRef(full)}).askAnswer

    assert len(unmerge(store, URIRef(alias))) == 1
    assert not list_merges(store)
    met = {str(r[0]) for r in store.sparql("SELECT ?e WHERE { ?e kg:met ?m }")}
    visited = {str(r[0]) for r in store.sparql("SELECT ?e WHERE { ?e kg:visited ?p }")}
    assert met == {alias} and visited == {full}  # each document has its own node again
    store.put(extraction("Putin visited Rome on Friday.", "rome.txt"))  # kept apart from now on
    assert not list_merges(store)
    assert {str(r[0]) for r in store.sparql("SELECT ?e WHERE { ?e kg:visited ?p }")} == {alias, full}


def test_an_acronym_joins_the_full_name_and_removing_the_document_removes_the_merge(store):
    from kg.store.merges import list_merges

    store.put(extraction("Federal Security Service agents detained Ivan Petrov in Moscow.", "a.txt"))
    store.put(extraction("The FSS questioned a journalist for six hours.", "b.txt"))
    found = [(str(r[2]).rsplit("/", 1)[-1], str(r[4])) for r in list_merges(store)]
    assert found == [("federal-security-service", "'fss' is the initials of 'federal security service'")]
    store.remove("b.txt")
    assert not list_merges(store)
    fss = URIRef(f"{ENTITY}organization/federal-security-service")
    assert not store.sparql("ASK { ?a owl:sameAs ?c }", {"c": fss}).askAnswer


def test_a_surname_with_a_role_unlike_the_stored_persons_stays_apart(store):
    from kg.store.merges import list_merges

    store.put(extraction("John Smith, chief executive of Acme Foods, announced the deal on Monday.", "a.txt"))
    store.put(extraction("Smith, a spokesman for Hordaland Police, said the man was arrested.", "b.txt"))
    assert not list_merges(store)  # a police spokesman is not Acme's chief executive
    assert labels(store, "Person") == {"John Smith", "Smith"}
    store.put(extraction("Acme Foods chief executive Smith said sales rose.", "c.txt"))
    assert [str(r[4]) for r in list_merges(store)] == ["'smith' is the surname of 'john smith'"]
