"""Open relation tuples with surface text, for Open IE use and the CaRB benchmark.

The knowledge graph keeps entities and mapped properties; Open IE wants the words: arg1 is the
subject phrase, the relation is the verb group (auxiliaries, negation, adverbs before the verb,
particles, an xcomp verb "helped to raise", and the preposition of a prepositional object), arg2
is the object phrase, and further prepositional phrases follow as extra arguments. Coordinated
subjects and objects give one tuple each; relative pronouns stand for the noun they modify.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from spacy.tokens import Doc, Span, Token

from kg.extract.syntax import SUBJECT_DEPS, children, with_conjuncts

OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "dative", "ccomp")
VERB_GROUP_DEPS = ("aux", "auxpass", "neg", "prt")
RELATIVE = {"who", "which", "that", "whom"}
ATTACHED_CLAUSES = ("relcl", "advcl", "appos")


@dataclass(frozen=True)
class OpenTuple:
    arg1: str
    relation: str
    args: tuple[str, ...]
    confidence: float
    sentence: int


def phrase(token: Token, *, split_conjuncts: bool = True, without: Token | None = None) -> str:
    """The token's subtree in text order, without attached clauses, its own conjuncts, edge punctuation,
    or the clause ``without`` (the verb whose argument this is, when it modifies the token)."""
    inside = without is not None and without.i != token.i and token.is_ancestor(without)
    skip: set[int] = {t.i for t in without.subtree} if inside else set()
    for child in token.children:
        if child.dep_ in ATTACHED_CLAUSES or (split_conjuncts and child.dep_ in ("conj", "cc", "preconj")):
            skip.update(t.i for t in child.subtree)
    words = [t for t in token.subtree if t.i not in skip]
    if token.dep_ == "ccomp" and words and words[0].dep_ == "mark" and words[0].lower_ == "that":
        words = words[1:]  # the "that" went into the relation
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    return " ".join(t.text for t in words)


def antecedent(token: Token) -> Token:
    """'which' in 'the idea ..., which became X' stands for 'idea'."""
    if token.lower_ in RELATIVE:
        clause = token.head
        for _ in range(4):  # spaCy makes a new Token object per access: compare indices, not identity
            if clause.dep_ in ("relcl", "acl") or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ in ("relcl", "acl"):
            return clause.head
    return token


def subjects_of(verb: Token) -> list[Token]:
    node = verb
    for _ in range(4):  # conjoined and xcomp verbs share the subject of the verb they hang from
        found = [antecedent(s) for d in SUBJECT_DEPS for c in children(node, d) for s in with_conjuncts(c)]
        if found:
            return found
        if node.dep_ in ("conj", "xcomp") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        if (
            node.dep_ == "advcl"
            and node.tag_ in ("VBG", "VBN")
            and node.head.pos_ in ("VERB", "AUX")
            and not any(children(node, "mark"))
        ):  # "..., helping them escape": the same subject
            node = node.head
            continue
        if node.dep_ == "xcomp" and node.head.dep_ == "acomp":  # "were able to reinforce"
            node = node.head.head
            continue
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = node.head  # "His son ... was a pioneer who began": the pioneer is the son
            if noun.dep_ == "attr" and noun.head.lemma_ == "be":
                return [c for c in children(noun.head, "nsubj")] or [noun]
            return [noun]
        break
    return []


def verb_tuples(verb: Token, sentence: int) -> list[OpenTuple]:
    subjects = [s for s in subjects_of(verb) if s.pos_ != "PRON" or s.lower_ not in RELATIVE]
    if not subjects:
        return []
    group = [verb, *children(verb, *VERB_GROUP_DEPS)]
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":  # "were able to reinforce": one relation
        copula = verb.head.head
        group += [copula, verb.head, *children(copula, "aux", "neg")]
    group += [a for a in children(verb, "advmod") if a.i < verb.i and a.i > min(t.i for t in group) - 3]
    main = verb
    xcomps = [x for x in children(verb, "xcomp") if x.pos_ == "VERB" and not any(children(x, *SUBJECT_DEPS))]
    if xcomps and not any(children(verb, "dobj")):  # "helped to raise funds": one relation
        main = xcomps[0]
        group += [main, *children(main, *VERB_GROUP_DEPS)]
    relation_words = [t.text for t in sorted(set(group), key=lambda t: t.i)]
    objects = [
        antecedent(o)
        for d in OBJECT_DEPS
        for c in children(main, d)
        for o in (with_conjuncts(c) if d != "ccomp" else [c])
    ]
    preps = [p for p in children(main, "prep", "agent") if any(children(p, "pobj", "pcomp"))]
    preps.sort(key=lambda p: (p.i < main.i, p.i))  # "On 19 October, X was named in ...": 'in' joins the relation
    if objects:
        heads = objects
        marks = [m for o in objects if o.dep_ == "ccomp" for m in children(o, "mark") if m.lower_ == "that"]
        if marks:  # "say that | X | Y happened": the complementiser belongs to the relation
            relation_words.append(marks[0].text)
    elif preps:
        first, *preps = preps
        relation_words.append(first.text)
        heads = [c for c in children(first, "pobj", "pcomp") for c in with_conjuncts(c)]
    else:
        heads = [m for m in children(main, "npadvmod")]  # "was abandoned several years later"
        if not heads:
            return []
    times = [m for m in children(main, "npadvmod") if m not in heads]  # "Several years later, X did Y"
    rest = tuple(phrase(p, split_conjuncts=False) for p in sorted([*preps, *times], key=lambda t: t.i))
    # Confidence from what made tuples right on CaRB dev: direct objects and extra prepositional
    # arguments help; verbs in subordinate clauses, long subjects and split coordinations hurt.
    confidence = 0.75 + 0.1 * bool(objects) + 0.03 * len(rest)
    confidence -= 0.1 * (verb.dep_ in ("relcl", "acl", "advcl")) + 0.05 * (len(heads) > 1)
    relation = " ".join(relation_words)
    tuples = []
    for s, o in product(subjects, heads):
        arg1, arg2 = phrase(s, without=verb), phrase(o)
        if not arg1 or not arg2:
            continue
        score = confidence - 0.25 * (s.pos_ == "PRON") - 0.1 * (len(arg1.split()) > 8)  # names beat "they"
        tuples.append(OpenTuple(arg1, relation, (arg2, *rest), round(max(score, 0.05), 3), sentence))
    return tuples


def apposition_tuples(doc: Doc | Span, sentence_of: dict[int, int]) -> list[OpenTuple]:
    """'Arminius, leader of the Cherusci' -> (Arminius; is; leader of the Cherusci)."""
    found = []
    for token in doc:
        if token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN") and token.pos_ in ("NOUN", "PROPN"):
            found.append(OpenTuple(phrase(token.head), "is", (phrase(token),), 0.35, sentence_of[token.i]))
    return found


def possessive_tuples(doc: Doc | Span, sentence_of: dict[int, int]) -> list[OpenTuple]:
    """ "Britain 's relationship with Spain" -> (Britain; has; relationship with Spain)."""
    found = []
    for owner in doc:
        if owner.dep_ == "poss" and owner.pos_ == "PROPN" and owner.head.pos_ == "NOUN":
            own = {t.i for t in owner.subtree}
            owned = [
                t
                for t in owner.head.subtree
                if t.i not in own
                and t.dep_ not in ("det", "case")
                and not any(t.i in {x.i for x in c.subtree} for c in owner.head.children if c.dep_ in ATTACHED_CLAUSES)
            ]
            if owned:
                found.append(
                    OpenTuple(phrase(owner), "has", (" ".join(t.text for t in owned),), 0.3, sentence_of[owner.i])
                )
    return found


def open_tuples(doc: Doc | Span) -> list[OpenTuple]:
    """Tuples for every verb in text order."""
    sentence_of = {t.i: n for n, sent in enumerate(doc.sents) for t in sent}
    tuples: list[OpenTuple] = []
    for token in doc:
        if token.dep_ == "xcomp" and token.head.pos_ in ("VERB", "AUX") and not any(children(token.head, "dobj")):
            continue  # folded into its head's relation
        if token.pos_ == "AUX" and any(
            x.pos_ == "VERB" for a in children(token, "acomp") for x in children(a, "xcomp")
        ):
            continue  # "were able to ...": the xcomp verb carries the tuple
        if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ in ("ROOT", "conj", "ccomp", "relcl")):
            tuples.extend(verb_tuples(token, sentence_of[token.i]))
    return [*tuples, *apposition_tuples(doc, sentence_of), *possessive_tuples(doc, sentence_of)]
