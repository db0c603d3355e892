"""Quote finding on raw text, and in-document resolution of surnames, pronouns and descriptions."""
from __future__ import annotations

from kg.extract.quotes import find_quote_spans
from kg.resolve import resolve_document
from kg.types import DocumentExtraction, Factuality, Mention, Provenance, RawClaim, RawQuote, Sentence
from kg.ingest import make_document


def test_quote_split_around_its_cue_gives_two_spans():
    text = "“We will rebuild the bridge,” the mayor said, “and we will do it this year.”"
    spans = find_quote_spans(text)
    assert [s.inner(text) for s in spans] == ["We will rebuild the bridge", "and we will do it this year."]


def test_quote_continued_over_paragraphs_is_one_quote():
    text = "She said: “The first part of what I said goes here.\n\n“And this is the rest of it.”"
    (span,) = find_quote_spans(text)
    assert span.inner(text) == "The first part of what I said goes here. And this is the rest of it."


def test_scare_quotes_are_not_speech():
    assert find_quote_spans("Officials cited “sources” and a “plan”.") == []


def test_unclosed_quote_ending_a_paragraph_is_dropped():
    text = "He said: “This never ends\n\nA new paragraph with no quote marks at all."
    assert find_quote_spans(text) == []


def _mention(text, start, cls, ner="PERSON", **kw):
    return Mention(text, start, start + len(text), cls, 0, ner=ner, **kw)


def test_surname_pronoun_and_description_resolve_to_named_entities():
    text = ("Kirill Kalinin spoke for Canada. Kalinin met Powell. He said “we are ready to go home”. "
            "The North American country helped.")
    document = make_document(text, source="<test>")
    full = _mention("Kirill Kalinin", 0, "Person")
    canada = _mention("Canada", 25, "Country", ner="GPE")
    short = _mention("Kalinin", 33, "Organization", ner="ORG")  # NER often mislabels lone surnames
    powell = _mention("Powell", 45, "Person")
    he = Mention("He", 53, 55, "Person", 0, pronoun=True)
    country = Mention("North American country", 92, 115, "Place", 0, local=False)
    prov = Provenance(document.id, 0, 0, 10, "test")
    extraction = DocumentExtraction(
        document, (Sentence(0, 0, len(text), text),), (full, canada, short, powell),
        (RawClaim(short, "kg:met", powell, prov, 0.9),
         RawClaim(country, "kg:helped", powell, prov, 0.9, Factuality.ASSERTED)),
        (RawQuote("we are ready to go home", 61, 86, prov, he, "say", 0.9),))
    result = resolve_document(extraction)
    names = {e.id: e for e in result.entities}
    met = next(c for c in result.claims if c.predicate == "kg:met")
    assert names[met.subject].name == "Kirill Kalinin" and names[met.subject].cls == "Person"
    assert "Kalinin" in names[met.subject].aliases
    assert names[result.quotes[0].speaker].name == "Powell"  # nearest person before the pronoun
    helped = next(c for c in result.claims if c.predicate == "kg:helped")
    assert names[helped.subject].name == "Canada"
    assert sum(1 for e in result.entities if "kalinin" in e.id) == 1


def test_reported_speech_is_a_quote_and_its_content_is_attributed():
    from conftest import hand_parse

    from kg.extract import extract

    doc = hand_parse([("Petrova", "Petrova", "PROPN", "NNP", "nsubj", 1), ("said", "say", "VERB", "VBD", "ROOT", 1),
                      ("that", "that", "SCONJ", "IN", "mark", 4), ("Acme", "Acme", "PROPN", "NNP", "nsubj", 4),
                      ("bought", "buy", "VERB", "VBD", "ccomp", 1), ("Globex", "Globex", "PROPN", "NNP", "dobj", 4),
                      ("last", "last", "ADJ", "JJ", "amod", 7), ("year", "year", "NOUN", "NN", "npadvmod", 4),
                      (".", ".", "PUNCT", ".", "punct", 1)],
                     ents=[(0, 1, "PERSON"), (3, 4, "ORG"), (5, 6, "ORG")])
    result = extract(doc, make_document(doc.text, source="<test>"))
    (quote,) = result.quotes
    assert (quote.text, quote.speaker.text, quote.cue, quote.direct) == ("Acme bought Globex last year", "Petrova", "say", False)
    (claim,) = [c for c in result.claims if c.predicate == "kg:acquired"]
    assert claim.factuality == Factuality.REPORTED and claim.speaker.text == "Petrova"


