"""Entity and open-relation IRIs are one-to-one with names: a slug that drops or cuts anything carries
a hash of the exact name, a plain name keeps its readable slug, and a store built before (with the
old, colliding slugs) still opens and keeps one node per name."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import RDFS
from typer.testing import CliRunner

from kg.cli import app
from kg.ontology import entity_iri, property_iri, slug
from kg.resolve.coref import normalise_name

ENTITY = "https://example.org/kg/entity/"
# Pairs that shared one node when the slug dropped punctuation and cut at 80 characters.
COLLIDING = [
    ("Smith & Wesson", "Smith/Wesson"),
    ("C++", "C"),
    ("Canal+", "Canal"),
    ("C Corp.", "C Corp"),
    ("Jean-Paul Sartre", "Jean Paul Sartre"),
    ("O'Brien", "OBrien"),
    ("x" * 199 + "a", "x" * 199 + "b"),  # the same first 80 characters
    ("Acme " + "0123456789abcdef", "Acme."),  # a plain name whose last word looks like a digest
]


def iri(name: str, cls: str = "Organization") -> URIRef:
    return entity_iri(cls, normalise_name(name))  # as kg.mapping makes it, from the normalised name


def test_a_name_spelled_with_or_without_accents_is_one_name():
    # Outlets write "José Martínez" and "Jose Martinez" for one person: identity folds accents
    # deliberately (labels keep them), so both spellings meet at one bare, readable IRI.
    assert iri("José Martínez", "Person") == iri("Jose Martinez", "Person") == URIRef(ENTITY + "person/jose-martinez")


@pytest.mark.parametrize("one, other", COLLIDING, ids=[f"{a[:20]}|{b[:20]}" for a, b in COLLIDING])
def test_names_that_differ_get_different_iris(one: str, other: str):
    assert iri(one) != iri(other)
    assert iri(one) == iri(one) and iri(other) == iri(other)  # and the same name twice, one IRI


def test_a_crafted_plain_name_cannot_take_a_hashed_slug():
    hashed = slug("smith & wesson")  # 'smith-wesson-<16 hex>'
    crafted = hashed.replace("-", " ")  # a plain name spelling out those words
    assert slug(crafted) != hashed


def test_a_long_name_is_cut_and_hashed():
    name = "the committee for " + "very " * 40 + "long names"
    made = slug(normalise_name(name))
    assert len(made) <= 80 + 1 + 16 and made.startswith("the-committee-for-very")
    assert made != slug(normalise_name(name + " too"))  # past the cut, still another IRI
    assert slug(normalise_name(name + "!")) == made  # "!" is dropped by identity's normalisation: the same name


def test_normalisation_identity_applies_still_merges():
    """Case, spacing and separators are identity's own normalisation: those names stay one node."""
    assert iri("SMITH & WESSON") == iri("Smith  &  Wesson") == iri("smith & wesson")
    assert iri("Smith/Wesson") == iri("Smith Wesson")  # '/' separates words, as a space does


def test_plain_names_keep_their_readable_iris():
    assert iri("Kirill Kalinin", "Person") == URIRef(ENTITY + "person/kirill-kalinin")
    assert entity_iri("City", "ottawa 6094817") == URIRef(ENTITY + "city/ottawa-6094817")
    assert property_iri("open:arrive_in") == URIRef("https://example.org/kg/open#arrive_in")


def test_open_relation_properties_never_collide():
    assert property_iri("open:e-mail") != property_iri("open:e_mail")
    assert property_iri("open:re-sign") != property_iri("open:re_sign")
    assert property_iri("open:" + "x" * 100) != property_iri("open:" + "x" * 99 + "y")


@pytest.mark.model
def test_one_build_keeps_punctuated_names_apart(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Smith & Wesson Brands sued Initech in Lima. Smith Wesson Brands hired Maria Lopez in Oslo.\n",
                       encoding="utf-8")
    out = tmp_path / "g.trig"
    assert CliRunner().invoke(app, ["build", str(article), "-o", str(out)]).exit_code == 0
    graph = Dataset(default_union=True)
    graph.parse(out, format="trig")
    nodes = {str(s): str(o) for s, o in graph.subject_objects(RDFS.label) if "Wesson" in str(o)}
    assert sorted(nodes.values()) == ["Smith & Wesson Brands", "Smith Wesson Brands"]
    assert ENTITY + "organization/smith-wesson-brands" in nodes  # the plain one keeps its readable IRI


@pytest.mark.model
def test_a_store_with_old_iris_opens_and_keeps_one_node_per_name(tmp_path: Path):
    """A store written before: its entity nodes have the old slugs ('jean-paul-sartre', no hash). It opens,
    queries work, and a new document naming the same person joins the stored node rather than
    starting a second one (cross-document identity looks names up, not IRIs)."""
    import pyoxigraph

    store = tmp_path / "store"
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text("Jean-Paul Sartre sued Initech in Lima on Monday, the company said.\n", encoding="utf-8")
    second.write_text("Jean-Paul Sartre joined Globex in Oslo last year, a spokesman said.\n", encoding="utf-8")
    assert CliRunner().invoke(app, ["build", str(first), "--store", str(store)]).exit_code == 0
    new, old = entity_iri("Person", "jean-paul sartre"), ENTITY + "person/jean-paul-sartre"
    assert str(new) != old
    raw = pyoxigraph.Store(str(store))  # make it the store an older kg wrote: the same quads, the old IRI
    for position in ("?s ?p ?o", "?o ?p ?s"):
        renamed = position.replace("?s", f"<{old}>")
        raw.update(f"DELETE {{ GRAPH ?g {{ {position} }} }} INSERT {{ GRAPH ?g {{ {renamed} }} }}"
                   f" WHERE {{ GRAPH ?g {{ {position} }} FILTER(?s = <{new}>) }}")
        raw.update(f"DELETE {{ {position} }} INSERT {{ {renamed} }} WHERE {{ {position} FILTER(?s = <{new}>) }}")
    raw.flush()
    del raw

    query = "SELECT DISTINCT ?e WHERE { ?e a kg:Person ; rdfs:label 'Jean-Paul Sartre' }"
    before = CliRunner().invoke(app, ["query", query, "--store", str(store), "-f", "csv"])
    assert before.exit_code == 0 and before.stdout.split() == ["e", old]
    assert CliRunner().invoke(app, ["build", str(second), "--store", str(store)]).exit_code == 0
    after = CliRunner().invoke(app, ["query", query, "--store", str(store), "-f", "csv"])
    assert after.stdout.split() == ["e", old]  # one node: the new document took the stored IRI
    merges = CliRunner().invoke(app, ["merges", "--store", str(store)])
    assert merges.exit_code == 0 and "Jean-Paul Sartre" in merges.stdout
