"""Load the spaCy pipeline once and parse documents in batches."""

from kg.nlp.pipeline import load_pipeline, parse

__all__ = ["load_pipeline", "parse"]
