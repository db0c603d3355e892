"""Plain-text cleaning: paragraphs, title, and the boilerplate that must never reach the graph.

Web pages copied as text carry photo credits ("© agency"), captions ("Name via Facebook"),
lists of teaser headlines and widget text ("Press enter to search"). They share a shape: a short
paragraph that does not end like a sentence. The headline is the one such paragraph kept, as
the title, when it opens the article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date
from typing import Any, Mapping

from kg.types import Document

SENTENCE_END = tuple(".!?\"'”’):;…")
MAX_TITLE_WORDS = 25
# Paragraphs that are boilerplate whatever their length.
BOILERPLATE = re.compile(
    r"""^(?:
        (?:©|\(c\)|copyright\b|photo\b|image\b|picture\b|credit\b|source:\s*getty)   # credits
      | .{0,80}\bvia\s+(?:facebook|twitter|instagram|x|getty(?:\s+images)?|reuters|ap|afp|youtube)\s*$  # captions
      | (?:press\s+enter\s+to\s+search|read\s+more|share\s+this|sign\s+up\b|subscribe\b|advertisement$)
      | https?://\S+$
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalise(raw: str) -> str:
    """Unicode NFC, Unix line ends, plain spaces, no control or format characters but newlines."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Zs" or ch == "\t":
            kept.append(" ")  # no-break and other exotic spaces confuse the tokenizer
        elif ch == "\n" or category[0] != "C" or ch == "\u200d":  # ZWJ holds emoji sequences together
            kept.append(ch)
    return "".join(kept)


def split_paragraphs(text: str, *, line_is_paragraph: bool = False) -> list[str]:
    """Blank lines separate paragraphs; hard-wrapped lines inside one are joined with a space."""
    blocks = text.split("\n") if line_is_paragraph else re.split(r"\n\s*\n", text)
    paragraphs = []
    for block in blocks:
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        joined = re.sub(r"[ \t]+", " ", joined).strip()
        if joined:
            paragraphs.append(joined)
    return paragraphs


def ends_like_sentence(paragraph: str) -> bool:
    return paragraph.rstrip().endswith(SENTENCE_END)


def clean_article(text: str, *, title: str = "", line_is_paragraph: bool = False) -> tuple[str, list[str]]:
    """Return (title, body paragraphs) with boilerplate removed."""
    paragraphs = split_paragraphs(normalise(text), line_is_paragraph=line_is_paragraph)
    if (
        not title
        and paragraphs
        and not ends_like_sentence(paragraphs[0])
        and len(paragraphs[0].split()) <= MAX_TITLE_WORDS
        and not BOILERPLATE.match(paragraphs[0])
    ):
        title = paragraphs.pop(0)
    if title and paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    body = [p for p in paragraphs if ends_like_sentence(p) and not BOILERPLATE.match(p)]
    return normalise(title).strip(), body


def make_document(
    raw_text: str,
    *,
    source: str,
    title: str = "",
    published: str | None = None,
    meta: Mapping[str, Any] | None = None,
    line_is_paragraph: bool = False,
) -> Document:
    """Clean an article and wrap it; the headline is the first paragraph of the text."""
    title, body = clean_article(raw_text, title=title, line_is_paragraph=line_is_paragraph)
    text = "\n\n".join(([title] if title else []) + body)
    return Document(
        id=content_hash(text), text=text, title=title, source=source, published=iso_date(published),
        meta=dict(meta or {}),
    )


def iso_date(value: str | None) -> str | None:
    """A publication date as YYYY-MM-DD ('2017-05-29T10:00:00Z', '29 May 2017'); None if unreadable."""
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        pass
    from dateutil import parser

    try:
        return parser.parse(value, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError, parser.ParserError):
        return None
