"""From a built page back to what a writer edits: the Markdown file and the line of the link.

Pages map to sources through MkDocs' layout (`ai-coder/tasks.md` -> `ai-coder/tasks/index.html`
with directory URLs, `ai-coder/tasks.html` without; `index.md` or `README.md` -> `index.html`).
A link is then found in the source by the forms a writer uses: the URL as the page has it, the
Markdown path of its target (`tasks.md#option-2`), the bare `#fragment`, the file name.
Links the theme adds (navigation, header, footer) are attributed to the template that holds
them, else to mkdocs.yml (nav, extra_css, redirect_maps), else to `theme`.
"""

from __future__ import annotations

import os
import posixpath
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..findings import Finding
from ..scanner import (
    CODE,
    FENCE_CLOSE,
    FENCE_OPEN,
    FRONT_MATTER,
    HEADING,
    HTML_COMMENT,
    INDENTED_CODE,
    Document,
)
from .layout import page_url
from .linkcheck import Problem

THEME = "theme"
_SKIP_KINDS = frozenset((CODE, FENCE_OPEN, FENCE_CLOSE, INDENTED_CODE, FRONT_MATTER, HTML_COMMENT))
# What may stand just before a link target in Markdown or HTML: `](x`, `<x>`, `"x"`, `]: x`.
_LINK_LEAD = "(<\"'= "


class _Occurrences:
    """Where one needle occurs in a source, in reading order, split by what stands before it
    (link context or not), with a cursor per list at the first occurrence not yet handed out.

    Spots handed out only accumulate while a page is mapped, so a cursor never needs to move
    back: n findings with the same needle cost O(n) together, not O(n²)."""

    __slots__ = ("link_at", "links", "other_at", "others")

    def __init__(self, links: list[tuple[int, int]], others: list[tuple[int, int]]) -> None:
        self.links = links
        self.others = others
        self.link_at = 0
        self.other_at = 0

    def next_unused(self, used: set[tuple[int, int]]) -> tuple[int, int] | None:
        links, i = self.links, self.link_at
        while i < len(links) and links[i] in used:
            i += 1
        self.link_at = i
        if i < len(links):
            return links[i]
        others, j = self.others, self.other_at
        while j < len(others) and others[j] in used:
            j += 1
        self.other_at = j
        return others[j] if j < len(others) else None


@dataclass
class Source:
    """A file findings can point into, with the occurrences already handed out."""

    display: str
    lines: list[str]
    skip: frozenset[int] = frozenset()  # line numbers inside code (links there are not links)
    doc: Document | None = None
    used: set[tuple[int, int]] = field(default_factory=set)
    _index: dict[str, _Occurrences] = field(default_factory=dict, repr=False, compare=False)
    _text: str | None = field(default=None, repr=False, compare=False)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def find(self, needles: list[str]) -> tuple[int, int] | None:
        """The first unused occurrence of the first needle that occurs, preferring link context."""
        for needle in needles:
            if not needle:
                continue
            spot = self._occurrences(needle).next_unused(self.used)
            if spot is not None:
                self.used.add(spot)
                return spot
        return None

    def give_back(self, spot: tuple[int, int]) -> None:
        """Make a spot handed out available again (a theme link every page repeats)."""
        self.used.discard(spot)
        for occ in self._index.values():
            occ.link_at = occ.other_at = 0

    def _occurrences(self, needle: str) -> _Occurrences:
        occ = self._index.get(needle)
        if occ is None:
            occ = self._index[needle] = self._search(needle)
        return occ

    def _search(self, needle: str) -> _Occurrences:
        """Every occurrence of `needle` outside skipped lines, found once in the whole text."""
        if self._text is None:
            self._text = "\n".join(self.lines)
            pos = 0
            for text in self.lines:
                self._starts.append(pos)
                pos += len(text) + 1
        text, starts = self._text, self._starts
        links: list[tuple[int, int]] = []
        others: list[tuple[int, int]] = []
        if "\n" in needle:
            return _Occurrences(links, others)  # a line holds no line break
        at = text.find(needle)
        while at >= 0:
            number = bisect_right(starts, at)
            if number not in self.skip:
                col = at - starts[number - 1]
                lead = text[at - 1] if col else " "
                (links if lead in _LINK_LEAD else others).append((number, col + 1))
            at = text.find(needle, at + 1)
        return _Occurrences(links, others)


