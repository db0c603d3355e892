"""Verb-mediated relations from the dependency parse.

Handles active and passive voice (the agent of a passive is the subject), direct and
prepositional objects, light verbs ("give asylum to X"), xcomp chains ("started charging X"),
conjoined subjects and objects. Verbs map to ontology properties through
ontology/lexicons/verbs.tsv; the rest become open relations named by their lemma.
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from kg.extract.factuality import factuality_of
from kg.extract.lexicon import lexicon
from kg.extract.mentions import SCORE_PART, MentionIndex
from kg.extract.syntax import children, grammatical_subjects, is_passive, passive_subjects, with_conjuncts, word_fragment
from kg.types import Literal, Mention, Provenance, RawClaim

EXTRACTOR = "kg.relations.v1"
# Verbs that carry no relation of their own; their xcomp carries it ("started charging").
ASPECT_VERBS = {
    "start",
    "begin",
    "continue",
    "stop",
    "keep",
    "try",
    "want",
    "need",
    "have",
    "be",
    "get",
    "seem",
    "appear",
    "go",
    "use",
    "refuse",
    "decide",
    "plan",
    "expect",
    "hope",
}
CONNECTIVE_NOUNS = {
    "addition",
    "fact",
    "contrast",
    "particular",
    "general",
    "turn",
    "total",
    "short",
    "sum",
    "effect",
    "case",
    "meantime",
    "meanwhile",
    "return",
    "response",
}
# Verb-object idioms that say nothing about their subject ("the purge took place").
IDIOMS = {"take place", "take time", "make sense"}


def verb_key(verb: Token) -> str:
    particles = [p.lower_ for p in children(verb, "prt")]
    return " ".join([verb.lemma_.lower(), *particles])


def open_property(*words: str) -> str:
    return "open:" + "_".join(w for w in words if w)


def confidence(subject: Mention, obj: Mention, mapped: bool) -> float:
    score = 0.75 if mapped else 0.55
    score += 0.1 * (not subject.local) + 0.1 * (not obj.local)
    return round(min(score, 0.95), 2)


def prepositional_objects(verb: Token) -> Iterator[tuple[str, Token]]:
    if verb.dep_ == "relcl" and any(t.lower_ == "where" for t in children(verb, "advmod")):
        yield "in", verb.head  # "Rolling Fork, where Muddy Waters was born"
    if verb.lemma_ == "bear":  # "was born Charles Hardin Holley in Lubbock": "in" hangs on the birth name
        for name in children(verb, "oprd"):
            yield from (("in", o) for p in children(name, "prep") if p.lower_ == "in" for o in children(p, "pobj"))
    for prep in children(verb, "prep", "dative"):
        if prep.pos_ != "ADP":
            continue  # a dative noun ("gave them asylum") is handled as an object
        for pobj in children(prep, "pobj"):
            if pobj.lemma_.lower() in CONNECTIVE_NOUNS:
                continue  # "in addition", "in fact": a connective, not an argument
            for obj in with_conjuncts(pobj):
                yield prep.lower_, obj
            if pobj.ent_type_ in ("DATE", "TIME"):  # "born on Feb. 5, 1907, in Portland": the parser hangs
                for inner in children(pobj, "prep"):  # "in Portland" on the date
                    for obj in children(inner, "pobj"):
                        yield inner.lower_, obj


MEMBER_PREPS = {"including", "like", "as"}  # "singers including X and Y", "firms such as X"


def named_members(subjects: list[Token]) -> list[Token]:
    """A plural common noun that the sentence spells out by name stands for those names: "Singers
    including Cliff Richard and Boy George have recorded" -> Richard, George; "Technology firms Sony,
    Philips and Samsung are developing" -> the firms, not "firms"."""
    result: list[Token] = []
    for subject in subjects:
        if subject.pos_ != "NOUN" or subject.tag_ != "NNS":
            result.append(subject)
            continue
        members = [
            m
            for prep in children(subject, "prep")
            if prep.lower_ in MEMBER_PREPS and (prep.lower_ != "as" or prep.doc[prep.i - 1].lower_ == "such")
            for pobj in children(prep, "pobj")
            for m in with_conjuncts(pobj)
            if m.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        ]
        beside = [s for s in subjects if s.i == subject.i + 1 and s.ent_type_ in ("PERSON", "ORG", "GPE")]
        if members:
            result.extend(members)
        elif not beside:
            result.append(subject)  # no names given for it (and "firms Sony, ..." names follow as subjects)
    return list(dict.fromkeys(result))


