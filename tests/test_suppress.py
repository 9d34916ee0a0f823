"""Suppression comments: which lines each directive silences, for which rules.

The unit tests read `doc.suppressions` directly; the last ones go through the engine with
the alerts check, as a writer's page would.
"""

from __future__ import annotations

import pytest
from docs_check import Document
from docs_check.checks.alerts import CHECK
from docs_check.config import Config
from docs_check.engine import check_document
from docs_check.suppress import Directive, parse_directive


def silenced(text: str, rule: str) -> list[int]:
    doc = Document.from_text(text, "t.md")
    return [ln.number for ln in doc.lines if doc.suppressions.suppresses(rule, ln.number)]


def rules_found(text: str) -> list[tuple[int, str]]:
    doc = Document.from_text(text, "t.md")
    return [(f.line, f.rule) for f in check_document(doc, Config(), checks=[CHECK])]


@pytest.mark.parametrize(
    ("comment", "expected"),
    [
        ("<!-- docs-check: disable-next-line alert-in-list -->", Directive("disable-next-line", ("alert-in-list",))),
        ("<!--docs-check:disable-line a-b,c-d-->", Directive("disable-line", ("a-b", "c-d"))),
        ("<!-- docs-check: disable -->", Directive("disable", ())),
        ("<!-- docs-check: enable tf-fmt -->", Directive("enable", ("tf-fmt",))),
        ("<!-- docs-check: disable-file spell-\n  alert-case -->", Directive("disable-file", ("spell-", "alert-case"))),
        ("<!-- docs-check: disable-lines x -->", None),  # a typo is not a shorter verb
        ("<!-- docs-checks: disable -->", None),
        ("<!-- markdownlint-disable -->", None),
    ],
)
def test_parse_directive(comment, expected):
    assert parse_directive(comment) == expected


def test_disable_next_line():
    text = "a\n<!-- docs-check: disable-next-line r-x -->\nb\nc\n"
    assert silenced(text, "r-x") == [3]
    assert silenced(text, "r-y") == []


def test_disable_next_line_before_a_fence_covers_the_block():
    text = "<!-- docs-check: disable-next-line tf-fmt -->\n```tf\na\nb\n```\nafter\n"
    assert silenced(text, "tf-fmt") == [2, 3, 4, 5]


def test_disable_next_line_in_a_list_item_before_a_fence():
    text = "- item\n\n  <!-- docs-check: disable-next-line tf-fmt -->\n  ```tf\n  a\n  ```\n"
    assert silenced(text, "tf-fmt") == [4, 5, 6]


def test_disable_line_written_inside_the_line():
    text = "a\nsome text <!-- docs-check: disable-line spell-word -->\nc\n"
    assert silenced(text, "spell-word") == [2]


def test_disable_line_in_a_heading_and_in_a_wrapped_comment():
    assert silenced("# Title <!-- docs-check: disable-line x-y -->\n", "x-y") == [1]
    text = "text <!-- docs-check:\ndisable-line x-y --> more\nnext\n"
    assert silenced(text, "x-y") == [1, 2]


def test_directive_in_code_is_not_a_directive():
    assert silenced("```\n<!-- docs-check: disable-file -->\n```\n", "x-y") == []
    assert silenced("`<!-- docs-check: disable-file -->` is how\n", "x-y") == []
    assert silenced("    <!-- docs-check: disable-file -->\n", "x-y") == []


def test_disable_enable_ranges():
    text = "1\n<!-- docs-check: disable x-y -->\n3\n4\n<!-- docs-check: enable x-y -->\n6\n"
    assert silenced(text, "x-y") == [3, 4, 5]
    assert silenced(text, "x-z") == []


def test_disable_without_enable_runs_to_the_end():
    assert silenced("1\n<!-- docs-check: disable -->\n3\n4\n", "any-rule") == [3, 4]


def test_enable_one_rule_after_disabling_all():
    text = "<!-- docs-check: disable -->\n2\n<!-- docs-check: enable alert-case -->\n4\n"
    assert silenced(text, "alert-case") == [2, 3]
    assert silenced(text, "alert-empty") == [2, 3, 4]


def test_enable_all_after_disabling_one():
    text = "<!-- docs-check: disable alert-case -->\n2\n<!-- docs-check: enable -->\n4\n"
    assert silenced(text, "alert-case") == [2, 3]


def test_prefix_and_no_rules():
    text = "<!-- docs-check: disable-next-line alert- -->\nx\n<!-- docs-check: disable-next-line -->\ny\n"
    assert silenced(text, "alert-case") == [2, 4]
    assert silenced(text, "tf-fmt") == [4]


def test_disable_file_anywhere():
    assert silenced("a\nb\n<!-- docs-check: disable-file alert-case -->\n", "alert-case") == [1, 2, 3]


def test_multi_line_comment_directive():
    text = "<!--\n  docs-check: disable-next-line alert-case\n-->\nx\ny\n"
    assert silenced(text, "alert-case") == [4]


def test_directive_inside_a_quote():
    text = "> <!-- docs-check: disable-next-line alert-nested -->\n> > [!NOTE]\n> > body\n"
    assert silenced(text, "alert-nested") == [2]


# -- through the engine --------------------------------------------------------------------


def test_engine_applies_disable_next_line_alert_in_list():
    page = "- step\n\n  > [!NOTE]\n  > body\n"
    assert rules_found(page) == [(3, "alert-in-list")]
    silenced_page = "- step\n\n  <!-- docs-check: disable-next-line alert-in-list -->\n  > [!NOTE]\n  > body\n"
    assert rules_found(silenced_page) == []
    # Another rule on the same line is still reported.
    other = "- step\n\n  <!-- docs-check: disable-next-line alert-in-list -->\n  > [!Note]\n  > body\n"
    assert rules_found(other) == [(4, "alert-case")]


def test_engine_applies_disable_and_enable():
    page = (
        "<!-- docs-check: disable alert-case -->\n\n> [!Note]\n> a\n\n"
        "<!-- docs-check: enable alert-case -->\n\n> [!Tip]\n> b\n"
    )
    assert rules_found(page) == [(8, "alert-case")]
