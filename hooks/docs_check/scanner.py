"""The one Markdown scanner every check reads from.

It is a line-oriented reading of CommonMark's block structure: containers (block quotes
and list items) are matched line by line, then each line is classified (fence, code,
HTML comment, heading, text...). It keeps what checks need and nothing more: exact line
numbers and columns in the original file, the fenced blocks with their container prefixes
(so a fix can rewrite a block inside a list or a quote), the block quotes with their
nesting, the paragraphs (so inline code and comments that wrap across lines are masked),
and the suppression comments.

Checks never re-parse Markdown themselves: that is how "nothing inside code is ever
reported" holds for every rule at once.

Known simplifications, chosen because the site and GitHub agree on them or they never
matter to a check: HTML blocks other than comments are read as text; setext heading
lines stay TEXT (they only end their paragraph); tables are paragraphs whose rows are
masked one by one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
# Jekyll's code block, `{% highlight terraform %}` ... `{% endhighlight %}` (GitHub Pages sites:
# tfsec's docs): Liquid renders it as code, where Markdown would have read a paragraph; Hexo's
# and Octopress' `{% codeblock lang:js %}` ... `{% endcodeblock %}` likewise.
# Hugo's shortcodes do the same: `{{< highlight go >}}`, or a site's own that takes the code's
# language (`{{< codeFromInline lang="powershell" >}}`, kind's docs, eighty-first sample), or
# the AWS workshops' `{{< output >}}` around a command's output (eighty-ninth sample), to its
# closing `{{< /name >}}`. A Liquid comment block (`{% comment %}` to `{% endcomment %}`) is
# never rendered either, and Home Assistant's `{% configuration %}` holds YAML its site turns
# into a table of options (hundred-and-fifteenth sample). Grav's shortcode, `[prism
# classes="language-yaml"]` to `[/prism]`, is its code block (hundred-and-twenty-third).
_LIQUID_HIGHLIGHT = re.compile(
    r"\{%-?\s*(?:highlight\s+[\w+#.-]+(?:\s[^%]*)?|codeblock(?:\s[^%]*)?|comment\s*|configuration(?:_basic)?\s*)-?%\}\s*$"
    r"|\{\{[<%]\s*(?:highlight\s+[\w+#.-]+|output\b|[\w-]+\s[^>%]*\blang=\"?[\w+#.-]+\"?)[^>%]*[>%]\}\}\s*$"
    r"|\[prism(?:\s[^\]]*)?\]\s*$"
)
_LIQUID_END = re.compile(
    r"\s*(?:\{%-?\s*end(?:highlight|codeblock|comment|configuration(?:_basic)?)\s*-?%\}|\{\{[<%]\s*/[\w-]+\s*[>%]\}\}|\[/prism\])\s*$"
)
# An MDX page's ESM (Docusaurus reads `.md` as MDX): `import Image from '@theme/IdealImage';`,
# `export const x = ...`, at the top level. Code the site runs, not prose.
_MDX_ESM = re.compile(
    r"(?:import\s+(?:[\w*{}\s,]+\s+from\s+)?['\"][^'\"]+['\"];?|export\s+(?:const|let|default|function)\b.*)\s*$"
)
# An export that opens a template literal (`export const settingsExample = \``, Moodle's
# developer docs, hundred-and-forty-ninth sample) goes on to the line that closes it: the
# string is the code's (PHP to show, or text a component lays out), not the page's prose.
_TEMPLATE_LITERAL_END = re.compile(r"[^`]*`")
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
# Material's admonitions (`!!! note`, `??? tip`, `???+ tip`) and content tabs (`=== "Tab"`):
# their content is the indented lines that follow, as in a list item.
_BLOCK_OPENER = re.compile(r" {0,3}(?:!!!|\?\?\?\+?|===[!+]?)[ \t]+\S")
_TABLE_DELIMITER = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_PREFIX_LIST_MARKER = re.compile(r"[-+*]|\d{1,9}[.)]")
# What can start something inline that a check must not read: an escape, a backtick run,
# an HTML comment. One regex, so the leftmost construct wins, as in CommonMark.
_INLINE_TOKEN = re.compile(r"\\[\s\S]|`+|<!--")
_TICK_RUN = re.compile(r"`+")
# Characters that may begin a container marker or a block a line can open; anything else
# at column 0 of an unnested line is plain paragraph text (the scanner's fast path).
_BLOCK_START_CHARS = frozenset(" \t>-+*_=#`~<0123456789!?{[")
_CONTAINER_CHARS = frozenset(">-+*0123456789")


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
    list_depth: int = 0  # list items around the quote (its own lines may open more)


@dataclass(slots=True)
class _Container:
    kind: str  # "quote" | "list" | "block" (an admonition or content tab of Material)
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
    # (first line, last line) of each paragraph: runs of TEXT lines that form one inline
    # context, lazy continuation lines included.
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    # prose() is read by several checks; it is computed once per document.
    _prose: list[tuple[Line, str]] | None = field(default=None, init=False, repr=False, compare=False)
    _masked: dict[int, str] | None = field(default=None, init=False, repr=False, compare=False)

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
        """Offset in `text` of a 1-based line and column (columns count characters)."""
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
        column of what it finds in the masked string. A code span or comment that wraps
        onto the next line of its paragraph is blanked on both lines.
        """
        if self._prose is None:
            self._prose = list(self._compute_prose())
        return iter(self._prose)

    def masked(self, number: int) -> str | None:
        """The content of one line as prose() gives it; None for a line that is not prose."""
        if self._masked is None:
            self._masked = {ln.number: text for ln, text in self.prose()}
        return self._masked.get(number)

    def _compute_prose(self) -> Iterator[tuple[Line, str]]:
        lines = self.lines
        paragraph_end = {start: end for start, end in self.paragraphs}
        n = 0
        while n < len(lines):
            ln = lines[n]
            end = paragraph_end.get(ln.number)
            if end is not None and end > ln.number:
                group = lines[n:end]
                yield from zip(group, _mask_paragraph([g.content for g in group]), strict=True)
                n = end
                continue
            if ln.kind in (TEXT, HEADING):
                yield ln, mask_inline(ln.content)
            n += 1

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
        a block inside a list item or an alert stays where it is. A line the new text adds
        (or one that replaces a blank line) takes the block's usual prefix: a blank line's
        own prefix may be empty, and reusing it would move the line out of its list item.
        """
        new_text = new_text.replace("\r\n", "\n").replace("\r", "\n")
        new_lines = new_text.split("\n")
        if new_lines and new_lines[-1] == "":
            new_lines.pop()
        open_ln = self.lines[block.open_line - 1]
        base = self._content_prefix(block)
        nl = open_ln.eol or self.newline
        own = [
            self.prefix_of(n, block) if self.lines[n - 1].kind != BLANK and self.lines[n - 1].content.strip() else None
            for n in block.content_lines
        ]
        rendered = []
        for i, text in enumerate(new_lines):
            prefix = own[i] if i < len(own) and own[i] is not None else base
            rendered.append((prefix + text) if text else prefix.rstrip())
        replacement = nl.join(rendered)
        if block.content_lines:
            first = self.lines[block.content_lines[0] - 1]
            last = self.lines[block.content_lines[-1] - 1]
            start, end = first.start, last.end
            if not rendered:  # the content goes, and its lines with it
                end += len(last.eol)
        else:
            start = end = open_ln.end + len(open_ln.eol)
            if rendered:
                replacement = (nl if not open_ln.eol else "") + replacement + (nl if block.close_line else "")
        return Fix(start, end, replacement, description)

    def _content_prefix(self, block: FencedBlock) -> str:
        """The prefix of a content line of this block: a real one if there is one, else the
        opener's container prefix with its list markers turned to spaces, plus the fence indent."""
        for n in block.content_lines:
            ln = self.lines[n - 1]
            if ln.content.strip() and not ln.lazy:
                return self.prefix_of(n, block)
        return continuation_prefix(self.lines[block.open_line - 1].prefix) + " " * block.indent

    def prefix_of(self, number: int, block: FencedBlock) -> str:
        """What stands before a content line of `block` in the file: container markers
        (`> `, list indentation) and the fence's own indent. Checks add its length to a
        column in `block_text` to get the Markdown column."""
        ln = self.lines[number - 1]
        content = ln.content
        stripped = len(content) - len(_strip_indent(content, block.indent))
        return ln.text[: ln.content_col + stripped]


