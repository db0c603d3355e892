"""Real news that no rule was written from, built as a user would build it: the first 300 BBC
articles and the first 100 PolNeAR training articles (../shared; skipped cleanly without it).

Every document is built or refused with a reason, none comes near the time budget, and the graph
is the same whether it is built in this process or by two supervised worker processes.
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


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list:
    bbc, polnear = CORPORA["bbc"], CORPORA["polnear-train"]
    if not (bbc.available() and polnear.available()):
        pytest.skip("../shared/data (BBC news, PolNeAR) is not beside the checkout")
    folder = tmp_path_factory.mktemp("real")
    return bbc.inputs(folder, limit=BBC_ARTICLES) + polnear.inputs(folder, limit=POLNEAR_ARTICLES)


@pytest.fixture(scope="module")
def in_process(inputs):
    return build_corpus(inputs, replace(Settings(), workers=1))


def test_every_real_article_is_built_or_refused_with_a_reason(in_process):
    run = in_process
    assert run.report.stored + run.report.skipped + len(run.failed) == BBC_ARTICLES + POLNEAR_ARTICLES
    assert run.report.stored >= 0.98 * (BBC_ARTICLES + POLNEAR_ARTICLES)  # real news articles are articles
    for problem in run.failed:
        assert problem.problem.strip(), problem.source
        assert "time budget" not in problem.problem and "worker" not in problem.problem, problem
        assert "please report it" not in problem.problem, problem  # no extractor bug met on real text


def test_no_real_article_comes_near_the_time_budget(in_process):
    slowest_seconds, source = in_process.report.slowest[0]
    assert slowest_seconds < Settings().doc_timeout / 4, f"{source} took {slowest_seconds:.1f} s"


def test_two_workers_build_the_same_graph_as_one_process(inputs, in_process):
    parallel = build_corpus(inputs, replace(Settings(), workers=2))
    assert parallel.report.stored == in_process.report.stored
    assert [p.source for p in parallel.failed] == [p.source for p in in_process.failed]
    assert parallel.quads == in_process.quads
