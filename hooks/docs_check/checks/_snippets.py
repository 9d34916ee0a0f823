"""Terraform snippets of a page, parsed once, with positions mapped back to the Markdown file.

The registry and provider checks read the same blocks; parsing is cached by block text, so
a page is parsed once per process however many checks look at it. A block that does not
parse is left to the tf-syntax rule: here it is simply absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..findings import Fix
from ..scanner import Document, FencedBlock

TF_LANGS = frozenset({"tf", "hcl", "terraform"})


@lru_cache(maxsize=4096)
def parse_text(text: str):  # -> Body | None
    from ..hcl import HclSyntaxError, parse

    try:
        return parse(text)
    except (HclSyntaxError, RecursionError):
        return None


# Node kinds by shape, so these checks do not depend on how the parser exports its classes.
def is_attribute(item: object) -> bool:
    return hasattr(item, "expr")


def is_block(item: object) -> bool:
    return hasattr(item, "body") and hasattr(item, "labels")


def is_ellipsis(item: object) -> bool:
    return not is_attribute(item) and not is_block(item)


@dataclass
class Snippet:
    doc: Document
    block: FencedBlock
    text: str
    body: object  # hcl Body

    def position(self, line: int, column: int) -> tuple[int, int]:
        """Markdown (line, column) of a 1-based (line, column) in the block text."""
        lines = self.block.content_lines
        line = min(max(line, 1), len(lines))
        number = lines[line - 1]
        prefix = self.doc.prefix_of(number, self.block)
        return number, len(prefix) + column

    def offset(self, line: int, column: int) -> int:
        md_line, md_col = self.position(line, column)
        return self.doc.offset(md_line, md_col)

    def string_fix(self, expr, new_value: str, description: str) -> Fix | None:
        """Replace the contents of a one-line, escape-free string literal."""
        if expr.kind != "string" or expr.line != expr.end_line:
            return None
        if expr.text != f'"{expr.value}"':
            return None
        start = self.offset(expr.line, expr.column) + 1
        return Fix(start, start + len(expr.value), new_value, description)


def snippets(doc: Document) -> Iterator[Snippet]:
    for block in doc.fences:
        if block.lang not in TF_LANGS or not block.content_lines:
            continue
        text = doc.block_text(block)
        body = parse_text(text)
        if body is not None:
            yield Snippet(doc, block, text, body)


def walk_expressions(body) -> Iterator[object]:
    """Every attribute expression in a body, nested blocks included."""
    for item in body.items:
        if is_attribute(item):
            yield item.expr
        elif is_block(item):
            yield from walk_expressions(item.body)


def traversals(body) -> Iterator[object]:
    for expr in walk_expressions(body):
        yield from expr.traversals
        yield from _nested_traversals(expr)


def _nested_traversals(expr) -> Iterator[object]:
    # Object values and tuple elements carry their own traversals; the parser may or may
    # not lift them to the parent, so de-duplicate by position.
    for item in getattr(expr, "items", []) or []:
        yield from item.value.traversals
        yield from _nested_traversals(item.value)
    for element in getattr(expr, "elements", []) or []:
        yield from element.traversals
        yield from _nested_traversals(element)


def unique_traversals(body) -> list[object]:
    seen: set[tuple] = set()
    out = []
    for t in traversals(body):
        key = (t.parts, t.line, t.column)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def has_ellipsis(body) -> bool:
    return any(is_ellipsis(i) for i in body.items)


_ELISION_COMMENT = re.compile(r"^\s*(?:#|//|/\*)\s*(?:\.\.\.|\u2026)")


def elides(snip: Snippet, block) -> bool:
    """Does the block leave parts out: a `...` line, or a comment line that starts with `...`
    (`# ...`, `# ... other agent settings`), in its own body (not in a nested block or a
    heredoc)?"""
    if has_ellipsis(block.body):
        return True
    taken: set[int] = set()
    for item in block.body.items:
        if is_attribute(item) or is_block(item):
            taken.update(range(item.line, item.end_line + 1))
    lines = snip.text.split("\n")
    for n in range(block.line + 1, min(block.end_line, len(lines) + 1)):
        if n not in taken and _ELISION_COMMENT.match(lines[n - 1]):
            return True
    return False


def step_names(parts: tuple[str, ...]) -> list[str]:
    """Attribute steps of a traversal, index steps (`[0]`, `["k"]`) dropped."""
    return [p for p in parts if not p.startswith("[")]
