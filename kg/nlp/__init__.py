"""Load the spaCy pipeline once and parse documents."""

from kg.nlp.pipeline import SHORT_BATCH, SHORT_CHARS, load_pipeline, parse_document, parse_short

__all__ = ["SHORT_BATCH", "SHORT_CHARS", "load_pipeline", "parse_document", "parse_short"]
