"""How a snippet marks lines left out: one vocabulary for every check that reads it.

The HCL engine parses one marker, a line holding only `...` (`hcl.nodes.ELLIPSIS`), as a
placeholder. Pages use others as well: `[..]`, `[...]`, `(...)`, `<...>`, `…`, a dot or two
on a line of their own, and comments that begin with a marker (`# ...`, `// … more`). The
checks that forgive a left-out part (tf-syntax's excerpts, tf-fmt's alignment, the provider
and module checks' "this block is partial") all read the markers from here, so a marker
learnt for one is learnt for all.
"""

from __future__ import annotations

import re

from ..hcl.nodes import ELLIPSIS

_ENGINE = re.escape(ELLIPSIS)
_OTHERS = r"\[\.{2,}\]|\(\.{2,}\)|<\.{2,}>|\u2026|\.{1,2}"

# The engine's placeholder line, as a whole line.
_PLACEHOLDER_LINE = re.compile(rf"[ \t]*{_ENGINE}[ \t]*")
# A line holding only a marker the engine does not parse; group 1 is its indent.
_OTHER_MARK_LINE = re.compile(rf"^([ \t]*)(?:{_OTHERS})[ \t]*$", re.M)
# A comment line that begins with a marker: `# ...`, `# ... other agent settings`.
_MARK_COMMENT = re.compile(rf"^\s*(?:#|//|/\*)\s*(?:{_ENGINE}|\u2026)")


def is_placeholder_line(line: str) -> bool:
    """Is the line the engine's `...` placeholder, alone on its line?"""
    return _PLACEHOLDER_LINE.fullmatch(line) is not None


def is_mark_comment(line: str) -> bool:
    """Is the line a comment that begins with a marker?"""
    return _MARK_COMMENT.match(line) is not None


def has_other_marks(text: str) -> bool:
    """Does the text hold a marker line the engine does not parse?"""
    return _OTHER_MARK_LINE.search(text) is not None


def with_engine_marks(text: str) -> str:
    """The text with every other marker line written as the engine's `...`, indent kept."""
    return _OTHER_MARK_LINE.sub(rf"\g<1>{ELLIPSIS}", text)
