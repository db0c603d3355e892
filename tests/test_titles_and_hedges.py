"""Session-4 patterns (issue 15): a second to a role is not the role, a portfolio is part of a title,
a possibility is not an event, and a quotation inside a quotation does not end it."""
from __future__ import annotations

from test_news_patterns import _claims

from kg.extract.lexicon import lexicon
from kg.extract.quotes import find_quote_spans


def test_a_vice_deputy_or_assistant_works_for_the_body_but_does_not_lead_it():
    roles = lexicon()
    assert roles.role_property("president") == "kg:presidentOf"
    for second in ("vice president", "corporate vice president", "vice-president", "vice-chairman",
                   "deputy leader", "assistant director", "deputy prime minister"):
        assert roles.role_property(second) == "kg:worksFor", second
    assert roles.role_property("co-founder") == "kg:founderOf"


def test_microsofts_vice_president_is_not_its_president():
    claims = _claims("Microsoft corporate vice president Bill Smith said the software was ready.")
    assert ("Bill Smith", "worksFor", "Microsoft", "asserted") in claims
    assert not any(c[1] in ("presidentOf", "leaderOf") for c in claims)


def test_a_portfolio_before_secretary_is_part_of_the_title_not_an_employer():
    claims = _claims("New Home Secretary Charles Clarke has vowed to press on. Education Secretary Ruth Kelly spoke. "
                     "Work and Pensions Secretary Alan Johnson agreed.")
    titles = {(c[0], c[2]) for c in claims if c[1] == "jobTitle"}
    assert {("Charles Clarke", "Home Secretary"), ("Ruth Kelly", "Education Secretary"),
            ("Alan Johnson", "Work and Pensions Secretary")} <= titles
    assert not any(c[1] in ("ministerOf", "worksFor", "leaderOf") for c in claims)
    # a department is still a body: "Home Office minister Hazel Blears"
    office = _claims("Home Office minister Hazel Blears said the figures were wrong.")
    assert ("Hazel Blears", "ministerOf", "Home Office", "asserted") in office


def test_potentially_or_possibly_is_a_possibility_not_an_event():
    claims = _claims("Chelsea potentially face a ban from Uefa. Arsenal possibly signed the striker.")
    assert {c[0] for c in claims if c[3] == "hypothetical"} == {"Chelsea", "Arsenal"}
    assert not any(c[0] in ("Chelsea", "Arsenal") and c[3] == "asserted" for c in claims)
    # an adverb that grades the object is no hedge: "has possibly the hardest job"
    graded = _claims("Tony Blair has possibly the hardest job in Europe.")
    assert any(c[0] == "Tony Blair" and c[3] == "asserted" for c in graded)


def test_a_short_quotation_inside_a_quotation_does_not_end_it():
    text = ('"At that meeting he admitted he was going to "fake" an injury and walk off. '
            'He then agreed to apologise," said Shepherd.')
    spans = [s.inner(text) for s in find_quote_spans(text)]
    assert spans == ['At that meeting he admitted he was going to "fake" an injury and walk off. He then agreed to apologise']
    # a fresh quotation after a stray mark still starts afresh
    stray = 'The 12" record sold well. "We are delighted with the sales," said the label.'
    assert [s.inner(stray) for s in find_quote_spans(stray)][-1] == "We are delighted with the sales"


def test_claims_inside_a_nested_quotation_are_the_speakers():
    claims = _claims('"When Graeme discovered this he immediately ordered Bellamy to attend a meeting in my office. '
                     '"At that meeting Bellamy admitted that he was going to "fake" an injury in training and walk off," '
                     'said Shepherd.')
    orders = {c[3] for c in claims if c[1] == "order"}
    assert orders == {"reported"}


def test_a_club_and_a_hyphenated_position_before_a_name_is_who_he_plays_for():
    claims = _claims("Chelsea left-back Wayne Bridge could miss the rest of the season.")
    assert ("Wayne Bridge", "worksFor", "Chelsea", "asserted") in claims
    assert ("Wayne Bridge", "jobTitle", "left-back", "asserted") in claims


def test_named_best_actor_is_an_honour_not_an_appointment():
    claims = _claims("Paul Giamatti was named best actor for his role. "
                     "The Chicago Film Critics Association named Sideways the best film of 2004.")
    assert ("Paul Giamatti", "be_named", "best actor", "asserted") in claims
    assert not any(c[1] == "appointed" for c in claims)
    # a birth name is no honour: "was born Charles Hardin Holley in Lubbock"
    born = _claims("Buddy Holly was born Charles Hardin Holley in Lubbock, Texas.")
    assert not any(c[1] == "be_born" for c in born)


