"""Load the spaCy pipeline once and parse documents."""

from kg.nlp.pipeline import load_pipeline, parse_document

__all__ = ["load_pipeline", "parse_document"]
