"""HCL fences that do not parse on purpose: what a page shows that is not a configuration.

`tf-syntax` reports a Terraform block that does not parse, because a reader who copies it gets
an error. Pages also show HCL that is not meant to be copied whole, and reporting it would be
crying wolf; each kind below was met on a real tree (the sample is named):

- a value left blank for the reader (`topology_key = # add your node group label here`);
- settings to pick one from, each under its comment, or under `# Old` and again `# New`;
- entries to add to a map (`"your-stack" = file(...)`);
- a variable's type shown alone (`list(object({...}))`, terraform-docs' "Type:" sections),
  or an input's value (`[ { key_name = "group-key-1" } ]`, IBM's deployable architectures);
- a formula in Terraform 0.11's interpolation (`${ cidrsubnet(...) }`);
- an excerpt the page says is cut short ("truncated for brevity") that stops inside its block;
- a change shown as a diff (`- replica_count = 3`, `+ instances = {`);
- lines left out under a marker of the writer's own (`[..]`, `[...]`, `…`) where HCL's is `...`;
- a function call shown alone (`lookup("name", var.parameter, "default")`), or expressions
  one a line (`[for s in var.list : upper(s)]  # a list`);
- a syntax explained with placeholders (`<block_type> <block_label> {`), or a value left as
  `<>` to fill in (`after_blanks`: the error left once they are filled, if any, is the block's);
- the values a field may take, as a union to pick one from (`direction = "in" | "out"`).
"""

from __future__ import annotations

import re

from ..hcl import HclSyntaxError, format_hcl
from ..scanner import Document, FencedBlock
from . import _snippets as S
from . import elision


def on_purpose(doc: Document, block: FencedBlock, text: str, error: HclSyntaxError) -> bool:
    """Is the block's syntax error one of the kinds a page shows on purpose? Judged with its
    placeholders filled: `<FUNCTION NAME>(<ARGUMENT 1>)` is a call shown alone (Terraform's
    own docs, seventy-third sample)."""
    text = _filled_blanks(text)
    return (_fill_in_the_blank(text, error) or _alternatives(text, error) or _map_entries(text, error)
            or _said_cut_short(doc, block, text) or _diff_of_hcl(text) or _type_constraint(text)
            or _value_shown_alone(text) or _calls_one_per_line(text) or _interpolation_shown(text)
            or _elided(text))


def _elided(text: str) -> bool:
    """Lines left out, marked `[..]` in a module block (Claranet's READMEs): with `...` there,
    the placeholder line the HCL engine knows, the block parses, so only the marker differs."""
    if not elision.has_other_marks(text):
        return False
    return S.parse_block(elision.with_engine_marks(text)).body is not None


# `topology_key = # add your node group label here`: a value left for the reader to write.
_FILL_IN = re.compile(r"^\s*[A-Za-z_][\w-]*\s*=\s*(?:#|//)")


def _fill_in_the_blank(text: str, error: HclSyntaxError) -> bool:
    """The syntax error is an attribute whose value is a comment telling the reader what to
    write: a deliberate blank, like a `...` line, not a broken example."""
    lines = text.split("\n")
    return 1 <= error.line <= len(lines) and _FILL_IN.match(lines[error.line - 1]) is not None


_ONE_LINE_SETTING = re.compile(r"[A-Za-z_][\w-]*\s*=\s*\S.*")
_COMMENT = re.compile(r"\s*(?:#|//)")


def _filled(lines: list[str]) -> list[str]:
    return [ln for ln in lines if ln.strip()]


def _only(lines: list[str], entry: re.Pattern[str]) -> bool:
    """Is every line a comment or an `entry` line?"""
    return all(_COMMENT.match(ln) or entry.fullmatch(ln) for ln in lines)


