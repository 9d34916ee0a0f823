"""Coder provider use in Terraform snippets (`tf-provider-*`), against the schema history.

Real cases: `resource "coder_parameter"` (it is a data source), `coder_workspace_daemon`
(a textual rename in a coder/coder docs revision), `data.coder_ai_task` (in the provider's
own docs example), `data.coder_workspace.me.owner` (removed in v2.0.0, still in Coder's docs),
and the Tasks page's `sidebar_app`, required at v2.11.0 and deprecated from v2.12.0.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, docs_check
from docs_check.checks import provider
from docs_check.config import Config, ConfigError
from docs_check.engine import check_text
from docs_check.findings import Severity


def check(text: str, version: str | None = "2.11.0") -> list:
    sections = {"terraform": {"provider-version": version}} if version else {}
    return check_text(text, "page.md", Config(select=("tf-provider-",), sections=sections))


def tf(body: str, front: str = "") -> str:
    return f"{front}Intro.\n\n```tf\n{body.strip()}\n```\n"


def rules(text: str, version: str | None = "2.11.0") -> list[str]:
    return [f.rule for f in check(text, version)]


AGENT = 'resource "coder_agent" "main" {\n  arch = "amd64"\n  os   = "linux"\n}\n'

# The Tasks page's snippet as of provider v2.11.0.
TASK_2_11 = """
data "coder_parameter" "ai_prompt" {
  name = "AI Prompt"
  type = "string"
}

resource "coder_app" "claude_code" {
  agent_id     = coder_agent.main.id
  slug         = "claude-code"
  display_name = "Claude Code"
  url          = "http://localhost:3284/"
}

resource "coder_ai_task" "claude_code" {
  count = data.coder_parameter.ai_prompt.value != "" ? 1 : 0

  sidebar_app {
    id = coder_app.claude_code.id
  }
}
"""

TASK_2_13 = """
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = ">= 2.13"
    }
  }
}

data "coder_task" "me" {}

