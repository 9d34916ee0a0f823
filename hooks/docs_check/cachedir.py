"""The per-user cache of built data (the spelling lexicon's tables), so a cold check skips the build.

    ~/.cache/docs-check/            ($XDG_CACHE_HOME/docs-check when that is set)
    DOCS_CHECK_CACHE=/some/folder   another folder
    DOCS_CHECK_CACHE=off            no cache: nothing is read or written

An entry is one file, `<name>-<key>.marshal`: a header, the crc32 of the payload, then the
payload (a `marshal` dump of plain data: strings, bytes, numbers, dicts, tuples). The key is
a hash of everything the payload was built from, so a changed input is a different file,
never a stale hit. Entries are written to a temporary file and renamed into place (a reader
never sees half a file); only the `KEEP` most recently used entries of a name are kept.

The cache is only ever an optimisation: an entry that cannot be read, is truncated, corrupt or
of another format is ignored (the data is rebuilt), and a folder that cannot be written is
left alone; neither is an error or a warning. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import tempfile
import zlib
from pathlib import Path

ENV = "DOCS_CHECK_CACHE"
OFF = ("off", "0", "no", "false", "none")
KEEP = 4  # entries per name: a few dictionary versions or Pythons side by side
MAGIC = b"docs-check-cache 1\n"
SUFFIX = ".marshal"


def folder() -> Path | None:
    """Where entries live, or None when the cache is turned off (`DOCS_CHECK_CACHE=off`)."""
    value = os.environ.get(ENV, "").strip()
    if value.lower() in OFF:
        return None
    if value:
        return Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    # The XDG specification: a relative $XDG_CACHE_HOME is invalid and must be ignored.
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".cache"
    return root / "docs-check"


def _path(where: Path, name: str, key: str) -> Path:
    return where / f"{name}-{key}{SUFFIX}"


def read(name: str, key: str) -> object | None:
    """The payload stored under (name, key), or None: absent, turned off, unreadable or corrupt."""
    where = folder()
    if where is None:
        return None
    path = _path(where, name, key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC)
    if data[:head] != MAGIC or len(data) < head + 4:
        return None
    payload = memoryview(data)[head + 4 :]
    if zlib.crc32(payload) != int.from_bytes(data[head : head + 4], "big"):
        return None  # truncated or damaged: rebuilt by the caller
    try:
        value = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    # Keep a used entry among the newest, so pruning drops the ones nobody reads.
    with contextlib.suppress(OSError):
        os.utime(path)
    return value


def write(name: str, key: str, payload: object) -> bool:
    """Store `payload` under (name, key), atomically; False (and nothing raised) when the
    cache is off or the folder cannot be written."""
    where = folder()
    if where is None:
        return False
    try:
        body = marshal.dumps(payload)
    except ValueError:
        return False  # not plain data: a programming error, but the check must still run
    data = MAGIC + zlib.crc32(body).to_bytes(4, "big") + body
    tmp = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=where)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, _path(where, name, key))
        tmp = None
    except OSError:
        return False
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    prune(where, name)
    return True


def prune(where: Path, name: str, keep: int = KEEP) -> None:
    """Delete all but the `keep` most recently used entries of `name`."""
    entries = []
    for p in where.glob(f"{name}-*{SUFFIX}"):
        with contextlib.suppress(OSError):
            entries.append((p.stat().st_mtime_ns, p))
    entries.sort(reverse=True)
    for _mtime, p in entries[keep:]:
        with contextlib.suppress(OSError):
            p.unlink()


def clear() -> int:
    """Delete every entry (the folder itself is left); returns how many were deleted."""
    where = folder()
    if where is None or not where.is_dir():
        return 0
    n = 0
    for p in where.glob(f"*{SUFFIX}"):
        with contextlib.suppress(OSError):
            p.unlink()
            n += 1
    return n
