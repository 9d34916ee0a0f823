"""Finding one's way: Material's search finds the Tasks page, and the navigation reaches every
page of the section through instant navigation."""

from __future__ import annotations

import re

import pytest

from browser.harness import DOCS, expect, page_routes

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

ROUTES = page_routes()


def _h1(route: str) -> str:
    md = DOCS / (route.rstrip("/") + ".md") if route else DOCS / "index.md"
    if not md.is_file():
        md = DOCS / route / "index.md"
    return re.search(r"^# (.+)$", md.read_text(encoding="utf-8"), re.M).group(1).strip()


def test_search_for_agentapi_lists_the_tasks_page_and_opens_it(page, traffic, site):
    tasks = site.url("ai-coder/tasks/")
    page.goto("")
    page.locator(".md-search__input").click()
    page.keyboard.type("AgentAPI")
    results = page.locator(".md-search-result__list > .md-search-result__item > a.md-search-result__link")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map((a) => a.href)")
    hits = [i for i, href in enumerate(hrefs) if re.sub(r"[?#].*", "", href) == tasks]
    assert hits, f"search for AgentAPI lists {hrefs}, not {tasks}"
    results.nth(hits[0]).click()
    page.wait_for_url(re.compile(re.escape(tasks) + r"([?#].*)?$"))
    expect(page.locator(".md-content h1")).to_contain_text(_h1("ai-coder/tasks/"))
    expect(page.locator(".md-content article")).to_contain_text("AgentAPI")
    assert traffic.problems() == []


def test_navigation_reaches_every_page_of_the_section(page, traffic, site):
    page.goto("")
    page.wait_for_load_state("networkidle")
    # Set once; a full page load would lose it, instant navigation keeps it.
    page.evaluate("window.__sameDocument = true")
    nav = page.locator(".md-nav--primary a.md-nav__link[href]")
    listed = {re.sub(r"#.*", "", h) for h in nav.evaluate_all("links => links.map((a) => a.href)")}
    missing = {site.url(r) for r in ROUTES} - listed
    assert not missing, f"pages the navigation does not list: {sorted(missing)}"
    for route in [*ROUTES[1:], ROUTES[0]]:  # every page, then back home
        target = site.url(route)
        links = nav.evaluate_all("links => links.map((a) => [a.href, a.offsetParent !== null])")
        index = next(i for i, (href, shown) in enumerate(links) if href == target and shown)
        nav.nth(index).click()
        page.wait_for_url(target)
        expect(page.locator(".md-content h1")).to_contain_text(_h1(route))
        assert page.evaluate("window.__sameDocument === true"), f"{route}: a full page load, not instant navigation"
    assert traffic.problems() == []
