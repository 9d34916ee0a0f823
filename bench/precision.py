"""Precision and recall of the checks on Coder's real docs tree, against hand-labelled findings.

    .venv/bin/python bench/precision.py [--no-site] [--site-dir DIR] [--unlabelled] [--json] [--labels FILE]...
    .venv/bin/python bench/precision.py --tree DIR --labels FILE [--config-dir DIR]
        [--include PREFIX]... [--exclude PREFIX]... [--unlabelled | --skeleton]

`tests/labels/coder-docs-2026-07.json` holds findings of the corpus
(`../shared/corpus/coder-docs-2026-07`) judged by hand: `true` (a careful writer would want to
change it) or `false` (a cry of wolf), with a reason for every `false` and every non-obvious
`true` (`tests/labels/README.md` says how they were sampled). This script runs the real
`docs-check` CLI over the corpus (`docs-check --format json CORPUS`) and, unless `--no-site`,
builds the corpus (`DOCS_DIR=CORPUS mkdocs build`) and runs `docs-check site` on it; then it
joins the findings with the labels and prints, per family and per rule:

- labelled true / labelled false among today's findings, and precision = true / (true + false);
- how many of today's findings carry no label (new findings of changed checks: label them);
- recall of the labelled true findings: labelled true that are still reported / all labelled
  true. A label that no finding matches is "lost" and is listed (path:line rule key).

A label matches a finding with the same source (`markdown`, `site` or `seed`), path, line and
rule whose message or page URL contains the label's `key`, or whose source line starts with it (the flagged word, link
target, module or attribute), so a label survives changes of column and wording. For recall
only, a true label whose finding moved to another rule of the same family at the same place
(say `spell-unknown-word` -> `spell-variant`) still counts as reported, and is listed as moved.

`seed` findings are those of the lines the seed patch (`../shared/seed/*.txt`) adds to the
Tasks page (the typos `Regitsry`, `instcrtion`, `requiredto`), checked as `seed/tasks.md`.

Without `../shared` it prints why and exits 0.

`--tree DIR` measures a tree the checks were never tuned on instead of the corpus (say a sample
of a registry's READMEs; `tests/labels/README.md` says how such a sample is split and judged):
only `docs-check --format json DIR` is run (no build, no seed), from `--config-dir` (default: an
empty folder, so neither this project's configuration nor the tree's applies unless given).
`--include`/`--exclude` keep or drop paths by prefix, on findings and labels alike, so one label
file serves a tuning half and a held-out half. `--skeleton` prints the unlabelled findings as
label records to judge (verdict `null`, key taken from the message), one JSON object per line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "coder-docs-2026-07"
SEED = SHARED / "seed" / "000_8a37c93000be43d7.txt"
LABELS = ROOT / "tests" / "labels" / "coder-docs-2026-07.json"
BIN = Path(sys.executable).parent
SEED_PATH = "seed/tasks.md"
SEED_RULES = "spell-,tf-secret"


@dataclass(frozen=True)
class Found:
    """One finding of today's checks, reduced to what a label is matched on."""

    source: str  # markdown | site | seed
    path: str  # relative to the corpus (or SEED_PATH)
    line: int
    column: int
    rule: str
    message: str
    page: str = ""
    text: str = ""  # the source line the finding is on

    def holds(self, key: str) -> bool:
        # The source line counts from its start only (tf-fmt and tf-syntax keys are the start
        # of the flagged line): any word of the line would match another finding on it.
        return key in self.message or key in self.page or self.text.strip().startswith(key)


@dataclass
class Label:
    source: str
    path: str
    line: int  # the first of `lines`
    rule: str
    key: str
    verdict: bool
    reason: str = ""
    lines: tuple[int, ...] = ()  # every line the finding may be reported on (default: `line`)
    # Why the checks knowingly no longer report this true finding (a decided recall loss: it
    # still counts against recall, but the corpus tests do not fail on it).
    accepted_miss: str = ""
    column: int = 0  # when set, the finding's column too (the same word twice on a line, judged apart)

    def __post_init__(self) -> None:
        self.lines = self.lines or (self.line,)

    @property
    def where(self) -> str:
        prefix = "" if self.source == "markdown" else f"[{self.source}] "
        return f"{prefix}{self.path}:{self.line} {self.rule} {self.key!r}"


@dataclass
class Joined:
    matched: list[tuple[Found, Label]] = field(default_factory=list)
    unlabelled: list[Found] = field(default_factory=list)
    lost: list[Label] = field(default_factory=list)  # labelled true, no longer reported
    moved: list[tuple[Label, Found]] = field(default_factory=list)  # true, now another rule
    gone_false: list[Label] = field(default_factory=list)  # labelled false, no longer reported


