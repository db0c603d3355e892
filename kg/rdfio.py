"""Reading and writing graph files; the format follows the file extension. Writes are atomic."""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.atomic import write_atomic
from kg.errors import StoreError
from kg.mapping import bind_prefixes, new_dataset
from kg.ontology import PREFIXES

FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".jsonld": "json-ld", ".nt": "nt"}


def format_for(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise StoreError(f"{path}: unknown graph format '{suffix}'; use one of {', '.join(sorted(FORMATS))}")
    return FORMATS[suffix]


def serialise(dataset: Dataset, fmt: str) -> bytes:
    if fmt in ("turtle", "nt"):  # single-graph formats: the union of all document graphs
        union = Graph()
        bind_prefixes(union)
        for triple in dataset.triples((None, None, None)):
            union.add(triple)
        return union.serialize(format=fmt, encoding="utf-8")
    if fmt == "json-ld":  # the context is written inline, so reading it back fetches nothing
        return dataset.serialize(format="json-ld", context=dict(PREFIXES), indent=1).encode("utf-8")
    return dataset.serialize(format=fmt, encoding="utf-8")


def write_graph(dataset: Dataset, path: str | Path) -> Path:
    """Serialise in the format named by the extension; the file appears whole or not at all."""
    return write_atomic(path, serialise(dataset, format_for(path)))


def load(path: str | Path, *, with_ontology: bool = True) -> Dataset:
    """Load a graph file written by kg (or any TriG, N-Quads, Turtle, N-Triples, JSON-LD file).

    The ontology is added as its own named graph (not part of the file) so that queries can use
    property labels and rdfs:subPropertyOf.
    """
    path = Path(path)
    fmt = format_for(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such graph file; build one with `kg build INPUT -o {path}`")
    dataset = new_dataset(with_ontology=with_ontology)
    try:
        if fmt == "json-ld":
            data = json.loads(path.read_text(encoding="utf-8"))
            dataset.parse(data=json.dumps(data), format="json-ld")
        elif fmt in ("turtle", "nt"):
            dataset.graph(URIRef(path.resolve().as_uri())).parse(path, format=fmt)
        else:
            dataset.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise StoreError(f"{path}: not a readable {fmt} file ({exc.__class__.__name__}: {str(exc)[:200]})") from exc
    return dataset
