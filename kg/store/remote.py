"""A store on an existing SPARQL server (Oxigraph, Fuseki, GraphDB, Virtuoso), over the SPARQL 1.1
Protocol. Location: ``sparql+http://[USER@]HOST:PORT/QUERY_PATH[?update=UPDATE_PATH][&union=IRI]``.

Each document is written with one update request (INSERT DATA into its graph and into the union
graph, which kg keeps as the set-union of the document graphs), which the server applies as one
transaction; nothing is ever sent triple by triple. The union graph is the server's default graph,
or, with ``union=IRI``, a named graph that queries then name as their default graph
(``default-graph-uri``): for servers whose default graph is a view of all graphs (Virtuoso).
Credentials (Basic or Digest, as the server asks): see ``credentials``.
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterable, Mapping
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from kg.errors import QueryError, StoreError
from kg.ontology import PREFIXES
from kg.store.base import COUNT_TRIPLES, GraphStore, drop_update
from kg.store.terms import code_only, with_values

NAMES_GRAPHS = re.compile(r"(?<![\w:?$])GRAPH(?![\w:])", re.IGNORECASE)


def endpoints(location: str) -> tuple[str, str]:
    """'sparql+http://h:7878/query?update=/update' -> ('http://h:7878/query', 'http://h:7878/update')."""
    parts = urlsplit(location.removeprefix("sparql+"))
    netloc = parts.netloc.rsplit("@", 1)[-1]  # credentials are not part of the address
    query = f"{parts.scheme}://{netloc}{parts.path}"
    update = parse_qs(parts.query).get("update", [None])[0]
    return query, urljoin(query, update) if update else query


def credentials(location: str) -> tuple[str, str] | None:
    """User from the location (``sparql+http://dba@host...``) or KG_SPARQL_USER; password from
    KG_SPARQL_PASSWORD (or the location, though a password there ends up in shell histories)."""
    parts = urlsplit(location.removeprefix("sparql+"))
    user = unquote(parts.username or "") or os.environ.get("KG_SPARQL_USER", "")
    password = unquote(parts.password or "") or os.environ.get("KG_SPARQL_PASSWORD", "")
    return (user, password) if user else None


def server_auth(user: str, password: str):
    """Basic or Digest, whichever the server's challenge asks for (Virtuoso's /sparql-auth wants
    Digest; Fuseki and GraphDB usually Basic)."""
    import httpx

    class ChallengedAuth(httpx.Auth):
        def __init__(self) -> None:
            self.chosen: httpx.Auth | None = None

        def auth_flow(self, request):
            if self.chosen is not None:
                yield from self.chosen.auth_flow(request)
                return
            response = yield request
            if response.status_code != 401:
                return
            scheme = response.headers.get("www-authenticate", "").split(" ", 1)[0].lower()
            self.chosen = httpx.DigestAuth(user, password) if scheme == "digest" else httpx.BasicAuth(user, password)
            yield from self.chosen.auth_flow(request)

    return ChallengedAuth()


class RemoteStore(GraphStore):
    def __init__(self, location: str, *, timeout: float = 60.0) -> None:
        import httpx

        self.location = re.sub(r"(//[^/@:]*):[^/@]*@", r"\1:***@", location)  # no password in messages
        self.query_url, self.update_url = endpoints(location)
        union = parse_qs(urlsplit(location).query).get("union", [None])[0]
        self.union = URIRef(union) if union else None
        login = self._login = credentials(location)
        self._client = httpx.Client(timeout=timeout, auth=server_auth(*login) if login else None)
        self._prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

    def _post(self, url: str, body: str | dict, kind: str, accept: str = "*/*"):
        """``body`` as it is (an update), or a dict sent as an HTML form (a query: every server takes
        that, while Virtuoso waits forever on a bare ``application/sparql-query`` body)."""
        import httpx

        try:
            if isinstance(body, dict):
                response = self._client.post(url, data=body, headers={"Accept": accept})
            else:
                response = self._client.post(
                    url, content=body.encode("utf-8"), headers={"Content-Type": kind, "Accept": accept}
                )
        except httpx.HTTPError as exc:
            raise StoreError(f"{self.location}: the SPARQL server cannot be reached ({exc})") from None
        if response.status_code in (401, 403):
            raise StoreError(f"{url} refused kg ({response.status_code}): give a user that may write there, "
                             "in the location (sparql+http://USER@HOST...) or KG_SPARQL_USER, and its password "
                             "in KG_SPARQL_PASSWORD")  # fmt: skip
        if response.status_code >= 400:
            problem = response.text.strip().splitlines()[0][:300] if response.text.strip() else ""
            error = QueryError if kind == "application/sparql-query" else StoreError
            raise error(f"{url} answered {response.status_code}: {problem}")
        return response

    def sparql(self, query: str, bindings: Mapping[str, Any] | None = None) -> Result:
        text = self._prologue + with_values(query, dict(bindings or {}))
        accept = "application/sparql-results+json, text/turtle;q=0.9"
        form = {"query": text}
        if self.union is not None and not NAMES_GRAPHS.search(code_only(query)):
            # the union as default graph; a query that names graphs keeps the server's own dataset,
            # since naming a default graph leaves a standard server with no named graphs
            form["default-graph-uri"] = str(self.union)
        response = self._post(self.query_url, form, "application/sparql-query", accept)
        kind = response.headers.get("content-type", "").split(";")[0].strip()
        if kind in ("text/turtle", "application/n-triples"):
            result = Result("CONSTRUCT")
            result.graph = Graph().parse(data=response.text, format="turtle")
            return result
        return _parse_json(response.content)

    def replace_graph(self, name: URIRef, triples: Iterable[tuple]) -> None:
        body = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)
        union = f"GRAPH <{self.union}> {{\n{body}\n}}" if self.union else body
        update = f"{drop_update(name, self.union)} ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}}\n{union}\n}}"
        self._post(self.update_url, update, "application/sparql-update")

    def drop_graph(self, name: URIRef) -> None:
        self._post(self.update_url, drop_update(name, self.union), "application/sparql-update")

    def __len__(self) -> int:
        return int(next(iter(self.sparql(COUNT_TRIPLES)))[0])

    def dataset(self) -> Dataset:
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        # rdflib sends Basic credentials only: through a Digest-only endpoint the view can read, not write
        store = SPARQLUpdateStore(self.query_url, self.update_url, autocommit=False, auth=self._login)
        return Dataset(store=store, default_union=False)  # the default graph is the union

    def close(self) -> None:
        self._client.close()


def _parse_json(content: bytes) -> Result:
    import io

    from rdflib.plugins.sparql.results.jsonresults import JSONResultParser

    return JSONResultParser().parse(io.BytesIO(content))
