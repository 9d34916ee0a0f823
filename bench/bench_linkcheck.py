"""The built-site link checker against lychee and against the bare parse, on Coder's real docs.

    .venv/bin/python bench/bench_linkcheck.py [SITE_DIR] [--repeat N] [--jobs N] [--skip-2x]

Without SITE_DIR the corpus (../shared/corpus/coder-docs-2026-07, 482 pages) is built ONCE
with a plain Material config in a temporary folder; everything below runs on that one site:

1. time, best of N runs interleaved (ours, lychee, parse-only, ...) so load drifts hit all:
   - ours: `docs_check.site.check_site` (both cores, findings mapped back to the Markdown);
   - lychee: `lychee --offline --include-fragments --index-files index.html SITE` (0.24);
   - parse-only: every page parsed by the same parser (lexbor) with the same allocator
     setting, nothing else; serially, and on the same worker pool as ours;
   - parse+queries: the parse and the selector queries the extraction runs, reading no
     value (the floor of extracting through selectolax's Python API);
   targets: lychee/ours >= 5, ours/parse-only <= 1.5;
2. peak memory (RSS of the largest process, and Python's tracemalloc peak for ours, which
   includes lexbor's DOM: selectolax allocates it through Python) on the site and on the
   site copied twice: memory must stay flat as pages grow (the peak is one page's DOM, the
   largest page's; what is kept per page is its ids and its links to other pages' anchors);
3. findings: ours against lychee's, link by link; every difference is put in a named class.

Each timed run is a fresh child process, timed and measured (getrusage of its children) by
a probe process of its own, so one run's peak cannot leak into the next.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "coder-docs-2026-07"
BIN = Path(sys.executable).parent
LYCHEE = str(BIN / "lychee") if (BIN / "lychee").is_file() else "lychee"

MKDOCS_YML = """\
site_name: corpus
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
markdown_extensions:
  - toc
  - admonition
  - pymdownx.superfences
  - pymdownx.tabbed
  - attr_list
  - md_in_html
"""


# -- children: each measured in a process of its own ---------------------------------------


def child(kind: str, site: str, jobs: int, docs: str) -> None:
    """Runs one measured thing and prints {"seconds": ..., ...} as its last line."""
    sys.path.insert(0, str(ROOT / "hooks"))
    if kind in ("ours", "ours-mem"):
        import tracemalloc

        # cli, engine, linkcheck and sourcemap are what check_site imports on first use:
        # imported here, as parse-only imports its parser, so the timed part is the work alone.
        from docs_check import cli, engine  # noqa: F401
        from docs_check.config import Config
        from docs_check.site import check_site, linkcheck, sourcemap  # noqa: F401

        # Python's heap peak is measured in a run of its own, serial (tracing slows every
        # allocation, and forked workers would inherit it): time comes from the plain run.
        if kind == "ours-mem":
            tracemalloc.start()
        t0 = time.perf_counter()
        findings, pages = check_site(Path(site), Config(jobs=jobs), docs_dir=Path(docs) if docs else None)
        seconds = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] if kind == "ours-mem" else 0
        rules = Counter(f.rule for f in findings)
        print(json.dumps({"seconds": seconds, "pages": pages, "findings": len(findings),
                          "rules": rules, "py_peak": peak}))
        return
    from docs_check.site import html
    from docs_check.site.layout import SiteLayout

    html.tune_allocator()
    pages = SiteLayout.scan(Path(site)).pages()
    t0 = time.perf_counter()
    serial = {"parse": html.parse_only, "select": html.select_only}.get(kind)
    if serial is not None:
        for page in pages:
            serial((Path(site) / page).read_bytes())
    else:  # parse-pool: the same pool shape as the checker's
        from concurrent.futures import ProcessPoolExecutor

        size = max(1, min(16, len(pages) // (jobs * 4)))
        chunks = [[str(Path(site) / p) for p in pages[i:i + size]] for i in range(0, len(pages), size)]
        with ProcessPoolExecutor(max_workers=jobs, initializer=html.tune_allocator) as pool:
            list(pool.map(_parse_files, chunks))
    print(json.dumps({"seconds": time.perf_counter() - t0, "pages": len(pages)}))


def _parse_files(paths: list[str]) -> int:
    from docs_check.site import html

    for p in paths:
        html.parse_only(Path(p).read_bytes())
    return len(paths)


def probe(cmd: list[str]) -> None:
    """Run `cmd`, then print its wall time and the peak RSS of its largest process."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_kib = usage.ru_maxrss
    last = (proc.stdout.strip().splitlines() or ["{}"])[-1]
    try:
        data = json.loads(last)
    except ValueError:
        data = {}
    print(json.dumps({"wall": wall, "rss_mib": rss_kib / 1024, "rc": proc.returncode,
                      "cpu": usage.ru_utime + usage.ru_stime,
                      "child": data, "stderr": proc.stderr[-400:]}))