def occupation_as_verb(token: Token) -> bool:
    """"France defender Gallas": an occupation before a name, tagged a verb ("Depp and Winslet star in" is one)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ in lexicon().person_nouns and following is not None and following.ent_type_ == "PERSON"


VALUE_ENTITIES = {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
AMOUNT = re.compile(r"\d[\d.,]*(bn|m|k|tn)?")  # "1.2bn" in "£1.2bn", which the small model often leaves untagged
SCALE = re.compile(r"\d[\d.,]*(bn|m|tn)|billion|million|trillion|bn|tn", re.IGNORECASE)
CHANGE_VERBS = {"rise", "fall", "grow", "increase", "decrease", "drop", "climb", "slip", "jump", "reach", "hit",
                "shrink", "decline", "gain", "slump", "soar", "surge", "dip", "ease", "plunge", "tumble", "edge",
                "stand", "peak", "raise", "cut", "lift", "lower", "boost", "reduce", "contract", "expand"}
MAX_VALUE_TOKENS = 6


def value_span(token: Token) -> Span | None:
    """The amount a number token heads: "0.1%", "£1.2bn", "55.3" after a verb of change, "$150" (not
    years, dates, clock times, scores, ordinals or parts such as "12 of the 15 countries", and not a
    counted noun such as "seven million copies")."""
    if token.ent_type_ not in VALUE_ENTITIES and not (
        token.ent_type_ == "" and (token.text in "%£$€" or AMOUNT.fullmatch(token.text))
    ):
        return None
    words = sorted((t for t in token.subtree if t.i <= token.i and t.dep_ != "det"), key=lambda t: t.i)
    if len(words) > MAX_VALUE_TOKENS or [t.i for t in words] != list(range(words[0].i, words[-1].i + 1)):
        return None
    if not any(t.like_num or t.ent_type_ in VALUE_ENTITIES or AMOUNT.fullmatch(t.text) for t in words):
        return None
    span = token.doc[words[0].i : words[-1].i + 1]
    neighbours = token.doc[max(0, span.start - 1) : span.end + 1]
    partitive = token.dep_ == "pobj" and any(p.lower_ == "of" for p in children(token, "prep"))
    if partitive or any(SCORE_PART.fullmatch(t.text) for t in neighbours):
        return None  # "rose in 12 of the 15 countries" (but "ship three million of the consoles"); "won 2-0"
    measured = token.ent_type_ in ("PERCENT", "MONEY", "QUANTITY") or any(
        t.text in "%£$€" or SCALE.fullmatch(t.text) for t in span
    )
    head = token.head.head if token.dep_ == "pobj" else token.head
    if not measured and head.lemma_.lower() not in CHANGE_VERBS:
        return None  # a bare number means an amount only after a verb of change ("fell to 55.3", not "at 10.30")
    return span


AWARD_WORDS = {"award", "prize", "accolade", "trophy", "honour", "honor", "title", "medal", "oscar", "bafta", "emmy"}


def accolade(noun: Token) -> bool:
    """'the best film', 'player of the year', 'the best supporting actor prize': an honour given."""
    return noun.pos_ in ("NOUN", "PROPN") and (
        noun.lemma_.lower() in AWARD_WORDS
        or any(m.lower_ == "best" and m.dep_ == "amod" for m in noun.children)
        or any(p.lower_ == "of" and any(o.lower_ == "year" for o in children(p, "pobj")) for p in children(noun, "prep"))
    )


INVERSE = "^"  # a verbs.tsv property read from object to subject
WRITING = {"write"}  # a speech verb that also makes things: "Read wrote the song" is authorship, not a report
VALUE_CONFIDENCE = 0.5  # before calibration; kg.extract.precision replaces it with the measured one


NAME_CLASSES = {"Person", "Organization", "Place", "Country", "City", "Event"}


def named_argument(token: Token, mentions: MentionIndex) -> bool:
    """A name, or a description that stands for one ("the club", "the minister": coreference names it)."""
    mention = mentions.for_token(token)
    if mention is None or mention.cls not in NAME_CLASSES:
        return False
    return not mention.local or (mention.cls in ("Person", "Organization") and token.pos_ == "NOUN" and token.tag_ == "NN")


NOT_THROUGH = {"by", "as", "like", "including", "than"}  # "an award by the group": whose, not what it is about


def named_through(obj: Token, mentions: MentionIndex) -> Iterator[tuple[str, Token]]:
    """The names a common-noun object leads to by its own preposition: "cut off talks with Glazer",
    "cast doubt over Malcolm Glazer", "launched an offer for Manchester United". The noun belongs to
    the relation (ReVerb's verb-noun-preposition phrases) and the name is what the fact is about."""
    hyphenated = obj.i > 0 and obj.doc[obj.i - 1].text == "-" and not obj.doc[obj.i - 1].whitespace_  # "buy-out"
    if obj.pos_ != "NOUN" or obj.ent_type_ or hyphenated or word_fragment(obj) or lexicon().is_person_noun(obj.lemma_):
        return  # "monitor a member of parliament", "met the head of Sony": the object is a person
    own = mentions.for_token(obj)
    if lexicon().role_property(obj.lemma_) or (own is not None and not own.local and own.cls != "Concept"):
        return  # "include the luxury George V in Paris": the object is already a name
    owners = [o for o in children(obj, "poss") if o.pos_ == "PROPN" and named_argument(o, mentions)]
    if owners:  # "assessed London's bid for the 2012 Olympics": the bid is London's
        yield from (("of", owner) for owner in owners)
        return
    for prep in children(obj, "prep"):
        if prep.pos_ != "ADP" or prep.lower_ in NOT_THROUGH:
            continue
        for target in children(prep, "pobj"):
            for member in with_conjuncts(target):
                if named_argument(member, mentions):
                    yield prep.lower_, member


def pair_objects(
    pairs: list[tuple[str | None, Token, str]], mentions: MentionIndex
) -> Iterator[tuple[str | None, Mention | Literal, int, int, str]]:
    """Each pair's object as a mention, or as an amount ("grew by 0.1%", "fell to 55.3") for an open
    relation, with its offsets; objects that are neither are left out."""
    for prop, token, open_name in pairs:
        obj = mentions.for_token(token)
        if obj is not None:
            yield prop, obj, obj.start, obj.end, open_name
        elif prop is None and (value := value_span(token)) is not None:
            yield prop, Literal(value.text), value.start_char, value.end_char, open_name


def after_a_preposition(verb: Token) -> bool:
    """'a tribute to Ray Charles featuring Bonnie Raitt', 'a billboard opposite the Palace accusing the
    government': the noun before the preposition may be the one doing it, so neither is taken
    (a speaker is: "despite the president saying" is read by the quotes)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "pobj"


def inside_a_title(token: Token) -> bool:
    """'hits such as Turn, Turn Turn', 'Gone With The Wind': a capitalised verb inside a sentence is a
    word of a name or a title, not what anyone did (a quotation or a clause after a colon may start
    with a capital)."""
    if not token.is_title or token.i == token.sent.start:
        return False
    return token.doc[token.i - 1].text not in QUOTE_OR_CLAUSE_OPENERS


QUOTE_OR_CLAUSE_OPENERS = {'"', "“", "'", "‘", ":", "(", "-", "–", "—", ";"}


def one_of_a_nation(token: Token) -> bool:
    """'The Belgian has not competed': a person the text names elsewhere, not the nation ("the French",
    "the Chinese" and "the Americans" are the people as a whole)."""
    return (
        token.ent_type_ == "NORP"
        and token.tag_ in ("NNP", "NN")
        and any(c.lower_ == "the" for c in children(token, "det"))
        and not token.lower_.endswith(("ch", "sh", "ese", "s"))
    )


def relation_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    claims: list[RawClaim] = []
    for token in doc:
        if token.pos_ == "VERB" and not occupation_as_verb(token) and not inside_a_title(token):
            claims.extend(claims_for_verb(token, mentions, doc_id))
    return claims


def claims_for_verb(verb: Token, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    lex = lexicon()
    lemma = verb_key(verb)
    if any(o.lower_ == "death" for p in children(verb, "prep") if p.lower_ == "to" for o in children(p, "pobj")):
        lemma = f"{lemma} to death" if lex.verb_property(f"{lemma} to death") else lemma  # "shot to death"
    passive = is_passive(verb)
    subjects = named_members(grammatical_subjects(verb)) if not after_a_preposition(verb) else []
    objects = [c for o in children(verb, "dobj") for c in with_conjuncts(o)]
    idiom = next((f"{lemma} {o.lemma_.lower()}" for o in objects if f"{lemma} {o.lemma_.lower()}" in IDIOMS), None)
    if idiom:  # "the purge took place in X": the idiom is the predicate, X its object
        lemma, objects = idiom, []
    if passive:
        if subjects:  # "X was murdered by Y": Y is the subject, X the object
            objects = passive_subjects(verb)
        else:  # "X is based in Y": X is the subject of the prepositional relation
            subjects, objects = passive_subjects(verb), []
    pairs: list[tuple[str | None, Token, str]] = []  # (property, object token, open name)
    preps = list(prepositional_objects(verb))
    light = [o for o in objects if lex.verb_property(f"{lemma} {o.lemma_.lower()}")]
    if light:  # "give asylum to X": the noun is part of the predicate, X the object
        noun = light[0].lemma_.lower()
        targets = [t for p, t in preps if p == "to"] + [d for d in children(verb, "dative") if d.pos_ != "ADP"]
        for target in targets:
            pairs.append((lex.verb_property(f"{lemma} {noun} to", f"{lemma} {noun}"), target, ""))
    elif objects:
        prop = lex.verb_property(lemma)
        if prop == "kg:appointed" and any(accolade(c) for c in children(verb, "oprd", "ccomp")):
            prop = None  # "named Sideways the best film": an honour, not a job
        for obj in objects:
            pairs.append((prop, obj, open_property(*lemma.split())))
            for prep, target in [] if prop else named_through(obj, mentions):
                # "own a 28.1% stake in Manchester United": also own_stake_in the club, a fact between names
                pairs.append((None, target, open_property(*lemma.split(), obj.lower_, prep)))
            if prop is None and obj.pos_ == "NOUN" and not obj.ent_type_:
                for prep, target in preps:  # "recorded his vocal part in Barbados": where, besides what
                    if prep not in NOT_THROUGH and named_argument(target, mentions):
                        pairs.append((None, target, open_property(*lemma.split(), obj.lower_, prep)))
    elif lemma == "go" and any(accolade(s) for s in subjects):  # "the director award went to Clint Eastwood"
        pairs += [(INVERSE + open_property("win"), obj, "") for prep, obj in preps if prep == "to"]
    elif lemma not in ASPECT_VERBS and lemma not in lex.cues:  # "said in an email" is no relation
        # "X was shot outside her home": the open relation reads "be shot outside", not "shoot outside"
        participle = verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")  # "Goodrem, known in Britain"
        surface = ["be", verb.lower_] if passive or participle else lemma.split()
        for prep, obj in preps:
            pairs.append((lex.verb_property(f"{lemma} {prep}"), obj, open_property(*surface, prep)))
        for amount in children(verb, "npadvmod"):  # "profits rose 20%": how much, when it is a number
            if value_span(amount) is not None:
                pairs.append((None, amount, open_property(*surface)))
    if passive and not objects and verb.lemma_ != "bear":  # "born Charles Hardin Holley" is a birth name
        for complement in children(verb, "oprd"):  # "Giamatti was named best actor", "voted player of the year"
            if accolade(complement):  # "was named chief executive" is an appointment, read by the roles
                pairs.append((None, complement, open_property("be", verb.lower_)))
    if not pairs:
        return
    if lemma in lex.cues and not any(prop for prop, _, _ in pairs):
        if lemma not in WRITING or not objects:  # with an object, "wrote in" made no pair: only what was written
            return  # speech verbs are quotes and reports, not open relations
    factuality, speaker_token, cue = factuality_of(verb)
    sentence = mentions.sentence_of[verb.i]
    arguments = list(pair_objects(pairs, mentions))
    for subject_token in subjects:
        subject = mentions.for_token(subject_token)
        if subject is None or (subject.cls == "Group" and one_of_a_nation(subject_token)):
            continue
        speaker = mentions.for_token(speaker_token) if speaker_token is not None else None
        for prop, obj, obj_start, obj_end, open_name in arguments:
            if obj == subject:
                continue
            first, second = subject, obj
            if prop is not None and prop.startswith(INVERSE):  # "lost to Swank": Swank defeated her
                if not isinstance(obj, Mention):
                    continue
                prop, first, second = prop[len(INVERSE):], obj, subject
            start = min(subject.start, obj_start, verb.idx)
            end = max(subject.end, obj_end, verb.idx + len(verb))
            yield RawClaim(
                first,
                prop or open_name,
                second,
                Provenance(doc_id, sentence, start, end, EXTRACTOR),
                confidence(first, second, prop is not None) if isinstance(second, Mention) else VALUE_CONFIDENCE,
                factuality,
                speaker=speaker,
                cue=cue.lemma_.lower() if cue is not None else None,
            )
