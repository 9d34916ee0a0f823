"""An editor's buffer and its positions: LSP lines and columns to offsets and back.

LSP counts columns in the code units of the encoding the client and server agreed on
(UTF-16 unless both say otherwise), while a Finding's column counts code points. Lines end
at `\\n`, `\\r\\n` or `\\r`, as in the scanner (not at the other breaks `str.splitlines`
knows, such as U+2028), so a finding's line number is the editor's line number.

A line whose characters are all single-unit costs nothing to convert; a line with
multi-unit characters is indexed once (the positions of those characters) and converted by
bisection, so a 5 MB line with a thousand findings is not walked a thousand times.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_NEWLINE = re.compile(r"\r\n|\r|\n")
# Characters that take more than one code unit: astral ones in UTF-16, non-ASCII in UTF-8.
_MULTI = {UTF16: re.compile("[\U00010000-\U0010ffff]"), UTF8: re.compile(r"[^\x00-\x7f]")}


def _width(ch: str, encoding: str) -> int:
    if encoding == UTF16:
        return 2
    return len(ch.encode("utf-8", "surrogatepass"))


@dataclass
class _LineIndex:
    """The multi-unit characters of one line: their indices and code-unit starts."""

    index: list[int] = field(default_factory=list)
    unit_start: list[int] = field(default_factory=list)
    extra_before: list[int] = field(default_factory=list)  # extra units before each one
    widths: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, line: str, encoding: str) -> _LineIndex:
        out = cls()
        extra = 0
        for m in _MULTI[encoding].finditer(line):
            i = m.start()
            w = _width(m.group(), encoding)
            out.index.append(i)
            out.unit_start.append(i + extra)
            out.extra_before.append(extra)
            out.widths.append(w)
            extra += w - 1
        return out

    def units(self, i: int) -> int:
        k = bisect_left(self.index, i)  # multi-unit characters strictly before i
        if k == 0:
            return i
        return i + self.extra_before[k - 1] + self.widths[k - 1] - 1

    def char(self, u: int) -> int:
        k = bisect_right(self.unit_start, u)  # multi-unit characters starting at or before u
        if k == 0:
            return u
        start, width = self.unit_start[k - 1], self.widths[k - 1]
        if u < start + width:  # on the character or inside it: the character itself
            return self.index[k - 1]
        return u - (self.extra_before[k - 1] + width - 1)


class Text:
    """The text of an open document, with LSP line starts and position conversion."""

    def __init__(self, text: str, encoding: str = UTF16, starts: list[int] | None = None) -> None:
        self.text = text
        self.encoding = encoding if encoding in (UTF8, UTF16, UTF32) else UTF16
        self.starts = starts if starts is not None else [0, *(m.end() for m in _NEWLINE.finditer(text))]
        self._index: dict[int, _LineIndex] = {}

    # -- lines ------------------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line(self, n: int) -> str:
        """Line `n` (0-based) without its line ending."""
        start = self.starts[n]
        end = self.starts[n + 1] if n + 1 < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n") if end > start else ""

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    # -- columns ----------------------------------------------------------------------------

    def _line_index(self, n: int) -> _LineIndex | None:
        if self.encoding == UTF32:
            return None
        idx = self._index.get(n)
        if idx is None:
            line = self.line(n)
            idx = _LineIndex() if line.isascii() else _LineIndex.build(line, self.encoding)
            self._index[n] = idx
        return idx

    def units(self, n: int, i: int) -> int:
        """Code units before character index `i` of line `n`."""
        idx = self._line_index(n)
        return i if idx is None else idx.units(i)

    def char(self, n: int, u: int) -> int:
        """Character index of code unit `u` of line `n`, clamped to the line."""
        idx = self._line_index(n)
        i = u if idx is None else idx.char(u)
        return max(0, min(i, len(self.line(n))))

    # -- positions (0-based line, code units) -------------------------------------------------

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        n = self.line_of(offset)
        i = min(offset - self.starts[n], len(self.line(n)))
        return n, self.units(n, i)

    def offset(self, line: int, units: int) -> int:
        """The offset of an LSP position; past the end of a line or the text, the end."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        return self.starts[line] + self.char(line, units)

    def edit(self, start: tuple[int, int], end: tuple[int, int], new: str) -> Text:
        """The text after replacing the range `start`..`end` (LSP positions) with `new`."""
        a, b = self.offset(*start), self.offset(*end)
        if b < a:
            a, b = b, a
        text = self.text[:a] + new + self.text[b:]
        return Text(text, self.encoding, self._starts_after(text, a, b, len(new) - (b - a)))

    def _starts_after(self, text: str, a: int, b: int, delta: int) -> list[int]:
        """Line starts of `text`, this text with `[a, b)` replaced: those before the edit stay,
        those after it move by `delta`, only the ones between are searched again (a keystroke
        in a 1 MB page does not rescan the page). The line before the edit is searched too:
        a `\r` ending it joins a `\n` the edit inserts."""
        old = self.starts
        k1 = max(0, self.line_of(a) - 1)
        k2 = bisect_right(old, b)  # the first line start after the edited span
        lo = old[k1]
        tail = [s + delta for s in old[k2:]]
        hi = tail[0] if tail else len(text)
        middle = [m.end() for m in _NEWLINE.finditer(text, lo, hi)]
        if tail and middle and middle[-1] == hi:
            middle.pop()
        return [*old[: k1 + 1], *middle, *tail]
