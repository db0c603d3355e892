"""Real news that no rule was written from, built as a user would build it: the first 300 BBC
articles and the first 100 PolNeAR training articles (../shared; skipped cleanly without it).

Every document is built or refused with a reason and none comes near the time budget (built by two
supervised workers, as a corpus is); and the first 100 BBC articles give the same graph whether they
are built in this process or by the workers.
`make soak` builds the whole of each corpus the same way (kg/soak.py).
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import SHARED
from kg.config import Settings
from kg.soak import CORPORA, build_corpus

pytestmark = pytest.mark.model

BBC_ARTICLES = 300
POLNEAR_ARTICLES = 100
SAME_GRAPH_ARTICLES = 100  # built twice, in one process and by two workers


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list:
    bbc, polnear = CORPORA["bbc"], CORPORA["polnear-train"]
    if not (bbc.available() and polnear.available()):
        pytest.skip("../shared/data (BBC news, PolNeAR) is not beside the checkout")
    folder = tmp_path_factory.mktemp("real")
    return bbc.inputs(folder, limit=BBC_ARTICLES) + polnear.inputs(folder, limit=POLNEAR_ARTICLES)


@pytest.fixture(scope="module")
def built(inputs):
    return build_corpus(inputs, replace(Settings(), workers=2))  # as a corpus is built: supervised workers


def test_every_real_article_is_built_or_refused_with_a_reason(built):
    run = built
    assert run.report.stored + run.report.skipped + len(run.failed) == BBC_ARTICLES + POLNEAR_ARTICLES
    assert run.report.stored >= 0.98 * (BBC_ARTICLES + POLNEAR_ARTICLES)  # real news articles are articles
    for problem in run.failed:
        assert problem.problem.strip(), problem.source
        assert "time budget" not in problem.problem and "worker" not in problem.problem, problem
        assert "please report it" not in problem.problem, problem  # no extractor bug met on real text


def test_no_real_article_comes_near_the_time_budget(built):
    slowest_seconds, source = built.report.slowest[0]
    assert slowest_seconds < Settings().doc_timeout / 4, f"{source} took {slowest_seconds:.1f} s"


def test_one_process_builds_the_same_graph_as_two_workers(tmp_path):
    bbc = CORPORA["bbc"]
    if not bbc.available():
        pytest.skip("../shared/data/news is not beside the checkout")
    inputs = bbc.inputs(tmp_path, limit=SAME_GRAPH_ARTICLES)
    one, two = (build_corpus(inputs, replace(Settings(), workers=n)) for n in (1, 2))
    assert one.report.stored == two.report.stored >= 0.98 * SAME_GRAPH_ARTICLES
    assert [p.source for p in one.failed] == [p.source for p in two.failed]
    assert one.quads == two.quads
