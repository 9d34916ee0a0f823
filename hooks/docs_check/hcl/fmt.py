"""`terraform fmt`, byte for byte: terraform's rewrites, then hclwrite's whitespace rules.

Terraform (internal/command/fmt.go) parses the file with hclwrite, rewrites a few
expressions (interpolation-only strings, legacy quoted type names, bare collection
types, block labels to quoted form) and prints it; printing runs hclwrite's format()
over the flat token stream: each line is split into a "lead", an "assign" cell (from
`=` on, when the rest of the line is bracket-balanced) and a trailing-comment cell;
indentation comes from the net bracket count of each line; `=` signs and trailing
comments of consecutive lines are aligned. Only spaces between tokens ever change.
"""

from __future__ import annotations

import unicodedata

from . import tokens as T
from .parser import no_gc, parse_tokens, stack_guard
from .tokens import Token

_OPENERS = frozenset({T.OBRACE, T.OBRACK, T.OPAREN, T.TEMPLATE_CONTROL, T.TEMPLATE_INTERP})
_CLOSERS = frozenset({T.CBRACE, T.CBRACK, T.CPAREN, T.TEMPLATE_SEQ_END})
_TEMPLATE_TEXT_AFTER = frozenset({T.QUOTED_LIT, T.STRING_LIT, T.CQUOTE, T.CHEREDOC})
_TEMPLATE_TEXT_SUBJECT = frozenset({T.QUOTED_LIT, T.STRING_LIT, T.OQUOTE, T.OHEREDOC})
_NEGATION_BEFORE = frozenset(
    {
        T.OPAREN, T.OBRACE, T.OBRACK, T.EQUAL, T.COLON, T.COMMA, T.QUESTION,
        T.PLUS, T.STAR, T.SLASH, T.PERCENT, T.MINUS,
        T.EQUAL_OP, T.NOT_EQUAL, T.GT, T.GTE, T.LT, T.LTE,
        T.AND, T.OR, T.BANG,
    }
)  # fmt: skip
_NIL = Token("Nil", "", 0, 0, 0, 0)


def format_hcl(src: str, terraform: bool = True) -> str:
    """What `terraform fmt` writes for `src`. Raises HclSyntaxError when terraform would refuse it.

    `terraform=False` leaves out terraform's rewrites: hclwrite's whitespace rules alone, what
    `nomad fmt` and `packer fmt` write. Another tool reads `"${node.class}"` as its own runtime
    interpolation, which unwrapped to `node.class` would be an unknown variable."""
    with no_gc(), stack_guard():
        toks = T.lex(src)
        _, parser = parse_tokens(src, toks, build=False)
        if terraform:
            toks = _terraform_rewrites(toks, parser)
        _format(toks)
        return "".join([(" " * t.sb + t.text) if t.sb else t.text for t in toks])


# --- terraform's rewrites ------------------------------------------------------------


def _new(kind: str, text: str) -> Token:
    return Token(kind, text, 0, 0, 0, 0)


def _terraform_rewrites(toks: list[Token], parser) -> list[Token]:
    replace: dict[int, tuple[int, list[Token]]] = {}
    for first, last, labels in parser.label_spans:
        new: list[Token] = []
        for label in labels:
            new.append(_new(T.OQUOTE, '"'))
            if label:
                new.append(_new(T.QUOTED_LIT, _escape_label(label)))
            new.append(_new(T.CQUOTE, '"'))
        if [(t.kind, t.text) for t in toks[first : last + 1]] != [(t.kind, t.text) for t in new]:
            replace[first] = (last, new)
    for span in parser.attr_spans:
        expr = toks[span.first : span.last + 1]
        if span.path == ("variable",) and span.name == "type":
            new = _format_type_expr(expr)
        else:
            new = _format_value_expr(expr)
        if new is not expr:
            replace[span.first] = (span.last, new)
    if not replace:
        return toks
    out: list[Token] = []
    i = 0
    n = len(toks)
    while i < n:
        r = replace.get(i)
        if r is None:
            out.append(toks[i])
            i += 1
        else:
            out.extend(r[1])
            i = r[0] + 1
    return out


