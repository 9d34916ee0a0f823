"""Suppression comments, in markdownlint's spirit:

    <!-- docs-check: disable-next-line alert-in-list -->
    <!-- docs-check: disable-line tf-fmt -->        (on the line it silences)
    <!-- docs-check: disable tf-syntax -->  ...  <!-- docs-check: enable tf-syntax -->
    <!-- docs-check: disable-file spell-unknown-word -->

No rule ids means every rule. A `disable-next-line` whose next line opens a fenced code
block silences the whole block: that is how a deliberately invalid example opts out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .markdown import Document

_DIRECTIVE = re.compile(
    r"<!--\s*docs-check:\s*(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?P<rules>[^>]*?)\s*-->",
    re.S,
)
ALL = "*"


@dataclass(frozen=True, slots=True)
class Directive:
    verb: str
    rules: tuple[str, ...]  # empty: every rule


def parse_directive(comment: str) -> Directive | None:
    m = _DIRECTIVE.search(comment)
    if m is None:
        return None
    rules = tuple(r for r in re.split(r"[\s,]+", m.group("rules").strip()) if r)
    return Directive(m.group("verb"), rules)


@dataclass
class Suppressions:
    # (rule or ALL, first line, last line) — inclusive ranges
    ranges: list[tuple[str, int, int]] = field(default_factory=list)
    directives: list[tuple[int, Directive]] = field(default_factory=list)
    _open: dict[str, int] = field(default_factory=dict)

    def add(self, d: Directive, start: int, end: int, doc: Document) -> None:
        self.directives.append((start, d))
        rules = d.rules or (ALL,)
        last = len(doc.lines)
        for r in rules:
            if d.verb == "disable-file":
                self.ranges.append((r, 1, last))
            elif d.verb == "disable-line":
                self.ranges.append((r, start, end))
            elif d.verb == "disable-next-line":
                target = end + 1
                self.ranges.append((r, target, _extent(doc, target)))
            elif d.verb == "disable":
                self._open.setdefault(r, end + 1)
            elif d.verb == "enable":
                if r == ALL:
                    for rr, begin in list(self._open.items()):
                        self.ranges.append((rr, begin, start))
                    self._open.clear()
                elif r in self._open:
                    self.ranges.append((r, self._open.pop(r), start))

    def finish(self, last_line: int) -> None:
        """A `disable` never closed runs to the end of the file."""
        for r, begin in self._open.items():
            self.ranges.append((r, begin, last_line))
        self._open.clear()

    def suppresses(self, rule: str, line: int) -> bool:
        return any(
            (r == rule or r == ALL) and first <= line <= last for r, first, last in self.ranges
        )


def _extent(doc: Document, line: int) -> int:
    """The last line a `disable-next-line` covers: a whole fenced block, else the line."""
    for block in doc.fences:
        if block.open_line == line:
            return block.last_line
    return line
