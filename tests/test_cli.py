"""The `docs-check` command, run as a subprocess the way a writer or CI runs it."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import BIN, ROOT, docs_check
from docs_check.ruleset import all_rules

RULES = all_rules()

# -- a page with several kinds of fixable problem ------------------------------------------------
# Each section: (rule, text before, text after --fix). Sections whose rule is not registered
# (a check still being written) are left out, so the test grows as checks land.
FIXABLE = [
    ("spell-repeated-word", "The the agent runs in a workspace.\n", "The agent runs in a workspace.\n"),
    ("alert-case", "> [!Note]\n> Tasks is in beta.\n", "> [!NOTE]\n> Tasks is in beta.\n"),
    ("alert-spacing", ">[!TIP]\n> Start small.\n", "> [!TIP]\n> Start small.\n"),
    (
        "tf-fmt",
        '```tf\nresource "coder_agent" "main" {\nos="linux"\n  arch    = "amd64"\n}\n```\n',
        '```tf\nresource "coder_agent" "main" {\n  os   = "linux"\n  arch = "amd64"\n}\n```\n',
    ),
    (
        "registry-host",
        "See [the module](http://registry.coder.com/modules/coder/claude-code).\n",
        "See [the module](https://registry.coder.com/modules/coder/claude-code).\n",
    ),
]
# Bytes no fix may touch: accents, an em dash, an emoji, a byte that is not UTF-8, trailing
# blanks, a tab.
UNTOUCHED = "# Caf\u00e9 \u2014 \U0001f680 agents\n\nPlain prose stays as it is.  \n\n\tIndented code.\n"
RAW_BYTE = b"A stray byte \xff in prose.\n"


def fixture_page(crlf: bool) -> tuple[bytes, bytes, list[str]]:
    kinds = [k for k in FIXABLE if k[0] in RULES]
    before = UNTOUCHED + "\n" + "\n".join(b for _, b, _ in kinds)
    after = UNTOUCHED + "\n" + "\n".join(a for _, _, a in kinds)
    nl = "\r\n" if crlf else "\n"
    encode = lambda s: s.replace("\n", nl).encode("utf-8")  # noqa: E731
    bom = b"\xef\xbb\xbf"
    return (
        bom + encode(before) + RAW_BYTE.replace(b"\n", nl.encode()),
        bom + encode(after) + RAW_BYTE.replace(b"\n", nl.encode()),
        [k[0] for k in kinds],
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder of its own, with an empty configuration, so the repository's does not apply."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    return tmp_path


def run_bytes(project: Path, *args: str, data: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "docs-check"), *args], cwd=project, input=data, capture_output=True, timeout=120
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- formats ---------------------------------------------------------------------------------


def test_text_format(project):
    write(project, "docs/a.md", "# Title\n\nThe Regitsry holds the the modules.\n")
    proc = docs_check("docs", cwd=project)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines == [
        "docs/a.md:3:5: spell-unknown-word: `Regitsry` is not in the dictionary: did you mean "
        "`Registry`? (a name or a term belongs in the project word list)",
        "docs/a.md:3:20: spell-repeated-word: `the the`: the word is repeated; delete one "
        "(docs-check --fix does it)",
    ]
    assert "\033[" not in proc.stdout  # not a terminal: no colour
    assert proc.stderr.strip() == "2 warnings in 1 of 1 file (1 fixable with --fix)."


def test_json_format(project):
    write(project, "a.md", "The Regitsry holds the the modules.\n")
    proc = docs_check("--format", "json", "a.md", cwd=project)
    assert proc.returncode == 1 and proc.stderr == ""
    data = json.loads(proc.stdout)
    assert [set(d) >= {"path", "line", "column", "end_line", "rule", "severity", "message", "fix"} for d in data] == [True, True]
    unknown, repeated = data
    assert unknown | {"message": None} == {
        "path": "a.md", "line": 1, "column": 5, "end_line": 1, "end_column": 13,
        "rule": "spell-unknown-word", "severity": "warning", "message": None, "fix": None,
        "page": None,
    }
    assert repeated["fix"] == {
        "start": 22, "end": 26, "replacement": "", "description": "delete the repeated `the`",
    }


def test_github_format_and_escaping(project):
    write(project, "we,ird:name%.md", "A Regitsry.\n")
    proc = docs_check("--format", "github", "we,ird:name%.md", cwd=project)
    assert proc.returncode == 1 and proc.stderr == ""
    (line,) = proc.stdout.splitlines()
    assert line.startswith(
        "::warning file=we%2Cird%3Aname%25.md,line=1,col=3,endLine=1,endColumn=11,"
        "title=spell-unknown-word::`Regitsry` is not in the dictionary"
    )


def check_sarif(log: dict) -> list[dict]:
    """The parts of SARIF 2.1.0 that GitHub's upload-sarif requires, checked by hand."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "docs-check" and isinstance(driver["rules"], list)
    rule_ids = [r["id"] for r in driver["rules"]]
    for r in driver["rules"]:
        assert r["shortDescription"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    for res in run["results"]:
        assert res["level"] in ("error", "warning", "note", "none")
        assert res["message"]["text"]
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
        (loc,) = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uriBaseId"] in run["originalUriBaseIds"]
        assert not phys["artifactLocation"]["uri"].startswith("/")
        region = phys["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region.get("endLine", region["startLine"]) >= region["startLine"]
        if "endColumn" in region and region.get("endLine") == region["startLine"]:
            assert region["endColumn"] > region["startColumn"]
    return run["results"]


def test_sarif_format(project):
    write(project, "docs/my page.md", "A Regitsry and the the end.\n")
    proc = docs_check("--format", "sarif", "docs", cwd=project)
    assert proc.returncode == 1 and proc.stderr == ""
    results = check_sarif(json.loads(proc.stdout))
    assert [r["ruleId"] for r in results] == ["spell-unknown-word", "spell-repeated-word"]
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/my%20page.md"
    assert loc["region"] == {"startLine": 1, "startColumn": 3, "endLine": 1, "endColumn": 11}


def test_sarif_with_no_findings_is_still_a_log(project):
    write(project, "a.md", "All good here.\n")
    proc = docs_check("--format", "sarif", "a.md", cwd=project)
    assert proc.returncode == 0
    assert check_sarif(json.loads(proc.stdout)) == []


# -- exit statuses -----------------------------------------------------------------------------


def test_exit_statuses(project):
    write(project, "clean.md", "All good here.\n")
    write(project, "typo.md", "A Regitsry.\n")
    assert docs_check("clean.md", cwd=project).returncode == 0
    assert docs_check("clean.md", cwd=project).stderr.strip() == "No problems in 1 file."
    assert docs_check("typo.md", cwd=project).returncode == 1
    # Warnings do not fail a run that fails on errors only.
    assert docs_check("--fail-on", "error", "typo.md", cwd=project).returncode == 0
    assert docs_check("--ignore", "spell-", "typo.md", cwd=project).returncode == 0
    missing = docs_check("nowhere.md", cwd=project)
    assert missing.returncode == 2 and "nowhere.md: no such file or folder" in missing.stderr
    bad_flag = docs_check("--format", "xml", "clean.md", cwd=project)
    assert bad_flag.returncode == 2 and "invalid choice: 'xml'" in bad_flag.stderr


def test_fail_on_from_configuration(project):
    write(project, "typo.md", "A Regitsry.\n")
    (project / "pyproject.toml").write_text('[tool.docs-check]\nfail-on = "error"\n')
    assert docs_check("typo.md", cwd=project).returncode == 0
    (project / "pyproject.toml").write_text('[tool.docs-check.rules]\nspell-unknown-word = "error"\n')
    proc = docs_check("--format", "json", "typo.md", cwd=project)
    assert proc.returncode == 1 and json.loads(proc.stdout)[0]["severity"] == "error"


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[tool.docs-check]\nfail-on = "loud"\n', "fail-on = 'loud': expected one of error, warning, info"),
        ("[tool.docs-check]\njobs = -1\n", "jobs = -1: expected an integer >= 0"),
        ('[tool.docs-check]\nfial-on = "error"\n', "unknown key 'fial-on' (did you mean 'fail-on'?)"),
        ('[tool.docs-check.rules]\nspell-unknown-word = "loud"\n', "spell-unknown-word = 'loud'"),
        ('[tool.docs-check]\nfail-on = \n', "not valid TOML"),
    ],
)
def test_bad_configuration_value_exits_2_naming_it(project, toml, expected):
    (project / "pyproject.toml").write_text(toml, encoding="utf-8")
    write(project, "a.md", "Fine.\n")
    proc = docs_check("a.md", cwd=project)
    assert proc.returncode == 2
    assert expected in proc.stderr, proc.stderr
    assert proc.stderr.startswith("docs-check: error: ") and "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_unknown_rule_id_on_the_command_line(project):
    write(project, "a.md", "Fine.\n")
    proc = docs_check("--select", "spell-unknown-wrod", "a.md", cwd=project)
    assert proc.returncode == 2
    assert "--select spell-unknown-wrod: no such rule (did you mean spell-unknown-word?)" in proc.stderr
    proc = docs_check("--ignore", "spell-,nope-rule", "a.md", cwd=project)
    assert proc.returncode == 2 and "--ignore nope-rule: no such rule" in proc.stderr


