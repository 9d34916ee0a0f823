"""spell-*: what is checked (prose), what is not (code, URLs, identifiers), and the advice."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, docs_check
from docs_check import Config, ConfigError, check_text, load_config, wordlists
from docs_check.checks import prose, spelling
from docs_check.checks.slips import daemon_name
from docs_check.fixes import apply_fixes, fixes_of
from docs_check.scanner import mask_inline
from hypothesis import given, settings
from hypothesis import strategies as st

SEED = SHARED / "seed" / "000_8a37c93000be43d7.txt"


AMERICAN = Config(sections={"spelling": {"variant": "en-US"}})  # as Coder's docs configure it


def spell(text: str, config: Config | None = None, path: str = "docs/page.md") -> list:
    cfg = config or load_config(None)
    return [f for f in check_text(text, path, cfg) if f.rule.startswith("spell-")]


def unknown(text: str, config: Config | None = None, rule: str = "spell-unknown-word") -> list[str]:
    return [re.match(r"`([^`]+)`", f.message).group(1) for f in spell(text, config) if f.rule == rule]


def project(tmp_path: Path, toml: str = "", **pages: str) -> Path:
    """A docs tree with a pyproject.toml; `pages` maps a path (`a__b.md` = `a/b.md`) to text."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    for name, text in pages.items():
        page = tmp_path / "docs" / name.replace("__", "/")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    return tmp_path


def run_json(root: Path, *args: str) -> list[dict]:
    proc = docs_check("--config", "pyproject.toml", "--format", "json", *args, "docs", cwd=root)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


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
    # Added lines only: not `+++ b/...` nor the `+92,17 @@ ...` of a hunk header, whose
    # context repeats a line of the page (as bench/precision.py reads the seed).
    added = "\n\n".join(p[1:] for p in parts if p.startswith("+") and not re.match(r"\+\+\+|\+\d+(,\d+)? @@", p))
    words = unknown(added)
    for typo in ("Regitsry", "instcrtion", "requiredto"):
        assert typo in words
    assert "favourite" in unknown(added, AMERICAN, rule="spell-variant")  # British; the docs are American English


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
    # Rails' release notes (hundred-and-fourth sample), written for RDoc: `<tt>` is code too.
    text = "Options are set via <tt>:delivery_method_options</tt> key on mail.\n"
    assert unknown(text, rule="spell-code-in-prose") == []


# -- English as the docs write it ----------------------------------------------------------------


def test_inflections_possessives_contractions_and_hyphens():
    text = (
        "Coder's workspaces aren't templated; the agents' tasks don't stop. You'd've seen "
        "it. Admins' apps and the workspace's runtimes should've run. Use pre-built, "
        "AI-powered, end-to-end, self-hosted, multi-agent and re-run setups, prebuilt and "
        "reconfigured ones. \u201cQuoted\u201d and \u2019curly\u2019 agent\u2019s words. A bootable, "
        "usable disk and a passwordless login. Repost it to the dispatcher; a headful browser.\n"
    )
    assert unknown(text) == []


def test_a_typo_that_looks_like_an_inflection_or_a_prefix_is_still_a_typo():
    """The morphology that accepts `reconfigured` must not accept a word a letter away from a
    plain one: a plural the language spells -es/-ies, or re + a stray letter + a word."""
    text = (
        "More information reguarding it. Check the boxs. A cable that supplys power. Overide it. "
        "A beautyful page. The Dispaly name. It is intergrated.\n\n"
        "We preload, redeploy, unmount, rerun and precompute the proxies, epochs, branches "
        "and keys, and rebuild them, and misplace and dislike none.\n"
    )
    # `Dispaly`: dis + the heraldic `paly`, and `display` with two letters swapped (Oracle's
    # default-vcn README, sixty-fifth sample).
    # `intergrated`: `integrated` with the prefix's last letter put in again (ninety-fifth sample).
    assert unknown(text) == ["reguarding", "boxs", "supplys", "Overide", "beautyful", "Dispaly", "intergrated"]
    assert "did you mean `regarding`" in spell(text)[0].message


def test_the_singular_of_a_term_listed_only_in_the_plural_is_a_word():
    """`### Shell Metacharacter Injection` (thirty-fourth sample): the dictionaries list only
    `metacharacters`. A slip whose `s` makes a word (`analysi` for `analysis`) is still a slip."""
    assert unknown("### Shell Metacharacter Injection\n\nThe analysi of it.\n") == ["analysi"]
    # Vitess's docs (seventy-second sample): `tablespace` is listed as `tablespaces`; a plural
    # of another singular keeps its slip told (`hierarchie`, `vertice`, `processe`).
    assert unknown("Dump tables by tablespace, each hierarchie and vertice of the processe.\n") == [
        "hierarchie", "vertice", "processe"]
    # mem0's design notes (ninety-seventh sample): Python's `kwargs` is listed, `kwarg` its
    # singular; a short plural of the names list is no such term (`stubb`, of `Stubbs`).
    assert unknown("Filters go in kwargs. It forwards every other kwarg. The stubb of it.\n") == ["stubb"]


def test_an_adjective_in_y_of_a_known_word_is_a_word():
    """conda's contributor guide (hundred-and-second sample): `nitpicky` is nitpick + y. A slip
    of -ly (`particulary`, `dynamicaly`) or a short base (`datay`) is no such adjective."""
    assert unknown("Automate the nitpicky process, particulary and dynamicaly, for datay.\n") == [
        "particulary", "dynamicaly", "datay"]
    # bat's docs (ninety-third sample): `duplicative`, of `duplicate`; `competive` is no -ative.
    assert unknown("It is duplicative and competive.\n") == ["competive"]


def test_the_noun_of_an_adjective_in_ant_or_ent_is_a_word_unless_its_other_vowel_makes_one():
    """confluent-kafka-python's threading guide (hundred-and-nineteenth sample): `reentrancy`,
    of `reentrant`. `currancy` is a slip for `currency`, though `currant` is a word."""
    assert unknown("Size it for reentrancy, not for the currancy of the consistancy.\n") == [
        "currancy", "consistancy"]
    # Neutralino's docs (hundred-and-twenty-second sample): `resizability`, of `resizable`;
    # `compatability` is a slip, as `compatable` is.
    assert unknown("Set the resizability and configurability, not the compatability.\n") == ["compatability"]


def test_a_name_beside_a_name_one_letter_away_is_its_sibling():
    """`Mistral and Mixtral models` (thirty-fourth sample): two names of one family. A slip is
    made away from the right spelling (`Tailcale` under a line that writes `Tailscale`), and a
    lowercase slip beside its word is a slip all the same."""
    assert unknown("- **Mistral AI:** Mistral and Mixtral models\n") == []
    assert unknown("Use Tailscale.\n\nTailcale runs DERP servers. The k3s clustser, a cluster.\n") == [
        "Tailcale", "clustser"]


def test_a_package_named_beside_its_version_in_a_table_is_a_name():
    """devcontainers/images' history pages (thirty-sixth sample) list each installed package
    beside its version: `| procps | 2:3.3.17-5 |`. A cell of prose beside a version, or a
    one-word cell beside anything else, is still read."""
    table = ("| Package | Version |\n|---|---|\n| procps | 2:3.3.17-5 |\n| jupyter_server | 2.7.2 |\n"
             "| A wrkspace tool | 1.2 |\n| templaet | the latest |\n")
    assert unknown(table) == ["wrkspace", "templaet"]
    assert unknown(table, rule="spell-code-in-prose") == []


def test_a_short_word_without_a_vowel_struck_beside_a_commonest_word_is_a_slip():
    """`will be saved tp the state` (thirty-eighth sample): `o` and `p` touch. Commands without a
    vowel are no slips (`ls`, `cd`), nor are short words with one (`sed`, Vim's `iw`)."""
    assert unknown("It will be saved tp the state. Run ls and cd, then sed; the iw motion.\n") == ["tp"]


def test_a_paragraph_in_another_language_on_an_english_page_is_skipped():
    """mkdocs-material's admonition page (forty-first sample): lorem ipsum filler inside an
    example. A dozen words, a quarter unknown and no English function word; a line of code
    names (`subscribe(subscriber_id, callback, callback_id)`) is not another language."""
    page = ("# Admonitions\n\nAdmonitions are blocks that call out a note, a tip or a warning to the reader. "
            "They can be collapsed, nested and given a title of their own, and the wrkspace shows an example "
            "of each kind that the theme supports, with the text that the writer puts inside it:\n\n"
            "Nunc eu odio eleifend, blandit leo a, volutpat sapien. Phasellus posuere in\n"
            "sem ut cursus. Nullam sit amet tincidunt ipsum, sit amet elementum turpis.\n\n"
            "- Methods: subscribe(subscriber_id, callback, callback_id): no-op; add_event(event, source_id): no-op\n")
    assert unknown(page) == ["wrkspace"]
    assert "callback_id" in unknown(page, rule="spell-code-in-prose")


def test_code_in_a_line_of_html_needs_no_backticks_and_a_short_name_part_is_a_name():
    """sqlmodel's docs (forty-first sample): a raw HTML table's column names, labels rather than
    code in a sentence; FastAPI's README: `Sai Sumanth Miryala`, no slip of `Said`."""
    assert unknown("<tr><th>id</th><th>secret_name</th></tr>\n", rule="spell-code-in-prose") == []
    # Coder's troubleshooting page: code in a sentence of HTML is still code, told as HTML writes it.
    (f,) = [f for f in spell("<details><summary>Add cgroup_memory to cmdline.txt:</summary>\n")
            if f.rule == "spell-code-in-prose"]
    assert "`<code>cgroup_memory</code>`" in f.message
    # Spacemacs' Python layer (128th sample): a table row that opens with `<kbd>` is Markdown.
    (f,) = [f for f in spell("<kbd>mjis</kbd> | Uses the django_extras package.\n") if f.rule == "spell-code-in-prose"]
    assert "write it in backticks" in f.message
    assert unknown("The secret_name column.\n", rule="spell-code-in-prose") == ["secret_name"]
    assert unknown("Piero Molino, Yaroslav Dudin, and Sai Sumanth Miryala - Uber\n") == []
    assert unknown("Sai it again.\n") == ["Sai"]
    # cert-manager's release notes (eighty-eighth sample): a list of contributors, `Aled` beside
    # `James`, a person's name a company list holds too; in a heading, a slip beside it is told.
    assert unknown("* Aaron Gershman\n* Aled James\n") == []
    assert unknown("## Add Grant Permisions\n") == ["Permisions"]
    assert unknown("Aled James wrote it.\n") == ["Aled"]
    # GLFW's README (hundred-and-twenty-fifth sample): a hundred people thanked, one a line; a
    # name among them is no slip of a word (`Lasse`, `Lassie`), though it is in a sentence.
    thanks = " - Robin Eklind\n - Siavash Eliasi\n - Lukas Zanner\n - Andrey Zholos\n - Jonas Ådahl\n - Lasse Öörni\n"
    assert unknown(thanks) == []
    assert unknown("Siavash Eliasi and Lasse wrote it.\n") == ["Lasse"]


def test_a_double_letter_written_single_is_a_slip_however_often_and_a_drawn_out_word_is_meant():
    """devpod's ztunnel example (forty-second sample): `overriden` twice, a writer's habit; tilt's
    docs: `if we don't quiiite support your use case`, drawn out on purpose. okteto's plan
    quotes a program's message (`"starting (initialising"`), whose spelling is the program's."""
    assert unknown("The file is overriden. The pod is also overriden.\n") == ["overriden", "overriden"]
    # tabby's prompt (forty-fifth sample): a long common word short of one letter, twice.
    assert unknown("Waiting for documentaion. It holds your documentaion.\n") == ["documentaion", "documentaion"]
    # gorm's docs (hundred-and-twelfth sample): a term of the trade the frequency table does
    # not rank (`initialize`) is such a word too.
    assert unknown("Initalize the DB. Then initalize the cache.\n") == ["Initalize", "initalize"]
    # testkube's API reference (eighty-second sample): one of the commonest words short of a
    # letter, three times; a short name one letter from a rarer word is still a name.
    assert unknown("| mount | whether we shoud mount it |\n| map | where we shoud map it |\n") == ["shoud", "shoud"]
    assert unknown("If we don't quiiite support it, sooo tell us.\n") == []
    # A consonant tripled inside a word is a slip, not a word drawn out (fiftieth sample).
    assert unknown("Now nginx is runnning in your deployment. Hmmm.\n") == ["runnning"]
    # Cypress's docs (hundred-and-eighteenth sample): a key held down at a word's end; a short
    # word drawn out on its last letter is meant.
    assert unknown("We are able to acesss the spy and the classs by name. Yesss, hmmm.\n") == ["acesss", "classs"]
    text = 'The message contains "starting (initialising". The behavior and the color are set; the colour too.\n'
    assert [f.message.split("`")[1] for f in spell(text) if f.rule == "spell-variant"] == ["colour"]


def test_a_package_with_a_possessive_and_a_file_system_named_after_a_word_are_names():
    """coder/coder's offline docs and sandbox READMEs (forty-third sample): `fumadocs-core's`
    frontmatter helper, containerd on `overlayfs`."""
    assert unknown("It uses fumadocs-core's helper on overlayfs and squashfs.\n") == []


def test_a_function_word_run_into_a_long_word_is_a_slip():
    """`documents uploaded andindexed in Watson Discovery` (forty-fourth sample): `indexed` is too
    rare for the split finder, but `and` before a word of six letters or more is a missed space.
    A joiner before a short word is as often a command (`tojson`)."""
    (f,) = [f for f in spell("Documents uploaded andindexed in Discovery, and the tojson filter.\n")
            if f.rule == "spell-unknown-word"]
    assert "`andindexed`" in f.message and "`and indexed`" in f.message
    # Neon's guides (hundred-and-first sample): the joiner after the word, `compute` as rare.
    (f,) = spell("You move the computefrom the current branch with the tojson filter.\n")
    assert "`compute from`" in f.message


def test_a_long_word_less_two_letters_is_no_closed_compound():
    """An etcd module's README (hundredth sample): `initially boostraped` splits into `boost
    raped`, two content words, but it is `bootstrapped` with two letters left out, and that is
    suggested first. `hardlinks` lacks no letter of `hardliners`: a closed compound still."""
    (f,) = spell("The cluster is initially boostraped here.\n")
    assert "did you mean `bootstrapped`, " in f.message
    assert unknown("Files are hardlinks into the cache; flychecking runs.\n") == []


def test_a_word_with_its_last_letter_elided_is_meant():
    """chi's README (hundred-and-twelfth sample): `plain ol' Go stdlib`; `runnin'` likewise.
    Without the apostrophe, a slip is a slip."""
    assert unknown("* **No external dependencies** - plain ol' Go stdlib. Keep runnin' it.\n") == []
    assert unknown("Keep runnin it.\n") == ["runnin"]