def _format_value_expr(tokens: list[Token]) -> list[Token]:
    """Unwrap an interpolation-only string "${x}" to x (terraform formatValueExpr)."""
    if len(tokens) < 5:
        return tokens
    if not (
        tokens[0].kind == T.OQUOTE
        and tokens[1].kind == T.TEMPLATE_INTERP
        and tokens[-2].kind == T.TEMPLATE_SEQ_END
        and tokens[-1].kind == T.CQUOTE
    ):
        return tokens
    inside = tokens[2:-2]
    quotes = 0
    for t in inside:
        k = t.kind
        if k == T.OQUOTE:
            quotes += 1
            continue
        if k == T.CQUOTE:
            quotes -= 1
            continue
        if quotes > 0:
            continue
        if k == T.TEMPLATE_INTERP or k == T.TEMPLATE_SEQ_END or k == T.QUOTED_LIT:
            return tokens
    start, end = 0, len(inside)
    while start < end and inside[start].kind == T.NEWLINE:
        start += 1
    while end > start and inside[end - 1].kind == T.NEWLINE:
        end -= 1
    trimmed = inside[start:end]
    multi_line = any(t.kind == T.NEWLINE for t in trimmed)
    if multi_line and not (trimmed and trimmed[0].kind == T.OPAREN and trimmed[-1].kind == T.CPAREN):
        return [_new(T.OPAREN, "("), *trimmed, _new(T.CPAREN, ")")]
    return trimmed


def _format_type_expr(tokens: list[Token]) -> list[Token]:
    """Legacy type constraints: "string" -> string, list -> list(any) (terraform formatTypeExpr)."""
    if len(tokens) == 1:
        kw = tokens[0]
        if kw.kind == T.IDENT and kw.text in ("list", "map", "set"):
            return [kw, _new(T.OPAREN, "("), _new(T.IDENT, "any"), _new(T.CPAREN, ")")]
        return tokens
    if len(tokens) == 3:
        o, s, c = tokens
        if o.kind != T.OQUOTE or s.kind != T.QUOTED_LIT or c.kind != T.CQUOTE:
            return tokens
        if s.text == "string":
            return [_new(T.IDENT, "string")]
        if s.text in ("list", "map"):
            return [_new(T.IDENT, s.text), _new(T.OPAREN, "("), _new(T.IDENT, "string"), _new(T.CPAREN, ")")]
    return tokens


def _escape_label(s: str) -> str:
    out: list[str] = []
    n = len(s)
    for i, c in enumerate(s):
        if c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c in "$%":
            out.append(c)
            if i + 1 < n and s[i + 1] == "{":
                out.append(c)
        elif c.isprintable():
            out.append(c)
        else:
            cp = ord(c)
            out.append(f"\\u{cp:04x}" if cp < 0x10000 else f"\\U{cp:08x}")
    return "".join(out)


# --- hclwrite's format() -------------------------------------------------------------


class _Line:
    __slots__ = ("assign", "comment", "lead")

    def __init__(self, lead: list[Token]) -> None:
        self.lead = lead
        self.assign: list[Token] | None = None
        self.comment: list[Token] | None = None


def _format(toks: list[Token]) -> None:
    # The EOF token belongs to no line, so the blanks before it (trailing whitespace at the
    # very end of the file) keep their count: hclwrite writes them back as spaces.
    lines = _lines_for_format(toks[:-1])
    _format_indent(lines)
    _format_spaces(lines)
    _format_cells(lines)


