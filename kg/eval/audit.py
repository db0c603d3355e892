"""Blind precision audits: a seeded sample of the facts kg asserts, for a reader to judge.

    python -m kg.eval.audit sample GRAPH.trig --n 80 --seed 15 -o sample.jsonl
    python -m kg.eval.audit score judged.jsonl

`sample` writes one fact per line with its sentence and document, and nothing about which rule
produced it (the judge must not know); the claim IRI is kept so that a judged file can be joined back
to extractors and confidences. The judge adds "verdict" (correct / partly / wrong) and "useful"
(true / false) to each line; `score` prints the table, overall and per confidence bin.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from rdflib import Literal as RDFLiteral

from kg.query import run_query
from kg.rdfio import load

# The population @facts_with_sources lists (asserted claims between two labelled nodes, named as the
# claim's article names them), with the claim, its document and its extractor so that judgements can
# be joined back.
FACTS = """SELECT ?claim ?subject ?predicate ?object ?confidence ?sentence ?doc ?extractor WHERE {
  ?claim a kg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:factuality kg:asserted ;
         kg:confidence ?confidence ; kg:sentence ?unit .
  ?unit kg:text ?sentence ; kg:inDocument ?doc .
  FILTER EXISTS { ?s ?p ?o } FILTER (?p != kg:demonymOf || !?facts_only)
  FILTER (!?facts_only || NOT EXISTS { ?claim kg:extractor ?from FILTER(STRSTARTS(STR(?from), "kg.names.")) })
  GRAPH ?doc { ?s rdfs:label ?subject } OPTIONAL { GRAPH ?doc { ?o rdfs:label ?olabel } }
  BIND(COALESCE(?olabel, STR(?o)) AS ?object)
  FILTER (BOUND(?olabel) || !?facts_only)
  OPTIONAL { ?p rdfs:label ?plabel } OPTIONAL { ?claim kg:extractor ?extractor }
  BIND(COALESCE(?plabel, STRAFTER(STR(?p), "#")) AS ?predicate) }"""


def facts(graph_path: str | Path, *, everything: bool = False) -> list[dict]:
    """The facts @facts_with_sources lists; with ``everything``, also demonyms and literal values
    (job titles): the population whose precision calibrates the patterns."""
    found = {}
    for row in run_query(load(graph_path), FACTS, {"facts_only": RDFLiteral(not everything)}):
        found[str(row.claim)] = {
            "claim": str(row.claim), "subject": str(row.subject), "predicate": str(row.predicate),
            "object": str(row.object), "confidence": float(row.confidence), "sentence": str(row.sentence),
            "document": str(row.doc), "extractor": str(row.extractor or ""),
        }
    return [found[k] for k in sorted(found)]


def sample(graph_path: str | Path, n: int, seed: int, *, everything: bool = False) -> list[dict]:
    """``n`` facts drawn with ``seed`` (all of them when ``n`` is 0), in the order drawn."""
    found = facts(graph_path, everything=everything)
    return random.Random(seed).sample(found, min(n, len(found)) if n else len(found))


def blind(fact: dict) -> dict:
    """What the judge sees: no extractor, no pattern."""
    return {k: v for k, v in fact.items() if k != "extractor"}


def score(judged: list[dict]) -> str:
    verdicts = Counter(j["verdict"] for j in judged)
    total = len(judged) or 1
    useful_right = sum(1 for j in judged if j["verdict"] == "correct" and j.get("useful"))
    lines = [f"{len(judged)} facts: " + ", ".join(f"{v} {100 * verdicts[v] / total:.0f}%" for v in ("correct", "partly", "wrong")),
             f"trivial or useless {100 * sum(1 for j in judged if not j.get('useful')) / total:.0f}%; "
             f"correct and useful {100 * useful_right / total:.0f}%"]
    bins = Counter()
    right = Counter()
    for j in judged:
        b = min(int(j["confidence"] * 10), 9) / 10
        bins[b] += 1
        right[b] += j["verdict"] == "correct"
    lines += [f"confidence {b:.1f}-{b + 0.1:.1f}: {right[b]}/{bins[b]} correct" for b in sorted(bins)]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m kg.eval.audit")
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("sample")
    s.add_argument("graph")
    s.add_argument("--n", type=int, default=80)
    s.add_argument("--seed", type=int, default=15)
    s.add_argument("--everything", action="store_true", help="also job titles and demonyms (for calibration)")
    s.add_argument("-o", "--output", required=True, help="the judge's file; OUTPUT.key keeps each claim's pattern")
    c = commands.add_parser("score")
    c.add_argument("judged")
    args = parser.parse_args()
    if args.command == "sample":
        chosen = sample(args.graph, args.n, args.seed, everything=args.everything)
        Path(args.output).write_text("".join(json.dumps(blind(f), ensure_ascii=False) + "\n" for f in chosen), encoding="utf-8")
        key = {f["claim"]: f["extractor"] for f in chosen}
        Path(args.output + ".key").write_text(json.dumps(key, indent=0), encoding="utf-8")
        print(f"{len(chosen)} facts -> {args.output}")
    else:
        judged = [json.loads(line) for line in Path(args.judged).read_text(encoding="utf-8").splitlines() if line.strip()]
        print(score(judged))


if __name__ == "__main__":
    main()
