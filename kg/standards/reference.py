"""A Markdown reference of ontology/kg.ttl: every class and property with its label, comment,
superclasses or superproperties (including the schema.org, PROV-O and SKOS terms it aligns to),
domain and range. `kg ontology --doc` prints it; docs/ontology.md is its committed copy."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.ontology import KG_URI, PREFIXES, ontology_graph

PROPERTY_KINDS = {OWL.ObjectProperty: "object", OWL.DatatypeProperty: "datatype"}


def curie(term: URIRef) -> str:
    """'https://schema.org/Person' -> 'schema:Person'; unknown namespaces stay whole."""
    text = str(term)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def terms(graph: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(t for t in graph.subjects(RDF.type, kind) if isinstance(t, URIRef) and str(t).startswith(KG_URI))


def listed(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    return ", ".join(sorted(f"`{curie(o)}`" for o in graph.objects(subject, predicate))) or "—"


def cell(text: object) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def class_table(graph: Graph) -> list[str]:
    lines = ["| class | label | subclass of / equivalent to | meaning |", "|---|---|---|---|"]
    for term in terms(graph, OWL.Class):
        parents = listed(graph, term, RDFS.subClassOf)
        same = listed(graph, term, OWL.equivalentClass)
        alignment = parents if same == "—" else f"{parents}; ≡ {same}"
        label, comment = graph.value(term, RDFS.label), graph.value(term, RDFS.comment)
        lines.append(f"| `{curie(term)}` | {cell(label)} | {alignment} | {cell(comment)} |")
    return lines


def property_table(graph: Graph) -> list[str]:
    lines = [
        "| property | kind | label | domain → range | subproperty of | meaning |",
        "|---|---|---|---|---|---|",
    ]
    found = {t: kind for k, kind in PROPERTY_KINDS.items() for t in terms(graph, k)}
    for term in sorted(found):
        kind = found[term]
        if (term, RDF.type, OWL.FunctionalProperty) in graph:
            kind += ", functional"
        domain_range = f"{listed(graph, term, RDFS.domain)} → {listed(graph, term, RDFS.range)}"
        label, comment = graph.value(term, RDFS.label), graph.value(term, RDFS.comment)
        lines.append(
            f"| `{curie(term)}` | {kind} | {cell(label)} | {domain_range} | "
            f"{listed(graph, term, RDFS.subPropertyOf)} | {cell(comment)} |"
        )
    return lines


def individual_table(graph: Graph) -> list[str]:
    lines = ["| factuality | meaning |", "|---|---|"]
    for term in sorted(graph.subjects(RDF.type, URIRef(KG_URI + "Factuality"))):
        lines.append(f"| `{curie(term)}` | {cell(graph.value(term, RDFS.comment))} |")
    return lines


def markdown_reference(graph: Graph | None = None) -> str:
    graph = graph if graph is not None else ontology_graph()
    ontology = URIRef(KG_URI.rstrip("#"))
    title = graph.value(ontology, RDFS.label) or "kg ontology"
    lines = [
        f"# {title}",
        "",
        "Generated from `ontology/kg.ttl` by `kg ontology --doc`; do not edit by hand.",
        "",
        f"Namespace `kg:` = `{KG_URI}`, version {graph.value(ontology, OWL.versionInfo)}. "
        f"{graph.value(ontology, RDFS.comment) or ''}",
        "",
        "## Classes",
        "",
        *class_table(graph),
        "",
        "## Properties",
        "",
        *property_table(graph),
        "",
        "## Factuality values",
        "",
        *individual_table(graph),
        "",
        "## Prefixes",
        "",
        *(f"- `{prefix}:` {namespace}" for prefix, namespace in PREFIXES.items()),
        "",
    ]
    return "\n".join(lines)
