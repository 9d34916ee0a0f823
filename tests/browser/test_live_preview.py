"""The writer's preview: `mkdocs serve` with live reload shows an edit in the open browser page
without anyone reloading it. bench/bench_live_preview.py measures how long that takes."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from browser.harness import DESKTOP, SEEN_SCRIPT, MkdocsServe, Traffic, edit_to_visible, expect

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


@pytest.fixture
def preview(chromium_ready, tmp_path) -> Iterator[MkdocsServe]:
    with MkdocsServe(tmp_path) as server:
        yield server


def test_live_preview_shows_an_edit_without_a_reload(browser, preview):
    traffic = Traffic()
    context = browser.new_context(viewport=DESKTOP)
    try:
        traffic.attach(context)
        page = context.new_page()
        page.add_init_script(SEEN_SCRIPT)
        page.goto(preview.base + "ai-coder/tasks/")
        expect(page.locator(".md-content h1")).to_contain_text("Coder Tasks")
        marker = f"Live preview check {uuid.uuid4().hex[:12]}"
        assert marker not in page.locator(".md-content article").inner_text()

        seconds = edit_to_visible(page, preview.docs / "ai-coder" / "tasks.md", marker, timeout_ms=30_000)

        expect(page.locator(".md-content article")).to_contain_text(marker)
        print(f"live preview: edit visible after {seconds:.2f}s")
        assert traffic.blocked == [] and traffic.page_errors == [], traffic.problems()
    finally:
        context.close()
    assert "Reloading browsers" in preview.log(), preview.log()