def test_letters_written_twice_over_in_a_common_word_are_a_stutter():
    """Drone's agent docs (hundred-and-third sample): `token used to authorize requestests`.
    Two edits from `requests`, so no suggestion index offers it; one copy of `est` out does. A
    short word so doubled is as often a name (`heyhey`), and a rare one is no slip's target."""
    (f,) = spell("The token used to authorize requestests to the server.\n")
    assert "did you mean `requests`?" in f.message
    assert unknown("Say heyhey to the kubekube cluster.\n") == []


def test_project_terms_are_known_and_suggested_with_their_case():
    assert unknown("Kubernetes, Terraform, GitHub, Claude Code, Codex, Gemini, Aider and Goose.") == []
    (f,) = spell("Deploy it on Kubernets.")
    assert "`Kubernetes`" in f.message


def test_british_spelling_gets_the_american_one():
    (f,) = spell("Pick your favourite colour.", AMERICAN)[:1]
    assert f.rule == "spell-variant" and "write `favorite`" in f.message
    assert unknown("Pick your favourite colour, organise it.", AMERICAN, rule="spell-variant") == [
        "favourite", "colour", "organise"
    ]
    assert unknown("Pick your favourite colour, organise it.", AMERICAN) == []  # not also unknown words


def test_unconfigured_each_page_is_held_to_its_own_variant():
    """Issue 16: British spellings are reported in a tree configured for, or written in,
    American English. Without `variant`, a page that writes two or more British spellings and
    fewer American ones is British (community READMEs: `optimised`, `utilises`), and its
    American spellings are the slips; one British spelling beside an American one is a slip
    in American. One British spelling alone is left to the pages around it (below)."""
    assert unknown("It is optimised and utilises the cache.", rule="spell-variant") == []
    assert unknown("It is optimised and utilises the color map.", rule="spell-variant") == ["color"]
    assert unknown("Validate the behaviour of the color map.", rule="spell-variant") == ["behaviour"]
    assert unknown("Validate the behaviour of the provider.", rule="spell-variant") == []  # no page around it
    assert unknown("Validate the behaviour of the provider.", AMERICAN, rule="spell-variant") == ["behaviour"]


def test_a_name_in_the_other_variant_says_nothing_of_the_writers():
    """flux's installation page (sixty-ninth sample): `Bitbucket Server and Data Center` is a
    product's name, not an American writer; its one British spelling is its own variant."""
    page = "Use Bitbucket Server and Data Center, then customise the controllers.\n"
    assert unknown(page, rule="spell-variant") == []
    assert unknown(page.replace("Data Center", "the data center"), rule="spell-variant") == ["customise"]
    # rust-analyzer's book (seventy-seventh sample): the project's hyphenated name is no
    # American writer either, and not told on a British page.
    page = "Run rust-analyzer to customise the flycheck. The rust-analyzer colours it.\n"
    assert unknown(page, rule="spell-variant") == []
    assert unknown(page.replace("rust-analyzer", "the analyzer"), rule="spell-variant") == ["customise", "colours"]


def test_a_generated_neighbour_says_which_variant_the_project_writes(tmp_path):
    """rust-analyzer's `configuration_generated.md` (seventy-seventh sample) is written from the
    settings' doc comments: no finding there, but its `favor` is the project's spelling, and
    tells the one `behaviour` of the page beside it."""
    generated = "Deprecated in favor of the new setting. Removed in favor of it.\n"
    page = "To replicate this behaviour, run the check.\n"
    found = run_json(project(tmp_path / "a", **{"settings_generated.md": generated, "page.md": page}))
    assert [(f["path"].rsplit("/", 1)[-1], f["rule"]) for f in found] == [("page.md", "spell-variant")]
    assert run_json(project(tmp_path / "b", **{"page.md": page})) == []


def test_one_british_spelling_alone_is_judged_by_the_pages_around_it(tmp_path):
    """Issue 16, samples 49 to 64: `colour` in checkov's README, `initialised` in
    terraform-exec's, each the one variant spelling of its page, were British writers' pages,
    not slips; `cancelled` in coder-k8s's reference page is a slip in a tree whose other pages
    write American. The page's folder and the folders above it (to a repository's root) decide."""
    def variant_words(root, page):
        found = check_text((root / page).read_text(), str(root / page), load_config(None))
        return [re.match(r"`([^`]+)`", f.message).group(1) for f in found if f.rule == "spell-variant"]

    alone = tmp_path / "alone"
    (alone / "docs").mkdir(parents=True)
    (alone / "docs" / "page.md").write_text("Validate the behaviour of the provider.\n")
    (alone / "README.md").write_text("A provider. It runs plans.\n")
    assert variant_words(alone, "docs/page.md") == []
    american = tmp_path / "american"
    (american / "docs").mkdir(parents=True)
    (american / "docs" / "page.md").write_text("Validate the behaviour of the provider.\n")
    (american / "README.md").write_text("The color of the canceled jobs.\n")  # the folder above: two American
    assert variant_words(american, "docs/page.md") == ["behaviour"]
    (american / "README.md").write_text("The color of the jobs.\n")  # one is no habit (aztfexport's `modeled`)
    assert variant_words(american, "docs/page.md") == []
    (american / "README.md").write_text("The color of the canceled jobs.\n")
    # British pages beside it, or a repository's root between it and American pages: its own.
    (american / "docs" / "other.md").write_text("The colour and flavour of the catalogue.\n")
    assert variant_words(american, "docs/page.md") == []
    (american / "docs" / "other.md").unlink()
    (american / "docs" / ".git").mkdir()
    assert variant_words(american, "docs/page.md") == []
    assert unknown("The colour and the color of the favorite flavour.", rule="spell-variant") == [
        "colour", "flavour"]


def test_a_page_of_both_variants_is_judged_by_the_pages_around_it(tmp_path):
    """Rails' 4.0 release notes (hundred-and-fourth sample) write `favour` eleven times and
    `behavior` nine, among guides written in American English: the page is mixed, and its
    British ones are the slips. British twice as often as American is a British page."""
    def variant_words(root):
        page = root / "guides" / "notes.md"
        found = check_text(page.read_text(), str(page), load_config(None))
        return [re.match(r"`([^`]+)`", f.message).group(1) for f in found if f.rule == "spell-variant"]

    mixed = "In favour of A. In favour of B. In favour of C. The behavior changed, a new behavior.\n"
    tree = tmp_path / "tree"
    (tree / "guides").mkdir(parents=True)
    (tree / "guides" / "notes.md").write_text(mixed)
    (tree / "guides" / "other.md").write_text("The color of the canceled jobs.\n")
    assert variant_words(tree) == ["favour", "favour", "favour"]
    (tree / "guides" / "notes.md").write_text(mixed.replace("a new behavior", "a new flavour"))
    assert variant_words(tree) == ["behavior"]  # four British, one American: a British page


def test_variant_message_says_who_chose_the_variant():
    """A configured variant is the docs'; without one, the page's own spellings chose it, and
    the message must not claim the docs are British because one README is."""
    (configured,) = spell("Pick your favourite pen.", AMERICAN)
    assert "the docs are written in American English (en-US)" in configured.message
    (british,) = spell("It is optimised and utilises the color map.")
    assert "this page is written in British English" in british.message
    assert "the docs are" not in british.message
    (american,) = spell("Validate the behaviour of the color map.")
    assert "unless most of its spellings are British" in american.message
    assert "set `variant`" in american.message and "write `behavior`" in american.message


def test_unknown_word_without_a_close_word_is_taken_for_a_name():
    """No dictionary word within two edits and no split in two: a name nobody listed (a tool,
    a person), not a typo anyone could correct, so not reported."""
    assert spell("We use selectolax and zqxjvbw; thanks to Volochii.") == []
    (f,) = spell("Tasks run in a wrkspace.")
    assert "did you mean `workspace`" in f.message and "word list" in f.message


def test_a_prefix_set_off_by_a_hyphen_spells_the_word():
    """rust-analyzer's docs (seventy-seventh sample): `pre-emption` is `preemption` written the
    British way; a slip after the prefix is still told."""
    assert unknown("##### Locking and pre-emption\n\nNo pre-emtion here.\n") == ["pre-emtion"]


def test_a_sentence_copied_down_the_page_is_written_once():
    """Packer's ProfitBricks page (seventy-fourth sample): `The value definded in the config
    has precedence over environemnt variable.` under two options is one slip pasted twice; a
    word written in two places is meant (`aibridge`, a name)."""
    line = "- `{0}`: set by `PB_{0}`. The value definded in the config has precedence over environemnt variable.\n"
    assert unknown(line.format("password") + line.format("username")) == ["definded", "environemnt"] * 2
    assert unknown("Run aibridge here. Then aibridge there.\n") == []


def test_a_word_with_two_letters_before_it_is_a_name_built_on_it():
    """Vitess's docs (seventy-second sample): `vttablet` is its tablet server, a name built on
    `tablet`; two edits inside a word are still a slip."""
    assert unknown("Set the vttablet option to the limit.") == []
    assert unknown("Set the tabltte option to the limit.") == ["tabltte"]


# -- repeated words -------------------------------------------------------------------------------


def test_repeated_word_is_fixed_by_deleting_the_second():
    text = "The the agent runs in in a workspace. It is is fine, and that that too.\n"
    found = [f for f in spell(text) if f.rule == "spell-repeated-word"]
    assert [(f.line, f.column) for f in found] == [(1, 1), (1, 20)]
    fixed, applied = apply_fixes(text, fixes_of(found))
    assert fixed == "The agent runs in a workspace. It is is fine, and that that too.\n"
    assert len(applied) == 2


def test_a_name_followed_by_the_thing_it_names_is_no_repeat():
    """Vault's docs (seventy-fourth sample): a name of capitalised words, then its noun."""
    def repeats(text: str) -> list[int]:
        return [f.column for f in spell(text) if f.rule == "spell-repeated-word"]

    assert repeats("The Google Cloud Storage storage backend and the Key Vault vault.\n") == []
    assert repeats("# Google Cloud Storage Storage Backend\n") == []
    assert repeats("Install the Coder Coder CLI. Coder coder runs.\n") == [13, 30]


def test_a_directives_type_is_markup_not_a_word():
    """Backstage's docs (seventy-ninth sample): Docusaurus' `:::note Note` opens a note titled
    Note; Material's `!!! note` likewise. The title and the body are still prose."""
    def repeats(text: str) -> list[int]:
        return [f.line for f in spell(text) if f.rule == "spell-repeated-word"]

    assert repeats(":::note Note\nBody.\n:::\n\n!!! tip Tip\n    Body.\n") == []
    assert repeats(":::note Note note\nThe the body.\n:::\n") == [1, 2]
    assert unknown(":::tip[A custom titel]\nx\n:::\n") == ["titel"]


def test_a_verb_and_its_particle_written_solid_is_a_noun():
    """biome's blog (hundred-and-twenty-first sample): `a special shoutout`, the noun of `shout
    out`, one letter from `shootout` and its particle the verb's last letters again. A slip of
    such a noun (`chekout`) or of another compound (`Somewere`) is still told."""
    assert unknown("A special shoutout for the rampup. Check the chekout. Somewere else.\n") == ["chekout", "Somewere"]


def test_a_spelling_the_page_writes_in_a_name_is_the_names_wherever_it_stands():
    """Umbraco's docs (hundred-and-twenty-third sample): `the Block Catalogue`, a feature's name,
    and `the Block catalogue` beside it, on a page that writes `color` and `customize`: the
    page is American, and its `catalogue` is the feature's. Without the name, it is told."""
    page = ("# Blocks\n\nCustomize how the Block is shown in the Block catalogue.\n\n"
            "Pick a background color and an icon color for the catalogue.\n\n"
            "The button brings up the Block Catalogue.\n")
    assert [f.rule for f in spell(page)] == []
    plain = page.replace("the Block Catalogue", "the list")
    assert [f.message.split("`")[1] for f in spell(plain) if f.rule == "spell-variant"] == ["catalogue", "catalogue"]
    # A heading in title case names nothing: the paragraph's `colour` is still told.
    titled = "# Theme\n\n## Change The Colour\n\nThe colour is set here. The behavior and the color of the page.\n"
    assert [f.message.split("`")[1] for f in spell(titled) if f.rule == "spell-variant"] == ["colour"]
    # A hyphenated word's last part is that word's alone: the page's other `color` is judged.
    british = ("# Theme\n\nSet the background-color here. The colour and the behaviour of the page are British,"
               " as is the organisation.\n\nThe color is wrong.\n")
    assert [f.message.split("`")[1] for f in spell(british) if f.rule == "spell-variant"] == ["color"]


def test_a_label_in_capitals_before_the_word_is_no_repetition():
    """Ghost's install guide (hundred-and-twenty-third sample): `**ERROR Error: Cannot find
    module**`, a log level before the message it labels. The same word twice in one case is
    still told."""
    assert [f.rule for f in spell("**ERROR Error: Cannot find module**\n")] == []
    assert [f.rule for f in spell("The error error is logged. And much much more.\n")] == ["spell-repeated-word"]


def test_a_headings_anchor_in_brackets_is_markup():
    """Elastic's beats docs (hundred-and-twentieth sample): `### Other dependencies
    [_other_dependencies]` gives the heading its anchor. A shortcut link ending a heading, or
    the same brackets in a paragraph, are still read."""
    assert [f.rule for f in spell("### Other dependencies [_other_dependencies]\n")] == []
    assert unknown("## Instalation [the-guide]\n\n## About [Vectr]\n") == ["Instalation", "Vectr"]
    assert [f.rule for f in spell("Read the notes [_other_dependencies]\n")] == ["spell-code-in-prose"]


def test_repeated_word_in_code_is_not_reported():
    assert spell("Run `echo echo` and `a` `a` then.") == []
    assert spell("Forward ports `9990` to `9999` to the agent.") == []


# -- the word list and suppressions ---------------------------------------------------------


