"""The worker pool: a bounded line of requests waiting for a free worker, and workers replaced.

Runs on the server's event loop; only the pipe talk (and starting a replacement) happens in threads,
one per worker at most. Every request ends within about the time limit: it waits for a worker at most
that long (then 503 with Retry-After), and the query runs for what is left of it. A line already
`max_waiting` long is answered 503 with Retry-After at once, so waiting is bounded in count too.
"""

from __future__ import annotations

import asyncio
import math
import sys
from collections import deque
from concurrent.futures import ThreadPoolExecutor

from kg.errors import KGError
from kg.serve.answers import Answer, Refused
from kg.serve.workers import Limits, TimedOut, Worker

# A query handed a worker just before its request's deadline still runs this share of the limit:
# killing a worker after a few milliseconds would cost a restart and answer nothing.
MIN_RUN_SHARE = 0.25
RESTART_RETRY_SECONDS = 5.0


class Busy(Refused):
    """No worker could be had in time; ``retry_after`` seconds is the hint sent with the 503."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(503, message)
        self.retry_after = retry_after


class WorkerPool:
    def __init__(self, location: str, size: int, limits: Limits) -> None:
        self.limits, self.size = limits, size
        self._all = [Worker(location, limits) for _ in range(size)]
        for worker in self._all:  # start together, then wait: the imports overlap
            worker.start()
        try:
            for worker in self._all:
                worker.wait_ready()
        except KGError:
            for worker in self._all:  # none is left running behind the one-line error
                worker.kill()
            raise
        self._idle: deque[Worker] = deque(self._all)
        self._busy: set[Worker] = set()
        self._waiters: deque[asyncio.Future] = deque()
        self._starting = 0
        self._stopping = False
        self._threads = ThreadPoolExecutor(max_workers=2 * size, thread_name_prefix="kg-query")

    async def ask(self, query: str, fmt: str | None, accept: str) -> Answer:
        loop = asyncio.get_running_loop()
        arrived = loop.time()
        worker = await self._acquire(arrived + self.limits.timeout)
        waited = loop.time() - arrived
        budget = max(self.limits.timeout - waited, MIN_RUN_SHARE * self.limits.timeout)
        running = loop.run_in_executor(self._threads, worker.ask, query, fmt, accept, budget)
        # The worker goes back (or is replaced) when its thread is done, even if this request is cancelled.
        running.add_done_callback(lambda done: self._finished(worker, done))
        answer, refused, _ = await asyncio.shield(running)
        if isinstance(refused, TimedOut) and waited >= 0.1:
            raise Refused(503, f"the query ran past the {self.limits.timeout:g} s limit ({waited:.1f} s of it waiting "
                               "for a free worker) and was stopped; narrow it or add a LIMIT")  # fmt: skip
        if refused is not None:
            raise refused
        return answer

    async def _acquire(self, deadline: float) -> Worker:
        while self._idle:
            worker = self._idle.popleft()
            if worker.alive():
                self._busy.add(worker)
                return worker
            self._replace(worker)  # died while idle (kill -9, the OOM killer): never given a query
        if len(self._waiters) >= self.limits.max_waiting:
            raise Busy(f"all {self.size} query workers are busy and {len(self._waiters)} requests are waiting; "
                       "try again shortly", retry_after=1)  # fmt: skip
        loop = asyncio.get_running_loop()
        handed: asyncio.Future = loop.create_future()
        self._waiters.append(handed)
        try:
            await asyncio.wait([handed], timeout=max(0.0, deadline - loop.time()))
        except asyncio.CancelledError:  # the client went away while waiting
            self._give_up(handed)
            raise
        if not handed.done():
            self._give_up(handed)
            raise Busy(f"all {self.size} query workers were busy for the whole {self.limits.timeout:g} s limit; "
                       "try again later", retry_after=math.ceil(self.limits.timeout))  # fmt: skip
        return handed.result()

    def _give_up(self, handed: asyncio.Future) -> None:
        if handed.done() and not handed.cancelled():
            worker = handed.result()  # handed over just as the wait ended: pass it on
            self._busy.discard(worker)
            self._available(worker)
            return
        handed.cancel()
        if handed in self._waiters:
            self._waiters.remove(handed)

    def _finished(self, worker: Worker, running: asyncio.Future) -> None:
        self._busy.discard(worker)
        if running.cancelled() or running.exception() is not None:
            self._replace(worker)  # the pipe talk itself failed: trust nothing about this worker
        elif running.result()[2]:
            self._replace(worker)
        else:
            self._available(worker)

    def _available(self, worker: Worker) -> None:
        """A worker free for the next request: the longest waiter gets it, else it waits idle."""
        if self._stopping:
            return
        if not worker.alive():
            self._replace(worker)
            return
        while self._waiters:
            handed = self._waiters.popleft()
            if not handed.done():
                self._busy.add(worker)
                handed.set_result(worker)
                return
        self._idle.append(worker)

    def _replace(self, worker: Worker) -> None:
        """Start a new process for ``worker`` in the background; it serves once it is ready."""
        if self._stopping:
            return
        self._starting += 1
        loop = asyncio.get_running_loop()
        starting = loop.run_in_executor(self._threads, self._restart, worker)
        starting.add_done_callback(lambda done: self._started(worker, done))

    def _restart(self, worker: Worker) -> None:
        worker.kill()
        if self._stopping:
            return
        worker.start()
        worker.wait_ready()

    def _started(self, worker: Worker, starting: asyncio.Future) -> None:
        self._starting -= 1
        problem = None if starting.cancelled() else starting.exception()
        if problem is not None or starting.cancelled():
            print(f"kg: a query worker could not be started again ({problem}); retrying in "
                  f"{RESTART_RETRY_SECONDS:g} s", file=sys.stderr)  # fmt: skip
            asyncio.get_running_loop().call_later(RESTART_RETRY_SECONDS, self._replace, worker)
            return
        self._available(worker)

    def status(self) -> dict[str, int]:
        """The workers as they are: a dead idle one is noticed here too and replaced."""
        for worker in [w for w in self._idle if not w.alive()]:
            self._idle.remove(worker)
            self._replace(worker)
        alive = sum(worker.alive() for worker in self._idle) + sum(worker.alive() for worker in self._busy)
        return {"workers": alive, "of": self.size, "busy": len(self._busy), "starting": self._starting,
                "waiting": len(self._waiters)}  # fmt: skip

    def stop(self) -> None:
        self._stopping = True
        for worker in self._all:
            worker.kill()
        self._threads.shutdown(wait=False, cancel_futures=True)
