"""Code actions: edits computed from findings, never a second idea of what a fix is.

- a finding's quick fix is its `Fix` (the edit `--fix` applies), as a TextEdit;
- "fix all" is the text `docs-check --fix` writes (the CLI's own loop, run in the worker),
  sent as one edit of the span that changed;
- "disable" writes the suppression comment the project reads (`suppress.py`): a
  `disable-next-line` line before the finding's line, with the container prefix that keeps
  it inside the same list item or quote; before the opening fence for a finding in a code
  block (the comment then covers the block); before the quote for a finding on a quote's
  first line (a comment inside the quote would push an alert marker off its first line);
  and, on a line that continues a paragraph, `disable-line` at its end, since a comment line
  there would split the paragraph in two.
"""

from __future__ import annotations

from lsprotocol import types as lsp

from ..findings import Finding, Fix
from ..scanner import FRONT_MATTER, HTML_COMMENT, Document, continuation_prefix
from ..suppress import covers, parse_directive
from .positions import Text


def _range(text: Text, a: int, b: int) -> lsp.Range:
    sl, sc = text.position(a)
    el, ec = text.position(b)
    return lsp.Range(start=lsp.Position(line=sl, character=sc), end=lsp.Position(line=el, character=ec))


def text_edit(text: Text, a: int, b: int, new: str) -> lsp.TextEdit:
    """Replace `text.text[a:b]` with `new`. LSP cannot address the point between `\\r` and
    `\\n`, so an end there takes the whole line ending into the edit."""
    s = text.text
    if 0 < a < len(s) and s[a - 1] == "\r" and s[a] == "\n":
        a, new = a - 1, "\r" + new
    if 0 < b < len(s) and s[b - 1] == "\r" and s[b] == "\n":
        b, new = b + 1, new + "\n"
    return lsp.TextEdit(range=_range(text, a, b), new_text=new)


def fix_edit(fix: Fix, text: Text, bom: bool) -> lsp.TextEdit:
    """A Fix indexes the text without its byte-order mark; the buffer may hold one."""
    shift = 1 if bom else 0
    return text_edit(text, fix.start + shift, fix.end + shift, fix.replacement)


def whole_edit(text: Text, new: str) -> lsp.TextEdit | None:
    """One edit from `text` to `new`: the span between their common start and end."""
    old = text.text
    if old == new:
        return None
    a = _common(old, new, min(len(old), len(new)), lambda s, k: s[:k])
    rest = min(len(old), len(new)) - a
    z = _common(old, new, rest, lambda s, k: s[len(s) - k :])
    return text_edit(text, a, len(old) - z, new[a : len(new) - z])


def _common(x: str, y: str, limit: int, part: object) -> int:
    """The longest k <= limit with part(x, k) == part(y, k), by bisection (slices compare in C)."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if part(x, mid) == part(y, mid):  # type: ignore[operator]
            lo = mid
        else:
            hi = mid - 1
    return lo


def disable_edit(f: Finding, doc: Document, text: Text, bom: bool) -> tuple[str, lsp.TextEdit] | None:
    """(title, edit) that silences `f.rule` where `f` is, or None where no comment can go."""
    if not 1 <= f.line <= len(doc.lines) or doc.line(f.line).kind == FRONT_MATTER:
        return None
    n = f.line
    for block in doc.fences:
        if block.open_line <= n <= block.last_line:
            n = block.open_line
            break
    shift = 1 if bom else 0
    ln = doc.line(n)
    if any(first < n <= last for first, last in doc.paragraphs):
        at = ln.start + len(ln.text.rstrip()) + shift
        comment = f" <!-- docs-check: disable-line {f.rule} -->"
        return f"Disable {f.rule} on this line", text_edit(text, at, at, comment)
    title = f"Disable {f.rule} on the next line" if n == f.line else f"Disable {f.rule} for this code block"
    merged = _merge(f.rule, doc, n, text, shift)
    if merged is not None:
        return title, merged
    prefix = continuation_prefix(_container_prefix(doc, n))
    at = ln.start + shift
    line = f"{prefix}<!-- docs-check: disable-next-line {f.rule} -->{doc.newline}"
    return title, text_edit(text, at, at, line)


def _container_prefix(doc: Document, n: int) -> str:
    """The line's list and quote markers; for a line that opens a quote, those outside it."""
    ln = doc.line(n)
    opening = [q for q in doc.quotes if q.start_line == n]
    if opening:
        return ln.text[: min(q.marker_col for q in opening)]
    return ln.prefix


def _merge(rule: str, doc: Document, n: int, text: Text, shift: int) -> lsp.TextEdit | None:
    """Add the rule to a `disable-next-line` comment already on the line before."""
    if n < 2:
        return None
    prev = doc.line(n - 1)
    content = prev.content.strip()
    if prev.kind != HTML_COMMENT or not (content.startswith("<!--") and content.endswith("-->")):
        return None
    d = parse_directive(content)
    if d is None or d.verb != "disable-next-line" or not d.rules:
        return None
    if any(covers(r, rule) for r in d.rules):
        return None
    new = f"<!-- docs-check: disable-next-line {' '.join((*d.rules, rule))} -->"
    a = prev.start + prev.text.index(content) + shift
    return text_edit(text, a, a + len(content), new)
