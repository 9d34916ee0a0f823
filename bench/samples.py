"""The tools of the unseen-tree samples (tests/labels/README.md): order, unknown, label, first.

    .venv/bin/python bench/samples.py order NAME FILE        # FILE's lines in NAME's hash order
    .venv/bin/python bench/samples.py unknown TREE           # prose words no dictionary knows
    .venv/bin/python bench/samples.py label NAME SKELETON VERDICTS META
    .venv/bin/python bench/samples.py first NAME...          # first-measurement figures, pooled
    .venv/bin/python bench/samples.py refetch [--missing] NAME...  # the files their labels name, to fetch again
    .venv/bin/python bench/samples.py status                 # which samples' trees are at hand, whole or in part

A sample is measured once, by a rule fixed before any finding is seen, so the order in which
repositories, folders and files are walked must not be anyone's choice: `order` sorts lines
(repositories, `repo folder` pairs, candidate paths) by the SHA-256 of `NAME:line`.

Recall needs the misspellings the checks miss, and reading a whole tree for them is slow and
unreliable: `unknown` lists every word of the prose the checks read that the dictionaries do
not know, once, with how often and where it first appears.

`label` turns the `--skeleton` records of `bench/precision.py --tree` and the verdicts given by
hand (`{"3": [false, "why"], "default": [true, null]}`) into `tests/labels/unseen/NAME-fresh.json`;
a true `spell-unknown-word` without a reason reads "a misspelling".

`refetch` lists, one JSON object a line, each file a sample's labels name, with the
repository, path and commit its `-sources.json` gives and where it goes (`../unseen/NAME-fresh/`
and the label's path): the list `tests/labels/fetching.md` fetches again when `../unseen` is lost;
`--missing`, only the files not there yet (a fetch the read budget cut short, finished later).

`status` says, for each sample, whether its tree is in `../unseen` whole, in part (the files
its labels name, or some of them) or not at all: what the replay test covers.

`first` sums the label files of the samples named, less the labels added after a sample was
measured (their reason says "labelled after the sample was measured"), per family: the figures
of each sample's one first measurement. Today's figures replay every label
(`tests/test_precision_labels.py`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from docs_check.checks import spelling  # noqa: E402
from docs_check.checks.prose import prose_lines, words  # noqa: E402
from docs_check.config import Config  # noqa: E402
from docs_check.scanner import Document  # noqa: E402

UNSEEN_LABELS = ROOT / "tests" / "labels" / "unseen"
LATER = "labelled after the sample was measured"
FAMILIES = ("all", "alert", "registry", "tf", "spell", "spell-unknown-word")
_KEYS = ("source", "path", "line", "rule", "key")


def hash_order(name: str, items: Iterable[str]) -> list[str]:
    return sorted(items, key=lambda s: hashlib.sha256(f"{name}:{s}".encode()).hexdigest())


def unknown_words(tree: Path) -> dict[str, list[str]]:
    """Each prose word the dictionaries do not know: the places (`path:line`) it is written."""
    lex = spelling.lexicon(Config(root=tree))
    seen: dict[str, list[str]] = defaultdict(list)
    for path in sorted(p for p in tree.rglob("*") if p.suffix.lower() == ".md" and p.is_file()):
        rel = path.relative_to(tree).as_posix()
        doc = Document.from_bytes(path.read_bytes(), rel)
        for line, _inline, text in prose_lines(doc):
            for _index, word in words(text):
                if "_" not in word and not lex.known(word):
                    seen[word].append(f"{rel}:{line.number}")
    return dict(sorted(seen.items(), key=lambda kv: kv[0].lower()))


def labels_from(skeleton: list[dict], verdicts: dict[str, list]) -> list[dict]:
    out = []
    for i, record in enumerate(skeleton):
        verdict, reason = verdicts.get(str(i), verdicts["default"])
        if reason is None:
            reason = (f"`{record['key']}`, a misspelling" if record["rule"] == "spell-unknown-word"
                      else record.get("message", ""))
        out.append({k: record[k] for k in _KEYS} | {"verdict": bool(verdict), "reason": reason})
    return out


def refetch_list(name: str) -> Iterator[dict]:
    """Each file the labels of sample NAME (`hundredth-fresh`) name, with its source."""
    sources = _read_json(UNSEEN_LABELS / f"{name}-sources.json")
    paths = sorted({label["path"] for label in _read_json(UNSEEN_LABELS / f"{name}.json")["labels"]})
    for path in paths:
        # A label's path is the file's path under the tree: <owner>/<name>/<path>, <name>/<path>
        # or <path>, by the sample (tests/labels/README.md).
        hits = [s for s in sources if path in (f"{s['repo']}/{s['path']}", f"{s['repo'].split('/')[1]}/{s['path']}", s["path"])]
        if len(hits) != 1:
            raise SystemExit(f"samples.py: {name}: {path}: {len(hits)} sources match")
        yield {"dest": f"{ROOT.parent / 'unseen' / name / path}", **hits[0]}


def status(unseen: Path) -> Iterator[tuple[str, str]]:
    """(sample, `whole` | `k of n files` | `absent`) for every label file of an unseen sample."""
    for labels in sorted(UNSEEN_LABELS.glob("*.json")):
        if labels.stem.endswith("-sources"):
            continue
        tree = unseen / labels.stem
        total = len(_read_json(labels.with_name(f"{labels.stem}-sources.json")))
        held = sum(1 for p in tree.rglob("*") if p.is_file()) if tree.is_dir() else 0
        yield labels.stem, "absent" if not held else "whole" if held >= total else f"{held} of {total} files"


def _families(rule: str) -> Iterator[str]:
    yield "all"
    yield rule.split("-", 1)[0]
    if rule == "spell-unknown-word":
        yield rule


def first_measurement(labels: Iterable[dict]) -> tuple[Counter, Counter]:
    """(true, all) per family of the labels a sample's first measurement judged."""
    true, total = Counter(), Counter()
    for label in labels:
        if LATER in label.get("reason", ""):
            continue
        for fam in _families(label["rule"]):
            total[fam] += 1
            true[fam] += bool(label["verdict"])
    return true, total


