"""Small helpers over the dependency parse shared by the extractors."""

from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# Verbs whose object did what a following "for/of/with + gerund" says ("accused him of lying").
OBJECT_GERUND_VERBS = {
    "accuse",
    "charge",
    "probe",
    "investigate",
    "blame",
    "thank",
    "praise",
    "criticise",
    "criticize",
    "fine",
    "punish",
    "sue",
    "convict",
    "arrest",
    "jail",
    "suspect",
    "credit",
    "reward",
    "condemn",
    "congratulate",
    "sentence",
    "prosecute",
    "indict",
    "honour",
    "honor",
    "attack",
    "slam",
}
# Verbs whose object does what the following infinitive says ("told parents to kill them").
OBJECT_CONTROL = {
    "tell",
    "order",
    "direct",
    "ask",
    "force",
    "urge",
    "persuade",
    "allow",
    "instruct",
    "encourage",
    "compel",
    "invite",
    "require",
    "pressure",
    "help",
    "enable",
    "permit",
    "warn",
    "advise",
    "convince",
}
INSTRUMENTS = {"shot", "bullet", "bomb", "gunfire", "blast"}  # things that kill for whoever used them
# Clauses that share their head verb's subject when they have none of their own.
SUBJECT_SHARING = {"xcomp", "conj", "advcl", "pcomp"}
NUMERIC_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}


def with_conjuncts(token: Token) -> list[Token]:
    """'The Kremlin and the Chechen government' -> both heads."""
    return [token, *token.conjuncts] if token.dep_ != "conj" else [token]


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children) or reduced_passive(verb)


def reduced_passive(verb: Token) -> bool:
    """A participle with an agent that modifies a noun: "two men, murdered by their uncle", "gay men being
    murdered by their families" (the noun is what the verb was done to)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def children(token: Token, *deps: str) -> Iterator[Token]:
    return (child for child in token.children if child.dep_ in deps)


def thing_before(pronoun: Token) -> Token | None:
    """What a 'which' after a person's description stands for: the named thing in a prepositional phrase
    right before it ("co-ordinator for the EFF which"), never the person, never a modifier ("London-based")."""
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        if token.ent_type_ == "PERSON":
            return None
        if token.ent_type_ and token.ent_type_ not in ("NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY",
                                                        "MONEY", "PERCENT"):
            return token if token.dep_ == "pobj" else None
    return None


def clause_start(verb: Token) -> int:
    """Where a participle's words begin: 'having publicly declared' starts at 'having'."""
    first = verb.i
    while first > 0:
        word = verb.doc[first - 1]
        if not (word.is_space or (word.head == verb and word.dep_ in ("aux", "advmod", "neg"))):
            break
        first -= 1
    return first


