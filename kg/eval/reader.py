"""What a reader checks first: are the names classed right, are the main facts there, who said each quote.

Scores a gold record of the reader's kind (tests/gold/bbc_dev.jsonl, written by reading the article):
  "entities": [[name, class, [aliases]], ...]    class: Person | Organization | Place | Event | Other
  "facts":    [[subject, relation, object, factuality(, speaker)], ...]   relation: a base-form verb phrase
  "quotes":   [[speaker, first words], ...]
The relation is the reader's words, not kg's property, so a fact is found when a claim of the document
joins the same two things (by name or alias) with a predicate that shares a content word with it, or a
typed property of the same family (a role, a place, a win).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.lexicon import lexicon
from kg.query import run_query

NAMED = """SELECT DISTINCT ?e ?label ?alt ?cls WHERE {
  ?e kg:mentionedIn ?doc ; rdfs:label ?label ; a ?type . BIND(STRAFTER(STR(?type), "#") AS ?cls)
  OPTIONAL { ?e skos:altLabel ?alt }
  FILTER(!STRSTARTS(STR(?e), STR(?doc))) }"""
CLAIMS = """SELECT DISTINCT ?s ?p ?o ?f WHERE {
  ?c a kg:Claim ; rdf:subject/rdfs:label ?s ; rdf:predicate ?pp ; rdf:object ?oo ; kg:factuality ?ff ;
     kg:sentence/kg:inDocument ?doc .
  OPTIONAL { ?oo rdfs:label ?ol }
  BIND(COALESCE(?ol, STR(?oo)) AS ?o) BIND(STRAFTER(STR(?ff), "#") AS ?f)
  BIND(REPLACE(STR(?pp), "^.*[#/]", "") AS ?p) }"""
QUOTES = """SELECT DISTINCT ?speaker ?text WHERE {
  ?q a kg:Quote ; kg:speaker/rdfs:label ?speaker ; kg:quotedText ?text ; kg:sentence/kg:inDocument ?doc }"""

COARSE = {"Person": "Person", "Organization": "Organization", "Place": "Place", "Country": "Place",
          "City": "Place", "Event": "Event", "Group": "Other", "Concept": "Other", "Work": "Other", "Product": "Other"}  # fmt: skip
STOP = {"be", "of", "to", "in", "the", "a", "an", "for", "with", "on", "at", "by", "from", "as", "has", "have", "is"}
# Typed properties and the reader's words they stand for.
FAMILIES = {
    "role": ({"worksFor", "leaderOf", "presidentOf", "directorOf", "ministerOf", "memberOf", "spokespersonFor",
              "founderOf", "affiliatedWith", "jobTitle", "isA"},
             {"work", "play", "represent", "lead", "head", "run", "chairman", "chief", "executive", "director",
              "president", "minister", "secretary", "spokesman", "spokeswoman", "member", "founder", "manager",
              "coach", "captain", "leader", "editor", "head", "boss", "chair", "analyst", "economist", "star",
              "actor", "actress", "striker", "player", "mp", "mayor", "chancellor", "governor", "officer"}),
    "place": ({"locatedIn", "basedIn", "livesIn", "bornIn", "visited"},
              {"locate", "located", "base", "based", "live", "born", "visit", "in"}),
    "win": ({"defeated"}, {"defeat", "beat", "thrash", "overcome"}),
    "make": ({"makerOf"}, {"make", "produce", "develop", "release", "launch", "publish", "write", "direct", "run",
                           "operate", "create", "design", "build", "manufacture", "broadcast", "air"}),
}


def words(text: str) -> set[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", text).replace("_", " ")
    return {w[:5] for w in re.findall(r"[a-z]+", spaced.lower()) if w not in STOP}


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w&+]+", " ", text.lower()).split())


@dataclass
class ReaderScores:
    entities: int = 0  # gold entities
    found: int = 0  # ... that kg names
    class_right: int = 0  # ... with the right class
    spurious: list[str] = field(default_factory=list)  # kg names the reader did not list
    facts: int = 0
    facts_present: int = 0
    facts_factuality: int = 0  # present with the reader's factuality
    quotes: int = 0
    quotes_found: int = 0
    speaker_right: int = 0
    misses: list[str] = field(default_factory=list)  # the reader's facts kg does not have
    wrong_classes: list[str] = field(default_factory=list)  # names kg found with another class

    def __iadd__(self, other: "ReaderScores") -> "ReaderScores":
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def as_dict(self) -> dict:
        def share(a: int, b: int) -> float:
            return round(100 * a / b, 1) if b else 0.0

        return {
            "entity_class_accuracy": share(self.class_right, self.found),
            "entities_found": share(self.found, self.entities),
            "spurious_names": len(self.spurious),
            "fact_recall": share(self.facts_present, self.facts),
            "fact_recall_with_factuality": share(self.facts_factuality, self.facts),
            "quotes_found": share(self.quotes_found, self.quotes),
            "speaker_accuracy": share(self.speaker_right, self.quotes_found),
            "counts": {"entities": self.entities, "facts": self.facts, "quotes": self.quotes},
        }


class Names:
    """The reader's entities of one article: which gold entity a kg label stands for."""

    def __init__(self, entities: list) -> None:
        self.forms: dict[str, int] = {}
        aliases = lexicon().aliases  # the reader's "Tory" is kg's Conservative Party, "UK" its United Kingdom
        for number, entity in enumerate(entities):
            for form in [entity[0], *(entity[2] if len(entity) > 2 else [])]:
                self.forms.setdefault(norm(form), number)
                if form.lower() in aliases:
                    self.forms.setdefault(norm(aliases[form.lower()][0]), number)

    def entity(self, label: str) -> int | None:
        return self.forms.get(norm(label))

    def same(self, label: str, gold: str) -> bool:
        """kg's label names the reader's thing: the same entity, or the same words give or take a head."""
        a, b = norm(label), norm(gold)
        if not a or not b:
            return False
        ours, theirs = self.entity(label), self.entity(gold)
        if ours is not None and ours == theirs:
            return True
        if a == b or (len(a) > 3 and len(b) > 3 and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")):
            return True
        owned = [re.split(r"['’]s\s+", text, maxsplit=1) for text in (label, gold)]
        if all(len(parts) == 2 for parts in owned):  # "Mr Llwyd's theory" is the reader's "Elfyn Llwyd's theory"
            (our_owner, our_thing), (their_owner, their_thing) = owned
            return norm(our_thing) == norm(their_thing) and self.same(our_owner, their_owner)
        return False


def relation_matches(predicate: str, relation: str) -> bool:
    ours, theirs = words(predicate), words(relation)
    if ours & theirs:
        return True
    return any(predicate in props and theirs & {w[:5] for w in cues} for props, cues in FAMILIES.values())


def score_record(graph, doc_iri, record: dict) -> ReaderScores:
    binding = {"doc": doc_iri}
    scores = ReaderScores()
    names = Names(record.get("entities", []))
    forms: dict[str, tuple[str, set[str]]] = {}  # node -> (class, its label and other names)
    for row in run_query(graph, NAMED, binding):
        cls, seen = forms.setdefault(str(row.e), (str(row.cls), {str(row.label)}))
        if row.alt is not None:
            seen.add(str(row.alt))
    classes: dict[int, set[str]] = {}
    for node, (cls, seen) in forms.items():
        numbers = {n for n in map(names.entity, seen) if n is not None}
        if not numbers:
            if cls not in ("Concept", "Group"):  # a description or nationality the reader did not list is no error
                scores.spurious.append(min(seen))
        for number in numbers:
            classes.setdefault(number, set()).add(COARSE.get(cls, "Other"))
    for number, entity in enumerate(record.get("entities", [])):
        scores.entities += 1
        if number in classes:
            scores.found += 1
            right = classes[number] == {COARSE.get(entity[1], entity[1])}
            scores.class_right += right
            if not right:
                scores.wrong_classes.append(f"{record.get('id', '')}: {entity[0]} is {entity[1]}, kg says {'/'.join(sorted(classes[number]))}")
    claims = [(str(r.s), str(r.p), str(r.o), str(r.f)) for r in run_query(graph, CLAIMS, binding)]
    for fact in record.get("facts", []):
        subject, relation, obj, factuality = fact[:4]
        scores.facts += 1
        found = [c for c in claims if names.same(c[0], subject) and names.same(c[2], obj) and relation_matches(c[1], relation)]
        scores.facts_present += bool(found)
        # a reader writes a past tie as asserted ("be former singer of"); kg marks it kg:former
        past = factuality == "asserted" and "former" in relation.split()
        scores.facts_factuality += any(c[3] == factuality or (past and c[3] == "former") for c in found)
        if not found:
            scores.misses.append(f"{record.get('id', '')}: {subject} | {relation} | {obj}")
    quotes = [(str(r.speaker), norm(str(r.text))) for r in run_query(graph, QUOTES, binding)]
    for speaker, opening in record.get("quotes", []):
        scores.quotes += 1
        start = norm(opening)
        matching = [s for s, text in quotes if text.startswith(start) or (len(start) > 12 and start in text[: len(start) + 40])]
        if matching:
            scores.quotes_found += 1
            scores.speaker_right += any(names.same(s, speaker) or norm(speaker).split()[-1:] == norm(s).split()[-1:] for s in matching)
    return scores