def test_unknown_rule_id_in_pyproject(project):
    write(project, "a.md", "Fine.\n")
    (project / "pyproject.toml").write_text('[tool.docs-check]\nselect = ["spell-unknown-wrod"]\n')
    proc = docs_check("a.md", cwd=project)
    assert proc.returncode == 2
    assert "select: unknown rule 'spell-unknown-wrod' (did you mean 'spell-unknown-word'?)" in proc.stderr
    (project / "pyproject.toml").write_text('[tool.docs-check.rules]\nspell-unknwon-word = "off"\n')
    proc = docs_check("a.md", cwd=project)
    assert proc.returncode == 2 and "unknown rule 'spell-unknwon-word'" in proc.stderr


def test_select_by_family_prefix(project):
    write(project, "a.md", "A Regitsry and the the end.\n")
    proc = docs_check("--select", "spell-repeated-word", "--format", "json", "a.md", cwd=project)
    assert [d["rule"] for d in json.loads(proc.stdout)] == ["spell-repeated-word"]


# -- --fix and --diff ------------------------------------------------------------------------------


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_fix_changes_only_the_problems_and_keeps_bom_line_endings_and_mode(project, crlf):
    before, expected, kinds = fixture_page(crlf)
    assert "spell-repeated-word" in kinds
    page = project / "docs" / "page.md"
    page.parent.mkdir()
    page.write_bytes(before)
    page.chmod(0o640)

    listed = docs_check("--format", "json", "docs", cwd=project)
    assert {d["rule"] for d in json.loads(listed.stdout)} == set(kinds)

    diff = run_bytes(project, "--diff", "docs")
    assert diff.returncode == 1
    assert page.read_bytes() == before  # --diff changes nothing
    assert diff.stdout.startswith(b"--- a/docs/page.md\n+++ b/docs/page.md\n")
    assert b"-The the agent runs in a workspace." in diff.stdout
    assert b"+The agent runs in a workspace." in diff.stdout
    assert f"1 file would be changed by --fix ({len(kinds)} fixes).".encode() in diff.stderr
    if shutil.which("patch"):  # the diff is a real patch: applied to a copy, it gives --fix's result
        copy = project / "copy" / "docs" / "page.md"
        copy.parent.mkdir(parents=True)
        copy.write_bytes(before)
        patched = subprocess.run(["patch", "-p1", "--binary", "-s"], cwd=project / "copy",
                                 input=diff.stdout, capture_output=True, timeout=60)
        assert patched.returncode == 0, patched.stdout + patched.stderr
        assert copy.read_bytes() == expected

    fixed = docs_check("--fix", "docs", cwd=project)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert page.read_bytes() == expected  # every other byte as it was: BOM, CRLF, \xff
    assert page.stat().st_mode & 0o777 == 0o640
    assert f"Fixed {len(kinds)} problems in 1 file." in fixed.stderr
    assert [p.name for p in page.parent.iterdir()] == ["page.md"]  # no temporary file left

    again = docs_check("--fix", "docs", cwd=project)
    assert again.returncode == 0 and page.read_bytes() == expected
    assert "Fixed 0 problems in 0 files." in again.stderr
    quiet = run_bytes(project, "--diff", "docs")
    assert quiet.returncode == 0 and quiet.stdout == b""


