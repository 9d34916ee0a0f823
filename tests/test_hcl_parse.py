"""The parser's public API, its syntax errors (at terraform's line and column) and its robustness."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docs_check.hcl import (
    ELLIPSIS,
    Attribute,
    Block,
    Ellipsis,
    HclSyntaxError,
    format_hcl,
    parse,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SAMPLE = """\
module "claude" {
  source   = "registry.coder.com/coder/claude-code/coder"
  version  = "4.0.0"
  agent_id = coder_agent.main.id
  env = {
    TOKEN        = var.token
    "quoted-key" = "v"
    ...
  }
  ...
}
resource "coder_ai_task" "task" {
  app_id = module.claude.task_app_id
  prompt = "${data.coder_parameter.p.value} more"
  list   = [local.a[0], local.m["k"].x, var.l[*].id, var.o.*.n]
  loop   = [for k, v in var.m : "${k}=${v}" if v != local.skip]
  num    = -3.5
  flag   = true
  none   = null
  doc    = <<-EOT
    hello
      world
  EOT
  cond   = var.x ? 1 : 2
  fn     = merge(var.a, local.b)
  op     = var.n + 1
  esc    = "a\\"b\\u00e9"
}
"""


def _attrs(block: Block) -> dict[str, Attribute]:
    return {a.name: a for a in block.body.items if isinstance(a, Attribute)}


def test_blocks_attributes_and_positions() -> None:
    body = parse(SAMPLE)
    module, task = body.items
    assert (module.type, module.labels, module.line, module.column, module.end_line) == ("module", ["claude"], 1, 1, 11)
    assert module.label_columns == [8]
    assert (task.type, task.labels, task.label_columns, task.line, task.end_line) == (
        "resource", ["coder_ai_task", "task"], [10, 26], 12, 28,
    )
    src = _attrs(module)["source"]
    assert (src.line, src.column, src.end_line) == (2, 3, 2)
    assert (src.expr.line, src.expr.column, src.expr.end_line, src.expr.end_column) == (2, 14, 2, 58)
    assert isinstance(module.body.items[-1], Ellipsis)
    assert (module.body.items[-1].line, module.body.items[-1].column) == (10, 3)


def test_expression_kinds_and_values() -> None:
    a = _attrs(parse(SAMPLE).items[1])
    kinds = {name: (attr.expr.kind, attr.expr.value) for name, attr in a.items()}
    assert kinds == {
        "app_id": ("traversal", None),
        "prompt": ("template", None),
        "list": ("tuple", None),
        "loop": ("for", None),
        "num": ("number", "-3.5"),
        "flag": ("bool", "true"),
        "none": ("null", None),
        "doc": ("heredoc", "hello\n  world\n"),
        "cond": ("conditional", None),
        "fn": ("function", None),
        "op": ("operation", None),
        "esc": ("string", 'a"b\u00e9'),
    }
    assert a["list"].expr.elements[1].text == 'local.m["k"].x'


def test_traversals() -> None:
    task = _attrs(parse(SAMPLE).items[1])
    assert [(t.parts, t.line, t.column) for t in task["app_id"].expr.traversals] == [
        (("module", "claude", "task_app_id"), 13, 12)
    ]
    assert [t.parts for t in task["prompt"].expr.traversals] == [("data", "coder_parameter", "p", "value")]
    assert [t.parts for t in task["list"].expr.traversals] == [
        ("local", "a", "[0]"), ("local", "m", '["k"]', "x"), ("var", "l"), ("var", "o"),
    ]
    # the for expression's own variables are not references
    assert [t.parts for t in task["loop"].expr.traversals] == [("var", "m"), ("local", "skip")]


def test_object_items_and_placeholders() -> None:
    env = _attrs(parse(SAMPLE).items[0])["env"].expr
    assert env.kind == "object"
    assert [(i.key, i.key_line, i.key_column) for i in env.items] == [
        ("TOKEN", 6, 5), ("quoted-key", 7, 5), (ELLIPSIS, 8, 5),
    ]
    assert env.items[0].value.traversals[0].parts == ("var", "token")
    # a bare key is a name, not a reference
    assert [t.parts for t in env.traversals] == [("var", "token")]


def test_placeholders_everywhere_they_may_stand() -> None:
    body = parse("...\nb {\n  ... # elided\n  x = [\n    1,\n    ...\n  ]\n  ...\n}\n")
    assert isinstance(body.items[0], Ellipsis)
    block = body.items[1]
    assert [type(i).__name__ for i in block.body.items] == ["Ellipsis", "Attribute", "Ellipsis"]
    assert [e.text for e in block.body.items[1].expr.elements] == ["1", "..."]


def test_ellipsis_inside_expressions_is_syntax_not_placeholder() -> None:
    body = parse("a = f(x...)\nb = {for k, v in m : v => k...}\nc = f(\n  x\n  ...\n)\n")
    assert [i.name for i in body.items] == ["a", "b", "c"]
    assert body.items[2].expr.kind == "function"
    with pytest.raises(HclSyntaxError):
        parse("a = ...\n")
    with pytest.raises(HclSyntaxError):
        parse("a = [for x in y : x...]\n")


# (source, line, column, summary): the error terraform lists first for each (see below).
# fmt: off
INVALID = [
    ('resource "a" "b" {\n  x = "abc\n}\n', 2, 11, 'Invalid multi-line string'),
    ('resource "a" "b" {\n  x = 1\n', 1, 18, 'Unclosed configuration block'),
    ('resource "a" "b" {\n  x = 1\n}\n}\n', 4, 1, 'Argument or block definition required'),
    ('resource "a" "b" {\n  x 1\n}\n', 2, 3, 'Argument or block definition required'),
    ('a = <<EOT\nhello\n', 3, 1, 'Unterminated template string'),
    ('a = 1 /* open\nb = 2\n', 1, 8, 'Invalid expression'),
    ('a = \n', 1, 5, 'Invalid expression'),
    ('a = "\\q"\n', 1, 6, 'Invalid escape sequence'),
    ("a = 'x'\n", 1, 5, 'Invalid character'),
    ('a = `x`\n', 1, 5, 'Invalid character'),
    ('a = 1; b = 2\n', 1, 6, 'Invalid character'),
    ('a = @x\n', 1, 5, 'Invalid character'),
    ('block = {\n}\nb "x" = {\n}\n', 3, 7, 'Invalid block definition'),
    ('a = 1\na = 2\n', 2, 1, 'Attribute redefined'),
    ('a = f(1, 2\n', 1, 5, 'Unterminated function call'),
    ('a = [1, 2\n', 1, 5, 'Unterminated tuple constructor expression'),
    ('a = [for x in y x]\n', 1, 17, "Invalid 'for' expression"),
    ('a = "%{ if x }y"\n', 1, 16, 'Unexpected end of template'),
    ('a = "${x"\n', 1, 6, 'Unclosed template interpolation sequence'),
    ('a = {\n  b = 1\n  c\n}\n', 3, 4, 'Missing attribute value'),
    ('a = x.\n', 1, 7, 'Invalid attribute name'),
    ('a = x[1\n', 2, 1, 'Missing close bracket on index'),
    ('b "x" {\n  c = 1 }\n', 2, 9, 'Missing newline after argument'),
    ('b "x" { c = 1\n}\n', 1, 14, 'Invalid single-argument block definition'),
    ('a = 1.2.3\n', 1, 5, 'Invalid number literal'),
    ('a = "x\\u12"\n', 1, 7, 'Invalid escape sequence'),
    ('a = "abc', 1, 9, 'Unterminated template string'),
    ('x = "a" "b"\n', 1, 9, 'Missing newline after argument'),
    ('b "x" {}c = 1\n', 1, 9, 'Missing newline after block definition'),
    ('a = 1,\nb = 2\n', 1, 6, 'Unexpected comma after argument'),
    ('a = x ? y\n', 1, 10, 'Missing false expression in conditional'),
    ('a = (1 + 2\n', 2, 1, 'Unbalanced parentheses'),
    ('b "x" y z {\n}\n"q" = 1\n', 3, 1, 'Invalid argument name'),
    ('a = <<EOT\n${x\nEOT\n', 3, 1, 'Extra characters after interpolation expression'),
    ('a = "%{ endif }"\n', 1, 6, 'Unexpected endif directive'),
    ('b x {\n  c = 1\n  d = [\n    1,\n    2\n  ]]\n}\n', 6, 4, 'Missing newline after argument'),
    ('a = "\x00"\nb\x00 = 1\n', 2, 1, 'Argument or block definition required'),
    ('a = x.*.*\n', 1, 9, 'Nested splat expression not allowed'),
    ('a = 1 +\n2\n', 1, 8, 'Invalid expression'),
    ('  é = 1\n  x = @\n', 2, 7, 'Invalid character'),
    ('a = {\n  b = 1 c = 2\n}\n', 2, 9, 'Missing attribute separator'),
    ('a = [for k, v in x : k => v]\n', 1, 22, "Invalid 'for' expression"),
    ('a = {for x in y : x}\n', 1, 19, "Invalid 'for' expression"),
    ('a {\n  b {\n    c = 1\n  }\n', 1, 3, 'Unclosed configuration block'),
    ('a = "${x}" # ok\nb = ~x\n', 2, 5, 'Unsupported operator'),
    ('a = "%{ if x }y%{ else }z%{ else }q%{ endif }"\n', 1, 26, 'Unexpected else directive'),
    ('a = "%{ for x in y }%{ endif }"\n', 1, 21, 'Unexpected endif directive'),
    ('a = <<EOT\n%{ if x }\nEOT\n', 3, 1, 'Unexpected end of template'),
    ('a = "${x', 1, 6, 'Unclosed template interpolation sequence'),
    ('a = <<EOT\n${x', 2, 1, 'Unclosed template interpolation sequence'),
    ('a = "${x:y}"\n', 1, 9, 'Extra characters after interpolation expression'),
    ('a = "${x} ${y z}"\n', 1, 15, 'Extra characters after interpolation expression'),
    ('resource "pct%{" "dollar${" {\n}\n', 1, 14, 'Invalid string literal'),
    ('a = x[z)\n]\nb = 1\n', 2, 1, 'Missing close bracket on index'),
    ('a = f(x[z) + [1]] + y]\n', 1, 17, 'Missing close bracket on index'),
    ('a = "${x} ${y"\n', 1, 6, 'Unclosed template interpolation sequence'),
]
# fmt: on


@pytest.mark.parametrize("source,line,column,summary", INVALID)
def test_syntax_errors_at_terraforms_position(source: str, line: int, column: int, summary: str) -> None:
    with pytest.raises(HclSyntaxError) as err:
        parse(source)
    assert (err.value.line, err.value.column, err.value.message) == (line, column, summary)
    with pytest.raises(HclSyntaxError):
        format_hcl(source)


def terraform_first_error(source: str, workdir: Path) -> tuple[int, int | None, str] | None:
    """The error `terraform fmt` lists first (it sorts them by position), with the column
    taken from `terraform validate -json`, which reports ranges but does not sort."""
    fmt = subprocess.run(
        ["terraform", "fmt", "-no-color", "-"], input=source.encode(), capture_output=True, check=False
    )
    first = re.search(r"Error: (.*)\n\n  on <stdin> line (\d+)", fmt.stderr.decode())
    if first is None:
        return None
    summary, line = first.group(1), int(first.group(2))
    (workdir / "main.tf").write_bytes(source.encode())
    validate = subprocess.run(
        ["terraform", "validate", "-json", "-no-color"], cwd=workdir, capture_output=True, text=True, check=False
    )
    for diag in json.loads(validate.stdout)["diagnostics"]:
        start = diag.get("range", {}).get("start", {})
        if diag["summary"] == summary and start.get("line") == line:
            return line, start["column"], summary
    return line, None, summary


@pytest.mark.skipif(shutil.which("terraform") is None, reason="no terraform binary on PATH")
@pytest.mark.parametrize("source,line,column,summary", INVALID)
def test_error_literals_still_match_terraform(source, line, column, summary, tmp_path) -> None:
    assert terraform_first_error(source, tmp_path) == (line, column, summary)


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n\n",
        "\x00\x00",
        "a = <<EOT\nnever closed",
        'a = "never closed',
        "a = 1 /* never closed",
        "a = ${",
        "}}}}",
        "a = " + "[" * 5000,
        "a = " + "(" * 5000 + "1" + ")" * 5000,
        "b {\n" * 3000,
        "a = " + "-" * 5000 + "1",
        'a = "${"${"${"${x}"}"}"}"\n',
        "\ufeffa = 1\n",
        "a = \"\\",
        "a = 1\r",
        "a = <<EOT\r\nx\r\nEOT\r\n",
    ],
)
def test_nasty_inputs_raise_only_syntax_errors(source: str) -> None:
    for fn in (parse, format_hcl):
        try:
            fn(source)
        except HclSyntaxError as err:
            assert err.line >= 1 and err.column >= 1


def test_deep_nesting_is_reported_not_crashed() -> None:
    with pytest.raises(HclSyntaxError) as err:
        parse("a = " + "[" * 5000 + "]" * 5000 + "\n")
    assert err.value.message == "Nesting too deep"
    assert parse("a = " + "[" * 50 + "]" * 50 + "\n").items[0].expr.kind == "tuple"


def test_huge_input_formats_and_parses() -> None:
    # How its time grows with size is measured by bench/bench_hcl_scaling.py, not here.
    unit = 'resource "a" "b%d" {\n  name  = "x"\n  count = var.n + 1\n  tags  = { a = 1 }\n}\n'
    source = "".join(unit % i for i in range(5000))  # ~350 kB
    assert format_hcl(source) == source
    items = parse(source).items
    assert len(items) == 5000
    assert [b.labels[1] for b in (items[0], items[-1])] == ["b0", "b4999"]


HCL_PIECES = [*'abc xyz01=.{}[]()"$%~\\#/*<>-+!?:,\n\t\r\x00é', "${", "%{", "<<EOT\n", "EOT", "...", "for", "in"]
HCLISH = st.lists(st.sampled_from(HCL_PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HCLISH)
def test_any_text_parses_or_raises_syntax_error(text: str) -> None:
    try:
        out = format_hcl(text)
    except HclSyntaxError:
        return
    assert format_hcl(out) == out
    parse(out)
