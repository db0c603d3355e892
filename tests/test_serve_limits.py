"""`kg serve` under hostile load: memory, answer size, the waiting line, Host names. A real server
process with small limits, real HTTP on loopback, a real store."""
from __future__ import annotations

import threading
import time

import httpx
import pytest
from rdflib import Literal
from conftest import EXAMPLES
from test_serve import SLOW, start_server, stop_server, wait_for_workers
from typer.testing import CliRunner

from kg.cli import app

pytestmark = pytest.mark.model
ASK = "ASK { ?s ?p ?o }"
# Nine variables over the whole store, sorted: the engine holds every solution (2.5 GB in 8 s before).
HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a LIMIT 5"


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    """One worker, a line of one, 512 MB per worker, 1 MB answers, and one more Host name."""
    store = tmp_path_factory.mktemp("limits") / "store"
    assert CliRunner().invoke(app, ["build", str(EXAMPLES), "--store", str(store)]).exit_code == 0
    process, base = start_server(store, "--workers", "1", "--queue", "1", "--timeout", "8", "--max-memory-mb", "512",
                                 "--max-answer-mb", "1", "--allow-host", "kg.example")
    yield base
    stop_server(process)


def served_again(base: str) -> httpx.Response:
    """The first 200 to an ASK while a replaced worker starts; a 503 meanwhile must say when to retry."""
    for _ in range(60):
        answer = httpx.get(base + "/sparql", params={"query": ASK}, timeout=60)
        if answer.status_code != 503:
            return answer
        assert "Retry-After" in answer.headers, answer.text
        time.sleep(0.5)
    return answer


def test_a_query_past_the_memory_limit_ends_its_worker_not_the_server(limited):
    base = limited
    answer = httpx.get(base + "/sparql", params={"query": HUNGRY}, timeout=120)
    assert answer.status_code in (500, 503), answer.text
    assert "--max-memory-mb" in answer.text and len(answer.text.strip().splitlines()) == 1
    assert served_again(base).status_code == 200
    wait_for_workers(base, 1)


def test_an_answer_over_the_byte_cap_is_refused_in_the_worker(limited):
    base = limited
    answer = httpx.get(base + "/sparql", params={"query": doubled_texts(rows=20, times=10)}, timeout=60)
    assert answer.status_code == 413 and "--max-answer-mb" in answer.text, answer.text[:200]
    small = httpx.get(base + "/sparql", params={"query": doubled_texts(rows=2, times=3)}, timeout=60)
    assert small.status_code == 200 and len(small.content) < 2**20


def doubled_texts(rows: int, times: int) -> str:
    """Rows of a 100-character text doubled ``times`` times: 20 rows doubled 10 times are 2 MB."""
    doubling = " ".join(f"BIND(CONCAT(?t{i}, ?t{i}) AS ?t{i + 1})" for i in range(times))
    values = " ".join(map(str, range(rows)))
    start = f'BIND(CONCAT(STR(?n), "{"x" * 100}") AS ?t0)'
    return f"SELECT ?t{times} WHERE {{ VALUES ?n {{ {values} }} {start} {doubling} }}"


def test_a_full_line_is_answered_503_with_retry_after_and_no_request_waits_past_the_limit(limited):
    base = limited
    wait_for_workers(base, 1)
    answers: dict[str, httpx.Response] = {}

    def send(name: str) -> None:
        answers[name] = httpx.get(base + "/sparql", params={"query": SLOW}, timeout=120)

    running = threading.Thread(target=send, args=("running",))
    running.start()
    waiting = threading.Thread(target=send, args=("waiting",))
    for _ in range(200):  # the first runs, then the second waits: /health says so
        state = httpx.get(base + "/health", timeout=20).json()
        if state["busy"] == 1 and not waiting.is_alive() and "waiting" not in answers:
            waiting.start()
        if state["waiting"] == 1:
            break
        time.sleep(0.05)
    assert state["busy"] == 1 and state["waiting"] == 1, state
    refused = httpx.get(base + "/sparql", params={"query": ASK}, timeout=60)
    assert refused.status_code == 503 and refused.headers["Retry-After"].isdigit(), refused.text
    assert "busy" in refused.text
    running.join(timeout=120)
    waiting.join(timeout=120)
    assert answers["running"].status_code == 503 and "limit" in answers["running"].text
    # The second waited for the whole limit (503, Retry-After) or got what was left of it: never both in full.
    assert answers["waiting"].status_code == 503 and "limit" in answers["waiting"].text, answers["waiting"].text
    assert served_again(base).status_code == 200


def test_another_host_name_is_answered_when_allowed(limited):
    base = limited
    port = base.rsplit(":", 1)[1]
    assert httpx.get(base + "/health", headers={"Host": f"kg.example:{port}"}).status_code == 200
    assert httpx.get(base + "/health", headers={"Host": "kg.example.attacker"}).status_code == 421
    origin = {"Host": f"kg.example:{port}", "Origin": f"http://kg.example:{port}"}
    assert served_again(base).status_code == 200
    assert httpx.get(base + "/sparql", params={"query": ASK}, headers=origin, timeout=60).status_code == 200


def test_allowed_host_names():
    from kg.serve.guard import allowed_hosts, host_name

    assert allowed_hosts("127.0.0.1") == {"localhost", "127.0.0.1", "[::1]"}
    assert allowed_hosts("::1") == {"localhost", "127.0.0.1", "[::1]"}
    assert allowed_hosts("0.0.0.0") is None  # every interface, no names given: not checked (and warned)
    assert allowed_hosts("0.0.0.0", ["KG.Example"]) == {"localhost", "127.0.0.1", "[::1]", "kg.example"}
    assert "192.168.1.5" in allowed_hosts("192.168.1.5")
    assert [host_name(h) for h in ("LocalHost:80", "[::1]:7878", "::1", "a.b")] == ["localhost", "[::1]", "::1", "a.b"]


def test_the_term_caches_are_bounded_in_bytes():
    """A long-running worker converts many answers; a literal may be megabytes (CONCAT makes them),
    so the caches count bytes, not only entries."""
    import pyoxigraph as ox

    from kg.store import terms

    for i in range(5):
        terms.from_ox(ox.Literal(f"{i} small"))
    assert ox.Literal("0 small") in terms._from_ox  # small answers stay cached
    big = [ox.Literal(f"{i}" + "x" * 4_000_000) for i in range(20)]  # 20 x 4 MB: past the 64 MB bound
    for term in big:
        assert terms.from_ox(term) == Literal(term.value)
    assert terms._from_ox.bytes <= terms._from_ox.max_bytes
    assert sum(term in terms._from_ox for term in big) < len(big)
    for term in big[:3]:
        terms.to_ox(Literal(term.value))
    assert terms.to_ox.bytes <= terms.to_ox.max_bytes


def test_limits_that_cannot_work_are_refused_at_start():
    result = CliRunner().invoke(app, ["serve", "--store", "nowhere", "--max-memory-mb", "100"])
    assert result.exit_code == 2 and "--max-memory-mb" in result.output
    result = CliRunner().invoke(app, ["serve", "--store", "nowhere", "--max-answer-mb", "0"])
    assert result.exit_code == 2
