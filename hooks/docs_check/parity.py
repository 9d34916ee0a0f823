"""`docs-check parity SITE_A SITE_B`: do two builds of one source say the same thing?

Page by page: the set of pages, where each redirect stub sends the reader, the navigation
(order, titles, targets, state badges), and inside each page's content area the title, the
headings and their ids, every link and image with its resolved target, the alert and
admonition kinds and the state badges. Theme chrome (header, footer, search markup, scripts,
styles, the permalink `¶`, the edit button) is not content and is never compared.

Every difference belongs to a named class (CLASSES). A class is either content (a reader of
one site sees something else: exit 1) or explained (a documented difference of the engines
that changes nothing a reader follows: reported and counted, exit 0). Sites built for two
site_urls compare equal: links are compared as paths inside each site.

    docs-check parity SITE_A SITE_B [--format text|json] [--quiet]

Exit 0: no content difference; 1: some; 2: a site folder is missing.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from .options import EXIT_CLEAN, EXIT_FINDINGS, Parser, UsageError
from .site.html import DEFAULT_CONTENT_SELECTOR, refresh_url
from .site.layout import page_url

# Every class a difference can have: True = explained (documented, no exit 1), with why.
CLASSES: dict[str, tuple[bool, str]] = {
    "page-missing": (False, "a page of SITE_A is not in SITE_B"),
    "page-extra": (False, "a page of SITE_B is not in SITE_A"),
    "redirect": (False, "a redirect stub sends the reader elsewhere, or is a page in the other site"),
    "nav-missing": (False, "a navigation entry of SITE_A is not in SITE_B"),
    "nav-extra": (False, "a navigation entry of SITE_B is not in SITE_A"),
    "nav-title": (False, "a navigation entry has another title"),
    "nav-target": (False, "a navigation entry leads elsewhere"),
    "nav-badge": (False, "a navigation entry has another state badge"),
    "title": (False, "the page's H1 differs"),
    "heading-text": (False, "a heading is missing, added or reworded"),
    "heading-id": (False, "a heading has another id (links to its anchor break)"),
    "link-target": (False, "a link or image in the content leads elsewhere"),
    "link-missing": (False, "a link or image of SITE_A's page is not in SITE_B's"),
    "link-extra": (False, "a link or image of SITE_B's page is not in SITE_A's"),
    "alert": (False, "the alert and admonition kinds of the page differ"),
    "badge": (False, "the state badges under the page title differ"),
    "asset-link": (True, "a link to the theme's own assets (CSS, scripts, icons) inside the content differs: "
                         "each engine ships and names its theme files itself"),
}

# Theme furniture inside the content area (Material, Zensical): not the writer's content.
_CHROME = "a.headerlink, .md-content__button, .md-source-file, .md-typeset__scrollwrap > script"
_BADGE = re.compile(r"\b(?:md-status--|coder-state--)([\w-]+)")
_KIND_SKIP = {"admonition", "highlight", "inline", "end", "md-typeset"}
_SITE = "http://site.invalid"


@dataclass(frozen=True)
class Difference:
    cls: str
    page: str
    message: str

    @property
    def explained(self) -> bool:
        return CLASSES[self.cls][0]

    def format(self) -> str:
        return f"{self.page}: {self.cls}{' (explained)' if self.explained else ''}: {self.message}"


@dataclass
class NavEntry:
    title: str
    target: str | None
    badges: tuple[str, ...]


@dataclass
class Page:
    redirect: str | None = None
    title: str = ""
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, text, id
    links: list[str] = field(default_factory=list)  # resolved targets, in order
    alerts: list[str] = field(default_factory=list)
    badges: list[str] = field(default_factory=list)


@dataclass
class Site:
    root: Path
    base_url: str
    pages: dict[str, Page]
    nav: dict[tuple[int, ...], NavEntry]


# -- reading a site --------------------------------------------------------------------------


def read_site(root: Path) -> Site:
    base_url = _base_url(root)
    pages: dict[str, Page] = {}
    nav: dict[tuple[int, ...], NavEntry] = {}
    for html in sorted(root.rglob("*.html")):
        rel = html.relative_to(root).as_posix()
        url = page_url(rel)
        tree = LexborHTMLParser(html.read_bytes())
        pages[url] = _page(tree, url, base_url)
        for key, entry in _nav(tree, url, base_url):
            _merge_entry(nav, key, entry)
        # The tree is dropped here: only the compact facts stay.
    return Site(root, base_url, pages, nav)


def _merge_entry(nav: dict[tuple[int, ...], NavEntry], key: tuple[int, ...], entry: NavEntry) -> None:
    """An entry's badges are the union of those it shows on any page: Material badges a
    section only inside its own branch, Zensical's theme on every page, and either way the
    reader sees the section's state."""
    seen = nav.get(key)
    if seen is None:
        nav[key] = entry
    elif not set(entry.badges) <= set(seen.badges):
        nav[key] = replace(seen, badges=tuple(sorted({*seen.badges, *entry.badges})))


