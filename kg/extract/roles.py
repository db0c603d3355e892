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
from kg.extract.lexicon import HEAD_ROLES, lexicon
from kg.extract.mentions import COURTESY_TITLES, HONORIFICS, MentionIndex
from kg.extract.syntax import children, grammatical_subjects, with_conjuncts, word_fragment
from kg.resolve.places import country_for_demonym, gazetteer
from kg.types import Factuality, Literal, Mention, Provenance, RawClaim

EXTRACTOR = "kg.roles.v1"
REPRESENTATIVES = frozenset({"ambassador", "envoy", "consul", "emissary", "attache", "attaché"})  # of a country, not in it
ELECTED = frozenset({"mp", "mep", "msp", "am", "senator", "congressman", "congresswoman", "representative", "councillor"})  # "MP for X": X is a seat
FORMER = ("former ", "ex-", "ex ", "then-", "late ")  # a role once held: a title, not a current affiliation
HEDGED_ROLES = {"accused", "alleged", "suspected", "reputed", "presumed", "purported"}
ROLE_PREPS = ("of", "for", "at", "with", "in", "from")
TITLE_DEPS = {"compound", "amod", "nmod"}


FIELD_PREPS = ("of", "for")  # "head of equities trading", "managing director for European publishing"


def role_phrase(noun: Token) -> str:
    """The role words: modifiers and the noun ('executive director', 'foreign minister')."""
    words = [t for t in noun.lefts if t.dep_ in TITLE_DEPS and t.ent_type_ not in ("GPE", "NORP", "ORG")]
    start = hyphen_start(noun.doc, min([t.i for t in words], default=noun.i))
    end = noun.i + 1
    for prep in children(noun, "prep"):  # "head of equities trading": an unnamed field is part of the title
        field = [t for o in children(prep, "pobj") for t in o.subtree]
        if (
            prep.lower_ in FIELD_PREPS
            and prep.i == end
            and 0 < len(field) <= 3
            # "head of UK equities": a place may say which field, but never ends it
            and all((t.pos_ in ("NOUN", "ADJ") and t.ent_type_ in ("", "NORP", "ORDINAL")) or t.ent_type_ == "GPE" for t in field)
            and field[-1].pos_ == "NOUN"
            and not field[-1].ent_type_
            and field[-1].i == prep.i + len(field)
        ):
            end = field[-1].i + 1
    return noun.doc[start:end].text


def hyphen_start(doc: Doc, start: int) -> int:
    """Where a hyphenated word that ends at ``start`` begins: 'vice-chairman', 'co-ordinator', 'ex-chancellor'."""
    while start >= 2 and doc[start - 1].text in ("-", "‑") and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2
    return start


def role_targets(noun: Token) -> list[Token]:
    """Where the role is held: 'director of X', 'spokesman for X', "X's president"."""
    targets = [pobj for prep in children(noun, "prep") if prep.lower_ in ROLE_PREPS for pobj in children(prep, "pobj")]
    owners = [p for p in children(noun, "poss") if p.pos_ != "PRON"]
    inner = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and t.ent_type_ in ("ORG", "GPE", "PERSON")]
    if owners and inner:  # a name between the owner and the role says which part of the owner's, or where
        party = any(" ".join(t.text for t in o.subtree if t.dep_ != "case").lower() in lexicon().parties for o in owners)
        if party or all(t.ent_type_ == "GPE" for t in inner):
            inner = []  # "Labour's Holyrood leader" leads the party's group there; "Sony's Europe chief" works for Sony
        elif lexicon().role_property(noun.lemma_) in HEAD_ROLES:
            owners = []  # "Holyrood's Chamber Office chief" heads the Chamber Office ("the AP's Northwest reporter": AP's)
    return targets + owners + inner


def deeper_organisations(noun: Token) -> list[Token]:
    """Named organisations in prepositional phrases anywhere inside the description (not in clauses)."""
    found = []
    stack = [c for c in noun.children if c.dep_ == "prep"]
    while stack:
        prep = stack.pop()
        for pobj in children(prep, "pobj"):
            if pobj.ent_type_ == "ORG" and prep.lower_ in ROLE_PREPS:
                found.append(pobj)
            stack.extend(c for c in pobj.children if c.dep_ == "prep")
    return found


def named_inside(tokens: list[Token], mentions: MentionIndex) -> list[Token]:
    """'head of the UN peacekeeping forces': when the phrase is unnamed, the name that modifies it."""
    found = []
    for token in tokens:
        own = mentions.for_token(token)
        if own is None or own.cls == "Concept":  # "the Russian embassy" is itself an organisation: keep it
            inner = [
                c
                for c in token.children
                if c.dep_ in ("compound", "nmod", "poss")
                and (m := mentions.named_at(c)) is not None
                and m.cls in ("Organization", "Place", "City", "Country")
            ]
            found.extend(inner or [token])
        else:
            found.append(token)
    return found


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
    return claims + party_members(doc, mentions, doc_id)


