"""CoNLL04 end-to-end relation extraction, scored as in Taillé et al. 2020 (and REBEL).

Per sentence, gold and predicted relations are sets of (head span, head type, tail span, tail type,
relation); "strict" needs spans, types and relation right, "boundaries" ignores the entity types.
Micro scores pool TP/FP/FN over the five relation types; macro F1 averages their F1.
kg runs on the corpus tokens (the Doc is built from them), so spans stay on corpus token indices.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Iterable, Iterator

from kg.config import Settings
from kg.eval.conll04_conventions import Relation, as_corpus_draws_them
from kg.eval.scoring import PRF, compare
from kg.extract import extract
from kg.ingest.clean import content_hash
from kg.nlp import load_pipeline
from kg.resolve.coref import DocumentResolver
from kg.types import Document, Literal, Mention, RawClaim

RELATIONS = ("Kill", "Live_In", "Located_In", "OrgBased_In", "Work_For")
CLASS_TO_TYPE = {"Person": "Peop", "Organization": "Org", "Place": "Loc", "Country": "Loc", "City": "Loc"}
MAPPING_FILE = Path(__file__).parent / "data" / "conll04_relations.tsv"


@lru_cache(maxsize=1)
def relation_mapping() -> dict[tuple[str, str, str], tuple[str, str]]:
    table = {}
    for line in MAPPING_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            prop, head_type, tail_type, relation, direction = line.split("\t")
            table[(prop, head_type, tail_type)] = (relation, direction)
    return table


def load_sentences(path: str | Path, split: str = "dev") -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data[split] if isinstance(data, dict) else data


def gold_relations(record: dict) -> set[Relation]:
    entities = record["entities"]
    found = set()
    for rel in record["relations"]:
        head, tail = entities[rel["head"]], entities[rel["tail"]]
        found.add(
            Relation(
                (head["start"], head["end"]), head["type"], (tail["start"], tail["end"]), tail["type"], rel["type"]
            )
        )
    return found


def token_span(starts: list[int], mention: Mention) -> tuple[int, int]:
    """Token range [start, end) covering a mention's characters."""
    first = max(i for i, s in enumerate(starts) if s <= mention.start)
    last = max(i for i, s in enumerate(starts) if s < mention.end)
    return first, last + 1


def to_relation(claim: RawClaim, starts: list[int], text: str) -> Relation | None:
    if isinstance(claim.object, Literal) or claim.subject.pronoun or claim.object.pronoun:
        return None
    if any(text[m.start : m.end] != m.text for m in (claim.subject, claim.object)):
        return None  # an argument kg inferred ("Chinese" standing for China) is not a corpus mention
    head_type = CLASS_TO_TYPE.get(claim.subject.cls, "Other")
    tail_type = CLASS_TO_TYPE.get(claim.object.cls, "Other")
    mapped = relation_mapping().get((claim.predicate, head_type, tail_type))
    if mapped is None:
        return None
    relation, direction = mapped
    head, tail = token_span(starts, claim.subject), token_span(starts, claim.object)
    if direction == "inverse":
        head, tail, head_type, tail_type = tail, head, tail_type, head_type
    return Relation(head, head_type, tail, tail_type, relation)


SIGNATURES = {
    "Work_For": ("Peop", "Org"),
    "Kill": ("Peop", "Peop"),
    "Live_In": ("Peop", "Loc"),
    "Located_In": ("Loc", "Loc"),
    "OrgBased_In": ("Org", "Loc"),
}


def parsed(records: list[dict], settings: Settings) -> Iterator:
    """The pipeline run on each record's own tokens, so character offsets map back to them."""
    from spacy.tokens import Doc

    nlp = load_pipeline(settings.model)
    docs = (Doc(nlp.vocab, words=r["tokens"], spaces=[True] * (len(r["tokens"]) - 1) + [False]) for r in records)
    return nlp.pipe(docs, batch_size=settings.batch_size)


def predict_pairs(records: list[dict], settings: Settings | None = None) -> Iterator[set[Relation]]:
    """Baseline: every ordered pair of entities whose types fit a relation's signature gets it."""
    for doc in parsed(records, settings or Settings()):
        starts = [t.idx for t in doc]
        document = Document(id=content_hash(doc.text), text=doc.text, source="conll04")
        spans = [(token_span(starts, m), CLASS_TO_TYPE.get(m.cls, "Other")) for m in extract(doc, document).mentions]
        yield {
            Relation(a, at, b, bt, rel)
            for (a, at), (b, bt) in product(spans, spans)
            if a != b
            for rel, sig in SIGNATURES.items()
            if sig == (at, bt)
        }