def _base_url(root: Path) -> str:
    """site_url (from the home page's canonical link), so that both sites' links read as paths
    inside their own site: two builds for two site_urls compare equal."""
    home = root / "index.html"
    if not home.is_file():
        return _SITE + "/"
    node = LexborHTMLParser(home.read_bytes()).css_first('link[rel="canonical"]')
    href = (node.attrs.get("href") if node is not None else None) or _SITE + "/"
    return href if href.endswith("/") else href.rsplit("/", 1)[0] + "/"


def resolve(href: str, page: str, base_url: str) -> str:
    """A link as the path inside the site it reaches (`/ai-coder/tasks/#anchor`), or the URL
    itself when it leaves the site. `x/index.html` and `x/` are one page."""
    if urlsplit(href).scheme not in ("", "http", "https"):
        return href  # mailto:, data:...
    absolute = urljoin(base_url + page.lstrip("/"), href)
    if not absolute.startswith(base_url):
        return href if urlsplit(href).netloc else absolute
    joined = urlsplit(absolute)
    path = "/" + unquote(joined.path)[len(urlsplit(base_url).path):]
    if path.endswith("/index.html") or path == "/index.html":
        path = path[: -len("index.html")]
    return path + (f"#{joined.fragment}" if joined.fragment else "")


def _text(node) -> str:
    return re.sub(r"\s+", " ", node.text(deep=True, separator=" ")).strip()


def _page(tree, url: str, base_url: str) -> Page:
    page = Page()
    meta = tree.css_first('meta[http-equiv="refresh"], meta[http-equiv="Refresh"]')
    if meta is not None:
        target = refresh_url(meta.attrs.get("content") or "")
        if target is not None:
            page.redirect = resolve(target, url, base_url)
            return page
    content = None
    for selector in DEFAULT_CONTENT_SELECTOR.split(", "):
        content = tree.css_first(selector)
        if content is not None:
            break
    if content is None:
        return page
    for node in content.css(_CHROME):
        node.decompose()
    for node in content.css("h1, h2, h3, h4, h5, h6"):
        level = int(node.tag[1])
        text = _text(node)
        if level == 1 and not page.title:
            page.title = text
        page.headings.append((level, text, node.attrs.get("id") or ""))
    for node in content.css("a[href], img[src]"):
        attr = "href" if node.tag == "a" else "src"
        page.links.append(resolve(node.attrs.get(attr) or "", url, base_url))
    for node in content.css(".admonition, details"):
        kinds = [c for c in (node.attrs.get("class") or "").split() if c not in _KIND_SKIP]
        page.alerts.append(f"{node.tag}:{'.'.join(kinds) or '-'}")
    for node in content.css("[class*='coder-state--'], [class*='md-status--']"):
        page.badges.extend(_BADGE.findall(node.attrs.get("class") or ""))
    return page


