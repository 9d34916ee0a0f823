"""The server's buffer: LSP positions in each encoding, and incremental edits, against a
plain reference (str.encode per character, a full rescan of line starts)."""

from __future__ import annotations

import re

from docs_check.lsp.positions import Text
from hypothesis import given, settings
from hypothesis import strategies as st

ALPHABET = st.sampled_from(["a", "b", " ", "\n", "\r", "\r\n", "é", "😀", "\u2028", "\udcff", "\t"])
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)
CODECS = {"utf-16": ("utf-16-le", 2), "utf-8": ("utf-8", 1), "utf-32": ("utf-32-le", 4)}


def lines_of(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


def units(s: str, encoding: str) -> int:
    codec, size = CODECS[encoding]
    return len(s.encode(codec, "surrogatepass")) // size


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(sorted(CODECS)), st.data())
def test_positions_match_the_encodings(text: str, encoding: str, data: st.DataObject) -> None:
    t = Text(text, encoding)
    lines = lines_of(text)
    assert t.line_count == len(lines)
    n = data.draw(st.integers(0, len(lines) - 1))
    assert t.line(n) == lines[n]
    i = data.draw(st.integers(0, len(lines[n])))
    u = units(lines[n][:i], encoding)
    assert t.units(n, i) == u
    assert t.char(n, u) == i
    offset = t.offset(n, u)
    assert t.position(offset) == (n, u)


@settings(max_examples=500, deadline=None)
@given(TEXTS, TEXTS, st.data())
def test_incremental_edits_keep_line_starts_exact(text: str, new: str, data: st.DataObject) -> None:
    t = Text(text)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    start, end = t.position(a), t.position(b)
    edited = t.edit(start, end, new)
    want = text[: t.offset(*start)] + new + text[t.offset(*end):]
    assert edited.text == want
    assert edited.starts == Text(want).starts
