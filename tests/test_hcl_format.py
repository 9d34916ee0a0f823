"""The formatter on hand-made tricky cases, with `terraform fmt`'s output pasted in as literals.

Each case is (input, what Terraform 1.11's `terraform fmt` wrote for it). The expected texts
were produced by running terraform once; the tests run without it. When a terraform binary
is on PATH, `test_literals_still_match_terraform` re-checks every literal against it, in
one batch, so a drift in terraform's behaviour shows up as a failing test, not a stale one.
"""

from __future__ import annotations

import shutil

import pytest
from docs_check.hcl import HclSyntaxError, format_hcl
from hcl_compare import structure
from hcl_corpus import terraform_fmt_batch

# fmt: off
CASES = {
    "heredoc_plain_and_indented": (
        """\
resource "coder_script" "s" {
  agent_id = coder_agent.main.id
  script = <<EOT
#!/bin/bash
   keep   this   spacing
echo "${ var.name }"
EOT
  run_on_start = true
  flush = <<-EOT
      indented ${upper( var.x )}
    %{ if var.y ~}
      yes
    %{ endif ~}
    EOT
}
""",
        """\
resource "coder_script" "s" {
  agent_id     = coder_agent.main.id
  script       = <<EOT
#!/bin/bash
   keep   this   spacing
echo "${var.name}"
EOT
  run_on_start = true
  flush        = <<-EOT
      indented ${upper(var.x)}
    %{if var.y~}
      yes
    %{endif~}
    EOT
}
""",
    ),
    "nested_objects": (
        """\
locals {
  settings = {
    editor = {
      theme = "dark"
      font_size = 14
      extensions = ["a","b" ,  "c"]
    }
    env = { HOME = "/home/coder", SHELL = "/bin/bash" }
    empty = {}
    empty_list = [ ]
  }
}
""",
        """\
locals {
  settings = {
    editor = {
      theme      = "dark"
      font_size  = 14
      extensions = ["a", "b", "c"]
    }
    env        = { HOME = "/home/coder", SHELL = "/bin/bash" }
    empty      = {}
    empty_list = []
  }
}
""",
    ),
    "conditionals": (
        """\
locals {
  count = var.enabled?1:0
  name = var.name != "" ? var.name : "default"
  image = (
    var.gpu
    ? "gpu-image"
    : "cpu-image"
  )
  nested = var.a ? (var.b ? 1 : 2) : -1
}
""",
        """\
locals {
  count = var.enabled ? 1 : 0
  name  = var.name != "" ? var.name : "default"
  image = (
    var.gpu
    ? "gpu-image"
    : "cpu-image"
  )
  nested = var.a ? (var.b ? 1 : 2) : -1
}
""",
    ),
    "for_expressions": (
        """\
locals {
  upper = [for s in var.list : upper(s)]
  filtered = [ for s in var.list: s if s != "" ]
  by_key = {for k,v in var.map : k => v}
  grouped = {for x in var.items : x.kind => x.name...}
  multi = [
    for app in var.apps :
    app.name
    if app.enabled
  ]
  tuple_in = [for x in [1, 2]: x * 2]
}
""",
        """\
locals {
  upper    = [for s in var.list : upper(s)]
  filtered = [for s in var.list : s if s != ""]
  by_key   = { for k, v in var.map : k => v }
  grouped  = { for x in var.items : x.kind => x.name... }
  multi = [
    for app in var.apps :
    app.name
    if app.enabled
  ]
  tuple_in = [for x in [1, 2] : x * 2]
}
""",
    ),
    "splats_and_indexes": (
        """\
output "ids" {
  value = aws_instance.web[*].id
}
output "legacy" {
  value = aws_instance.web.*.private_ip
}
output "index" {
  value = var.list [ 0 ] . name
}
output "mixed" {
  value = module.m.out["key"][1].attr
}
""",
        """\
output "ids" {
  value = aws_instance.web[*].id
}
output "legacy" {
  value = aws_instance.web.*.private_ip
}
output "index" {
  value = var.list[0].name
}
output "mixed" {
  value = module.m.out["key"][1].attr
}
""",
    ),
    "templates_and_directives": (
        """\
locals {
  greeting = "Hello, ${ var.name }!"
  dollar = "cost: $$${var.price}"
  literal = "$${not_interpolated}"
  loop = "%{ for ip in var.ips }${ip} %{ endfor }"
  strip = "%{~ if var.x ~} on %{~ else ~} off %{~ endif ~}"
  only = "${var.whole}"
  two = "${var.a}${var.b}"
  nested = "${ lower("${var.inner}") }"
  obj = "${ {a = 1} }"
}
""",
        """\
locals {
  greeting = "Hello, ${var.name}!"
  dollar   = "cost: $$${var.price}"
  literal  = "$${not_interpolated}"
  loop     = "%{for ip in var.ips}${ip} %{endfor}"
  strip    = "%{~if var.x~} on %{~else~} off %{~endif~}"
  only     = var.whole
  two      = "${var.a}${var.b}"
  nested   = lower("${var.inner}")
  obj      = { a = 1 }
}
""",
    ),
    "comments_all_kinds": (
        """\
# hash comment
// slash comment
/* block comment */
/*
  multi-line block comment
*/
resource "a" "b" { # after brace
  name = "x" # trailing hash
  longer_name = "y" // trailing slashes
  mid = /* inline */ "z"
  last = 1 /* trailing block */
  # full-line comment inside
}
""",
        """\
# hash comment
// slash comment
/* block comment */
/*
  multi-line block comment
*/
resource "a" "b" {  # after brace
  name        = "x" # trailing hash
  longer_name = "y" // trailing slashes
  mid         = /* inline */ "z"
  last        = 1 /* trailing block */
  # full-line comment inside
}
""",
    ),
    "alignment_chains": (
        """\
resource "coder_agent" "main" {
  arch = "amd64"
  os = "linux"
  startup_script_behavior = "blocking"

  dir = "/home/coder"
  # a comment line breaks the chain
  auth = "token"
  connection_timeout = 200
  display_apps {
    vscode = true
    web_terminal = false
  }
  motd_file = "/etc/motd"
  env = {
    GIT_AUTHOR_NAME = "Coder"
    EMAIL = "x@example.com"
  }
  order = 1
  very_long_attribute_name = [
    "a",
  ]
  x = 2
}
""",
        """\
resource "coder_agent" "main" {
  arch                    = "amd64"
  os                      = "linux"
  startup_script_behavior = "blocking"

  dir = "/home/coder"
  # a comment line breaks the chain
  auth               = "token"
  connection_timeout = 200
  display_apps {
    vscode       = true
    web_terminal = false
  }
  motd_file = "/etc/motd"
  env = {
    GIT_AUTHOR_NAME = "Coder"
    EMAIL           = "x@example.com"
  }
  order = 1
  very_long_attribute_name = [
    "a",
  ]
  x = 2
}
""",
    ),
    "trailing_comment_alignment": (
        """\
locals {
  a = 1 # one
  bbbbbb = 2 # two
  cc = "three" # three

  d = 4 # after blank line
  eeee = { f = 5 } # object
  gg = 6
  h = 7 # after a line without comment
}
""",
        """\
locals {
  a      = 1       # one
  bbbbbb = 2       # two
  cc     = "three" # three

  d    = 4         # after blank line
  eeee = { f = 5 } # object
  gg   = 6
  h    = 7 # after a line without comment
}
""",
    ),
    "multi_line_values": (
        """\
resource "kubernetes_pod" "p" {
  metadata {
    labels = merge(var.labels, {
      app = "coder"
      name = "ws"
    })
  }
  args = [
    "--port", "8080",
    "--host",
    "0.0.0.0"
  ]
  command = ["sh", "-c",
  "echo hi"]
  value = jsonencode({
  a = 1
      bb = [1,
    2]
  })
}
""",
        """\
resource "kubernetes_pod" "p" {
  metadata {
    labels = merge(var.labels, {
      app  = "coder"
      name = "ws"
    })
  }
  args = [
    "--port", "8080",
    "--host",
    "0.0.0.0"
  ]
  command = ["sh", "-c",
  "echo hi"]
  value = jsonencode({
    a = 1
    bb = [1,
    2]
  })
}
""",
    ),
    "operators_and_unary": (
        """\
locals {
  sum = 1+2*3-4/2%3
  neg = -1
  neg_var = - var.x
  sub_neg = 5 - -3
  not = ! var.flag
  logic = var.a&&var.b||!var.c
  cmp = var.a>=1 && var.b<=2 && var.c==3 && var.d!=4 && var.e<5 && var.f>6
  paren = ( 1 + 2 ) * 3
  expand = concat(var.a, var.lists...)
  provider_fn = provider::terraform::encode_tfvars({ a = 1 })
}
""",
        """\
locals {
  sum         = 1 + 2 * 3 - 4 / 2 % 3
  neg         = -1
  neg_var     = -var.x
  sub_neg     = 5 - -3
  not         = !var.flag
  logic       = var.a && var.b || !var.c
  cmp         = var.a >= 1 && var.b <= 2 && var.c == 3 && var.d != 4 && var.e < 5 && var.f > 6
  paren       = (1 + 2) * 3
  expand      = concat(var.a, var.lists...)
  provider_fn = provider::terraform::encode_tfvars({ a = 1 })
}
""",
    ),
    "terraform_rewrites": (
        """\
variable "legacy_string" {
  type = "string"
}
variable "legacy_list" {
  type = "list"
}
variable "legacy_map" {
  type = "map"
}
variable "bare_set" {
  type = set
}
variable "already_fine" {
  type = list(string)
  default = "${var.other}"
}
resource aws_instance web {
  ami = "${var.ami}"
  tags = "${merge(var.tags, { Name = "web" })}"
  name = "web-${var.env}"
  type = "string"
  multi = "${
    var.x ? 1 : 2
  }"
}
""",
        """\
variable "legacy_string" {
  type = string
}
variable "legacy_list" {
  type = list(string)
}
variable "legacy_map" {
  type = map(string)
}
variable "bare_set" {
  type = set(any)
}
variable "already_fine" {
  type    = list(string)
  default = var.other
}
resource "aws_instance" "web" {
  ami   = var.ami
  tags  = merge(var.tags, { Name = "web" })
  name  = "web-${var.env}"
  type  = "string"
  multi = var.x ? 1 : 2
}
""",
    ),
    "blank_lines_kept": (
        """\


terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}



provider "coder" {}


""",
        """\


terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}



provider "coder" {}


""",
    ),
    "single_line_blocks": (
        """\
resource "a" "b" { name = "x" }
resource "a" "c" {}
resource "a" "d" {
}
data "coder_workspace" "me" {    }
locals { x = { a = 1, b = 2 } }
""",
        """\
resource "a" "b" { name = "x" }
resource "a" "c" {}
resource "a" "d" {
}
data "coder_workspace" "me" {}
locals { x = { a = 1, b = 2 } }
""",
    ),
    "crlf_line_endings": (
        'a = 1\r\nblock {\r\n  bb = 2 # c\r\n  c = "x"\r\n}\r\n',
        'a = 1\r\nblock {\r\n  bb = 2 # c\r\n  c  = "x"\r\n}\r\n',
    ),
    "tabs_and_odd_indent": (
        'block {\n\ta = 1\n\t\tbbb = 2\n      nested {\n    c = 3\n\t}\n}\n',
        """\
block {
  a   = 1
  bbb = 2
  nested {
    c = 3
  }
}
""",
    ),
    "no_trailing_newline": (
        'locals {\n  a = 1\n  bb = 2\n}',
        'locals {\n  a  = 1\n  bb = 2\n}',
    ),
    "comment_at_eof_without_newline": (
        'a = 1\n# last',
        'a = 1\n# last',
    ),
    "unicode_alignment": (
        """\
locals {
  name = "日本語" # wide chars
  émoji = "é" # accented key
  x = 1 # plain
}
""",
        """\
locals {
  name  = "日本語" # wide chars
  émoji = "é"   # accented key
  x     = 1     # plain
}
""",
    ),
    "placeholder_lines": (
        """\
module "claude-code" {
  source = "registry.coder.com/coder/claude-code/coder"
  version = "4.0.0"
  ...
  agent_id = coder_agent.main.id
        ... # other settings
  env = {
    ANTHROPIC_MODEL = "sonnet"
       ...
  }
  args = [
    "--verbose",
    ...
  ]
}

...
""",
        """\
module "claude-code" {
  source  = "registry.coder.com/coder/claude-code/coder"
  version = "4.0.0"
  ...
  agent_id = coder_agent.main.id
  ... # other settings
  env = {
    ANTHROPIC_MODEL = "sonnet"
    ...
  }
  args = [
    "--verbose",
    ...
  ]
}

...
""",
    ),
    "placeholder_top_level": (
        """\
...

resource "coder_agent" "main" {
  os = "linux"
  ...   // elided
}
""",
        """\
...

resource "coder_agent" "main" {
  os = "linux"
  ... // elided
}
""",
    ),
    # Azure Verified Modules' examples (thirty-ninth sample): `for` on the line after an object's `{`.
    "for_after_a_newline_in_an_object": (
        """\
locals {
  private_endpoints = {
  for endpoint in local.endpoints :
    endpoint => {
      name = "pe-${endpoint}"
      subnet_resource_id = "x"
    }
  }
  keys = {

    for k, v in var.m : k => v }
}
""",
        """\
locals {
  private_endpoints = {
    for endpoint in local.endpoints :
    endpoint => {
      name               = "pe-${endpoint}"
      subnet_resource_id = "x"
    }
  }
  keys = {

  for k, v in var.m : k => v }
}
""",
    ),
    "ellipsis_is_syntax": (
        """\
locals {
  merged = merge(var.maps...)
  grouped = {for k, v in var.items : v.group => k...}
  multi_line_expand = concat(
    var.lists
    ...
  )
}
""",
        """\
locals {
  merged  = merge(var.maps...)
  grouped = { for k, v in var.items : v.group => k... }
  multi_line_expand = concat(
    var.lists
    ...
  )
}
""",
    ),
    "dynamic_blocks": (
        """\
resource "docker_container" "ws" {
  count = data.coder_workspace.me.start_count
  dynamic "volumes" {
    for_each = var.volumes
    content {
      container_path = volumes.value.path
      volume_name = volumes.value.name
    }
  }
  lifecycle {
    ignore_changes = [ image, ]
  }
}
""",
        """\
resource "docker_container" "ws" {
  count = data.coder_workspace.me.start_count
  dynamic "volumes" {
    for_each = var.volumes
    content {
      container_path = volumes.value.path
      volume_name    = volumes.value.name
    }
  }
  lifecycle {
    ignore_changes = [image, ]
  }
}
""",
    ),
    "trailing_blanks_at_end_of_file": (
        'a = 1\n\t ',
        'a = 1\n  ',
    ),
    "byte_order_mark": (
        '\ufeffa = 1\nbb = 2\n',
        """\
a  = 1
bb = 2
""",
    ),
    "heredoc_with_multi_line_interpolation": (
        """\
a = <<EOT
before ${foo(
  1,
       2)} after
  line
EOT
b = 1
cc = 2
""",
        """\
a = <<EOT
before ${foo(
1,
2)} after
  line
EOT
b  = 1
cc = 2
""",
    ),
    "labels_normalised": (
        'resource /* c1 */ aws_instance /* c2 */ "b" /* c3 */ {\n  x = 1\n}\nresource "a\\"b" "\\u00e9x" {\n}\n',
        'resource "aws_instance" "b" /* c3 */ {\n  x = 1\n}\nresource "a\\"b" "éx" {\n}\n',
    ),
    "minus_and_bang_spacing": (
        """\
locals {
  n1 = x ? -1 : -2
  n2 = [-1, - 2]
  n3 = f(-1)
  n4 = a == -1
  n5 = (-1)
  n6 = { a = -1 }
  n7 = "${-1}"
  n8 = !(a)
  n9 = a.b [*]
  n11 = -var.x[0]
  n12 = a - -b
  n13 = a * -b
}
""",
        """\
locals {
  n1  = x ? -1 : -2
  n2  = [-1, -2]
  n3  = f(-1)
  n4  = a == -1
  n5  = (-1)
  n6  = { a = -1 }
  n7  = -1
  n8  = !(a)
  n9  = a.b[*]
  n11 = -var.x[0]
  n12 = a - -b
  n13 = a * -b
}
""",
    ),
}
# fmt: on

