"""Open relation tuples with surface text, for Open IE use and the CaRB benchmark.

The knowledge graph keeps entities and mapped properties; Open IE wants the words: arg1 is the
subject phrase, the relation is the verb group (auxiliaries, negation, particles, and the
preposition of a prepositional object), arg2 is the object phrase, and further prepositional
phrases follow as extra arguments.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.syntax import children, with_conjuncts

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "dative", "ccomp", "xcomp")
VERB_GROUP_DEPS = ("aux", "auxpass", "neg", "prt")
CLAUSE_BREAKS = ("relcl", "advcl", "acl", "appos", "punct", "cc", "conj", "mark")


@dataclass(frozen=True)
class OpenTuple:
    arg1: str
    relation: str
    args: tuple[str, ...]
    confidence: float
    sentence: int


def phrase(token: Token, *, cut: tuple[str, ...] = ("relcl", "advcl", "appos")) -> str:
    """The token's subtree in text order, leaving out attached clauses and edge punctuation."""
    skip: set[int] = set()
    for child in token.subtree:
        if child is not token and child.dep_ in cut:
            skip.update(t.i for t in child.subtree)
    words = [t for t in token.subtree if t.i not in skip]
    while words and words[0].is_punct:
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    return " ".join(t.text for t in words)


def _verb_group(verb: Token) -> list[Token]:
    return sorted([verb, *children(verb, *VERB_GROUP_DEPS)], key=lambda t: t.i)


def _conjunct_head(token: Token) -> Token:
    """The first of a chain of conjoined verbs, whose subject they share."""
    while token.dep_ == "conj" and token.head.pos_ in ("VERB", "AUX"):
        token = token.head
    return token


def verb_tuples(verb: Token, sentence: int) -> list[OpenTuple]:
    head = _conjunct_head(verb)
    subjects = [s for d in SUBJECT_DEPS for c in children(verb, d) for s in with_conjuncts(c)]
    if not subjects and head is not verb:
        subjects = [s for d in SUBJECT_DEPS for c in children(head, d) for s in with_conjuncts(c)]
    if not subjects and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        subjects = [verb.head]
    if not subjects:
        return []
    group = _verb_group(verb)
    objects = [o for d in OBJECT_DEPS for o in children(verb, d)]
    preps = [p for p in children(verb, "prep", "agent") if any(children(p, "pobj", "pcomp"))]
    relation_words = [t.text for t in group]
    rest: list[str] = []
    if objects:
        arg2 = " ".join(phrase(o) for o in objects)
    elif preps:
        first, *more = preps
        relation_words.append(first.text)
        arg2 = " ".join(phrase(c) for c in children(first, "pobj", "pcomp"))
        preps = more
    else:
        return []
    rest = [phrase(p) for p in preps]
    confidence = 0.9 if objects else 0.75
    confidence -= 0.1 * (verb.dep_ in ("relcl", "acl", "advcl")) + 0.05 * len(rest)
    return [OpenTuple(phrase(s), " ".join(relation_words), (arg2, *rest), round(max(confidence, 0.05), 3), sentence)
            for s in subjects if s.pos_ != "PRON" or s.lower_ not in ("that", "which", "who")]


def open_tuples(doc: Doc | Span) -> list[OpenTuple]:
    """Tuples for every verb in text order."""
    sentence_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
    tuples: list[OpenTuple] = []
    for token in doc:
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "conj", "ccomp", "relcl")):
            tuples.extend(verb_tuples(token, sentence_of[token.i]))
    return tuples
