"""kg's own gold format for annotated articles, and its scorer.

One JSON object per line:
  {"source": "file.txt",                          # relative to the gold file
   "entities": [["Kirill Kalinin", "Person"], ...],
   "claims":   [["Kirill Kalinin", "spokespersonFor", "Russian embassy", "asserted"], ...],
   "quotes":   [["Kimahli Powell", "We had to stay quiet"], ...]}   # speaker and the quote's first words
Claims name kg or open properties by local name; objects are entity labels or literal values.
Matching ignores case; a quote matches when its text starts with the given words.

Instead of "source", a record may point at one line of a JSONL corpus that is not ours to copy:
  {"corpus": "../../../shared/data/news/bbc.jsonl", "line": 509, "id": "business/509", ...}
and may carry the reader's annotation (entities with aliases, "facts" in the reader's words), which
kg.eval.reader scores.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.eval.reader import CLAIMS, QUOTES, ReaderScores, score_record
from kg.eval.scoring import PRF, compare
from kg.query import run_query

# Named entities only: descriptions (concepts and document-scoped nodes such as 'the police') and
# nationality groups are not listed in gold files.
ENTITIES = """SELECT DISTINCT ?label ?cls WHERE {
  ?e kg:mentionedIn ?doc ; rdfs:label ?label ; a ?type . BIND(STRAFTER(STR(?type), "#") AS ?cls)
  FILTER(?type NOT IN (kg:Concept, kg:Group) && !STRSTARTS(STR(?e), STR(?doc))) }"""


@dataclass(frozen=True)
class GoldScores:
    entities: PRF
    claims: PRF
    quotes: PRF
    documents: int
    reader: ReaderScores = field(default_factory=ReaderScores)

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "entities": self.entities.as_dict(),
            "claims": self.claims.as_dict(),
            "quotes": self.quotes.as_dict(),
            "reader": self.reader.as_dict(),
        }


def _norm(*parts: str) -> tuple[str, ...]:
    return tuple(" ".join(str(p).lower().split()) for p in parts)


def read_gold(path: str | Path) -> list[dict]:
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                record = json.loads(line)
                if "source" not in record:
                    int(record["line"]), str(record["corpus"])  # one or the other is required
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise KGError(f"{path} line {number}: not a gold record ({exc}); see kg/eval/gold.py") from exc
            records.append(record)
    return records


def score_document(graph, doc_iri, record: dict) -> tuple[PRF, PRF, PRF]:
    binding = {"doc": doc_iri}
    entities = {_norm(r.label, r.cls) for r in run_query(graph, ENTITIES, binding)}
    claims = {_norm(r.s, r.p, r.o, r.f) for r in run_query(graph, CLAIMS, binding)}
    quotes = [_norm(r.speaker, r.text) for r in run_query(graph, QUOTES, binding)]
    gold_quotes = [_norm(*q) for q in record.get("quotes", [])]
    matched = {g for g in gold_quotes if any(q[0] == g[0] and q[1].startswith(g[1]) for q in quotes)}
    quote_prf = PRF(len(matched), len(quotes) - len(matched), len(gold_quotes) - len(matched))
    return (
        compare({_norm(*e) for e in record.get("entities", [])}, entities),
        compare({_norm(*c) for c in record.get("claims", [])}, claims),
        quote_prf,
    )


def evaluate(path: str | Path, settings=None) -> GoldScores:
    """Build each gold record's source and score entities, claims and quotes (micro over documents)."""
    from kg.build import build
    from kg.ontology import document_iri

    path = Path(path)
    totals = [PRF(0, 0, 0), PRF(0, 0, 0), PRF(0, 0, 0)]
    reader = ReaderScores()
    records = read_gold(path)
    with tempfile.TemporaryDirectory(prefix="kg-gold-") as scratch:
        for number, record in enumerate(records):
            source = source_file(path, record, Path(scratch) / f"{number}.jsonl")
            documents = []
            graph = build(
                [source], settings=settings, on_document=lambda extraction: documents.append(extraction.document.id)
            )
            if not documents:
                raise KGError(f"{path}: source {source} could not be built")
            doc_iri = document_iri(documents[0])
            scores = score_document(graph, doc_iri, record)
            totals = [t + s for t, s in zip(totals, scores)]
            reader += score_record(graph, doc_iri, record)
    return GoldScores(*totals, documents=len(records), reader=reader)


def source_file(gold: Path, record: dict, scratch: Path) -> Path:
    """The article file of a record: its "source", or its corpus line copied to a scratch file."""
    if "source" in record:
        return gold.parent / record["source"]
    corpus = gold.parent / record["corpus"]
    if not corpus.is_file():
        raise KGError(f"{gold}: corpus {corpus} not found; the record points at line {record['line']} of it")
    with corpus.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if number == int(record["line"]):
                if "id" in record and json.loads(line).get("id") != record["id"]:
                    raise KGError(f"{gold}: line {number} of {corpus} is not {record['id']}; the corpus changed")
                scratch.write_text(line, encoding="utf-8")
                return scratch
    raise KGError(f"{gold}: {corpus} has no line {record['line']}")
