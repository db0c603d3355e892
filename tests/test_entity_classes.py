"""What the words around a name say it is outranks the entity recogniser's label (kg/extract/evidence.py, applied in kg/extract/mentions.py)."""
from __future__ import annotations

from conftest import hand_parse

from kg.extract.mentions import MentionIndex


def classes(rows, ents) -> dict[str, str]:
    return {m.text: m.cls for m in MentionIndex(hand_parse(rows, ents=ents)).named}


def test_an_age_in_commas_makes_a_person():
    rows = [("Cheek", "Cheek", "PROPN", "NNP", "nsubj", 5), (",", ",", "PUNCT", ",", "punct", 0),
            ("53", "53", "NUM", "CD", "appos", 0), (",", ",", "PUNCT", ",", "punct", 0),
            ("is", "be", "AUX", "VBZ", "aux", 5), ("retired", "retire", "VERB", "VBN", "ROOT", 5)]
    assert classes(rows, [(0, 1, "ORG")]) == {"Cheek": "Person"}


def test_a_person_noun_in_apposition_makes_a_person_and_a_place_noun_a_place():
    rows = [("Harrington", "Harrington", "PROPN", "NNP", "nsubj", 5), (",", ",", "PUNCT", ",", "punct", 0),
            ("a", "a", "DET", "DT", "det", 3), ("professor", "professor", "NOUN", "NN", "appos", 0),
            (",", ",", "PUNCT", ",", "punct", 0), ("died", "die", "VERB", "VBD", "ROOT", 5)]
    assert classes(rows, [(0, 1, "ORG")]) == {"Harrington": "Person"}
    rows = [("Yerevan", "Yerevan", "PROPN", "NNP", "pobj", 0), (",", ",", "PUNCT", ",", "punct", 0),
            ("the", "the", "DET", "DT", "det", 3), ("capital", "capital", "NOUN", "NN", "appos", 0),
            ("of", "of", "ADP", "IN", "prep", 3), ("Armenia", "Armenia", "PROPN", "NNP", "pobj", 4)]
    assert classes(rows, [(0, 1, "PERSON"), (5, 6, "GPE")])["Yerevan"] in ("Place", "City")


def test_the_subject_of_was_born_is_a_person():
    rows = [("Norton", "Norton", "PROPN", "NNP", "compound", 1), ("Simon", "Simon", "PROPN", "NNP", "nsubjpass", 3),
            ("was", "be", "AUX", "VBD", "auxpass", 3), ("born", "bear", "VERB", "VBN", "ROOT", 3)]
    assert classes(rows, [(0, 2, "ORG")]) == {"Norton Simon": "Person"}


def test_another_name_in_apposition_says_nothing_about_the_class():
    rows = [("Acme", "Acme", "PROPN", "NNP", "nsubj", 4), (",", ",", "PUNCT", ",", "punct", 0),
            ("Professor", "professor", "PROPN", "NNP", "appos", 0), (",", ",", "PUNCT", ",", "punct", 0),
            ("grew", "grow", "VERB", "VBD", "ROOT", 4)]
    assert classes(rows, [(0, 1, "ORG"), (2, 3, "ORG")])["Acme"] == "Organization"


def test_an_occupation_before_a_name_is_not_part_of_it_but_an_honorific_is():
    rows = [("Composer", "composer", "PROPN", "NNP", "compound", 1), ("Thomas", "Thomas", "PROPN", "NNP", "nsubj", 2),
            ("wrote", "write", "VERB", "VBD", "ROOT", 2)]
    assert classes(rows, [(0, 2, "PERSON")]) == {"Thomas": "Person"}
    rows = [("Judge", "judge", "PROPN", "NNP", "compound", 1), ("Ito", "Ito", "PROPN", "NNP", "nsubj", 2),
            ("ruled", "rule", "VERB", "VBD", "ROOT", 2)]
    assert classes(rows, [(0, 2, "PERSON")]) == {"Judge Ito": "Person"}


def test_a_name_in_apposition_to_a_title_is_a_person():
    rows = [("King", "king", "PROPN", "NNP", "nsubjpass", 5), ("of", "of", "ADP", "IN", "prep", 0),
            ("Peru", "Peru", "PROPN", "NNP", "pobj", 1), (",", ",", "PUNCT", ",", "punct", 0),
            ("Atahualpa", "Atahualpa", "PROPN", "NNP", "appos", 0), ("murdered", "murder", "VERB", "VBN", "ROOT", 5)]
    assert classes(rows, [(2, 3, "GPE"), (4, 5, "GPE")])["Atahualpa"] == "Person"


