"""Ties a title states but does not make a current job or home, on hand-built parses (no model)."""
from __future__ import annotations

from conftest import hand_parse
from test_nominal_patterns import flat
from test_patterns import claims_of, triples

from kg.types import Factuality, Literal


def appositive(role: str, lemma: str) -> list[tuple]:
    """'Charles Whitman, a ROLE at Valley Hospital, died.'"""
    return [("Charles", "Charles", "PROPN", "NNP", "compound", 1), ("Whitman", "Whitman", "PROPN", "NNP", "nsubj", 10),
            (",", ",", "PUNCT", ",", "punct", 1), ("a", "a", "DET", "DT", "det", 4),
            (role, lemma, "NOUN", "NN", "appos", 1), ("at", "at", "ADP", "IN", "prep", 4),
            ("Valley", "Valley", "PROPN", "NNP", "compound", 7), ("Hospital", "Hospital", "PROPN", "NNP", "pobj", 5),
            (",", ",", "PUNCT", ",", "punct", 1), ("then", "then", "ADV", "RB", "advmod", 10),
            ("died", "die", "VERB", "VBD", "ROOT", 10), (".", ".", "PUNCT", ".", "punct", 10)]


def test_a_patient_or_a_student_at_a_body_does_not_work_there():
    for role in ("patient", "student"):
        found = triples(hand_parse(appositive(role, role), ents=[(0, 2, "PERSON"), (6, 8, "ORG")]))
        assert not any(p in ("kg:worksFor", "kg:jobTitle") for _, p, _ in found), (role, found)
    found = triples(hand_parse(appositive("doctor", "doctor"), ents=[(0, 2, "PERSON"), (6, 8, "ORG")]))
    assert ("Charles Whitman", "kg:worksFor", "Valley Hospital") in found  # a doctor there does


def test_a_sniper_named_after_a_body_is_not_its_employee():
    doc = flat([("Texas", "PROPN"), ("University", "PROPN"), ("tower", "NOUN"), ("sniper", "NOUN"), ("Charles", "PROPN"),
                ("Whitman", "PROPN"), ("died", "VERB"), (".", "PUNCT")], ents=[(0, 2, "ORG"), (4, 6, "PERSON")], root=6)
    assert not any(p in ("kg:worksFor", "kg:jobTitle") for _, p, _ in triples(doc))


def test_a_former_boss_is_a_past_tie_and_one_title():
    doc = flat([("The", "DET"), ("former", "ADJ"), ("Vodafone", "PROPN"), ("boss", "NOUN"), ("Chris", "PROPN"),
                ("Gent", "PROPN"), ("spoke", "VERB"), (".", "PUNCT")], ents=[(2, 3, "ORG"), (4, 6, "PERSON")], root=6)
    assert ("Chris Gent", "kg:leaderOf", "Vodafone") in triples(doc, Factuality.FORMER)
    assert not any(p == "kg:leaderOf" for _, p, _ in triples(doc))  # not asserted as now
    titles = [c.object.value for c in claims_of(doc) if c.predicate == "kg:jobTitle"]
    assert len(titles) == 1 and titles[0].startswith("former"), titles
    doc = flat([("The", "DET"), ("Vodafone", "PROPN"), ("boss", "NOUN"), ("Chris", "PROPN"), ("Gent", "PROPN"),
                ("spoke", "VERB"), (".", "PUNCT")], ents=[(1, 2, "ORG"), (3, 5, "PERSON")], root=5)
    assert ("Chris Gent", "kg:leaderOf", "Vodafone") in triples(doc)


def test_shorter_copies_of_a_title_give_way_to_the_fullest():
    from kg.extract import without_shorter_titles
    from kg.types import Mention, Provenance, RawClaim

    gent = Mention("Chris Gent", 30, 40, "Person", 0)

    def title(words: str, sentence: int = 0) -> RawClaim:
        return RawClaim(gent, "kg:jobTitle", Literal(words), Provenance("d", sentence, 0, 40, "kg.roles.v1"), 0.7)

    full, short, elsewhere, other = title("former Vodafone boss"), title("former boss"), title("boss", 1), title("chairman")
    assert without_shorter_titles([full, short, elsewhere, other]) == [full, elsewhere, other]