def test_a_description_keeps_the_name_that_owns_it():
    claims = _claims("The inspection team assessed London's bid for the 2012 Olympics. "
                     "Japan's economy teetered on the brink of a recession. The company raised its offer.")
    objects = {c[2] for c in claims if c[1] == "assess"}
    assert objects == {"London's bid for the 2012 Olympics"}
    assert any(c[0] == "Japan's economy" for c in claims)
    assert any(c[2] == "offer" for c in claims)  # a pronoun owner adds nothing
    # a named work keeps its maker apart: "Radio 4's Today programme" is made by Radio 4
    made = _claims("Radio 4's Today programme interviewed the minister.")
    assert ("Radio 4", "makerOf", "Today programme", "asserted") in made


def test_the_reader_scorer_matches_an_owned_thing_by_its_owner():
    from kg.eval.reader import Names

    names = Names([["Elfyn Llwyd", "Person", ["Mr Llwyd"]]])
    assert names.same("Mr Llwyd's theory", "Elfyn Llwyd's theory")
    assert not names.same("Mr Llwyd's plan", "Elfyn Llwyd's theory")


def test_a_description_keeps_the_phrase_that_says_which_one():
    claims = _claims("Gen Musharraf held talks with Tony Blair. Ken Clarke welcomed the relaxation of the euro zone rules. "
                     "The firm's profits rose in the third quarter.")
    assert ("Gen Musharraf", "hold", "talks with Tony Blair", "asserted") in claims
    assert ("Ken Clarke", "welcome", "relaxation of the euro zone rules", "asserted") in claims
    # a time or a place after the noun is when or where, not which: no "profits in the third quarter"
    assert not any("quarter" in c[0] or "quarter" in c[2] for c in claims if c[1] != "jobTitle")


def test_a_shadow_minister_keeps_shadow_and_a_party_before_a_title_is_his_party():
    claims = _claims("Shadow Chancellor Oliver Letwin spoke. Tory shadow home secretary David Davis agreed. "
                     "Tory leader Michael Howard left.")
    assert ("Oliver Letwin", "jobTitle", "Shadow Chancellor", "asserted") in claims
    assert ("David Davis", "jobTitle", "shadow home secretary", "asserted") in claims
    assert not any(c[0] == "David Davis" and c[1] == "ministerOf" for c in claims)
    assert any(c[0] == "David Davis" and c[1] == "memberOf" for c in claims)
    assert any(c[0] == "Michael Howard" and c[1] == "leaderOf" for c in claims)


def test_a_line_up_is_a_list_of_names_not_sentences_about_them():
    claims = _claims("Newcastle: Given, Carr, Bramble, Boumsong, Babayaro, Bowyer, Dyer, Faye, Robert, Shearer, Kluivert. "
                     "Subs Not Used: Poole, Fadiga, Vaz Te, Pedersen.")
    assert claims == set()
    # a list inside a real sentence still counts, however long
    named = _claims("Sting, Mariah Carey, Bono, Elton John, Madonna, Robbie Williams and Kylie Minogue joined Amnesty International.")
    assert {c[0] for c in named if c[1] == "memberOf" and c[2] == "Amnesty International"} >= {"Mariah Carey", "Elton John", "Kylie Minogue"}


def test_the_chief_of_a_field_works_for_the_body_but_does_not_lead_it():
    assert lexicon().role_property("foreign policy chief") == "kg:worksFor"
    assert lexicon().role_property("finance director") == "kg:worksFor"
    assert lexicon().role_property("managing director") == "kg:leaderOf"
    claims = _claims("EU foreign policy chief Javier Solana visited Tehran.")
    assert ("Javier Solana", "worksFor", "EU", "asserted") in claims
    assert not any(c[1] == "leaderOf" for c in claims)


def test_he_and_she_follow_the_given_names_gender():
    import kg
    from kg.query import run_query

    from kg.extract.lexicon import first_name_gender

    assert (first_name_gender("Steven"), first_name_gender("Ruth"), first_name_gender("Jordan")) == ("m", "f", None)
    speakers = []
    for text in ("Ruth Kelly met Steven Gaydos at the ceremony. He said the film was fully deserved.",
                 "Steven Gaydos met Ruth Kelly at the ceremony. She said the film was fully deserved."):
        graph = kg.build_text(text)
        speakers += [str(r.s) for r in run_query(graph, "SELECT ?s WHERE { ?q a kg:Quote ; kg:speaker/rdfs:label ?s }")]
    assert speakers == ["Steven Gaydos", "Ruth Kelly"]


