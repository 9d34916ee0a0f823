"""Content tests: the pages pass the project's own checks, and the Tasks page carries the
facts of issue 2.

The pages are judged by `docs-check` itself (the real CLI with the project's configuration,
on the Markdown and on the built site), and each kind of problem those runs would catch is
planted once to show that the configuration does not hide it. The Tasks page's facts are
read through the scanner, the link reader and the HCL parser: names, links, settings, code
and structure, never whole sentences, so a writer's ordinary edit of the prose passes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, docs_check, mkdocs_build
from docs_check import tokenshapes
from docs_check.coderdocs import manifest as manifests
from docs_check.coderdocs.links import links
from docs_check.coderdocs.slugs import github_slug
from docs_check.hcl import Attribute, Block, Body, parse
from docs_check.scanner import HEADING, TEXT, Document, inline_spans

DOCS = ROOT / "docs"
TASKS = DOCS / "ai-coder" / "tasks.md"
ALERT_TYPES = ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION")
# The typos planted in the page issue 2 started from; none may come back.
SEED_TYPOS = ("Regitsry", "instcrtion", "requiredto")


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _doc(path: Path) -> Document:
    return Document.from_bytes(path.read_bytes(), path.relative_to(ROOT).as_posix())


def _headings(doc: Document) -> list[tuple[int, str, int]]:
    """(level, text, line) of each heading the scanner sees (code blocks never count)."""
    out = []
    for ln in doc.lines:
        if ln.kind == HEADING:
            content = ln.content.strip()
            level = len(content) - len(content.lstrip("#"))
            out.append((level, content.strip("#").strip(), ln.number))
    return out


def _section(doc: Document, prefix: str) -> tuple[int, int]:
    """Lines (first, last) of the section whose heading starts with `prefix`."""
    heads = _headings(doc)
    for i, (level, text, line) in enumerate(heads):
        if text.startswith(prefix):
            end = next((n - 1 for lv, _, n in heads[i + 1 :] if lv <= level), len(doc.lines))
            return line, end
    raise AssertionError(f"{doc.path} has no heading starting {prefix!r}")


def _code_spans(doc: Document) -> set[str]:
    spans = set()
    for ln in doc.lines:
        if ln.kind in (TEXT, HEADING):
            spans.update(ln.content[a:b].strip("`").strip() for a, b, kind in inline_spans(ln.content) if kind == "code")
    return spans


def _prose(doc: Document) -> str:
    return " ".join(" ".join(text.split()) for _, text in doc.prose())


def _tf_blocks(doc: Document) -> list[Body]:
    return [parse(doc.block_text(f)) for f in doc.fences if f.lang == "tf"]


def _blocks(bodies: list[Body], type_: str, *labels: str) -> list[Block]:
    return [
        b for body in bodies for b in body.blocks
        if b.type == type_ and b.labels[: len(labels)] == list(labels)
    ]


def _attr(body: Body, name: str) -> Attribute:
    found = [a for a in body.attributes if a.name == name]
    assert found, f"no attribute {name!r}"
    return found[0]


@pytest.fixture(scope="module")
def tasks() -> Document:
    return _doc(TASKS)


# --- every page, through docs-check ---------------------------------------------------------


def test_the_pages_pass_docs_check() -> None:
    proc = docs_check("--format", "json", "docs")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []


def test_the_built_site_passes_docs_check_site(site_build) -> None:
    proc = docs_check("site", str(site_build.site), "--format", "json")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout) == []


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """The project's docs and configuration in a folder of their own, to plant problems in."""
    shutil.copytree(DOCS, tmp_path / "docs")
    for name in ("pyproject.toml", "mkdocs.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


PLANTS = {
    "seed-typo": ("The Regitsry holds the modules.\n", "spell-unknown-word"),
    "repeated-word": ("Open the the dashboard.\n", "spell-repeated-word"),
    "token-in-code": ('```sh\nexport GITHUB_TOKEN=ghp_' + "Ab3xK9mQ2vL7pR4tZ8wN1cF6hJ5sD0gY2eUi" + "\n```\n",
                      "tf-secret-code"),
    "hcl-label": ('```hcl\nresource "coder_app" "x" {\n  slug = "x"\n}\n```\n', "tf-lang"),
    "unformatted-tf": ('```tf\nlocals {\n  a = 1\n  long_name = 2\n}\n```\n', "tf-fmt"),
    "alert-case": ("> [!Note]\n> Lower case.\n", "alert-case"),
    "unlisted-page": ("See [the draft](./draft.md).\n", "link-unlisted-page"),
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_a_planted_problem_is_found_with_the_projects_configuration(project_copy: Path, plant: str) -> None:
    text, rule = PLANTS[plant]
    page = project_copy / "docs" / "ai-coder" / "tasks.md"
    (project_copy / "docs" / "ai-coder" / "draft.md").write_text("# Draft\n")
    before = page.read_text(encoding="utf-8")
    line = before.count("\n") + 2
    page.write_text(before + "\n" + text, encoding="utf-8")
    proc = docs_check("--format", "json", "docs", cwd=project_copy)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    found = {(f["path"], f["rule"]) for f in json.loads(proc.stdout) if f["line"] >= line}
    assert ("docs/ai-coder/tasks.md", rule) in found, proc.stdout


def test_a_planted_broken_anchor_is_found_on_the_built_site(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    page = docs / "ai-coder" / "custom-agents.md"
    text = page.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    page.write_text(text + "\nSee [the option](./tasks.md#no-such-option).\n", encoding="utf-8")
    build = mkdocs_build(tmp_path / "site", docs_dir=docs, strict=False)
    assert build.returncode == 0, build.log
    proc = docs_check("site", str(build.site), "--format", "json", env={"DOCS_DIR": str(docs)})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    found = [(f["rule"], f["line"]) for f in json.loads(proc.stdout) if f["path"].endswith("custom-agents.md")]
    assert ("link-missing-anchor", line) in found, proc.stdout


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_no_page_holds_a_token_or_a_seed_typo(page: Path) -> None:
    # The product's token shapes over the whole page, prose included (the tf-secret-* rules
    # read only code blocks).
    text = page.read_text(encoding="utf-8")
    assert [t.kind for t in tokenshapes.find_tokens(text)] == []
    assert [typo for typo in SEED_TYPOS if typo in text] == []


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_page_has_one_title(page: Path) -> None:
    titles = [text for level, text, _ in _headings(_doc(page)) if level == 1]
    assert len(titles) == 1 and titles[0], titles


def test_every_page_the_navigation_lists_exists_and_is_built(site_build) -> None:
    routes = []
    stack = list(manifests.load(DOCS / "manifest.json").routes)
    while stack:
        route = stack.pop()
        routes.append(route)
        stack.extend(route.children)
    assert len(routes) == len(_pages())
    for route in routes:
        assert (DOCS / route.path).is_file(), route.path
        stem = Path(route.path).with_suffix("")
        built = site_build.site / (stem.parent if stem.name == "index" else stem) / "index.html"
        assert built.is_file(), route.path


def test_every_alert_type_renders(site_build, tasks: Document) -> None:
    markers = {tasks.lines[q.start_line - 1].content.strip() for q in tasks.quotes}
    html = (site_build.site / "ai-coder" / "tasks" / "index.html").read_text(encoding="utf-8")
    for kind in ALERT_TYPES:
        assert f"[!{kind}]" in markers, f"tasks.md has no {kind} alert"
        assert f'<div class="admonition {kind.lower()}">' in html, f"{kind} did not render"
    assert "[!" not in re.sub(r"<code>.*?</code>", "", html, flags=re.S)


@pytest.mark.skipif(shutil.which("terraform") is None, reason="terraform is not installed")
def test_every_tf_block_is_what_terraform_fmt_makes_of_it(tmp_path: Path) -> None:
    # An independent oracle for the tf-fmt rule, whose formatter is a clone of terraform's.
    checked = 0
    for page in _pages():
        doc = _doc(page)
        for block in (f for f in doc.fences if f.lang == "tf"):
            # An elision line (`...`) is not HCL; a comment at its indent keeps fmt's view.
            source = re.sub(r"^([ \t]*)\.\.\.[ \t]*$", r"\1# elided", doc.block_text(block), flags=re.M)
            (tmp_path / "main.tf").write_text(source, encoding="utf-8")
            proc = subprocess.run(["terraform", "fmt", "-check", "-diff", "-no-color", "main.tf"],
                                  cwd=tmp_path, capture_output=True, text=True, check=False)
            assert proc.returncode == 0, f"{doc.path}:{block.open_line}:\n{proc.stdout}{proc.stderr}"
            checked += 1
    assert checked >= 3


# --- the Tasks page holds the facts of issue 2 -------------------------------------------------


def test_the_tasks_page_is_marked_beta(tasks: Document) -> None:
    (title,) = [text for level, text, _ in _headings(tasks) if level == 1]
    assert "beta" in title.lower()
    route = manifests.load(DOCS / "manifest.json").by_path["ai-coder/tasks.md"]
    assert route.states == ("beta",)


def test_the_tasks_page_names_the_agents_and_links_the_sources(tasks: Document) -> None:
    prose = _prose(tasks)
    for name in ("Claude Code", "Codex", "Gemini", "Aider", "Goose", "AgentAPI", "Model Context Protocol",
                 "AWS", "Bedrock", "GCP Vertex", "LiteLLM", "llama4"):
        assert name in prose, name
    targets = {link.target for link in links(tasks)}
    for url in (
        "https://registry.coder.com/modules?search=tag%3Atasks",
        "https://github.com/coder/agentapi",
        "https://coder.com/contact",
        "https://coder.com/docs/admin/external-auth",
        "https://coder.com/docs/admin/users/headless-auth",
        "https://github.com/gothinkster/realworld",
        "https://registry.coder.com/templates/sharkymark/docker-claude",
        "./custom-agents.md",
        "./images/architecture-high-level.svg",
        "./images/realworld-ui.svg",
    ):
        assert url in targets, url
    # The example template left the registry: the page says so rather than linking a dead page.
    assert not [t for t in targets if "coder-labs/tasks-docker" in t]


def test_the_tasks_page_names_its_settings(tasks: Document) -> None:
    spans = _code_spans(tasks)
    for name in ("coder_ai_task", "coder_parameter", "sidebar_app.id", '"preview"', "ANTHROPIC_API_KEY",
                 "CODER_HIDE_AI_TASKS=true", "--hide-ai-tasks", "GIT_AUTHOR_*", "GIT_COMMITTER_*"):
        assert name in spans, name


def test_the_alerts_sit_where_issue_2_put_them(tasks: Document) -> None:
    def alerts_in(first: int, last: int) -> set[str]:
        return {tasks.lines[q.start_line - 1].content.strip() for q in tasks.quotes if first <= q.start_line <= last}

    intro_end = next(line for level, _, line in _headings(tasks) if level == 2)
    assert "[!NOTE]" in alerts_in(1, intro_end)  # pricing: free and open source, Premium
    note = next(q for q in tasks.quotes if q.start_line < intro_end)
    assert "https://coder.com/contact" in {k.target for k in links(tasks) if note.start_line <= k.line <= note.end_line}
    assert "[!IMPORTANT]" in alerts_in(*_section(tasks, "Option 1"))  # the withdrawn template
    assert "[!WARNING]" in alerts_in(*_section(tasks, "Option 3"))  # the version requirement


def test_getting_started_offers_three_options_in_order(tasks: Document) -> None:
    first, last = _section(tasks, "Getting Started")
    options = [text for level, text, line in _headings(tasks) if level == 3 and first < line <= last]
    assert [o.split(")")[0] for o in options] == ["Option 1", "Option 2", "Option 3"]
    # Custom Agents sends readers to the third option by its anchor.
    custom = {link.target for link in links(_doc(DOCS / "ai-coder" / "custom-agents.md"))}
    assert f"./tasks.md#{github_slug(options[2])}" in custom


def test_option_2_is_three_steps(tasks: Document) -> None:
    first, last = _section(tasks, "Option 2")
    items = [ln for ln in tasks.lines[first:last]
             if ln.list_depth == 1 and re.match(r"\d+[.)] ", ln.text)]
    assert len(items) == 3
    # The steps send the reader to the registry's Tasks modules.
    assert any("registry.coder.com" in link.target for link in links(tasks) if first <= link.line <= last)


def test_the_template_example_declares_what_tasks_need(tasks: Document) -> None:
    bodies = _tf_blocks(tasks)
    (prompt,) = _blocks(bodies, "data", "coder_parameter", "ai_prompt")
    assert _attr(prompt.body, "name").expr.value == "AI Prompt"
    (task,) = _blocks(bodies, "resource", "coder_ai_task")
    (sidebar,) = [b for b in task.body.blocks if b.type == "sidebar_app"]
    parts = _attr(sidebar.body, "id").expr.traversals[0].parts
    assert parts[0] == "coder_app" and parts[-1] == "id"


def test_the_git_identity_example_sets_every_variable(tasks: Document) -> None:
    agents = _blocks(_tf_blocks(tasks), "resource", "coder_agent", "main")
    keys = {item.key for agent in agents for item in _attr(agent.body, "env").expr.items}
    assert {"GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"} <= keys


def test_the_pat_is_a_sensitive_variable_passed_as_github_token(tasks: Document) -> None:
    bodies = _tf_blocks(tasks)
    (pat,) = _blocks(bodies, "variable", "github_pat")
    assert _attr(pat.body, "sensitive").expr.text == "true"
    env_items = [
        item for block in (b for body in bodies for b in body.blocks)
        for attr in block.body.attributes if attr.name == "env" for item in attr.expr.items
    ]
    assert ("GITHUB_TOKEN", "var.github_pat") in {(i.key, i.value.text) for i in env_items}