def measure(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--probe", "--", *cmd], capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- the site ------------------------------------------------------------------------------


def build_corpus(tmp: Path) -> Path:
    site = tmp / "site"
    config = tmp / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(docs=CORPUS, site=site), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    t0 = time.perf_counter()
    proc = subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-f", str(config)],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{proc.stdout}{proc.stderr}")
    print(f"built {CORPUS.name} in {time.perf_counter() - t0:.1f} s -> {site}")
    return site


def doubled(site: Path, tmp: Path) -> Path:
    """The site twice, side by side (relative links stay inside each copy)."""
    root = tmp / "site-2x"
    for name in ("a", "b"):
        shutil.copytree(site, root / name)
        # Its root-relative links (`/admin/`) mean the site root, not the copy's folder.
        (root / name / "404.html").unlink(missing_ok=True)
    (root / "index.html").write_text('<a href="a/">a</a> <a href="b/">b</a>', encoding="utf-8")
    return root


def warm(site: Path) -> tuple[int, int]:
    files = n_bytes = 0
    for path in site.rglob("*"):
        if path.is_file():
            n_bytes += len(path.read_bytes())
            files += 1
    return files, n_bytes


# -- findings: ours against lychee's -------------------------------------------------------


def lychee_errors(site: Path) -> list[tuple[str, str, str, str]]:
    """(page, target path, fragment, lychee's reason) for each error lychee reports."""
    out = subprocess.run([LYCHEE, "--offline", "--include-fragments", "--index-files", "index.html",
                          "--format", "json", "--no-progress", str(site)], capture_output=True, text=True)
    report = json.loads(out.stdout)
    errors = []
    for source, entries in (report.get("error_map") or {}).items():
        page = Path(source).resolve().relative_to(site.resolve()).as_posix()
        for e in entries:
            url = e.get("url") or ""
            text = (e.get("status") or {}).get("text") or ""
            if url.startswith("file://"):
                parts = urlsplit(url)
                errors.append((page, _norm(unquote(parts.path)), parts.fragment, text))
            else:
                errors.append((page, "", "", text))
    return errors


def our_problems(site: Path) -> list[tuple[str, str, str, str]]:
    sys.path.insert(0, str(ROOT / "hooks"))
    from docs_check.site.linkcheck import Options, run

    _, result = run(site, Options())
    out = []
    for p in result.problems:
        target = ""
        path = p.href.split("#", 1)[0].split("?", 1)[0]
        if path and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path) and not path.startswith("/"):
            target = _norm(os.path.normpath(os.path.join(site.resolve(), os.path.dirname(p.page), unquote(path))))
        elif p.target:
            target = _norm(str(site.resolve() / p.target))
        if not path and p.fragment:  # "#frag": this page
            target = _norm(str(site.resolve() / p.page))
        out.append((p.page, target, p.fragment or "", p.rule.id))
    return out


def _norm(path: str) -> str:
    path = path.rstrip("/")
    return path[: -len("/index.html")] if path.endswith("/index.html") else path


# Why a finding can be one tool's alone: every class has its explanation, printed beside it.
EXPLAIN = {
    "root-relative": "lychee cannot resolve root-relative links (`/admin/`) without --root-dir; "
                     "ours resolves them against site_url (the 404 page uses them)",
    "link-external-shape": "lychee --offline skips external links; ours checks their shape",
    "link-empty-href": "lychee skips empty hrefs",
    "link-redirect-broken": "lychee does not follow meta-refresh stubs",
    "link-unreachable-page": "lychee has no notion of navigation",
}


def compare(site: Path) -> None:
    theirs = lychee_errors(site)
    ours = our_problems(site)
    # Distinct (page, target, fragment): lychee reports a link as often as the page repeats
    # it, ours reports a repeated navigation link once per page (its Markdown line is one).
    key_l = {(p, t, f) for p, t, f, _ in theirs if t}
    key_o = {(p, t, f) for p, t, f, _ in ours if t}
    both = key_l & key_o
    print("\nfindings, distinct (page, target, fragment), lychee's exact command:")
    print(f"  lychee {len(key_l)} ({len(theirs)} errors), ours {len(key_o)} ({len(ours)} problems); "
          f"reported by both: {len(both)} ({sum(1 for *_, f in both if f)} anchors, "
          f"{sum(1 for *_, f in both if not f)} files)")
    classes: Counter[str] = Counter()
    for _p, t, _f, why in theirs:
        if not t:
            classes["only lychee: root-relative" if "root-relative" in why else f"only lychee: {why[:50]}"] += 1
    for _p, t, _f, rule in ours:
        if not t:
            classes[f"only ours: {rule}"] += 1
    for p, _t, f in sorted(key_l - key_o):
        classes[f"only lychee, UNEXPLAINED: {'anchor' if f else 'file'} (e.g. {p})"] += 1
    for p, _t, f in sorted(key_o - key_l):
        classes[f"only ours, UNEXPLAINED: {'anchor' if f else 'file'} (e.g. {p})"] += 1
    for name, n in sorted(classes.items(), key=lambda kv: -kv[1]):
        why = EXPLAIN.get(name.split(": ", 1)[-1], "")
        print(f"  {n:5d}  {name}" + (f"  -- {why}" if why else ""))


