"""Arguments of the kind a property takes, and descriptions that are no job: on hand-built parses (no model)."""
from __future__ import annotations

from conftest import hand_parse
from test_patterns import triples

from kg.ingest import make_document
from kg.extract import extract
from kg.resolve.argument_kinds import argument_kinds, of_the_right_kind
from kg.resolve.coref import resolve_document


def resolved(doc) -> set[tuple[str, str, str]]:
    """(subject label, property, object label) of the claims that survive coreference."""
    extraction = resolve_document(extract(doc, make_document(doc.text, source="<test>")))
    names = {e.id: e.name for e in extraction.entities}
    return {(names[c.subject], c.predicate, names.get(c.object, str(c.object))) for c in extraction.claims}


def test_the_ontology_says_what_each_role_may_point_to():
    subjects, objects = argument_kinds()["kg:worksFor"]
    assert subjects == {"Person"} and objects == {"Organization"}
    assert argument_kinds()["kg:basedIn"][1] == {"Place", "Country", "City"}
    assert not of_the_right_kind("kg:worksFor", "Person", "Person")  # a person is no employer
    assert not of_the_right_kind("kg:memberOf", "Person", "City")  # nor a state a body one belongs to
    assert of_the_right_kind("kg:worksFor", "Person", "Concept")  # "a spokesman for the bank": a description passes
    assert of_the_right_kind("open:praise", "Person", "Person")  # open relations are not typed


def test_a_fan_after_a_name_read_as_a_body_works_for_nobody():
    # "After the Cantona incident, a fan, Paul Nixon, died." with NER calling the first Cantona a body:
    # the role pattern reads "fan ... Cantona"; once Cantona is Eric Cantona, a person, the claim goes
    rows = [("Eric", "Eric", "PROPN", "NNP", "compound", 1), ("Cantona", "Cantona", "PROPN", "NNP", "nsubj", 2),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 2), (".", ".", "PUNCT", ".", "punct", 2),
            ("Paul", "Paul", "PROPN", "NNP", "compound", 5), ("Nixon", "Nixon", "PROPN", "NNP", "nsubj", 11),
            (",", ",", "PUNCT", ",", "punct", 5), ("a", "a", "DET", "DT", "det", 8),
            ("steward", "steward", "NOUN", "NN", "appos", 5), ("for", "for", "ADP", "IN", "prep", 8),
            ("Cantona", "Cantona", "PROPN", "NNP", "pobj", 9), ("died", "die", "VERB", "VBD", "ROOT", 11),
            (".", ".", "PUNCT", ".", "punct", 11)]
    doc = hand_parse(rows, ents=[(0, 2, "PERSON"), (4, 6, "PERSON"), (10, 11, "ORG")])
    assert ("Paul Nixon", "kg:worksFor", "Cantona") in triples(doc)  # what the pattern alone reads
    assert not any(p == "kg:worksFor" for _, p, _ in resolved(doc))


def test_an_mp_for_a_seat_does_not_work_for_it():
    # "Ms Roche, Labour MP for Hornsey, spoke." with the seat tagged as a body
    rows = [("Roche", "Roche", "PROPN", "NNP", "nsubj", 7), (",", ",", "PUNCT", ",", "punct", 0),
            ("Labour", "Labour", "PROPN", "NNP", "compound", 3), ("MP", "MP", "NOUN", "NN", "appos", 0),
            ("for", "for", "ADP", "IN", "prep", 3), ("Hornsey", "Hornsey", "PROPN", "NNP", "pobj", 4),
            (",", ",", "PUNCT", ",", "punct", 0), ("spoke", "speak", "VERB", "VBD", "ROOT", 7)]
    found = triples(hand_parse(rows, ents=[(0, 1, "PERSON"), (2, 3, "ORG"), (5, 6, "ORG")]))
    assert not any(o == "Hornsey" for _, _, o in found), found
    rows[3] = ("spokesman", "spokesman", "NOUN", "NN", "appos", 0)  # a spokesman for a body speaks for it
    assert ("Roche", "kg:spokespersonFor", "Hornsey") in triples(hand_parse(rows, ents=[(0, 1, "PERSON"), (5, 6, "ORG")]))


