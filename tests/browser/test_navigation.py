"""Finding one's way: Material's search finds the Tasks page, and the navigation reaches every
page of the section through instant navigation."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from browser.harness import DOCS, expect, page_routes

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

ROUTES = page_routes()

# How each engine's theme opens search and lists results. Zensical's search is a dialog in
# an open shadow root, which Playwright's CSS locators pierce.
SEARCH = {
    "mkdocs": (".md-search__input", ".md-search-result__list > .md-search-result__item > a.md-search-result__link"),
    "zensical": (".md-search__button", "dialog[aria-label='Search'] ol[role='listbox'] a[role='option']"),
}


def _h1(route: str) -> str:
    md = DOCS / (route.rstrip("/") + ".md") if route else DOCS / "index.md"
    if not md.is_file():
        md = DOCS / route / "index.md"
    return re.search(r"^# (.+)$", md.read_text(encoding="utf-8"), re.M).group(1).strip()


def test_search_for_agentapi_lists_the_tasks_page_and_opens_it(page, traffic, site, engine):
    tasks = site.url("ai-coder/tasks/")
    opener, listed = SEARCH[engine]
    page.goto("")
    # Typed before the search index has loaded, a query can be run on an empty index and never
    # again (Zensical, once, in a fresh clone's CI): let the page fetch what it fetches first,
    # and type only once the search box (in Zensical, inside a shadow root) has the focus.
    page.wait_for_load_state("networkidle")
    page.locator(opener).first.click()
    page.wait_for_function(
        "() => { const a = document.activeElement;"
        " return (a && a.shadowRoot ? a.shadowRoot.activeElement : a) instanceof HTMLInputElement; }"
    )
    page.keyboard.type("AgentAPI")
    results = page.locator(listed)
    # The search index loads in a worker after the page; on a loaded machine that takes longer
    # than expect's default 5 s (a wait, not a speed assertion).
    expect(results.first).to_be_visible(timeout=30_000)
    _click_result(results, tasks)
    page.wait_for_url(re.compile(re.escape(tasks) + r"([?#].*)?$"))
    expect(page.locator(".md-content h1")).to_contain_text(_h1("ai-coder/tasks/"))
    expect(page.locator(".md-content article")).to_contain_text("AgentAPI")
    assert traffic.problems() == []


def _click_result(results, url: str) -> None:
    """Click the result that links to `url`. The list is drawn again as the index answers each
    letter typed, so a result found in one drawing may be gone from the next (a loaded machine,
    a full test run): look again and click again, three times at most."""
    for attempt in range(3):
        hrefs = results.evaluate_all("links => links.map((a) => a.href)")
        hits = [i for i, href in enumerate(hrefs) if re.sub(r"[?#].*", "", href) == url]
        assert hits, f"search for AgentAPI lists {hrefs}, not {url}"
        try:
            results.nth(hits[0]).click(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise


def test_navigation_reaches_every_page_of_the_section(page, traffic, site, engine):
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


def test_state_badge_shows_beside_the_nav_entry_and_under_the_title(page, traffic, site, engine):
    """The Tasks page is in beta (its manifest route's `state`): the badge beside its entry in
    the navigation and under its title."""
    page.goto("ai-coder/tasks/")
    under_title = page.locator(".md-content .coder-state--beta")
    expect(under_title).to_have_count(1)
    expect(under_title).to_be_visible()
    expect(under_title).to_have_text("Beta")
    # The open entry has a hidden twin (the label that toggles the table of contents on phones).
    beside_entry = page.locator(".md-nav--primary .md-nav__item--active .md-status--beta:visible")
    expect(beside_entry).to_have_count(1)
    assert beside_entry.get_attribute("title") == "Beta"
    assert traffic.problems() == []
