"""Build a site with MkDocs, ProperDocs or Zensical, and read the facts a reader sees in it.

Every engine builds from the repository's own configuration (mkdocs.yml; properdocs.yml
INHERITs it). Zensical 0.0.73 writes its site and its `.cache/` inside the project only, so
its builds of the project go to `build/` (git-ignored) and are removed afterwards.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from conftest import BIN, ROOT, Build

ENGINES = ("mkdocs", "properdocs", "zensical")


def engine_build(
    engine: str, site_dir: Path, *, config: Path = ROOT / "mkdocs.yml", docs_dir: Path | None = None,
    env: dict[str, str] | None = None, strict: bool = False,
) -> Build:
    """`<engine> build` of `config`, as a writer runs it, into `site_dir`."""
    full_env = {**os.environ, **(env or {})}
    if docs_dir is not None:
        # Relative to the project for Zensical: 0.0.73 panics on an absolute docs_dir.
        full_env["DOCS_DIR"] = os.path.relpath(docs_dir, config.parent) if engine == "zensical" else str(docs_dir)
    if engine == "zensical":
        full_env["DOCS_SITE_DIR"] = str(site_dir)
        cmd = [str(BIN / "zensical"), "build", "-f", str(config)]
    else:
        if engine == "properdocs" and config == ROOT / "mkdocs.yml":
            config = ROOT / "properdocs.yml"
        cmd = [str(BIN / engine), "build", "-f", str(config), "-d", str(site_dir)] + (["--strict"] if strict else [])
    proc = subprocess.run(cmd, cwd=config.parent, env=full_env, capture_output=True, text=True, timeout=900)
    return Build(site_dir, proc.returncode, proc.stdout + proc.stderr)


def project_scratch(name: str) -> Path:
    """A fresh folder inside the project (Zensical builds only there), under build/."""
    folder = ROOT / "build" / f"{name}-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


# -- facts of a built page -----------------------------------------------------------------

_NAV_LINK = re.compile(r'<(a|label)\b[^>]*class="md-nav__link[^"]*"[^>]*>(.*?)</\1>', re.S)
_STATUS = re.compile(r'<span class="md-status md-status--([\w-]+)" title="([^"]*)">')
_HEADING = re.compile(r'<h([1-6]) id="([^"]*)"')
_TAB = re.compile(r'<input (?:checked="checked" )?id="([^"]*)" name="__tabbed_\d+" type="radio"\s*/?>')
_TAB_LABEL = re.compile(r'<label for="([^"]*)">(.*?)</label>', re.S)
_ADMONITION = re.compile(r'<div class="admonition ([\w-]+)">\s*<p class="admonition-title">([^<]*)</p>')
_CHILDREN = re.compile(r'<div class="coder-children">(.*?)</div>', re.S)
_CHILD = re.compile(r'<li><a href="([^"]*)">(.*?)</a>')
_BADGE = re.compile(r'<span class="coder-state coder-state--([\w-]+)">([^<]*)</span>')
_LINK = re.compile(r'<a\s[^>]*?href="(https://github\.com/coder/coder/blob/[^"]*)"')


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@dataclass
class PageFacts:
    nav: list[str] = field(default_factory=list)  # titles of the primary nav, in order
    nav_badges: list[tuple[str, str]] = field(default_factory=list)  # (title, state) of leaf items
    headings: list[tuple[int, str]] = field(default_factory=list)
    tabs: list[tuple[str, str]] = field(default_factory=list)  # (input id, label)
    alerts: list[tuple[str, str]] = field(default_factory=list)  # (kind, title)
    children: list[tuple[str, str]] = field(default_factory=list)
    badges: list[tuple[str, str]] = field(default_factory=list)  # under the title
    repo_links: list[str] = field(default_factory=list)


def _content(page: str) -> str:
    start = page.find('<article class="md-content__inner')
    end = page.find("</article>", start)
    return page[start:end] if start >= 0 else page


def _primary_nav(page: str) -> str:
    start = page.find("md-nav--primary")
    end = page.find("md-sidebar--secondary", start)
    return page[start:end] if start >= 0 else ""


def page_facts(path: Path) -> PageFacts:
    page = path.read_text(encoding="utf-8")
    content = _content(page)
    facts = PageFacts()
    for m in _NAV_LINK.finditer(_primary_nav(page)):
        title = _text(_STATUS.sub("", m.group(2)))
        if title:
            facts.nav.append(title)
            status = _STATUS.search(m.group(2))
            if status and m.group(1) == "a":
                facts.nav_badges.append((title, status.group(1)))
    facts.headings = [(int(level), ident) for level, ident in _HEADING.findall(content)]
    labels = {ident: _text(label) for ident, label in _TAB_LABEL.findall(content)}
    facts.tabs = [(ident, labels.get(ident, "")) for ident in _TAB.findall(content)]
    facts.alerts = _ADMONITION.findall(content)
    for block in _CHILDREN.findall(content):
        facts.children += [(href, _text(title)) for href, title in _CHILD.findall(block)]
    facts.badges = _BADGE.findall(content)
    facts.repo_links = [html.unescape(u) for u in _LINK.findall(content)]
    return facts


def site_pages(site: Path) -> list[str]:
    """The site's pages (not redirect stubs), relative to it."""
    out = []
    for p in sorted(site.rglob("index.html")):
        head = p.read_text(encoding="utf-8", errors="replace")[:3000]
        if 'http-equiv="refresh"' not in head:
            out.append(p.relative_to(site).as_posix())
    return out


def redirect_stubs(site: Path) -> dict[str, str]:
    """{stub page: where it sends the reader}."""
    out = {}
    for p in sorted(site.rglob("index.html")):
        head = p.read_text(encoding="utf-8", errors="replace")[:3000]
        if m := re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', head):
            out[p.relative_to(site).as_posix()] = m.group(1)
    return out
