"""Extraction patterns on hand-built parses: no trained model needed, so each rule is tested alone."""
from __future__ import annotations

from conftest import hand_parse

from kg.extract import extract
from kg.ingest import make_document
from kg.types import Factuality, Literal


def claims_of(doc):
    document = make_document(doc.text, source="<test>")
    return extract(doc, document).claims


def triples(doc, factuality=Factuality.ASSERTED):
    return {(c.subject.text, c.predicate, c.object.value if isinstance(c.object, Literal) else c.object.text)
            for c in claims_of(doc) if c.factuality == factuality}


def test_light_verb_give_asylum_to_maps_to_granted_asylum():
    doc = hand_parse([("Canada", "Canada", "PROPN", "NNP", "nsubj", 1), ("gave", "give", "VERB", "VBD", "ROOT", 1),
                      ("asylum", "asylum", "NOUN", "NN", "dobj", 1), ("to", "to", "ADP", "IN", "dative", 1),
                      ("refugees", "refugee", "NOUN", "NNS", "pobj", 3), (".", ".", "PUNCT", ".", "punct", 1)],
                     ents=[(0, 1, "GPE")])
    assert ("Canada", "kg:grantedAsylumTo", "refugees") in triples(doc)
    assert not any(p == "open:give" for _, p, _ in triples(doc))


def test_passive_with_agent_makes_the_agent_the_subject():
    doc = hand_parse([("The", "the", "DET", "DT", "det", 1), ("boy", "boy", "NOUN", "NN", "nsubjpass", 3),
                      ("was", "be", "AUX", "VBD", "auxpass", 3), ("murdered", "murder", "VERB", "VBN", "ROOT", 3),
                      ("by", "by", "ADP", "IN", "agent", 3), ("his", "his", "PRON", "PRP$", "poss", 6),
                      ("uncle", "uncle", "NOUN", "NN", "pobj", 4), (".", ".", "PUNCT", ".", "punct", 3)])
    assert triples(doc) == {("uncle", "kg:killed", "boy")}


def test_passive_without_agent_relates_subject_to_prepositional_object():
    doc = hand_parse([("Lakeside", "Lakeside", "PROPN", "NNP", "compound", 1),
                      ("Dairy", "Dairy", "PROPN", "NNP", "nsubjpass", 3), ("is", "be", "AUX", "VBZ", "auxpass", 3),
                      ("based", "base", "VERB", "VBN", "ROOT", 3), ("in", "in", "ADP", "IN", "prep", 3),
                      ("Madison", "Madison", "PROPN", "NNP", "pobj", 4), (".", ".", "PUNCT", ".", "punct", 3)],
                     ents=[(0, 2, "ORG"), (5, 6, "GPE")])
    found = [c for c in claims_of(doc) if c.predicate == "kg:basedIn"]
    assert [(c.subject.text, c.object.text, c.object.cls) for c in found] == [("Lakeside Dairy", "Madison", "City")]


def test_xcomp_chain_and_conjoined_subjects_give_one_claim_each():
    doc = hand_parse([("The", "the", "DET", "DT", "det", 1), ("Kremlin", "Kremlin", "PROPN", "NNP", "nsubj", 5),
                      ("and", "and", "CCONJ", "CC", "cc", 1), ("the", "the", "DET", "DT", "det", 4),
                      ("government", "government", "NOUN", "NN", "conj", 1),
                      ("started", "start", "VERB", "VBD", "ROOT", 5), ("charging", "charge", "VERB", "VBG", "xcomp", 5),
                      ("activists", "activist", "NOUN", "NNS", "dobj", 6), (".", ".", "PUNCT", ".", "punct", 5)],
                     ents=[(1, 2, "ORG")])
    assert triples(doc) == {("Kremlin", "kg:charged", "activists"), ("government", "kg:charged", "activists")}


