"""Suppression comments, in markdownlint's spirit:

    <!-- docs-check: disable-next-line alert-in-list -->
    text <!-- docs-check: disable-line tf-fmt -->   (inside the line it silences)
    <!-- docs-check: disable tf-syntax -->  ...  <!-- docs-check: enable tf-syntax -->
    <!-- docs-check: disable-file spell-unknown-word -->

No rule ids means every rule; an id ending in `-` (`alert-`) means that family or prefix.
Ids may be separated by spaces or commas. A `disable-next-line` whose next line opens a
fenced code block silences the whole block: that is how a deliberately invalid example
opts out. `disable` and `enable` toggle in file order, so `disable` (everything) followed
by `enable alert-case` turns alert-case back on and leaves the rest off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .scanner import Document

_DIRECTIVE = re.compile(
    r"<!--\s*docs-check:\s*(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])(?P<rules>[^>]*?)\s*-->",
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


def covers(pattern: str, rule: str) -> bool:
    """Does a directive's rule name cover `rule`? Exact id, ALL, or a prefix ending in `-`."""
    return pattern in (rule, ALL) or (pattern.endswith("-") and rule.startswith(pattern))


@dataclass
class Suppressions:
    # (rule or ALL or prefix, first line, last line): inclusive ranges from disable-line,
    # disable-next-line and disable-file.
    ranges: list[tuple[str, int, int]] = field(default_factory=list)
    directives: list[tuple[int, Directive]] = field(default_factory=list)
    # (last line of the comment, disabled?, rules): `disable`/`enable`, in file order; each
    # applies to the lines after its comment.
    toggles: list[tuple[int, bool, tuple[str, ...]]] = field(default_factory=list)

    def add(self, d: Directive, start: int, end: int, doc: Document) -> None:
        self.directives.append((start, d))
        rules = d.rules or (ALL,)
        if d.verb in ("disable", "enable"):
            self.toggles.append((end, d.verb == "disable", rules))
            return
        last = len(doc.lines)
        for r in rules:
            if d.verb == "disable-file":
                self.ranges.append((r, 1, last))
            elif d.verb == "disable-line":
                self.ranges.append((r, start, end))
            elif d.verb == "disable-next-line":
                target = end + 1
                self.ranges.append((r, target, _extent(doc, target)))

    def finish(self, last_line: int) -> None:
        """Kept for callers of the first API; toggles need no closing (a `disable` never
        enabled again runs to the end of the file)."""
        self.toggles.sort(key=lambda t: t[0])

    def suppresses(self, rule: str, line: int) -> bool:
        if any(first <= line <= last and covers(r, rule) for r, first, last in self.ranges):
            return True
        disabled = False
        for at, disable, rules in self.toggles:
            if at >= line:
                break
            if any(covers(r, rule) for r in rules):
                disabled = disable  # `enable other-rule` leaves this one as it was
        return disabled


def _extent(doc: Document, line: int) -> int:
    """The last line a `disable-next-line` covers: a whole fenced block, else the line."""
    for block in doc.fences:
        if block.open_line == line:
            return block.last_line
    return line
