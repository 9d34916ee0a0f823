"""The docs-check problem box in a real browser under `mkdocs serve`: it looks like the theme's
admonitions, its Dismiss button hides it until the findings change, and it survives Material's
instant navigation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fixture_site import make_site
from playwright.sync_api import expect
from serving import Serve

from browser.harness import DESKTOP

pytestmark = [pytest.mark.browser]

PLANTED = "# Planted\n\nThe agent runs in the Coder Regitsry.\n"
INDEX = "# Home\n\nGo to the [planted page](planted.md).\n"


@pytest.fixture
def served(chromium_ready, tmp_path) -> Iterator[tuple[Serve, Path]]:
    with Serve(make_site(tmp_path, {"index.md": INDEX, "planted.md": PLANTED})) as server:
        yield server, tmp_path / "docs"


def test_dismiss_hides_the_box_until_the_findings_change(browser, served):
    server, docs = served
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(server.base)
        page.get_by_role("link", name="planted page").click()  # instant navigation, no page load
        box = page.locator("details.docs-check-preview")
        expect(box).to_be_visible()
        expect(box.locator("summary")).to_contain_text("docs-check: 1 problem on this page")
        expect(box).to_contain_text("docs/planted.md:3:29")
        # Material's admonition look: the warning type's coloured border, not the default.
        border = box.evaluate("e => getComputedStyle(e).borderLeftColor")
        assert border not in ("rgba(0, 0, 0, 0)", "rgb(0, 0, 0)"), border

        box.get_by_role("button", name="Dismiss").click()
        expect(box).to_be_hidden()
        page.reload()
        expect(page.locator("h1")).to_contain_text("Planted")
        expect(page.locator("details.docs-check-preview")).to_be_hidden()

        builds = server.log().count("Documentation built")
        (docs / "planted.md").write_text(PLANTED.replace("Regitsry", "Regitsry and Kubernets"))
        server.wait_for(lambda log: log.count("Documentation built") > builds)
        # Live reload reloads the open page by itself (a reload of ours would race it).
        expect(page.locator("details.docs-check-preview")).to_be_visible()  # new findings: shown
        expect(page.locator("details.docs-check-preview summary")).to_contain_text("2 problems")
        assert errors == []
    finally:
        context.close()
