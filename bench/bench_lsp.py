"""The writer's loop in the editor: from a one-line `didChange` to its `publishDiagnostics`.

    .venv/bin/python bench/bench_lsp.py [--edits N] [--page REL ...] [--cli-runs N]

`docs-check lsp` runs as an editor runs it (a subprocess over stdio, driven by pygls'
client), on a workspace whose `docs` folder is Coder's docs tree (482 pages, with its
manifest.json, and `extra.docs_check.provider_version` set as this site's mkdocs.yml sets it).
For each page:

1. open: `didOpen` to its diagnostics (the server's first check of the page);
2. edits: N one-line edits, one at a time (append a word to a prose line, then take it
   away, alternately); each is timed from sending the `didChange` to receiving the
   `publishDiagnostics` for that document version, debounce included, with the server's
   default debounce and again with none (the pause is the only difference);
3. peers, in the same run: the same page checked cold by the CLI (`docs-check PAGE`, a new
   process each time, as an editor that pipes its buffer to the command pays for each check),
   and by the engine in this process (`check_document`, warm: the floor the server adds to).

It prints p50 and p95 of the edit latency, and the ratio of the p50 to the cold CLI check.
The goal: p95 under 100 ms for a typical page on the project's 2-core machine. Without
../shared it says so and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "coder-docs-2026-07"
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from docs_check.config import load  # noqa: E402
from docs_check.engine import check_document  # noqa: E402
from docs_check.scanner import Document  # noqa: E402
from lsp_client import Session  # noqa: E402

MKDOCS_YML = "site_name: bench\ndocs_dir: docs\nextra:\n  docs_check:\n    provider_version: '2.11.0'\n"
# a typical page (the centre of this site), a long one (the 90th percentile by size) and the
# largest of the tree (a generated API reference, for scale)
PAGES = ["ai-coder/tasks.md", "about/contributing/backend.md", "reference/api/schemas.md"]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def prose_line(text: str) -> int:
    """A line of plain prose to edit (0-based): not code, not a heading, not in a table."""
    lines = text.split("\n")
    fence = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and line[:1].isalpha() and len(line) > 40:
            return i
    return len(lines) - 1


async def edit_latencies(root: Path, rel: str, edits: int, debounce_ms: float | None) -> tuple[float, list[float]]:
    page = root / "docs" / rel
    text = page.read_text(encoding="utf-8")
    line = prose_line(text)
    end = len(text.split("\n")[line])
    options = None if debounce_ms is None else {"debounceMs": debounce_ms}
    async with Session(root, options=options) as s:
        await asyncio.sleep(3.0)  # let the warm-up check finish, as it has long before a writer types
        start = time.perf_counter()
        uri = s.open(page, text)
        await s.diagnostics(uri, 1)
        opened = time.perf_counter() - start
        times = []
        for n in range(edits):
            if n % 2 == 0:
                sent = time.perf_counter()
                v = s.change(uri, (line, end), (line, end), " Edited")
            else:
                sent = time.perf_counter()
                v = s.change(uri, (line, end), (line, end + 7), "")
            await s.diagnostics(uri, v)
            index = next(i for i in range(len(s.published) - 1, -1, -1)
                         if s.published[i].uri == uri and s.published[i].version == v)
            times.append(s.received[index] - sent)
        return opened, times


def cli_cold(root: Path, rel: str, runs: int) -> float:
    best = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "docs-check"), "-q", f"docs/{rel}"], cwd=root,
                       capture_output=True, check=False)
        best.append(time.perf_counter() - start)
    return statistics.median(best)


def engine_warm(root: Path, rel: str) -> float:
    config = load(None, {"provider_version": "2.11.0"})
    config.root = root
    text = (root / "docs" / rel).read_text(encoding="utf-8")
    check_document(Document.from_text(text, f"docs/{rel}"), config)  # dictionaries loaded
    runs = []
    for n in range(20):
        start = time.perf_counter()
        check_document(Document.from_text(text + f"\nEdit {n}.\n", f"docs/{rel}"), config)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--edits", type=int, default=200)
    p.add_argument("--page", action="append", help="a page of the corpus, relative to it (repeatable)")
    p.add_argument("--cli-runs", type=int, default=5)
    args = p.parse_args()
    if not CORPUS.is_dir():
        print(f"bench_lsp: {CORPUS} is absent; nothing measured (the corpus lives in ../shared)")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-lsp-") as tmp:
        root = Path(tmp)
        (root / "mkdocs.yml").write_text(MKDOCS_YML)
        (root / "docs").symlink_to(CORPUS)
        print(f"corpus: {CORPUS} ({sum(1 for _ in CORPUS.rglob('*.md'))} pages); {args.edits} edits per page\n")
        for rel in args.page or PAGES:
            size = (CORPUS / rel).stat().st_size
            cold = cli_cold(root, rel, args.cli_runs)
            floor = engine_warm(root, rel)
            print(f"{rel} ({size:,} bytes)")
            print(f"  cold CLI check (docs-check PAGE, new process, median of {args.cli_runs}): {cold * 1000:7.1f} ms")
            print(f"  engine check in process (warm, median of 20):                  {floor * 1000:7.1f} ms")
            for label, debounce in (("default debounce (25 ms)", None), ("no debounce", 0.0)):
                opened, times = asyncio.run(edit_latencies(root, rel, args.edits, debounce))
                p50, p95 = pct(times, 50), pct(times, 95)
                print(f"  LSP, {label}: didOpen->diagnostics {opened * 1000:.1f} ms; "
                      f"didChange->publishDiagnostics p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
                      f"max {max(times) * 1000:.1f} ms; p50 / cold CLI = {p50 / cold:.3f}; "
                      f"p95 {'under' if p95 < 0.1 else 'OVER'} 100 ms")
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
