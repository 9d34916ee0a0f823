"""`<children></children>`: coder.com replaces it with the page's child pages.

Each child is listed with a link and its manifest description, in manifest order. The
placeholder is only recognised on lines of its own outside code (a page that documents
the convention in a code block keeps it as written), in one line or over several with
fallback text inside (for readers on GitHub), which coder.com drops with the element:

    <children>
      This page is rendered on https://coder.com/docs/tutorials.
    </children>
"""

from __future__ import annotations

import posixpath
import re

from ..scanner import TEXT, Document, mask_inline
from .manifest import Manifest, Route

_PLACEHOLDER = re.compile(r"\s*<children\s*>\s*</children\s*>\s*$|\s*<children\s*/>\s*$", re.I)
_OPEN = re.compile(r"\s*<children\s*>\s*$", re.I)
_CLOSE = re.compile(r".*</children\s*>\s*$", re.I)


def render_children(children: list[Route], page_path: str) -> list[str]:
    """Markdown list lines linking `children` from the page at docs-relative `page_path`."""
    here = posixpath.dirname(page_path)
    lines = []
    for child in children:
        href = posixpath.relpath(child.path, here or ".")
        title = child.title.replace("[", r"\[").replace("]", r"\]")
        desc = " ".join(child.description.split())
        lines.append(f"- [{title}]({href})" + (f": {desc}" if desc else ""))
    return lines


def expand_children(markdown: str, page_path: str, manifest: Manifest | None) -> str:
    """`markdown` with every `<children></children>` line replaced by the child list.

    A page with no children in the manifest (or no manifest) loses the placeholder, as on
    coder.com, where it renders nothing.
    """
    if "<children" not in markdown.lower():
        return markdown
    bom = "\ufeff" if markdown.startswith("\ufeff") else ""
    doc = Document.from_text(markdown, page_path)
    route = manifest.route(page_path) if manifest else None
    items = render_children(route.children, page_path) if route else []
    out: list[str] = []
    pos = 0
    lines = doc.lines
    i = 0
    while i < len(lines):
        ln = lines[i]
        last = _element_end(lines, i)
        i = (last if last is not None else i) + 1
        if last is None:
            continue
        nl = ln.eol or doc.newline
        prefix = ln.prefix
        if not items:
            block = [""]
        elif prefix.strip(" "):
            block = [prefix.rstrip(), *(prefix + item for item in items), prefix.rstrip()]
        else:
            # A wrapper of its own, so Python-Markdown does not merge the list into one above.
            block = [
                "", f'{prefix}<div class="coder-children" markdown="1">', "",
                *(prefix + item for item in items), "", f"{prefix}</div>", "",
            ]
        out.append(doc.text[pos : ln.start])
        end = lines[last]
        out.append(nl.join(block) + end.eol)
        pos = end.end + len(end.eol)
    if not out:
        return markdown
    out.append(doc.text[pos:])
    return bom + "".join(out)


def _element_end(lines: list, i: int) -> int | None:
    """Index of the last line of a `<children>` element starting on line `i`, or None."""
    ln = lines[i]
    if ln.kind != TEXT:
        return None
    masked = mask_inline(ln.content)
    if _PLACEHOLDER.match(masked):
        return i
    if not _OPEN.match(masked):
        return None
    for j in range(i + 1, len(lines)):
        if lines[j].kind != TEXT:
            return None  # code inside: not the convention, leave it as written
        if _CLOSE.match(mask_inline(lines[j].content)):
            return j
    return None
