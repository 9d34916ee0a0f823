"""The problem box under `mkdocs serve`, never in `mkdocs build`; re-checks only what changed."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import mkdocs_build
from docs_check import Finding, Severity, preview
from docs_check.build import BuildSession
from fixture_site import make_site
from serving import Serve, fetch

PLANTED = (
    "# Planted\n\n"
    "The agent runs in the Coder Regitsry.\n\n"
    "> [!INFO]\n"
    "> An alert type GitHub does not know.\n"
)
CLEAN = "# Clean\n\nNothing wrong here.\n"
BOX = re.compile(r'<details class="(?:failure|warning|info) docs-check-preview".*?</details>', re.S)


# -- rendering ------------------------------------------------------------------------------------


def finding(message: str, severity: Severity = Severity.WARNING, path: str = "docs/a.md") -> Finding:
    return Finding(path, 3, 5, "spell-unknown-word", severity, message)


def test_box_lists_location_rule_and_message_as_the_theme_draws_admonitions():
    box = preview.render([finding("`Regitsry` is not in the dictionary"), finding("x", Severity.ERROR)])
    assert box.startswith('<details class="failure docs-check-preview" open ')  # the worst decides
    assert "<summary>docs-check: 2 problems on this page</summary>" in box
    assert '<code class="docs-check-preview__where">docs/a.md:3:5</code>' in box
    assert '<span class="docs-check-preview__rule" title="warning">spell-unknown-word</span>' in box
    assert "<code>Regitsry</code> is not in the dictionary" in box
    assert preview.render([]) == ""


def test_every_text_in_the_box_is_escaped():
    nasty = '<script>alert("x")</script> & `<img src=x onerror=alert(1)>` and a stray ` quote'
    box = preview.render([finding(nasty, path='docs/<b>&"q".md')])
    assert "<script>" not in box and "<img" not in box and "<b>" not in box
    assert html.escape('docs/<b>&"q".md') in box
    assert "&lt;script&gt;" in box
    # Only the markup the box itself writes remains once the escaped text is taken out.
    tags = set(re.findall(r"<(/?[a-z]+)", box))
    assert tags <= {"details", "/details", "summary", "/summary", "ul", "/ul", "li", "/li",
                    "code", "/code", "span", "/span", "p", "/p"}


def test_dismissal_key_changes_with_the_findings():
    a, b = [finding("one")], [finding("two")]
    assert preview.digest(a) == preview.digest(list(a))
    assert preview.digest(a) != preview.digest(b)


# -- the cache: a rebuild re-checks only what changed ------------------------------------------


def test_rebuild_rechecks_only_the_edited_page(tmp_path):
    config = make_site(tmp_path, {"a.md": PLANTED, "b.md": CLEAN, "c.md": CLEAN.replace("Clean", "Other")})
    pages = sorted((tmp_path / "docs").glob("*.md"))
    session = BuildSession.create(config, {})
    session.precheck(pages)  # MkDocs' on_files, before any page
    for p in pages:
        session.check_page(p, p.read_text())
    engine = session.engine
    assert (engine.misses, engine.hits) == (3, 3)  # checked by precheck, found by check_page
    assert [f.rule for f in session.page_findings(pages[0])][:1] == ["spell-unknown-word"]

    for p in pages:  # nothing changed: all from the cache
        session.check_page(p, p.read_text())
    assert (engine.misses, engine.hits) == (3, 6)

    b = pages[1]
    b.write_text(b.read_text().replace("Nothing wrong here.", "Nothing wrong hree."))
    for p in pages:
        session.check_page(p, p.read_text())
    assert (engine.misses, engine.hits) == (4, 8)  # one miss: the edited page
    assert [re.match(r"`(\w+)`", f.message).group(1) for f in session.page_findings(b)] == ["hree"]

    # `mkdocs serve` makes a new session for each rebuild: the results carry over.
    rebuilt = BuildSession.create(config, {}, serving=True)
    assert rebuilt.engine is engine
    rebuilt.precheck(pages)
    assert engine.misses == 4
    for p in pages:
        rebuilt.check_page(p, p.read_text())
    assert engine.misses == 4


MANIFEST = """{"versions": ["main"], "routes": [
  {"title": "A", "path": "./a.md"}, {"title": "B", "path": "./b.md"}]}