def continuation_prefix(prefix: str) -> str:
    """The prefix that continues a container line: `- > ` becomes `  > `, `1. ` becomes `   `."""
    return _PREFIX_LIST_MARKER.sub(lambda m: " " * len(m.group()), prefix)


def _strip_indent(content: str, indent: int) -> str:
    i = 0
    while i < indent and i < len(content) and content[i] == " ":
        i += 1
    return content[i:]


# -- inline masking ------------------------------------------------------------------------


def inline_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "code" | "comment") of the code spans and HTML comments in `text`.

    CommonMark's reading: a backslash escapes the next character outside code; a run of N
    backticks opens a span closed by the next run of exactly N (no escapes inside code);
    an unclosed run or `<!--` is literal text.
    """
    if "<!--" not in text:
        return _code_spans(text) if "`" in text else []
    by_width: dict[int, list[int]] = {}
    for m in _TICK_RUN.finditer(text):
        by_width.setdefault(m.end() - m.start(), []).append(m.start())
    spans: list[tuple[int, int, str]] = []
    pos = 0
    comments_closable = True
    while True:
        m = _INLINE_TOKEN.search(text, pos)
        if m is None:
            break
        token = m.group()
        first = token[0]
        if first == "\\":
            pos = m.end()
        elif first == "`":
            width = len(token)
            starts = by_width.get(width, ())
            i = bisect_left(starts, m.end())
            if i < len(starts):
                close = starts[i] + width
                spans.append((m.start(), close, "code"))
                pos = close
            else:
                pos = m.end()
        else:
            # `<!-->` and `<!--->` are complete comments too (CommonMark 0.31).
            end = text.find("-->", m.start() + 2) if comments_closable else -1
            if end < 0:
                comments_closable = False  # no later `<!--` can close either
                pos = m.end()
            else:
                spans.append((m.start(), end + 3, "comment"))
                pos = end + 3
    return spans


def _code_spans(text: str) -> list[tuple[int, int, str]]:
    """inline_spans() for text without comments: pair the backtick runs directly."""
    runs = [(m.start(), m.end()) for m in _TICK_RUN.finditer(text)]
    by_width: dict[int, list[int]] = {}
    for i, (a, b) in enumerate(runs):
        by_width.setdefault(b - a, []).append(i)
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        width = end - start
        k = start
        while k and text[k - 1] == "\\":
            k -= 1
        if (start - k) % 2:
            # The first backtick is escaped; the rest of the run may still open a span.
            start += 1
            width -= 1
            if not width:
                i += 1
                continue
            j = next((n for n in range(i + 1, len(runs)) if runs[n][1] - runs[n][0] == width), None)
        else:
            same = by_width[width]
            pos = bisect_left(same, i + 1)
            j = same[pos] if pos < len(same) else None
        if j is None:
            i += 1
            continue
        spans.append((start, runs[j][1], "code"))
        i = j + 1
    return spans


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    if not spans:
        return text
    out = []
    pos = 0
    for start, end, _kind in spans:
        out.append(text[pos:start])
        chunk = text[start:end]
        out.append(re.sub(r"[^\n]", " ", chunk) if "\n" in chunk else " " * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def mask_inline(text: str) -> str:
    """Replace code spans and inline HTML comments by spaces, keeping the length."""
    return _blank(text, inline_spans(text))


def table_delimiter(text: str) -> bool:
    """Is the line a table's delimiter row (`|---|:--:|`), the one under its header?"""
    return _TABLE_DELIMITER.match(text) is not None


