"""Build Coder's real docs tree with this project's config, and measure what the checks cost.

    .venv/bin/python bench/bench_build.py [--repeat N] [--scale 1,2,4] [--skip-scale] [--skip-site]

Everything is measured in this one run, each figure against a peer measured beside it:

1. build with every check vs the same build with `DOCS_CHECKS=off` (rendering unchanged):
   wall time and peak RSS, runs interleaved (off, on, off, on...) so load drifts hit both;
   targets: time <= 1.10x, peak memory <= 1.2x;
2. `docs-check` over the corpus Markdown without building: target under 2 s;
3. `docs-check site` (the link checker) over the built corpus site, when it is there;
4. time growth with pages: the corpus, then the corpus copied 2x and 4x under different
   folders (one manifest listing every copy), built with and without checks, and checked
   with docs-check: milliseconds per page must stay flat (linear);
5. the corpus findings per rule (`docs-check --format json`, the checks the build runs),
   MkDocs' own warnings by kind from the checks-on build, and the known real problems.

Each run is a fresh probe process that runs the command as its child and reads the child's
peak RSS with getrusage(RUSAGE_CHILDREN), so one run's peak cannot leak into the next.
Peak RSS is that of the largest single process (the build; check workers are smaller).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from math import nan
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "coder-docs-2026-07"
BIN = Path(sys.executable).parent

# Runs `argv` as its child; prints wall seconds, CPU seconds (the child and its workers),
# the peak RSS (KiB) of the largest of them, and the exit status.
PROBE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], "wb"), stderr=subprocess.STDOUT)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": usage.ru_maxrss,
                  "status": proc.returncode}))
"""


def probe(argv: list[str], env: dict[str, str], log: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(log), *argv],
        env=env, cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def base_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env.pop("DOCS_CHECK_RAISE", None)
    env.update(extra)
    return env


def build(docs: Path, site: Path, log: Path, *, checks: bool) -> dict:
    env = base_env(DOCS_DIR=str(docs), DOCS_CHECKS="on" if checks else "off")
    return probe([str(BIN / "mkdocs"), "build", "-d", str(site)], env, log)


def pages_in(docs: Path) -> int:
    return sum(1 for p in docs.rglob("*.md") if not any(s.startswith(".") for s in p.relative_to(docs).parts))


def fmt_ratio(value: float, target: float) -> str:
    return f"{value:.2f}x (target <= {target:.2f}x: {'ok' if value <= target else 'MISSED'})"


# -- 1. checks on vs off -------------------------------------------------------------------


def checks_cost(corpus: Path, tmp: Path, repeat: int) -> tuple[dict, dict]:
    runs: dict[str, list[dict]] = {"off": [], "on": []}
    for i in range(repeat):
        for mode in ("off", "on") if i % 2 == 0 else ("on", "off"):
            log = tmp / f"build-{mode}-{i}.log"
            r = build(corpus, tmp / f"site-{mode}", log, checks=mode == "on")
            if r["status"] != 0:
                sys.exit(f"build with checks {mode} failed ({r['status']}); see {log}")
            runs[mode].append(r)
            if mode == "on":
                shutil.copy(log, tmp / "build-on.log")
            print(f"  run {i + 1} checks {mode:<3}: {r['wall']:6.2f} s wall, {r['cpu']:6.2f} s CPU, "
                  f"peak {r['rss_kib'] / 1024:4.0f} MiB", flush=True)
    return runs["off"], runs["on"]


def summarise(label: str, runs: list[dict]) -> tuple[float, float, float]:
    walls = [r["wall"] for r in runs]
    best, median = min(walls), statistics.median(walls)
    cpu = min(r["cpu"] for r in runs)
    peak = max(r["rss_kib"] for r in runs) / 1024
    print(f"  {label}: wall best {best:.2f} s (median {median:.2f} s), CPU best {cpu:.2f} s, peak RSS {peak:.0f} MiB")
    return best, cpu, peak


# -- 2. and 3. the CLI ---------------------------------------------------------------------


