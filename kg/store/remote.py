"""A store on an existing SPARQL server (Oxigraph, Fuseki, GraphDB, Virtuoso), over the SPARQL 1.1
Protocol. Location: ``sparql+http://HOST:PORT/QUERY_PATH[?update=UPDATE_PATH]``.

Each document is written with one update request (INSERT DATA into its graph and into the default
graph, which kg keeps as the set-union of the document graphs), which the server applies as one
transaction; nothing is ever sent triple by triple. Queries read the default graph, so leave the
server's default graph as a real graph (not a union view of the named graphs).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping
from urllib.parse import parse_qs, urljoin, urlsplit

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result

from kg.errors import QueryError, StoreError
from kg.ontology import PREFIXES
from kg.store.base import COUNT_TRIPLES, GraphStore, drop_update
from kg.store.terms import with_values


def endpoints(location: str) -> tuple[str, str]:
    """'sparql+http://h:7878/query?update=/update' -> ('http://h:7878/query', 'http://h:7878/update')."""
    parts = urlsplit(location.removeprefix("sparql+"))
    query = f"{parts.scheme}://{parts.netloc}{parts.path}"
    update = parse_qs(parts.query).get("update", [None])[0]
    return query, urljoin(query, update) if update else query


class RemoteStore(GraphStore):
    def __init__(self, location: str, *, timeout: float = 60.0) -> None:
        import httpx

        self.location = location
        self.query_url, self.update_url = endpoints(location)
        self._client = httpx.Client(timeout=timeout)
        self._prologue = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())

    def _post(self, url: str, body: str, kind: str, accept: str = "*/*"):
        import httpx

        try:
            response = self._client.post(
                url, content=body.encode("utf-8"), headers={"Content-Type": kind, "Accept": accept}
            )
        except httpx.HTTPError as exc:
            raise StoreError(f"{self.location}: the SPARQL server cannot be reached ({exc})") from None
        if response.status_code >= 400:
            problem = response.text.strip().splitlines()[0][:300] if response.text.strip() else ""
            error = QueryError if kind == "application/sparql-query" else StoreError
            raise error(f"{url} answered {response.status_code}: {problem}")
        return response

    def sparql(self, query: str, bindings: Mapping[str, Any] | None = None) -> Result:
        text = self._prologue + with_values(query, dict(bindings or {}))
        accept = "application/sparql-results+json, text/turtle;q=0.9"
        response = self._post(self.query_url, text, "application/sparql-query", accept)
        kind = response.headers.get("content-type", "").split(";")[0].strip()
        if kind in ("text/turtle", "application/n-triples"):
            result = Result("CONSTRUCT")
            result.graph = Graph().parse(data=response.text, format="turtle")
            return result
        return _parse_json(response.content)

    def replace_graph(self, name: URIRef, triples: Iterable[tuple]) -> None:
        body = " .\n".join(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)
        update = f"{drop_update(name)} ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}}\n{body}\n}}"
        self._post(self.update_url, update, "application/sparql-update")

    def drop_graph(self, name: URIRef) -> None:
        self._post(self.update_url, drop_update(name), "application/sparql-update")

    def __len__(self) -> int:
        return int(next(iter(self.sparql(COUNT_TRIPLES)))[0])

    def dataset(self) -> Dataset:
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        store = SPARQLUpdateStore(self.query_url, self.update_url, autocommit=False)
        return Dataset(store=store, default_union=False)  # the default graph is the union

    def close(self) -> None:
        self._client.close()


def _parse_json(content: bytes) -> Result:
    import io

    from rdflib.plugins.sparql.results.jsonresults import JSONResultParser

    return JSONResultParser().parse(io.BytesIO(content))