def _mask_paragraph(contents: list[str]) -> list[str]:
    if len(contents) > 1 and table_delimiter(contents[1]) and "|" in contents[0] + contents[1]:
        return [mask_inline(c) for c in contents]  # table rows are separate inline contexts
    joined = "\n".join(contents)
    return _blank(joined, inline_spans(joined)).split("\n")


# -- the scan ------------------------------------------------------------------------------


def _split_lines(text: str) -> list[Line]:
    if "\r" in text:
        return _split_lines_any(text)
    # The common case, "\n" only: str.split is several times faster than a regex walk.
    parts = text.split("\n")
    last = parts.pop()
    lines: list[Line] = []
    append = lines.append
    pos = 0
    number = 0
    for number, part in enumerate(parts, 1):
        append(Line(number, pos, part, "\n"))
        pos += len(part) + 1
    if last or not lines:
        append(Line(number + 1, pos, last, ""))
    return lines


def _split_lines_any(text: str) -> list[Line]:
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
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - (col % 4)
        else:
            break
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
    if pos < len(s) and s[pos] == ">":
        i, c = pos, col
    else:
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
    stripped = rest.lstrip(" ")
    if len(rest) - len(stripped) > 3 or not stripped:
        return False  # indented code cannot interrupt a paragraph
    return bool(
        stripped[0] == ">"
        or stripped.startswith("<!--")
        or _FENCE_OPEN.match(rest)
        or _ATX_HEADING.match(rest)
        or _THEMATIC_BREAK.match(rest)
        or _LIST_MARKER.match(rest)
    )


