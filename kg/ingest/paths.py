"""From what the user typed to the files to read: directories walked, patterns matched, and every
path that is not a readable article file turned into one clear error instead of a hang or a crash.

Directories are walked in sorted order, depth first with a stack of their own (any depth), following
symbolic links to other directories once each (a link that leads back into the walk is reported,
not followed round). A link that leads out of the directory given is skipped with a warning unless
--follow-links; a link given on the command line is followed. Pipes, devices and sockets are never
opened: reading /dev/zero or a FIFO would never end.
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


def expand(paths: Iterable[str | Path], *, follow_links: bool = False) -> Iterator[Path | str | IngestError]:
    """Files as given; directories walked for supported suffixes, and glob patterns matched, in sorted
    order. Yields ``STDIN`` for "-" and an ``IngestError`` for each path that cannot be used. A link
    named here is followed (the user chose it); see ``walk`` for links inside a directory."""
    for raw in paths:
        if str(raw) == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from walk(path, follow_links=follow_links)
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


def walk(root: Path, *, follow_links: bool = False) -> Iterator[Path | IngestError]:
    """Every supported file under ``root``, sorted; each real directory visited once. The walk keeps
    its own stack (depth-first, in name order), so no depth of nesting can exhaust Python's.
    A symbolic link that leads out of ``root`` is skipped with a warning unless ``follow_links``:
    a directory handed to kg should not make it read files elsewhere on the machine."""
    inside = root.resolve()  # ``root`` itself may be a link: the user named it
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    problems: list[IngestError] = []
    pending: list[Path | os.DirEntry] = [root]  # popped from the end: entries pushed in reverse order

    while pending:
        item = pending.pop()
        if isinstance(item, os.DirEntry):
            path = Path(item.path)
            try:
                is_dir = item.is_dir()  # follows links
            except OSError:
                is_dir = False
            wanted = is_dir or path.suffix.lower() in SUPPORTED_SUFFIXES
            if wanted and not follow_links and item.is_symlink():
                outside = leaves(path, inside)
                if outside is not None:
                    problems.append(IngestWarning(str(path), f"is a symbolic link to {outside}, outside {root}; "
                                                  "skipped (kg build --follow-links reads it)"))  # fmt: skip
                    continue
            if not is_dir:
                if wanted:
                    checked = checked_file(path, given=False)
                    (found if isinstance(checked, Path) else problems).append(checked)
                continue
        else:
            path = item
        entries = read_directory(path, seen, problems)
        pending.extend(reversed(entries))

    yield from problems
    if not found and not problems:
        yield IngestError(str(root), f"directory has no {', '.join(sorted(SUPPORTED_SUFFIXES))} files")
    yield from sorted(found)


def leaves(link: Path, inside: Path) -> Path | None:
    """Where ``link`` leads if that is outside the directory ``inside``; None if it stays inside, or
    leads nowhere (a broken link or a loop is reported as such when it is read)."""
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return None if target.is_relative_to(inside) else target


def read_directory(directory: Path, seen: set[tuple[int, int]], problems: list[IngestError]) -> list[os.DirEntry]:
    """The entries of a directory not visited before, sorted by name; [] (and a problem) otherwise."""
    try:
        info = directory.stat()
    except OSError as exc:
        problems.append(IngestError(str(directory), f"cannot be read ({exc.strerror}); skipped"))
        return []
    if (info.st_dev, info.st_ino) in seen:
        problems.append(IngestWarning(str(directory), "leads back to a directory already read (a link loop); skipped"))
        return []
    seen.add((info.st_dev, info.st_ino))
    try:
        with os.scandir(directory) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        problems.append(IngestError(str(directory), f"cannot be read ({exc.strerror}); check its permissions"))
        return []
