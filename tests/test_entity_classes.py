"""What the words around a name say it is outranks the entity recogniser's label (kg/extract/mentions.py)."""
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
