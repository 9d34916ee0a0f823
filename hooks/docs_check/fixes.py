"""Applying fixes: in memory, as a diff, or to the file, atomically and byte-faithfully."""

from __future__ import annotations

import contextlib
import difflib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .findings import Finding, Fix


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply non-overlapping fixes; return the new text and the fixes that were applied.

    Overlapping fixes are left for the next run (the first one, by position, wins), the way
    ruff does it: a second `--fix` run picks them up against the fixed text.
    """
    applied: list[Fix] = []
    last_end = -1
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if fix.start < last_end or fix.start > fix.end or fix.end > len(text):
            continue
        if text[fix.start : fix.end] == fix.replacement:
            continue
        applied.append(fix)
        last_end = fix.end
    out = []
    pos = 0
    for fix in applied:
        out.append(text[pos : fix.start])
        out.append(fix.replacement)
        pos = fix.end
    out.append(text[pos:])
    return "".join(out), applied


def fixes_of(findings: Iterable[Finding]) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None]


def encode(text: str, had_bom: bool) -> bytes:
    """The inverse of Document.from_bytes: undecodable bytes come back as they were."""
    data = text.encode("utf-8", "surrogateescape")
    return b"\xef\xbb\xbf" + data if had_bom else data


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename, keeping the file's mode.

    A reader (an editor, `mkdocs serve`) sees the old file or the new one, never half of
    one; a new file gets the mode the umask gives. A symbolic link stays a link: its
    target is what gets written.
    """
    path = Path(os.path.realpath(path))
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".docs-check", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )
