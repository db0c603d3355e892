"""Mentions: named entities from spaCy NER, and noun phrases when they are claim arguments."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kg.extract.evidence import (
    NER_CLASSES,
    class_from_name,
    competitor,
    described_as,
    looks_like_a_person,
    nationality_as_place,
    plural_subject,
)
from kg.extract.lexicon import lexicon
from kg.extract.syntax import word_fragment
from kg.resolve.places import country_for_demonym, gazetteer, place_class
from kg.types import Mention
PERSON_PRONOUNS = {"he", "him", "she", "her"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
ORGANISATION_PRONOUNS = {"it", "they"}
NP_MODIFIERS = {"amod", "compound", "nmod", "npadvmod", "hmod", "hyph"}
VAGUE_WORDS = {
    "own",
    "other",
    "such",
    "more",
    "further",
    "many",
    "several",
    "some",
    "any",
    "all",
    "both",
    "this",
    "that",
    "these",
    "those",
    "same",
    "various",
    "certain",
    "first",
    "last",
    "little",
}
# Lower-case words inside people's names ("Ludwig van Beethoven", "Osama bin Laden").
NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn", "al", "el", "y", "dos", "das", "ter"}
# Forms of address, not offices: "London mayor Mr Livingstone" holds the title "mayor".
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"}
# Titles that, before a lone surname, are part of how the text names the person.
HONORIFICS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "baroness",
    "dame",
    "president",
    "gen",
    "sen",
    "gov",
    "rep",
    "judge",
    "officer",
    "rev",
    "prince",
    "princess",
    "king",
    "queen",
    "pope",
    "chancellor",
    "premier",
}


def reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the verb that reports or denies the clause ``pronoun`` is the subject of
    ("Nordline denied that it acquired Sealink" -> Nordline), when it is not a pronoun itself."""
    clause = pronoun.head
    if clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_.lower() not in lexicon().cues and verb.lemma_.lower() not in REPORT_OR_DENY:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
    return subjects[0] if subjects else None


REPORT_OR_DENY = {"deny", "reject", "dismiss", "refute", "confirm", "admit", "acknowledge"}


def text_units(doc: Doc, quotations: list) -> list[tuple[int, int]]:
    """The document's sentences as (first token, end token), with the sentences one of the
    ``quotations`` (kg.extract.quotes.QuoteSpan) runs across joined into one: “We will appeal. This
    is wrong,” she said. is one unit of provenance, so a quote and the claims inside it lie within
    the sentence record they point to."""
    bounds = [(sent.start, sent.end) for sent in doc.sents]
    unit_of = {i: n for n, (first, end) in enumerate(bounds) for i in range(first, end)}
    joined: set[int] = set()  # n: sentence n and n + 1 are one unit
    for span in quotations:
        opening = doc.char_span(span.start, span.start + 1, alignment_mode="expand")
        closing = doc.char_span(span.end - 1, span.end, alignment_mode="expand")
        if opening is not None and closing is not None:
            joined.update(range(unit_of[opening.start], unit_of[closing.start]))
    units: list[tuple[int, int]] = []
    for n, (first, end) in enumerate(bounds):
        if n - 1 in joined:
            units[-1] = (units[-1][0], end)
        else:
            units.append((first, end))
    return units


