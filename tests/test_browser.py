"""The graph page in a real headless Chromium (Debian's `chromium`, driven by Playwright), with
every request that is not the page's own file blocked and recorded.

`make test` installs Chromium with apt where it can; without it these tests skip with the reason.
A screenshot is left in out/test-artifacts/graph.png.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

import kg
from kg.viz import write_html
from kg.viz.page import select

pytestmark = pytest.mark.model

ARTIFACTS = Path(__file__).resolve().parent.parent / "out" / "test-artifacts"
ATTACKS = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 2">',
    "</script><script>window.__pwned = 3</script>",
]
HOSTILE = {
    "title": ATTACKS[0] + " Harbour report",
    "text": f"Maria Lopez, a spokeswoman for the Harbour Authority, said {ATTACKS[1]} the port would reopen on "
    f"Monday. Maria Lopez works for the Harbour Authority {ATTACKS[2]}.",
}


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.skip("no Chromium on this machine: `make test` installs Debian's chromium (apt-get install chromium)")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The example articles plus a hostile one, and one entity given a hostile label directly in
    the graph (as a tampered store would hold it), drawn as a page."""
    folder = tmp_path_factory.mktemp("viz")
    corpus = folder / "hostile.jsonl"
    corpus.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    dataset = kg.build([EXAMPLES, corpus, ROOT / "tests" / "articles" / "ferry_reports.jsonl"])
    dataset.graph(URIRef("https://example.org/kg/doc/tampered")).add(
        (URIRef("https://example.org/kg/entity/person/kimahli-powell"), RDFS.label, Literal(ATTACKS[2] * 2))
    )
    page = folder / "graph.html"
    write_html(dataset, page, title=ATTACKS[1])
    return dataset, page


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make test`")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium(), args=["--no-sandbox", "--host-resolver-rules=MAP * ~NOTFOUND"]
        )
        yield launched
        launched.close()


@pytest.fixture
def opened(browser, pages):
    dataset, path = pages
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside, problems = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else (outside.append(route.request.url), route.abort()))  # fmt: skip
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgFirstDraw !== undefined", timeout=20_000)
    yield page, dataset
    assert outside == [], f"the page asked the network for {outside}"
    assert problems == [], f"console errors: {problems}"
    assert page.evaluate("window.__pwned") is None, "an article string ran as script"
    context.close()


def screen_position(page, node: str) -> tuple[float, float]:
    page.evaluate("network.stopSimulation()")  # a node still drifting under physics could move from under the click
    box = page.locator("#mynetwork canvas").bounding_box()
    point = page.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", node)
    return box["x"] + point["x"], box["y"] + point["y"]


def test_the_page_draws_every_selected_entity_with_a_legend(opened):
    page, dataset = opened
    expected = select(kg.to_networkx(dataset)).number_of_nodes()
    assert page.evaluate("network.body.nodeIndices.length") == expected > 60
    classes = page.locator("#legend label").all_inner_texts()
    assert {"Person", "Organization", "City"} <= {c.strip() for c in classes}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph.png"))


def test_clicking_a_node_lists_its_facts_with_the_source_sentence(opened):
    page, _ = opened
    node = "https://example.org/kg/entity/person/kirill-kalinin"
    page.evaluate("id => network.moveTo({position: network.getPositions([id])[id], scale: 1.5})", node)
    x, y = screen_position(page, node)
    page.mouse.click(x, y)
    facts = page.locator("#facts")
    assert facts.locator("h3").inner_text() == "Kirill Kalinin"
    assert "spokesperson for" in facts.inner_text()
    assert "Kirill Kalinin" in facts.locator("mark").first.inner_text()  # the mention, highlighted
    assert "Canada quietly takes in gay men who fled Chechnya" in facts.inner_text()  # the document


def test_facts_say_how_many_sources_assert_them_and_which_are_contested(opened):
    page, _ = opened
    node = "https://example.org/kg/entity/organization/nordline-ferries"
    page.evaluate("id => network.moveTo({position: network.getPositions([id])[id], scale: 1.5})", node)
    page.mouse.click(*screen_position(page, node))
    facts = page.locator("#facts .fact").all_inner_texts()
    acquired = [f for f in facts if "acquired → Baltic Sealink" in f and "asserted ·" in f]
    assert len(acquired) == 2 and all("asserted by 2 document(s), 2 outlet(s)" in f for f in acquired)
    assert all("⚠ contested" in f for f in acquired)  # the company denies it in a third article
    based = [f for f in facts if "— based in →" in f]
    assert len(based) == 2 and all("⚠ contested" in f and "asserted by 1 document(s)" in f for f in based)


def test_search_focuses_the_entity(opened):
    page, _ = opened
    page.fill("#search", "Anna Petrova")
    page.dispatch_event("#search", "change")
    assert page.evaluate("network.getSelectedNodes()") == ["https://example.org/kg/entity/person/anna-petrova"]
    assert page.locator("#facts h3").inner_text() == "Anna Petrova"


def test_filters_hide_classes_and_keep_one_document(opened):
    page, _ = opened
    before = page.evaluate("nodeView.length")
    page.locator("#legend input[value=Concept]").uncheck()
    assert page.evaluate("nodeView.get().every(n => n.cls !== 'Concept')")
    assert page.evaluate("nodeView.length") < before
    page.locator("#legend input[value=Concept]").check()
    page.select_option("#document", label="Canada quietly takes in gay men who fled Chechnya")
    labels = page.evaluate("nodeView.get().map(n => n.label)")
    assert "Kirill Kalinin" in labels and "Northwind Foods" not in labels


def test_article_strings_stay_text(opened):
    page, _ = opened
    assert page.evaluate("document.querySelectorAll('#side img, #side script, #facts script').length") == 0
    assert page.locator("#kg-title").inner_text() == ATTACKS[1]  # the title shows the markup as text
    options = page.locator("#document option").all_inner_texts()
    assert any(ATTACKS[0] in o for o in options)
    powell = "https://example.org/kg/entity/person/kimahli-powell"
    assert page.evaluate("id => nodes.get(id).label", powell) == ATTACKS[2] * 2
    page.fill("#search", "Maria Lopez")
    page.dispatch_event("#search", "change")
    assert ATTACKS[1] in page.locator("#facts").inner_text() or ATTACKS[2] in page.locator("#facts").inner_text()


def test_the_content_security_policy_lets_only_the_pages_own_scripts_run(browser, pages):
    """Even a string that reached the page as markup could not run: the policy admits the page's two
    inline scripts by hash and nothing else, and the page works under it."""
    _, path = pages
    html = path.read_text(encoding="utf-8")
    policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert "unsafe-inline" not in policy and "default-src 'none'" in policy and policy.count("'sha256-") == 4
    context = browser.new_context()
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(path.as_uri())
    page.wait_for_function("window.kgFirstDraw !== undefined", timeout=20_000)  # the page's own scripts ran
    page.evaluate("""() => {
        window.violations = 0;
        document.addEventListener('securitypolicyviolation', () => window.violations++);
        const s = document.createElement('script'); s.textContent = 'window.__pwned = 9'; document.body.appendChild(s);
        const img = document.createElement('img'); img.src = 'https://tracker.example/x.png'; document.body.appendChild(img);
    }""")
    page.wait_for_function("window.violations >= 2", timeout=5_000)
    assert page.evaluate("window.__pwned") is None
    assert refused, "Chromium did not report the refused script"
    context.close()
