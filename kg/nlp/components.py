"""kg's own spaCy components, registered under versioned names.

News text comes as paragraphs. A paragraph break always ends a sentence, and no entity may cross
one; the small English model gets both wrong on captions and headlines without help.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans


@Language.component("kg_paragraph_breaks_v1")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after any whitespace token that contains a line break (runs before the parser)."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


# Nouns for a person of a nation, which NER often takes into the name after them ("Spaniard Carlos Moya").
NATIONALITY_NOUNS = frozenset({
    "frenchman", "frenchwoman", "englishman", "englishwoman", "scotsman", "scotswoman", "welshman", "welshwoman",
    "irishman", "irishwoman", "dutchman", "dutchwoman", "briton", "spaniard", "swede", "dane", "finn", "pole",
    "scot", "turk", "kiwi", "aussie", "argentine", "brazilian", "american", "australian", "russian", "german",
    "italian", "swiss", "belgian", "croatian", "serbian", "czech", "slovak", "austrian", "canadian", "chilean",
})  # fmt: skip


def without_nationality(doc: Doc, start: int, end: int, label: str) -> int:
    """Where a person's name starts once a nationality noun before it is left out: "Briton Tim Henman"."""
    if label == "PERSON" and end - start >= 3 and doc[start].lower_ in NATIONALITY_NOUNS:
        if all(t.is_title for t in doc[start + 1 : end]):
            return start + 1
    return start


@Language.component("kg_entity_trim_v1")
def entity_trim(doc: Doc) -> Doc:
    """Split entities at line breaks (keeping every piece) and trim punctuation and spaces at their edges,
    and a nationality noun at the start of a person's name ("Spaniard Carlos Moya" is Carlos Moya)."""
    spans = []
    for ent in doc.ents:
        pieces, start = [], ent.start
        for token in ent:
            if "\n" in token.text:
                pieces.append((start, token.i))
                start = token.i + 1
            elif "\n" in token.whitespace_:
                pieces.append((start, token.i + 1))
                start = token.i + 1
        pieces.append((start, ent.end))
        for start, end in pieces:
            while start < end and (doc[start].is_space or doc[start].is_punct):
                start += 1
            while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
                end -= 1
            start = without_nationality(doc, start, end, ent.label_)
            if end > start:
                spans.append(Span(doc, start, end, label=ent.label))
    doc.ents = filter_spans(spans)
    return doc


# A company's legal form: "Keen Corp. of New York" is a company based there, not a longer name.
COMPANY_SUFFIXES = frozenset({"inc", "corp", "corporation", "ltd", "llc", "plc", "holdings", "industries", "partners"})


@Language.component("kg_of_place_names_v1")
def of_place_names(doc: Doc) -> Doc:
    """'Royal Bank' + 'of' + 'Scotland' as one organisation: the model ends the name before "of" and the
    place it holds then stands for the body ("Royal Bank of Scotland chief executive" is no leader of
    Scotland). Only a body named by a kind of organisation ("bank", "university", "council") and a
    place right after "of" that the parser hangs on it."""
    from kg.extract.lexicon import lexicon

    kinds = lexicon().kinds
    ents, merged = list(doc.ents), False
    for i in range(len(ents) - 1):
        body, place = ents[i], ents[i + 1]
        of = doc[body.end] if body is not None and body.end < len(doc) else None
        if (
            of is not None
            and body.label_ == "ORG"
            and place.label_ in ("GPE", "LOC")
            and of.lower_ == "of"
            and place.start == body.end + 1
            and of.head.i == body.end - 1
            and body[-1].is_title
            and kinds.get(body[-1].lower_) == "Organization"
            and body[-1].lower_ not in COMPANY_SUFFIXES
        ):
            ents[i], ents[i + 1] = Span(doc, body.start, place.end, label="ORG"), None
            merged = True
    if merged:
        doc.ents = [e for e in ents if e is not None]
    return doc