def cli_time(args: list[str], tmp: Path, repeat: int, name: str) -> dict | None:
    runs = []
    for i in range(repeat):
        r = probe([str(BIN / "docs-check"), *args], base_env(), tmp / f"{name}-{i}.log")
        if r["status"] not in (0, 1):
            print(f"  {name}: exit {r['status']} (see {tmp / f'{name}-{i}.log'})")
            return None
        runs.append(r)
    return {"best": min(r["wall"] for r in runs), "cpu": min(r["cpu"] for r in runs),
            "rss": max(r["rss_kib"] for r in runs) / 1024}


# -- 4. scale ------------------------------------------------------------------------------


def copies(corpus: Path, dest: Path, n: int) -> Path:
    """`n` copies of the corpus under c0/, c1/...; one manifest whose routes list them all."""
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    routes = []
    for k in range(n):
        shutil.copytree(corpus, dest / f"c{k}", ignore=shutil.ignore_patterns(".*", "manifest.json"))
        routes.append({"title": f"Copy {k}", "path": f"./c{k}/README.md",
                       "children": _prefixed(manifest["routes"], f"c{k}")})
    (dest / "manifest.json").write_text(json.dumps({"versions": ["main"], "routes": routes}), encoding="utf-8")
    return dest


def _prefixed(routes: list[dict], folder: str) -> list[dict]:
    out = []
    for r in routes:
        r = dict(r)
        r["path"] = f"./{folder}/" + r["path"].removeprefix("./")
        r["children"] = _prefixed(r.get("children", []), folder)
        out.append(r)
    return out


def scale(corpus: Path, tmp: Path, factors: list[int], on_run: dict, off_run: dict) -> None:
    """Per-page cost at 1x, 2x, 4x pages: the build with and without checks (their difference
    is what the checks add), and docs-check alone. Material writes the whole navigation into
    every page, so the build itself grows faster than linearly with a flat navigation this big."""
    rows = []
    for n in factors:
        docs = corpus if n == 1 else copies(corpus, tmp / f"x{n}", n)
        pages = pages_in(docs)
        runs = [on_run, off_run] if n == 1 else [
            build(docs, tmp / f"site-x{n}-{mode}", tmp / f"build-x{n}-{mode}.log", checks=mode == "on")
            for mode in ("on", "off")
        ]
        if any(r["status"] != 0 for r in runs):
            print(f"  x{n}: a build failed; see {tmp}/build-x{n}-*.log")
            continue
        on, off = runs
        cli = cli_time([str(docs), "--format", "json", "-q"], tmp, 1, f"cli-x{n}") or {"best": nan, "cpu": nan}
        rows.append((n, pages, off["cpu"], on["cpu"], on["cpu"] - off["cpu"], on["wall"], cli["cpu"], cli["best"]))
    if not rows:
        return
    base = [v / rows[0][1] for v in rows[0][2:]]
    heads = ("off CPU", "on CPU", "checks CPU", "on wall", "cli CPU", "cli wall")
    print(f"  {'copies':>6} {'pages':>6}" + "".join(f" {h + ' ms/pg':>16} {'vs1x':>5}" for h in heads))
    for n, pages, *values in rows:
        cells = "".join(f" {1000 * v / pages:>16.1f} {v / pages / b:>5.2f}" for v, b in zip(values, base, strict=True))
        print(f"  {n:>6} {pages:>6}{cells}")
    print("  linear growth: ms per page stays flat ('vs1x' near 1.0). 'checks CPU' is the build's")
    print("  CPU with checks minus without: what the checks add. CPU columns read true on a busy machine.")


# -- 5. findings ---------------------------------------------------------------------------

KNOWN = [
    ("broken relative link in .style/", "link-leaves-docs", r"^\S*\.style/"),
    ("links to unlisted pages", "link-unlisted-page", r""),
    ("unparseable tf blocks in ai-coder/tasks-migration.md", "tf-syntax", r"ai-coder/tasks-migration\.md"),
    ("dev-registry module source", "registry-", r"dev\.registry|registry\.dev|dev registry"),
]


