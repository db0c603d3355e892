"""Read articles from files, directories, JSONL and stdin.

``read_sources`` yields a ``Document`` for each article it could read and an ``IngestError`` for
each it could not, so one bad input never stops the others.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterable, Iterator

from kg.config import Settings
from kg.errors import IngestError, IngestWarning
from kg.ingest.clean import make_document, normalise
from kg.ingest.paths import HTML_SUFFIXES, JSONL_SUFFIXES, STDIN, expand
from kg.types import Document

# Files that are certainly not text, by their first bytes, so the message can say what they are.
BINARY_SIGNATURES = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx/.epub)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"BZh": "a bzip2 archive",
    b"\xfd7zXZ": "an xz archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}
EMPTY_AFTER_CLEANING = (
    "has no article text left after removing boilerplate (kg keeps paragraphs that end like sentences)"
)
META_FIELDS = ("id", "url", "author", "publisher")  # the JSONL fields kept as document metadata
OVER_SIZE = "kg reads one article file (or JSONL line) of up to {limit:g} MB (KG_MAX_FILE_MB)"


def decode(data: bytes, source: str, settings: Settings) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (or UTF-16/32 with a BOM, or UTF-16 without one); fall back to
    ``settings.fallback_encoding``. Returns the text and a warning for the user, if any."""
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):  # fmt: skip
        if data.startswith(bom):
            text = data.decode(codec, errors="replace")
            return text, (f"has a {codec.upper()} byte-order mark but bytes that are not {codec.upper()}; "
                          "they were replaced with \ufffd") if "\ufffd" in text else None  # fmt: skip
    for signature, kind in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise IngestError(source, f"is {kind}, not text; extract its text first and give kg that")
    head = data[:8192]
    if b"\x00" in head:
        codec = utf16_without_bom(head)
        if codec is None:
            raise IngestError(source, "looks like a binary file (contains NUL bytes); give kg text, HTML or JSONL")
        return data.decode(codec, errors="replace"), f"read as {codec.upper()} (it has no byte-order mark)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        text = data.decode(settings.fallback_encoding, errors="replace")
        return text, (
            f"not valid UTF-8 (byte {exc.start}); read as {settings.fallback_encoding}. "
            "Re-save the file as UTF-8 if the text looks wrong."
        )


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or '-be' when the NUL bytes fall on one side of nearly every pair (ASCII-range text
    saved as UTF-16 by a program that wrote no BOM), else None."""
    pairs = len(head) // 2
    if pairs < 4:
        return None
    odd_nul = sum(head[i] == 0 for i in range(1, 2 * pairs, 2))
    even_nul = sum(head[i] == 0 for i in range(0, 2 * pairs, 2))
    if odd_nul >= 0.9 * pairs and even_nul == 0:
        return "utf-16-le"
    if even_nul >= 0.9 * pairs and odd_nul == 0:
        return "utf-16-be"
    return None


def strip_markdown(text: str) -> str:
    import re

    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)  # headings
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)  # emphasis
    return text


def read_html(text: str, source: str) -> Document:
    import trafilatura  # heavy; only needed for HTML

    try:
        extracted = trafilatura.extract(
            text, output_format="json", with_metadata=True, include_comments=False, include_tables=False
        )
    except (RecursionError, ValueError, TypeError) as exc:  # lxml on pathological markup
        raise IngestError(source, f"could not be parsed as HTML ({exc.__class__.__name__}); is it an article page?")
    if not extracted:
        raise IngestError(source, "no article text found in this HTML page")
    data = json.loads(extracted)
    meta = {k: data[k] for k in ("author", "url") if data.get(k)}
    if data.get("sitename"):
        meta["publisher"] = data["sitename"]
    document = make_document(
        data.get("text") or "",
        source=source,
        title=data.get("title") or "",
        published=data.get("date"),
        meta=meta,
        line_is_paragraph=True,
    )
    if document.text.strip() == document.title.strip():  # a menu or a lone heading, not an article
        raise IngestError(source, "no article text found in this HTML page")
    return document


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
    except RecursionError:
        yield IngestError(where, "JSON nested too deeply to be an article; fix or remove the line")
        return
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        yield IngestError(where, 'needs an object with a non-empty "text" string')
        return
    # Only plain values are kept: a nested object where a URL should be must not reach the graph.
    meta = {k: normalise(str(v)).strip() for k, v in record.items() if k in META_FIELDS and isinstance(v, (str, int, float))}
    title = record.get("title") if isinstance(record.get("title"), str) else ""
    date = record.get("date") if isinstance(record.get("date"), str) else None
    doc_source = meta.get("url") or f"{source}#{number}"
    yield make_document(record["text"], source=doc_source, title=title, published=date, meta=meta)



def read_lines(handle, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) for each line of a binary file, or (number, None) for a line longer than
    ``limit`` bytes, which is skipped without ever being held whole."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw
            continue
        while raw and not raw.endswith(b"\n"):  # drain the rest of the over-long line
            raw = handle.readline(1 << 20)
        yield number, None


def stream_jsonl(path: Path, settings: Settings) -> Iterator[Document | IngestError]:
    """A JSONL file line by line, so a corpus of any size is read in bounded memory."""
    source = str(path)
    with path.open("rb") as handle:
        head = handle.read(8192)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or not head.strip() or b"\x00" in head:
            # UTF-16 (read whole: rare, and bounded by the file-size check) or empty or binary
            if path.stat().st_size > settings.max_bytes:
                yield IngestError(source, OVER_SIZE.format(limit=settings.max_file_mb) + "; re-save it as UTF-8")
                return
            yield from read_bytes(head + handle.read(), source, path.suffix.lower(), settings)
            return
        handle.seek(0)
        warned = False
        for number, raw in read_lines(handle, settings.max_bytes):
            if raw is None:
                yield IngestError(f"{source} line {number}", OVER_SIZE.format(limit=settings.max_file_mb) + "; skipped")
                continue
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
        yield document
    except IngestError as error:
        yield error


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
    """Yield documents, and errors (``IngestWarning`` when the document was still read). Every
    document is within ``settings.max_chars``; longer ones come as errors."""
    settings = settings or Settings()
    for item in read_items(paths, settings):
        if isinstance(item, Document) and not item.text.strip():
            yield IngestError(item.source, EMPTY_AFTER_CLEANING)
        elif isinstance(item, Document) and len(item.text) > settings.max_chars:
            yield IngestError(item.source, too_long(len(item.text), settings))
        else:
            yield item


def too_long(length: int, settings: Settings) -> str:
    return (f"its text is {length:,} characters; kg builds articles of up to {settings.max_chars:,} "
            "(KG_MAX_CHARS). Split it into articles, or raise the limit if memory allows")  # fmt: skip


def read_items(paths: Iterable[str | Path], settings: Settings) -> Iterator[Document | IngestError]:
    for item in expand(paths, follow_links=settings.follow_links):
        if isinstance(item, IngestError):
            yield item
        elif item == STDIN:
            data = sys.stdin.buffer.read(settings.max_bytes + 1)
            if len(data) > settings.max_bytes:
                yield IngestError("<stdin>", OVER_SIZE.format(limit=settings.max_file_mb) + "; give a file instead")
            else:
                yield from read_bytes(data, "<stdin>", ".txt", settings)
        elif item.suffix.lower() in JSONL_SUFFIXES:
            try:
                yield from stream_jsonl(item, settings)
            except OSError as exc:
                yield IngestError(str(item), f"cannot be read ({exc.strerror}); check its permissions")
        else:
            try:
                size = item.stat().st_size
                if size > settings.max_bytes:
                    yield IngestError(str(item), f"is {size / 1024 / 1024:.1f} MB; " + OVER_SIZE.format(limit=settings.max_file_mb)
                                      + ". Split it, or give many articles as JSONL, one per line")  # fmt: skip
                    continue
                data = item.read_bytes()
            except OSError as exc:
                yield IngestError(str(item), f"cannot be read ({exc.strerror}); check its permissions")
                continue
            yield from read_bytes(data, str(item), item.suffix.lower(), settings)
