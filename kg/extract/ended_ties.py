"""Ties that end in the sentence that states them: "Nortel's head Frank Dunn and two other executives were
fired", "Smith, the club's chairman, resigned on Monday", "the resignation of BBC chairman Gavyn Davies".
A role whose holder is said, in the same sentence, to have been fired or to have resigned is a past tie
(kg:former), not a current one; the job title stays, as the title they had."""

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
# "the resignation of BBC chairman Gavyn Davies", "Smith's sacking": the noun of a post lost or left ...
DEPARTURES = {"resignation", "departure", "sacking", "dismissal", "ousting", "removal", "retirement", "firing", "exit"}
# ... unless it is only wanted or refused: "calls for the resignation of the chairman" leaves him in post
WANTING = {"call", "demand", "urge", "seek", "want", "press", "push", "ask", "rule", "reject", "refuse", "deny",
           "resist", "threaten", "consider", "expect", "oppose", "rumour", "speculate", "pressure"}  # fmt: skip
NOT_YET = {"possible", "expected", "likely", "imminent", "impending", "pending", "planned", "proposed", "forthcoming",
           "looming", "rumoured", "demanded", "threatened"}  # "the impending retirement of X": still in post
MODALS = {"will", "would", "could", "may", "might"}
TIES = {"kg:worksFor", "kg:leaderOf", "kg:presidentOf", "kg:directorOf", "kg:ministerOf", "kg:spokespersonFor",
        "kg:memberOf"}  # fmt: skip


def left_post(holder: Token) -> bool:
    """Whether the clause ``holder`` is the subject of says they lost or left their post."""
    subject = holder
    while subject.dep_ in ("conj", "appos", "compound") and subject.head.i != subject.i:
        subject = subject.head  # "Frank Dunn and two other executives", "head Frank Dunn"
    departure = subject.head.head if subject.dep_ == "pobj" and subject.head.lower_ == "of" else subject.head
    if subject.dep_ in ("pobj", "poss") and departure.lemma_.lower() in DEPARTURES:
        return not wanted(departure)
    verb = subject.head
    lemma = verb.lemma_.lower()
    if subject.dep_ == "nsubjpass":
        leaving = lemma in REMOVED
    elif subject.dep_ == "nsubj":
        leaving = lemma in LEAVING or (lemma in ("step", "stand") and any(c.lower_ in STEPPING for c in verb.children))
    else:
        return False
    if not leaving or verb.tag_ not in ("VBD", "VBN"):
        return False
    return not not_done(verb)


def not_done(verb: Token) -> bool:
    """'did not resign', 'will resign': a verb negated or in a modal."""
    return any(c.dep_ == "neg" or (c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS) for c in verb.children)


def wanted(noun: Token) -> bool:
    """Whether a departure is only asked for, refused or expected: 'called for the resignation of X',
    'rejected calls for his resignation', 'the expected departure of X'."""
    if any(c.lower_ in NOT_YET for c in noun.lefts):
        return True
    token = noun
    for _ in range(4):  # up through "for", "calls for", "the demand for"
        token = token.head
        if token.lemma_.lower() in WANTING:
            return True
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return not_done(token)  # "prompted the resignation" ended it; "will force his resignation" not yet
    return False


def with_ended_ties(doc: Doc, mentions: MentionIndex, claims: list[RawClaim]) -> list[RawClaim]:
    """``claims`` with each asserted tie of a holder who left their post in that sentence made kg:former."""
    result = []
    for claim in claims:
        tie = claim.predicate in TIES and not isinstance(claim.object, Literal)
        if tie and claim.factuality == Factuality.ASSERTED:
            span = doc.char_span(claim.subject.start, claim.subject.end, alignment_mode="expand")
            same_sentence = span is not None and mentions.sentence_of.get(span.root.i) == claim.provenance.sentence
            if same_sentence and left_post(span.root):
                claim = replace(claim, factuality=Factuality.FORMER)
        result.append(claim)
    return result
