"""List indentation as CommonMark writes it, re-indented for Python-Markdown.

Coder's pages follow CommonMark (and GitHub): a list item's content starts where its
text starts, so `1. ` items continue at three columns and `- ` items at two. Python-
Markdown wants four columns per level; without them a code block, an HTML comment or a
tab set inside an item ends the list and renumbers it. This module re-indents each item's
content to four columns per nesting level, keeping code blocks' own indentation, and
adds the blank line Python-Markdown needs before a list that interrupts a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"(?P<indent> {0,3})(?P<marker>[-+*]|\d{1,9}[.)])(?P<space>[ ]+|$)")
_THEMATIC = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_QUOTE = re.compile(r" {0,3}> ?")
_BLOCK_START = re.compile(r" {0,3}(?:#{1,6}(?:\s|$)|>|<|\|)")
UNIT = 4  # Python-Markdown's tab_length


@dataclass
class _Item:
    content: int  # column where the item's content starts in the source
    depth: int  # 1 for a top-level item


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def normalize_lists(markdown: str) -> str:
    """`markdown` with list items re-indented to four columns per level (see module doc)."""
    if "\t" in markdown:
        markdown = "\n".join(_expand_leading_tabs(ln) for ln in markdown.split("\n"))
    lines = markdown.split("\n")
    return "\n".join(_normalize(lines))


def _expand_leading_tabs(line: str) -> str:
    body = line.lstrip(" \t")
    return line[: len(line) - len(body)].expandtabs(UNIT) + body


def _normalize(lines: list[str]) -> list[str]:
    out: list[str] = []
    stack: list[_Item] = []
    fence: tuple[str, int, int] | None = None  # (fence run, depth it belongs to, its indent)
    in_paragraph = False
    item_paragraph = False  # the open paragraph is an item's first one (no blank needed)
    i = 0
    while i < len(lines):
        line = lines[i]
        if fence is not None:
            run, depth, _ = fence
            src_col = stack[depth - 1].content if depth else 0
            rel = line[src_col:] if _indent(line) >= src_col else line.lstrip(" ")
            closing = rel.strip()
            if closing and set(closing) == {run[0]} and len(closing) >= len(run) and _indent(rel) <= 3:
                fence = None
            out.append(" " * (UNIT * depth) + rel if depth and line.strip() else (line if not depth else rel))
            i += 1
            continue
        if not line.strip():
            out.append("" if line.strip() == "" else line)
            in_paragraph = item_paragraph = False
            i += 1
            continue
        ind = _indent(line)
        # A lazy continuation keeps the paragraph (and the items) it continues.
        lazy = in_paragraph and stack and ind < stack[-1].content and not _starts_block(line[ind:], ind)
        if lazy:
            out.append(" " * (UNIT * stack[-1].depth) + line.lstrip(" "))
            i += 1
            continue
        while stack and ind < stack[-1].content:
            stack.pop()
        depth = len(stack)
        base = stack[-1].content if stack else 0
        rel = line[base:]
        if depth == 0 and _QUOTE.match(line):
            j = i
            while j < len(lines) and lines[j].strip() and _QUOTE.match(lines[j]):
                j += 1
            out.extend(_quote(lines[i:j]))
            in_paragraph = False
            i = j
            continue
        m = _MARKER.match(rel)
        if m and not _THEMATIC.match(rel) and not (in_paragraph and not _can_interrupt(m, rel, item_paragraph)):
            after = m.end("marker")
            spaces = len(m.group("space"))
            width = after + (1 if spaces == 0 or spaces > 4 else spaces)
            text = rel[after:].lstrip(" ") if spaces <= 4 else rel[after + 1 :]
            if in_paragraph and not item_paragraph:
                out.append("")  # Python-Markdown lists cannot interrupt a paragraph
            stack.append(_Item(content=base + width, depth=depth + 1))
            out.append(" " * (UNIT * depth) + m.group("marker") + (" " + text if text else ""))
            in_paragraph = item_paragraph = bool(text.strip())
            if text and (fm := _FENCE.match(text)) and not (fm.group("fence")[0] == "`" and "`" in fm.group("info")):
                fence = (fm.group("fence"), depth + 1, 0)
                in_paragraph = item_paragraph = False
            i += 1
            continue
        new = " " * (UNIT * depth) + rel if depth else line
        out.append(new)
        fm = _FENCE.match(rel)
        if fm and not (fm.group("fence")[0] == "`" and "`" in fm.group("info")):
            fence = (fm.group("fence"), depth, len(fm.group("indent")))
            in_paragraph = item_paragraph = False
        elif _BLOCK_START.match(rel) or (not in_paragraph and _indent(rel) >= UNIT):
            in_paragraph = item_paragraph = False
        else:
            item_paragraph = item_paragraph and in_paragraph
            in_paragraph = True
        i += 1
    return out


def _can_interrupt(m: re.Match[str], rel: str, item_paragraph: bool) -> bool:
    """May this list marker end the open paragraph? (CommonMark: an item of the same list
    may; a new list may only with content, and an ordered one only when it starts at 1.)"""
    if item_paragraph:
        return True  # a sibling or a child of the item whose paragraph this is
    if not rel[m.end():].strip():
        return False
    marker = m.group("marker")
    return not marker[0].isdigit() or int(marker[:-1]) == 1


def _starts_block(rest: str, ind: int) -> bool:
    return bool(_MARKER.match(rest) or _FENCE.match(rest) or _BLOCK_START.match(rest) or _THEMATIC.match(rest))


def _quote(lines: list[str]) -> list[str]:
    """A top-level block quote: its content is normalised on its own, prefixes kept."""
    prefixes = [_QUOTE.match(ln).group() for ln in lines]  # type: ignore[union-attr]
    inner = _normalize([ln[len(p) :] for ln, p in zip(lines, prefixes, strict=True)])
    if len(inner) == len(lines):
        return [(p + s) if s else p.rstrip() for p, s in zip(prefixes, inner, strict=True)]
    marker = prefixes[0].strip() + " "
    return [(marker + s) if s else marker.rstrip() for s in inner]
