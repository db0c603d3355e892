"""Resolution: mentions to entities inside a document (names, surnames, pronouns, descriptions), and
entities to identifiers outside kg (GeoNames, a user's knowledge base)."""

from kg.resolve.coref import resolve_document
from kg.resolve.linking import link_entities

__all__ = ["link_entities", "resolve_document"]
