"""Who made what: "Sony's PSP console", "Apple's iTunes service", "Mike Leigh's Vera Drake", "the
Nintendo DS". A named work or product owned, in the text's grammar, by a named body or person is
theirs: kg:makerOf (made, published, directed, run). Only named things on both sides: "Sony's
profits" or "Leigh's film" say nothing a reader can look up."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.mentions import MentionIndex
from kg.types import Provenance, RawClaim

EXTRACTOR = "kg.works.v1"
MADE_THINGS = ("Work", "Product")


def maker_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    claims, seen = [], set()
    for token in doc:
        if token.dep_ not in ("poss", "compound") or token.head.i <= token.i:
            continue
        maker = mentions.named_at(token)
        if maker is None or maker.cls not in ("Organization", "Person"):
            continue
        if token.dep_ == "compound" and maker.cls != "Organization":
            continue  # "Leigh film" is not English; "Sony PSP" is
        thing = mentions.for_token(token.head)
        if thing is None or thing.cls not in MADE_THINGS or thing.local or thing.start < maker.end:
            continue
        if (maker.start, thing.start) in seen:
            continue
        seen.add((maker.start, thing.start))
        if maker.cls == "Person" and thing.cls != "Work":
            continue  # a person's console is owned, not made
        provenance = Provenance(doc_id, maker.sentence, maker.start, max(maker.end, thing.end), EXTRACTOR)
        claims.append(RawClaim(maker, "kg:makerOf", thing, provenance, 0.7))
    return claims
