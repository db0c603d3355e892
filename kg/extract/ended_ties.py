"""Ties that end in the sentence that states them: "Nortel's head Frank Dunn and two other executives were
fired", "Smith, the club's chairman, resigned on Monday". A role whose holder is said, in the same
sentence, to have been fired or to have resigned is a past tie (kg:former), not a current one; the job
title stays, as the title they had."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from kg.extract.mentions import MentionIndex
from kg.types import Factuality, Literal, RawClaim

# Verbs of losing a post, said of the one who loses it in the passive ("were fired"), and of leaving
# one, said of the one who leaves ("resigned"); "Smith fired two managers" ends nobody's tie of Smith's.
REMOVED = {"fire", "sack", "oust", "dismiss", "depose", "axe", "expel", "remove", "unseat"}
LEAVING = {"resign", "quit", "retire"}
STEPPING = {"down", "aside"}  # "stepped down", "stood aside"
TIES = {"kg:worksFor", "kg:leaderOf", "kg:presidentOf", "kg:directorOf", "kg:ministerOf", "kg:spokespersonFor",
        "kg:memberOf"}  # fmt: skip


def left_post(holder: Token) -> bool:
    """Whether the clause ``holder`` is the subject of says they lost or left their post."""
    subject = holder
    while subject.dep_ in ("conj", "appos", "compound") and subject.head.i != subject.i:
        subject = subject.head  # "Frank Dunn and two other executives", "head Frank Dunn"
    verb = subject.head
    lemma = verb.lemma_.lower()
    if subject.dep_ == "nsubjpass":
        leaving = lemma in REMOVED
    elif subject.dep_ == "nsubj":
        leaving = lemma in LEAVING or (lemma in ("step", "stand") and any(c.lower_ in STEPPING for c in verb.children))
    else:
        return False
    if not leaving or verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "neg" for c in verb.children):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "could", "may", "might") for c in verb.children)


def with_ended_ties(doc: Doc, mentions: MentionIndex, claims: list[RawClaim]) -> list[RawClaim]:
    """``claims`` with each asserted tie of a holder who left their post in that sentence made kg:former."""
    result = []
    for claim in claims:
        if claim.predicate in TIES and claim.factuality == Factuality.ASSERTED and not isinstance(claim.object, Literal):
            span = doc.char_span(claim.subject.start, claim.subject.end, alignment_mode="expand")
            same_sentence = span is not None and mentions.sentence_of.get(span.root.i) == claim.provenance.sentence
            if same_sentence and left_post(span.root):
                claim = replace(claim, factuality=Factuality.FORMER)
        result.append(claim)
    return result
