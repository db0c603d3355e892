"""Read articles from files, directories, JSONL and stdin.

``read_sources`` yields a ``Document`` for each article it could read and an ``IngestError`` for
each it could not, so one bad input never stops the others.
"""

from __future__ import annotations

import glob
import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from kg.config import Settings
from kg.errors import IngestError, IngestWarning
from kg.ingest.clean import make_document
from kg.types import Document

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"


def decode(data: bytes, source: str, settings: Settings) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM); fall back to ``settings.fallback_encoding``.

    Returns the text and a warning to show the user when the fallback was used.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    if b"\x00" in data[:8192]:
        raise IngestError(source, "looks like a binary file (contains NUL bytes); give kg text, HTML or JSONL")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = data.decode(settings.fallback_encoding, errors="replace")
        return text, (
            f"not valid UTF-8 (byte {exc.start}); read as {settings.fallback_encoding}. "
            "Re-save the file as UTF-8 if the text looks wrong."
        )


def strip_markdown(text: str) -> str:
    import re

    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)  # headings
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)  # emphasis
    return text


def read_html(text: str, source: str) -> Document:
    import trafilatura  # heavy; only needed for HTML

    extracted = trafilatura.extract(
        text, output_format="json", with_metadata=True, include_comments=False, include_tables=False
    )
    if not extracted:
        raise IngestError(source, "no article text found in this HTML page")
    data = json.loads(extracted)
    meta = {k: data[k] for k in ("author", "url") if data.get(k)}
    if data.get("sitename"):
        meta["publisher"] = data["sitename"]
    return make_document(
        data.get("text") or "",
        source=source,
        title=data.get("title") or "",
        published=data.get("date"),
        meta=meta,
        line_is_paragraph=True,
    )


def read_jsonl(text: str, source: str) -> Iterator[Document | IngestError]:
    for number, line in enumerate(text.splitlines(), start=1):
        yield from jsonl_record(line, source, number)


def jsonl_record(line: str, source: str, number: int) -> Iterator[Document | IngestError]:
    """One JSONL line: an article object, or nothing for a blank line, or an error naming the line."""
    if not line.strip():
        return
    where = f"{source} line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield IngestError(where, f"not valid JSON ({exc.msg}); fix or remove the line")
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        yield IngestError(where, 'needs an object with a non-empty "text" string')
        return
    meta = {k: v for k, v in record.items() if k in ("id", "url", "author", "publisher") and v is not None}
    title = record.get("title") if isinstance(record.get("title"), str) else ""
    date = record.get("date") if isinstance(record.get("date"), str) else None
    doc_source = record.get("url") if isinstance(record.get("url"), str) else f"{source}#{number}"
    yield make_document(record["text"], source=doc_source, title=title, published=date, meta=meta)


def stream_jsonl(path: Path, settings: Settings) -> Iterator[Document | IngestError]:
    """A JSONL file line by line, so a corpus of any size is read in bounded memory."""
    source = str(path)
    with path.open("rb") as handle:
        head = handle.read(8192)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or not head.strip():
            yield from read_bytes(head + handle.read(), source, path.suffix.lower(), settings)  # UTF-16 or empty
            return
        if b"\x00" in head:
            yield IngestError(source, "looks like a binary file (contains NUL bytes); give kg text, HTML or JSONL")
            return
        handle.seek(0)
        warned = False
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                line = raw.decode(settings.fallback_encoding, errors="replace")
                if not warned:
                    warned = True
                    yield IngestWarning(
                        f"{source} line {number}",
                        f"not valid UTF-8; read as {settings.fallback_encoding}. Re-save the file as UTF-8 "
                        "if the text looks wrong.",
                    )
            yield from jsonl_record(line, source, number)


def read_bytes(data: bytes, source: str, suffix: str, settings: Settings) -> Iterator[Document | IngestError]:
    try:
        if not data.strip():
            raise IngestError(source, "is empty; nothing to extract")
        text, warning = decode(data, source, settings)
        if warning:
            yield IngestWarning(source, warning)  # reported, and the text is still built
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(text, source)
            return
        document = (
            read_html(text, source)
            if suffix in HTML_SUFFIXES
            else make_document(strip_markdown(text) if suffix in {".md", ".markdown"} else text, source=source)
        )
        if not document.text.strip():
            raise IngestError(source, "has no article text left after removing boilerplate")
        yield document
    except IngestError as error:
        yield error


def expand(paths: Iterable[str | Path]) -> Iterator[Path | str | IngestError]:
    """Files as given; directories walked recursively for supported suffixes, and glob patterns
    matched, in sorted order."""
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            if not found:
                yield IngestError(str(path), f"directory has no {', '.join(sorted(SUPPORTED_SUFFIXES))} files")
            yield from found
        elif path.exists():
            yield path
        elif glob.has_magic(str(raw)):  # a pattern the shell did not expand ("corpus/**/*.txt" in quotes)
            found = sorted(Path(p) for p in glob.glob(str(raw), recursive=True) if Path(p).is_file())
            if not found:
                yield IngestError(str(raw), "no file matches this pattern; check it")
            yield from found
        else:
            yield IngestError(str(path), "no such file or directory; check the path")


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents ``paths`` hold, for a progress bar's ETA: a file is one, a JSONL file one per
    non-blank line. None when unknowable (stdin). Reads JSONL files once, fast, without parsing."""
    total = 0
    for item in expand(paths):
        if item == STDIN:
            return None
        if isinstance(item, IngestError):
            continue
        if item.suffix.lower() not in JSONL_SUFFIXES:
            total += 1
            continue
        try:
            with item.open("rb") as handle:
                last = b"\n"
                while chunk := handle.read(1 << 20):
                    total += chunk.count(b"\n") - chunk.count(b"\n\n") - (last == b"\n" and chunk[:1] == b"\n")
                    last = chunk[-1:]
                total += last != b"\n"  # a last line without a newline
        except OSError:
            continue  # the build reports it
    return total


def read_sources(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Document | IngestError]:
    """Yield documents, and errors (``IngestWarning`` when the document was still read)."""
    settings = settings or Settings()
    for item in expand(paths):
        if isinstance(item, IngestError):
            yield item
        elif item == STDIN:
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", ".txt", settings)
        elif item.suffix.lower() in JSONL_SUFFIXES:
            try:
                yield from stream_jsonl(item, settings)
            except OSError as exc:
                yield IngestError(str(item), f"cannot be read ({exc.strerror}); check its permissions")
        else:
            try:
                data = item.read_bytes()
            except OSError as exc:
                yield IngestError(str(item), f"cannot be read ({exc.strerror}); check its permissions")
                continue
            yield from read_bytes(data, str(item), item.suffix.lower(), settings)
