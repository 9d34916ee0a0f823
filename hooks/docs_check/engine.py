"""Markdown in, findings out: runs every check over a document and applies configuration.

The pipeline is the same for the CLI and for the MkDocs hook:

    bytes -> Document (scanner) -> each Check -> raw findings
          -> configuration (enabled, severity) -> suppression comments -> sorted findings
"""

from __future__ import annotations

import hashlib
import os
import traceback
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .check import INTERNAL_ERROR, Check
from .checks import MARKDOWN_CHECKS
from .config import Config, ConfigError
from .findings import Finding, Severity
from .fixes import apply_fixes, fixes_of
from .rules import RULES
from .scanner import Document

MAX_FIX_PASSES = 4  # overlapping fixes settle in a pass or two; the bound guards against a loop


def markdown_checks() -> list[Check]:
    return MARKDOWN_CHECKS


def check_document(doc: Document, config: Config, checks: Sequence[Check] | None = None) -> list[Finding]:
    raw: list[Finding] = []
    for check in checks if checks is not None else markdown_checks():
        if not any(config.enabled(r.id) for r in check.rules):
            continue
        try:
            raw.extend(check.run(doc, config))
        except ConfigError:
            raise  # a bad setting or data file is the user's to fix: exit 2, not a finding
        except Exception as exc:
            if os.environ.get("DOCS_CHECK_RAISE"):
                raise
            # One broken check must not take the writer's whole run down with a traceback.
            where = traceback.extract_tb(exc.__traceback__)[-1]
            raw.append(
                Finding(
                    doc.path, 1, 1, INTERNAL_ERROR, Severity.ERROR,
                    f"the {check.name} check failed on this file ({type(exc).__name__}: {exc} "
                    f"at {Path(where.filename).name}:{where.lineno}); please report it",
                )
            )
    return finalize(raw, doc, config)


def fix_document(doc: Document, cfg: Config) -> tuple[list[Finding], Document, int]:
    """Apply safe fixes until none is left (overlapping ones need another pass): the loop
    behind `docs-check --fix` and the editor's "fix all". Returns the findings left, the
    fixed document and how many fixes were applied."""
    findings = check_document(doc, cfg)
    applied_total = 0
    for _ in range(MAX_FIX_PASSES):
        fixes = fixes_of(findings)
        if not fixes:
            break
        new_text, applied = apply_fixes(doc.text, fixes)
        if not applied:
            break
        applied_total += len(applied)
        had_bom = doc.had_bom
        doc = Document.from_text(new_text, doc.path)
        doc.had_bom = had_bom
        findings = check_document(doc, cfg)
    return findings, doc, applied_total


def finalize(raw: Iterable[Finding], doc: Document | None, config: Config) -> list[Finding]:
    """Apply configuration and suppression comments; sort and de-duplicate."""
    out: dict[tuple, Finding] = {}
    for f in raw:
        if f.rule != INTERNAL_ERROR:
            if not config.enabled(f.rule):
                continue
            if doc is not None and doc.suppressions.suppresses(f.rule, f.line):
                continue
            default = RULES[f.rule].severity if f.rule in RULES else f.severity
            sev = config.severity(f.rule, default)
            if sev != f.severity:
                f = f.with_severity(sev)
        out.setdefault((f.path, f.line, f.column, f.rule, f.message), f)
    return sorted(out.values(), key=Finding.sort_key)


def check_text(text: str | bytes, path: str, config: Config) -> list[Finding]:
    doc = Document.from_bytes(text, path) if isinstance(text, bytes) else Document.from_text(text, path)
    return check_document(doc, config)


@dataclass
class Engine:
    """Checks pages and remembers results by content, so a rebuild re-checks only what changed."""

    config: Config
    cache: dict[str, list[Finding]] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0
    # What checks read besides the page (the docs tree's files, its manifest.json), as a
    # stamp: a page's cached result holds only while it is unchanged.
    context: str = ""

    def key(self, data: bytes, path: str) -> str:
        return hashlib.blake2b(f"{self.context}\0{path}\0".encode() + data, digest_size=16).hexdigest()

    def check(self, text: str | bytes, path: str) -> list[Finding]:
        data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
        key = self.key(data, path)
        hit = self.cache.get(key)
        if hit is not None:
            self.hits += 1
            return hit
        self.misses += 1
        findings = check_text(data, path, self.config)
        self.cache[key] = findings
        return findings


# -- many files --------------------------------------------------------------------------

_WORKER_CONFIG: Config | None = None


def _init_worker(config: Config) -> None:
    global _WORKER_CONFIG
    _WORKER_CONFIG = config


def _check_one(item: tuple[str, str]) -> tuple[str, list[Finding]]:
    display, real = item
    assert _WORKER_CONFIG is not None
    return display, check_file(Path(real), display, _WORKER_CONFIG)


def check_file(path: Path, display: str, config: Config) -> list[Finding]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [
            Finding(display, 1, 1, INTERNAL_ERROR, Severity.ERROR, f"cannot read the file: {exc.strerror or exc}")
        ]
    return check_text(data, display, config)


def check_files(
    files: Sequence[tuple[str, Path]], config: Config, jobs: int | None = None
) -> Iterator[tuple[str, list[Finding]]]:
    """Check (display path, real path) pairs, in order; in worker processes when it pays."""
    jobs = jobs if jobs is not None else (config.jobs or os.cpu_count() or 1)
    if jobs <= 1 or len(files) < PARALLEL_THRESHOLD:
        for display, real in files:
            yield display, check_file(real, display, config)
        return
    items = [(display, str(real)) for display, real in files]
    with worker_pool(config, jobs) as pool:
        yield from pool.map(_check_one, items, chunksize=max(1, len(items) // (jobs * 8)))


PARALLEL_THRESHOLD = 48  # below a few dozen files, starting processes costs more than it saves


def worker_pool(config: Config, jobs: int | None = None) -> ProcessPoolExecutor:
    """Processes that check files, started from a small server process, not forked from the
    caller: a worker forked from MkDocs would carry the whole build's memory."""
    import multiprocessing

    jobs = jobs if jobs is not None else (config.jobs or os.cpu_count() or 1)
    try:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["docs_check.checks"])
    except ValueError:  # no forkserver on this platform
        ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(config,))


def submit_check(pool: ProcessPoolExecutor, display: str, path: Path) -> Future[tuple[str, list[Finding]]]:
    return pool.submit(_check_one, (display, str(path)))
