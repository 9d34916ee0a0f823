"""Check every link, anchor and asset of a built site.

Two passes over compact facts, never over DOMs:

1. each page is parsed once (on every core when the site is big enough); what can be decided
   from the page alone (missing files, same-page anchors, empty hrefs, link shape) is decided
   there, and the page hands back only its ids, its links to other pages' anchors and the
   pages it links to;
2. cross-page anchors, redirect stubs and reachability are then settled from those facts.

The result is a list of `Problem`s per page; `sourcemap` turns them into findings on the
Markdown lines a writer edits.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

from ..check import INTERNAL_ERROR
from ..findings import Severity
from ..rules import Rule
from . import html
from . import rules as R
from .external import shape_problem
from .layout import MD, MISSING, OK, OUTSIDE, SiteLayout, page_url

EXTERNAL = "external"  # a redirect stub that leaves the site
# Not a registered rule: the engine's own id for a check that failed, never configurable away.
INTERNAL = Rule(INTERNAL_ERROR, Severity.ERROR, "the link checker failed on a page")
# Below this many pages, starting worker processes costs more than it saves.
PARALLEL_MIN_PAGES = 64
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Schemes a browser handles without a server we could check.
_IGNORED_SCHEMES = frozenset(("mailto", "tel", "data", "javascript", "blob", "about", "sms", "irc", "ircs", "ftp", "ssh", "git", "vscode", "jetbrains-gateway", "jetbrains", "cursor", "windsurf", "zed", "coder"))
_EMPTY_CHECKED = frozenset(("href", "src"))
# What a link value is, before it meets a page (PageChecker._parse).
_REL, _SELF, _FRAGMENT, _EXTERNAL, _EMPTY, _PROBLEM, _IGNORE = (
    "rel", "self", "fragment", "external", "empty", "problem", "ignore")


@dataclass(frozen=True)
class Options:
    """`[tool.docs-check.site]`, resolved; picklable so worker processes get a copy."""

    content_selector: str = html.DEFAULT_CONTENT_SELECTOR
    allow_hosts: frozenset[str] = frozenset()
    placeholder_hosts: tuple[str, ...] = ()
    exclude_urls: tuple[str, ...] = ()  # regular expressions
    collect_external: bool = False  # online mode wants every external URL


@dataclass(frozen=True, slots=True)
class Problem:
    """A broken link on a built page, before it is mapped back to the Markdown."""

    page: str  # site path of the page, e.g. "ai-coder/tasks/index.html"
    rule: Rule
    message: str
    href: str  # the attribute value as the page has it
    target: str | None = None  # the site path it resolves to, when internal
    fragment: str | None = None
    theme: bool = False  # the link sits outside the page's content (nav, header, footer)
    tag: str = "a"


@dataclass
class PageScan:
    """What pass 1 keeps of a page: small, picklable, no DOM."""

    page: str
    ids: frozenset[str]
    problems: list[Problem]
    # (target page, fragment, href, theme, tag): anchors to check once every page is known
    anchors: list[tuple[str, str, str, bool, str]]
    content_pages: frozenset[str]  # pages the content links to (reachability)
    theme_pages: frozenset[str]  # pages the theme links to that this worker had not seen yet
    redirect: tuple[str, str, str] | None  # (href, status, site path) of a meta refresh
    external: dict[str, bool] = field(default_factory=dict)  # url -> theme (online mode only)


@dataclass
class SiteResult:
    pages: list[str]  # site paths of every page checked
    problems: list[Problem]
    redirects: dict[str, str]  # stub page -> href it sends readers to
    external: dict[str, list[tuple[str, bool]]]  # url -> [(page, theme)] (online mode)


# -- pass 1: one page ----------------------------------------------------------------------


class _Page:
    """One page being scanned: where it sits, and what its links have found so far."""

    __slots__ = ("anchors", "bases", "content_pages", "depth", "external", "folder", "ids", "page",
                 "problems", "redirect", "theme_pages")

    def __init__(self, page: str, ids: frozenset[str]) -> None:
        self.page = page
        self.ids = ids
        self.folder = page.rpartition("/")[0]
        parts = self.folder.split("/") if self.folder else []
        self.depth = len(parts)
        # bases[i]: the folder i levels below the root on the way to this page
        self.bases = ["/".join(parts[:i]) for i in range(len(parts) + 1)]
        self.problems: list[Problem] = []
        # (target page, fragment, href, theme, tag): anchors to check once every page is known
        self.anchors: list[tuple[str, str, str, bool, str]] = []
        self.content_pages: list[str] = []
        self.theme_pages: list[str] = []
        self.external: dict[str, bool] = {}
        self.redirect: tuple[str, str, str] | None = None


def _has_anchor(frag: str, ids: frozenset[str]) -> bool:
    return frag in ids or _always_there(frag) or unquote(frag) in ids


class PageChecker:
    """Checks pages one at a time; caches link resolution across the pages it sees."""

    def __init__(self, layout: SiteLayout, options: Options) -> None:
        html.tune_allocator()
        self.layout = layout
        self.options = options
        self._resolved: dict[tuple[str, str], tuple[str, str]] = {}
        self._parsed: dict[str, tuple[str, int, str, str, str]] = {}
        self._shapes: dict[str, str | None] = {}
        self._theme_seen: set[str] = set()
        # (page depth, folder) -> theme link values that need no second look from there
        self._settled: dict[tuple[int, str], set[str]] = {}
        self._exclude = _exclude_pattern(options)

    def scan_file(self, page: str) -> PageScan:
        try:
            data = (self.layout.root / page).read_bytes()
        except OSError as exc:
            return PageScan(page, frozenset(), [
                Problem(page, R.MISSING_FILE, f"cannot read the page: {exc.strerror or exc}", "")
            ], [], frozenset(), frozenset(), None)
        try:
            return self.scan(page, data)
        except Exception as exc:
            if os.environ.get("DOCS_CHECK_RAISE"):
                raise
            # One page the checker cannot read must not take the whole report down.
            return PageScan(page, frozenset(), [Problem(page, INTERNAL, (
                f"the link checker failed on this page ({type(exc).__name__}: {exc}); please report it"
            ), "")], [], frozenset(), frozenset(), None)

    def scan(self, page: str, data: bytes | str) -> PageScan:
        facts = html.extract(data, self.options.content_selector)
        at = _Page(page, facts.ids)
        links = facts.links
        if facts.refresh is not None:
            # A stub's canonical link and fallback <a> repeat its target: judge it once.
            refresh = facts.refresh.strip()
            links = [ln for ln in links if ln[0] == "meta" or ln[2].strip() != refresh]
        for tag, attr, value, in_content in links:
            self._link(at, tag, attr, value, not in_content)
        if facts.theme_hrefs:
            self._theme_links(at, facts.theme_hrefs)
        problems = at.problems
        redirect = at.redirect
        if facts.refresh is not None and redirect is None:
            # Outside the site, or a URL that is no page at all: reported as a broken redirect.
            redirect = (facts.refresh, MISSING, "")
            problems = [p for p in problems if p.tag != "meta"]
        if self._exclude is not None:
            problems = [p for p in problems if not self._exclude.search(p.href)]
        return PageScan(page, at.ids, problems, at.anchors, frozenset(at.content_pages),
                        frozenset(at.theme_pages), redirect, at.external)

    def _theme_links(self, at: _Page, hrefs: list[str]) -> None:
        """The navigation's links, which repeat on every page: a value settled once needs no
        second look on a page where it resolves the same way, that is from the same folder
        (`../groups/` from any page two levels down in `admin/`). Only links that need nothing
        of the page are settled (they resolve, carry no anchor to check, report nothing), so
        every broken one is still reported on every page that has it."""
        settled = self._settled
        depth = at.depth
        scopes = [settled.setdefault((depth, base), set()) for base in at.bases]
        for value in sorted(set(hrefs).difference(*scopes)):
            base = self._link(at, "a", "href", value, True)
            if base is not None:
                settled[(depth, base)].add(value)

    def _link(self, at: _Page, tag: str, attr: str, raw: str, theme: bool) -> str | None:
        """Checks one link. Returns the folder its outcome depends on when the outcome is
        the same for every page as deep as this one under that folder ("" for the site root,
        or when no page matters); None when it depends on this page."""
        parsed = self._parsed.get(raw)
        if parsed is None:
            parsed = self._parsed[raw] = self._parse(raw)
        kind, k, rest, frag, value = parsed
        if kind == _REL:
            resolved = self._relative(at, k, rest, value, theme, tag)
            if resolved is None:
                return None
            status, target, scope = resolved
        elif kind == _SELF:
            status, target, scope = OK, at.page, None
        else:
            return self._not_a_page(at, kind, k, rest, frag, value, attr, theme, tag)
        return self._to_page(at, status, target, scope, frag, value, theme, tag)

    def _relative(self, at: _Page, k: int, rest: str, value: str, theme: bool,
                  tag: str) -> tuple[str, str, str | None] | None:
        """(status, target, scope) of a link `k` folders up (-1: from the root); None when it
        climbs out of the site (reported here)."""
        depth = at.depth
        if k > depth:
            at.problems.append(Problem(at.page, R.OUTSIDE_SITE, (
                f"`{value}` climbs {k} folders up from `{at.folder or '/'}`, out of the site; "
                "fix the number of `../`"
            ), value, theme=theme, tag=tag))
            return None
        key = (at.bases[depth - k] if k >= 0 else "", rest)
        outcome = self._resolved.get(key)
        if outcome is None:
            outcome = self._resolved[key] = self.layout.resolve(*key)
        status, target = outcome
        return status, target, key[0]

    def _not_a_page(self, at: _Page, kind: str, k: int, rest: str, frag: str, value: str,
                    attr: str, theme: bool, tag: str) -> str | None:
        """A link that names no page of the site: a bare #fragment, an external URL, an empty
        value, a malformed one, or a scheme with nothing to check offline."""
        page = at.page
        if kind == _FRAGMENT:
            if not _has_anchor(frag, at.ids):
                at.problems.append(self._anchor_problem(page, value, page, frag, at.ids, theme, tag))
            return None
        if kind == _EXTERNAL:
            if tag == "meta":
                at.redirect = (value, EXTERNAL, value)
            found = self._external(rest, value, page, theme, tag, at.problems, at.external)
            return None if found or self.options.collect_external else ""
        if kind == _EMPTY:
            if attr in _EMPTY_CHECKED:
                at.problems.append(Problem(page, R.EMPTY_HREF, _empty_message(tag, attr), value,
                                           theme=theme, tag=tag))
                return None
            return ""
        if kind == _PROBLEM:
            rule = R.OUTSIDE_SITE if k == 0 else R.EXTERNAL_SHAPE
            at.problems.append(Problem(page, rule, rest, value, theme=theme, tag=tag))
            return None
        return ""  # mailto:, tel:, data:, app deep links: nothing to check offline

    def _to_page(self, at: _Page, status: str, target: str, scope: str | None, frag: str,
                 value: str, theme: bool, tag: str) -> str | None:
        """A link to a page or file of the site, once resolved: a redirect to judge later, a
        missing target, an anchor to check, a page reached (for reachability)."""
        page = at.page
        if tag == "meta":
            at.redirect = (value, status, target)  # judged in pass 2, chains followed
            return None
        if status is not OK:
            at.problems.append(self._path_problem(page, value, status, target, frag, theme, tag))
            return None
        if frag and target.endswith(".html"):
            scope = None
            if target == page:
                if not _has_anchor(frag, at.ids):
                    at.problems.append(self._anchor_problem(page, value, page, frag, at.ids, theme, tag))
            else:
                at.anchors.append((target, frag, value, theme, tag))
        if (tag == "a" or tag == "area") and target.endswith(".html"):
            if theme:
                if target not in self._theme_seen:
                    self._theme_seen.add(target)
                    at.theme_pages.append(target)
            else:
                at.content_pages.append(target)
        return scope

    def _parse(self, raw: str) -> tuple[str, int, str, str, str]:
        """What a link value is, independent of the page it is on:
        (kind, folders up (-1: from the root), path or URL or message, fragment, trimmed value)."""
        value = raw.strip()
        if not value:
            return _EMPTY, 0, "", "", raw
        first = value[0]
        if first == "#":
            return (_FRAGMENT, 0, "", value[1:], value) if len(value) > 1 else (_IGNORE, 0, "", "", value)
        hash_at = value.find("#")
        frag = value[hash_at + 1:] if hash_at >= 0 else ""
        path = value[:hash_at] if hash_at >= 0 else value
        q = path.find("?")
        if q >= 0:
            path = path[:q]
        if first == "/":
            if value.startswith("//"):
                return _EXTERNAL, 0, "https:" + value, frag, value
            base_path = self.layout.base_path
            if path.startswith(base_path):
                return _REL, -1, path[len(base_path):], frag, value
            if path + "/" == base_path:
                return _REL, -1, "", frag, value
            return _PROBLEM, 0, (
                f"`{value}` is outside the site, whose root is `{base_path}`; "
                "link with a relative path to the page's Markdown file instead"
            ), frag, value
        m = _SCHEME.match(value) if first != "." else None
        if m is not None:
            scheme = m.group(1).lower()
            base_url = self.layout.base_url
            if scheme in ("http", "https"):
                if base_url and value.startswith(base_url):
                    return _REL, -1, path[len(base_url):], frag, value
                return _EXTERNAL, 0, value, frag, value
            if scheme == "file":
                return _PROBLEM, 1, (
                    f"`{value}` is a file: link to the writer's disk, which readers cannot open; "
                    "link to the page or file in the site"
                ), frag, value
            return _IGNORE, 0, "", frag, value  # mailto:, tel:, data:, app deep links
        if not path:
            return _SELF, 0, "", frag, value
        k = 0
        while path.startswith("../", k * 3):
            k += 1
        return _REL, k, path[k * 3:], frag, value

    def _external(self, url: str, href: str, page: str, theme: bool, tag: str,
                  problems: list[Problem], external: dict[str, bool]) -> bool:
        if self.options.collect_external:
            external[url] = external.get(url, True) and theme
        if url in self._shapes:
            message = self._shapes[url]
        else:
            message = self._shapes[url] = shape_problem(
                url, allow_hosts=self.options.allow_hosts, placeholders=self.options.placeholder_hosts
            )
        if message is None:
            return False
        problems.append(Problem(page, R.EXTERNAL_SHAPE, f"`{href}` {message}", href, theme=theme, tag=tag))
        return True

    def _path_problem(self, page: str, href: str, status: str, target: str, frag: str,
                      theme: bool, tag: str) -> Problem:
        if status == MD:
            return Problem(page, R.MD_TARGET, (
                f"`{href}` still points at a Markdown file, so readers get a 404: MkDocs rewrites "
                "`.md` links only in Markdown link syntax (not in raw HTML) and only to files in "
                "the docs folder; write a Markdown link to an existing .md file, or link to the "
                "page's URL"
            ), href, target, frag or None, theme, tag)
        if status == OUTSIDE:
            return Problem(page, R.OUTSIDE_SITE, (
                f"`{href}` leads out of the site root; fix the number of `../`"
            ), href, None, frag or None, theme, tag)
        hint = self.layout.suggest(target)
        what = "page" if target.endswith("index.html") else "file"
        shown = target[: -len("index.html")] if target.endswith("index.html") else target
        # A theme link is the same on every page, whatever its relative form: say where it goes.
        lead = f"the theme links to the {what} `/{shown}`" if theme else f"`{href}` points at the {what} `{shown or '/'}`"
        return Problem(page, R.MISSING_FILE, (
            f"{lead}, which the built site does not have; "
            "fix the link or add the file" + (f" (did you mean `{hint}`?)" if hint else "")
        ), href, target, frag or None, theme, tag)

    @staticmethod
    def _anchor_problem(page: str, href: str, target: str, frag: str, ids: frozenset[str],
                        theme: bool, tag: str) -> Problem:
        if theme and target == page:
            # Material's table of contents lists every heading MkDocs saw; a heading without
            # its id in the page means the browser's parse differs from Markdown's.
            return Problem(page, R.MISSING_ANCHOR, (
                f"the table of contents links to `{href}`, but no element of the page has that "
                "id: raw HTML above the heading is left open (an unclosed tag, an unterminated "
                "attribute or comment) and swallows it; close the HTML before this heading"
            ), href, target, frag, theme, tag)
        return Problem(page, R.MISSING_ANCHOR, anchor_message(href, target, frag, ids),
                       href, target, frag, theme, tag)


def anchor_message(href: str, target: str, frag: str, ids: frozenset[str]) -> str:
    hint = closest_anchor(unquote(frag), ids)
    return (
        f"`{href}`: the page `{page_url(target)}` has no anchor `#{frag}` (a heading renamed or "
        "renumbered?); link to an anchor the page has"
        + (f" (did you mean `#{hint}`?)" if hint else "")
    )


_LETTERS = re.compile(r"[^a-z]+")
_HINT_POOL_MAX = 400  # difflib is quadratic-ish; past this only the cheap match is tried


@lru_cache(maxsize=64)
def _letters_index(ids: frozenset[str]) -> dict[str, str]:
    index: dict[str, str] = {}
    for ident in sorted(ids):
        index.setdefault(_LETTERS.sub("", ident.lower()), ident)
    return index


def closest_anchor(frag: str, ids: frozenset[str]) -> str | None:
    """The anchor the writer most likely meant: same letters first (a renumbered "Option 2",
    a slug that lost its leading dashes), then the closest spelling."""
    same = _letters_index(ids).get(_LETTERS.sub("", frag.lower()))
    if same:
        return same
    pool = [i for i in ids if not i.startswith("__")]  # Material's own ids: never a target
    if len(pool) > _HINT_POOL_MAX:
        return None
    hit = get_close_matches(frag, pool, n=1, cutoff=0.6)
    return hit[0] if hit else None


def _always_there(frag: str) -> bool:
    # "#top" scrolls to the top without an element (HTML standard); text fragments are not ids.
    return frag == "top" or frag.startswith(":~:")


def _empty_message(tag: str, attr: str) -> str:
    return f'`<{tag} {attr}="">` has an empty target, which reloads this page; give it a URL or remove it'


# -- pass 1 on every core ------------------------------------------------------------------

_WORKER: PageChecker | None = None


def _init_worker(layout: SiteLayout, options: Options) -> None:
    global _WORKER
    _WORKER = PageChecker(layout, options)


def _scan_chunk(pages: list[str]) -> list[PageScan]:
    assert _WORKER is not None
    return [_WORKER.scan_file(p) for p in pages]


def scan_pages(layout: SiteLayout, pages: list[str], options: Options, jobs: int = 0) -> Iterator[PageScan]:
    """Pass 1 over `pages`, in order, in worker processes when that pays."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(pages) < PARALLEL_MIN_PAGES:
        checker = PageChecker(layout, options)
        for page in pages:
            yield checker.scan_file(page)
        return
    # Chunks of a few pages: fewer round trips, and each worker's caches stay warm.
    size = max(1, min(16, len(pages) // (jobs * 4)))
    chunks = [pages[i:i + size] for i in range(0, len(pages), size)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(layout, options)) as pool:
        for scans in pool.map(_scan_chunk, chunks):
            yield from scans


# -- pass 2: the whole site ----------------------------------------------------------------


def check(layout: SiteLayout, options: Options, *, exclude: Iterable[str] = (), jobs: int = 0) -> SiteResult:
    excluded = tuple(exclude)
    pages = [p for p in layout.pages() if not _excluded(p, excluded)]
    problems: list[Problem] = []
    ids: dict[str, frozenset[str]] = {}
    anchors: list[tuple[str, str, str, str, bool, str]] = []
    redirects: dict[str, tuple[str, str, str]] = {}
    content_links: dict[str, frozenset[str]] = {}
    theme_pages: set[str] = set()
    external: dict[str, list[tuple[str, bool]]] = {}
    intern = sys.intern
    for scan in scan_pages(layout, pages, options, jobs):
        # Interned: the theme's ids repeat on every page and are then stored once.
        ids[scan.page] = frozenset(map(intern, scan.ids))
        problems.extend(scan.problems)
        anchors.extend((scan.page, *a) for a in scan.anchors)
        if scan.redirect is not None:
            redirects[scan.page] = scan.redirect
        if scan.content_pages:
            content_links[scan.page] = scan.content_pages
        theme_pages.update(scan.theme_pages)
        for url, theme in scan.external.items():
            external.setdefault(url, []).append((scan.page, theme))

    final = _final_targets(redirects)
    site_wide = [
        *_redirect_problems(redirects, final, ids),
        *_anchor_problems(anchors, ids, final),
        *_unreachable(pages, ids, redirects, content_links, theme_pages),
    ]
    pattern = _exclude_pattern(options)
    if pattern is not None:  # pass 1 left out its own excluded links
        site_wide = [p for p in site_wide if not pattern.search(p.href)]
        external = {u: v for u, v in external.items() if not pattern.search(u)}
    problems.extend(site_wide)
    return SiteResult(pages, problems, {p: r[0] for p, r in redirects.items()}, external)


def _exclude_pattern(options: Options) -> re.Pattern[str] | None:
    """`exclude-urls` as one regular expression; None when there is none."""
    if not options.exclude_urls:
        return None
    return re.compile("|".join(f"(?:{p})" for p in options.exclude_urls))


def _excluded(page: str, patterns: tuple[str, ...]) -> bool:
    if not patterns:
        return False
    from fnmatch import fnmatch

    return any(fnmatch(page, pat) or fnmatch(page_url(page).lstrip("/"), pat) for pat in patterns)


def _final_targets(redirects: dict[str, tuple[str, str, str]]) -> dict[str, str | None]:
    """Where each redirect stub finally lands, following chains; None for a loop or a dead end."""
    final: dict[str, str | None] = {}
    for start in redirects:
        seen = [start]
        page: str = start
        while page in redirects:
            _, status, target = redirects[page]
            if status == EXTERNAL:
                page = target
                break
            if status != OK or target in seen:
                page = ""
                break
            seen.append(target)
            page = target
        final[start] = page or None
    return final


def _redirect_problems(redirects: dict[str, tuple[str, str, str]], final: dict[str, str | None],
                       ids: dict[str, frozenset[str]]) -> Iterator[Problem]:
    for stub, (href, status, target) in sorted(redirects.items()):
        if final[stub] is not None:
            frag = href.partition("#")[2]
            landing = final[stub]
            if frag and landing in ids and frag not in ids[landing] and not _always_there(frag):
                yield Problem(stub, R.REDIRECT_BROKEN, (
                    f"this redirect sends readers to `{href}`, but `{page_url(landing)}` has no anchor "
                    f"`#{frag}`; point the redirect at an anchor the page has"
                ), href, landing, frag, tag="meta")
            continue
        if status == OK and target in redirects:
            why = "another redirect that never reaches a page (a loop or a dead end)"
        elif status == OK:
            why = "a page that does not exist"
        else:
            shown = target[: -len("index.html")] if target.endswith("index.html") else target
            why = f"`{shown or '/'}`, which the built site does not have" if target else "nowhere"
        yield Problem(stub, R.REDIRECT_BROKEN, (
            f"this redirect stub sends readers to `{href}`: {why}; point the redirect "
            "(redirect_maps in mkdocs.yml) at an existing page"
        ), href, target or None, None, tag="meta")


def _anchor_problems(anchors: list[tuple[str, str, str, str, bool, str]], ids: dict[str, frozenset[str]],
                     final: dict[str, str | None]) -> Iterator[Problem]:
    for page, target, frag, href, theme, tag in anchors:
        # A stub passes the fragment on (mkdocs-redirects' script keeps location.hash).
        landing = final.get(target, target)
        if landing is None:
            continue  # the stub itself is reported as broken
        have = ids.get(landing)
        if have is None:
            continue  # an excluded page, or not HTML we parsed
        if _has_anchor(frag, have):
            continue
        yield Problem(page, R.MISSING_ANCHOR, anchor_message(href, landing, frag, have),
                      href, landing, frag, theme, tag)


def _unreachable(pages: list[str], ids: dict[str, frozenset[str]], redirects: dict,
                 content_links: dict[str, frozenset[str]], theme_pages: set[str]) -> Iterator[Problem]:
    """Pages a reader cannot get to from the home page, the navigation or any reachable page."""
    start = {"index.html"} | theme_pages
    reached: set[str] = set()
    todo = [p for p in start if p in ids]
    while todo:
        page = todo.pop()
        if page in reached:
            continue
        reached.add(page)
        todo.extend(t for t in content_links.get(page, ()) if t not in reached)
    for page in pages:
        if page in reached or page in redirects or page.rsplit("/", 1)[-1] == "404.html":
            continue
        yield Problem(page, R.UNREACHABLE_PAGE, (
            "no navigation entry and no link from a reachable page leads here; add the page to "
            "`nav` in mkdocs.yml or link to it from a page"
        ), "", page)


def run(site_dir: Path, options: Options, *, base_url: str | None = None, exclude: Iterable[str] = (),
        jobs: int = 0) -> tuple[SiteLayout, SiteResult]:
    layout = SiteLayout.scan(site_dir, base_url)
    return layout, check(layout, options, exclude=exclude, jobs=jobs)
