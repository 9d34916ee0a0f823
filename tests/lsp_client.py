"""A real LSP client (pygls') driving `docs-check lsp` in a subprocess over stdio.

Used by tests/test_lsp*.py and bench/bench_lsp.py. It records every publishDiagnostics
with its version, every showMessage, and drains the server's standard error (a full pipe
would stall the server).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

BIN = Path(sys.executable).parent
SERVER = [str(BIN / "docs-check"), "lsp"]


def uri_of(path: Path) -> str:
    return from_fs_path(str(path)) or path.as_uri()


def capabilities(*, encodings: list[str] | None = None, watch: bool = False) -> lsp.ClientCapabilities:
    return lsp.ClientCapabilities(
        general=lsp.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        workspace=lsp.WorkspaceClientCapabilities(
            workspace_edit=lsp.WorkspaceEditClientCapabilities(document_changes=True),
            did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(dynamic_registration=watch),
        ),
        text_document=lsp.TextDocumentClientCapabilities(
            publish_diagnostics=lsp.PublishDiagnosticsClientCapabilities(version_support=True),
            code_action=lsp.CodeActionClientCapabilities(
                resolve_support=lsp.ClientCodeActionResolveOptions(properties=["edit"]),
                data_support=True,
                code_action_literal_support=lsp.ClientCodeActionLiteralOptions(
                    code_action_kind=lsp.ClientCodeActionKindOptions(value_set=["quickfix", "source.fixAll"])
                )
            ),
            hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown]),
        ),
    )


class Session:
    """`async with Session(workspace) as s:` a server initialised on that workspace folder."""

    def __init__(self, root: Path, *, options: dict[str, Any] | None = None, env: dict[str, str] | None = None,
                 caps: lsp.ClientCapabilities | None = None, server: list[str] | None = None) -> None:
        self.root = root
        self.options = options
        self.env = env
        self.caps = caps or capabilities()
        self.server = server or SERVER
        self.published: list[lsp.PublishDiagnosticsParams] = []
        self.received: list[float] = []  # perf_counter() at each publishDiagnostics
        self.messages: list[lsp.ShowMessageParams] = []
        self.registrations: list[lsp.Registration] = []
        self.stderr = bytearray()
        self.arrived = asyncio.Event()
        self.client = LanguageClient("docs-check-tests", "1")
        self.versions: dict[str, int] = {}
        self.result: lsp.InitializeResult | None = None
        self._drain: asyncio.Task[None] | None = None

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: lsp.PublishDiagnosticsParams) -> None:
            self.published.append(params)
            self.received.append(time.perf_counter())
            self.arrived.set()

        @self.client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def _message(params: lsp.ShowMessageParams) -> None:
            self.messages.append(params)
            self.arrived.set()

        @self.client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
        def _register(params: lsp.RegistrationParams) -> None:
            self.registrations.extend(params.registrations)

    async def __aenter__(self) -> Session:
        env = dict(os.environ if self.env is None else self.env)
        await self.client.start_io(*self.server, env=env, cwd=str(self.root))
        proc = self.client._server  # pygls keeps the process here; its stderr must be read
        assert proc is not None and proc.stderr is not None
        self._drain = asyncio.create_task(self._read_stderr(proc.stderr))
        self.result = await asyncio.wait_for(self.client.initialize_async(lsp.InitializeParams(
            capabilities=self.caps,
            root_uri=uri_of(self.root),
            workspace_folders=[lsp.WorkspaceFolder(uri=uri_of(self.root), name=self.root.name)],
            initialization_options=self.options,
        )), 60)
        self.client.initialized(lsp.InitializedParams())
        return self

    async def __aexit__(self, *exc: object) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), 20)
            self.client.exit(None)
            proc = self.client._server
            if proc is not None:
                await asyncio.wait_for(proc.wait(), 20)
        finally:
            await self.client.stop()
            if self._drain is not None:
                self._drain.cancel()

    async def _read_stderr(self, stream: asyncio.StreamReader) -> None:
        while chunk := await stream.read(65536):
            self.stderr += chunk

    @property
    def alive(self) -> bool:
        proc = self.client._server
        return proc is not None and proc.returncode is None

    # -- documents ---------------------------------------------------------------------------

    def open(self, path: Path | str, text: str, language: str = "markdown") -> str:
        uri = path if isinstance(path, str) else uri_of(path)
        self.versions[uri] = 1
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, start: tuple[int, int], end: tuple[int, int], new: str) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[lsp.TextDocumentContentChangePartial(
                range=lsp.Range(start=lsp.Position(line=start[0], character=start[1]),
                                end=lsp.Position(line=end[0], character=end[1])),
                text=new)]))
        return self.versions[uri]

    def replace_all(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))
        return self.versions[uri]

    def save(self, uri: str) -> None:
        self.client.text_document_did_save(lsp.DidSaveTextDocumentParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri)))

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(lsp.DidCloseTextDocumentParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri)))

    # -- waiting -------------------------------------------------------------------------------

    async def until(self, done: Callable[[], Any], timeout: float = 60) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = done()
            if value:
                return value
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"gave up after {timeout} s; server stderr:\n{self.stderr.decode(errors='replace')[-3000:]}")
            self.arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), left)

    async def diagnostics(self, uri: str, version: int | None = None, timeout: float = 60) -> list[lsp.Diagnostic]:
        """The diagnostics published for this version of the document (default: the latest sent)."""
        want = self.versions.get(uri) if version is None else version

        def found() -> list[lsp.Diagnostic] | None:
            for p in reversed(self.published):
                if p.uri == uri and (want is None or p.version == want):
                    return list(p.diagnostics) or [None]  # type: ignore[list-item]
            return None

        got = await self.until(found, timeout)
        return [d for d in got if d is not None]

    def latest(self, uri: str) -> lsp.PublishDiagnosticsParams | None:
        return next((p for p in reversed(self.published) if p.uri == uri), None)

    # -- requests --------------------------------------------------------------------------------

    async def hover(self, uri: str, line: int, character: int) -> lsp.Hover | None:
        return await asyncio.wait_for(self.client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=character))), 30)

    async def actions(self, uri: str, line: int, character: int, end: tuple[int, int] | None = None,
                      only: list[str] | None = None) -> list[lsp.CodeAction]:
        rng = lsp.Range(start=lsp.Position(line=line, character=character),
                        end=lsp.Position(line=end[0], character=end[1]) if end else lsp.Position(line=line, character=character))
        got = await asyncio.wait_for(self.client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=rng,
            context=lsp.CodeActionContext(diagnostics=[], only=only))), 60)
        return list(got or [])

    async def resolve(self, action: lsp.CodeAction) -> lsp.CodeAction:
        return await asyncio.wait_for(self.client.code_action_resolve_async(action), 60)


# -- applying edits as an editor does (independently of the server's own position code) ----------


def _offset(text: str, pos: lsp.Position, encoding: str = "utf-16") -> int:
    lines = re.split(r"(?<=\r\n)|(?<=\r)(?!\n)|(?<=\n)", text)
    offset = sum(len(x) for x in lines[: pos.line])
    line = re.sub(r"(\r\n|\r|\n)$", "", lines[pos.line]) if pos.line < len(lines) else ""
    codec = {"utf-16": "utf-16-le", "utf-8": "utf-8", "utf-32": "utf-32-le"}[encoding]
    size = {"utf-16": 2, "utf-8": 1, "utf-32": 4}[encoding]
    units = 0
    for i, ch in enumerate(line):
        if units >= pos.character:
            return offset + i
        units += len(ch.encode(codec, "surrogatepass")) // size
    return offset + len(line)


def apply(text: str, edits: list[lsp.TextEdit], encoding: str = "utf-16") -> str:
    spans = sorted(((_offset(text, e.range.start, encoding), _offset(text, e.range.end, encoding), e.new_text)
                    for e in edits), reverse=True)
    for a, b, new in spans:
        text = text[:a] + new + text[b:]
    return text


def edits_of(action: lsp.CodeAction) -> list[lsp.TextEdit]:
    assert action.edit is not None
    if action.edit.document_changes:
        return [e for change in action.edit.document_changes for e in change.edits]  # type: ignore[union-attr]
    return [e for edits in (action.edit.changes or {}).values() for e in edits]


def run(coro: Any) -> Any:
    """Run a scenario to its end in a thread of its own: the browser tests' Playwright keeps an
    event loop running in the main thread for the whole session, and asyncio.run refuses to
    start beside it."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()