def test_the_items_of_a_list_share_the_evidence_of_the_first():
    # "classical authors like Cicero, Virgil and Tacitus wrote" (NER: organisations)
    rows = [("classical", "classical", "ADJ", "JJ", "amod", 1), ("authors", "author", "NOUN", "NNS", "nsubj", 9),
            ("like", "like", "ADP", "IN", "prep", 1), ("Cicero", "Cicero", "PROPN", "NNP", "pobj", 2),
            (",", ",", "PUNCT", ",", "punct", 3), ("Virgil", "Virgil", "PROPN", "NNP", "conj", 3),
            ("and", "and", "CCONJ", "CC", "cc", 5), ("Tacitus", "Tacitus", "PROPN", "NNP", "conj", 5),
            ("all", "all", "PRON", "DT", "advmod", 9), ("wrote", "write", "VERB", "VBD", "ROOT", 9)]
    found = classes(rows, [(3, 4, "ORG"), (5, 6, "ORG"), (7, 8, "ORG")])
    assert found == {"Cicero": "Person", "Virgil": "Person", "Tacitus": "Person"}
    # with no cue noun the list says nothing: "Cicero, Virgil and Tacitus wrote"
    bare = [("Cicero", "Cicero", "PROPN", "NNP", "nsubj", 5), (",", ",", "PUNCT", ",", "punct", 0),
            ("Virgil", "Virgil", "PROPN", "NNP", "conj", 0), ("and", "and", "CCONJ", "CC", "cc", 2),
            ("Tacitus", "Tacitus", "PROPN", "NNP", "conj", 2), ("wrote", "write", "VERB", "VBD", "ROOT", 5)]
    assert set(classes(bare, [(0, 1, "ORG"), (2, 3, "ORG"), (4, 5, "ORG")]).values()) == {"Organization"}


def test_a_name_before_a_kind_of_work_is_that_work_but_a_place_before_a_firm_stays_a_place():
    # "Five's Wright Stuff show" (NER: a person) / "US firm Exel"
    rows = [("Five", "Five", "PROPN", "NNP", "poss", 4), ("'s", "'s", "PART", "POS", "case", 0),
            ("Wright", "Wright", "PROPN", "NNP", "compound", 3), ("Stuff", "Stuff", "PROPN", "NNP", "compound", 4),
            ("show", "show", "NOUN", "NN", "ROOT", 4)]
    assert classes(rows, [(2, 4, "PERSON")]) == {"Wright Stuff": "Work"}
    rows = [("US", "US", "PROPN", "NNP", "compound", 1), ("firm", "firm", "NOUN", "NN", "compound", 2),
            ("Exel", "Exel", "PROPN", "NNP", "ROOT", 2)]
    found = classes(rows, [(0, 1, "GPE"), (2, 3, "ORG")])
    assert found["US"] in ("Place", "Country") and found["Exel"] == "Organization"


def test_titled_makes_a_work_and_a_name_own_last_word_an_event_or_a_newspaper():
    # "a song titled Grief Never Grows Old" (NER: an organisation)
    rows = [("a", "a", "DET", "DT", "det", 1), ("song", "song", "NOUN", "NN", "ROOT", 1),
            ("titled", "title", "VERB", "VBN", "acl", 1), ("Grief", "Grief", "PROPN", "NNP", "nsubj", 4),
            ("Never", "never", "ADV", "RB", "neg", 5), ("Grows", "grow", "PROPN", "NNP", "compound", 6),
            ("Old", "Old", "PROPN", "NNP", "oprd", 2)]
    assert classes(rows, [(3, 7, "ORG")]) == {"Grief Never Grows Old": "Work"}
    # "Davis Cup" tagged a person, "Operation Firewall" an organisation, "Northern Echo" a place
    rows = [("Davis", "Davis", "PROPN", "NNP", "compound", 1), ("Cup", "Cup", "PROPN", "NNP", "nsubj", 5),
            ("and", "and", "CCONJ", "CC", "cc", 1), ("Operation", "Operation", "PROPN", "NNP", "compound", 4),
            ("Firewall", "Firewall", "PROPN", "NNP", "conj", 1), ("ended", "end", "VERB", "VBD", "ROOT", 5),
            ("in", "in", "ADP", "IN", "prep", 5), ("the", "the", "DET", "DT", "det", 9),
            ("Northern", "Northern", "PROPN", "NNP", "compound", 9), ("Echo", "Echo", "PROPN", "NNP", "pobj", 6)]
    found = classes(rows, [(0, 2, "PERSON"), (3, 5, "ORG"), (8, 10, "LOC")])
    assert found == {"Davis Cup": "Event", "Operation Firewall": "Event", "Northern Echo": "Organization"}


def test_a_body_before_a_work_is_its_maker_and_a_singular_noun_describes_the_first_item_only():
    import kg
    from kg.query import run_query

    graph = kg.build_text("The BBC documentary was shown on Sunday. Yesterday striker Craig Bellamy and Newcastle "
                          "were fined by the league.")
    found = {(str(r.l), str(r.t).rsplit("#", 1)[-1]) for r in run_query(
        graph, "SELECT ?l ?t WHERE { ?e rdfs:label ?l ; a ?t . FILTER(?l IN ('BBC', 'Newcastle')) }")}
    assert ("BBC", "Organization") in found
    assert ("Newcastle", "Person") not in found
