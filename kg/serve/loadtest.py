"""A bounded load test of a running `kg serve`: N clients on loopback, each sending M queries.

    python -m kg.serve.loadtest http://127.0.0.1:7878 --clients 20 --queries 200

Prints the latency percentiles and the number of errors (any answer but 200 is one). Only loopback
addresses are accepted: this is for testing one's own server, never anyone else's.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

# A mix of what a client asks: a lookup, a join, a shipped query, an ASK and a CONSTRUCT.
QUERIES = [
    "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name LIMIT 50",
    "SELECT ?who ?org WHERE { ?who kg:worksFor ?org } LIMIT 50",
    "SELECT ?speaker (COUNT(?q) AS ?n) WHERE { ?q a kg:Quote ; kg:speaker ?speaker } GROUP BY ?speaker LIMIT 50",
    "ASK { ?s a kg:Organization }",
    "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kg:Place ; rdfs:label ?l } LIMIT 50",
]
LOOPBACK = ("127.", "localhost", "[::1]", "::1")


@dataclass(frozen=True)
class LoadReport:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float
    first_errors: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"{self.requests} queries in {self.seconds:.1f} s ({self.requests / self.seconds:.0f}/s): "
            f"p50 {self.p50_ms:.1f} ms, p99 {self.p99_ms:.1f} ms, {self.errors} error(s)"
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def load_test(base: str, *, clients: int = 20, queries: int = 200, timeout: float = 60.0) -> LoadReport:
    """``clients`` threads, each with its own connection, send ``queries`` queries one after another."""
    import httpx

    host = urlsplit(base).hostname or ""
    if not host.startswith(LOOPBACK) and host != "localhost":
        raise ValueError(f"{base}: a load test only targets this machine (loopback)")
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(number: int) -> None:
        with httpx.Client(base_url=base, timeout=timeout) as http:
            for i in range(queries):
                query = QUERIES[(number + i) % len(QUERIES)]
                started = time.perf_counter()
                try:
                    status = http.get("/sparql", params={"query": query}).status_code
                    problem = None if status == 200 else f"HTTP {status}"
                except httpx.HTTPError as exc:
                    problem = f"{exc.__class__.__name__}: {exc}"
                took = (time.perf_counter() - started) * 1000
                with lock:
                    latencies.append(took)
                    if problem:
                        errors.append(problem)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    return LoadReport(
        requests=len(latencies),
        errors=len(errors),
        seconds=seconds,
        p50_ms=statistics.median(latencies) if latencies else 0.0,
        p99_ms=percentile(latencies, 0.99),
        first_errors=tuple(errors[:5]),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server, e.g. http://127.0.0.1:7878")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--queries", type=int, default=200, help="per client")
    args = parser.parse_args()
    report = load_test(args.base, clients=args.clients, queries=args.queries)
    print(f"load: {args.clients} clients x {args.queries} queries: {report}")
    for problem in report.first_errors:
        print(f"  e.g. {problem}")
    raise SystemExit(1 if report.errors else 0)


if __name__ == "__main__":
    main()