def _lines_for_format(toks: list[Token]) -> list[_Line]:
    newline, comment = T.NEWLINE, T.COMMENT
    ends = [
        i + 1
        for i, t in enumerate(toks)
        if t.kind is newline or (t.kind is comment and t.text[-1] == "\n")
    ]
    starts = [0, *ends]
    ends.append(len(toks))
    lines = [_Line(toks[a:b]) for a, b in zip(starts, ends, strict=True)]

    in_heredoc = False
    for line in lines:
        lead = line.lead
        if not lead:
            continue
        if in_heredoc:
            in_heredoc = not any(t.kind == T.CHEREDOC for t in lead)
            continue
        # A heredoc is normally one line here (its content lines are StringLit tokens, not
        # newlines); only a newline inside one of its interpolations leaves it open.
        for t in lead:
            if t.kind == T.OHEREDOC:
                in_heredoc = True
            elif t.kind == T.CHEREDOC:
                in_heredoc = False
        if lead[0].flag == 2:
            _placeholder_line(lead)
            continue
        if len(lead) > 1 and lead[-1].kind == T.COMMENT:
            line.comment = lead[-1:]
            line.lead = lead[:-1]
        _split_assign(line)
    return lines


def _placeholder_line(lead: list[Token]) -> None:
    """A placeholder line formats like the comment line it stands for: no cells, one space."""
    if len(lead) > 1 and lead[1].kind == T.COMMENT:
        c = lead[1]
        body = c.text.rstrip("\r\n")
        c.text = body.rstrip(" \t") + c.text[len(body) :]


def _split_assign(line: _Line) -> None:
    """Move `= value` of a one-line assignment out of the line's lead into its assign cell."""
    lead = line.lead
    for i in range(1, len(lead)):
        if lead[i].kind == T.EQUAL:
            if _net_brackets(lead[i:]) == 0:
                line.assign = lead[i:]
                line.lead = lead[:i]
            return


def _net_brackets(tokens: list[Token], *, stop_at_heredoc: bool = False) -> int:
    """Brackets opened minus brackets closed in `tokens` (up to a heredoc, if asked)."""
    net = 0
    for t in tokens:
        k = t.kind
        if k in _OPENERS:
            net += 1
        elif k in _CLOSERS:
            net -= 1
        elif stop_at_heredoc and k == T.OHEREDOC:
            break
    return net


def _format_indent(lines: list[_Line]) -> None:
    indents: list[int] = []
    for line in lines:
        lead = line.lead
        if not lead:
            continue
        if lead[0].kind == T.NEWLINE:
            lead[0].sb = 0
            continue
        net = _net_brackets(lead, stop_at_heredoc=True)
        if line.assign:
            net += _net_brackets(line.assign)
        if net > 0:
            lead[0].sb = 2 * len(indents)
            indents.append(net)
        else:
            if net < 0:
                _close_indents(indents, -net)
            lead[0].sb = 2 * len(indents)


def _close_indents(indents: list[int], closed: int) -> None:
    """Pop the indent levels `closed` brackets end (a level may hold several brackets)."""
    while closed > 0 and indents:
        top = indents[-1]
        if closed > top:
            closed -= top
            indents.pop()
        elif closed < top:
            indents[-1] = top - closed
            closed = 0
        else:
            indents.pop()
            closed = 0


def _format_spaces(lines: list[_Line]) -> None:
    for line in lines:
        _space_cell(line.lead)
        assign = line.assign
        if assign:
            assign[0].sb = 1
            _space_cell(assign)


_SPACE_CACHE: dict[tuple[str, str], int] = {}


def _space_cell(cell: list[Token]) -> None:
    # Most decisions depend on the two kinds alone; "-" (negation or subtraction) and the
    # keyword "in" also look at the token before, so they are never cached.
    if not cell:
        return
    cache = _SPACE_CACHE
    before = _NIL
    subject = cell[0]
    for after in cell[1:]:
        sk = subject.kind
        if sk == T.MINUS or (sk == T.IDENT and subject.text == "in"):
            after.sb = 1 if _space_after(subject, before, after) else 0
        else:
            key = (sk, after.kind)
            sb = cache.get(key)
            if sb is None:
                sb = cache[key] = 1 if _space_after(subject, before, after) else 0
            after.sb = sb
        before = subject
        subject = after


