"""The corpus's span conventions applied to kg's relations before CoNLL04 scoring."""

from kg.eval.conll04_conventions import Relation, as_corpus_draws_them

R = Relation


def test_a_birthplace_and_its_state_become_one_location():
    tokens = "Benjamin Harrison was born in North Bend , Ohio .".split()
    kg = {R((0, 2), "Peop", (5, 7), "Loc", "Live_In"), R((5, 7), "Loc", (8, 9), "Loc", "Located_In")}
    assert as_corpus_draws_them(kg, tokens) == {R((0, 2), "Peop", (5, 9), "Loc", "Live_In")}


def test_a_birthplace_after_a_date_is_one_location_too():
    tokens = "Simon was born on Feb. 5 , 1907 , in Portland , Ore. , and".split()
    kg = {R((0, 1), "Peop", (10, 11), "Loc", "Live_In"), R((10, 11), "Loc", (12, 13), "Loc", "Located_In")}
    assert as_corpus_draws_them(kg, tokens) == {R((0, 1), "Peop", (10, 13), "Loc", "Live_In")}


def test_other_places_stay_two():
    tokens = "The plant in Niles , Ohio closed .".split()
    kg = {R((3, 4), "Loc", (5, 6), "Loc", "Located_In")}
    assert as_corpus_draws_them(kg, tokens) == kg
    tokens = "Andrew Hall of Miami , Fla. , confirmed it".split()
    kg = {R((0, 2), "Peop", (3, 4), "Loc", "Live_In"), R((3, 4), "Loc", (5, 6), "Loc", "Located_In")}
    assert as_corpus_draws_them(kg, tokens) == kg


def test_president_joins_a_full_name_unless_a_modifier_precedes_it():
    tokens = "the assassination of President John F. Kennedy by Lee Harvey Oswald".split()
    kg = {R((8, 11), "Peop", (4, 7), "Peop", "Kill")}
    assert as_corpus_draws_them(kg, tokens) == {R((8, 11), "Peop", (3, 7), "Peop", "Kill")}
    tokens = "Haitian President Jean-Bertrand Aristide met Bill Clinton".split()
    kg = {R((2, 4), "Peop", (5, 7), "Peop", "Kill")}
    assert as_corpus_draws_them(kg, tokens) == kg
