"""Datelines in capitals and news-agency bylines become entities (kg/nlp/wire.py), on hand-built Docs."""

import spacy
from spacy.tokens import Doc

import kg.nlp.wire  # noqa: F401  (registers the component)

NLP = spacy.blank("en")
WIRE = NLP.add_pipe("kg_wire_names_v1")


def entities(words: list[str], ents: list[str] | None = None) -> list[tuple[str, str]]:
    doc = Doc(NLP.vocab, words=words, sent_starts=[i == 0 for i in range(len(words))], ents=ents)
    return [(e.text, e.label_) for e in WIRE(doc).ents]


def test_a_dateline_city_in_capitals_is_a_place():
    words = ["BANGKOK", ",", "Thailand", "(", "AP", ")", "--", "Police", "said"]
    found = entities(words, ["O", "O", "B-GPE", "O", "O", "O", "O", "O", "O"])
    assert ("BANGKOK", "GPE") in found and ("AP", "ORG") in found and ("Thailand", "GPE") in found


def test_a_two_word_dateline_city():
    assert ("MEXICO CITY", "GPE") in entities(["MEXICO", "CITY", "(", "AP", ")", "_", "The", "quake"])


def test_capitals_that_are_no_place_or_not_a_dateline_stay_untagged():
    assert entities(["WARNING", ",", "the", "road", "is", "closed"]) == []
    assert entities(["PARIS", "is", "calm"]) == []  # no dateline separator after it


def test_agency_names_match_as_written_or_in_capitals_but_not_in_lower_case():
    assert ("INTERFAX", "ORG") in entities(["Moscow", "INTERFAX", "in", "English"])
    assert entities(["they", "ap", "it"]) == []


def test_a_place_and_agency_tagged_as_one_organisation_are_split():
    found = entities(["Paris", "AFP", "in", "English"], ["B-ORG", "I-ORG", "O", "O"])
    assert found == [("Paris", "GPE"), ("AFP", "ORG")]


def test_existing_entities_win_over_the_lexicon():
    found = entities(["Reuters", "Group", "said"], ["B-ORG", "I-ORG", "O"])
    assert found == [("Reuters Group", "ORG")]


def test_a_monitoring_source_line_splits_the_place_from_the_broadcaster():
    words = ["Havana", "Radio", "Reloj", "Network", "in", "Spanish", "1402", "GMT"]
    found = entities(words, ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"])
    assert found == [("Havana", "GPE"), ("Radio Reloj Network", "ORG")]
    words = ["The", "London", "Stock", "Exchange", "in", "England", "closed"]  # a name, not a source line
    found = entities(words, ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O"])
    assert ("The London Stock Exchange", "ORG") in found


def test_us_state_abbreviations_become_places_where_ner_found_nothing():
    import kg.nlp.components  # noqa: F401  (registers the component)

    nlp = spacy.blank("en")
    states = nlp.add_pipe("kg_state_abbreviations_v1")

    def places(words, ents=None):
        doc = Doc(nlp.vocab, words=words, ents=ents)
        return [(e.text, e.label_) for e in states(doc).ents]

    assert places(["Aiken", ",", "S.C.", "said"]) == [("S.C.", "GPE")]
    assert places(["Salem", ",", "Ore", "."]) == [("Ore .", "GPE")]
    assert places(["CONN.", "police"]) == [("CONN.", "GPE")]
    assert places(["a", "miss.", "again"]) == []  # the lower-case word is no state
    assert places(["Miss.", "Jones"], ["O", "B-PERSON"]) == [("Jones", "PERSON")]  # an honorific


def test_countries_in_capitals_become_places_where_ner_found_nothing():
    import kg.nlp.components  # noqa: F401  (registers the component)

    nlp = spacy.blank("en")
    countries = nlp.add_pipe("kg_country_abbreviations_v1")

    def places(words, ents=None):
        doc = Doc(nlp.vocab, words=words, ents=ents)
        return [(e.text, e.label_) for e in countries(doc).ents]

    assert places(["Spain", "beat", "the", "USA", "3-2"], ["B-GPE", "O", "O", "O", "O"]) == [("Spain", "GPE"), ("USA", "GPE")]
    assert places(["the", "UAE", "and", "Oman"]) == [("UAE", "GPE")]
    assert places(["TELL", "US", "NOW"]) == []  # a line in capitals: the pronoun
    assert places(["give", "us", "a", "call"]) == []  # lower case: the pronoun
    assert places(["the", "Usa", "river"]) == []  # not in capitals


def test_a_nationality_noun_before_a_persons_name_is_not_part_of_it():
    import kg.nlp.components  # noqa: F401  (registers the component)

    nlp = spacy.blank("en")
    trim = nlp.add_pipe("kg_entity_trim_v1")

    def names(words, ents):
        return [(e.text, e.label_) for e in trim(Doc(nlp.vocab, words=words, ents=ents)).ents]

    assert names(["beat", "Spaniard", "Carlos", "Moya"], ["O", "B-PERSON", "I-PERSON", "I-PERSON"]) == [("Carlos Moya", "PERSON")]
    assert names(["Finn", "Russell", "kicked"], ["B-PERSON", "I-PERSON", "O"]) == [("Finn Russell", "PERSON")]  # a given name
    assert names(["the", "Swede", "Bank", "Group"], ["O", "B-ORG", "I-ORG", "I-ORG"]) == [("Swede Bank Group", "ORG")]
