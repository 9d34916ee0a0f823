"""Content tests: the Tasks page carries the facts of issue 2, and the pages stay clean.

Pure file reads, no site build: a writer gets the answer in well under a second.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
SECTION = DOCS / "ai-coder"
TASKS = SECTION / "tasks.md"

SEED_TYPOS = ("Regitsry", "instcrtion", "requiredto")

# A fenced block: opening fence with an optional info string, body, closing fence.
FENCE = re.compile(
    r"^(?P<fence>`{3,})(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.S | re.M
)
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$", re.M)
LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)\)")
ELISION = re.compile(r"^([ \t]*)\.\.\.[ \t]*$", re.M)


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _strip_code(text: str) -> str:
    """Blank out fenced code so heading and link scans skip it; offsets and line numbers stay put."""
    return FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _code_blocks(text: str, lang: str) -> list[str]:
    return [m.group("body") for m in FENCE.finditer(text) if m.group("info").strip() == lang]


def _slug(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"`([^`]*)`", r"\1", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _headings(text: str) -> list[tuple[int, str]]:
    return [(len(m.group(1)), m.group(2)) for m in HEADING.finditer(_strip_code(text))]


def _flat(text: str) -> str:
    """Drop quote markers and collapse whitespace, so phrase checks ignore where lines wrap."""
    return " ".join(re.sub(r"^> ?", "", text, flags=re.M).split())


def _section(text: str, title: str) -> str:
    """The prose and code under the heading `title`, up to the next heading of the same or higher level."""
    matches = list(HEADING.finditer(_strip_code(text)))
    for i, m in enumerate(matches):
        if m.group(2) == title:
            level = len(m.group(1))
            end = len(text)
            for nxt in matches[i + 1 :]:
                if len(nxt.group(1)) <= level:
                    end = nxt.start()
                    break
            return text[m.end() : end]
    raise AssertionError(f"tasks.md has no heading {title!r}")


@pytest.fixture(scope="module")
def tasks() -> str:
    return TASKS.read_text(encoding="utf-8")


# --- The Tasks page holds the facts of issue 2 -------------------------------------------


def test_title_says_beta(tasks: str) -> None:
    h1 = [title for level, title in _headings(tasks) if level == 1]
    assert h1 == ["Coder Tasks (Beta)"]


def test_intro_names_agents_and_pricing_note(tasks: str) -> None:
    # The text between the title and the first section; the front matter doesn't count.
    intro = tasks.split("\n# Coder Tasks (Beta)\n", 1)[1].split("\n## ", 1)[0]
    assert "in beta" in _flat(intro)
    for agent in ("Claude Code", "Codex", "Gemini", "Aider"):
        assert agent in intro, f"intro does not name {agent}"
    note = re.search(r"^> \[!NOTE\]\n((?:> .*\n)+)", intro, re.M)
    assert note, "intro has no NOTE alert"
    body = note.group(1)
    assert "free" in body and "open source" in body
    assert "Premium" in body and "hundreds of tasks" in body
    assert "(https://coder.com/contact)" in body


def test_supported_agents(tasks: str) -> None:
    section = _flat(_section(tasks, "Supported Agents"))
    assert "terminal" in section and "Model Context Protocol (MCP)" in section
    assert "agents you build yourself" in section
    for agent in ("Claude Code", "Codex", "Gemini", "Aider", "Goose"):
        assert agent in section, f"Supported Agents does not name {agent}"
    assert "https://registry.coder.com/modules?search=tag%3Atasks" in section


def test_enterprise_providers_and_self_hosted_models(tasks: str) -> None:
    section = _flat(_section(tasks, "Enterprise LLM Providers and Proxies"))
    for name in ("AWS", "Bedrock", "GCP Vertex", "LiteLLM", "llama4", "Aider", "Goose"):
        assert name in section, f"Enterprise section lacks {name}"
    assert "intellectual property private" in section
    assert "configured in its own way" in section
    assert "https://registry.coder.com/modules?search=tag%3Atasks" in section


def test_architecture(tasks: str) -> None:
    section = _flat(_section(tasks, "Architecture"))
    assert "workspace of its own" in section and "isolated" in section
    assert "no GPUs" in section
    assert "LLM provider" in section
    assert "install the agent ahead of time" in section
    assert "[AgentAPI](https://github.com/coder/agentapi)" in section
    assert "status" in section and "chat interface" in section
    assert "no matter which agent" in section
    assert "](./images/architecture-high-level.svg)" in section


def test_getting_started_options_in_order(tasks: str) -> None:
    section = _section(tasks, "Getting Started with Tasks")
    options = [title for level, title in _headings(section) if level == 3]
    assert options == [
        "Option 1) Import and Modify Our Example Template",
        "Option 2) Use Any of Our Tasks Modules",
        "Option 3) Create or Duplicate Your Own Template",
    ]


def test_option_1_example_template(tasks: str) -> None:
    section = _flat(_section(tasks, "Option 1) Import and Modify Our Example Template"))
    assert "https://github.com/gothinkster/realworld" in section
    for prompt in (
        "rewrite the backend in go",
        "document the project structure",
        "change the primary color theme to purple",
    ):
        assert f'"{prompt}"' in section
    assert "](./images/realworld-ui.svg)" in section
    # The example template left the registry: the page says so rather than linking a dead page.
    assert "registry.coder.com/templates/coder-labs/tasks-docker" not in tasks
    assert '[!IMPORTANT] The "Tasks on Docker" template was withdrawn' in section
    assert "August 2026" in section
    assert "https://registry.coder.com/templates/sharkymark/docker-claude" in section


def test_tasks_tab_appears_after_refresh(tasks: str) -> None:
    section = _flat(_section(tasks, "Getting Started with Tasks"))
    assert "refresh the page after you add a Tasks-compatible template" in section
    assert "The Tasks tab then appears" in section


def test_option_2_uses_tasks_modules(tasks: str) -> None:
    section = _section(tasks, "Option 2) Use Any of Our Tasks Modules")
    steps = re.findall(r"^1\. (.+)", section, re.M)
    assert len(steps) == 3
    assert "agent" in steps[0] and "Registry" in section
    assert "module" in steps[1]
    assert "Refresh your browser" in steps[2]


def test_option_3_template_requirements(tasks: str) -> None:
    section = _section(tasks, "Option 3) Create or Duplicate Your Own Template")
    prose = _flat(section)
    assert "`coder_ai_task` resource" in prose
    assert '`coder_parameter` data source named `"AI Prompt"`' in prose
    assert "import a template version" in prose
    blocks = _code_blocks(section, "tf")
    assert len(blocks) == 1
    block = blocks[0]
    assert re.search(
        r'^data "coder_parameter" "ai_prompt" \{\n\s+name\s+= "AI Prompt"$', block, re.M
    )
    assert re.search(r'^resource "coder_ai_task" "\w+" \{', block, re.M)
    assert re.search(r"sidebar_app \{\n\s+id = coder_app\.\w+\.id\n\s+\}", block)
    assert "> [!WARNING]" in section and "one minor Coder version" in prose


def test_separate_template_and_custom_agents_link(tasks: str) -> None:
    section = _flat(_section(tasks, "Option 3) Create or Duplicate Your Own Template"))
    assert "separate template for Tasks with limited permissions" in section
    assert "(./custom-agents.md)" in section


def test_git_identity_example(tasks: str) -> None:
    section = _section(tasks, "Git Identity")
    assert "`GIT_AUTHOR_*`" in section and "`GIT_COMMITTER_*`" in section
    (block,) = _code_blocks(section, "tf")
    assert re.search(r'^resource "coder_agent" "main" \{', block, re.M)
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        assert re.search(rf"^\s+{var}\s+= \"[^\"]+\"$", block, re.M), (
            f"{var} missing from the env example"
        )


def test_permissions_external_auth_or_sensitive_bot_pat(tasks: str) -> None:
    section = _section(tasks, "Permissions")
    assert "(https://coder.com/docs/admin/external-auth)" in section
    assert "(https://coder.com/docs/admin/users/headless-auth)" in section
    (block,) = _code_blocks(section, "tf")
    variable = re.search(r'^variable "github_pat" \{\n(.*?)^\}', block, re.M | re.S)
    assert variable, "no github_pat variable"
    assert re.search(r"^\s+sensitive\s+= true$", variable.group(1), re.M)
    assert re.search(r"^\s+GITHUB_TOKEN = var\.github_pat$", block, re.M)


def test_customizing_the_task_ui(tasks: str) -> None:
    section = _flat(_section(tasks, "Customizing the Task UI"))
    assert "set `sidebar_app.id` on the `coder_ai_task` resource" in section
    assert 'special slug `"preview"`' in section and "navigation bar" in section


def test_automatic_task_names(tasks: str) -> None:
    section = _flat(_section(tasks, "Automatically Name Your Tasks"))
    assert "`ANTHROPIC_API_KEY`" in section and "Coder server" in section
    assert "random name" in section


def test_opting_out(tasks: str) -> None:
    section = _flat(_section(tasks, "Opting out of Tasks"))
    assert "`CODER_HIDE_AI_TASKS=true`" in section
    assert "`--hide-ai-tasks`" in section


def test_every_alert_type_on_tasks_page(tasks: str) -> None:
    for kind in ("NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"):
        assert re.search(rf"^> \[!{kind}\]\n> \S", tasks, re.M), f"no well-formed {kind} alert"


# --- Every page -------------------------------------------------------------------------


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_seed_typos_absent(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for typo in SEED_TYPOS:
        assert typo not in text, f"{page.relative_to(REPO)} contains the seed typo {typo!r}"


# Shapes of real GitHub, OpenAI and AWS credentials; even fake ones teach readers a bad habit.
TOKEN_LIKE = re.compile(
    r"\b(gh[pousr]_[A-Za-z0-9]{8,}|github_pat_[A-Za-z0-9_]{8,}|sk-[A-Za-z0-9]{8,}|AKIA[0-9A-Z]{12,})"
)


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_no_token_like_strings(page: Path) -> None:
    hits = TOKEN_LIKE.findall(page.read_text(encoding="utf-8"))
    assert not hits, f"{page.relative_to(REPO)} holds token-like strings: {hits}"


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_terraform_blocks_are_labelled_tf(page: Path) -> None:
    infos = [m.group("info").strip() for m in FENCE.finditer(page.read_text(encoding="utf-8"))]
    assert not {"hcl", "terraform"} & set(infos)


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_section_links_and_anchors_resolve(page: Path) -> None:
    text = _strip_code(page.read_text(encoding="utf-8"))
    for m in LINK.finditer(text):
        url = m.group("url")
        if re.match(r"[a-z]+:", url):
            continue
        path, _, anchor = url.partition("#")
        target = (page.parent / path).resolve() if path else page
        assert target.is_file(), f"{page.name}: {url} points at a missing file"
        if anchor and target.suffix == ".md":
            slugs = {_slug(title) for _, title in _headings(target.read_text(encoding="utf-8"))}
            assert anchor in slugs, f"{page.name}: #{anchor} is not a heading of {target.name}"


def test_tasks_anchor_used_by_custom_agents_is_renumbered() -> None:
    text = (SECTION / "custom-agents.md").read_text(encoding="utf-8")
    assert "./tasks.md#option-3-create-or-duplicate-your-own-template" in text
    assert "#option-2-create-or-duplicate-your-own-template" not in text


def _tf_blocks() -> list:
    found = []
    for page in _pages():
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            if m.group("info").strip() == "tf":
                where = str(page.relative_to(REPO))
                line = text[: m.start()].count("\n") + 1
                found.append(pytest.param(where, line, m.group("body"), id=f"{where}:{line}"))
    return found


TERRAFORM = shutil.which("terraform")


def test_there_are_tf_blocks_to_check() -> None:
    assert len(_tf_blocks()) >= 3


@pytest.mark.skipif(
    TERRAFORM is None, reason="terraform is not installed; `terraform fmt` cannot run"
)
@pytest.mark.parametrize(("where", "line", "body"), _tf_blocks())
def test_tf_blocks_are_fmt_clean(where: str, line: int, body: str, tmp_path: Path) -> None:
    # An elision line (`...`) is not HCL; a comment at the same indent keeps fmt's view of the block.
    source = ELISION.sub(r"\1# elided", body)
    (tmp_path / "main.tf").write_text(source, encoding="utf-8")
    result = subprocess.run(
        [TERRAFORM, "fmt", "-check", "-diff", "-no-color", "main.tf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, (
        f"{where}:{line}: block is not `terraform fmt` clean:\n{result.stdout}{result.stderr}"
    )