# -- main ----------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", nargs="?", type=Path, help="a built site (default: build the corpus)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=0, help="checker processes (default: one per core)")
    ap.add_argument("--skip-2x", action="store_true")
    args = ap.parse_args()
    jobs = args.jobs or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-linkcheck-") as tmp_name:
        tmp = Path(tmp_name)
        if args.site:
            site, docs = args.site.resolve(), ""
        else:
            if not CORPUS.is_dir():
                sys.exit(f"{CORPUS} is absent; pass a built site")
            site, docs = build_corpus(tmp), str(CORPUS)
        files, n_bytes = warm(site)
        print(f"site: {site} ({files} files, {n_bytes / 1e6:.0f} MB), {jobs} jobs, "
              f"best of {args.repeat}, load average {os.getloadavg()[0]:.1f}")
        me = [sys.executable, __file__]
        runs = {
            "ours": [*me, "--child", "ours", str(site), str(jobs), docs],
            "lychee": [LYCHEE, "--offline", "--include-fragments", "--index-files", "index.html",
                       "--no-progress", str(site)],
            "parse-only (serial)": [*me, "--child", "parse", str(site), "1", ""],
            "parse+queries (serial)": [*me, "--child", "select", str(site), "1", ""],
            f"parse-only ({jobs} procs)": [*me, "--child", "parse-pool", str(site), str(jobs), ""],
        }
        best: dict[str, dict] = {}
        for _ in range(args.repeat):
            for name, cmd in runs.items():
                r = measure(cmd)
                # in-process time for ours and parse-only (no interpreter start); wall for lychee
                r["t"] = r["child"].get("seconds", r["wall"])
                if name not in best or r["t"] < best[name]["t"]:
                    best[name] = r
        print(f"\n{'':24s} {'seconds':>8s} {'wall':>7s} {'CPU':>7s} {'peak RSS':>9s}")
        for name, r in best.items():
            print(f"{name:24s} {r['t']:8.3f} {r['wall']:7.2f} {r['cpu']:7.2f} {r['rss_mib']:5.0f} MiB")
        print("  seconds: the work alone (in-process for ours and parse-only; lychee's wall time);\n"
              "  wall and CPU: the whole process tree, interpreter start included; CPU sums every\n"
              "  process and thread, so it reads true on a loaded machine where wall time does not")
        ours, serial = best["ours"], best["parse-only (serial)"]
        pool = best[f"parse-only ({jobs} procs)"]
        print(f"\nlychee / ours            = {best['lychee']['t'] / ours['t']:.1f}x time, "
              f"{best['lychee']['cpu'] / ours['cpu']:.1f}x CPU   (target >= 5)")
        print(f"ours / parse-only serial = {ours['t'] / serial['t']:.2f}x time, "
              f"{ours['cpu'] / serial['cpu']:.2f}x CPU  (target <= 1.5)")
        print(f"ours / parse-only {jobs} procs = {ours['t'] / pool['t']:.2f}x time, {ours['cpu'] / pool['cpu']:.2f}x CPU")
        floor = best["parse+queries (serial)"]
        print(f"parse+queries / parse-only = {floor['t'] / serial['t']:.2f}x time: the selector queries alone,\n"
              "  before a value is read, are what any extraction through selectolax's Python API pays")
        print(f"ours: {ours['child']['pages']} pages, {ours['child']['findings']} findings "
              f"{dict(sorted(ours['child']['rules'].items()))}")

        if not args.skip_2x:
            big = doubled(site, tmp)
            warm(big)
            rows = {}
            for label, where in (("1x", site), ("2x", big)):
                timed = min((measure([*me, "--child", "ours", str(where), str(jobs), ""])
                             for _ in range(args.repeat)), key=lambda r: r["child"]["seconds"])
                mem = measure([*me, "--child", "ours-mem", str(where), "1", ""])
                rows[label] = (timed, mem)
            (t1, m1), (t2, m2) = rows["1x"], rows["2x"]
            p1, p2 = t1["child"]["pages"], t2["child"]["pages"]
            print(f"\ngrowth, site -> site copied 2x (no source mapping): {p1} -> {p2} pages")
            print(f"  time per page        {t1['child']['seconds'] / p1 * 1000:.2f} -> "
                  f"{t2['child']['seconds'] / p2 * 1000:.2f} ms")
            print(f"  peak RSS, {jobs} procs    {t1['rss_mib']:.0f} -> {t2['rss_mib']:.0f} MiB")
            print(f"  peak RSS, serial     {m1['rss_mib']:.0f} -> {m2['rss_mib']:.0f} MiB")
            print(f"  tracemalloc, serial  {m1['child']['py_peak'] / 2**20:.1f} -> "
                  f"{m2['child']['py_peak'] / 2**20:.1f} MiB")
        compare(site)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        probe(sys.argv[3:])
    elif sys.argv[1:2] == ["--child"]:
        kind, site, jobs, docs = sys.argv[2:6]
        child(kind, site, int(jobs), docs)
    else:
        main()