def test_allegedly_makes_a_claim_alleged():
    from conftest import hand_parse

    from kg.extract import extract

    doc = hand_parse([("Acme", "Acme", "PROPN", "NNP", "nsubj", 2), ("allegedly", "allegedly", "ADV", "RB", "advmod", 2),
                      ("bribed", "bribe", "VERB", "VBD", "ROOT", 2), ("Globex", "Globex", "PROPN", "NNP", "dobj", 2),
                      (".", ".", "PUNCT", ".", "punct", 2)],
                     ents=[(0, 1, "ORG"), (3, 4, "ORG")])
    (claim,) = extract(doc, make_document(doc.text, source="<test>")).claims
    assert (claim.predicate, claim.factuality) == ("open:bribe", Factuality.ALLEGED)


def test_pronouns_prefer_the_earlier_subject_and_respect_known_gender():
    from kg.resolve.coref import DocumentResolver

    text = "Mrs. Parks met John Smith. Smith thanked Mrs. Parks. She left. He stayed."
    document = make_document(text, source="<test>")
    parks = Mention("Mrs. Parks", 0, 10, "Person", 0, ner="PERSON", subject=True)
    smith = Mention("John Smith", 15, 25, "Person", 0, ner="PERSON")
    smith2 = Mention("Smith", 27, 32, "Person", 1, ner="PERSON", subject=True)
    parks2 = Mention("Mrs. Parks", 41, 51, "Person", 1, ner="PERSON")
    she = Mention("She", 53, 56, "Person", 2, pronoun=True)
    he = Mention("He", 63, 65, "Person", 3, pronoun=True)
    extraction = DocumentExtraction(document, (), (parks, smith, smith2, parks2), (), ())
    resolver = DocumentResolver(extraction)
    assert resolver.antecedent(she).text == "Mrs. Parks"  # the nearer subject, Smith, is not a she
    assert resolver.antecedent(he).text == "Smith"  # the subject of the sentence before last; Parks is a she


def test_straight_quotes_reopened_after_a_sentence_continue_the_quote():
    text = ('Souness said: "He cannot play for me again. He has been a disruptive influence. "He cannot go on '
            'television and accuse me of lies." The chairman called it "totally unacceptable and unprofessional".')
    assert [s.inner(text) for s in find_quote_spans(text)] == [
        "He cannot play for me again. He has been a disruptive influence. He cannot go on television and accuse me of lies.",
        "totally unacceptable and unprofessional"]


def test_honorific_and_surname_resolve_to_the_full_name():
    from kg.resolve.coref import DocumentResolver

    text = "Jan Bolz spoke. Mr Bolz left. Mr Bolz returned."
    document = make_document(text, source="<test>")
    full = Mention("Jan Bolz", 0, 8, "Person", 0, ner="PERSON")
    first = Mention("Mr Bolz", 16, 23, "Person", 1, ner="PERSON")
    second = Mention("Mr Bolz", 30, 37, "Person", 2, ner="PERSON")
    resolver = DocumentResolver(DocumentExtraction(document, (), (full, first, second), (), ()))
    assert resolver.key(first) == resolver.key(second) == resolver.key(full) == "Person:jan bolz"


def test_a_quote_that_carries_on_without_a_cue_is_the_same_speakers_unless_someone_else_comes_in():
    import kg
    from kg.query import run_query

    graph = kg.build_text('"I would like to congratulate the team," said Dominik Hrbaty. "We played well all week and '
                          'deserved it." Coach Anna Berg said she was pleased. "It was a hard final for all of us."')
    said = {str(r.t)[:14]: str(r.s) for r in run_query(
        graph, "SELECT ?s ?t WHERE { ?q a kg:Quote ; kg:speaker/rdfs:label ?s ; kg:quotedText ?t }")}
    assert said.get("We played well") == "Dominik Hrbaty"
    assert said.get("It was a hard ") != "Dominik Hrbaty"
