"""Who may talk to `kg serve`: requests for this server's own names, and no cross-site queries.

DNS rebinding: a page at attacker.example re-points that name at 127.0.0.1, and the browser then
lets the page read this server as if it were its own site. Its requests still say
`Host: attacker.example`, so a server bound to loopback answers only Host names that are loopback
names (421 otherwise). A page of another site may also send queries without reading the answers
(a form, an <img>); /sparql refuses any request whose Origin is not this server's, or that the
browser marks `Sec-Fetch-Site` as anything but `same-origin` or `none` (403). Clients that are not browsers send neither header.
"""

from __future__ import annotations

import ipaddress

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "[::1]"})
WILDCARDS = frozenset({"0.0.0.0", "::", "[::]", ""})


def host_name(value: str) -> str:
    """A Host header's name, lower case and without its port; an IPv6 address keeps its brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        return value[: end + 1] if end > 0 else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def as_host_name(address: str) -> str:
    """An address as a Host header names it: IPv6 in brackets."""
    address = address.strip().lower()
    try:
        if ipaddress.ip_address(address.strip("[]")).version == 6:
            return f"[{address.strip('[]')}]"
    except ValueError:
        pass
    return host_name(address)


def allowed_hosts(bind: str, extra: list[str] | tuple[str, ...] = ()) -> frozenset[str] | None:
    """The Host names to accept when listening on ``bind``, or None for any: a server bound to every
    interface without --allow-host cannot know its names (the warning at start says so)."""
    if bind.strip().lower() in WILDCARDS and not extra:
        return None
    names = set(LOOPBACK_NAMES) | {as_host_name(name) for name in extra}
    if bind.strip().lower() not in WILDCARDS:
        names.add(as_host_name(bind))
    return frozenset(names)


def refusal(path: str, headers: list[tuple[bytes, bytes]], hosts: frozenset[str] | None) -> tuple[int, str] | None:
    """(status, one line) when the request is refused, else None."""
    values: dict[str, list[str]] = {}
    for key, value in headers:
        values.setdefault(key.decode("latin-1").lower(), []).append(value.decode("latin-1"))
    host = values.get("host", [])
    if hosts is not None:
        if len(host) != 1:
            return 421, "a request must name this server in one Host header"
        if host_name(host[0]) not in hosts:
            names = ", ".join(sorted(hosts))
            return 421, (f"Host '{host_name(host[0])[:100]}' is not a name of this server; it answers {names} "
                         "(serving under another name: kg serve --allow-host NAME)")  # fmt: skip
    if path.rstrip("/") != "/sparql":
        return None
    # 'same-site' is refused too: every other port on localhost is the same site to a browser, so a
    # page served by any local program could otherwise send queries blind (an <img> GET has no Origin).
    if {site.strip().lower() for site in values.get("sec-fetch-site", [])} - {"same-origin", "none"}:
        return 403, "cross-site requests to /sparql are refused: query from this server's own page or a client"
    own = {f"{scheme}://{host[0].strip().lower()}" for scheme in ("http", "https")} if len(host) == 1 else set()
    for origin in values.get("origin", []):
        if origin.strip().lower() not in own:
            return 403, f"requests to /sparql from another site ({origin[:100]}) are refused"
    return None


class HostAndOriginGuard:
    """ASGI middleware applying ``refusal`` before any route runs."""

    def __init__(self, app, hosts: frozenset[str] | None) -> None:
        self.app, self.hosts = app, hosts

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            refused = refusal(scope.get("path", ""), scope.get("headers", []), self.hosts)
            if refused is not None:
                from starlette.responses import PlainTextResponse

                status, message = refused
                await PlainTextResponse(message + "\n", status_code=status)(scope, receive, send)
                return
        await self.app(scope, receive, send)