NAMES = list(CASES)


@pytest.mark.parametrize("name", NAMES)
def test_formats_like_terraform(name: str) -> None:
    source, expected = CASES[name]
    assert format_hcl(source) == expected


@pytest.mark.parametrize("name", NAMES)
def test_formatting_is_idempotent(name: str) -> None:
    source, expected = CASES[name]
    assert format_hcl(expected) == expected
    assert format_hcl(format_hcl(source)) == format_hcl(source)


@pytest.mark.parametrize("name", NAMES)
def test_formatting_keeps_the_structure(name: str) -> None:
    source, _ = CASES[name]
    assert structure(format_hcl(source)) == structure(source)


def test_structure_comparison_sees_real_changes() -> None:
    # The property above would be worthless if structure() ignored what matters.
    assert structure('a = "${x}"\n') == structure("a = x\n")
    assert structure("a = x\n") != structure("a = y\n")
    assert structure("a = [x, y]\n") != structure("a = [x]\n")
    assert structure('b "l" {\n}\n') != structure('b "m" {\n}\n')
    assert structure("a = 1\n...\n") != structure("a = 1\n")


def test_placeholder_lines_stay_where_they_were() -> None:
    source, expected = CASES["placeholder_lines"]
    assert [n for n, line in enumerate(expected.splitlines()) if line.strip().startswith("...")] == [
        n for n, line in enumerate(source.splitlines()) if line.strip().startswith("...")
    ]
    assert all(line == line.rstrip() for line in expected.splitlines())


def test_invalid_input_raises_syntax_error() -> None:
    with pytest.raises(HclSyntaxError) as err:
        format_hcl('resource "a" "b" {\n  x = "unterminated\n}\n')
    assert (err.value.line, err.value.column) == (2, 20)


@pytest.fixture(scope="module")
def terraform_outputs() -> dict[str, object]:
    results = terraform_fmt_batch([source for source, _ in CASES.values()])  # one terraform run
    return dict(zip(NAMES, results, strict=True))


@pytest.mark.skipif(shutil.which("terraform") is None, reason="no terraform binary on PATH")
@pytest.mark.parametrize("name", NAMES)
def test_literals_still_match_terraform(name: str, terraform_outputs) -> None:
    result = terraform_outputs[name]
    assert result.error is None, result.error
    assert result.output == CASES[name][1]
    assert format_hcl(CASES[name][0]) == result.output
