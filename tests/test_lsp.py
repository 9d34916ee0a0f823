"""`docs-check lsp` driven over stdio by a real LSP client (pygls'), in a subprocess.

Every expectation about findings is taken from the real `docs-check` command run on the same
text in the same workspace: the server must say what the CLI says, where it says it, and
its fixes must write what `docs-check --fix` writes, byte for byte.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import BIN
from lsp_client import Session, apply, capabilities, edits_of, run, uri_of
from lsprotocol import types as lsp

pytestmark = pytest.mark.timeout(300)

PAGE = """\
# Coder Tasks

> [!Note]
> Tasks is in beta.

Find your agent in the Coder registry and add the the module.

```tf
resource "coder_agent"   "main" {
  os = "linux"
}
```

- Step one
  > [!tip]
  > Inside a list. Emoji 😀 and and more.
"""

PYPROJECT = '[tool.docs-check]\nfail-on = "warning"\n'


def workspace(tmp_path: Path, pyproject: str = PYPROJECT, pages: dict[str, str] | None = None) -> Path:
    root = tmp_path / "ws"
    (root / "docs").mkdir(parents=True)
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    for name, text in (pages or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogateescape"))
    return root


def cli_json(root: Path, rel: str) -> list[dict]:
    proc = subprocess.run([str(BIN / "docs-check"), "--format", "json", rel], cwd=root,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def cli_fixed(root: Path, rel: str, text: str) -> str:
    """What `docs-check --fix` writes for this text, in a copy of the file."""
    copy = root / Path(rel).with_name("cli-fix-" + Path(rel).name)
    copy.write_bytes(text.encode("utf-8", "surrogateescape"))
    try:
        proc = subprocess.run([str(BIN / "docs-check"), "--fix", "-q", str(copy.relative_to(root))], cwd=root,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode in (0, 1), proc.stderr
        return copy.read_bytes().decode("utf-8", "surrogateescape")
    finally:
        copy.unlink()


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def expected_start(text: str, line: int, column: int) -> tuple[int, int]:
    """A finding's 1-based line and code-point column as an LSP position in UTF-16 units."""
    lines = text.splitlines()
    return line - 1, utf16(lines[line - 1][: column - 1])




def codes(diags: list[lsp.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diags)


# -- diagnostics --------------------------------------------------------------------------------


def test_diagnostics_on_open_are_the_clis_findings_at_their_ranges(tmp_path: Path) -> None:
    root = workspace(tmp_path, pages={"docs/page.md": PAGE})
    cli = cli_json(root, "docs/page.md")
    assert {"alert-case", "spell-repeated-word", "tf-fmt"} <= {f["rule"] for f in cli}

    async def scenario() -> None:
        async with Session(root) as s:
            caps = s.result.capabilities
            assert caps.text_document_sync.change == lsp.TextDocumentSyncKind.Incremental
            assert caps.hover_provider and caps.code_action_provider
            uri = s.open(root / "docs/page.md", PAGE)
            diags = await s.diagnostics(uri)
            got = sorted(((d.range.start.line, d.range.start.character), d.code, d.severity) for d in diags)
            severity = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
                        "info": lsp.DiagnosticSeverity.Information}
            want = sorted((expected_start(PAGE, f["line"], f["column"]), f["rule"], severity[f["severity"]]) for f in cli)
            assert got == want
            for d in diags:
                assert d.source == "docs-check"
                assert d.code_description.href.startswith("https://github.com/")
                assert d.message in {f["message"] for f in cli}
            by_code = {(d.code, d.range.start.line): d for d in diags}
            # `> [!Note]` on line 3: the marker line, columns 1..9
            alert = by_code[("alert-case", 2)].range
            assert (alert.start.character, alert.end.line, alert.end.character) == (0, 2, 9)
            # `and and` after an emoji: the emoji is one code point but two UTF-16 units
            line = PAGE.splitlines()[15]
            rep = by_code[("spell-repeated-word", 15)].range
            start = line.index("and and")
            assert (rep.start.character, rep.end.character) == (utf16(line[:start]), utf16(line[:start + 7]))
            assert rep.start.character == start + 1
            # tf-fmt spans the block's lines
            fmt = by_code[("tf-fmt", 8)].range
            assert fmt.end.line == 11

    run(scenario())