def apposition(head: Token, appos: Token, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    """Either side may be the person: 'Powell, executive director of X' / "X's president, Kadyrov"."""
    named_head = mentions.named_at(head)
    plural = appos.tag_ == "NNS" and appos.is_lower and appos.text.endswith("s")
    if named_head is not None and named_head.cls in ("Person", "Organization") and plural and head.dep_ != "conj" and not any(
        c.dep_ == "conj" for c in head.children
    ):  # "Gates and Allen, founders of Microsoft" is two people; "Mr Finnie, representatives of ..." a list;
        return []  # "Northwind Foods, ..., the companies announced": the two firms, not what one is
    if appos.lower_ == "one":  # "Yisrael Tal, one of the top strategists in Israel"
        appos = next((o for p in children(appos, "prep") if p.lower_ == "of" for o in children(p, "pobj")), appos)
    head_m, appos_m = mentions.named_at(head), mentions.named_at(appos)
    if head_m is not None and appos_m is not None and any(
        c.dep_ == "conj" for t in (head, appos) for c in t.children
    ):
        return []  # "Bharti, Hutchison Whampoa, Sterling and Reliance": names in a list, not one the other
    if head_m is not None and head_m.cls in ("Person", "Organization") and (appos_m is None or appos_m.cls == "Group"):
        # "Rifkin, director of X and a member of Y": each conjoined role is his
        nouns = [n for n in with_conjuncts(appos) if n.pos_ == "NOUN" and mentions.named_at(n) is None]
        nouns = nouns if appos_m is None else [appos]
        return [claim for noun in nouns or [appos] for claim in describe(head, noun, noun, mentions, doc_id)]
    if appos_m is not None and appos_m.cls == "Person" and head_m is None:
        return list(describe(appos, head, head, mentions, doc_id))
    if head_m is not None and head_m.cls in PLACE_CLASSES and appos_m is None:
        return place_description(head_m, appos, mentions, doc_id)  # "Yerevan, the capital of Armenia"
    if appos_m is not None and appos_m.cls in PLACE_CLASSES and head_m is None:
        return place_description(appos_m, head, mentions, doc_id)  # "Bosnia's capital, Sarajevo"
    return []


def place_description(place: Mention, noun: Token, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    """A place described as the capital, a town, a province ... of or in another place is inside it."""
    if noun.lemma_.lower() not in lexicon().place_nouns:
        return []
    wider = [m for m in map(mentions.for_token, role_targets(noun)) if m is not None and m.cls in PLACE_CLASSES]
    wider += [
        m
        for prep in children(noun, "prep")
        if prep.lower_ == "in"
        for m in map(mentions.named_at, children(prep, "pobj"))
        if m is not None and m.cls in PLACE_CLASSES
    ]
    claims = []
    for where in wider:
        if where != place:
            start, end = min(place.start, where.start, noun.idx), max(place.end, where.end)
            claims.append(
                RawClaim(place, "kg:locatedIn", where, Provenance(doc_id, place.sentence, start, end, EXTRACTOR), 0.8)
            )
    return claims


PLACE_CLASSES = ("Place", "City", "Country")
# Roles whose place is where the power is held ("Illinois governor"); other roles just say where someone is.
PLACE_ROLES = {"kg:leaderOf", "kg:presidentOf", "kg:ministerOf", "kg:memberOf"}


def role_relation(
    prop: str | None, target_cls: str, *, premodifier: bool = False, occupation: bool = True, employment: bool = True,
    target_name: str = "",
) -> str | None:
    """What a role links its holder to: an assassin's target is a person; a role in a place is held
    there only for leaders and members ("Illinois governor"), otherwise it says where the person is
    ("an Atlanta architect"); an unlisted role in a named body is work for it ("publisher of X"),
    unless it is no job at all (``employment`` False: "a patient at X", "a Cambridge student")."""
    if target_cls == "Person":
        return prop if prop == "kg:killed" else None
    if prop == "kg:killed" or (prop is None and not employment):
        return None
    if target_cls in PLACE_CLASSES:
        if prop in PLACE_ROLES:
            return prop
        # "an Atlanta architect", "one of the strategists in Israel" live there; "UK designer", "Ireland
        # winger", "US Attorney" say a nationality, a national side or a jurisdiction, not a home (both
        # are weak on news: their calibrated confidence keeps most of them under the gate)
        if premodifier and not (occupation and employment):
            return None  # "Hollywood legend", "Wimbledon champion", "a Cambridge student": known there, not a home
        return "kg:livesIn" if target_cls == "City" or not premodifier else "kg:affiliatedWith"
    if target_cls != "Organization":
        return None  # "Finding Neverland's designer": a film, an event or a group is no employer
    if prop == "kg:ministerOf" and not government_body(target_name):
        return "kg:worksFor"  # "JRFU secretary Koji Tokumasu": the secretary of a body is on its staff
    return prop or "kg:worksFor"


GOVERNMENT_WORDS = {"office", "ministry", "department", "treasury", "government", "cabinet", "executive",
                    "administration", "exchequer", "commission", "council", "assembly", "parliament", "state"}


def government_body(name: str) -> bool:
    """'the Home Office', 'Ministry of Defence', 'Treasury', 'State Department': a body a minister serves in.
    An empty name (a caller that does not know it) is taken to be one."""
    words = name.lower().replace("'s", "").split()
    return not words or bool(GOVERNMENT_WORDS & {words[0], words[-1]})


UNIT_WORDS = {"division", "unit", "arm", "subsidiary", "department", "branch", "wing", "operation", "operations", "force",
              "forces", "desk", "laboratory", "lab", "team", "section"}  # fmt: skip
WHOLE_FIELDS = {"government", "state"}  # "head of government", "head of state" head the whole


def arm_of_a_body(place: Mention, mentions: MentionIndex) -> bool:
    """'chief executive of AOL UK': a place after an organisation's name names its national arm, which
    NER split in two; the role is not held in (or over) the country."""
    if place.cls not in PLACE_CLASSES:
        return False
    span = mentions.doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and any(
        c.dep_ == "compound" and c.i < span.start and (m := mentions.named_at(c)) is not None and m.cls == "Organization"
        for t in span for c in t.children
    )


def heads_a_unit(noun: Token) -> bool:
    """'president of Siemens' mobile networks division', 'head of the UN peacekeeping forces': the head
    of a part of a body works for the body ('president of the French republic' leads it)."""
    return any(o.lemma_.lower() in UNIT_WORDS for p in children(noun, "prep") if p.lower_ == "of" for o in children(p, "pobj"))


def heads_a_field(title: str) -> bool:
    """'director of commercial planning': role_phrase kept an unnamed field after 'of' in the title."""
    lowered = title.lower()
    prep = next((f" {p} " for p in FIELD_PREPS if f" {p} " in lowered), None)
    field = lowered.split(prep, 1)[1].split() if prep else []
    return bool(field) and field[-1] not in WHOLE_FIELDS


def for_party(relation: str, target: Mention, role_word: str) -> str:
    """A party's MP, peer, chairman or chief is its member: "Labour peer", "Tory co-chairman",
    "Labour's election chief"; only its leader leads it and its spokesman speaks for it."""
    if target.text.lower() not in lexicon().parties or relation in ("kg:spokespersonFor", "kg:killed"):
        return relation
    return relation if relation == "kg:leaderOf" and role_word.lower() == "leader" else "kg:memberOf"


def describe(
    person_token: Token, noun: Token, anchor: Token, mentions: MentionIndex, doc_id: str
) -> Iterator[RawClaim]:
    """What a description of a person or organisation says: its role, where it is held, or what it is."""
    person = mentions.for_token(person_token)
    if person is None or person.cls not in ("Person", "Organization") or noun.pos_ not in ("NOUN", "PROPN"):
        return
    if word_fragment(noun):
        return
    named = mentions.named_at(noun)
    if named is not None and named.cls != "Group":
        return  # "X is Y" between two names is an identity, not a role; "a Republican from Chicago" is not
    factuality, _, _ = factuality_of(anchor) if anchor.pos_ in ("AUX", "VERB") else (None, None, None)
    if factuality not in (None, Factuality.ASSERTED):
        return
    sentence = mentions.sentence_of[noun.i]
    title = role_phrase(noun)
    hedged = any(t.lower_ in HEDGED_ROLES for t in noun.lefts)
    former = title.lower().startswith(FORMER) or any(t.lower_ in ("former", "ex") for t in noun.lefts)
    former = former or (anchor.lemma_ == "be" and anchor.tag_ == "VBD")  # "Aynsley-Green was a lecturer at Oxford"
    prop = lexicon().role_property(title) or lexicon().role_property(noun.lemma_)
    # "regulatory head of the MEF", "news head": a head with a field before it heads a part of the body
    field_head = noun.lemma_.lower() == "head" and title.lower().split()[0] != "head"
    part_of_a_body = prop in HEAD_ROLES and (heads_a_field(title) or heads_a_unit(noun) or field_head)
    if part_of_a_body:
        prop = "kg:worksFor"  # "director of commercial planning", "president of Siemens' networks division"
    span_start = min(person.start, noun.idx)
    end = max(person.end, noun.idx + len(noun))
    where = role_targets(noun)
    if anchor.i != noun.i:  # "Cicippio was comptroller at the university": the parser may hang "at" on "was"
        later = [p for p in children(anchor, "prep") if p.i > noun.i and p.lower_ in ROLE_PREPS]
        where += [o for p in later for o in children(p, "pobj")]
    title_end = noun.idx + len(title) if title.lower().startswith(noun.lower_) else end
    targets = [
        t
        for t in map(mentions.for_token, named_inside(where, mentions))
        if t is not None
        and t.cls != "Concept"
        and (prop in PLACE_ROLES or country_for_demonym(t.text) is None)
        and not (noun.idx < t.start and t.end <= title_end)  # the field in "head of third party services"
        and not arm_of_a_body(t, mentions)
    ]
    if not any(t.cls == "Organization" for t in targets):  # "vice president for new products at American Express"
        targets += [m for m in map(mentions.named_at, deeper_organisations(noun)) if m is not None]
    if (
        person.cls == "Person"
        and prop != "kg:killed"
        and (prop is not None or (lexicon().is_employment(noun.lemma_) and any(t.cls == "Organization" for t in targets)))
    ):
        yield RawClaim(
            person, "kg:jobTitle", Literal(title), Provenance(doc_id, sentence, span_start, end, EXTRACTOR), 0.85
        )
    elif prop is None:  # a plain description: "Rainbow Railroad, a charity" -> is a charity
        concept = mentions.noun_phrase(noun)
        if concept is not None:
            yield RawClaim(
                person,
                "kg:isA",
                concept,
                Provenance(doc_id, sentence, span_start, max(person.end, concept.end), EXTRACTOR),
                0.6,
            )
    ranked = any(t.tag_ == "JJS" or t.lower_ in ("top", "leading") for t in noun.lefts)
    # "Capriati is a two-time champion in Melbourne", "Fred Hasson, head of Tiga" with the name read as a
    # body: a person's noun describes a person, so it says nothing of where a body is based
    described_as_a_person = prop is not None or lexicon().is_person_noun(noun.lemma_)
    if person.cls == "Organization" and not described_as_a_person:  # "Sun Hung Kai Properties, a Hong Kong construction firm"
        for place in (t for t in targets if t.cls in PLACE_CLASSES and not (ranked and t.start > noun.idx)):
            # "the biggest player in China" is where it leads the market, not where it is based
            yield RawClaim(
                person,
                "kg:basedIn",
                place,
                Provenance(doc_id, sentence, min(span_start, place.start), max(end, place.end), EXTRACTOR),
                0.7,
            )
    if person.cls != "Person":
        return
    no_home = [o.idx for p in children(noun, "prep") if p.lower_ in ("for", "at") for o in children(p, "pobj")]
    seat = [o.idx for p in children(noun, "prep") if p.lower_ == "for" for o in children(p, "pobj")]
    came_from = [o.idx for p in children(noun, "prep") if p.lower_ == "from" for o in children(p, "pobj")]
    for target in targets:
        if noun.lemma_.lower() in ELECTED and any(target.start <= at < target.end for at in seat):
            continue  # "Labour MP for Hornsey and Wood Green": a seat, whatever class its name got
        if target.cls not in PLACE_CLASSES and any(target.start <= at < target.end for at in came_from) and (
            gazetteer().lookup(target.text) is not None
        ):
            continue  # "racer Roy Tansley, from Derby": a home town, not the club of the same name
        if target.cls in PLACE_CLASSES and noun.lemma_.lower() in REPRESENTATIVES:
            continue  # "ambassador of Iceland", "the US envoy": represents the country, does not live there
        if target.cls in PLACE_CLASSES and any(t.cls == "Organization" for t in targets):
            continue  # "UK managing director of Ciphertrust", "of T-Mobile in the UK": the territory of a job there
        if target.cls in PLACE_CLASSES and prop not in PLACE_ROLES and (
            part_of_a_body or any(target.start <= at < target.end for at in no_home)
        ):
            continue  # "MP for North Norfolk" represents it; "project leader at Hertfordshire" works there
        relation = role_relation(
            prop,
            target.cls,
            premodifier=target.start < noun.idx,
            occupation=lexicon().is_person_noun(noun.lemma_),
            employment=lexicon().is_employment(noun.lemma_),
            target_name=target.text,
        )
        relation = for_party(relation, target, noun.text) if relation is not None else None
        if relation is None:
            continue
        provenance = Provenance(doc_id, sentence, min(span_start, target.start), max(end, target.end), EXTRACTOR)
        if hedged:  # "the accused assassin of X": an allegation, not a fact
            yield RawClaim(person, relation, target, provenance, 0.6, Factuality.ALLEGED)
        elif former:  # "former chancellor": the title is true, the office no longer
            yield RawClaim(person, relation, target, provenance, 0.7, Factuality.FORMER)
        else:
            yield RawClaim(person, relation, target, provenance, 0.85 if not target.local else 0.7)


NO_TITLE_WORDS = COURTESY_TITLES | {"former", "ex", "the", "rt", "rev", "hon"}


MAX_FIELD_WORDS = 4  # "Work and Pensions Secretary"


def title_before_name(doc: Doc, person: Mention, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    """'Foreign Affairs Minister Chrystia Freeland': title words directly before the name."""
    first = doc.char_span(person.start, person.end, alignment_mode="expand")
    if first is None:
        return []
    start = first.start
    while start > 0 and lexicon().is_title(doc[start - 1].lower_) and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
        start -= 1
    if start < first.start:  # "economy minister", "Home Secretary", "Work and Pensions Secretary": its field
        for _ in range(MAX_FIELD_WORDS):
            word = doc[start - 1] if start > 0 else None
            if word is None or not (
                (word.pos_ == "NOUN" and word.is_lower and word.dep_ == "compound")
                or lexicon().is_portfolio([word.text])
                or word.lower_ in ("and", "shadow")
            ):
                break
            start -= 1
        for i in range(start, first.start):  # "trade and Foreign Secretary": "and" joins two portfolios only
            joined = i > start and lexicon().is_portfolio([doc[i - 1].text]) and doc[i - 1].is_title == doc[i + 1].is_title
            if doc[i].lower_ == "and" and not joined:
                start = i + 1
    start = hyphen_start(doc, start)
    if start == first.start:
        return []
    title_span = doc[start : first.start]
    if all(t.lower_.rstrip(".") in NO_TITLE_WORDS for t in title_span):
        return []  # "Sir", "Lord", "Former": no job title
    if not lexicon().role_property(title_span.text) and title_span[-1].lower_.rstrip(".") in ("mr", "mrs", "ms", "dr"):
        return []  # honorifics are not job titles
    provenance = Provenance(doc_id, person.sentence, title_span.start_char, person.end, EXTRACTOR)
    return [RawClaim(person, "kg:jobTitle", Literal(title_span.text), provenance, 0.8)]


def party_members(doc: Doc, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    """'Conservative Michael Fallon', 'fellow Tory David Heathcoat-Amory', "Labour's Mr Livingstone":
    a party's name modifying a person's name is their party, whether or not NER tagged either."""
    claims = []
    for token in doc:
        named = mentions.named_at(token)
        if named is not None and token.idx < named.start:
            named = None  # "Tory" left out of the name "Tory David Heathcoat-Amory"
        if named is not None and token.idx + len(token) != named.end:
            continue  # "Plaid Cymru's": read at its last word
        words = [t for t in token.lefts if t.dep_ == "compound"] + [token]
        text = named.text if named else doc[words[0].i : token.i + 1].text
        if text.lower() not in lexicon().parties or not token.is_title or token.dep_ not in (
            "compound", "amod", "poss", "nmod"
        ):
            continue  # "conservative Justice Scalia" is a leaning, not the party
        name = token.head
        between = doc[token.i + 1 : name.i]
        if name.pos_ != "PROPN" or name.i < token.i or any(t.pos_ != "PROPN" and t.tag_ != "POS" and t.text not in ("-", "–") for t in between):
            continue  # "Labour MP ..." is title_before_name's; "Labour's plans" no person
        person = mentions.for_token(name)
        if person is None or person.start <= token.idx:
            continue
        honorific = person.text.split()[0].lower().rstrip(".") in HONORIFICS
        if person.cls != "Person" and not (person.cls == "Concept" and honorific):
            continue  # "Labour's Mr Livingstone" (untagged) is a person, "Labour's New Deal" is not
        start = named.start if named else words[0].idx
        party = named or Mention(text, start, start + len(text), "Organization", mentions.sentence_of[token.i], ner="NORP")
        provenance = Provenance(doc_id, person.sentence, start, person.end, EXTRACTOR)
        claims.append(RawClaim(person, "kg:memberOf", party, provenance, 0.8))
    return claims
