"""One mkdocs.yml, three engines: MkDocs 1.6.1, ProperDocs 1.6.7 and Zensical 0.0.73 render the
same site (nav, titles, badges, children lists, tab ids, heading ids, alerts, links that leave
the tree, redirects), and the per-page checks report the same findings in each.

Facts are read from the built HTML (tests/engines.py); MkDocs is the reference.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import textwrap
import time
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import BIN, ROOT, Build, docs_check
from engines import engine_build, page_facts, project_scratch, redirect_stubs, site_pages
from fixture_site import make_site
from serving import fetch, free_port
from test_coderdocs import MANIFEST, PAGES

OTHERS = ("properdocs", "zensical")


def _builds(folder: Path, *, config: Path = ROOT / "mkdocs.yml", docs_dir: Path | None = None,
            env: dict[str, str] | None = None) -> dict[str, Build]:
    out = {}
    for engine in ("mkdocs", *OTHERS):
        build = engine_build(engine, folder / f"site-{engine}", config=config, docs_dir=docs_dir, env=env)
        assert build.returncode == 0, f"{engine}:\n{build.log[-5000:]}"
        out[engine] = build
    return out


def _same_facts(builds: dict[str, Build], engine: str) -> list[str]:
    """Every difference in page set, redirects and page facts between MkDocs and `engine`."""
    ref, other = builds["mkdocs"].site, builds[engine].site
    problems = []
    pages = site_pages(ref)
    if site_pages(other) != pages:
        problems.append(f"pages: {sorted(set(pages) ^ set(site_pages(other)))}")
    if redirect_stubs(other) != redirect_stubs(ref):
        problems.append(f"redirects: {redirect_stubs(ref)} != {redirect_stubs(other)}")
    for page in pages:
        if not (other / page).is_file():
            continue
        a, b = page_facts(ref / page), page_facts(other / page)
        for name in ("nav", "headings", "tabs", "alerts", "children", "badges", "repo_links", "nav_badges"):
            if getattr(a, name) != getattr(b, name):
                problems.append(f"{page}: {name}: {getattr(a, name)} != {getattr(b, name)}")
    return problems


# -- the project's own site ----------------------------------------------------------------


@pytest.fixture(scope="module")
def project_sites() -> dict[str, Build]:
    folder = project_scratch("engines-project")
    yield _builds(folder)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("engine", OTHERS)
def test_project_renders_the_same_on_every_engine(project_sites, engine):
    assert _same_facts(project_sites, engine) == []


def test_project_facts_are_the_sites(project_sites):
    """What the comparison compares is there: manifest nav and badges, anchors, alerts, stubs."""
    for engine, build in project_sites.items():
        tasks = page_facts(build.site / "ai-coder" / "tasks" / "index.html")
        assert tasks.nav[:3] == ["Home", "Run AI Coding Agents", "Coder Tasks"], engine
        assert ("Coder Tasks", "beta") in tasks.nav_badges, engine
        assert tasks.badges == [("beta", "Beta")], engine
        assert (3, "option-3-create-or-duplicate-your-own-template") in tasks.headings, engine
        assert ("note", "Note") in tasks.alerts, engine
        assert redirect_stubs(build.site)["ai-coder/coder-dashboard/index.html"] == "../tasks/", engine
    # Zensical's page checks ran and found nothing on the project (it prints what it finds).
    assert not re.search(r"docs/\S+:\d+:\d+: [a-z-]+:", project_sites["zensical"].log), project_sites["zensical"].log


# -- Coder's conventions on a fixture tree (test_coderdocs' pages and manifest) --------------


@pytest.fixture(scope="module")
def convention_sites() -> dict[str, Build]:
    folder = project_scratch("engines-conventions")
    docs = folder / "docs"
    for rel, text in PAGES.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    (docs / "guide" / "fallback.md").write_text(
        "# Fallback\n\n<children>\n  This page is rendered on <https://coder.com/docs/guide>.\n</children>\n",
        encoding="utf-8",
    )
    manifest = json.loads(json.dumps(MANIFEST))
    manifest["routes"][1]["children"].append(
        {"title": "Fallback", "path": "./guide/fallback.md", "children": [
            {"title": "Install", "description": "Install it.", "path": "./guide/install.md"}]})
    (docs / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (docs / "img").mkdir()
    (docs / "img" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', encoding="utf-8")
    config = make_site(folder, {})
    yield _builds(folder, config=config, env={"DOCS_CHECKS": "off"})
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("engine", OTHERS)
def test_conventions_render_the_same_on_every_engine(convention_sites, engine):
    assert _same_facts(convention_sites, engine) == []


@pytest.mark.parametrize("engine", ["mkdocs", *OTHERS])
def test_conventions_on_each_engine(convention_sites, engine):
    site = convention_sites[engine].site
    home = page_facts(site / "index.html")
    assert home.nav == ["Home", "Guide", "Install", "Tabs", "Page Without Heading", "Fallback"]
    assert ("Install", "beta") in home.nav_badges
    guide = page_facts(site / "guide" / "index.html")
    assert guide.children == [("install/", "Install"), ("tabs/", "Tabs"), ("no-h1/", "Page Without Heading"),
                              ("fallback/", "Fallback")]
    fallback = (site / "guide" / "fallback" / "index.html").read_text(encoding="utf-8")
    assert page_facts(site / "guide" / "fallback" / "index.html").children == [("../install/", "Install")]
    assert "This page is rendered on" not in fallback and "<children>" not in fallback
    install = page_facts(site / "guide" / "install" / "index.html")
    assert install.headings == [(1, "install"), (2, "--flag-name"), (2, "setup"), (2, "setup-1"), (2, "whats-new-v20")]
    assert install.repo_links == ["https://github.com/coder/coder/blob/main/examples/templates"]
    install_html = (site / "guide" / "install" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="\.\./\.\./img/logo\.svg" alt="Logo"\s*/?>', install_html)
    assert '<a href="../tabs/#linux">the Linux tab</a>' in install_html
    assert re.search(r"<ol>\s*<li>\s*<p>First step:</p>.*?</li>\s*<li>\s*<p>Second step.</p>\s*</li>\s*</ol>",
                     install_html, re.S)
    tabs = page_facts(site / "guide" / "tabs" / "index.html")
    assert tabs.tabs == [("macos", "macOS"), ("linux", "Linux")]
    assert (2, "linux-1") in tabs.headings
    assert tabs.badges == [("early-access", "Early Access"), ("premium", "Premium")]
    no_h1 = (site / "guide" / "no-h1" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>\s*Page Without Heading", no_h1)
    assert re.search(r"<title>Page Without Heading - ", no_h1)


# -- the per-page checks under Zensical -------------------------------------------------------

PLANTED = """\
# Planted

