"""Terraform/HCL engine: a pure-Python HCL2 lexer, parser and `terraform fmt`-exact formatter.

    from docs_check.hcl import parse, format_hcl, HclSyntaxError, ELLIPSIS

`parse(src)` returns a `nodes.Body`; `format_hcl(src)` returns what `terraform fmt` writes.
Both raise `HclSyntaxError` (message, line, column) where terraform reports a syntax error.
A line holding only `...` (optionally followed by a comment) is a placeholder for elided
content: an `Ellipsis` body item, an `ObjectItem` keyed `ELLIPSIS`, or a tuple element
with text "...", kept in place by the formatter.
"""

from .errors import HclSyntaxError
from .fmt import format_hcl
from .nodes import ELLIPSIS, Attribute, Block, Body, Ellipsis, Expression, ObjectItem, Traversal
from .parser import parse

__all__ = [
    "ELLIPSIS",
    "Attribute",
    "Block",
    "Body",
    "Ellipsis",
    "Expression",
    "HclSyntaxError",
    "ObjectItem",
    "Traversal",
    "format_hcl",
    "parse",
]