def test_suppression_comment_silences_one_line():
    text = (
        "<!-- docs-check: disable-next-line spell-unknown-word -->\n"
        "Wrkspace is our codename.\n"
        "The templaet again.\n"
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
    assert unknown("Zorblax and Wrkspace.", load_config(tmp_path / "pyproject.toml")) == ["Wrkspace"]
    words.write_text("Zorblax\nWrkspace\n", encoding="utf-8")
    assert unknown("Zorblax and Wrkspace.", load_config(tmp_path / "pyproject.toml")) == []


def test_a_front_matter_comment_marks_a_generated_page():
    """terraform-plugin-docs writes its marker as a YAML comment of the front matter; a
    comment there that says nothing of generation leaves the page to the prose rules."""
    page = ('---\n# generated by https://github.com/hashicorp/terraform-plugin-docs\npage_title: "x"\n---\n\n'
            "# coder_workspace (Data Source)\n\nThe wrkspace.\n")
    assert spell(page) == []
    assert [f.line for f in spell(page.replace("generated by", "written by"))] == [6, 8]

def test_a_page_cobra_generated_is_generated():
    """cobra's Markdown (a Go CLI's reference) carries no marker unless asked; its SEE ALSO
    entries end the link with a tab. A writer's own See also list is still read."""
    cobra = ("## coder urls\n\nInteract with environment devurls\n\n### SEE ALSO\n\n"
             "* [coder](#coder)\t - coder provides a CLI for wrking with Coder\n")
    assert spell(cobra) == []
    written = cobra.replace("\t - ", " - ")
    assert [f.line for f in spell(written)] == [3, 7]
    # pydoc-markdown's classic output (haystack's API pages, ninety-seventh sample).
    pydoc = ('<a name="other"></a>\n# Module other\n\n- `weights`: when using the `merge` join_mode.\n')
    assert spell(pydoc) == []
    assert [f.line for f in spell(pydoc.replace("# Module other", "# Other"))] == [4]

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


def test_bundled_word_list_has_no_duplicates_or_english_words():
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
def test_corpus_typos_are_found_and_little_else(corpus: Path):
    """Real typos in Coder's docs, which the corpus keeps as they were published, are still
    reported; what is left of `spell-unknown-word` is small (it was 174 before the
    dictionaries, the generated-page markers and the code-like rules). Speed: bench/."""
    cfg = load_config(None)
    cfg.sections["spelling"] = {"variant": "en-US"}  # Coder's docs are American English
    files = sorted(corpus.rglob("*.md"))
    found = [f for p in files for f in check_text(p.read_bytes(), p.relative_to(corpus).as_posix(), cfg)]
    by_rule: dict[str, set[str]] = {}
    for f in found:
        if f.rule.startswith("spell-") and f.rule != "spell-repeated-word":
            by_rule.setdefault(f.rule, set()).add(re.match(r"`([^`]+)`", f.message).group(1))
    for typo in ("bianually", "Tailcale", "theleft", "everytime", "Factort's"):
        assert typo in by_rule["spell-unknown-word"]
    assert {"behaviour", "greyed", "cancelled", "labelling"} <= by_rule["spell-variant"]
    assert len(files) == 482
    unknown_findings = [f for f in found if f.rule == "spell-unknown-word"]
    assert len(unknown_findings) < 25, sorted(by_rule["spell-unknown-word"])
    # The CLI reference is marked as generated: no prose finding there, tf-* still run.
    assert not any(f.path.startswith("reference/cli/") and f.rule.startswith("spell-") for f in found)


# -- a long line is handled, whatever it holds (the timing is bench/bench_spelling.py's) ------


def test_a_two_megabyte_line_is_checked_to_the_end():
    line = ("word " * 400_000) + "Regitsry " + ("x" * 100_000) + " instcrtion\n"
    assert len(line) > 2_000_000
    assert unknown(line) == ["Regitsry", "instcrtion"]
    assert unknown("a" * 2_000_000 + "\n") == []  # one 2 MB token: no word, no suggestion search


# -- dictionaries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Deploy with Kubernetes, kubectl, Helm, Grafana, Prometheus and Datadog.",  # software, k8s
        "Use nginx, systemd, rsync, iptables and the Dockerfile; run goroutines.",
        "Sign in with Okta, Auth0 or Keycloak; pay with Stripe; host on Hetzner or DigitalOcean.",
        "Open the tarball, the YAML file, the JSON schema and the webhook payload.",
        "Authored by Bruno Quaresma and Eric Paulsen; reviewed by Muhammad Atif Ali.",
    ],
)
def test_dictionary_words_and_names_are_known(text):
    assert unknown(text) == []


def test_the_vendored_dictionaries_match_their_manifest():
    folder = wordlists.folder()
    manifest = json.loads((folder / wordlists.MANIFEST).read_text(encoding="utf-8"))["files"]
    assert set(manifest) == set(wordlists.SOURCES)
    for name, entry in manifest.items():
        assert entry["package"].startswith("@cspell/dict-") and entry["license"] == "MIT", name
        assert entry["integrity"].startswith("sha512-"), name
        assert entry["version"] == wordlists.SOURCES[name][1]
    dicts = wordlists.load(wordlists.stamp(folder))
    variants = {b: a for b, a, _ in dicts.variants}
    for b, a in (("cancelled", "canceled"), ("greyed", "grayed"), ("labelling", "labeling"),
                 ("colour", "color"), ("organise", "organize"), ("behaviour", "behavior")):
        assert variants[b] == a
    # Correct American words never look British: their American "variant" is rarer.
    assert not {"advertises", "exercise", "phoenix", "mise", "install", "filled"} & set(variants)


@pytest.mark.parametrize("damage", ["missing", "corrupt", "manifest"])
def test_a_missing_or_corrupt_dictionary_is_a_configuration_error(tmp_path, damage):
    copy = tmp_path / "dicts"
    shutil.copytree(wordlists.folder(), copy)
    if damage == "missing":
        (copy / "golang.txt").unlink()
        expected = "golang.txt: cannot read the spelling dictionary"
    elif damage == "corrupt":
        (copy / "golang.txt").write_text("# truncated\n", encoding="utf-8")
        expected = "golang.txt: the spelling dictionary is corrupt"
    else:
        (copy / "manifest.json").write_text("{", encoding="utf-8")
        expected = "manifest.json: the dictionaries' manifest is not valid JSON"
    root = project(tmp_path, f'[tool.docs-check.spelling]\ndictionaries = "{copy}"\n', **{"page.md": "Fine.\n"})
    proc = docs_check("--config", "pyproject.toml", "docs", cwd=root)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert expected in proc.stderr and "Traceback" not in proc.stderr
    # and through the environment variable, which wins
    proc = docs_check("docs", cwd=root, env={"DOCS_CHECK_DICTIONARIES": str(copy)})
    assert proc.returncode == 2 and expected in proc.stderr


def test_words_txt_holds_only_what_no_dictionary_has():
    """The hand list is Coder's own names and the few terms no vendored dictionary has (a
    product named like a person, `Claude`, stays: names are never suggested)."""
    dicts = wordlists.load(wordlists.stamp(wordlists.folder()))
    covered = {w.lower() for w in (*dicts.terms, *dicts.english)}
    entries = spelling.read_word_list((ROOT / "hooks/docs_check/data/words.txt").read_text(encoding="utf-8"))
    assert [e for e in entries if e.lower() in covered] == []


# -- suggestions never swap one name for another -------------------------------------------------


def test_a_name_is_never_corrected_to_a_different_name():
    def hints(word: str) -> str:
        return " ".join(f.message for f in spell(f"We use {word} here.") if f.rule == "spell-unknown-word")

    # `Marley`, `Massey`, `Manley` are other people: no suggestion is safe, so (like any word
    # with no close dictionary word) it is taken for a name and not reported.
    assert "Marley" not in hints("Masley") and "Massey" not in hints("Masley")
    assert hints("Masley") == ""
    # a slip of the keys in a name is still suggested
    assert "did you mean `Tailscale`" in hints("Tailcale")
    assert "`Kubernetes`" in hints("Kubernets")


# -- code-like words -------------------------------------------------------------------------------


def test_code_like_words_are_code_in_prose_not_misspellings():
    text = (
        "Install coder-platformx-events-middleware and set the wildcard_hostname, then run coder-logstream-kube.\n"
        "See [coder-aks](https://github.com/ericpaulsen/coder-aks) and "
        "[provisionerdserver](../coderd/provisionerdserver) and "
        "[Miguel Grinberg's repo](https://github.com/miguelgrinberg/microblog).\n"
        "Enable ufw before you start; compare [muffet] and [a checker][lc].\n\n"
        "[muffet]: https://github.com/raviqqe/muffet\n[lc]: https://github.com/linkchecker/linkchecker\n\n"
        "```sh\nsudo ufw status\n```\n"
    )
    found = spell(text)
    assert [f.rule for f in found if f.rule == "spell-unknown-word"] == []
    code = {re.match(r"`([^`]+)`", f.message).group(1): f for f in found if f.rule == "spell-code-in-prose"}
    # kebab-case names in prose are tools and repositories, and `ufw` the name of the tool
    # its code block runs: neither misspelt nor code
    assert set(code) == {"wildcard_hostname"}
    assert all(f.severity.name == "INFO" and "backticks" in f.message for f in code.values())


def test_a_name_the_page_writes_as_code_is_code_in_prose_only_as_a_command_line():
    """Across the unseen trees, a word the page also writes as code was a name in prose nine
    times in ten (`Run coder-logstream-kube in the cluster`, `Ollama`, `cmux`, `golangci`);
    followed by its flags it is a command line written as prose."""
    page = "\n\n```sh\nhelm install coder-logstream-kube\nsudo ufw status\n```\n"
    assert spell("Run coder-logstream-kube in the cluster; enable ufw first." + page) == []
    found = spell("Run coder-logstream-kube --namespace x, or ufw -h." + page)
    assert [(f.rule, f.message.split("`")[1], "run with its flags" in f.message) for f in found] == [
        ("spell-code-in-prose", "coder-logstream-kube", True), ("spell-code-in-prose", "ufw", True)]


def test_a_capitalised_name_of_what_the_page_writes_as_lowercase_code_is_a_name():
    """coder/registry's shux README: the product Shux, the command `shux`; Nextflow beside
    `module "nextflow"`. Code is case-sensitive: the capitalised word is the product's name."""
    text = (
        "# Shux\n\nAutomatically install and run Shux. Start Shux with `shux server --add-project /p`.\n\n"
        "A module that adds Nextflow to your template.\n\n"
        '```tf\nmodule "nextflow" {\n  source = "registry.coder.com/coder/nextflow/coder"\n}\n```\n'
    )
    assert spell(text) == []
    # Run with a flag, the word is the command again.
    found = spell("Run shux --add-project to start it.\n\n```sh\nshux server\n```\n")
    assert [(f.rule, f.message.split("`")[1]) for f in found] == [("spell-code-in-prose", "shux")]


def test_an_architecture_name_is_not_a_snake_case_identifier():
    # coder/registry's shux README: "Linux (x86_64, aarch64)".
    assert spell("## Supported Platforms\n\n- Linux (x86_64, aarch64)\n") == []
    found = spell("Set the max_ttl and the arm64_build flag.\n")
    assert [f.message.split("`")[1] for f in found] == ["max_ttl", "arm64_build"]


def test_a_word_without_a_vowel_is_an_abbreviation_not_a_misspelling():
    # coder/registry's amazon-init README: "`runtime_dir` (a tmpfs)"; Coder's docs: ptr, rm, Pcp.
    assert unknown("Written into a tmpfs, mounted with fsck checks; a Pcp port and a ptr.\n") == []
    # A misspelling keeps its vowels, however short or mangled.
    assert unknown("Pushed to the Regitsry over a Tailcale network, bianually.\n") == [
        "Regitsry", "Tailcale", "bianually"]
    # ...unless the word is a common one with its vowel left out.
    assert unknown("Get it frm the site, wth care, and a ptr.\n") == ["frm", "wth"]


def test_a_quoted_snake_case_name_is_the_text_it_quotes():
    """An error message or a UI label, written as it reads."""
    found = spell('- "invalid redirect_uri": check the URI. Then check \u201cupn_claim\u201d and set max_ttl.\n')
    assert [re.match(r"`([^`]+)`", f.message).group(1) for f in found] == ["max_ttl"]
    # An image's alt text is plain text: backticks would show as backticks (checkov's badge).
    badge = "[![code_coverage](https://x/coverage.svg)](https://x/actions) and code_coverage\n"
    assert [re.match(r"`([^`]+)`", f.message).group(1) for f in spell(badge)] == ["code_coverage"]
    assert [f.column for f in spell(badge)] == [len("[![code_coverage](https://x/coverage.svg)](https://x/actions) and ") + 1]
    # hyphenated English is still English, and still checked
    assert unknown("A self-hosted, end-to-end, re-run setup; a self-hostd one.") == ["self-hostd"]


# -- spelling variants -----------------------------------------------------------------------------

VARIANT_PAGE = (
    "# Jobs\n\nA job that is cancelled shows greyed out. Labelling them helps: the colour is\n"
    "a favourite.\n\n```sh\necho catalogue honour\n```\n"
)


def test_spell_variant_is_fixed_by_docs_check_fix(tmp_path):
    root = project(tmp_path, '[tool.docs-check.spelling]\nvariant = "en-US"\n', **{"jobs.md": VARIANT_PAGE})
    found = run_json(root)
    variants = [f for f in found if f["rule"] == "spell-variant"]
    assert [re.match(r"`([^`]+)`", f["message"]).group(1) for f in variants] == [
        "cancelled", "greyed", "Labelling", "colour", "favourite"
    ]
    assert [f["rule"] for f in found if f["rule"] != "spell-variant"] == []
    proc = docs_check("--config", "pyproject.toml", "--fix", "docs", cwd=root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (root / "docs/jobs.md").read_text(encoding="utf-8") == (
        "# Jobs\n\nA job that is canceled shows grayed out. Labeling them helps: the color is\n"
        "a favorite.\n\n```sh\necho catalogue honour\n```\n"
    )


def test_spell_variant_en_gb_and_auto(tmp_path):
    gb = project(tmp_path / "gb", '[tool.docs-check.spelling]\nvariant = "en-GB"\n',
                 **{"p.md": "The color of the canceled job; organize it, and the colour.\n"})
    words = [re.match(r"`([^`]+)`", f["message"]).group(1) for f in run_json(gb) if f["rule"] == "spell-variant"]
    assert words == ["color", "canceled"]  # `organize` is British too (Oxford spelling)
    auto = project(
        tmp_path / "auto", '[tool.docs-check.spelling]\nvariant = "auto"\n',
        **{"british.md": "The colour and flavour were cancelled; the color stays.\n",
           "american.md": "The color and flavor were canceled; the colour goes.\n"},
    )
    found = {(f["path"].rsplit("/", 1)[-1], re.match(r"`([^`]+)`", f["message"]).group(1))
             for f in run_json(auto) if f["rule"] == "spell-variant"}
    assert found == {("british.md", "color"), ("american.md", "colour")}


# -- generated pages ---------------------------------------------------------------------------------

BAD_TF = '```tf\nresource "coder_agent" "main" {\n  os = "linux"\n    arch="amd64"\n}\n```\n'


def test_a_generated_page_is_skipped_by_spelling_but_still_tf_checked(tmp_path):
    root = project(
        tmp_path,
        **{
            "reference__cli__coder.md": "<!-- DO NOT EDIT | GENERATED CONTENT -->\n# coder\n\nThe the wrkspace "
            "flag is cancelled.\n\n" + BAD_TF,
            "guide.md": "# Guide\n\nThe the wrkspace.\n\n" + BAD_TF,
        },
    )
    found = run_json(root)
    rules = {(f["path"].rsplit("/", 1)[-1], f["rule"]) for f in found}
    assert ("coder.md", "tf-fmt") in rules and ("guide.md", "tf-fmt") in rules
    assert not any(p == "coder.md" and r.startswith("spell-") for p, r in rules)
    assert {("guide.md", "spell-unknown-word"), ("guide.md", "spell-repeated-word")} <= rules


def test_a_generated_section_and_generated_globs(tmp_path):
    section = (
        "# Metrics\n\nA wrkspace.\n\n<!-- Code generated by 'make metrics.md'. DO NOT EDIT -->\n"
        "| name | help |\n| --- | --- |\n| x | Number of mallocs and mcache. |\n"
        "<!-- End generated by 'make metrics.md'. -->\n\nAnother templaet.\n\n## Later\n\nA third conection.\n"
    )
    text_findings = [(f.line, f.rule) for f in spell(section)]
    assert text_findings == [(3, "spell-unknown-word"), (11, "spell-unknown-word"), (15, "spell-unknown-word")]
    root = project(
        tmp_path, '[tool.docs-check.spelling]\ngenerated = ["reference/api/**"]\n',
        **{"reference__api__agents.md": "# Agents\n\nA wrkspace.\n", "guide.md": "A wrkspace.\n"},
    )
    assert [f["path"].rsplit("/", 1)[-1] for f in run_json(root)] == ["guide.md"]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('generated = ["reference/[cli/**"]', "generated = 'reference/[cli/**': not a glob (an unclosed [)"),
        ('generated = [""]', "generated = '': not a glob (an empty glob)"),
        ("generated = [3]", "generated = 3: not a glob (expected a string)"),
        ('variant = "en-AU"', "variant = 'en-AU': expected one of en-US, en-GB, auto"),
        ('dictionaries = "nowhere"', "nowhere/manifest.json: missing"),
    ],
)
def test_bad_generated_globs_and_variants_are_configuration_errors(tmp_path, table, expected):
    root = project(tmp_path, f"[tool.docs-check.spelling]\n{table}\n", **{"page.md": "Fine.\n"})
    proc = docs_check("--config", "pyproject.toml", "docs", cwd=root)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert expected in proc.stderr and "Traceback" not in proc.stderr


