"""Terraform snippet rules: tf-lang, tf-syntax, tf-fmt (and its fix), tf-sensitive-variable.

Positions are asserted as the Markdown `line:column` a writer's editor jumps to, for blocks
at the top level, inside list items and inside alerts. The seed patch's own blocks are
literal fixtures below.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SHARED, docs_check
from docs_check.config import Config
from docs_check.engine import check_text
from docs_check.findings import Finding, Severity
from docs_check.fixes import apply_fixes
from docs_check.scanner import Document

TERRAFORM = shutil.which("terraform")
SEED_DIR = SHARED / "seed"
PR_PAGE = SHARED / "reference" / "ai-coder-2025-09" / "tasks.pr-19710.md"


# Coder's configuration: every Terraform fence labelled `tf` (tf-lang), as this project sets it.
CODER = {"terraform": {"fence-label": "tf"}}


def check(md: str, *rules: str) -> list[Finding]:
    return check_text(md, "page.md", Config(select=rules or ("tf-",), sections=CODER))


def only(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def fixed(md: str, *rules: str) -> str:
    """The page after applying every fix the given rules offer (one pass)."""
    doc = Document.from_text(md, "page.md")
    text, _ = apply_fixes(doc.text, [f.fix for f in check(md, *rules) if f.fix])
    return text


def fence(body: str, lang: str = "tf") -> str:
    return f"```{lang}\n{body}```\n"


# -- the seed patch's blocks (docs/ai-coder/tasks.md, PR 19710), verbatim --------------------
# Commits 1-3 indent with tabs (the seed file in ../shared has its whitespace collapsed; the
# PR's page in ../shared/reference keeps the bytes, and test_seed_fixtures_match_the_sources
# ties both to these fixtures). Commit 4 realigns them the way `terraform fmt` does.

SEED1_IDENTITY = (
    'resource "coder_agent" "main" {\n'
    "\t...\n"
    "\tenv = {\n"
    '\t\tGIT_AUTHOR_NAME = "AI Bot"\n'
    '\t\tGIT_AUTHOR_EMAIL = "ai.bot@example.com"\n'
    '\t\tGIT_COMMITTER_NAME = "Jane Doe"\n'
    '\t\tGIT_COMMITTER_EMAIL = "jane.doe@example.com"\n'
    "\t}\n"
    "}\n"
)
SEED1_TOKEN = (
    'resource "coder_agent" "main" {\n'
    "\t...\n"
    "\tenv = {\n"
    '\t\tGITHUB_TOKEN = "ghp_1234567890abcdef" # Inject a Bot specific PAT\n'
    "\t}\n"
    "}\n"
)
SEED2_VARIABLE = (
    "# Define a template variable to store the token.\n"
    'variable "github_pat" {\n'
    "\ttype      = string\n"
    "\tsensitive = true\n"
    "}\n"
    "\n"
    'resource "coder_agent" "main" {\n'
    "\t...\n"
    "\tenv = {\n"
    "\t\tGITHUB_TOKEN = var.github_pat # Inject a Bot specific PAT\n"
    "\t}\n"
    "}\n"
)
SEED4_IDENTITY = (
    'resource "coder_agent" "main" {\n'
    "  ...\n"
    "  env = {\n"
    '    GIT_AUTHOR_NAME     = "AI Bot"\n'
    '    GIT_AUTHOR_EMAIL    = "ai.bot@example.com"\n'
    '    GIT_COMMITTER_NAME  = "Jane Doe"\n'
    '    GIT_COMMITTER_EMAIL = "jane.doe@example.com"\n'
    "  }\n"
    "}\n"
)
SEED4_VARIABLE = (
    "# Define a template variable to store the token.\n"
    'variable "github_pat" {\n'
    "  type      = string\n"
    "  sensitive = true\n"
    "}\n"
    "\n"
    'resource "coder_agent" "main" {\n'
    "  ...\n"
    "  env = {\n"
    "    GITHUB_TOKEN = var.github_pat # Inject a Bot specific PAT\n"
    "  }\n"
    "}\n"
)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def test_seed_fixtures_match_the_sources() -> None:
    seeds = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
    if not seeds or not PR_PAGE.is_file():
        pytest.skip("../shared (seed patch and reference pages) is absent")
    # The seed (whitespace collapsed, diff markers dropped) holds every fixture line; commit 1
    # adds its two blocks whole, the GitHub token included.
    seed = _collapse(_collapse(" ".join(p.read_text(encoding="utf-8") for p in seeds)).replace(" +", " "))
    for block in (SEED1_IDENTITY, SEED1_TOKEN, SEED2_VARIABLE, SEED4_IDENTITY, SEED4_VARIABLE):
        for line in block.splitlines():
            assert _collapse(line) in seed, line
    for block in (SEED1_IDENTITY, SEED1_TOKEN):
        assert _collapse(block) in seed
    # The PR's page keeps the bytes of commits 2-3, tabs included.
    page = PR_PAGE.read_text(encoding="utf-8")
    assert fence(SEED1_IDENTITY) in page
    assert fence(SEED2_VARIABLE) in page


def test_seed_mis_indented_blocks_are_tf_fmt_findings() -> None:
    cases = [
        (SEED1_IDENTITY, 5, "line 2 of the block should read `  ...`, not `\\t...`"),
        (SEED1_TOKEN, 5, "line 2 of the block should read `  ...`, not `\\t...`"),
        (SEED2_VARIABLE, 6, "line 3 of the block should read `  type      = string`, not `\\ttype      = string`"),
    ]
    for block, line, message in cases:
        # "# Tasks", blank, fence: the block's line n is the page's line n + 3.
        (f,) = only(check("# Tasks\n\n" + fence(block)), "tf-fmt")
        assert (f.line, f.column) == (line, 1)
        assert message in f.message, f.message


def test_seed_realigned_blocks_are_clean() -> None:
    for block in (SEED4_IDENTITY, SEED4_VARIABLE):
        assert check("# Tasks\n\n" + fence(block)) == []


def test_seed_fix_is_commit_4() -> None:
    """--fix turns commits 1-3's blocks into commit 4's, byte for byte."""
    for before, after in ((SEED1_IDENTITY, SEED4_IDENTITY), (SEED2_VARIABLE, SEED4_VARIABLE)):
        assert fixed("# Tasks\n\n" + fence(before), "tf-fmt") == "# Tasks\n\n" + fence(after)


@pytest.mark.skipif(TERRAFORM is None, reason="no terraform binary on PATH")
def test_seed_realigned_blocks_are_what_terraform_fmt_writes() -> None:
    for before, after in ((SEED1_IDENTITY, SEED4_IDENTITY), (SEED2_VARIABLE, SEED4_VARIABLE)):
        # `...` is not HCL: terraform sees it as a comment, as the formatter's harness does.
        masked = before.replace("\t...\n", "\t# ...\n")
        out = subprocess.run(
            [TERRAFORM, "fmt", "-no-color", "-"], input=masked, capture_output=True, text=True, check=True
        ).stdout
        assert out.replace("  # ...\n", "  ...\n") == after


# -- tf-lang ---------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["hcl", "terraform", "HCL"])
def test_tf_lang_flags_other_labels_and_fixes_just_the_label(label: str) -> None:
    md = f"Intro.\n\n```{label} title=\"main.tf\"\nlocals {{}}\n```\n"
    (f,) = check(md)
    assert (f.rule, f.line, f.column, f.severity) == ("tf-lang", 3, 4, Severity.WARNING)
    assert f"labelled `{label}`" in f.message and "`tf`" in f.message
    assert fixed(md) == 'Intro.\n\n```tf title="main.tf"\nlocals {}\n```\n'


def test_tf_lang_fix_inside_a_list_and_pymdownx_braces() -> None:
    md = "1. Step:\n\n   ```{.hcl linenums=\"1\"}\n   locals {}\n   ```\n"
    (f,) = check(md)
    assert (f.rule, f.line, f.column) == ("tf-lang", 3, 9)
    assert fixed(md) == "1. Step:\n\n   ```{.tf linenums=\"1\"}\n   locals {}\n   ```\n"


# Shell in a fence labelled Terraform: seen on a registry's module READMEs (`terraform init`
# under ```hcl), where relabelling it `tf` made it worse.
SHELL_FENCES = {
    "commands": ("terraform init\nterraform apply -auto-approve\n", "sh"),
    "prompt": ("$ coder templates push my-template\n", "console"),
    "env and a pipe": ("export CODER_URL=https://coder.example.com\ncurl -fsSL $CODER_URL/install.sh | sh\n", "sh"),
    "continued": ("docker run --rm \\\n  -e CODER_URL=x \\\n  ghcr.io/coder/coder\n", "sh"),
}


@pytest.mark.parametrize("name", sorted(SHELL_FENCES))
@pytest.mark.parametrize("label", ["hcl", "tf", "terraform"])
def test_shell_in_a_terraform_fence_is_the_wrong_language_without_a_fix(name: str, label: str) -> None:
    body, suggested = SHELL_FENCES[name]
    md = "Intro.\n\n" + fence(body, label)
    (f,) = check(md)  # not tf-lang, not tf-syntax: one finding that says what is wrong
    assert (f.rule, f.line, f.column, f.severity) == ("tf-lang-not-hcl", 3, 4, Severity.WARNING)
    assert f"labelled `{label}` holds shell commands" in f.message and f"```{suggested}" in f.message
    assert f.fix is None
    assert fixed(md) == md


def test_tf_lang_needs_hcl_content() -> None:
    # Broken HCL is still HCL (it reads as blocks and attributes): the label and the syntax
    # are both reported; commands in its heredoc do not make it shell.
    broken = 'resource "coder_script" "s" {\n  script = <<-EOT\n    curl -fsSL x | sh\n  EOT\n  run_on_start = \n}\n'
    assert [f.rule for f in check(fence(broken, "hcl"))] == ["tf-lang", "tf-syntax"]
    # Neither Terraform nor shell (JSON, output): no label advice, the syntax error stays.
    assert [f.rule for f in check(fence('{"a": 1}\n', "hcl"))] == ["tf-syntax"]


def test_shell_fences_are_not_terraform_for_the_secret_check() -> None:
    md = fence("export GITHUB_TOKEN=ghp_k9Xw2mQ7vLp4R8sT1uV3wX5yZ7aB9cD1eF3g\ncoder login\n", "hcl")
    found = check(md, "tf-secret", "tf-secret-code")
    assert [f.rule for f in found] == ["tf-secret-code"]  # a placeholder or $GITHUB_TOKEN, not var.x


def test_cli_fix_leaves_shell_fences_labelled_as_they_were(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    before = "Intro.\n\n```hcl\nterraform init\n```\n\n```hcl\nlocals {}\n```\n"
    page.write_text(before, encoding="utf-8")
    result = docs_check("--fix", "--select", "tf-", str(page))
    assert result.returncode == 1, result.stdout + result.stderr  # the shell fence is still reported
    assert page.read_text(encoding="utf-8") == before.replace("```hcl\nlocals", "```tf\nlocals")
    assert "page.md:3:4: tf-lang-not-hcl: block labelled `hcl` holds shell commands" in result.stdout


def test_tf_label_is_fine() -> None:
    assert check(fence("locals {}\n")) == []


def test_other_languages_are_not_terraform() -> None:
    assert check(fence('resource "x" {\n', "sh") + fence("a = [\n", "text")) == []


# -- tf-syntax -------------------------------------------------------------------------------

MISSING_QUOTE = (
    "terraform {\n"
    "  required_providers {\n"
    "    coder = {\n"
    '      source = "coder/coder\n'
    "    }\n"
    "  }\n"
    "}\n"
)
UNCLOSED_BRACE = 'resource "coder_agent" "main" {\n  arch = "amd64"\n'
EXTRA_BRACE = 'resource "coder_agent" "main" {\n  arch = "amd64"\n}\n}\n'


def _indent(block: str, prefix: str) -> str:
    return "".join(prefix + line if line.strip() else prefix.rstrip() + "\n" for line in block.splitlines(True))


@pytest.mark.parametrize(
    ("body", "line", "col", "title"),
    [
        # terraform: "Invalid multi-line string", at the end of the line the quote opens.
        (MISSING_QUOTE, 4, 28, "Invalid multi-line string"),
        # terraform: "Unclosed configuration block", at the block's `{`.
        (UNCLOSED_BRACE, 1, 31, "Unclosed configuration block"),
        # terraform: "Argument or block definition required", at the stray `}`.
        (EXTRA_BRACE, 4, 1, "Argument or block definition required"),
    ],
)
@pytest.mark.parametrize(
    ("container", "prefix", "first"),
    [
        # `first`: the page line just before the block's first line (its fence).
        ("top level", "", 5),
        ("list item", "   ", 7),
        ("alert", "> ", 6),
        ("alert in a list item", "   > ", 8),
    ],
)
def test_tf_syntax_points_at_the_markdown_line_and_column(
    body: str, line: int, col: int, title: str, container: str, prefix: str, first: int
) -> None:
    if container == "top level":
        md = "# Page\n\nIntro.\n\n" + fence(body)
    elif container == "list item":
        md = "# Page\n\nIntro.\n\n1. Step:\n\n" + _indent(fence(body), prefix)
    elif container == "alert":
        md = "# Page\n\nIntro.\n\n> [!NOTE]\n" + _indent(fence(body), prefix)
    else:
        md = "# Page\n\nIntro.\n\n- Step:\n\n   > [!TIP]\n" + _indent(fence(body), prefix)
    found = check(md)
    (f,) = only(found, "tf-syntax")
    assert only(found, "tf-fmt") == []  # a block that does not parse cannot be formatted
    assert (f.line, f.column) == (first + line, len(prefix) + col), f.format()
    assert f.severity == Severity.ERROR
    assert title in f.message
    assert "disable-next-line tf-syntax" in f.message
    # The reported column really is inside the block, on the line terraform names.
    md_line = md.splitlines()[f.line - 1]
    assert md_line.startswith(prefix.rstrip()) and md_line[len(prefix) :] == body.splitlines()[line - 1]


def test_tf_syntax_with_a_tab_indented_list_block_and_crlf() -> None:
    md = "- Step:\r\n\r\n  ```tf\r\n  " + MISSING_QUOTE.replace("\n", "\r\n  ").rstrip(" ") + "```\r\n"
    (f,) = only(check(md), "tf-syntax")
    assert (f.line, f.column) == (7, 30)


def test_suppression_comment_silences_a_deliberately_invalid_block() -> None:
    md = "Wrong on purpose:\n\n<!-- docs-check: disable-next-line tf-syntax -->\n" + fence(MISSING_QUOTE)
    assert check(md) == []
    assert only(check("Wrong:\n\n" + fence(MISSING_QUOTE)), "tf-syntax")


def test_placeholder_lines_parse() -> None:
    md = fence('resource "coder_agent" "main" {\n  ...\n  arch = "amd64"\n  ... # more settings\n}\n')
    assert check(md) == []


def test_empty_and_unclosed_blocks_do_not_crash() -> None:
    assert check("```tf\n```\n") == []
    assert check("```tf\n\n\n```\n") == []
    # An unclosed fence runs to the end of the page: it is checked but never rewritten.
    found = check("```tf\nlocals {\n  a=1\n}\n")
    assert [f.rule for f in found] == []


# -- tf-fmt ----------------------------------------------------------------------------------


def test_tf_fmt_message_shows_the_first_differing_line() -> None:
    md = "# Page\n\n" + fence('resource "coder_agent" "main" {\n  arch = "amd64"\n  os = "linux"\n}\n')
    (f,) = check(md)
    # Column: where the two versions of the line part, after `  os `.
    assert (f.rule, f.line, f.column, f.severity) == ("tf-fmt", 6, 6, Severity.WARNING)
    assert f.end_line == 8
    assert "line 3 of the block should read `  os   = \"linux\"`, not `  os = \"linux\"`" in f.message
    assert "docs-check --fix" in f.message
    assert f.fix is not None


def test_tf_fmt_message_makes_trailing_blanks_visible() -> None:
    (f,) = check(fence('locals {\n  a = 1   \n}\n'))
    assert "should read `  a = 1`, not `  a = 1   ` (with 3 trailing spaces)" in f.message


def test_tf_fmt_fix_inside_list_items_and_alerts_keeps_prefixes() -> None:
    md = (
        "1. First:\n"
        "\n"
        "   ```tf\n"
        "   locals {\n"
        "   a = 1\n"
        "       bb = 2\n"
        "\n"
        "   }\n"
        "   ```\n"
        "\n"
        "> [!WARNING]\n"
        "> Then:\n"
        ">\n"
        "> ```tf\n"
        "> locals {\n"
        ">     x=[1,2]\n"
        "> }\n"
        "> ```\n"
    )
    found = only(check(md), "tf-fmt")
    assert [(f.line, f.column) for f in found] == [(5, 4), (16, 5)]
    assert fixed(md) == (
        "1. First:\n"
        "\n"
        "   ```tf\n"
        "   locals {\n"
        "     a  = 1\n"
        "     bb = 2\n"
        "\n"
        "   }\n"
        "   ```\n"
        "\n"
        "> [!WARNING]\n"
        "> Then:\n"
        ">\n"
        "> ```tf\n"
        "> locals {\n"
        ">   x = [1, 2]\n"
        "> }\n"
        "> ```\n"
    )


def test_tf_fmt_fix_is_idempotent_in_process() -> None:
    md = fence('locals {\n a=1\n  bbb = "x" # c\n}\n')
    once = fixed(md)
    assert once != md
    assert check(once) == []
    assert fixed(once) == once


def test_formatted_blocks_with_placeholders_are_clean() -> None:
    md = fence('module "claude" {\n  source = "registry.coder.com/coder/claude-code/coder"\n  ...\n}\n')
    assert check(md) == []


# -- tf-sensitive-variable -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "flagged"),
    [
        ("github_pat", True), ("api_key", True), ("db_password", True), ("client_secret", True),
        ("anthropic_api_key", True), ("CLOUD_API_KEY", True), ("aws_credentials", True),
        ("token", True), ("region", False), ("public_key", False), ("token_url", False),
        ("secret_name", False), ("key_name", False), ("path", False), ("ssh_key", False),
    ],
)
def test_tf_sensitive_variable_by_name(name: str, flagged: bool) -> None:
    md = "Intro.\n\n" + fence(f'variable "{name}" {{\n  type = string\n}}\n')
    found = only(check(md), "tf-sensitive-variable")
    assert bool(found) == flagged
    if flagged:
        (f,) = found
        assert (f.line, f.column, f.severity) == (4, 10, Severity.WARNING)
        assert f'variable "{name}"' in f.message and "sensitive = true" in f.message


def test_tf_sensitive_variable_accepts_sensitive_true_only() -> None:
    ok = fence('variable "github_pat" {\n  type      = string\n  sensitive = true\n}\n')
    assert check(ok) == []
    off = fence('variable "github_pat" {\n  type      = string\n  sensitive = false\n}\n')
    (f,) = only(check(off), "tf-sensitive-variable")
    assert "sets `sensitive = false`" in f.message


def test_tf_sensitive_variable_position_inside_a_list() -> None:
    md = "- Add:\n\n  ```tf\n  variable \"api_token\" {}\n  ```\n"
    (f,) = only(check(md), "tf-sensitive-variable")
    assert (f.line, f.column) == (4, 12)


# -- the CLI: --fix rewrites a block in place and nothing else -------------------------------

PAGE = (
    "---\n"
    "title: Tasks\n"
    "---\n"
    "\n"
    "# Tasks   \n"  # trailing blanks outside blocks must survive
    "\n"
    "Some *prose* with `code` and\ttabs.\n"
    "\n"
    "1. Add the agent:\n"
    "\n"
    "   ```tf\n"
    '   resource "coder_agent" "main" {\n'
    '   \tarch = "amd64"\n'
    '   \tos = "linux"\n'
    "   }\n"
    "   ```\n"
    "\n"
    "   ```sh\n"
    "   a=1   b  =  2\n"
    "   ```\n"
    "\n"
    "> [!NOTE]\n"
    "> Identity:\n"
    ">\n"
    "> ```tf\n"
    + "".join("> " + line + "\n" if line else ">\n" for line in SEED1_IDENTITY.splitlines())
    + "> ```\n"
    "\n"
    "```tf\n"
    "locals {\n"
    "  already = \"clean\"\n"
    "}\n"
    "```\n"
    "\n"
    "Last line without newline"
)


def _outside_blocks(text: str) -> list[str]:
    """Every line outside the content of the page's tf blocks (fences included), with EOLs."""
    doc = Document.from_text(text, "p.md")
    inside = {n for b in doc.fences if b.lang == "tf" for n in b.content_lines}
    return [ln.text + ln.eol for ln in doc.lines if ln.number not in inside]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_cli_fix_rewrites_blocks_in_place_and_touches_nothing_else(tmp_path: Path, newline: str) -> None:
    page = tmp_path / "tasks.md"
    original = PAGE.replace("\n", newline).encode()
    page.write_bytes(original)

    first = docs_check("--fix", "--select", "tf-", str(page))
    assert first.returncode == 0, first.stdout + first.stderr
    after = page.read_bytes()
    assert after != original
    text_before, text_after = original.decode(), after.decode()
    assert _outside_blocks(text_after) == _outside_blocks(text_before)
    assert after.endswith(b"Last line without newline")
    if newline == "\r\n":
        assert after.count(b"\n") == after.count(b"\r\n")

    expected_list_block = '   resource "coder_agent" "main" {\n     arch = "amd64"\n     os   = "linux"\n   }\n'
    assert expected_list_block.replace("\n", newline) in text_after
    alert_block = "".join("> " + line + "\n" if line else ">\n" for line in SEED4_IDENTITY.splitlines())
    assert alert_block.replace("\n", newline) in text_after

    second = docs_check("--fix", "--select", "tf-", str(page))
    assert second.returncode == 0, second.stdout + second.stderr
    assert page.read_bytes() == after  # idempotent

    report = docs_check("--select", "tf-", str(page))
    assert report.returncode == 0 and report.stdout == "", report.stdout


