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
    __slots__ = ("col", "end", "end_col", "end_line", "flag", "idx", "kind", "line", "sb", "start", "text")

    def __init__(self, kind: str, text: str, start: int, end: int, line: int, col: int) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.line = line
        self.col = col
        self.end_line = line
        self.end_col = col
        self.sb = 0  # spaces before (hclwrite's SpacesBefore)
        # For "...": 1 = alone on its line (a placeholder candidate), 2 = used as placeholder.
        self.flag = 0
        self.idx = -1  # position in the lexer's token list

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.text!r}, {self.line}:{self.col})"


_MAIN = re.compile(
    r"""
    ([ \t]+)                                                   # 1 spaces
    |(\r?\n)                                                   # 2 newline
    |([0-9](?:(?:[0-9.]|[eE][+-]?[0-9])*(?:[0-9]|[eE][+-]?[0-9]))?)  # 3 number
    |([^\W\d][\w-]*)                                           # 4 identifier
    |(\#[^\n]*\n?|//[^\n]*\n?|/\*.*?\*/)                       # 5 comment
    |(==|!=|>=|<=|&&|\|\||::|\.\.\.|=>)                        # 6 two/three-char operators
    |(<<-?[^\W\d][\w-]*\r?\n)                                  # 7 heredoc introducer
    |(")                                                       # 8 open quote
    |(\{)                                                      # 9
    |(\})                                                      # 10
    |(~\})                                                     # 11 strip-marker close
    |([\[\]().,*/%+\-=<>!?:&|~^;`'])                           # 12 single-char tokens
    |(.)                                                       # 13 anything else
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
    line = 1
    line_start = 0
    braces = 0
    ret_braces: list[int] = []
    # mode stack entries: (mode, marker, start_of_line) ; heredoc state is mutable -> lists
    modes: list[list] = [[_MAIN_MODE, None, False]]
    prev_end = pos
    main_match = _MAIN.match
    quoted_match = _QUOTED.match
    heredoc_match = _HEREDOC.match

    def emit(kind: str, s: int, e: int) -> Token:
        nonlocal line, line_start, prev_end
        text = src[s:e]
        t = Token(kind, text, s, e, line, s - line_start + 1)
        t.sb = s - prev_end
        prev_end = e
        if "\n" in text:
            line += text.count("\n")
            line_start = s + text.rfind("\n") + 1
        t.end_line = line
        t.end_col = e - line_start + 1
        t.idx = len(toks)
        append(t)
        return t

    while pos < n:
        mode = modes[-1]
        m0 = mode[0]
        if m0 == _MAIN_MODE:
            m = main_match(src, pos)
            g = m.lastindex
            end = m.end()
            if g == 1:
                pass
            elif g == 2:
                emit(NEWLINE, pos, end)
            elif g == 3:
                emit(NUMBER, pos, end)
            elif g == 4:
                emit(IDENT, pos, end)
            elif g == 5:
                emit(COMMENT, pos, end)
            elif g == 6:
                text = m.group(6)
                t = emit(text, pos, end)
                if text == "..." and _own_line(toks, src, end):
                    t.flag = 1
            elif g == 7:
                text = m.group(7)
                marker = text[3:] if text[2] == "-" else text[2:]
                marker = marker.rstrip("\r\n")
                emit(OHEREDOC, pos, end)
                modes.append([_HEREDOC_MODE, marker, True])
            elif g == 8:
                emit(OQUOTE, pos, end)
                modes.append([_QUOTED_MODE, None, False])
            elif g == 9:
                emit(OBRACE, pos, end)
                braces += 1
            elif g == 10:
                if ret_braces and ret_braces[-1] == braces:
                    emit(TEMPLATE_SEQ_END, pos, end)
                    braces -= 1
                    ret_braces.pop()
                    modes.pop()
                else:
                    emit(CBRACE, pos, end)
                    braces -= 1
            elif g == 11:
                emit(TEMPLATE_SEQ_END, pos, end)
                if ret_braces and ret_braces[-1] == braces:
                    ret_braces.pop()
                    modes.pop()
                braces -= 1
            elif g == 12:
                emit(m.group(12), pos, end)
            else:
                emit(INVALID, pos, end)
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


def check_invalid_tokens(toks: list[Token]) -> None:
    """The lexer-level errors hclsyntax reports before parsing (checkInvalidTokens)."""
    for t in toks:
        k = t.kind
        if k in (IDENT, NUMBER, NEWLINE, COMMENT, QUOTED_LIT, STRING_LIT):
            continue
        msg = _INVALID_MESSAGES.get(k)
        if msg is None:
            if k == INVALID:
                if t.text in ("\u201c", "\u201d"):
                    msg = ("Invalid character", '"Curly quotes" are not valid here.')
                else:
                    msg = ("Invalid character", "This character is not used within the language.")
            else:
                continue
        raise HclSyntaxError(msg[0], t.line, t.col, msg[1])


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