def test_a_body_named_like_the_town_someone_comes_from_is_not_their_employer():
    # "Roy Tansley, a racer from Derby, spoke." with Derby tagged as the club
    rows = [("Roy", "Roy", "PROPN", "NNP", "compound", 1), ("Tansley", "Tansley", "PROPN", "NNP", "nsubj", 9),
            (",", ",", "PUNCT", ",", "punct", 1), ("a", "a", "DET", "DT", "det", 4),
            ("racer", "racer", "NOUN", "NN", "appos", 1), ("from", "from", "ADP", "IN", "prep", 4),
            ("Derby", "Derby", "PROPN", "NNP", "pobj", 5), (",", ",", "PUNCT", ",", "punct", 1),
            ("then", "then", "ADV", "RB", "advmod", 9), ("spoke", "speak", "VERB", "VBD", "ROOT", 9)]
    assert not any(p == "kg:worksFor" for _, p, _ in triples(hand_parse(rows, ents=[(0, 2, "PERSON"), (6, 7, "ORG")])))
    rows[6] = ("Acme", "Acme", "PROPN", "NNP", "pobj", 5)  # a body that is no town still employs him
    assert ("Roy Tansley", "kg:worksFor", "Acme") in triples(hand_parse(rows, ents=[(0, 2, "PERSON"), (6, 7, "ORG")]))


def test_a_champion_or_a_co_star_of_a_name_is_no_job_there():
    for role in ("champion", "co-star", "winner", "character"):
        rows = [("Glynn", "Glynn", "PROPN", "NNP", "compound", 1), ("Tromans", "Tromans", "PROPN", "NNP", "nsubj", 8),
                (",", ",", "PUNCT", ",", "punct", 1), ("the", "the", "DET", "DT", "det", 5),
                ("Acme", "Acme", "PROPN", "NNP", "compound", 5), (role, role, "NOUN", "NN", "appos", 1),
                (",", ",", "PUNCT", ",", "punct", 1), ("then", "then", "ADV", "RB", "advmod", 8),
                ("ran", "run", "VERB", "VBD", "ROOT", 8)]
        found = triples(hand_parse(rows, ents=[(0, 2, "PERSON"), (4, 5, "ORG")]))
        assert not any(p in ("kg:worksFor", "kg:jobTitle") for _, p, _ in found), (role, found)


def test_a_name_read_as_a_body_but_described_as_a_person_gets_no_base():
    # "Capriati, a champion in Melbourne, won." with NER calling Capriati a body; "Acme, a firm in Melbourne" is based there
    def parse(noun: str):
        rows = [("Capriati", "Capriati", "PROPN", "NNP", "nsubj", 7), (",", ",", "PUNCT", ",", "punct", 0),
                ("a", "a", "DET", "DT", "det", 3), (noun, noun, "NOUN", "NN", "appos", 0),
                ("in", "in", "ADP", "IN", "prep", 3), ("Melbourne", "Melbourne", "PROPN", "NNP", "pobj", 4),
                (",", ",", "PUNCT", ",", "punct", 0), ("won", "win", "VERB", "VBD", "ROOT", 7)]
        return hand_parse(rows, ents=[(0, 1, "ORG"), (5, 6, "GPE")])
    assert not any(p == "kg:basedIn" for _, p, _ in triples(parse("champion")))
    assert not any(p == "kg:basedIn" for _, p, _ in triples(parse("head")))
    assert ("Capriati", "kg:basedIn", "Melbourne") in triples(parse("firm"))


def test_the_secretary_of_a_body_is_on_its_staff_but_a_department_s_minister_is_a_minister():
    from test_nominal_patterns import flat

    def found(body: list[str], role: str):
        words = [(w, "PROPN") for w in body] + [(role, "NOUN"), ("Koji", "PROPN"), ("Tokumasu", "PROPN"), ("spoke", "VERB")]
        n = len(body)
        return triples(flat(words, ents=[(0, n, "ORG"), (n + 1, n + 3, "PERSON")], root=n + 3))

    assert ("Koji Tokumasu", "kg:worksFor", "JRFU") in found(["JRFU"], "secretary")
    assert not any(p == "kg:ministerOf" for _, p, _ in found(["JRFU"], "secretary"))
    assert ("Koji Tokumasu", "kg:ministerOf", "Home Office") in found(["Home", "Office"], "minister")
    assert ("Koji Tokumasu", "kg:ministerOf", "Treasury") in found(["Treasury"], "secretary")
