"""Loading the pipeline (once per process) and parsing documents with ``nlp.pipe``."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from kg.config import MODEL_INSTALL_HINT, Settings
from kg.errors import ModelNotInstalled
from kg.types import Document


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """Load a spaCy pipeline by package name and add kg's components."""
    import spacy

    from kg.nlp import components, wire  # noqa: F401  (registers the components)

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline '{name}' is not installed; {MODEL_INSTALL_HINT}, or set KG_MODEL to one that is"
        ) from exc
    nlp.add_pipe("kg_paragraph_breaks_v1", first=True)
    add_place_patterns(nlp)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_entity_trim_v1", after="ner")
        nlp.add_pipe("kg_wire_names_v1", last=True)
    return nlp


def add_place_patterns(nlp) -> None:
    """US state abbreviations ("Conn.", "N.Y.") as places where NER found nothing."""
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_state_abbreviations_v1", name="kg_places", after="ner")


def parse(documents: Iterable[Document], settings: Settings | None = None) -> Iterator[tuple[Document, object]]:
    """Yield (document, spaCy Doc) pairs, parsing in batches."""
    settings = settings or Settings()
    nlp = load_pipeline(settings.model)
    pairs = ((doc.text, doc) for doc in documents)
    for spacy_doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield document, spacy_doc
