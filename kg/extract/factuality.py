"""How the text puts a claim forward: asserted, reported, denied, negated or hypothetical."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.lexicon import lexicon
from kg.extract.syntax import children, grammatical_subjects
from kg.types import Factuality

HEDGING_MODALS = {"may", "might", "could", "would", "should"}
ALLEGATION_ADVERBS = {"allegedly", "reportedly", "purportedly", "supposedly"}
ALLEGATION_VERBS = {"accuse", "suspect", "allege"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
DENIAL_VERBS = {"deny", "reject", "dismiss", "refute"}
REFUSAL_VERBS = {"refuse", "decline", "fail"}  # "refused to comment": the comment did not happen
IMPERSONAL_SUBJECTS = {"it", "there", "this", "that"}


def factuality_of(verb: Token) -> tuple[Factuality, Token | None, Token | None]:
    """Return (factuality, speaker token, cue verb) for a claim whose predicate is ``verb``."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in verb.children):
        return Factuality.NEGATED, None, None
    if any(c.lower_ in HEDGING_MODALS for c in children(verb, "aux")):
        return Factuality.HYPOTHETICAL, None, None
    if any(c.lower_ in ALLEGATION_ADVERBS for c in verb.children) or (
        verb.dep_ == "pcomp" and verb.head.head.lemma_ in ALLEGATION_VERBS
    ):
        return Factuality.ALLEGED, None, None  # "allegedly killed", "accused of killing"
    node = verb
    for _ in range(8):  # climb the clause chain to find what embeds this claim
        if any(c.lower_ in CONDITIONAL_MARKS for c in children(node, "mark")) and node.dep_ == "advcl":
            return Factuality.HYPOTHETICAL, None, None
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in ("acl", "relcl") and head.head.lemma_ in DENIAL_VERBS and head.dep_ == "dobj":
            return Factuality.DENIED, None, head.head  # "denied allegations that X did Y"
        if node.dep_ == "xcomp" and head.lemma_ in REFUSAL_VERBS:
            return Factuality.NEGATED, None, None
        if node.dep_ == "ccomp" and head.lemma_ in DENIAL_VERBS:
            return Factuality.DENIED, None, head
        if node.dep_ == "ccomp" and head.lemma_ in lexicon().cues:
            speakers = [s for s in grammatical_subjects(head) if s.lower_ not in IMPERSONAL_SUBJECTS]
            if speakers:
                return Factuality.REPORTED, speakers[0], head
            return Factuality.ASSERTED, None, head  # "it was reported that ..." : the article's own report
        if node.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "prep", "pobj"):
            break
        node = head
    return Factuality.ASSERTED, None, None
