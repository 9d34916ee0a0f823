"""A Python-Markdown extension that gives a rendered page GitHub's anchors and links.

Two tree processors, so they act on what Markdown parsed (code is never touched):

- heading ids (priority 6: after attr_list, before toc, which keeps ids it finds):
  every heading gets GitHub's slug, de-duplicated in document order with "-1", "-2"...
  The labels of content tabs made from `<div class="tabs">` headings take part in that
  order (they were headings on GitHub), and become the tab's id, so `#linux` opens the tab.
- repository links (priority 1: before MkDocs resolves and validates links): a relative
  link that leaves the docs tree goes to the repository on GitHub; relative `src` and
  `href` in raw HTML (`<img>`, `<source>`, `<a>`), which MkDocs leaves as written, are
  made to work from the page's URL.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

from .outlinks import Repository, rebase, repository_url
from .slugs import Slugger

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LINK_ATTRS = (("a", "href"), ("img", "src"), ("source", "src"), ("video", "src"))
_RAW_ATTR = re.compile(r"""(\s(?:src|href|poster)\s*=\s*)(["'])([^"'<>]*)\2""", re.I)


class CoderDocsExtension(Extension):
    """One instance serves the whole build; the hook sets `page_path` before each page."""

    def __init__(self, repository: Repository | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.repository = repository
        self.page_path = ""
        self.page_url = ""
        self.directory_urls = True

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(HeadingIds(md), "coder_heading_ids", 6)
        md.treeprocessors.register(RepositoryLinks(md, self), "coder_repository_links", 1)


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
        ext = self.ext
        new = rebase(html.unescape(m.group(3)), ext.page_path, ext.page_url, ext.repository, ext.directory_urls)
        return m.group() if new is None else f"{m.group(1)}{m.group(2)}{html.escape(new)}{m.group(2)}"
