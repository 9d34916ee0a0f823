"""GitHub alerts: `> [!NOTE]` and its four siblings, and the ways writers get them wrong.

GitHub renders a block quote as an alert only when the quote's first line is exactly
`[!TYPE]` (one of five types, any case) and the quote stands on its own: not inside a list
item, not inside another quote. This site renders alerts through `pymdownx.quotes`, which
is more forgiving (any type, a title after the marker, nesting), so a page can look right
here and broken on GitHub, or the reverse. Each rule below names one such difference.

Everything is read from the scanner's view (quotes, line kinds), so markers inside fenced
or indented code, HTML comments and inline code are never seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..check import Check
from ..config import Config, check_section_keys
from ..findings import Finding, Fix, Severity
from ..rules import rule, suggest
from ..scanner import BLANK, HTML_COMMENT, TEXT, Document, Line, Quote

TYPES = ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION")
_TYPE_LIST = "NOTE, TIP, IMPORTANT, WARNING and CAUTION"

# Admonition names from Material, Obsidian and Docusaurus, to the GitHub type that says the
# same thing; a close spelling (NOTES, WARN) is left to `suggest`.
ALIASES = {
    "INFO": "NOTE", "TODO": "NOTE", "ABSTRACT": "NOTE", "SUMMARY": "NOTE", "TLDR": "NOTE",
    "QUESTION": "NOTE", "HELP": "NOTE", "FAQ": "NOTE", "EXAMPLE": "NOTE", "QUOTE": "NOTE",
    "HINT": "TIP", "SUCCESS": "TIP", "CHECK": "TIP", "DONE": "TIP",
    "ATTENTION": "WARNING",
    "DANGER": "CAUTION", "ERROR": "CAUTION", "FAILURE": "CAUTION", "FAIL": "CAUTION", "BUG": "CAUTION",
}
# Old bold callouts, and the alert each becomes.
LEGACY = {
    "NOTE": "NOTE", "INFO": "NOTE", "TIP": "TIP", "HINT": "TIP", "IMPORTANT": "IMPORTANT",
    "WARNING": "WARNING", "ATTENTION": "WARNING", "CAUTION": "CAUTION", "DANGER": "CAUTION",
}

UNKNOWN_TYPE = rule(
    "alert-unknown-type", Severity.ERROR,
    "An alert type GitHub does not know ([!INFO], [!NOTES]); the nearest valid type is suggested",
)
CASE = rule(
    "alert-case", Severity.WARNING,
    "An alert type not in upper case ([!Note]): GitHub accepts it, the house style does not (`case`; "
    "by default a page that writes every type in lower case, [!note], keeps its convention)",
    fixable=True,
)
TEXT_AFTER = rule(
    "alert-text-after-marker", Severity.ERROR,
    "Text after [!TYPE] on the marker line (GitHub then shows a plain quote)",
)
EMPTY = rule("alert-empty", Severity.ERROR, "An alert marker with no body")
IN_LIST = rule(
    "alert-in-list", Severity.WARNING,
    "An alert inside a list item (GitHub shows a plain quote; this site renders it)",
)
NESTED = rule(
    "alert-nested", Severity.WARNING,
    "An alert inside another block quote or alert (GitHub shows a plain quote; this site renders it)",
)
SPACING = rule(
    "alert-spacing", Severity.WARNING,
    "A marker line other than exactly `> [!TYPE]` (`>[!NOTE]`, `> [! NOTE]`, trailing spaces)",
    fixable=True,
)
MISPLACED = rule(
    "alert-misplaced-marker", Severity.ERROR,
    "A [!TYPE] marker on a line of its own that is not the first line of a quote (shown as text everywhere)",
)
LEGACY_CALLOUT = rule(
    "alert-legacy-callout", Severity.INFO,
    "An old bold callout (> **Note:**) that reads better as a GitHub alert",
    fixable=True,
)
RULES = (UNKNOWN_TYPE, CASE, TEXT_AFTER, EMPTY, IN_LIST, NESTED, SPACING, MISPLACED, LEGACY_CALLOUT)

# From just after the quote's `>`: the gap, `[!`, what is inside the brackets, `]`, the rest.
_MARKER = re.compile(r"(?P<gap>[ \t]*)\[!(?P<inner>[^\[\]]*)\](?P<after>.*)")
_TYPE_NAME = re.compile(r"[A-Za-z][\w-]*(?:[ \t]*\|[ \t]*[\w-]+)*")
# A marker alone on a line (for markers that are not where GitHub looks for them).
_LONE_MARKER = re.compile(r"[ \t]*\[![ \t]*(?P<name>[A-Za-z]+)[ \t]*\][ \t]*")
_LEGACY = re.compile(
    r"(?P<bold>(?P<d>\*\*|__)(?P<word>[A-Za-z]+)(?P<c1>:?)(?P=d))(?P<c2>:?)(?P<ws>[ \t]*)(?P<rest>.*)"
)


def run(doc: Document, config: Config) -> Iterator[Finding]:
    alerts: list[tuple[Quote, Line, int, re.Match[str]]] = []
    for quote in doc.quotes:
        first = _first_line(doc, quote)
        if first is None:
            continue
        gt = first.text.rfind(">", 0, first.content_col)
        m = _MARKER.match(first.text, gt + 1)
        if m is not None and _TYPE_NAME.fullmatch(m.group("inner").strip()):
            alerts.append((quote, first, gt, m))
        else:
            yield from _check_legacy(doc, quote, first, gt)
    lower = config.choice("alerts", "case", CASES) == "auto" and _lower_case_page(m for *_, m in alerts)
    page = _Page(lower, bool(alerts) and _written_for_hugo(doc), bool(alerts) and _written_for_obsidian(doc))
    for quote, first, gt, m in alerts:
        yield from _check_alert(doc, quote, first, gt, m, page)
    yield from _misplaced(doc, {first.number for _, first, _, _ in alerts})


@dataclass(frozen=True)
class _Page:
    """What the page is written for, which decides what of an alert GitHub's rules may judge."""

    lower_case: bool = False  # every type in lower case, a convention (`_lower_case_page`)
    hugo: bool = False  # Hugo renders an alert wherever its quote stands (`_written_for_hugo`)
    obsidian: bool = False  # Obsidian takes a callout's title on its marker line (`_written_for_obsidian`)


