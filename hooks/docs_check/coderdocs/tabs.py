"""`<div class="tabs">`: coder.com shows each heading section inside it as a tab.

    <div class="tabs">

    ### macOS
    ...
    ### Linux
    ...
    </div>

The headings at the level of the first heading inside the div are the tab labels; each
tab holds what follows its heading up to the next such heading or the closing `</div>`.
The block becomes pymdownx.tabbed's syntax (`===! "macOS"` with the tab's content
indented four columns), keeping the container prefix of a div that sits in a list item
or a quote, so the tabs render where the writer put them.
"""

from __future__ import annotations

import re

from ..scanner import (
    CODE,
    FENCE_CLOSE,
    FENCE_OPEN,
    HEADING,
    INDENTED_CODE,
    Document,
    Line,
    mask_inline,
)

_OPEN = re.compile(r"""<div\s+class\s*=\s*(["'])tabs\1\s*>\s*$""", re.I)
_DIV_OPEN = re.compile(r"<div\b", re.I)
_DIV_CLOSE = re.compile(r"</div\s*>", re.I)
_ATX = re.compile(r"\s{0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_VERBATIM = (CODE, FENCE_OPEN, FENCE_CLOSE, INDENTED_CODE)


def heading(ln: Line) -> tuple[int, str] | None:
    """(level, text) of an ATX heading line."""
    m = _ATX.match(ln.content)
    if ln.kind != HEADING or not m:
        return None
    return len(m.group(1)), (m.group(2) or "").strip()


def convert_tabs(markdown: str, path: str = "page.md") -> str:
    """`markdown` with every `<div class="tabs">` block rewritten as pymdownx.tabbed tabs."""
    if "tabs" not in markdown:
        return markdown
    bom = "\ufeff" if markdown.startswith("\ufeff") else ""
    doc = Document.from_text(markdown, path)
    lines = doc.lines
    out: list[str] = []
    i = 0
    changed = False
    while i < len(lines):
        ln = lines[i]
        close = _block_end(lines, i) if ln.kind not in _VERBATIM and _OPEN.match(mask_inline(ln.content).strip()) else None
        if close is None:
            out.append(ln.text + ln.eol)
            i += 1
            continue
        converted = _convert(lines, i, close)
        if converted is None:
            out.append(ln.text + ln.eol)
            i += 1
            continue
        nl = ln.eol or doc.newline
        out.append(nl.join(converted) + (lines[close].eol or ("" if close == len(lines) - 1 else nl)))
        changed = True
        i = close + 1
    return bom + "".join(out) if changed else markdown


def _block_end(lines: list[Line], start: int) -> int | None:
    """Index of the `</div>` line that closes the div opened on line `start`."""
    depth = 0
    for j in range(start, len(lines)):
        ln = lines[j]
        if ln.kind in _VERBATIM:
            continue
        masked = mask_inline(ln.content)
        depth += len(_DIV_OPEN.findall(masked)) - len(_DIV_CLOSE.findall(masked))
        if depth <= 0:
            return j if j > start and masked.strip().lower().startswith("</div") else None
    return None


def _convert(lines: list[Line], start: int, close: int) -> list[str] | None:
    opener = lines[start]
    base = opener.text[: len(opener.text) - len(opener.text.lstrip(" \t>"))]
    inner = lines[start + 1 : close]
    levels = [h[0] for ln in inner if (h := heading(ln))]
    if not levels:
        return None
    level = levels[0]
    blank = base.rstrip()
    out: list[str] = [blank]  # a tab marker must start a block of its own
    first = True
    in_tab = False
    for ln in inner:
        h = heading(ln)
        if h is not None and h[0] == level:
            if out and out[-1] != blank:
                out.append(blank)
            marker = "===!" if first else "==="
            out.append(f'{base}{marker} "{h[1]}"')
            first = False
            in_tab = True
            continue
        rel = ln.text[len(base):] if ln.text.startswith(base) else ln.text.lstrip(" \t>")
        if not rel.strip():
            if out and out[-1] != blank:
                out.append(blank)
        elif in_tab:
            out.append(base + "    " + rel)
        else:
            out.append(base + rel)
    if out[-1] != blank:
        out.append(blank)
    return out
