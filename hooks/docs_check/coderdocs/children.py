"""`<children></children>`: coder.com replaces it with the page's child pages.

Each child is listed with a link and its manifest description, in manifest order. The
placeholder is only recognised as a line of its own outside code (a page that documents
the convention in a code block keeps it as written).
"""

from __future__ import annotations

import posixpath
import re

from ..scanner import TEXT, Document, mask_inline
from .manifest import Manifest, Route

_PLACEHOLDER = re.compile(r"\s*<children\s*>\s*</children\s*>\s*$|\s*<children\s*/>\s*$", re.I)


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
    for ln in doc.lines:
        if ln.kind != TEXT or not _PLACEHOLDER.match(mask_inline(ln.content)):
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
        out.append(nl.join(block) + ln.eol)
        pos = ln.end + len(ln.eol)
    if not out:
        return markdown
    out.append(doc.text[pos:])
    return bom + "".join(out)