def test_rules_listing_says_generated_and_foreign_pages_are_skipped():
    proc = docs_check("rules", "spell-")
    assert proc.returncode == 0
    for rid in ("spell-unknown-word", "spell-repeated-word", "spell-variant", "spell-code-in-prose"):
        assert rid in proc.stdout
    assert proc.stdout.count("pages marked as generated") == 4
    assert proc.stdout.count("pages in another language") == 4


def test_the_pages_own_subject_is_a_name_unless_run_as_a_command(tmp_path):
    """A README of `modules/rustdesk/` names rustdesk in prose as it names itself; written with
    a flag after it, the word is a command line in prose and still wants backticks."""
    text = ("# rustdesk\n\nThe rustdesk module launches rustdesk; run `rustdesk --help`.\n\n"
            "Then run rustdesk --password as root. A Termux shell and exoscale too.\n")
    found = [f for f in check_text(text, "registry/x/modules/rustdesk/README.md", load_config(None))
             if f.rule.startswith("spell-")]
    assert [(f.rule, f.line, f.column) for f in found] == [("spell-code-in-prose", 5, 10)]
    assert spelling.page_subject("docs/termux.md") == {"termux", "docs"}
    # The folder a page sits in (thirty-first sample: `# rispecs KINSHIP.md`).
    assert "rispecs" in spelling.page_subject("mia-code-server/rispecs/KINSHIP.md")
    assert unknown("# Notes\n\nThe rispecs folder.\n") == ["rispecs"]
    assert [f for f in check_text("# Notes\n\nThe rispecs folder.\n", "x/rispecs/KINSHIP.md",
                                  load_config(None)) if f.rule.startswith("spell-")] == []
    # And the folder above it: a project's docs (hundred-and-tenth sample).
    title = "# postgres_exporter Documentation\n"
    assert [f.rule for f in check_text(title, "postgres_exporter/docs/README.md", load_config(None))] == []
    assert [f.rule for f in check_text(title, "exporters/docs/README.md", load_config(None))] == [
        "spell-code-in-prose"]
    assert spelling.page_subject("m/exoscale-instance-type/README.md") == {
        "exoscale-instance-type", "exoscale", "instance", "type"}
    elsewhere = [f.message for f in check_text(text, "docs/page.md", load_config(None)) if f.rule.startswith("spell-")]
    assert len(elsewhere) == 1  # the command line, wherever it is
    # A subject one edit from a common word is still no misspelling on its own page.
    assert unknown("The coden module.\n") == ["coden"]
    assert [f for f in check_text("The coden module.\n", "m/coden/README.md", load_config(None))
            if f.rule.startswith("spell-")] == []
    # The subject is a name, not a licence to spell it the other way: a page about colour
    # in an American tree still hears that it is `color`.
    british = [f.rule for f in check_text("Pick a colour.\n", "docs/colour.md", AMERICAN)]
    assert british == ["spell-variant"]


def test_names_and_closed_compounds_are_not_misspellings_but_slips_are():
    """Beyond one edit of any word, a capitalised word is a name (a slip in a name stays one
    edit from it) and a word that only splits into two content words is a compound; a word run
    into a function word, or one edit from a word, is a typo whatever its case."""
    names = "Ask Paulsen about Termux, Ollama and Artix on a trackpad at runlevel 3 with somepassword.\n"
    assert unknown(names) == []
    slips = ("The Regitsry and Tailcale are requiredto work everytime; it was comitted, "
             "then the instcrtion said alot.\n")
    assert unknown(slips) == ["Regitsry", "Tailcale", "requiredto", "everytime", "comitted", "instcrtion", "alot"]
    # A letter slipped after an apostrophe (`it'ss`, Microsoft's Terraform docs, sixty-sixth
    # sample) and a word run into `onto` (`addonto`, Azure's samples, sixty-seventh); names
    # with an apostrophe and contractions as they are written stay.
    clitics = "Now it'ss done. Isn'tt it, the addonto helps; y'all rock'n'roll at five o'clock with O'Reilly.\n"
    assert unknown(clitics) == ["it'ss", "Isn'tt", "addonto"]
    assert "did you mean `it's`?" in spell(clitics)[0].message
    assert unknown("If you use it, it'ss recommended.\n") == ["it'ss"]  # alone on its line: `it` and `ss` are words


def test_a_page_in_spanish_among_english_terms_is_not_english():
    """Twenty-first sample: Spanish READMEs of Coder templates leave only a third of their
    words unknown (English names and terms around them, and Spanish words English also
    spells), but write no English function words; an English page of lists still does."""
    spanish = ("## Para qué sirve\n\n- Sesiones gráficas ligeras con herramientas dev y CLIs de IA.\n"
               "- Docker Engine y docker-compose-plugin internos (DinD, no se usa el socket del host).\n"
               "- Si es tu primera vez, probablemente no necesitas tocar nada: baja al final y pulsa Create.\n"
               "- Code-server abre por defecto la carpeta clonada en el workspace del template.\n")
    assert spell(spanish) == []
    english = ("## Tools\n\n- Docker Engine and docker-compose-plugin inside the workspace, with no host "
               "socket.\n- Sesiones and herramientas are Spanish words the page quotes; a wrkspace is a typo.\n"
               "- Code-server opens the cloned folder in the workspace of the template.\n")
    assert unknown(english) == ["wrkspace"]


def test_a_short_word_one_far_key_from_a_word_is_a_name():
    """`gopls` (the Go language server, eighteenth and twenty-first samples) is one changed
    letter from `goals`, but `p` is nowhere near `a` on the keyboard: a slip of the fingers
    hits a neighbouring key (`chsnge` for `change`), so a short word like it is a name."""
    assert unknown("- gopls (language server)\n- Make a chsnge to it.\n") == ["chsnge"]


def test_a_capitalised_long_word_with_a_neighbouring_key_is_a_slip_of_a_common_word():
    """`Connrct` (thirty-first sample) is `Connect` with the key beside `e`: a slip, and
    `Connect` is suggested though a term list capitalises it. `Shlink` (far keys) and `Groq`
    (short: names sit beside short words) are names."""
    (f,) = spell("Connrct to your server.\n")
    assert "`Connect`" in f.message
    assert unknown("Shlink shortens links. Groq serves models.\n") == []
    # Short and written twice: a slip of one of the words writers use all the time stays a
    # slip (`tyoe` for `type`, Google's k8s-gce README); a short name beside a rarer word
    # (`nodr`... `node`) is taken for a name when the page repeats it.
    twice = "- The machine tyoe for the master.\n- The machine tyoe for the nodes.\n"
    assert unknown(twice) == ["tyoe", "tyoe"]
    assert unknown("- The machine nodr for the master.\n- Each nodr runs the nodes.\n") == []


def test_a_table_header_names_its_columns():
    """dbt's snapshots page and Airbyte's sync modes (hundred-and-first sample) draw result sets:
    `| id | status | updated_at |` over rows of dates. The names in a table's rows are still
    code (`| dbt_valid_to | The timestamp ... |`)."""
    table = ("| id | status | updated_at |\n| -- | ------ | ---------- |\n| 1 | pending | 2024-01-01 |\n\n"
             "| Field | Meaning |\n|---|---|\n| dbt_valid_to | The timestamp this row became invalid |\n")
    assert unknown(table, rule="spell-code-in-prose") == ["dbt_valid_to"]


def test_a_capitalised_name_one_letter_from_a_word_of_three_letters_is_a_name():
    """OpenWhisk's `**Akka** and **Spray**`, Hanami's `Pry and Ripl`, `Rane's document`
    (hundred-and-tenth to sixteenth samples): names are dense around words of three letters.
    A page that writes the word makes the capitalised one its slip."""
    assert unknown("Based on Akka and Spray. It supports Pry and Ripl. Read Rane's document.\n") == []
    assert unknown("Use the aka flag. Akka is an alias.\n") == ["Akka"]


def test_a_configuration_file_saved_as_markdown_has_no_prose():
    """remche/terraform-openstack-rke2's `examples/existing-networks/README.md` (hundredth
    sample) is a `terraform.tfvars`: sixteen names told as bare code in prose. A page with one
    line of prose among its assignments is a page, read as one."""
    tfvars = ('# The terraform.tfvars file, the var assign_floating_ip set to "false"\n\n'
              'assign_floating_ip = "false"\ncluster_name = "my-cluster"\n\n'
              'existing_network_name = "elasticip"\nsec_groups = {\n  "VM Network" = ["a"]\n}\n')
    assert unknown(tfvars, rule="spell-code-in-prose") == unknown(tfvars) == []
    page = "Set the existing_network_name to an exisitng network:\n\n" + tfvars.split("\n\n", 1)[1]
    assert unknown(page, rule="spell-code-in-prose") == [
        "existing_network_name", "assign_floating_ip", "cluster_name", "existing_network_name", "sec_groups"]
    assert unknown(page) == ["exisitng", "elasticip"]


def test_a_short_capitalised_word_with_a_far_letter_put_in_is_a_name():
    """`Behat` (ninety-fourth sample), a PHP tool, is `beat` with an `h` no letter beside it
    touches; `Moby` and `Domen` likewise. A slip adds a key beside its neighbours or doubles one
    (`Tyype`), and a long word takes a letter from memory too (`Arugument`)."""
    assert unknown("Add tests with the Behat framework; right-click the Moby icon, Domen said.\n") == []
    assert unknown("Set the Tyype field. See the Arugument reference.\n") == ["Tyype", "Arugument"]


def test_a_long_capitalised_word_one_edit_from_a_word_is_a_slip():
    """`### Prerequisits` (thirty-second sample): `prerequisite` is rare in the frequency table,
    but a name of ten letters or more one edit from a word is unlikely. `Catppuccin`, two
    edits from `Cappuccino`, is a name."""
    assert unknown("### Prerequisits\n\nUse the Catppuccin theme.\n") == ["Prerequisits"]
    # A surname beside a first name the line gives an address for (an OWNERS list, fifty-fourth);
    # a product the line links to does not make a slip beside it a name (`Coder Regitsry`).
    assert unknown("* Bassam Tabbara <bassam@upbound.io> ([bassam](https://github.com/bassam))\n") == []
    # Rack's contributors (hundred-and-eleventh sample): a handle that holds the name, accents
    # aside, on a page that writes `Valid` (one letter from `Valim`, and capitalised as a name
    # is: a word the page writes only in lowercase is no name to slip on).
    contributors = "Valid Rack apps run.\n\n* José Valim [josevalim](https://github.com/josevalim)\n"
    assert unknown(contributors) == []
    assert unknown(contributors.replace("josevalim", "jose")) == ["Valim"]
    assert unknown("Find it in the [Coder](https://coder.com) Regitsry.\n") == ["Regitsry"]
    # The letters of the word count, not its possessive (forty-eighth sample: the company
    # `Claranet`, one vowel from `clarinet`); a long slip with a possessive is still one.
    assert unknown("Fork and use Claranet's naming provider.\n") == []
    assert unknown("Read the Prerequisits' list.\n") == ["Prerequisits"]


def test_a_short_word_with_d_after_it_is_a_daemon_not_a_slip():
    """`NGINX with confd` (fifty-first sample), coderd's `Chatd` (forty-sixth): a daemon named
    after what it serves, or Docker's `ufw or firewalld` (eighty-fourth). A word a letter from a
    past tense is a slip of it (`metrics exporterd by agents`, `workd` for `worked`)."""
    assert unknown("NGINX with confd renders it. Chatd runs chats.\n") == []
    assert unknown("If you use ufw or firewalld to manage firewall settings.\n") == []
    assert unknown("The metrics exporterd by one or more agents.\n") == ["exporterd"]
    # A daemon serves a thing: `usingd` (fiftieth sample) is a slip of `using`.
    assert unknown("An AWS infrastructure usingd a pipeline.\n") == ["usingd"]
    # One edit from a commoner word is a slip, `command` suggested before `com and` (fifty-third).
    (f,) = spell("Run the following comand in your terminal.\n")
    assert "did you mean `command`, `com and`" in f.message
    lex = spelling.lexicon(load_config(None))
    for word, daemon in (("workd", False), ("comand", False), ("confd", True), ("agentd", True)):
        assert daemon_name(word, lex.suggestions(word), lex) is daemon, word
    # rack's README (hundred-and-eleventh sample): no English word ends in `pd`, so `lighttpd`
    # is a name; a past tense with its `e` left out is still a slip.
    assert unknown("For help with debugging lighttpd. We creatd it and stoppd it.\n") == ["creatd", "stoppd"]


def test_software_terms_are_suggested_and_a_long_capitalised_slip_is_told():
    """`opestack` (fiftieth sample): the software terms are in the suggestion index, so it is
    `OpenStack` mistyped. `Oberservability` (fifty-fifth): a capitalised word of twelve letters
    or more two edits from a word is a slip; a shorter one is a name (`Catppuccin`)."""
    (f,) = spell("Terraform supports aws, opestack, azure and more.\n")
    assert "did you mean `OpenStack`" in f.message
    assert unknown("Explore the Oberservability Suite. Use the Catppuccin theme.\n") == ["Oberservability"]


