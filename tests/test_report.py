"""Findings to reports: the formats themselves, and the JSON report every `mkdocs build` writes."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import docs_check, mkdocs_build
from docs_check import Finding, Fix, Severity, report
from fixture_site import make_site

TYPO = "# Page\n\nThe Coder Regitsry holds the the modules.\n"


def sample() -> list[Finding]:
    return [
        Finding("docs/a,b:c.md", 2, 3, "spell-unknown-word", Severity.WARNING,
                "100% sure:\nline two, with a comma", end_line=2, end_column=9),
        Finding("docs/b.md", 7, 1, "spell-repeated-word", Severity.ERROR, "delete one",
                fix=Fix(10, 14, "", "delete the repeated `the`")),
        Finding("docs/c.md", 1, 1, "link-missing-file", Severity.INFO, "no such file",
                page="c/index.html"),
    ]


def test_text_is_path_line_column_rule_message():
    assert report.render(sample(), "text").splitlines() == [
        "docs/a,b:c.md:2:3: spell-unknown-word: 100% sure:",
        "line two, with a comma",
        "docs/b.md:7:1: spell-repeated-word: delete one",
        "docs/c.md:1:1: link-missing-file: no such file (on page c/index.html)",
    ]
    coloured = report.render(sample()[1:2], "text", colour=True)
    assert coloured == "\033[1mdocs/b.md:7:1\033[0m: \033[31mspell-repeated-word\033[0m: delete one\n"


def test_github_commands_escape_data_and_properties():
    lines = report.render(sample(), "github").splitlines()
    assert lines == [
        "::warning file=docs/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=9,"
        "title=spell-unknown-word::100%25 sure:%0Aline two, with a comma",
        "::error file=docs/b.md,line=7,col=1,title=spell-repeated-word::delete one",
        "::notice file=docs/c.md,line=1,col=1,title=link-missing-file::no such file (on page c/index.html)",
    ]


def test_json_round_trips():
    data = json.loads(report.render(sample(), "json"))
    assert data[1]["fix"] == {"start": 10, "end": 14, "replacement": "", "description": "delete the repeated `the`"}
    assert data[0]["end_line"] == 2 and data[1]["end_line"] == 7  # end line defaults to the line
    a, b, c = sample()
    # as_dict gives every finding an end line (its line when the check gave none)
    assert [report.from_dict(d) for d in data] == [a, replace(b, end_line=7), replace(c, end_line=1)]


@pytest.mark.parametrize("bad", ['{"a": 1}', "[1]", '[{"path": "x"}]', "not json"])
def test_loading_something_else_is_a_value_error(tmp_path, bad):
    (tmp_path / "r.json").write_text(bad)
    with pytest.raises(ValueError):
        report.load(tmp_path / "r.json")


def test_summary():
    assert report.summary([], 3) == "No problems in 3 files."
    assert report.summary(sample(), 4) == "1 error, 1 warning, 1 info in 3 of 4 files (1 fixable with --fix)."


def test_sarif_levels_and_rules():
    log = report.sarif(sample())
    run = log["runs"][0]
    assert [r["level"] for r in run["results"]] == ["warning", "error", "note"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted({f.rule for f in sample()})
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a%2Cb%3Ac.md"


# -- the build's report -------------------------------------------------------------------------


def test_every_build_writes_the_json_report(tmp_path):
    config = make_site(tmp_path, {"index.md": TYPO, "clean.md": "# Clean\n\nAll good.\n"})
    build = mkdocs_build(tmp_path / "site", config=config, strict=False)
    assert build.returncode == 0, build.log
    written = json.loads((tmp_path / ".docs-check" / "report.json").read_text())
    spell = [d for d in written if d["rule"].startswith("spell-")]
    assert [(d["path"], d["line"], d["column"], d["rule"]) for d in spell] == [
        ("docs/index.md", 3, 11, "spell-unknown-word"),
        ("docs/index.md", 3, 26, "spell-repeated-word"),
    ]
    assert spell[1]["fix"]["replacement"] == ""
    # CI turns it into annotations without running the checks again.
    proc = docs_check("report", str(tmp_path / ".docs-check" / "report.json"), "--format", "github",
                      "--select", "spell-", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].startswith(
        "::warning file=docs/index.md,line=3,col=11,endLine=3,endColumn=19,title=spell-unknown-word::"
    )

    # The next build's report is that build's: fixed pages drop out.
    (tmp_path / "docs" / "index.md").write_text("# Page\n\nThe Coder Registry holds the modules.\n")
    assert mkdocs_build(tmp_path / "site", config=config, strict=True).returncode == 0
    assert json.loads((tmp_path / ".docs-check" / "report.json").read_text()) == []


def test_report_path_is_configurable(tmp_path):
    config = make_site(tmp_path, {"index.md": TYPO}, pyproject='[tool.docs-check]\nreport = "out/findings.json"\n')
    build = mkdocs_build(tmp_path / "site", config=config, strict=False)
    assert build.returncode == 0, build.log
    assert not (tmp_path / ".docs-check").exists()
    data = json.loads((tmp_path / "out" / "findings.json").read_text())
    assert "spell-unknown-word" in {d["rule"] for d in data}


def test_bad_configuration_stops_the_build_with_its_name(tmp_path):
    config = make_site(tmp_path, {"index.md": TYPO}, pyproject='[tool.docs-check.spelling]\nwords = "nope.txt"\n')
    build = mkdocs_build(tmp_path / "site", config=config, strict=False)
    assert build.returncode != 0
    assert "docs-check:" in build.log and "words = 'nope.txt': no such file" in build.log
    assert "Traceback" not in build.log
