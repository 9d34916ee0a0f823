"""Shared fixtures: the project root, ../shared when present, and one strict build per session."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "coder-docs-2026-07"
BIN = Path(sys.executable).parent

# MkDocs' and ProperDocs' banners about MkDocs 2 drown the log the tests read.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
# A check that crashes must fail the test that found it, not become an internal-error finding.
os.environ.setdefault("DOCS_CHECK_RAISE", "1")
# The lexicon cache (docs_check.cachedir) of every test and of the commands they run goes to a
# folder of this session's, never to the user's ~/.cache; removed when the session ends.
CACHE = tempfile.mkdtemp(prefix="docs-check-test-cache-")
os.environ["DOCS_CHECK_CACHE"] = CACHE
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)


@dataclass
class Build:
    site: Path
    returncode: int
    log: str


def mkdocs_build(
    site_dir: Path,
    *,
    docs_dir: Path | None = None,
    config: Path = ROOT / "mkdocs.yml",
    strict: bool = True,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
) -> Build:
    """Run `mkdocs build` in a subprocess, as a writer would, and keep its log."""
    full_env = {**os.environ, **(env or {})}
    if docs_dir is not None:
        full_env["DOCS_DIR"] = str(docs_dir)
    cmd = [str(BIN / "mkdocs"), "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(cmd, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=900)
    return Build(site_dir, proc.returncode, proc.stdout + proc.stderr)


def docs_check(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the `docs-check` command as a subprocess."""
    return subprocess.run(
        [str(BIN / "docs-check"), *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's own site, built once per test session with --strict."""
    build = mkdocs_build(tmp_path_factory.mktemp("site") / "site")
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (only the project's own machines have ../shared)")
    return CORPUS
