"""Extractors: pure functions from a parsed document to mentions, claims and quotes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from kg.extract.dates import time_mentions
from kg.extract.ended_ties import with_ended_ties
from kg.extract.mentions import MentionIndex
from kg.extract.nominal import nominal_claims
from kg.extract.offices import national_offices
from kg.extract.precision import calibrated
from kg.extract.quotes import QuoteSpan, quote_claims
from kg.extract.relations import relation_claims
from kg.extract.roles import role_claims
from kg.extract.rosters import is_roster
from kg.extract.works import maker_claims
from kg.types import Document, DocumentExtraction, Factuality, Literal, RawClaim, RawQuote, Sentence

__all__ = ["extract", "DocumentExtraction"]


def attribute_quoted_claims(claims: list[RawClaim], quotes: list[RawQuote], marks: list[QuoteSpan]) -> list[RawClaim]:
    """A claim made inside quotation marks is the speaker's, not the article's; when kg found no
    speaker for the quotation, it is still someone's words (reported, speaker unknown)."""
    result = []
    for claim in claims:
        quote = next((q for q in quotes if q.start <= claim.provenance.start < q.end), None)
        if quote is not None and not quote.direct and quote.speaker is not None and quote.speaker.local:
            quote = None  # "according to people involved": unnamed sources leave it the article's report
        if quote is not None and claim.factuality == Factuality.ASSERTED:
            claim = replace(claim, factuality=Factuality.REPORTED, speaker=quote.speaker, cue=quote.cue)
        elif claim.factuality == Factuality.ASSERTED and any(
            m.start <= claim.provenance.start and claim.provenance.end <= m.end for m in marks
        ):
            claim = replace(claim, factuality=Factuality.REPORTED)
        result.append(claim)
    return result


def without_repeats(claims: list[RawClaim]) -> list[RawClaim]:
    """One claim per fact and sentence: when two extractors find the same one, keep the surer."""
    best: dict[tuple, RawClaim] = {}
    for claim in claims:
        obj = claim.object if isinstance(claim.object, Literal) else (claim.object.start, claim.object.end)
        key = (
            claim.subject.start,
            claim.subject.end,
            claim.predicate,
            obj,
            claim.provenance.sentence,
            claim.factuality,
        )
        if key not in best or claim.confidence > best[key].confidence:
            best[key] = claim
    return list(best.values())


def without_shorter_titles(claims: list[RawClaim]) -> list[RawClaim]:
    """One job title per person and sentence when two extractors read the same words: "former Vodafone
    boss" stays, "former boss" goes (its words are the longer one's, in order)."""
    titles: dict[tuple, list[list[str]]] = {}
    for c in claims:
        if c.predicate == "kg:jobTitle" and isinstance(c.object, Literal):
            titles.setdefault((c.subject.start, c.provenance.sentence), []).append(c.object.value.lower().split())

    def within(short: list[str], long: list[str]) -> bool:
        rest = iter(long)
        return len(short) < len(long) and all(word in rest for word in short)

    def shorter(c: RawClaim) -> bool:
        if c.predicate != "kg:jobTitle" or not isinstance(c.object, Literal):
            return False
        own = c.object.value.lower().split()
        return any(within(own, other) for other in titles[(c.subject.start, c.provenance.sentence)])

    return [c for c in claims if not shorter(c)]


def trimmed_sentence(index: int, start: int, text: str) -> Sentence:
    """Drop surrounding whitespace while keeping the offsets exact."""
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return Sentence(index, start + lead, start + lead + len(body), body)


def extract(doc: Doc, document: Document) -> DocumentExtraction:
    """Run every extractor over one parsed document; results are in text order."""
    mentions = MentionIndex(doc)
    sentences = tuple(trimmed_sentence(i, doc[a].idx, doc[a:b].text) for i, (a, b) in enumerate(mentions.units))
    quotes = quote_claims(doc, mentions, document.id)
    claims = (
        relation_claims(doc, mentions, document.id)
        + role_claims(doc, mentions, document.id)
        + nominal_claims(doc, mentions, document.id)
        + maker_claims(doc, mentions, document.id)
    )
    claims += national_offices(claims, mentions, document.id)
    rosters = {i for i, (a, b) in enumerate(mentions.units) if is_roster(doc[a:b])}  # line-ups: no claims
    claims = [c for c in claims if c.provenance.sentence not in rosters]
    claims = attribute_quoted_claims(with_ended_ties(doc, mentions, claims), quotes, mentions.quotations)
    claims = without_shorter_titles(without_repeats([calibrated(c) for c in claims]))
    claims.sort(key=lambda c: (c.provenance.start, c.provenance.end, c.predicate))
    times = time_mentions(doc, publication_date(document), mentions.sentence_of)
    return DocumentExtraction(document, sentences, tuple(mentions.named), tuple(claims), tuple(quotes), tuple(times))


def publication_date(document: Document) -> date | None:
    try:
        return date.fromisoformat(document.published) if document.published else None
    except ValueError:
        return None