resource "coder_ai_task" "task" {
  count  = data.coder_workspace.me.start_count
  app_id = coder_app.agent.id
}
"""


def test_valid_snippets_pass():
    assert check(tf(AGENT + "\n" + TASK_2_11)) == []
    assert check(tf(TASK_2_13)) == []


def test_resource_coder_parameter_is_a_data_source():
    [f] = check(tf('resource "coder_parameter" "x" {\n  name = "x"\n}\n'))
    assert f.rule == "tf-provider-type" and f.severity == Severity.ERROR
    assert "coder_parameter is a data source, not a resource" in f.message
    assert 'write `data "coder_parameter"`' in f.message
    assert (f.line, f.column) == (4, 10)


def test_types_that_never_existed():
    [f] = check(tf('resource "coder_workspace_daemon" "main" {\n  arch = "amd64"\n  os   = "linux"\n}\n'))
    assert f.rule == "tf-provider-type" and "not a Coder provider type" in f.message
    assert "coder_agent was textually renamed" in f.message
    [g] = check(tf('data "coder_ai_task" "me" {}\n'))
    assert g.rule == "tf-provider-type" and "coder_ai_task is a resource, not a data source" in g.message


def test_references_to_types_that_do_not_exist():
    # The provider's own docs/data-sources/task.md: prompt = data.coder_ai_task.me.prompt
    block = 'resource "coder_agent" "main" {\n  arch = "amd64"\n  os   = "linux"\n  env = {\n    PROMPT = data.coder_ai_task.me.prompt\n  }\n}\n'
    [f] = check(tf(block))
    assert f.rule == "tf-provider-type" and "`data.coder_ai_task.me` refers to a type that does not exist" in f.message
    assert (f.line, f.column) == (8, 14)


def test_did_you_mean_for_near_misses():
    [f] = check(tf('resource "coder_agnet" "main" {\n  arch = "amd64"\n}\n'))
    assert "did you mean `coder_agent`?" in f.message
    [g] = check(tf('resource "coder_workspace_owner" "me" {}\n'))
    assert "is a data source, not a resource" in g.message


def test_removed_type():
    [f] = check(tf('data "coder_git_auth" "gh" {\n  id = "github"\n}\n'))
    assert f.rule == "tf-provider-type" and "removed from the Coder provider in v2.0.0" in f.message
    assert "coder_external_auth" in f.message
    assert check(tf('data "coder_git_auth" "gh" {\n  id = "github"\n}\n'), version="1.0.4") == []


def test_a_removed_type_shown_beside_its_replacement_is_a_migration_guide():
    # terraform-provider-coder's version-2 upgrade guide: the previous configuration, then the new.
    before = 'data "coder_git_auth" "example" {\n  id = "example"\n}\n'
    after = 'data "coder_external_auth" "example" {\n  id = "example"\n}\n'
    assert check(tf(before) + "\nUpdate to the new data source:\n\n" + tf(after)) == []
    # A resource of that name is no replacement of the data source (and is itself wrong).
    found = check(tf(before) + tf('resource "coder_external_auth" "x" {}\n'))
    assert any("coder_git_auth\" was removed" in f.message for f in found), [f.message for f in found]


def test_unknown_attributes_and_blocks():
    [f] = check(tf(AGENT.replace('os   = "linux"', 'os   = "linux"\n  archh = "x"')))
    assert f.rule == "tf-provider-attribute" and "did you mean `arch`?" in f.message
    # Coder's prebuilt-workspaces page writes `parameters` as a block; it is a map attribute.
    preset = 'data "coder_workspace_preset" "p" {\n  name = "x"\n  parameters {\n    cpus = 8\n  }\n}\n'
    [g] = check(tf(preset))
    assert g.rule == "tf-provider-attribute" and "not a block: write `parameters = ...`" in g.message
    block_as_attr = TASK_2_11.replace("sidebar_app {\n    id = coder_app.claude_code.id\n  }", "sidebar_app = {\n    id = coder_app.claude_code.id\n  }")
    assert "tf-provider-attribute" in rules(tf(block_as_attr))
    nested = TASK_2_11.replace("    id = coder_app.claude_code.id", "    id  = coder_app.claude_code.id\n    url = \"x\"")
    [h] = check(tf(nested))
    assert h.rule == "tf-provider-attribute" and "`coder_ai_task.sidebar_app` has no attribute `url`" in h.message


def test_removed_attributes_and_references_to_them():
    [f] = check(tf(AGENT.replace('os   = "linux"', 'os   = "linux"\n  startup_script_timeout = 180')))
    assert f.rule == "tf-provider-attribute" and "removed from the Coder provider in v2.0.0" in f.message
    ref = AGENT.replace('os   = "linux"', 'os   = "linux"\n  dir  = "/home/${data.coder_workspace.me.owner}"')
    [g] = check(tf(ref))
    assert g.rule == "tf-provider-attribute" and "`owner` was removed from data.coder_workspace" in g.message
    assert "coder_workspace_owner.name" in g.message
    typo = AGENT.replace('os   = "linux"', 'os   = "linux"\n  dir  = data.coder_workspace.me.nmae')
    [h] = check(tf(typo))
    assert "did you mean `name`?" in h.message


def test_required_attributes_unless_elided():
    agent = 'resource "coder_agent" "main" {\n  arch = "amd64"\n  dir  = "/home/coder"\n}\n'
    [f] = check(tf(agent))
    assert f.rule == "tf-provider-required" and "requires the attribute `os`" in f.message
    assert check(tf(agent.replace("\n}", "\n  ...\n}"))) == []
    assert check(tf(agent.replace("{\n", "{\n  # ... other settings\n"))) == []
    # A heredoc's `# ...` is script text, not an elision.
    heredoc = 'resource "coder_script" "s" {\n  run_on_start = true\n  script = <<-EOT\n    # ...\n  EOT\n}\n'
    assert rules(tf(heredoc)).count("tf-provider-required") == 2  # agent_id, display_name


def test_a_fragment_that_shows_one_setting_needs_nothing_else():
    # admin/templates/extending-templates/icons.md in Coder's docs: the page is about `icon`.
    icons = 'data "coder_parameter" "my_parameter" {\n  icon = "/icon/coder.svg"\n\n  option {\n    icon = "/emojis/1f3f3.png"\n  }\n}\n'
    assert check(tf(icons)) == []
    # With two settings the block is configuration, and what it lacks is reported (its
    # `option` still shows one setting).
    two = icons.replace('  icon = "/icon/coder.svg"\n', '  icon = "/icon/coder.svg"\n  type = "string"\n')
    [f] = check(tf(two))
    assert f.rule == "tf-provider-required" and "requires the attribute `name`" in f.message
    # ...and so it is beside a `terraform` or `provider` block: a whole configuration.
    whole = 'provider "coder" {}\n\n' + icons
    assert rules(tf(whole)).count("tf-provider-required") == 3
    # A lone block holding only nested blocks shows those (a registry template README: "add
    # an option to the image parameter"); beside other blocks it is configuration to copy.
    options = 'data "coder_parameter" "image" {\n  option {\n    name  = "ML"\n    value = "ml"\n  }\n}\n'
    assert check(tf(options)) == []
    beside = 'resource "coder_metadata" "info" {\n  item {\n    key   = "type"\n    value = "x"\n  }\n}\n'
    assert [f.rule for f in check(tf(options + "\n" + beside))] == ["tf-provider-required"] * 2
    # Everything else about the one setting is still checked.
    [f] = check(tf('resource "coder_agent" "main" {\n  startup_script_timeout = 180\n}\n'))
    assert f.rule == "tf-provider-attribute" and "removed from the Coder provider in v2.0.0" in f.message


def test_the_providers_own_reference_page_documents_a_type_newer_than_the_schema():
    # terraform-provider-coder's docs/resources/subagent_execution.md, written before the
    # vendored schema knew the resource; elsewhere the same type is told.
    md = tf('resource "coder_subagent_execution" "s" {\n  name = "x"\n}\n\n'
            'resource "coder_env" "e" {\n  agent_id = coder_subagent_execution.s.subagent_id\n'
            '  name     = "N"\n}\n')
    config = Config(select=("tf-provider-type",))
    assert check_text(md, "terraform-provider-coder/docs/resources/subagent_execution.md", config) == []
    for other in ("docs/resources/other.md", "terraform-provider-coder/docs/data-sources/subagent_execution.md",
                  "docs/subagent_execution.md"):
        assert [f.rule for f in check_text(md, other, config)] == ["tf-provider-type"] * 2, other
    data = tf('data "coder_things" "t" {}\n')
    assert check_text(data, "docs/data-sources/things.md", config) == []

def test_sidebar_app_is_required_at_2_11_and_optional_later():
    no_sidebar = 'resource "coder_ai_task" "t" {\n  count = 1\n}\n'
    [f] = check(tf(no_sidebar))
    assert f.rule == "tf-provider-required" and "`sidebar_app` at v2.11.0" in f.message
    assert check(tf(no_sidebar), version="2.13.0") == []


def test_read_only_attributes_are_not_set():
    [f] = check(tf('resource "coder_ai_task" "t" {\n  app_id = "x"\n  prompt = "hi"\n}\n'), version="2.13.0")
    assert f.rule == "tf-provider-computed" and "`coder_ai_task.prompt` is read-only" in f.message


def test_max_items():
    two = TASK_2_11.replace("  sidebar_app {", "  sidebar_app {\n    id = \"a\"\n  }\n\n  sidebar_app {")
    found = [f for f in check(tf(two)) if f.rule == "tf-provider-max-items"]
    assert len(found) == 1 and "at most 1 `sidebar_app` block" in found[0].message


def test_conflicting_arguments():
    both = 'resource "coder_ai_task" "t" {\n  app_id = "x"\n  sidebar_app {\n    id = "y"\n  }\n}\n'
    found = check(tf(both), version="2.13.0")
    assert "tf-provider-conflict" in [f.rule for f in found]


def test_newer_than_the_target_is_an_error_deprecated_is_a_warning():
    new_attr = 'resource "coder_ai_task" "t" {\n  app_id = coder_app.x.id\n}\n'
    [f] = check(tf(new_attr))
    assert f.rule == "tf-provider-version" and "added in provider v2.12.0, after v2.11.0" in f.message
    assert "the site's provider-version" in f.message
    [g] = check(tf('data "coder_task" "me" {}\n'))
    assert g.rule == "tf-provider-version" and "v2.13.0" in g.message
    # sidebar_app: not deprecated at v2.11.0 (the Tasks page's target), deprecated from v2.12.0.
    assert check(tf(TASK_2_11)) == []
    [h] = check(tf(TASK_2_11), version="2.12.0")
    assert h.rule == "tf-provider-deprecated" and h.severity == Severity.WARNING
    assert "in favor of the `app_id` field" in h.message


def test_front_matter_overrides_the_site_target():
    front = '---\ncoder_provider_version: "2.13.0"\n---\n'
    assert check(tf('data "coder_task" "me" {}\n', front)) == []
    bad = check(tf('data "coder_task" "me" {}\n', '---\ncoder_provider_version: soon\n---\n'))
    assert any(f.rule == "tf-provider-version" and "is not a version" in f.message for f in bad)


def test_required_providers_in_the_snippet_overrides_the_target():
    assert check(tf(TASK_2_13)) == []
    # The oldest release the constraint allows is the one the snippet must work with.
    loose = TASK_2_13.replace('">= 2.13"', '">= 2.0"')
    assert "tf-provider-version" in rules(tf(loose))
    none = TASK_2_13.replace('">= 2.13"', '">= 9.0"')
    assert any("no release of the Coder provider satisfies" in f.message for f in check(tf(none)))


def test_without_a_configured_version_the_newest_schema_applies():
    assert check(tf('data "coder_task" "me" {}\n'), version=None) == []


def test_bad_configured_version_is_a_config_error():
    with pytest.raises(ConfigError, match="provider-version"):
        check(tf(AGENT), version="two")


def test_meta_arguments_and_other_providers_are_allowed():
    block = AGENT.replace(
        'os   = "linux"',
        'os   = "linux"\n  count      = 1\n  depends_on = [docker_container.x]\n  provider   = coder.other\n\n'
        "  lifecycle {\n    ignore_changes = all\n  }",
    )
    other = 'resource "docker_container" "x" {\n  name = "x"\n  whatever = 1\n}\n'
    assert check(tf(block + "\n" + other)) == []


def test_dynamic_blocks_are_checked_through_their_content():
    block = (
        'resource "coder_agent" "main" {\n  arch = "amd64"\n  os   = "linux"\n\n'
        '  dynamic "metadata" {\n    for_each = var.m\n    content {\n      key          = metadata.value.key\n'
        '      display_name = "x"\n      script       = "x"\n      interval     = 10\n      timeout      = 1\n'
        '      colour       = "red"\n    }\n  }\n}\n'
    )
    [f] = check(tf(block))
    assert f.rule == "tf-provider-attribute" and "`coder_agent.metadata` has no attribute `colour`" in f.message


def test_a_block_that_does_not_parse_is_left_to_tf_syntax():
    assert check('```tf\nresource "coder_parameter" "x" {\n  name = \n```\n') == []


def test_snippet_in_a_list_and_a_quote_reports_markdown_positions():
    text = '> [!NOTE]\n> Example:\n>\n> ```tf\n> resource "coder_parameter" "x" {\n>   name = "x"\n> }\n> ```\n'
    [f] = check(text)
    assert (f.line, f.column) == (5, 12)


def test_the_projects_own_docs_pass_and_the_seed_sidebar_app_is_not_deprecated():
    proc = docs_check("docs", "--select", "tf-provider-")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (ROOT / "docs" / "ai-coder" / "tasks.md").read_text()
    assert "sidebar_app {" in text
    assert check(text) == []


def test_rules_are_declared_with_fix_hints():
    for r in provider.RULES:
        assert r.id.startswith("tf-provider-") and r.summary


@pytest.mark.corpus
def test_corpus_provider_findings(corpus: Path):
    proc = docs_check(str(corpus), "--select", "tf-provider-", "--format", "json")
    import json

    found = json.loads(proc.stdout)
    at = {(Path(f["path"]).relative_to(corpus).as_posix(), f["line"], f["rule"]) for f in found}
    assert ("admin/templates/extending-templates/docker-in-workspaces.md", 29, "tf-provider-attribute") in at
    assert ("admin/templates/extending-templates/prebuilt-workspaces.md", 129, "tf-provider-attribute") in at
    assert ("about/contributing/templates.md", 126, "tf-provider-attribute") in at
    # tasks.md in the corpus requires `>= 2.13` in its snippet: its app_id is fine.
    assert not any(p == "ai-coder/tasks.md" for p, _, _ in at)
