"""What a built page holds for the link checker: its links, its anchors, its redirect.

One parse per page with lexbor (selectolax), the fastest of the parsers measured for this job
(bench/bench_linkcheck.py); the DOM is dropped as soon as the compact facts are taken.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

# Every element attribute a reader's browser follows or fetches.
LINK_ATTRS: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "img": ("src", "srcset"),
    "link": ("href",),
    "script": ("src",),
    "source": ("src", "srcset"),
    "video": ("poster", "src"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
}
# Everything but <a>, one selector per tag: lexbor returns an element once per selector it
# matches. <a> has a query of its own: it is nine links in ten of a Material page.
_OTHER_SELECTOR = ", ".join(
    f"{tag}[{attrs[0]}]" if len(attrs) == 1 else tag for tag, attrs in LINK_ATTRS.items() if tag != "a"
) + ", meta[http-equiv]"
_ID_SELECTOR = "[id], a[name]"

# Where a page's own (Markdown-made) content sits, in order of preference: Material's <main>
# holds the navigation too, its <article> does not.
DEFAULT_CONTENT_SELECTOR = "article.md-content__inner, div[role=main], main, article"
# Theme furniture that Material places inside the content area.
_THEME_CLASSES = ("md-content__button", "headerlink", "md-source-file")


# (tag, attribute, value, in content): the value as the browser sees it (entities decoded,
# untrimmed); "in content" is True inside the page's content area (from Markdown), False in
# the theme's navigation, header and footer.
Link = tuple[str, str, str, bool]


@dataclass(slots=True)
class PageFacts:
    links: list[Link]  # every link but the theme's <a href>s
    # The <a href> values outside the content area: the navigation, which repeats on every
    # page. Kept apart as bare strings so the checker can skip, in bulk, those it has settled.
    theme_hrefs: list[str]
    ids: frozenset[str]
    refresh: str | None  # the URL of a <meta http-equiv="refresh">, for redirect stubs


def extract(data: bytes | str, content_selector: str = DEFAULT_CONTENT_SELECTOR) -> PageFacts:
    q = _select(LexborHTMLParser(data), content_selector)
    links: list[Link] = []
    theme_hrefs = _anchors(q, links)
    refresh = _other_links(q, links)
    ids = []
    for node in q.id_nodes:
        attrs = node.attrs
        ident = attrs.get("id")
        if ident:
            ids.append(ident)
        if node.tag == "a":
            name = attrs.get("name")
            if name:
                ids.append(name)
    return PageFacts(links, theme_hrefs, frozenset(ids), refresh)


@dataclass(slots=True)
class _Selected:
    """What the selector queries of one page return, before any value is read."""

    content: object | None  # the content area's node, if the page has one
    anchors: list  # every <a>, in document order
    content_anchors: list  # the content area's <a>s
    others: list  # every other link element (_OTHER_SELECTOR)
    content_others: set[int]  # mem_ids of the content area's other link elements
    id_nodes: list  # elements with an id, and <a name>


def _select(tree, content_selector: str) -> _Selected:
    content = _content_area(tree, content_selector)
    inside = content is not None
    return _Selected(
        content,
        tree.css("a"),
        content.css("a") if inside else [],
        tree.css(_OTHER_SELECTOR),
        {n.mem_id for n in content.css(_OTHER_SELECTOR)} if inside else set(),
        tree.css(_ID_SELECTOR),
    )


def _content_area(tree, content_selector: str):
    for selector in content_selector.split(","):
        content = tree.css_first(selector.strip())
        if content is not None:
            return content
    return None


def _is_theme(attrs) -> bool:
    cls = attrs.get("class")
    return bool(cls) and any(c in cls for c in _THEME_CLASSES)


def _anchors(q: _Selected, links: list[Link]) -> list[str]:
    """Appends the content's <a href>s to `links`; returns the theme's."""
    nodes, inner = q.anchors, q.content_anchors
    if q.content is None:  # no content area: every link is the page's own
        links.extend(("a", "href", h, True) for n in nodes if (h := n.attrs.get("href")) is not None)
        return []
    theme_nodes = nodes
    if inner:
        # A subtree is one run in document order, so the content's links are one slice of
        # the page's: cut it out instead of testing every navigation link for membership.
        order = [n.mem_id for n in nodes]
        start = order.index(inner[0].mem_id)
        end = start + len(inner)
        if order[end - 1] == inner[-1].mem_id:
            theme_nodes = nodes[:start] + nodes[end:]
        else:  # never seen; kept so a surprise costs speed, not correctness
            members = {n.mem_id for n in inner}
            theme_nodes = [n for n in nodes if n.mem_id not in members]
    theme = [h for n in theme_nodes if (h := n.attrs.get("href")) is not None]
    for node in inner:
        attrs = node.attrs
        href = attrs.get("href")
        if href is not None:
            if _is_theme(attrs):
                theme.append(href)
            else:
                links.append(("a", "href", href, True))
    return theme


def _other_links(q: _Selected, links: list[Link]) -> str | None:
    """Appends every link but <a>s to `links`; returns the page's meta refresh URL, if any."""
    everywhere = q.content is None  # no content area: every link is the page's own
    refresh = None
    for node in q.others:
        tag = node.tag
        attrs = node.attrs
        where = everywhere or (node.mem_id in q.content_others and not _is_theme(attrs))
        if tag == "meta":
            if (attrs.get("http-equiv") or "").strip().lower() == "refresh":
                refresh = refresh_url(attrs.get("content") or "")
                if refresh is not None:
                    links.append(("meta", "content", refresh, where))
            continue
        for attr in LINK_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if value is None:
                continue
            if attr == "srcset":
                links.extend((tag, attr, url, where) for url in srcset_urls(value))
            else:
                links.append((tag, attr, value, where))
    return refresh


