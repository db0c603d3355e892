"""The `kg` application object, its consoles and exit codes, shared by the command modules."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Build, query and draw knowledge graphs of news articles.",
)
# Markup off: file names and article text are printed as they are ("[/x].txt" is a file name, not a
# style tag). The labels below are styled with Text, not markup.
out = Console(markup=False)
err = Console(stderr=True, markup=False)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def printable(text: str) -> str:
    """``text`` with newlines and other control characters shown escaped: a file name or an article
    may hold terminal escape codes, which must not reach the terminal as codes."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in str(text))


def say(label: str, message: str, colour: str = "red") -> None:
    """One line on stderr: a coloured ``label:`` and the message as plain, printable text."""
    from rich.text import Text

    err.print(Text.assemble((f"{label}:", f"bold {colour}"), " ", printable(message)), highlight=False, soft_wrap=True)


def fail(message: str, code: int = EXIT_FAILED) -> typer.Exit:
    say("error", message)
    return typer.Exit(code)
