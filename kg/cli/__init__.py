"""The `kg` command: thin wrappers over the library. User mistakes get one line, never a traceback."""

from __future__ import annotations

import sys

from kg.cli import analyse, build, evaluate, merges, read, serve, standards  # noqa: F401  (each module registers its commands)
from kg.cli.app import EXIT_FAILED, app, say
from kg.errors import KGError

__all__ = ["app", "main"]


def main() -> None:
    try:
        app()
    except KGError as exc:  # anything a command did not catch itself
        say("error", str(exc))
        sys.exit(EXIT_FAILED)
