"""A small site of its own for build and serve tests: the project's mkdocs.yml (INHERIT) with
its own docs folder and only the docs_check hook, so a planted problem is the only one."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import BIN, ROOT

HOOK = ROOT / "hooks" / "check_pages.py"


def make_site(folder: Path, pages: dict[str, str], pyproject: str | None = None) -> Path:
    """Write `pages` under folder/docs and a mkdocs.yml inheriting the project's; return it."""
    docs = folder / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: docs-check fixture\n"
        "site_url: http://127.0.0.1/\n"
        f"docs_dir: {docs}\n"
        "theme:\n"
        "  name: material\n"
        f"  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n"
        "  - search\n"
        "hooks:\n"
        f"  - {HOOK}\n",
        encoding="utf-8",
    )
    if pyproject is not None:
        (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 10) -> tuple[int, str]:
    assert url.startswith("http://127.0.0.1:"), url  # loopback only
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


class Serve:
    """`mkdocs serve` in a subprocess on a free loopback port; always stopped by `stop()`."""

    def __init__(self, config: Path):
        self.config = config
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log_path = config.parent / "serve.log"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> Serve:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "-f", str(self.config), "-a", f"127.0.0.1:{self.port}"],
            cwd=self.config.parent, stdout=self._log, stderr=subprocess.STDOUT, env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"mkdocs serve exited {self.proc.returncode}:\n{self.log()}")
            try:
                status, _ = fetch(self.base, timeout=2)
                if status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise AssertionError(f"mkdocs serve did not answer within {timeout}s:\n{self.log()}")

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
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=15)
        if getattr(self, "_log", None) is not None:
            self._log.close()
