"""HCL2 native-syntax lexer, token for token what hclsyntax's scanner produces.

The formatter needs hclsyntax's exact token boundaries (hclwrite formats a flat token
stream), so this follows scan_tokens.rl: three modes (main, quoted template, heredoc
template), a brace counter to tell a template's closing `}` from an object's, and
single-line comments that swallow their newline.
"""

from __future__ import annotations

import re

from .errors import HclSyntaxError

# Token kinds. Plain strings: cheap to compare, readable in dumps.
IDENT = "Ident"
NUMBER = "NumberLit"
NEWLINE = "Newline"
COMMENT = "Comment"
OQUOTE = "OQuote"
CQUOTE = "CQuote"
QUOTED_LIT = "QuotedLit"
QUOTED_NEWLINE = "QuotedNewline"
STRING_LIT = "StringLit"
OHEREDOC = "OHeredoc"
CHEREDOC = "CHeredoc"
TEMPLATE_INTERP = "TemplateInterp"
TEMPLATE_CONTROL = "TemplateControl"
TEMPLATE_SEQ_END = "TemplateSeqEnd"
OBRACE = "{"
CBRACE = "}"
OBRACK = "["
CBRACK = "]"
OPAREN = "("
CPAREN = ")"
DOT = "."
COMMA = ","
STAR = "*"
SLASH = "/"
PERCENT = "%"
PLUS = "+"
MINUS = "-"
EQUAL = "="
LT = "<"
GT = ">"
BANG = "!"
QUESTION = "?"
COLON = ":"
EQUAL_OP = "=="
NOT_EQUAL = "!="
GTE = ">="
LTE = "<="
AND = "&&"
OR = "||"
DOUBLE_COLON = "::"
ELLIPSIS = "..."
FAT_ARROW = "=>"
BITWISE_AND = "&"
BITWISE_OR = "|"
BITWISE_NOT = "~"
BITWISE_XOR = "^"
SEMICOLON = ";"
BACKTICK = "`"
APOSTROPHE = "'"
INVALID = "Invalid"
EOF = "EOF"


class Token:
    """One token. Positions are offsets into the source; the parser turns them into line:column."""

    __slots__ = ("end", "flag", "idx", "kind", "sb", "start", "text")

    def __init__(self, kind: str, text: str, start: int, end: int, sb: int = 0, idx: int = -1) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.sb = sb  # spaces before (hclwrite's SpacesBefore)
        self.idx = idx  # position in the lexer's token list
        # For "...": 1 = alone on its line (a placeholder candidate), 2 = used as a placeholder.
        self.flag = 0

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, @{self.start})"


# Leading blanks are folded into every match: half as many regex calls.
_MAIN = re.compile(
    r"""
    [ \t]*(?:
    ([^\W\d][\w-]*)                                           # 1 identifier
    |(\r?\n)                                                  # 2 newline
    |([\[\](),.*/%+\-=<>!?:&|~^;`'])(?![=>&|.:/*<}])            # 3 single-char token, unambiguous
    |("(?:[^"\\$%\r\n]|\\[^\r\n]|\$\$\{|%%\{|[$%](?!\{))*")      # 4 whole plain string
    |([0-9](?:(?:[0-9.]|[eE][+-]?[0-9])*(?:[0-9]|[eE][+-]?[0-9]))?)  # 5 number
    |(\#[^\n]*\n?|//[^\n]*\n?|/\*.*?\*/)                       # 6 comment
    |(==|!=|>=|<=|&&|\|\||::|\.\.\.|=>)                        # 7 two/three-char operators
    |(<<-?[^\W\d][\w-]*\r?\n)                                  # 8 heredoc introducer
    |(")                                                       # 9 open quote (template)
    |(\{)                                                      # 10
    |(\})                                                      # 11
    |(~\})                                                     # 12 strip-marker close
    |([\[\](),.*/%+\-=<>!?:&|~^;`'])                           # 13 single-char tokens
    |(.)                                                       # 14 anything else
    |()\Z                                                      # 15 trailing blanks
    )
    """,
    re.VERBOSE | re.DOTALL,
)
_QUOTED = re.compile(
    r"""
    (\$\{~?|%\{~?)                                             # 1 interpolation / directive
    |(")                                                       # 2 close quote
    |(\$\$\{~?|%%\{~?|[$%]|(?:\\[^\r\n]|[^$%"\\\r\n])+)        # 3 literal
    |([\r\n]+)                                                 # 4 newline in a quoted string
    |(.)                                                       # 5 anything else
    """,
    re.VERBOSE | re.DOTALL,
)
_HEREDOC = re.compile(r"(\$\{~?|%\{~?)|(\$\$\{~?|%%\{~?|[$%]|[^$%\r\n]+)|(\r?\n)|(\r)")
_OWN_LINE_END = re.compile(r"[ \t]*(?:\r?\n|#|//|$)")

