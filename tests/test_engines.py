"""`docs-check build --engine E` and `docs-check parity` on real builds, through the real CLI.

Each engine builds the project once per session (`engine_build`); a copy of the project with a
page of planted defects is built once per engine too (`planted`)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest
from conftest import BIN, ROOT, docs_check

ENGINES = ("mkdocs", "properdocs", "zensical")
PAGES = 15  # 8 Markdown pages + 6 redirect stubs + 404.html

# Each defect on its own line; the rule each must give, by line.
PLANTED = """\
# Planted defects

> [!Note]
> A miscased alert marker.

Install the [missing module](https://registry.coder.com/modules/coder/no-such-module-xyz).

```tf
resource "coder_agent" "main" {
  arch = "amd64"
    os = "linux"
}
```

See [a missing anchor](./tasks.md#no-such-heading-here).
"""
PLANTED_RULES = {(3, "alert-case"), (6, "registry-not-found"), (11, "tf-fmt"), (15, "link-missing-anchor")}


def run_build(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return docs_check("build", *args, cwd=cwd, env=env)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    """Staging folders `docs-check build` leaves behind (it must leave none)."""
    return sorted(p.name for p in folder.iterdir() if "-building-" in p.name or "-old-" in p.name)


def copy_project(dest: Path) -> Path:
    """The project's configuration, theme overrides, hooks and pages in a folder of its own
    (Zensical wants docs_dir inside the project, so the copy is a whole project)."""
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy(ROOT / name, dest / name)
    for folder in ("docs", "overrides"):
        shutil.copytree(ROOT / folder, dest / folder)
    (dest / "hooks").mkdir()
    for hook in (ROOT / "hooks").glob("*.py"):
        shutil.copy(hook, dest / "hooks" / hook.name)
    if (ROOT / "properdocs.yml").is_file():
        shutil.copy(ROOT / "properdocs.yml", dest / "properdocs.yml")
    return dest


@pytest.fixture(scope="session")
def engine_build(tmp_path_factory):
    """`docs-check build --engine E` of the project, once per engine per session."""
    cache: dict[str, tuple[Path, subprocess.CompletedProcess]] = {}

    def get(engine: str) -> tuple[Path, subprocess.CompletedProcess]:
        if engine not in cache:
            site = tmp_path_factory.mktemp(f"engine-{engine}") / "site"
            cache[engine] = (site, run_build("--engine", engine, "--site-dir", str(site)))
        return cache[engine]

    return get


@pytest.fixture(scope="session")
def built(engine_build):
    """The site an engine built, which must have passed."""

    def get(engine: str) -> Path:
        site, proc = engine_build(engine)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return site

    return get


@pytest.fixture(scope="session")
def planted(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, Path]]:
    """The project with one more page of defects, through each engine's pipeline, with an
    existing site folder that must come out untouched."""
    project = copy_project(tmp_path_factory.mktemp("planted") / "project")
    (project / "docs" / "ai-coder" / "planted.md").write_text(PLANTED, encoding="utf-8")
    manifest = project / "docs" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    section = next(r for r in data["routes"] if r["path"] == "./ai-coder/index.md")
    section["children"].append({"title": "Planted", "description": "Defects.", "path": "./ai-coder/planted.md"})
    manifest.write_text(json.dumps(data, indent=1), encoding="utf-8")
    out = {}
    for engine in ENGINES:
        site = project / f"site-{engine}"
        site.mkdir()
        (site / "index.html").write_text("the site deployed before\n", encoding="utf-8")
        out[engine] = (run_build("--engine", engine, "--site-dir", str(site), "--format", "json", cwd=project), site)
    return out


# -- docs-check build ------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_build_passes_on_the_project_with_every_engine(engine_build, engine):
    site, proc = engine_build(engine)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""
    assert "No problems in 8 files." in proc.stderr
    assert f"Built with {engine} into" in proc.stderr
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) == PAGES, pages
    assert "ai-coder/tasks/index.html" in pages
    assert leftovers(site.parent) == []


@pytest.mark.parametrize("engine", ENGINES[1:])
def test_every_engine_renders_the_same_alerts_headings_and_links_as_mkdocs(built, engine):
    result = docs_check("parity", str(built("mkdocs")), str(built(engine)), "--format", "json")
    data = json.loads(result.stdout)
    content = {cls: n for cls, n in data["counts"].items() if not cls.startswith(("nav-", "badge"))}
    assert content == {}, result.stdout
    assert data["pages"] == [PAGES, PAGES]


def test_properdocs_build_is_identical_in_content_to_mkdocs(built):
    result = docs_check("parity", str(built("mkdocs")), str(built("properdocs")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "0 differences (none); 0 unexplained." in result.stderr


def test_zensical_build_has_the_same_nav_and_badges_as_mkdocs(built):
    """Manifest nav and state badges on Zensical come from mkdocs.yml's tags and the Markdown
    extension; the parity command finds no unexplained difference."""
    result = docs_check("parity", str(built("mkdocs")), str(built("zensical")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 unexplained." in result.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_planted_defects_fail_the_pipeline_at_their_lines(planted, engine):
    proc, site = planted[engine]
    assert proc.returncode == 1, proc.stderr
    found = json.loads(proc.stdout)
    here = {(f["line"], f["rule"]) for f in found if f["path"] == "docs/ai-coder/planted.md"}
    assert here == PLANTED_RULES, found
    # The failing run leaves the deployed site as it was, and no half-built folder beside it.
    assert snapshot(site) == {"index.html": b"the site deployed before\n"}
    assert leftovers(site.parent) == []


def test_planted_defects_give_identical_findings_whichever_engine_built(planted):
    def key(engine: str) -> list[tuple]:
        # A built-site finding quotes the link as the engine wrote it into the HTML (MkDocs
        # `../tasks/#x`, Zensical `.././tasks/#x`); the rest of its message is the same.
        found = json.loads(planted[engine][0].stdout)
        return sorted((f["path"], f["line"], f["column"], f["rule"], f["severity"],
                       re.sub(r"^`[^`]*`: ", "", f["message"]) if f["rule"].startswith("link-") else f["message"])
                      for f in found)

    assert key("zensical") == key("mkdocs") == key("properdocs")


def test_text_format_is_the_docs_check_format(planted, tmp_path):
    project = planted["mkdocs"][1].parent
    build = run_build("--site-dir", str(tmp_path / "site"), "--select", "alert-,tf-", cwd=project)
    check = docs_check("docs", "--select", "alert-,tf-", cwd=project)
    assert build.returncode == check.returncode == 1
    assert build.stdout == check.stdout
    assert "docs/ai-coder/planted.md:3:1: alert-case: " in build.stdout
    assert not (tmp_path / "site").exists()
    report = json.loads((project / ".docs-check" / "report.json").read_text(encoding="utf-8"))
    assert {(f["line"], f["rule"]) for f in report} == {(3, "alert-case"), (11, "tf-fmt")}


# -- bad input: one line, exit 2, the site folder untouched ----------------------------------


@pytest.fixture
def deployed(tmp_path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("deployed\n", encoding="utf-8")
    return site


def _one_line_error(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_unknown_engine_suggests_the_nearest(deployed):
    line = _one_line_error(run_build("--engine", "zensicle", "--site-dir", str(deployed)))
    assert line == ("docs-check build: error: --engine zensicle: no such engine (did you mean zensical?); "
                    "the engines are mkdocs, properdocs, zensical")
    assert snapshot(deployed) == {"index.html": b"deployed\n"}


def test_engine_not_installed_names_the_pip_command(deployed):
    """A PATH without zensical and an interpreter whose folder has none: the packages of the
    virtualenv are importable (PYTHONPATH), its commands are not."""
    system_python = Path("/usr/bin/python3")
    if not system_python.is_file() or Path(sys.executable).parent == system_python.parent:
        pytest.skip("needs a Python outside the virtualenv to run docs_check from")
    env = {**os.environ, "PATH": "/usr/bin:/bin",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "hooks"), sysconfig.get_paths()["purelib"],
                                          sysconfig.get_paths()["platlib"]])}
    assert shutil.which("zensical", path=env["PATH"]) is None
    proc = subprocess.run([str(system_python), "-m", "docs_check", "build", "--engine", "zensical",
                           "--site-dir", str(deployed)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    line = _one_line_error(proc)
    assert line == ("docs-check build: error: zensical is not installed (no `zensical` on PATH): "
                    "pip install zensical==0.0.73")
    assert snapshot(deployed) == {"index.html": b"deployed\n"}


@pytest.mark.parametrize(("engine", "said"), [
    ("mkdocs", "ERROR - Config value 'theme': Unrecognised theme name: 'nosuchtheme'."),
    ("properdocs", "ERROR - Config value 'theme': Unrecognised theme name: 'nosuchtheme'."),
    ("zensical", "Error: Theme 'nosuchtheme' is not installed."),
])
def test_failing_engine_build_shows_the_engines_error_line(tmp_path, deployed, engine, said):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Broken\ntheme:\n  name: nosuchtheme\n", encoding="utf-8")
    line = _one_line_error(run_build("--engine", engine, "--site-dir", str(deployed), cwd=project))
    assert line.startswith(f"docs-check build: error: {engine} build failed (exit 1): {said}"), line
    assert line.endswith(f"(full log: .docs-check/{engine}-build.log)")
    assert snapshot(deployed) == {"index.html": b"deployed\n"}
    assert leftovers(deployed.parent) == [] and leftovers(project) == []
    assert not (project / ".docs-check" / "site").exists()


# -- docs-check parity on planted differences -------------------------------------------------


def test_parity_names_a_renamed_heading_and_a_dropped_page(tmp_path, built):
    """A real build of the project with one heading renamed and one page dropped, against the
    project's own build: each difference in its class, and exit 1."""
    project = copy_project(tmp_path / "project")
    tasks = project / "docs" / "ai-coder" / "tasks.md"
    text = tasks.read_text(encoding="utf-8")
    assert "\n## Architecture\n" in text
    tasks.write_text(text.replace("\n## Architecture\n", "\n## How It Is Built\n"), encoding="utf-8")
    (project / "docs" / "ai-coder" / "mcp-server.md").unlink()
    env = {**os.environ, "DOCS_CHECKS": "off"}
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "-d", str(tmp_path / "changed")], cwd=project,
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    result = docs_check("parity", str(built("mkdocs")), str(tmp_path / "changed"),
                        "--format", "json")
    assert result.returncode == 1, result.stdout
    data = json.loads(result.stdout)
    diffs = {(d["class"], d["page"]) for d in data["differences"]}
    assert ("page-missing", "/ai-coder/mcp-server/") in diffs
    assert ("heading-text", "/ai-coder/tasks/") in diffs
    renamed = [d["message"] for d in data["differences"] if d["class"] == "heading-text"]
    assert any("'Architecture' (#architecture) vs h2 'How It Is Built' (#how-it-is-built)" in m for m in renamed), renamed
    assert any(d["class"].startswith("nav-") and "/ai-coder/mcp-server/" in d["message"]
               for d in data["differences"]), data["differences"]  # the dropped page's entry
    assert data["unexplained"] == len(data["differences"])
    text_run = docs_check("parity", str(built("mkdocs")), str(tmp_path / "changed"))
    assert "/ai-coder/mcp-server/: page-missing: in " in text_run.stdout


def test_parity_of_a_site_with_itself_is_clean(built):
    site = built("mkdocs")
    result = docs_check("parity", str(site), str(site))
    assert result.returncode == 0 and result.stdout == ""


def test_parity_refuses_a_folder_that_is_no_site(tmp_path):
    result = docs_check("parity", str(tmp_path), str(tmp_path))
    line = _one_line_error(result)
    assert line == f"docs-check: error: {tmp_path}: not a built site (no index.html)"


# -- docs-check serve ------------------------------------------------------------------------


def test_serve_runs_the_engines_own_server(tmp_path):
    """`docs-check serve --engine zensical` becomes `zensical serve` on the project's config."""
    from serving import fetch, free_port

    project = copy_project(tmp_path / "project")
    port = free_port()
    with (tmp_path / "serve.log").open("wb") as log:
        proc = subprocess.Popen([str(BIN / "docs-check"), "serve", "--engine", "zensical", "-a", f"127.0.0.1:{port}"],
                                cwd=project, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        status, body = 0, ""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, body = fetch(f"http://127.0.0.1:{port}/ai-coder/tasks/", timeout=2)
            except OSError:
                status = 0
            if status == 200:  # 404 until the first build is done
                break
            time.sleep(0.3)
        assert status == 200, (tmp_path / "serve.log").read_text(errors="replace")
        assert "Coder Tasks" in body and 'class="admonition note"' in body
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_with_an_unknown_engine_is_a_usage_error():
    line = _one_line_error(docs_check("serve", "--engine", "hugo"))
    assert line.startswith("docs-check serve: error: --engine hugo: no such engine")


def test_properdocs_yml_that_inherits_mkdocs_yml_checks_its_docs_dir(tmp_path):
    """properdocs.yml is read first; its docs_dir comes through INHERIT, as ProperDocs reads it."""
    project = tmp_path / "project"
    (project / "pages").mkdir(parents=True)
    (project / "pages" / "index.md").write_text("# Home\n\n> [!Note]\n> Miscased.\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: Inherit\ndocs_dir: pages\ntheme:\n  name: material\n", encoding="utf-8")
    (project / "properdocs.yml").write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    proc = run_build("--engine", "properdocs", "--select", "alert-", cwd=project)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("pages/index.md:3:1: alert-case: "), proc.stdout
    assert not (project / "site").exists()
