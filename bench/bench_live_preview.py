"""Live preview latency: from saving a page to seeing the change in the open browser page.

    .venv/bin/python bench/bench_live_preview.py [--edits 7] [--builds 3] [--docs DIR] [--page PATH] [--dirty]

Starts `mkdocs serve` (live reload on, the project's mkdocs.yml, DOCS_DIR on a copy of the
tree) on a free loopback port, opens the page in Debian's Chromium and edits its Markdown
--edits times. Each latency runs from the write to the DOMContentLoaded of the reloaded page
that shows the edit, read from the browser's clock (tests/browser/harness.py). The peer,
timed in this same script on the same copy and config: a bare `mkdocs build` (--builds runs),
both its wall time (what a writer waits for at the prompt) and the build time MkDocs reports.

`--docs ../shared/corpus/coder-docs-2026-07 --page ai-coder/tasks.md` measures Coder's whole
docs tree (482 pages) instead of this site.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser.harness import (  # noqa: E402  (the harness lives with the tests)
    DESKTOP,
    SEEN_SCRIPT,
    MkdocsServe,
    browser_unavailable,
    edit_to_visible,
    is_network_local,
    launch,
)
from serving import BIN  # noqa: E402

BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")


def bare_builds(docs: Path, runs: int, workdir: Path) -> tuple[list[float], list[float]]:
    """Wall seconds and MkDocs' own build seconds of `mkdocs build` on the same tree."""
    env = {**os.environ, "DOCS_DIR": str(docs), "NO_MKDOCS_2_WARNING": "1"}
    walls, reported = [], []
    for i in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(
            [str(BIN / "mkdocs"), "build", "-d", str(workdir / f"site-{i}")],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        walls.append(time.perf_counter() - start)
        m = BUILT_IN.search(proc.stdout + proc.stderr)
        if m is None:
            sys.exit(f"mkdocs build failed ({proc.returncode}):\n{(proc.stdout + proc.stderr)[-3000:]}")
        reported.append(float(m.group(1)))
    return walls, reported


def live_edits(server: MkdocsServe, page_path: str, edits: int, timeout_s: float) -> tuple[list[float], list[float]]:
    """Edit-to-visible seconds of each edit, and the serve rebuild times MkDocs logged."""
    from playwright.sync_api import sync_playwright

    route = re.sub(r"(^|/)(index|README)\.md$", r"\1", page_path)
    route = re.sub(r"\.md$", "/", route)
    latencies = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport=DESKTOP)
        context.route(lambda url: not is_network_local(url), lambda r: r.abort())
        page = context.new_page()
        page.add_init_script(SEEN_SCRIPT)
        page.goto(server.base + route)
        page.wait_for_function("() => window.__docsSeen !== undefined")
        builds_before = len(BUILT_IN.findall(server.log_path.read_text(encoding="utf-8", errors="replace")))
        for i in range(edits):
            marker = f"Live preview edit {i + 1} {uuid.uuid4().hex[:8]}"
            latencies.append(edit_to_visible(page, server.docs / page_path, marker, timeout_ms=timeout_s * 1000))
            print(f"  edit {i + 1}: visible after {latencies[-1]:.2f} s", flush=True)
            page.wait_for_timeout(300)  # let the reloaded page settle before the next save
        browser.close()
    rebuilds = [float(s) for s in BUILT_IN.findall(server.log_path.read_text(encoding="utf-8", errors="replace"))]
    return latencies, rebuilds[builds_before:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=7)
    parser.add_argument("--builds", type=int, default=3)
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs tree (copied first)")
    parser.add_argument("--page", default="ai-coder/tasks.md", help="the page to edit, relative to --docs")
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for one edit")
    parser.add_argument("--dirty", action="store_true", help="serve with --dirty (rebuild changed pages only)")
    args = parser.parse_args()

    reason = browser_unavailable()
    if reason:
        print(f"cannot measure: {reason}", file=sys.stderr)
        return 2
    pages = sum(1 for _ in args.docs.rglob("*.md"))
    with tempfile.TemporaryDirectory(prefix="bench-live-") as tmp:
        work = Path(tmp)
        server = MkdocsServe(work / "serve", source=args.docs, extra_args=("--dirty",) if args.dirty else ())
        mode = "mkdocs serve --dirty" if args.dirty else "mkdocs serve"
        print(f"docs: {args.docs} ({pages} pages), {mode}, editing {args.page}, {args.edits} edits", flush=True)
        try:
            server.start(timeout=max(90.0, args.timeout))
            latencies, rebuilds = live_edits(server, args.page, args.edits, args.timeout)
        finally:
            server.stop()
        builds_dir = work / "builds"
        builds_dir.mkdir()
        walls, reported = bare_builds(server.docs, args.builds, builds_dir)
        shutil.rmtree(builds_dir, ignore_errors=True)

    med, worst = statistics.median(latencies), max(latencies)
    wall, own = statistics.median(walls), statistics.median(reported)
    print()
    print(f"edit -> visible ({mode} + live reload + Chromium): median {med:.2f} s, max {worst:.2f} s, n={len(latencies)}")
    if rebuilds:
        print(f"  of which the serve rebuilds (MkDocs' figure): median {statistics.median(rebuilds):.2f} s, n={len(rebuilds)}")
    print("  (mkdocs serve polls the file system every 0.5 s and waits 0.1 s for writes to stop)")
    print(f"bare `mkdocs build` of the same tree: wall median {wall:.2f} s, MkDocs' figure median {own:.2f} s, n={len(walls)}")
    print(f"ratio edit->visible / bare build wall:         {med / wall:.2f}")
    print(f"ratio edit->visible / bare build (MkDocs' own): {med / own:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