def test_the_club_is_the_club_the_story_is_about_and_a_position_is_no_person():
    claims = _claims("Chelsea have beaten Newcastle. Chelsea have confirmed that Wayne Bridge is injured. "
                     "Chelsea play Barcelona on Wednesday. Barcelona have won five games in a row. "
                     "Celestine Babayaro left the club in January to join Newcastle.")
    assert ("Celestine Babayaro", "leave", "Chelsea", "asserted") in claims  # not Barcelona, named last
    position = _claims("Chelsea left-back Wayne Bridge is injured, and William Gallas has deputised at left-back.")
    assert not any(c[0] == "William Gallas" and c[2] == "Wayne Bridge" for c in position)


def test_an_amount_is_the_object_of_a_rise_or_a_fall():
    claims = _claims("Japan's economy grew by 0.1% in the third quarter. Profits rose 20% to £1.2bn. "
                     "The index fell to 55.3 in February, from an adjusted 56.4 in January. He was born in 1956.")
    assert ("Japan's economy", "grow_by", "0.1%", "asserted") in claims
    assert ("Profits", "rise", "20%", "asserted") in claims and ("Profits", "rise_to", "£1.2bn", "asserted") in claims
    assert ("index", "fall_from", "adjusted 56.4", "asserted") in claims  # the month is when, not how much
    assert not any("1956" in c[2] for c in claims)  # a year is a date, not an amount


def test_review_cases_of_session_four():
    """What an independent reading of the change found (each failed on the change before its fix)."""
    party = _claims("Labour spokesman John Smith said the plan was wrong. Treasury minister Dawn Primarolo agreed.")
    assert ("John Smith", "spokespersonFor", "Labour Party", "asserted") in party or \
        ("John Smith", "spokespersonFor", "Labour", "asserted") in party
    assert ("Dawn Primarolo", "ministerOf", "Treasury", "asserted") in party
    joined = _claims("The summit covered trade and Foreign Secretary Jack Straw spoke.")
    assert ("Jack Straw", "jobTitle", "Foreign Secretary", "asserted") in joined
    appointed = _claims("Smith was named chief executive of BP. Jones was appointed chairman.")
    assert not any(c[1].startswith("be_") for c in appointed)
    numbers = _claims("The plane landed at 10.30. Arsenal won 2-0 at Highbury. Prices rose in 12 of the 15 countries.")
    assert not any(c[2] in ("10.30", "0", "2", "12") for c in numbers)
    talks = _claims("Gen Musharraf held talks with Tony Blair on Monday. The talks ended without a deal.")
    assert ("talks with Tony Blair", "end_without", "deal", "asserted") in talks
    firm = _claims("Vodafone has agreed to buy a stake in Sony. Vodafone said the deal was worth a lot of money. "
                   "The Japanese firm Sony has struggled for years. The firm said it would cut jobs in Europe.")
    assert any(c[0] == "Sony" and c[1] == "cut" for c in firm)
    position = _claims("Gallas played at left-back against Everton.")
    assert not any("against" in c[2] for c in position)


def test_a_given_name_of_another_country_vetoes_no_one():
    import kg
    from kg.query import run_query

    graph = kg.build_text("Andrea Pirlo scored twice for Milan. He said the team had played very well.")
    speakers = [str(r.s) for r in run_query(graph, "SELECT ?s WHERE { ?q a kg:Quote ; kg:speaker/rdfs:label ?s }")]
    assert speakers == ["Andrea Pirlo"]


def test_nested_quotation_marks_stay_linear_in_the_length_of_a_quote():
    """A long quote full of scare quotes is paired in one pass (it was quadratic); its inner quotes stay."""
    text = '"He said ' + " ".join('it was "very good" indeed,' for _ in range(3000)) + ' and left," said Smith.'
    spans = find_quote_spans(text)
    assert len(spans) == 1 and spans[0].inner(text).count('"very good"') == 3000


def test_a_country_inside_a_field_or_a_firms_arm_is_not_what_the_role_leads():
    # session 9's held-out draw 32-35: "head of UK equities" and "chief executive of AOL UK" read as leading the UK
    field = _claims("David Cummings, head of UK equities at Standard Life Investments, said shares rose.")
    assert ("David Cummings", "worksFor", "Standard Life Investments", "asserted") in field
    assert ("David Cummings", "jobTitle", "head of UK equities", "asserted") in field
    arm = _claims("Karen Thomson, chief executive of AOL UK, said the service would grow.")
    assert not any(c[1] == "leaderOf" and c[2] == "UK" for c in field | arm)
    plain = _claims("Marcus Reyes, chief executive of Northwind Foods, spoke.")
    assert ("Marcus Reyes", "leaderOf", "Northwind Foods", "asserted") in plain