def predict(records: list[dict], settings: Settings | None = None, conventions: bool = True) -> Iterator[set[Relation]]:
    """kg's relations for each record, on the record's own tokens; with ``conventions``, re-spanned
    the way the corpus draws its spans (see kg/eval/conll04_conventions.py)."""
    for doc in parsed(records, settings or Settings()):
        starts = [t.idx for t in doc]
        document = Document(id=content_hash(doc.text), text=doc.text, source="conll04")
        extraction = extract(doc, document)
        resolver = DocumentResolver(extraction)
        claims = (resolved(c, resolver) for c in extraction.claims)
        relations = {r for r in (to_relation(c, starts, doc.text) for c in claims if c is not None) if r is not None}
        yield as_corpus_draws_them(relations, [t.text for t in doc]) if conventions else relations


def standing_for(mention: Mention, resolver: DocumentResolver) -> Mention | None:
    """A pronoun's or description's antecedent; a name stays the span it is (the corpus marks each one)."""
    if mention.pronoun or not mention.ner:
        return resolver.antecedent(mention) or (None if mention.pronoun else mention)
    return mention


def resolved(claim: RawClaim, resolver: DocumentResolver) -> RawClaim | None:
    """Arguments replaced by the names they stand for ('him' -> Kennedy), when that name is in the sentence."""
    subject = standing_for(claim.subject, resolver)
    obj = claim.object if isinstance(claim.object, Literal) else standing_for(claim.object, resolver)
    if subject is None or obj is None:
        return None
    if subject.sentence != claim.provenance.sentence or (
        isinstance(obj, Mention) and obj.sentence != claim.provenance.sentence
    ):
        return None  # CoNLL04 relations hold inside one sentence
    return replace(claim, subject=subject, object=obj)


@dataclass(frozen=True)
class Scores:
    strict: PRF
    boundaries: PRF
    per_type: dict[str, PRF]  # strict, per relation type
    sentences: int

    @property
    def macro_f1(self) -> float:
        return sum(p.f1 for p in self.per_type.values()) / len(self.per_type)

    def as_dict(self) -> dict:
        return {
            "sentences": self.sentences,
            "strict_micro": self.strict.as_dict(),
            "boundaries_micro": self.boundaries.as_dict(),
            "strict_macro_f1": round(100 * self.macro_f1, 2),
            "per_type": {k: v.as_dict() for k, v in self.per_type.items()},
        }


def score(gold: Iterable[set[Relation]], predicted: Iterable[set[Relation]]) -> Scores:
    strict = boundaries = PRF(0, 0, 0)
    per_type = {t: PRF(0, 0, 0) for t in RELATIONS}
    n = 0
    for g, p in zip(gold, predicted, strict=True):
        n += 1
        strict += compare(g, p)
        boundaries += compare({r.boundaries() for r in g}, {r.boundaries() for r in p})
        for t in RELATIONS:
            per_type[t] += compare({r for r in g if r.type == t}, {r for r in p if r.type == t})
    return Scores(strict, boundaries, per_type, n)


def predictions_json(records: list[dict], predicted: list[set[Relation]]) -> list[dict]:
    return [
        {
            "orig_id": r.get("orig_id"),
            "triples": [
                {
                    "type": x.type,
                    "head": list(x.head),
                    "tail": list(x.tail),
                    "head_type": x.head_type,
                    "tail_type": x.tail_type,
                }
                for x in sorted(p, key=lambda x: (x.head, x.tail, x.type))
            ],
        }
        for r, p in zip(records, predicted)
    ]


def evaluate(
    path: str | Path,
    split: str = "dev",
    settings: Settings | None = None,
    *,
    system: str = "kg",
    conventions: bool = True,
) -> tuple[Scores, list[dict]]:
    """Score ``system``: "kg", or "pairs" (entities plus type-compatible pairs, the usual floor);
    ``conventions`` writes kg's relations with the corpus's span conventions."""
    records = load_sentences(path, split)
    if system == "pairs":
        predicted = list(predict_pairs(records, settings))
    else:
        predicted = list(predict(records, settings, conventions=conventions))
    return score([gold_relations(r) for r in records], predicted), predictions_json(records, predicted)