The agent runs in the Coder Regitsry.

> [!INFO]
> An alert type GitHub does not know.

Use the [Claude Code module](https://registry.coder.com/modules/coder/claude-codex).

```tf
resource "coder_agent" "main" {
  os = "linux"
    arch = "amd64"
}
```
"""
FINDING = re.compile(r"^docs/\S+:\d+:\d+: [a-z-]+: .*$", re.M)


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory) -> Path:
    folder = project_scratch("engines-planted")
    config = make_site(folder, {"index.md": "# Home\n\nNothing wrong here.\n",
                                "planted.md": "---\ntitle: Planted\n---\n" + PLANTED})
    yield config
    shutil.rmtree(folder, ignore_errors=True)


def test_zensical_logs_each_finding_as_docs_check_prints_it(planted_site: Path):
    build = engine_build("zensical", planted_site.parent / "site", config=planted_site)
    assert build.returncode == 0, build.log  # Zensical has no strict mode: findings do not fail it
    logged = sorted(FINDING.findall(build.log))
    cli = docs_check("--format", "text", "--color", "never", "docs", cwd=planted_site.parent)
    assert cli.returncode == 1, cli.stdout + cli.stderr
    assert logged == sorted(FINDING.findall(cli.stdout))
    rules = {(m.group(1), m.group(2)) for m in re.finditer(r"^docs/planted\.md:(\d+):\d+: ([a-z-]+):", build.log, re.M)}
    # Lines are the file's own, front matter included (3 lines).
    assert {("6", "spell-unknown-word"), ("8", "alert-unknown-type"), ("11", "registry-not-found")} <= rules, build.log
    assert any(rule == "tf-fmt" for _, rule in rules), build.log


def test_zensical_with_checks_off_logs_nothing(planted_site: Path):
    shutil.rmtree(planted_site.parent / ".cache", ignore_errors=True)  # render every page again
    build = engine_build("zensical", planted_site.parent / "site-off", config=planted_site, env={"DOCS_CHECKS": "off"})
    assert build.returncode == 0, build.log
    assert FINDING.findall(build.log) == []
    assert (planted_site.parent / "site-off" / "planted" / "index.html").is_file()


def test_properdocs_strict_fails_on_a_finding(planted_site: Path):
    build = engine_build("properdocs", planted_site.parent / "site-pd", config=planted_site, strict=True)
    assert build.returncode != 0
    assert "docs/planted.md:8:1: alert-unknown-type:" in build.log


# -- Coder's real docs tree ------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_sites(corpus: Path) -> dict[str, Build]:
    folder = project_scratch("engines-corpus")
    docs = folder / "docs"  # Zensical builds only a tree inside the project
    shutil.copytree(corpus, docs)
    yield _builds(folder, docs_dir=docs, env={"DOCS_CHECKS": "off"})
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.corpus
@pytest.mark.parametrize("engine", OTHERS)
def test_corpus_renders_the_same_on_every_engine(corpus_sites, engine):
    problems = _same_facts(corpus_sites, engine)
    if engine == "zensical":
        # Zensical's theme also puts a section's badge on the section (an index page with a
        # state): Material shows it only on the section's own page. Everything else is equal.
        problems = [p for p in problems if ": nav_badges: " not in p]
    assert problems == [], "\n".join(problems[:20])
    # The parity command a team would run before switching says the same: nothing unexplained.
    parity = docs_check("parity", str(corpus_sites["mkdocs"].site), str(corpus_sites[engine].site))
    assert parity.returncode == 0, parity.stdout[-3000:] + parity.stderr
    assert " 0 unexplained." in parity.stderr


@pytest.mark.corpus
@pytest.mark.parametrize("engine", ["mkdocs", *OTHERS])
def test_corpus_conventions_on_each_engine(corpus_sites, engine):
    site = corpus_sites[engine].site
    for page in ("tutorials", "reference/api", "reference/agent-api"):
        facts = page_facts(site / page / "index.html")
        assert facts.children, f"{engine}: {page} lists no children"
        assert "This page is rendered on" not in (site / page / "index.html").read_text(encoding="utf-8")
    ai = page_facts(site / "ai-coder" / "index.html")
    assert ai.nav[:1] == ["About"] and "Coder Tasks" in ai.nav
    assert ("MCP Server", "beta") in ai.nav_badges
    stubs = redirect_stubs(site)
    assert "ai-coder/agents/index.html" not in stubs  # a real page there: the redirect is left out
    assert stubs["ai-coder/coder-dashboard/index.html"] == "../tasks/"


BOX = re.compile(r'<details class="(?:failure|warning|info) docs-check-preview".*?</details>', re.S)


def test_zensical_serve_shows_the_problem_box_and_drops_it_once_fixed(tmp_path: Path):
    folder = project_scratch("engines-serve")
    config = make_site(folder, {"index.md": "# Home\n\nNothing wrong here.\n", "planted.md": PLANTED})
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = folder / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(BIN / "zensical"), "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
                                cwd=folder, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        page = _poll(lambda: _page_with(base + "planted/", "docs-check-preview"), what="the box", log=log)
        (box,) = BOX.findall(page)
        assert '<code class="docs-check-preview__where">docs/planted.md:3:29</code>' in box
        assert "spell-unknown-word" in box and "alert-unknown-type" in box
        assert page.index("docs-check-preview") < page.index('id="planted"')
        css = re.search(r'<link rel="stylesheet" href="([^"]*docs-check-preview\.css)">', page).group(1)
        assert fetch(urljoin(base + "planted/", css))[0] == 200
        assert BOX.findall(fetch(base)[1]) == []  # a clean page has no box
        (folder / "docs" / "planted.md").write_text("# Planted\n\nFixed now.\n", encoding="utf-8")
        page = _poll(lambda: _page_with(base + "planted/", "Fixed now."), what="the rebuild", log=log)
        assert BOX.findall(page) == []
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
        shutil.rmtree(folder, ignore_errors=True)


def _page_with(url: str, needle: str) -> str | None:
    try:
        status, page = fetch(url, timeout=2)
    except OSError:
        return None
    return page if status == 200 and needle in page else None


def _poll(probe, *, what: str, log: Path, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (found := probe()) is not None:
            return found
        time.sleep(0.5)
    raise AssertionError(f"no {what} within {timeout}s:\n{log.read_text(errors='replace')[-4000:]}")