def test_fix_reports_what_it_cannot_fix(project):
    page = write(project, "a.md", "A Regitsry and the the end.\n")
    proc = docs_check("--fix", "a.md", cwd=project)
    assert proc.returncode == 1
    assert page.read_text() == "A Regitsry and the end.\n"
    assert [ln.split(": ")[1] for ln in proc.stdout.splitlines()] == ["spell-unknown-word"]


def test_fix_leaves_a_clean_file_alone(project):
    page = write(project, "a.md", "Nothing to fix.\n")
    os.utime(page, (1_000_000_000, 1_000_000_000))
    assert docs_check("--fix", "a.md", cwd=project).returncode == 0
    assert page.stat().st_mtime == 1_000_000_000


def test_fix_and_diff_are_exclusive(project):
    write(project, "a.md", "Fine.\n")
    proc = docs_check("--fix", "--diff", "a.md", cwd=project)
    assert proc.returncode == 2 and "not allowed with argument" in proc.stderr


# -- editors: standard input --------------------------------------------------------------------


def test_stdin_is_checked_as_the_named_file(project):
    proc = run_bytes(project, "-", "--stdin-filename", "docs/tasks.md", data=b"A Regitsry.\n")
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("docs/tasks.md:1:3: spell-unknown-word: ")
    fixed = run_bytes(project, "--fix", "-", data=b"\xef\xbb\xbfThe the end.\r\n")
    assert fixed.returncode == 0 and fixed.stdout == b"\xef\xbb\xbfThe end.\r\n"