def test_an_unknown_word_written_in_the_singular_and_the_plural_is_a_term():
    """Thanos' `ingestor` role (fifty-ninth sample), one key from `investor`: written as
    `ingestor` and `ingestors`, a term the page uses. A slip beside its word's plural is still
    one (`serverss`), and a repeated key slip is still told (`Remenber`)."""
    assert unknown("### Ingestor\n\nSeparate the router and ingestor roles, sent to ingestors.\n") == []
    assert unknown("The servers and the serverss.\n") == ["serverss"]
    assert unknown("Remenber this. Remenber that.\n") == ["Remenber", "Remenber"]


def test_code_already_marked_and_names_of_naming_styles_are_not_code_in_prose():
    """Sixtieth sample: mkdocstrings' rendered signature, `method_a` inside a `<code>` element
    opened on the line above; `snake_case`, the name of a naming style written in it. A word
    said three times is said on purpose (`Print print print!`); twice, it is a slip."""
    html = ('<code class="highlight language-python">\nmethod_a<span class="p">(</span></code>\n\n'
            "Converts snake_case to camelCase; set max_ttl.\n")
    assert unknown(html, rule="spell-code-in-prose") == ["max_ttl"]
    assert [f.rule for f in spell("Print print print! The the end.\n")] == ["spell-repeated-word"]


def test_a_plural_run_into_the_next_word_is_a_slip_not_a_compound():
    """A closed compound takes its first word in the singular (`trackpad`, `userspace`); a
    plural run into another word is a slip of the keys (nineteenth sample: `permissionsash`)."""
    assert unknown("Check the home folder has correct permissionsash\n") == ["permissionsash"]
    assert unknown("Use the trackpad, then set a userspace permissionset.\n") == []


def test_a_word_the_code_writes_as_a_folder_or_inside_a_longer_name_is_a_name():
    """`special cmux variables` beside `.cmux/scripts/`, `the provider (bpg)` beside
    `bpg/proxmox`, `Avalonia` beside `App.Avalonia`: names, neither code nor misspelt."""
    text = ("Scripts live in `.cmux/scripts/` and get special cmux variables.\n\n"
            "The Proxmox provider (bpg) is `bpg/proxmox`.\n\n"
            "Allow the port with ufw; `sudo ufw allow 22` edits `/etc/ufw/user.rules`.\n")
    assert spell(text) == []

def test_a_name_the_code_writes_only_inside_a_longer_name_is_a_name():
    """coder-desktop-linux's AGENTS.md: `Avalonia 11 (`App.Avalonia`)`, the framework a project
    is named after; `Avalonia-specific` and `Statik-Server` are built on names. A word the code
    writes as a whole token is still code."""
    text = ("The UI is Avalonia 11 (`App.Avalonia`); no Avalonia-specific types in Statik-Server.\n\n"
            "Run Nextcloudx with `Nextcloudx --init`.\n")
    assert unknown(text) == []
    assert unknown(text, rule="spell-code-in-prose") == []


def test_a_notes_owner_is_a_handle():
    """CoreDNS's plugin guide (hundred-and-seventeenth sample): `TODO(miek): ref to ...`. The
    note's text is still read."""
    assert unknown('TODO(miek): ref to "Query Is Proccessed with Fallthrough"\n') == ["Proccessed"]


def test_a_prefix_before_an_abbreviation_is_no_slip():
    """kubespray's OpenStack page (hundred-and-fourteenth sample): `a multi-nic OpenStack VM`,
    NIC in lowercase after `multi-`. A longer word after the prefix, mistyped, is a slip."""
    assert unknown("In a case of a multi-nic OpenStack VM, or a non-tls one.\n") == []
    assert unknown("A multi-regoin setup.\n") == ["multi-regoin"]


def test_a_page_in_another_language_is_not_spell_checked_as_english():
    """code-server's Turkish README: most of its words are in no English dictionary. A page
    with a Turkish sentence or two, and a short note, are still English pages."""
    turkish = ("`code-server`, uzak sunucuda \u00e7al\u0131\u015fan ve bir taray\u0131c\u0131 arac\u0131l\u0131\u011f\u0131yla "
               "eri\u015filebilen bir uygulamad\u0131r. Windows yada Mac sahibiyseniz, Linux i\u00e7in daha kolay "
               "geli\u015ftirmeler yapabilirsiniz. Testler, derleme, indirme ve di\u011fer bir \u00e7ok i\u015fte "
               "geli\u015fmi\u015f sunucular\u0131n h\u0131z avantaj\u0131ndan faydalan\u0131n.\n")
    assert spell(turkish) == []
    english = ("Run the server on a remote machine and open it in the browser of any device you "
               "have at hand; the setup takes a few minutes. A typo: the wrkspace starts. Keep the "
               "project on the server, so that tests, builds and downloads run on a faster machine "
               "than a laptop, and the battery lasts longer when you are on the move. Every "
               "extension you install stays on the server, with the settings you chose for it. ")
    # Short words one edit from rare ones only (`uzak`, `yada`, `kolay`) are taken for names,
    # and so is `Testler`, capitalised, one edit from the rare `tester`.
    assert unknown(english + turkish) == ["wrkspace", "daha", "derleme", "indirme"]
    # Too short to tell: read as English (`Daha`, capitalised, is taken for a name in `a`).
    assert unknown("Daha fazla wrkspace.\n") == ["wrkspace"]

def test_a_short_word_is_a_typo_only_as_a_slip_of_one_of_the_commonest_words():
    """Under four letters nearly every string is one edit from some word (cspell skips them):
    `apk`, `diw`, `hil` and a writer's initials are codes and commands. Two letters swapped or
    one left out of `the`, `and`, `you`, `into` is still a slip."""
    codes = "Install with apk, then diw in Vim; the hil location; a note by sas.\n"
    assert unknown(codes) == []
    slips = "Add teh module adn then yuo copy it nto the template.\n"
    assert unknown(slips) == ["teh", "adn", "yuo", "nto"]


def test_a_lowercase_word_two_edits_from_a_rare_word_only_is_a_name():
    """`dnsmasq` is no slip for `dismast`, nor `tfsec` for `fset`; `instcrtion` is two slips
    from `instruction`, a word writers use."""
    assert unknown("Installs dnsmasq and runs tfsec, per the instcrtion.\n") == ["instcrtion"]

def test_names_and_keystrokes_the_code_also_writes_are_not_code_in_prose():
    """mux's docs: `Ollama` beside `ollama pull`, bold Vim keystrokes (`**yy** - yank a line`)
    beside the same keys in code: the writer chose how these read."""
    text = ("Run Ollama from [its site](https://ollama.com); `ollama pull x`.\n\n"
            "- **yy** - yank a line\n- `yy` and `ciw`; then ciw again, and ollama.\n")
    assert unknown(text, rule="spell-code-in-prose") == []


# -- the fast paths are the same reading as the scanner's -----------------------------------------


@given(st.text(alphabet="``ab \n\\<!-", max_size=16))
@settings(max_examples=2000, deadline=None)
def test_inline_masking_fast_path_is_the_scanners(text):
    """prose's `_mask_inline` decides single-backtick spans itself: the same spans."""
    assert prose._mask_inline(text) == mask_inline(text)


def test_a_short_word_is_a_slip_only_of_a_word_writers_use():
    """Tools' names are short and dense around short words: `godoc` beside `godot`, `utun`
    beside `tun`, `ollama` two edits from `lama`. A short slip of a common word, and a
    contraction without its apostrophe, are still typos."""
    assert unknown("The godoc badge, the utun interface and ollama models.\n") == []
    assert unknown("Open teh boxs; it doesnt start and youll see why.\n") == ["teh", "boxs", "doesnt", "youll"]


def test_a_short_word_with_one_vowel_for_another_is_a_slip_of_sound():
    """coder/docs: `Satellites work in tandum with`: `tandem` is rare, but a lowercase word
    that is a word with one vowel changed is spelt by ear, not a tool's name. A capitalised
    one is still a name (`Devin` beside `Devon`), and a changed first letter is no slip."""
    assert unknown("Satellites work in tandum with the proxy.\n") == ["tandum"]
    assert unknown("Ask Devin, or run the utun and godoc tools.\n") == []


def test_a_name_is_a_word_with_one_letter_changed_a_slip_drops_doubles_or_swaps_one():
    """Community template READMEs: `Shlink` (a URL shortener) beside `shrink`, the `Yaru` theme
    beside `yarn`, `Anysphere` (Cursor's maker) inside a sentence, which is no `Any sphere`.
    Slips on names drop, double or swap a letter, and a changed letter is a slip of a name the
    page uses (`Coden` on a Coder page)."""
    assert unknown("Apps for Parse Dashboard, and Shlink. A desktop with Yaru theming.\n") == []
    assert unknown("The Anysphere extension falls back to Node.\n") == []
    assert unknown("This Coden template runs on Coder. Add Jupter lab; the Regitsry.\n") == [
        "Coden", "Jupter", "Regitsry"]
    assert unknown("Everytime we run it, it works.\n") == ["Everytime"]


def test_a_word_the_page_writes_twice_is_meant_not_a_slip():
    """coder-skill-scanner's calibration notes name `aibridge` seven times; agentapi's notes
    name the Huma framework three times. A slip is made once: over every labelled tree, 21 of
    22 true misspellings were written once on their page. A contraction without its
    apostrophe is a habit, still told each time; a link's target does not count."""
    assert unknown("Run aibridge first. Then aibridge proxies Claude.\n") == []
    assert unknown("It doesnt start, and it doesnt stop.\n") == ["doesnt", "doesnt"]
    assert unknown("Start aibridge; see [the guide](./aibridge.md).\n") == ["aibridge"]


def test_a_neighbouring_key_slip_of_a_common_word_is_a_slip_however_often_it_is_copied():
    """`Remenber` twice (thirty-third sample), `Connrct` three times (thirty-first): a common
    word of seven letters or more with one key struck beside the right one. A repeated name
    one far key from a word (`Shlink`) or a short one (`Groq`) stays a name."""
    assert unknown("*Remenber to set it!* Then the port. *Remenber to open it!*\n") == ["Remenber", "Remenber"]
    assert unknown("Shlink shortens links; Shlink is fast. Groq serves, Groq scales.\n") == []


def test_terraform_docs_tables_pasted_without_their_comments_are_generated():
    """A community module's README: terraform-docs' inputs table, its header and rule line as
    the tool writes them (or its row anchors, however padded), pasted without `BEGIN_TF_DOCS`.
    A table written by hand is prose."""
    generated = ("## Inputs\n\n| Name | Description | Type | Default | Required |\n"
                 "|------|-------------|------|---------|:--------:|\n"
                 "| vault_role_id | Role ID for the wrkspace | `string` | n/a | yes |\n\n"
                 "## Outputs\n\n| Name | Description |\n|------|-------------|\n| agent_url | The URL |\n\n"
                 "Then set vault_role_id in the wrkspace.\n")
    assert unknown(generated, rule="spell-code-in-prose") == ["vault_role_id"]  # the last line's
    assert unknown(generated) == ["wrkspace"]
    by_hand = "| Name | Description |\n| --- | --- |\n| vault_role_id | Role ID |\n"
    assert unknown(by_hand, rule="spell-code-in-prose") == ["vault_role_id"]
    # coder-labs' gcp-disk-snapshot README: terraform-docs' header and rule line, rows by hand.
    layout = generated.split("## Outputs")[0].replace("| `string` | n/a |", "| string | - |")
    assert unknown(layout, rule="spell-code-in-prose") == ["vault_role_id"]
    # Twenty-eighth sample: the tables of terraform-docs with its row anchors, columns padded
    # by a formatter; a row typed without the anchor keeps the table prose.
    rows = [("input_zone_id", "zone_id", "Used when route_53_zone is unset"), ("output_url", "url", "The wrkspace URL")]
    cells = [(f'<a name="{anchor}"></a> [{name}](#{anchor})', text) for anchor, name, text in rows]
    table = "".join(f"| {a.ljust(54)} | {b.ljust(35)} |\n" for a, b in [("Name", "Description"), ("-" * 54, "-" * 35), *cells])
    table += "\nSet route_53_zone first.\n"
    assert unknown(table, rule="spell-code-in-prose") == ["route_53_zone"]  # the last line's
    assert unknown(table) == []
    typed = table.replace('<a name="output_url"></a> [url](#output_url)', "url")
    assert unknown(typed, rule="spell-code-in-prose") == ["route_53_zone", "route_53_zone"]


def test_a_terraform_docs_section_runs_over_its_own_headings_to_its_end():
    """terraform-aws-modules' READMEs (thirty-fifth sample): pre-commit-terraform's section and
    terraform-docs' `BEGIN_TF_DOCS` hold `## Resources`, `## Outputs`; older terraform-docs
    escapes the underscores of its anchored rows. A heading ends a section with no end comment."""
    section = ("# Example\n\nSee the wrkspace.\n\n{start}\n## Resources\n\n| Name | Type |\n|------|------|\n"
               "| [random_password.password](https://registry.terraform.io/providers/hashicorp/random/latest/docs/resources/password)"
               " | resource |\n\n## Outputs\n\n"
               "| Name | Description |\n|------|-------------|\n"
               '| <a name="output_job_definitions"></a> [job\\_definitions](#output\\_job\\_definitions) '
               "| Map of job defintions created |\n{end}\n\nThe last templaet.\n")
    for start, end in (("<!-- BEGINNING OF PRE-COMMIT-TERRAFORM DOCS HOOK -->", "<!-- END OF PRE-COMMIT-TERRAFORM DOCS HOOK -->"),
                       ("<!-- BEGIN_TF_DOCS -->", "<!-- END_TF_DOCS -->")):
        text = section.format(start=start, end=end)
        assert unknown(text) == ["wrkspace", "templaet"]
        assert unknown(text, rule="spell-code-in-prose") == []
    # Google's cloud-foundation-toolkit marks its section with reference-style comments, and
    # cloud-foundation-fabric's tfdoc with its own (sixty-eighth sample).
    assert unknown(section.format(start="[^]: (autogen_docs_start)", end="[^]: (autogen_docs_end)")) == [
        "wrkspace", "templaet"]
    fabric = ("<!-- BEGIN TFDOC -->\n## Variables\n\n| name | description | type | required | default |\n"
              "|---|---|:---:|:---:|:---:|\n| [bucket_name](variables.tf#L27) | Its defintion. | <code>string</code> | ✓ |  |\n"
              "<!-- END TFDOC -->\n\nThe bucket_name and the templaet.\n")
    assert unknown(fabric) == ["templaet"] and unknown(fabric, rule="spell-code-in-prose") == ["bucket_name"]
    # Without its end comment (terraform-ibm-cos, forty-fourth sample), the section runs over the
    # headings terraform-docs writes and stops at any other.
    unended = section.format(start="<!-- BEGIN_TF_DOCS -->", end="## Notes\n\nSet the route_table first.")
    assert unknown(unended, rule="spell-code-in-prose") == ["route_table"]


