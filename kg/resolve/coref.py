"""In-document resolution.

- A surname or first name alone ("Kalinin") is the person named in full elsewhere in the article
  ("Kirill Kalinin"), whatever label NER gave the short form; one that fits two people of the story
  ("Robinson": Andy and Jason) is neither.
- "he"/"she" as a claim argument or speaker is the nearest person named before it, or the person an
  earlier subject "he" stood for when no named subject is nearer (a chain of two-sentence links).
- "the North American country" is the nearest country named before it whose continent fits.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from kg.extract.lexicon import PEERS, first_name_gender, lexicon
from kg.resolve.argument_kinds import of_the_right_kind
from kg.resolve.places import CONTINENT_ADJECTIVES, REGION_HEADS, country_for_demonym, gazetteer, region_country
from kg.types import Claim, DocumentExtraction, Entity, Extraction, Literal, Mention, Quote

CLASS_PRIORITY = ["Person", "Country", "City", "Organization", "Place", "Group", "Event", "Work", "Product", "Concept"]
# Person nouns that in a story name someone else than the person just named: the judge who jails them,
# the killer of the victim, the lawyer, the police officer who speaks about them.
OTHER_PARTIES = {"judge", "killer", "assassin", "gunman", "victim", "suspect", "lawyer", "prosecutor",
                 "witness", "doctor", "officer", "official", "spokesman", "spokeswoman", "spokesperson",
                 "police", "attacker", "murderer", "defendant", "coroner", "magistrate", "detective"}
GENERIC_ORGANISATIONS = {
    "company",
    "firm",
    "group",
    "corporation",
    "giant",
    "business",
    "retailer",
    "carrier",
    "bank",
    "insurer",
    "manufacturer",
    "maker",
    "airline",
    "broadcaster",
    "newspaper",
    "club",
    "party",
    "charity",
    "organisation",
    "organization",
    "institute",
    "watchdog",
    "regulator",
    "network",
    "studio",
    "label",
    "publisher",
    "operator",
    "chain",
}
SALIENCE_HALF_LIFE = 10  # sentences: recency only breaks near-ties
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f"}
DESCRIPTION_HEADS = {"country": "Country", "nation": "Country", "city": "City"}


@lru_cache(maxsize=65_536)  # called for every mention pair in a document: the same few names
def normalise_name(text: str) -> str:
    """Case, accents, spacing and separating punctuation go ('José' and 'Jose' are one name, as
    outlets spell it either way); '+' and '#' stay, as they tell names apart ('C++' is not 'C')."""
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s'&.+#-]", " ", text)).strip()


def name_head(name: str) -> str:
    """The head word of a name: 'Interior Ministry of Freedonia' -> 'ministry'."""
    words = normalise_name(name).split()
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


# Words a story uses for the same person's role once it has named him: "reporter Oliver Finegold ...
# the journalist", "striker Craig Bellamy ... the player".
SAME_ROLE = (
    {"reporter", "journalist", "correspondent", "writer", "columnist"},
    {"striker", "midfielder", "defender", "winger", "goalkeeper", "forward", "player", "footballer"},
    {"manager", "boss", "coach"},
    {"actor", "actress", "star"},
    {"singer", "star", "musician"},
    {"chairman", "chief", "boss"},
    {"minister", "secretary"},
)


def defined_abbreviations(text: str, named: list[Mention]) -> list[tuple[Mention, Mention]]:
    """'General Motors (GM)', 'the Office for National Statistics (ONS)': the article defines a short
    name in brackets right after the full one; the letters must be the full name's initials, in order
    (or, three or more, all of them initials in another order: an acronym of the name in French)."""
    found = []
    for full, short in zip(named, named[1:]):
        if text[full.end : short.start].strip() != "(" or not text[short.end : short.end + 1] == ")":
            continue
        letters = [c for c in short.text if c.isalpha()]
        initials = [w[0] for w in full.text.split() if w[0].isupper()]
        in_order = is_subsequence(letters, initials)
        reordered = len(letters) >= 3 and set(letters) <= set(initials)  # "... Administrations (CEPT)", French order
        if short.text.replace(".", "").isupper() and 2 <= len(letters) <= 6 and (in_order or reordered):
            found.append((full, short))
    return found


def lone_name_word(short: Mention) -> str | None:
    """The one word a short name is known by ("Parks" of "Mrs. Parks", "Kalinin"); None for longer names
    and for peers, who are known by their title ("Lord Roberts" is no other Roberts of the story)."""
    words = normalise_name(short.text).split()
    if not words or words[0] in PEERS:
        return None
    if len(words) == 2 and words[0].rstrip(".") in lexicon().titles:
        words = words[1:]
    return words[0] if len(words) == 1 else None


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one person: one ends the other ("Jennifer Lopez", "singer Jennifer Lopez"), they
    share the first and last word ("George Bush", "George W. Bush") or differ by an initial ("J Robinson")."""
    short, long = sorted((a, b), key=len)
    if long[len(long) - len(short) :] == short:
        return True
    if a[-1] != b[-1]:
        return False
    return a[0] == b[0] or (a[0][0] == b[0][0] and min(len(a[0].rstrip(".")), len(b[0].rstrip("."))) == 1)


