"""`kg serve`: the read-only SPARQL endpoint and query page over a store."""

from __future__ import annotations

from pathlib import Path

import typer

from kg.cli.app import app, err, fail, say
from kg.errors import KGError

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@app.command()
def serve(
    store: Path = typer.Option(..., "--store", help="Store directory written by `kg build --store`."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on; loopback unless you mean otherwise."),
    port: int = typer.Option(7878, help="Port to listen on."),
    timeout: float = typer.Option(30.0, help="Seconds a request may take, waiting for a free worker included "
                                             "(else HTTP 503)."),
    max_rows: int = typer.Option(10_000, "--max-rows", help="Largest answer, in rows or triples (else HTTP 413)."),
    max_answer_mb: float = typer.Option(64.0, "--max-answer-mb", help="Largest answer, in MB as written "
                                                                      "(else HTTP 413)."),
    max_memory_mb: int = typer.Option(2048, "--max-memory-mb", help="Memory each query worker may use; a query "
                                                                    "needing more ends its worker, which is replaced."),
    workers: int = typer.Option(2, help="Queries answered at once (one process each)."),
    queue: int = typer.Option(32, "--queue", help="Requests that may wait for a free worker; more get HTTP 503 "
                                                  "with Retry-After."),
    allow_host: list[str] = typer.Option([], "--allow-host", help="Another Host name to answer to, besides localhost, "
                                                                  "127.0.0.1, [::1] and --host (repeatable)."),
) -> None:
    """Serve a store read-only: SPARQL 1.1 Protocol at /sparql, a query page at /, the graph at /graph."""
    import uvicorn

    from kg.serve.app import create_app
    from kg.serve.guard import allowed_hosts
    from kg.serve.workers import Limits

    if timeout <= 0 or max_rows <= 0 or workers <= 0 or max_answer_mb <= 0 or queue < 0:
        raise fail("--timeout, --max-rows, --max-answer-mb and --workers must be positive, --queue at least 0", 2)
    if max_memory_mb < 512:
        raise fail("--max-memory-mb must be at least 512: a worker needs about 250 MB to open a store", 2)
    limits = Limits(timeout, max_rows, max_memory_mb, max_answer_mb, queue)
    hosts = allowed_hosts(host, allow_host)
    try:
        application = create_app(store, limits=limits, workers=workers, hosts=hosts)
    except KGError as exc:
        raise fail(str(exc)) from None
    if host not in LOOPBACK:
        say("warning", f"listening on {host}: anyone who can reach it can read the store", "yellow")
    if hosts is None:
        say("warning", "any Host name is answered (pages elsewhere may reach it by DNS rebinding); "
                       "name this server's names with --allow-host NAME", "yellow")  # fmt: skip
    err.print(f"kg: serving {store} at http://{host}:{port}/ (Ctrl-C stops)", highlight=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")
