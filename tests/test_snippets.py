"""The one Terraform-snippet layer (`checks/_snippets.py`): one parse per block for every
check, one position mapper, one answer to "is this fence Terraform?"."""

from __future__ import annotations

import pytest
from docs_check import hcl
from docs_check.checks import _snippets as S
from docs_check.config import Config
from docs_check.engine import check_text
from docs_check.scanner import Document

PAGE = """\
# Page

1. Add the agent:

   ```tf
   resource "coder_agent" "main" {
     os   = "linux"
     arch = "amd64"
   }
   ```

> [!NOTE]
> ```hcl
> module "code-server" {
>   source   = "registry.coder.com/modules/code-server/coder"
>   version  = "1.0.18"
>   agent_id = coder_agent.main.id
> }
> ```
"""


def test_each_block_is_parsed_once_for_every_check(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = hcl.parse

    def counting(text: str):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(S, "parse", counting)
    S.parse_block.cache_clear()
    S.content_kind.cache_clear()
    found = check_text(PAGE, "page.md", Config())  # tf-*, secrets, registry, provider
    assert {f.rule for f in found} >= {"tf-lang", "registry-module-legacy-source"}  # they all read the blocks
    assert len(calls) == 2 and len(set(calls)) == 2


def test_one_position_mapper_for_list_items_alerts_and_the_edges() -> None:
    doc = Document.from_text(PAGE, "page.md")
    listed, alert = doc.fences
    # Content line 2, column 3 of each block is where the writer sees it in the file.
    assert S.position(doc, listed, 2, 3) == (7, 6)  # three columns of list indent
    assert S.position(doc, alert, 2, 3) == (15, 5)  # `> ` before the content
    # Before the first line: the first line; a column below 1: column 1 of the content.
    assert S.position(doc, listed, 0, 0) == (6, 4)
    # Past the last line (an error at end of input): the closing fence.
    assert S.position(doc, listed, 99, 1) == (10, 4)
    assert S.position(doc, alert, 99, 1) == (19, 3)
    # Every check reports through it: the provider finding in the alert and the tf-lang
    # finding on its fence line.
    found = check_text(PAGE, "page.md", Config(select=("tf-lang", "registry-")))
    assert [(f.rule, f.line, f.column) for f in found] == [
        ("tf-lang", 13, 6), ("registry-module-legacy-source", 15, 16),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('resource "a" "b" {\n  x = 1\n}\n', S.HCL),
        ('locals {\n  x = \n}\n', S.HCL),  # broken, but blocks and attributes
        ("name = \"x\"\nport = 8080\n", S.HCL),  # attributes alone (a tfvars fragment)
        ("terraform init\nterraform plan\n", S.SHELL),
        ("tf apply -target='module.x.aws_elasticache_replication_group.default[0]'\n", S.SHELL),  # an alias
        ("tf = 1\n", S.HCL),
        ("$ coder login https://coder.example.com\n", S.SHELL),
        ("#!/bin/bash\necho hi\n", S.SHELL),
        ('{"a": [1, 2]}\n', S.OTHER),
        ("Error: Invalid reference\n\n  on main.tf line 3\n", S.OTHER),
    ],
)
def test_what_a_fence_labelled_terraform_holds(text: str, kind: str) -> None:
    assert S.content_kind(text) == kind


def test_tf_langs_is_defined_once() -> None:
    from docs_check.checks import terraform
    from hcl_corpus import TF_LANGS as corpus_langs

    assert terraform.TF_LANGS is S.TF_LANGS is corpus_langs


@pytest.mark.parametrize("line, placeholder, other, comment", [
    ("  ...", True, False, False),
    ("  [..]", False, True, False),
    ("(...)", False, True, False),
    ("<...>", False, True, False),
    ("    \u2026", False, True, False),
    ("  .", False, True, False),
    ("  # ... other settings", False, False, True),
    ("// \u2026", False, False, True),
    ("  name = \"...\"", False, False, False),
    ("  # note", False, False, False),
])
def test_one_vocabulary_of_left_out_lines(line: str, placeholder: bool, other: bool, comment: bool) -> None:
    from docs_check.checks import elision

    assert elision.is_placeholder_line(line) is placeholder
    assert elision.has_other_marks(line) is other
    assert elision.is_mark_comment(line) is comment
    if other:  # written the engine's way, the marker parses as its placeholder
        assert elision.is_placeholder_line(elision.with_engine_marks(line))
        assert elision.with_engine_marks(line).startswith(line[: len(line) - len(line.lstrip())])
