"""What a reader reads as words on a page: prose lines with everything that is not prose masked.

`Document.prose()` already drops code blocks, code spans, comments and front matter; this
module also masks URLs, link targets, HTML tags, attribute lists and heading anchors, and the
words of a link's text that name what it links to
(`[coder-logstream-kube](https://github.com/coder/coder-logstream-kube)`), keeping every
column, so that a finding points at the word in the source. `words` then splits a masked line
into the words a dictionary can judge, skipping every token shaped like an identifier
(snake_case, camelCase, dotted.names, paths, `--flags`, words with digits, ACRONYMS).
Generated pages and sections (`generated.py`) have no prose lines, nor has a file of code saved
under a Markdown name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..scanner import HEADING, TEXT, Document, Line, mask_inline
from . import generated
from .lexicon import ACRONYM

# -- masking: what is not prose on a prose line ------------------------------------------------

_MASKS = re.compile(
    "|".join(
        (
            r"^\s*\[[^\]]+\]:\s.*$",  # link reference definition
            r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)",  # inline link or image target, with its title
            r"\]\(@ref\s[^)]*\)",  # Documenter.jl's cross-reference, `[the example](@ref gr_demo_2)`
            r"\]\[[^\]]*\]",  # reference link label
            r"\[\^[^\]]+\]",  # footnote reference
            r"\[![A-Za-z]+\]",  # GitHub alert marker
            r"<(?P<tag>code|kbd|samp|var|pre|tt)\b[^>]*>.*?</(?P=tag)>",  # code in HTML (`<tt>`: RDoc's)
            r"<[A-Za-z/!?][^>]*>?",  # HTML tag with its attributes; autolink
            r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}",  # a Liquid comment
            r"\{[^{}]*\}+",  # attribute list, heading anchor {#id}, template expression
            r"&#?\w+;",  # HTML entity
            r":[\w+-]+:(?![^\s).,;!?])",  # emoji shortcode, :material-check:, `(:thumbs_up:)`
            r"\+\+[\w+-]+\+\+",  # pymdownx.keys ++ctrl+c++
        )
    ),
    re.M,
)
_MASK_FREE = re.compile(r"[^\[\]<{&:+]*")
# Costly to search for, so only searched for on lines that hold their marker.
_URL = re.compile(r"(?:https?|ftp|file|mailto):\S+|www\.\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^)\s]+)")
_REF_LINK = re.compile(r"\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?(?![(:])")
_REF_DEF = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)", re.M)
# A name without its separators: `coder-logstream.kube` and `coder_logstream_kube` read alike.
SQUEEZE = str.maketrans("", "", "_.-")
_DASHLESS = str.maketrans("", "", "_-")
_LABEL_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*")

# Whitespace-separated chunks; a chunk holding any of these characters is code-like
# (a path, an option, a variable, a key=value...), and none of its words are checked.
_CHUNK = re.compile(r"[^\s\u2014\u2013]+")
_CODE_LIKE = re.compile(r"^-|[/\\=@$%#~^|<>{}+]|\w\.\w|::|\w_\w|\d")
_SNAKE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+")
_EDGE = "\"'()[]*_.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb`"
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*['\u2019]?")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")

# -- reading prose -------------------------------------------------------------------------------


def mask(text: str, refs: dict[str, str] | None = None) -> str:
    """Blank out link targets, URLs, tags and other non-prose, keeping every column.

    `refs` maps the page's link reference labels (lowercase) to their targets, so the words
    of `[muffet]` or `[text][label]` that name the target are blanked as in inline links."""
    blank = _blank
    if "](" in text:
        text = _LINK.sub(_mask_link_names, text)
    if refs and "[" in text:
        text = _REF_LINK.sub(lambda m: _mask_ref_names(m, refs), text)
    if not _MASK_FREE.fullmatch(text):  # most lines hold none of the characters masks start at
        text = _MASKS.sub(blank, text)
    if ":" in text or "www." in text:
        text = _URL.sub(blank, text)
    if "@" in text:
        text = _EMAIL.sub(blank, text)
    if "TODO(" in text or "FIXME(" in text:
        text = _NOTE_OWNER.sub(blank, text)
    return text


# A note's owner, `TODO(miek)` (CoreDNS's plugin guide, hundred-and-seventeenth sample): a handle.
_NOTE_OWNER = re.compile(r"\b(?:TODO|FIXME)\([\w.-]+\)")


def link_references(doc: Document) -> dict[str, str]:
    """The page's link reference definitions, `[label]: target`, by lowercase label."""
    if "]:" not in doc.text:
        return {}
    return {m.group(1).lower(): m.group(2) for m in _REF_DEF.finditer(doc.text)}


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _mask_link_names(m: re.Match[str]) -> str:
    """In `[label](target)`, blank the label's words that the target names: a repository, a
    package or a person's profile (`[Eric Paulsen](https://github.com/ericpaulsen)`)."""
    label = _blank_named(m.group(1), m.group(2))
    return "[" + label + m.group()[1 + len(label):]


