"""Class evidence: what the words around a name say it is, whatever NER guessed ("striker Craig
Bellamy", "the film Sideways", "Newcastle have fined", "Slovakia beat Argentina", "the Davis Cup")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.lexicon import census_names, lexicon
from kg.resolve.places import gazetteer

NER_CLASSES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Group",
    "EVENT": "Event",
    "LAW": "Work",
    "PRODUCT": "Product",
}


def nationality_as_place(ent: Span) -> bool:
    """A nationality word in front of a title and a name means the place: 'Soviet President Gorbachev'."""
    head = ent.root.head
    if ent.root.dep_ not in ("compound", "amod", "nmod") or head.i == ent.root.i:
        return False
    titled = head.lower_.rstrip(".") in lexicon().titles or lexicon().role_property(head.lower_)
    followed_by_name = any(t.ent_type_ == "PERSON" for t in head.doc[head.i + 1 : head.i + 3])
    return bool(titled) and (followed_by_name or head.ent_type_ == "PERSON")


def described_as(ent: Span) -> str | None:
    """What the words around a name say it is, whatever NER called it: "Cheek, 53," and "Harrington, a
    professor" are people, "Norton Simon was born" too; "Yerevan, the capital of Armenia" is a place.
    The items of a list share the evidence of its first: "firms Sony, Philips and Matsushita"."""
    found = own_description(ent)
    root = ent.root
    if found is None and root.dep_ == "conj":  # only the noun the list hangs from, not the first item's age
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        head_entity = entity_at(first)
        if head_entity is None or head_entity.root.i != root.i:
            found = list_noun_class(first)  # "ports like Peterhead or Fraserburgh", Peterhead not tagged
    return found


def list_noun_class(first: Token) -> str | None:
    """The cue of the plural noun a list is given under: "firms Sony, Philips", "authors like Cicero,
    Virgil" (a singular one describes the first item only: "striker Craig Bellamy and Newcastle")."""
    example_of = listed_under(first)
    before = first.doc[first.i - 1] if first.i > 0 else None
    while before is not None and before.dep_ == "compound" and before.head.i == first.i and before.pos_ == "PROPN":
        before = first.doc[before.i - 1] if before.i > 0 else None  # "firms Sony" / "authors John Smith"
    nouns = [n for n in (example_of, before) if n is not None and n.tag_ == "NNS" and n.is_lower]
    return next((cue for cue in map(cue_class, nouns) if cue is not None), None)


def entity_at(token: Token) -> Span | None:
    doc = token.doc
    index = doc.user_data.get("kg_entity_at")  # plain ints and strings: the Doc may still be serialised
    if index is None:  # built once per document: a scan of doc.ents per list item is quadratic
        index = {i: (e.start, e.end, e.label_) for e in doc.ents for i in range(e.start, e.end)}
        doc.user_data["kg_entity_at"] = index
    found = index.get(token.i)
    return Span(doc, found[0], found[1], label=found[2]) if found else None


def own_description(ent: Span) -> str | None:
    """The evidence around the name itself (described_as adds its list's)."""
    doc, root = ent.doc, ent.root
    after = doc[ent.end : ent.end + 3]
    if len(after) == 3 and after[0].text == after[2].text == "," and after[1].text.isdigit():
        if 1 <= int(after[1].text) <= 120:
            return "Person"  # an age in commas
    if root.dep_ == "nsubjpass" and root.head.lower_ == "born":
        return "Person"
    if ent.label_ == "PERSON" and any(
        c.dep_ == "relcl" and any(w.lower_ == "which" for w in c.children) for c in root.children
    ):
        return "Organization"  # "Nordline Ferries, which is based in Oslo": 'which' is never a person
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in ("titled", "entitled"):
        return "Work"  # "the song, titled Grief Never Grows Old"
    appositions = [t for t in root.children if t.dep_ == "appos" and t.i >= ent.end][:1]  # the nearest describes it
    if root.dep_ == "appos" and root.head.i < ent.start:
        appositions.append(root.head)  # "the capital of Armenia, Yerevan"
    if before is not None and before.pos_ == "NOUN" and before.is_lower and (
        before.head.i == root.i or root.head.i == before.i or (before.head.i == root.head.i and before.dep_ == root.dep_)
    ):  # the last: a parse that makes "firms" and "Sony" two subjects of one verb
        appositions.append(before)  # "striker Craig Bellamy", "the film Sideways", "US firm Exel"
    if (example_of := listed_under(root)) is not None:
        appositions.append(example_of)  # "classical authors like Cicero", "ports such as Peterhead"
    for noun in appositions:
        if noun.ent_type_ in NER_CLASSES:
            continue  # another name, not a description
        cue = cue_class(noun)
        if cue is not None:
            return cue
    return kind_named_after(ent)


def listed_under(root: Token) -> Token | None:
    """The common noun a name is given as an example of: "authors like Cicero", "formats such as VHS",
    "firms including Sony"."""
    if root.dep_ != "pobj":
        return None
    preposition = root.head
    word = preposition.lower_
    if word == "as" and any(c.lower_ == "such" for c in preposition.children):
        word = "such as"
    if word not in ("like", "including", "such as"):
        return None
    noun = preposition.head
    return noun if noun.pos_ == "NOUN" and noun.is_lower else None


