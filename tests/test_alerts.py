"""The alerts check: every rule with its minimal failing and passing page, the edge cases of
issue 3, fixes applied to exact text, configuration, the CLI, the corpus and our own docs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, docs_check
from docs_check import Document, configfile
from docs_check.checks.alerts import CHECK, TYPES
from docs_check.config import Config
from docs_check.engine import check_document
from docs_check.findings import Finding, Severity
from docs_check.fixes import apply_fixes, encode, fixes_of
from docs_check.rules import RULES

ALERT_RULES = sorted(r.id for r in CHECK.rules)


def check(text: str | bytes, config: Config | None = None) -> list[Finding]:
    doc = Document.from_bytes(text, "page.md") if isinstance(text, bytes) else Document.from_text(text, "page.md")
    return check_document(doc, config or Config(), checks=[CHECK])


# Coder's docs hold every alert type to upper case (pyproject.toml's `[tool.docs-check.alerts]`).
UPPER = Config(sections={"alerts": {"case": "upper"}})


def found(text: str | bytes, config: Config | None = None) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.rule) for f in check(text, config)]


def fixed(text: str, config: Config | None = None) -> str:
    """The page after every fix, applied as `docs-check --fix` does (repeated until stable)."""
    for _ in range(4):
        new, applied = apply_fixes(text, fixes_of(check(text, config)))
        if not applied:
            break
        text = new
    return text


def test_rules_are_registered_with_their_severities():
    expected = {
        "alert-unknown-type": (Severity.ERROR, False),
        "alert-case": (Severity.WARNING, True),
        "alert-text-after-marker": (Severity.ERROR, False),
        "alert-empty": (Severity.ERROR, False),
        "alert-in-list": (Severity.WARNING, False),
        "alert-nested": (Severity.WARNING, False),
        "alert-spacing": (Severity.WARNING, True),
        "alert-legacy-callout": (Severity.INFO, True),
        "alert-misplaced-marker": (Severity.ERROR, False),
    }
    assert {r: (RULES[r].severity, RULES[r].fixable) for r in ALERT_RULES} == expected


@pytest.mark.parametrize("kind", TYPES)
def test_every_valid_alert_passes(kind):
    assert found(f"> [!{kind}]\n> Body text.\n") == []


# -- each rule: minimal failing and minimal passing input ------------------------------------


@pytest.mark.parametrize(
    ("written", "hint"),
    [("INFO", "NOTE"), ("WARN", "WARNING"), ("NOTES", "NOTE"), ("Danger", "CAUTION"), ("hint", "TIP")],
)
def test_unknown_type_suggests_the_nearest(written, hint):
    (f,) = check(f"> [!{written}]\n> Body.\n")
    assert (f.line, f.column, f.rule, f.severity) == (1, 1, "alert-unknown-type", Severity.ERROR)
    assert f"`[!{written}]`" in f.message and f"write `> [!{hint}]`" in f.message
    assert f.fix is None  # a different type says something different: the writer chooses


def test_unknown_type_without_a_near_one():
    (f,) = check("> [!Workspace]\n> Body.\n")
    assert f.rule == "alert-unknown-type"
    assert "write one of them" in f.message and "NOTE, TIP, IMPORTANT, WARNING and CAUTION" in f.message


def test_unknown_type_obsidian_style():
    (f,) = check("> [!note|wide]\n> Body.\n")
    assert f.rule == "alert-unknown-type" and "one type" in f.message


@pytest.mark.parametrize("written", ["Note", "note", "nOTE", "Important", "caution"])
def test_case(written):
    text = f"> [!{written}]\n> Body.\n"
    (f,) = check(text, UPPER)
    assert (f.line, f.column, f.rule, f.severity) == (1, 1, "alert-case", Severity.WARNING)
    assert f"write `> [!{written.upper()}]`" in f.message
    # The fix touches the type and nothing else.
    assert text[f.fix.start : f.fix.end] == written and f.fix.replacement == written.upper()
    assert fixed(text, UPPER) == f"> [!{written.upper()}]\n> Body.\n"


def test_text_after_marker():
    (f,) = check("> [!TIP] Faster builds\n> Body.\n")
    assert (f.line, f.column, f.rule, f.severity) == (1, 1, "alert-text-after-marker", Severity.ERROR)
    assert "Faster builds" in f.message and "> **Faster builds**" in f.message
    assert f.fix is None
    (f,) = check("> [!TIP] A whole sentence that goes on well past forty characters.\n")
    assert "..." in f.message and "**" not in f.message


def test_text_after_marker_on_its_own_is_not_also_empty():
    assert found("> [!NOTE] Only a title\n") == [(1, 1, "alert-text-after-marker")]


@pytest.mark.parametrize(
    "text",
    [
        "> [!NOTE]\n",
        "> [!NOTE]",  # the file ends right after the marker
        "> [!NOTE]\n>\n>\n",
        "> [!NOTE]\n> <!-- a comment is not a body -->\n",
        "text\n\n> [!WARNING]\n\nMore text.\n",
    ],
)
def test_empty(text):
    findings = check(text)
    assert [f.rule for f in findings] == ["alert-empty"]
    assert findings[0].severity == Severity.ERROR and "no body" in findings[0].message


def test_empty_because_of_a_blank_line_says_so():
    (f,) = check("> [!NOTE]\n\n> The text.\n")
    assert f.rule == "alert-empty" and "blank line" in f.message and "line 3" in f.message


def test_in_list():
    page = "1. Run it:\n\n   > [!NOTE]\n   > Body.\n"
    (f,) = check(page)
    assert (f.line, f.column, f.rule, f.severity) == (3, 4, "alert-in-list", Severity.WARNING)
    assert "move the alert out of the list" in f.message
    assert found("1. Run it:\n\n> [!NOTE]\n> Body.\n") == []


def test_in_list_lazy_marker_line_is_not_in_the_list():
    # No blank line, no indentation: the quote interrupts the item and starts at top level.
    assert found("- item\n> [!NOTE]\n> Body.\n") == []


def test_a_page_written_for_hugo_is_not_held_to_githubs_placement():
    # Docker's install pages (eighty-fourth sample): a note inside a numbered step, on a page
    # that calls Hugo's shortcodes; Hugo renders it there, and GitHub is no view of the page.
    page = '1. Add the repository:\n\n   {{< tabs >}}\n\n   > [!NOTE]\n   > Body.\n\n> > [!TIP]\n> > Body.\n'
    assert found(page) == []
    assert [r for *_, r in found(page.replace("{{< tabs >}}", "Tabs."))] == ["alert-in-list", "alert-nested"]
    # Every other rule still reads the page.
    assert [r for *_, r in found("{{% param x %}}\n\n>[!TIP]\n> Body.\n")] == ["alert-spacing"]


def test_a_page_written_for_obsidian_keeps_its_callout_titles():
    # Obsidian's developer docs (hundred-and-sixty-first sample): a callout's title on the
    # marker's line, on a page that links with wikilinks; Obsidian renders the title there.
    page = "See [[Settings]].\n\n> [!WARNING] Nested properties\n> Body.\n"
    assert found(page) == []
    assert [r for *_, r in found(page.replace("[[Settings]]", "Settings"))] == ["alert-text-after-marker"]
    # GitLab's table of contents is no wikilink, and a wikilink in code says nothing of the page.
    assert [r for *_, r in found(page.replace("[[Settings]]", "[[_TOC_]]"))] == ["alert-text-after-marker"]
    assert [r for *_, r in found(page.replace("[[Settings]]", "`[[Settings]]`"))] == ["alert-text-after-marker"]
    # Every other rule still reads the page.
    assert [r for *_, r in found(page.replace("> [!WARNING] Nested", ">[!WARNING] Nested"))] == ["alert-spacing"]


def test_nested():
    page = "> Outer quote.\n>\n> > [!WARNING]\n> > Body.\n"
    (f,) = check(page)
    assert (f.line, f.column, f.rule, f.severity) == (3, 3, "alert-nested", Severity.WARNING)
    assert found("> Outer quote.\n\n> [!WARNING]\n> Body.\n") == []


def test_alert_inside_an_alert_and_inside_a_list():
    page = "- item\n\n  > [!NOTE]\n  > > [!TIP]\n  > > Body.\n"
    assert found(page) == [(3, 3, "alert-in-list"), (4, 5, "alert-in-list"), (4, 5, "alert-nested")]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        (">[!NOTE]", "no space after `>`"),
        (">  [!NOTE]", "2 spaces after `>`"),
        (">\t[!NOTE]", "a tab after `>`"),
        ("> [! NOTE]", "space inside the brackets"),
        ("> [!NOTE ]", "space inside the brackets"),
        ("> [!NOTE]  ", "trailing whitespace"),
        ("> [!NOTE]\t", "trailing whitespace"),
    ],
)
def test_spacing(line, problem):
    text = f"{line}\n> Body.\n"
    (f,) = check(text)
    assert (f.line, f.column, f.rule, f.severity) == (1, 1, "alert-spacing", Severity.WARNING)
    assert problem in f.message and "write exactly `> [!NOTE]`" in f.message
    # The fix replaces the marker text only: from after `>` to the end of the marker.
    assert text[f.fix.start : f.fix.end] == line[1:]
    assert fixed(text) == "> [!NOTE]\n> Body.\n"


def test_spacing_before_text_after_the_marker_keeps_the_text():
    text = ">[!TIP] Title\n> Body.\n"
    assert sorted(f.rule for f in check(text)) == ["alert-spacing", "alert-text-after-marker"]
    assert fixed(text) == "> [!TIP] Title\n> Body.\n"


def test_case_and_spacing_together_converge():
    text = ">  [! note ]  \n> Body.\n"
    assert sorted(f.rule for f in check(text, UPPER)) == ["alert-case", "alert-spacing"]
    assert fixed(text, UPPER) == "> [!NOTE]\n> Body.\n"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("> **Note:** Restart the server.", "NOTE"),
        ("> **Warning**: Restart the server.", "WARNING"),
        ("> __Tip:__ Restart the server.", "TIP"),
        ("> **Important:**", "IMPORTANT"),
        ("> **Caution**", "CAUTION"),
        ("> **Info:** Restart the server.", "NOTE"),
    ],
)
def test_legacy_callout(line, kind):
    text = f"{line}\n> More.\n"
    (f,) = check(text)
    assert (f.line, f.column, f.rule, f.severity) == (1, 1, "alert-legacy-callout", Severity.INFO)
    assert f"`> [!{kind}]`" in f.message
    rest = line.split("*", 4)[-1] if "*" in line else line.split("_", 4)[-1]
    rest = rest.lstrip(":").strip()
    expected = f"> [!{kind}]\n" + (f"> {rest}\n" if rest else "") + "> More.\n"
    assert fixed(text) == expected
    assert check(expected) == []


def test_legacy_callout_needs_a_colon_or_a_line_of_its_own():
    assert found("> **Note** that this is prose.\n") == []
    assert found("**Note:** not in a quote.\n") == []
    assert found("> Some text, then **Note:** inline.\n") == []


def test_legacy_callout_in_a_list_is_reported_without_a_fix():
    (f,) = check("- item\n\n  > **Tip:** do this.\n")
    assert f.rule == "alert-legacy-callout" and f.fix is None and f.column == 3


@pytest.mark.parametrize(
    "text",
    [
        "> [!NOTE]\n> First.\n> [!WARNING]\n> Second.\n",  # two alerts with no blank line between
        "> [!NOTE]\n> First.\n>\n> [!WARNING]\n> Second.\n",
        "Some text.\n\n[!WARNING]\nThe `>` was forgotten.\n",
    ],
)
def test_misplaced_marker(text):
    misplaced = [f for f in check(text) if f.rule == "alert-misplaced-marker"]
    assert len(misplaced) == 1 and misplaced[0].severity == Severity.ERROR
    assert "[!WARNING]" in misplaced[0].message


def test_a_marker_in_running_text_is_not_misplaced():
    assert found("Write [!NOTE] at the start of a quote.\n> See [!TIP] here.\n") == []


# -- edge cases of the issue -----------------------------------------------------------------


def test_lowercase_is_a_case_finding_not_unknown():
    assert found("> [!note]\n> Body.\n", UPPER) == [(1, 1, "alert-case")]


def test_lazy_continuation_lines_are_a_body():
    assert found("> [!NOTE]\nA lazy line is part of the alert.\n") == []


def test_multi_paragraph_body():
    assert found("> [!IMPORTANT]\n> First paragraph.\n>\n> Second paragraph.\n") == []


def test_leading_blank_quote_line_before_the_marker():
    assert found(">\n> [!NOTE]\n> Body.\n") == []


def test_code_block_inside_an_alert():
    page = "> [!TIP]\n> ```sh\n> > [!INFO] in code\n> ```\n"
    assert found(page) == []


def test_code_block_is_the_only_body():
    assert found("> [!TIP]\n>\n>     indented code\n") == []


def test_list_inside_an_alert():
    assert found("> [!NOTE]\n> - one\n> - two\n") == []


@pytest.mark.parametrize("fence", ["```", "~~~", "````"])
@pytest.mark.parametrize("where", ["", "  ", "- ", "> ", "1. > "])
def test_nothing_in_fenced_code_is_reported(fence, where):
    cont = " " * len(where) if ">" not in where else where.replace("1.", "  ")
    page = (
        f"{where}{fence}markdown\n{cont}> [!INFO]\n{cont}> [!Note] title\n{cont}>[!TIP]\n"
        f"{cont}> **Note:** old\n{cont}[!NOTE]\n{cont}{fence}\n"
    )
    assert [f for f in check(page) if f.rule not in ("alert-in-list", "alert-nested")] == []


def test_nothing_in_indented_code_comments_or_inline_code_is_reported():
    page = (
        "Text.\n\n    > [!INFO]\n    > [!Note]\n\n"
        "<!--\n> [!INFO]\n> **Note:** x\n-->\n\n"
        "<!-- > [!INFO] -->\n\n"
        "Use `> [!INFO]` or `[!NOTE]` in code.\n\n"
        "> `[!INFO]` in code is not a marker.\n"
    )
    assert found(page) == []


def test_escaped_marker_is_not_an_alert():
    assert found("> \\[!NOTE]\n> A quote about alerts.\n") == []
    assert found("> \\[!INFO] text\n") == []


def test_heading_and_list_first_in_a_quote_are_not_alerts():
    assert found("> # [!NOTE]\n> - [!INFO] item\n") == []


def test_empty_file():
    assert found("") == []
    assert found(b"") == []
    assert found("\n\n") == []


def test_crlf():
    text = "Intro.\r\n\r\n> [!Note]\r\n> Body.\r\n\r\n> **Tip:** do it.\r\n"
    assert found(text) == [(3, 1, "alert-case"), (6, 1, "alert-legacy-callout")]
    assert fixed(text) == "Intro.\r\n\r\n> [!NOTE]\r\n> Body.\r\n\r\n> [!TIP]\r\n> do it.\r\n"


def test_bom_does_not_shift_columns_and_survives_the_fix():
    raw = "\ufeff>[!Note]\n> Body.\n".encode()
    doc = Document.from_bytes(raw, "page.md")
    findings = check_document(doc, Config(), checks=[CHECK])
    assert [(f.line, f.column, f.rule) for f in findings] == [(1, 1, "alert-case"), (1, 1, "alert-spacing")]
    text = doc.text
    for _ in range(3):
        text, _applied = apply_fixes(text, fixes_of(check_document(Document.from_text(text, "p"), Config(), checks=[CHECK])))
    assert encode(text, doc.had_bom) == "\ufeff> [!NOTE]\n> Body.\n".encode()


def test_tabs_do_not_shift_columns():
    # A tab is one column in a finding, whatever width an editor gives it.
    assert found("-\t> [!NOTE]\n\t> Body.\n") == [(1, 3, "alert-in-list")]
    assert found("-\t> [!NOTE]\n    >\t[!Tip]\n") == [(1, 3, "alert-in-list"), (2, 7, "alert-misplaced-marker")]
    assert found("\t\t\n> [!Note]\n> Body.\n") == [(2, 1, "alert-case")]


def test_unicode_does_not_shift_lines_or_columns():
    page = "日本語のテキスト\u2028同じ行\n\n> 😀 quote\n> [!NOTE]\n> Body.\n\n> [!TIP] Überblick 😀\n"
    findings = check(page)
    assert [(f.line, f.column, f.rule) for f in findings] == [
        (4, 3, "alert-misplaced-marker"),
        (7, 1, "alert-text-after-marker"),
    ]
    assert findings[1].end_column == len("> [!TIP] Überblick 😀") + 1


def test_findings_carry_the_marker_span():
    (f,) = check("> [!INFO]\n> Body.\n")
    assert (f.end_line, f.end_column) == (1, 10)


def test_finding_format():
    (f,) = check("> [!INFO]\n> Body.\n")
    assert f.format().startswith("page.md:1:1: alert-unknown-type: unknown alert type `[!INFO]`")


# -- configuration -------------------------------------------------------------------------


def _config(table: dict) -> Config:
    return configfile.apply(Config(), table)


def test_in_list_and_nested_severity_is_configurable():
    page = "- a\n\n  > [!NOTE]\n  > Body.\n\n> quote\n>\n> > [!TIP]\n> > Body.\n"
    assert [(f.rule, f.severity) for f in check(page)] == [
        ("alert-in-list", Severity.WARNING), ("alert-nested", Severity.WARNING)
    ]
    cfg = _config({"rules": {"alert-in-list": "error", "alert-nested": "info"}})
    assert [(f.rule, f.severity) for f in check(page, cfg)] == [
        ("alert-in-list", Severity.ERROR), ("alert-nested", Severity.INFO)
    ]
    cfg = _config({"rules": {"alert-in-list": "off"}})
    assert [f.rule for f in check(page, cfg)] == ["alert-nested"]


def test_select_and_ignore():
    page = "> [!Note] x\n"
    assert [f.rule for f in check(page, _config({"ignore": ["alert-text-after-marker"]}))] == ["alert-case"]
    assert [f.rule for f in check(page, _config({"select": ["alert-text-"]}))] == ["alert-text-after-marker"]


# -- the command line ----------------------------------------------------------------------


def test_cli_reports_path_line_column(tmp_path: Path):
    page = tmp_path / "page.md"
    page.write_text("# Page\n\n> [!INFO]\n> Body.\n\n- step\n\n  > [!Note]\n  > Body.\n", encoding="utf-8")
    proc = docs_check("page.md", "--select", "alert-", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert [ln.split(": ", 2)[:2] for ln in lines] == [
        ["page.md:3:1", "alert-unknown-type"],
        ["page.md:8:3", "alert-case"],
        ["page.md:8:3", "alert-in-list"],
    ]
    assert "write `> [!NOTE]`" in lines[0]


def test_cli_fix_rewrites_only_the_markers(tmp_path: Path):
    page = tmp_path / "page.md"
    page.write_bytes(b"Intro.\r\n\r\n>[!Note]  \r\n> Body.\r\n")
    proc = docs_check("page.md", "--fix", "--select", "alert-", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert page.read_bytes() == b"Intro.\r\n\r\n> [!NOTE]\r\n> Body.\r\n"


def test_cli_clean_file_exits_zero(tmp_path: Path):
    (tmp_path / "ok.md").write_text("> [!NOTE]\n> Fine.\n", encoding="utf-8")
    proc = docs_check("ok.md", "--select", "alert-", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == ""


# -- real pages ----------------------------------------------------------------------------


def test_project_docs_have_no_alert_findings():
    proc = docs_check(str(ROOT / "docs"), "--select", "alert-", "--fail-on", "info")
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout


# What reading every `[!` and `**Note` line of the corpus by hand found (issue 3, closing note).
CORPUS_FINDINGS = {
    "alert-case": {
        "install/rancher.md:86",
        "user-guides/shared-workspaces.md:43",
        "user-guides/workspace-access/index.md:41",
    },
    "alert-in-list": {
        "about/contributing/CONTRIBUTING.md:119",
        "admin/security/database-encryption.md:147",
        "admin/templates/extending-templates/process-logging.md:167",
        "admin/templates/extending-templates/process-logging.md:216",
        "ai-coder/ai-gateway/monitoring.md:111",
        "get-started/index.md:227",
        "install/upgrade-best-practices.md:146",
        "install/upgrade-best-practices.md:163",
        "support/support-bundle.md:69",
        "support/support-bundle.md:90",
        "support/support-bundle.md:115",
        "support/support-bundle.md:126",
        "user-guides/workspace-access/jetbrains/gateway.md:169",
    },
    # `> [! WARNING]`: not an alert on GitHub, and pymdownx prints it as text too.
    "alert-spacing": {"user-guides/workspace-access/jetbrains/gateway.md:3"},
    # `> **Note:**` and `> **Tip:**` callouts (info: a suggestion, never a failure).
    "alert-legacy-callout": {
        "admin/templates/startup-coordination/troubleshooting.md:80",
        "ai-coder/ai-governance.md:168",
        "user-guides/workspace-access/web-terminal.md:118",
        "user-guides/workspace-access/web-terminal.md:187",
    },
}


@pytest.mark.corpus
def test_corpus_alert_findings(corpus: Path):
    proc = docs_check(".", "--select", "alert-", "--format", "json", "--fail-on", "error", cwd=corpus)
    assert proc.returncode == 0, proc.stderr  # nothing at error severity
    by_rule: dict[str, set[str]] = {}
    for f in json.loads(proc.stdout):
        by_rule.setdefault(f["rule"], set()).add(f"{f['path']}:{f['line']}")
    assert by_rule == CORPUS_FINDINGS
    assert {r: len(v) for r, v in by_rule.items()} == {
        "alert-case": 3, "alert-in-list": 13, "alert-spacing": 1, "alert-legacy-callout": 4
    }


@pytest.mark.corpus
def test_corpus_hidden_folder_is_checked_when_named(corpus: Path):
    proc = docs_check(".style", "--select", "alert-", "--format", "json", cwd=corpus)
    found_here = sorted((f["path"], f["line"], f["rule"]) for f in json.loads(proc.stdout))
    assert found_here == [
        (".style/style-guide/accessibility-and-inclusion.md", 7, "alert-text-after-marker"),
        (".style/style-guide/audience-and-scope.md", 274, "alert-text-after-marker"),
        (".style/style-guide/word-choice.md", 79, "alert-text-after-marker"),
    ]


def test_a_page_written_in_lower_case_keeps_its_convention() -> None:
    # Hugo's docs (seventy-second sample) write `> [!note]` on every page: GitHub and Hugo render
    # it. Unconfigured, only a type that breaks the page's case, or a mixed-case one, is told;
    # `case = "upper"` (Coder's docs) holds every page to `[!NOTE]`.
    from docs_check.checks import alerts
    from docs_check.config import ConfigError

    lower = "> [!note]\n> a\n\n> [!tip]\n> b\n"
    assert found(lower) == []
    assert found(lower + "\n> [!WARNING]\n> c\n") == [(1, 1, "alert-case"), (4, 1, "alert-case")]
    assert found("> [!Note]\n> a\n") == [(1, 1, "alert-case")]
    assert found(lower, UPPER) == [(1, 1, "alert-case"), (4, 1, "alert-case")]
    with pytest.raises(ConfigError, match=r'case = .lower.: expected one of "auto", "upper"'):
        alerts.validate_config(Config(sections={"alerts": {"case": "lower"}}))