class MentionIndex:
    """Named mentions of one parsed document, looked up by token."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        from kg.extract.quotes import find_quote_spans

        self.quotations = find_quote_spans(doc.text)  # read again by kg.extract.quotes
        self.units = text_units(doc, self.quotations)
        self.sentence_of = {}
        for index, (first, end) in enumerate(self.units):
            for i in range(first, end):
                self.sentence_of[i] = index
        self.named: list[Mention] = []  # in text order, as doc.ents are
        self._by_token: dict[int, Mention] = {}
        for ent in doc.ents:
            mention = named_mention(ent, self.sentence_of[ent.start])
            if mention is None:
                continue
            self.named.append(mention)
            for token in ent:
                self._by_token[token.i] = mention

    def named_at(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def for_token(self, token: Token) -> Mention | None:
        """The mention a claim argument headed by ``token`` refers to, or None if it is unusable."""
        if word_fragment(token):
            return None  # "co" of "co-star"
        named = self.named_at(token)
        if named is not None and named.cls == "Group" and token.dep_ == "appos":
            described = self.named_at(token.head)  # "Derwinski, a Republican from Chicago who served": Derwinski
            return described if described is not None and described.cls == "Person" else named
        if named is not None:
            return named
        if token.dep_ == "appos" and (described := self.named_at(token.head)) is not None and described.cls == "Person":
            return described  # "Derwinski, a Republican from Chicago who served ...": the Republican is Derwinski
        for appos in token.children:  # "Its founder, Greta Olsen, will join" -> Greta Olsen
            if (
                appos.dep_ in ("appos", "compound")
                and (found := self.named_at(appos)) is not None
                and found.cls in ("Person", "Organization")
                and (appos.dep_ == "appos" or appos.i == token.i + 1)
            ):
                return found  # "the US agrochemical giant Monsanto" -> Monsanto
        if token.ent_type_ and token.ent_type_ not in NER_CLASSES:
            return None  # dates, numbers, money: qualifiers, not entities
        lower = token.lower_
        if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            return self.for_token(token.head.head)  # "Oswald, who had been shot by Ruby": who = Oswald
        if token.pos_ == "PRON":
            if lower in ORGANISATION_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass"):
                reporter = reporting_subject(token)
                if reporter is not None:
                    return self.for_token(reporter)  # "Acme denied that it bought X": it = Acme
            if lower in PERSON_PRONOUNS:
                return Mention(
                    token.text, token.idx, token.idx + len(token), "Person", self.sentence_of[token.i], pronoun=True,
                    subject=token.dep_ in ("nsubj", "nsubjpass"),
                )
            return None
        if token.pos_ not in ("NOUN", "PROPN") or lower in VAGUE_WORDS or len(token.text) < 2:
            return None
        return self.noun_phrase(token)

    def speaker_for(self, token: Token) -> Mention | None:
        """Like ``for_token``, but 'it'/'they' as the subject of a speech verb is an organisation
        ("the ministry ... It said"), left for the resolve stage to find."""
        if token.lower_ in ORGANISATION_PRONOUNS and token.dep_ == "nsubj":
            return Mention(
                token.text, token.idx, token.idx + len(token), "Organization", self.sentence_of[token.i], pronoun=True
            )
        return self.for_token(token)

    def noun_phrase(self, head: Token) -> Mention | None:
        """'the Russian embassy' -> Russian embassy; '22 gay refugees' -> gay refugees."""
        left = [t for t in head.subtree if t.i < head.i and self._modifies(t, head)]
        start = head.i
        for token in sorted(left, key=lambda t: -t.i):  # walk left while contiguous
            if token.i != start - 1:
                break
            start = token.i
        words = self.doc[start : head.i + 1]
        while len(words) > 1 and (words[0].lower_ in VAGUE_WORDS or words[0].is_punct):
            words = words[1:]
        kind = lexicon().kinds.get(head.lemma_.lower()) or lexicon().kinds.get(head.lower_)
        has_name = any(t.ent_type_ in NER_CLASSES or t.pos_ == "PROPN" for t in words)
        if head.pos_ == "NOUN" and not (kind and has_name):  # a description, not a name ("Radio 4's Today programme")
            words = self.doc[possessor_start(self.doc, words.start, head) : head.i + 1]
        text = words.text.strip()
        if not any(c.isalpha() for c in text):
            return None
        cls = kind or "Concept"
        local = not (kind and has_name)
        return Mention(
            text, words.start_char, words.end_char, cls, self.sentence_of[head.i], local=local,
            qualifier=qualifier_of(head) if local else "",
        )

    @staticmethod
    def _modifies(token: Token, head: Token) -> bool:
        """True for adjectives, compounds and hyphen parts inside the noun phrase of ``head``."""
        path = [token]
        for ancestor in token.ancestors:  # bounded: ends at the root even if ``head`` is not above
            if ancestor == head:
                break
            path.append(ancestor)
        else:
            return token == head
        for node in path:
            hyphen = node.dep_ == "punct" and node.text == "-"
            inner_number = node.dep_ == "nummod" and node.head != head  # "17-year-old", not "22 refugees"
            if node.dep_ not in NP_MODIFIERS and not hyphen and not inner_number:
                return False
        return True


# "in" and "against" are often where or whom it happened ("played at left-back against Everton"), not which.
QUALIFYING_PREPOSITIONS = {"of", "with", "over", "on", "for", "about", "between", "from"}
MAX_QUALIFIER_TOKENS = 6


def qualifier_of(head: Token) -> str:
    """The prepositional phrase right after a description's head that says which one it is: "talks
    with Tony Blair", "relaxation of the euro zone rules", "crackdown on persistent truants". Short,
    one phrase, no clause or punctuation inside: otherwise the bare description is the safer label."""
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is None or following.head.i != head.i or following.dep_ != "prep":
        return ""
    if following.lower_ not in QUALIFYING_PREPOSITIONS:
        return ""
    tokens = list(following.subtree)
    while tokens and ((tokens[-1].is_punct and tokens[-1].text != "%") or tokens[-1].is_space):
        tokens.pop()
    contiguous = [t.i for t in tokens] == list(range(following.i, following.i + len(tokens)))
    if (
        len(tokens) < 2
        or len(tokens) > MAX_QUALIFIER_TOKENS
        or not contiguous
        or any(t.pos_ in ("VERB", "AUX", "PRON") or (t.is_punct and t.text != "%") or t.is_quote or t.is_space for t in tokens)
        or (following.lower_ != "of" and any(t.ent_type_ in ("DATE", "TIME") for t in tokens))
    ):  # "in the third quarter" says when; "rest of the season", "player of the year" say which
        return ""
    return head.doc[tokens[0].i : tokens[-1].i + 1].text


MAX_POSSESSOR_TOKENS = 4


def possessor_start(doc: Doc, start: int, head: Token) -> int:
    """Where a description begins when a name owns it: "Japan's economy", "London's bid", "Spain's winning
    margin" (a bare "economy" or "bid" loses whose it is). Pronouns ("its bid") and long owners are left out."""
    mark = doc[start - 1] if start > 0 else None
    if mark is None or mark.tag_ != "POS" or mark.head.dep_ != "poss" or mark.head.head.i != head.i:
        return start
    owner = mark.head
    if (owner.pos_ != "PROPN" and not owner.ent_type_) or owner.lower_ in lexicon().parties:
        return start  # "its bid"; "Labour's plans" are the party's, which party_members reads
    first = min(t.i for t in owner.subtree)
    if owner.i != mark.i - 1 or mark.i - first > MAX_POSSESSOR_TOKENS:
        return start
    while first < owner.i and doc[first].lower_ == "the":
        first += 1
    return first


