"""Time this project's HCL engine against `terraform fmt` on every Terraform block of the corpus.

    .venv/bin/python bench/bench_terraform.py [REPEATS]        (default 5)

Collects the fenced `tf`/`hcl`/`terraform` blocks of ../shared/corpus/coder-docs-2026-07,
then times `format_hcl` + `parse` over all of them (best of REPEATS passes, in-process)
against ONE `terraform fmt` process over the same blocks written to a temporary directory
(best of REPEATS such processes), and prints both and their ratio, e.g.

    blocks: 197 (120,070 chars), unparseable: 5
    python-fmt: 0.095 s, terraform fmt: 0.127 s, ratio 0.75
    cpu time:   0.095 s, terraform fmt: 0.160 s, ratio 0.59

A ratio below 1 means the Python engine is faster than the one terraform process. Wall
times swing on a loaded machine (other test runs); the CPU-time line is the steadier one.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "coder-docs-2026-07"
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))  # hcl_corpus: the corpus helpers the tests share

from docs_check.hcl import HclSyntaxError, format_hcl, parse  # noqa: E402
from hcl_corpus import corpus_blocks, mask_placeholders  # noqa: E402


def time_python(texts: list[str], repeats: int) -> tuple[float, float, int]:
    """Best wall time and best CPU time of one pass of format_hcl + parse over all texts."""
    best_wall = best_cpu = float("inf")
    failed = 0
    for _ in range(repeats):
        failed = 0
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            try:
                format_hcl(text)
                parse(text)
            except HclSyntaxError:
                failed += 1
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, failed


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_terraform(texts: list[str], repeats: int, binary: str) -> tuple[float, float]:
    """Best wall time and best CPU time (all its threads) of one `terraform fmt` process."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            for n, text in enumerate(texts):
                Path(tmp, f"b{n:04d}.tf").write_text(mask_placeholders(text), encoding="utf-8")
            wall, cpu = time.perf_counter(), _children_cpu()
            subprocess.run([binary, "fmt", "-no-color", tmp], capture_output=True, check=False)
            best_wall = min(best_wall, time.perf_counter() - wall)
            best_cpu = min(best_cpu, _children_cpu() - cpu)
    return best_wall, best_cpu


def main() -> int:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}: nothing to measure")
        return 1
    texts = [b.text for b in corpus_blocks(CORPUS)]
    py_wall, py_cpu, failed = time_python(texts, repeats)
    print(f"blocks: {len(texts)} ({sum(map(len, texts)):,} chars), unparseable: {failed}")
    binary = shutil.which("terraform")
    if binary is None:
        print(f"python-fmt: {py_wall:.3f} s, terraform fmt: not on PATH, ratio n/a")
        return 0
    tf_wall, tf_cpu = time_terraform(texts, repeats, binary)
    print(f"python-fmt: {py_wall:.3f} s, terraform fmt: {tf_wall:.3f} s, ratio {py_wall / tf_wall:.2f}")
    # CPU time is steadier than wall time on a busy machine.
    print(f"cpu time:   {py_cpu:.3f} s, terraform fmt: {tf_cpu:.3f} s, ratio {py_cpu / tf_cpu:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
