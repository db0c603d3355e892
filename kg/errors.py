"""One exception family. Messages name the input and say what to do."""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class ConfigError(KGError):
    """A setting is missing or invalid."""


class ModelNotInstalled(ConfigError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class IngestError(KGError):
    """An input could not be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self):  # so it crosses to and from worker processes whole
        return (self.__class__, (self.source, self.problem))


class OutOfMemory(IngestError):
    """A document needed more memory than its worker process may use."""


class StoreError(KGError):
    """A graph could not be read or written."""


class QueryError(KGError):
    """A SPARQL query is invalid or failed."""


class IngestWarning(IngestError):
    """An input was read, but not as cleanly as it should have been (e.g. a fallback encoding)."""