def _can_interrupt_paragraph(mi: re.Match[str], rest: str) -> bool:
    """CommonMark: a list item interrupts a paragraph only if it is not empty and, when
    ordered, starts at 1 (so `2024. was a year` wrapped onto a new line stays text)."""
    if rest[mi.end() :].strip() == "":
        return False
    marker = mi.group("marker")
    return not marker[0].isdigit() or marker[:-1].lstrip("0") == "1"


def scan(text: str, path: str, *, had_bom: bool = False) -> Document:
    lines = _split_lines(text)
    newline = lines[0].eol if lines and lines[0].eol else "\n"
    meta: dict[str, object] = {}
    first_content = _front_matter(lines, meta)
    blocks = _BlockScanner()
    blocks.run(lines, first_content)

    doc = Document(
        path=path,
        text=text,
        lines=lines,
        fences=blocks.fences,
        quotes=blocks.quotes,
        newline=newline,
        had_bom=had_bom,
        suppressions=Suppressions(),
        meta=meta,
        paragraphs=[(a, b) for a, b in blocks.paragraphs],
    )
    comments = blocks.comments + _inline_directive_comments(doc)
    for start, end, body in sorted(comments):
        directive = parse_directive(body)
        if directive is not None:
            doc.suppressions.add(directive, start, end, doc)
    doc.suppressions.finish(len(lines))
    return doc


def _match_containers(stack: list[_Container], s: str) -> tuple[int, int, int]:
    """How many open containers this line continues: (count, index and column after them)."""
    pos, col = 0, 0
    matched = 0
    for c in stack:
        if c.kind == "quote":
            m = _match_quote(s, pos, col)
            if m is None:
                break
            pos, col = m
        elif s[pos:].strip() == "":
            pos, col = _columns(s, pos, col)
        elif (m2 := _consume_columns(s, pos, col, c.indent)) is not None:
            pos, col = m2
        else:
            break
        matched += 1
    return matched, pos, col


def _list_item_start(s: str, pos: int, col: int, mi: re.Match[str]) -> tuple[int, int, int]:
    """A list item opening at `pos`: (its content indent, index and column of its content)."""
    i_after_marker = pos + mi.end("marker")
    c_after_marker = col + len(mi.group("indent")) + len(mi.group("marker"))
    i_sp, c_sp = _columns(s, i_after_marker, c_after_marker)
    if i_sp >= len(s):  # empty item
        return c_after_marker - col + 1, i_sp, c_sp
    if c_sp - c_after_marker > 4:  # indented code inside the item: content starts after one space
        return c_after_marker - col + 1, i_after_marker + 1, c_after_marker + 1
    return c_sp - col, i_sp, c_sp


