"""Relations that news states without a verb, read from the order of names in a sentence.

- "Bethany, Conn." / "the Savannah River Plant, in Aiken, S.C."  -> locatedIn along the chain
- "Brian Michaud of Millinocket", "Stacy Bickel, 25, of Tempe"   -> livesIn (and the chain's places)
- "Waste Disposal Co. of Randolph"                                  -> basedIn
- "North Carolina Gov. Jim Martin", "CBS anchorman Dan Rather"     -> role in the place or organisation
- "Wang Ziqiang at the Institute of Mechanics"                      -> worksFor
- "Moscow ITAR-TASS", "Sofia (BTA)"; "BANGKOK (AP)"                -> basedIn; filedFrom (away from home)
- "the Chinese Government"                                           -> basedIn China
- "the murder of X by Y", "sentenced for the assassination of X"     -> killed
- "the Russian embassy in Ottawa", "a Denver-based grocery chain"   -> locatedIn / basedIn
Organisations get locatedIn from a bare place ("in X", "X, Y"); basedIn needs "-based" or "of".
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import product
from typing import Iterator

from spacy.tokens import Doc, Token

from kg.extract.lexicon import HEAD_ROLES, PEERS, lexicon
from kg.extract.mentions import COURTESY_TITLES, MentionIndex
from kg.extract.roles import FORMER, PLACE_ROLES, REPRESENTATIVES, for_party, role_relation
from kg.extract.syntax import children
from kg.resolve.places import REGION_HEADS, country_for_demonym, country_named, gazetteer, place_class, place_key, region_country
from kg.types import Factuality, Literal, Mention, Provenance, RawClaim

EXTRACTOR = "kg.nominal.v1"
# What a body's own name says ("British Retail Consortium", "UK Coal" based in the United Kingdom):
# linking, like a nationality word, not news the article reports; @facts_with_sources leaves it out.
NAME_EXTRACTOR = "kg.names.v1"
PLACES = ("Place", "City", "Country")
MAX_TITLE_TOKENS = 4
AGE = r"(?:,\s*(?:aged\s+)?\d+\s*,\s*)?"  # "Stacy Bickel, 25, of Tempe"
REGION = re.compile(
    r"^in(?: the)?(?: (?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?east|north-?west|south-?east|south-?west|northeastern|northwestern|southeastern|"
    r"southwestern|upper|lower))?$",
    re.IGNORECASE,
)
# Between a dateline's place and the agency: nothing, "(", or a date ("Moscow March 5 (ITAR-TASS)",
# "Sofia, February 15 (BTA)").
DATELINE = re.compile(r"^(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2},?\s*)?\(?$")
POSSESSED_KILLER = re.compile(r"^['’]s\s+(\w+)\s*,$")  # "Kennedy's assassin, Oswald": the gap between the names
AFFILIATION = re.compile(rf"^{AGE},?\s*(?:of|at|with)(?:\s+the)?$")  # "Gilmore, of the Seattle Association"
RESIDENCE = re.compile(rf"^{AGE}(?:of|from)$|^,\s*(?:a\s+|an\s+)?(?:native|resident)\s+of$")


def claim(
    subject: Mention,
    prop: str,
    obj: Mention | Literal,
    sentence: int,
    start: int,
    end: int,
    doc_id: str,
    confidence: float,
    extractor: str = EXTRACTOR,
) -> RawClaim:
    """A claim whose evidence runs from ``start`` to ``end``, widened to cover both arguments."""
    for argument in (subject, obj):
        if isinstance(argument, Mention) and argument.start != argument.end:
            start, end = min(start, argument.start), max(end, argument.end)
    return RawClaim(subject, prop, obj, Provenance(doc_id, sentence, start, end, extractor), confidence)


def in_a_list(text: str, names: list[Mention], i: int) -> bool:
    """names[i] is one item of 'A, B, C and D' (places of the same kind side by side, or a run that ends
    with 'and'/'or'), which says nothing about one being inside another."""
    if names[i].cls not in PLACES:
        return False
    first = last = i
    def gap(a: Mention, b: Mention) -> str:
        return text[a.end : b.start].strip().removesuffix(" the")  # "Japan, Europe and the US"

    while first > 0 and names[first - 1].cls in PLACES and gap(names[first - 1], names[first]) == ",":
        first -= 1
    while (
        last + 1 < len(names)
        and names[last + 1].cls in PLACES
        and gap(names[last], names[last + 1]) in (",", ", and", "and", ", or", "or")
    ):
        last += 1
    run = names[first : last + 1]
    if len(run) < 3 and not (len(run) == 2 and gap(run[0], run[1]) in (", and", "and", ", or", "or")):
        return False
    gaps = [text[a.end : b.start].strip() for a, b in zip(run, run[1:])]
    same_kind = any(a.cls == b.cls and a.cls in ("City", "Country") for a, b in zip(run, run[1:]))
    return same_kind or gaps[-1] not in (",",)


def place_chain(doc: Doc, names: list[Mention], i: int) -> list[Mention]:
    """Places that follow names[i] as ', B, C' ('in Aiken, S.C.' included when it starts with 'in');
    none for an item of a list ("Manchester, Liverpool, Leicester and Somerset")."""
    text = doc.text
    if in_a_list(text, names, i):
        return []
    chain = []
    j = i
    while j + 1 < len(names) and names[j + 1].cls in PLACES:
        gap = text[names[j].end : names[j + 1].start].strip()
        if gap not in (",", ", in", "in") or (gap != "," and chain):
            break
        if gap == "," and modifies_a_noun(doc, names[j + 1]) and not known_inside(names[j], names[j + 1]):
            break  # "in London, G7 ministers met": the next name starts a new noun phrase
        if names[j].cls == "Country" and names[j + 1].cls in ("Country", "City"):
            break  # "Russia, Japan, Poland": a list of countries, not one inside another
        if gap == "," and root_dep(doc, names[j + 1]) in CLAUSE_SUBJECTS:
            break  # "Aware of the threat posed by the South Africans, Ireland pressed hard"
        if gap == "," and listed(text, names, j) and not larger_unit(names[j + 1]):
            break  # "Isle of Wight, Dorset West, Bournemouth East, Wells": a list ("Fort Hamilton, Brooklyn, N.Y." an address)
        chain.append(names[j + 1])
        j += 1
    return chain


CLAUSE_SUBJECTS = ("nsubj", "nsubjpass")
LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)\s*(?:the\s+)?[A-Z]")
LIST_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s*,\s*$")


def listed(text: str, names: list[Mention], j: int) -> bool:
    """names[j], names[j + 1] inside a longer run of capitalised names ("Isle of Wight, Dorset West,
    Bournemouth East, Wells"): a list, whatever class each name was given, not one place inside the
    other. An address goes on to its state or country ("Fort Hamilton, Brooklyn, N.Y.")."""
    first, second = names[j], names[j + 1]
    after = names[j + 2] if j + 2 < len(names) else None
    goes_on = LIST_GOES_ON.match(text, second.end) is not None
    if goes_on and after is not None and text[second.end : after.start].strip() == "," and larger_unit(after):
        goes_on = False
    return goes_on or LIST_BEFORE.search(text[max(0, first.start - 40) : first.start]) is not None and not larger_unit(second)


def larger_unit(place: Mention) -> bool:
    """A country or a US state (or its AP abbreviation): what an address ends with."""
    name = place.text
    alias = lexicon().aliases.get(name.lower())
    key = place_key(alias[0] if alias else name)
    return name.lower() in lexicon().state_abbreviations or key in gazetteer().countries or key in gazetteer().regions


def peer_title(text: str, person: Mention) -> bool:
    """'Lord Roberts' or 'Lord' before 'Roberts': what follows 'of' is the peer's title, not a place or body."""
    first_word = person.text.split()[0].lower()
    return first_word in PEERS or text[max(0, person.start - 9) : person.start].strip().lower() in PEERS


def sequence_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    text = doc.text
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions.named:
        by_sentence.setdefault(m.sentence, []).append(m)
    for sentence, names in by_sentence.items():
        for i, a in enumerate(names):
            chain = place_chain(doc, names, i)
            if a.cls in PLACES or a.cls == "Organization":
                for k, place in enumerate(chain):
                    if place.cls == "City" and (a.cls == "Country" or place_class(a.text) == "Country"):
                        break  # "beat Australia in Barcelona": a country or its team is in no city; it played there
                    yield claim(a, "kg:locatedIn", place, sentence, a.start, place.end, doc_id, 0.75 - 0.05 * k)
                    if a.cls in PLACES:
                        break  # A, B, C: A in B here; B in C comes from B's own chain
            if i + 1 >= len(names):
                continue
            b = names[i + 1]
            gap = text[a.end : b.start].strip()
            if a.cls in PLACES and b.cls in PLACES and REGION.match(gap):
                yield claim(
                    a, "kg:locatedIn", b, sentence, a.start, b.end, doc_id, 0.7
                )  # "Gosforth in northeast England"
            if a.cls == "Person" and gap.startswith("of") and (peer_title(text, a) or envoy_title(text, a)):
                continue  # "Lord Roberts of Conwy", "Ambassador Stefan Johannesson of Iceland": the place is in the title
            if a.cls == "Person" and b.cls in PLACES and RESIDENCE.match(gap):
                for place in [b, *place_chain(doc, names, i + 1)]:
                    yield claim(a, "kg:livesIn", place, sentence, a.start, place.end, doc_id, 0.75)
            elif a.cls == "Organization" and b.cls in PLACES and gap == "of":
                yield claim(a, "kg:basedIn", b, sentence, a.start, b.end, doc_id, 0.7)
            elif (
                a.cls == "Person"
                and b.cls == "Organization"
                and AFFILIATION.match(gap)
                and not (gap.lstrip(", ").startswith("at") and modifier(doc, b))
            ):  # "at Ford's Theater" is a place
                yield claim(a, "kg:worksFor", b, sentence, a.start, b.end, doc_id, 0.65)
            elif a.cls in PLACES and b.cls == "Organization" and DATELINE.match(gap):
                # datelines and place-named bodies: "Moscow ITAR-TASS", "Sofia (BTA)", "Cape Town Supreme Court"
                k = i
                while k > 0 and names[k - 1].cls in PLACES and text[names[k - 1].end : names[k].start].strip() == ",":
                    k -= 1
                # a place right before a body that is no news agency is part of its name ("UK Coal")
                named = not gap and lexicon().agency_home(b.text) is None
                for place in names[k : i + 1]:
                    prop = "kg:basedIn" if agency_at_home(b, place) else "kg:filedFrom"
                    yield claim(b, prop, place, sentence, place.start, b.end, doc_id, 0.65,
                                NAME_EXTRACTOR if named else EXTRACTOR)
            elif a.cls == b.cls == "Person" and (killer := POSSESSED_KILLER.match(gap)):
                if lexicon().role_property(killer.group(1)) == "kg:killed":  # "Kennedy's assassin, Lee Harvey Oswald"
                    yield claim(b, "kg:killed", a, sentence, a.start, b.end, doc_id, 0.75)
            elif b.cls == "Person" and a.cls in (*PLACES, "Organization", "Person"):
                owner = names[i - 1] if i > 0 and text[names[i - 1].end : a.start].strip() in ("'s", "’s") else None
                yield from title_between(doc, a, b, sentence, doc_id, owner)


def agency_at_home(organisation: Mention, place: Mention) -> bool:
    """A dateline says where a news agency is based only in its home country: "BANGKOK (AP)" is where
    the story was filed from. Organisations that are no agency are where their dateline says."""
    home = lexicon().agency_home(organisation.text)
    if home is None:
        return True
    found = gazetteer().lookup(place.text)
    return found is not None and found.country == home


def root_dep(doc: Doc, mention: Mention) -> str | None:
    """The dependency of a name's head word: how the name hangs in its sentence."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root.dep_ if span is not None else None


def known_inside(inner: Mention, outer: Mention) -> bool:
    """Whether GeoNames puts the place ``inner`` in the country ``outer`` ("Washington", "U.S.")."""
    alias = lexicon().aliases.get(outer.text.lower())
    country = gazetteer().countries.get((alias[0] if alias else outer.text).lower())
    found = gazetteer().lookup(inner.text)
    return country is not None and found is not None and found.country == country.country


def modifies_a_noun(doc: Doc, mention: Mention) -> bool:
    """True for a name that modifies a common noun ("G7 ministers", "U.S officials"), not a name."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN"


def modifier(doc: Doc, mention: Mention) -> bool:
    """True when a name only modifies another noun: "at Ford's Theater", "at the Ford plant"."""
    return root_dep(doc, mention) in ("poss", "compound")


def title_between(
    doc: Doc, where: Mention, person: Mention, sentence: int, doc_id: str, owner: Mention | None = None
) -> Iterator[RawClaim]:
    """'Illinois Gov. James Thompson': a short run of title words between a place/organisation and a name.
    ``owner`` is a name that owns ``where`` ("the SNP's Holyrood leader"): a party's leader somewhere
    is its member, not the leader of the place."""
    span = doc.char_span(where.end, person.start, alignment_mode="contract")
    words = [t for t in span] if span is not None else []
    if not words or len(words) > MAX_TITLE_TOKENS:
        return
    if words[0].tag_ == "POS":
        words = words[1:]  # "Chechnya's president Ramzan Kadyrov"
    while words and words[-1].lower_.rstrip(".") in COURTESY_TITLES:
        words = words[:-1]  # "London mayor Mr Livingstone": the title is "mayor"
    if not words or any(t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.ent_type_ for t in words):
        return
    title = doc[words[0].i : words[-1].i + 1].text
    prop = lexicon().role_property(title.replace(".", ""))
    if words[-1].is_lower and any(t.is_title and not known_title_word(t.text) for t in words[:-1]):
        return  # "US Open champion": the place starts a longer name (an event, a show); "US Bankruptcy Judge" is a title
    if country_for_demonym(where.text) is not None and prop not in PLACE_ROLES:
        return  # "their Welsh striker Craig Bellamy" is Welsh, not employed by Wales ("Croatian President" is its president)
    # "Kennedy assassin Sirhan Sirhan" links two people only by killing; "Hollywood legend" gives no home
    last = words[-1].lemma_
    relation = role_relation(
        prop, where.cls, premodifier=True, occupation=lexicon().is_person_noun(last), employment=lexicon().is_employment(last),
        target_name=where.text,
    )
    if relation is None:
        return
    if relation in HEAD_ROLES and where.cls == "Organization" and field_before(words):
        relation = "kg:worksFor"  # "BBC news chief": heads a part of the body
    if where.cls in PLACES and where.text.lower() not in lexicon().parties and field_before(words):
        relation = None  # "Norfolk police chief", "Russian tennis chief", "Hollywood film star": no office or home there
    else:
        # "Labour MP Jane Smith", "Tory shadow home secretary David Davis": the party's; "Tory co-chairman": its member
        relation = for_party(relation, where, words[-1].text)
        if where.cls in PLACES and relation in HEAD_ROLES:
            relation = head_of_a_place(words[-1].lower_.rstrip("."), where, relation)
    before = doc.text[max(0, where.start - 8) : where.start].lower()
    former = next((f for f in FORMER if before.endswith(f)), None)  # "former Vodafone boss Chris Gent"
    if before.endswith("shadow ") and where.text.lower() not in lexicon().parties:
        relation = None  # "Shadow Treasury chief secretary George Osborne" speaks for the opposition, not the Treasury
    if relation != "kg:killed":
        shown = f"{former}{title}" if former else title
        yield claim(person, "kg:jobTitle", Literal(shown), sentence, words[0].idx, person.end, doc_id, 0.75)
    if relation is None:
        return
    if owner is not None and owner.text.lower() in lexicon().parties and where.text.lower() not in lexicon().parties:
        yield claim(person, "kg:memberOf", owner, sentence, owner.start, person.end, doc_id, 0.7)
        return  # "the SNP's Holyrood leader Nicola Sturgeon": the SNP's, at Holyrood
    if owner is not None and owner.cls == "Organization" and where.cls in PLACES:
        return  # "Sony's Europe chief Chris Deering": a job at Sony in Europe (the roles pattern reads Sony's)
    tie = claim(person, relation, where, sentence, where.start, person.end, doc_id, 0.7)
    # a role once held is a title and a past tie, not a current one
    yield replace(tie, factuality=Factuality.FORMER) if former else tie


# The heads a place has: "Croatian President", "Illinois Gov.", "London mayor", "Israeli Prime Minister".
PLACE_HEADS = frozenset({"president", "minister", "premier", "leader", "chancellor", "king", "queen", "monarch",
                         "emperor", "ruler", "dictator", "mayor", "governor", "gov", "chief", "head"})  # fmt: skip


def head_of_a_place(word: str, where: Mention, relation: str) -> str | None:
    """Which tie a head's title before a name makes with the country (or nationality) before it: "Dutch
    co-chairman Antony Burgmans", "UK managing director" chair or run a company, not the country; a
    British or UK chancellor is the finance minister ("UK Chancellor Gordon Brown"), a German one the
    leader. A town's name is left as it was: before a head's title it mostly stands for its club or
    council ("Newcastle boss", "Leeds chairman")."""
    country = country_named(where.text)  # "UK", "Britain", "Dutch"
    if country is None:
        return relation
    if word not in PLACE_HEADS:
        return None
    if word == "chancellor" and country.country == "GB":
        return "kg:ministerOf"
    return relation


def envoy_title(text: str, person: Mention) -> bool:
    """'Ambassador X of Iceland': an envoy is of the country they represent, not living in it."""
    before = text[max(0, person.start - 20) : person.start].split()
    return bool(before) and before[-1].lower() in REPRESENTATIVES


def known_title_word(word: str) -> bool:
    """A capitalised word that belongs in a title: 'Gov.', 'MP', 'Home' (a portfolio), 'Secretary'."""
    clean = word.rstrip(".")
    if word.endswith(".") and len(clean) <= 4:
        return True  # an abbreviated rank or title: "Lt.", "Gov.", "Sgt."
    return lexicon().is_title(clean) or lexicon().is_portfolio([clean]) or lexicon().role_property(clean) is not None


def field_before(words: list[Token]) -> bool:
    """A common noun before the role word names the field it is held in ("police chief", "film star",
    "tennis chief"): the office is in a body of that field, not of the place itself."""
    return any(t.pos_ == "NOUN" and not known_title_word(t.text) and not lexicon().is_portfolio([t.text]) for t in words[:-1])


def seat_claims(noun: Token, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    """'at NRC headquarters in Rockville': the organisation is based there."""
    owners = [mentions.named_at(c) for c in noun.children if c.dep_ in ("compound", "poss")]
    preps = [p for p in children(noun, "prep") if p.lower_ == "in"]
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if following is not None and following.lower_ == "in" and following.dep_ == "prep":
        preps.append(following)  # "at NRC headquarters in Rockville", "in" hung on an earlier noun by the parser
    places = [mentions.named_at(o) for p in dict.fromkeys(preps) for o in children(p, "pobj")]
    names = mentions.named
    for owner, place in product(owners, places):
        if owner is not None and owner.cls == "Organization" and place is not None and place.cls in PLACES:
            for where in [place, *place_chain(mentions.doc, names, names.index(place))]:  # "Rockville, Md."
                yield claim(
                    owner, "kg:basedIn", where, mentions.sentence_of[noun.i], owner.start, where.end, doc_id, 0.75
                )


def located_noun_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    """'the Russian embassy in Ottawa'; 'a Denver-based grocery chain'."""
    for noun in doc:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound":
            continue
        if noun.lower_ in SEATS or noun.lemma_.lower() in SEATS:
            yield from seat_claims(noun, mentions, doc_id)
        subject = mentions.for_token(noun)
        if noun.dep_ == "appos" and (head := mentions.for_token(noun.head)) is not None and not head.local:
            subject = head  # "Northwind Foods, a Denver-based grocery chain"
        if subject is None or subject.cls not in ("Organization", *PLACES):
            continue
        if subject.local and noun.tag_ == "NNS":
            continue  # "firms in Western Europe", "the authorities in the US": which ones, not where one is
        named = mentions.named_at(noun)
        if named is not None and doc.char_span(named.start, named.end, alignment_mode="expand").root.i != noun.i:
            continue  # only the head token of a name speaks for it
        sentence = mentions.sentence_of[noun.i]
        for prep in children(noun, "prep"):
            if prep.lower_ != "in":
                continue
            for place_token in children(prep, "pobj"):
                place = mentions.named_at(place_token)
                if place is not None and place.cls in PLACES and place != subject:
                    yield claim(
                        subject,
                        "kg:locatedIn",
                        place,
                        sentence,
                        min(subject.start, place.start),
                        max(subject.end, place.end),
                        doc_id,
                        0.8 if not subject.local else 0.65,
                    )
        for based in noun.lefts:  # "Denver-based": 'based' modifies the noun, the place precedes the hyphen
            if based.lower_ == "based" and based.i >= 2 and doc[based.i - 1].text == "-":
                place = mentions.named_at(doc[based.i - 2])
                if place is not None and place.cls in PLACES:
                    yield claim(subject, "kg:basedIn", place, sentence, place.start, place.end, doc_id, 0.8)


SEATS = {"headquarters", "head office", "hq", "seat", "base"}
HOME_WORDS = {"hometown", "home", "birthplace", "native"}


def origin_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    """Where people are from: 'X is from Y', 'his native South Carolina', 'his Iowa hometown',
    'a Minnesota born artist', 'X, Georgia born'."""
    for token in doc:
        person, place_tokens = None, []
        if token.lemma_ == "be" and token.pos_ == "AUX":  # "Mrs. Tsuruyama is from Yatsushiro"
            subjects = [mentions.for_token(s) for s in children(token, "nsubj")]
            person = next((m for m in subjects if m is not None and m.cls == "Person"), None)
            place_tokens = [o for p in children(token, "prep") if p.lower_ == "from" for o in children(p, "pobj")]
        elif token.lower_ in HOME_WORDS and token.pos_ in ("NOUN", "ADJ"):
            noun = (
                token.head if token.pos_ == "ADJ" else token
            )  # "his native South Carolina": 'native' modifies the place
            owner = next(children(noun, "poss"), None)
            person = nearest_person(mentions, owner) if owner is not None else None
            place_tokens = [noun, *(t for t in noun.lefts if t.i != token.i)]
        elif token.lower_ == "born" and token.dep_ in ("amod", "acl"):  # "a Minnesota born artist"
            person = mentions.for_token(token.head)
            place_tokens = [c for c in token.children if c.dep_ in ("npadvmod", "compound", "nmod")]
        if person is None or person.cls != "Person":
            continue
        for place_token in place_tokens:
            place = mentions.named_at(place_token)
            if place is None or place.cls not in PLACES:
                continue
            sentence = mentions.sentence_of[token.i]
            yield claim(person, "kg:livesIn", place, sentence, place.start, place.end, doc_id, 0.7)  # claim() widens
            for wider in place_chain(doc, mentions.named, mentions.named.index(place)):  # "from Yatsushiro, Japan"
                yield claim(person, "kg:livesIn", wider, sentence, person.start, wider.end, doc_id, 0.65)


def nearest_person(mentions: MentionIndex, pronoun: Token) -> Mention | None:
    """'his' / 'her': the closest person named before it in the same sentence."""
    if pronoun.lower_ not in ("his", "her"):
        return None
    sentence = mentions.sentence_of[pronoun.i]
    before = [m for m in mentions.named if m.cls == "Person" and m.sentence == sentence and m.end <= pronoun.idx]
    return before[-1] if before else None


NOT_BASED_AT_HOME = {"embassy", "consulate", "mission", "delegation"}  # a country's embassy is abroad


def national_body_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    """'the Chinese Government', 'the Angolan army' -> based in China, Angola: a nationality before a
    kind of body (ontology/lexicons/kinds.tsv); a name that starts with one ("American Idol") says nothing."""
    for org in mentions.named:
        if org.cls != "Organization":
            continue
        words = org.text.split()
        if len(words) < 2 or words[-1].lower() in NOT_BASED_AT_HOME:
            continue
        if lexicon().kinds.get(words[-1].lower()) != "Organization":
            continue  # "the Chinese government", "Angolan army": a kind of body; "British Medical Journal" is a name
        country = country_for_demonym(words[0])
        if country is None:
            continue
        named = next(
            (
                m
                for m in mentions.named
                if m.sentence == org.sentence
                and m.cls == "Country"
                and m.text.lower().removeprefix("the ") == country.name.lower().removeprefix("the ")
            ),
            None,
        )
        target = named or Mention(
            country.name, org.start, org.start + len(words[0]), "Country", org.sentence, ner="NORP"
        )
        proper = words[-1].istitle()  # "British Retail Consortium" is a name; "the Chinese government" says whose
        extractor = NAME_EXTRACTOR if proper else EXTRACTOR
        end = max(org.end, target.end)
        yield claim(org, "kg:basedIn", target, org.sentence, org.start, end, doc_id, 0.7, extractor)


def region_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    """'the Russian republic', 'the Indian state': the region described lies in that country (coreference
    says which region: the place named just before, kg/resolve/coref.py)."""
    for noun in doc:
        if noun.lower_ not in REGION_HEADS or noun.pos_ != "NOUN" or noun.ent_type_:
            continue
        if not any(c.lower_ == "the" and c.dep_ == "det" for c in noun.children):
            continue
        region = mentions.noun_phrase(noun)
        country = region_country(region.text) if region is not None else None
        if region is None or country is None:
            continue
        nationality_end = region.start + len(region.text.split()[0])
        target = Mention(country.name, region.start, nationality_end, "Country", region.sentence, ner="NORP")
        yield claim(region, "kg:locatedIn", target, region.sentence, region.start, region.end, doc_id, 0.7)


KILLING_NOUNS = {"murder", "killing", "assassination", "slaying", "execution"}
BLAME_VERBS = {
    "convict",
    "sentence",
    "charge",
    "indict",
    "jail",
    "imprison",
    "arrest",
    "try",
    "face",
    "confess",
    "plead",
    "admit",
    "execute",
    "hang",
    "accuse",
    "suspect",
    "blame",
}


def killing_event_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> Iterator[RawClaim]:
    """'the murder of X by Y', "Y's killing of X", 'X's assassination', and 'Y was sentenced for the
    assassination of X' (someone punished for a killing is the killer)."""
    for noun in doc:
        if noun.lemma_.lower() not in KILLING_NOUNS or noun.pos_ != "NOUN":
            continue
        of = [o for p in children(noun, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
        by = [o for p in children(noun, "prep") if p.lower_ == "by" for o in children(p, "pobj")]
        poss = list(children(noun, "poss"))
        victims = [v for o in of for v in (o, *o.conjuncts)] or (poss if not by else [])
        killers = by or (poss if of else [])
        if not killers and noun.dep_ == "pobj" and noun.head.head.lemma_ in BLAME_VERBS:
            verb = noun.head.head
            killers = [s for s in children(verb, "nsubjpass" if any(children(verb, "auxpass")) else "nsubj")]
        for killer_token, victim_token in product(killers, victims):
            killer, victim = mentions.for_token(killer_token), mentions.for_token(victim_token)
            if killer is None or victim is None or killer.cls != "Person" or victim.cls != "Person":
                continue
            sentence = mentions.sentence_of[noun.i]
            yield claim(
                killer,
                "kg:killed",
                victim,
                sentence,
                min(killer.start, victim.start, noun.idx),
                max(killer.end, victim.end),
                doc_id,
                0.7,
            )


def nominal_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    return [
        *sequence_claims(doc, mentions, doc_id),
        *located_noun_claims(doc, mentions, doc_id),
        *origin_claims(doc, mentions, doc_id),
        *national_body_claims(doc, mentions, doc_id),
        *region_claims(doc, mentions, doc_id),
        *killing_event_claims(doc, mentions, doc_id),
    ]