def _space_after(subject: Token, before: Token, after: Token) -> bool:
    """hclwrite's spacing rules, in its order: the tight pairs first, then the rest."""
    tight = _tight_pair(subject, before, after)
    if tight is not None:
        return tight
    sk = subject.kind
    ak = after.kind
    if sk == T.BANG:
        return False
    if sk == T.MINUS:
        bk = before.kind
        return not (bk == "Nil" or bk in _NEGATION_BEFORE)
    if sk == T.OBRACE or ak == T.CBRACE:
        return not (sk == T.OBRACE and ak == T.CBRACE)
    if (sk == T.TEMPLATE_INTERP or sk == T.TEMPLATE_CONTROL) and ak == T.OBRACE:
        return True
    if sk == T.CBRACE and ak == T.TEMPLATE_SEQ_END:
        return True
    if sk == T.TEMPLATE_SEQ_END and (ak == T.TEMPLATE_INTERP or ak == T.TEMPLATE_CONTROL):
        return False
    if sk in _OPENERS:
        return False
    return ak not in _CLOSERS


def _tight_pair(subject: Token, before: Token, after: Token) -> bool | None:
    """The first of hclwrite's rules: calls, `::`, `.`, `,`, `...`, template text, `in`, and
    index brackets. None when none of them decides."""
    sk = subject.kind
    ak = after.kind
    if ak == T.NEWLINE:
        return False
    if sk == T.IDENT and ak == T.OPAREN:
        return False
    if (sk == T.IDENT and ak == T.DOUBLE_COLON) or (sk == T.DOUBLE_COLON and ak == T.IDENT):
        return False
    if sk == T.DOT or ak == T.DOT:
        return False
    if ak == T.COMMA or ak == T.ELLIPSIS:
        return False
    if sk == T.COMMA:
        return True
    if sk in _TEMPLATE_TEXT_SUBJECT or ak in _TEMPLATE_TEXT_AFTER:
        return False
    if sk == T.IDENT and subject.text == "in" and before.kind == T.IDENT:
        return True
    if ak == T.OBRACK and (sk == T.IDENT or sk == T.NUMBER or sk in _CLOSERS):
        return False
    return None


def _columns(cell: list[Token]) -> int:
    n = 0
    for t in cell:
        n += t.sb + _width(t.text)
    return n


def _width(s: str) -> int:
    """Grapheme clusters in s (hclwrite counts columns with textseg)."""
    if s.isascii():
        return len(s) - s.count("\r\n")
    n = 0
    prev_zwj = False
    ri = 0
    for c in s:
        cp = ord(c)
        if prev_zwj:
            prev_zwj = False
            continue
        if cp == 0x200D:
            prev_zwj = True
            continue
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Mc", "Cf") or 0xFE00 <= cp <= 0xFE0F:
            continue
        if 0x1F3FB <= cp <= 0x1F3FF:
            continue
        if 0x1F1E6 <= cp <= 0x1F1FF:
            ri += 1
            if ri % 2 == 0:
                continue
        n += 1
    return n - s.count("\r\n")


def _format_cells(lines: list[_Line]) -> None:
    """Line up the `=` of consecutive attribute lines, then the trailing comments of
    consecutive commented lines (hclwrite's two alignment chains)."""
    _align(lines, lambda ln: ln.assign, lambda ln: _columns(ln.lead))
    _align(
        lines,
        lambda ln: ln.comment,
        lambda ln: _columns(ln.lead) + (_columns(ln.assign) if ln.assign else 0),
    )


def _align(lines: list[_Line], cell, width) -> None:
    """For each run of consecutive lines that have `cell(line)`, give each cell's first token
    the spaces that make every cell of the run start in the same column."""
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and cell(line) is not None:
            run.append(line)
            continue
        if run:
            widths = [width(ln) for ln in run]
            widest = max(widths)
            for ln, w in zip(run, widths, strict=True):
                cell(ln)[0].sb = widest - w + 1
            run = []