def _alternatives(text: str, error: HclSyntaxError) -> bool:
    """`image = ...` three times, each under a comment naming the form it shows (`# With a
    registry URL`), or settings under `# Old` and again under `# New` (an upgrade guide): a
    list to pick from, not one configuration. Only settings at the top level (no block), where
    a comment introduces the setting set again."""
    lines = text.split("\n")
    top = [ln for ln in _filled(lines) if not ln[:1].isspace()]
    if error.message != "Attribute redefined" or not _only(top, _TOP_LEVEL_LINE):
        return False
    before = _filled(lines[: error.line])
    return len(before) >= 2 and _COMMENT.match(before[-2]) is not None


# A line at the top level of a block of settings: a setting, or the closer of a multi-line value.
_TOP_LEVEL_LINE = re.compile(rf"{_ONE_LINE_SETTING.pattern}|[\]}})]+\s*")


_QUOTED_KEY = re.compile(r"\s*\"[^\"\n]+\"\s*=\s*\S.*")


def _map_entries(text: str, error: HclSyntaxError) -> bool:
    """`"your-stack" = file(...)` under "add to the lookup in the locals block": a quoted key
    is only written inside a map, so a block of such lines (and comments) shows entries to put
    into one, not a body that fails to parse."""
    lines = _filled(text.split("\n"))
    return (error.message == "Invalid argument name" and _only(lines, _QUOTED_KEY)
            and any(not _COMMENT.match(ln) for ln in lines))


def _expression(source: str) -> bool:
    """Does `source` parse as one HCL expression (the value of an attribute)?"""
    return S.parse_block("x = " + source + "\n").body is not None


# A type constraint: `list(object({...}))`, `map(string)`, `string`.
_TYPE = re.compile(r"(?:(?:list|map|set|object|tuple)\s*\(|(?:string|number|bool|any)\s*$)")


def _type_constraint(text: str) -> bool:
    """A variable's type shown alone (`list(object({ name = string }))` under "Type:", as
    terraform-docs' document format writes it): a type expression, not a configuration body.
    A JSON object in an `hcl` fence is still told: it is no Terraform."""
    body = text.strip()
    return _TYPE.match(body) is not None and _expression(body)


# JSON's `"key": value`, which an `hcl` fence should not hold, against HCL's `key = value`.
_JSON_KEY = re.compile(r'"[^"\n]*"\s*:')
_HCL_ATTRIBUTE = re.compile(r"^\s*[A-Za-z_\"][\w.\"-]*\s*=", re.M)


# A function call: `lookup("parameter_name", var.parameter, "default_value")`.
_CALL = re.compile(r"[a-z][a-z0-9_]*\(")


def _value_shown_alone(text: str) -> bool:
    """An input's value shown alone (`[ { key_name = "group-key-1", ... } ]` under "Example
    Configuration", as IBM's deployable architectures document their inputs), or a function
    call (`lookup("name", var.parameter, "default")` under "give `lookup()` a default", in Cloud
    Posse's and Claranet's guides): an HCL expression, not a configuration body. JSON
    (`{"a": 1}`) is still told."""
    body = text.strip()
    if body.startswith(("[", "{")):
        if not _HCL_ATTRIBUTE.search(body) or _JSON_KEY.search(body):
            return False
    elif not _CALL.match(body):
        return False
    return _expression(body)


# An expression a tutorial shows alone on its line: a call or a `for` expression (not a JSON
# object or array, which an `hcl` fence should not hold).
_EXPRESSION_LINE = re.compile(rf"{_CALL.pattern}|[\[{{]\s*for\s")