def _mask_ref_names(m: re.Match[str], refs: dict[str, str]) -> str:
    target = refs.get((m.group(2) or m.group(1)).lower())
    if target is None:
        return m.group()
    label = _blank_named(m.group(1), target)
    return "[" + label + m.group()[1 + len(label):]


def _blank_named(label: str, target: str) -> str:
    target = target.lower()
    squeezed = target.translate(SQUEEZE)

    def name(w: re.Match[str]) -> str:
        s = w.group().lower()
        named = len(s) >= 3 and (s in target or s.translate(_DASHLESS) in squeezed)
        return " " * len(s) if named else w.group()

    return _LABEL_WORD.sub(name, label)


# The longest words of the dictionary are under 30 letters; suggestions cost O(n^2) in length.
MAX_WORD = 45


def words(text: str) -> Iterator[tuple[int, str]]:
    """(index, word) for every word of a masked prose line that is worth looking up; a
    snake_case name is yielded whole, for `spell-code-in-prose`."""
    for chunk in _CHUNK.finditer(text):
        s = chunk.group()
        if len(s) > MAX_WORD:
            continue  # no English word is this long: a hash, an identifier or garbage
        # The common case, a bare word, is decided without the regexes below.
        if s.isalpha() and s.isascii() and len(s) > 1 and (s.islower() or s[1:].islower()):
            yield chunk.start(), s
            continue
        lead = len(s) - len(s.lstrip(_EDGE))
        core = s.strip(_EDGE)
        if not core:
            continue
        if _CODE_LIKE.search(core):
            if _SNAKE.fullmatch(core) and not core.isupper():
                yield chunk.start() + lead, core
            continue
        yield from _words_of(core, chunk.start() + lead)


# A word with emphasis inside it, `**n**avigate` (a letter in bold, Spacelift's docs,
# ninetieth sample): one word, read without the markers.
_EMPHASIS_INSIDE = re.compile(r"[A-Za-z]+(?:\*{1,3}[A-Za-z]+)+")


def _words_of(core: str, base: int) -> Iterator[tuple[int, str]]:
    if "*" in core and _EMPHASIS_INSIDE.fullmatch(core.strip("*")):
        core = core.replace("*", "")
    for m in _WORD.finditer(core):
        word = m.group().rstrip("'\u2019")
        if len(word) < 2 or not word.isascii():
            continue  # single letters; names and loanwords in other scripts
        bare = word.split("'")[0].split("\u2019")[0]
        if any(ACRONYM.fullmatch(p) for p in (bare, word)):
            continue
        if _CAMEL.search(word):
            continue  # camelCase identifiers and CamelCase product names
        yield base + m.start(), word


def prose(doc: Document) -> Iterator[tuple[Line, str]]:
    """Like `Document.prose()`, but code spans are matched across the lines of a paragraph.

    Writers who wrap lines (or use semantic line breaks) often break a code span over two
    lines; matching backticks line by line would then read the code as prose.
    """
    yield from _prose(doc)


def _prose(doc: Document) -> list[tuple[Line, str]]:
    """`prose()` as a list: every line of every page passes here, so it is one loop with the
    common cases inlined rather than a chain of generators (a fifth of spelling's time was
    the chain's overhead)."""
    out: list[tuple[Line, str]] = []
    group: list[Line] = []
    for ln in doc.lines:
        kind = ln.kind
        if kind == TEXT:
            if group and (ln.number != group[-1].number + 1 or (ln.content_col and ln.prefix.strip(" \t>"))):
                _paragraph(group, out)
                group = []
            group.append(ln)
            continue
        if group:
            _paragraph(group, out)
            group = []
        if kind == HEADING:
            out.append((ln, _HEADING_ANCHOR.sub(_blank, _mask_inline(ln.content))))
    if group:
        _paragraph(group, out)
    return out


# A heading's anchor in brackets after its title, as Elastic's docs write it
# (`### Other dependencies [_other_dependencies]`; hundred-and-twentieth sample): markup. A
# slug with a `-` or `_`, so a shortcut link ending a heading (`## About [Vector]`) is read.
_HEADING_ANCHOR = re.compile(r"(?<=\s)\[[a-z0-9]*[-_][a-z0-9_-]*\]\s*$")


def _mask_inline(text: str) -> str:
    """`mask_inline`, with its common cases decided here."""
    if "`" not in text and "<!--" not in text:
        return text  # only a backtick or an HTML comment starts what it blanks
    if "<!--" in text or "``" in text or "\\" in text:
        return mask_inline(text)
    # Single backticks, no escape: each backtick closes the span the one before opened, as
    # CommonMark pairs them, so the spans are what this regex finds left to right.
    return _SINGLE_TICK_SPAN.sub(_blank_span, text)


_SINGLE_TICK_SPAN = re.compile(r"`[^`]*`")


def _blank_span(m: re.Match[str]) -> str:
    span = m.group()
    return " " * len(span) if "\n" not in span else re.sub(r"[^\n]", " ", span)  # keeps line breaks


