"""Alerts on the built site: admonitions with GitHub's titles, no marker left in the HTML, and
`mkdocs build --strict` failing on a malformed alert with a `file:line:col` log line.

Fixture sites inherit the project's mkdocs.yml (theme, Markdown extensions) and replace
what points into the project's own docs: the redirects plugin and the relative hook path.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import mkdocs_build
from fixture_site import make_site

TITLES = {"NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution"}


def fixture_site(tmp_path: Path, pages: dict[str, str], *, pyproject: str | None = None) -> Path:
    """A site folder: docs/ with `pages` and a home page, and a mkdocs.yml inheriting the project's."""
    return make_site(tmp_path, {"index.md": "# Home\n\nThe fixture site.\n", **pages}, pyproject)


def build(config: Path, strict: bool = True):
    return mkdocs_build(config.parent / "site", config=config, strict=strict, cwd=config.parent)


def outside_code(page_html: str) -> str:
    """The page's HTML with <pre> and <code> elements (and the search index) removed."""
    text = re.sub(r"<pre\b.*?</pre>", "", page_html, flags=re.S)
    return re.sub(r"<code\b.*?</code>", "", text, flags=re.S)


ALERTS_PAGE = "# Alerts\n\n" + "".join(
    f"> [!{kind}]\n> The {kind.lower()} body.\n\n" for kind in TITLES
) + (
    "Markers in code stay as written: `> [!NOTE]`.\n\n"
    "```markdown\n> [!TIP]\n> Shown as code.\n```\n"
)


@pytest.fixture(scope="module")
def alerts_site(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("alerts-site")
    result = build(fixture_site(tmp, {"alerts.md": ALERTS_PAGE}))
    assert result.returncode == 0, result.log
    return result


@pytest.mark.parametrize(("kind", "title"), TITLES.items())
def test_each_alert_renders_as_an_admonition_with_its_title(alerts_site, kind, title):
    page = (alerts_site.site / "alerts" / "index.html").read_text(encoding="utf-8")
    m = re.search(
        rf'<div class="admonition {kind.lower()}">\s*<p class="admonition-title">([^<]*)</p>\s*'
        rf"<p>([^<]*)</p>\s*</div>",
        page,
    )
    assert m, f"no admonition for {kind} in:\n{page}"
    assert m.group(1) == title
    assert m.group(2) == f"The {kind.lower()} body."


def test_no_marker_reaches_the_html_outside_code(alerts_site):
    page = (alerts_site.site / "alerts" / "index.html").read_text(encoding="utf-8")
    assert "[!" not in outside_code(page)
    assert "<blockquote" not in page  # every quote of the page became an admonition
    # Code keeps the markers exactly: the scanner and the renderer both leave code alone.
    code = html.unescape(" ".join(re.findall(r"<(?:pre|code)\b.*?</(?:pre|code)>", page, flags=re.S)))
    assert "> [!NOTE]" in code
    assert "[!TIP]" in re.sub(r"<[^>]+>", "", code)


def test_alert_colours_are_on_the_page(alerts_site):
    page = (alerts_site.site / "alerts" / "index.html").read_text(encoding="utf-8")
    assert "assets/stylesheets/coder-docs.css" in page
    css = (alerts_site.site / "assets" / "stylesheets" / "coder-docs.css").read_text(encoding="utf-8")
    for kind in TITLES:
        assert f".admonition.{kind.lower()} {{ --alert: var(--alert-{kind.lower()}); }}" in css
        assert re.search(rf"--alert-{kind.lower()}: #[0-9a-f]{{6}};", css)
        assert re.search(rf"--md-admonition-icon--{kind.lower()}: url\('data:image/svg\+xml;", css)


def test_strict_build_fails_on_an_unknown_alert_type(tmp_path: Path):
    config = fixture_site(tmp_path, {"bad.md": "# Bad\n\nSome text.\n\n> [!INFO]\n> Body.\n"})
    result = build(config)
    assert result.returncode != 0, result.log
    assert re.search(
        r"ERROR\s+-\s+docs/bad\.md:5:1: alert-unknown-type: unknown alert type `\[!INFO\]`.*"
        r"write `> \[!NOTE\]`",
        result.log,
    ), result.log
    # The report of the build holds the same finding.
    report = json.loads((tmp_path / ".docs-check" / "report.json").read_text(encoding="utf-8"))
    assert [(f["path"], f["line"], f["rule"]) for f in report if f["rule"].startswith("alert-")] == [
        ("docs/bad.md", 5, "alert-unknown-type")
    ]


LIST_PAGE = "# Steps\n\n1. Run it.\n\n   > [!NOTE]\n   > It takes a minute.\n"


def test_strict_build_fails_on_an_alert_in_a_list(tmp_path: Path):
    result = build(fixture_site(tmp_path, {"steps.md": LIST_PAGE}))
    assert result.returncode != 0
    assert re.search(r"WARNING\s+-\s+docs/steps\.md:5:4: alert-in-list: ", result.log), result.log


def test_pyproject_beside_mkdocs_yml_turns_a_rule_off(tmp_path: Path):
    pyproject = '[tool.docs-check.rules]\nalert-in-list = "off"\n'
    result = build(fixture_site(tmp_path, {"steps.md": LIST_PAGE}, pyproject=pyproject))
    assert result.returncode == 0, result.log
    assert "alert-in-list" not in result.log
    # This site renders the alert all the same.
    page = (result.site / "steps" / "index.html").read_text(encoding="utf-8")
    assert '<div class="admonition note">' in page