def test_apposition_gives_job_title_and_role_property():
    doc = hand_parse([("Kimahli", "Kimahli", "PROPN", "NNP", "compound", 1), ("Powell", "Powell", "PROPN", "NNP", "nsubj", 9),
                      (",", ",", "PUNCT", ",", "punct", 1), ("executive", "executive", "ADJ", "JJ", "amod", 4),
                      ("director", "director", "NOUN", "NN", "appos", 1), ("of", "of", "ADP", "IN", "prep", 4),
                      ("Rainbow", "Rainbow", "PROPN", "NNP", "compound", 7), ("Railroad", "Railroad", "PROPN", "NNP", "pobj", 5),
                      (",", ",", "PUNCT", ",", "punct", 1), ("said", "say", "VERB", "VBD", "ROOT", 9),
                      (".", ".", "PUNCT", ".", "punct", 9)],
                     ents=[(0, 2, "PERSON"), (6, 8, "ORG")])
    assert {("Kimahli Powell", "kg:jobTitle", "executive director"),
            ("Kimahli Powell", "kg:directorOf", "Rainbow Railroad")} <= triples(doc)


def test_possessive_apposition_names_the_place_of_the_role():
    doc = hand_parse([("Chechnya", "Chechnya", "PROPN", "NNP", "poss", 2), ("'s", "'s", "PART", "POS", "case", 0),
                      ("president", "president", "NOUN", "NN", "nsubj", 7), (",", ",", "PUNCT", ",", "punct", 2),
                      ("Ramzan", "Ramzan", "PROPN", "NNP", "compound", 5), ("Kadyrov", "Kadyrov", "PROPN", "NNP", "appos", 2),
                      (",", ",", "PUNCT", ",", "punct", 2), ("spoke", "speak", "VERB", "VBD", "ROOT", 7),
                      (".", ".", "PUNCT", ".", "punct", 7)],
                     ents=[(0, 1, "GPE"), (4, 6, "PERSON")])
    assert ("Ramzan Kadyrov", "kg:presidentOf", "Chechnya") in triples(doc)


def test_title_before_a_name_becomes_job_title_and_is_not_part_of_the_name():
    doc = hand_parse([("Foreign", "Foreign", "PROPN", "NNP", "compound", 1), ("Affairs", "Affairs", "PROPN", "NNPS", "compound", 2),
                      ("Minister", "Minister", "PROPN", "NNP", "compound", 4), ("Chrystia", "Chrystia", "PROPN", "NNP", "compound", 4),
                      ("Freeland", "Freeland", "PROPN", "NNP", "nsubj", 5), ("spoke", "speak", "VERB", "VBD", "ROOT", 5),
                      (".", ".", "PUNCT", ".", "punct", 5)],
                     ents=[(0, 5, "PERSON")])  # NER often swallows the title; kg strips it
    assert ("Chrystia Freeland", "kg:jobTitle", "Foreign Affairs Minister") in triples(doc)


def test_relative_clause_copula_gives_spokesperson_role():
    doc = hand_parse([("Kirill", "Kirill", "PROPN", "NNP", "compound", 1), ("Kalinin", "Kalinin", "PROPN", "NNP", "nsubj", 11),
                      (",", ",", "PUNCT", ",", "punct", 1), ("who", "who", "PRON", "WP", "nsubj", 4),
                      ("is", "be", "AUX", "VBZ", "relcl", 1), ("a", "a", "DET", "DT", "det", 6),
                      ("spokesman", "spokesman", "NOUN", "NN", "attr", 4), ("for", "for", "ADP", "IN", "prep", 6),
                      ("the", "the", "DET", "DT", "det", 10), ("Russian", "russian", "ADJ", "JJ", "amod", 10),
                      ("embassy", "embassy", "NOUN", "NN", "pobj", 7), ("spoke", "speak", "VERB", "VBD", "ROOT", 11),
                      (".", ".", "PUNCT", ".", "punct", 11)],
                     ents=[(0, 2, "PERSON"), (9, 10, "NORP")])
    assert ("Kirill Kalinin", "kg:spokespersonFor", "Russian embassy") in triples(doc)


