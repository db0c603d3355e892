"""kg never reads from the network on behalf of a file or a query.

rdflib will fetch a URL when a JSON-LD file names a remote ``@context``, when a query says
``SERVICE <url>``, or ``FROM <url>`` for a graph it does not hold. Inside ``offline()`` any such
attempt is stopped before a connection is made: a Python audit hook refuses URL opens, name
look-ups and socket connections (other than Unix sockets) while the flag is set in this thread.
Outside ``offline()`` the hook does nothing, so a program that imports kg keeps its network.
"""

from __future__ import annotations

import contextlib
import contextvars
import socket
import sys
from typing import Any, Iterator

from kg.errors import KGError

_OFFLINE = contextvars.ContextVar("kg_offline", default=False)
_BLOCKED = {"urllib.Request", "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "http.client.connect"}
_installed = False


class NetworkRefused(KGError):
    """Something asked kg to read from the network while it was reading a file or running a query."""


def _describe(event: str, args: tuple[Any, ...]) -> str:
    if event == "urllib.Request" and args:
        return str(args[0])
    if event == "socket.connect" and len(args) > 1:
        return str(args[1])
    return str(args[0]) if args else event


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event not in _BLOCKED or not _OFFLINE.get():
        return
    if event == "socket.connect" and getattr(args[0], "family", None) == getattr(socket, "AF_UNIX", None):
        return  # a local pipe, not the network
    raise NetworkRefused(f"refused to fetch {_describe(event, args)[:200]}: kg reads nothing from the network")


@contextlib.contextmanager
def offline() -> Iterator[None]:
    """Run the body with network access refused (in this thread)."""
    global _installed
    if not _installed:
        sys.addaudithook(_hook)  # cannot be removed again, hence the flag
        _installed = True
    token = _OFFLINE.set(True)
    try:
        yield
    finally:
        _OFFLINE.reset(token)


def refused_fetch(exc: BaseException) -> NetworkRefused | None:
    """The NetworkRefused behind an exception a parser wrapped around it, if there is one."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, NetworkRefused):
            return exc
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return None