def test_a_place_that_starts_a_new_noun_phrase_is_not_inside_the_one_before():
    def doc(second: str):
        return flat([("In", "ADP"), ("London", "PROPN"), (",", "PUNCT"), (second, "PROPN"), ("ministers", "NOUN"),
                     ("met", "VERB"), (".", "PUNCT")], ents=[(1, 2, "GPE"), (3, 4, "GPE")], root=5, deps={3: "compound"})

    def heads(d):
        for token in d:
            if token.i == 3:
                token.head = d[4]  # "G7 ministers": the name modifies the noun after it
        return d

    assert not any(p == "kg:locatedIn" for _, p, _ in triples(heads(doc("G7"))))
    # GeoNames puts London in the UK, so "In London, UK ministers met" still says where London is
    assert ("London", "kg:locatedIn", "UK") in triples(heads(doc("UK")))


def test_a_nationality_gives_a_home_only_to_a_kind_of_body():
    def doc(words: list[str]):
        rows = [("The", "DET")] + [(w, "PROPN") for w in words] + [("said", "VERB"), (".", "PUNCT")]
        return flat(rows, ents=[(1, 1 + len(words), "ORG")], root=len(words) + 1)

    assert ("Chinese Government", "kg:basedIn", "China") in triples(doc(["Chinese", "Government"]))
    assert not any(p == "kg:basedIn" for _, p, _ in triples(doc(["British", "Medical", "Journal"])))


def test_a_bank_of_a_place_is_one_name_but_a_corporation_of_a_place_is_based_there():
    from kg.nlp.components import of_place_names

    def doc(body: list[str]):
        rows = [(w, w, "PROPN", "NNP", "compound", len(body) - 1) for w in body[:-1]]
        rows += [(body[-1], body[-1], "PROPN", "NNP", "nsubj", len(body) + 2)]
        rows += [("of", "of", "ADP", "IN", "prep", len(body) - 1), ("Scotland", "Scotland", "PROPN", "NNP", "pobj", len(body)),
                 ("grew", "grow", "VERB", "VBD", "ROOT", len(body) + 2)]
        return hand_parse(rows, ents=[(0, len(body), "ORG"), (len(body) + 1, len(body) + 2, "GPE")])

    assert [(e.text, e.label_) for e in of_place_names(doc(["Royal", "Bank"])).ents] == [("Royal Bank of Scotland", "ORG")]
    assert [e.text for e in of_place_names(doc(["Keen", "Corp"])).ents] == ["Keen Corp", "Scotland"]


def test_the_head_of_a_field_for_a_body_works_for_it_without_leading_it():
    doc = hand_parse([("Jane", "Jane", "PROPN", "NNP", "compound", 1), ("Hill", "Hill", "PROPN", "NNP", "nsubj", 11),
                      (",", ",", "PUNCT", ",", "punct", 1), ("managing", "manage", "VERB", "VBG", "amod", 4),
                      ("director", "director", "NOUN", "NN", "appos", 1), ("for", "for", "ADP", "IN", "prep", 4),
                      ("European", "european", "ADJ", "JJ", "amod", 7), ("publishing", "publishing", "NOUN", "NN", "pobj", 5),
                      ("at", "at", "ADP", "IN", "prep", 4), ("Pearson", "Pearson", "PROPN", "NNP", "pobj", 8),
                      (",", ",", "PUNCT", ",", "punct", 1), ("said", "say", "VERB", "VBD", "ROOT", 11)],
                     ents=[(0, 2, "PERSON"), (6, 7, "NORP"), (9, 10, "ORG")])
    found = triples(doc)
    assert ("Jane Hill", "kg:worksFor", "Pearson") in found and ("Jane Hill", "kg:leaderOf", "Pearson") not in found
    assert ("Jane Hill", "kg:jobTitle", "managing director for European publishing") in found


def test_a_student_named_after_a_city_does_not_live_there_but_an_architect_does():
    def doc(role: str):
        return flat([("The", "DET"), ("Cambridge", "PROPN"), (role, "NOUN"), ("Tom", "PROPN"), ("Smith", "PROPN"),
                     ("won", "VERB"), (".", "PUNCT")], ents=[(1, 2, "GPE"), (3, 5, "PERSON")], root=5)

    assert not any(p == "kg:livesIn" for _, p, _ in triples(doc("student")))
    assert ("Tom Smith", "kg:livesIn", "Cambridge") in triples(doc("architect"))


def title_before(place: list[tuple[str, str]], title: list[tuple[str, str]], label: str = "GPE"):
    """'PLACE TITLE Jane Smith spoke.' with every token hung off the verb."""
    rows = [*place, *title, ("Jane", "PROPN"), ("Smith", "PROPN"), ("spoke", "VERB"), (".", "PUNCT")]
    person = len(place) + len(title)
    return flat(rows, ents=[(0, len(place), label), (person, person + 2, "PERSON")], root=person + 2)


