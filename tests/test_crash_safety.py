"""Builds killed with SIGKILL at random points, and readers beside a running build.

A chain of `kg build --store` processes is killed after a random number of documents (and a random
few milliseconds more, to land inside a write). After each kill: the store opens, every document
the build reported stored is there whole (quad for quad as in a clean build), and the next build in
the chain is the re-run; when one finishes, the store is compared with a clean build quad for quad.
KG_CRASH_TRIALS sets the number of kills (`make soak` runs more).
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.model
CORPUS = [str(EXAMPLES), str(ROOT / "tests" / "articles")]
TRIALS = int(os.environ.get("KG_CRASH_TRIALS", "20"))


def quads(store: Path) -> dict[str, set[str]]:
    """Every quad of a store on disk, by graph (N-Quads terms), read without its lock."""
    import pyoxigraph

    graphs: dict[str, set[str]] = {}
    for quad in pyoxigraph.Store.read_only(str(store)):
        graphs.setdefault(str(quad.graph_name), set()).add(f"{quad.subject} {quad.predicate} {quad.object}")
    return graphs


def start_build(store: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "kg.cli", "build", *CORPUS, "--store", str(store), "-v", *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, set[str]]:
    store = tmp_path_factory.mktemp("clean") / "store"
    process = start_build(store)
    _, errors = process.communicate(timeout=600)
    assert process.returncode == 0, errors
    return quads(store)


def document_graph(graphs: dict[str, set[str]], doc_id: str) -> set[str]:
    return graphs.get(f"<https://example.org/kg/doc/{doc_id}>", set())


def test_a_build_killed_at_random_points_loses_nothing_it_reported_and_resumes(clean, tmp_path):
    chance = random.Random(int(os.environ.get("KG_CRASH_SEED", "7")))
    documents = [g for g in clean if g.startswith("<https://example.org/kg/doc/") and "/merges" not in g]
    kills = completed = 0
    store = tmp_path / "store-0"
    reported: set[str] = set()
    while kills < TRIALS:
        process = start_build(store)
        wanted = chance.randrange(0, len(documents))  # documents to let through before the kill
        seen = 0
        for line in process.stderr:
            if line.startswith("stored "):
                reported.add(line.split()[1])
                seen += 1
            if seen >= wanted:
                time.sleep(chance.uniform(0, 0.05))  # into the next document's write, often
                break
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        process.stderr.close()
        process.stdout.close()

        now = quads(store)  # the store opens
        for doc_id in reported:
            assert document_graph(now, doc_id) == document_graph(clean, f"{doc_id}"), f"{doc_id} is not whole"
        if process.returncode == 0:  # this run finished: the whole store is a clean build's
            assert now == clean, "a resumed build differs from a clean one"
            completed += 1
            store, reported = tmp_path / f"store-{kills}", set()
    finish = start_build(store)
    finish.communicate(timeout=600)
    assert finish.returncode == 0 and quads(store) == clean
    print(f"\n{kills} kills, {completed + 1} stores completed and identical to a clean build")


def test_a_graph_file_is_whole_or_absent_whenever_the_build_is_killed(tmp_path):
    out = tmp_path / "graph.trig"
    out.write_text("# the previous graph\n", encoding="utf-8")
    chance = random.Random(11)
    for _ in range(5):
        process = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", *CORPUS, "-o", str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        time.sleep(chance.uniform(2.0, 6.0))
        process.kill()
        process.wait(timeout=60)
        text = out.read_text(encoding="utf-8")
        assert text == "# the previous graph\n" or text.rstrip().endswith("}"), "a half-written graph file"
        assert [p.name for p in tmp_path.iterdir()] == ["graph.trig"] or process.returncode != 0
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "graph.trig"]
    assert all(name.startswith(".graph.trig.") for name in leftovers)  # only a killed writer's temporary file


def test_queries_beside_a_running_build_see_whole_documents(clean, tmp_path):
    """`kg query --store` opens the store read-only while a build holds it: each answer is a snapshot
    in which every document is whole, and later snapshots hold at least as much."""
    from typer.testing import CliRunner

    from kg.cli import app

    store = tmp_path / "store"
    process = start_build(store)
    counts = {g[len("<https://example.org/kg/doc/"):-1]: len(t) for g, t in clean.items() if "/doc/" in g}
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(kg:))) } GROUP BY ?g"
    query = query.replace("STR(kg:)", '"https://example.org/kg/doc/"')
    snapshots, retries = [], 0
    while process.poll() is None or not snapshots:
        if not (store / "kg-store.txt").exists():
            time.sleep(0.05)
            continue
        result = CliRunner().invoke(app, ["query", query, "--store", str(store), "--format", "csv"])
        if result.exit_code == 1 and "run the query again" in result.stderr:
            retries += 1  # the writer compacted a file away mid-read: said so in one line, never half an answer
            continue
        assert result.exit_code == 0, result.output
        seen = dict(line.rsplit(",", 1) for line in result.stdout.splitlines()[1:])
        for graph, n in seen.items():
            assert int(n) == counts[graph[len("https://example.org/kg/doc/"):]], f"{graph} is half there"
        snapshots.append(len(seen))
    process.communicate(timeout=600)
    assert process.returncode == 0
    assert snapshots == sorted(snapshots) and len(snapshots) > 1
    print(f"\n{len(snapshots)} snapshots while building: {snapshots[:3]} ... {snapshots[-3:]} graphs; {retries} retries")