def _lower_case_page(markers: Iterator[re.Match[str]]) -> bool:
    """Does the page write every alert type in lower case (`> [!note]`, Hugo's own docs)? GitHub
    and Hugo accept it, and a page written so throughout follows a convention, not a slip:
    only a type that breaks the page's case (or is in mixed case, `[!Note]`) is told."""
    names = [n for n in (m.group("inner").strip() for m in markers) if n.upper() in TYPES]
    return bool(names) and all(n.islower() for n in names)


def _first_line(doc: Document, quote: Quote) -> Line | None:
    """The quote's first line with content, when that content is a paragraph of this quote
    (not a nested quote, a list, a heading or code: GitHub looks for the marker only there)."""
    for n in quote.lines:
        ln = doc.lines[n - 1]
        if ln.kind == BLANK and ln.quote_depth == quote.depth:
            continue
        if ln.kind == TEXT and ln.quote_depth == quote.depth and ln.list_depth == quote.list_depth:
            return ln
        return None
    return None


def _check_alert(
    doc: Document, quote: Quote, ln: Line, gt: int, m: re.Match[str], page: _Page = _Page()
) -> Iterator[Finding]:
    path, number, text = doc.path, ln.number, ln.text
    col = gt + 1  # findings point at the alert's `>`, as a writer scanning the page sees it
    inner = m.group("inner")
    name = inner.strip()
    written = f"[!{inner}]"
    upper = name.upper()
    after = m.group("after")
    end_col = m.end("inner") + 2  # just past `]`

    if upper in TYPES:
        good = f"> [!{upper}]"
        if name != upper and not (page.lower_case and name.islower()):
            start = m.start("inner") + inner.index(name)
            yield CASE.at(
                path, number, col,
                f"alert type `{written}` is not in upper case; write `{good}` (docs-check --fix does it)",
                fix=Fix(doc.offset(number, start + 1), doc.offset(number, start + 1 + len(name)), upper,
                        f"write [!{upper}]"),
                end_line=number, end_column=end_col,
            )
    else:
        yield UNKNOWN_TYPE.at(
            path, number, col, _unknown_message(written, name), end_line=number, end_column=end_col
        )
        good = "> [!NOTE]"

    problems = _spacing_problems(m.group("gap"), inner, name, after)
    if problems:
        fix_end = len(text) if not after.strip() else m.end("inner") + 1
        yield SPACING.at(
            path, number, col,
            f"alert marker line is `{text[gt:].rstrip() or text[gt:]}` ({', '.join(problems)}); "
            f"write exactly `> [!{name}]`" + (" (docs-check --fix does it)" if name == upper else ""),
            fix=Fix(doc.offset(number, gt + 2), doc.offset(number, fix_end + 1), f" [!{name}]",
                    "write the marker as `> [!TYPE]`"),
            end_line=number, end_column=len(text) + 1,
        )

    if after.strip():
        if not page.obsidian:  # Obsidian's callout title, not text GitHub would show
            yield TEXT_AFTER.at(
                path, number, col, _text_after_message(after.strip(), written, good),
                end_line=number, end_column=len(text) + 1,
            )
    elif not _has_body(doc, quote, number):
        yield EMPTY.at(path, number, col, _empty_message(doc, quote, good), end_line=number,
                       end_column=end_col)

    if not page.hugo:
        yield from _placement(doc, quote, ln, col, f"[!{upper}]" if upper in TYPES else written, end_col)


