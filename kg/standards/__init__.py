"""Standards: the ontology's reference documentation and SHACL validation of built graphs."""

from kg.standards.reference import markdown_reference
from kg.standards.validate import Report, Violation, validate

__all__ = ["Report", "Violation", "markdown_reference", "validate"]
