"""Fixes never make a snippet worse: for every fix the checks offer, re-checking the fixed
text yields no new `registry-*`, `tf-syntax` or `tf-provider-*` finding.

Two sources of fixes: Coder's real docs tree (every fix of every check, one at a time, and
all of them at once through `docs-check --fix`), and hypothesis-made module blocks and
fences (every source form the registry rules know, every version set a source serves,
Terraform labels on HCL and on shell), which reach the cases the corpus does not have.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import docs_check
from docs_check import catalog as C
from docs_check.config import Config
from docs_check.engine import check_document, check_text
from docs_check.findings import Finding
from docs_check.fixes import apply_fixes
from docs_check.scanner import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

GUARDED = ("registry-", "tf-syntax", "tf-provider-")
EVERY_RULE = Config()
GUARDED_ONLY = Config(select=GUARDED)


def guarded(findings: list[Finding]) -> Counter:
    """The guarded findings as (rule, what): positions move when a fix adds lines, and the
    advice after the first `;` or ` (released` may name other versions for the same problem."""
    return Counter((f.rule, _what(f.message)) for f in findings if f.rule.startswith(GUARDED))


def _what(message: str) -> str:
    return message.split("; ", 1)[0].split(" (released: ", 1)[0]


def new_after_fix(text: str, path: str, finding: Finding, before: Counter) -> list[tuple[str, str]]:
    fixed, applied = apply_fixes(text, [finding.fix])
    assert applied, f"{path}:{finding.line}: {finding.rule}: the fix does not apply to the text it was made for"
    after = guarded(check_text(fixed, path, GUARDED_ONLY))
    return sorted((after - before).elements())


def markdown_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.md") if not any(x.startswith(".") for x in p.relative_to(root).parts))


# -- Coder's docs tree ------------------------------------------------------------------------


@pytest.mark.corpus
def test_no_fix_on_the_corpus_adds_a_registry_or_terraform_finding(corpus: Path) -> None:
    offered: Counter = Counter()
    worse: list[str] = []
    for path in markdown_files(corpus):
        doc = Document.from_bytes(path.read_bytes(), path.relative_to(corpus).as_posix())
        findings = check_document(doc, EVERY_RULE)
        before = guarded([f for f in findings])
        for finding in findings:
            if finding.fix is None:
                continue
            offered[finding.rule] += 1
            for rule, message in new_after_fix(doc.text, doc.path, finding, before):
                worse.append(f"{doc.path}:{finding.line}: fixing {finding.rule} adds {rule}: {message}")
    assert worse == []
    # The fixes this walked through (a test that fixes nothing would pass too).
    assert offered["tf-fmt"] == 73
    assert offered["registry-legacy-url"] == 27
    assert offered["registry-module-legacy-source"] == 9
    assert offered["registry-module-source"] == 2


@pytest.mark.corpus
def test_docs_check_fix_on_the_corpus_adds_no_registry_or_terraform_finding(corpus: Path, tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(corpus, copy)
    files = markdown_files(copy)
    before = {p: guarded(check_text(p.read_bytes(), p.relative_to(copy).as_posix(), GUARDED_ONLY)) for p in files}
    result = docs_check(str(copy), "--fix", "--quiet")
    assert result.returncode in (0, 1), result.stderr
    changed = 0
    for p in files:
        after = guarded(check_text(p.read_bytes(), p.relative_to(copy).as_posix(), GUARDED_ONLY))
        assert sorted((after - before[p]).elements()) == [], p
        changed += after != before[p]
    # The legacy sources, dev hosts and old URLs it fixed are gone.
    assert changed > 0
    again = docs_check(str(copy), "--select", "registry-module-legacy-source,registry-module-source,registry-legacy-url")
    assert again.returncode == 0, again.stdout[-2000:]


# -- made-up blocks ---------------------------------------------------------------------------


CAT = C.load_catalog()
# Modules with a history worth probing: coder/modules releases, a move to another
# namespace, an untagged README version, a rename.
MODULES = ["coder/claude-code", "coder/code-server", "thezoker/nodejs", "whizus/exoscale-zone", "coder/mux",
           "coder-labs/codex", "nataindata/apache-airflow", "coder/jetbrains-gateway"]


def _source_forms(ident: str) -> list[str]:
    ns, name = ident.split("/", 1)
    return [
        f"registry.coder.com/{ident}/coder",
        f"registry.coder.com/modules/{name}/coder",  # the old form
        f"registry.coder.com/coder/{name}/coder",  # the `coder` namespace, which it may have left
        f"dev.registry.coder.com/{ident}/coder",  # a development host
        f"registry.coder.com/modules/{ident}/coder",  # old and new mixed
        f"registry.coder.com/{ident}/docker",  # another provider
        f"registry.coder.com/{ns}/{name.upper()}/coder",  # the wrong case
        "registry.coder.com/coder/cmux/coder",  # renamed
    ]


@st.composite
def module_blocks(draw: st.DrawFn) -> str:
    ident = draw(st.sampled_from(MODULES))
    ns, name = ident.split("/", 1)
    source = draw(st.sampled_from(_source_forms(ident)))
    versions = CAT.source_versions(ns, name) + CAT.source_versions("coder", name) + CAT.next_versions(ident)
    version = draw(st.one_of(
        st.none(),
        st.sampled_from(versions or ["1.0.0"]),
        st.sampled_from(versions or ["1.0.0"]).map(lambda v: "~> " + ".".join(v.split(".")[:2])),
        st.just("var.module_version"),
    ))
    lines = [f'module "{name}" {{', f'  source   = "{source}"']
    if version is not None:
        lines.append(f"  version  = {version}" if version.startswith("var.") else f'  version  = "{version}"')
    lines += ["  agent_id = coder_agent.main.id", "}"]
    label = draw(st.sampled_from(["tf", "hcl", "terraform"]))
    return f"```{label}\n" + "\n".join(lines) + "\n```\n"


# Nested blocks shown at their depth, some misaligned (tf-fmt fixes them at that depth).
INDENTED = [
    '  option {\n    name = "Ruby"\n    value = "ruby"\n  }\n',
    '  display_apps {\n    vscode = false\n    web_terminal = true\n  }\n',
    '  volumes {\n    container_path = "/home/linuxbrew"\n    read_only      = false\n  }\n',
]
SHELL = ["terraform init\n", "$ coder templates push\n", "export CODER_URL=https://coder.example.com\n"]


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, str]:
    parts = draw(st.lists(
        st.one_of(
            module_blocks(),
            st.sampled_from(SHELL).map(lambda s: "```hcl\n" + s + "```\n"),
            st.sampled_from(INDENTED).map(lambda s: "```tf\n" + s + "```\n"),
            st.sampled_from(["[m](https://registry.coder.com/modules/nodejs)", "`registry.coder.com/modules/git-clone/coder`"]),
        ),
        min_size=1, max_size=3,
    ))
    path = draw(st.sampled_from(["docs/page.md", "registry/coder/modules/claude-code/README.md", "nodejs/README.md"]))
    return "# Page\n\n" + "\n".join(parts), path


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_no_fix_on_made_up_blocks_adds_a_registry_or_terraform_finding(page: tuple[str, str]) -> None:
    text, path = page
    doc = Document.from_text(text, path)
    findings = check_document(doc, EVERY_RULE)
    before = guarded(findings)
    for finding in findings:
        if finding.fix is not None:
            assert new_after_fix(doc.text, path, finding, before) == [], (finding.rule, finding.message)
    # No fix ever relabels shell `tf`.
    fixed, _ = apply_fixes(doc.text, [f.fix for f in findings if f.fix])
    for shell in SHELL:
        assert f"```tf\n{shell}" not in fixed