def test_utf8_position_encoding_when_the_client_prefers_it(tmp_path: Path) -> None:
    root = workspace(tmp_path, pages={"docs/page.md": PAGE})

    async def scenario() -> None:
        async with Session(root, caps=capabilities(encodings=["utf-8", "utf-16"])) as s:
            assert s.result.capabilities.position_encoding == "utf-8"
            uri = s.open(root / "docs/page.md", PAGE)
            diags = await s.diagnostics(uri)
            rep = next(d for d in diags if d.code == "spell-repeated-word" and d.range.start.line == 15).range
            line = PAGE.splitlines()[15]
            start = line.index("and and")
            assert rep.start.character == len(line[:start].encode("utf-8")) == start + 3

    run(scenario())


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_edits_in_a_page_with_odd_line_breaks_track_the_cli(tmp_path: Path, encoding: str) -> None:
    """CRLF and CR line endings, U+2028 (not a line break in LSP), astral characters: after
    incremental edits, the diagnostics are the CLI's findings on the resulting text."""
    text = "# T\r\n\r\nA line\u2028with the the break 😀 and and.\r\r> [!Note]\r\n> x 😀😀 teh teh\n"
    root = workspace(tmp_path, pages={"docs/page.md": text})
    codec, size = {"utf-16": ("utf-16-le", 2), "utf-8": ("utf-8", 1)}[encoding]

    def units(s: str) -> int:
        return len(s.encode(codec)) // size

    async def scenario() -> str:
        async with Session(root, caps=capabilities(encodings=[encoding])) as s:
            uri = s.open(root / "docs/page.md", text)
            await s.diagnostics(uri)
            current = text
            lines = re.split(r"\r\n|\r|\n", current)
            # delete the second "the " on line 3 (after the U+2028), then type "so so " at the end of line 5
            col = lines[2].index("the the") + 4
            s.change(uri, (2, units(lines[2][:col])), (2, units(lines[2][: col + 4])), "")
            current = current.replace("the the", "the", 1)
            end = units(re.split(r"\r\n|\r|\n", current)[5])
            v = s.change(uri, (5, end), (5, end), " so so")
            current = current.replace("teh teh\n", "teh teh so so\n")
            diags = await s.diagnostics(uri, v)
            (root / "docs/page.md").write_bytes(current.encode())
            cli = cli_json(root, "docs/page.md")
            lines = re.split(r"\r\n|\r|\n", current)
            want = sorted(((f["line"] - 1, units(lines[f["line"] - 1][: f["column"] - 1])), f["rule"]) for f in cli)
            got = sorted(((d.range.start.line, d.range.start.character), d.code) for d in diags)
            assert got == want
            assert ("spell-repeated-word", 5) in {(d.code, d.range.start.line) for d in diags}
            return current

    run(scenario())


def test_change_updates_diagnostics(tmp_path: Path) -> None:
    root = workspace(tmp_path, pages={"docs/page.md": PAGE})

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/page.md", PAGE)
            first = await s.diagnostics(uri)
            assert ("spell-repeated-word", 5) in {(d.code, d.range.start.line) for d in first}
            # delete the second "the " on line 6 (index 5): the repeated word goes away
            col = PAGE.splitlines()[5].index("the the") + 4
            v = s.change(uri, (5, col), (5, col + 4), "")
            after = await s.diagnostics(uri, v)
            assert ("spell-repeated-word", 5) not in {(d.code, d.range.start.line) for d in after}
            assert len(after) == len(first) - 1
            # insert a new line with a defect above everything: later findings move down a line
            v = s.change(uri, (1, 0), (1, 0), "Add a a module.\n")
            moved = await s.diagnostics(uri, v)
            assert ("spell-repeated-word", 1) in {(d.code, d.range.start.line) for d in moved}
            assert {d.range.start.line for d in moved if d.code == "alert-case"} == {3, 15}
            # several quick edits in a row: only the last text's findings are what stays
            for word in ("a", "b", "c"):
                v = s.change(uri, (0, 0), (0, 0), word)
            final = await s.diagnostics(uri, v)
            assert codes(final) == codes(moved)

    run(scenario())


# -- code actions --------------------------------------------------------------------------------


SINGLE_FIXES = {
    "alert-case": "# T\n\n> [!Warning]\n> Careful.\n",
    "spell-repeated-word": "# T\n\nAdd the the module.\n",
    "tf-fmt": '# T\n\n```tf\nresource "coder_agent"   "main" {\n  os   = "linux"\n}\n```\n',
    "tf-lang": '# T\n\n```tf\nlocals {}\n```\n\n```hcl\nresource "coder_agent" "main" {\n  os = "linux"\n}\n```\n',
    "alert-spacing": "# T\n\n>[!NOTE]\n> Spaced.\n",
}