def test_content_of_a_denial_is_not_asserted():
    doc = hand_parse([("The", "the", "DET", "DT", "det", 1), ("Kremlin", "Kremlin", "PROPN", "NNP", "nsubj", 2),
                      ("denied", "deny", "VERB", "VBD", "ROOT", 2), ("allegations", "allegation", "NOUN", "NNS", "dobj", 2),
                      ("that", "that", "SCONJ", "IN", "mark", 6), ("police", "police", "NOUN", "NN", "nsubj", 6),
                      ("detained", "detain", "VERB", "VBD", "acl", 3), ("activists", "activist", "NOUN", "NNS", "dobj", 6),
                      (".", ".", "PUNCT", ".", "punct", 2)],
                     ents=[(1, 2, "ORG")])
    assert triples(doc) == {("Kremlin", "kg:denied", "allegations")}
    assert triples(doc, Factuality.DENIED) == {("police", "kg:arrested", "activists")}


def test_negated_verb_is_not_asserted():
    doc = hand_parse([("Acme", "Acme", "PROPN", "NNP", "nsubj", 3), ("did", "do", "AUX", "VBD", "aux", 3),
                      ("not", "not", "PART", "RB", "neg", 3), ("buy", "buy", "VERB", "VB", "ROOT", 3),
                      ("Globex", "Globex", "PROPN", "NNP", "dobj", 3), (".", ".", "PUNCT", ".", "punct", 3)],
                     ents=[(0, 1, "ORG"), (4, 5, "ORG")])
    assert triples(doc) == set()
    assert triples(doc, Factuality.NEGATED) == {("Acme", "kg:acquired", "Globex")}


def test_verbs_without_a_lexicon_entry_stay_as_open_relations():
    doc = hand_parse([("Acme", "Acme", "PROPN", "NNP", "nsubj", 1), ("praised", "praise", "VERB", "VBD", "ROOT", 1),
                      ("Globex", "Globex", "PROPN", "NNP", "dobj", 1), (".", ".", "PUNCT", ".", "punct", 1)],
                     ents=[(0, 1, "ORG"), (2, 3, "ORG")])
    assert triples(doc) == {("Acme", "open:praise", "Globex")}


def test_claim_offsets_point_into_the_text():
    doc = hand_parse([("Acme", "Acme", "PROPN", "NNP", "nsubj", 1), ("praised", "praise", "VERB", "VBD", "ROOT", 1),
                      ("Globex", "Globex", "PROPN", "NNP", "dobj", 1), (".", ".", "PUNCT", ".", "punct", 1)],
                     ents=[(0, 1, "ORG"), (2, 3, "ORG")])
    (claim,) = claims_of(doc)
    assert doc.text[claim.provenance.start:claim.provenance.end] == "Acme praised Globex"
    assert doc.text[claim.subject.start:claim.subject.end] == "Acme"


def test_refused_action_is_negated():
    doc = hand_parse([("Acme", "Acme", "PROPN", "NNP", "nsubj", 1), ("refused", "refuse", "VERB", "VBD", "ROOT", 1),
                      ("to", "to", "PART", "TO", "aux", 3), ("buy", "buy", "VERB", "VB", "xcomp", 1),
                      ("Globex", "Globex", "PROPN", "NNP", "dobj", 3), (".", ".", "PUNCT", ".", "punct", 1)],
                     ents=[(0, 1, "ORG"), (4, 5, "ORG")])
    assert triples(doc) == set()
    assert triples(doc, Factuality.NEGATED) == {("Acme", "kg:acquired", "Globex")}


def test_names_ending_in_an_organisation_word_are_organisations_whatever_ner_says():
    doc = hand_parse([("Lakeside", "Lakeside", "PROPN", "NNP", "compound", 1), ("Dairy", "Dairy", "PROPN", "NNP", "nsubj", 2),
                      ("hired", "hire", "VERB", "VBD", "ROOT", 2), ("Greta", "Greta", "PROPN", "NNP", "compound", 4),
                      ("Olsen", "Olsen", "PROPN", "NNP", "dobj", 2), (".", ".", "PUNCT", ".", "punct", 2)],
                     ents=[(0, 2, "PERSON"), (3, 5, "PERSON")])
    (claim,) = claims_of(doc)
    assert (claim.subject.cls, claim.predicate, claim.object.cls) == ("Organization", "kg:appointed", "Person")


