"""The Python-Markdown extension that renders a Coder docs tree as coder.com does.

Listed under `markdown_extensions` in mkdocs.yml (`docs_check.coderdocs.mdext`), it runs in
every engine that renders with Python-Markdown: MkDocs, ProperDocs and Zensical. It learns
the page being rendered from the engine (`context.page_context`) and reads the tree's
`manifest.json` beside the pages.

- a preprocessor (priority 29: right after whitespace normalisation, before fenced code
  and raw HTML are stashed) rewrites the Markdown: CommonMark list indentation, `<div
  class="tabs">` to content tabs, `<children>` (both forms) to the child list; and sets the
  page's meta `status` from its manifest state, which the theme's navigation badges read.
- heading ids (tree processor, priority 6: after attr_list, before toc, which keeps ids it
  finds): every heading gets GitHub's slug, de-duplicated in document order with "-1",
  "-2"... The labels of content tabs made from `<div class="tabs">` headings take part in
  that order (they were headings on GitHub), and become the tab's id, so `#linux` opens it.
- state badges (tree processor): the manifest states of the page under its title.
- repository links (tree processor, priority 1: before the engine resolves and validates
  links): a relative link that leaves the docs tree goes to the repository on GitHub;
  relative `src` and `href` in raw HTML (`<img>`, `<source>`, `<a>`), which MkDocs leaves
  as written, are made to work from the page's URL (Zensical does that itself).

Outside an engine (a bare `markdown.markdown()` call) the page is unknown: the text is
still reshaped, with no manifest and no repository.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import children, lists, tabs
from . import manifest as manifests
from .badges import badges_html
from .context import PageContext, page_context
from .outlinks import Repository, rebase, repository_url
from .slugs import Slugger

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LINK_ATTRS = (("a", "href"), ("img", "src"), ("source", "src"), ("video", "src"))
_RAW_ATTR = re.compile(r"""(\s(?:src|href|poster)\s*=\s*)(["'])([^"'<>]*)\2""", re.I)


def tree_manifest(docs_dir: Path) -> manifests.Manifest | None:
    """The manifest.json of the docs tree (read once per change), or None."""
    path = docs_dir / manifests.FILENAME
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return None
    return manifests.cached(str(path), mtime)


def repository_of(ctx: PageContext) -> Repository | None:
    """Where links that leave the tree go: `extra.coder_docs` (`repo_blob_url`, `docs_path`),
    else the configuration's `repo_url` and `edit_uri`."""
    settings = ctx.extra.get("coder_docs") or {}
    if settings.get("repo_blob_url"):
        return Repository(settings["repo_blob_url"], settings.get("docs_path", "docs"))
    return Repository.from_site(ctx.repo_url, ctx.edit_uri)


class CoderDocsExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.context: PageContext | None = None
        self.repository: Repository | None = None
        self.states: tuple[str, ...] = ()

    @property
    def page_path(self) -> str:
        return self.context.path if self.context else "page.md"

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(CoderPreprocessor(md, self), "coder_docs", 29)
        md.treeprocessors.register(HeadingIds(md), "coder_heading_ids", 6)
        md.treeprocessors.register(StateBadges(md, self), "coder_state_badges", 4)
        md.treeprocessors.register(RepositoryLinks(md, self), "coder_repository_links", 1)

    def reset(self) -> None:
        self.context = None
        self.repository = None
        self.states = ()


def makeExtension(**kwargs: object) -> CoderDocsExtension:
    return CoderDocsExtension(**kwargs)


class CoderPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, ext: CoderDocsExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        ext = self.ext
        ext.context = ctx = page_context(self.md)
        manifest = tree_manifest(ctx.docs_dir) if ctx else None
        if ctx is not None:
            ext.repository = repository_of(ctx)
        route = manifest.route(ctx.path) if manifest and ctx else None
        if route is not None and route.states:
            ext.states = route.states
            ctx.meta.setdefault("status", manifests.state_id(route.states[0]))  # type: ignore[union-attr]
        text = "\n".join(lines)
        text = lists.normalize_lists(text)
        text = tabs.convert_tabs(text, ext.page_path)
        text = children.expand_children(text, ext.page_path, manifest)
        return text.split("\n")


class StateBadges(Treeprocessor):
    """The page's manifest states under its first H1 (first, when it has none: the theme
    then puts the title above them)."""

    def __init__(self, md: Markdown, ext: CoderDocsExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if not self.ext.states:
            return
        badges = etree.fromstring(badges_html(self.ext.states))
        badges.tail = "\n"
        for i, el in enumerate(root):
            if el.tag == "h1":
                root.insert(i + 1, badges)
                return
        root.insert(0, badges)


def _text(el: etree.Element, md: Markdown) -> str:
    """The element's rendered text, as toc (and GitHub) read a heading."""
    return html.unescape(strip_tags(render_inner_html(remove_fnrefs(el), md)))


class HeadingIds(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        explicit = {el.get("id") for el in root.iter() if el.tag in _HEADINGS and el.get("id")}
        self.slugger = Slugger({i for i in explicit if i})
        self._walk(root)

    def _walk(self, parent: etree.Element) -> None:
        for el in parent:
            if el.tag in _HEADINGS:
                if not el.get("id"):
                    slug = self.slugger.slug(_text(el, self.md))
                    if slug:
                        el.set("id", slug)
            elif el.tag == "div" and "tabbed-set" in (el.get("class") or "").split():
                self._tabs(el)
            else:
                self._walk(el)

    def _tabs(self, tabset: etree.Element) -> None:
        """pymdownx.tabbed: inputs, then labels, then blocks; walk them tab by tab."""
        inputs = [c for c in tabset if c.tag == "input"]
        labels_div = next((c for c in tabset if "tabbed-labels" in (c.get("class") or "")), None)
        content = next((c for c in tabset if "tabbed-content" in (c.get("class") or "")), None)
        labels = [c for c in labels_div if c.tag == "label"] if labels_div is not None else []
        blocks = list(content) if content is not None else []
        for i, block in enumerate(blocks):
            if i < len(inputs) and i < len(labels):
                slug = self.slugger.slug(_text(labels[i], self.md))
                if slug:
                    inputs[i].set("id", slug)
                    labels[i].set("for", slug)
            self._walk(block)


class RepositoryLinks(Treeprocessor):
    def __init__(self, md: Markdown, ext: CoderDocsExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        ext = self.ext
        if ext.context is None:
            return
        if ext.repository is not None:
            for el in root.iter():
                for tag, attr in _LINK_ATTRS:
                    if el.tag == tag and (value := el.get(attr)):
                        url = repository_url(value, ext.page_path, ext.repository)
                        if url is not None:
                            el.set(attr, url)
        stash = self.md.htmlStash.rawHtmlBlocks
        for i, block in enumerate(stash):
            if isinstance(block, str) and ("src" in block or "href" in block):
                stash[i] = _RAW_ATTR.sub(self._raw, block)

    def _raw(self, m: re.Match[str]) -> str:
        ctx = self.ext.context
        assert ctx is not None  # run() returns early without a page
        href = html.unescape(m.group(3))
        if ctx.engine == "zensical":  # Zensical rebases raw HTML paths itself, after us
            repo = self.ext.repository
            new = repository_url(href, ctx.path, repo) if repo is not None else None
        else:
            new = rebase(href, ctx.path, ctx.url, self.ext.repository, ctx.directory_urls)
        return m.group() if new is None else f"{m.group(1)}{m.group(2)}{html.escape(new)}{m.group(2)}"