def _calls_one_per_line(text: str) -> bool:
    """Expressions shown one a line, a comment giving each one's result (`upper("hello")
    # → "HELLO"`, `[for s in var.lista : upper(s)]  # gera lista`: tutorials' lists of
    built-in functions and `for` expressions)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip() and not _COMMENT.match(ln)]
    return bool(lines) and all(_EXPRESSION_LINE.match(ln) and _expression(ln) for ln in lines)


# Placeholders a page writes for what the reader fills in: the parts of a syntax it explains
# (`<block_type> <block_label> {`), or a value left empty (`transit_gateway_id = <>`).
_PLACEHOLDER = re.compile(r"<[A-Za-z_][\w -]*>|<>")


def after_blanks(text: str, error: HclSyntaxError) -> HclSyntaxError | None:
    """The syntax error left once each placeholder holds a name of its length (columns kept):
    None when the block then parses (a syntax explained, a value to fill in), else that error,
    which is the block's own (a brace missing after `id = <>`), not the blank's."""
    filled = _filled_blanks(text)
    return error if filled == text else S.parse_block(filled).error


# Items left out of a list or a call on its line: `[ "<ip>:<port>", ... ]` (Consul's docs).
_LEFT_OUT_ITEMS = re.compile(r"(?<=,)\s*(?:\.\.\.|\u2026)(?=\s*[\])])")
# The values a field may take, written as a union: `direction = "in" | "out"` (a module README's
# "structure" of an input, eighty-sixth sample). HCL has `||`, never a single `|`.
_OTHER_VALUES = re.compile(r'(?<=")[ \t]*\|[ \t]*"[^"\n]*"')


def _filled_blanks(text: str) -> str:
    """The text with each placeholder written as a name of its length, and items left out of a
    list and a union's other values as blanks (columns kept: an error left is told where the
    writer wrote it)."""
    if "<" in text:
        text = _PLACEHOLDER.sub(lambda m: "x" * len(m.group()), text)
    if "." in text or "\u2026" in text:
        text = _LEFT_OUT_ITEMS.sub(lambda m: " " * len(m.group()), text)
    if "|" in text:
        text = _OTHER_VALUES.sub(lambda m: " " * len(m.group()), text)
    return text


def _interpolation_shown(text: str) -> bool:
    """An expression shown as the interpolation it is written in (`${ cidrsubnet(...) }` under
    "Calculation logic", in Terraform 0.11's style): a formula explained, not a configuration."""
    body = text.strip()
    return (body.startswith("${") and body.endswith("}")
            and _expression(body[2:-1].strip()))


_MAX_OPEN = 6  # braces an excerpt may leave open (module, map, nested block...)
# What a writer says before an excerpt: "(truncated for brevity)", "abridged", "an excerpt".
_EXCERPT = re.compile(r"\b(?:truncat|brevity|abridg|abbreviat|shortened|excerpt|omitt|partial)", re.I)
_SAID_BEFORE = 3  # lines above the fence that may say so


def _said_cut_short(doc: Document, block: FencedBlock, text: str) -> bool:
    """An excerpt the page says it cuts short (an upgrade guide's `module "aurora" {` under
    "truncated for brevity"), which stops inside its block. Without the words, a block that
    lacks its closing brace is a brace forgotten, and broken for the reader who copies it."""
    above = range(max(1, block.open_line - _SAID_BEFORE), block.open_line)
    return any(_EXCERPT.search(doc.line(n).text) for n in above) and _cut_short(text)


def _cut_short(text: str) -> bool:
    """Does the text stop inside its block, every line at its depth? Closing its open braces
    makes it parse, and `terraform fmt` would leave every line as written. A brace forgotten
    in the middle (a map never closed before the next setting) puts lines at the wrong depth,
    and fmt would move them: that block is broken."""
    if text.rstrip().endswith(("}", "]", ")")):
        return False  # it ends on a closer: a brace is missing inside, not at the end
    written = text.rstrip("\n")
    for n in range(1, _MAX_OPEN + 1):
        closed = written + "\n" + "}\n" * n
        if S.parse_block(closed).body is not None:
            try:
                formatted = format_hcl(closed)
            except HclSyntaxError:
                return False
            return formatted.split("\n")[: written.count("\n") + 1] == written.split("\n")
    return False


_DIFF_MARKER = re.compile(r"^(\s*)[-+](?= )", re.M)


def _diff_of_hcl(text: str) -> bool:
    """A change shown as a diff in an HCL fence (`- replica_count = 3`, `+ instances = {`):
    without its `-`/`+` markers it is Terraform (or an excerpt of it), on purpose, not broken."""
    if not _DIFF_MARKER.search(text):
        return False
    plain = _DIFF_MARKER.sub(lambda m: m.group(1) + " ", text)
    return S.parse_block(plain).body is not None
