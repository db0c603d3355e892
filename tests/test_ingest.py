"""Reading and cleaning inputs (no model needed)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES

from kg.errors import IngestError, IngestWarning
from kg.ingest import clean_article, count_documents, make_document, read_sources
from kg.types import Document

PAGE_AS_TEXT = """Mayor opens the new bridge over the river

© City Press Office

The mayor opened the bridge on Monday after two years of work.

Maria Lopez via Twitter

“It joins the two halves of the town,” she said.

Ten things to do this weekend

The best cafes near the harbour

Press enter to search
"""


def test_boilerplate_captions_credits_and_teasers_are_dropped_and_the_headline_kept():
    title, body = clean_article(PAGE_AS_TEXT)
    assert title == "Mayor opens the new bridge over the river"
    assert body == ["The mayor opened the bridge on Monday after two years of work.",
                    "“It joins the two halves of the town,” she said."]


def test_document_id_is_a_content_hash_and_text_starts_with_the_headline():
    a = make_document(PAGE_AS_TEXT, source="a.txt")
    b = make_document(PAGE_AS_TEXT.replace("\n", "\r\n"), source="b.txt")
    assert a.id == b.id and len(a.id) == 16
    assert a.text.startswith(a.title + "\n\n")


def test_no_break_spaces_and_zero_width_characters_are_normalised():
    doc = make_document("The\u00a0council met\u200b today in Leeds.", source="x")
    assert doc.text == "The council met today in Leeds."


def split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, IngestError) and not isinstance(i, IngestWarning)]
    warnings = [i for i in items if isinstance(i, IngestWarning)]
    return docs, errors, warnings


def test_directory_is_read_recursively_in_every_supported_format():
    docs, errors, _ = split(list(read_sources([EXAMPLES])))
    assert not errors
    assert {d.source.rsplit(".", 1)[-1] for d in docs} >= {"txt", "md", "html"}
    html = next(d for d in docs if d.source.endswith(".html"))
    assert html.title == "Reporter shot dead outside her home in Valletta"
    assert html.published == "2024-03-14"
    assert "tracking" not in html.text and "Sign up" not in html.text and "Home" not in html.text
    md = next(d for d in docs if d.source.endswith(".md"))
    assert md.title == "Northwind Foods agrees to buy Lakeside Dairy" and "#" not in md.text


def test_jsonl_reads_good_lines_and_reports_bad_ones_by_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "Acme bought Globex on Monday.", "title": "Deal", "date": "2024-01-02", "url": "https://news.test/a"}),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Globex hired a new chief."}),
    ]), encoding="utf-8")
    docs, errors, _ = split(list(read_sources([path])))
    assert [d.title for d in docs] == ["Deal", ""]
    assert docs[0].published == "2024-01-02" and docs[0].source == "https://news.test/a"
    assert [e.source for e in errors] == [f"{path} line 2", f"{path} line 3", f"{path} line 4"]


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image, not text"),
    (b"\x00\x01\x02\xff" * 8, "binary"),
])
def test_unusable_files_get_one_clear_error(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    docs, errors, _ = split(list(read_sources([path])))
    assert docs == [] and len(errors) == 1
    assert str(path) in str(errors[0]) and problem in str(errors[0])


def test_undecodable_bytes_fall_back_to_cp1252_with_a_warning(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owner Jos\u00e9 Mart\u00ednez opened a shop in Porto.".encode("cp1252"))
    docs, errors, warnings = split(list(read_sources([path])))
    assert not errors and len(warnings) == 1 and "cp1252" in str(warnings[0])
    assert docs[0].text == "Café owner José Martínez opened a shop in Porto."


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("The port of Genoa reopened on Friday.".encode("utf-16"))
    docs, errors, _ = split(list(read_sources([path])))
    assert not errors and docs[0].text == "The port of Genoa reopened on Friday."


def test_missing_path_is_reported_and_others_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The port of Genoa reopened on Friday.", encoding="utf-8")
    docs, errors, _ = split(list(read_sources([tmp_path / "nope.txt", good])))
    assert len(docs) == 1 and "no such file" in str(errors[0])


def test_a_jsonl_file_is_read_line_by_line_with_one_bad_line_reported(tmp_path):
    from kg.errors import IngestError, IngestWarning
    from kg.ingest import read_sources

    path = tmp_path / "feed.jsonl"
    good = json.dumps({"text": "Anna Petrova spoke in Toronto."}).encode()
    latin = json.dumps({"text": "Caf\u00e9 owners met in Lyon."}, ensure_ascii=False).encode("cp1252")
    path.write_bytes(b"\n".join([good, b"{not json", latin, good.replace(b"Toronto", b"Ottawa")]) + b"\n")
    items = list(read_sources([path]))
    documents = [i for i in items if not isinstance(i, IngestError)]
    warnings = [i for i in items if isinstance(i, IngestWarning)]
    errors = [i for i in items if isinstance(i, IngestError) and not isinstance(i, IngestWarning)]
    assert [d.text for d in documents] == ["Anna Petrova spoke in Toronto.", "Café owners met in Lyon.",
                                           "Anna Petrova spoke in Ottawa."]
    assert len(errors) == 1 and "line 2" in str(errors[0]) and len(warnings) == 1 and "line 3" in str(warnings[0])


def test_documents_are_counted_ahead_for_the_progress_bar(tmp_path):
    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Another one.", encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b'{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}')  # a blank line, no final newline
    assert count_documents([tmp_path / "a.txt", corpus]) == 4
    assert count_documents([tmp_path]) == 5  # the directory: two files and three records
    assert count_documents([tmp_path / "a.txt", "-"]) is None  # stdin cannot be counted ahead


def test_a_quoted_glob_pattern_is_matched(tmp_path):
    for name in ("one.txt", "two.txt", "three.md"):
        (tmp_path / name).write_text(f"The {name} article.", encoding="utf-8")
    found = [d.source for d in read_sources([str(tmp_path / "*.txt")]) if not isinstance(d, IngestError)]
    assert [Path(s).name for s in found] == ["one.txt", "two.txt"]
    missing = list(read_sources([str(tmp_path / "*.html")]))
    assert len(missing) == 1 and isinstance(missing[0], IngestError) and "no file matches" in str(missing[0])
