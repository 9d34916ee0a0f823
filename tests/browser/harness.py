"""What the browser tests (and bench/bench_live_preview.py) drive: Debian's Chromium kept off
the network, a built site served on loopback the way GitHub Pages serves it, `mkdocs serve`
with live reload, and a record of every request, failure and console error a page makes."""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from serving import Serve

try:
    from playwright.sync_api import expect
except ImportError:  # the tests then skip (or fail under CI) in the chromium_ready fixture
    expect = None

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CHROMIUM = Path(os.environ.get("DOCS_CHROMIUM", "/usr/bin/chromium"))

# Flags that keep Chromium off the network and quiet: no updater, sync, metrics upload,
# component download or proxy; every page request is also routed (see Traffic).
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-proxy-server",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--metrics-recording-only",
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
    if expect is None:
        return "playwright is not importable: pip install -r requirements.txt"
    try:
        import axe_playwright_python  # noqa: F401
    except ImportError:
        return "axe-playwright-python is not importable: pip install -r requirements.txt"
    return None


def launch(playwright):
    """Debian's Chromium, headless; never a browser that Playwright downloads."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)


def is_network_local(url: str) -> bool:
    """True for loopback and for schemes that never reach a network (data:, blob:, about:)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss", "ftp"):
        return True
    host = (parts.hostname or "").lower()
    return host in ("localhost", "::1") or host.startswith("127.")


def page_routes(docs: Path = DOCS) -> list[str]:
    """The URL path, relative to the site root, of every Markdown page (directory URLs)."""
    routes = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs)
        if any(part.startswith(".") for part in rel.parts):
            continue
        stem = rel.with_suffix("")
        route = stem.parent if stem.name in ("index", "README") else stem
        routes.append("" if route == Path(".") else route.as_posix() + "/")
    return sorted(routes)


def redirect_stubs(site: Path) -> dict[str, str]:
    """mkdocs-redirects' stub pages: route -> the relative URL each one sends the reader to."""
    stubs = {}
    for html in sorted(site.rglob("index.html")):
        text = html.read_text(encoding="utf-8", errors="replace")
        m = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)"', text)
        if m:
            route = html.parent.relative_to(site).as_posix()
            stubs["" if route == "." else route + "/"] = m.group(1)
    return stubs


def site_prefix(site: Path) -> str:
    """The path the site is published under (from the home page's canonical URL, i.e. site_url)."""
    home = (site / "index.html").read_text(encoding="utf-8", errors="replace")
    m = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    path = urlsplit(m.group(1)).path if m else "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


class _SiteHandler(SimpleHTTPRequestHandler):
    """Files of the site under its published path; 404.html for anything else, as on Pages."""

    def __init__(self, *args, server_state: SiteServer, **kwargs):
        self.state = server_state
        super().__init__(*args, directory=str(server_state.site), **kwargs)

    def translate_path(self, path: str) -> str:
        route, prefix = urlsplit(path).path, self.state.prefix
        if route == prefix.rstrip("/") or route.startswith(prefix):
            return super().translate_path("/" + route[len(prefix) :])
        return str(self.state.site / "\0outside-the-site")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.state.site / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        pass  # the tests read the browser's record, not the server's


class SiteServer:
    """A built site on 127.0.0.1:<free port> under a path, as GitHub Pages serves it.

    The port is bound before the site is given (`serve`), so the site can be built with
    site_url pointing here: Material's instant navigation keeps the port of the sitemap's
    URLs and only works when site_url and the server agree, as they do once published."""

    def __init__(self, prefix: str = "/"):
        self.prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
        self.site = Path()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, server_state=self))
        self.httpd.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.base = self.origin + self.prefix
        self.thread: threading.Thread | None = None

    def serve(self, site: Path) -> SiteServer:
        self.site = site
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)
        self.thread.start()
        return self

    def url(self, route: str = "") -> str:
        return self.base + route

    def stop(self) -> None:
        if self.thread is not None:
            self.httpd.shutdown()
            self.thread.join(timeout=10)
        self.httpd.server_close()


@dataclass
class Traffic:
    """Everything a browser context asked of the network and what went wrong with it."""

    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    http_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def attach(self, context) -> None:
        """Block every request that would leave loopback (and count it), record the rest."""
        context.route(lambda url: not is_network_local(url), self._block)
        context.on("requestfailed", lambda r: self.failed.append(f"{r.method} {r.url}: {r.failure}"))
        context.on("response", self._response)
        context.on("console", self._console)
        context.on("weberror", lambda e: self.page_errors.append(str(e.error)))

    def _block(self, route) -> None:
        self.blocked.append(route.request.url)
        route.abort("blockedbyclient")

    def _response(self, response) -> None:
        if response.status >= 400:
            self.http_errors.append(f"{response.status} {response.url}")

    def _console(self, message) -> None:
        if message.type == "error":
            where = message.location.get("url", "") if message.location else ""
            self.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def problems(self) -> list[str]:
        return (
            [f"request off loopback (blocked): {u}" for u in self.blocked]
            + [f"failed request: {f}" for f in self.failed]
            + [f"HTTP {e}" for e in self.http_errors]
            + [f"console error: {c}" for c in self.console_errors]
            + [f"page error: {p}" for p in self.page_errors]
        )

    def clear(self) -> None:
        for found in (self.blocked, self.failed, self.http_errors, self.console_errors, self.page_errors):
            found.clear()


class MkdocsServe(Serve):
    """`mkdocs serve` of a copy of docs/ on a free loopback port, live reload on, as a writer
    runs it. The project's own mkdocs.yml is used with DOCS_DIR pointing at the copy, so theme
    overrides, hooks and the docs-check configuration resolve as they do in the repository."""

    start_timeout = 90

    def __init__(
        self,
        workdir: Path,
        *,
        source: Path = DOCS,
        config: Path = ROOT / "mkdocs.yml",
        extra_args: tuple[str, ...] = (),
    ):
        self.docs = workdir / "docs"
        shutil.copytree(source, self.docs)
        super().__init__(config, env={"DOCS_DIR": str(self.docs)}, cwd=ROOT, extra_args=extra_args,
                         log_path=workdir / "mkdocs-serve.log")


# Set on every page load by the live-preview page: when the DOM was ready, and its text, so the
# latency is read from the browser's clock rather than from how often Playwright polls.
SEEN_SCRIPT = """
document.addEventListener("DOMContentLoaded", () => {
  window.__docsSeen = { at: Date.now(), text: document.body.innerText };
});
"""


def edit_to_visible(page, md: Path, marker: str, timeout_ms: float = 30_000) -> float:
    """Insert a paragraph holding `marker` after the page's H1, wait until the open browser
    page shows it without being told to reload, and return the seconds from write to visible."""
    text = md.read_text(encoding="utf-8")
    edited = re.sub(r"^(# .+\n)", lambda m: f"{m.group(1)}\n{marker}\n", text, count=1, flags=re.M)
    assert edited != text, f"{md} has no H1 to put the marker after"
    written_ms = time.time() * 1000
    md.write_text(edited, encoding="utf-8")
    page.wait_for_function(
        "marker => window.__docsSeen && window.__docsSeen.text.includes(marker)",
        arg=marker,
        timeout=timeout_ms,
        polling=50,
    )
    seen_ms = page.evaluate("window.__docsSeen.at")
    return (seen_ms - written_ms) / 1000
