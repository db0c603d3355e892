"""Roles: who holds which position where.

Patterns: appositions ("Kimahli Powell, executive director of Rainbow Railroad"; "Chechnya's
president, Ramzan Kadyrov"), titles before a name ("Foreign Affairs Minister Chrystia Freeland"),
and copulas, including relative clauses ("Kalinin, who is a spokesman for the Russian embassy").
Each gives the person a kg:jobTitle and, when the organisation or place is named, the role
property from ontology/lexicons/roles.tsv.
"""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Doc, Token

from kg.extract.factuality import factuality_of
from kg.extract.lexicon import lexicon
from kg.extract.mentions import MentionIndex
from kg.extract.syntax import children, grammatical_subjects
from kg.types import Factuality, Literal, Mention, Provenance, RawClaim

EXTRACTOR = "kg.roles.v1"
ROLE_PREPS = ("of", "for", "at", "with", "in")
TITLE_DEPS = {"compound", "amod", "nmod"}


def role_phrase(noun: Token) -> str:
    """The role words: modifiers and the noun ('executive director', 'foreign minister')."""
    words = [t for t in noun.lefts if t.dep_ in TITLE_DEPS and t.ent_type_ not in ("GPE", "NORP", "ORG")]
    start = min([t.i for t in words], default=noun.i)
    return noun.doc[start:noun.i + 1].text


def role_targets(noun: Token) -> list[Token]:
    """Where the role is held: 'director of X', 'spokesman for X', "X's president"."""
    targets = [pobj for prep in children(noun, "prep") if prep.lower_ in ROLE_PREPS
               for pobj in children(prep, "pobj")]
    targets += [p for p in children(noun, "poss") if p.pos_ != "PRON"]
    targets += [t for t in noun.lefts if t.dep_ == "compound" and t.ent_type_ in ("ORG", "GPE", "PERSON")]
    return targets


def role_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    claims: list[RawClaim] = []
    for token in doc:
        if token.dep_ == "appos":
            claims += apposition(token.head, token, mentions, doc_id)
        elif token.dep_ == "attr" and token.head.lemma_ == "be":
            for subject in grammatical_subjects(token.head):
                claims += describe(subject, token, token.head, mentions, doc_id)
    for mention in mentions.named:
        if mention.cls == "Person":
            claims += title_before_name(doc, mention, mentions, doc_id)
    return claims


def apposition(head: Token, appos: Token, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    """Either side may be the person: 'Powell, executive director of X' / "X's president, Kadyrov"."""
    head_m, appos_m = mentions.named_at(head), mentions.named_at(appos)
    if head_m is not None and head_m.cls in ("Person", "Organization") and appos_m is None:
        return list(describe(head, appos, appos, mentions, doc_id))
    if appos_m is not None and appos_m.cls == "Person" and head_m is None:
        return list(describe(appos, head, head, mentions, doc_id))
    return []


def describe(person_token: Token, noun: Token, anchor: Token, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    person = mentions.for_token(person_token)
    if person is None or person.cls not in ("Person", "Organization") or noun.pos_ not in ("NOUN", "PROPN"):
        return
    if mentions.named_at(noun) is not None:
        return  # "X is Y" between two names is an identity, not a role
    factuality, _, _ = factuality_of(anchor) if anchor.pos_ in ("AUX", "VERB") else (None, None, None)
    sentence = mentions.sentence_of[noun.i]
    title = role_phrase(noun)
    prop = lexicon().role_property(title) or lexicon().role_property(noun.lemma_)
    span_start = min(person.start, noun.idx)
    named_org = next((m for m in map(mentions.named_at, role_targets(noun))
                      if m is not None and m.cls == "Organization"), None)
    if prop is None and person.cls == "Person" and named_org is not None:
        prop = "kg:worksFor"  # "X, publisher of the Huntington Herald-Press": an unlisted role in a named body
    if prop is None:  # a plain description: "Rainbow Railroad, a charity" -> is a charity
        concept = mentions.noun_phrase(noun)
        if concept is not None and factuality in (None, Factuality.ASSERTED):
            yield RawClaim(person, "kg:isA", concept,
                           Provenance(doc_id, sentence, span_start, max(person.end, concept.end), EXTRACTOR), 0.6)
        return
    if person.cls != "Person" or (factuality is not None and factuality != Factuality.ASSERTED):
        return
    end = max(person.end, noun.idx + len(noun))
    yield RawClaim(person, "kg:jobTitle", Literal(title),
                   Provenance(doc_id, sentence, span_start, end, EXTRACTOR), 0.85)
    for target_token in role_targets(noun):
        target = mentions.for_token(target_token)
        if target is None or target.cls == "Concept" or (target.cls == "Person") != (prop == "kg:killed"):
            continue  # roles are held in organisations and places; an assassin's target is a person
        yield RawClaim(person, prop, target,
                       Provenance(doc_id, sentence, min(span_start, target.start), max(end, target.end), EXTRACTOR),
                       0.85 if not target.local else 0.7)


def title_before_name(doc: Doc, person: Mention, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    """'Foreign Affairs Minister Chrystia Freeland': title words directly before the name."""
    first = doc.char_span(person.start, person.end, alignment_mode="expand")
    if first is None:
        return []
    titles = lexicon().titles
    start = first.start
    while start > 0 and doc[start - 1].lower_.rstrip(".") in titles and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
        start -= 1
    if start == first.start:
        return []
    title_span = doc[start:first.start]
    if not lexicon().role_property(title_span.text) and title_span[-1].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr"):
        return []  # honorifics are not job titles
    provenance = Provenance(doc_id, person.sentence, title_span.start_char, person.end, EXTRACTOR)
    return [RawClaim(person, "kg:jobTitle", Literal(title_span.text), provenance, 0.8)]
