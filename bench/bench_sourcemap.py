"""Mapping link findings back to Markdown stays linear in the links of a page.

    .venv/bin/python bench/bench_sourcemap.py [--sizes 5000,10000,20000,40000] [--repeat N]

A hostile but real shape: a generated reference page with n identical links to a missing
anchor. For each n, a site of two pages is written (Markdown sources and their built HTML,
Material's content element) and checked twice, best of N:

- map: `SourceMap.finding` for the page's n problems alone (what used to rescan the page's
  source from its first line for every finding: O(n^2));
- site: `docs_check.site.check_site` end to end (extraction, anchors, mapping, suppressions).

It prints the time per link and its ratio to the smallest size's time per link, measured in
the same run: a ratio near 1 at 8x the links is linear growth; quadratic growth would double
it with every doubling of n. It also asserts that every finding landed on its own line.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from docs_check.config import Config
from docs_check.site import check_site
from docs_check.site.linkcheck import Options, run
from docs_check.site.sourcemap import SourceMap


def write_site(root: Path, n: int) -> tuple[Path, Path]:
    docs, site = root / "docs", root / "site"
    (docs).mkdir(parents=True)
    (site / "ref").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nSee [the reference](ref.md).\n")
    (docs / "ref.md").write_text("# Reference\n\n" + "[missing](#missing)\n" * n)
    article = '<article class="md-content__inner md-typeset">{}</article>'
    (site / "index.html").write_text(
        "<!doctype html><html><body>"
        + article.format('<h1 id="home">Home</h1><p>See <a href="ref/">the reference</a>.</p>')
        + "</body></html>"
    )
    links = '<a href="#missing">missing</a>\n' * n
    (site / "ref" / "index.html").write_text(
        "<!doctype html><html><body>"
        + article.format(f'<h1 id="reference">Reference</h1><p>{links}</p>')
        + "</body></html>"
    )
    return docs, site


def time_map(docs: Path, site: Path) -> tuple[float, list[int]]:
    _layout, result = run(site, Options(), base_url=None, exclude=[], jobs=1)
    problems = [p for p in result.problems if p.page == "ref/index.html"]
    smap = SourceMap(site, docs, None, None)
    t0 = time.perf_counter()
    lines = [smap.finding(p).line for p in problems]
    return time.perf_counter() - t0, lines


def time_site(docs: Path, site: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    findings, _pages = check_site(site, Config(jobs=1), docs_dir=docs)
    return time.perf_counter() - t0, len(findings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="5000,10000,20000,40000")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            docs, site = write_site(Path(tmp), n)
            best_map = best_site = float("inf")
            for _ in range(args.repeat):
                t_map, lines = time_map(docs, site)
                best_map = min(best_map, t_map)
                t_site, count = time_site(docs, site)
                best_site = min(best_site, t_site)
            # Line 1 is the title, line 2 blank: link k sits on line k + 2, one finding per line.
            assert lines == list(range(3, n + 3)), "findings did not map one to a line"
            assert count == n, f"{count} findings for {n} broken links"
            rows.append((n, best_map / n, best_site / n))
    base_map, base_site = rows[0][1], rows[0][2]
    print(f"{'links':>7} {'map us/link':>12} {'ratio':>6} {'site us/link':>13} {'ratio':>6}")
    for n, per_map, per_site in rows:
        print(f"{n:>7} {per_map * 1e6:>12.2f} {per_map / base_map:>6.2f} "
              f"{per_site * 1e6:>13.2f} {per_site / base_site:>6.2f}")
    print(f"(ratios: time per link against {sizes[0]} links in this run; ~1 is linear, "
          "quadratic doubles with every doubling of n)")


if __name__ == "__main__":
    main()