def _nav(tree, url: str, base_url: str) -> Iterator[tuple[tuple[int, ...], NavEntry]]:
    """The primary navigation as (position, entry): position is the index among siblings at
    each level, so a page moved, added or dropped shows where. A page holds only the open
    branch (navigation.prune); the union of all pages is the whole navigation."""
    nav = tree.css_first("nav.md-nav--primary")
    if nav is None:
        return
    top = nav.css_first("ul.md-nav__list")
    if top is not None:
        yield from _nav_list(top, (), url, base_url)


def _own_link(li):
    """An entry's own link, not one of its children's: the page link (inside the container of
    navigation.indexes when the section has a page), else the label of a section or of the
    open page's table of contents."""
    label = None
    for child in li.iter():
        if "md-nav__link" not in (child.attrs.get("class") or ""):
            continue
        if child.tag == "a":
            return child
        if child.tag == "div":
            inner = next((n for n in child.iter() if n.tag == "a"), None)
            if inner is not None:
                return inner
        if child.tag == "label" and label is None:
            label = child
    return label


def _nav_list(ul, prefix: tuple[int, ...], url: str, base_url: str):
    for i, li in enumerate(c for c in ul.iter() if c.tag == "li"):
        key = (*prefix, i)
        link = _own_link(li)
        if link is None:
            continue
        title_node = link.css_first(".md-ellipsis") or link
        href = link.attrs.get("href") if link.tag == "a" else None
        badges = tuple(sorted(b for node in link.css("[class*='md-status--']")
                              for b in _BADGE.findall(node.attrs.get("class") or "")))
        yield key, NavEntry(_text(title_node), resolve(href, url, base_url) if href else None, badges)
        # The active page's table of contents (md-nav--secondary) is its headings, compared
        # with the page; only the site's own navigation is compared here.
        child = next((n for n in li.iter() if n.tag == "nav"
                      and "md-nav--secondary" not in (n.attrs.get("class") or "")), None)
        inner = child.css_first("ul.md-nav__list") if child is not None else None
        if inner is not None:
            yield from _nav_list(inner, key, url, base_url)


# -- comparing -------------------------------------------------------------------------------


def compare(a: Site, b: Site) -> list[Difference]:
    out: list[Difference] = []
    for url in sorted(a.pages.keys() - b.pages.keys()):
        out.append(Difference("page-missing", url, f"in {a.root} only"))
    for url in sorted(b.pages.keys() - a.pages.keys()):
        out.append(Difference("page-extra", url, f"in {b.root} only"))
    for url in sorted(a.pages.keys() & b.pages.keys()):
        out.extend(_compare_page(url, a.pages[url], b.pages[url]))
    out.extend(_compare_nav(a.nav, b.nav))
    return out


def _compare_page(url: str, a: Page, b: Page) -> Iterator[Difference]:
    if a.redirect or b.redirect:
        if a.redirect != b.redirect:
            yield Difference("redirect", url, f"{a.redirect or 'a page'} vs {b.redirect or 'a page'}")
        return
    if a.title != b.title:
        yield Difference("title", url, f"{a.title!r} vs {b.title!r}")
    yield from _headings(url, a.headings, b.headings)
    yield from _links(url, a.links, b.links)
    if a.alerts != b.alerts:
        yield Difference("alert", url, f"{', '.join(a.alerts) or 'none'} vs {', '.join(b.alerts) or 'none'}")
    if sorted(a.badges) != sorted(b.badges):
        yield Difference("badge", url, f"{', '.join(sorted(a.badges)) or 'none'} vs {', '.join(sorted(b.badges)) or 'none'}")


