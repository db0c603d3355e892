"""`kg serve` as a client sees it: a real server process, a real HTTP client, the SPARQL 1.1 Protocol."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from conftest import EXAMPLES
from typer.testing import CliRunner

from kg.cli import app

pytestmark = pytest.mark.model
PERSONS = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("serve") / "store"
    assert CliRunner().invoke(app, ["build", str(EXAMPLES), "--store", str(store)]).exit_code == 0
    port = free_port()
    command = [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port),
               "--timeout", "1.5", "--max-rows", "200"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("kg serve did not start: " + process.stderr.read())
    yield base, store
    process.terminate()
    process.wait(timeout=20)


def test_get_and_post_answer_the_same(server):
    base, _ = server
    got = httpx.get(base + "/sparql", params={"query": PERSONS})
    form = httpx.post(base + "/sparql", data={"query": PERSONS})
    direct = httpx.post(base + "/sparql", content=PERSONS, headers={"Content-Type": "application/sparql-query"})
    assert got.status_code == form.status_code == direct.status_code == 200
    assert got.headers["content-type"].startswith("application/sparql-results+json")
    names = [b["name"]["value"] for b in got.json()["results"]["bindings"]]
    assert "Kirill Kalinin" in names and names == sorted(names)
    assert got.json() == form.json() == direct.json()


@pytest.mark.parametrize("accept, media, marker", [
    ("text/csv", "text/csv", "name\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", "?name\n"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
])
def test_results_come_in_the_format_asked_for(server, accept, media, marker):
    base, _ = server
    response = httpx.get(base + "/sparql", params={"query": PERSONS}, headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert marker in response.text and "Kirill Kalinin" in response.text


def test_construct_answers_in_turtle_or_ntriples(server):
    base, _ = server
    query = "CONSTRUCT { ?p a kg:Person } WHERE { ?p a kg:Person }"
    turtle = httpx.get(base + "/sparql", params={"query": query})
    lines = httpx.get(base + "/sparql", params={"query": query, "format": "ntriples"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    assert lines.headers["content-type"].startswith("application/n-triples")
    assert lines.text.count(" .\n") == len(httpx.get(base + "/sparql", params={"query": PERSONS}).json()["results"]["bindings"])


def test_updates_and_remote_services_are_refused(server):
    base, store = server
    assert httpx.post(base + "/sparql", data={"update": "DROP ALL"}).status_code == 403
    update = httpx.post(base + "/sparql", content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert update.status_code == 403
    assert httpx.get(base + "/sparql", params={"query": "DELETE WHERE { ?s ?p ?o }"}).status_code == 403
    service = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://x.test/> { ?s ?p ?o } }"})
    assert service.status_code == 400 and "SERVICE" in service.text
    assert httpx.get(base + "/sparql", params={"query": PERSONS}).json()["results"]["bindings"]  # all still there


def test_a_query_past_the_time_limit_is_stopped_with_an_error_and_the_server_goes_on(server):
    base, _ = server
    started = time.monotonic()
    slow = httpx.get(base + "/sparql", params={"query": SLOW}, timeout=30)
    assert slow.status_code == 503 and "limit" in slow.text
    assert time.monotonic() - started < 10
    assert httpx.get(base + "/sparql", params={"query": PERSONS}).status_code == 200


def test_an_answer_over_the_row_cap_is_refused_not_cut(server):
    base, _ = server
    response = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 413 and "LIMIT" in response.text
    assert httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 200"}).status_code == 200


def test_bad_requests_get_a_clear_status(server):
    base, _ = server
    assert httpx.get(base + "/sparql").status_code == 400
    assert httpx.get(base + "/sparql", params={"query": "SELEKT nothing"}).status_code in (400, 500)
    assert httpx.post(base + "/sparql", content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415
    assert httpx.get(base + "/sparql", params={"query": PERSONS, "format": "yaml"}).status_code == 406


def test_the_pages_need_nothing_from_the_network(server):
    base, _ = server
    page = httpx.get(base + "/")
    assert page.status_code == 200 and "default-src 'none'" in page.headers["content-security-policy"]
    assert "who_said_what" in page.text and "https://" not in page.text.split("<script")[0].split("</head>")[0]
    script = httpx.get(base + "/static/app.js")
    assert script.status_code == 200 and "textContent" in script.text and "innerHTML" not in script.text
    graph = httpx.get(base + "/graph")
    assert graph.status_code == 200 and "Kirill Kalinin" in graph.text
    assert httpx.get(base + "/static/../../etc/passwd").status_code == 404


def test_a_second_process_cannot_write_the_store_while_it_is_served(server):
    _, store = server
    result = CliRunner().invoke(app, ["build", str(EXAMPLES), "--store", str(store)])
    assert result.exit_code == 1 and "open in another process" in result.output


def test_from_a_graph_the_store_does_not_hold_is_refused_and_a_held_one_read(server):
    base, _ = server
    remote = httpx.get(base + "/sparql", params={"query": "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }"})
    assert remote.status_code == 400 and "kg fetches nothing from elsewhere" in remote.text
    named = httpx.get(base + "/sparql", params={"query": "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }"})
    assert named.status_code == 400
    doc = httpx.get(base + "/sparql", params={"query": "SELECT ?d WHERE { GRAPH ?d { ?d a kg:Document } } LIMIT 1"})
    held = doc.json()["results"]["bindings"][0]["d"]["value"]
    query = f"SELECT (COUNT(*) AS ?n) FROM <{held}> WHERE {{ ?s ?p ?o }}"
    answer = httpx.get(base + "/sparql", params={"query": query})
    assert answer.status_code == 200 and int(answer.json()["results"]["bindings"][0]["n"]["value"]) > 10


def test_large_and_malformed_requests_get_4xx_and_the_server_goes_on(server):
    base, _ = server
    padding = "# " + "x" * 300_000 + "\n"
    big = httpx.post(base + "/sparql", content=padding + PERSONS, headers={"Content-Type": "application/sparql-query"})
    assert big.status_code == 413
    assert httpx.post(base + "/sparql", data={"query": padding + PERSONS}).status_code == 413
    port = int(base.rsplit(":", 1)[1])
    long_get = raw_request(port, b"GET /sparql?query=" + b"x" * 300_000 + b" HTTP/1.1\r\nHost: k\r\n\r\n")
    assert long_get.startswith(b"HTTP/1.1 4"), long_get[:40]
    assert raw_request(port, b"GARBAGE / HTTP/9.9\r\n\r\n").startswith(b"HTTP/1.1 4")
    assert raw_request(port, b"GET /sparql HTTP/1.1\r\nHost: k\r\n" + b"X-Big: " + b"y" * 100_000 + b"\r\n\r\n").startswith(
        b"HTTP/1.1 4")
    raw = [
        httpx.post(base + "/sparql", content=b"\xff\xfe{{{", headers={"Content-Type": "application/sparql-query"}),
        httpx.get(base + "/sparql?query=%E0%A4%A"),
        httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p "}),
        httpx.put(base + "/sparql", content=b"x"),
        httpx.get(base + "/sparql", params={"query": PERSONS}, headers={"Accept": "\x01" * 100}),
    ]
    assert all(400 <= r.status_code < 500 or r.status_code == 200 for r in raw), [r.status_code for r in raw]
    assert [r.status_code for r in raw][:4] == [400, 400, 400, 405]
    assert httpx.get(base + "/sparql", params={"query": PERSONS}).status_code == 200


def raw_request(port: int, data: bytes) -> bytes:
    """Bytes no HTTP client would send, and the first bytes of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        try:
            conn.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before it has read everything
        return conn.recv(100)


def test_the_graph_page_is_served_with_its_content_security_policy(server):
    base, _ = server
    page = httpx.get(base + "/graph")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "'sha256-" in policy and "unsafe-inline" not in policy
    assert policy in page.text  # the same policy as the page's own meta tag


def test_twenty_clients_times_two_hundred_queries_answer_without_an_error(server):
    from kg.serve.loadtest import load_test

    base, _ = server
    per_client = int(os.environ.get("KG_LOAD_QUERIES", "200"))  # `make soak` sends more
    report = load_test(base, clients=20, queries=per_client)
    print(f"\nload test, 20 clients x {per_client} queries: {report}")
    assert report.requests == 20 * per_client and report.errors == 0, report.first_errors