def is_subsequence(letters: list[str], initials: list[str]) -> bool:
    remaining = iter(initials)
    return letters[0] == initials[0] and all(letter in remaining for letter in letters)


def entity_key(mention: Mention, cls: str, doc_id: str) -> str:
    key = f"{cls}:{normalise_name(mention.label)}"
    return f"{doc_id}:{key}" if mention.local else key


class DocumentResolver:
    def __init__(self, extraction: DocumentExtraction) -> None:
        self.doc_id = extraction.document.id
        self.text = extraction.document.text
        self.named = sorted(extraction.mentions, key=lambda m: m.start)
        self._name_keys: dict[str, str] = {}
        self._classes_of_named: dict[Mention, str] = {}
        titles = lexicon().titles
        people = [
            m
            for m in self.named
            if m.cls == "Person" and len(m.text.split()) > 1 and m.text.split()[0].lower().rstrip(".") not in titles
        ]  # "Mr Bolz" is no full name
        # canonical mention for each name string: full names stand for their parts
        self.canonical: dict[str, Mention] = {}
        for mention in self.named:
            self.canonical.setdefault(normalise_name(mention.text), mention)
        organisations = [m for m in self.named if m.cls == "Organization" and len(m.text.split()) > 1]
        self.ambiguous: set[str] = set()  # "Robinson" in a story of Andy Robinson and Jason Robinson
        self._people_names = sorted({tuple(normalise_name(p.text).split()) for p in people})
        for mention in self.named:
            if len(mention.text.split()) <= 2 and mention.cls in ("Person", "Organization"):
                if self._names_two_people(mention, people):
                    self.ambiguous.add(normalise_name(mention.text))
                    continue
                full = self._full_name(mention, people)
                if full is None and mention.cls == "Organization":
                    full = self._full_organisation(mention, organisations)
                if full is not None:
                    self.canonical[normalise_name(mention.text)] = full
        for full, short in defined_abbreviations(extraction.document.text, self.named):
            self.canonical[normalise_name(short.text)] = self.canonical.get(normalise_name(full.text), full)
        # "the Chechen president" can stand for a person the article titled "president"
        self.title_words: dict[str, set[str]] = {}
        for claim in extraction.claims:
            if claim.predicate == "kg:jobTitle" and isinstance(claim.object, Literal):
                words = normalise_name(claim.object.value).split()
                if words:
                    titles = self.title_words.setdefault(self._name_key(claim.subject), set())
                    titles.add(words[-1])
                    titles.update(next((group for group in SAME_ROLE if words[-1] in group), ()))
        self.classes: dict[str, Counter] = {}
        for mention in self.named:
            target = self.canonical.get(normalise_name(mention.text), mention)
            cls = "Person" if target.cls == "Person" else mention.cls  # "Kalinin" tagged ORG is still him
            self.classes.setdefault(self._name_key(mention), Counter())[cls] += 3 if mention.described else 1
        self._classes_of_named = {m: self._vote(m) for m in self.named}  # antecedent scans ask often
        self._antecedents: dict[Mention, Mention | None] = {}
        # "talks with Tony Blair ... The talks ended": the bare description is the one said in full before
        self.qualified: dict[tuple[str, str], list[Mention]] = {}
        for claim in extraction.claims:
            for argument in (claim.subject, claim.object):
                if isinstance(argument, Mention) and argument.local and argument.qualifier:
                    self.qualified.setdefault((argument.cls, normalise_name(argument.text)), []).append(argument)
        self._surnames: set[str] | None = None
        self._genders: dict[str, str | None] = {}
        # "he"/"she" as subjects, in text order: "Melcher ... He produced X for Y. He joined Z" continues him
        self.pronoun_subjects = sorted(
            {
                m
                for m in [*(a for c in extraction.claims for a in (c.subject, c.object, c.speaker)), *(q.speaker for q in extraction.quotes)]
                if isinstance(m, Mention) and m.pronoun and m.subject and m.text.lower() in PRONOUN_GENDER
            },
            key=lambda m: m.start,
        )
        self._pronouns_resolved = 0  # pronoun_subjects[:n] have their antecedents
        self._subjects_by_gender: dict[str, tuple[list[int], list[Mention]]] = {}
        for subject in self.pronoun_subjects:
            sentences, subjects = self._subjects_by_gender.setdefault(PRONOUN_GENDER[subject.text.lower()], ([], []))
            sentences.append(subject.sentence)
            subjects.append(subject)

    def _full_name(self, short: Mention, people: list[Mention]) -> Mention | None:
        word = lone_name_word(short)
        if word is None:
            return None
        matches = [p for p in people if word in (normalise_name(p.text).split()[-1], normalise_name(p.text).split()[0])]
        before = [p for p in matches if p.start < short.start]
        return (before[-1] if before else matches[0]) if matches else None

    def _names_two_people(self, short: Mention, people: list[Mention]) -> bool:
        """Whether a lone surname or given name fits two different full names of the story."""
        word = lone_name_word(short)
        if word is None or (short.cls == "Organization" and short.described):
            return False  # "Ford Motor" is not Bill or Henry
        fits = [f for f in self._people_names if word in (f[0], f[-1])]
        return any(not same_person(a, b) for i, a in enumerate(fits) for b in fits[i + 1 :])

    def _full_organisation(self, short: Mention, organisations: list[Mention]) -> Mention | None:
        """'the Railroad' after 'Rainbow Railroad', 'FSS' after 'Federal Security Service': the one
        earlier organisation it is the last word or the initials of."""
        from kg.resolve.corpus import initials

        words = normalise_name(short.text).split()
        if len(words) != 1:
            return None
        found = {
            normalise_name(m.text): m
            for m in organisations
            if m.start < short.start
            and (normalise_name(m.text).split()[-1] == words[0] or initials(normalise_name(m.text)) == words[0])
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _name_key(self, mention: Mention) -> str:
        key = self._name_keys.get(mention.text)
        if key is None:
            key = self._name_keys[mention.text] = normalise_name(
                self.canonical.get(normalise_name(mention.text), mention).text
            )
        return key

    def antecedent(self, mention: Mention) -> Mention | None:
        """The named mention a pronoun or a definite description stands for (looked for once per mention:
        resolve_document asks for a mention's key, form and canonical name)."""
        if mention not in self._antecedents:
            self._antecedents[mention] = self._find_antecedent(mention)
        return self._antecedents[mention]

    def _find_antecedent(self, mention: Mention) -> Mention | None:
        if mention.pronoun:
            return self.pronoun_antecedent(mention)
        words = normalise_name(mention.text).split()
        if not mention.ner and words and len(words) <= 2 and self.definite(mention):  # "the agency" -> the EPA
            named_head = next(
                (
                    m
                    for m in reversed(self.named)
                    if m.start < mention.start
                    and self.cls_of(m) == "Organization"
                    and len(m.text.split()) > 1
                    and name_head(m.text) == words[-1]
                ),
                None,
            )
            if named_head is None and words[-1] in GENERIC_ORGANISATIONS:
                named_head = self.salient_organisation(mention)
            if named_head is not None:
                return named_head
        if not mention.ner and words and not mention.pronoun and self.definite(mention):  # not "at left-back"
            titled = next(
                (
                    m
                    for m in reversed(self.named)
                    if m.start < mention.start
                    and self.cls_of(m) == "Person"
                    and words[-1] in self.title_words.get(self._name_key(m), ())
                ),
                None,
            )
            if titled is not None:
                return titled
            described = self.described_person(mention, words)
            if described is not None:
                return described
        if mention.ner or not words:
            return None
        if words[-1] in REGION_HEADS:
            return self.region_described(mention, words)
        wanted = DESCRIPTION_HEADS.get(words[-1])
        if wanted is None:
            return None
        modifiers = " ".join(words[:-1])
        continent = next((code for adj, code in CONTINENT_ADJECTIVES.items() if adj in modifiers), None)
        for candidate in reversed(self.named):
            if candidate.start >= mention.start or self.cls_of(candidate) != wanted:
                continue
            place = gazetteer().lookup(candidate.text)
            if continent is None or (place is not None and place.continent == continent):
                return candidate
        return None

    def region_described(self, mention: Mention, words: list[str]) -> Mention | None:
        """'the Russian republic' after 'Chechnya': the last place named before it in its sentence, when that
        is no country and, where the gazetteer knows it, lies in the country the nationality word names
        (a sentence earlier is too far: "... in San Sebastian. The Irish province" is Munster)."""
        country = region_country(mention.text)
        if country is None or not self.definite(mention):
            return None
        for candidate in reversed(self.named):
            if candidate.start >= mention.start or candidate.sentence != mention.sentence:
                continue
            if self.cls_of(candidate) in ("Place", "City"):
                place = gazetteer().lookup(candidate.text)
                return candidate if place is None or place.country == country.country else None
        return None

    def salient_organisation(self, mention: Mention) -> Mention | None:
        """"the firm", "the club": the organisation the story is about so far, i.e. the one named most
        often and most lately before it, a mention as a subject counting twice (the last named on a tie).
        "Babayaro left the club to join Newcastle" in a Chelsea story is Chelsea, not Barcelona named a
        sentence earlier."""
        if self._surnames is None:  # the last word of a longer name that is not an organisation's ("Rio Ferdinand")
            self._surnames = {
                m.text.split()[-1] for m in self.named if self.cls_of(m) != "Organization" and len(m.text.split()) > 1
            }
        surnames = self._surnames
        before = [
            m
            for m in self.named
            if m.start < mention.start and self.cls_of(m) == "Organization" and m.text not in surnames
        ]  # "said Ferdinand" tagged an organisation after "Rio Ferdinand" is the man, not a club
        if not before:
            return None
        kind = normalise_name(mention.text).split()[-1]
        introduced = [m for m in before if self.text[max(0, m.start - 30) : m.start].lower().endswith(f"{kind} ")]
        if introduced:  # "the Japanese firm Sony ... The firm said": the one the text itself called that
            return introduced[-1]
        weight: Counter[str] = Counter()
        for m in before:  # a subject counts twice; a mention's weight halves every SALIENCE_HALF_LIFE sentences back
            decay = 0.5 ** ((mention.sentence - m.sentence) / SALIENCE_HALF_LIFE)
            weight[self._name_key(m)] += (2 if m.subject else 1) * decay
        return max(reversed(before), key=lambda m: weight[self._name_key(m)])

    def definite(self, mention: Mention) -> bool:
        """'the firm', 'the American billionaire': a description of one thing named before ('a party' is not)."""
        return self.text[max(0, mention.start - 4) : mention.start].lower() == "the "

    def described_person(self, mention: Mention, words: list[str]) -> Mention | None:
        """'the American billionaire', 'the striker': a definite description of one person stands for the
        person named last, in its sentence or the one before (the article introduced them by name)."""
        if not self.definite(mention) or len(words) > 4 or words[-1] not in lexicon().person_nouns:
            return None
        if words[-1] in OTHER_PARTIES:
            return None  # "Smith was jailed. The judge said ...": the judge is someone else
        for m in reversed(self.named):
            if mention.sentence - m.sentence > 1:
                break  # self.named is in text order: nothing nearer is left
            if m.end <= mention.start and self.cls_of(m) == "Person":
                return m
        return None

    def pronoun_antecedent(self, pronoun: Mention) -> Mention | None:
        """The person 'he'/'she' stands for: gender must not clash (known from Mr./Mrs./Ms.) and a known
        match is preferred; then a person
        earlier in the same sentence wins, then the subject of the nearest earlier sentence, then the
        nearest person at all, looking back at most two sentences; a subject "he" of one of those
        sentences carries its own person on when no named subject is nearer."""
        if pronoun.cls == "Organization":  # "It said": the organisation named last, within two sentences
            return next(
                (
                    m
                    for m in reversed(self.named)
                    if m.start < pronoun.start
                    and pronoun.sentence - m.sentence <= 2
                    and self.cls_of(m) == "Organization"
                ),
                None,
            )
        wanted = PRONOUN_GENDER.get(pronoun.text.lower())
        people = [
            m
            for m in reversed(self.named)
            if m.start < pronoun.start
            and self.cls_of(m) == "Person"
            and pronoun.sentence - m.sentence <= 2
            and self.gender(m) in (None, wanted)
        ]  # a given name almost only borne by the other sex rules a person out (dev speakers 81 -> 88%)
        known = [m for m in people if wanted is not None and self.gender(m) == wanted]
        people = known or people  # a person known to match (Mr/Mrs, or the given name) beats one of unknown gender
        same_sentence = [m for m in people if m.sentence == pronoun.sentence]
        if same_sentence:
            return same_sentence[0]
        earlier_subjects = [m for m in people if m.subject]
        nearest = people[0].sentence if people else -1
        if earlier_subjects and earlier_subjects[0].sentence == nearest:
            return earlier_subjects[0]
        # no named subject there: a "he" that was the subject since then carries the same person on
        chained = self._earlier_pronoun_subject(pronoun)
        if chained is not None and chained.sentence >= nearest and pronoun.sentence - chained.sentence <= 2:
            carried = self.antecedent(chained)
            if carried is not None and (known == [] or self.gender(carried) == wanted):
                return carried
        return people[0] if people else None

    def _earlier_pronoun_subject(self, pronoun: Mention) -> Mention | None:
        """The last subject 'he' (for 'he'/'him', 'she' for 'she'/'her') of an earlier sentence, with the
        ones before it resolved first, in text order, so that a chain of a thousand never recurses deep."""
        wanted = PRONOUN_GENDER.get(pronoun.text.lower())
        sentences, subjects = self._subjects_by_gender.get(wanted, ([], []))
        before = bisect_left(sentences, pronoun.sentence)  # the per-gender lists are in text order: no rescans
        while self._pronouns_resolved < len(self.pronoun_subjects) and self.pronoun_subjects[self._pronouns_resolved].sentence < pronoun.sentence:
            self.antecedent(self.pronoun_subjects[self._pronouns_resolved])
            self._pronouns_resolved += 1
        return subjects[before - 1] if before else None

    def gender(self, mention: Mention) -> str | None:
        """'m' or 'f' when any name of the same person carries Mr. or Mrs./Ms./Miss, or else when one of
        its given names is almost only a man's or a woman's ("Steven Gaydos", "Ruth Kelly"); else unknown.
        Worked out once per person: every pronoun asks it of every candidate."""
        key = self._name_key(mention)
        if key not in self._genders:
            names = [m for m in self.named if self._name_key(m) == key] or [mention]
            honorific = next((HONORIFIC_GENDER[w] for m in names if (w := m.text.split()[0].lower().rstrip(".")) in HONORIFIC_GENDER), None)
            given = next((g for m in names if len(m.text.split()) > 1 and not m.pronoun
                          and (g := first_name_gender(m.text.split()[0].rstrip(".")))), None)
            self._genders[key] = honorific or given
        return self._genders[key]

    def cls_of(self, mention: Mention) -> str:
        return self._classes_of_named.get(mention) or self._vote(mention)

    def _vote(self, mention: Mention) -> str:
        votes = self.classes.get(self._name_key(mention))
        if not votes:
            return mention.cls
        top = max(votes.values())
        return min((c for c, n in votes.items() if n == top), key=CLASS_PRIORITY.index)

    def resolve(self, mention: Mention, *, as_written: bool = False, ambiguous_as_written: bool = False) -> Mention | None:
        """The mention that names the entity (itself for names and concepts); None if unresolvable.
        ``as_written``: a description stays itself ("X is the best writer" says what X is).
        ``ambiguous_as_written``: a surname of two people stays this document's "Robinson" (a quote's
        speaker is still worth keeping as the text names him; a fact about him is not)."""
        antecedent = None if as_written and not mention.pronoun else self.antecedent(mention)
        if antecedent is not None:
            mention = antecedent
        elif mention.pronoun:
            return None
        if normalise_name(mention.text) in self.ambiguous:  # which Robinson the text means is not ours to guess
            return replace(mention, local=True) if ambiguous_as_written else None
        if mention.ner == "NORP" and "Country" in (mention.cls, self.cls_of(mention)):  # "Croatian President X": Croatia
            # (a nationality the document's votes make a country, as "the British newspaper" beside
            # "British Prime Minister", is the country too, not a second node named "British")
            country = country_for_demonym(mention.text)
            return replace(mention, text=country.name, ner="GPE", cls="Country") if country else mention
        alias = lexicon().aliases.get(mention.text.lower()) if mention.ner and not mention.local else None
        if alias is not None:  # "UK", "Britain": the United Kingdom; "the Tories": the Conservative Party
            return replace(mention, text=alias[0], cls=alias[1], ner="GPE" if alias[1] == "Country" else "ORG")
        named = self.canonical.get(normalise_name(mention.text))
        if not mention.ner and named is not None:
            return named  # a noun phrase NER missed ("Northwind Foods agrees ...") that is named elsewhere
        if mention.local:
            return self.said_in_full(mention) or mention
        return self.canonical.get(normalise_name(mention.text), mention)

    def said_in_full(self, mention: Mention) -> Mention | None:
        """The qualified description a bare definite one repeats ("the talks" after "talks with Blair")."""
        if mention.qualifier or not self.definite(mention):
            return None
        earlier = [m for m in self.qualified.get((mention.cls, normalise_name(mention.text)), ()) if m.start < mention.start]
        return min(earlier, key=lambda m: m.start) if earlier else None

    def key(self, mention: Mention, *, as_written: bool = False, ambiguous_as_written: bool = False) -> str | None:
        target = self.resolve(mention, as_written=as_written, ambiguous_as_written=ambiguous_as_written)
        if target is None:
            return None
        return entity_key(target, self.cls_of(target) if not target.local else target.cls, self.doc_id)


def resolve_document(extraction: DocumentExtraction) -> Extraction:
    resolver = DocumentResolver(extraction)
    members: dict[str, list[Mention]] = {}

    def key(mention: Mention | None, *, as_written: bool = False, ambiguous_as_written: bool = False) -> str | None:
        if mention is None:
            return None
        found = resolver.key(mention, as_written=as_written, ambiguous_as_written=ambiguous_as_written)
        if found is not None:  # a description or pronoun adds its antecedent, not itself, as a form
            form = (None if as_written else resolver.antecedent(mention)) or mention
            members.setdefault(found, []).append(form)
            resolved = resolver.resolve(form, as_written=as_written, ambiguous_as_written=ambiguous_as_written)
            if resolved is not None and resolved.text != form.text:  # "Croatian", "UK": add the canonical name
                members[found].append(resolved)
        return found

    for mention in extraction.mentions:
        key(mention)
    claims = []
    for raw in extraction.claims:
        if region_country(raw.subject.text) is not None and resolver.antecedent(raw.subject) is None:
            continue  # "the Russian republic" lies in Russia: news only once coreference says which region
        subject = key(raw.subject)
        obj = raw.object if isinstance(raw.object, Literal) else key(raw.object, as_written=raw.predicate == "kg:isA")
        if subject is None or obj is None or subject == obj:
            continue
        object_class = None if isinstance(raw.object, Literal) else key_class(obj, extraction.document.id)
        if not of_the_right_kind(raw.predicate, key_class(subject, extraction.document.id), object_class):
            continue  # "Paul Nixon works for Eric Cantona": a person is no employer, whatever the pattern
        speaker = key(raw.speaker)
        claims.append(
            Claim(subject, raw.predicate, obj, raw.provenance, raw.confidence, raw.factuality, speaker, raw.cue)
        )
    quotes = [
        Quote(q.text, q.start, q.end, q.provenance, key(q.speaker, ambiguous_as_written=True), q.cue, q.confidence, q.direct)
        for q in extraction.quotes
    ]
    quotes = [q for q in quotes if q.speaker is not None]
    entities = [make_entity(k, ms, extraction.document.id) for k, ms in members.items()]
    return Extraction(
        extraction.document,
        extraction.sentences,
        tuple(sorted(entities, key=lambda e: e.id)),
        tuple(dict.fromkeys(claims)),
        tuple(quotes),
        extraction.times,
    )


def key_class(key: str, doc_id: str) -> str:
    return key.removeprefix(f"{doc_id}:").split(":", 1)[0]


def make_entity(key: str, mentions: list[Mention], doc_id: str) -> Entity:
    forms = Counter(m.label for m in mentions)
    names = Counter(m.label for m in mentions if not (m.ner == "NORP" and m.cls == "Country")) or forms
    name = max(names, key=lambda f: (len(f.split()), names[f], f))  # "Croatia", not "Croatian"
    cls = key_class(key, doc_id)
    unique = tuple(dict.fromkeys(sorted(mentions, key=lambda m: m.start)))
    return Entity(key, name, cls, tuple(sorted(set(forms) - {name})), unique, doc_scoped=key.startswith(doc_id))