def _placement(doc: Document, quote: Quote, ln: Line, col: int, shown_type: str, end_col: int) -> Iterator[Finding]:
    """An alert where GitHub does not look for one: in a list item, in another quote."""
    path, number = doc.path, ln.number
    if quote.in_list:
        yield IN_LIST.at(
            path, number, col,
            f"An alert inside a list item: GitHub shows a plain quote with `{shown_type}` as text (this "
            "site renders it); move the alert out of the list (no indentation, after the list), or "
            "keep it and add `<!-- docs-check: disable-next-line alert-in-list -->` above it",
            end_line=number, end_column=end_col,
        )
    if quote.parent is not None:
        yield NESTED.at(
            path, number, col,
            f"An alert inside another block quote: GitHub shows a plain quote with `{shown_type}` as "
            "text (this site renders it); move it out so its lines start with a single `> `",
            end_line=number, end_column=end_col,
        )


# A Hugo shortcode, `{{< tabs >}}`, `{{% param "x" %}}`, `{{< /tab >}}`.
_HUGO_SHORTCODE = re.compile(r"\{\{[<%]\s*/?[\w.-]+")


def _written_for_hugo(doc: Document) -> bool:
    """Does the page call Hugo's shortcodes? Then it is written for Hugo, whose blockquote
    render hook renders an alert wherever the quote stands (in a list step, in a quote), and
    GitHub, which shows the shortcodes as raw text, is no view of it (Docker's install pages,
    eighty-fourth sample: a `> [!NOTE]` inside a numbered step renders on docs.docker.com)."""
    return any(_HUGO_SHORTCODE.search(ln.text) for ln in doc.lines if "{{" in ln.text)


_CODE_SPAN = re.compile(r"(`+)[^`].*?\1")  # a wikilink shown as code says nothing of the page
# An Obsidian wikilink, `[[Settings]]`, `[[Plugin guidelines|guidelines]]`; not GitLab's and
# Azure DevOps' table of contents, `[[_TOC_]]`.
_WIKILINK = re.compile(r"\[\[(?!_TOC_\]\])[^\[\]\n|]+(?:\|[^\[\]\n]+)?\]\]")


def _written_for_obsidian(doc: Document) -> bool:
    """Does the page link with Obsidian's wikilinks? Then it is written for Obsidian, whose
    callouts take a title on the marker's line (`> [!warning] Nested properties in settings`,
    Obsidian's developer docs, hundred-and-sixty-first sample): moving the title into the body
    would break the page where it is read; GitHub, which shows wikilinks as raw text, is no view
    of it."""
    return any(_WIKILINK.search(_CODE_SPAN.sub("", ln.text)) for ln in doc.lines if ln.kind == TEXT and "[[" in ln.text)


def _text_after_message(extra: str, written: str, good: str) -> str:
    shown = extra if len(extra) <= 40 else extra[:37] + "..."
    head = (f"text `{shown}` after `{written}` on the marker line: GitHub then shows a plain quote "
            f"with the marker as text; leave `{good}` alone on its line and move the text to the next "
            "line, starting it with `> `")
    if len(extra) <= 40 and not extra.endswith((".", ":", "!", "?")):
        head += f" (as `> **{extra}**` if it is a title)"
    return head


def _unknown_message(written: str, name: str) -> str:
    if "|" in name:
        return (f"`{written}` is not a GitHub alert: GitHub takes one type, one of {_TYPE_LIST}; "
                f"write `> [!{name.split('|')[0].strip().upper()}]` if that type is one of them")
    upper = name.upper()
    nearest = ALIASES.get(upper) or suggest(upper, TYPES)
    if nearest:
        return (f"unknown alert type `{written}`: GitHub knows only {_TYPE_LIST}; "
                f"write `> [!{nearest}]`")
    return (f"unknown alert type `{written}`: GitHub knows only {_TYPE_LIST}; write one of "
            "them (e.g. `> [!NOTE]`), or drop the marker to make a plain quote")