@pytest.mark.parametrize("rule", sorted(SINGLE_FIXES))
def test_quick_fix_is_the_edit_docs_check_fix_makes(tmp_path: Path, rule: str) -> None:
    text = SINGLE_FIXES[rule]
    root = workspace(tmp_path, pages={"docs/page.md": text})
    want = cli_fixed(root, "docs/page.md", text)
    assert want != text

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/page.md", text)
            diags = [d for d in await s.diagnostics(uri) if d.code == rule]
            assert len(diags) == 1, diags
            d = diags[0]
            acts = await s.actions(uri, d.range.start.line, d.range.start.character)
            fixes = [a for a in acts if a.kind == lsp.CodeActionKind.QuickFix and a.is_preferred]
            assert len(fixes) == 1 and fixes[0].title.startswith(rule)
            assert apply(text, edits_of(fixes[0])) == want

    run(scenario())


FIX_ALL_PAGE = PAGE + "\n> **Note:** old callout.\n\n```hcl\nresource  \"coder_app\" \"x\" {\n}\n```\n"


@pytest.mark.parametrize("variant", ["lf", "crlf-bom"])
def test_fix_all_is_exactly_docs_check_fix(tmp_path: Path, variant: str) -> None:
    text = FIX_ALL_PAGE if variant == "lf" else "\ufeff" + FIX_ALL_PAGE.replace("\n", "\r\n")
    root = workspace(tmp_path, pages={"docs/page.md": text})
    want = cli_fixed(root, "docs/page.md", text)
    assert want != text

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/page.md", text)
            await s.diagnostics(uri)
            acts = await s.actions(uri, 0, 0, only=["source.fixAll"])
            assert [a.kind for a in acts] == ["source.fixAll.docs-check"]
            fixed = apply(text, edits_of(acts[0]))
            assert fixed == want
            # from the light bulb's list: offered without its edit, resolved when chosen
            listed = [a for a in await s.actions(uri, 2, 3) if a.kind == "source.fixAll.docs-check"]
            assert len(listed) == 1 and listed[0].edit is None
            resolved = await s.resolve(listed[0])
            assert apply(text, edits_of(resolved)) == want
            # the fixed text, sent back, leaves what --fix leaves, and nothing more to fix
            v = s.replace_all(uri, fixed)
            left = await s.diagnostics(uri, v)
            (root / "docs/page.md").write_bytes(fixed.encode("utf-8"))
            assert codes(left) == sorted(f["rule"] for f in cli_json(root, "docs/page.md"))
            assert await s.actions(uri, 0, 0, only=["source.fixAll"]) == []

    run(scenario())


DISABLE_CASES = {
    # rule, line (1-based) of the finding, page
    "paragraph": ("spell-repeated-word", 3, "# T\n\nAdd the the module.\n"),
    "list-item-alert": ("alert-case", 4, "# T\n\n- Step\n  > [!Tip]\n  > Body.\n"),
    "code-block": ("tf-fmt", 4, '# T\n\n```tf\nresource "coder_agent"   "main" {\n}\n```\n'),
    "continuation": ("spell-repeated-word", 4, "# T\n\nFirst line\nand a second second line.\n"),
    "quote-in-list": ("alert-case", 4, "# T\n\n1. Step\n   > [!Note]\n   > Body.\n"),
    "merge": ("spell-repeated-word", 4,
              "# T\n\n<!-- docs-check: disable-next-line spell-unknown-word -->\nAdd teh the the module.\n"),
}


@pytest.mark.parametrize("case", sorted(DISABLE_CASES))
def test_disable_rule_action_writes_a_comment_the_cli_honours(tmp_path: Path, case: str) -> None:
    rule, line, text = DISABLE_CASES[case]
    root = workspace(tmp_path, pages={"docs/page.md": text})
    before = cli_json(root, "docs/page.md")
    assert any(f["rule"] == rule and f["line"] == line for f in before)

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/page.md", text)
            diags = await s.diagnostics(uri)
            d = next(d for d in diags if d.code == rule and d.range.start.line == line - 1)
            acts = await s.actions(uri, d.range.start.line, d.range.start.character)
            disable = [a for a in acts if a.title.startswith(f"Disable {rule}")]
            assert len(disable) == 1
            new = apply(text, edits_of(disable[0]))
            assert "docs-check: disable" in new and rule in new
            v = s.replace_all(uri, new)
            after = await s.diagnostics(uri, v)
            assert rule not in codes(after)
            (root / "docs/page.md").write_text(new, encoding="utf-8")
            rest = cli_json(root, "docs/page.md")
            assert sorted(f["rule"] for f in rest) == sorted(f["rule"] for f in before if f["rule"] != rule)
            return new

    new = run(scenario())
    if case == "list-item-alert":
        assert new == "# T\n\n- Step\n  <!-- docs-check: disable-next-line alert-case -->\n  > [!Tip]\n  > Body.\n"
    if case == "code-block":
        assert new.startswith("# T\n\n<!-- docs-check: disable-next-line tf-fmt -->\n```tf\n")
    if case == "merge":
        assert "<!-- docs-check: disable-next-line spell-unknown-word spell-repeated-word -->\nAdd teh" in new
    if case == "continuation":
        assert new.endswith("and a second second line. <!-- docs-check: disable-line spell-repeated-word -->\n")


