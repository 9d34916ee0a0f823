"""`docs-check lsp` under bad input: it answers or reports, never dies, never blocks.

Each test ends by proving the server still works: a fresh page opened afterwards gets its
diagnostics, and the process is alive.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lsp_client import Session, run, uri_of
from lsprotocol import types as lsp
from test_lsp import PAGE, codes, workspace

pytestmark = pytest.mark.timeout(300)

SMALL = "# T\n\nAdd the the module.\n"


async def still_works(s: Session, root: Path, name: str = "docs/after.md") -> None:
    uri = s.open(root / name, SMALL)
    assert codes(await s.diagnostics(uri)) == ["spell-repeated-word"]
    assert s.alive


def test_malformed_messages_are_survived(tmp_path: Path) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        async with Session(root) as s:
            stdin = s.client._server.stdin
            for body in (
                b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": "\xff\xfe"}}',
                b'{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": {"textDocument": 5}}',
                b"not json at all",
                b'{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": '
                b'{"uri": "file:///never/opened.md", "version": 2}, "contentChanges": [{"text": "x"}]}}',
            ):
                stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            await stdin.drain()
            await still_works(s, root)

    run(scenario())


def test_undecodable_text_is_checked(tmp_path: Path) -> None:
    """Editors send U+FFFD for bytes they could not decode; a client may even send lone
    surrogates (JSON allows the escape). Both are checked and reported like any text."""
    root = workspace(tmp_path)
    text = "# T\n\nBroken \ufffd bytes and and \udcff here.\n\n> [!Note]\n> x\n"

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/bytes.md", text)
            got = codes(await s.diagnostics(uri))
            assert "spell-repeated-word" in got and "alert-case" in got
            await still_works(s, root)

    run(scenario())


def test_a_5mb_line_neither_blocks_nor_floods_the_editor(tmp_path: Path) -> None:
    """5 MB of `teh cat and the dog `: 252,000 findings (English around each typo, function
    words included, so the page reads as English rather than another language). The check runs in the worker process
    with a 3 s budget here; meanwhile hovers and code actions on another page are answered.
    The page gets one diagnostic saying the check was stopped, and checking goes on."""
    root = workspace(tmp_path)
    big = "teh cat and the dog " * 252_000

    async def scenario() -> None:
        async with Session(root, options={"timeoutSeconds": 3}) as s:
            small = s.open(root / "docs/small.md", SMALL)
            await s.diagnostics(small)
            uri = s.open(root / "docs/big.md", big)
            hover = await s.hover(small, 2, 8)
            actions = await s.actions(small, 2, 8)
            assert hover is not None and actions
            assert s.latest(uri) is None  # answered while the big page was still being checked
            diags = await s.diagnostics(uri, timeout=120)
            assert [d.code for d in diags] == ["internal-error"]
            assert "longer than 3 s" in diags[0].message
            await still_works(s, root)

    run(scenario())


def test_many_findings_are_capped(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    # Repeated words (a typo spelt the same way on every line would be taken for a term).
    text = "# T\n\n" + "It is in the the big house and and garden.\n" * 1500

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(root / "docs/many.md", text)
            diags = await s.diagnostics(uri)
            assert len(diags) == 1001
            assert diags[-1].code == "too-many-findings" and "3000" in diags[-1].message

    run(scenario())


def test_a_file_outside_the_workspace_uses_its_own_folders_configuration(tmp_path: Path) -> None:
    root = workspace(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "pyproject.toml").write_text('[tool.docs-check.rules]\nalert-case = "error"\n')

    async def scenario() -> None:
        async with Session(root) as s:
            uri = s.open(elsewhere / "note.md", "# N\n\n> [!Note]\n> x\n")
            diags = await s.diagnostics(uri)
            assert [(d.code, d.severity) for d in diags] == [("alert-case", lsp.DiagnosticSeverity.Error)]
            await still_works(s, root)

    run(scenario())


def test_unknown_uri_schemes_and_closed_documents_get_empty_answers(tmp_path: Path) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        async with Session(root) as s:
            odd = [s.open("git:/ws/docs/page.md?ref=HEAD", PAGE), s.open("https://example.com/page.md", PAGE),
                   s.open("untitled:Untitled-1", PAGE, language="markdown")]
            for uri in odd[:2]:
                assert await s.hover(uri, 2, 3) is None
                assert await s.actions(uri, 2, 3) == []
            # an unsaved buffer is checked like a page (it has no file, so nothing tree-wide)
            assert "alert-case" in codes(await s.diagnostics(odd[2]))
            never = uri_of(root / "docs/never-opened.md")
            assert await s.hover(never, 0, 0) is None
            assert await s.actions(never, 0, 0) == []
            uri = s.open(root / "docs/page.md", PAGE)
            assert await s.diagnostics(uri)
            s.close(uri)
            await s.until(lambda: (p := s.latest(uri)) is not None and not p.diagnostics)
            assert await s.hover(uri, 2, 3) is None
            assert await s.actions(uri, 2, 3) == []
            assert not any(p.uri in odd[:2] for p in s.published)
            await still_works(s, root)

    run(scenario())


PLANTED = '''\
import os

if os.environ.get("DOCS_CHECK_TEST_PLANT"):
    from docs_check import checks
    from docs_check.engine import Check

    def _broken(doc, config):
        if "CRASH-THE-PROCESS" in doc.text:
            os._exit(3)  # as a crash in a C extension would end it
        raise RuntimeError("planted failure")

    checks.MARKDOWN_CHECKS[:] = [
        Check(c.name, c.rules, _broken) if c.name == "spelling" else c for c in checks.MARKDOWN_CHECKS
    ]
'''


def _planted_env(tmp_path: Path) -> dict[str, str]:
    """A sitecustomize that breaks the spelling check in every process the server starts."""
    site = tmp_path / "planted"
    site.mkdir()
    (site / "sitecustomize.py").write_text(PLANTED)
    env = {k: v for k, v in os.environ.items() if k != "DOCS_CHECK_RAISE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH", "")]))
    env["DOCS_CHECK_TEST_PLANT"] = "1"
    return env


def test_a_crashing_check_costs_only_its_own_diagnostics(tmp_path: Path) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        async with Session(root, env=_planted_env(tmp_path)) as s:
            uri = s.open(root / "docs/page.md", PAGE)
            diags = await s.diagnostics(uri)
            got = codes(diags)
            assert "alert-case" in got and "tf-fmt" in got
            assert not [c for c in got if c.startswith("spell-")]
            broken = [d for d in diags if d.code == "internal-error"]
            assert len(broken) == 1 and "spelling" in broken[0].message and "planted failure" in broken[0].message
            titles = [a.title for a in await s.actions(uri, 0, 0)]
            assert not [t for t in titles if "internal-error" in t]  # no comment silences it

    run(scenario())


def test_a_dying_check_process_is_replaced(tmp_path: Path) -> None:
    root = workspace(tmp_path)

    async def scenario() -> None:
        async with Session(root, env=_planted_env(tmp_path)) as s:
            uri = s.open(root / "docs/crash.md", "# T\n\nCRASH-THE-PROCESS\n")
            diags = await s.diagnostics(uri)
            assert [d.code for d in diags] == ["internal-error"] and "died" in diags[0].message
            after = s.open(root / "docs/after.md", PAGE)
            assert "alert-case" in codes(await s.diagnostics(after))
            assert s.alive

    run(scenario())