"""


def test_rebuild_rechecks_pages_when_the_tree_around_them_changes(tmp_path):
    """A page's findings can depend on other files: whether a linked page exists, whether
    manifest.json lists it. Editing those, and not the page, must not serve stale results."""
    config = make_site(tmp_path, {
        "a.md": "# A\n\nSee [B](b.md) and [C](c.md).\n",
        "b.md": "# B\n\nText.\n",
        "c.md": "# C\n\nText.\n",
        "manifest.json": MANIFEST,
    })
    docs = tmp_path / "docs"

    def rebuild() -> list[str]:
        session = BuildSession.create(config, {}, serving=True)
        pages = sorted(docs.glob("*.md"))
        session.precheck(pages)
        for p in pages:
            session.check_page(p, p.read_text())
        return [f.rule for f in session.page_findings(docs / "a.md")]

    assert rebuild() == ["link-unlisted-page"]  # c.md is not in the manifest
    assert rebuild() == ["link-unlisted-page"]  # unchanged: from the cache
    (docs / "manifest.json").write_text(MANIFEST.replace(
        '"./b.md"}]', '"./b.md"}, {"title": "C", "path": "./c.md"}]'), encoding="utf-8")
    assert rebuild() == []  # a.md unchanged, the manifest now lists c.md
    (docs / "c.md").unlink()
    (docs / "manifest.json").write_text(MANIFEST, encoding="utf-8")
    found = rebuild()
    assert "link-unlisted-page" not in found  # no page c.md any more: MkDocs reports that link


def test_a_configuration_change_starts_afresh(tmp_path):
    config = make_site(tmp_path, {"a.md": PLANTED}, pyproject="[tool.docs-check]\n")
    first = BuildSession.create(config, {})
    (tmp_path / "pyproject.toml").write_text('[tool.docs-check]\nignore = ["spell-"]\n')
    second = BuildSession.create(config, {})
    assert second.engine is not first.engine
    page = tmp_path / "docs" / "a.md"
    assert not [f for f in second.check_page(page, page.read_text()) if f.rule.startswith("spell-")]


def test_word_list_edit_invalidates_the_cache(tmp_path):
    (tmp_path / "words.txt").write_text("Zorblax\n")
    config = make_site(tmp_path, {"a.md": "Zorblax and Wrkspace.\n"},
                       pyproject='[tool.docs-check.spelling]\nwords = "words.txt"\n')
    page = tmp_path / "docs" / "a.md"
    first = BuildSession.create(config, {})
    assert len(first.check_page(page, "")) == 1
    assert tmp_path / "words.txt" in first.watch_paths()
    (tmp_path / "words.txt").write_text("Zorblax\nWrkspace\n")
    assert BuildSession.create(config, {}).check_page(page, "") == []


def test_precheck_checks_only_pages_not_cached(tmp_path):
    pages = {f"p{i}.md": f"# Page {i}\n\nText number {i}.\n" for i in range(4)}
    config = make_site(tmp_path, pages)
    paths = sorted((tmp_path / "docs").glob("*.md"))
    session = BuildSession.create(config, {})
    session.precheck(paths)
    assert session.engine.misses == 4
    paths[1].write_text("# Page 1\n\nText numbr 1.\n")
    paths[2].write_text("# Page 2\n\nText numbr 2.\n")
    again = BuildSession.create(config, {})
    again.precheck(paths)
    assert again.engine is session.engine and session.engine.misses == 6
    assert [len(again.check_page(p, "")) for p in paths] == [0, 1, 1, 0]
    assert session.engine.misses == 6


# -- through MkDocs ------------------------------------------------------------------------------


@pytest.fixture
def served(tmp_path) -> Iterator[tuple[Serve, Path]]:
    with Serve(make_site(tmp_path, {"index.md": CLEAN, "planted.md": PLANTED})) as server:
        yield server, tmp_path / "docs"


def test_serve_shows_the_problem_box_and_drops_it_once_fixed(served):
    server, docs = served
    status, page = fetch(server.base + "planted/")
    assert status == 200
    (box,) = BOX.findall(page)
    assert '<code class="docs-check-preview__where">docs/planted.md:3:29</code>' in box
    assert "spell-unknown-word" in box and "<code>Regitsry</code>" in box
    if "alert-unknown-type" in preview_rules():
        assert "docs/planted.md:5:" in box and "alert-unknown-type" in box
    # It sits at the top of the page, before the page's own heading.
    assert page.index("docs-check-preview") < page.index('id="planted"')
    assert "assets/stylesheets/docs-check-preview.css" in page
    assert "assets/javascripts/docs-check-preview.js" in page
    assert fetch(server.base + "assets/stylesheets/docs-check-preview.css")[0] == 200
    assert fetch(server.base + "assets/javascripts/docs-check-preview.js")[0] == 200
    # A clean page has no box.
    assert BOX.findall(fetch(server.base)[1]) == []

    builds = server.log().count("Documentation built")
    (docs / "planted.md").write_text(CLEAN.replace("Clean", "Planted"), encoding="utf-8")
    server.wait_for(lambda log: log.count("Documentation built") > builds)
    status, page = fetch(server.base + "planted/")
    assert status == 200 and "Nothing wrong here." in page
    assert BOX.findall(page) == []


def preview_rules() -> set[str]:
    from docs_check.ruleset import all_rules

    return set(all_rules())


def test_build_never_shows_the_box(tmp_path):
    config = make_site(tmp_path, {"index.md": CLEAN, "planted.md": PLANTED})
    build = mkdocs_build(tmp_path / "site", config=config, strict=False)
    assert build.returncode == 0, build.log
    assert "docs/planted.md:3:29: spell-unknown-word:" in build.log
    page = (tmp_path / "site" / "planted" / "index.html").read_text(encoding="utf-8")
    assert "Regitsry" in page  # the page is there...
    assert "docs-check-preview" not in page  # ...without the box, its stylesheet or its script
    strict = mkdocs_build(tmp_path / "site-strict", config=config, strict=True)
    assert strict.returncode != 0  # warnings fail a strict build


def test_mkdocs_extra_word_list_is_relative_to_the_site(tmp_path, monkeypatch):
    (tmp_path / "site-words.txt").write_text("Zorblax\n")
    config = make_site(tmp_path, {"a.md": "Zorblax runs.\n"})
    monkeypatch.chdir(tmp_path.parent)  # MkDocs may run from anywhere
    session = BuildSession.create(config, {"docs_check": {"spelling": {"words": "site-words.txt"}}})
    assert session.check_page(tmp_path / "docs" / "a.md", "") == []
