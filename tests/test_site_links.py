"""Every page of the project's own site, one test each: no broken link, anchor or asset.

The site is built once per session (conftest's `site_build`) and checked once; each test
then reads its page's findings, so a failure names the page and lists all its broken links
at the Markdown lines to edit.
"""

from __future__ import annotations

import pytest
from conftest import ROOT
from docs_check import configfile
from docs_check.config import Config
from docs_check.site import check_site_by_page
from docs_check.site.layout import page_url
from docs_check.site.sourcemap import source_pages, stub_sources
from docs_check.siteconfig import read_mkdocs_yml
from mkdocs.config import load_config

DOCS = ROOT / "docs"
MKDOCS = read_mkdocs_yml(ROOT / "mkdocs.yml")


def _redirect_stubs() -> list[str]:
    # As the engine reads them: mkdocs.yml keeps only the redirects that apply to the tree.
    old = load_config(str(ROOT / "mkdocs.yml")).plugins["redirects"].config["redirect_maps"]
    return [page_url(source_pages(rel)[0]) for rel in old]


def _expected_pages() -> list[str]:
    """What the build must produce: a page per Markdown file, a stub per redirect, the 404."""
    docs = [
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")
        if not any(part.startswith(".") for part in p.relative_to(DOCS).parts)
    ]
    pages = {page_url(source_pages(rel)[0]) for rel in docs}
    return sorted(pages | set(_redirect_stubs()) | {"/404.html"})


PAGES = _expected_pages()


@pytest.fixture(scope="session")
def site_findings(site_build) -> dict[str, list]:
    cfg = configfile.load(ROOT / "pyproject.toml", (MKDOCS.get("extra") or {}).get("docs_check"))
    by_page, checked = check_site_by_page(site_build.site, cfg, docs_dir=DOCS)
    assert checked == len(by_page)
    return by_page


@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_broken_links(site_findings, page):
    assert page in site_findings, f"{page} was not built (or not found by the checker)"
    found = site_findings[page]
    assert not found, f"{page}: {len(found)} link problem(s):\n" + "\n".join(f.format() for f in found)


def test_every_built_page_is_checked(site_findings):
    # A page this list does not know (a new plugin's output, a stray file) must get a test too.
    assert sorted(site_findings) == PAGES


def test_redirect_stubs_are_recognised(site_findings, site_build):
    for stub in _redirect_stubs():
        html = (site_build.site / stub.lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in html, stub
    assert all(stub_sources(s.lstrip("/") + "index.html") for s in _redirect_stubs())


def test_the_checker_sees_the_site_links(site_build):
    """Guard against a checker that passes because it reads nothing: the Tasks page has
    navigation, content links, images and anchors, and a planted break is found."""
    from docs_check.site.html import extract

    facts = extract((site_build.site / "ai-coder/tasks/index.html").read_bytes())
    content = [v for tag, _attr, v, in_content in facts.links if in_content]
    theme = facts.theme_hrefs + [v for _tag, _attr, v, in_content in facts.links if not in_content]
    assert len(theme) > 20 and len(content) > 5
    assert any(tag == "img" for tag, *_ in facts.links)
    assert "option-3-create-or-duplicate-your-own-template" in facts.ids


def test_a_planted_break_in_the_real_site_is_found(site_build, tmp_path):
    import shutil

    site = tmp_path / "site"
    shutil.copytree(site_build.site, site)
    tasks = site / "ai-coder/tasks/index.html"
    html = tasks.read_text(encoding="utf-8")
    tasks.write_text(html.replace('id="option-3-create-or-duplicate-your-own-template"', 'id="renamed"', 1),
                     encoding="utf-8")
    by_page, _ = check_site_by_page(site, Config(), docs_dir=DOCS)
    broken = [f for fs in by_page.values() for f in fs if f.rule == "link-missing-anchor"]
    # Material's table of contents on the page itself links to the heading it names: the
    # finding points at that heading in the Markdown.
    toc = [f for f in broken if f.page == "/ai-coder/tasks/" and "table of contents" in f.message]
    assert toc, broken
    heading = next(n for n, line in enumerate((DOCS / "ai-coder/tasks.md").read_text().splitlines(), 1)
                   if line.startswith("### Option 3)"))
    assert (toc[0].path, toc[0].line) == ("docs/ai-coder/tasks.md", heading)
