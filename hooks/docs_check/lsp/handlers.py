"""The LSP methods the server answers, each a few lines over `server.DocsCheckServer`.

Every handler answers or reports: a request for a document that is not open, a URI of an
unknown scheme or a position outside the text gets an empty answer, never an error that
could end the session.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from lsprotocol import types as lsp
from pygls.uris import to_fs_path

from ..config import Config
from . import diagnostics
from .positions import Text
from .server import (
    CHECKED_SCHEMES,
    FIX_ALL_KIND,
    WATCHED_GLOBS,
    DocsCheckServer,
    OpenDoc,
    Options,
    apply_changes,
    doc_path,
    is_markdown,
    position_encoding,
)

log = logging.getLogger("docs_check.lsp")

# A page that takes every check through its first-use loading (the dictionary, the registry
# catalog, the provider schema, the HCL parser) before the writer's first page arrives.
WARM_UP = """# Warm up

> [!NOTE]
> The [module](https://registry.coder.com/modules/coder/code-server) is ready.

```tf
module "code-server" {
  source   = "registry.coder.com/coder/code-server/coder"
  version  = "1.0.0"
  agent_id = coder_agent.main.id
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
```
"""


def create() -> DocsCheckServer:
    server = DocsCheckServer()
    for method, handler, options in (
        (lsp.INITIALIZE, initialize, None),
        (lsp.INITIALIZED, initialized, None),
        (lsp.SHUTDOWN, shutdown, None),
        (lsp.TEXT_DOCUMENT_DID_OPEN, did_open, None),
        (lsp.TEXT_DOCUMENT_DID_CHANGE, did_change, None),
        (lsp.TEXT_DOCUMENT_DID_SAVE, did_save, lsp.SaveOptions(include_text=False)),
        (lsp.TEXT_DOCUMENT_DID_CLOSE, did_close, None),
        (lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, did_change_watched_files, None),
        (lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS, did_change_folders, None),
        (lsp.TEXT_DOCUMENT_HOVER, hover, None),
        (lsp.TEXT_DOCUMENT_CODE_ACTION, code_action, lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL_KIND], resolve_provider=True)),
        (lsp.CODE_ACTION_RESOLVE, code_action_resolve, None),
    ):
        server.feature(method, options)(handler)
    return server


def initialize(ls: DocsCheckServer, params: lsp.InitializeParams) -> None:
    ls.options = Options.parse(params.initialization_options)
    ls.worker.timeout = ls.options.timeout
    folders = [f.uri for f in params.workspace_folders or []] or ([params.root_uri] if params.root_uri else [])
    ls.folders = [Path(p) for p in (to_fs_path(u) for u in folders) if p]


async def initialized(ls: DocsCheckServer, params: lsp.InitializedParams) -> None:
    await _watch_files(ls)
    # Start the checking process and load the dictionaries now, not on the first keystroke.
    try:
        await ls.worker.check(WARM_UP, "warm-up.md", Config())
    except Exception:
        log.exception("warming up the checks failed")


def shutdown(ls: DocsCheckServer, params: None) -> None:
    ls.worker.close()


def did_open(ls: DocsCheckServer, params: lsp.DidOpenTextDocumentParams) -> None:
    td = params.text_document
    scheme, path = doc_path(td.uri)
    if scheme not in CHECKED_SCHEMES or not is_markdown(td.uri, td.language_id):
        return
    doc = OpenDoc(td.uri, Text(td.text, position_encoding(ls)), td.version, path)
    old = ls.docs.get(td.uri)
    if old is not None and old.runner is not None:
        old.runner.cancel()
    ls.docs[td.uri] = doc
    ls.schedule(doc, 0)


def did_change(ls: DocsCheckServer, params: lsp.DidChangeTextDocumentParams) -> None:
    doc = ls.docs.get(params.text_document.uri)
    if doc is None:
        return
    doc.text = apply_changes(doc.text, list(params.content_changes))
    doc.version = params.text_document.version
    ls.schedule(doc, ls.options.debounce)


def did_save(ls: DocsCheckServer, params: lsp.DidSaveTextDocumentParams) -> None:
    doc = ls.docs.get(params.text_document.uri)
    if doc is not None and params.text is not None and params.text != doc.text.text:
        doc.text = Text(params.text, doc.text.encoding)
    ls.recheck_all()  # the tree changed on disk: links to it may have too


def did_close(ls: DocsCheckServer, params: lsp.DidCloseTextDocumentParams) -> None:
    doc = ls.docs.pop(params.text_document.uri, None)
    if doc is None:
        return
    if doc.runner is not None:
        doc.runner.cancel()
    ls.publish(doc.uri, [], None)


def did_change_watched_files(ls: DocsCheckServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    ls.recheck_all()


def did_change_folders(ls: DocsCheckServer, params: lsp.DidChangeWorkspaceFoldersParams) -> None:
    removed = {to_fs_path(f.uri) for f in params.event.removed}
    ls.folders = [f for f in ls.folders if str(f) not in removed]
    ls.folders += [Path(p) for p in (to_fs_path(f.uri) for f in params.event.added) if p]
    ls.recheck_all()


def hover(ls: DocsCheckServer, params: lsp.HoverParams) -> lsp.Hover | None:
    doc = ls.docs.get(params.text_document.uri)
    if doc is None:
        return None
    pos = params.position
    found = ls.findings_at(doc, lsp.Range(start=pos, end=pos))
    if not found:
        return None
    ranges = [diagnostics.finding_range(f, doc.text, doc.bom) for f in found]
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown,
                                   value=diagnostics.hover_text(found, ls.options.docs_url)),
        range=ranges[0] if len(ranges) == 1 else None,
    )

async def code_action(ls: DocsCheckServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    doc = ls.docs.get(params.text_document.uri)
    if doc is None:
        return None
    return await ls.code_actions(doc, params)


async def code_action_resolve(ls: DocsCheckServer, params: lsp.CodeAction) -> lsp.CodeAction:
    return await ls.resolve(params)


async def _watch_files(server: DocsCheckServer) -> None:
    """Ask the client to report changes to configuration, word lists, manifest.json and
    pages (where it can): a finding can change without its own page changing."""
    caps = server.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps else None
    if not (watched and watched.dynamic_registration):
        return
    options = lsp.DidChangeWatchedFilesRegistrationOptions(
        watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in WATCHED_GLOBS]
    )
    try:
        await asyncio.wait_for(server.client_register_capability_async(lsp.RegistrationParams(registrations=[
            lsp.Registration(id="docs-check-watch", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                             register_options=options)
        ])), timeout=10)
    except Exception:
        log.warning("the client did not accept file watchers; configuration is re-read on each check")
