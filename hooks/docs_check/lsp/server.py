"""The Language Server: editor events in, the engine's findings out as diagnostics and edits.

Only wiring lives here. What a finding is, what a fix does and what is checked come from
the engine (run in `worker.CheckWorker`); positions from `positions`; edits from `actions`.

Scheduling: each open document has at most one check running. A change marks the document
dirty and, after a short pause (`debounce`, 25 ms unless the client says otherwise), its
text is checked; changes that arrive meanwhile are checked together when that check ends.
A result is published only if the text it was computed from is still the document's text.
Opening and saving check at once; a save (and a change to a watched file: configuration,
word lists, `manifest.json`, pages created or deleted) re-checks every open document, so
findings that depend on other files (links to pages `manifest.json` does not list, links
out of the tree) are refreshed from the tree as saved.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol.language_server import LanguageServerProtocol, lsp_method
from pygls.uris import from_fs_path, to_fs_path

from ..check import INTERNAL_ERROR
from ..findings import Finding, Severity
from ..rules import RULES
from ..scanner import Document
from . import actions, diagnostics
from .positions import Text
from .project import ConfigProblem, Project, locate
from .worker import CheckWorker, ConfigFailure, WorkerError

log = logging.getLogger("docs_check.lsp")

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
CHECKED_SCHEMES = ("file", "untitled")
FIX_ALL_KIND = "source.fixAll.docs-check"
WATCHED_GLOBS = ("**/pyproject.toml", "**/mkdocs.yml", "**/manifest.json", "**/*.md", "**/*.txt")


@dataclass
class Options:
    """initializationOptions the client may send (all optional)."""

    debounce: float = 0.025  # seconds after a change before its check starts
    timeout: float = 20.0  # seconds a check may run before its process is ended
    docs_url: str = diagnostics.DOCS_URL

    @classmethod
    def parse(cls, raw: Any) -> Options:
        out = cls()
        if not isinstance(raw, dict):
            return out
        if isinstance(raw.get("debounceMs"), int | float) and raw["debounceMs"] >= 0:
            out.debounce = raw["debounceMs"] / 1000
        if isinstance(raw.get("timeoutSeconds"), int | float) and raw["timeoutSeconds"] > 0:
            out.timeout = float(raw["timeoutSeconds"])
        if isinstance(raw.get("docsUrl"), str) and raw["docsUrl"].startswith("https://"):
            out.docs_url = raw["docsUrl"]
        return out


@dataclass
class OpenDoc:
    uri: str
    text: Text
    version: int | None
    path: Path | None  # on disk (file: URIs); None for untitled buffers
    findings: list[Finding] = field(default_factory=list)
    total: int = 0
    checked: Text | None = None  # the text `findings` belong to
    dirty: bool = False
    runner: asyncio.Task[None] | None = None
    _scanned: tuple[Text, Document] | None = None

    @property
    def bom(self) -> bool:
        return self.text.text.startswith("\ufeff")

    @property
    def fresh(self) -> bool:
        return self.checked is self.text

    def scanned(self, display: str) -> Document:
        if self._scanned is None or self._scanned[0] is not self.text:
            self._scanned = (self.text, Document.from_text(self.text.text, display))
        return self._scanned[1]


class _Protocol(LanguageServerProtocol):
    """pygls keeps a copy of each open document too, split into lines by `str.splitlines`
    (which also breaks at U+2028, U+0085, form feeds...), and an edit it cannot apply would
    stop the event before this server sees it. The server keeps its own copy (`OpenDoc.text`),
    so pygls' is not kept at all."""

    @lsp_method(lsp.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: lsp.DidOpenTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    @lsp_method(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: lsp.DidCloseTextDocumentParams) -> Any:
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield handler, (params,), None


class DocsCheckServer(LanguageServer):
    def __init__(self) -> None:
        from ..report import _version

        super().__init__("docs-check", _version(), text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.options = Options()
        self.worker = CheckWorker(self.options.timeout)
        self.docs: dict[str, OpenDoc] = {}
        self.folders: list[Path] = []
        self.projects: dict[Path, Project] = {}
        self.problem_uris: dict[Path, str] = {}  # project root -> URI holding its config diagnostic
        self.shown: set[str] = set()  # problems already shown in a message box

    # -- projects ------------------------------------------------------------------------------

    def project_root(self, path: Path | None) -> Path:
        """The workspace folder holding the file; outside every folder, the nearest folder up
        with a pyproject.toml or mkdocs.yml (as `docs-check` run there would use), else its own."""
        if path is None:
            return self.folders[0] if self.folders else Path.cwd()
        inside = [f for f in self.folders if path.is_relative_to(f)]
        if inside:
            return max(inside, key=lambda f: len(f.parts))
        for folder in path.parents:
            if (folder / "pyproject.toml").is_file() or (folder / "mkdocs.yml").is_file():
                return folder
        return path.parent

    def project(self, root: Path) -> Project:
        project = self.projects.get(root)
        if project is None or project.stale():
            project = Project.load(root)
            self.projects[root] = project
            self.report_problem(root, project.problem)
        return project

    def report_problem(self, root: Path, problem: ConfigProblem | None) -> None:
        """A configuration error as a diagnostic on the file it names and a message box (once
        per error); a fixed one clears its diagnostic."""
        old = self.problem_uris.pop(root, None)
        if old is not None:
            self.publish(old, [], None)
        if problem is None:
            return
        if problem.file is not None:
            uri = from_fs_path(str(problem.file)) or str(problem.file)
            pos = lsp.Position(line=problem.line, character=problem.column)
            self.publish(uri, [lsp.Diagnostic(
                range=lsp.Range(start=pos, end=lsp.Position(line=problem.line, character=problem.column + 1)),
                message=problem.message, severity=lsp.DiagnosticSeverity.Error,
                code="config-error", source=diagnostics.SOURCE,
            )], None)
            self.problem_uris[root] = uri
        if problem.message not in self.shown:
            self.shown.add(problem.message)
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Error,
                message=f"docs-check: configuration error, nothing is checked until it is fixed: {problem.message}",
            ))

    def display(self, doc: OpenDoc, project: Project) -> str:
        """The path the engine is given: relative to the configuration's root, as the checks
        that read other files (pagelinks) resolve it, else absolute."""
        if doc.path is None:
            return urlsplit(doc.uri).path or "untitled.md"
        root = project.config.root if project.config is not None else project.root
        try:
            return doc.path.relative_to(root).as_posix()
        except ValueError:
            return doc.path.as_posix()

    # -- checking ------------------------------------------------------------------------------

    def schedule(self, doc: OpenDoc, delay: float) -> None:
        doc.dirty = True
        if doc.runner is None or doc.runner.done():
            doc.runner = asyncio.ensure_future(self._run(doc, delay))

    async def _run(self, doc: OpenDoc, delay: float) -> None:
        while doc.dirty and self.docs.get(doc.uri) is doc:
            if delay:
                await asyncio.sleep(delay)
            doc.dirty = False
            try:
                await self.check(doc)
            except Exception:  # never let one document's trouble end the server
                log.exception("checking %s failed", doc.uri)
            delay = self.options.debounce

    async def check(self, doc: OpenDoc) -> None:
        project = self.project(self.project_root(doc.path))
        text = doc.text
        if project.config is None or (doc.path is not None and project.excluded(doc.path)):
            doc.findings, doc.total, doc.checked = [], 0, text
            self.publish(doc.uri, [], doc.version)
            return
        display = self.display(doc, project)
        try:
            result = await self.worker.check(text.text, display, project.config)
            findings, total = result.findings, result.total
        except ConfigFailure as exc:
            project.problem = locate(str(exc), project.root, None, None)
            project.config = None
            self.report_problem(project.root, project.problem)
            findings, total = [], 0
        except WorkerError as exc:
            findings, total = [Finding(display, 1, 1, INTERNAL_ERROR, Severity.ERROR, str(exc))], 1
        if self.docs.get(doc.uri) is not doc or doc.text is not text:
            return  # edited or closed meanwhile: the next check publishes
        doc.findings, doc.total, doc.checked = findings, total, text
        diags = [diagnostics.diagnostic(f, text, doc.bom, self.options.docs_url) for f in findings]
        if total > len(findings):
            diags.append(diagnostics.overflow(total, len(findings), display))
        self.publish(doc.uri, diags, doc.version)

    def publish(self, uri: str, diags: list[lsp.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=version)
        )

    def recheck_all(self) -> None:
        for doc in list(self.docs.values()):
            self.schedule(doc, 0)

    # -- requests ------------------------------------------------------------------------------

    def findings_at(self, doc: OpenDoc, rng: lsp.Range) -> list[Finding]:
        """The current findings whose range touches `rng` (a position is an empty range)."""
        if not doc.fresh:
            return []
        out = []
        a = (rng.start.line, rng.start.character)
        b = (rng.end.line, rng.end.character)
        for f in doc.findings:
            r = diagnostics.finding_range(f, doc.text, doc.bom)
            if (r.start.line, r.start.character) <= b and a <= (r.end.line, r.end.character):
                out.append(f)
        return out

    async def code_actions(self, doc: OpenDoc, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        only = params.context.only
        wanted = (lambda kind: any(kind == k or kind.startswith(f"{k}.") for k in only)) if only else (lambda kind: True)
        out: list[lsp.CodeAction] = []
        project = self.project(self.project_root(doc.path))
        display = self.display(doc, project)
        if wanted(lsp.CodeActionKind.QuickFix):
            for f in self.findings_at(doc, params.range):
                diag = diagnostics.diagnostic(f, doc.text, doc.bom, self.options.docs_url)
                if f.fix is not None:
                    edit = actions.fix_edit(f.fix, doc.text, doc.bom)
                    out.append(self.action(f"{f.rule}: {f.fix.description or 'fix'}", lsp.CodeActionKind.QuickFix,
                                           doc, [edit], [diag], preferred=True))
                if f.rule not in RULES:  # internal-error: no comment silences it
                    continue
                disable = actions.disable_edit(f, doc.scanned(display), doc.text, doc.bom)
                if disable is not None:
                    out.append(self.action(disable[0], lsp.CodeActionKind.QuickFix, doc, [disable[1]], [diag]))
        if wanted(FIX_ALL_KIND) and project.config is not None and any(f.fix for f in doc.findings):
            action = await self.fix_all_action(doc, asked=bool(only))
            if action is not None:
                out.append(action)
        return out

    def resolves_edits(self) -> bool:
        """Does the client fill in an action's edit through codeAction/resolve?"""
        td = self.client_capabilities.text_document
        ca = td.code_action if td else None
        props = ca.resolve_support.properties if ca and ca.resolve_support else []
        return "edit" in props

    async def fix_all_action(self, doc: OpenDoc, asked: bool) -> lsp.CodeAction | None:
        """"Fix all": the text `docs-check --fix` would write. Asked for by kind (`source.fixAll`,
        e.g. on save), it is computed at once. In the light bulb's list it must not wait for a
        check: it comes without its edit, filled in by codeAction/resolve when chosen, or, for a
        client that cannot resolve, is left out while the checking process is busy."""
        title = "Fix all docs-check problems in this file (as docs-check --fix)"
        if not asked and self.resolves_edits():
            return lsp.CodeAction(title=title, kind=FIX_ALL_KIND, data={"uri": doc.uri, "version": doc.version})
        if not asked and self.worker.busy:
            return None
        edit = await self.fix_all_edit(doc)
        return None if edit is None else self.action(title, FIX_ALL_KIND, doc, [edit], [])

    async def fix_all_edit(self, doc: OpenDoc) -> lsp.TextEdit | None:
        project = self.project(self.project_root(doc.path))
        if project.config is None:
            return None
        text = doc.text
        try:
            result = await self.worker.fix(text.text, self.display(doc, project), project.config)
        except (WorkerError, ConfigFailure) as exc:
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Warning,
                                                         message=f"docs-check: fix all: {exc}"))
            return None
        if doc.text is not text:  # edited meanwhile: an edit for the old text would be wrong
            return None
        return actions.whole_edit(text, result.text or text.text)

    async def resolve(self, action: lsp.CodeAction) -> lsp.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        doc = self.docs.get(str(data.get("uri")))
        if doc is None or action.kind != FIX_ALL_KIND or data.get("version") != doc.version:
            return action  # closed or edited since it was offered: nothing to apply
        edit = await self.fix_all_edit(doc)
        if edit is not None:
            action.edit = self.action(action.title, FIX_ALL_KIND, doc, [edit], []).edit
        return action

    def action(self, title: str, kind: str, doc: OpenDoc, edits: list[lsp.TextEdit],
               diags: list[lsp.Diagnostic], preferred: bool = False) -> lsp.CodeAction:
        """A versioned edit where the client takes one, so a stale action is refused."""
        caps = self.client_capabilities.workspace
        versioned = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
        if versioned:
            edit = lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(
                text_document=lsp.OptionalVersionedTextDocumentIdentifier(uri=doc.uri, version=doc.version),
                edits=list(edits))])
        else:
            edit = lsp.WorkspaceEdit(changes={doc.uri: list(edits)})
        return lsp.CodeAction(title=title, kind=kind, diagnostics=diags or None, edit=edit,
                              is_preferred=preferred or None)


def doc_path(uri: str) -> tuple[str, Path | None]:
    """(scheme, filesystem path or None)."""
    scheme = urlsplit(uri).scheme.lower()
    if scheme != "file":
        return scheme, None
    path = to_fs_path(uri)
    return scheme, Path(path) if path else None


def is_markdown(uri: str, language_id: str | None) -> bool:
    if language_id and language_id.lower() in ("markdown", "mdx"):
        return True
    return unquote(urlsplit(uri).path).lower().endswith(MARKDOWN_SUFFIXES)


def apply_changes(text: Text, changes: list[Any]) -> Text:
    for change in changes:
        if isinstance(change, lsp.TextDocumentContentChangePartial):
            r = change.range
            text = text.edit((r.start.line, r.start.character), (r.end.line, r.end.character), change.text)
        else:
            text = Text(change.text, text.encoding)
    return text


def position_encoding(server: LanguageServer) -> str:
    with contextlib.suppress(Exception):
        enc = server.workspace.position_encoding
        if enc:
            return str(enc.value if hasattr(enc, "value") else enc)
    return "utf-16"

