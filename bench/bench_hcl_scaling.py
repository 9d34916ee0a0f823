"""The HCL engine's time grows linearly with the size of a block.

    .venv/bin/python bench/bench_hcl_scaling.py [--sizes 1250,2500,5000,10000] [--repeat N]

`format_hcl` + `parse` over a generated Terraform file of n resources (~70 characters each),
best of N. It prints the time per resource and its ratio to the smallest size's, measured
in the same run: a ratio near 1 is linear growth (tests/test_hcl_parse.py checks the
results on the 5,000-resource file; the time is measured here, not asserted in a test).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from docs_check.hcl import format_hcl, parse

UNIT = 'resource "a" "b%d" {\n  name  = "x"\n  count = var.n + 1\n  tags  = { a = 1 }\n}\n'


def best_time(source: str, n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        assert format_hcl(source) == source
        assert len(parse(source).items) == n
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1250,2500,5000,10000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        source = "".join(UNIT % i for i in range(n))
        rows.append((n, len(source), best_time(source, n, args.repeat) / n))
    base = rows[0][2]
    print(f"{'resources':>9} {'chars':>9} {'us/resource':>12} {'ratio':>6}")
    for n, chars, per in rows:
        print(f"{n:>9} {chars:>9,} {per * 1e6:>12.1f} {per / base:>6.2f}")
    print(f"(ratio: time per resource against {sizes[0]} resources in this run; ~1 is linear)")


if __name__ == "__main__":
    main()