MINISTERIAL = {"secretary", "minister", "spokesman", "spokeswoman", "spokesperson"}
SCORE_PART = re.compile(r"[-–]|\d+[-–]\d+")  # "-" of "3 - 0", or "3-0" as one token


def singular(word: str) -> str:
    """'singers' -> 'singer'; other words as they are (only to look plural occupations up)."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def named_mention(ent: Span, sentence: int) -> Mention | None:
    cls = NER_CLASSES.get(ent.label_)
    if ent.label_ == "WORK_OF_ART":  # the small model's short titles are often fragments ("Azkaban")
        cls = described_as(ent) or ("Work" if len(ent) >= 3 else None)
    if cls is None:
        return None
    described = described_as(ent) if len(ent) <= 4 else None
    if described is not None:
        cls = described
    tokens = list(ent)
    left = ent.doc[ent.start - 1] if ent.start > 0 else None
    if left is not None and f"{left.lower_} {ent.text.lower()}" in lexicon().parties:
        tokens, cls = [left, *tokens], "Organization"  # "Liberal Democrat chairman": NER saw "Democrat"
    titles = lexicon().titles
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if (
        after is not None
        and after.lower_ in MINISTERIAL
        and ent.text.lower() not in lexicon().aliases  # a party or a known body is one ("Labour spokesman")
        and lexicon().is_portfolio([t.text for t in tokens])
    ):
        return None  # "Home Secretary", "New Culture Secretary": the portfolio is part of the title
    if cls == "Person":  # "President Vladimir Putin" -> "Vladimir Putin"; "Mrs. Parks" stays whole
        while len(tokens) > 2 and tokens[0].lower_.rstrip(".") in titles:
            tokens = tokens[1:]
        while len(tokens) > 2 and tokens[0].lower_ in lexicon().parties:
            tokens = tokens[1:]  # "Tory David Heathcoat-Amory": the party is his, not part of his name
        while len(tokens) > 1 and singular(tokens[0].lower_) in lexicon().person_nouns - HONORIFICS:
            tokens = tokens[1:]  # "Composer Thomas", "Actress Helen Hayes": an occupation, not a name
        common = next((n for n, t in enumerate(tokens) if n and t.is_lower and t.is_alpha and t.lower_ not in NAME_PARTICLES), None)
        if common is not None:
            tokens = tokens[:common]  # "the Lopez and Anthony duet", "Anthony became Lopez": a name ends at a common word
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if (
        ent.label_ == "PERSON"
        and len(tokens) == 1
        and before is not None
        and before.is_title
        and before.lower_.rstrip(".") in HONORIFICS
        and (ent.start < 2 or ent.doc[ent.start - 2].lower_.rstrip(".") not in titles)
    ):
        tokens = [before, *tokens]  # "Mrs. Parks", "President Kennedy": a lone surname keeps its title
    while len(tokens) > 1 and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    if len(tokens) > 2 and tokens[0].lower_ in ("ex", "former") and tokens[1].text in ("-", "–"):
        tokens = tokens[2:]  # "Ex-Welsh Office": a former minister of the Welsh Office
    elif len(tokens) > 1 and tokens[0].lower_ == "former":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].tag_ == "POS":  # trailing 's
        tokens = tokens[:-1]
    run = 0  # trailing numbers and dashes: "Argentina 3-0" ends in a score, "Radio 4" in its name
    while run < len(tokens) - 1 and (tokens[-1 - run].like_num or SCORE_PART.fullmatch(tokens[-1 - run].text)):
        run += 1
    if run and any("-" in t.text or "–" in t.text for t in tokens[-run:]):
        tokens = tokens[:-run]  # the score is not the name
    if (
        ent.label_ in ("GPE", "LOC")
        and after is not None
        and after.text == "."
        and (ent.text.replace(" ", "") + ".").lower() in lexicon().state_abbreviations
    ):
        tokens = [*tokens, after]  # "Mich ." at the end of a sentence: the full stop belongs to the name
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = ent.doc[tokens[0].i : tokens[-1].i + 1].text  # Doc.text rebuilds the whole text: slice tokens
    if tokens[-1].tag_ != "POS" and text.endswith(("'s", "’s")) and len(text) > 2:
        text, end = text[:-2], end - 2
    if not any(c.isalpha() for c in text):
        return None
    if cls == "Person" and text.endswith(".") and len(tokens[-1].text) > 3:
        text, end = text[:-1], end - 1  # "said chairman Norbert Ore." : the sentence's full stop
    if described is None and (named_kind := class_from_name(tokens)) is not None:
        cls = described = named_kind  # "Manchester United", "Davis Cup", "Operation Firewall", "Northern Echo"
    elif ent.label_ in ("GPE", "ORG") and described is None and (plural_subject(ent) or competitor(ent)) and not text.endswith("s"):
        cls = described = "Organization"  # "Newcastle have fined", "Slovakia beat Argentina": a team
    elif described is None and cls != "Person" and looks_like_a_person(tokens):
        cls = described = "Person"  # "Mike Leigh" tagged a place, "Virginia Madsen" an organisation
    if (
        described is None
        and cls in ("Organization", "Person")
        and len(tokens) <= 3
        and (gazetteer().is_well_known_place(text) or text.replace(" ", "").lower() in lexicon().state_abbreviations)
    ):
        cls = "Place"  # "ADDIS ABABA" in a dateline, "Slovakia" tagged ORG
    if cls == "Group" and nationality_as_place(ent):
        cls = "Country" if country_for_demonym(text) else "Place"  # "Croatian President Franjo Tudjman"
    if cls == "Place" and text.replace(" ", "").lower() in lexicon().state_abbreviations:
        cls = "Place"  # a US state
    elif cls == "Place":
        cls = place_class(text)
    elif cls == "Person" and described is None and lexicon().kinds.get(tokens[-1].lower_.rstrip(".")) == "Organization":
        cls = "Organization"  # the small model often calls "Lakeside Dairy" a person
    return Mention(
        text, start, end, cls, sentence, ner=ent.label_, subject=ent.root.dep_ in ("nsubj", "nsubjpass"),
        described=described is not None,
    )