# Token kind by _MAIN group, for the groups that need no further thought.
_MAIN_KINDS = (None, IDENT, NEWLINE, None, None, NUMBER, COMMENT, *([None] * 9))
_HEREDOC_MODE = 2
_QUOTED_MODE = 1
_MAIN_MODE = 0


def lex(src: str) -> list[Token]:
    """Tokenise `src` like hclsyntax.LexConfig. Never raises: invalid input yields Invalid tokens."""
    lexer = _Lexer(src)
    n = lexer.n
    pos = 0
    if src.startswith("\ufeff"):
        pos = 1
        # hclwrite counts the blanks before a token in bytes from the start of the file, BOM
        # (3 bytes) included: only visible when nothing but blanks follows the BOM.
        lexer.prev_end = -2
    modes = lexer.modes
    while pos < n:
        mode = modes[-1]
        if mode[0] == _MAIN_MODE:
            pos = lexer.main(pos)
        elif mode[0] == _QUOTED_MODE:
            pos = lexer.quoted(pos)
        else:
            pos = lexer.heredoc(mode, pos)
    lexer.emit(EOF, n, n)
    return lexer.toks


class _Lexer:
    """The scanner's state between modes: the tokens so far, the brace counter, the braces
    at which a template interpolation returns to its template, and the mode stack."""

    __slots__ = ("braces", "modes", "n", "prev_end", "ret_braces", "src", "toks")

    def __init__(self, src: str) -> None:
        self.src = src
        self.n = len(src)
        self.toks: list[Token] = []
        self.braces = 0
        self.ret_braces: list[int] = []
        # mode stack entries: [mode, heredoc marker, at the start of a heredoc line]
        self.modes: list[list] = [[_MAIN_MODE, None, False]]
        self.prev_end = 0

    def emit(self, kind: str, s: int, e: int) -> Token:
        t = Token(kind, self.src[s:e], s, e, s - self.prev_end, len(self.toks))
        self.prev_end = e
        self.toks.append(t)
        return t

    def open_template(self) -> None:
        """`${` or `%{`: main mode until the matching `}`."""
        self.braces += 1
        self.ret_braces.append(self.braces)
        self.modes.append([_MAIN_MODE, None, False])

    def main(self, pos: int) -> int:
        """The hot loop: main-mode tokens until the mode changes or the text ends."""
        src, n, toks = self.src, self.n, self.toks
        append = toks.append
        main_match = _MAIN.match
        simple = _MAIN_KINDS
        prev_end = self.prev_end
        while pos < n:
            m = main_match(src, pos)
            g = m.lastindex
            s0, end = m.span(g)
            kind = simple[g]
            if kind is not None:
                append(Token(kind, src[s0:end], s0, end, s0 - prev_end, len(toks)))
                prev_end = end
            elif g == 3 or g == 7:
                text = src[s0:end]
                t = Token(text, text, s0, end, s0 - prev_end, len(toks))
                append(t)
                prev_end = end
                if text == "..." and _own_line(toks, src, end):
                    t.flag = 1
            elif g == 4:
                append(Token(OQUOTE, '"', s0, s0 + 1, s0 - prev_end, len(toks)))
                if end - s0 > 2:
                    append(Token(QUOTED_LIT, src[s0 + 1 : end - 1], s0 + 1, end - 1, 0, len(toks)))
                append(Token(CQUOTE, '"', end - 1, end, 0, len(toks)))
                prev_end = end
            else:
                self.prev_end = prev_end
                changed = self.main_other(g, s0, end)
                prev_end = self.prev_end
                if changed:
                    return end
            pos = end
        self.prev_end = prev_end
        return pos

    def main_other(self, g: int, s0: int, end: int) -> bool:
        """The main-mode tokens that open or close something; True when the mode changed."""
        if g == 8:
            text = self.src[s0:end]
            marker = text[3:] if text[2] == "-" else text[2:]
            self.emit(OHEREDOC, s0, end)
            self.modes.append([_HEREDOC_MODE, marker.rstrip("\r\n"), True])
            return True
        if g == 9:
            self.emit(OQUOTE, s0, end)
            self.modes.append([_QUOTED_MODE, None, False])
            return True
        if g == 10:
            self.emit(OBRACE, s0, end)
            self.braces += 1
        elif g == 11:
            return self.close_brace(s0, end)
        elif g == 12:
            self.emit(TEMPLATE_SEQ_END, s0, end)
            self.braces -= 1
            if self.ret_braces and self.ret_braces[-1] == self.braces + 1:
                self.ret_braces.pop()
                self.modes.pop()
                return True
        elif g == 13:
            self.emit(self.src[s0:end], s0, end)
        elif g == 14:
            self.emit(INVALID, s0, end)
        return False

    def close_brace(self, s0: int, end: int) -> bool:
        """`}`: the end of a template interpolation (back to its template), or of an object."""
        if self.ret_braces and self.ret_braces[-1] == self.braces:
            self.emit(TEMPLATE_SEQ_END, s0, end)
            self.braces -= 1
            self.ret_braces.pop()
            self.modes.pop()
            return True
        self.emit(CBRACE, s0, end)
        self.braces -= 1
        return False

    def quoted(self, pos: int) -> int:
        """One token of a quoted template."""
        src = self.src
        m = _QUOTED.match(src, pos)
        g = m.lastindex
        end = m.end()
        if g == 1:
            self.emit(TEMPLATE_INTERP if src[pos] == "$" else TEMPLATE_CONTROL, pos, end)
            self.open_template()
        elif g == 2:
            self.emit(CQUOTE, pos, end)
            self.modes.pop()
        elif g == 3:
            self.emit(QUOTED_LIT, pos, end)
        elif g == 4:
            self.emit(QUOTED_NEWLINE, pos, end)
        else:
            self.emit(INVALID, pos, end)
        return end

    def heredoc(self, mode: list, pos: int) -> int:
        """A heredoc's closing marker line, or literal text up to an interpolation or the
        end of the line, as one StringLit."""
        src, n = self.src, self.n
        if mode[2]:
            closed = self.heredoc_close(mode[1], pos)
            if closed is not None:
                return closed
        start = pos
        pos = _heredoc_literal_end(src, pos, n)
        if pos > start:
            self.emit(STRING_LIT, start, pos)
            last = src[pos - 1]
            if last == "\n":
                mode[2] = True
                return pos
            if last == "\r":  # a lone CR: the scanner gives up here
                self.emit(INVALID, pos, n)
                return n
            mode[2] = False
        if pos < n:
            m = _HEREDOC.match(src, pos)
            if m.lastindex == 1:
                end = m.end()
                self.emit(TEMPLATE_INTERP if src[pos] == "$" else TEMPLATE_CONTROL, pos, end)
                mode[2] = False
                self.open_template()
                return end
        return pos

    def heredoc_close(self, marker: str, pos: int) -> int | None:
        """At the start of a heredoc line: if it is the closing marker, emit it and its
        newline, leave heredoc mode and return the position after; else None."""
        src = self.src
        nl = src.find("\n", pos)
        if nl < 0:
            return None
        content_end = nl - 1 if nl > pos and src[nl - 1] == "\r" else nl
        if src[pos:content_end].strip() != marker:
            return None
        self.emit(CHEREDOC, pos, content_end)
        self.emit(NEWLINE, content_end, nl + 1)
        self.modes.pop()
        return nl + 1


