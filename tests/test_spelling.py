"""spell-*: what is checked (prose), what is not (code, URLs, identifiers), and the advice."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, docs_check
from docs_check import Config, ConfigError, check_text, load_config
from docs_check.checks import spelling
from docs_check.fixes import apply_fixes, fixes_of

SEED = SHARED / "seed" / "000_8a37c93000be43d7.txt"


def spell(text: str, config: Config | None = None) -> list:
    cfg = config or load_config(None)
    return [f for f in check_text(text, "docs/page.md", cfg) if f.rule.startswith("spell-")]


def unknown(text: str, config: Config | None = None) -> list[str]:
    return [
        re.match(r"`([^`]+)`", f.message).group(1)
        for f in spell(text, config)
        if f.rule == "spell-unknown-word"
    ]


# -- the seed's typos -----------------------------------------------------------------------


def test_catches_the_typos_that_typos_and_codespell_miss():
    text = (
        "1. Find an agent module with Tasks support in the Coder Regitsry.\n"
        "1. Follow the instcrtion to add the module to your template.\n\n"
        "Some teams are requiredto run agents under their own identity.\n"
    )
    found = spell(text)
    by_word = {re.match(r"`([^`]+)`", f.message).group(1): f for f in found}
    assert set(by_word) == {"Regitsry", "instcrtion", "requiredto"}
    assert (by_word["Regitsry"].line, by_word["Regitsry"].column) == (1, 57)
    assert "did you mean `Registry`" in by_word["Regitsry"].message
    assert "did you mean `instruction`" in by_word["instcrtion"].message
    assert "did you mean `required to`" in by_word["requiredto"].message
    assert all(f.severity.name == "WARNING" for f in found)
    f = by_word["instcrtion"]
    assert (f.end_line, f.end_column) == (2, f.column + len("instcrtion"))


@pytest.mark.skipif(not SEED.is_file(), reason="../shared is absent")
def test_the_seed_patch_itself():
    """The lines the seed patch adds to the Tasks page, as written."""
    parts = re.split(r" (?=[+-](?!\+\+|--))", SEED.read_text(encoding="utf-8"))
    added = "\n\n".join(p[1:] for p in parts if p.startswith("+") and not p.startswith("+++"))
    words = unknown(added)
    for typo in ("Regitsry", "instcrtion", "requiredto"):
        assert typo in words
    assert "favourite" in words  # British; the docs are American English


# -- what is not prose ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Run `coder_ai_task insatll` to start.",
        "See [the guide](https://example.com/instalation/guide) for more.",
        "See [the guide][instalation-guide] for more.",
        "Open <https://registry.coder.com/modules/agnet> now.",
        "Mail <someone@exampel.com> or visit www.exampel.com today.",
        'An image: <img src="./imgaes/x.png" alt="A diagram"> here.',
        "Set the snake_case_varible and the camelCaseVarible and the PascalCaseThng.",
        "Edit ~/.config/coder/confg.yaml or ./docs/ai-codr/tasks.md then.",
        "Open settings.jsn and the package dockr.io then.",
        "Use llama4 or gpt5o and the v2beta API with the GPUs, AWS and MCPs.",
        "Pass --agnet-name or -flgg to the command.",
        "The value is $CODR_URL or %PATHH% or {{ templte }}.",
        "## Supported Agents {#suported-agents}",
        "A footnote[^notte] and an :smiel: emoji and &nbsp; entity.",
    ],
)
def test_code_urls_and_identifiers_are_not_checked(line):
    assert unknown(line) == []


def test_code_blocks_front_matter_and_comments_are_not_checked():
    text = (
        "---\ndescription: A pgae about agnets.\n---\n\n"
        "# Title\n\n"
        "```sh\ncoder tempaltes push\n```\n\n"
        "    indented codde block\n\n"
        "<!-- a commment nobody reads -->\n"
        "Prose with an <!-- inline commment --> inside.\n"
    )
    assert unknown(text) == []


def test_a_code_span_broken_over_two_lines_is_code():
    text = "Run `coder tokens\nrm mytokn` to remove it, then `coder\nlogin`.\n"
    assert unknown(text) == []


def test_html_code_elements_are_code():
    assert unknown("The field <code>uplaoded_at</code> and <kbd>Ctrl+Shfit</kbd> keys.") == []


# -- English as the docs write it ----------------------------------------------------------------


def test_inflections_possessives_contractions_and_hyphens():
    text = (
        "Coder's workspaces aren't templated; the agents' tasks don't stop. You'd've seen "
        "it. Admins' apps and the workspace's runtimes should've run. Use pre-built, "
        "AI-powered, end-to-end, self-hosted, multi-agent and re-run setups, prebuilt and "
        "reconfigured ones. \u201cQuoted\u201d and \u2019curly\u2019 agent\u2019s words.\n"
    )
    assert unknown(text) == []


def test_project_terms_are_known_and_suggested_with_their_case():
    assert unknown("Kubernetes, Terraform, GitHub, Claude Code, Codex, Gemini, Aider and Goose.") == []
    (f,) = spell("Deploy it on Kubernets.")
    assert "`Kubernetes`" in f.message


def test_british_spelling_gets_the_american_one():
    (f,) = spell("Pick your favourite colour.")[:1]
    assert "`favourite` is British spelling" in f.message and "write `favorite`" in f.message
    assert unknown("Pick your favourite colour, organise it.") == ["favourite", "colour", "organise"]


def test_unknown_word_without_a_close_suggestion_says_so():
    (f,) = spell("A zqxjvbw appears.")
    assert "check it" in f.message and "word list" in f.message


# -- repeated words -------------------------------------------------------------------------------


def test_repeated_word_is_fixed_by_deleting_the_second():
    text = "The the agent runs in in a workspace. It is is fine, and that that too.\n"
    found = [f for f in spell(text) if f.rule == "spell-repeated-word"]
    assert [(f.line, f.column) for f in found] == [(1, 1), (1, 20)]
    fixed, applied = apply_fixes(text, fixes_of(found))
    assert fixed == "The agent runs in a workspace. It is is fine, and that that too.\n"
    assert len(applied) == 2


def test_repeated_word_in_code_is_not_reported():
    assert spell("Run `echo echo` and `a` `a` then.") == []
    assert spell("Forward ports `9990` to `9999` to the agent.") == []


# -- the word list and suppressions ---------------------------------------------------------


def test_suppression_comment_silences_one_line():
    text = (
        "<!-- docs-check: disable-next-line spell-unknown-word -->\n"
        "Zorblax is our codename.\n"
        "Zorblax again.\n"
    )
    found = spell(text)
    assert [(f.line, f.rule) for f in found] == [(3, "spell-unknown-word")]


def test_project_word_list_file_and_accept(tmp_path):
    (tmp_path / "words.txt").write_text("# our names\nZorblax\nfrobnicate  # a verb\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docs-check.spelling]\nwords = "words.txt"\naccept = ["Quuxly"]\n', encoding="utf-8"
    )
    cfg = load_config(tmp_path / "pyproject.toml")
    assert unknown("Zorblax frobnicates the Quuxly thing; Zorblax's too.", cfg) == []
    (f,) = spell("Zorblex it.", cfg)
    assert "`Zorblax`" in f.message


def test_word_list_edits_are_seen(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("Zorblax\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.docs-check.spelling]\nwords = ["words.txt"]\n')
    assert unknown("Zorblax and Quibblex.", load_config(tmp_path / "pyproject.toml")) == ["Quibblex"]
    words.write_text("Zorblax\nQuibblex\n", encoding="utf-8")
    assert unknown("Zorblax and Quibblex.", load_config(tmp_path / "pyproject.toml")) == []


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('words = "missing.txt"', "words = 'missing.txt': no such file"),
        ("words = 3", "words = 3: expected str or list"),
        ("accept = [1]", "accept = [1]: expected strings"),
        ('wrods = "x.txt"', "unknown key 'wrods' (did you mean 'words'?)"),
    ],
)
def test_bad_spelling_options_are_configuration_errors(tmp_path, table, expected):
    (tmp_path / "pyproject.toml").write_text(f"[tool.docs-check.spelling]\n{table}\n")
    with pytest.raises(ConfigError, match=re.escape(expected)):
        spelling.validate_config(load_config(tmp_path / "pyproject.toml"))
    (tmp_path / "page.md").write_text("Fine.\n")
    proc = docs_check("page.md", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert expected in proc.stderr and "Traceback" not in proc.stderr


def test_bundled_word_list_is_lean():
    """No duplicates, and no lowercase word the dictionary already has: an entry there is
    either a term English lacks or a name listed for its spelling in suggestions."""
    lex = spelling.lexicon(load_config(None))
    entries = spelling.read_word_list(
        (ROOT / "hooks/docs_check/data/words.txt").read_text(encoding="utf-8")
    )
    assert len(entries) == len({e.lower() for e in entries}), "duplicates in words.txt"
    redundant = [e for e in entries if e == e.lower() and e in lex.words]
    assert redundant == [], "already in the English dictionary; drop from words.txt"


# -- the project's own docs and the corpus ---------------------------------------------------


def test_zero_findings_on_the_projects_docs():
    proc = docs_check("--select", "spell-", "docs")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""


@pytest.mark.corpus
def test_corpus_typos_are_found_quickly(corpus: Path):
    cfg = load_config(None)
    files = sorted(corpus.rglob("*.md"))
    texts = [(p.relative_to(corpus).as_posix(), p.read_bytes()) for p in files]
    spelling.lexicon(cfg)  # the dictionary load is not what this measures
    start = time.perf_counter()
    found = [f for path, data in texts for f in check_text(data, path, cfg) if f.rule.startswith("spell-")]
    elapsed = time.perf_counter() - start
    words = {re.match(r"`([^`]+)`", f.message).group(1) for f in found if f.rule == "spell-unknown-word"}
    # Real typos in Coder's docs, which the corpus keeps as they were published.
    for typo in ("bianually", "Tailcale", "theleft", "everytime"):
        assert typo in words
    # What is left is mostly unformatted identifiers and people's names; a jump means the
    # masking of code, URLs or identifiers broke.
    assert len(found) < 300, sorted(words)
    assert len(files) == 482 and elapsed < 60  # a sanity bound, not the benchmark (bench/)
