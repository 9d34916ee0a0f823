"""Build Coder's real docs tree with each engine, alone and inside `docs-check build`, and
compare what the checks cost on each.

    .venv/bin/python bench/bench_engines.py [--repeat N] [--engines mkdocs,properdocs,zensical]

For each engine, measured in this one run, runs interleaved (alone, checks, alone, checks...)
so load drifts hit both:

- alone:   the engine's own build with `DOCS_CHECKS=off` (the command docs_check.engines runs);
- checks:  `docs-check build --engine E`: the Markdown checks, that same build, and the
           built-site link checks, end to end;
- for MkDocs also `hook`: `mkdocs build` with the checks inside it (hooks/check_pages.py).

Figures: wall time (best of N), CPU, and peak memory of the whole process tree (the engine,
docs-check and every worker; sampled every 20 ms from /proc/PID/smaps_rollup) as PSS, which
counts a page shared by N processes 1/N in each, and as RSS, which counts it N times; and
the peak RSS of the largest single process. Each as a ratio against the engine alone. Goals: checks add at most 1.10x time and memory on every engine,
at most 1.05x on MkDocs. Then the findings per engine (they should be the same), and
`docs-check parity` of each engine's build against MkDocs' on the corpus, per class.

Zensical requires docs_dir (and site_dir) inside the project, so the corpus is copied into
`build/bench-corpus/` (git-ignored) and every site is written under `build/bench-sites/`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from docs_check.engines import ENGINES, build_command, engine

ROOT = Path(__file__).resolve().parents[1]

CORPUS = ROOT.parent / "shared" / "corpus" / "coder-docs-2026-07"
BIN = Path(sys.executable).parent
WORK = ROOT / "build"

# Runs argv as its child and samples the RSS of the child's whole process tree.
PROBE = r"""
import json, os, resource, subprocess, sys, time

def tree(root):
    kids = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, ()))
    return out

def memory(pids):
    # (RSS, PSS) in bytes: RSS counts a page shared by N processes (the forkserver's
    # preloaded modules in each worker) N times, PSS 1/N times in each.
    rss = pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
        except (OSError, IndexError, ValueError):
            pass
    return rss, pss

start = time.perf_counter()
with open(sys.argv[1], "wb") as out, open(sys.argv[2], "wb") as err:
    proc = subprocess.Popen(sys.argv[3:], stdout=out, stderr=err)
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        rss, pss = memory(tree(proc.pid))
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.02)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "tree_mib": peak_pss / 2**20,
                  "tree_rss_mib": peak_rss / 2**20,
                  "largest_mib": usage.ru_maxrss / 1024, "status": proc.returncode}))