def test_cli_reports_at_file_line_col(tmp_path: Path) -> None:
    page = tmp_path / "tasks.md"
    page.write_text(PAGE, encoding="utf-8")
    result = docs_check("--select", "tf-", str(page))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(re.search(r"tasks\.md:13:4: tf-fmt: .*should read `  arch = \"amd64\"`, not `\\tarch", x) for x in lines), lines
    assert any(re.search(r"tasks\.md:27:3: tf-fmt: ", x) for x in lines), lines
    assert len(lines) == 2


def test_cli_fix_relabels_hcl_blocks(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Intro.\n\n```hcl\nlocals {\n  a = 1\n}\n```\n\n~~~terraform\nlocals {}\n~~~\n", encoding="utf-8")
    result = docs_check("--fix", "--select", "tf-lang", str(page))
    assert result.returncode == 0, result.stdout + result.stderr
    assert page.read_text(encoding="utf-8") == "Intro.\n\n```tf\nlocals {\n  a = 1\n}\n```\n\n~~~tf\nlocals {}\n~~~\n"


def test_cli_diff_shows_the_fix_without_writing(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(fence("locals {\n  a=1\n}\n"), encoding="utf-8")
    before = page.read_bytes()
    result = docs_check("--diff", "--select", "tf-fmt", str(page))
    assert result.returncode == 1
    assert "-  a=1\n+  a = 1\n" in result.stdout
    assert page.read_bytes() == before


def test_a_value_left_blank_for_the_reader_is_no_syntax_error() -> None:
    # admin/infrastructure/validated-architectures/index.md in Coder's docs.
    blank = 'resource "x" "y" {\n  topology_key = # add your node group label here\n}\n'
    assert check(fence(blank)) == []
    # A value that is there but wrong is still an error.
    (f,) = check(fence('variable "v" {\n  default = newimage:tag\n}\n'))
    assert f.rule == "tf-syntax"


def test_terraforms_cli_configuration_is_no_syntax_error() -> None:
    # coder/preview's CONTRIBUTING.md: a .terraformrc whose dev_overrides quote the provider.
    rc = ('provider_installation {\n  dev_overrides {\n    "coder/coder" = "/path/to/provider"\n  }\n'
          '  direct {}\n}\n')
    assert only(check(fence(rc, "hcl")), "tf-syntax") == []
    # The same quoted key in a language block is still an error.
    (f,) = only(check(fence('locals {\n  "coder/coder" = "/path"\n}\n')), "tf-syntax")
    assert "Argument names must not be quoted" in f.message

def test_entries_to_add_to_a_map_are_no_syntax_error() -> None:
    # A community template's CLAUDE.md: "Add to lookup in the locals block", then the entry.
    entry = '"your-stack" = file("${path.module}/scripts/stacks/your-stack.sh")\n'
    assert only(check(fence(entry, "hcl")), "tf-syntax") == []
    assert only(check(fence('# the new tool\n"your-tool" = "x"\n"other" = 2\n')), "tf-syntax") == []
    # A quoted key beside a plain setting, or inside a block, is still an error.
    for wrong in ('"your-stack" = 1\nname = "x"\n', 'locals {\n  "your-stack" = 1\n}\n'):
        (f,) = only(check(fence(wrong)), "tf-syntax")
        assert "Argument names must not be quoted" in f.message


def test_settings_to_pick_one_from_are_no_syntax_error() -> None:
    # coder/registry's jfrog-xray README: the image forms the module accepts, one per comment.
    forms = ('# Standard format\nimage = "docker-local/base:latest"\n\n'
             '# With a registry URL\nimage = "docker-local/myorg/app:v1"\n')
    assert only(check(fence(forms, "hcl")), "tf-syntax") == []
    # A setting given twice in one configuration, or in a block, is still an error.
    for twice in ('region = "a"\nregion = "b"\n', 'resource "x" "y" {\n  # one\n  a = 1\n  # two\n  a = 2\n}\n'):
        (f,) = only(check(fence(twice)), "tf-syntax")
        assert "Attribute redefined" in f.message


def test_an_excerpt_cut_short_and_a_diff_of_terraform_are_no_syntax_error() -> None:
    # terraform-aws-modules' upgrade guides (thirty-fifth sample): a module "truncated for
    # brevity" stops before its closing brace; a change shown with `-`/`+` markers.
    cut = 'module "aurora" {\n  source  = "x"\n  version = "~> 5.x"\n\n  replica_count = 2\n'
    said = "If you had a configuration such as (truncated for brevity):\n\n"
    diff = 'module "a" {\n  name = "x"\n  - replica_count = 3\n  + instances = {\n    1 = {}\n  }\n}\n'
    assert only(check(said + fence(cut, "hcl")), "tf-syntax") == []
    (_f,) = only(check(fence(cut, "hcl")), "tf-syntax")  # unsaid: a closing brace forgotten
    assert only(check(fence(diff, "hcl")), "tf-syntax") == []
    # A map left open inside the block puts the next settings at the wrong depth: broken.
    unclosed_map = 'module "a" {\n  instances = {\n    1 = {}\n\n  enabled = true\n'
    # A brace missing inside a block that ends on its closer: broken.
    inner = 'module "sns" {\n  lambda_feedback = {\n  a = 1\n}\n'
    for broken in (unclosed_map, inner):
        (_f,) = only(check(said + fence(broken, "hcl")), "tf-syntax")


def test_a_type_shown_alone_and_settings_under_old_and_new_are_no_syntax_error() -> None:
    # Azure Verified Modules' READMEs (thirty-ninth sample): terraform-docs writes each
    # variable's type in an `hcl` fence under "Type:"; an upgrade guide shows `# Old` and `# New`.
    type_ = "list(object({\n    name     = string\n    priority = optional(number)\n  }))\n"
    old_new = ("# Old\nautoscale = {\n  min = 2\n}\n\nsku = {\n  name = \"v2\"\n}\n\n"
               "# New\nautoscale = {\n  min = 2\n}\n")
    assert only(check(fence(type_, "hcl")), "tf-syntax") == []
    # IBM's deployable architectures (forty-fourth sample): an input's value shown alone.
    value = '[\n  {\n    key_name = "group-key-1"\n    parent_key_name = null\n  }\n]\n'
    assert only(check(fence(value, "hcl")), "tf-syntax") == []
    # Cloud Posse's dynamic-subnets README (fortieth sample): a formula in 0.11's interpolation.
    formula = "${\n  cidrsubnet(\n  var.cidr_block,\n  ceil(log(length(var.zones) * 2, 2)),\n  count.index)\n}\n"
    assert only(check(fence(formula, "hcl")), "tf-syntax") == []
    assert only(check(fence(old_new, "hcl")), "tf-syntax") == []
    # Claranet's guides and READMEs (forty-eighth sample): a call shown alone, and lines left
    # out under `[..]` where HCL's placeholder is `...`.
    assert only(check(fence('lookup("parameter_name", var.parameter, "default_value")\n', "terraform")), "tf-syntax") == []
    elided = 'module "run-common" {\n  source = "..."\n\n  [..]\n}\n'
    assert only(check(fence(elided, "hcl")), "tf-syntax") == []
    dots = 'module "image_nodes" {\n    source = "../modules/node-serials-filter"\n    .\n    .\n    .\n}\n'
    assert only(check(fence(dots, "hcl")), "tf-syntax") == []  # fifty-seventh: a dot a line
    (_f,) = only(check(fence(elided.replace("}\n", "  x =\n}\n"), "hcl")), "tf-syntax")
    (_f,) = only(check(fence('lookup("a" var.b)\n', "hcl")), "tf-syntax")
    # A tutorial (fiftieth sample): built-in functions one call a line, each result in a
    # comment; a block's syntax with a placeholder for each part.
    calls = '# String functions\nupper("hello")         # → "HELLO"\nmerge({a=1}, {b=2})  # → {a=1, b=2}\n'
    grammar = "<block_type> <block_label> {\n  <identifier> = <expression>\n}\n"
    assert only(check(fence(calls, "hcl") + fence(grammar, "hcl")), "tf-syntax") == []
    fors = "[for s in var.lista : upper(s)]  # gera lista\n{for k, v in var.mapa : k => upper(v)}  # gera mapa\n"
    assert only(check(fence(fors, "hcl")), "tf-syntax") == []  # fifty-eighth sample
    # Consul's docs (seventy-fourth sample): items left out of a list on its line.
    left_out = 'primary_gateways = [ "<primary-mesh-gateway-ip>:<port>", ... ]\nconnect {\n  enabled = true\n}\n'
    assert only(check(fence(left_out, "hcl")), "tf-syntax") == []
    (_f,) = only(check(fence(left_out.replace(", ...", " ..."), "hcl")), "tf-syntax")
    # Terraform's own docs (seventy-third sample): a call's syntax with a placeholder a part.
    syntax = "<FUNCTION NAME>(<ARGUMENT 1>, <ARGUMENT 2>)\n"
    assert only(check(fence(syntax, "hcl")), "tf-syntax") == []
    (_f,) = only(check(fence(syntax.replace(", ", " "), "hcl")), "tf-syntax")
    (_f,) = only(check(fence(calls + 'resource "a" {\n', "hcl")), "tf-syntax")
    (_f,) = only(check(fence(grammar.replace("<expression>", ""), "hcl")), "tf-syntax")
    # aws-ia's vpc README (fifty-second sample): `<>` leaves a value to fill in; a block that
    # still fails once it is filled is told where it fails (its closing brace), not at the blank.
    blank = 'core_network = {\n  id  = <>\n  arn = <>\n}\n'
    assert only(check(fence(blank, "hcl")), "tf-syntax") == []
    (f,) = only(check(fence(blank + 'subnets = {\n  a = 1\n', "hcl")), "tf-syntax")
    assert f.line == 8 and "<>" not in f.message
    # Two settings of one name with no comment between them are still an error.
    (f,) = only(check(fence(old_new.replace("# New\n", ""), "hcl")), "tf-syntax")
    assert "Attribute redefined" in f.message
    # A firewall module's README (eighty-sixth sample): an input's structure, each field's
    # values written as a union to pick one from. A lone `|` elsewhere is still an error.
    union = '{\n  direction = "in" | "out"           # Required\n  port      = "8080"\n}\n'
    assert only(check(fence(union, "hcl")), "tf-syntax") == []
    (_f,) = only(check(fence(union.replace('| "out"', "| out"), "hcl")), "tf-syntax")


def test_attributes_aligned_across_lines_left_out_are_formatted() -> None:
    # Azure's module READMEs (sixty-first sample): `source` lined up with the attribute after
    # `...`, as terraform would line them up with the left-out attributes there. Read as the
    # comment line terraform sees, `...` ends the run: both layouts are clean, any other is not.
    across = 'module "example" {\n  source               = "{module_source}"\n  ...\n  tracing_tags_enabled = true\n}\n'
    assert only(check(fence(across, "hcl")), "tf-fmt") == []
    assert only(check(fence(across.replace("source               =", "source ="), "hcl")), "tf-fmt") == []
    (f,) = only(check(fence(across.replace("source               =", "source     ="), "hcl")), "tf-fmt")
    assert "`  source = " in f.message


def test_a_terraform_console_session_in_an_hcl_fence_is_not_terraform() -> None:
    # `terraform console` shown in an `hcl` fence (fiftieth sample): its `>` prompt marks a
    # session to label `console`, not a syntax error.
    session = '> data.aws_ami.amazon_linux.id\n"ami-0abcd1234example"\n\n> aws_security_group.web.id\n"sg-0123"\n'
    (f,) = check(fence(session, "hcl"))
    assert f.rule == "tf-lang-not-hcl" and "```console" in f.message and f.fix is None
    # A heredoc line that starts with `>` is the heredoc's text.
    assert check(fence('resource "a" "b" {\n  x = <<EOF\n> quoted\nEOF\n}\n', "tf")) == []


def test_hcl_of_another_tool_is_not_asked_to_be_labelled_tf() -> None:
    # coder/coder's Nomad template (forty-sixth sample): a Nomad job in an `hcl` fence, on a
    # page held to `tf`. A fragment of a resource's nested blocks is Terraform all the same.
    house = "---\ndisplay_name: Nomad\nicon: ../icon.svg\n---\n\n"
    nomad = 'job "hostpath" {\n  datacenters = ["dc1"]\n}\n'
    assert only(check(house + fence(nomad, "hcl")), "tf-lang") == []
    (_f,) = only(check(house + fence('network_interface {\n  ipv4_netmask = 24\n}\n', "hcl")), "tf-lang")


def test_a_fence_left_open_is_told_where_it_swallows_a_heading() -> None:
    # coder/modules' jfrog README: the second example's fence is never closed, so the block runs
    # on into `## Authentication` and its prose, up to the next fence.
    md = ('```tf\nmodule "jfrog" {\n  source = "x"\n}\n\n\n## Authentication\n\n'
          "Get a JFrog access token from your Artifactory instance.\n\n```\n")
    (f,) = check(md)
    assert f.rule == "tf-syntax" and f.line == 9
    assert "the fence opened at line 1 is not closed" in f.message and "`## Authentication` at line 7" in f.message
    # A fence never closed at all (terraform-provider-coder's v1-to-v2 guide ends in one, with a note in it).
    (h,) = check('Text.\n\n```tf\n\n->While we do not anticipate these changes.\n')
    assert h.line == 5 and "the fence opened at line 3 is never closed" in h.message
    # A comment written like a heading, in a block that fails for another reason, is no such sign.
    (g,) = check(fence('resource "x" "y" {}\n\n# Configure the agent\nresource "x" "z" {\n  a = newimage:tag\n}\n'))
    assert "invalid Terraform" in g.message and "not closed" not in g.message

def test_a_nested_block_shown_at_its_depth_is_formatted_at_that_depth() -> None:
    # get-started/customize-your-template/add-a-language.md in Coder's docs: an `option` to
    # paste into a `coder_parameter`, indented as it will sit there.
    nested = '  option {\n    name  = "Ruby"\n    value = "ruby"\n  }\n'
    assert check(fence(nested)) == []
    # Misaligned at that depth: reported on the line to change, fixed without moving the block.
    md = fence('  display_apps {\n    vscode = false\n    web_terminal = true\n  }\n')
    (f,) = check(md)
    assert (f.rule, f.line) == ("tf-fmt", 3)
    assert fixed(md) == fence('  display_apps {\n    vscode       = false\n    web_terminal = true\n  }\n')


# -- tf-module-version -------------------------------------------------------------------------


def test_tf_module_version_on_a_source_that_is_no_registry() -> None:
    """`terraform init` refuses a `version` on a local, Git or URL source (checked with
    Terraform 1.11: "Invalid registry module source address"); a registry source keeps it."""
    blocks = [
        ('"./modules/auto-start-dev-server"', True), ('"git::https://example.com/m.git?ref=v1"', True),
        ('"https://example.jfrog.io/tf__coder/module-name/coder"', True),
        ('"registry.coder.com/coder/code-server/coder"', False), ('"example.jfrog.io/tf__coder/m/coder"', False),
        ('"terraform-aws-modules/vpc/aws"', False),
    ]
    for source, flagged in blocks:
        md = "Intro.\n\n" + fence(f'module "m" {{\n  source  = {source}\n  version = "1.0.1"\n}}\n')
        found = only(check(md), "tf-module-version")
        assert bool(found) == flagged, source
        if flagged:
            (f,) = found
            assert (f.line, f.column, f.severity) == (6, 3, Severity.ERROR)
    (f,) = only(check("Intro.\n\n" + fence(
        'module "m" {\n  source  = "https://example.jfrog.io/tf__coder/module-name/coder"\n  version = "1.0.0"\n}\n')),
        "tf-module-version")
    assert "write `example.jfrog.io/tf__coder/module-name/coder`" in f.message


@pytest.mark.skipif(shutil.which("terraform") is None, reason="terraform is not installed")
def test_tf_module_version_agrees_with_terraform_init(tmp_path: Path) -> None:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "main.tf").write_text('variable "x" {\n  default = 1\n}\n')
    (tmp_path / "main.tf").write_text('module "a" {\n  source  = "./m"\n  version = "1.0.1"\n}\n')
    proc = subprocess.run(["terraform", "init", "-backend=false", "-no-color", "-input=false"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "applies only to registry modules" in proc.stdout + proc.stderr
    md = "Intro.\n\n" + fence((tmp_path / "main.tf").read_text())
    assert only(check(md), "tf-module-version")


def test_tf_lang_without_configuration_holds_only_pages_that_use_tf_or_registry_readmes() -> None:
    """`tf` is Coder's house label: a tree that labels Terraform `hcl` throughout is not told
    to change, a page that mixes labels is, and so is a registry README (its convention): one
    in coder/registry's tree or with its front matter. A community repository's own
    `templates/<name>/README.md` (sirlegendary/coder-templates) is not held to it."""
    hcl = '```hcl\nlocals {}\n```\n'
    none = Config(select=("tf-lang",))
    assert check_text("Intro.\n\n" + hcl, "docs/git-auth.md", none) == []
    mixed = "Intro.\n\n```tf\nlocals {}\n```\n\n" + hcl
    assert [f.line for f in check_text(mixed, "docs/git-auth.md", none)] == [7]
    for path in ("registry/x/modules/m/README.md", "registry/registry/x/templates/t/README.md"):
        assert [f.rule for f in check_text("Intro.\n\n" + hcl, path, none)] == ["tf-lang"], path
    for path in ("templates/t/README.md", "sirlegendary/coder-templates/templates/ollama/README.md"):
        assert check_text("Intro.\n\n" + hcl, path, none) == [], path
    front = "---\ndisplay_name: M\nicon: ../x.svg\n---\n\n" + hcl
    assert [f.rule for f in check_text(front, "README.md", none)] == ["tf-lang"]


def test_a_bad_fence_label_setting_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.docs-check.terraform]\nfence-label = "hcl"\n')
    (tmp_path / "p.md").write_text("# P\n")
    proc = docs_check("--config", "pyproject.toml", "p.md", cwd=tmp_path)
    assert proc.returncode == 2 and "fence-label" in proc.stderr and "Traceback" not in proc.stderr


def test_a_module_source_without_quotes_is_an_error_not_a_division_to_format() -> None:
    # Google's gsuite-export example (sixty-third sample): `source = github.com/...` bare. HCL
    # reads it as references divided by references; terraform fmt would space the slashes.
    bare = 'module "export" {\n  source = github.com/terraform-google-modules/gsuite-export\n  region = "x"\n}\n'
    found = check(fence(bare))
    assert [f.rule for f in found] == ["tf-syntax"]
    assert 'write `source = "github.com/terraform-google-modules/gsuite-export"`' in found[0].message
    assert (found[0].line, found[0].column) == (3, 12)
    assert fixed(fence(bare)) == fence(bare.replace("= github.com/terraform-google-modules/gsuite-export",
                                                    '= "github.com/terraform-google-modules/gsuite-export"'))
    # An expression is refused by terraform init too ("Variables not allowed"); no quick fix.
    (f,) = only(check(fence('module "x" {\n  source = var.path\n}\n')), "tf-syntax")
    assert "`var.path` is an expression" in f.message and f.fix is None
    # A quoted source, and a module whose source is left out (`...`), are what they should be.
    assert check(fence('module "x" {\n  source = "./x"\n}\n')) == []
    assert check(fence('module "x" {\n  ...\n  region = "x"\n}\n')) == []


def test_another_tools_hcl_is_formatted_without_terraforms_rewrites() -> None:
    # Nomad's `meta` page (seventy-fourth sample): `"${nomad.class}"` is Nomad's runtime
    # interpolation; unwrapped as `terraform fmt` would, it is an unknown variable. Its page
    # opens with `job "docs" {`, so its fragments are Nomad's too; spacing is still told.
    meta = 'meta {\n  class = "${nomad.class}"\n}\n'
    job = 'job "docs" {\n  meta {\n    my-key = "my-value"\n  }\n}\n'
    assert only(check(fence(job, "hcl") + fence(meta, "hcl")), "tf-fmt") == []
    (f,) = only(check(fence(job, "hcl") + fence(meta.replace("class =", "class  ="), "hcl")), "tf-fmt")
    assert "less its Terraform rewrites" in f.message and f.fix is not None and "${nomad.class}" in f.fix.replacement
    (f,) = only(check(fence(meta, "hcl")), "tf-fmt")  # alone, Terraform's: unwrapped
    assert "`terraform fmt`" in f.message and "class = nomad.class" in f.message
