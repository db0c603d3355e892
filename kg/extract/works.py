"""Who made what: "Sony's PSP console", "Radio 4's Today programme", "the Nintendo DS". A named work or
product owned, in the text's grammar, by a named body is theirs: kg:makerOf (made, published, run);
so is one that names the kind of thing the body owns ("Sony's new PlayStation Portable games console"). A
person's is not read so: "Johnny Depp's Finding Neverland" is a film he acts in. Only named things on
both sides: "Sony's profits" say nothing a reader can look up."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.mentions import MentionIndex
from kg.types import Mention, Provenance, RawClaim

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
        thing = made_thing(token, mentions)
        if thing is None or thing.start < maker.end:
            continue
        if (maker.start, thing.start) in seen:
            continue
        seen.add((maker.start, thing.start))
        provenance = Provenance(doc_id, maker.sentence, maker.start, max(maker.end, thing.end), EXTRACTOR)
        claims.append(RawClaim(maker, "kg:makerOf", thing, provenance, 0.7))
    return claims


def made_thing(owner: Token, mentions: MentionIndex) -> Mention | None:
    """The named work or product ``owner`` owns: the noun it modifies, or a name inside that noun's own
    modifiers when the noun is a common one ("Sony's new PlayStation Portable (PSP) games console")."""
    head = owner.head
    thing = mentions.for_token(head)
    if thing is not None and thing.cls in MADE_THINGS and not thing.local:
        return thing
    if head.pos_ != "NOUN" or not head.is_lower or mentions.named_at(head) is not None:
        return None
    for modifier in head.lefts:  # between the owner and the noun only: the owner's own words are not it
        if modifier.i > owner.i and modifier.dep_ in ("compound", "nmod"):
            named = mentions.named_at(modifier) or next(
                (mentions.named_at(t) for t in modifier.subtree if mentions.named_at(t) is not None), None
            )
            if named is not None and named.cls in MADE_THINGS and not named.local:
                return named
    return None
