"""From what the user typed to the files to read: directories walked, patterns matched, and every
path that is not a readable article file turned into one clear error instead of a hang or a crash.

Directories are walked recursively in sorted order, following symbolic links to other directories
once each (a link that leads back into the walk is reported, not followed round). Pipes, devices
and sockets are never opened: reading /dev/zero or a FIFO would never end.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import IngestError, IngestWarning

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN = "-"


def expand(paths: Iterable[str | Path]) -> Iterator[Path | str | IngestError]:
    """Files as given; directories walked for supported suffixes, and glob patterns matched, in sorted
    order. Yields ``STDIN`` for "-" and an ``IngestError`` for each path that cannot be used."""
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from walk(path)
        elif os.path.lexists(path):
            yield checked_file(path, given=True)
        elif glob.has_magic(str(raw)):  # a pattern the shell did not expand ("corpus/**/*.txt" in quotes)
            found = sorted(Path(p) for p in glob.glob(str(raw), recursive=True) if Path(p).is_file())
            if not found:
                yield IngestError(str(raw), "no such file, and no file matches it as a pattern; check the path")
            yield from (checked_file(p, given=False) for p in found)
        else:
            yield IngestError(str(path), "no such file or directory; check the path")


def checked_file(path: Path, *, given: bool) -> Path | IngestError:
    """``path`` if it is a regular file kg can read, else the error that says why not. A file named
    on the command line with an unknown suffix is refused; one without a suffix is read as text."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if path.is_symlink():
            return IngestError(str(path), "is a broken symbolic link or a link loop; fix or remove the link")
        return IngestError(str(path), f"cannot be read ({exc.strerror}); check its permissions")
    if not stat.S_ISREG(mode):
        return IngestError(str(path), "is not a regular file (a pipe, socket or device); give kg a file")
    suffix = path.suffix.lower()
    if given and re.fullmatch(r"\.[a-z0-9]{1,10}", suffix) and suffix not in SUPPORTED_SUFFIXES:
        return IngestError(
            str(path), f"kg reads {', '.join(sorted(SUPPORTED_SUFFIXES))} files (a file with no suffix as text); "
            f"'{suffix}' is none of these. Rename a plain-text article to .txt"
        )
    return path


def walk(root: Path) -> Iterator[Path | IngestError]:
    """Every supported file under ``root``, sorted; each real directory visited once."""
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    problems: list[IngestError] = []

    def visit(directory: Path) -> None:
        try:
            info = directory.stat()
        except OSError as exc:
            problems.append(IngestError(str(directory), f"cannot be read ({exc.strerror}); skipped"))
            return
        if (info.st_dev, info.st_ino) in seen:
            problems.append(IngestWarning(str(directory), "leads back to a directory already read (a link loop); skipped"))
            return
        seen.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            problems.append(IngestError(str(directory), f"cannot be read ({exc.strerror}); check its permissions"))
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if is_dir:
                visit(path)
            elif path.suffix.lower() in SUPPORTED_SUFFIXES:
                checked = checked_file(path, given=False)
                (found if isinstance(checked, Path) else problems).append(checked)

    visit(root)
    yield from problems
    if not found and not problems:
        yield IngestError(str(root), f"directory has no {', '.join(sorted(SUPPORTED_SUFFIXES))} files")
    yield from sorted(found)
