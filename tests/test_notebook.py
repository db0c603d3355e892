"""notebooks/explore.ipynb runs top to bottom (a real kernel, nbclient) and answers its questions."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def test_the_notebook_runs_and_shows_answers_with_their_sources():
    nbformat = pytest.importorskip("nbformat", reason="installed by `make test`")
    nbclient = pytest.importorskip("nbclient", reason="installed by `make test`")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()  # fmt: skip
    text = "\n".join(
        output.get("text", "") + str(output.get("data", {}).get("text/plain", ""))
        for cell in notebook.cells if cell.cell_type == "code" for output in cell.get("outputs", [])
    )  # fmt: skip
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []
    assert "4 articles" in text
    assert "Kirill Kalinin" in text and "spokesperson" in text.lower()
    assert "Russian embassy —located in→ Ottawa" in text  # the explained path
    assert "Northwind Foods" in text  # a community
    page = next(o["data"]["text/html"] for o in notebook.cells[-1].outputs if "text/html" in o.get("data", {}))
    assert page.startswith("<iframe srcdoc=") and "vis.Network" in page
    assert not re.search(r"(src|href)\s*=\s*(&quot;|&#x27;)?(https?:)?//", page)  # nothing loaded from outside
