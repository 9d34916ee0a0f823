"""The Tasks page as a reader sees it: GitHub alerts in GitHub's colours in both schemes, the
colour toggle, copy buttons that copy what the writer wrote, and screenshots for a person."""

from __future__ import annotations

import re

import pytest
from docs_check.scanner import Document

from browser.harness import DESKTOP, DOCS, PHONE, expect

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]

TASKS = "ai-coder/tasks/"
TASKS_MD = DOCS / "ai-coder" / "tasks.md"

# GitHub's alert palette, light and dark: what each alert type must look like here too.
ALERT_COLOURS = {
    "default": {
        "note": "#0969da",
        "tip": "#1a7f37",
        "important": "#8250df",
        "warning": "#9a6700",
        "caution": "#cf222e",
    },
    "slate": {
        "note": "#4493f8",
        "tip": "#3fb950",
        "important": "#ab7df8",
        "warning": "#d29922",
        "caution": "#f85149",
    },
}
TITLES = {"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning", "caution": "Caution"}
ALERT_MARKER = re.compile(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.I)


def _rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _alerts(page) -> list[dict]:
    return page.evaluate(
        """() => [...document.querySelectorAll(".md-content .admonition")].map((a) => {
             const style = getComputedStyle(a);
             const title = a.querySelector(":scope > .admonition-title");
             return {
               classes: [...a.classList],
               borders: [style.borderTopColor, style.borderRightColor,
                         style.borderBottomColor, style.borderLeftColor],
               title: title ? title.innerText.trim() : null,
               icon: title ? getComputedStyle(title, "::before").backgroundColor : null,
             };
           })"""
    )


def _assert_alert_colours(page, scheme: str) -> None:
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    alerts = _alerts(page)
    for kind, colour in ALERT_COLOURS[scheme].items():
        found = [a for a in alerts if kind in a["classes"]]
        assert len(found) == 1, f"{TASKS_MD.name} has one {kind} alert; the page shows {len(found)}"
        alert = found[0]
        assert alert["title"] == TITLES[kind], alert
        assert set(alert["borders"]) == {_rgb(colour)}, f"{kind} ({scheme}): border {alert['borders']}, want {colour}"
        assert alert["icon"] == _rgb(colour), f"{kind} ({scheme}): icon {alert['icon']}, want {colour}"


def _snippets() -> list[tuple[str, str]]:
    """The fenced blocks of the Tasks page as the writer wrote them."""
    doc = Document.from_text(TASKS_MD.read_text(encoding="utf-8"), "docs/ai-coder/tasks.md")
    return [(block.lang, doc.block_text(block)) for block in doc.fences]


def test_each_alert_renders_in_its_colour_with_no_literal_marker(page, traffic, engine):
    page.goto(TASKS)
    _assert_alert_colours(page, "default")
    text = page.locator("body").inner_text()
    assert not ALERT_MARKER.search(text), f"a literal alert marker is visible: {ALERT_MARKER.search(text)[0]}"
    assert traffic.problems() == []


def test_colour_toggle_switches_scheme_and_alert_colours(page, traffic, engine):
    page.goto(TASKS)
    _assert_alert_colours(page, "default")
    page.get_by_title("Switch to dark mode").click()
    _assert_alert_colours(page, "slate")
    page.reload()  # the reader's choice is kept
    _assert_alert_colours(page, "slate")
    page.get_by_title("Switch to light mode").click()
    _assert_alert_colours(page, "default")
    assert traffic.problems() == []


def test_code_blocks_have_a_copy_button_that_copies_the_snippet(context, page, site, traffic, engine):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.origin)
    snippets = _snippets()
    page.goto(TASKS)
    blocks = page.locator(".md-content div.highlight > pre")
    expect(blocks).to_have_count(len(snippets))
    for i, (lang, source) in enumerate(snippets):
        block = blocks.nth(i)
        button = block.locator("button[data-md-type='copy']")
        expect(button).to_have_count(1)
        page.evaluate("navigator.clipboard.writeText('')")
        block.hover()
        button.click()
        expect(page.locator(".md-dialog")).to_contain_text("Copied")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.rstrip("\n") == source.rstrip("\n"), f"block {i + 1} ({lang}) copied other text"
    assert traffic.problems() == []


@pytest.mark.parametrize(
    ("name", "viewport", "scheme"),
    [
        ("tasks-desktop-light", DESKTOP, "light"),
        ("tasks-desktop-dark", DESKTOP, "dark"),
        ("tasks-phone-light", PHONE, "light"),
        ("tasks-phone-dark", PHONE, "dark"),
    ],
)
def test_tasks_page_screenshot(page, traffic, screenshot, name, viewport, scheme, engine):
    page.set_viewport_size(viewport)
    page.emulate_media(color_scheme=scheme)
    page.goto(TASKS)
    page.wait_for_load_state("networkidle")
    expect(page.locator(".md-content img").first).to_be_visible()
    page.evaluate("document.fonts.ready")
    # Nothing may push the page wider than the screen: code and tables scroll in their box.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name}: the page is {overflow}px wider than the {viewport['width']}px screen"
    screenshot(page, name if engine == "mkdocs" else f"{name}-{engine}")
    assert traffic.problems() == []