def test_a_file_a_tool_writes_is_generated_however_it_says_so():
    """Cloud Posse's modules (fortieth sample): build-harness says under the title and badges
    that the README is generated from README.yaml; terraform-docs before 0.9 wrote
    `docs/terraform.md` whole, bare types and `-` for no default, `|:----:|:-----:|:-----:|`
    under its header; later ones put a complex type or default in a `<pre>` block."""
    # helm-docs signs a chart's README in the open (traefik's chart, seventy-sixth sample).
    helm = ("# traefik\n\n| Key | Type | Default | Description |\n|-----|------|---------|-------------|\n"
            "| hostNetwork | bool | `false` | To prevent unschedulabel pods |\n\n"
            "----------------------------------------------\n"
            "Autogenerated from chart metadata using [helm-docs v1.12.0](https://github.com/norwoodj/helm-docs/releases/v1.12.0)\n")
    assert unknown(helm) == []
    assert unknown(helm.replace("Autogenerated from chart metadata using", "Written with")) == ["unschedulabel"]
    # rust-analyzer's `configuration_generated.md` (seventy-seventh sample): named as generated.
    cfg = load_config(None)
    page = "Path to the workspace, for usage in rustc_private crates and a wrkspace.\n"
    assert [f.rule for f in check_text(page, "docs/book/src/configuration_generated.md", cfg)] == []
    assert len(check_text(page, "docs/book/src/configuration.md", cfg)) == 2
    harness = ("# terraform-aws-x [![Release](https://img.shields.io/x.svg)](https://x)\n\n<!--\n\n"
               "  ** DO NOT EDIT THIS FILE\n  ** This file was automatically generated by the `build-harness`.\n"
               "  ** 1) Make all changes to `README.yaml`\n-->\n\nA wrkspace for normalising_things.\n")
    assert unknown(harness) == [] and unknown(harness, rule="spell-code-in-prose") == []
    # terraform-plugin-docs renders a provider's page from a custom template (no front-matter
    # comment; azapi, forty-seventh sample) and marks only the schema it inserts.
    plugin = ("---\npage_title: \"x_list Data Source\"\n---\n\n# x_list (Data Source)\n\nA wrkspace.\n\n"
              "<!-- schema generated by tfplugindocs -->\n## Schema\n\n### Optional\n\n"
              "- `parent_id` (String) manage it by azurerm_resource_group.\n")
    assert unknown(plugin) == [] and unknown(plugin, rule="spell-code-in-prose") == []
    hand = plugin.replace("<!-- schema generated by tfplugindocs -->\n", "")
    assert unknown(hand) == ["wrkspace"]
    assert unknown(hand, rule="spell-code-in-prose") == ["x_list", "azurerm_resource_group"]
    old = ("## Inputs\n\n| Name | Description | Type | Default | Required |\n|------|-------------|:----:|:-----:|:-----:|\n"
           "| artifact_type | The build artifact's type | string | `CODEPIPELINE` | no |\n"
           "| vpc_id | The VPC | string | - | yes |\n\n## Outputs\n\n| Name | Description |\n|------|-------------|\n"
           "| badge_url | The URL of the badge when badge_enabled is set |\n")
    assert unknown(old, rule="spell-code-in-prose") == []
    # 0.8 wrote `n/a` for no default in the same layout (Google's bigquery view_generator,
    # sixty-third sample: its names escaped, `table\\_full\\_name`).
    assert unknown(old.replace("| - | yes |", "| n/a | yes |"), rule="spell-code-in-prose") == []
    pre = ("| Name | Description | Type | Default | Required |\n|------|-------------|------|---------|:--------:|\n"
           "| options | The enchanced options | <pre>object({<br>  enabled = bool<br>})</pre> | <pre>{}</pre> | no |\n")
    assert unknown(pre) == []
    # A table written by hand in the old layout is prose: its defaults are not `-` or code.
    hand = old.replace("| `CODEPIPELINE` | no |", "| the default one | no |")
    assert unknown(hand, rule="spell-code-in-prose") == ["artifact_type", "vpc_id", "badge_url", "badge_enabled"]


def test_sections_tools_keep_in_a_readme_are_generated():
    """coder/docs' README: all-contributors' table of people; terraform-docs' table of a
    module's variables. A badge section at the top covers itself, not the page."""
    text = ("<!-- ALL-CONTRIBUTORS-BADGE:START - Do not remove or modify this section -->\n"
            "[![All Contributors](https://img.shields.io/badge/x-1-orange.svg)](#contributors-)\n"
            "<!-- ALL-CONTRIBUTORS-BADGE:END -->\n\n# Docs\n\nA wrkspace.\n\n"
            "<!-- ALL-CONTRIBUTORS-LIST:START - Do not remove or modify this section -->\n"
            "<table><tr><td><sub><b>Faur Ioan-Aurel</b></sub></td></tr></table>\n"
            "<!-- ALL-CONTRIBUTORS-LIST:END -->\n\n"
            "<!-- BEGIN_TF_DOCS -->\n| Name | Description |\n| --- | --- |\n| agent_id | The agent. |\n"
            "<!-- END_TF_DOCS -->\n\nThe last templaet.\n")
    assert [(f.line, f.rule) for f in spell(text)] == [(7, "spell-unknown-word"), (19, "spell-unknown-word")]
    # doctoc's table of contents (code-server's FAQ) repeats the headings' words, title too;
    # the page after it is the writer's.
    toc = ("<!-- START doctoc generated TOC please keep comment here to allow auto update -->\n# FAQ\n\n"
           "- [Wrkspace setup](#wrkspace-setup)\n<!-- END doctoc generated TOC please keep comment here -->\n\n"
           "## Wrkspace setup\n\nThe templaet.\n")
    assert [f.line for f in spell(toc)] == [7, 9]
    # A comment that says by what a page was generated marks it, in any case.
    assert spell("<!-- generated by docgen from openapi.yaml -->\n\n# API\n\nA wrkspace.\n") == []


def test_a_slip_on_a_hyphenated_name_the_page_writes_is_told():
    """The Azure secrets-store provider's docs (eighty-eighth sample): `aad-pod-identiy` once among
    the page's `aad-pod-identity`. A name written once beside another one letter away is no
    slip when the page writes that one less than three times, or the two differ in a number or
    a plural."""
    page = "Install aad-pod-identity. Use aad-pod-identity. Read aad-pod-identity.\n\nRun the aad-pod-identiy parts.\n"
    (f,) = spell(page)
    assert (f.rule, f.line) == ("spell-unknown-word", 3) and "did you mean `aad-pod-identity`?" in f.message
    assert unknown(page.replace("Read aad-pod-identity.", "")) == []
    versions = "Use api-v1-alpha1 and api-v1-alpha1 and api-v1-alpha1.\n\nThen api-v1-alpha2.\n"
    plurals = "The cluster-api and cluster-api and cluster-api.\n\nThe cluster-apis.\n"
    assert unknown(versions) == unknown(plurals) == []


def test_a_letter_put_into_a_long_common_word_is_a_slip_however_often():
    """Digger's docs (ninetieth sample): `respository` in a heading and its paragraph; an
    aws-samples workshop (eighty-ninth): `infraestructure` twice. A word the page writes in
    its code is still the page's own."""
    assert unknown("## Clone the respository\n\nClone our examples respository now.\n") == ["respository"] * 2
    assert unknown("Code infraestructure with it. Deliver the infraestructure.\n") == ["infraestructure"] * 2
    assert unknown("Code infraestructure here, in `infraestructure/vpc`.\n") == []


def test_emphasis_inside_a_word_leaves_one_word():
    """Spacelift's docs (ninetieth sample): `**n**avigate`, a letter in bold, is `navigate`."""
    assert unknown("1. In the UI, **n**avigate to your project and **s**ave it.\n") == []
    assert unknown("In the UI, **n**avigat to your project.\n") == ["navigat"]


def test_lines_in_another_language_on_a_partly_english_page_are_not_english():
    """actions/checkout's Spanish README (eighty-seventh sample): Spanish lines among the English
    comments of its usage block, too many English function words for a foreign page and each
    Spanish line too short for a foreign paragraph. A page that writes Spanish's function words
    ten times or more reads its lines with no English function word as Spanish."""
    spanish = "".join(f"Pago de varios repositorios {n} para la rama del proyecto que sus equipos usan\n\n"
                      for n in ("uno", "dos", "tres", "cuatro", "cinco"))
    english = "The token is used with the repository to fetch the branch for the workflow.\n\n" * 3
    assert unknown(spanish + english + "Consulta otra sucursal\n") == []
    # One slip in an English line is still told there; without the Spanish, every line is English.
    assert unknown(spanish + english + "The token is used for the workflw.\n") == ["workflw"]
    assert unknown(english + "Consulta otra sucursal\n") == ["Consulta", "otra", "sucursal"]
    # A line with an identifier is code whatever the language around it.
    assert unknown(spanish + english + "on pull_request\n", rule="spell-code-in-prose") == ["pull_request"]


def test_a_slip_in_a_compound_of_common_words_is_told():
    """geerlingguy's mysql role (ninety-first sample): `highly-utlilized`. A name built on a word
    (`statik-server`, `ghostty-web`, `lakefs-client`) respells a short one and stays a name."""
    (f,) = spell("Tune it for highly-utlilized servers.\n")
    assert "did you mean `highly-utilized`?" in f.message
    # MLflow's docs (hundred-and-seventh sample): an acronym beside the slip, written twice.
    found = spell("Stored as a JSON-seralizable `dict`.\n\nStored as a JSON-seralizable `list`.\n")
    assert [f.message.split("?")[0][-len("`JSON-serializable`"):] for f in found] == ["`JSON-serializable`"] * 2
    assert unknown("Fork statik-server, run the ghostty-web harness with lakefs-client.\n") == []


def test_a_page_named_for_another_language_and_a_man_page_named_for_its_subject():
    """lazygit's `Keybindings_pt.md` (ninety-third sample): Portuguese whose `for` reads as
    English; eza's `eza_colors.5.md`: a man page names its subject bare in its NAME line."""
    portuguese = "| `<enter>` | Se o item for um arquivo, o foco na exibição de preparo. |\n"
    assert [f.rule for f in spell(portuguese, path="docs/Keybindings_pt.md")] == []
    assert unknown(portuguese) != []
    # asdf's docs (hundred-and-second sample): a translation kept in a folder named for its
    # language; an English folder with a two-letter name is English (`docs/it/`, `docs/id/`).
    translated = "Para plugins da comunidade, consulte:\n"
    for folder in ("pt-br", "zh_CN", "ja"):
        assert spell(translated, path=f"docs/{folder}/contribute/plugins.md") == []
    for folder in ("it", "id", "guides"):
        assert [f.rule for f in spell(translated, path=f"docs/{folder}/plugins.md")] != []
    assert [f.rule for f in spell("eza_colors — the colours of eza\n", path="man/eza_colors.5.md")
            if f.rule == "spell-code-in-prose"] == []


def test_an_adverb_opening_a_sentence_is_judged_as_the_word_it_is():
    """A handbook (ninety-fourth sample): `1. Conversly, teams...`; the capital is the
    sentence's. A name opening a sentence stays a name."""
    assert unknown("1. Conversly, teams with more mature products have more work.\n") == ["Conversly"]
    assert unknown("Velero backs it up. Velero, the tool, runs.\n") == []


# -- the hundred-and-twenty-sixth to hundred-and-thirtieth samples ---------------------------


def test_a_slip_of_a_name_the_page_writes_often_is_told_with_that_name():
    """Flink's Hadoop page (hundred-and-twenty-seventh sample): `Haddop` once, `Hadoop` all over.
    A name written less often, or the word written twice, is left alone."""
    page = "Hadoop runs jobs. Hadoop stores data. Hadoop scales. Hadoop is old. Hadoop is big.\n\n"
    found = [f for f in spell(page + "Support for Haddop input formats.\n") if f.rule == "spell-unknown-word"]
    assert [f.message.split(":")[1].strip() for f in found] == ["did you mean `Hadoop`? (a name or a term belongs in the project word list)"]
    assert unknown("Hadoop runs jobs. Hadoop stores data.\n\nSupport for Haddop input formats.\n") == []
    assert unknown(page + "Support for Haddop input. Haddop output too.\n") == []


def test_a_long_slip_the_page_code_repeats_is_still_a_slip():
    """HCL's JSON spec (hundred-and-thirtieth sample): `intepreted` in prose and in a JSON string
    of an example. A term one letter short of a term's name stays the code's (`loadbalance`)."""
    text = ('When intepreted as an expression, a string is used.\n\n```json\n"are not intepreted here"\n```\n\n'
            'Set the mode to loadbalance here.\n\n```json\n{"mode": "loadbalance"}\n```\n')
    assert unknown(text) == ["intepreted"]


def test_a_verb_in_ize_of_a_long_noun_is_a_word():
    """Meltano's docs (hundred-and-twenty-seventh sample): `pseudonymize` the data."""
    assert unknown("Pseudonymize the data, then tokenize it. Do not sizeize it.\n") == ["sizeize"]


def test_a_word_cited_after_its_language_is_that_languages():
    """Prefect's README (hundred-and-twenty-seventh sample): `From the Latin _praefectus_`."""
    assert unknown('From the Latin _praefectus_, an official. The Greek word "kybernetes". We seperate praefectus.\n') == [
        "seperate", "praefectus"]


def test_a_lowercase_name_in_a_list_of_names_is_a_name():
    """HTTPie's packaging notes (hundred-and-twenty-sixth sample) list distributions, one in
    lowercase; nvim-lspconfig names servers in parentheses. A slip of a term stays a slip."""
    assert unknown("Distributions like MX Linux, Linux Mint, deepin, Pop!_OS, KDE neon, Zorin OS.\n") == []
    assert unknown("Some servers (jdtls, elixirls) need a command.\n") == []
    assert unknown("It runs on Docker, Kubernetes, Nomad, ansbile, and Podman.\n") == ["ansbile"]


def test_a_capitalised_word_after_an_unlisted_name_is_the_rest_of_it():
    """Spacemacs' README (hundred-and-twenty-eighth sample): `Eivind Fonn's classic Spacemacs ABC`."""
    assert unknown("* Eivind Fonn's classic tutorial on video\n") == []


def test_an_agent_noun_with_d_after_it_is_a_daemon():
    """Synapse's docker README (hundred-and-twenty-ninth sample): a `supervisord` instance."""
    assert unknown("Start a supervisord instance, then the supervisord config.\n") == []


