"""Query workers as the server sees them: processes over pipes, a time limit each, and replacement.

A query that runs out of time gets its worker killed; a worker that dies while answering (out of
memory under its limit, a crash in the engine, `kill -9`) is noticed by the end of its pipe; a worker
found dead while idle is noticed before it is given a query. In every case the client gets an HTTP
error or its answer, never a partial one, and a new worker is started in the background.
"""

from __future__ import annotations

import multiprocessing
from dataclasses import dataclass

from kg.errors import StoreError
from kg.limits import exit_reason
from kg.serve.answers import Answer, Refused

STARTUP_SECONDS = 120


@dataclass(frozen=True)
class Limits:
    timeout: float = 30.0  # seconds per request, waiting for a worker included
    max_rows: int = 10_000  # rows (or triples) per answer
    max_memory_mb: int = 2048  # data segment per worker process
    max_answer_mb: float = 64.0  # serialised answer
    max_waiting: int = 32  # requests waiting for a free worker


# (answer, refusal, replace): exactly one of the first two; replace when the worker must be started again
Reply = tuple[Answer | None, Refused | None, bool]


class WorkerDied(Refused):
    """The worker's process ended while it held a query."""


class TimedOut(Refused):
    """The query was still running when its time was up; its worker was killed."""


class Worker:
    """One worker process and the server's end of its pipe. Used by one thread at a time."""

    def __init__(self, location: str, limits: Limits) -> None:
        self.location, self.limits = location, limits
        self.process = None
        self.connection = None

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")  # no inherited locks or threads
        self.connection, child = context.Pipe()
        args = (self.location, child, self.limits.max_rows, int(self.limits.max_answer_mb * 2**20),
                self.limits.max_memory_mb)  # fmt: skip
        from kg.serve.worker import serve_queries

        self.process = context.Process(target=serve_queries, args=args, daemon=True)
        self.process.start()
        child.close()  # only the worker holds its end, so its death reads as the end of the pipe

    def wait_ready(self) -> None:
        """Block until the worker has imported and opened the store, so that no query's time limit
        is spent on a worker's start."""
        try:
            ready = self.connection.poll(STARTUP_SECONDS) and self.connection.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            reason = exit_reason(self.process.exitcode) if not self.process.is_alive() else "no answer"
            self.kill()
            raise StoreError(f"a query worker did not start within {STARTUP_SECONDS} s ({reason}); check the store"
                             " and --max-memory-mb")

    def alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def ask(self, query: str, fmt: str | None, accept: str, timeout: float) -> Reply:
        """Send one query and wait at most ``timeout`` seconds for its reply."""
        try:
            self.connection.send((query, fmt, accept))
            if not self.connection.poll(timeout):
                self.kill()
                return None, TimedOut(503, f"the query ran past the {self.limits.timeout:g} s limit and was "
                                           "stopped; narrow it or add a LIMIT"), True  # fmt: skip
            reply = self.connection.recv()
        except (EOFError, OSError):  # the pipe's other end is gone: the process died
            self.process.join(5)
            reason = exit_reason(self.process.exitcode)
            self.kill()
            message = (f"the query worker died while answering ({reason}); it is being replaced. A query that "
                       f"needs more than the {self.limits.max_memory_mb:,} MB a worker may use (--max-memory-mb) "
                       "ends this way: narrow it or add a LIMIT")  # fmt: skip
            return None, WorkerDied(500, message), True
        if isinstance(reply, tuple):
            status, message, replace = reply
            if replace:
                self.kill()
            return None, Refused(status, message), replace
        return reply, None, False

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.join()
        if self.connection is not None:
            self.connection.close()
            self.connection = None
