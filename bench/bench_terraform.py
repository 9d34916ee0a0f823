"""Time this project's HCL engine against `terraform fmt` on every Terraform block of the corpus.

    .venv/bin/python bench/bench_terraform.py [REPEATS]        (default 5)

Collects the fenced `tf`/`hcl`/`terraform` blocks of ../shared/corpus/coder-docs-2026-07,
then times `format_hcl` + `parse` over all of them (best of REPEATS passes, in-process)
against ONE `terraform fmt` process over the same blocks written to a temporary directory
(best of REPEATS such processes), and prints both and their ratio, e.g.

    blocks: 197 (120,070 chars), unparseable: 5
    python-fmt: 0.095 s, terraform fmt: 0.127 s, ratio 0.75

A ratio below 1 means the Python engine is faster than the one terraform process.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "coder-docs-2026-07"
sys.path.insert(0, str(ROOT / "hooks"))

from docs_check.hcl import HclSyntaxError, format_hcl, parse  # noqa: E402
from docs_check.hcl.corpus import corpus_blocks, mask_placeholders  # noqa: E402


def time_python(texts: list[str], repeats: int) -> tuple[float, int]:
    best = float("inf")
    failed = 0
    for _ in range(repeats):
        failed = 0
        start = time.perf_counter()
        for text in texts:
            try:
                format_hcl(text)
                parse(text)
            except HclSyntaxError:
                failed += 1
        best = min(best, time.perf_counter() - start)
    return best, failed


def time_terraform(texts: list[str], repeats: int, binary: str) -> float:
    best = float("inf")
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            for n, text in enumerate(texts):
                Path(tmp, f"b{n:04d}.tf").write_text(mask_placeholders(text), encoding="utf-8")
            start = time.perf_counter()
            subprocess.run([binary, "fmt", "-no-color", tmp], capture_output=True, check=False)
            best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: nothing to measure")
        return 1
    texts = [b.text for b in corpus_blocks(CORPUS)]
    py, failed = time_python(texts, repeats)
    print(f"blocks: {len(texts)} ({sum(map(len, texts)):,} chars), unparseable: {failed}")
    binary = shutil.which("terraform")
    if binary is None:
        print(f"python-fmt: {py:.3f} s, terraform fmt: not on PATH, ratio n/a")
        return 0
    tf = time_terraform(texts, repeats, binary)
    print(f"python-fmt: {py:.3f} s, terraform fmt: {tf:.3f} s, ratio {py / tf:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