def test_a_page_whose_british_spellings_american_dictionaries_list_too_is_american():
    """A Rocket.Chat page (hundred-and-twenty-ninth sample) writes `behavior` beside `catalogue`
    and `signalling`, which American dictionaries list too: it is held to American, and those
    two are told, not `behavior`. A page that writes `behaviour` too is British."""
    text = "## Bridge catalogue\n\nThe host implements the behavior. Engine signalling is async.\n"
    assert unknown(text, rule="spell-variant") == ["catalogue", "signalling"]
    assert unknown(text + "\nIts behaviour differs.\n", rule="spell-variant") == ["behavior"]


def test_a_british_ise_form_of_a_known_ize_verb_is_a_variant():
    """Synapse (hundred-and-twenty-ninth sample): `a dockerised Synapse`, a British writer's form
    of `dockerized`: no unknown word; told as a variant on an American page."""
    assert unknown("Running tests against a dockerised Synapse, organised by us.\n") == []
    assert unknown("Running a dockerised Synapse in color.\n", rule="spell-variant") == ["dockerised"]


def test_an_html_pre_block_is_code():
    """TensorFlow's docs (hundred-and-thirty-fourth sample): `javac` inside `<pre class=...>`."""
    text = ('Compile it:\n\n<pre class="devsite-terminal">\njavac -cp libtf.jar Hello.java\n</pre>\n\n'
            "<pre>mvnn install</pre> then a sentense.\n\nThen a sentense after it.\n")
    assert unknown(text) == ["sentense"]
    assert unknown("```html\n<pre>\n```\n\nA sentense after the fence.\n") == ["sentense"]


def test_a_noun_in_ness_and_an_electronic_noun_are_words():
    """Vegeta's design note (132nd sample): `sortedness`; daisyUI's docs (135th): `ecommerce`."""
    assert unknown("Merge sort with sortedness laws for ecommerce and elearning. An eexample of awarness.\n") == [
        "eexample", "awarness"]


def test_the_noun_in_y_of_a_long_adjective_in_ous_is_a_word():
    """A Dart article (hundred-and-thirty-sixth sample): `asynchrony`, of `asynchronous`. A
    short stem makes no noun (`continuy` is `continuity` mistyped)."""
    assert unknown("To learn more about asynchrony and synchrony. A continuy of it.\n") == ["continuy"]


def test_up_before_a_word_is_a_prefix_unless_a_letter_makes_another_word():
    """A Saleor page (hundred-and-fortieth sample): `a great upselling opportunity`. `upsteam` is
    `upstream` with a letter missing, not up + steam."""
    assert unknown("Vouchers are a great upselling opportunity. Merge the upsteam branch.\n") == ["upsteam"]


def test_a_list_item_among_links_to_profiles_is_a_name():
    """Gleam's release notes (hundred-and-thirty-sixth sample) thank sponsors, each a link to a
    GitHub profile: `[Jonn]`, beside `[John Palgut]`, and a plain `wangxing` are names. The same
    items among links to pages are judged."""
    people = ("- [John Palgut](https://github.com/Jwsonic)\n- [Jonn](https://github.com/cognivore)\n"
              "- [Vladimir Kuznetsov](https://github.com/vkuznetsov)\n- wangxing\n"
              "- [Wilson Silva](https://github.com/wilsonsilva)\n")
    assert unknown(people) == []
    assert unknown(people.replace("https://github.com/", "https://example.com/docs/")) == ["Jonn", "wangxing"]


def test_a_variant_spelling_the_pages_code_writes_is_the_codes():
    """A stylelint page (hundred-and-thirty-seventh sample) writes `favour` and, of CSS's `color`,
    `standard color presentations`: the page's one American spelling is its code's term, so
    `favour` is not told; nor is Spree's `catalog`, whose plural the page's code names."""
    css = "Disallow standard color presentations in favour of a function.\n\n```css\na { color: red; }\n```\n"
    assert unknown(css, rule="spell-variant") == []
    assert unknown(css.replace("color: red", "margin: 0"), rule="spell-variant") == ["favour"]
    spree = "A catalog item. Its behaviour and favour. See `channels-catalogs.md`.\n"
    assert unknown(spree, rule="spell-variant") == []
    assert unknown(spree.replace("catalogs", "channels"), rule="spell-variant") == ["catalog"]
    # At a name's start or a camel-case part only: `epicenter` is no `center`, `backgroundColor` is `color`.
    centre = "Set the center and the colour.\n\n```yaml\nepicenter: 1\n```\n"
    assert unknown(centre, rule="spell-variant") == ["colour"]
    assert unknown(centre.replace("epicenter", "center"), rule="spell-variant") == []
    assert unknown(css.replace("color: red", "backgroundColor: red"), rule="spell-variant") == []


def test_a_quoted_word_that_runs_words_together_is_a_name():
    """web.dev's App History article (hundred-and-forty-fifth sample): events `"navigateto"` and
    `"navigatefrom"`. Unquoted, or beside other words in the quotes, the run is told."""
    assert unknown('Events include "dispose", "navigateto" and "navigatefrom".\n') == []
    assert unknown("Events include navigateto, and \u201cuse navigatefrom\u201d.\n") == ["navigateto", "navigatefrom"]


def test_a_rare_word_with_two_letters_swapped_is_no_habit():
    """git-branchless' guide (hundred-and-thirty-eighth sample) writes `revset`, jj's term, twice:
    no habitual slip of the rare `revest`, so the page means it. A common word swapped is one
    (`unkpg` twice for the term `unpkg`)."""
    assert unknown("Use revset operations. Powerful revset expressions.\n") == []
    assert unknown("Load it from unkpg. The unkpg CDN serves it.\n") == ["unkpg", "unkpg"]


def test_blockchain_terms_are_words():
    """Blockchain docs (hundred-and-forty-first sample): `onchain` beside `offchain`, encrypted
    `keystores`, the client `Geth`, from cspell's cryptocurrencies dictionary."""
    assert unknown("An offchain and an onchain one. Use encrypted keystores. JSON wallets (Geth, Parity).\n") == []


def test_a_bold_lead_term_among_listed_terms_is_a_name():
    """fiber's make targets (hundred-and-twelfth sample): `- **longtest**: run the test suite 15
    times` among `- **test**:` and `- **tidy**:`. In prose, or leading one item alone, it is told."""
    targets = "- **test**: run the tests.\n- **longtest**: run them 15 times.\n- **tidy**: tidy up.\n"
    assert unknown(targets) == []
    assert unknown("Run the longtest target.\n") == ["longtest"]
    assert unknown("- **longtest**: run them 15 times.\n") == ["longtest"]


def test_a_long_word_with_its_first_letter_changed_is_a_slip_of_a_common_word():
    """Nodemailer's README (hundred-and-forty-fourth sample): `Currently cupported services`. The
    suggestion index, read by first letter, never offers `supported`; the index's own commoner
    suggestion stays first when it is commoner (`sperated`: `separated`)."""
    found = spell("Currently cupported services, sperated lines.\n")
    assert [re.findall(r"`([^`]+)`", f.message)[:2] for f in found] == [["cupported", "supported"], ["sperated", "separated"]]


def test_a_section_between_hugo_comment_markers_is_generated():
    """rclone's backend pages (hundred-and-thirty-third sample): options written between
    `{{< rem autogenerated options start" - DO NOT EDIT ... >}}` and its `stop`, headings and all."""
    text = ('A sentense of ours.\n\n{{< rem autogenerated options start" - DO NOT EDIT - instead edit fs.RegInfo >}}\n'
            "### Standard options\n\n- Config:      plex_url\n\nWe recieve it generated.\n\n"
            "{{< rem autogenerated options stop >}}\n\nWe seperate after.\n")
    assert unknown(text) == ["sentense", "seperate"]
    assert unknown(text, rule="spell-code-in-prose") == []


def test_a_prefix_before_a_name_leaves_the_name_to_be_judged():
    """Duplicati's README (hundred-and-thirty-third sample): `non-Duplicati tools`; a slip of a
    word the page writes after the prefix is still told, at the name."""
    assert unknown("Regular files for non-Duplicati tools.\n") == []
    [f] = spell("A pre-Kubernets setup. Kubernetes runs it.\n")
    assert (f.rule, f.column) == ("spell-unknown-word", 7)


def test_no_possessive_follows_an_adverb():
    """Spacemacs' README (hundred-and-twenty-eighth sample): `Practicalli's Clojure tutorials`
    is a name, no `Practically's`; a possessive slip of a noun is still told."""
    assert unknown("* Practicalli's Clojure tutorials on video\n* The compnay's tutorials\n") == ["compnay's"]


def test_two_letters_swapped_is_a_slip_however_often():
    """Swagger UI's docs plan (hundred-and-twenty-sixth sample): `unkpg` twice for `unpkg`."""
    assert unknown("Get it from npm, packagist, unkpg cdn.\n\nOr from npm, git, unkpg, a clone.\n") == ["unkpg"] * 2


def test_a_one_word_item_among_package_names_is_a_name():
    """A code-server image's README (thirty-third sample) lists its packages, `yadm` among them;
    a slip of a listed term is still told, and so is a slip in a list of words."""
    packages = "### Packages\n\n* ansible\n* java-17-amazon-corretto-jdk\n* shellcheck\n* yadm\n* zsh\n"
    assert unknown(packages) == []
    assert unknown(packages.replace("shellcheck", "shelcheck")) == ["shelcheck"]
    assert unknown("- apples\n- pears\n- bannana\n- plums\n") == ["bannana"]


def test_a_name_coined_by_doubling_a_words_last_letter():
    """Fluidd's docs (hundred-and-fiftieth sample) write their name, `fluid` with its last letter
    doubled, capitalised wherever they write it. A doubling slip copied is still told, and so is
    the name's spelling where the page writes it lowercase too."""
    page = "Fluidd is packed with features.\n\nUse a single Fluidd instance, and update Fluidd.\n"
    assert unknown(page) == []
    assert unknown("It is overriden here.\n\nIt is overriden there.\n") == ["overriden", "overriden"]
    assert unknown(page + "\nA fluidd layout.\n") == ["Fluidd", "Fluidd", "Fluidd", "fluidd"]


def test_a_letter_before_a_word_names_a_thing_built_on_it():
    """`cmap`, a font's character map (hundred-and-fiftieth sample), is no `camp` swapped; the
    `pthread` library (hundred-and-forty-ninth) is no `thread` with a stray letter. A key beside
    the first letter is a slip (`rthread`), and so is a swap with no such word after it."""
    assert unknown("The font's cmap coverage. The Linux pthread library.\n") == []
    assert unknown("A rthread pool.\n") == ["rthread"]
    assert unknown("A mdoel of it.\n") == ["mdoel"]


def test_two_words_run_together_are_no_slip_of_a_rare_word():
    """The Good Docs Project's template (hundred-and-forty-eighth sample): `the skillsets of your
    community` is the closed compound, not `skillets`; a slip of a common word stays one."""
    assert unknown("The size and skillsets of your community.\n") == []
    assert unknown("Set the backround colour.\n") == ["backround"]


def test_a_capitalised_common_word_short_of_letters_is_a_slip():
    """Moonraker's install guide (hundred-and-fiftieth sample): `[Klipper's Documention](...)`,
    link text in title case; a name two edits from a rare word stays a name."""
    assert unknown("Please see [Klipper's Documention](https://klipper3d.com) for details.\n") == ["Documention"]
    assert unknown("See Catppuccin for themes.\n") == []


def test_an_mdx_export_of_a_template_literal_is_code():
    """Moodle's developer docs (hundred-and-forty-ninth sample) hold PHP in `export const
    settingsExample = \\`...\\`;`; the page's prose after it is read again."""
    page = ("export const settingsExample = `\n$settings->add(\n    new admin_setting_configcheckbox(\n"
            "        'assignfeedback_file/default',\n    )\n);\n`;\n\nA paragrap after.\n")
    assert unknown(page) == ["paragrap"]
    assert unknown(page, rule="spell-code-in-prose") == []


def test_a_filler_said_twice_is_no_repeated_word():
    """quarto's citation examples (hundred-and-forty-sixth sample): `Blah Blah [see @knuth1984]`."""
    assert unknown("Blah Blah [see @knuth1984, pp. 33-35].\n", rule="spell-repeated-word") == []
    assert unknown("It was out out of date.\n", rule="spell-repeated-word") == ["out out"]


def test_the_verb_of_a_rare_noun_in_ation():
    """SciPy's docs (hundred-and-forty-sixth sample): `by exponentiating the log-entropy`, the verb
    of `exponentiation`; not of a noun whose verb is listed (`visualizating`: `visualize`)."""
    assert unknown("Computed by exponentiating the log-entropy.\n") == []
    assert unknown("It is visualizating the data.\n") == ["visualizating"]


def test_a_word_of_three_letters_after_a_long_prefix():
    """statsmodels' agent notes (hundred-and-forty-sixth sample): pytest's `autouse fixture`; a
    short prefix before three letters makes no word (`rehat`), nor a long one a letter from a
    common word (`overcat`: `overeat`)."""
    assert unknown("An autouse fixture asserts it.\n") == []
    assert unknown("Do not rehat it. Do not overcat it.\n") == ["rehat", "overcat"]


def test_a_documenter_cross_reference_is_a_link_target():
    """Plots.jl's docs (hundred-and-forty-sixth sample): `[gr example](@ref gr_demo_2)`."""
    assert spell("See the [gr example](@ref gr_demo_2) for the long version.\n") == []


def test_a_table_cell_listing_modules_names_them():
    """CircuitPython's port notes (hundred-and-forty-seventh sample): a cell lists a board's
    modules, `_bleio, adafruit_ble, ..., json, ..., rainbowio, ulab`: each is a module's name. A
    slip of a listed term is still told; a list of plain words is no list of names."""
    row = ("| Board | Modules |\n| --- | --- |\n| Dev Kit | _bleio, adafruit_ble, aesio, analogio, json, "
           "msgpack, rainbowio, zlib, ulab, vectorio |\n")
    assert unknown(row) == []
    assert unknown(row.replace("msgpack", "mspack")) == ["mspack"]
    assert unknown("| Fruit | Kinds |\n| --- | --- |\n| Any | apple, pear, bannana, plum |\n") == ["bannana"]


def test_a_capitalised_word_one_letter_off_a_word_the_page_writes_lowercase_is_a_name():
    """Exercism's docs (hundred-and-forty-ninth sample): `the Exercism website` on a page about
    `exercise` files; one letter off a name the page writes is a slip of it (`Coden`, `Coder`)."""
    assert unknown("All interactions with the Exercism website. The slug of the exercise.\n") == []
    assert unknown("Coder runs it. Install Coden first.\n") == ["Coden"]


def test_a_variant_spelling_a_folder_of_the_path_writes_is_the_projects_term():
    """Exercism's `track-tooling/analyzers/interface.md` (hundred-and-forty-ninth sample), British
    prose: `Analyzers` is the project's term. The file's own name is the writer's spelling."""
    text = "Analyzers return a standardised output, organised by the recognised tools.\n"
    cfg = load_config(None)
    found = check_text(text, "anatomy/track-tooling/analyzers/interface.md", cfg)
    assert [f for f in found if f.rule == "spell-variant"] == []
    found = check_text(text, "anatomy/track-tooling/analyzers.md", cfg)
    assert [f.rule for f in found] == ["spell-variant"]