class _BlockScanner:
    """The block structure of a page, line by line: CommonMark's container matching, then
    each line's kind. Its state is what one line hands the next (open containers, an open
    fence or comment, whether a paragraph or indented code is running)."""

    def __init__(self) -> None:
        self.fences: list[FencedBlock] = []
        self.quotes: list[Quote] = []
        self.paragraphs: list[list[int]] = []
        self.comments: list[tuple[int, int, str]] = []
        self.stack: list[_Container] = []
        self.fence: FencedBlock | None = None
        self.fence_depth = 0
        self.in_comment = False
        self.comment_start = 0
        self.comment_text: list[str] = []
        self.in_paragraph = False
        self.in_indented_code = False
        # The end of a block read as code to its closing line (a Liquid highlight, an MDX
        # export's template literal), while one is open.
        self.code_until: re.Pattern[str] | None = None

    def run(self, lines: list[Line], first: int) -> None:
        for ln in lines[first:]:
            s = ln.text
            # Fast path: nothing open, and the line cannot start a container or a block.
            if (not self.stack and self.fence is None and not self.in_comment and self.code_until is None
                    and s and s[0] not in _BLOCK_START_CHARS and not s.startswith(("import ", "export "))):
                ln.kind = TEXT
                self._paragraph_line(ln.number)
                self.in_indented_code = False
                continue
            # Fast path: a blank line with only list items open (they all continue over it).
            if not s and self.fence is None and not self.in_comment and all(c.quote is None for c in self.stack):
                _mark(ln, BLANK, 0, self.stack)
                self.in_paragraph = False
                continue
            self._line(ln)
        if self.in_comment:
            self.comments.append((self.comment_start, len(lines), "\n".join(self.comment_text)))
        for q in self.quotes:
            q.end_line = q.lines[-1] if q.lines else q.start_line

    def _paragraph_line(self, number: int) -> None:
        if self.in_paragraph:
            self.paragraphs[-1][1] = number
        else:
            self.paragraphs.append([number, number])
        self.in_paragraph = True

    def _line(self, ln: Line) -> None:
        matched, pos, col = _match_containers(self.stack, ln.text)
        if self.fence is not None and self._in_fence(ln, matched, pos):
            return
        if self.in_comment and self._in_comment(ln, matched, pos):
            return
        if self.code_until is not None:
            _mark(ln, INDENTED_CODE, pos, self.stack[:matched])
            if self.code_until.match(ln.text, pos):
                self.code_until = None
            return
        if matched < len(self.stack) and self._leave_containers(ln, matched, pos):
            return
        pos, col = self._open_containers(ln, pos, col)
        self._classify(ln, pos, col)

    def _in_fence(self, ln: Line, matched: int, pos: int) -> bool:
        """A line under an open fence: its content or its closing. False if the fence ended
        because its container did (CommonMark), and the line is read afresh."""
        fence = self.fence
        assert fence is not None
        s = ln.text
        if not (matched == len(self.stack) or _fence_tolerates(self.stack, matched, s, pos)):
            self.fence = None
            return False
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
            _mark(ln, FENCE_CLOSE, pos, self.stack[: self.fence_depth])
            self.fence = None
        else:
            fence.content_lines.append(ln.number)
            _mark(ln, CODE, pos, self.stack[: self.fence_depth])
        return True

    def _in_comment(self, ln: Line, matched: int, pos: int) -> bool:
        """A line inside a multi-line HTML comment; False if the comment ended before it."""
        s = ln.text
        if matched == len(self.stack) or _fence_tolerates(self.stack, matched, s, pos):
            _mark(ln, HTML_COMMENT, pos, self.stack[:matched])
            self.comment_text.append(s[pos:])
            if "-->" in s[pos:]:
                self.in_comment = False
                self.comments.append((self.comment_start, ln.number, "\n".join(self.comment_text)))
            return True
        # Its quote ended: an HTML block cannot run on lazily, so the comment ends too.
        self.in_comment = False
        self.comments.append((self.comment_start, ln.number - 1, "\n".join(self.comment_text)))
        return False

    def _leave_containers(self, ln: Line, matched: int, pos: int) -> bool:
        """A line that does not continue every open container: a lazy continuation of the
        paragraph (True, the line is done), or the unmatched containers close (False)."""
        rest = ln.text[pos:]
        if self.in_paragraph and rest.strip() != "" and not _starts_block(rest):
            ln.lazy = True
            _mark(ln, TEXT, pos, self.stack)
            self.paragraphs[-1][1] = ln.number
            return True
        for c in self.stack[matched:]:
            if c.quote is not None:
                c.quote.end_line = c.quote.lines[-1] if c.quote.lines else c.quote.start_line
        del self.stack[matched:]
        self.in_paragraph = False
        self.in_indented_code = False
        return False

    def _open_containers(self, ln: Line, pos: int, col: int) -> tuple[int, int]:
        """Open the block quotes and list items that start on this line, outermost first."""
        s = ln.text
        stack = self.stack
        while True:
            lead = s[pos : pos + 8].lstrip(" \t")[:1]
            if lead not in _CONTAINER_CHARS:
                return pos, col
            mq = _match_quote(s, pos, col) if lead == ">" else None
            if mq is not None:
                self._open_quote(ln, s.index(">", pos))
                pos, col = mq
            else:
                rest = s[pos:]
                mi = _LIST_MARKER.match(rest)
                if (
                    not mi
                    or _THEMATIC_BREAK.match(rest)
                    or (self.in_paragraph and not _can_interrupt_paragraph(mi, rest))
                ):
                    return pos, col
                width, pos, col = _list_item_start(s, pos, col, mi)
                stack.append(_Container("list", indent=width))
            self.in_paragraph = False
            self.in_indented_code = False

    def _open_quote(self, ln: Line, marker_col: int) -> None:
        stack = self.stack
        list_depth = sum(1 for c in stack if c.kind == "list")
        q = Quote(
            start_line=ln.number,
            end_line=ln.number,
            depth=sum(1 for c in stack if c.kind == "quote") + 1,
            marker_col=marker_col,
            in_list=list_depth > 0,
            parent=next((c.quote for c in reversed(stack) if c.quote), None),
            list_depth=list_depth,
        )
        self.quotes.append(q)
        stack.append(_Container("quote", quote=q))

    def _classify(self, ln: Line, pos: int, col: int) -> None:
        """The kind of a line's content once its containers are matched and opened."""
        s = ln.text
        stack = self.stack
        rest = s[pos:]
        if rest.strip() == "":
            _mark(ln, BLANK, pos, stack)
            self.in_paragraph = False
            return
        if rest[0] in " \t":
            ind, ind_col = _columns(s, pos, col)
            ind -= pos
        else:
            ind, ind_col = 0, col
        if (self.in_indented_code or not self.in_paragraph) and ind_col - col >= 4:
            _mark(ln, INDENTED_CODE, pos, stack)
            self.in_indented_code = True
            return
        self.in_indented_code = False
        first = rest[ind]
        if first in "!?=" and _BLOCK_OPENER.match(rest):
            _mark(ln, TEXT, pos, stack)
            stack.append(_Container("block", indent=ind_col - col + 4))
            self.in_paragraph = False
            return
        if self._opens_block(ln, pos, rest, ind):
            self.in_paragraph = False
            return
        _mark(ln, TEXT, pos, stack)
        if first in "=-*_" and (
            (self.in_paragraph and _SETEXT_UNDERLINE.match(rest)) or _THEMATIC_BREAK.match(rest)
        ):
            # A setext underline turns the paragraph above into a heading and ends it; a
            # thematic break ends it too.
            self.in_paragraph = False
            return
        self._paragraph_line(ln.number)

    def _opens_block(self, ln: Line, pos: int, rest: str, ind: int) -> bool:
        """A fence, an HTML comment or an ATX heading starting on this line (marked if so)."""
        first = rest[ind]
        stack = self.stack
        mf = _FENCE_OPEN.match(rest) if first in "`~" else None
        if mf and not (mf.group("fence")[0] == "`" and "`" in mf.group("info")):
            self.fence = FencedBlock(
                open_line=ln.number,
                close_line=None,
                fence=mf.group("fence"),
                info=mf.group("info").strip(),
                indent=len(mf.group("indent")),
                quote_depth=sum(1 for c in stack if c.kind == "quote"),
                list_depth=sum(1 for c in stack if c.kind == "list"),
            )
            self.fences.append(self.fence)
            self.fence_depth = len(stack)
            _mark(ln, FENCE_OPEN, pos, stack)
            return True
        if first == "<" and rest.startswith("<!--", ind):
            _mark(ln, HTML_COMMENT, pos, stack)
            if "-->" in rest[ind + 2 :]:
                self.comments.append((ln.number, ln.number, rest[ind:]))
            else:
                self.in_comment = True
                self.comment_start = ln.number
                self.comment_text = [rest[ind:]]
            return True
        if first in "{[" and _LIQUID_HIGHLIGHT.match(rest, ind):
            _mark(ln, INDENTED_CODE, pos, stack)
            self.code_until = _LIQUID_END
            return True
        if first in "ie" and not stack and not self.in_paragraph and _MDX_ESM.match(rest, ind):
            _mark(ln, INDENTED_CODE, pos, stack)
            if rest.count("`") % 2:
                self.code_until = _TEMPLATE_LITERAL_END
            return True
        if first == "#" and _ATX_HEADING.match(rest):
            _mark(ln, HEADING, pos, stack)
            return True
        return False


