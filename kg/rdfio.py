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
# Read, not written: a dataset has no RDF/XML form, but a user's knowledge base may well be one.
READ_FORMATS = FORMATS | {".rdf": "xml", ".owl": "xml"}
SINGLE_GRAPH = {"turtle", "nt", "xml"}


def format_for(path: str | Path, *, reading: bool = False) -> str:
    suffix = Path(path).suffix.lower()
    formats = READ_FORMATS if reading else FORMATS
    if suffix not in formats:
        raise StoreError(f"{path}: unknown graph format '{suffix}'; use one of {', '.join(sorted(formats))}")
    return formats[suffix]


def parse_offline(target: Graph, path: Path, fmt: str) -> None:
    """Parse a file into ``target`` with the network refused: a remote JSON-LD context, an XML
    external entity or anything else that would fetch is an error naming what it wanted."""
    from kg.offline import offline, refused_fetch

    try:
        with offline():
            if fmt == "json-ld":  # read as data, so rdflib resolves nothing relative to the file
                text = path.read_text(encoding="utf-8")
                referenced = context_reference(text)
                if referenced is not None:
                    raise StoreError(f"{path}: refused to fetch {referenced[:200]!r} (an @context outside the file): "
                                     "kg reads nothing from the network or other files; write the context (or data) "
                                     "into the file itself")  # fmt: skip
                target.parse(data=text, format=fmt)
            else:
                target.parse(path, format=fmt)
    except StoreError:
        raise
    except Exception as exc:  # rdflib raises many parser-specific types
        refused = refused_fetch(exc)
        if refused is not None:
            raise StoreError(f"{path}: {refused}; write the context (or data) into the file itself") from None
        problem = f"{exc.__class__.__name__}: {str(exc)[:200]}"
        raise StoreError(f"{path}: not a readable {fmt} file ({problem})") from exc


def context_reference(text: str) -> str | None:
    """The first @context (or @import) of a JSON-LD text that names a document instead of being
    written inline: a URL, a file:// IRI or a path. rdflib would read any of them (a file from disk,
    even); only inline contexts are allowed. None if there is none, or the text is not JSON (the
    parser then says what is wrong)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    pending = [data]  # its own stack: JSON nested as deep as the decoder allows
    while pending:
        node = pending.pop()
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in ("@context", "@import"):
                    named = [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
                    if named:
                        return named[0]
                pending.append(value)
    return None


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
    fmt = format_for(path, reading=True)
    if not path.is_file():
        raise StoreError(f"{path}: no such graph file; build one with `kg build INPUT -o {path}`")
    dataset = new_dataset(with_ontology=with_ontology)
    target = dataset.graph(URIRef(path.resolve().as_uri())) if fmt in SINGLE_GRAPH else dataset
    parse_offline(target, path, fmt)
    return dataset
