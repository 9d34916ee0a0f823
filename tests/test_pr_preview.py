"""Preview builds: banner, noindex and the preview site_url; the normal build has none of them."""

from __future__ import annotations

import re

import pytest
from conftest import mkdocs_build

PREVIEW_URL = "https://docs-owner.github.io/docs-repo/previews/pr-42/"
PUBLISHED_URL = "https://docs-owner.github.io/docs-repo/"


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    build = mkdocs_build(
        tmp_path_factory.mktemp("preview") / "site",
        env={"DOCS_PREVIEW_PR": "42", "DOCS_SITE_URL": PREVIEW_URL, "DOCS_PUBLISHED_URL": PUBLISHED_URL},
    )
    assert build.returncode == 0, build.log
    return build.site


def test_preview_pages_carry_banner_noindex_and_preview_urls(preview):
    html = (preview / "ai-coder" / "tasks" / "index.html").read_text(encoding="utf-8")
    assert "Preview of pull request #42, not the published docs." in html
    assert f'href="{PUBLISHED_URL}ai-coder/tasks/"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="{PREVIEW_URL}ai-coder/tasks/">' in html
    sitemap = (preview / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PREVIEW_URL}ai-coder/tasks/</loc>" in sitemap
    assert "<loc>https://coder.github.io" not in sitemap


def test_every_preview_page_is_noindex(preview):
    pages = list(preview.rglob("index.html"))
    assert len(pages) >= 8
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # redirect stubs are not theme pages
        assert '<meta name="robots" content="noindex">' in text, page


def test_normal_build_has_none_of_it(site_build):
    html = (site_build.site / "ai-coder" / "tasks" / "index.html").read_text(encoding="utf-8")
    assert "Preview of pull request" not in html
    assert "noindex" not in html
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert "/previews/" not in canonical


def test_preview_number_is_escaped(tmp_path):
    build = mkdocs_build(tmp_path / "site", env={"DOCS_PREVIEW_PR": "<script>x</script>"})
    assert build.returncode == 0, build.log
    html = (build.site / "index.html").read_text(encoding="utf-8")
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
