"""Cross-document identity rules (kg.resolve.corpus), on hand-made entities: no model needed."""
from __future__ import annotations

from rdflib import URIRef

from kg.ontology import KG
from kg.resolve.corpus import canonical_choices, name_keys, same_entity
from kg.types import Entity


def person(name: str, *aliases: str) -> Entity:
    return Entity(id=f"Person:{name.lower()}", name=name, cls="Person", aliases=aliases)


def iri(name: str) -> URIRef:
    return URIRef("https://example.org/kg/entity/person/" + name.lower().replace(" ", "-"))


def resolve(entity: Entity, stored: dict[URIRef, tuple[set, set]]) -> URIRef:
    def lookup(keys: set[str]):  # what the store's skos:hiddenLabel lookup answers
        return {node: (classes, known) for node, (classes, known) in stored.items() if name_keys("Person", known) & keys}

    chosen = canonical_choices([entity], lambda e: iri(e.name), lambda cls: KG[cls], lookup)
    return chosen[entity.id][0] if entity.id in chosen else iri(entity.name)


def test_people_match_on_a_shared_full_name_or_a_surname_that_is_the_other_ones():
    assert same_entity("Person", {"Vladimir Putin", "Putin"}, {"Putin"})
    assert same_entity("Person", {"Mr Blair"}, {"Tony Blair", "Blair"})
    assert same_entity("Person", {"Tony Blair"}, {"Mr Blair"})
    assert not same_entity("Person", {"Jane Smith", "Smith"}, {"John Smith", "Smith"})  # two people
    assert not same_entity("Person", {"Tony"}, {"Tony Blair"})
    assert same_entity("Person", {"George Bush", "President Bush"}, {"George W Bush", "Bush"})  # middle initial  # a first name alone is nobody's surname


def test_other_classes_match_on_any_shared_name():
    assert same_entity("Organization", {"the BBC"}, {"BBC", "British Broadcasting Corporation"}) is False
    assert same_entity("Organization", {"BBC"}, {"British Broadcasting Corporation", "BBC"})


def test_identity_keys_drop_titles_and_add_the_surname():
    assert name_keys("Person", {"Mr Tony Blair", "Tony"}) == {"tony blair", "blair", "tony"}
    assert name_keys("Organization", {"Acme Corporation"}) == {"acme corporation"}
    assert name_keys("Organization", {"General Motors"}) == {"general motors"}  # "General" is no title here
    assert name_keys("Organization", {"Federal Security Service"}) == {"federal security service", "fss"}


def test_a_surname_joins_the_one_full_name_it_matches():
    stored = {iri("Tony Blair"): ({KG.Person}, {"Tony Blair"})}
    assert resolve(person("Blair"), stored) == iri("Tony Blair")
    assert resolve(person("Mr Blair"), stored) == iri("Tony Blair")


def test_a_full_name_joins_a_node_known_only_by_its_surname():
    stored = {iri("Putin"): ({KG.Person}, {"Putin"})}
    assert resolve(person("Vladimir Putin", "Putin"), stored) == iri("Putin")


def test_an_ambiguous_surname_keeps_its_own_node():
    stored = {
        iri("Gordon Brown"): ({KG.Person}, {"Gordon Brown", "Brown"}),
        iri("Wes Brown"): ({KG.Person}, {"Wes Brown", "Brown"}),
    }
    assert resolve(person("Brown"), stored) == iri("Brown")


def test_a_different_full_name_or_class_never_merges():
    stored = {iri("John Smith"): ({KG.Person}, {"John Smith", "Smith"})}
    assert resolve(person("Jane Smith", "Smith"), stored) == iri("Jane Smith")
    company = {iri("Blair"): ({KG.Organization}, {"Blair"})}
    assert resolve(person("Tony Blair", "Blair"), company) == iri("Tony Blair")


def test_a_full_name_with_its_own_node_stays_there():
    stored = {
        iri("Tony Blair"): ({KG.Person}, {"Tony Blair", "Blair"}),
        iri("Blair"): ({KG.Person}, {"Blair"}),
    }
    assert resolve(person("Tony Blair", "Blair"), stored) == iri("Tony Blair")


def test_a_royal_title_is_part_of_the_name_so_prince_charles_is_not_ray_charles():
    # session 10's held-out build of draws 36-39 merged "Ray Charles" and "Prince Charles" into one node
    assert name_keys("Person", {"Prince Charles"}) == {"prince charles"}
    assert not same_entity("Person", {"Prince Charles"}, {"Ray Charles", "Charles"})
    stored = {iri("Ray Charles"): ({KG.Person}, {"Ray Charles"})}
    assert resolve(person("Prince Charles"), stored) == iri("Prince Charles")
    assert resolve(person("Charles"), stored) == iri("Ray Charles")  # a surname alone still joins its one full name
    assert resolve(person("Mr Charles"), stored) == iri("Ray Charles")
