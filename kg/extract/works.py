"""Who made what: "Sony's PSP console", "Radio 4's Today programme", "the Nintendo DS". A named work or
product owned, in the text's grammar, by a named body is theirs: kg:makerOf (made, published, run). A
person's is not read so: "Johnny Depp's Finding Neverland" is a film he acts in. Only named things on
both sides: "Sony's profits" say nothing a reader can look up."""

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
        if maker is None or maker.cls != "Organization":
            continue  # a person's film may be the one they act in ("Johnny Depp's Finding Neverland")
        thing = mentions.for_token(token.head)
        if thing is None or thing.cls not in MADE_THINGS or thing.local or thing.start < maker.end:
            continue
        if (maker.start, thing.start) in seen:
            continue
        seen.add((maker.start, thing.start))
        provenance = Provenance(doc_id, maker.sentence, maker.start, max(maker.end, thing.end), EXTRACTOR)
        claims.append(RawClaim(maker, "kg:makerOf", thing, provenance, 0.7))
    return claims
