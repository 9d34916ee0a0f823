"""External links, offline: only their shape. Is it https, is the host a real host name?

A link to localhost or to a documentation placeholder (example.com, *.test: RFC 2606 and
RFC 6761) works on the writer's machine and nowhere else. Only link targets are checked, so
`https://coder.example.com` inside a code sample is left alone.
"""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import urlsplit

PLACEHOLDER_DOMAINS = ("example.com", "example.net", "example.org")
PLACEHOLDER_TLDS = ("example", "test", "invalid", "localhost", "local")
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")


def shape_problem(
    url: str, *, allow_hosts: frozenset[str] = frozenset(), placeholders: tuple[str, ...] = ()
) -> str | None:
    """Why an http(s) URL cannot work for a reader (a message that says how to fix it), or None."""
    if any(ch.isspace() for ch in url):
        return "contains white space; percent-encode it (%20) or remove it"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError as exc:
        return f"is not a valid URL ({exc}); fix its host or port"
    if not host:
        return "has no host name; write a full URL like `https://coder.com/docs`"
    if host in allow_hosts:
        return None
    problem = _host_problem(host, placeholders)
    if problem is None and parts.scheme.lower() == "http":
        return "uses http; use https (readers' browsers warn on or block plain http)"
    return problem


# A site links to a few hundred hosts from tens of thousands of links; the checks below
# (address parsing, IDNA) cost far more than a lookup.
@lru_cache(maxsize=4096)
def _host_problem(host: str, placeholders: tuple[str, ...]) -> str | None:
    local = _local(host)
    if local:
        return f"points at {local}, which readers cannot reach; link to a public URL"
    if _placeholder(host, placeholders):
        return (
            f"points at the placeholder host `{host}`; link to the real site (placeholders "
            "belong in code samples, not in links)"
        )
    if not _valid_host(host):
        return f"has an invalid host name `{host}`; check the URL for typos"
    return None


def _local(host: str) -> str | None:
    if host == "localhost" or host.endswith(".localhost"):
        return "localhost"
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    if ip.is_loopback or ip.is_unspecified:
        return f"the loopback address {host}"
    if ip.is_private or ip.is_link_local:
        return f"the private address {host}"
    return None


def _placeholder(host: str, extra: tuple[str, ...]) -> bool:
    for domain in (*PLACEHOLDER_DOMAINS, *extra):
        if host == domain or host.endswith("." + domain):
            return True
    return host.rsplit(".", 1)[-1] in PLACEHOLDER_TLDS


def _valid_host(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_host.rstrip(".").split(".")
    if len(labels) < 2 or labels[-1].isdigit():
        return False
    return all(_LABEL.match(label) for label in labels)
