"""The vendored registry catalog and provider schema: loading, queries, versions, refresh."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT, SHARED
from docs_check import catalog as C
from docs_check import refresh, schema
from docs_check.config import Config, ConfigError
from docs_check.versions import Constraint, Version, VersionError, matching, newest

DATA = ROOT / "hooks" / "docs_check" / "data"


# -- versions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("constraint", "allowed", "refused"),
    [
        ("1.2.3", ["1.2.3"], ["1.2.4", "1.2.2"]),
        ("= 1.2.3", ["1.2.3"], ["1.3.0"]),
        (">= 2.13", ["2.13.0", "2.17.0", "3.0.0"], ["2.12.9"]),
        ("~> 1.0", ["1.0.0", "1.9.9"], ["2.0.0", "0.9.0"]),
        ("~> 1.0.4", ["1.0.4", "1.0.10"], ["1.1.0", "1.0.3"]),
        (">= 0.2, < 0.3", ["0.2.0", "0.2.9"], ["0.3.0", "0.1.9"]),
        ("!= 1.0.0", ["1.0.1"], ["1.0.0"]),
    ],
)
def test_constraints_read_as_terraform_reads_them(constraint, allowed, refused):
    c = Constraint.parse(constraint)
    assert all(c.allows(v) for v in allowed)
    assert not any(c.allows(v) for v in refused)


def test_versions_order_numerically_and_prereleases_stay_out():
    assert Version.parse("2.10.0") > Version.parse("2.9.0")
    assert Version.parse("v2.11.0") == Version.parse("2.11")
    assert not Constraint.parse(">= 1.0").allows("1.1.0-rc.1")
    assert matching("~> 4.7", ["4.6.0", "4.7.0", "4.9.2", "5.0.0"]) == ["4.7.0", "4.9.2"]
    assert newest(["1.0.9", "1.0.10"]) == "1.0.10"
    with pytest.raises(VersionError):
        Constraint.parse(">= x.y")


# -- the vendored files ----------------------------------------------------------------------


# What this project added to the shared catalog, each with its provenance in the file and
# in PROVENANCE.md: the settled source namespaces, and documented defaults of secret variables.
ADDED_TOP = ("module_source_versions", "documented_secret_defaults")


def _without_additions(cat: dict) -> dict:
    out = {k: v for k, v in cat.items() if k not in ADDED_TOP}
    for entry in out["namespaces"].values():
        for module in (entry.get("modules") or {}).values():
            for spec in module.get("variables", {}).values():
                spec.pop("default", None)
    return out


def test_vendored_files_are_the_shared_data_plus_documented_additions():
    if not SHARED.is_dir():
        pytest.skip("../shared is absent")
    assert (DATA / "provider-schema.json").read_bytes() == (SHARED / "data" / "provider-schema.json").read_bytes()
    ours = json.loads((DATA / "registry-catalog.json").read_text(encoding="utf-8"))
    shared = json.loads((SHARED / "data" / "registry-catalog.json").read_text(encoding="utf-8"))
    assert _without_additions(ours) == shared
    assert all(key in ours for key in ADDED_TOP)
    # Every recorded default names its source file in the catalog.
    sources = " ".join(ours["documented_secret_defaults"]["sources"])
    for value, where in C.load_catalog(DATA / "registry-catalog.json").documented_defaults().items():
        ident, var = where.rsplit(".", 1)
        assert f"registry/{ident.split('/')[0]}/modules/{ident.split('/')[1]}/main.tf" in sources, where
        assert f'{var} = "{value}"' in sources, where


def test_provenance_names_source_commits_and_keeps_generated_from():
    text = (DATA / "PROVENANCE.md").read_text()
    cat = json.loads((DATA / "registry-catalog.json").read_text())
    sch = json.loads((DATA / "provider-schema.json").read_text())
    assert cat["generated_from_detail"]["commit"] in text
    assert sch["generated_from_detail"]["commit"] in text
    assert cat["generated_from"].startswith("coder/registry ")
    assert "python -m docs_check.refresh --registry-checkout" in text


def test_which_versions_each_source_form_serves():
    cat = C.load_catalog(C.DEFAULT_CATALOG)
    registry = cat.module("coder/claude-code")["versions"]
    old = cat.legacy_versions["claude-code"]  # coder/modules releases, before the registry
    # `coder` and its old alias `modules` serve both; the same list either way.
    assert cat.source_versions("coder", "claude-code") == registry + old
    assert cat.source_versions("modules", "claude-code") == cat.source_versions("coder", "claude-code")
    # A module that moved to another namespace: that namespace serves its own tags only, and
    # `coder` keeps serving the old releases.
    assert cat.source_versions("thezoker", "nodejs") == ["1.0.11", "1.0.12", "1.0.13", "1.1.0"]
    assert cat.source_versions("coder", "nodejs") == cat.legacy_versions["nodejs"]
    assert cat.source_versions("coder-labs", "codex") == cat.module("coder-labs/codex")["versions"]
    # A module's README may pin the untagged next release, or one bump of the newest tag.
    assert cat.next_versions("coder/claude-code") == ["5.4.1", "5.5.0", "6.0.0"]
    assert cat.next_versions("thezoker/nodejs") == ["1.1.1", "1.2.0", "2.0.0"]
    # The untagged README version is the catalog's head: its variables are known.
    assert cat.variables_at("coder/claude-code", "5.4.1") == cat.variables_at("coder/claude-code", None)
    assert cat.variables_at("coder/claude-code", "5.5.0") is None


def test_catalog_lookups():
    cat = C.load_catalog(C.DEFAULT_CATALOG)
    assert cat.lookup(C.MODULE, "coder/claude-code").ok
    assert cat.lookup(C.MODULE, "coder/Claude-Code").status == C.CASE
    assert cat.lookup(C.MODULE, "coder/Claude-Code").target == "coder/claude-code"
    gemini = cat.lookup(C.MODULE, "coder-labs/gemini")
    assert gemini.status == C.REMOVED and "2026-07-22" in gemini.note
    assert cat.lookup(C.MODULE, "coder/cmux").status == C.RENAMED
    assert cat.lookup(C.MODULE, "coder/cmux").target == "coder/mux"
    assert cat.lookup(C.TEMPLATE, "coder-labs/tasks-docker").status == C.REMOVED
    assert cat.lookup(C.NAMESPACE, "Excellencedev").status == C.RENAMED
    assert cat.lookup(C.MODULE, "coder/codex").suggestion == "coder-labs/codex"
    assert cat.lookup(C.MODULE, "coder-login/coder").suggestion == "coder/coder-login"  # order swapped
    assert cat.lookup(C.MODULE, "anomaly/gemini").suggestion is None  # not AJ0070/pgadmin
    assert cat.lookup(C.MODULE, "someone/code-sever").suggestion == "coder/code-server"
    assert cat.lookup(C.MODULE, "coder/docker").other_kind == C.TEMPLATE
    assert cat.lookup(C.SKILL, "coder/setup").ok
    assert cat.legacy(C.MODULE, "code-server") == ["coder/code-server"]
    assert cat.tagged("tasks", C.MODULE) and cat.tagged("tasks", C.TEMPLATE)
    assert not cat.tagged("no-such-tag")


def test_variables_and_outputs_follow_the_history():
    cat = C.load_catalog(C.DEFAULT_CATALOG)
    at_4 = cat.variables_at("coder/claude-code", "4.7.3")
    at_5 = cat.variables_at("coder/claude-code", "5.4.0")
    assert "ai_prompt" in at_4 and "ai_prompt" not in at_5
    assert "enable_ai_gateway" in at_5 and "enable_ai_gateway" not in at_4
    assert "agent_id" in at_4 and "agent_id" in at_5  # there all along: not in the history
    assert "task_app_id" in cat.outputs_at("coder/claude-code", "4.0.0")
    assert "task_app_id" not in cat.outputs_at("coder/claude-code", "5.0.0")
    # coder/modules releases from before the registry: nothing recorded, nothing claimed.
    assert cat.variables_at("coder/claude-code", "1.2.1") is None
    assert "1.2.1" in cat.versions("coder/claude-code", legacy=True)
    assert "1.2.1" not in cat.versions("coder/claude-code")


def test_catalog_loads_once_per_process():
    assert C.load_catalog(C.DEFAULT_CATALOG) is C.load_catalog(C.DEFAULT_CATALOG)
    assert schema.load_schema(schema.DEFAULT_SCHEMA) is schema.load_schema(schema.DEFAULT_SCHEMA)


def test_schema_queries():
    s = schema.load_schema(schema.DEFAULT_SCHEMA)
    task = s.type(schema.RESOURCE, "coder_ai_task")
    sidebar = task.fields()["sidebar_app"]
    assert sidebar.required_at(Version.parse("2.11.0")) and not sidebar.required_at(Version.parse("2.12.0"))
    assert sidebar.deprecated_at(Version.parse("2.12.0")) and not sidebar.deprecated_at(Version.parse("2.11.0"))
    assert not task.fields()["app_id"].exists_at(Version.parse("2.11.0"))
    assert not task.fields()["prompt"].settable
    assert s.type(schema.RESOURCE, "coder_parameter") is None
    assert "data source" in s.not_a_type(schema.RESOURCE, "coder_parameter")
    assert s.lowest_satisfying(Constraint.parse(">= 2.13")) == "2.13.0"
    assert s.latest == "2.17.0"


# -- overrides and bad files -----------------------------------------------------------------


def test_override_by_environment_and_by_configuration(tmp_path, monkeypatch):
    other = tmp_path / "catalog.json"
    other.write_text(json.dumps({"namespaces": {"acme": {"modules": {"thing": {}}, "templates": {}}}}))
    config = Config(sections={"registry": {"catalog": "catalog.json"}}, root=tmp_path)
    monkeypatch.delenv(C.ENV_CATALOG, raising=False)
    assert C.catalog_path(config) == other
    assert C.load_catalog(config=config).lookup(C.MODULE, "acme/thing").ok
    monkeypatch.setenv(C.ENV_CATALOG, str(C.DEFAULT_CATALOG))
    assert C.catalog_path(config) == C.DEFAULT_CATALOG


@pytest.mark.parametrize(
    ("content", "expected"),
    [(None, "cannot read"), ("{not json", "not valid JSON"), ('{"modules": []}', "not a registry catalog")],
)
def test_missing_or_malformed_catalog_is_a_config_error_naming_the_path(tmp_path, content, expected):
    path = tmp_path / "broken.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(ConfigError) as err:
        C.load_catalog(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_malformed_schema_is_a_config_error(tmp_path):
    path = tmp_path / "schema.json"
    path.write_text("[]")
    with pytest.raises(ConfigError, match="not a provider schema"):
        schema.load_schema(path)


def test_a_bad_catalog_override_stops_the_cli_with_a_message(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("[x](https://registry.coder.com/modules/coder/claude-code)\n")
    env = {**os.environ, C.ENV_CATALOG: str(tmp_path / "nope.json")}
    env.pop("DOCS_CHECK_RAISE", None)
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "docs-check"), str(page), "--select", "registry-"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert proc.returncode != 0
    assert "nope.json" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr


# -- refresh from a checkout -----------------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    env = {
        **os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull,
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


MODULE_README = """---
display_name: Widget
description: A widget
icon: ../../../../.icons/widget.svg
verified: true
tags: [ide, tasks]
---

