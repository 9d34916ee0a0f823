"""The one Markdown scanner every check reads from.

It is a line-oriented reading of CommonMark's block structure: containers (block quotes
and list items) are matched line by line, then each line is classified (fence, code,
HTML comment, heading, text...). It keeps what checks need and nothing more: exact line
numbers and columns in the original file, the fenced blocks with their container prefixes
(so a fix can rewrite a block inside a list or a quote), the block quotes with their
nesting, and the suppression comments.

Checks never re-parse Markdown themselves: that is how "nothing inside code is ever
reported" holds for every rule at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from .findings import Fix
from .suppress import Suppressions, parse_directive

# Line kinds.
TEXT = "text"
BLANK = "blank"
HEADING = "heading"
FENCE_OPEN = "fence-open"
FENCE_CLOSE = "fence-close"
CODE = "code"  # inside a fenced block
INDENTED_CODE = "indented-code"
HTML_COMMENT = "html-comment"
FRONT_MATTER = "front-matter"

_NEWLINE = re.compile(r"\r\n|\r|\n")
_FENCE_OPEN = re.compile(r"(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_LIST_MARKER = re.compile(r"(?P<indent> {0,3})(?P<marker>[-+*]|\d{1,9}[.)])(?P<space>[ \t]+|$)")
_THEMATIC_BREAK = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_CODE_SPAN_TICKS = re.compile(r"(?<!\\)`+")
_INLINE_COMMENT = re.compile(r"<!--.*?-->")


@dataclass(slots=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the line's first character in Document.text
    text: str  # without its line ending
    eol: str  # "\n", "\r\n", "\r", or "" on a last line without one
    kind: str = TEXT
    content_col: int = 0  # index in `text` where content starts, after quote/list markers
    quote_depth: int = 0
    list_depth: int = 0
    lazy: bool = False  # a lazy continuation line of a paragraph inside a quote or list

    @property
    def content(self) -> str:
        return self.text[self.content_col :]

    @property
    def prefix(self) -> str:
        return self.text[: self.content_col]

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class FencedBlock:
    open_line: int
    close_line: int | None  # None when the fence is never closed
    fence: str  # the opening run, e.g. "```" or "~~~~"
    info: str  # everything after the fence on the opening line, stripped
    indent: int  # spaces before the fence, within its container
    quote_depth: int
    list_depth: int
    content_lines: list[int] = field(default_factory=list)

    @property
    def lang(self) -> str:
        """The first word of the info string, without pymdownx's `{.lang}` dressing."""
        word = self.info.split(None, 1)[0] if self.info else ""
        return word.strip("{}").lstrip(".").lower()

    @property
    def last_line(self) -> int:
        if self.close_line is not None:
            return self.close_line
        return self.content_lines[-1] if self.content_lines else self.open_line


@dataclass(slots=True)
class Quote:
    start_line: int
    end_line: int
    depth: int  # 1 for a top-level quote
    marker_col: int  # 0-based index of its `>` on the first line
    in_list: bool
    parent: Quote | None
    lines: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Container:
    kind: str  # "quote" | "list"
    indent: int = 0  # list items: columns of content indent
    quote: Quote | None = None