def test_a_field_before_a_chief_or_a_star_is_a_body_of_the_place_not_the_place():
    for field, role in (("police", "chief"), ("film", "star"), ("tennis", "chief")):
        found = triples(title_before([("Norfolk", "PROPN")], [(field, "NOUN"), (role, "NOUN")]))
        assert not any(p in ("kg:leaderOf", "kg:livesIn") for _, p, _ in found), (field, found)
        assert ("Jane Smith", "kg:jobTitle", f"{field} {role}") in found
    assert ("Jane Smith", "kg:leaderOf", "Norfolk") in triples(title_before([("Norfolk", "PROPN")], [("chief", "NOUN")]))
    # of a body, the head of a field works for it without leading it
    found = triples(title_before([("Sony", "PROPN")], [("design", "NOUN"), ("chief", "NOUN")], label="ORG"))
    assert ("Jane Smith", "kg:worksFor", "Sony") in found and ("Jane Smith", "kg:leaderOf", "Sony") not in found


def test_a_place_that_begins_a_longer_name_gives_no_title_there():
    found = triples(title_before([("US", "PROPN")], [("Open", "ADJ"), ("champion", "NOUN")]))
    assert not any(o == "US" or o == "United States" for _, _, o in found), found
    found = triples(title_before([("US", "PROPN")], [("Bankruptcy", "PROPN"), ("Judge", "PROPN")]))
    assert ("Jane Smith", "kg:jobTitle", "Bankruptcy Judge") in found  # a capitalised title is still one


def test_an_envoy_of_a_country_does_not_live_there():
    doc = flat([("Ambassador", "PROPN"), ("Stefan", "PROPN"), ("Johannesson", "PROPN"), ("of", "ADP"), ("Iceland", "PROPN"),
                ("spoke", "VERB"), (".", "PUNCT")], ents=[(1, 3, "PERSON"), (4, 5, "GPE")], root=5)
    assert not any(p == "kg:livesIn" for _, p, _ in triples(doc))
    doc = flat([("Stefan", "PROPN"), ("Johannesson", "PROPN"), ("of", "ADP"), ("Iceland", "PROPN"),
                ("spoke", "VERB"), (".", "PUNCT")], ents=[(0, 2, "PERSON"), (3, 4, "GPE")], root=4)
    assert ("Stefan Johannesson", "kg:livesIn", "Iceland") in triples(doc)


def test_places_in_a_list_ending_with_and_the_are_not_inside_each_other():
    doc = flat([("in", "ADP"), ("Japan", "PROPN"), (",", "PUNCT"), ("Europe", "PROPN"), ("and", "CCONJ"), ("the", "DET"),
                ("US", "PROPN"), (".", "PUNCT")], ents=[(1, 2, "GPE"), (3, 4, "LOC"), (6, 7, "GPE")])
    assert not any(p == "kg:locatedIn" for _, p, _ in triples(doc))


def test_a_run_of_names_is_a_list_but_an_address_ends_in_its_state():
    """A run of names of any class is a list; "Army Center, Brooklyn, N.Y." is an address."""
    words = ["Seats", "are", "Isle", "of", "Wight", ",", "Dorset", "West", ",", "Bournemouth", "East", ",", "Wells", ",",
             "Canterbury", "."]
    pos = {"Seats": "NOUN", "are": "AUX", "of": "ADP", ",": "PUNCT", ".": "PUNCT"}
    doc = flat([(w, pos.get(w, "PROPN")) for w in words],
               ents=[(2, 5, "LOC"), (6, 8, "ORG"), (9, 11, "ORG"), (12, 13, "GPE"), (14, 15, "GPE")], root=1)
    assert not any(p == "kg:locatedIn" for _, p, _ in triples(doc))
    words = ["Army", "Center", ",", "Brooklyn", ",", "N.Y.", ",", "closed", "."]
    doc = flat([("closed", "VERB") if w == "closed" else (w, "PUNCT" if w in ",." else "PROPN") for w in words],
               ents=[(0, 2, "ORG"), (3, 4, "GPE"), (5, 6, "GPE")], root=7)
    assert ("Brooklyn", "kg:locatedIn", "N.Y.") in triples(doc)


def test_a_place_that_is_the_subject_of_the_next_clause_is_not_the_one_before_s_home():
    rows = [("by", "by", "ADP", "IN", "prep", 5), ("the", "the", "DET", "DT", "det", 2),
            ("South", "South", "PROPN", "NNP", "pobj", 0), (",", ",", "PUNCT", ",", "punct", 5),
            ("Ireland", "Ireland", "PROPN", "NNP", "nsubj", 5), ("pressed", "press", "VERB", "VBD", "ROOT", 5),
            (".", ".", "PUNCT", ".", "punct", 5)]
    doc = hand_parse(rows, ents=[(2, 3, "LOC"), (4, 5, "GPE")])
    assert not any(p == "kg:locatedIn" for _, p, _ in triples(doc))


