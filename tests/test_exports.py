"""Every export format reads back as the same graph: named graphs kept by TriG, N-Quads and JSON-LD,
the union kept by Turtle and N-Triples. JSON-LD carries its context inline, so reading fetches nothing."""
from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import kg
from conftest import EXAMPLES
from kg.ontology import ONTOLOGY_GRAPH
from kg.rdfio import write_graph


@pytest.fixture(scope="module")
def built():
    return kg.build([EXAMPLES])


def named_graphs(dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g) and g.identifier != ONTOLOGY_GRAPH}


def union(dataset) -> Graph:
    whole = Graph()
    for graph in named_graphs(dataset).values():
        for triple in graph:
            whole.add(triple)
    return whole


def explain(a: Graph, b: Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return f"only before: {sorted(only_a)[:5]}\nonly after: {sorted(only_b)[:5]}"


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".trig", ".nq", ".jsonld"])
def test_quad_formats_round_trip_every_named_graph(built, tmp_path, suffix):
    path = write_graph(built, tmp_path / f"graph{suffix}")
    again = named_graphs(kg.load(path))
    before = named_graphs(built)
    assert again.keys() == before.keys() and len(before) == 4
    for name, graph in before.items():
        assert isomorphic(graph, again[name]), f"{name}\n{explain(graph, again[name])}"


@pytest.mark.model
@pytest.mark.parametrize("suffix", [".ttl", ".nt"])
def test_triple_formats_round_trip_the_union(built, tmp_path, suffix):
    path = write_graph(built, tmp_path / f"graph{suffix}")
    before, after = union(built), union(kg.load(path))
    assert len(before) > 1000 and isomorphic(before, after), explain(before, after)
