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
    toks: list[Token] = []
    append = toks.append
    n = len(src)
    pos = 0
    if src.startswith("\ufeff"):
        pos = 1
    braces = 0
    ret_braces: list[int] = []
    # mode stack entries: (mode, marker, start_of_line) ; heredoc state is mutable -> lists
    modes: list[list] = [[_MAIN_MODE, None, False]]
    # hclwrite counts the blanks before a token in bytes from the start of the file, BOM
    # (3 bytes) included: only visible when nothing but blanks follows the BOM.
    prev_end = -2 if pos else 0
    main_match = _MAIN.match
    simple = _MAIN_KINDS
    quoted_match = _QUOTED.match
    heredoc_match = _HEREDOC.match

    def emit(kind: str, s: int, e: int) -> Token:
        nonlocal prev_end
        t = Token(kind, src[s:e], s, e, s - prev_end, len(toks))
        prev_end = e
        append(t)
        return t

    while pos < n:
        mode = modes[-1]
        m0 = mode[0]
        if m0 == _MAIN_MODE:
            # The hot loop: stay here until the mode changes.
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
                elif g == 8:
                    text = src[s0:end]
                    marker = text[3:] if text[2] == "-" else text[2:]
                    emit(OHEREDOC, s0, end)
                    modes.append([_HEREDOC_MODE, marker.rstrip("\r\n"), True])
                    pos = end
                    break
                elif g == 9:
                    emit(OQUOTE, s0, end)
                    modes.append([_QUOTED_MODE, None, False])
                    pos = end
                    break
                elif g == 10:
                    emit(OBRACE, s0, end)
                    braces += 1
                elif g == 11:
                    if ret_braces and ret_braces[-1] == braces:
                        emit(TEMPLATE_SEQ_END, s0, end)
                        braces -= 1
                        ret_braces.pop()
                        modes.pop()
                        pos = end
                        break
                    emit(CBRACE, s0, end)
                    braces -= 1
                elif g == 12:
                    emit(TEMPLATE_SEQ_END, s0, end)
                    braces -= 1
                    if ret_braces and ret_braces[-1] == braces + 1:
                        ret_braces.pop()
                        modes.pop()
                        pos = end
                        break
                elif g == 13:
                    emit(src[s0:end], s0, end)
                elif g == 14:
                    emit(INVALID, s0, end)
                pos = end
        elif m0 == _QUOTED_MODE:
            m = quoted_match(src, pos)
            g = m.lastindex
            end = m.end()
            if g == 1:
                emit(TEMPLATE_INTERP if src[pos] == "$" else TEMPLATE_CONTROL, pos, end)
                braces += 1
                ret_braces.append(braces)
                modes.append([_MAIN_MODE, None, False])
            elif g == 2:
                emit(CQUOTE, pos, end)
                modes.pop()
            elif g == 3:
                emit(QUOTED_LIT, pos, end)
            elif g == 4:
                emit(QUOTED_NEWLINE, pos, end)
            else:
                emit(INVALID, pos, end)
            pos = end
        else:
            marker = mode[1]
            if mode[2]:
                nl = src.find("\n", pos)
                if nl >= 0:
                    content_end = nl - 1 if nl > pos and src[nl - 1] == "\r" else nl
                    if src[pos:content_end].strip() == marker:
                        emit(CHEREDOC, pos, content_end)
                        emit(NEWLINE, content_end, nl + 1)
                        modes.pop()
                        pos = nl + 1
                        continue
            # literal pieces up to an interpolation or the end of the line, as one StringLit
            start = pos
            while pos < n:
                m = heredoc_match(src, pos)
                g = m.lastindex
                if g == 1:
                    break
                pos = m.end()
                if g == 3:
                    break
                if g == 4:  # a lone CR: the scanner gives up here
                    break
            if pos > start:
                t = emit(STRING_LIT, start, pos)
                if t.text.endswith("\n"):
                    mode[2] = True
                    continue
                if t.text.endswith("\r"):
                    emit(INVALID, pos, n)
                    pos = n
                    break
                mode[2] = False
            if pos < n:
                m = heredoc_match(src, pos)
                if m.lastindex == 1:
                    end = m.end()
                    emit(TEMPLATE_INTERP if src[pos] == "$" else TEMPLATE_CONTROL, pos, end)
                    braces += 1
                    ret_braces.append(braces)
                    mode[2] = False
                    modes.append([_MAIN_MODE, None, False])
                    pos = end
    emit(EOF, n, n)
    return toks


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