def test_excluded_pages_get_no_diagnostics(tmp_path: Path) -> None:
    root = workspace(tmp_path, pyproject=PYPROJECT + 'exclude = ["drafts/**"]\n',
                     pages={"docs/drafts/x.md": PAGE, "docs/page.md": PAGE})
    proc = subprocess.run([str(BIN / "docs-check"), "docs"], cwd=root, capture_output=True, text=True)
    assert "drafts" not in proc.stdout and "docs/page.md" in proc.stdout

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/drafts/x.md", PAGE)
            assert await s.diagnostics(uri) == []
            assert await s.diagnostics(s.open(root / "docs/page.md", PAGE))

    run(scenario())


def test_suppressions_and_configuration_apply(tmp_path: Path) -> None:
    page = "# T\n\n<!-- docs-check: disable-next-line spell-repeated-word -->\nAdd the the module.\n\n> [!Note]\n> x\n\nUse teh tool.\n"
    pyproject = PYPROJECT + '\n[tool.docs-check.rules]\nalert-case = "error"\nspell-unknown-word = "off"\n'
    root = workspace(tmp_path, pyproject=pyproject, pages={"docs/page.md": page})
    cli = cli_json(root, "docs/page.md")

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/page.md", page)
            diags = await s.diagnostics(uri)
            assert codes(diags) == sorted(f["rule"] for f in cli) == ["alert-case"]
            assert diags[0].severity == lsp.DiagnosticSeverity.Error

    run(scenario())


def test_hover_explains_the_rule(tmp_path: Path) -> None:
    root = workspace(tmp_path, pages={"docs/page.md": PAGE})
    rules = subprocess.run([str(BIN / "docs-check"), "rules", "alert-case"], capture_output=True, text=True).stdout

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/page.md", PAGE)
            await s.diagnostics(uri)
            h = await s.hover(uri, 2, 5)
            assert h is not None and h.contents.kind == lsp.MarkupKind.Markdown
            summary = rules.split("  ")[-1].strip()
            assert "alert-case" in h.contents.value and summary in h.contents.value
            assert "disable-next-line alert-case" in h.contents.value
            assert "write `> [!NOTE]`" in h.contents.value  # the finding's own advice
            assert await s.hover(uri, 0, 1) is None  # no finding on the heading

    run(scenario())


# -- the whole tree: refreshed on save --------------------------------------------------------


def test_links_to_unlisted_pages_refresh_on_save(tmp_path: Path) -> None:
    manifest = {"versions": ["main"], "routes": [{"title": "Home", "path": "./index.md"}]}
    page = "# Home\n\nSee [the other page](other.md).\n"
    root = workspace(tmp_path, pages={"docs/index.md": page, "docs/other.md": "# Other\n",
                                      "docs/manifest.json": json.dumps(manifest)})
    assert [f["rule"] for f in cli_json(root, "docs/index.md")] == ["link-unlisted-page"]

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/index.md", page)
            assert codes(await s.diagnostics(uri)) == ["link-unlisted-page"]
            manifest["routes"].append({"title": "Other", "path": "./other.md"})
            (root / "docs/manifest.json").write_text(json.dumps(manifest))
            n = len(s.published)
            s.save(uri)
            await s.until(lambda: any(p.uri == uri for p in s.published[n:]))
            assert codes(await s.diagnostics(uri)) == []

    run(scenario())


# -- configuration errors ---------------------------------------------------------------------