@Language.component("kg_state_abbreviations_v1")
def state_abbreviations(doc: Doc) -> Doc:
    """'Conn.', 'N.Y.', 'CONN.' (or 'Conn' then '.') as places where NER found nothing; never the
    lower-case word ('miss.'). A dictionary lookup per token: much cheaper than a rule matcher."""
    from kg.extract.lexicon import lexicon

    known = lexicon().state_abbreviations  # lower-cased keys with their full stop: "conn.", "n.y."
    taken = {t.i for ent in doc.ents for t in ent}
    found = []
    for token in doc:
        if token.i in taken or not (token.is_title or token.is_upper):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].ent_type_ == "PERSON":
            continue  # "Miss. Jones": an honorific, not Mississippi
        if token.lower_ in known:
            found.append(Span(doc, token.i, token.i + 1, label="GPE"))
        elif token.lower_ + "." in known and token.i + 1 < len(doc) and doc[token.i + 1].text == ".":
            if token.i + 1 not in taken:
                found.append(Span(doc, token.i, token.i + 2, label="GPE"))
    if found:
        doc.ents = [*doc.ents, *filter_spans(found)]
    return doc


@Language.component("kg_country_abbreviations_v1")
def country_abbreviations(doc: Doc) -> Doc:
    """'USA', 'UK', 'UAE' in capitals as places where NER found nothing ("Spain beat the USA 3-2"): the
    country names of ontology/lexicons/aliases.tsv, written in capitals and two letters or more."""
    from kg.extract.lexicon import lexicon

    countries = {name for name, (_, cls) in lexicon().aliases.items() if cls == "Country"}
    taken = {t.i for ent in doc.ents for t in ent}
    def shouted(t: Token) -> bool:  # "TELL US WHAT YOU THINK": a line in capitals, not a country
        near = [doc[i] for i in (t.i - 1, t.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
        return any(n.is_upper and len(n) > 1 for n in near)

    found = [
        Span(doc, t.i, t.i + 1, label="GPE")
        for t in doc
        if t.i not in taken and t.is_upper and len(t.text.strip(".")) >= 2 and t.lower_ in countries and not shouted(t)
    ]
    if found:
        doc.ents = [*doc.ents, *found]
    return doc


# The rule lemmatizer strips "-ed"/"-ing" to the shorter of two real verbs: "hoped" -> "hop", "fined" ->
# "fin". With one consonant before the ending the verb is the one with the "e" ("hopped" stays "hop").
E_VERBS = ("hope", "fine", "axe", "dine", "cope", "rate", "hate", "pine", "scrape", "snipe", "gripe", "site",
           "scare", "spare", "stare", "shame")
LEMMA_FIXES = {form: verb for verb in E_VERBS for form in (verb.rstrip("e") + "ed", verb.rstrip("e") + "ing")}


@Language.component("kg_lemma_fixes_v1")
def lemma_fixes(doc: Doc) -> Doc:
    for token in doc:
        verb = LEMMA_FIXES.get(token.lower_)
        if verb is not None and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = verb
    return doc


@Language.component("kg_and_names_v1")
def and_names(doc: Doc) -> Doc:
    """'the Texas Parks' + 'and' + 'Wildlife Department', 'Entertainment and' + 'Leisure Software Publishers
    Association' as one body: the model ends a name at "and" when the name holds one. Only a name whose
    last word is a kind of body ("department", "association"), and before "and" either a name of two
    or more title-case words that is not a whole body's name itself, or title-case words no entity
    holds ("Nato and European Union", "Citizens Bank and Canal Bank" stay two)."""
    from kg.extract.lexicon import lexicon

    kinds = lexicon().kinds
    ents = list(doc.ents)
    ends = {e.end: e for e in ents}
    merged: list[tuple[int, Span, Span | None]] = []  # (where the joined name starts, its body, the part before)
    for body in ents:
        and_ = doc[body.start - 1] if body.start > 0 else None
        if (
            and_ is None
            or and_.lower_ != "and"
            or body.label_ != "ORG"
            or not body[-1].is_title
            or kinds.get(body[-1].lower_) != "Organization"
            or body[-1].lower_ in COMPANY_SUFFIXES
            or not all(t.is_title or t.lower_ in ("of", "for") for t in body)
        ):
            continue
        before = ends.get(and_.i)
        if before is not None:
            words = [t for t in before if t.lower_ != "the"]
            if before.label_ != "ORG" or len(words) < 2 or not all(t.is_title for t in words):
                continue
            if kinds.get(before[-1].lower_) == "Organization":
                continue  # "Citizens Bank and Canal Bank": a whole name before "and" is a body of its own
            start = before.start
        else:
            start = and_.i
            while start > 0 and (word := doc[start - 1]).is_title and not word.ent_type_ and not word.is_sent_start:
                start -= 1
            opened = start == 0 or doc[start - 1].pos_ in ("ADP", "DET", "PUNCT")  # "of Entertainment and"
            if start == and_.i or and_.i - start > 3 or not opened:
                continue
        merged.append((start, body, before))
    if not merged:
        return doc
    joined = {(e.start, e.end) for _, body, before in merged for e in (body, before) if e is not None}
    spans = [e for e in ents if (e.start, e.end) not in joined]
    spans += [Span(doc, start, body.end, label="ORG") for start, body, _ in merged]
    doc.ents = filter_spans(spans)
    return doc


NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT")


def recurring_names(doc: Doc) -> dict[tuple[str, ...], str]:
    """Each capitalised name the model tagged somewhere in the text, with its most frequent label, and
    the surnames of its people ("Read" of "Mike Read")."""
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    surnames: set[tuple[str, ...]] = set()
    for ent in doc.ents:
        words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        if ent.label_ not in NAME_LABELS or not words or not all(t.is_title or t.is_upper or not t.is_alpha for t in words):
            continue
        if not any(t.is_alpha for t in words) or sum(len(t) for t in words) < 3:
            continue
        key = tuple(t.text for t in words)
        votes.setdefault(key, {}).setdefault(ent.label_, 0)
        votes[key][ent.label_] += 1
        if ent.label_ == "PERSON" and len(words) >= 2 and words[-1].is_title and len(words[-1]) >= 3:
            surnames.add((words[-1].text,))
    names = {
        key: max(labels, key=labels.get)
        for key, labels in votes.items()  # one word tagged once may be the model's slip ("Welsh" a person)
        if len(key) > 1 or key[0].isupper() or sum(labels.values()) > 1
    }
    names.update((key, "PERSON") for key in surnames)  # "Mourinho" after "Jose Mourinho" is the man
    return names


@Language.component("kg_repeated_names_v1")
def repeated_names(doc: Doc) -> Doc:
    """A name tagged once is the same name where it recurs untagged (one sense per discourse): the
    small model finds "Plaid Cymru" in one sentence and misses it in the next. Only whole capitalised
    words that no entity holds and that are not part of a longer capitalised run; a single word at
    the start of a sentence only when the tagger also reads it as a proper noun ("Read wrote" is a verb)."""
    from kg.extract.lexicon import lexicon

    names = recurring_names(doc)
    if not names:
        return doc
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(names, key=len, reverse=True):
        by_first.setdefault(key[0], []).append(key)
    found: list[Span] = []
    i = 0
    while i < len(doc):
        for key in by_first.get(doc[i].text, ()):
            end = i + len(key)
            if end > len(doc) or tuple(t.text for t in doc[i:end]) != key or any(t.ent_type_ for t in doc[i:end]):
                continue
            before, after = (doc[i - 1] if i else None), (doc[end] if end < len(doc) else None)
            if after is not None and after.is_title and after.is_alpha:
                continue  # "Manchester" of an untagged "Manchester Airport"
            if before is not None and before.is_title and before.is_alpha and not before.is_sent_start:
                if not lexicon().is_title(before.text):
                    continue  # "Greater Manchester"; but "Mr Read", "Chancellor Brown"
            if len(key) == 1 and doc[i].is_sent_start and doc[i].pos_ != "PROPN":
                continue
            found.append(Span(doc, i, end, label=names[key]))
            i = end - 1
            break
        i += 1
    if found:
        doc.ents = filter_spans(list(doc.ents) + found)
    return doc