def test_gerund_after_an_object_belongs_to_the_object():
    doc = hand_parse([("Russia", "Russia", "PROPN", "NNP", "nsubj", 2), ("will", "will", "AUX", "MD", "aux", 2),
                      ("probe", "probe", "VERB", "VB", "ROOT", 2), ("Canada", "Canada", "PROPN", "NNP", "dobj", 2),
                      ("for", "for", "ADP", "IN", "prep", 2), ("saving", "save", "VERB", "VBG", "pcomp", 4),
                      ("refugees", "refugee", "NOUN", "NNS", "dobj", 5), (".", ".", "PUNCT", ".", "punct", 2)],
                     ents=[(0, 1, "GPE"), (3, 4, "GPE")])
    found = triples(doc)
    assert ("Canada", "kg:helped", "refugees") in found and ("Russia", "kg:helped", "refugees") not in found


def test_object_of_a_control_verb_is_asked_to_do_the_infinitive():
    doc = hand_parse([("Smith", "Smith", "PROPN", "NNP", "nsubj", 1), ("told", "tell", "VERB", "VBD", "ROOT", 1),
                      ("Acme", "Acme", "PROPN", "NNP", "dobj", 1), ("to", "to", "PART", "TO", "aux", 4),
                      ("buy", "buy", "VERB", "VB", "xcomp", 1), ("Globex", "Globex", "PROPN", "NNP", "dobj", 4),
                      (".", ".", "PUNCT", ".", "punct", 1)],
                     ents=[(0, 1, "PERSON"), (2, 3, "ORG"), (5, 6, "ORG")])
    # Told to buy is not bought: the purchase is Acme's, and only demanded (hypothetical).
    demanded = triples(doc, Factuality.HYPOTHETICAL)
    assert ("Acme", "kg:acquired", "Globex") in demanded and ("Smith", "kg:acquired", "Globex") not in demanded
    assert not any(p == "kg:acquired" for _, p, _ in triples(doc))


def test_connectives_are_not_arguments():
    doc = hand_parse([("Acme", "Acme", "PROPN", "NNP", "nsubj", 1), ("agreed", "agree", "VERB", "VBD", "ROOT", 1),
                      ("in", "in", "ADP", "IN", "prep", 1), ("addition", "addition", "NOUN", "NN", "pobj", 2),
                      (".", ".", "PUNCT", ".", "punct", 1)], ents=[(0, 1, "ORG")])
    assert triples(doc) == set()


def test_where_in_a_relative_clause_stands_for_in_the_place_it_follows():
    doc = hand_parse([("Rolling", "Rolling", "PROPN", "NNP", "compound", 1), ("Fork", "Fork", "PROPN", "NNP", "ROOT", 1),
                      (",", ",", "PUNCT", ",", "punct", 1), ("where", "where", "SCONJ", "WRB", "advmod", 6),
                      ("Muddy", "Muddy", "PROPN", "NNP", "compound", 5),
                      ("Waters", "Waters", "PROPN", "NNP", "nsubjpass", 6), ("born", "bear", "VERB", "VBN", "relcl", 1)],
                     ents=[(0, 2, "GPE"), (4, 6, "PERSON")])
    assert ("Muddy Waters", "kg:bornIn", "Rolling Fork") in triples(doc)


def test_a_place_the_parser_hangs_on_a_date_still_belongs_to_the_verb():
    doc = hand_parse([("Simon", "Simon", "PROPN", "NNP", "nsubjpass", 2), ("was", "be", "AUX", "VBD", "auxpass", 2),
                      ("born", "bear", "VERB", "VBN", "ROOT", 2), ("on", "on", "ADP", "IN", "prep", 2),
                      ("Feb.", "Feb.", "PROPN", "NNP", "pobj", 3), ("5", "5", "NUM", "CD", "nummod", 4),
                      (",", ",", "PUNCT", ",", "punct", 4), ("in", "in", "ADP", "IN", "prep", 4),
                      ("Portland", "Portland", "PROPN", "NNP", "pobj", 7)],
                     ents=[(0, 1, "PERSON"), (4, 6, "DATE"), (8, 9, "GPE")])
    assert ("Simon", "kg:bornIn", "Portland") in triples(doc)


