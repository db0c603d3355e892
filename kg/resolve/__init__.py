"""Resolution: mentions to entities inside a document (names, surnames, pronouns, descriptions)."""

from kg.resolve.coref import resolve_document

__all__ = ["resolve_document"]