def grammatical_subjects(verb: Token, *, depth: int = 0) -> list[Token]:
    """The tokens heading the verb's subject, following shared subjects and relative clauses.

    For a passive verb this is the logical subject: the agent ("by X"), or nothing.
    """
    if is_passive(verb):
        agents = [pobj for agent in children(verb, "agent") for pobj in children(agent, "pobj")]
        agents = agents or stray_agents(verb)
        return [c for a in agents for c in with_conjuncts(a)]
    found = [c for s in children(verb, "nsubj") for c in with_conjuncts(s)]
    if found:
        if len(found) == 1 and found[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            head = copula_subject(verb.head) or verb.head  # "Oswald was the gunman who killed X" -> Oswald
            if head.lemma_ in INSTRUMENTS:
                head = instrument_user(head) or head  # "the shots that killed X" were fired by someone
            if found[0].lower_ == "which" and (head.ent_type_ == "PERSON" or (
                head.dep_ == "appos" and head.head.ent_type_ == "PERSON"
            )):
                head = thing_before(found[0]) or head  # "Doctorow, co-ordinator for the EFF which campaigns": the EFF
            # "Kalinin, who is ..." -> Kalinin; "Ruby, who killed X, and the Bakkers": not the later conjuncts
            return [c for c in with_conjuncts(head) if c.i < verb.i]
        if len(found) == 1 and found[0].lemma_ in INSTRUMENTS:
            return [instrument_user(found[0]) or found[0]]
        return found
    first = clause_start(verb)
    perfect = any(c.lower_ == "having" and c.dep_ == "aux" for c in verb.children)  # the parser may make it the root
    if (verb.dep_ == "advcl" or (verb.dep_ == "ROOT" and perfect)) and verb.tag_ == "VBN" and first >= 2 and (
        verb.doc[first - 1].text == ","
    ):
        # "... of John Adamson, convicted of murdering X", "At the Conference, held last week in San Francisco,
        # Cameron said", "Kadyrov, having publicly declared that": the parser often hangs the participle on
        # the main verb; it describes the noun before it, when that is a person or comes before the main
        # verb (not "beat Arsenal at Highbury, inspired by")
        named = verb.doc[first - 2]
        if named.ent_type_ == "PERSON" or (
            named.pos_ in ("PROPN", "NOUN") and named.i < verb.head.i and named.ent_type_ not in NUMERIC_ENTITIES
        ):
            return [named]
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN")):  # "Tom Wolfe, born in Richmond"
        return [copula_subject(verb.head) or verb.head]  # "the railroad operating out of Russia"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and depth < 4:
        return clause_subjects(verb.head.head, depth=depth + 1, prep=verb.head)  # "convicted of murdering X"
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in OBJECT_CONTROL:
        controllers = [o for o in children(verb.head, "dobj", "dative")]
        if controllers:  # "directed a firm to give a bribe": the firm gives it
            return [c for o in controllers for c in with_conjuncts(o)]
    if verb.dep_ in SUBJECT_SHARING and depth < 4 and verb.head.pos_ in ("VERB", "AUX"):
        return grammatical_subjects(verb.head, depth=depth + 1)
    return []


def stray_agents(verb: Token) -> list[Token]:
    """'Lennon was shot in the courtyard of his building by Chapman': the parser may hang the agent's "by"
    on a noun of an earlier phrase; a named person there is still the agent."""
    found, stack = [], [p for p in children(verb, "prep")]
    while stack and len(found) == 0:
        prep = stack.pop(0)
        for pobj in children(prep, "pobj"):
            if prep.lower_ == "by" and prep.head.i != verb.i and pobj.ent_type_ == "PERSON":
                found.append(pobj)
            stack.extend(children(pobj, "prep"))
    return found


def instrument_user(token: Token) -> Token | None:
    """'Oswald fired the shots that killed Kennedy': whoever fired the shots did the killing."""
    if token.dep_ == "dobj":
        users = grammatical_subjects(token.head, depth=3)
        return users[0] if users else None
    return None


def copula_subject(noun: Token) -> Token | None:
    """'Booth was an actor who ...': the actor is Booth."""
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return next(children(noun.head, "nsubj"), None)
    return None


def clause_subjects(head: Token, *, depth: int, prep: Token) -> list[Token]:
    """Who does what the clause under ``head`` describes: 'X was convicted of murdering Y' -> X."""
    if head.pos_ in ("NOUN", "PROPN"):
        if head.dep_ in ("dobj", "attr") and head.head.pos_ in ("VERB", "AUX"):
            return grammatical_subjects(head.head, depth=depth)  # "Monsanto paid a fine for bribing X"
        return [head]
    if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN"):
        return [head.head]
    if head.pos_ == "ADJ" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "pleaded guilty to killing X"
    if is_passive(head):
        return passive_subjects(head) or grammatical_subjects(head, depth=depth)
    objects = [o for o in children(head, "dobj")]
    if objects and head.lemma_ in OBJECT_GERUND_VERBS and prep.lower_ in ("for", "of", "with"):
        return objects  # "Russia will probe Canada for saving X", "accused him of killing X": the object did it
    return grammatical_subjects(head, depth=depth)


def passive_subjects(verb: Token) -> list[Token]:
    found = [c for s in children(verb, "nsubjpass") for c in with_conjuncts(s)]
    if not found and reduced_passive(verb):
        found = with_conjuncts(verb.head)
    return found


def word_fragment(token: Token) -> bool:
    """'vice' in 'vice-chairman', 'co' in 'co-star': the first part of a hyphenated word is no word of its own."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text in ("-", "‑") and not token.whitespace_