def test_a_short_part_of_a_compound_with_two_letters_swapped_is_a_slip():
    """networkx's tutorial (hundred-and-forty-sixth sample): `separate thrid-party backends`. A
    short part respelt is a name's (`statik-server`)."""
    assert unknown("Use separate thrid-party backends on the statik-server.\n") == ["thrid-party"]


def test_a_letter_written_again_in_place_of_the_next_is_a_slip():
    """Exercism's test runner interface (hundred-and-forty-ninth sample) opens an item with
    `Auxillary JSON files`: `auxiliary` with its `i` written as the `l` before it. A far letter
    changed in a capitalised word is a name's (`Shlink`)."""
    assert unknown("- Auxillary JSON files compiled manually.\n") == ["Auxillary"]
    assert unknown("- Shlink shortens links.\n") == []


def test_a_credit_in_parentheses_after_a_link_names_people():
    """Fava's list of related tools (hundred-and-fifty-third sample) credits each tool's author
    after its link: `(Vivek Gani)`, `(Alen Šiljak)`. Not after plain words, nor a slip in a
    parenthesis of words."""
    tools = ("- [metadata-spray](https://github.com/s/m) (Vivek Gani): Add metadata.\n"
             "- [pta-converters](https://gitlab.com/a/p) (Alen Šiljak) (2019): A converter.\n")
    assert unknown(tools) == []
    assert unknown("- A tool by (Vivek Gani) here.\n") == ["Gani"]
    assert unknown("- [tool](https://example.com/t) (a simpel one): a tool.\n") == ["simpel"]


def test_an_emoji_shortcode_before_closing_punctuation_is_masked():
    """OSRM's release notes (hundred-and-fifty-second sample): `Travis CI gives you a :thumbs_up:)`."""
    assert spell("Make sure all tests pass (Travis CI gives you a :thumbs_up:).\n") == []
    assert unknown("A :thumbs_up: for a seperate fix.\n") == ["seperate"]


def test_a_plural_the_index_finds_nothing_for_is_tried_as_its_singular():
    """owncast's agent notes (hundred-and-fifty-fourth sample): `Screnshots should be taken`."""
    [f] = spell("- Screnshots should be taken using the dev server.\n")
    assert "`Screenshots`" in f.message


def test_the_names_before_et_al_are_authors():
    """The Galaxy training material's references (hundred-and-fifty-first sample): `**Morgane
    Thomas-Chollier et al:**`, `**Roider et al. (2006):**`. Not a word after `et al`."""
    refs = ("**Morgane Thomas-Chollier et al:** [Transcription factor binding](https://example.com)\n\n"
            "**Helge G. Roider et al. (2006):** [Predicting affinities](https://example.com)\n")
    assert unknown(refs) == []
    assert unknown("As Roider et al. showed, the Modle fits.\n") == ["Modle"]


def test_a_genus_and_a_latin_species_in_emphasis_are_a_scientific_name():
    """Galaxy's genome annotation tutorial (hundred-and-fifty-first sample): `*Aspergillus
    fumigatus*`, `*Streptomyces coelicolor*`. An emphasised phrase is still read (`*Very importnat*`)."""
    assert unknown("We use a piece of the *Aspergillus fumigatus* genome and *Streptomyces coelicolor*.\n") == []
    assert unknown("This is *Very importnat* here.\n") == ["importnat"]


def test_front_matter_after_blank_lines_holds_no_prose():
    """nf-core's site (hundred-and-fifty-first sample) opens a page with a blank line, then its
    front matter (`image_alt: "..."`). A thematic break after blank lines leaves prose prose."""
    page = '\n---\ntitle: "A project"\nintro_video:\nimage_alt: "A diagram"\n---\n\n## Background\n\nA paragrap.\n'
    assert unknown(page, rule="spell-code-in-prose") == []
    assert unknown(page) == ["paragrap"]
    assert unknown("\n---\n\nThe image_alt field, a paragrap.\n\n---\n", rule="spell-code-in-prose") == ["image_alt"]


def test_a_capitalised_word_with_dutch_ij_is_a_name():
    """Kodi's moderator guidelines (hundred-and-fifty-fourth sample): `Nate's blog post and
    Martijn's blog post`. A lowercase slip is still told."""
    assert unknown("Nate's blog post and Martijn's blog post are useful.\n") == []
    assert unknown("The sijgnal is sent.\n") == ["sijgnal"]


def test_a_far_letter_before_an_item_the_page_writes_names_a_variant_of_it():
    """CircuitPython's port notes (hundred-and-forty-seventh sample) list `select` and
    MicroPython's `uselect` among a board's modules; one letter from the term `unselect`, it is
    no slip of it. A slip of a term in the list is still told."""
    row = "| Board | Modules |\n| --- | --- |\n| Kit | _bleio, adafruit_ble, json, select, uselect, zlib |\n"
    assert unknown(row) == []
    assert unknown(row.replace("uselect", "unselct")) == ["unselct"]


def test_a_series_of_names_that_differ_in_their_last_letter():
    """86Box's JIT analyser notes (hundred-and-fifty-eighth sample): `(ir, ig, ib, ia)`, the red,
    green, blue and alpha iterators, each one letter from a common word. A slip among unrelated
    items is still told."""
    assert unknown("| **Iterators** | Negative iterator counts (ir, ig, ib, ia) |\n") == []
    assert unknown("The options (cat, dog, teh, fox) are shown.\n") == ["teh"]


def test_the_agent_noun_in_or_of_a_latin_verb():
    """BloodHound's Python ingestor (hundred-and-sixtieth sample): `ingestor` three times, a key
    from `investor`. After a vowel, `-or` is a slip of a doubled `-er` (`commitor`), and a stem
    no dictionary knows says nothing (`injestor`)."""
    assert unknown("You can install the ingestor with pip.\n") == []
    assert unknown("The commitor signs it.\n") == ["commitor"]
    assert unknown("The injestor runs.\n") == ["injestor"]


def test_a_vowel_struck_thrice_where_the_word_has_it_twice():
    """FuseSoC's tutorial (hundred-and-sixty-second sample): `I neeeded to build`. A short word or
    a single vowel drawn out is emphasis (`goood`, `reeeally`)."""
    assert unknown("Some time ago I neeeded to build it.\n") == ["neeeded"]
    assert unknown("It was goood and reeeally fine.\n") == []


def test_a_vowel_struck_as_the_letter_beside_it():
    """KiCad's CvPcb manual (hundred-and-sixty-second sample): `associated wtth each component`.
    An abbreviation without a doubled letter stays one (`xmpp` doubles no letter it could lose
    for a vowel and be one of the commonest words)."""
    assert unknown("The footprint is associated wtth each component.\n") == ["wtth"]
    assert unknown("Run the xmpp and tmux servers.\n") == []


def test_singular_and_plural_beside_the_word_they_slip_from():
    """Chisel's connectable docs (hundred-and-sixty-second sample) write `alignment` forty times,
    and `aligment` and `aligments` once each: a slip in both forms. A term in both forms with no
    such word on the page is meant (`ingestor` is no `investor`)."""
    page = ("The alignment matters. Both alignments are kept.\n\nIt changes its aligment.\n\n"
            "The aligments are the same.\n")
    assert unknown(page) == ["aligment", "aligments"]
    assert unknown("It changes its aligment.\n\nThe aligments are the same.\n") == []


def test_a_table_cell_that_runs_the_pages_subject_with_a_flag_is_a_command(tmp_path):
    """subfinder's README (hundred-and-sixtieth sample): `| subfinder -exclude-sources archiveis |`
    in its table of options. Another command's cell is read, and so is a prose cell."""
    rows = ("| Flag | Description | Example |\n| --- | --- | --- |\n"
            "| -es | List of sources to exclude | subfinder -exclude-sources archiveis |\n")
    assert [w for w in (re.match(r"`([^`]+)`", f.message).group(1)
                        for f in spell(rows, path="subfinder/README.md")) if w] == []
    assert [f.rule for f in spell(rows, path="docs/page.md")] == ["spell-unknown-word"]
    assert [f.rule for f in spell(rows.replace("List of", "Lst of"), path="subfinder/README.md")] == [
        "spell-unknown-word"]


def test_a_capitalised_word_and_a_run_on_is_a_name():
    """amaranth's README (hundred-and-sixty-second sample) lists FPGA vendors: `* Altera
    (toolchains: Quartus);`, no `Alter a`. A lowercase word run on to the article is a slip."""
    assert unknown("* AMD (toolchains: ISE);\n* Altera (toolchains: none);\n") == []
    assert unknown("Then adda line.\n") == ["adda"]


def test_a_prefix_before_a_term_the_page_writes():
    """SuperCollider's developers' guide (hundred-and-fifty-ninth sample) names its `schelp`
    help files in several places and writes `non-schelp documentation`. A term written once is
    no evidence."""
    page = "Convert it into schelp format.\n\nEdit the schelp file.\n\nOnly non-schelp documentation.\n"
    assert unknown(page) == []
    assert unknown("Only non-schelp documentation.\n") == ["non-schelp"]


def test_geo_is_a_prefix():
    """Yosys' performance notes (hundred-and-sixty-second sample): `a 1.85x geomean speedup`. A
    slip after the prefix is still told (`geolocaton`)."""
    assert unknown("It gave a 1.85x geomean speedup.\n") == []
    assert unknown("The geolocaton is off.\n") == ["geolocaton"]


def test_a_long_word_capitalised_as_its_sentence_opens_with_a_vowel_changed():
    """Bluefin's docs (hundred-and-sixty-fifth sample): `- Seperate lts-hwe image`, a list
    item opening with `separate` misspelt. Inside a sentence a capitalised word is a name's
    (`We use Seperate here`), and a short one opening a sentence may be (`Mongo is a database`)."""
    assert unknown("- Seperate `lts-hwe` image with a newer kernel\n") == ["Seperate"]
    assert unknown("We use Seperate here.\n") == []
    assert unknown("Mongo is a database.\n") == []


def test_a_short_part_of_a_compound_with_a_key_struck_beside_the_right_one():
    """mlr3book's notes for agents (hundred-and-sixty-seventh sample): `For OOP-stype use R6`,
    `style` with `p` struck for the `l` beside it. A short part respelt with a far letter stays a
    name's (`OOP-stble`: no key beside `b` is `y`)."""
    assert unknown("* For OOP-stype use R6.\n") == ["OOP-stype"]
    assert unknown("* For OOP-stble use R6.\n") == []


def test_a_word_in_two_columns_of_a_plain_text_table_is_no_repeat():
    """Nim's style guide (hundred-and-sixty-sixth sample) writes a reStructuredText simple table
    in Markdown: `find                    find           should return...`. One blank or two
    between the words is a slip still."""
    table = ("===========   ==========   ==========\nEnglish word  To use       Notes\n"
             "===========   ==========   ==========\nfind          find         returns a position\n")
    assert [f.rule for f in spell(table)] == []
    assert [f.rule for f in spell("Call find  find to look.\n")] == ["spell-repeated-word"]


def test_a_letter_and_its_index_are_a_subscript_not_code():
    """HarfBuzz's notes on avar2 (hundred-and-sixty-fourth sample): `coordinates (d_1, d_2, ...,
    d_n)`, `Triple(a_i, d_i, b_i)`. A name of more letters is code (`team_2`, `flip_h`)."""
    assert unknown("Evaluate at the coordinates (d_1, d_2, ..., d_n) and Triple(a_i, d_i, b_i).\n",
                   rule="spell-code-in-prose") == []
    assert unknown("Set team_2 and flip_h.\n", rule="spell-code-in-prose") == ["team_2", "flip_h"]


def test_a_short_word_cut_off_before_a_number_is_an_abbreviation():
    """Nerd Fonts' notes on a font (hundred-and-sixty-fourth sample): `*** status (ver. 10)`; so
    `vol. 2`, `fig. 3`. A slip before any other word is told."""
    assert unknown("The status (ver. 10) is out; see fig. 3.\n") == []
    assert unknown("The status (ver is 10) is out.\n") == ["ver"]


def test_a_capitalised_function_word_before_a_rare_word_is_a_name():
    """A table of MIPS platforms in Odin's docs (hundred-and-sixty-sixth sample): `**Atheros /
    Qualcomm**`, no `At heros`. Run on to a common word it is a slip (`Theleft`)."""
    assert unknown("| **Atheros / Qualcomm** (router SoC) | MIPS32 R2 |\n") == []
    assert unknown("Theleft side is here.\n") == ["Theleft"]


def test_a_daemon_named_after_a_word_whose_past_tense_is_seldom_written():
    """JACK's README (hundred-and-fifty-ninth sample): `similar to normal jackd`; Wesnoth's Xcode
    notes (hundred-and-sixty-third): `**campaignd**`, the add-ons server. `jacked` and `campaigned`
    are rare; the `e` of a past tense writers use all the time left out is a slip (`checkd`)."""
    assert unknown("It behaves similar to normal jackd.\n") == []
    assert unknown("* **campaignd**: builds the add-ons server.\n") == []
    assert unknown("I checkd the box.\n") == ["checkd"]


def test_a_bold_lead_term_before_a_dash_among_items_that_open_so():
    """asmjit's README in MAME's sources (hundred-and-fifty-eighth sample) lists its folders as
    `* **ujit**  - Universal JIT API` among `**core**`, `**arm**`, `**x86**`. Alone, the term is
    read (a list of one such item names nothing)."""
    tree = ("* **src** - Source code\n  * **core** - Core API\n  * **arm** - ARM specific API\n"
            "  * **ujit** - Universal JIT API\n* **tools** - Tools\n")
    assert unknown(tree) == []
    assert unknown("* **ujit** - Universal JIT API\n") == ["ujit"]


def test_a_plural_run_into_a_word_is_no_slip_when_the_word_is_a_closed_compound_too():
    """archinstall's notes (hundred-and-sixty-fifth sample): `a minimal quickshell`, which the
    suggestion index splits `quicks hell` though it is `quick shell`. A word with no such other
    split is still a plural run on (`permissionsash`)."""
    assert unknown("Hyprland with a minimal quickshell configuration.\n") == []
    assert unknown("The permissionsash is set.\n") == ["permissionsash"]


def test_a_daemon_is_no_slip_of_a_word_with_a_far_letter_put_in():
    """archinstall's notes (hundred-and-sixty-fifth sample): `Greeter - _greetd_`, the greeter
    daemon, which is `greed` only with a stray `t` that no key beside `e` or `d` strikes. A slip
    with a letter from a key beside it is still one (`comand` stays `command`)."""
    assert unknown("- Greeter - _greetd_\n") == []
    assert unknown("Run the comand now.\n") == ["comand"]
