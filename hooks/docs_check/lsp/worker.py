"""The engine in a process of its own, so that the server's event loop never runs a check.

A check holds the interpreter while it runs (a regular expression over a 5 MB line holds it
for its whole match), so checks in a thread would stall hovers, code actions and the reading
of the editor's messages. In a child process they cannot; a check that runs past its time
is ended with its process (a thread could not be), and a process that dies (out of memory,
a crash in a C extension) is replaced: the document in hand gets one diagnostic saying so,
and the server goes on.

The child runs exactly what the CLI runs: `engine.check_document` for findings and the
CLI's own fix loop (`engine.fix_document`, the loop behind `docs-check --fix`) for "fix all".
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from ..config import Config, ConfigError
from ..findings import Finding

MAX_FINDINGS = 1000  # per document: an editor cannot show more, and JSON of 500,000 is 100 MB


@dataclass
class CheckResult:
    findings: list[Finding]
    total: int  # findings before the cap
    text: str | None = None  # "fix": the fixed text (BOM as in the input)


class WorkerError(Exception):
    """The check did not finish: timed out, or its process died. The message says which."""


class ConfigFailure(Exception):
    """A check found a bad option of its own while running (raised as ConfigError there)."""


# -- the child --------------------------------------------------------------------------------


def _serve(conn: Connection) -> None:
    # Standard output is the editor's protocol channel in the server; a stray print here
    # must not reach it (the server already points descriptor 1 at standard error).
    os.dup2(2, 1)
    from ..engine import check_document, fix_document  # imported here: in the child, once

    while True:
        try:
            op, text, path, config = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            reply: tuple[str, Any] = ("ok", _run(op, text, path, config, check_document, fix_document))
        except ConfigError as exc:
            reply = ("config", str(exc))
        except Exception as exc:  # the engine catches a check's crash; this is anything else
            reply = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


def _run(op: str, text: str, path: str, config: Config, check_document: Any, fix_document: Any) -> CheckResult:
    from ..scanner import Document

    doc = Document.from_text(text, path)
    if op == "check":
        findings = check_document(doc, config)
        return CheckResult(findings[:MAX_FINDINGS], len(findings))
    if op == "fix":
        findings, fixed, _ = fix_document(doc, config)  # `--fix`'s loop, pass for pass
        bom = "\ufeff" if doc.had_bom else ""
        return CheckResult(findings[:MAX_FINDINGS], len(findings), bom + fixed.text)
    raise ValueError(f"unknown operation {op!r}")


# -- the parent -------------------------------------------------------------------------------


class CheckWorker:
    """One child process; requests are served one at a time, in the order they come."""

    def __init__(self, timeout: float = 20.0) -> None:
        self.timeout = timeout
        self._ctx = _context()
        self._proc: Any = None
        self._conn: Connection | None = None
        self._lock = asyncio.Lock()
        self._threads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="docs-check-worker")
        self.restarts = 0

    def start(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_serve, args=(child,), name="docs-check-lsp-worker", daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            if self._conn is not None:
                self._conn.close()
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(timeout=5)
        self._proc = self._conn = None

    def close(self) -> None:
        self.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def check(self, text: str, path: str, config: Config) -> CheckResult:
        return await self._call(("check", text, path, config))

    async def fix(self, text: str, path: str, config: Config) -> CheckResult:
        return await self._call(("fix", text, path, config))

    async def _call(self, request: tuple[str, str, str, Config]) -> CheckResult:
        async with self._lock:
            loop = asyncio.get_running_loop()
            status, value = await loop.run_in_executor(self._threads, self._roundtrip, request)
        if status == "ok":
            return value
        if status == "config":
            raise ConfigFailure(value)
        raise WorkerError(value)

    def _roundtrip(self, request: tuple[str, str, str, Config]) -> tuple[str, Any]:
        self.start()
        assert self._conn is not None
        try:
            self._conn.send(request)
            if self._conn.poll(self.timeout):
                return self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            code = self._proc.exitcode if self._proc is not None else None
            self.stop()
            self.restarts += 1
            return "error", f"the checking process died (exit status {code}); it was restarted"
        self.stop()
        self.restarts += 1
        return "error", f"the checks took longer than {self.timeout:g} s on this file and were stopped"


def _context() -> Any:
    """forkserver, preloaded with the checks, as the engine's own worker pool does: a child
    starts in milliseconds with the dictionaries and the catalog's code already imported."""
    try:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["docs_check.checks", "docs_check.engine"])
    except ValueError:
        ctx = multiprocessing.get_context("spawn")
    return ctx

