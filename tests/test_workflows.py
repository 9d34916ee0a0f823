"""The GitHub Actions workflows: parse, pinned, least privilege, safe with untrusted pull requests."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


@pytest.fixture(params=WORKFLOWS, ids=lambda p: p.name)
def workflow(request) -> tuple[Path, dict]:
    return request.param, _load(request.param)


def test_there_are_publish_and_preview_workflows():
    names = {_load(p)["name"] for p in WORKFLOWS}
    assert {"Publish docs", "Docs preview build", "Docs preview deploy", "Docs preview closed"} <= names


def test_no_workflow_uses_pull_request_target(workflow):
    path, data = workflow
    assert "pull_request_target" not in data["on"], path.name
    assert "pull_request_target" not in path.read_text(encoding="utf-8").split("#")[0]


def test_every_action_is_pinned_to_a_full_commit_sha(workflow):
    path, data = workflow
    uses = [step["uses"] for step in _steps(data) if "uses" in step]
    for job in data["jobs"].values():
        if "uses" in job:
            uses.append(job["uses"])
    for ref in uses:
        assert SHA_PIN.match(ref), f"{path.name}: {ref} is not pinned to a 40-character commit SHA"


def test_least_privilege(workflow):
    path, data = workflow
    assert data.get("permissions") == {}, f"{path.name}: top-level permissions must be {{}}"
    for name, job in data["jobs"].items():
        assert "timeout-minutes" in job, f"{path.name}:{name} has no timeout"
        for scope, level in (job.get("permissions") or {}).items():
            assert level in ("read", "write"), (path.name, name, scope)


def test_checkouts_do_not_persist_credentials(workflow):
    path, data = workflow
    for step in _steps(data):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False, path.name


def test_preview_build_has_no_secrets_and_reads_only():
    data = _load(ROOT / ".github/workflows/preview-build.yml")
    assert list(data["on"]) == ["pull_request"]
    text = (ROOT / ".github/workflows/preview-build.yml").read_text()
    assert "secrets." not in text
    for job in data["jobs"].values():
        assert set((job.get("permissions") or {}).values()) <= {"read"}
    assert "concurrency" in data and "pull_request.number" in data["concurrency"]["group"]


def test_deploy_never_checks_out_or_runs_pull_request_code():
    path = ROOT / ".github/workflows/preview-deploy.yml"
    data = _load(path)
    assert list(data["on"]) == ["workflow_run"]
    for step in _steps(data):
        assert not step.get("uses", "").startswith("actions/checkout@"), "deploy checks out code"
        run = step.get("run", "")
        # It never installs or executes anything that came from the pull request.
        for forbidden in ("pip install", "mkdocs", "pytest", "npm ", "make ", "bash site", "source "):
            assert forbidden not in run, f"deploy step runs {forbidden!r}"
    text = path.read_text(encoding="utf-8")
    assert "head_branch" not in text and "head.ref" not in text
    # The artifact is validated before use.
    assert "^[1-9][0-9]{0,8}$" in text
    assert "tar -tf" in text and "--no-same-owner" in text


def test_closing_a_pull_request_removes_its_preview():
    closed = _load(ROOT / ".github/workflows/preview-closed.yml")
    assert closed["on"]["pull_request"]["types"] == ["closed"]
    deploy = _load(ROOT / ".github/workflows/preview-deploy.yml")
    assert "Docs preview closed" in deploy["on"]["workflow_run"]["workflows"]
    assert 'rm -rf "${work:?}/pr-$NUMBER"' in (ROOT / ".github/workflows/preview-deploy.yml").read_text()


def test_zizmor_finds_nothing():
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent))
    assert zizmor, "zizmor is in requirements.txt"
    proc = subprocess.run(
        [zizmor, "--offline", "--persona", "pedantic", "--no-progress", str(ROOT / ".github" / "workflows")],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "No findings to report" in proc.stdout + proc.stderr