def _paragraph(group: list[Line], out: list[tuple[Line, str]]) -> None:
    if len(group) == 1:
        out.append((group[0], _without_directive(_mask_inline(group[0].content))))
        return
    contents = [ln.content for ln in group]
    masked = _mask_inline("\n".join(contents))
    pos = 0
    for ln, content in zip(group, contents, strict=True):
        n = len(content)
        out.append((ln, _without_directive(masked[pos : pos + n])))
        pos += n + 1


# A block directive's opener and type: Docusaurus' and VitePress' `:::note Title`, Material's
# `!!! note "Title"` and `??? tip`. The type is markup, not a word of the title after it
# (`:::note Note` is no repeated word; Backstage's docs, seventy-ninth sample).
_DIRECTIVE = re.compile(r"[ \t]*(?::{3,}|!!!|\?\?\?\+?)[ \t]*[A-Za-z][\w-]*")


def _without_directive(text: str) -> str:
    if text[:1] not in ":!? \t" or (m := _DIRECTIVE.match(text)) is None:
        return text
    return " " * m.end() + text[m.end():]


def prose_lines(
    doc: Document, generated_globs: tuple[str, ...] = (), keep_generated: bool = False
) -> list[tuple[Line, str, str]]:
    """(line, code spans masked, all non-prose masked) of every prose line that is not generated
    (by a marker, or by a glob of `generated_globs`), or of every one with `keep_generated`:
    a generator's prose is still the project's writers' (a setting's doc comment), evidence of
    the spelling they use though no finding there is theirs to fix."""
    if keep_generated:
        skip = None
    elif generated.matches(doc.path, generated_globs):
        return []
    else:
        skip = generated.generated_lines(doc)
    if isinstance(skip, range) or code_saved_as_markdown(doc):
        return []  # the whole page is generated, or no page at all
    refs = link_references(doc)
    free = _MASK_FREE.fullmatch
    out = []
    pre = _preformatted(doc) if "<pre" in doc.text else ()
    for line, masked in _prose(doc):
        if (skip is None or line.number not in skip) and line.number not in pre:
            # `mask` leaves a line without any character its masks start at as it is.
            if free(masked) and "@" not in masked and "www." not in masked:
                out.append((line, masked, masked))
            else:
                out.append((line, masked, mask(masked, refs)))
    return out


def _preformatted(doc: Document) -> set[int]:
    """The lines of HTML `<pre>` blocks, which the scanner reads as text: code, as a fence's
    lines are (TensorFlow's `<pre class="devsite-terminal">javac ...</pre>`, hundred-and-thirty-
    fourth sample)."""
    lines: set[int] = set()
    inside = False
    for ln in doc.lines:
        low = ln.content.lower()
        # A `<pre>` in a fenced example (```html) opens nothing.
        opened = None if inside or ln.kind != TEXT else _PRE_OPEN.search(low)
        if inside or opened:
            lines.add(ln.number)
            inside = "</pre>" not in low[opened.end() if opened else 0 :]
    return lines


_PRE_OPEN = re.compile(r"<pre[\s>]", re.IGNORECASE)


# A line of a configuration file: an assignment (`cluster_name = "x"`, `"VM Network" = [...]`,
# `KEY=value`), a block's opening (`sec_groups = {`, `resource "a" "b" {`) or its closing.
_CODE_LINE = re.compile(
    r"\s*(?:(?:[A-Za-z_][\w.-]*|\"[^\"]*\")\s*=\s*\S.*"
    r"|[A-Za-z_][\w-]*(?:\s+\"[^\"]*\")*\s*\{\s*|[\]})]+,?\s*)$"
)
CODE_FILE_LINES = 4  # fewer lines of that shape could be a short note's


def code_saved_as_markdown(doc: Document) -> bool:
    """Is the page a configuration file saved under a Markdown name: every line of text an
    assignment or a block's brace, its `#` comments read as headings (remche's
    `examples/existing-networks/README.md` is a `terraform.tfvars`; hundredth sample)? Its
    names are no prose to put in backticks; the file wants a fence, or another name."""
    # Every page passes here: a page of prose is told by its first line of text.
    lines = 0
    for ln in doc.lines:
        if ln.kind == TEXT:
            if not _CODE_LINE.match(ln.content):
                return False
            lines += 1
    return lines >= CODE_FILE_LINES


# A prose line's words for lookups (spelling's split, a page's variant).
TOKENS = re.compile(r"[^\W\d]\w*")  # a letter, then letters, digits or _: `v2`, `snake_case` whole
ASCII_TOKENS = re.compile(r"[A-Za-z_]\w*", re.ASCII)  # TOKENS for ASCII text

_SENTENCE_END = re.compile(r"(?:^|[.!?:;|]|^\s*(?:[-*+]|\d+[.)]|#+|>))\W*$")


def opens_sentence(text: str, index: int) -> bool:
    """Does the word at `index` of a prose line open a sentence, a list item, a heading or a
    table cell (where any word is capitalised), rather than sit inside one?"""
    return _SENTENCE_END.search(text, 0, index) is not None