"""


def probe(argv: list[str], env: dict[str, str], out: Path, err: Path) -> dict:
    res = subprocess.run([sys.executable, "-c", PROBE, str(out), str(err), *argv],
                         env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def base_env(docs: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "DOCS_DIR": str(docs.relative_to(ROOT))}
    env.pop("DOCS_CHECK_RAISE", None)
    env.update(extra)
    return env


def commands(name: str, site: Path, docs: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    """What each mode of `name` runs: the engine alone is the very command docs-check build runs."""
    spec = engine(name)
    config = ROOT / next(f for f in spec.config_files if (ROOT / f).is_file())
    argv, extra = build_command(spec, config, site / "alone")
    modes = {
        "alone": (argv, base_env(docs, **extra)),
        "checks": ([str(BIN / "docs-check"), "build", "--engine", name, "--site-dir", str(site / "checks"),
                    "--format", "json", "-q"], base_env(docs)),
    }
    if name == "mkdocs":
        modes["hook"] = ([str(BIN / "mkdocs"), "build", "-d", str(site / "hook")], base_env(docs, DOCS_CHECKS="on"))
    return modes


def measure(names: list[str], docs: Path, sites: Path, logs: Path, repeat: int) -> dict[str, dict[str, list[dict]]]:
    runs: dict[str, dict[str, list[dict]]] = {n: {} for n in names}
    for i in range(repeat):
        for name in names:
            modes = commands(name, sites / name, docs)
            order = list(modes) if i % 2 == 0 else list(reversed(modes))
            for mode in order:
                argv, env = modes[mode]
                out, err = logs / f"{name}-{mode}-{i}.out", logs / f"{name}-{mode}-{i}.err"
                r = probe(argv, env, out, err)
                r["out"], r["err"] = out, err
                runs[name].setdefault(mode, []).append(r)
                ok = r["status"] == 0 or (mode == "checks" and r["status"] == 1)
                print(f"  run {i + 1} {name:<10} {mode:<6}: {r['wall']:6.2f} s wall, {r['cpu']:6.2f} s CPU, "
                      f"tree PSS {r['tree_mib']:4.0f} MiB (RSS {r['tree_rss_mib']:4.0f}), largest {r['largest_mib']:4.0f} MiB, "
                      f"exit {r['status']}{'' if ok else '  FAILED: ' + _last_line(err)}", flush=True)
    return runs


def _last_line(path: Path) -> str:
    lines = [x for x in path.read_text(encoding="utf-8", errors="replace").splitlines() if x.strip()]
    return lines[-1][:200] if lines else "(no output)"


def _ok(mode: str, r: dict) -> bool:
    return r["status"] == 0 or (mode == "checks" and r["status"] == 1)


def summary(runs: dict[str, dict[str, list[dict]]]) -> None:
    print(f"  {'engine':<10} {'mode':<6} {'wall':>8} {'CPU':>7} {'tree PSS':>9} {'tree RSS':>9} {'largest':>8}"
          f" {'time x':>7} {'PSS x':>6} {'RSS x':>6} {'largest x':>9}")
    for name, modes in runs.items():
        good = {m: [r for r in rs if _ok(m, r)] for m, rs in modes.items()}
        if not good.get("alone"):
            print(f"  {name:<10} the engine alone failed: no ratio (see the runs above)")
            continue
        base = _best(good["alone"])
        goal = 1.05 if name == "mkdocs" else 1.10
        for mode, rs in good.items():
            if not rs:
                print(f"  {name:<10} {mode:<6} failed")
                continue
            b = _best(rs)
            x = [v / w for v, w in zip(b, base, strict=True)]
            verdict = "" if mode == "alone" else f"  goal <= {goal:.2f}x: time {_v(x[0], goal)}, memory {_v(x[2], goal)}"
            print(f"  {name:<10} {mode:<6} {b[0]:7.2f}s {b[1]:6.2f}s {b[2]:6.0f}MiB {b[3]:6.0f}MiB {b[4]:5.0f}MiB"
                  f" {x[0]:6.2f}x {x[2]:5.2f}x {x[3]:5.2f}x {x[4]:8.2f}x{verdict}")


def _best(rs: list[dict]) -> tuple[float, ...]:
    """Best wall and CPU; the highest peaks (memory does not vary with load as time does)."""
    return (min(r["wall"] for r in rs), min(r["cpu"] for r in rs), max(r["tree_mib"] for r in rs),
            max(r["tree_rss_mib"] for r in rs), max(r["largest_mib"] for r in rs))


def _v(ratio: float, goal: float) -> str:
    return "ok" if ratio <= goal else "MISSED"


def findings(runs: dict[str, dict[str, list[dict]]]) -> None:
    per_engine: dict[str, Counter] = {}
    keys: dict[str, set] = {}
    for name, modes in runs.items():
        r = next((r for r in modes.get("checks", []) if _ok("checks", r)), None)
        if r is None:
            print(f"  {name}: no finished `docs-check build` run")
            continue
        data = json.loads(r["out"].read_text(encoding="utf-8") or "[]")
        per_engine[name] = Counter(f["rule"] for f in data)
        keys[name] = {(f["path"], f["line"], f["column"], f["rule"]) for f in data}
        print(f"  {name}: {len(data)} findings, exit {r['status']}")
    rules = sorted({rule for c in per_engine.values() for rule in c})
    if rules:
        print("  " + f"{'rule':<28}" + "".join(f"{n:>12}" for n in per_engine))
        for rule in rules:
            print("  " + f"{rule:<28}" + "".join(f"{c[rule]:>12}" for c in per_engine.values()))
    if "mkdocs" in keys:
        for name, k in keys.items():
            if name != "mkdocs":
                print(f"  {name} vs mkdocs: {len(k - keys['mkdocs'])} findings only on {name}, "
                      f"{len(keys['mkdocs'] - k)} only on mkdocs (by path, line, column, rule)")


def parity(names: list[str], sites: Path, runs: dict[str, dict[str, list[dict]]]) -> None:
    """Each engine's own build against MkDocs' (a failed build is not compared: what it left
    behind is half a site)."""
    built = {n for n in names if runs[n].get("alone") and all(r["status"] == 0 for r in runs[n]["alone"])}
    if "mkdocs" not in built:
        print("  no MkDocs build to compare with")
        return
    reference = sites / "mkdocs" / "alone"
    for name in names:
        other = sites / name / "alone"
        if name == "mkdocs":
            continue
        if name not in built:
            print(f"  mkdocs vs {name}: {name}'s build failed, nothing to compare")
            continue
        res = subprocess.run([str(BIN / "docs-check"), "parity", str(reference), str(other), "--format", "json"],
                             cwd=ROOT, capture_output=True, text=True)
        data = json.loads(res.stdout)
        counts = ", ".join(f"{c} {n}" for c, n in data["counts"].items()) or "none"
        print(f"  mkdocs vs {name}: pages {data['pages'][0]} vs {data['pages'][1]}; "
              f"{sum(data['counts'].values())} differences ({counts}); {data['unexplained']} unexplained; exit {res.returncode}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--repeat", type=int, default=2, help="runs of each mode (default 2)")
    ap.add_argument("--engines", default=",".join(ENGINES))
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"{args.corpus}: absent (only the project's machines have ../shared)", file=sys.stderr)
        return 2
    names = [engine(n).name for n in args.engines.split(",")]
    docs = WORK / "bench-corpus" / args.corpus.name
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(args.corpus, docs)
    pages = sum(1 for p in docs.rglob("*.md") if not any(s.startswith(".") for s in p.relative_to(docs).parts))
    print(f"corpus: {args.corpus} ({pages} pages) copied to {docs.relative_to(ROOT)}; {os.cpu_count()} cores")
    sites = WORK / "bench-sites"
    shutil.rmtree(sites, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="bench-engines-") as name:
        print("1. builds: the engine alone, `docs-check build`, and for MkDocs the checks in the build (hook)")
        runs = measure(names, docs, sites, Path(name), args.repeat)
        print("2. ratios against the engine alone. time: best wall; memory: peak of the process tree's PSS")
        print("   (shared pages counted once), of its RSS (shared pages once per process), and of the largest process")
        summary(runs)
        print("3. findings of `docs-check build` per engine")
        findings(runs)
        print("4. docs-check parity against MkDocs' build (engines alone)")
        parity(names, sites, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
