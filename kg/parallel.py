"""Extraction in supervised worker processes: each loads the spaCy pipeline once and turns one
document at a time into an extraction; the calling process keeps reading input and writing the store.

Each worker keeps its own time budget per document (kg/budget.py) and answers with an error when
a document runs past it. The supervisor here is the backstop for what a process cannot do for
itself: a worker that gives no answer within the budget and a grace period (stuck in compiled
code, or stopped) is killed, and one that dies (a crash inside spaCy, the kernel's OOM killer) is
noticed; either way the document it was on is reported, a new worker takes its place, and the
build goes on.

Only plain data crosses between processes (documents in, extractions and errors out), never a
spaCy Doc. A bounded number of documents is in flight, so memory stays bounded on any corpus, and
extractions come out in input order, so a build gives the same graph however many workers.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable, Iterator

from kg.budget import MAX_SECONDS
from kg.config import Settings
from kg.errors import ConfigError, IngestError, OutOfMemory
from kg.limits import exit_reason
from kg.types import Document, Extraction

log = logging.getLogger("kg")

STARTUP_SECONDS = 300.0  # importing spaCy and loading the model, on a busy machine
IN_FLIGHT_PER_WORKER = 6  # finished extractions may wait for an earlier, slower one: this many per worker


def grace_seconds(budget: float) -> float:
    """How long past the budget a worker may take to answer before it is taken for stuck."""
    return 5.0 + 0.25 * budget


def serve_documents(connection: Connection, settings: Settings) -> None:
    """Worker main loop: a Document in, an Extraction or an IngestError out."""
    from kg.build import extract_or_report, warm_up
    from kg.limits import limit_memory

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's to handle: it stops us
    limit_memory(settings.worker_memory_mb)  # first, so that nothing this process holds escapes it
    try:
        warm_up(settings)
        connection.send("ready")
        while True:
            try:
                document = connection.recv()
            except EOFError:
                return
            found = extract_or_report(document, settings)
            connection.send(found)
            if isinstance(found, OutOfMemory):
                return  # its heap may be in pieces: the supervisor starts a fresh worker
    except ConfigError as exc:
        connection.send(("fatal", str(exc)))


@dataclass
class Job:
    number: int
    document: Document


class Worker:
    """One extraction process and the document it is on.

    A worker is given a document only when it has answered the last one: it is then reading its
    pipe, so a send cannot block on a worker that is itself blocked sending a large answer."""

    def __init__(self, settings: Settings) -> None:
        context = multiprocessing.get_context("spawn")  # a clean interpreter: no inherited threads or locks
        self.settings = settings
        self.connection, child = context.Pipe()
        self.process = context.Process(target=serve_documents, args=(child, settings), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.job: Job | None = None
        self.since = time.monotonic()  # when it started, or when it was given its document

    def give(self, job: Job) -> bool:
        """Send it a document; False if the process is gone."""
        try:
            self.connection.send(job.document)
        except OSError:
            return False
        self.job, self.since = job, time.monotonic()
        return True

    def due(self, limit: float | None) -> float | None:
        """When it must have answered: its start-up, or its document's budget and grace."""
        if not self.ready:
            return self.since + STARTUP_SECONDS
        if self.job is not None and limit is not None:
            return self.since + limit
        return None

    def stop(self) -> str:
        """Kill the process; say how it ended."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()
        return exit_reason(self.process.exitcode)


class Supervisor:
    """Hands documents to workers, collects their answers in input order, replaces failed workers."""

    def __init__(self, documents: Iterable[Document], settings: Settings) -> None:
        budget = min(settings.doc_timeout, MAX_SECONDS)
        self.limit = budget + grace_seconds(budget) if budget and budget > 0 else None
        self.settings = settings
        self.workers = [self.start() for _ in range(settings.workers)]
        self.incoming = iter(documents)
        self.retry: deque[Job] = deque()  # documents a worker died before taking, to hand out again
        self.done: dict[int, Extraction | IngestError] = {}
        self.given = self.emitted = 0
        self.exhausted = False

    def start(self) -> Worker:
        worker = Worker(self.settings)
        log.info("extraction worker %d started", worker.process.pid)
        return worker

    def run(self) -> Iterator[Extraction | IngestError]:
        try:
            while True:
                self.hand_out()
                while self.emitted in self.done:
                    yield self.done.pop(self.emitted)
                    self.emitted += 1
                    self.hand_out()  # the window has room again: keep the workers busy meanwhile
                if self.exhausted and not self.retry and self.emitted == self.given:
                    return
                dues = [due for w in self.workers if (due := w.due(self.limit)) is not None]
                timeout = max(min(dues) - time.monotonic(), 0.0) if dues else None
                ready = wait([w.connection for w in self.workers], timeout=timeout)
                for index, worker in enumerate(self.workers):
                    if worker.connection in ready:
                        self.receive(index)
                    elif (due := worker.due(self.limit)) is not None and time.monotonic() > due:
                        self.replace(index, "gave no answer")
        finally:
            for worker in self.workers:
                worker.stop()

    def next_job(self) -> Job | None:
        if self.retry:
            return self.retry.popleft()
        if self.exhausted or self.given - self.emitted >= IN_FLIGHT_PER_WORKER * len(self.workers):
            return None
        document = next(self.incoming, None)
        if document is None:
            self.exhausted = True
            return None
        self.given += 1
        return Job(self.given - 1, document)

    def hand_out(self) -> None:
        for worker in self.workers:
            if worker.ready and worker.job is None and (job := self.next_job()) is not None:
                if not worker.give(job):
                    self.retry.appendleft(job)  # it died before taking it; wait() reports the death

    def receive(self, index: int) -> None:
        worker = self.workers[index]
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            self.replace(index, "died")
            return
        if message == "ready":
            worker.ready = True
            worker.since = time.monotonic()
            log.info("extraction worker %d ready", worker.process.pid)
        elif isinstance(message, tuple) and message[0] == "fatal":
            raise ConfigError(message[1])  # the model or a setting: no document can be built
        elif worker.job is not None:
            self.done[worker.job.number] = message
            worker.job = None
            if isinstance(message, OutOfMemory):
                self.replace(index, "ran out of memory")  # it is exiting: give it nothing more

    def replace(self, index: int, what: str) -> None:
        worker = self.workers[index]
        how = worker.stop()
        if not worker.ready:
            raise ConfigError(
                f"an extraction worker {what} while starting ({how}); run with --workers 1 to see why, and check"
                f" that KG_WORKER_MEMORY_MB ({self.settings.worker_memory_mb:,}) leaves room for the model"
            )
        if worker.job is not None:
            if what == "died":
                problem = f"the worker process extracting it died ({how}); skipped. Please report this document"
            else:
                problem = (
                    f"no answer from its worker process within {self.limit:g} s; the worker was killed and"
                    " replaced (raise --doc-timeout)"
                )
            self.done[worker.job.number] = IngestError(worker.job.document.source, problem)
        self.workers[index] = self.start()
        log.info("extraction worker %d %s (%s); replaced by %d", worker.process.pid, what, how, self.workers[index].process.pid)


def parallel_extractions(
    documents: Iterable[Document], settings: Settings, on_error: Callable[[IngestError], None]
) -> Iterator[Extraction]:
    """Extractions of ``documents`` from ``settings.workers`` supervised processes, in input order."""
    for found in Supervisor(documents, settings).run():
        if isinstance(found, IngestError):
            on_error(found)
        else:
            yield found
