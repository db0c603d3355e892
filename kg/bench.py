"""Benchmarks that print numbers (`make bench`); nothing here is asserted in tests.

- throughput: kg's words/s (read, parse, extract, resolve, store) over raw spaCy ``nlp.pipe``
  words/s on the same texts, with the same model and process count, in one run;
- queries: an anchored lookup, a two-hop neighbourhood and a GROUP BY on an Oxigraph store and on
  rdflib's memory store holding the same triples;
- viz: the graph page's first drawn frame in headless Chromium for 300 and 4,000 entities.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from itertools import islice
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import XSD

from kg.config import Settings

BBC = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news" / "bbc.jsonl"


def texts(path: Path, n: int) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in islice(handle, n)]


def raw_spacy(records: list[dict], settings: Settings) -> float:
    import spacy

    nlp = spacy.load(settings.model)
    started = time.perf_counter()
    for _ in nlp.pipe((r["text"] for r in records), batch_size=settings.batch_size, n_process=settings.workers):
        pass
    return words_in(records) / (time.perf_counter() - started)


def words_in(records: list[dict]) -> int:
    return sum(len(r["text"].split()) for r in records)  # the same count for both sides


def kg_build(records: list[dict], settings: Settings) -> tuple[float, int]:
    from kg.build import build_into
    from kg.nlp import load_pipeline
    from kg.store import open_store

    load_pipeline(settings.model)  # both sides start with the model loaded
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        words = words_in(records)
        started = time.perf_counter()
        with open_store(Path(tmp) / "store") as store:
            build_into(store, [corpus], settings=settings)
            triples = len(store)
        seconds = time.perf_counter() - started
    return words / seconds, triples


def throughput(n: int, workers: int) -> dict:
    settings = replace(Settings(), workers=workers)
    records = texts(BBC, n)
    spacy_rate = raw_spacy(records, settings)
    kg_rate, triples = kg_build(records, settings)
    return {
        "documents": len(records),
        "workers": workers,
        "spacy_words_per_s": round(spacy_rate),
        "kg_words_per_s": round(kg_rate),
        "ratio": round(kg_rate / spacy_rate, 3),
        "triples": triples,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


QUERIES = {
    "anchored entity lookup": "SELECT ?p ?o WHERE { ?e rdfs:label ?name ; ?p ?o }",
    "two-hop neighbourhood": "SELECT DISTINCT ?n2 WHERE { ?e rdfs:label ?name . ?e ?p ?n1 . ?n1 ?q ?n2 . "
    "FILTER(isIRI(?n2)) }",
    "COUNT GROUP BY predicate": "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
}


def timed(run, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


SAMPLE = """SELECT ?label WHERE { ?e a ?cls ; rdfs:label ?label . VALUES ?cls { kg:Person kg:Organization kg:Country kg:City } }
ORDER BY ?label"""


def queries(store_dir: Path, name: str, sample: int = 50) -> list[dict]:
    """Each query anchored on ``name`` (a hub: the worst case) on Oxigraph and on rdflib memory, and
    the median over ``sample`` entities spread over the store (the typical case), on Oxigraph."""
    from kg.mapping import new_dataset
    from kg.query import run_query
    from kg.store import open_store

    rows = []
    with open_store(store_dir, create=False) as store:
        size = len(store)
        labels = [str(r[0]) for r in run_query(store, SAMPLE)]
        names = labels[:: max(1, len(labels) // sample)][:sample]
        for label, query in QUERIES.items():
            hub = {"name": Literal(name)}
            typical = [timed(lambda: list(run_query(store, query, {"name": Literal(n)})), repeat=3) for n in names]
            row = {"query": label, "triples": size, "anchor": name, "answer_rows": len(run_query(store, query, hub)),
                   "oxigraph_ms": round(timed(lambda: list(run_query(store, query, hub))) * 1000, 2),
                   "oxigraph_median_of_entities_ms": round(statistics.median(typical) * 1000, 2)}  # fmt: skip
            if "?name" not in query:
                del row["anchor"], row["oxigraph_median_of_entities_ms"]
            rows.append(row)
        # rdflib last: a million Python term objects slow every later allocation (the cyclic GC walks them)
        memory = new_dataset()
        started = time.perf_counter()
        for s, p, o, g in store.dataset().quads((None, None, None, None)):
            memory.add((s, p, plain(o), g))
        load_seconds = time.perf_counter() - started
    for row, query in zip(rows, QUERIES.values()):
        hub = {"name": Literal(name)}
        row["rdflib_memory_ms"] = round(timed(lambda: list(run_query(memory, query, hub)), repeat=1) * 1000, 1)
        row["rdflib_answer_rows"] = len(run_query(memory, query, hub))
    rows.append({"query": "copy into rdflib memory", "triples": size, "rdflib_memory_ms": round(load_seconds * 1000)})
    return rows


def first_draw(store_dir: Path, sizes: tuple[int, ...] = (300, 4000)) -> list[dict]:
    """Milliseconds from navigation to the graph page's first drawn frame in headless Chromium, for
    the top N entities of a store (physics on for 300, as `kg viz` does by default; off above)."""
    import shutil

    from playwright.sync_api import sync_playwright

    from kg.analysis import to_networkx
    from kg.store import open_store
    from kg.viz.page import DEFAULT_TOP, page_for, select

    browser_path = shutil.which("chromium")
    if browser_path is None:
        raise SystemExit("no chromium: apt-get install chromium")
    with open_store(store_dir, create=False) as store:
        g = to_networkx(store)
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=["--no-sandbox"])
        for size in sizes:
            shown = select(g, top=size)
            started = time.perf_counter()
            html = page_for(shown, title="bench", physics=size <= DEFAULT_TOP, total=len(g))
            page_path = Path(tmp) / f"graph-{size}.html"
            page_path.write_text(html, encoding="utf-8")
            python_seconds = time.perf_counter() - started
            draws = []
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(page_path.as_uri())
                page.wait_for_function("window.kgFirstDraw !== undefined", timeout=120_000)
                draws.append(page.evaluate("window.kgFirstDraw"))
                page.close()
            rows.append({"entities": shown.number_of_nodes(), "claims": shown.number_of_edges(),
                         "page_mb": round(len(html) / 1e6, 1), "python_build_s": round(python_seconds, 1),
                         "first_draw_ms": round(statistics.median(draws))})  # fmt: skip
        browser.close()
    return rows


def plain(term):
    """oxrdflib hands out strings typed xsd:string, which rdflib (unlike RDF 1.1) tells apart from
    plain literals; the copy would then match no plain-literal query."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("-n", type=int, default=300)
    t.add_argument("--workers", type=int, default=1)
    q = sub.add_parser("queries")
    q.add_argument("store", type=Path)
    q.add_argument("--name", default="Tony Blair")
    v = sub.add_parser("viz")
    v.add_argument("store", type=Path)
    args = parser.parse_args()
    if not BBC.is_file():
        raise SystemExit(f"{BBC}: not found; the benchmarks read ../shared/data/news/bbc.jsonl")
    if args.what == "throughput":
        print(json.dumps(throughput(args.n, args.workers)))
    elif args.what == "viz":
        for row in first_draw(args.store):
            print(json.dumps(row))
    else:
        for row in queries(args.store, args.name):
            print(json.dumps(row))


if __name__ == "__main__":
    main()