class SourceMap:
    def __init__(self, site_dir: Path, docs_dir: Path | None, mkdocs_yml: Path | None = None,
                 templates_dir: Path | None = None, cwd: Path | None = None) -> None:
        self.site_dir = site_dir
        self.docs_dir = docs_dir
        self.cwd = (cwd or Path.cwd()).resolve()
        self.mkdocs_yml = mkdocs_yml
        self.templates_dir = templates_dir
        self._pages: dict[str, str] = {}  # site page -> docs-relative source
        self._sources: dict[str, Source | None] = {}
        if docs_dir is not None and docs_dir.is_dir():
            self._index(docs_dir)

    def _index(self, docs_dir: Path) -> None:
        # README.md stands in for index.md only when there is no index.md (as in MkDocs).
        found = sorted(
            p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")
            if not any(part.startswith(".") for part in p.relative_to(docs_dir).parts)
        )
        for rel in sorted(found, key=lambda r: posixpath.basename(r).lower() == "readme.md"):
            for page in source_pages(rel):
                self._pages.setdefault(page, rel)

    # -- pages --------------------------------------------------------------------------

    def source_of(self, page: str) -> str | None:
        """The docs-relative Markdown file a page was built from, if known."""
        return self._pages.get(page)

    def display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.cwd).as_posix()
        except ValueError:
            return path.as_posix()

    def _source(self, key: str, path: Path | None, *, markdown: bool) -> Source | None:
        if key in self._sources:
            return self._sources[key]
        src = None
        if path is not None:
            try:
                raw = path.read_bytes()
            except OSError:
                raw = None
            if raw is not None:
                display = self.display(path)
                if markdown:
                    doc = Document.from_bytes(raw, display)
                    skip = frozenset(ln.number for ln in doc.lines if ln.kind in _SKIP_KINDS)
                    src = Source(display, [ln.text for ln in doc.lines], skip, doc)
                else:
                    text = raw.decode("utf-8", "replace")
                    src = Source(display, text.splitlines())
        self._sources[key] = src
        return src

    def document(self, display: str) -> Document | None:
        """The scanned Markdown file findings were placed in (for its suppression comments)."""
        for src in self._sources.values():
            if src is not None and src.doc is not None and src.display == display:
                return src.doc
        return None

    def release_pages(self) -> None:
        """Forget the Markdown and HTML files read so far (templates and mkdocs.yml stay)."""
        for key in [k for k in self._sources if k.startswith(("md:", "html:"))]:
            del self._sources[key]

    def markdown(self, rel: str) -> Source | None:
        assert self.docs_dir is not None
        return self._source("md:" + rel, self.docs_dir / rel, markdown=True)

    # -- problems to findings -----------------------------------------------------------

    def finding(self, p: Problem) -> Finding:
        where = self.locate(p)
        path, line, col = where
        return p.rule.at(path, line, col, p.message, page=page_url(p.page))

    def locate(self, p: Problem) -> tuple[str, int, int]:
        if p.rule.id == "link-redirect-broken" or (p.tag == "meta" and p.page not in self._pages):
            hit = self._in_config(stub_sources(p.page))
            if hit:
                return hit
        if p.theme and p.rule.id == "link-missing-anchor" and p.target == p.page and p.fragment:
            # The theme's table of contents names a heading whose id the page lost (raw HTML
            # left open above it swallows it): point at the heading in the Markdown.
            hit = self._heading(p)
            if hit:
                return hit
        if p.theme:
            return self._in_theme(p)
        rel = self.source_of(p.page)
        if rel is not None:
            src = self.markdown(rel)
            if src is not None:
                if p.rule.id == "link-unreachable-page":
                    return src.display, _first_heading(src), 1
                spot = src.find(self.needles(p, rel))
                if spot:
                    return src.display, spot[0], spot[1]
                return src.display, 1, 1
        return self._in_html(p)

    def _heading(self, p: Problem) -> tuple[str, int, int] | None:
        rel = self.source_of(p.page)
        src = self.markdown(rel) if rel is not None else None
        if src is None or src.doc is None:
            return None
        want = _letters(unquote(p.fragment or ""))
        for ln in src.doc.lines:
            if ln.kind == HEADING and _letters(ln.content.lstrip("#")) == want:
                return src.display, ln.number, 1
        return None

    def needles(self, p: Problem, rel: str) -> list[str]:
        """The forms the link may have in the Markdown file `rel`, most specific first."""
        out = [p.href]
        folder = posixpath.dirname(rel)
        frag = f"#{p.fragment}" if p.fragment else ""
        if p.target:
            target_src = self.source_of(p.target)
            if target_src is not None:
                md = posixpath.relpath(target_src, folder or ".")
                out += [md + frag, "./" + md + frag]
            asset = p.target[: -len("index.html")] if p.target.endswith("/index.html") else p.target
            rel_asset = posixpath.relpath(asset, folder or ".") if asset else "."
            out += [rel_asset + frag, rel_asset.rstrip("/") + frag]
        path = p.href.split("#", 1)[0].split("?", 1)[0]
        if frag:
            out.append(frag)
        if path:
            name = posixpath.basename(path.rstrip("/"))
            if name and name not in ("..", "."):
                out.append(name)
        seen: set[str] = set()
        return [n for n in out if n and not (n in seen or seen.add(n))]

    def _in_theme(self, p: Problem) -> tuple[str, int, int]:
        bare = p.href.split("#", 1)[0].split("?", 1)[0].rstrip("/")
        name = posixpath.basename(bare)
        # The target's site path first: the template writes it the same way on every page.
        target = p.target[: -len("index.html")] if p.target and p.target.endswith("index.html") else p.target
        needles = [n for n in (target, posixpath.basename(target or ""), p.href, bare, name)
                   if n and n not in (".", "..")]
        if self.templates_dir is not None and self.templates_dir.is_dir():
            for template in sorted(self.templates_dir.rglob("*.html")):
                src = self._source("tpl:" + str(template), template, markdown=False)
                spot = src.find(needles) if src else None
                if spot:
                    src.give_back(spot)  # every page repeats the theme's links
                    return src.display, spot[0], spot[1]
        target_src = self.source_of(p.target) if p.target else None
        hit = self._in_config([n for n in (target_src, *needles) if n])
        return hit or (THEME, 1, 1)

    def _in_config(self, needles: list[str]) -> tuple[str, int, int] | None:
        if self.mkdocs_yml is None:
            return None
        src = self._source("yml", self.mkdocs_yml, markdown=False)
        spot = src.find(needles) if src else None
        if not spot or src is None:
            return None
        src.give_back(spot)
        return src.display, spot[0], spot[1]

    def _in_html(self, p: Problem) -> tuple[str, int, int]:
        src = self._source("html:" + p.page, self.site_dir / p.page, markdown=False)
        if src is None:
            return self.display(self.site_dir / p.page), 1, 1
        attr_forms = [f'="{p.href}"', f"='{p.href}'", p.href] if p.href else []
        spot = src.find(attr_forms)
        if spot is None:
            return src.display, 1, 1
        # Point at the value, not at the `="` before it.
        line, col = spot
        if src.lines[line - 1][col - 1:col + 1] in ('="', "='"):
            col += 2
        return src.display, line, col


