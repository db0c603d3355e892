"""National offices whose country the title leaves out.

"Finance Minister Antonio Palocci" in a story about Brazil is Brazil's finance minister; "Foreign
Affairs Minister Chrystia Freeland ... the refugees are now residing in Canadian cities" is Canada's.
A reader supplies the country; kg takes it from the sentence (exactly one country named there, or
implied by a nationality word) or else from the article (one country named at least three times and
twice as often as any other). It is an inference, not what the text states, so it has an extractor of
its own and its confidence is measured apart from stated ties.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from kg.extract.mentions import MentionIndex
from kg.resolve.places import Place, country_named
from kg.types import Literal, Mention, Provenance, RawClaim

EXTRACTOR = "kg.offices.v1"
OFFICES = {"minister": "kg:ministerOf", "secretary": "kg:ministerOf", "president": "kg:presidentOf",
           "prime minister": "kg:leaderOf", "premier": "kg:leaderOf", "chancellor": "kg:leaderOf"}  # fmt: skip
# Words that make a title something other than the office itself (or an office of something else).
NOT_THE_OFFICE = {"former", "ex", "ex-", "shadow", "deputy", "vice", "acting", "junior", "assistant", "under",
                  "party", "club", "company", "general", "executive"}  # fmt: skip
# A tie the text states already says where the office is held.
STATED_TIES = {"kg:ministerOf", "kg:leaderOf", "kg:presidentOf", "kg:worksFor", "kg:directorOf",
               "kg:spokespersonFor", "kg:affiliatedWith"}  # fmt: skip
MIN_ARTICLE_MENTIONS = 3
LEDE_SENTENCES = 3  # the headline and the first two sentences
OWNER_PRONOUNS = ("its ", "their ", "his ", "her ")  # "its president Angel Maria Villar": some body's


def office_of(title: str) -> str | None:
    words = title.lower().replace("-", " ").split()
    if not words or NOT_THE_OFFICE & set(words):
        return None
    if words[-2:] == ["prime", "minister"]:
        return "prime minister"
    return words[-1] if words[-1] in OFFICES else None


def countries(mentions: MentionIndex) -> list[tuple[Mention, Place, bool]]:
    """Every mention of a country in the article, by name or by nationality, and whether it says whose
    something is ('Canadian cities', "Brazil's first working-class president") rather than where."""
    found = []
    text = mentions.doc.text
    for mention in mentions.named:
        if mention.cls in ("Country", "Group") and (country := country_named(mention.text)) is not None:
            whose = mention.cls == "Group" or text[mention.end : mention.end + 2] in ("'s", "’s")
            found.append((mention, country, whose))
    return found


def the_country(sentence: int, named: list[tuple[Mention, Place, bool]]) -> tuple[Mention | None, Place] | None:
    """The country of the sentence, else of the article; None when neither is clear. In the sentence
    only a nationality or an owner counts: "Bush told the summit in Chile" is where he spoke."""
    if any(m.sentence == sentence and not whose for m, _, whose in named):
        return None
    here = {place.geonameid: (m, place) for m, place, _ in named if m.sentence == sentence}
    if len(here) == 1:
        mention, place = next(iter(here.values()))
        return (mention if mention.cls == "Country" else None), place
    if here:
        return None  # two countries in the sentence: the office may be either's
    counts = Counter(place.geonameid for _, place, _ in named)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_ARTICLE_MENTIONS or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    if not any(place.geonameid == ranked[0][0] and m.sentence < LEDE_SENTENCES for m, place, _ in named):
        return None  # the story is about the country its opening names, not one it comes to later
    return None, next(place for _, place, _ in named if place.geonameid == ranked[0][0])


def national_offices(claims: Iterable[RawClaim], mentions: MentionIndex, doc_id: str) -> list[RawClaim]:
    claims = list(claims)
    tied = {c.subject.text for c in claims if c.predicate in STATED_TIES}
    named = countries(mentions)
    found: list[RawClaim] = []
    for claim in claims:
        if claim.predicate != "kg:jobTitle" or not isinstance(claim.object, Literal) or claim.subject.cls != "Person":
            continue
        office = office_of(claim.object.value)
        if office is None or claim.subject.text in tied:
            continue
        if mentions.doc.text[max(0, claim.provenance.start - 6) : claim.provenance.start].lower().endswith(OWNER_PRONOUNS):
            continue
        chosen = the_country(claim.provenance.sentence, named)
        if chosen is None:
            continue
        mention, place = chosen
        prop = "kg:ministerOf" if office == "chancellor" and place.country == "GB" else OFFICES[office]
        start, end = claim.provenance.start, claim.provenance.end
        target = mention or Mention(place.name, start, end, "Country", claim.provenance.sentence, ner="GPE")
        provenance = Provenance(doc_id, claim.provenance.sentence, start, end, EXTRACTOR)
        found.append(RawClaim(claim.subject, prop, target, provenance, 0.5, claim.factuality))
        tied.add(claim.subject.text)
    return found