def _figures(true: Counter, total: Counter) -> str:
    return "  ".join(f"{f} {true[f]}/{total[f]}" for f in FAMILIES if total[f])


def _read_json(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"samples.py: {path}: {exc}") from None


def _first(names: list[str]) -> None:
    pool_true, pool_total = Counter(), Counter()
    for name in names:
        data = _read_json(UNSEEN_LABELS / f"{name}-fresh.json")
        true, total = first_measurement(data["labels"])
        pool_true.update(true)
        pool_total.update(total)
        print(f"{name:24} {_figures(true, total)}")
    share = f" ({100 * pool_true['all'] / pool_total['all']:.1f}%)" if pool_total["all"] else ""
    print(f"{'pooled':24} {_figures(pool_true, pool_total)}{share}")


def _label(name: str, skeleton: Path, verdicts: Path, meta: Path) -> None:
    records = [json.loads(line) for line in skeleton.read_text(encoding="utf-8").splitlines() if line.strip()]
    about = _read_json(meta)
    labels = labels_from(records, _read_json(verdicts))
    out = {"tree": about["tree"], "labelled": about["labelled"], "rounds": about["rounds"], "labels": labels}
    path = UNSEEN_LABELS / f"{name}-fresh.json"
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(labels)} labels, {sum(lab['verdict'] for lab in labels)} true")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("order", help="the lines of FILE in NAME's hash order")
    p.add_argument("name")
    p.add_argument("file", type=Path)
    sub.add_parser("unknown", help="prose words no dictionary knows").add_argument("tree", type=Path)
    p = sub.add_parser("label", help="skeleton records and verdicts to a label file")
    for arg in ("name", "skeleton", "verdicts", "meta"):
        p.add_argument(arg, type=str if arg == "name" else Path)
    sub.add_parser("first", help="first-measurement figures").add_argument("names", nargs="+")
    p = sub.add_parser("refetch", help="the files labels name, to fetch again")
    p.add_argument("--missing", action="store_true", help="only the files not at hand")
    p.add_argument("names", nargs="+")
    sub.add_parser("status", help="which samples' trees are at hand")
    args = ap.parse_args(argv)
    if args.command == "order":
        lines = [s.strip() for s in args.file.read_text(encoding="utf-8").splitlines() if s.strip()]
        print("\n".join(hash_order(args.name, lines)))
    elif args.command == "unknown":
        for word, where in unknown_words(args.tree).items():
            print(f"{word}\t{len(where)}\t{where[0]}")
    elif args.command == "label":
        _label(args.name, args.skeleton, args.verdicts, args.meta)
    elif args.command == "refetch":
        for name in args.names:
            for record in refetch_list(name):
                if not (args.missing and Path(record["dest"]).is_file()):
                    print(json.dumps(record))
    elif args.command == "status":
        rows = list(status(ROOT.parent / "unseen"))
        for name, held in rows:
            print(f"{name:28} {held}")
        print(f"{sum(h == 'whole' for _, h in rows)} whole, {sum(h not in ('whole', 'absent') for _, h in rows)} in part, "
              f"{sum(h == 'absent' for _, h in rows)} absent")
    else:
        _first(args.names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
