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
# One selector per tag: lexbor returns an element once per selector it matches.
_SELECTOR = ", ".join(
    f"{tag}[{attrs[0]}]" if len(attrs) == 1 else tag for tag, attrs in LINK_ATTRS.items()
) + ", meta[http-equiv]"
_ID_SELECTOR = "[id], a[name]"

# Where a page's own (Markdown-made) content sits; links elsewhere come from the theme.
DEFAULT_CONTENT_SELECTOR = "article.md-content__inner, div[role=main], main, article"
# Theme furniture that Material places inside the content area.
_THEME_CLASSES = ("md-content__button", "headerlink", "md-source-file")


# (tag, attribute, value, in content): the value as the browser sees it (entities decoded,
# untrimmed); "in content" is True inside the page's content area (from Markdown), False in
# the theme's navigation, header and footer. Plain tuples: a Material page has ~500 links.
Link = tuple[str, str, str, bool]


@dataclass(slots=True)
class PageFacts:
    links: list[Link]
    ids: frozenset[str]
    refresh: str | None  # the URL of a <meta http-equiv="refresh">, for redirect stubs
    has_content_area: bool


def extract(data: bytes | str, content_selector: str = DEFAULT_CONTENT_SELECTOR) -> PageFacts:
    tree = LexborHTMLParser(data)
    if content_selector == DEFAULT_CONTENT_SELECTOR:
        # Material: its <article> comes before everything in it, so one walk of the tree both
        # finds the content and collects the links (a second walk costs as much as the first).
        facts = _collect(tree, tree.css(_SELECTOR + ", article"), None, True)
        if facts.has_content_area:
            return facts
    content = None
    # In order of preference: Material's <main> holds the navigation too, its <article> does not.
    for selector in content_selector.split(","):
        content = tree.css_first(selector.strip())
        if content is not None:
            break
    return _collect(tree, tree.css(_SELECTOR), content)


def _content_ids(content) -> set[int]:
    in_content: set[int] = set()
    for node in content.css(_SELECTOR):
        cls = node.attrs.get("class") or ""
        if not (cls and any(c in cls for c in _THEME_CLASSES)):
            in_content.add(node.mem_id)
    return in_content


def _collect(tree, nodes, content, nodes_may_hold_article: bool = False) -> PageFacts:
    """Links and anchors of `nodes`; with `content` None, the first Material article among
    them becomes the content area (links before it are the theme's)."""
    searching = content is None and nodes_may_hold_article
    in_content = _content_ids(content) if content is not None else set()
    links: list[Link] = []
    append = links.append
    refresh = None
    everything = content is None and not searching  # no content area: all links are the page's
    for node in nodes:
        tag = node.tag
        attrs = node.attrs
        if tag == "a":
            # The common case (navigation): one attribute, no loop.
            append(("a", "href", attrs.get("href") or "", everything or node.mem_id in in_content))
            continue
        if tag == "article":
            if searching and content is None and "md-content__inner" in (attrs.get("class") or ""):
                content = node
                in_content = _content_ids(node)
            continue
        if tag == "meta":
            if (attrs.get("http-equiv") or "").strip().lower() == "refresh":
                refresh = refresh_url(attrs.get("content") or "")
                if refresh is not None:
                    append(("meta", "content", refresh, everything or node.mem_id in in_content))
            continue
        where = everything or node.mem_id in in_content
        for attr in LINK_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if value is None:
                continue
            if attr == "srcset":
                for url in srcset_urls(value):
                    append((tag, attr, url, where))
            else:
                append((tag, attr, value, where))
    ids = []
    for node in tree.css(_ID_SELECTOR):
        attrs = node.attrs
        ident = attrs.get("id")
        if ident:
            ids.append(ident)
        if node.tag == "a":
            name = attrs.get("name")
            if name:
                ids.append(name)
    return PageFacts(links, frozenset(ids), refresh, content is not None)


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