def _inline_directive_comments(doc: Document) -> list[tuple[int, int, str]]:
    """Suppression comments written inside a text line (`... <!-- docs-check: disable-line x -->`)."""
    if "docs-check" not in doc.text:
        return []
    found = []
    lines = doc.lines
    groups = [(a, b) for a, b in doc.paragraphs]
    groups += [(ln.number, ln.number) for ln in lines if ln.kind == HEADING]
    for first, last in groups:
        group = lines[first - 1 : last]
        contents = [g.content for g in group]
        joined = "\n".join(contents)
        if "docs-check" not in joined:
            continue
        for start, end, kind in inline_spans(joined):
            if kind != "comment":
                continue
            first_line = first + joined.count("\n", 0, start)
            last_line = first + joined.count("\n", 0, end)
            found.append((first_line, last_line, joined[start:end]))
    return found


def _fence_tolerates(stack: list[_Container], matched: int, s: str, pos: int) -> bool:
    """Leniency for fences in list items whose content is under-indented.

    CommonMark would end the list (and the fence) there; Python-Markdown and most writers
    do not, and ending the fence would turn the rest of the page into code. Only list
    containers are forgiven; a missing `>` still ends a quote.
    """
    return all(c.kind in ("list", "block") for c in stack[matched:]) and s[pos:].strip() != ""