def test_conjoined_roles_in_an_apposition_each_belong_to_the_person():
    doc = hand_parse([("Rifkin", "Rifkin", "PROPN", "NNP", "nsubj", 11), (",", ",", "PUNCT", ",", "punct", 0),
                      ("director", "director", "NOUN", "NN", "appos", 0), ("of", "of", "ADP", "IN", "prep", 2),
                      ("Acme", "Acme", "PROPN", "NNP", "pobj", 3), ("and", "and", "CCONJ", "CC", "cc", 2),
                      ("a", "a", "DET", "DT", "det", 7), ("member", "member", "NOUN", "NN", "conj", 2),
                      ("of", "of", "ADP", "IN", "prep", 7), ("Beta", "Beta", "PROPN", "NNP", "pobj", 8),
                      (",", ",", "PUNCT", ",", "punct", 0), ("spoke", "speak", "VERB", "VBD", "ROOT", 11)],
                     ents=[(0, 1, "PERSON"), (4, 5, "ORG"), (9, 10, "ORG")])
    found = triples(doc)
    assert ("Rifkin", "kg:directorOf", "Acme") in found and ("Rifkin", "kg:memberOf", "Beta") in found


def test_a_party_word_in_apposition_describes_the_person_and_its_clause_is_theirs():
    doc = hand_parse([("Derwinski", "Derwinski", "PROPN", "NNP", "nsubj", 10), (",", ",", "PUNCT", ",", "punct", 0),
                      ("a", "a", "DET", "DT", "det", 3), ("Republican", "Republican", "PROPN", "NNP", "appos", 0),
                      ("from", "from", "ADP", "IN", "prep", 3), ("Chicago", "Chicago", "PROPN", "NNP", "pobj", 4),
                      ("who", "who", "PRON", "WP", "nsubj", 7), ("served", "serve", "VERB", "VBD", "relcl", 3),
                      ("in", "in", "ADP", "IN", "prep", 7), ("Congress", "Congress", "PROPN", "NNP", "pobj", 8),
                      ("denied", "deny", "VERB", "VBD", "ROOT", 10)],
                     ents=[(0, 1, "PERSON"), (3, 4, "NORP"), (5, 6, "GPE"), (9, 10, "ORG")])
    found = triples(doc)
    assert ("Derwinski", "kg:livesIn", "Chicago") in found
    assert any(s == "Derwinski" and o == "Congress" for s, _, o in found)
    assert not any(s == "Republican" for s, _, _ in found)


def test_a_role_s_organisation_hung_on_the_copula_still_counts():
    def parse(copula: str, tag: str):
        return hand_parse([("Cicippio", "Cicippio", "PROPN", "NNP", "nsubj", 1), (copula, "be", "AUX", tag, "ROOT", 1),
                           ("comptroller", "comptroller", "NOUN", "NN", "attr", 1), ("at", "at", "ADP", "IN", "prep", 1),
                           ("Acme", "Acme", "PROPN", "NNP", "compound", 5), ("University", "University", "PROPN", "NNP", "pobj", 3)],
                          ents=[(0, 1, "PERSON"), (4, 6, "ORG")])
    assert ("Cicippio", "kg:worksFor", "Acme University") in triples(parse("is", "VBZ"))
    # "was comptroller at" is a past tie: kept, as former, not asserted as his job now
    assert ("Cicippio", "kg:worksFor", "Acme University") in triples(parse("was", "VBD"), Factuality.FORMER)
    assert ("Cicippio", "kg:worksFor", "Acme University") not in triples(parse("was", "VBD"))


def test_shot_to_death_by_an_agent_hung_on_an_earlier_noun_is_a_killing_by_them():
    doc = hand_parse([("Lennon", "Lennon", "PROPN", "NNP", "nsubjpass", 2), ("was", "be", "AUX", "VBD", "auxpass", 2),
                      ("shot", "shoot", "VERB", "VBN", "ROOT", 2), ("to", "to", "ADP", "IN", "prep", 2),
                      ("death", "death", "NOUN", "NN", "pobj", 3), ("in", "in", "ADP", "IN", "prep", 2),
                      ("the", "the", "DET", "DT", "det", 7), ("courtyard", "courtyard", "NOUN", "NN", "pobj", 5),
                      ("by", "by", "ADP", "IN", "prep", 7), ("Chapman", "Chapman", "PROPN", "NNP", "pobj", 8)],
                     ents=[(0, 1, "PERSON"), (9, 10, "PERSON")])
    found = triples(doc)
    assert ("Chapman", "kg:killed", "Lennon") in found
    assert not any(p == "kg:attacked" for _, p, _ in found)