# -- rules, module entry point, colour, default folder ----------------------------------------------


def test_rules_lists_every_rule_with_its_severity():
    proc = docs_check("rules")
    assert proc.returncode == 0
    listed = {}
    for line in proc.stdout.splitlines():
        rid, sev, rest = re.match(r"(\S+)\s+(error|warning|info)\s+(.*)", line).groups()
        listed[rid] = (sev, rest.startswith("fix "))
    assert listed == {rid: (str(r.severity), r.fixable) for rid, r in RULES.items()}
    as_json = json.loads(docs_check("rules", "--format", "json").stdout)
    assert {r["id"] for r in as_json} == set(RULES)
    assert all(r["summary"] for r in as_json)
    spell = docs_check("rules", "spell-").stdout
    assert [ln.split()[0] for ln in spell.splitlines()] == [
        "spell-code-in-prose", "spell-repeated-word", "spell-unknown-word", "spell-variant"
    ]


def test_python_dash_m(project):
    write(project, "a.md", "A Regitsry.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "docs_check", "a.md"], cwd=project, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 1 and "spell-unknown-word" in proc.stdout
    assert subprocess.run([sys.executable, "-m", "docs_check", "--help"], capture_output=True,
                          timeout=60).returncode == 0


def run_in_terminal(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run with stdout on a pseudo-terminal, as in a writer's shell; return what it printed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [str(BIN / "docs-check"), *args], cwd=cwd, stdout=follower, stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    os.close(follower)
    out = b""
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1)
            if ready:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # the terminal closed: the process is done
                    break
                if not chunk:
                    break
                out += chunk
            elif proc.poll() is not None:
                break
    finally:
        proc.kill() if proc.poll() is None else None
        proc.wait(timeout=30)
        os.close(leader)
    return out.decode()


def test_colour_only_on_a_terminal_or_when_asked(project):
    write(project, "a.md", "A Regitsry.\n")
    env = {"NO_COLOR": "", "FORCE_COLOR": ""}
    assert "\033[1ma.md:1:3\033[0m" in run_in_terminal(["a.md"], project, env)
    assert "\033[" not in run_in_terminal(["a.md"], project, {**env, "NO_COLOR": "1"})
    assert "\033[" not in run_in_terminal(["--color", "never", "a.md"], project, env)
    piped = docs_check("a.md", cwd=project, env=env)
    assert "\033[" not in piped.stdout
    forced = docs_check("--color", "always", "a.md", cwd=project, env=env)
    assert "\033[33mspell-unknown-word\033[0m" in forced.stdout


def test_default_path_is_the_docs_dir_of_mkdocs_yml():
    proc = docs_check("--select", "spell-")
    pages = len([p for p in (ROOT / "docs").rglob("*.md") if not any(s.startswith(".") for s in p.parts)])
    assert proc.returncode == 0, proc.stdout
    assert proc.stderr.strip() == f"No problems in {pages} file{'s' * (pages != 1)}."


def test_default_path_follows_inherit_as_the_engines_do(project):
    """A mkdocs.yml that inherits its docs_dir (INHERIT: base.yml) is read as MkDocs reads it."""
    write(project, "base.yml", "site_name: x\ndocs_dir: pages\n")
    write(project, "mkdocs.yml", "INHERIT: base.yml\n")
    write(project, "pages/a.md", "A Regitsry.\n")
    write(project, "docs/b.md", "Another Regitsry.\n")  # not the docs_dir: not checked
    proc = docs_check("--select", "spell-", cwd=project)
    assert proc.returncode == 1
    assert [line.split(":")[0] for line in proc.stdout.splitlines()] == ["pages/a.md"]


def test_hidden_folders_are_skipped_unless_named(project):
    write(project, "docs/.drafts/a.md", "A Regitsry.\n")
    write(project, "docs/b.md", "Fine.\n")
    assert docs_check("docs", cwd=project).returncode == 0
    assert docs_check("docs/.drafts", cwd=project).returncode == 1
    # Installed packages and Go's test inputs (a generator's expected output) are not docs.
    write(project, "docs/node_modules/x/README.md", "A Regitsry.\n")
    write(project, "docs/internal/testdata/out.md", "A Regitsry.\n")
    assert docs_check("docs", cwd=project).returncode == 0
    assert docs_check("docs/internal/testdata", cwd=project).returncode == 1
    assert docs_check("docs/internal/testdata/out.md", cwd=project).returncode == 1
    # A test tree's inputs sit deep in it (bat's syntax-test sources); its docs near its top.
    write(project, "docs/tests/syntax-tests/source/Markdown/alerts.md", "A Regitsry.\n")
    assert docs_check("docs", cwd=project).returncode == 0
    write(project, "docs/tests/e2e/README.md", "A Regitsry.\n")
    assert docs_check("docs", cwd=project).returncode == 1
    write(project, "docs/tests/e2e/README.md", "Fine.\n")
    # A folder named like a page (a checkout of the `agents.md` repository) is walked, not read.
    write(project, "docs/agents.md/README.md", "Fine.\n")
    assert docs_check("docs", cwd=project).returncode == 0


def test_report_subcommand_turns_a_saved_report_into_annotations(project):
    write(project, "a.md", "A Regitsry and the the end.\n")
    saved = docs_check("--format", "json", "a.md", cwd=project).stdout
    (project / "report.json").write_text(saved)
    proc = docs_check("report", "report.json", "--format", "github", cwd=project)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[1].startswith(
        "::warning file=a.md,line=1,col=16,endLine=1,endColumn=23,title=spell-repeated-word::"
    )
    assert docs_check("report", "report.json", "--ignore", "spell-", cwd=project).returncode == 0
    (project / "bad.json").write_text('{"not": "a report"}')
    bad = docs_check("report", "bad.json", cwd=project)
    assert bad.returncode == 2 and "not a docs-check report" in bad.stderr


# -- pre-commit ----------------------------------------------------------------------------------


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "pre-commit"), *args], cwd=cwd, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"},
    )


