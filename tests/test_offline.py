"""The build and the checks need no network, and two builds of one commit are identical."""

from __future__ import annotations

import filecmp
import socket
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import ROOT, mkdocs_build

# Bytes that legitimately differ between two builds of the same commit: none. The sitemap's
# <lastmod> is the build date, so both builds get one SOURCE_DATE_EPOCH (MkDocs takes the
# build date from it), or two builds on either side of midnight would differ there; gzip's
# header would carry a time stamp, but MkDocs writes mtime=0.
VARYING: set[str] = set()


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Make every connection attempt fail loudly, in this process."""

    def refuse(*args, **kwargs):
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_build_and_checks_run_with_the_network_cut(no_network, tmp_path, monkeypatch):
    from docs_check import cli
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    # Eight pages are checked in this process (worker processes start only for dozens of
    # pages), so the patched socket covers every check.
    build(config)
    assert (site / "ai-coder" / "tasks" / "index.html").is_file()
    assert cli.main(["--jobs", "1", "docs"]) == 0
    assert cli.main(["site", str(site)]) == 0


def test_two_builds_are_identical(tmp_path):
    epoch = int(time.time())
    env = {"SOURCE_DATE_EPOCH": str(epoch)}
    first = mkdocs_build(tmp_path / "a", env=env)
    second = mkdocs_build(tmp_path / "b", env=env)
    assert first.returncode == 0 and second.returncode == 0, first.log + second.log
    build_date = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
    assert f"<lastmod>{build_date}</lastmod>" in (first.site / "sitemap.xml").read_text(encoding="utf-8")
    differing = _diff(first.site, second.site)
    assert differing <= VARYING, sorted(differing - VARYING)


def _diff(a: Path, b: Path) -> set[str]:
    out: set[str] = set()
    cmp = filecmp.dircmp(a, b)
    stack = [(cmp, "")]
    while stack:
        c, prefix = stack.pop()
        out.update(prefix + n for n in c.left_only + c.right_only + c.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        out.update(prefix + n for n in mismatch + errors)
        stack.extend((sub, f"{prefix}{name}/") for name, sub in c.subdirs.items())
    return out


def test_no_secret_reaches_the_site(site_build):
    """The built HTML (and every other text file of the site) holds no token shape."""
    from docs_check.tokenshapes import find_tokens

    scanned = 0
    for path in site_build.site.rglob("*"):
        if path.suffix not in (".html", ".js", ".json", ".xml", ".txt", ".css", ".svg"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [s for s in find_tokens(text)]
        assert not found, f"{path.relative_to(site_build.site)}: {found[:3]}"
        scanned += 1
    assert scanned >= 10


def test_the_token_scan_would_see_a_planted_token(tmp_path):
    from docs_check.tokenshapes import find_tokens

    page = '<pre><code>GITHUB_TOKEN = "ghp_' + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5" + '"</code></pre>'
    assert list(find_tokens(page))
