"""The problem box: a page's findings shown at the top of the page under `mkdocs serve`.

It is an admonition as Material draws them (`details.failure`, `.warning` or `.info`),
open, so it looks like the theme and collapses with a click even without JavaScript;
`docs-check-preview.js` adds a dismiss button that keeps it hidden until the findings
change. Every piece of text is escaped: a message quotes the page, and the page is input.

Only a preview (`mkdocs serve`, `zensical serve`) shows it; a build never holds the box.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence

from .findings import Finding, Severity

CSS = "assets/stylesheets/docs-check-preview.css"
JS = "assets/javascripts/docs-check-preview.js"
MARKER = "docs-check-preview"  # the box's class; tests look for it
_KIND = {Severity.ERROR: "failure", Severity.WARNING: "warning", Severity.INFO: "info"}


def render(findings: Sequence[Finding], assets: str | None = None) -> str:
    """The box for one page's findings; the empty string when there are none.

    `assets`: the site root relative to the page, for an engine whose configuration cannot
    take the box's stylesheet and script (Zensical): the box then links them itself.
    """
    if not findings:
        return ""
    worst = max(f.severity for f in findings)
    key = digest(findings)
    n = len(findings)
    title = f"docs-check: {n} problem{'s' * (n != 1)} on this page"
    items = "\n".join(_item(f) for f in findings)
    return (
        f'<details class="{_KIND[worst]} {MARKER}" open data-docs-check="{key}" '
        f'role="region" aria-label="{html.escape(title)}">\n'
        f'<summary>{html.escape(title)}</summary>\n'
        f'<ul class="{MARKER}__list">\n{items}\n</ul>\n'
        f'<p class="{MARKER}__note">Shown by <code>mkdocs serve</code> and <code>zensical serve</code> only. Fix the page and '
        f"save: the preview reloads. To silence a finding on purpose, put "
        f"<code>&lt;!-- docs-check: disable-next-line RULE --&gt;</code> on the line above it."
        f"</p>\n</details>\n" + (_assets(assets) if assets is not None else "")
    )


def _assets(root: str) -> str:
    base = html.escape(root.rstrip("/") + "/" if root not in ("", ".") else "")
    return f'<link rel="stylesheet" href="{base}{CSS}">\n<script src="{base}{JS}"></script>\n'


def _item(f: Finding) -> str:
    sev = str(f.severity)
    return (
        f'<li class="{MARKER}__item {MARKER}__item--{sev}">'
        f'<code class="{MARKER}__where">{html.escape(f.location)}</code> '
        f'<span class="{MARKER}__rule" title="{sev}">{html.escape(f.rule)}</span> '
        f'<span class="{MARKER}__message">{message_html(f.message)}</span></li>'
    )


def message_html(message: str) -> str:
    """Escape a message, showing its `backquoted` parts as code, as the terminal reads them."""
    parts = message.split("`")
    if len(parts) % 2 == 0:  # an unpaired backquote: show the text as it is
        return html.escape(message)
    return "".join(
        f"<code>{html.escape(p)}</code>" if i % 2 else html.escape(p) for i, p in enumerate(parts)
    )


def digest(findings: Sequence[Finding]) -> str:
    """Names this set of findings, so a dismissal lasts until they change."""
    h = hashlib.blake2b(digest_size=8)
    for f in findings:
        h.update(f"{f.location}\0{f.rule}\0{f.message}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()