def test_pre_commit_manifest_and_config_are_valid(tmp_path):
    for cmd, name in (("validate-manifest", ".pre-commit-hooks.yaml"), ("validate-config", ".pre-commit-config.yaml")):
        proc = pre_commit(cmd, str(ROOT / name), cwd=ROOT, home=tmp_path)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    import tomllib

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert hook["language"] == "python" and hook["entry"] in scripts  # pip install . provides it


def test_the_projects_pre_commit_hook_blocks_a_typo(tmp_path):
    """The repository's own hook, run by pre-commit in a scratch repository (never this one:
    pre-commit stashes unstaged work)."""
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / ".venv").symlink_to(BIN.parent)
    (repo / ".pre-commit-config.yaml").write_text((ROOT / ".pre-commit-config.yaml").read_text())
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    page = repo / "docs" / "page.md"
    page.write_text("A Regitsry.\n")
    for cmd in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *cmd], cwd=repo, check=True, capture_output=True, timeout=60)
    proc = pre_commit("run", "docs-check", "--files", "docs/page.md", cwd=repo, home=tmp_path / "home")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "docs/page.md:1:3: spell-unknown-word: `Regitsry`" in proc.stdout
    page.write_text("A Registry.\n")
    proc = pre_commit("run", "docs-check", "--files", "docs/page.md", cwd=repo, home=tmp_path / "home")
    assert proc.returncode == 0, proc.stdout + proc.stderr
