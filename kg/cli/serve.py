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
    timeout: float = typer.Option(30.0, help="Seconds a query may run before it is stopped (HTTP 503)."),
    max_rows: int = typer.Option(10_000, "--max-rows", help="Largest answer, in rows or triples (else HTTP 413)."),
    workers: int = typer.Option(2, help="Queries answered at once (one process each)."),
) -> None:
    """Serve a store read-only: SPARQL 1.1 Protocol at /sparql, a query page at /, the graph at /graph."""
    import uvicorn

    from kg.serve.app import create_app
    from kg.serve.workers import Limits

    if timeout <= 0 or max_rows <= 0 or workers <= 0:
        raise fail("--timeout, --max-rows and --workers must be positive", 2)
    try:
        application = create_app(store, limits=Limits(timeout, max_rows), workers=workers)
    except KGError as exc:
        raise fail(str(exc)) from None
    if host not in LOOPBACK:
        say("warning", f"listening on {host}: anyone who can reach it can read the store", "yellow")
    err.print(f"kg: serving {store} at http://{host}:{port}/ (Ctrl-C stops)", highlight=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")
