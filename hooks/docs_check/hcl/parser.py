"""HCL2 native-syntax parser: hclsyntax's grammar, acceptance and first error, in Python.

It follows hclsyntax/parser.go: a recursive-descent parser over the token stream, with
comments filtered out (a newline-terminated comment standing for that newline) and a
stack saying whether newlines are significant (they are in bodies and object
constructors, not inside parentheses, brackets or template sequences). It stops at the
first error, which is the first diagnostic hclsyntax reports for the same input.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from . import tokens as T
from .errors import HclSyntaxError
from .nodes import ELLIPSIS, Attribute, Block, Body, Ellipsis, Expression, ObjectItem, Traversal
from .tokens import Token

MAX_DEPTH = 100  # bracket/block nesting; beyond this we report an error instead of exhausting the stack

_NEWLINE = re.compile("\n")
_NUMBER_OK = re.compile(r"[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?\Z")
_ESCAPE = re.compile(r"\\(.)?|\$\$\{|%%\{", re.DOTALL)
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")
_HEX8 = re.compile(r"[0-9a-fA-F]{8}")

# Binary operators by precedence, lowest first (hclsyntax/operation.go).
_BINARY_LEVELS = [
    {T.OR},
    {T.AND},
    {T.EQUAL_OP, T.NOT_EQUAL},
    {T.GT, T.GTE, T.LT, T.LTE},
    {T.PLUS, T.MINUS},
    {T.STAR, T.SLASH, T.PERCENT},
]
_PRECEDENCE = {op: i for i, level in enumerate(_BINARY_LEVELS) for op in level}


class _X:
    """An expression while parsing: its kind, token span and what the public node needs."""

    __slots__ = ("elements", "first", "items", "kind", "last", "t0", "t1", "value")

    def __init__(self, kind: str, first: Token, last: Token, t0: int, t1: int, value: str | None = None) -> None:
        self.kind = kind
        self.first = first
        self.last = last
        self.value = value
        self.t0 = t0
        self.t1 = t1
        self.items: list[tuple] = []
        self.elements: list[_X] = []


class AttrSpan:
    """Where a body attribute's expression sits in the token list, for terraform's rewrites."""

    __slots__ = ("first", "last", "name", "path")

    def __init__(self, path: tuple[str, ...], name: str, first: int, last: int) -> None:
        self.path = path
        self.name = name
        self.first = first
        self.last = last


class Parser:
    def __init__(self, src: str, toks: list[Token], build: bool = True) -> None:
        self.src = src
        # build=False only validates and records what the formatter needs: no public nodes.
        self.build = build
        self.toks = toks
        # Significant tokens: comments dropped, a newline-terminated comment becomes a newline.
        comment = T.COMMENT
        ft = [
            t if t.kind is not comment else Token(T.NEWLINE, "\n", t.start, t.end, 0, t.idx)
            for t in toks
            if t.kind is not comment or t.text[-1] == "\n"
        ]
        self.ft = ft
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(src)]
        self.p = 0
        self.nl = [True]
        self.depth = 0
        self.travs: list[Traversal | None] = []
        self.attr_spans: list[AttrSpan] = []
        self.label_spans: list[tuple[int, int, list[str]]] = []
        self.prev: Token = ft[0]

    # --- token access -------------------------------------------------------------

    def peek(self) -> Token:
        ft = self.ft
        i = self.p
        if not self.nl[-1]:
            while ft[i].kind == T.NEWLINE:
                i += 1
        return ft[i]

    def read(self) -> Token:
        ft = self.ft
        i = self.p
        if not self.nl[-1]:
            while ft[i].kind == T.NEWLINE:
                i += 1
        t = ft[i]
        if t.kind != T.EOF:
            i += 1
        self.p = i
        self.prev = t
        return t

    def lc(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a source offset."""
        line = bisect_right(self.line_starts, offset)
        col = offset - self.line_starts[line - 1] + 1
        if line == 1 and self.src[:1] == "\ufeff" and offset:
            col -= 1  # hcl does not count a byte order mark as a column
        return line, col

    def fail(self, summary: str, tok: Token, detail: str = "") -> HclSyntaxError:
        line, col = self.lc(tok.start)
        return HclSyntaxError(summary, line, col, detail)

    def recovery_token(self, opener: str, closer: str) -> Token:
        """The token hclsyntax's recover() stops at: the next unnested closer, or EOF.

        hclsyntax reports a missing index bracket at that token rather than at the bad one
        (its diagnostic points at a variable that recover() then overwrites)."""
        nest = 0
        ft = self.ft
        skip_newlines = not self.nl[-1]
        for i in range(self.p, len(ft)):
            tok = ft[i]
            k = tok.kind
            if k == T.NEWLINE and skip_newlines:
                continue
            if k == opener:
                nest += 1
            elif k == closer:
                if nest < 1:
                    return tok
                nest -= 1
            elif k == T.EOF:
                return tok
        return ft[-1]

    def enter(self, tok: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail("Nesting too deep", tok, f"More than {MAX_DEPTH} levels of nested brackets or blocks.")

    # --- bodies -------------------------------------------------------------------

    def parse_file(self) -> Body:
        body = self.parse_body(T.EOF, (), None)
        return body

    def parse_body(self, end: str, path: tuple[str, ...], open_tok: Token | None) -> Body:
        items: list = []
        seen: dict[str, Token] = {}
        while True:
            nxt = self.peek()
            k = nxt.kind
            if k == end:
                self.read()
                break
            if k == T.NEWLINE:
                self.read()
                continue
            if k == T.IDENT:
                item = self.parse_body_item(path)
                if isinstance(item, Attribute):
                    if item.name in seen:
                        raise self.fail(
                            "Attribute redefined",
                            nxt,
                            f"The argument {item.name!r} was already set at line "
                            f"{self.lc(seen[item.name].start)[0]}. Each argument may be set only once.",
                        )
                    seen[item.name] = nxt
                items.append(item)
                continue
            if k == T.ELLIPSIS and nxt.flag:
                self.read()
                nxt.flag = 2
                items.append(Ellipsis(*self.lc(nxt.start)))
                continue
            bad = self.read()
            if bad.kind == T.OQUOTE:
                raise self.fail("Invalid argument name", bad, "Argument names must not be quoted.")
            if bad.kind == T.EOF and end == T.CBRACE and open_tok is not None:
                raise self.fail(
                    "Unclosed configuration block",
                    open_tok,
                    "There is no closing brace for this block before the end of the file.",
                )
            raise self.fail("Argument or block definition required", bad, "An argument or block definition is required here.")
        return Body(items)

    def parse_body_item(self, path: tuple[str, ...]):
        ident = self.read()
        nxt = self.peek()
        if nxt.kind == T.EQUAL:
            return self.finish_attribute(ident, path, single_line=False)
        if nxt.kind in (T.OQUOTE, T.OBRACE, T.IDENT):
            return self.finish_block(ident, path)
        raise self.fail(
            "Argument or block definition required",
            ident,
            'An argument or block definition is required here. To set an argument, use the equals sign "=" to '
            "introduce the argument value.",
        )

    def finish_attribute(self, ident: Token, path: tuple[str, ...], single_line: bool) -> Attribute:
        self.read()  # "="
        x = self.parse_expression()
        first = x.first.idx
        self.attr_spans.append(AttrSpan(path, ident.text, first, x.last.idx))
        if not single_line:
            end = self.peek()
            if end.kind not in (T.NEWLINE, T.EOF):
                if end.kind == T.COMMA:
                    raise self.fail(
                        "Unexpected comma after argument",
                        end,
                        "Argument definitions must be separated by newlines, not commas. "
                        "An argument definition must end with a newline.",
                    )
                raise self.fail("Missing newline after argument", end, "An argument definition must end with a newline.")
            self.read()
        if not self.build:
            return Attribute(ident.text, None, 0, 0, 0)  # type: ignore[arg-type]
        return Attribute(ident.text, self.expression(x), *self.lc(ident.start), self.lc(x.last.end)[0])

    def finish_block(self, ident: Token, path: tuple[str, ...]) -> Block:
        labels: list[str] = []
        label_cols: list[int] = []
        last_label = -1
        while True:
            tok = self.peek()
            k = tok.kind
            if k == T.OBRACE:
                open_tok = self.read()
                break
            if k == T.OQUOTE:
                labels.append(self.parse_quoted_literal())
                label_cols.append(self.lc(tok.start)[1])
                last_label = self.prev.idx
                continue
            if k == T.IDENT:
                self.read()
                labels.append(tok.text)
                label_cols.append(self.lc(tok.start)[1])
                last_label = tok.idx
                continue
            if k == T.EQUAL:
                raise self.fail(
                    "Invalid block definition",
                    tok,
                    'The equals sign "=" indicates an argument definition, and must not be used when defining a block.',
                )
            if k == T.NEWLINE:
                raise self.fail(
                    "Invalid block definition",
                    tok,
                    'A block definition must have block content delimited by "{" and "}", starting on the same line '
                    "as the block header.",
                )
            raise self.fail(
                "Invalid block definition", tok, 'Either a quoted string block label or an opening brace ("{") is expected here.'
            )
        if labels:
            # terraform rewrites everything from after the type name to the last label, so
            # comments there vanish (a comment after the last label stays).
            self.label_spans.append((ident.idx + 1, last_label, labels))
        self.enter(open_tok)
        inner = (*path, ident.text)
        if self.peek().kind in (T.NEWLINE, T.EOF, T.CBRACE):
            body = self.parse_body(T.CBRACE, inner, open_tok)
        else:
            body = self.parse_single_attr_body(inner)
            nxt = self.peek()
            if nxt.kind == T.CBRACE:
                self.read()
            elif nxt.kind == T.COMMA:
                raise self.fail(
                    "Invalid single-argument block definition",
                    nxt,
                    "Single-line block syntax can include only one argument definition. To define multiple arguments, "
                    "use the multi-line block syntax with one argument definition per line.",
                )
            elif nxt.kind == T.NEWLINE:
                raise self.fail(
                    "Invalid single-argument block definition",
                    nxt,
                    "An argument definition on the same line as its containing block creates a single-line block "
                    "definition, which must also be closed on the same line. Place the block's closing brace "
                    "immediately after the argument definition.",
                )
            else:
                raise self.fail(
                    "Invalid single-argument block definition",
                    nxt,
                    "A single-line block definition must end with a closing brace immediately after its single "
                    "argument definition.",
                )
        self.depth -= 1
        close = self.prev
        eol = self.peek()
        if eol.kind in (T.NEWLINE, T.EOF):
            self.read()
        else:
            raise self.fail("Missing newline after block definition", eol, "A block definition must end with a newline.")
        return Block(ident.text, labels, body, *self.lc(ident.start), self.lc(close.start)[0], label_cols)

    def parse_single_attr_body(self, path: tuple[str, ...]) -> Body:
        ident = self.read()
        if ident.kind != T.IDENT:
            raise self.fail("Argument or block definition required", ident, "An argument or block definition is required here.")
        nxt = self.peek()
        if nxt.kind == T.EQUAL:
            return Body([self.finish_attribute(ident, path, single_line=True)])
        if nxt.kind in (T.OQUOTE, T.OBRACE, T.IDENT):
            raise self.fail(
                "Argument definition required",
                ident,
                "A single-line block definition can contain only a single argument. To define a nested block, place "
                "it on a line of its own within its parent block.",
            )
        raise self.fail(
            "Argument or block definition required",
            ident,
            'An argument or block definition is required here. To set an argument, use the equals sign "=" to '
            "introduce the argument value.",
        )

    # --- expressions --------------------------------------------------------------

    def parse_expression(self) -> _X:
        cond = self.parse_binary(0)
        if self.peek().kind != T.QUESTION:
            return cond
        self.read()
        self.parse_expression()
        colon = self.peek()
        if colon.kind != T.COLON:
            raise self.fail(
                "Missing false expression in conditional",
                colon,
                "The conditional operator (...?...:...) requires a false expression, delimited by a colon.",
            )
        self.read()
        false = self.parse_expression()
        return _X("conditional", cond.first, false.last, cond.t0, len(self.travs))

    def parse_binary(self, min_level: int) -> _X:
        lhs = self.parse_with_traversals()
        while True:
            op = self.peek()
            level = _PRECEDENCE.get(op.kind)
            if level is None or level < min_level:
                return lhs
            self.read()
            rhs = self.parse_binary(level + 1)
            lhs = _X("operation", lhs.first, rhs.last, lhs.t0, len(self.travs))

    def parse_with_traversals(self) -> _X:
        term = self.parse_term()
        return self.parse_traversals(term)

    def parse_traversals(self, x: _X) -> _X:
        parts = None
        trav = None
        if x.kind == "traversal" and x.first is x.last and self.build:
            trav = self.travs[x.t0]
            parts = list(trav.parts)
        while True:
            if parts is not None and trav is not None and len(parts) != len(trav.parts):
                trav.parts = tuple(parts)
            k = self.peek().kind
            if k == T.DOT:
                self.read()
                parts = self.attribute_step(parts)
            elif k == T.OBRACK:
                parts = self.index_step(self.read(), parts)
            else:
                return x
            x = _X(x.kind, x.first, self.prev, x.t0, len(self.travs), x.value)

    def attribute_step(self, parts: list[str] | None) -> list[str] | None:
        """After a `.`: a name, a legacy index (`.0`) or an attribute-only splat (`.*`).
        Returns the traversal's parts so far, None once they are not static."""
        attr = self.peek()
        if attr.kind == T.IDENT:
            self.read()
            if parts is not None:
                parts.append(attr.text)
            return parts
        if attr.kind == T.NUMBER:
            self.read()
            self.check_legacy_index(attr)
            if parts is not None:
                parts.append(f"[{attr.text}]")
            return parts
        if attr.kind != T.STAR:
            raise self.fail("Invalid attribute name", attr, "An attribute name is required after a dot.")
        self.read()
        while self.peek().kind == T.DOT:
            self.read()
            step = self.peek()
            if step.kind == T.NUMBER:
                self.read()
                self.check_legacy_index(step)
                continue
            if step.kind != T.IDENT:
                if step.kind == T.STAR:
                    raise self.fail(
                        "Nested splat expression not allowed",
                        step,
                        "A splat expression (*) cannot be used inside another attribute-only splat expression.",
                    )
                raise self.fail("Invalid attribute name", attr, "An attribute name is required after a dot.")
            self.read()
        return None

    def index_step(self, open_tok: Token, parts: list[str] | None) -> list[str] | None:
        """After a `[`: a full splat (`[*]`) or an index expression. Returns the parts so far."""
        if self.peek().kind == T.STAR:
            self.read()
            close = self.read()
            if close.kind != T.CBRACK:
                raise self.fail(
                    "Missing close bracket on splat index",
                    self.recovery_token(T.OBRACK, T.CBRACK),
                    'The star for a full splat operator must be immediately followed by a closing bracket ("]").',
                )
            return None
        self.enter(open_tok)
        self.nl.append(False)
        t_before = len(self.travs)
        key = self.parse_expression()
        close = self.read()
        if close.kind != T.CBRACK:
            raise self.fail(
                "Missing close bracket on index",
                self.recovery_token(T.OBRACK, T.CBRACK),
                'The index operator must end with a closing bracket ("]").',
            )
        self.nl.pop()
        self.depth -= 1
        if parts is None:
            return None
        if key.kind in ("number", "string") and len(self.travs) == t_before:
            parts.append(f"[{key.value}]" if key.kind == "number" else f'["{key.value}"]')
            return parts
        return None

    def check_legacy_index(self, tok: Token) -> None:
        if "." in tok.text:
            a, b = tok.text.split(".", 1)
            raise self.fail(
                "Invalid legacy index syntax",
                tok,
                "When using the legacy index syntax, chaining two indexes together is not permitted. "
                f"Use the proper index syntax instead, like [{a}][{b}].",
            )
        self.check_number(tok)

    def check_number(self, tok: Token) -> None:
        if not _NUMBER_OK.match(tok.text):
            raise self.fail("Invalid number literal", tok, "Failed to recognize the value of this number literal.")

    def parse_term(self) -> _X:
        start = self.peek()
        k = start.kind
        t0 = len(self.travs)
        if k == T.IDENT:
            self.read()
            nxt = self.peek()
            if nxt.kind in (T.OPAREN, T.DOUBLE_COLON):
                return self.finish_function_call(start)
            name = start.text
            if name in ("true", "false"):
                return _X("bool", start, start, t0, t0, name)
            if name == "null":
                return _X("null", start, start, t0, t0)
            self.travs.append(Traversal((name,), *self.lc(start.start)) if self.build else None)
            return _X("traversal", start, start, t0, t0 + 1)
        if k == T.NUMBER:
            self.read()
            self.check_number(start)
            return _X("number", start, start, t0, t0, start.text)
        if k == T.OQUOTE or k == T.OHEREDOC:
            return self.parse_template()
        if k == T.OPAREN:
            self.read()
            self.enter(start)
            self.nl.append(False)
            self.parse_expression()
            close = self.peek()
            if close.kind != T.CPAREN:
                raise self.fail("Unbalanced parentheses", close, "Expected a closing parenthesis to terminate the expression.")
            self.read()
            self.nl.pop()
            self.depth -= 1
            return _X("other", start, close, t0, len(self.travs))
        if k == T.MINUS or k == T.BANG:
            self.read()
            self.enter(start)
            operand = self.parse_with_traversals()
            self.depth -= 1
            if k == T.MINUS and operand.kind == "number" and operand.first is operand.last:
                return _X("number", start, operand.last, t0, t0, "-" + (operand.value or ""))
            return _X("operation", start, operand.last, t0, len(self.travs))
        if k == T.OBRACK:
            return self.parse_tuple()
        if k == T.OBRACE:
            return self.parse_object()
        if k == T.EOF:
            raise self.fail("Missing expression", start, "Expected the start of an expression, but found the end of the file.")
        raise self.fail("Invalid expression", start, "Expected the start of an expression, but found an invalid expression token.")

    def finish_function_call(self, name: Token) -> _X:
        t0 = len(self.travs)
        open_tok = self.read()
        while open_tok.kind == T.DOUBLE_COLON:
            nxt = self.read()
            if nxt.kind != T.IDENT:
                raise self.fail(
                    "Missing function name", nxt, "Function scope resolution symbol :: must be followed by a function name in this scope."
                )
            open_tok = self.read()
        if open_tok.kind != T.OPAREN:
            raise self.fail(
                "Missing open parenthesis",
                open_tok,
                "Function selector must be followed by an open parenthesis to begin the function call.",
            )
        self.enter(open_tok)
        self.nl.append(False)
        while True:
            tok = self.peek()
            if tok.kind == T.CPAREN:
                close = self.read()
                break
            if tok.kind == T.ELLIPSIS and tok.flag:
                # a placeholder line standing for elided arguments
                self.read()
                tok.flag = 2
                if self.peek().kind == T.COMMA:
                    self.read()
                continue
            self.parse_expression()
            sep = self.read()
            if sep.kind == T.CPAREN:
                close = sep
                break
            if sep.kind == T.ELLIPSIS:
                sep.flag = 0
                if self.peek().kind != T.CPAREN:
                    raise self.fail(
                        "Missing closing parenthesis",
                        sep,
                        "An expanded function argument (with ...) must be immediately followed by closing parentheses.",
                    )
                close = self.read()
                break
            if sep.kind != T.COMMA:
                if sep.kind == T.EOF:
                    raise self.fail(
                        "Unterminated function call",
                        name,
                        "There is no closing parenthesis for this function call before the end of the file.",
                    )
                raise self.fail("Missing argument separator", sep, "A comma is required to separate each function argument from the next.")
            if self.peek().kind == T.CPAREN:
                close = self.read()
                break
        self.nl.pop()
        self.depth -= 1
        return _X("function", name, close, t0, len(self.travs))

    def open_collection(self, newlines: bool, closer: str) -> tuple[Token, int, _X | None]:
        """The start tuples and objects share: the bracket, then a whole `for` expression if
        that is what the brackets hold (returned as the third item)."""
        open_tok = self.read()
        t0 = len(self.travs)
        self.enter(open_tok)
        # `for` is looked for past newlines, as hcl does: a `for` expression is not
        # newline-sensitive though an object constructor is (`{\n  for e in l :\n  e => {...}`).
        self.nl.append(False)
        nxt = self.peek()
        self.nl[-1] = newlines
        if nxt.kind == T.IDENT and nxt.text == "for":
            x = self.finish_for(open_tok, closer)
            self.nl.pop()
            self.depth -= 1
            return open_tok, t0, x
        return open_tok, t0, None

    def parse_tuple(self) -> _X:
        open_tok, t0, x = self.open_collection(False, T.CBRACK)
        if x is not None:
            return x
        elements: list[_X] = []
        while True:
            nxt = self.peek()
            if nxt.kind == T.CBRACK:
                close = self.read()
                break
            if nxt.kind == T.ELLIPSIS and nxt.flag:
                self.read()
                nxt.flag = 2
                elements.append(_X("placeholder", nxt, nxt, len(self.travs), len(self.travs)))
                if self.peek().kind == T.COMMA:
                    self.read()
                continue
            elements.append(self.parse_expression())
            nxt = self.peek()
            if nxt.kind == T.CBRACK:
                close = self.read()
                break
            if nxt.kind == T.ELLIPSIS and nxt.flag:
                continue
            if nxt.kind != T.COMMA:
                if nxt.kind == T.EOF:
                    raise self.fail(
                        "Unterminated tuple constructor expression",
                        open_tok,
                        "There is no corresponding closing bracket before the end of the file. This may be caused by "
                        "incorrect bracket nesting elsewhere in this file.",
                    )
                raise self.fail("Missing item separator", nxt, "Expected a comma to mark the beginning of the next item.")
            self.read()
        self.nl.pop()
        self.depth -= 1
        x = _X("tuple", open_tok, close, t0, len(self.travs))
        x.elements = elements
        return x

    def parse_object(self) -> _X:
        open_tok, t0, x = self.open_collection(True, T.CBRACE)
        if x is not None:
            return x
        items: list[tuple] = []
        while True:
            nxt = self.peek()
            k = nxt.kind
            if k == T.NEWLINE:
                self.read()
                continue
            if k == T.CBRACE:
                close = self.read()
                break
            if k == T.ELLIPSIS and nxt.flag:
                self.read()
                nxt.flag = 2
                items.append((None, nxt, None))
                continue
            key_tok = nxt
            key = self.parse_expression()
            if key.kind == "traversal" and key.first is key.last:
                # A bare identifier key is the literal name, not a reference (hcl ObjectConsKeyExpr).
                self.travs[key.t0] = None
            nxt = self.peek()
            if nxt.kind not in (T.EQUAL, T.COLON):
                if nxt.kind in (T.NEWLINE, T.COMMA):
                    raise self.fail("Missing attribute value", nxt, 'Expected an attribute value, introduced by an equals sign ("=").')
                if nxt.kind == T.EOF:
                    raise self.fail(
                        "Unterminated object constructor expression",
                        open_tok,
                        "There is no corresponding closing brace before the end of the file. This may be caused by "
                        "incorrect brace nesting elsewhere in this file.",
                    )
                raise self.fail(
                    "Missing key/value separator", nxt, 'Expected an equals sign ("=") to mark the beginning of the attribute value.'
                )
            self.read()
            value = self.parse_expression()
            items.append((key, key_tok, value))
            nxt = self.peek()
            if nxt.kind == T.CBRACE:
                close = self.read()
                break
            if nxt.kind not in (T.COMMA, T.NEWLINE):
                if nxt.kind == T.EOF:
                    raise self.fail(
                        "Unterminated object constructor expression",
                        open_tok,
                        "There is no corresponding closing brace before the end of the file. This may be caused by "
                        "incorrect brace nesting elsewhere in this file.",
                    )
                raise self.fail(
                    "Missing attribute separator", nxt, "Expected a newline or comma to mark the beginning of the next attribute."
                )
            self.read()
        self.nl.pop()
        self.depth -= 1
        x = _X("object", open_tok, close, t0, len(self.travs))
        x.items = items
        return x

    def finish_for(self, open_tok: Token, close_kind: str) -> _X:
        t0 = len(self.travs)
        self.nl.append(False)
        self.read()  # "for"

        def bad(detail: str) -> HclSyntaxError:
            return self.fail("Invalid 'for' expression", self.peek(), detail)

        names = self.for_names(bad)
        self.parse_expression()
        if self.peek().kind != T.COLON:
            raise bad("For expression requires a colon after the collection expression.")
        self.read()
        body_t0 = len(self.travs)
        val = self.parse_expression()
        key = None
        if self.peek().kind == T.FAT_ARROW:
            self.read()
            key = val
            val = self.parse_expression()
        ellipsis = None
        if self.peek().kind == T.ELLIPSIS:
            ellipsis = self.read()
            ellipsis.flag = 0
        nxt = self.peek()
        if nxt.kind == T.IDENT and nxt.text == "if":
            self.read()
            self.parse_expression()
        if self.peek().kind != close_kind:
            raise bad("Extra characters after the end of the 'for' expression.")
        close = self.read()
        self.check_for_result(close_kind, key, val, ellipsis)
        # References to the iteration variables are not references to anything outside.
        travs = self.travs
        for i in range(body_t0, len(travs)):
            tr = travs[i]
            if tr is not None and tr.parts[0] in names:
                travs[i] = None
        self.nl.pop()
        return _X("for", open_tok, close, t0, len(self.travs))

    def for_names(self, bad: Callable[[str], HclSyntaxError]) -> set[str]:
        """`k, v in` of a for expression: the names of its iteration variables."""
        if self.peek().kind != T.IDENT:
            raise bad("For expression requires variable name after 'for'.")
        names = {self.read().text}
        if self.peek().kind == T.COMMA:
            self.read()
            if self.peek().kind != T.IDENT:
                raise bad("For expression requires value variable name after comma.")
            names.add(self.read().text)
        nxt = self.peek()
        if not (nxt.kind == T.IDENT and nxt.text == "in"):
            raise bad("For expression requires the 'in' keyword after its name declarations.")
        self.read()
        return names

    def check_for_result(self, close_kind: str, key: _X | None, val: _X, ellipsis: Token | None) -> None:
        """A tuple `for` takes no key and no grouping `...`; an object `for` needs a key."""
        if close_kind == T.CBRACK:
            if key is not None:
                raise self.fail("Invalid 'for' expression", key.first, "Key expression is not valid when building a tuple.")
            if ellipsis is not None:
                raise self.fail(
                    "Invalid 'for' expression", ellipsis, "Grouping ellipsis (...) cannot be used when building a tuple."
                )
        elif key is None:
            raise self.fail("Invalid 'for' expression", val.first, "Key expression is required when building an object.")

    # --- templates ----------------------------------------------------------------

    def parse_template(self) -> _X:
        open_tok = self.read()
        t0 = len(self.travs)
        heredoc = open_tok.kind == T.OHEREDOC
        closer = T.CHEREDOC if heredoc else T.CQUOTE
        literal: list[str] | None = []
        directives: list[tuple[str, Token]] = []
        self.nl.append(False)
        first_part = self.peek()
        while True:
            tok = self.read()
            k = tok.kind
            if k == closer:
                break
            if k == T.QUOTED_LIT or k == T.STRING_LIT:
                s = self.unescape(tok, quoted=k == T.QUOTED_LIT)
                if literal is not None:
                    literal.append(s)
                continue
            if k == T.TEMPLATE_INTERP:
                literal = None
                self.enter(tok)
                self.parse_expression()
                close = self.peek()
                if close.kind != T.TEMPLATE_SEQ_END:
                    if close.kind == T.EOF or (not heredoc and close.kind in (T.OQUOTE, T.CQUOTE)):
                        raise self.fail(
                            "Unclosed template interpolation sequence",
                            first_part,
                            "There is no closing brace for this interpolation sequence before the end of the "
                            "quoted template.",
                        )
                    raise self.fail(
                        "Extra characters after interpolation expression",
                        close,
                        "Expected a closing brace to end the interpolation expression, but found extra characters.",
                    )
                self.read()
                self.depth -= 1
                continue
            if k == T.TEMPLATE_CONTROL:
                literal = None
                self.parse_directive(tok, directives)
                continue
            raise self.fail("Unterminated template string", tok, "No closing marker was found for the string.")
        self.nl.pop()
        if directives:
            kw, tok = directives[-1]
            end_kw = "endif" if kw in ("if", "else") else "endfor"
            raise self.fail(
                "Unexpected end of template",
                self.prev,
                f"The control directive at line {self.lc(tok.start)[0]} is missing its corresponding %{{ {end_kw} }} marker.",
            )
        close = self.prev
        if heredoc:
            value = None
            if literal is not None:
                value = "".join(literal)
                if open_tok.text.startswith("<<-"):
                    value = _flush(value)
            return _X("heredoc", open_tok, close, t0, len(self.travs), value)
        if literal is not None:
            return _X("string", open_tok, close, t0, t0, "".join(literal))
        return _X("template", open_tok, close, t0, len(self.travs))

    def parse_directive(self, open_tok: Token, stack: list[tuple[str, Token]]) -> None:
        """One %{ ... } sequence; checks if/else/endif and for/endfor nest properly."""
        self.enter(open_tok)
        kw = self.peek()
        if kw.kind != T.IDENT:
            raise self.fail(
                "Invalid template directive",
                kw,
                'A template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.',
            )
        self.read()
        word = kw.text
        if word == "if":
            self.parse_expression()
            stack.append(("if", kw))
        elif word == "else":
            if not stack or stack[-1][0] != "if":
                raise self.fail("Unexpected else directive", open_tok, "An else clause is allowed only in an if directive.")
            stack[-1] = ("else", kw)
        elif word == "endif":
            if not stack or stack[-1][0] not in ("if", "else"):
                raise self.fail("Unexpected endif directive", open_tok, "There is no if directive for this endif to end.")
            stack.pop()
        elif word == "for":
            if self.peek().kind != T.IDENT:
                raise self.fail("Invalid 'for' directive", self.peek(), "For directive requires variable name after 'for'.")
            self.read()
            if self.peek().kind == T.COMMA:
                self.read()
                if self.peek().kind != T.IDENT:
                    raise self.fail(
                        "Invalid 'for' directive", self.peek(), "For directive requires value variable name after comma."
                    )
                self.read()
            nxt = self.peek()
            if not (nxt.kind == T.IDENT and nxt.text == "in"):
                raise self.fail("Invalid 'for' directive", nxt, "For directive requires 'in' keyword after names.")
            self.read()
            self.parse_expression()
            stack.append(("for", kw))
        elif word == "endfor":
            if not stack or stack[-1][0] != "for":
                raise self.fail("Unexpected endfor directive", open_tok, "There is no for directive for this endfor to end.")
            stack.pop()
        else:
            raise self.fail("Invalid template control keyword", kw, f"{word!r} is not a valid template control keyword.")
        close = self.peek()
        if close.kind != T.TEMPLATE_SEQ_END:
            raise self.fail(
                f"Extra characters in {word} marker", close, "Expected a closing brace to end the sequence, but found extra characters."
            )
        self.read()
        self.depth -= 1

    def unescape(self, tok: Token, quoted: bool) -> str:
        text = tok.text
        if "\\" not in text and "{" not in text:
            return text
        out: list[str] = []
        pos = 0
        for m in _ESCAPE.finditer(text):
            s = m.group(0)
            if s[0] != "\\":
                out.append(text[pos : m.start()])
                out.append(s[1:])
                pos = m.end()
                continue
            if not quoted:
                continue
            out.append(text[pos : m.start()])
            c = m.group(1)
            pos = m.end()
            if c == "n":
                out.append("\n")
            elif c == "r":
                out.append("\r")
            elif c == "t":
                out.append("\t")
            elif c == '"' or c == "\\":
                out.append(c)
            elif c in ("u", "U"):
                want = 4 if c == "u" else 8
                hx = (_HEX4 if c == "u" else _HEX8).match(text, pos)
                if not hx:
                    raise HclSyntaxError(
                        "Invalid escape sequence",
                        *self.lc(tok.start + m.start()),
                        f"The \\{c} escape sequence must be followed by {'four' if want == 4 else 'eight'} hexadecimal digits.",
                    )
                cp = int(hx.group(0), 16)
                out.append(chr(cp) if cp < 0x110000 and not 0xD800 <= cp < 0xE000 else "\ufffd")
                pos = hx.end()
            else:
                raise HclSyntaxError(
                    "Invalid escape sequence",
                    *self.lc(tok.start + m.start()),
                    f"The symbol {c!r} is not a valid escape sequence selector.",
                )
        out.append(text[pos:])
        return "".join(out)

    def parse_quoted_literal(self) -> str:
        """A block label: a quoted string without interpolation."""
        self.read()  # the opening quote
        out: list[str] = []
        while True:
            tok = self.read()
            k = tok.kind
            if k == T.CQUOTE:
                return "".join(out)
            if k == T.QUOTED_LIT:
                out.append(self.unescape(tok, quoted=True))
                continue
            if k in (T.TEMPLATE_INTERP, T.TEMPLATE_CONTROL):
                which = "$" if k == T.TEMPLATE_INTERP else "%"
                raise self.fail(
                    "Invalid string literal",
                    tok,
                    f'Template sequences are not allowed in this string. To include a literal "{which}", double it '
                    f'(as "{which}{which}") to escape it.',
                )
            if k == T.EOF:
                raise self.fail("Unterminated template string", tok, "No closing marker was found for the string.")
            raise self.fail("Invalid string literal", tok, "This item is not valid in a string literal.")

    # --- public nodes -------------------------------------------------------------

    def expression(self, x: _X) -> Expression:
        first, last = x.first, x.last
        travs = [t for t in self.travs[x.t0 : x.t1] if t is not None]
        e = Expression(
            self.src[first.start : last.end],
            *self.lc(first.start),
            *self.lc(last.end),
            x.kind if x.kind != "placeholder" else "other",
            x.value if x.kind in ("string", "number", "bool", "heredoc") else None,
            travs,
        )
        if x.kind == "object":
            for key, key_tok, value in x.items:
                if key is None:
                    pos = self.lc(key_tok.start)
                    ph = Expression(ELLIPSIS, *pos, *self.lc(key_tok.end), "other")
                    e.items.append(ObjectItem(ELLIPSIS, *pos, ph))
                    continue
                if key.kind == "string":
                    name = key.value or ""
                elif key.kind == "traversal" and key.first is key.last:
                    name = key.first.text
                else:
                    name = self.src[key.first.start : key.last.end]
                e.items.append(ObjectItem(name, *self.lc(key_tok.start), self.expression(value)))
        elif x.kind == "tuple":
            e.elements = [self.expression(el) for el in x.elements]
        return e


def _flush(value: str) -> str:
    """The content of a `<<-` heredoc: lines dedented by their smallest indentation."""
    lines = value.split("\n")
    indents = [len(ln) - len(ln.lstrip(" \t")) for ln in lines if ln.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(ln[cut:] for ln in lines)


def parse_tokens(src: str, toks: list[Token], build: bool = True) -> tuple[Body, Parser]:
    """Parse a lexed file. On invalid input, raise the error terraform lists first: it sorts
    its diagnostics by position, a lexer error (invalid character, newline in a string)
    winning a tie with the parser error it causes."""
    try:
        T.check_invalid_tokens(src, toks)
    except HclSyntaxError as lex_error:
        try:
            Parser(src, toks, build=False).parse_file()
        except HclSyntaxError as parse_error:
            if (parse_error.line, parse_error.column) < (lex_error.line, lex_error.column):
                raise parse_error from None
        raise
    parser = Parser(src, toks, build)
    body = parser.parse_file()
    return body, parser


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cycle collector: tokens and nodes hold no cycles, and its repeated full
    passes over a large input's many small objects would make parsing quadratic."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse(src: str) -> Body:
    """Parse HCL native syntax (with `...` placeholder lines) into a Body; raises HclSyntaxError."""
    with no_gc(), stack_guard():
        body, _ = parse_tokens(src, T.lex(src))
    return body


@contextmanager
def stack_guard() -> Iterator[None]:
    """MAX_DEPTH keeps recursion well inside Python's limit; this covers a caller that is
    itself already deep in the stack."""
    try:
        yield
    except RecursionError:
        raise HclSyntaxError("Nesting too deep", 1, 1, "The input nests too deeply to be parsed here.") from None
