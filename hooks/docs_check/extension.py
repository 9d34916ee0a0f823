"""The per-page checks as a Python-Markdown extension, so every engine runs them.

Listed under `markdown_extensions` in mkdocs.yml (`docs_check.extension`), it runs wherever
the page is rendered with Python-Markdown: MkDocs, ProperDocs and Zensical. For each page
it checks the page's file as it is on disk (so lines are the file's, front matter included)
and logs the findings on `mkdocs.plugins.docs_check`: under MkDocs and ProperDocs that is
the engine's log, and `--strict` fails on a warning; under Zensical, which shows no Python
log, the findings are printed to stderr as `docs-check` prints them. When the build is a
preview (`mkdocs serve`, `zensical serve`) the page also gets the problem box at its top.

`DOCS_CHECKS=off` turns it off. The MkDocs hook `hooks/check_pages.py` adds what only
MkDocs has events for: checking every page in worker processes while MkDocs renders, the
serve watcher and the report.
"""

from __future__ import annotations

import logging
import posixpath
import sys
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from . import preview
from .build import BuildSession, active_session, checks_enabled, log_findings
from .coderdocs.context import PageContext, page_context
from .config import ConfigError
from .findings import Finding

log = logging.getLogger("mkdocs.plugins.docs_check")
_broken: set[str] = set()  # configurations already reported as broken (once per process)


class DocsCheckExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        self.findings: list[Finding] = []
        self.box = ""
        md.preprocessors.register(CheckPage(md, self), "docs_check", 100)
        md.treeprocessors.register(ProblemBox(md, self), "docs_check_box", -10)

    def reset(self) -> None:
        self.findings = []
        self.box = ""


def makeExtension(**kwargs: object) -> DocsCheckExtension:
    return DocsCheckExtension(**kwargs)


def _session(ctx: PageContext) -> BuildSession | None:
    pages = (p for p in ctx.docs_dir.rglob("*.md") if p.is_file())
    try:
        return active_session(ctx.root, ctx.extra, serving=ctx.serving, pages=pages)
    except ConfigError as exc:
        message = f"docs-check: {exc}"
        if message not in _broken:
            _broken.add(message)
            _zensical_aware_log(ctx, logging.ERROR, message)
        return None


def _zensical_aware_log(ctx: PageContext, level: int, message: str) -> None:
    if ctx.engine == "zensical" and not log.hasHandlers():
        print(message, file=sys.stderr, flush=True)  # Zensical sets up no Python logging
    else:
        log.log(level, message)


class CheckPage(Preprocessor):
    def __init__(self, md: Markdown, ext: DocsCheckExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        if not checks_enabled():
            return lines
        ctx = page_context(self.md)
        session = _session(ctx) if ctx is not None else None
        if ctx is None or session is None:
            return lines
        try:
            found = session.check_page(ctx.abs_path, "\n".join(lines))
        except ConfigError as exc:
            _zensical_aware_log(ctx, logging.ERROR, f"docs-check: {exc}")
            return lines
        if ctx.engine == "zensical" and not log.hasHandlers():
            for f in found:
                print(f.format(), file=sys.stderr, flush=True)  # as `docs-check` prints it
        else:
            log_findings(log, found)
        if session.serving and found:
            # Zensical takes no stylesheet or script from an extension: the box brings its own.
            assets = posixpath.relpath(".", posixpath.dirname(ctx.url) or ".") if ctx.engine == "zensical" else None
            self.ext.box = preview.render(found, assets=assets)
        return lines


class ProblemBox(Treeprocessor):
    """The box in front of the page's content, as raw HTML, after every other tree processor
    (the title, the anchors and the table of contents never see it)."""

    def __init__(self, md: Markdown, ext: DocsCheckExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.box:
            holder = etree.Element("p")
            holder.text = self.md.htmlStash.store(self.ext.box)
            root.insert(0, holder)
