"""`mkdocs serve` in a subprocess on a free loopback port, as a writer runs it: for the preview
tests, the browser tests and bench/bench_live_preview.py. It imports nothing of conftest, so
the bench can use it without the test suite's environment."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
# Loopback must never go through a proxy the environment names.
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    assert url.startswith("http://127.0.0.1:"), url  # loopback only
    try:
        with _LOCAL.open(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


class Serve:
    """`mkdocs serve -f config` until `stop()` (or the end of a `with` block). `base` is the
    URL the site answers at once it is up, after MkDocs' redirect to the site_url path."""

    start_timeout: float = 120

    def __init__(self, config: Path, *, env: dict[str, str] | None = None, cwd: Path | None = None,
                 extra_args: tuple[str, ...] = (), log_path: Path | None = None):
        self.config = config
        self.env = env or {}
        self.cwd = cwd or config.parent
        self.extra_args = extra_args
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log_path = log_path or config.parent / "serve.log"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float | None = None) -> str:
        timeout = timeout or self.start_timeout
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
               "PYTHONUNBUFFERED": "1", **self.env}
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                [str(BIN / "mkdocs"), "serve", "-f", str(self.config), "-a", f"127.0.0.1:{self.port}",
                 *self.extra_args],
                cwd=self.cwd, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        root = self.base
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited with {self.proc.returncode}:\n{self.log()[-4000:]}")
            try:
                with _LOCAL.open(root, timeout=2) as resp:
                    self.base = resp.geturl()
                    return self.base
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        raise RuntimeError(f"mkdocs serve was not ready after {timeout:.0f}s:\n{self.log()[-4000:]}")

    def wait_for(self, predicate, timeout: float = 60, what: str = "a rebuild") -> str:
        """Poll the log until `predicate(log)` holds; return the log."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            log = self.log()
            if predicate(log):
                return log
            time.sleep(0.3)
        raise AssertionError(f"no {what} within {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)

    def __enter__(self) -> Serve:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
