"""A time budget per document: work on one document that runs past it is interrupted, reported,
and the build goes on with the next document.

Inside one process the work is interrupted by raising ``DocumentTimeout`` in the thread doing it:
on the main thread by a SIGALRM timer (its handler also runs inside long regular-expression matches),
on other threads (a Dask worker's) by an asynchronous exception, which Python delivers at its next
bytecode. Neither can stop compiled code that never returns to Python; worker processes are
supervised for that case (kg/parallel.py kills and replaces a worker that does not answer).
"""

from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

MAX_SECONDS = 86_400.0  # a day: the timers take no more (and no document needs it)


class DocumentTimeout(Exception):
    """The current document ran past its time budget."""

    def __init__(self, seconds: float | None = None) -> None:
        budget = f"the {seconds:g} s" if seconds else "its"
        super().__init__(f"took longer than {budget} time budget per document; skipped (raise --doc-timeout)")
        self.seconds = seconds


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the body with at most ``seconds`` of wall time; past it, ``DocumentTimeout`` is raised in it."""
    if not seconds or seconds <= 0:
        yield
        return
    seconds = min(seconds, MAX_SECONDS)
    on_main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if on_main and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None):
        with _alarm(seconds):
            yield
    else:
        with _async_interrupt(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    fired = []

    def expire(signum, frame) -> None:
        fired.append(True)
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even if the alarm lands just now, the handler is put back
            signal.signal(signal.SIGALRM, previous)
    if fired:  # the body caught the interruption and went on: it still ran out of time
        raise DocumentTimeout(seconds)


@contextmanager
def _async_interrupt(seconds: float) -> Iterator[None]:
    target = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except DocumentTimeout:
        raise DocumentTimeout(seconds) from None  # the injected one carries no message
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            fired = state["fired"]
        if fired:
            # The exception may still be pending (the body ended just as the timer fired): clear it
            # so it cannot surface later in unrelated code, and report the overrun here instead.
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
    if fired:
        raise DocumentTimeout(seconds)
