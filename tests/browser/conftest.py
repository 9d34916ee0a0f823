"""Browser fixtures: one Chromium per session, one context per test, the site on loopback.

Without Chromium or Playwright the browser tests skip and say why; under CI=true that is a
failure instead, so CI never passes by skipping them."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import docs_check, mkdocs_build

from browser.harness import (
    DESKTOP,
    ROOT,
    SiteServer,
    Traffic,
    browser_unavailable,
    launch,
    on_ci,
    site_prefix,
)

SCREENSHOTS = Path(os.environ.get("DOCS_SCREENSHOTS", ROOT / "build" / "screenshots"))

# The engines the reader-facing tests run on: these modules' tests run once per engine (the
# `site` they use is that engine's build); every other module runs on MkDocs only.
ENGINES = ("mkdocs", "zensical")
PER_ENGINE_MODULES = {"test_navigation", "test_tasks_page"}


def pytest_generate_tests(metafunc) -> None:
    if "engine" in metafunc.fixturenames and metafunc.module.__name__.rsplit(".", 1)[-1] in PER_ENGINE_MODULES:
        metafunc.parametrize("engine", ENGINES, indirect=True, scope="session")


@pytest.fixture(scope="session")
def engine(request) -> str:
    """The engine that built `site`: MkDocs unless the module runs per engine."""
    return getattr(request, "param", "mkdocs")


@pytest.fixture(scope="session")
def chromium_ready() -> None:
    reason = browser_unavailable()
    if reason is None:
        return
    if on_ci():
        pytest.fail(f"browser tests cannot run under CI=true: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def browser(chromium_ready):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe(chromium_ready):
    """axe-core as axe-playwright-python bundles it (axe.min.js): nothing is fetched at run time."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture(scope="session")
def published_site(site_build) -> Iterator[SiteServer]:
    """The project's strict build as it is published (site_url on github.io), on loopback."""
    server = SiteServer(site_prefix(site_build.site)).serve(site_build.site)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def site(site_build, tmp_path_factory, engine) -> Iterator[SiteServer]:
    """The project's site built for the loopback address it is served on, under the same path
    as when published (see SiteServer for why the site_url must match): with MkDocs --strict,
    or through `docs-check build --engine E` for another engine."""
    server = SiteServer(site_prefix(site_build.site))
    try:
        folder = tmp_path_factory.mktemp(f"browser-site-{engine}") / "site"
        env = {"DOCS_SITE_URL": server.base}
        if engine == "mkdocs":
            build = mkdocs_build(folder, env=env)
            assert build.returncode == 0, build.log
        else:
            proc = docs_check("build", "--engine", engine, "--site-dir", str(folder), env=env)
            assert proc.returncode == 0, proc.stdout + proc.stderr
        yield server.serve(folder)
    finally:
        server.stop()


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@pytest.fixture
def context(browser, site: SiteServer, traffic: Traffic):
    ctx = browser.new_context(viewport=DESKTOP, color_scheme="light", base_url=site.base, locale="en-US")
    ctx.set_default_timeout(10_000)
    traffic.attach(ctx)
    yield ctx
    ctx.close()
    # Whatever the test checked, nothing may leave loopback.
    assert not traffic.blocked, f"requests that would have left loopback: {traffic.blocked}"


@pytest.fixture
def page(context):
    return context.new_page()


_shots: list[Path] = []


@pytest.fixture(scope="session")
def screenshot() -> Callable[..., Path]:
    """Save a full-page screenshot for a person to look at; the folder is printed at the end."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        _shots.append(path)
        print(f"screenshot: {path}")
        return path

    return save


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if _shots:
        terminalreporter.write_line(f"browser screenshots ({len(_shots)} written): {SCREENSHOTS}")
