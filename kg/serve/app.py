"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a store, with a query page and the graph.

GET or POST /sparql (query as a parameter, a form field or an application/sparql-query body);
answers in JSON, XML, CSV or TSV (Turtle or N-Triples for CONSTRUCT/DESCRIBE) by Accept header or
`format`. Updates, SERVICE, LOAD and FROM <a graph not held> are refused; a query past the time limit is stopped and
answered with 503; an answer over the row or byte cap with 413. Nothing on the pages comes from the network.

The HTTP side does no work that depends on a query: checking, running and writing the answer happen
in worker processes (kg.serve.worker), so /health answers while any query is checked or runs.
Requests for other Host names and cross-site queries are refused first (kg.serve.guard).
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from urllib.parse import parse_qs

from kg.serve.answers import Refused
from kg.serve.guard import LOOPBACK_NAMES, HostAndOriginGuard
from kg.serve.pool import Busy, WorkerPool
from kg.serve.workers import Limits

STATIC = Path(__file__).parent / "static"
# The query page loads only its own script and style; results are fetched from this server.
PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:"


def create_app(location: str | Path, *, limits: Limits = Limits(), workers: int = 2,
               hosts: frozenset[str] | None = LOOPBACK_NAMES):
    """``hosts``: the Host names to answer (kg.serve.guard.allowed_hosts), None for any."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
    from starlette.routing import Route

    from kg.query import named_queries
    from kg.store.oxigraph import OxigraphStore

    location = str(location)
    holder = OxigraphStore(location, create=False)  # holds the write lock: no build changes the store meanwhile
    triples = len(holder)  # counted once: the store cannot change while served, and /health stays instant
    pool = WorkerPool(location, workers, limits)
    cached: dict[str, str] = {}  # the graph page, one entry; its size follows the store's

    async def sparql(request: Request) -> Response:
        try:
            query, fmt = await read_query(request)
            answer = await pool.ask(query, fmt, request.headers.get("accept", ""))
        except Busy as exc:
            retry = {"Retry-After": str(exc.retry_after)}
            return PlainTextResponse(str(exc) + "\n", status_code=exc.status, headers=retry)
        except Refused as exc:
            return PlainTextResponse(str(exc) + "\n", status_code=exc.status)
        return Response(answer.body, status_code=answer.status, media_type=answer.media_type)

    async def index(request: Request) -> Response:
        page = (STATIC / "index.html").read_text(encoding="utf-8")
        examples = {name: path.read_text(encoding="utf-8") for name, path in named_queries().items()}
        data = json.dumps(examples).replace("<", "\\u003c")  # inert inside the page, whatever the text
        page = page.replace("{{EXAMPLES}}", data)
        return HTMLResponse(page, headers={"Content-Security-Policy": PAGE_POLICY})

    async def graph(request: Request) -> Response:
        if "graph" not in cached:
            from kg.viz import render_html

            cached["graph"] = await run_in_threadpool(render_html, holder, title=Path(location).name)
        from kg.viz.page import content_security_policy

        page = cached["graph"]
        return HTMLResponse(page, headers={"Content-Security-Policy": content_security_policy(page)})

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        types = {"app.js": "text/javascript", "app.css": "text/css"}
        if name not in types:
            return PlainTextResponse("not found\n", status_code=404)
        return Response((STATIC / name).read_bytes(), media_type=types[name])

    async def health(request: Request) -> Response:
        """200 while a query can be answered; 503 when no worker is alive (all being replaced)."""
        workers = pool.status()
        return JSONResponse({"store": location, "triples": triples, **workers},
                            status_code=200 if workers["workers"] else 503)  # fmt: skip

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        pool.stop()
        holder.close()

    routes = [
        Route("/", index),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/graph", graph),
        Route("/static/{name}", static),
        Route("/health", health),
    ]
    return HostAndOriginGuard(Starlette(routes=routes, lifespan=lifespan), hosts)


MAX_QUERY_BYTES = 256 * 1024  # a query (or a form holding one) larger than this is answered 413


async def read_body(request) -> str:
    """The request body as text, refused (413) past MAX_QUERY_BYTES without reading it all."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_QUERY_BYTES:
        raise Refused(413, f"the request body is over {MAX_QUERY_BYTES // 1024} KB; send a shorter query")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_QUERY_BYTES:
            raise Refused(413, f"the request body is over {MAX_QUERY_BYTES // 1024} KB; send a shorter query")
    return body.decode("utf-8", errors="replace")


async def read_query(request) -> tuple[str, str | None]:
    """The query and requested format from a GET, a form POST or a direct POST (SPARQL 1.1 Protocol)."""
    params = request.query_params
    fmt = params.get("format")
    if request.method == "GET":
        if "update" in params:
            raise Refused(403, "updates are refused: this endpoint is read-only")
        query = params.get("query")
    else:
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if kind == "application/sparql-update":
            raise Refused(403, "updates are refused: this endpoint is read-only")
        if kind == "application/sparql-query":
            query = await read_body(request)
        elif kind == "application/x-www-form-urlencoded":
            form = parse_qs(await read_body(request))
            if "update" in form:
                raise Refused(403, "updates are refused: this endpoint is read-only")
            query, fmt = (form.get("query") or [None])[0], (form.get("format") or [fmt])[0]
        else:
            raise Refused(415, "POST a form (query=...) or an application/sparql-query body")
    if not query or not str(query).strip():
        raise Refused(400, "no query: give ?query=SELECT ...")
    if len(query) > MAX_QUERY_BYTES:
        raise Refused(413, f"the query is over {MAX_QUERY_BYTES // 1024} KB; send a shorter one")
    return str(query), fmt
