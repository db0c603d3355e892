"""Readers turn files, directories and streams into cleaned ``Document`` objects."""

from kg.ingest.clean import clean_article, make_document
from kg.ingest.paths import SUPPORTED_SUFFIXES
from kg.ingest.readers import count_documents, read_sources

__all__ = ["read_sources", "count_documents", "clean_article", "make_document", "SUPPORTED_SUFFIXES"]
