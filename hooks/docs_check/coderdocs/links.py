"""The local links of a Markdown page: inline links, reference definitions, `<a href>`.

Read from the scanner's text and heading lines (code blocks are never read), with code
spans and inline comments blanked, with each link's 1-based line and column, for checks
that resolve links to files. Only lines that can hold a link are masked: most lines of a
page hold none, and masking is what costs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..scanner import HEADING, TEXT, Document, mask_inline

# `](dest` of an inline link or image, `<dest>` form included; the title is not needed.
_INLINE = re.compile(r"\]\(\s*(?:<(?P<angle>[^>\n]*)>|(?P<bare>[^\s()]+(?:\([^\s()]*\)[^\s()]*)*))")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(?:<(?P<angle>[^>\n]*)>|(?P<bare>\S+))")
_HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*(["'])(?P<href>[^"']*)\1""", re.I)


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    column: int  # 1-based, where the target starts


def links(doc: Document) -> Iterator[Link]:
    for ln in doc.lines:
        text = ln.text
        if ("](" not in text and "]:" not in text and "href" not in text) or ln.kind not in (TEXT, HEADING):
            continue
        masked = mask_inline(ln.content)
        base = ln.content_col + 1
        for m in _INLINE.finditer(masked):
            group = "angle" if m.group("angle") is not None else "bare"
            yield Link(m.group(group), ln.number, m.start(group) + base)
        if (m := _REFDEF.match(masked)) is not None:
            group = "angle" if m.group("angle") is not None else "bare"
            yield Link(m.group(group), ln.number, m.start(group) + base)
        if "href" in masked:
            for m in _HREF.finditer(masked):
                yield Link(m.group("href"), ln.number, m.start("href") + base)