def _mark(ln: Line, kind: str, pos: int, stack: list[_Container]) -> None:
    ln.kind = kind
    ln.content_col = pos
    if not stack:
        return
    q = 0
    for c in stack:
        if c.quote is not None:
            q += 1
            c.quote.lines.append(ln.number)
    ln.quote_depth = q
    ln.list_depth = len(stack) - q


def front_matter(text: str) -> dict[str, object]:
    """The YAML front matter of a Markdown text as the scanner reads it ({} if none or invalid),
    for readers that need only the metadata (the registry refresh reads READMEs)."""
    meta: dict[str, object] = {}
    _front_matter(_split_lines(text[1:] if text.startswith("\ufeff") else text), meta)
    return meta


def _front_matter(lines: list[Line], meta: dict[str, object]) -> int:
    """Mark a leading front matter block, YAML between `---` lines or TOML between `+++`
    lines (Hugo's); return the index of the first line after it."""
    # Blank lines before it (nf-core's site, hundred-and-fifty-first sample): no engine reads
    # such a block as metadata, but its keys are no prose either (`image_alt:` is no code in a
    # sentence); taken as front matter only when it holds a YAML mapping.
    first = next((i for i, ln in enumerate(lines) if ln.text.strip()), 0)
    opening = lines[first].text.rstrip() if lines else ""
    if opening not in ("---", "+++"):
        return 0
    closings = ("---", "...") if opening == "---" else ("+++",)
    for i in range(first + 1, len(lines)):
        if lines[i].text.rstrip() in closings:
            body = "\n".join(ln.text for ln in lines[first + 1 : i])
            data = _load_yaml(body) if opening == "---" else _load_toml(body)
            if first and not data:
                return 0
            for ln in lines[: i + 1]:
                ln.kind = FRONT_MATTER
            if not first:
                meta.update(data)
            return i + 1
    return 0


def _load_toml(text: str) -> dict[str, object]:
    import tomllib

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        return {}


def _load_yaml(text: str) -> dict[str, object]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}