@dataclass
class Document:
    path: str
    text: str
    lines: list[Line]
    fences: list[FencedBlock]
    quotes: list[Quote]
    newline: str
    had_bom: bool
    suppressions: Suppressions
    meta: dict[str, object] = field(default_factory=dict)

    # -- construction -------------------------------------------------------------------

    @classmethod
    def from_bytes(cls, raw: bytes, path: str) -> Document:
        """Decode as UTF-8; undecodable bytes survive as surrogates so a fixer can write them back."""
        had_bom = raw.startswith(b"\xef\xbb\xbf")
        text = raw[3:].decode("utf-8", "surrogateescape") if had_bom else raw.decode(
            "utf-8", "surrogateescape"
        )
        return scan(text, path, had_bom=had_bom)

    @classmethod
    def from_text(cls, text: str, path: str) -> Document:
        had_bom = text.startswith("\ufeff")
        return scan(text[1:] if had_bom else text, path, had_bom=had_bom)

    # -- positions ----------------------------------------------------------------------

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def offset(self, line: int, column: int) -> int:
        """Offset in `text` of a 1-based line and column."""
        return self.lines[line - 1].start + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        lo, hi = 0, len(self.lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        ln = self.lines[lo]
        return ln.number, min(offset - ln.start, len(ln.text)) + 1

    # -- views for checks ---------------------------------------------------------------

    def prose(self) -> Iterator[tuple[Line, str]]:
        """Text and heading lines, with code spans and inline comments blanked out.

        Blanking keeps every other character at its column, so a check can report the
        column of what it finds in the masked string.
        """
        for ln in self.lines:
            if ln.kind in (TEXT, HEADING):
                yield ln, mask_inline(ln.content)

    def block_text(self, block: FencedBlock) -> str:
        """The block's content as the writer meant it: container prefixes and fence indent removed."""
        return "\n".join(self.block_lines(block)) + ("\n" if block.content_lines else "")

    def block_lines(self, block: FencedBlock) -> list[str]:
        out = []
        for n in block.content_lines:
            content = self.lines[n - 1].content
            out.append(_strip_indent(content, block.indent))
        return out

    def block_fix(self, block: FencedBlock, new_text: str, description: str) -> Fix:
        """A fix that replaces the block's content with `new_text`, keeping each line's prefix.

        Prefixes are the container markers (`> `, list indentation) plus the fence indent, so
        a block inside a list item or an alert stays where it is.
        """
        new_lines = new_text.split("\n")
        if new_lines and new_lines[-1] == "":
            new_lines.pop()
        open_ln = self.lines[block.open_line - 1]
        base_prefix = open_ln.prefix + " " * block.indent
        if block.content_lines:
            first = self.lines[block.content_lines[0] - 1]
            last = self.lines[block.content_lines[-1] - 1]
            start, end = first.start, last.end
            prefixes = [self._prefix_of(n, block) for n in block.content_lines]
        else:
            start = end = open_ln.end + len(open_ln.eol)
            prefixes = []
        nl = open_ln.eol or self.newline
        rendered = []
        for i, text in enumerate(new_lines):
            prefix = prefixes[i] if i < len(prefixes) else (prefixes[-1] if prefixes else base_prefix)
            rendered.append((prefix + text) if text else prefix.rstrip())
        replacement = nl.join(rendered)
        if not block.content_lines and rendered:
            replacement += nl
        return Fix(start, end, replacement, description)

    def _prefix_of(self, number: int, block: FencedBlock) -> str:
        ln = self.lines[number - 1]
        content = ln.content
        stripped = len(content) - len(_strip_indent(content, block.indent))
        return ln.text[: ln.content_col + stripped]


def _strip_indent(content: str, indent: int) -> str:
    i = 0
    while i < indent and i < len(content) and content[i] == " ":
        i += 1
    return content[i:]


def mask_inline(text: str) -> str:
    """Replace code spans and inline HTML comments by spaces, keeping the length."""
    if "`" in text:
        text = _mask_code_spans(text)
    if "<!--" in text:
        text = _INLINE_COMMENT.sub(lambda m: " " * len(m.group()), text)
    return text


def _mask_code_spans(text: str) -> str:
    runs = list(_CODE_SPAN_TICKS.finditer(text))
    out = list(text)
    i = 0
    while i < len(runs):
        opener = runs[i]
        width = len(opener.group())
        closer = next((j for j in range(i + 1, len(runs)) if len(runs[j].group()) == width), None)
        if closer is None:
            i += 1
            continue
        for k in range(opener.start(), runs[closer].end()):
            out[k] = " "
        i = closer + 1
    return "".join(out)


# -- the scan ------------------------------------------------------------------------------


def _split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    number = 1
    for m in _NEWLINE.finditer(text):
        lines.append(Line(number, pos, text[pos : m.start()], m.group()))
        pos = m.end()
        number += 1
    if pos < len(text) or not lines:
        lines.append(Line(number, pos, text[pos:], ""))
    return lines


def _columns(s: str, start: int = 0, col: int = 0) -> tuple[int, int]:
    """Skip leading blanks from `start`; return (index after them, visual column reached)."""
    i = start
    while i < len(s) and s[i] in " \t":
        col = col + 4 - (col % 4) if s[i] == "\t" else col + 1
        i += 1
    return i, col


def _consume_columns(s: str, start: int, col: int, n: int) -> tuple[int, int] | None:
    """Consume exactly `n` columns of indentation (a tab may overshoot); None if too few."""
    i, target = start, col + n
    while col < target:
        if i >= len(s) or s[i] not in " \t":
            return None
        col = col + 4 - (col % 4) if s[i] == "\t" else col + 1
        i += 1
    return i, col


def _match_quote(s: str, pos: int, col: int) -> tuple[int, int] | None:
    i, c = _columns(s, pos, col)
    if c - col > 3 or i >= len(s) or s[i] != ">":
        return None
    i += 1
    c += 1
    if i < len(s) and s[i] == " ":
        i += 1
        c += 1
    elif i < len(s) and s[i] == "\t":
        i += 1
        c = c + 4 - (c % 4)
    return i, c


def _starts_block(rest: str) -> bool:
    """Would this line start a new block (and so not be a lazy continuation)?"""
    return bool(
        _FENCE_OPEN.match(rest)
        or _ATX_HEADING.match(rest)
        or _THEMATIC_BREAK.match(rest)
        or rest.lstrip(" ").startswith(">")
        or _LIST_MARKER.match(rest)
    )


def scan(text: str, path: str, *, had_bom: bool = False) -> Document:
    lines = _split_lines(text)
    newline = lines[0].eol if lines and lines[0].eol else "\n"
    fences: list[FencedBlock] = []
    quotes: list[Quote] = []
    comments: list[tuple[int, int, str]] = []
    stack: list[_Container] = []
    fence: FencedBlock | None = None
    fence_depth = 0
    in_comment = False
    comment_start = 0
    comment_text: list[str] = []
    in_paragraph = False
    in_indented_code = False
    meta: dict[str, object] = {}

    first_content = _front_matter(lines, meta)

    for ln in lines[first_content:]:
        s = ln.text
        pos, col = 0, 0
        matched = 0
        for c in stack:
            if c.kind == "quote":
                m = _match_quote(s, pos, col)
                if m is None:
                    break
                pos, col = m
            else:
                if s[pos:].strip() == "":
                    pos, col = _columns(s, pos, col)
                elif (m2 := _consume_columns(s, pos, col, c.indent)) is not None:
                    pos, col = m2
                else:
                    break
            matched += 1

        if fence is not None:
            closes_here = matched == len(stack) or _fence_tolerates(stack, matched, s, pos)
            if closes_here:
                rest = s[pos:]
                ind, _ = _columns(rest)
                closing = rest[ind:].rstrip()
                if (
                    ind <= 3 + fence.indent
                    and closing
                    and set(closing) == {fence.fence[0]}
                    and len(closing) >= len(fence.fence)
                ):
                    fence.close_line = ln.number
                    _mark(ln, FENCE_CLOSE, pos, stack[:fence_depth], quotes)
                    fence = None
                else:
                    fence.content_lines.append(ln.number)
                    _mark(ln, CODE, pos, stack[:fence_depth], quotes)
                continue
            # The container ended under the fence: the fence ends with it (CommonMark).
            fence = None

        if in_comment:
            _mark(ln, HTML_COMMENT, pos, stack[:matched], quotes)
            comment_text.append(s[pos:])
            if "-->" in s:
                in_comment = False
                comments.append((comment_start, ln.number, "\n".join(comment_text)))
            continue

        rest = s[pos:]
        if matched < len(stack):
            lazy = in_paragraph and rest.strip() != "" and not _starts_block(rest)
            if lazy:
                ln.lazy = True
                _mark(ln, TEXT, pos, stack, quotes)
                continue
            for c in stack[matched:]:
                if c.quote is not None:
                    c.quote.end_line = c.quote.lines[-1]
            del stack[matched:]
            in_paragraph = False
            in_indented_code = False

        # Open new containers.
        while True:
            mq = _match_quote(s, pos, col)
            if mq is not None:
                parent = next((c.quote for c in reversed(stack) if c.quote), None)
                q = Quote(
                    start_line=ln.number,
                    end_line=ln.number,
                    depth=sum(1 for c in stack if c.kind == "quote") + 1,
                    marker_col=s.index(">", pos),
                    in_list=any(c.kind == "list" for c in stack),
                    parent=parent,
                )
                quotes.append(q)
                stack.append(_Container("quote", quote=q))
                pos, col = mq
                in_paragraph = False
                in_indented_code = False
                continue
            rest = s[pos:]
            mi = _LIST_MARKER.match(rest)
            if mi and not _THEMATIC_BREAK.match(rest) and not (in_paragraph and mi.group("space") == ""):
                i_after_marker = pos + mi.end("marker")
                c_after_marker = col + len(mi.group("indent")) + len(mi.group("marker"))
                i_sp, c_sp = _columns(s, i_after_marker, c_after_marker)
                spaces = c_sp - c_after_marker
                if i_sp >= len(s):  # empty item
                    width = c_after_marker - col + 1
                    pos, col = i_sp, c_sp
                elif spaces > 4:  # indented code inside the item: content starts after one space
                    width = c_after_marker - col + 1
                    pos, col = i_after_marker + 1, c_after_marker + 1
                else:
                    width = c_sp - col
                    pos, col = i_sp, c_sp
                stack.append(_Container("list", indent=width))
                in_paragraph = False
                in_indented_code = False
                continue
            break

        rest = s[pos:]
        if rest.strip() == "":
            _mark(ln, BLANK, pos, stack, quotes)
            in_paragraph = False
            continue
        ind, ind_col = _columns(rest)
        if (in_indented_code or not in_paragraph) and ind_col >= 4:
            _mark(ln, INDENTED_CODE, pos, stack, quotes)
            in_indented_code = True
            continue
        in_indented_code = False
        mf = _FENCE_OPEN.match(rest)
        if mf and not (mf.group("fence")[0] == "`" and "`" in mf.group("info")):
            fence = FencedBlock(
                open_line=ln.number,
                close_line=None,
                fence=mf.group("fence"),
                info=mf.group("info").strip(),
                indent=len(mf.group("indent")),
                quote_depth=sum(1 for c in stack if c.kind == "quote"),
                list_depth=sum(1 for c in stack if c.kind == "list"),
            )
            fences.append(fence)
            fence_depth = len(stack)
            _mark(ln, FENCE_OPEN, pos, stack, quotes)
            in_paragraph = False
            continue
        if rest[ind:].startswith("<!--") and ind <= 3:
            _mark(ln, HTML_COMMENT, pos, stack, quotes)
            if "-->" in rest[ind + 4 :]:
                comments.append((ln.number, ln.number, rest[ind:]))
            else:
                in_comment = True
                comment_start = ln.number
                comment_text = [rest[ind:]]
            in_paragraph = False
            continue
        if _ATX_HEADING.match(rest):
            _mark(ln, HEADING, pos, stack, quotes)
            in_paragraph = False
            continue
        _mark(ln, TEXT, pos, stack, quotes)
        in_paragraph = True

    for q in quotes:
        q.end_line = q.lines[-1] if q.lines else q.start_line

    doc = Document(
        path=path,
        text=text,
        lines=lines,
        fences=fences,
        quotes=quotes,
        newline=newline,
        had_bom=had_bom,
        suppressions=Suppressions(),
        meta=meta,
    )
    for start, end, body in comments:
        directive = parse_directive(body)
        if directive is not None:
            doc.suppressions.add(directive, start, end, doc)
    doc.suppressions.finish(len(lines))
    return doc


def _fence_tolerates(stack: list[_Container], matched: int, s: str, pos: int) -> bool:
    """Leniency for fences in list items whose content is under-indented.

    CommonMark would end the list (and the fence) there; Python-Markdown and most writers
    do not, and ending the fence would turn the rest of the page into code. Only list
    containers are forgiven; a missing `>` still ends a quote.
    """
    return all(c.kind == "list" for c in stack[matched:]) and s[pos:].strip() != ""


def _mark(ln: Line, kind: str, pos: int, stack: list[_Container], quotes: list[Quote]) -> None:
    ln.kind = kind
    ln.content_col = pos
    ln.quote_depth = sum(1 for c in stack if c.kind == "quote")
    ln.list_depth = sum(1 for c in stack if c.kind == "list")
    for c in stack:
        if c.quote is not None:
            c.quote.lines.append(ln.number)


def _front_matter(lines: list[Line], meta: dict[str, object]) -> int:
    """Mark a leading YAML front matter block; return the index of the first line after it."""
    if not lines or lines[0].text.rstrip() != "---":
        return 0
    for i in range(1, len(lines)):
        if lines[i].text.rstrip() in ("---", "..."):
            for ln in lines[: i + 1]:
                ln.kind = FRONT_MATTER
            meta.update(_load_yaml("\n".join(ln.text for ln in lines[1:i])))
            return i + 1
    return 0


def _load_yaml(text: str) -> dict[str, object]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}
