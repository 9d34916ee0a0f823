"""`docs_check.parity` on small hand-written sites: how the navigation union is read."""

from __future__ import annotations

from pathlib import Path

from docs_check import parity

PAGE = """<!doctype html><html><head><link rel="canonical" href="https://docs.example/{url}"></head>
<body><nav class="md-nav md-nav--primary"><ul class="md-nav__list">
<li class="md-nav__item"><a class="md-nav__link" href="/tasks/"><span class="md-ellipsis">Tasks</span>{badge}</a></li>
<li class="md-nav__item"><a class="md-nav__link" href="/"><span class="md-ellipsis">Home</span></a></li>
</ul></nav><article class="md-content__inner md-typeset"><h1>{title}</h1></article></body></html>
"""
BADGE = '<span class="md-status md-status--beta"></span>'


def site(root: Path, badged_on: set[str]) -> parity.Site:
    for url, title in (("", "Home"), ("tasks/", "Tasks")):
        html = root / url / "index.html"
        html.parent.mkdir(parents=True, exist_ok=True)
        badge = BADGE if url in badged_on else ""
        html.write_text(PAGE.format(url=url, title=title, badge=badge), encoding="utf-8")
    return parity.read_site(root)


def test_a_section_badge_shown_on_some_pages_equals_one_shown_on_every_page(tmp_path):
    """Material badges a section in its own branch only; Zensical's theme on every page."""
    material = site(tmp_path / "a", badged_on={"tasks/"})
    zensical = site(tmp_path / "b", badged_on={"", "tasks/"})
    assert [d for d in parity.compare(material, zensical) if d.cls.startswith("nav-")] == []


def test_a_badge_no_page_shows_is_a_difference(tmp_path):
    diffs = parity.compare(site(tmp_path / "a", badged_on={"tasks/"}), site(tmp_path / "b", badged_on=set()))
    assert [(d.cls, d.message) for d in diffs] == [("nav-badge", "'Tasks': beta vs none")]
    assert not diffs[0].explained
