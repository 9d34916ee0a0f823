"""Coder's real docs tree (../shared/corpus) built with this project's mkdocs.yml and checks."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import Build, docs_check, mkdocs_build

pytestmark = pytest.mark.corpus

_ID = re.compile(r'\s(?:id|name)="([^"]*)"')
_HREF = re.compile(r'<a\s[^>]*?href="([^"]*)"')


def broken_anchors(site: Path) -> list[tuple[str, str]]:
    """(page, href) of every in-site link whose #fragment is no id on its target page."""
    pages = {p: p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html")}
    ids = {p: {html.unescape(i) for i in _ID.findall(text)} for p, text in pages.items()}
    broken = []
    for page, text in pages.items():
        if 'http-equiv="refresh"' in text[:2000]:
            continue  # a redirect stub
        for raw in _HREF.findall(text):
            href = html.unescape(raw)
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            target = page
            if parts.path:
                target = Path(os.path.normpath(page.parent / unquote(parts.path)))
                if parts.path.endswith("/") or target.is_dir():
                    target = target / "index.html"
            if target in ids and unquote(parts.fragment) not in ids[target]:
                broken.append((page.relative_to(site).as_posix(), href))
    return broken


@pytest.fixture(scope="module")
def corpus_site(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    # Every check on, as the project builds; a crashing check must show as internal-error.
    build = mkdocs_build(
        tmp_path_factory.mktemp("corpus") / "site", docs_dir=corpus, strict=False,
        env={"DOCS_CHECK_RAISE": ""},
    )
    assert build.returncode == 0, build.log[-5000:]
    return build


def _warnings(build: Build) -> list[str]:
    return [ln for ln in build.log.splitlines() if ln.startswith(("WARNING", "ERROR"))]


def test_corpus_builds_every_page(corpus_site: Build, corpus: Path) -> None:
    pages = [p for p in corpus_site.site.rglob("index.html") if 'http-equiv="refresh"' not in p.read_text()[:2000]]
    sources = [p for p in corpus.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(corpus).parts)]
    assert len(sources) >= 460
    assert len(pages) >= len(sources)  # 404 page aside, one page per Markdown file
    assert "internal-error" not in corpus_site.log


def test_corpus_has_no_link_or_anchor_warnings(corpus_site: Build) -> None:
    kinds = ("unrecognized relative link", "not found among documentation files", "anchor")
    bad = [w for w in _warnings(corpus_site) if any(k in w for k in kinds)]
    assert bad == []


def test_corpus_anchors_resolve_as_on_github(corpus_site: Build) -> None:
    assert broken_anchors(corpus_site.site) == []
    cli = (corpus_site.site / "reference" / "cli" / "provisioner_start" / "index.html").read_text()
    assert '<h3 id="--poll-interval">' in cli  # GitHub keeps the leading dashes of `--flag` headings


def test_corpus_out_of_tree_links_go_to_github(corpus_site: Build) -> None:
    page = (corpus_site.site / "about" / "contributing" / "backend" / "index.html").read_text()
    assert 'href="https://github.com/coder/coder/blob/main/coderd/rbac"' in page


def test_corpus_unlisted_pages_are_reported(corpus_site: Build) -> None:
    nav_warning = next(w for w in _warnings(corpus_site) if 'not included in the "nav"' in w)
    assert nav_warning
    assert "  - ai-coder/cli.md" in corpus_site.log
    assert re.search(r"ai-coder/tasks\.md:\d+:\d+: link-unlisted-page: `ai-coder/cli\.md`", corpus_site.log)


def test_corpus_conventions_render(corpus_site: Build) -> None:
    site = corpus_site.site
    zed = (site / "user-guides" / "workspace-access" / "zed" / "index.html").read_text()
    # The tabs sit inside the second step of the list, which stays one list.
    assert re.search(r"<li>\s*<p>Install Coder CLI:</p>.*?<div class=\"tabbed-set", zed, re.S)
    assert '<label for="linuxmacos">Linux/macOS</label>' in zed
    admin = (site / "admin" / "index.html").read_text()
    assert re.search(r'<div class="coder-children">\s*<ul>\s*<li><a href="setup/">Setup</a>: ', admin)
    ai = (site / "ai-coder" / "index.html").read_text()
    assert 'class="md-status md-status--beta" title="Beta"' in ai
    # navigation.prune renders only the open branch: a section's badge shows on its own pages.
    governance = (site / "ai-coder" / "ai-governance" / "index.html").read_text()
    assert 'class="md-status md-status--ai-governance-add-on" title="AI Governance Add-On"' in governance


def test_corpus_style_guide_link_that_climbs_too_far(corpus: Path) -> None:
    proc = docs_check("--select", "link-leaves-docs", str(corpus / ".style"))
    assert proc.returncode == 1
    assert re.search(
        r"\.style/content-guidelines\.md:139:\d+: link-leaves-docs: `\.\./\.\./install/releases/feature-stages\.md`",
        proc.stdout,
    ), proc.stdout


def test_site_link_checker_finds_only_the_real_problem(corpus_site: Build, corpus: Path) -> None:
    """The built-site link checker: no broken anchor, file or page link but the one link
    into the hidden `.style/` folder, which MkDocs (like coder.com) does not publish."""
    proc = docs_check(
        "site", str(corpus_site.site), "--docs-dir", str(corpus), "--format", "json", "-q",
        "--select", "link-missing-anchor,link-missing-file,link-md-target,link-outside-site,link-redirect-broken",
    )
    found = [(f["rule"], Path(f["path"]).relative_to(corpus).as_posix(), f["line"]) for f in json.loads(proc.stdout)]
    assert found == [("link-missing-file", "about/contributing/documentation.md", 36)], proc.stdout[:3000]