def _spacing_problems(gap: str, inner: str, name: str, after: str) -> list[str]:
    problems = []
    if gap == "":
        problems.append("no space after `>`")
    elif gap != " ":
        problems.append("a tab after `>`" if "\t" in gap else f"{len(gap)} spaces after `>`")
    if inner != name:
        problems.append("space inside the brackets")
    if after and not after.strip():
        problems.append("trailing whitespace")
    return problems


def _has_body(doc: Document, quote: Quote, marker_line: int) -> bool:
    for n in quote.lines:
        if n > marker_line and doc.lines[n - 1].kind not in (BLANK, HTML_COMMENT):
            return True
    return False


def _empty_message(doc: Document, quote: Quote, good: str) -> str:
    nxt = quote.end_line + 1
    while nxt <= len(doc.lines) and doc.lines[nxt - 1].kind == BLANK and not doc.lines[nxt - 1].quote_depth:
        nxt += 1
    ln = doc.lines[nxt - 1] if nxt <= len(doc.lines) else None
    # The next content line opens a quote at this depth right where the text would go.
    follows = ln is not None and ln.quote_depth == quote.depth and ln.list_depth == quote.list_depth
    if follows and nxt > quote.end_line + 1:
        return (f"alert `{good[2:]}` has no body: the blank line after it ends the quote, so line "
                f"{nxt} starts another one; remove the blank line or start it with `>`")
    return (f"alert `{good[2:]}` has no body (GitHub shows nothing); write its text on the "
            "next lines, each starting with `> `, or remove the marker")


def _check_legacy(doc: Document, quote: Quote, ln: Line, gt: int) -> Iterator[Finding]:
    content = ln.content
    lead = len(content) - len(content.lstrip(" \t"))
    m = _LEGACY.match(content, lead)
    if m is None:
        return
    kind = LEGACY.get(m.group("word").upper())
    if kind is None or not (m.group("c1") or m.group("c2") or not m.group("rest").strip()):
        return  # `**Note** that...` is prose, not a callout
    number = ln.number
    bold = m.group("bold") + m.group("c2")
    fix = None
    # Only the plain case is rewritten: a top-level quote, whose new first line cannot
    # land inside a list or another quote.
    if quote.parent is None and not quote.in_list and not ln.text[:gt].strip():
        nl = ln.eol or doc.newline
        if m.group("rest").strip():
            end = ln.content_col + m.end("ws")
            replacement = f" [!{kind}]{nl}{ln.text[:gt]}> "
        else:
            end = len(ln.text)
            replacement = f" [!{kind}]"
        # From just after `>` to the text: the bold (and the gap before it) become the marker.
        fix = Fix(doc.offset(number, gt + 2), doc.offset(number, end + 1), replacement,
                  f"turn {bold} into > [!{kind}]")
    yield LEGACY_CALLOUT.at(
        doc.path, number, gt + 1,
        f"old-style callout `{bold}`: write a GitHub alert instead, `> [!{kind}]` alone on the "
        "first line, then the text on the next lines" + (" (docs-check --fix does it)" if fix else ""),
        fix=fix, end_line=number, end_column=ln.content_col + m.end("bold") + len(m.group("c2")) + 1,
    )


def _misplaced(doc: Document, marker_lines: set[int]) -> Iterator[Finding]:
    """`[!TYPE]` alone on a line GitHub does not look at: a second alert written without a
    blank line before it, or a marker whose `>` was forgotten."""
    for ln in doc.lines:
        if ln.kind != TEXT or "[!" not in ln.text or ln.number in marker_lines:
            continue
        masked = doc.masked(ln.number) or ""
        m = _LONE_MARKER.fullmatch(masked)
        if m is None:
            continue
        name = m.group("name").upper()
        if name not in TYPES:
            continue
        col = ln.content_col + masked.index("[") + 1
        if ln.quote_depth:
            how = f"leave a blank line before it so that `> [!{name}]` starts a quote of its own"
        else:
            how = f"write it as `> [!{name}]`, with `> ` before each line of the alert's text"
        yield MISPLACED.at(
            doc.path, ln.number, col,
            f"`[!{m.group('name')}]` is not the first line of a quote, so GitHub and this site "
            f"show it as text; {how}",
            end_line=ln.number, end_column=col + len(masked.strip()),
        )


# `case`: "upper" holds every alert type to `[!NOTE]` (alert-case, house style); "auto", the
# default, leaves a page that writes all its types in lower case (`[!note]`) as it is.
CASES = ("auto", "upper")


def validate_config(config: Config) -> None:
    """`[tool.docs-check.alerts]`: `case`, one of CASES; any other key is a typo."""
    check_section_keys(config, "alerts", ("case",))
    config.choice("alerts", "case", CASES)


CHECK = Check("alerts", RULES, run)
