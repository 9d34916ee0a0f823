"""A formatting-insensitive view of a file's structure, to check that formatting changed only layout.

`structure(src)` is the parse tree reduced to block types, label values, attribute names,
placeholders and, for each attribute, its expression's token texts without whitespace,
newlines or comments. Terraform's deliberate rewrites (interpolation-only strings unwrapped,
legacy type names) are normalised away first, so `structure(format_hcl(x)) == structure(x)`.
"""

from __future__ import annotations

from docs_check.hcl import tokens as T
from docs_check.hcl.nodes import Attribute, Block, Body, Ellipsis
from docs_check.hcl.parser import parse

_SKIP = frozenset({T.NEWLINE, T.COMMENT, T.EOF})
_LEGACY_TYPES = {
    ("string",): ("string",),
    ("list",): ("list", "(", "any", ")"),
    ("map",): ("map", "(", "any", ")"),
    ("set",): ("set", "(", "any", ")"),
    ('"', "string", '"'): ("string",),
    ('"', "list", '"'): ("list", "(", "string", ")"),
    ('"', "map", '"'): ("map", "(", "string", ")"),
}


def structure(src: str) -> tuple:
    return _body(parse(src), ())


def _body(body: Body, path: tuple[str, ...]) -> tuple:
    out: list[tuple] = []
    for item in body.items:
        if isinstance(item, Attribute):
            toks = _expr_tokens(item.expr.text)
            if path == ("variable",) and item.name == "type":
                toks = _LEGACY_TYPES.get(toks, toks)
            else:
                toks = _unwrap(toks)
            out.append(("attr", item.name, toks))
        elif isinstance(item, Block):
            out.append(("block", item.type, tuple(item.labels), _body(item.body, (*path, item.type))))
        elif isinstance(item, Ellipsis):
            out.append(("...",))
    return tuple(out)


def _expr_tokens(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in T.lex(text) if t.kind not in _SKIP)


def _unwrap(toks: tuple[str, ...]) -> tuple[str, ...]:
    """ "${x}" -> x, and drop one pair of wrapping parentheses (terraform adds them to multi-line x)."""
    if len(toks) >= 5 and toks[0] == '"' and toks[1] in ("${", "${~") and toks[-2] in ("}", "~}") and toks[-1] == '"':
        inner = toks[2:-2]
        if ("${" not in inner and "}" not in inner) or _balanced(inner):
            toks = inner
    if len(toks) >= 2 and toks[0] == "(" and toks[-1] == ")" and _balanced(toks[1:-1]):
        toks = toks[1:-1]
    return toks


def _balanced(toks: tuple[str, ...]) -> bool:
    depth = 0
    for t in toks:
        if t in ("(", "[", "{", "${", "%{"):
            depth += 1
        elif t in (")", "]", "}", "~}"):
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