def _heredoc_literal_end(src: str, pos: int, n: int) -> int:
    """Where a heredoc's literal run from `pos` ends: at an interpolation, after a newline,
    or after a lone CR."""
    while pos < n:
        m = _HEREDOC.match(src, pos)
        g = m.lastindex
        if g == 1:
            break
        pos = m.end()
        if g == 3 or g == 4:
            break
    return pos


def _own_line(toks: list[Token], src: str, end: int) -> bool:
    """Is the `...` just emitted alone on its line (bar a trailing comment)?"""
    if len(toks) >= 2:
        prev = toks[-2]
        if prev.kind != NEWLINE and not (prev.kind == COMMENT and prev.text.endswith("\n")):
            return False
    return _OWN_LINE_END.match(src, end) is not None


def check_invalid_tokens(src: str, toks: list[Token]) -> None:
    """The lexer-level errors hclsyntax reports before parsing (checkInvalidTokens)."""
    suspicious = _SUSPICIOUS
    for t in toks:
        if t.kind not in suspicious:
            continue
        msg = _INVALID_MESSAGES.get(t.kind)
        if msg is None:
            if t.text in ("\u201c", "\u201d"):
                msg = ("Invalid character", '"Curly quotes" are not valid here.')
            else:
                msg = ("Invalid character", "This character is not used within the language.")
        line = src.count("\n", 0, t.start) + 1
        col = t.start - (src.rfind("\n", 0, t.start) + 1) + 1
        if line == 1 and src[:1] == "\ufeff":
            col -= 1
        raise HclSyntaxError(msg[0], line, col, msg[1])


_INVALID_MESSAGES = {
    BITWISE_AND: ("Unsupported operator", 'Bitwise operators are not supported. Did you mean boolean AND ("&&")?'),
    BITWISE_OR: ("Unsupported operator", 'Bitwise operators are not supported. Did you mean boolean OR ("||")?'),
    BITWISE_NOT: ("Unsupported operator", 'Bitwise operators are not supported. Did you mean boolean NOT ("!")?'),
    BITWISE_XOR: ("Unsupported operator", "Bitwise operators are not supported."),
    BACKTICK: ("Invalid character", 'The "`" character is not valid. To create a multi-line string, use the "heredoc" syntax, like "<<EOT".'),
    APOSTROPHE: ("Invalid character", 'Single quotes are not valid. Use double quotes (") to enclose strings.'),
    SEMICOLON: ("Invalid character", 'The ";" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.'),
    QUOTED_NEWLINE: ("Invalid multi-line string", 'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the "heredoc" multi-line template syntax.'),
}
_SUSPICIOUS = frozenset(_INVALID_MESSAGES) | {INVALID}
