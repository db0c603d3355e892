"""`kg build --store` as a user runs it: incremental, replacing, removing, and surviving kill -9."""
from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from kg.cli import app
from kg.store import open_store

pytestmark = pytest.mark.model
runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(map(str, args)))


def test_a_second_build_of_the_same_inputs_changes_nothing(tmp_path):
    store = tmp_path / "store"
    first = run("build", EXAMPLES, "--store", store)
    assert first.exit_code == 0, first.output
    with open_store(store, create=False) as opened:
        size, docs = len(opened), opened.documents()
    second = run("build", EXAMPLES, "--store", store)
    assert second.exit_code == 0 and "0 document(s) built, 4 already stored" in second.output
    with open_store(store, create=False) as opened:
        assert len(opened) == size and opened.documents() == docs


def test_an_edited_file_replaces_its_old_version_and_remove_drops_it(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Anna Petrova, a spokeswoman for the Maple Institute, spoke in Toronto.", encoding="utf-8")
    store = tmp_path / "store"
    assert run("build", article, "--store", store).exit_code == 0
    article.write_text("Anna Petrova, a spokeswoman for the Birch Council, spoke in Ottawa.", encoding="utf-8")
    result = run("build", article, "--store", store)
    assert result.exit_code == 0 and "1 earlier version(s) replaced" in result.output
    query = run("query", "SELECT ?o WHERE { ?p kg:spokespersonFor ?org . ?org rdfs:label ?o }", "--store", store,
                "-f", "csv")
    assert query.output.splitlines() == ["o", "Birch Council"]
    assert run("remove", article, "--store", store).exit_code == 0
    assert run("stats", "--store", store, "--json").exit_code == 0
    stats = json.loads(run("stats", "--store", store, "--json").output)
    assert stats["documents"] == 0 and stats["entities"] == []
    missing = run("remove", article, "--store", store)
    assert missing.exit_code == 1 and "no such document" in missing.output


def test_read_commands_refuse_a_missing_store_and_a_foreign_directory(tmp_path):
    result = run("stats", "--store", tmp_path / "nothing")
    assert result.exit_code == 1 and "no such store" in result.output
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8")
    result = run("build", EXAMPLES, "--store", tmp_path / "photos")
    assert result.exit_code == 1 and "not a kg store" in result.output


def test_build_and_query_a_remote_sparql_server(sparql_server):
    location, base = sparql_server
    httpx.post(base + "/update", content="DROP ALL", headers={"Content-Type": "application/sparql-update"})
    built = run("build", EXAMPLES, "--store", location)
    assert built.exit_code == 0 and "4 document(s) built" in built.output, built.output
    again = run("build", EXAMPLES, "--store", location)
    assert "4 already stored" in again.output
    answer = run("query", "@who_works_for_whom", "--store", location, "-f", "csv")
    assert answer.exit_code == 0 and "Marcus Reyes" in answer.output
    stats = json.loads(run("stats", "--store", location, "--json").output)
    assert stats["documents"] == 4
    unreachable = run("stats", "--store", "sparql+http://127.0.0.1:9/query")
    assert unreachable.exit_code == 1 and "cannot be reached" in unreachable.output


def test_two_worker_processes_build_the_same_store_as_one(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", EXAMPLES, "--store", one).exit_code == 0
    result = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(EXAMPLES), "--store", str(two),
                             "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with open_store(one, create=False) as a, open_store(two, create=False) as b:
        assert a.documents() == b.documents() and len(a) == len(b)


def test_the_same_text_twice_in_one_run_is_built_once(tmp_path):
    text = "Anna Petrova, a spokeswoman for the Maple Institute, spoke in Toronto."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text, encoding="utf-8")
    result = run("build", tmp_path / "a.txt", tmp_path / "b.txt", "--store", tmp_path / "store")
    assert result.exit_code == 0 and "1 document(s) built, 1 already stored" in result.output


def test_a_dask_local_cluster_builds_the_same_store_as_one_process(tmp_path):
    one, cluster = tmp_path / "one", tmp_path / "cluster"
    assert run("build", EXAMPLES, "--store", one).exit_code == 0
    result = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(EXAMPLES), "--store", str(cluster),
                             "--dask", "local", "--workers", "2"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    with open_store(one, create=False) as a, open_store(cluster, create=False) as b:
        assert a.documents() == b.documents() and len(a) == len(b)


def test_merges_are_listed_and_undone_from_the_cli(tmp_path):
    store = tmp_path / "store"
    (tmp_path / "full.txt").write_text("Vladimir Putin visited Paris on Monday.\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text("Putin met Angela Merkel in Berlin on Tuesday.\n", encoding="utf-8")
    for name in ("full.txt", "short.txt"):
        assert run("build", tmp_path / name, "--store", store).exit_code == 0
    listed = run("merges", "--store", store)
    assert listed.exit_code == 0 and "surname of 'vladimir putin'" in listed.stdout and "1 merge(s)" in listed.stdout
    undone = run("unmerge", "Putin", "--store", store)
    assert undone.exit_code == 0 and "unmerged in 1 document(s)" in undone.stdout
    assert "0 merge(s)" in run("merges", "--store", store).stdout
    again = run("unmerge", "Putin", "--store", store)
    assert again.exit_code == 1 and "no merge" in again.output