def refresh_url(content: str) -> str | None:
    """The URL of a meta refresh `content` ("0; url=../new/"), or None when it has none."""
    _, sep, rest = content.partition(";")
    if not sep:
        _, sep, rest = content.partition(",")
    rest = rest.strip()
    if not rest:
        return None
    if rest[:3].lower() == "url":
        after = rest[3:].lstrip()
        if after.startswith("="):
            rest = after[1:].strip()
    if rest[:1] in ("'", '"'):
        quote = rest[0]
        end = rest.find(quote, 1)
        rest = rest[1:end] if end > 0 else rest[1:]
    return rest


def srcset_urls(value: str) -> list[str]:
    """The image URLs of a srcset, split as the HTML standard says (URLs may hold commas)."""
    urls: list[str] = []
    i, n = 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        if i >= n:
            break
        start = i
        while i < n and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            # Skip the descriptor ("2x", "640w") up to the next comma outside parentheses.
            depth = 0
            while i < n:
                ch = value[i]
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    depth = max(0, depth - 1)
                elif ch == "," and depth == 0:
                    break
                i += 1
        if url:
            urls.append(url)
    return urls


def tune_allocator() -> None:
    """Keep lexbor's large per-page buffers on the heap instead of a fresh mmap per page.

    glibc hands allocations above 128 KiB to mmap and unmaps them on free, so every page of
    a Material site (a few hundred KiB) pays page faults anew; parsing runs about twice as
    fast once the threshold is raised (and up to 32 MiB of freed heap is kept for the next
    page). Process-wide and harmless elsewhere; a no-op off glibc.
    """
    global _TUNED
    if _TUNED or not sys.platform.startswith("linux"):
        return
    _TUNED = True
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, 64 << 20)
        libc.mallopt(_M_TRIM_THRESHOLD, 32 << 20)
    except (OSError, AttributeError):
        pass


_TUNED = False
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def parse_only(data: bytes | str) -> None:
    """The bare parse, for the benchmark's baseline."""
    LexborHTMLParser(data)


def select_only(data: bytes | str) -> None:
    """The parse and every selector query `extract` runs, reading no value: the floor of an
    extraction through selectolax's Python API, for the benchmark."""
    _select(LexborHTMLParser(data), DEFAULT_CONTENT_SELECTOR)