def _headings(url: str, a: list, b: list) -> Iterator[Difference]:
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = a[i1:i2], b[j1:j2]
        if tag == "replace" and len(left) == len(right):
            for (la, ta, ia), (lb, tb, ib) in zip(left, right, strict=True):
                if (la, ta) == (lb, tb):
                    yield Difference("heading-id", url, f"h{la} {ta!r}: #{ia} vs #{ib}")
                else:
                    yield Difference("heading-text", url, f"h{la} {ta!r} (#{ia}) vs h{lb} {tb!r} (#{ib})")
            continue
        for level, text, ident in left:
            yield Difference("heading-text", url, f"h{level} {text!r} (#{ident}) only in SITE_A")
        for level, text, ident in right:
            yield Difference("heading-text", url, f"h{level} {text!r} (#{ident}) only in SITE_B")


def _asset(target: str) -> bool:
    return target.startswith("/assets/")


def _links(url: str, a: list[str], b: list[str]) -> Iterator[Difference]:
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left, right = a[i1:i2], b[j1:j2]
        if tag == "replace" and len(left) == len(right):
            for x, y in zip(left, right, strict=True):
                cls = "asset-link" if _asset(x) and _asset(y) else "link-target"
                yield Difference(cls, url, f"{x} vs {y}")
            continue
        for x in left:
            yield Difference("asset-link" if _asset(x) else "link-missing", url, x)
        for y in right:
            yield Difference("asset-link" if _asset(y) else "link-extra", url, y)


def _compare_nav(a: dict, b: dict) -> Iterator[Difference]:
    for key in sorted(a.keys() | b.keys()):
        where = "nav " + ".".join(str(k + 1) for k in key)
        x, y = a.get(key), b.get(key)
        if y is None:
            yield Difference("nav-missing", where, f"{x.title!r} -> {x.target}")
        elif x is None:
            yield Difference("nav-extra", where, f"{y.title!r} -> {y.target}")
        else:
            if x.title != y.title:
                yield Difference("nav-title", where, f"{x.title!r} vs {y.title!r}")
            if x.target != y.target:
                yield Difference("nav-target", where, f"{x.title!r}: {x.target} vs {y.target}")
            if x.badges != y.badges:
                yield Difference("nav-badge", where, f"{x.title!r}: {', '.join(x.badges) or 'none'} vs "
                                                     f"{', '.join(y.badges) or 'none'}")


# -- command ---------------------------------------------------------------------------------


def counts(diffs: Sequence[Difference]) -> dict[str, int]:
    return dict(sorted(Counter(d.cls for d in diffs).items()))


def main(argv: Sequence[str]) -> int:
    p = Parser(prog="docs-check parity", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("site_a", type=Path)
    p.add_argument("site_b", type=Path)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary")
    args = p.parse_args(list(argv))
    for site in (args.site_a, args.site_b):
        if not (site / "index.html").is_file():
            raise UsageError(f"{site}: not a built site (no index.html)")
    a, b = read_site(args.site_a), read_site(args.site_b)
    diffs = compare(a, b)
    unexplained = [d for d in diffs if not d.explained]
    if args.format == "json":
        print(json.dumps({"pages": [len(a.pages), len(b.pages)], "counts": counts(diffs),
                          "unexplained": len(unexplained),
                          "differences": [{"class": d.cls, "explained": d.explained, "page": d.page,
                                           "message": d.message} for d in diffs]}, indent=2))
    else:
        for d in diffs:
            print(d.format())
        if not args.quiet:
            _summary(a, b, diffs, unexplained)
    return EXIT_FINDINGS if unexplained else EXIT_CLEAN


def _summary(a: Site, b: Site, diffs: list[Difference], unexplained: list[Difference]) -> None:
    per_class = ", ".join(f"{cls} {n}" for cls, n in counts(diffs).items()) or "none"
    print(f"{len(a.pages)} vs {len(b.pages)} pages, {len(a.nav)} vs {len(b.nav)} navigation entries: "
          f"{len(diffs)} difference{'s' * (len(diffs) != 1)} ({per_class}); "
          f"{len(unexplained)} unexplained.", file=sys.stderr)