def findings(tmp: Path, corpus: Path) -> None:
    # The JSON of section 2's `docs-check` run: the same checks the build runs, page for page
    # (the build's own .docs-check/report.json is shared with any other build of the project).
    report = tmp / "cli-0.log"
    try:
        data = json.loads(report.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        data = []
    by_rule = Counter(f["rule"] for f in data)
    print(f"  {len(data)} findings from `docs-check --format json` over the corpus, by rule:")
    for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"    {n:>5}  {rule}")
    log = (tmp / "build-on.log").read_text(encoding="utf-8", errors="replace") if (tmp / "build-on.log").is_file() else ""
    kinds: Counter[str] = Counter()
    for line in log.splitlines():
        if line.startswith(("WARNING", "ERROR")) and not re.search(r":\d+:\d+: [a-z0-9-]+: ", line):
            kinds[re.sub(r"'[^']*'", "'…'", line)[:110]] += 1
    print(f"  MkDocs' own warnings: {sum(kinds.values())}")
    for kind, n in kinds.most_common():
        print(f"    {n:>5}  {kind}")
    # .style/ is a hidden folder MkDocs does not build; the CLI checks it when named.
    style = subprocess.run([str(BIN / "docs-check"), str(corpus / ".style"), "--format", "json", "-q"],
                           env=base_env(), cwd=ROOT, capture_output=True, text=True)
    with contextlib.suppress(json.JSONDecodeError):
        data += json.loads(style.stdout or "[]")
    print("  the known real problems:")
    for label, prefix, where in KNOWN:
        hits = [f for f in data if (prefix is None or f["rule"].startswith(prefix))
                and (not where or re.search(where, f["path"].replace(str(corpus) + "/", "") + " " + f["message"]))]
        print(f"    {label}: {len(hits)} finding(s)")
        for f in hits[:4]:
            path = f["path"].replace(str(corpus) + "/", "")
            print(f"      {path}:{f['line']}:{f['column']}: {f['rule']}: {f['message'][:120]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each build mode (default 3)")
    ap.add_argument("--scale", default="1,2,4", help="corpus copies for the growth table (default 1,2,4)")
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--skip-site", action="store_true")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: absent (only the project's machines have ../shared)", file=sys.stderr)
        return 2
    pages = pages_in(args.corpus)
    print(f"corpus: {args.corpus} ({pages} pages), {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bench-build-") as name:
        tmp = Path(name)
        print("1. mkdocs build, checks on vs DOCS_CHECKS=off")
        off, on = checks_cost(args.corpus, tmp, args.repeat)
        off_best, off_cpu, off_peak = summarise("checks off", off)
        on_best, on_cpu, on_peak = summarise("checks on ", on)
        print(f"  time ratio:   {fmt_ratio(on_best / off_best, 1.10)}")
        print(f"  CPU ratio:    {on_cpu / off_cpu:.2f}x (all cores; what the checks cost on a busy machine)")
        print(f"  memory ratio: {fmt_ratio(on_peak / off_peak, 1.20)}")

        print("2. docs-check over the corpus Markdown (no build)")
        cli = cli_time([str(args.corpus), "--format", "json", "-q"], tmp, args.repeat, "cli")
        if cli:
            ok = "ok" if cli["best"] < 2 else "MISSED"
            print(f"  best {cli['best']:.2f} s (target < 2 s: {ok}), CPU {cli['cpu']:.2f} s, "
                  f"peak RSS {cli['rss']:.0f} MiB, {1000 * cli['best'] / pages:.2f} ms/page")

        if not args.skip_site:
            print("3. docs-check site over the built corpus site (the link checker)")
            site = cli_time(["site", str(tmp / "site-on"), "--docs-dir", str(args.corpus), "--format", "json", "-q"],
                            tmp, 1, "site")
            if site:
                print(f"  {site['best']:.2f} s, CPU {site['cpu']:.2f} s, peak RSS {site['rss']:.0f} MiB "
                      f"({1000 * site['best'] / pages:.2f} ms/page)")

        if not args.skip_scale:
            print("4. growth with pages (mkdocs build with checks, and docs-check)")
            scale(args.corpus, tmp, [int(x) for x in args.scale.split(",")],
                  min(on, key=lambda r: r["cpu"]), min(off, key=lambda r: r["cpu"]))

        print("5. corpus findings")
        findings(tmp, args.corpus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