def source_pages(rel: str) -> tuple[str, ...]:
    """The built pages a Markdown file can become: with and without directory URLs."""
    folder, _, name = rel.rpartition("/")
    stem = name[:-3]
    prefix = f"{folder}/" if folder else ""
    if stem.lower() in ("index", "readme"):
        return (f"{prefix}index.html",)
    return (f"{prefix}{stem}/index.html", f"{prefix}{stem}.html")


def stub_sources(page: str) -> list[str]:
    """The redirect_maps keys that make the stub `page`."""
    if page.endswith("/index.html"):
        stem = page[: -len("/index.html")]
        return [f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"]
    if page.endswith(".html"):
        return [page[:-5] + ".md"]
    return [page]


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _first_heading(src: Source) -> int:
    if src.doc is not None:
        for ln in src.doc.lines:
            if ln.kind == HEADING:
                return ln.number
    return 1


def find_mkdocs_yml(docs_dir: Path | None) -> Path | None:
    for folder in (Path.cwd(), docs_dir.resolve().parent if docs_dir is not None else None):
        if folder is not None and (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return None


def templates_dir(mkdocs_yml: Path | None, config: dict) -> Path | None:
    """theme.custom_dir of mkdocs.yml, where a project's own templates live."""
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if mkdocs_yml is None or not isinstance(custom, str):
        return None
    return Path(os.path.normpath(mkdocs_yml.parent / custom))