def test_broken_configuration_is_reported_then_recovered(tmp_path: Path) -> None:
    bad = '[tool.docs-check]\nfail-on = "warning"\nselct = ["alert-"]\n'
    root = workspace(tmp_path, pyproject=bad, pages={"docs/page.md": PAGE})
    proc = subprocess.run([str(BIN / "docs-check"), "docs/page.md"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 2 and "selct" in proc.stderr

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/page.md", PAGE)
            assert await s.diagnostics(uri) == []
            cfg_uri = uri_of(root / "pyproject.toml")
            cfg = await s.diagnostics(cfg_uri, version=None)
            assert len(cfg) == 1 and cfg[0].code == "config-error" and "selct" in cfg[0].message
            assert cfg[0].range.start.line == 2  # the line of the unknown key
            assert any(m.type == lsp.MessageType.Error and "selct" in m.message for m in s.messages)
            # the writer fixes the file; the next save re-reads it
            (root / "pyproject.toml").write_text(PYPROJECT)
            s.save(uri)
            await s.until(lambda: (p := s.latest(uri)) is not None and p.diagnostics)
            assert "alert-case" in codes(s.latest(uri).diagnostics)
            assert list(s.latest(cfg_uri).diagnostics) == []

    run(scenario())


def test_watched_configuration_files_recheck_open_pages(tmp_path: Path) -> None:
    """With a client that watches files for the server, fixing pyproject.toml in another
    program re-checks the open pages without a save."""
    bad = '[tool.docs-check]\nfail-on = "sometimes"\n'
    root = workspace(tmp_path, pyproject=bad, pages={"docs/page.md": PAGE})

    async def scenario() -> None:
        async with Session(root, caps=capabilities(watch=True)) as s:
            uri = s.open(root / "docs/page.md", PAGE)
            assert await s.diagnostics(uri) == []
            await s.until(lambda: s.registrations)
            globs = [w["globPattern"] for w in s.registrations[0].register_options["watchers"]]
            assert "**/pyproject.toml" in globs and "**/manifest.json" in globs
            (root / "pyproject.toml").write_text(PYPROJECT)
            s.client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes=[
                lsp.FileEvent(uri=uri_of(root / "pyproject.toml"), type=lsp.FileChangeType.Changed)]))
            await s.until(lambda: (p := s.latest(uri)) is not None and p.diagnostics)
            assert "alert-case" in codes(s.latest(uri).diagnostics)

    run(scenario())


@pytest.mark.parametrize("kind", ["toml-syntax", "mkdocs-extra"])
def test_configuration_errors_point_at_their_file_and_line(tmp_path: Path, kind: str) -> None:
    root = workspace(tmp_path, pages={"docs/page.md": PAGE})
    if kind == "toml-syntax":
        (root / "pyproject.toml").write_text('[tool.docs-check]\nfail-on = "warning\n')
        target, line = root / "pyproject.toml", 1
    else:
        (root / "mkdocs.yml").write_text("site_name: x\nextra:\n  docs_check:\n    provider_verson: '2.0'\n")
        target, line = root / "mkdocs.yml", 3

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/page.md", PAGE)
            assert await s.diagnostics(uri) == []
            cfg = await s.diagnostics(uri_of(target), version=None)
            assert cfg[0].code == "config-error" and cfg[0].range.start.line == line
            assert s.messages and s.alive

    run(scenario())


# -- the README's contract ---------------------------------------------------------------------


def test_diagnostics_link_to_readme_sections_that_exist() -> None:
    """codeDescription points at the README section of the rule's family (GitHub's anchor of
    a `###` heading under `## Rules`); every family has one, and it names the family."""
    from docs_check.coderdocs.slugs import github_slug
    from docs_check.lsp.diagnostics import DOCS_URL, rule_url
    from docs_check.rules import FAMILIES
    from docs_check.ruleset import all_rules

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    rules_part = readme.split("\n## Rules\n", 1)[1].split("\n## ", 1)[0]
    sections = {github_slug(h.split("\n", 1)[0]): h for h in rules_part.split("\n### ")[1:]}
    for family in FAMILIES:
        ids = [rid for rid in all_rules() if rid.startswith(family + "-")]
        url = rule_url(ids[0])
        assert url.startswith(DOCS_URL + "#")
        anchor = url.split("#", 1)[1]
        assert anchor in sections, f"no `### ` heading with anchor #{anchor} under ## Rules"
        assert f"`{family}-" in sections[anchor] and f"docs-check rules {family}-" in sections[anchor]
        assert {rule_url(rid) for rid in ids} == {url}


def test_docs_check_lsp_help() -> None:
    proc = subprocess.run([str(BIN / "docs-check"), "lsp", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "Language Server" in proc.stdout