def test_a_head_with_a_field_before_or_after_it_works_for_the_body():
    def doc(before: list[tuple], after: list[tuple]):
        rows = [("Jim", "Jim", "PROPN", "NNP", "compound", 1), ("Bud", "Bud", "PROPN", "NNP", "nsubj", 0)]
        rows[1] = ("Bud", "Bud", "PROPN", "NNP", "ROOT", 1)
        rows.append((",", ",", "PUNCT", ",", "punct", 1))
        head = len(rows) + len(before)
        rows += [(w, w.lower(), pos, "JJ", "amod", head) for w, pos in before]
        rows.append(("head", "head", "NOUN", "NN", "appos", 1))
        rows += [(w, w.lower(), pos, "NN", dep, head if h is None else h) for w, pos, dep, h in after]
        return hand_parse(rows, ents=[(0, 2, "PERSON"), (len(rows) - 1, len(rows), "ORG")])

    found = triples(doc([("regulatory", "ADJ")], [("of", "ADP", "prep", None), ("MEF", "PROPN", "pobj", 5)]))
    assert ("Jim Bud", "kg:worksFor", "MEF") in found and ("Jim Bud", "kg:leaderOf", "MEF") not in found
    found = triples(doc([], [("of", "ADP", "prep", None), ("MEF", "PROPN", "pobj", 4)]))
    assert ("Jim Bud", "kg:leaderOf", "MEF") in found  # the head of the body leads it


def test_a_name_between_an_owner_and_a_title_is_where_or_which_part_not_what_is_led():
    def title(owner: str, owner_label: str, where: str, where_label: str, role: str):
        words = [("The", "DET"), (owner, "PROPN"), ("'s", "PART"), (where, "PROPN"), (role, "NOUN"), ("Nicola", "PROPN"),
                 ("Sturgeon", "PROPN"), ("spoke", "VERB"), (".", "PUNCT")]
        return triples(flat(words, ents=[(1, 2, owner_label), (3, 4, where_label), (5, 7, "PERSON")], root=7))

    found = title("SNP", "ORG", "Holyrood", "GPE", "leader")  # the party's leader in the parliament
    assert ("Nicola Sturgeon", "kg:memberOf", "SNP") in found
    assert not any(o == "Holyrood" for _, p, o in found if p != "kg:jobTitle"), found
    found = title("Sony", "ORG", "Europe", "LOC", "chief")  # a job at Sony in Europe
    assert not any(o == "Europe" for _, p, o in found if p != "kg:jobTitle"), found
    found = title("Holyrood", "ORG", "Chamber", "ORG", "chief")  # the head of a part of the owner
    assert ("Nicola Sturgeon", "kg:leaderOf", "Chamber") in found


def test_a_holder_fired_or_resigning_in_the_same_sentence_held_the_post():
    def said(verb: str, lemma: str, tag: str, dep: str, aux: tuple | None = None):
        # "Vodafone chairman John Smith [was] VERB ." with the name as the subject
        rows = [("Vodafone", "Vodafone", "PROPN", "NNP", "compound", 1), ("chairman", "chairman", "NOUN", "NN", "compound", 3),
                ("John", "John", "PROPN", "NNP", "compound", 3), ("Smith", "Smith", "PROPN", "NNP", dep, 5 if aux else 4)]
        if aux:
            rows.append(aux)
        rows += [(verb, lemma, "VERB", tag, "ROOT", len(rows)), (".", ".", "PUNCT", ".", "punct", len(rows))]
        return hand_parse(rows, ents=[(0, 1, "ORG"), (2, 4, "PERSON")])

    resigned = said("resigned", "resign", "VBD", "nsubj")
    assert ("John Smith", "kg:leaderOf", "Vodafone") in triples(resigned, Factuality.FORMER)
    assert ("John Smith", "kg:leaderOf", "Vodafone") not in triples(resigned)
    sacked = said("sacked", "sack", "VBN", "nsubjpass", ("was", "be", "AUX", "VBD", "auxpass", 5))
    assert ("John Smith", "kg:leaderOf", "Vodafone") in triples(sacked, Factuality.FORMER)
    spoke = said("spoke", "speak", "VBD", "nsubj")  # nothing ended: the tie is current
    assert ("John Smith", "kg:leaderOf", "Vodafone") in triples(spoke)
    will = said("resign", "resign", "VB", "nsubj", ("will", "will", "AUX", "MD", "aux", 5))  # not yet
    assert ("John Smith", "kg:leaderOf", "Vodafone") in triples(will)