def test_a_speaker_before_having_declared_is_the_one_who_declared():
    # the seed article: "Chechnya's president, Ramzan Kadyrov, having publicly declared that he wanted ..."
    import kg
    from kg.query import run_query

    graph = kg.build_text("That came despite Latvia's premier, Ilona Berzina, having publicly declared that she wanted "
                          "every border post closed by June 3.")
    rows = run_query(graph, "SELECT ?s ?t WHERE { ?q a kg:Quote ; kg:speaker/rdfs:label ?s ; kg:quotedText ?t }")
    assert [(str(r.s), str(r.t).split()[:3]) for r in rows] == [("Ilona Berzina", ["she", "wanted", "every"])]


def test_the_nationality_of_a_region_described_places_the_region_named_before_it():
    # the seed article: "... in Chechnya, ... the purge that took place in the Russian republic"
    named = _claims("Twelve men left Chechnya last year after a crackdown in the Russian republic.")
    assert ("Chechnya", "locatedIn", "Russia", "asserted") in named
    # no region named before: no tautology "Russian republic in Russia"
    unnamed = _claims("A crackdown took place in the Russian republic.")
    assert not any(c[1] == "locatedIn" and c[2] == "Russia" for c in unnamed)
    # a region the gazetteer places elsewhere is not the one meant
    elsewhere = _claims("Officials in Texas spoke. Fighting in the Russian republic went on.")
    assert not any(c[0] == "Texas" and c[1] == "locatedIn" for c in elsewhere)
    # nor one named a sentence before (draw 36-39: "... in San Sebastian. The Irish province will be given")
    before = _claims("The final is in San Sebastian. The Irish province will be given 8,000 tickets.")
    assert not any(c[1] == "locatedIn" and c[2] == "Ireland" for c in before)


def test_the_resignation_of_a_holder_ends_the_tie_but_a_call_for_it_does_not():
    # session 10's held-out draw 36-39, read after scoring: "prompted the resignation of BBC chairman X"
    gone = _claims("The scandal prompted the resignation of Orbis chairman Hal Brent and two directors.")
    assert ("Hal Brent", "leaderOf", "Orbis", "former") in gone
    wanted = _claims("Shareholders called for the resignation of Orbis chairman Hal Brent.")
    assert ("Hal Brent", "leaderOf", "Orbis", "asserted") in wanted
    coming = _claims("The report noted the impending retirement of Orbis chairman Hal Brent.")
    assert ("Hal Brent", "leaderOf", "Orbis", "asserted") in coming


def test_a_body_whose_name_holds_and_is_one_body():
    # draw 36-39: "the Texas Parks and Wildlife Department" was cut to "Wildlife Department"
    claims = _claims("Tom Fisher, policy director of the Ohio Parks and Wildlife Department, said the rules had changed.")
    assert ("Tom Fisher", "worksFor", "Ohio Parks and Wildlife Department", "asserted") in claims
    # a one-word name before "and" is a body of its own
    import kg
    from kg.query import run_query

    graph = kg.build_text("Nato and European Union officials met in Brussels on Monday.")
    names = {str(r.l) for r in run_query(graph, "SELECT ?l WHERE { ?e kg:mentionedIn ?d ; rdfs:label ?l ; a kg:Organization }")}
    assert {"Nato", "European Union"} <= names


def test_a_company_title_after_a_nationality_leads_no_country_and_a_uk_chancellor_is_a_minister():
    # session 10's held-out draw 40-43, read after scoring
    dutch = _claims("Dutch co-chairman Pieter Vos will step down in May.")
    assert not any(c[1] == "leaderOf" for c in dutch)
    assert ("Pieter Vos", "jobTitle", "co-chairman", "asserted") in dutch
    uk = _claims("The plan was backed by UK Chancellor Gordon Brown on Monday.")
    assert ("Gordon Brown", "ministerOf", "United Kingdom", "asserted") in uk
    assert not any(c[1] == "leaderOf" for c in uk)
    heads = _claims("German Chancellor Gerhard Schroeder and Croatian President Franjo Tudjman met.")
    assert {("Gerhard Schroeder", "leaderOf", "Germany", "asserted"),
            ("Franjo Tudjman", "presidentOf", "Croatia", "asserted")} <= heads


def test_the_territory_of_a_job_is_not_led_and_a_shadow_post_is_not_the_office():
    territory = _claims("Ruth Alder, managing director of Vodafone in the UK, said demand grew.")
    assert ("Ruth Alder", "leaderOf", "Vodafone", "asserted") in territory
    assert not any(c[0] == "Ruth Alder" and c[2] in ("UK", "United Kingdom") for c in territory)
    lab = _claims("Ian Poole, head of the research laboratory at Corvex, said the virus spread.")
    assert ("Ian Poole", "worksFor", "Corvex", "asserted") in lab
    assert not any(c[1] == "leaderOf" for c in lab)
    shadow = _claims("Shadow Treasury chief secretary Alan Price said the figures were wrong.")
    assert not any(c[1] in ("ministerOf", "worksFor", "leaderOf") for c in shadow)
