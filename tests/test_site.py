"""The site itself: a strict build, every page rendered, images present, redirects landing."""

from __future__ import annotations

import html as html_mod
import re
from pathlib import Path

from conftest import ROOT
from mkdocs.config import load_config

DOCS = ROOT / "docs"
PAGES = sorted(p.relative_to(DOCS) for p in DOCS.rglob("*.md"))
SECTION = ["index", "tasks", "custom-agents", "best-practices", "ide-agents", "mcp-server", "security"]


def _html(site: Path, md: Path) -> str:
    stem = md.with_suffix("")
    out = site / (stem.parent if stem.name == "index" else stem) / "index.html"
    return out.read_text(encoding="utf-8")


def test_section_has_every_page():
    for name in SECTION:
        assert (DOCS / "ai-coder" / f"{name}.md").is_file(), name


def test_strict_build_has_no_warnings(site_build):
    assert "WARNING" not in site_build.log, site_build.log
    assert "ERROR" not in site_build.log, site_build.log


def test_every_page_renders_with_its_title(site_build):
    for md in PAGES:
        html = _html(site_build.site, md)
        h1 = re.search(r"^# (.+)$", (DOCS / md).read_text(encoding="utf-8"), re.M)
        assert h1, f"{md} has no H1"
        title = _text(h1.group(1))
        rendered = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        assert rendered, f"{md}: no <h1> in the page"
        assert _text(rendered.group(1)) == title, md
        assert 'class="md-content"' in html, md


def _text(fragment: str) -> str:
    """The words of a heading, as Markdown source or HTML: tags, permalinks and markup gone."""
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    fragment = html_mod.unescape(re.sub(r"<[^>]+>", "", fragment))
    return " ".join(re.sub(r"[`*_]", "", fragment).split())


def test_every_image_a_page_uses_exists(site_build):
    checked = 0
    for md in PAGES:
        html = _html(site_build.site, md)
        page_dir = (site_build.site / md.with_suffix("")).resolve()
        if md.stem == "index":
            page_dir = page_dir.parent
        for src in re.findall(r'<img[^>]+src="([^"]+)"', html):
            if src.startswith(("http:", "https:", "data:")):
                continue
            assert (page_dir / src).resolve().is_file(), f"{md}: image {src} is missing"
            checked += 1
    assert checked >= 4  # the section shows at least four illustrations


def test_redirects_land_on_real_pages(site_build):
    # As the engine reads them: mkdocs.yml keeps only the redirects that apply to the tree.
    redirects = load_config(str(ROOT / "mkdocs.yml")).plugins["redirects"].config["redirect_maps"]
    assert set(redirects) == {
        f"ai-coder/{n}.md"
        for n in ("agents", "coder-dashboard", "create-template", "headless", "ide-integration", "issue-tracker")
    }
    for old, new in redirects.items():
        stub = site_build.site / Path(old).with_suffix("") / "index.html"
        html = stub.read_text(encoding="utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
        landed = (stub.parent / target.split("#")[0]).resolve()
        landed = landed / "index.html" if landed.is_dir() else landed
        assert landed.is_file(), f"{old} redirects to {target}, which does not exist"
        assert (DOCS / new.split("#")[0]).is_file()
