"""The writer's loop under `mkdocs serve`: what a rebuild after a one-line edit costs the checks.

    .venv/bin/python bench/bench_recheck.py [--repeat N] [--jobs N]

On a copy of Coder's docs tree (482 pages), in this one process, the way the MkDocs hook
drives `docs_check.build.BuildSession` on each (re)build:

1. cold: a new session with an empty cache checks every page (precheck on all cores, then
   each page as MkDocs renders it);
2. re-check: one line of one page is edited, a new session is made (as `mkdocs serve` does
   for every rebuild) and every page goes through it again; only the edited page is checked,
   the other results come from the cache (keyed by content);
3. spelling alone: the spell-* check over every page, single process, dictionary loaded.

It prints each figure (best of N) and the ratio re-check / cold. The target: a re-check
costs a small fraction of the cold check (under 5%), so a writer's preview stays quick.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "coder-docs-2026-07"
sys.path.insert(0, str(ROOT / "hooks"))

from docs_check import build, load_config  # noqa: E402
from docs_check.checks import spelling  # noqa: E402
from docs_check.scanner import Document  # noqa: E402

EXTRA = {"docs_check": {"provider_version": "2.11.0"}}  # as the project's mkdocs.yml sets it
EDITED = "ai-coder/tasks.md"


def build_pass(config_file: Path, pages: list[Path]) -> tuple[float, int]:
    """One build's worth of checking: (seconds, pages actually checked)."""
    start = time.perf_counter()
    session = build.BuildSession.create(config_file, EXTRA, serving=True)
    misses = session.engine.misses
    session.precheck(pages)
    for page in pages:
        session.check_page(page, "")
    session.write_report()
    return time.perf_counter() - start, session.engine.misses - misses


def edit_one_line(page: Path, n: int) -> None:
    lines = page.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith(("Coder", "Tasks", "You", "The")))
    lines[i] = lines[i] + f" Edited {n}."
    page.write_text("\n".join(lines), encoding="utf-8")


def spelling_pass(pages: list[Path]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, findings) of spell-* alone over every page."""
    cfg = load_config(None)
    lexicon = spelling.lexicon(cfg)  # the dictionary loads once per process; not measured
    lexicon._suggested.clear()  # suggestions for unknown words are part of the cost
    texts = [(p.as_posix(), p.read_bytes()) for p in pages]
    docs = [Document.from_bytes(data, path) for path, data in texts]
    start, cpu = time.perf_counter(), time.process_time()
    found = sum(len(list(spelling.check(doc, cfg))) for doc in docs)
    return time.perf_counter() - start, time.process_time() - cpu, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement (best is shown)")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-recheck-") as tmp:
        root = Path(tmp)
        shutil.copytree(CORPUS, root / "docs")
        config_file = root / "mkdocs.yml"
        config_file.write_text("site_name: bench\n", encoding="utf-8")
        pages = sorted(p for p in (root / "docs").rglob("*.md"))
        cold, warm = [], []
        for n in range(args.repeat):
            build._ENGINES.clear()  # a cold start: no results from an earlier build
            seconds, checked = build_pass(config_file, pages)
            assert checked == len(pages), (checked, len(pages))
            cold.append(seconds)
            edit_one_line(root / "docs" / EDITED, n)
            seconds, checked = build_pass(config_file, pages)
            assert checked == 1, f"a one-line edit re-checked {checked} pages"
            warm.append(seconds)
        spell_times = [spelling_pass(pages) for _ in range(args.repeat)]
    best_cold, best_warm = min(cold), min(warm)
    spell_s, spell_cpu, spell_found = min(spell_times)
    print(f"pages: {len(pages)} (a copy of {CORPUS.name})")
    print(f"cold check, empty cache:          {best_cold * 1000:8.1f} ms  ({len(pages)} pages checked)")
    print(f"re-check after a one-line edit:   {best_warm * 1000:8.1f} ms  (1 page checked, {len(pages) - 1} cached)")
    print(f"ratio re-check / cold:            {best_warm / best_cold:8.3f}  (target < 0.05)")
    print(f"spelling alone, one process:      {spell_s * 1000:8.1f} ms  "
          f"({spell_cpu * 1000:.0f} ms CPU; {spell_found} spell-* findings)")
    return 0 if best_warm / best_cold < 0.05 else 1


if __name__ == "__main__":
    raise SystemExit(main())
