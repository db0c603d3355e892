"""Queries run in worker processes, so a query past its time limit can be stopped for real.

Each worker opens the store read-only and answers one query at a time over a pipe. A query that
runs out of time gets its worker killed and replaced; the client gets an HTTP error, never a
partial answer.
"""

from __future__ import annotations

import multiprocessing
import queue
from dataclasses import dataclass

from kg.serve.answers import Answer, Refused

STARTUP_SECONDS = 120


@dataclass(frozen=True)
class Limits:
    timeout: float = 30.0  # seconds per query
    max_rows: int = 10_000  # rows (or triples) per answer


def serve_queries(location: str, connection, max_rows: int) -> None:
    """Worker main loop: (query, format, accept) in, Answer or (status, message) out."""
    from kg.errors import KGError
    from kg.query.safety import QueryRefused, check_graphs
    from kg.serve.answers import serialise
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(location, read_only=True)
    connection.send("ready")
    while True:
        try:
            query, fmt, accept = connection.recv()
        except EOFError:
            return
        try:
            check_graphs(query, store.has_graph)
            result = store.sparql(query, max_rows=max_rows)
            size = len(result.graph) if result.type in ("CONSTRUCT", "DESCRIBE") else len(result)
            if result.type != "ASK" and size > max_rows:
                raise Refused(413, f"the answer has more than {max_rows:,} rows; add a LIMIT or narrow the query")
            connection.send(serialise(result, fmt, accept))
        except (Refused, QueryRefused) as exc:
            connection.send((exc.status, str(exc)))
        except KGError as exc:
            connection.send((400, str(exc)))
        except Exception as exc:  # the engine's own errors: report, keep serving
            connection.send((500, f"{exc.__class__.__name__}: {str(exc)[:300]}"))


class Worker:
    def __init__(self, location: str, max_rows: int, *, wait: bool = True) -> None:
        self.location, self.max_rows = location, max_rows
        self.start(wait=wait)

    def start(self, *, wait: bool = True) -> None:
        context = multiprocessing.get_context("spawn")  # no inherited locks or threads
        self.connection, child = context.Pipe()
        self.process = context.Process(target=serve_queries, args=(self.location, child, self.max_rows), daemon=True)
        self.process.start()
        child.close()
        if wait:
            self.wait_ready()

    def wait_ready(self) -> None:
        """Block until the worker has imported and opened the store, so that no query's time limit
        is spent on a worker's start."""
        if not self.connection.poll(STARTUP_SECONDS) or self.connection.recv() != "ready":
            self.process.kill()
            raise RuntimeError(f"a query worker did not start within {STARTUP_SECONDS} s")

    def ask(self, query: str, fmt: str | None, accept: str, timeout: float) -> Answer:
        self.connection.send((query, fmt, accept))
        if not self.connection.poll(timeout):
            self.restart()
            raise Refused(503, f"the query ran past the {timeout:g} s limit and was stopped; narrow it or add a LIMIT")
        reply = self.connection.recv()
        if isinstance(reply, tuple):
            raise Refused(*reply)
        return reply

    def restart(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()
        self.start()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()


class WorkerPool:
    """A fixed set of workers; a request waits for a free one."""

    def __init__(self, location: str, size: int, limits: Limits) -> None:
        self.limits = limits
        self._free: queue.Queue[Worker] = queue.Queue()
        self._all = [Worker(location, limits.max_rows, wait=False) for _ in range(size)]  # start together
        for worker in self._all:
            worker.wait_ready()
            self._free.put(worker)

    def ask(self, query: str, fmt: str | None, accept: str) -> Answer:
        worker = self._free.get()
        try:
            return worker.ask(query, fmt, accept, self.limits.timeout)
        finally:
            self._free.put(worker)

    def stop(self) -> None:
        for worker in self._all:
            worker.stop()
