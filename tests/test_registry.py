"""Registry links (`registry-*`) and registry module blocks (`registry-module-*`).

The cases come from real mistakes in Coder's docs and registry templates: the removed
coder-labs/gemini module, the dev registry in a published source, the old namespace-less
URL and source shapes, module blocks without a version, a mixed-up source form.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, docs_check, mkdocs_build
from docs_check import catalog as C
from docs_check.config import Config
from docs_check.engine import check_text
from docs_check.findings import Severity
from docs_check.fixes import apply_fixes


def check(text: str, select: str = "registry-", **sections) -> list:
    config = Config(select=(select,), sections=sections or {})
    return check_text(text, "page.md", config)


def rules(text: str, select: str = "registry-") -> list[str]:
    return [f.rule for f in check(text, select)]


def fixed(text: str, select: str = "registry-") -> str:
    found = check(text, select)
    new, _ = apply_fixes(text, [f.fix for f in found if f.fix])
    return new


def tf(body: str) -> str:
    return f"Intro.\n\n```tf\n{body.strip()}\n```\n"


# -- page links ----------------------------------------------------------------------------

GOOD_LINKS = """\
- [Claude Code](https://registry.coder.com/modules/coder/claude-code)
- [Codex](https://registry.coder.com/modules/coder-labs/codex?tab=variables)
- [README](https://registry.coder.com/modules/coder/claude-code?tab=readme#usage)
- [Docker template](https://registry.coder.com/templates/coder/docker)
- [Claude template](https://registry.coder.com/templates/sharkymark/docker-claude)
- [Coder Labs](https://registry.coder.com/contributors/coder-labs)
- [Coder templates](https://registry.coder.com/contributors/coder?tab=templates)
- [Setup skill](https://registry.coder.com/skills/coder/setup)
- [Tasks modules](https://registry.coder.com/modules?search=tag%3Atasks)
- [Agents](https://registry.coder.com/modules?search=tag:agent), [search](https://registry.coder.com/modules?search=agent)
- [home](https://registry.coder.com/), [modules](https://registry.coder.com/modules), <https://registry.coder.com/templates>.
- Mirror it: set `registry.coder.com` as the host; see the [registry](https://registry.coder.com).
"""


def test_existing_pages_pass():
    assert check(GOOD_LINKS) == []


def test_removed_module_names_what_replaced_it_or_that_nothing_did():
    # coder-labs/gemini was removed on 2026-07-22 (registry#1025); Coder's docs still link it.
    [f] = check("Use [Gemini CLI](https://registry.coder.com/modules/coder-labs/gemini).\n")
    assert f.rule == "registry-removed" and f.severity == Severity.ERROR
    assert "coder-labs/gemini was removed" in f.message and "2026-07-22" in f.message
    assert "nothing replaced it" in f.message
    assert (f.line, f.column) == (1, 18)


def test_renamed_module_names_the_new_one_and_fixes_the_link():
    text = "[mux](https://registry.coder.com/modules/coder/cmux)\n"
    [f] = check(text)
    assert f.rule == "registry-removed" and "renamed to `coder/mux`" in f.message
    assert fixed(text) == "[mux](https://registry.coder.com/modules/coder/mux)\n"


def test_removed_template():
    [f] = check("[Tasks on Docker](https://registry.coder.com/templates/coder-labs/tasks-docker)\n")
    assert f.rule == "registry-removed" and "template coder-labs/tasks-docker" in f.message


def test_names_are_case_sensitive_and_the_right_case_is_offered():
    text = "[cc](https://registry.coder.com/modules/coder/Claude-Code)\n"
    [f] = check(text)
    assert f.rule == "registry-case" and "`coder/claude-code`" in f.message
    assert fixed(text) == "[cc](https://registry.coder.com/modules/coder/claude-code)\n"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://registry.coder.com/modules/coder/codex", "did you mean `coder-labs/codex`"),
        ("https://registry.coder.com/modules/coder/docker", "template coder/docker does"),
        ("https://registry.coder.com/contributors/nobody-at-all", "contributor nobody-at-all does not exist"),
        ("https://registry.coder.com/skills/coder/deploy", "skill coder/deploy does not exist"),
        ("https://registry.coder.com/modules/hcp-vault-secrets", "coder/hcp-vault-secrets was removed"),
    ],
)
def test_pages_that_do_not_exist(url, expected):
    found = check(f"[x]({url})\n")
    assert [f.rule for f in found] in (["registry-not-found"], ["registry-removed"])
    assert expected in found[0].message


def test_old_shape_without_namespace_is_a_fixable_warning():
    text = "See [code-server](https://registry.coder.com/modules/code-server) and [docker](https://registry.coder.com/templates/docker).\n"
    found = check(text)
    assert [f.rule for f in found] == ["registry-legacy-url", "registry-legacy-url"]
    assert all(f.severity == Severity.WARNING for f in found)
    assert "https://registry.coder.com/modules/coder/code-server" in found[0].message
    assert fixed(text) == (
        "See [code-server](https://registry.coder.com/modules/coder/code-server) and "
        "[docker](https://registry.coder.com/templates/coder/docker).\n"
    )


def test_old_shape_moved_to_another_namespace():
    # apache-airflow was in coder/modules; in the registry it lives under nataindata.
    text = "[Airflow](https://registry.coder.com/modules/apache-airflow)\n"
    assert fixed(text) == "[Airflow](https://registry.coder.com/modules/nataindata/apache-airflow)\n"


def test_old_shape_with_two_candidates_warns_without_a_fix(tmp_path, monkeypatch):
    data = json.loads(C.DEFAULT_CATALOG.read_text())
    data["namespaces"]["coder-labs"]["modules"]["code-server"] = {"versions": ["0.1.0"]}
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(data))
    monkeypatch.setenv(C.ENV_CATALOG, str(path))
    [f] = check("[cs](https://registry.coder.com/modules/code-server)\n")
    assert f.rule == "registry-legacy-url" and f.fix is None
    assert "/modules/coder/code-server" in f.message and "/modules/coder-labs/code-server" in f.message


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("search=tag%3Anope-not-a-tag", "has the tag `nope-not-a-tag`"),
        ("search=tag%3Atask", "did you mean `tag:tasks`"),
    ],
)
def test_tag_search_must_name_an_existing_tag(query, message):
    [f] = check(f"[x](https://registry.coder.com/modules?{query})\n")
    assert f.rule == "registry-tag" and message in f.message


def test_tag_only_templates_have():
    tag = "kubernetes"
    cat = C.load_catalog(C.DEFAULT_CATALOG)
    assert cat.tagged(tag, C.TEMPLATE) and not cat.tagged(tag, C.MODULE)
    [f] = check(f"[x](https://registry.coder.com/modules?search=tag%3A{tag})\n")
    assert f.rule == "registry-tag" and "/templates?search=tag%3Akubernetes" in f.message
    assert check(f"[x](https://registry.coder.com/templates?search=tag%3A{tag})\n") == []


def test_tab_must_be_a_real_tab():
    [f] = check("[vars](https://registry.coder.com/modules/coder/agentapi?tab=variable)\n")
    assert f.rule == "registry-tab" and "did you mean `?tab=variables`" in f.message
    [g] = check("[t](https://registry.coder.com/contributors/coder?tab=readme)\n")
    assert g.rule == "registry-tab"


def test_tag_query_parameter_becomes_a_search():
    # ai-coder/custom-agents.md in Coder's docs links `/modules?tag=agent`, which filters nothing.
    text = "[registry](https://registry.coder.com/modules?tag=agent)\n"
    [f] = check(text)
    assert f.rule == "registry-query" and f.severity == Severity.WARNING
    assert fixed(text) == "[registry](https://registry.coder.com/modules?search=tag%3Aagent)\n"


@pytest.mark.parametrize(
    ("url", "right", "message"),
    [
        ("http://registry.coder.com/modules/coder/goose", "https://registry.coder.com/modules/coder/goose", "http://"),
        ("https://dev.registry.coder.com/modules/coder/goose", "https://registry.coder.com/modules/coder/goose", "development"),
        ("https://registry.coder.co/modules/coder/goose", "https://registry.coder.com/modules/coder/goose", "misspelling"),
        ("https://regsitry.coder.com/modules/coder/goose", "https://registry.coder.com/modules/coder/goose", "misspelling"),
    ],
)
def test_only_the_public_https_host(url, right, message):
    text = f"[goose]({url})\n"
    [f] = check(text)
    assert f.rule == "registry-host" and f.severity == Severity.ERROR and message in f.message
    assert fixed(text) == f"[goose]({right})\n"


def test_every_single_typo_of_the_host_gets_past_the_fast_prefilter():
    from docs_check.checks.registry import classify_host, may_hold_registry

    host, letters = C.HOST, "abcdefghijklmnopqrstuvwxyz.-"
    typos = set()
    for i in range(len(host) + 1):
        typos.update(host[:i] + c + host[i:] for c in letters)  # an extra letter
        if i < len(host):
            typos.update(host[:i] + c + host[i + 1 :] for c in letters)  # a wrong one
            typos.add(host[:i] + host[i + 1 :])  # a missing one
        if i < len(host) - 1:
            typos.add(host[:i] + host[i + 1] + host[i] + host[i + 2 :])  # two swapped
    typos.discard(host)
    assert all(may_hold_registry(t) for t in typos)
    assert all(classify_host(t) is not None for t in typos if "." in t)


def test_findings_span_the_url():
    [f] = check("[g](https://registry.coder.com/modules/coder-labs/gemini)\n")
    assert (f.column, f.end_column) == (5, 5 + len("https://registry.coder.com/modules/coder-labs/gemini"))


def test_unrelated_hosts_are_not_typos():
    text = "[tf](https://registry.terraform.io/providers/coder/coder/latest) [d](https://registry.docker.com/x) coder.com\n"
    assert check(text) == []


def test_paths_that_are_no_page():
    text = "[jb](https://registry.coder.com/modules/coder/jetbrains/coder)\n"
    [f] = check(text)
    assert f.rule == "registry-url" and "registry.coder.com/coder/jetbrains/coder" in f.message
    assert fixed(text) == "[jb](https://registry.coder.com/modules/coder/jetbrains)\n"
    [g] = check("[src](https://registry.coder.com/coder/claude-code/coder)\n")
    assert g.rule == "registry-url" and "module source, not a web page" in g.message
    [h] = check("[x](https://registry.coder.com/modulez/coder/goose)\n")
    assert h.rule == "registry-url" and "did you mean `/modules`" in h.message


def test_inline_code_is_checked_for_existence_only():
    # Prose quotes old forms and hosts on purpose ("replace `registry.coder.com/modules/...`").
    ok = (
        "Replace `registry.coder.com/modules/code-server/coder` with "
        "`registry.coder.com/coder/code-server/coder`; allow `dev.registry.coder.com` "
        "and `https://registry.coder.com/modules/code-server`.\n"
    )
    assert check(ok) == []
    [f] = check("Set `source = \"registry.coder.com/coder-labs/gemini/coder\"`.\n")
    assert f.rule == "registry-module-unknown" and "coder-labs/gemini was removed" in f.message


def test_placeholders_are_not_links():
    text = (
        "Write `registry.coder.com/<namespace>/<module>/coder` or "
        "registry.coder.com/[your-username]/git-clone/coder, or https://registry.coder.com/modules/coder/${NAME}.\n"
    )
    assert check(text) == []


def test_links_in_code_blocks_of_any_language():
    text = '```json\n{"docs": "https://registry.coder.com/modules/coder-labs/gemini"}\n```\n'
    [f] = check(text)
    assert f.rule == "registry-removed" and (f.line, f.column) == (2, 11)


def test_removed_lines_of_a_diff_are_history_not_links():
    text = (
        "```diff\n"
        '-  source = "registry.coder.com/modules/claude-code/coder"\n'
        '+  source = "registry.coder.com/coder/claude-code/coder"\n'
        "```\n"
    )
    assert check(text) == []


def test_comments_and_front_matter_are_not_links():
    text = "---\ntitle: x\n---\n<!-- https://registry.coder.com/modules/coder-labs/gemini -->\nok <!-- https://registry.coder.com/modules/x -->\n"
    assert check(text) == []


def test_links_inside_alerts_and_lists_keep_their_columns():
    text = "> [!NOTE]\n> See [gemini](https://registry.coder.com/modules/coder-labs/gemini).\n\n1. [g](https://registry.coder.com/modules/coder-labs/gemini)\n"
    found = check(text)
    assert [(f.line, f.column) for f in found] == [(2, 16), (4, 8)]


# -- module sources and blocks -------------------------------------------------------------

CLAUDE = """
module "claude-code" {
  source   = "registry.coder.com/coder/claude-code/coder"
  version  = "5.4.0"
  agent_id = coder_agent.main.id
  workdir  = "/home/coder/project"
}
"""


def test_a_correct_module_block_passes():
    assert check(tf(CLAUDE)) == []
    meta = CLAUDE.replace("  workdir", '  count    = 1\n  depends_on = [coder_agent.main]\n  workdir')
    assert check(tf(meta)) == []


def test_dev_registry_source_is_an_error_with_a_fix():
    # ai-coder/agent-firewall/version.md in Coder's docs.
    text = tf(CLAUDE.replace('"registry.coder.com/', '"dev.registry.coder.com/'))
    [f] = check(text)
    assert f.rule == "registry-module-source" and "dev.registry.coder.com" in f.message
    assert f.line == 5 and f.column == 14
    assert fixed(text) == tf(CLAUDE)


def test_mixed_source_form_is_an_error_with_a_fix():
    # Seen in a registry template: the old /modules/ prefix kept in front of the new form.
    block = """
module "jetbrains" {
  source   = "registry.coder.com/modules/coder/jetbrains/coder"
  version  = "1.0.0"
  agent_id = coder_agent.main.id
  folder   = "/home/coder"
}
"""
    text = tf(block)
    found = check(text)
    assert [f.rule for f in found] == ["registry-module-source"]
    assert "mixes the old and the new source forms" in found[0].message
    assert '"registry.coder.com/coder/jetbrains/coder"' in fixed(text)


def test_legacy_source_is_a_fixable_warning_and_keeps_its_old_versions():
    block = """
module "claude-code" {
  source   = "registry.coder.com/modules/claude-code/coder"
  version  = "1.2.1"
  agent_id = coder_agent.main.id
}
"""
    text = tf(block)
    found = check(text)
    # 1.2.1 is a coder/modules release: valid for the old source, whose variables are not recorded.
    assert [f.rule for f in found] == ["registry-module-legacy-source"]
    assert found[0].severity == Severity.WARNING
    assert fixed(text) == tf(block.replace("modules/claude-code", "coder/claude-code"))
    # The old form is an alias of the `coder` namespace, which serves the coder/modules
    # releases too (data/PROVENANCE.md): the fixed block pins a version that still resolves.
    assert check(fixed(text)) == []
    # A version neither form ever served is reported under both, naming what was released.
    for source in ("modules/claude-code", "coder/claude-code"):
        [f] = check(tf(block.replace("modules/claude-code", source).replace("1.2.1", "1.2.9")), "registry-module-version")
        assert "1.2.9 of coder/claude-code was never released" in f.message


NODEJS = """
module "nodejs" {
  source   = "registry.coder.com/modules/nodejs/coder"
  version  = "VERSION"
  agent_id = coder_agent.main.id
}
"""


def test_legacy_source_moved_to_another_namespace_is_fixed_only_when_the_pin_resolves_there():
    # nodejs moved from coder/modules to thezoker, whose own releases start at 1.0.11: the
    # old form serves the coder/modules releases (up to 1.0.30), thezoker/nodejs does not.
    old = tf(NODEJS.replace("VERSION", "1.0.30"))
    [f] = check(old)
    assert f.rule == "registry-module-legacy-source" and f.fix is None
    assert "`1.0.30` names coder/modules releases the new namespace never published" in f.message
    assert "pin a release of thezoker/nodejs (newest: 1.1.0) when you switch" in f.message
    assert fixed(old) == old
    # A constraint that installs 1.0.30 from the old form would install 1.1.0 from thezoker.
    [c] = check(tf(NODEJS.replace("VERSION", "~> 1.0")))
    assert c.fix is None and "`~> 1.0` installs 1.0.30 from the old source but 1.1.0 from the new one" in c.message
    # A pin thezoker released too (the same release either way) moves with the source.
    for pin in ("1.0.12", "~> 1.0.12, < 1.0.13"):
        text = tf(NODEJS.replace("VERSION", pin))
        [g] = check(text)
        assert g.fix is not None
        after = fixed(text)
        assert after == text.replace("modules/nodejs", "thezoker/nodejs")
        assert check(after) == []
    # Without a version there is nothing to keep; with an expression nothing can be told.
    no_pin = tf(NODEJS.replace('  version  = "VERSION"\n', ""))
    assert "thezoker/nodejs" in fixed(no_pin)
    expression = tf(NODEJS.replace('"VERSION"', "var.nodejs_version"))
    [h] = check(expression)
    assert h.fix is None and "is not a literal this check can compare" in h.message
    # `coder/nodejs`, its home before the move, still serves the old releases (the old form
    # is an alias of it): not an unknown module, but an old source, under the same guard.
    home = tf(NODEJS.replace("modules/nodejs", "coder/nodejs").replace("VERSION", "1.0.30"))
    [k] = check(home)
    assert k.rule == "registry-module-legacy-source" and k.fix is None
    assert "is the old home of nodejs, which serves only its coder/modules releases" in k.message


def test_legacy_source_outside_a_module_block_is_fixed_only_into_the_coder_namespace():
    text = "Sources:\n\n```text\nregistry.coder.com/modules/code-server/coder\nregistry.coder.com/modules/nodejs/coder\n```\n"
    found = check(text)
    assert [f.rule for f in found] == ["registry-module-legacy-source"] * 2
    assert found[0].fix is not None and found[1].fix is None
    assert fixed(text) == text.replace("modules/code-server", "coder/code-server")


def test_a_modules_own_readme_may_pin_its_next_untagged_release(tmp_path):
    # coder/claude-code: newest tag 5.4.0; the README at the catalog's commit pins 5.4.1
    # (readme_version_untagged), as the registry's version-bump script writes it before tagging.
    readme = tf(CLAUDE.replace('"5.4.0"', '"5.4.1"'))
    config = Config(select=("registry-",))
    for path in ("registry/coder/modules/claude-code/README.md", "claude-code/README.md"):
        assert check_text(readme, path, config) == [], path
    for bump in ("5.5.0", "6.0.0"):  # a minor or major bump of the newest tag
        assert check_text(tf(CLAUDE.replace('"5.4.0"', f'"{bump}"')), "registry/coder/modules/claude-code/README.md", config) == []
    # Beyond every release the catalog holds, the README is newer than the catalog: a release
    # tagged since (coder/coder-utils' README pins 1.3.0 against a catalog ending at 1.0.0).
    for later in ("5.4.2", "7.1.0"):
        assert check_text(tf(CLAUDE.replace('"5.4.0"', f'"{later}"')), "registry/coder/modules/claude-code/README.md", config) == []
    # Anywhere else, or between two releases on its own README, it was never released.
    for path, version in (("docs/ai-coder/tasks.md", "5.4.1"), ("registry/coder/modules/codex/README.md", "5.4.1"),
                          ("registry/coder-labs/modules/claude-code/README.md", "5.4.1"),
                          ("registry/coder/modules/claude-code/README.md", "3.4.0")):
        [f] = check_text(tf(CLAUDE.replace('"5.4.0"', f'"{version}"')), path, config)
        assert f.rule == "registry-module-version" and f"version {version} of coder/claude-code was never released" in f.message
    # The untagged version is the catalog's head: its arguments are still checked.
    [g] = check_text(tf(CLAUDE.replace('"5.4.0"', '"5.4.1"').replace("workdir ", "workdirr")), "claude-code/README.md", config)
    assert g.rule == "registry-module-argument" and "did you mean `workdir`?" in g.message


def test_cli_fix_of_legacy_sources_leaves_blocks_the_version_rule_accepts(tmp_path):
    page = tmp_path / "page.md"
    before = (
        tf(CLAUDE.replace("coder/claude-code/coder", "modules/claude-code/coder").replace('"5.4.0"', '"1.2.1"'))
        + "\n" + tf(NODEJS.replace("VERSION", "1.0.30")) + "\n" + tf(NODEJS.replace("VERSION", "1.0.12"))
    )
    page.write_text(before, encoding="utf-8")
    result = docs_check("--fix", "--select", "registry-", str(page))
    after = page.read_text(encoding="utf-8")
    assert after == (
        tf(CLAUDE.replace('"5.4.0"', '"1.2.1"'))
        + "\n" + tf(NODEJS.replace("VERSION", "1.0.30")) + "\n"
        + tf(NODEJS.replace("VERSION", "1.0.12").replace("modules/nodejs", "thezoker/nodejs"))
    )
    # What is left is the one old source that no namespace move can keep working.
    assert result.returncode == 1
    left = [line for line in result.stdout.splitlines() if "page.md:" in line]
    assert len(left) == 1 and "registry-module-legacy-source" in left[0] and "1.0.30" in left[0], result.stdout


def test_removed_or_unknown_module_source():
    block = CLAUDE.replace("coder/claude-code/coder", "coder-labs/gemini/coder")
    [f] = check(tf(block))
    assert f.rule == "registry-module-unknown" and "nothing replaced it" in f.message
    [g] = check(tf(CLAUDE.replace("modules/", "").replace("coder/claude-code/coder", "modules/jupyter-lab/coder")))
    assert g.rule == "registry-module-unknown" and "registry.coder.com/coder/jupyterlab/coder" in g.message


def test_sources_of_other_registries_are_not_ours():
    block = 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n\nmodule "local" {\n  source = "./modules/x"\n}\n'
    assert check(tf(block)) == []


def test_module_without_version():
    # admin/integrations/devcontainers/integration.md in Coder's docs.
    block = """
module "devcontainers-cli" {
  count    = data.coder_workspace.me.start_count
  source   = "registry.coder.com/coder/devcontainers-cli/coder"
  agent_id = coder_agent.dev.id
}
"""
    [f] = check(tf(block))
    assert f.rule == "registry-module-version" and "has no `version`" in f.message
    assert f.line == 4  # the block's first line


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("9.9.9", "version 9.9.9 of coder/claude-code was never released"),
        ("~> 0.1", "no released version of coder/claude-code satisfies `~> 0.1`"),
        ("latest", "is not a version or constraint"),
    ],
)
def test_version_must_be_released(version, message):
    [f] = check(tf(CLAUDE.replace('"5.4.0"', f'"{version}"')))
    assert f.rule == "registry-module-version" and message in f.message


def test_constraints_a_release_satisfies_pass():
    assert check(tf(CLAUDE.replace('"5.4.0"', '"~> 5.0"'))) == []
    assert check(tf(CLAUDE.replace('"5.4.0"', '">= 5.3.0, < 6.0.0"'))) == []


def test_arguments_must_be_variables_of_that_version():
    # ai-gateway/clients/claude-code.md in Coder's docs: enable_ai_gateway with module 4.7.3.
    block = CLAUDE.replace('"5.4.0"', '"4.7.3"').replace("  workdir", "  enable_ai_gateway = true\n  workdir")
    [f] = check(tf(block))
    assert f.rule == "registry-module-argument"
    assert "`enable_ai_gateway` is no variable of coder/claude-code 4.7.3: it was added in 5.0.0" in f.message
    removed = CLAUDE.replace("  workdir", '  ai_prompt = "x"\n  workdir')
    [g] = check(tf(removed))
    assert "it was removed in 5.0.0" in g.message
    typo = CLAUDE.replace("  workdir ", "  workdirr")
    [h] = check(tf(typo))
    assert "did you mean `workdir`?" in h.message


def test_required_variables_unless_elided():
    block = CLAUDE.replace("  agent_id = coder_agent.main.id\n", "")
    [f] = check(tf(block))
    assert f.rule == "registry-module-required" and "`agent_id`" in f.message
    assert check(tf(block.replace("  workdir", "  ...\n  workdir"))) == []
    assert check(tf(block.replace("  workdir", "  # ... other arguments\n  workdir"))) == []


def test_outputs_must_exist_at_that_version():
    uses = '\n\nresource "coder_ai_task" "task" {\n  app_id = module.claude-code.task_app_id\n}\n'
    [f] = check(tf(CLAUDE + uses))
    assert f.rule == "registry-module-output" and "has no output `task_app_id`" in f.message
    assert "before 5.0.0" in f.message
    assert check(tf(CLAUDE.replace('"5.4.0"', '"4.9.2"') + uses)) == []
    # The module defined in one snippet, its output used in another on the same page.
    split = tf(CLAUDE.replace('"5.4.0"', '"4.9.2"')) + "\n" + tf(uses)
    assert check(split) == []
    indexed = CLAUDE.replace('"5.4.0"', '"4.9.2"') + uses.replace("claude-code.task", "claude-code[0].task_id")
    [g] = check(tf(indexed))
    assert "did you mean `task_app_id`" in g.message


def test_module_source_in_a_block_that_does_not_parse_is_still_checked():
    text = '```tf\nmodule "x" {\n  source = "registry.coder.com/coder-labs/gemini/coder"\n  version = \n}\n```\n'
    found = check(text)
    assert [f.rule for f in found] == ["registry-module-unknown"]


def test_module_block_inside_a_list_maps_positions():
    block = "1. Add:\n\n   ```tf\n   module \"x\" {\n     source  = \"dev.registry.coder.com/coder/goose/coder\"\n     version = \"3.0.1\"\n     agent_id = coder_agent.main.id\n     ...\n   }\n   ```\n"
    [f] = check(block)
    assert (f.line, f.column) == (5, 16)
    assert '     source  = "registry.coder.com/coder/goose/coder"' in fixed(block)


# -- the project's docs, the build, the corpus ---------------------------------------------


def test_the_projects_own_docs_pass():
    proc = docs_check("docs", "--select", "registry-,tf-provider-")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_catalog_change_fails_the_strict_build(tmp_path):
    """Remove a module from the catalog: a page linking it must fail `mkdocs build --strict`."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Agents\n\nUse the [Claude Code module](https://registry.coder.com/modules/coder/claude-code).\n"
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"theme:\n  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n  - search\n"
        f"hooks:\n  - {ROOT / 'hooks' / 'check_pages.py'}\n"
    )
    good = mkdocs_build(tmp_path / "site-good", config=config, cwd=tmp_path)
    assert good.returncode == 0, good.log

    data = json.loads(C.DEFAULT_CATALOG.read_text())
    del data["namespaces"]["coder"]["modules"]["claude-code"]
    changed = tmp_path / "catalog.json"
    changed.write_text(json.dumps(data))
    bad = mkdocs_build(tmp_path / "site-bad", config=config, cwd=tmp_path, env={C.ENV_CATALOG: str(changed)})
    assert bad.returncode != 0
    assert "index.md:3:30: registry-not-found: module coder/claude-code does not exist" in bad.log


@pytest.mark.corpus
def test_corpus_findings(corpus: Path):
    """The real mistakes the issue names are found in Coder's docs tree."""
    proc = docs_check(str(corpus), "--select", "registry-,tf-provider-", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    found = json.loads(proc.stdout)
    at = {(Path(f["path"]).relative_to(corpus).as_posix(), f["line"], f["rule"]) for f in found}
    by_rule: dict[str, int] = {}
    for f in found:
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    # coder-labs/gemini, removed 2026-07-22, still linked.
    assert ("ai-coder/agent-compatibility.md", 44, "registry-removed") in at
    assert ("ai-coder/tasks-core-principles.md", 132, "registry-removed") in at
    # The dev registry as a module source in published docs.
    assert ("ai-coder/agent-firewall/version.md", 41, "registry-module-source") in at
    assert ("ai-coder/agent-firewall/version.md", 57, "registry-module-source") in at
    # Old-shape links without a namespace: the issue counts 27.
    assert by_rule["registry-legacy-url"] == 27
    assert ("admin/templates/extending-templates/web-ides.md", 104, "registry-legacy-url") in at
    assert ("tutorials/cloning-git-repositories.md", 34, "registry-module-legacy-source") in at
    # Module blocks without a version.
    assert ("admin/integrations/devcontainers/integration.md", 44, "registry-module-version") in at
    assert ("admin/integrations/devcontainers/integration.md", 251, "registry-module-version") in at
    # Other real mistakes found on the way.
    assert ("admin/templates/extending-templates/web-ides.md", 208, "registry-module-unknown") in at  # jupyter-lab
    assert ("ai-coder/ai-gateway/clients/claude-code.md", 62, "registry-module-argument") in at
    assert ("ai-coder/custom-agents.md", 66, "registry-query") in at  # ?tag=agent
    assert ("about/contributing/modules.md", 11, "registry-removed") in at  # jetbrains-fleet


def test_a_modules_own_readme_names_its_own_module_whatever_the_catalog_says():
    # From coder/registry READMEs: restic is newer than the vendored catalog, jetbrains-fleet
    # was removed after it and agent-helper renamed to coder-utils; each README's own blocks
    # name the module the README documents, which exists where the README is.
    cases = {
        "registry/coder/modules/restic/README.md": 'source   = "registry.coder.com/coder/restic/coder"\n  version  = "1.0.0"',
        "registry/coder/modules/jetbrains-fleet/README.md":
            'source   = "registry.coder.com/coder/jetbrains-fleet/coder"\n  version = "1.0.1"',
        "registry/coder/modules/agent-helper/README.md":
            'source  = "registry.coder.com/coder/agent-helper/coder"\n  version = "1.0.0"',
    }
    config = Config(select=("registry-",))
    for path, lines in cases.items():
        page = tf(f'module "m" {{\n  {lines}\n  agent_id = coder_agent.main.id\n}}')
        assert check_text(page, path, config) == [], path
        # Another page, or another module's README, using the same block is told.
        for other in ("docs/page.md", "registry/coder/modules/boundary/README.md",
                      path.replace("registry/coder/", "registry/coder-labs/")):
            assert [f.rule for f in check_text(page, other, config)][:1] == ["registry-module-unknown"], (path, other)
    # Its own README still gets the old source form pointed out (a shape, not an existence).
    legacy = tf('module "git-config" {\n  source   = "registry.coder.com/modules/git-config/coder"\n'
                '  version  = "1.0.15"\n  agent_id = coder_agent.example.id\n}')
    assert [f.rule for f in check_text(legacy, "registry/coder/modules/git-config/README.md", config)] == [
        "registry-module-legacy-source"]
    # ...and a wrong provider segment, without calling its own module unknown.
    wrong = tf('module "restic" {\n  source   = "registry.coder.com/coder/restic/restic"\n'
               '  version  = "1.0.0"\n  agent_id = coder_agent.example.id\n}')
    assert [f.rule for f in check_text(wrong, "registry/coder/modules/restic/README.md", config)] == [
        "registry-module-source"]


def test_a_template_readme_uses_modules_of_its_own_namespace_the_catalog_is_too_old_to_list():
    # From coder/registry: saheli's full-stack-developer template uses saheli/dev-tools and
    # saheli/jetbrains-plugins, published with it after the vendored catalog was taken.
    config = Config(select=("registry-",))
    page = tf('module "dev_tools" {\n  source   = "registry.coder.com/saheli/dev-tools/coder"\n'
              '  version  = "1.0.0"\n  agent_id = coder_agent.main.id\n}') + (
        "\nSee [jetbrains-plugins](https://registry.coder.com/modules/saheli/jetbrains-plugins).\n")
    template = "registry/saheli/templates/full-stack-developer/README.md"
    assert check_text(page, template, config) == []
    # Elsewhere the same names are told: on another namespace's page, on a plain page, and on
    # a module's README, which documents that one module (a sibling's name there is a copy's slip).
    for other in ("registry/kunstewi/templates/x/README.md", "docs/page.md", "registry/saheli/modules/codex/README.md"):
        found = check_text(page, other, config)
        assert [f.rule for f in found] == ["registry-module-unknown", "registry-not-found"], other
        # Nothing is near the name: it may be newer than the catalog, and the message says how to tell.
        assert all("published after the vendored catalog (taken 2026-08-21), refresh the catalog" in f.message
                   for f in found)
    # A slip of a module the catalog lists in the namespace is told on the template too.
    slip = tf('module "cs" {\n  source   = "registry.coder.com/coder/code-servr/coder"\n'
              '  version  = "1.0.0"\n  agent_id = coder_agent.main.id\n}')
    [f] = check_text(slip, "registry/coder/templates/docker/README.md", config)
    assert f.rule == "registry-module-unknown" and "coder/code-server" in f.message


def test_a_modules_own_readme_before_its_first_release_pins_the_version_it_was_to_have():
    # coder-labs/open-webui's README pinned 0.9.0 before the module's first tag (1.0.0).
    page = tf('module "open-webui" {\n  count    = data.coder_workspace.me.start_count\n'
              '  source   = "registry.coder.com/coder-labs/open-webui/coder"\n  version  = "VERSION"\n'
              '  agent_id = coder_agent.main.id\n}')
    config = Config(select=("registry-",))
    own = "registry/coder-labs/modules/open-webui/README.md"
    assert check_text(page.replace("VERSION", "0.9.0"), own, config) == []
    # Elsewhere it was never released.
    for path, version in (("docs/page.md", "0.9.0"), ("docs/page.md", "1.0.5")):
        [f] = check_text(page.replace("VERSION", version), path, config)
        assert f.rule == "registry-module-version" and f"version {version} of coder-labs/open-webui was never released" in f.message