# Widget

```tf
module "widget" {
  source   = "registry.coder.com/acme/widget/coder"
  version  = "1.1.0"
  agent_id = coder_agent.main.id
}
```
"""


@pytest.fixture
def fake_checkout(tmp_path: Path) -> Path:
    """A tiny coder/registry: one namespace, a module released twice, a module released and
    removed, a template removed."""
    repo = tmp_path / "registry-repo"
    _git(tmp_path, "init", "-q", str(repo))
    _write(repo / "registry/acme/README.md", "---\ndisplay_name: Acme\nstatus: community\ngithub: acme\n---\n")
    _write(repo / "registry/acme/modules/widget/README.md", MODULE_README)
    _write(repo / "registry/acme/modules/widget/main.tf", (
        'variable "agent_id" {\n  type = string\n}\n\n'
        'variable "old_flag" {\n  type    = bool\n  default = false\n}\n\n'
        'output "url" {\n  value = "x"\n}\n'
    ))
    _write(repo / "registry/acme/modules/gadget/README.md", "---\ndisplay_name: Gadget\ntags: [ide]\n---\n")
    _write(repo / "registry/acme/modules/gadget/main.tf", 'variable "x" {\n  default = 1\n}\n')
    _write(repo / "registry/acme/templates/box/README.md", "---\ndisplay_name: Box\ntags: [docker]\n---\n")
    _write(repo / "registry/acme/templates/box/main.tf", (
        'terraform {\n  required_providers {\n    coder = {\n      source  = "coder/coder"\n'
        '      version = ">= 2.13"\n    }\n  }\n}\n\nresource "coder_ai_task" "t" {\n}\n'
    ))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "first")
    _git(repo, "tag", "release/acme/widget/v1.0.0")
    _git(repo, "tag", "release/acme/gadget/v0.1.0")
    _write(repo / "registry/acme/modules/widget/main.tf", (
        'variable "agent_id" {\n  type = string\n}\n\n'
        'variable "new_flag" {\n  type    = bool\n  default = true\n}\n\n'
        'variable "admin_password" {\n  type      = string\n  default   = "widgetPW!"\n  sensitive = true\n}\n\n'
        'variable "api_key" {\n  type      = string\n  default   = ""\n  sensitive = true\n}\n\n'
        'variable "greeting" {\n  type    = string\n  default = "hello"\n}\n\n'
        'output "url" {\n  value = "x"\n}\n'
    ))
    _git(repo, "commit", "-q", "-am", "widget: replace old_flag with new_flag")
    _git(repo, "tag", "release/acme/widget/v1.1.0")
    _git(repo, "rm", "-q", "-r", "registry/acme/modules/gadget", "registry/acme/templates/box")
    _git(repo, "commit", "-q", "-m", "chore: remove gadget and box")
    return repo


def test_refresh_from_a_checkout_regenerates_a_loadable_catalog(fake_checkout, tmp_path):
    out = tmp_path / "catalog.json"
    code = refresh.main(["--registry-checkout", str(fake_checkout), "--output", str(out)])
    assert code == 0
    data = json.loads(out.read_text())
    widget = data["namespaces"]["acme"]["modules"]["widget"]
    assert widget["versions"] == ["1.0.0", "1.1.0"] and widget["latest_version"] == "1.1.0"
    assert widget["required_variables"] == ["agent_id"]
    assert widget["variable_history"] == {
        "admin_password": {"since": "1.1.0"},
        "api_key": {"since": "1.1.0"},
        "greeting": {"since": "1.1.0"},
        "new_flag": {"since": "1.1.0"},
        "old_flag": {"since": "1.0.0", "removed_in": "1.1.0"},
    }
    assert widget["tags"] == ["ide", "tasks"] and widget["readme_versions"] == ["1.1.0"]
    assert data["tag_index"]["tasks"] == ["acme/modules/widget"]
    assert "acme/gadget" in data["released_but_not_at_head"]
    assert "remove gadget" in data["released_but_not_at_head"]["acme/gadget"]["removed_by_commit"]
    assert "acme/templates/box" in data["removed_templates"]
    assert len(data["generated_from_detail"]["commit"]) == 40
    # Carried over from the vendored catalog: what a checkout cannot tell.
    assert data["legacy_coder_modules_repo"]["versions"]["code-server"]
    assert "renames" in data and "renames" in data["generated_from_detail"]["carried_over"]
    assert data["module_source_versions"] == json.loads((DATA / "registry-catalog.json").read_text())["module_source_versions"]
    # A secret variable's literal default is recorded (the secret checks skip it); an empty
    # one, or a default of a variable that holds no secret, is not.
    variables = widget["variables"]
    assert variables["admin_password"]["default"] == "widgetPW!"
    assert "default" not in variables["api_key"] and "default" not in variables["greeting"]

    cat = C.load_catalog(out)
    assert cat.lookup(C.MODULE, "acme/widget").ok
    assert cat.lookup(C.MODULE, "acme/gadget").status == C.REMOVED
    assert "old_flag" in cat.variables_at("acme/widget", "1.0.0")
    assert "old_flag" not in cat.variables_at("acme/widget", "1.1.0")
    assert cat.documented_defaults() == {"widgetPW!": "acme/widget.admin_password"}


def test_refresh_dry_run_writes_nothing(fake_checkout, tmp_path, capsys):
    out = tmp_path / "catalog.json"
    assert refresh.main(["--registry-checkout", str(fake_checkout), "--output", str(out), "--dry-run"]) == 0
    assert not out.exists()
    assert "+ module acme/widget" in capsys.readouterr().out


def test_refresh_refuses_a_folder_that_is_not_a_checkout(tmp_path, capsys):
    assert refresh.main(["--registry-checkout", str(tmp_path), "--output", str(tmp_path / "c.json")]) == 2
    assert "not a coder/registry checkout" in capsys.readouterr().err


def test_refresh_live_against_a_registry_protocol_server(tmp_path):
    """--live speaks Terraform's module registry protocol; a local server stands in for
    registry.coder.com (the tests run offline)."""
    base = {
        "namespaces": {"acme": {"modules": {
            "widget": {"versions": ["1.0.0"], "latest_version": "1.0.0"},
            "gone": {"versions": ["0.1.0"], "latest_version": "0.1.0"},
        }, "templates": {}}},
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/.well-known/terraform.json":
                body = {"modules.v1": "/v1/modules/"}
            elif self.path == "/v1/modules/acme/widget/coder/versions":
                body = {"modules": [{"versions": [{"version": "1.0.0"}, {"version": "1.2.0"}]}]}
            else:
                self.send_error(404)
                return
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        new, changes = refresh.from_live(base, url, timeout=5)
    finally:
        server.shutdown()
    widget = new["namespaces"]["acme"]["modules"]["widget"]
    assert widget["versions"] == ["1.0.0", "1.2.0"] and widget["latest_version"] == "1.2.0"
    assert "gone" not in new["namespaces"]["acme"]["modules"]
    assert "acme/gone" in new["released_but_not_at_head"]
    assert any("acme/gone" in c for c in changes)


def test_refresh_live_without_network_says_so(tmp_path):
    with pytest.raises(refresh.RefreshError, match="cannot reach"):
        refresh.from_live({"namespaces": {}}, "http://127.0.0.1:9", timeout=2)
