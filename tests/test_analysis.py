"""Graph analytics on the example articles: the networkx view, rankings, explained paths,
communities and Gephi exports, through the library and the CLI."""
from __future__ import annotations

import networkx as nx
import pytest
from typer.testing import CliRunner

import kg
from kg.analysis import find_node, scores, write_network
from kg.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture(scope="module")
def g(example_graph):
    return kg.to_networkx(example_graph)


def node_named(g, label: str) -> str:
    return next(n for n, d in g.nodes(data=True) if d["label"] == label)


def test_the_networkx_view_has_entities_with_classes_and_claims_with_provenance(g):
    kalinin = node_named(g, "Kirill Kalinin")
    assert g.nodes[kalinin]["cls"] == "Person" and g.nodes[kalinin]["documents"] == 1
    assert g.nodes[node_named(g, "Kimahli Powell")]["aliases"] == ["Powell"]
    role = [d for _, _, d in g.out_edges(kalinin, data=True) if d["label"] == "spokesperson for"]
    assert role and "spokesman for the Russian embassy" in role[0]["sentence"]
    start, end = role[0]["highlight"]
    assert role[0]["sentence"][start:end].startswith("Kirill Kalinin")
    assert role[0]["title"] and role[0]["document"].startswith("https://")
    assert all(d["cls"] != "Literal" for _, d in g.nodes(data=True))  # values are attributes unless asked
    assert ("job title", "spokesman") in g.nodes[kalinin]["attributes"]


def test_values_become_nodes_when_asked(example_graph):
    with_values = kg.to_networkx(example_graph, include_literals=True)
    assert with_values.has_node("spokesman") and with_values.nodes["spokesman"]["cls"] == "Literal"


def test_pagerank_ranks_connected_entities_above_isolated_ones(g):
    ranked = kg.top(g, len(g), by="pagerank")
    assert abs(sum(score for _, score in ranked) - 1.0) < 1e-6
    isolated = [n for n in g if g.degree(n) == 0]
    best = ranked[0][0]
    assert g.degree(best) > 0 and all(scores(g)[best] > scores(g)[n] for n in isolated)
    assert kg.top(g, 3, by="degree")[0][1] == max(dict(g.degree()).values())


def test_the_path_between_two_entities_is_explained_by_sentences(g):
    hops = kg.explained_path(g, "Kalinin", "Ottawa")  # an alias finds the node
    assert [(h.subject, h.object) for h in hops] == [("Kirill Kalinin", "Russian embassy"), ("Russian embassy", "Ottawa")]
    assert all("Russian embassy in Ottawa" in h.sentence for h in hops)
    assert kg.explained_path(g, "Kalinin", "Lakeside Dairy") == []  # two unrelated articles


def test_communities_follow_the_articles(g):
    found = kg.communities(g)
    northwind = next(c for c in found if node_named(g, "Northwind Foods") in c)
    assert node_named(g, "Lakeside Dairy") in northwind and node_named(g, "Kirill Kalinin") not in northwind


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exports_load_back_in_networkx(g, tmp_path, fmt):
    path = write_network(g, tmp_path / f"graph.{fmt}", fmt)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == g.number_of_nodes() and back.number_of_edges() == g.number_of_edges()
    kalinin = node_named(g, "Kirill Kalinin")
    assert back.nodes[kalinin]["label"] == "Kirill Kalinin"


def test_unknown_entity_is_a_clear_error(g):
    with pytest.raises(kg.KGError, match="no entity of that name"):
        find_node(g, "Nobody Atall")


def test_the_analytics_commands(tmp_path):
    from conftest import EXAMPLES

    out = tmp_path / "g.trig"
    assert runner.invoke(app, ["build", str(EXAMPLES), "-o", str(out)]).exit_code == 0
    ranked = runner.invoke(app, ["rank", str(out), "--top", "3", "--by", "degree"])
    assert ranked.exit_code == 0 and "degree" in ranked.stdout
    path = runner.invoke(app, ["path", "Kirill Kalinin", "Ottawa", "--data", str(out)])
    assert path.exit_code == 0 and "located in" in path.stdout and "Russian embassy in Ottawa" in path.stdout
    unconnected = runner.invoke(app, ["path", "Kalinin", "Lakeside Dairy", "--data", str(out)])
    assert unconnected.exit_code == 1 and "not connected" in unconnected.stdout
    groups = runner.invoke(app, ["communities", str(out)])
    assert groups.exit_code == 0 and "Northwind Foods" in groups.stdout
    gexf = tmp_path / "g.gexf"
    assert runner.invoke(app, ["export", str(out), "-o", str(gexf), "--format", "gexf"]).exit_code == 0
    assert nx.read_gexf(gexf).number_of_nodes() > 20
    bad = runner.invoke(app, ["export", str(out), "-o", str(tmp_path / "g.x"), "--format", "dot"])
    assert bad.exit_code == 2 and "unknown format" in bad.stderr
