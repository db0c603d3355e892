"""Worker processes (query workers in kg serve, extraction workers in kg build): a memory cap,
and how a worker ended.

RLIMIT_DATA caps the data segment (heap and anonymous maps), so a runaway query or document fails
its own allocation (MemoryError, or the process ends) instead of swapping the machine. Not
RLIMIT_AS: stores' files are mapped read-only and thread stacks reserve address space, neither of
which is memory used.
"""

from __future__ import annotations

import resource
import signal


def limit_memory(max_memory_mb: int) -> None:
    limit = max_memory_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)  # an unprivileged process cannot raise its hard limit
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard if hard != resource.RLIM_INFINITY else limit))


def exit_reason(code: int | None) -> str:
    """A process's exit code in words: 'killed by SIGKILL', 'exit status 1'."""
    if code is None:
        return "it stopped answering"
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"