def kind_named_after(ent: Span) -> str | None:
    """A name that modifies a kind of thing someone owns: "Sony's PSP console", "Five's Wright Stuff show";
    "the Chelsea team". A body or person before a work is its maker ("a BBC documentary"), a place before
    a noun is where ("US firm"), a name before a person's noun who they work for ("Evening Standard
    reporter"): none of those change the name's class."""
    root = ent.root
    noun = root.head
    if root.dep_ != "compound" or noun.i != ent.end or noun.pos_ != "NOUN" or not noun.is_lower:
        return None
    cue = cue_class(noun)
    owned = any(c.dep_ == "poss" for c in noun.children)  # "Five's Wright Stuff show": the show is Five's
    if cue in ("Work", "Product") and (owned or ent.label_ in ("PRODUCT", "WORK_OF_ART", "EVENT", "LAW")):
        return cue  # but "a BBC documentary", "a Nokia handset", "a Mike Leigh film" name the maker
    if cue == "Organization" and ent.label_ in ("PERSON", "ORG") and noun.lemma_.lower() in TEAM_NOUNS:
        return cue
    return None


TEAM_NOUNS = {"team", "side", "squad", "club", "band", "group"}


def cue_class(noun: Token) -> str | None:
    """The class a common noun gives the name beside it: an occupation, a kind of place, body or work."""
    lemma = noun.lemma_.lower()
    if lexicon().is_person_noun(lemma):
        return "Person"
    if lemma in lexicon().place_nouns:
        return "Place"
    kind = lexicon().kinds.get(lemma) or lexicon().kinds.get(noun.lower_)
    return kind if kind in ("Organization", "Work", "Product") else None


CLUB_WORDS = {"united", "fc", "afc", "rovers", "athletic", "albion", "wanderers", "hotspur"}


def plural_subject(ent: Span) -> bool:
    """A singular name that takes a plural verb: British English for a team or a company."""
    root = ent.root
    if root.dep_ != "nsubj" or any(c.dep_ == "conj" for c in root.children):
        return False
    verb = root.head
    return verb.tag_ == "VBP" or any(c.tag_ == "VBP" for c in verb.children if c.dep_ in ("aux", "auxpass"))


# Verbs whose subject and object are sides in a contest: a country that beats another is its team.
CONTEST_VERBS = {"beat", "defeat", "thrash", "face", "play", "draw", "lose", "edge", "host", "meet", "clinch", "seal", "win"}
CONTEST_WORDS = {"match", "final", "game", "cup", "tie", "league", "set", "goal", "victory", "defeat", "draw", "title"}


def competitor(ent: Span) -> bool:
    """'Slovakia beat Argentina 3-0', 'lost to France', 'Spain's Davis Cup win': a side in a contest."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ not in ("to", "against", "over", "with", "by"):
        return False  # "winning in South Carolina": where, not against whom
    verb = root.head.head if root.dep_ == "pobj" else root.head
    if verb.lemma_.lower() in CONTEST_VERBS and root.dep_ in ("nsubj", "dobj", "pobj"):
        sentence_words = {t.lemma_.lower() for t in root.sent}
        return bool(sentence_words & CONTEST_WORDS) or any(t.like_num and "-" in t.text for t in root.sent)
    return False


# Census given names that are more often ordinary words at the start of a name ("Royal Society").
WORDS_AS_NAMES = {"royal", "coral", "will", "mark", "grace", "joy", "hope", "faith", "rose", "may", "june",
                  "april", "summer", "bill", "guy", "major", "king", "earl", "price", "young", "long", "rich",
                  "dean", "lord", "sterling", "general", "ford", "lincoln", "jersey", "china"}


def looks_like_a_person(tokens: list[Token]) -> bool:
    """A census given name and surname ('Mike Leigh'), not a place or a body named after someone
    ('Jordan Valley', 'Virginia Water Company', 'Paris Hilton hotel' stays what NER said)."""
    if not 2 <= len(tokens) <= 3 or not all(t.is_title and t.is_alpha for t in tokens):
        return False
    words = {w for t in tokens[1:] for w in (t.lower_, t.lower_.rstrip("s"))}  # "Franklin Lakes"
    if words & (lexicon().place_nouns | lexicon().kinds.keys() | CLUB_WORDS):
        return False
    text = " ".join(t.text for t in tokens)
    first, last = tokens[0].lower_, tokens[-1].lower_
    return (
        first in census_names("first")
        and first not in WORDS_AS_NAMES
        and last in census_names("last")
        and not gazetteer().is_well_known_place(text)
    )


# Last words that make a name an event or a newspaper, whatever NER said: "Davis Cup", "French Open",
# "Grand Slams", "Northern Echo". One word alone ("Cup", "Times") is left to NER.
EVENT_WORDS = {"cup", "championship", "championships", "olympics", "games", "open", "prix", "trophy",
               "tournament", "slam", "slams", "marathon", "festival", "awards", "classic"}
COMPANY_TOO = {"games", "open", "classic", "festival"}  # also the last word of companies and brands
NEWSPAPER_WORDS = {"echo", "gazette", "herald", "telegraph", "tribune", "chronicle", "times", "post", "journal",
                   "mirror", "observer", "independent", "express", "standard", "guardian", "courier", "mail"}


def class_from_name(tokens: list[Token]) -> str | None:
    """The class a name's own words give it: "Operation Firewall" and "Hopman Cup" are events,
    "Northern Echo" a newspaper."""
    if len(tokens) < 2 or not all(t.is_title or t.is_upper or t.like_num for t in tokens):
        return None
    first, last = tokens[0].lower_, tokens[-1].lower_
    if looks_like_a_person(tokens):
        return None  # "Jim Courier", "Emily Post"
    if last in CLUB_WORDS:
        return "Organization"  # "Manchester United", "Leeds Rovers": a club
    doc = tokens[0].doc
    after_the = tokens[0].i > 0 and doc[tokens[0].i - 1].lower_ == "the"
    if first == "operation" or (last in EVENT_WORDS and (after_the or last not in COMPANY_TOO)):
        return "Event"  # "the Commonwealth Games", but "Rockstar Games" is a company
    if last in NEWSPAPER_WORDS:
        return "Organization"
    return None