def family(rule: str) -> str:
    return rule.split("-", 1)[0] + "-*"


class LabelFileError(Exception):
    """A label file that cannot be read: named in a one-line error, exit 2."""


def load_labels(path: Path = LABELS) -> list[Label]:
    try:
        return _labels(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelFileError(f"{path}: cannot read it ({exc.strerror if isinstance(exc, OSError) else exc})") from None
    except json.JSONDecodeError as exc:
        raise LabelFileError(f"{path}:{exc.lineno}:{exc.colno}: not JSON ({exc.msg})") from None
    except (KeyError, TypeError, IndexError) as exc:
        raise LabelFileError(f"{path}: not a label file (a record lacks {exc})") from None


def _labels(data: dict) -> list[Label]:
    labels = []
    for r in data["labels"]:
        lines = tuple(r["line"]) if isinstance(r["line"], list) else (r["line"],)
        labels.append(Label(
            source=r.get("source", "markdown"), path=r["path"], line=lines[0], rule=r["rule"],
            key=r["key"], verdict=r["verdict"], reason=r.get("reason", ""), lines=lines,
            accepted_miss=r.get("accepted_miss", ""), column=r.get("column", 0),
        ))
    return labels


def _line_text(root: Path, rel: str, line: int, cache: dict[str, list[str]]) -> str:
    if rel not in cache:
        try:
            cache[rel] = (root / rel).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            cache[rel] = []
    lines = cache[rel]
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _founds(source: str, raw: list[dict], root: Path) -> list[Found]:
    cache: dict[str, list[str]] = {}
    out = []
    for f in raw:
        path = Path(f["path"])
        rel = path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()
        out.append(Found(
            source, rel, f["line"], f.get("column") or 0, f["rule"], f["message"],
            f.get("page") or "", _line_text(root, rel, f["line"], cache),
        ))
    return out


def _cli_json(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT, stdin: str | None = None) -> list[dict]:
    proc = subprocess.run(
        [str(BIN / "docs-check"), *args, "--format", "json"],
        cwd=cwd, env={**os.environ, **(env or {})}, input=stdin,
        capture_output=True, text=True, timeout=900,
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"docs-check {' '.join(args)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout or "[]")


# The configuration the corpus's owners would give it (generated pages, provider target): the
# checks run from its folder, so this project's own mkdocs.yml and pyproject.toml do not apply.
CORPUS_CONFIG = ROOT / "tests" / "labels" / "coder-docs-config"


def markdown_findings(corpus: Path = CORPUS, config_dir: Path | None = CORPUS_CONFIG) -> list[Found]:
    """`docs-check --format json CORPUS` with the corpus's configuration: every Markdown rule,
    as the tree's own writers would run it. `config_dir` None: no configuration at all."""
    corpus = corpus.resolve()
    if config_dir is None:
        with tempfile.TemporaryDirectory(prefix="precision-noconfig-") as tmp:
            return _founds("markdown", _cli_json(str(corpus), cwd=Path(tmp)), corpus)
    config = config_dir / "pyproject.toml"
    args = ("--config", str(config)) if config.is_file() else ()
    raw = _cli_json(str(corpus), *args, cwd=config_dir)
    return _founds("markdown", raw, corpus)


def build_corpus(site_dir: Path, corpus: Path = CORPUS) -> None:
    env = {**os.environ, "DOCS_DIR": str(corpus), "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    proc = subprocess.run(
        [str(BIN / "mkdocs"), "build", "-q", "-d", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build of the corpus failed:\n{proc.stderr[-3000:]}")


def site_findings(site_dir: Path, corpus: Path = CORPUS) -> list[Found]:
    """`docs-check site SITE` on the built corpus (findings mapped back to its Markdown)."""
    raw = _cli_json("site", str(site_dir), env={"DOCS_DIR": str(corpus)})
    return _founds("site", raw, corpus)


_NOT_ADDED = re.compile(r"\+\+\+|\+\d{4} Subject|\+\d+(,\d+)? @@")


def seed_text(seed: Path = SEED) -> str:
    """The lines the seed's first commit adds to the Tasks page, as one Markdown page.

    The patch is stored flattened onto one line (an added line starts at ` +`), so indentation
    is lost: only the prose rules and the secret scan are run on it (`SEED_RULES`). Later
    commits of the patch only fix review comments (they remove the token)."""
    first = re.split(r" From [0-9a-f]{40} ", seed.read_text(encoding="utf-8"))[0]
    parts = re.split(r" (?=[+-](?!\+\+|--))", first)
    return "\n".join(p[1:] for p in parts if p.startswith("+") and not _NOT_ADDED.match(p)) + "\n"


def seed_findings(seed: Path = SEED) -> list[Found]:
    text = seed_text(seed)
    lines = text.splitlines()
    raw = _cli_json("-", "--stdin-filename", SEED_PATH, "--select", SEED_RULES, stdin=text)
    return [
        Found("seed", SEED_PATH, f["line"], f.get("column") or 0, f["rule"], f["message"], "",
              lines[f["line"] - 1] if 0 < f["line"] <= len(lines) else "")
        for f in raw
    ]


def join(found: Iterable[Found], labels: Iterable[Label]) -> Joined:
    """Match labels to findings (same place and rule, key in message/page/line), one to one."""
    by_place: dict[tuple, list[Found]] = defaultdict(list)
    for f in sorted(found, key=lambda f: (f.source, f.path, f.line, f.column)):
        by_place[(f.source, f.path, f.line, f.rule)].append(f)
    taken: set[int] = set()
    out = Joined()
    unmatched: list[Label] = []
    for lab in labels:
        hit = next(
            (f for line in lab.lines for f in by_place.get((lab.source, lab.path, line, lab.rule), [])
             if id(f) not in taken and f.holds(lab.key) and lab.column in (0, f.column)),
            None,
        )
        if hit is None:
            unmatched.append(lab)
        else:
            taken.add(id(hit))
            out.matched.append((hit, lab))
    for lab in unmatched:
        if not lab.verdict:
            out.gone_false.append(lab)
            continue
        moved = next(
            (f for (src, path, line, rule), fs in by_place.items()
             if (src, path) == (lab.source, lab.path) and line in lab.lines and family(rule) == family(lab.rule)
             for f in fs if f.holds(lab.key)),
            None,
        )
        if moved is None:
            out.lost.append(lab)
        else:
            out.moved.append((lab, moved))
    out.unlabelled = [f for fs in by_place.values() for f in fs if id(f) not in taken]
    return out


def _pct(num: int, den: int) -> str:
    return f"{100 * num / den:5.1f}%" if den else "    -"


def table(joined: Joined, labels: list[Label]) -> list[dict]:
    """One row per family and per rule: the figures `main` prints (and --json emits)."""
    rows: dict[str, dict] = {}

    def row(name: str) -> dict:
        return rows.setdefault(name, {"name": name, "true": 0, "false": 0, "unlabelled": 0,
                                      "labelled_true": 0, "true_reported": 0})

    for f, lab in joined.matched:
        for name in (family(f.rule), f.rule):
            row(name)["true" if lab.verdict else "false"] += 1
    for f in joined.unlabelled:
        for name in (family(f.rule), f.rule):
            row(name)["unlabelled"] += 1
    lost = {id(lab) for lab in joined.lost}
    for lab in labels:
        if lab.verdict:
            for name in (family(lab.rule), lab.rule):
                r = row(name)
                r["labelled_true"] += 1
                r["true_reported"] += id(lab) not in lost
    for r in rows.values():
        judged = r["true"] + r["false"]
        r["precision"] = r["true"] / judged if judged else None
        r["recall"] = r["true_reported"] / r["labelled_true"] if r["labelled_true"] else None
    order = sorted(rows, key=lambda n: (n.split("-", 1)[0], not n.endswith("*"), n))
    return [rows[n] for n in order]


def _print_table(rows: list[dict], joined: Joined, labels: list[Label]) -> None:
    print(f"{'family / rule':32} {'true':>5} {'false':>5} {'precision':>9} {'unlabelled':>10} {'recall of labelled true':>24}")
    for r in rows:
        name = r["name"] if r["name"].endswith("*") else "  " + r["name"]
        prec = _pct(r["true"], r["true"] + r["false"])
        rec = f"{r['true_reported']}/{r['labelled_true']} {_pct(r['true_reported'], r['labelled_true'])}"
        print(f"{name:32} {r['true']:5} {r['false']:5} {prec:>9} {r['unlabelled']:10} {rec:>24}")
    t = sum(lab.verdict for _, lab in joined.matched)
    n = len(joined.matched)
    all_true = sum(lab.verdict for lab in labels)
    print(f"{'all':32} {t:5} {n - t:5} {_pct(t, n):>9} {len(joined.unlabelled):10} "
          f"{f'{all_true - len(joined.lost)}/{all_true} {_pct(all_true - len(joined.lost), all_true)}':>24}")
    print(f"\n{len(labels)} labels ({all_true} true); {n} of today's findings labelled, "
          f"{len(joined.unlabelled)} unlabelled; {len(joined.gone_false)} labelled-false findings no longer reported.")
    for lab, f in joined.moved:
        print(f"moved: {lab.where} -> now {f.rule}")
    for lab in joined.lost:
        print(f"LOST: {lab.where}")


def _print_unlabelled(unlabelled: list[Found]) -> None:
    print("\nunlabelled findings:")
    for f in sorted(unlabelled, key=lambda f: (f.rule, f.source, f.path, f.line)):
        print(f"  [{f.source}] {f.path}:{f.line}:{f.column} {f.rule} {f.message[:160]}")


def collect(site: bool, site_dir: Path | None) -> list[Found]:
    found = markdown_findings() + seed_findings()
    if site:
        if site_dir is None:
            with tempfile.TemporaryDirectory(prefix="precision-site-") as tmp:
                build_corpus(Path(tmp) / "site")
                found += site_findings(Path(tmp) / "site")
        else:
            found += site_findings(site_dir)
    return found


_QUOTED = re.compile(r"[`'\"]([^`'\"]+)[`'\"]")


def skeleton(f: Found) -> dict:
    """A label record to judge for an unlabelled finding: the key is the first quoted word of
    the message (the flagged word, target or module), else the start of the flagged line."""
    quoted = _QUOTED.search(f.message)
    key = quoted.group(1) if quoted else f.text.strip()[:40]
    return {"source": f.source, "path": f.path, "line": f.line, "rule": f.rule, "key": key,
            "verdict": None, "reason": "", "context": f.text.strip()[:160], "message": f.message[:200]}


def _within(path: str, include: list[str], exclude: list[str]) -> bool:
    return (not include or any(path.startswith(p) for p in include)) and not any(path.startswith(p) for p in exclude)


def _tree_run(args: argparse.Namespace) -> tuple[list[Found], list[Label]] | None:
    """Findings and labels of a foreign tree (`--tree`), filtered by --include/--exclude."""
    if not args.tree.is_dir():
        print(f"skipped: {args.tree} is absent (a foreign tree is fetched by hand; tests/labels/README.md)")
        return None
    labels = [lab for path in (args.labels or []) for lab in load_labels(path)]
    found = markdown_findings(args.tree, args.config_dir.resolve() if args.config_dir else None)
    keep = [f for f in found if _within(f.path, args.include, args.exclude)]
    return keep, [lab for lab in labels if _within(lab.path, args.include, args.exclude)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-site", action="store_true", help="skip the built-site link checker (and the build)")
    ap.add_argument("--site-dir", type=Path, help="an already built corpus site to check")
    ap.add_argument("--unlabelled", action="store_true", help="list the findings no label covers")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ap.add_argument("--labels", type=Path, action="append",
                    help=f"a label file (repeatable; default {LABELS.relative_to(ROOT)})")
    ap.add_argument("--tree", type=Path, help="measure this tree (Markdown rules only) instead of the corpus")
    ap.add_argument("--config-dir", type=Path, help="with --tree: run from this folder (its pyproject.toml)")
    ap.add_argument("--include", action="append", default=[], help="with --tree: keep paths with this prefix")
    ap.add_argument("--exclude", action="append", default=[], help="with --tree: drop paths with this prefix")
    ap.add_argument("--skeleton", action="store_true", help="print unlabelled findings as label records to judge")
    args = ap.parse_args(argv)
    if args.tree:
        run = _tree_run(args)
        if run is None:
            return 0
        found, labels = run
    else:
        if not CORPUS.is_dir() or not SEED.is_file():
            print(f"skipped: {CORPUS} or {SEED} is absent (only the project's own machines have ../shared)")
            return 0
        labels = [lab for path in (args.labels or [LABELS]) for lab in load_labels(path)]
        if args.no_site:
            labels = [lab for lab in labels if lab.source != "site"]
        found = collect(not args.no_site, args.site_dir)
    joined = join(found, labels)
    if args.skeleton:
        for f in sorted(joined.unlabelled, key=lambda f: (f.path, f.line, f.column)):
            print(json.dumps(skeleton(f)))
        return 0
    rows = table(joined, labels)
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        _print_table(rows, joined, labels)
    if args.unlabelled:
        _print_unlabelled(joined.unlabelled)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except LabelFileError as exc:
        print(f"precision.py: {exc}", file=sys.stderr)
        sys.exit(2)