def test_by_a_place_is_no_agent():
    doc = hand_parse([("Smith", "Smith", "PROPN", "NNP", "nsubjpass", 2), ("was", "be", "AUX", "VBD", "auxpass", 2),
                      ("shot", "shoot", "VERB", "VBN", "ROOT", 2), ("in", "in", "ADP", "IN", "prep", 2),
                      ("a", "a", "DET", "DT", "det", 5), ("house", "house", "NOUN", "NN", "pobj", 3),
                      ("by", "by", "ADP", "IN", "prep", 5), ("Lake", "Lake", "PROPN", "NNP", "compound", 8),
                      ("Erie", "Erie", "PROPN", "NNP", "pobj", 6)],
                     ents=[(0, 1, "PERSON"), (7, 9, "LOC")])
    assert not any(o == "Smith" for _, _, o in triples(doc))


def test_a_relative_clause_belongs_to_its_name_not_to_names_conjoined_after_it():
    doc = hand_parse([("Ruby", "Ruby", "PROPN", "NNP", "dobj", 7), (",", ",", "PUNCT", ",", "punct", 0),
                      ("who", "who", "PRON", "WP", "nsubj", 3), ("killed", "kill", "VERB", "VBD", "relcl", 0),
                      ("Oswald", "Oswald", "PROPN", "NNP", "dobj", 3), ("and", "and", "CCONJ", "CC", "cc", 0),
                      ("Bakker", "Bakker", "PROPN", "NNP", "conj", 0), ("included", "include", "VERB", "VBD", "ROOT", 7)],
                     ents=[(0, 1, "PERSON"), (4, 5, "PERSON"), (6, 7, "PERSON")])
    found = triples(doc)
    assert ("Ruby", "kg:killed", "Oswald") in found and ("Bakker", "kg:killed", "Oswald") not in found


def test_born_under_another_name_in_a_place():
    doc = hand_parse([("Holly", "Holly", "PROPN", "NNP", "nsubjpass", 2), ("was", "be", "AUX", "VBD", "auxpass", 2),
                      ("born", "bear", "VERB", "VBN", "ROOT", 2), ("Charles", "Charles", "PROPN", "NNP", "compound", 4),
                      ("Holley", "Holley", "PROPN", "NNP", "oprd", 2), ("in", "in", "ADP", "IN", "prep", 4),
                      ("Lubbock", "Lubbock", "PROPN", "NNP", "pobj", 5)],
                     ents=[(0, 1, "PERSON"), (3, 5, "PERSON"), (6, 7, "GPE")])
    assert ("Holly", "kg:bornIn", "Lubbock") in triples(doc)


def test_a_participle_with_an_agent_is_done_to_the_noun_it_modifies_and_reports_of_it_are_reports():
    # "reports of gay men being murdered by their families": the families killed the men, as reported
    doc = hand_parse([("reports", "report", "NOUN", "NNS", "ROOT", 0), ("of", "of", "ADP", "IN", "prep", 0),
                      ("men", "man", "NOUN", "NNS", "pobj", 1), ("being", "be", "AUX", "VBG", "auxpass", 4),
                      ("murdered", "murder", "VERB", "VBN", "acl", 2), ("by", "by", "ADP", "IN", "agent", 4),
                      ("families", "family", "NOUN", "NNS", "pobj", 5)])
    assert ("families", "kg:killed", "men") in triples(doc, Factuality.REPORTED)
    # "two men, murdered by their uncle, were buried": no "being", still done to the men, by the uncle
    doc = hand_parse([("men", "man", "NOUN", "NNS", "nsubjpass", 6), (",", ",", "PUNCT", ",", "punct", 0),
                      ("murdered", "murder", "VERB", "VBN", "acl", 0), ("by", "by", "ADP", "IN", "agent", 2),
                      ("uncles", "uncle", "NOUN", "NNS", "pobj", 3), ("were", "be", "AUX", "VBD", "auxpass", 6),
                      ("buried", "bury", "VERB", "VBN", "ROOT", 6)])
    assert ("uncles", "kg:killed", "men") in triples(doc)
