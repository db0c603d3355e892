"""Names that wire copy writes in its own way: datelines in capitals and news-agency bylines.

"BANGKOK, Thailand (AP) --" opens a story with its place in capitals, which the small English model
often leaves untagged; "(AFP)" and "Moscow INTERFAX" name the agency that filed it. Both are added as
entities where NER found nothing, so the dateline extractor can say where the story and agency are.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.lexicon import lexicon
from kg.resolve.places import gazetteer

MAX_DATELINE_TOKENS = 3
BROADCAST_LANGUAGES = {
    "Arabic", "Bulgarian", "Chinese", "English", "French", "German", "Hebrew", "Hindi", "Italian", "Japanese",
    "Korean", "Persian", "Polish", "Portuguese", "Russian", "Serbo-Croatian", "Spanish", "Turkish", "Ukrainian",
}  # fmt: skip
AFTER_DATELINE = {",", "(", "--", "—", "–", "_", "-"}


def agency_names() -> list[str]:
    return list(dict.fromkeys(variant for name in lexicon().agencies for variant in (name, name.upper())))


def dateline_place(doc: Doc, start: int) -> Span | None:
    """An all-capitals place name opening a sentence and followed by a dateline separator."""
    end = start
    while end < len(doc) and end - start < MAX_DATELINE_TOKENS and doc[end].is_alpha and doc[end].is_upper:
        end += 1
    if end == start or end >= len(doc) or doc[end].text not in AFTER_DATELINE:
        return None
    span = doc[start:end]
    if len(span.text) < 3 or gazetteer().lookup(span.text) is None:
        return None
    return Span(doc, start, end, label="GPE")


def split_place_source(ent: Span, agencies: list[Span]) -> list[Span]:
    """'Paris AFP' or, in a monitoring service's source line, 'Havana Radio Reloj Network in Spanish',
    tagged as one organisation, is a dateline place and the source."""
    doc = ent.doc
    agency = next((a for a in agencies if a.end == ent.end and ent.start < a.start), None)
    if agency is not None:
        cut = agency.start
    elif ent.label_ == "ORG" and doc[ent.end : ent.end + 2].text.startswith("in ") and is_language(doc, ent.end + 1):
        cut = next((i for i in range(ent.end - 1, ent.start, -1) if gazetteer().lookup(doc[ent.start : i].text)), None)
    else:
        cut = None
    if cut is None or gazetteer().lookup(doc[ent.start : cut].text) is None:
        return [ent]
    return [Span(doc, ent.start, cut, label="GPE"), Span(doc, cut, ent.end, label="ORG")]


def is_language(doc: Doc, i: int) -> bool:
    """'in Spanish' after a source's name; the small model often tags the language as a date or group."""
    return i < len(doc) and (doc[i].ent_type_ == "LANGUAGE" or doc[i].text in BROADCAST_LANGUAGES)


@Language.factory("kg_wire_names_v1")
def wire_names(nlp: Language, name: str):
    matcher = PhraseMatcher(nlp.vocab)  # case-sensitive on purpose
    matcher.add("ORG", list(nlp.tokenizer.pipe(agency_names())))

    def annotate(doc: Doc) -> Doc:
        found = [Span(doc, start, end, label="ORG") for _, start, end in matcher(doc)]
        for sent in doc.sents:
            first = next((t for t in sent if not t.is_space), None)
            if first is not None and (place := dateline_place(doc, first.i)) is not None:
                found.append(place)
        entities = [split_place_source(ent, found) for ent in doc.ents]
        entities = [span for pieces in entities for span in pieces]
        taken = {t.i for ent in entities for t in ent}
        new = [span for span in filter_spans(found) if not any(t.i in taken for t in span)]
        doc.ents = [*entities, *new]
        return doc

    return annotate
