"""The query worker process: checks, runs and serialises one query at a time, within a memory limit.

Everything a query makes the server do happens here, never in the process that serves HTTP: the
read-only check (its cost grows with the query), the engine, and writing the answer. So a slow check
is under the time limit like the rest, and a query that kills its process (out of memory, a crash in
the engine) kills only this worker, which the pool replaces.
"""

from __future__ import annotations

import signal

from kg.limits import limit_memory
from kg.serve.answers import Refused

def serve_queries(location: str, connection, max_rows: int, max_answer_bytes: int, max_memory_mb: int) -> None:
    """Worker main loop: (query, format, accept) in; an Answer or (status, message, replace me) out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle: it stops us
    limit_memory(max_memory_mb)  # first, so that nothing this process ever holds escapes it

    from kg.errors import KGError
    from kg.query.safety import QueryRefused, check_query
    from kg.serve.answers import serialise
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore(location, read_only=True)
    connection.send("ready")
    while True:
        try:
            query, fmt, accept = connection.recv()
        except EOFError:
            return  # the server closed the pipe: it is stopping
        try:
            query = check_query(query, store.has_graph)  # the text checked is the text run
            result = store.sparql(query, max_rows=max_rows)
            size = len(result.graph) if result.type in ("CONSTRUCT", "DESCRIBE") else len(result)
            if result.type != "ASK" and size > max_rows:
                raise Refused(413, f"the answer has more than {max_rows:,} rows; add a LIMIT or narrow the query")
            reply = serialise(result, fmt, accept, max_bytes=max_answer_bytes)
            del result
            connection.send(reply)
        except (Refused, QueryRefused) as exc:
            connection.send((exc.status, str(exc), False))
        except MemoryError:
            # Python's own allocation failed under the limit; the heap may be in pieces, so this
            # worker answers and asks to be replaced.
            connection.send((503, f"the query needed more than the {max_memory_mb:,} MB a query worker may use "
                                  "(--max-memory-mb); narrow it or add a LIMIT", True))  # fmt: skip
            return
        except KGError as exc:
            connection.send((400, str(exc).splitlines()[0] if str(exc) else "query failed", False))
        except Exception as exc:  # the engine's own errors: report, keep serving
            first = str(exc).splitlines()[0][:300] if str(exc) else ""
            connection.send((500, f"{exc.__class__.__name__}: {first}", False))
