"""Readers turn files, directories and streams into cleaned ``Document`` objects."""

from kg.ingest.readers import read_sources, SUPPORTED_SUFFIXES
from kg.ingest.clean import clean_article, make_document

__all__ = ["read_sources", "clean_article", "make_document", "SUPPORTED_SUFFIXES"]
