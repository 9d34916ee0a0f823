"""Hand-labelled findings of Coder's docs tree (tests/labels/): no true finding may be lost.

A labelled true finding is one a careful writer would want to change; when a change to the
checks stops reporting one, the test names it (path:line rule key). `bench/precision.py`
prints the precision and recall figures from the same labels and the same join.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

_spec = importlib.util.spec_from_file_location("precision", ROOT / "bench" / "precision.py")
precision = importlib.util.module_from_spec(_spec)
sys.modules["precision"] = precision
_spec.loader.exec_module(precision)

LABELS = precision.load_labels()
needs_shared = pytest.mark.skipif(
    not precision.CORPUS.is_dir() or not precision.SEED.is_file(),
    reason="../shared is absent (only the project's own machines have the corpus)",
)


def _unexpected_losses(joined: precision.Joined) -> list[precision.Label]:
    return [lab for lab in joined.lost if not lab.accepted_miss]


def _lost_report(joined: precision.Joined) -> str:
    return "labelled true findings no longer reported:\n" + "\n".join(
        f"  {lab.where}" + (f" ({lab.reason})" if lab.reason else "") for lab in _unexpected_losses(joined)
    )


# -- the label file itself -----------------------------------------------------------------


def test_labels_are_well_formed() -> None:
    assert len(LABELS) >= 300
    for lab in LABELS:
        assert lab.source in {"markdown", "site", "seed"}, lab
        assert lab.path and lab.line > 0 and lab.key, lab
        assert isinstance(lab.verdict, bool), lab
        if not lab.verdict:
            assert lab.reason, f"a false label needs its reason: {lab.where}"
    families = Counter(precision.family(lab.rule) for lab in LABELS)
    assert {"alert-*", "registry-*", "tf-*", "spell-*", "link-*"} <= set(families), families


def test_seed_typos_are_labelled_true() -> None:
    seed = {lab.key for lab in LABELS if lab.source == "seed" and lab.verdict}
    assert {"Regitsry", "instcrtion", "requiredto"} <= seed


def test_join_names_a_lost_true_finding() -> None:
    """The join the corpus tests rely on: a true label with no finding is lost, one that
    moved to another rule of its family is not, and the key tells two findings apart."""
    found = [
        precision.Found("markdown", "a.md", 3, 5, "spell-unknown-word", "`Regitsry` is not in the dictionary"),
        precision.Found("markdown", "a.md", 4, 1, "spell-variant", "`behaviour` is British spelling"),
    ]
    labels = [
        precision.Label("markdown", "a.md", 3, "spell-unknown-word", "Regitsry", True),
        precision.Label("markdown", "a.md", 3, "spell-unknown-word", "instcrtion", True),
        precision.Label("markdown", "a.md", 4, "spell-unknown-word", "behaviour", True),
        precision.Label("markdown", "a.md", 9, "tf-fmt", "x = 1", False, "reason"),
    ]
    joined = precision.join(found, labels)
    assert [lab.key for lab in joined.lost] == ["instcrtion"]
    assert [(lab.key, f.rule) for lab, f in joined.moved] == [("behaviour", "spell-variant")]
    assert [lab.key for lab in joined.gone_false] == ["x = 1"]
    assert joined.unlabelled == [found[1]]  # the moved finding has no label of its own rule
    assert "a.md:3 spell-unknown-word 'instcrtion'" in _lost_report(joined)


def test_an_accepted_miss_counts_against_recall_but_does_not_fail() -> None:
    labels = [
        precision.Label("markdown", "a.md", 3, "spell-unknown-word", "daemon-ctl", True, accepted_miss="why"),
        precision.Label("markdown", "a.md", 5, "spell-unknown-word", "instcrtion", True),
    ]
    joined = precision.join([], labels)
    assert [lab.key for lab in joined.lost] == ["daemon-ctl", "instcrtion"]
    assert [lab.key for lab in _unexpected_losses(joined)] == ["instcrtion"]
    spell = next(r for r in precision.table(joined, labels) if r["name"] == "spell-unknown-word")
    assert (spell["labelled_true"], spell["true_reported"]) == (2, 0)


# -- against today's checks on the corpus ----------------------------------------------------


@pytest.mark.corpus
@needs_shared
def test_no_labelled_true_markdown_finding_is_lost() -> None:
    labels = [lab for lab in LABELS if lab.source in {"markdown", "seed"}]
    joined = precision.join(precision.markdown_findings() + precision.seed_findings(), labels)
    if _unexpected_losses(joined):
        pytest.fail(_lost_report(joined), pytrace=False)
    # The labels still describe today's findings: every true one but the accepted misses is
    # matched (false ones may go, as the checks stop crying wolf).
    accepted = sum(1 for lab in labels if lab.verdict and lab.accepted_miss)
    reported = sum(lab.verdict for _, lab in joined.matched) + len(joined.moved)
    assert reported == sum(lab.verdict for lab in labels) - accepted


@pytest.mark.corpus
@needs_shared
def test_no_labelled_true_site_finding_is_lost(tmp_path: Path) -> None:
    precision.build_corpus(tmp_path / "site")
    labels = [lab for lab in LABELS if lab.source == "site"]
    joined = precision.join(precision.site_findings(tmp_path / "site"), labels)
    if _unexpected_losses(joined):
        pytest.fail(_lost_report(joined), pytrace=False)


def test_a_foreign_tree_is_measured_by_prefix_without_any_configuration(tmp_path: Path, capsys) -> None:
    """`--tree`: the real CLI on a tree of its own, no configuration, --include/--exclude on
    findings and labels alike, and --skeleton turning what no label covers into records."""
    tree = tmp_path / "tree"
    for part in ("tuning", "held"):
        (tree / part).mkdir(parents=True)
        (tree / part / "README.md").write_text("# Page\n\nThis sentense has a typo.\n", encoding="utf-8")
    labels = tmp_path / "labels.json"
    labels.write_text('{"labels": [{"path": "tuning/README.md", "line": 3, "rule": "spell-unknown-word",'
                      ' "key": "sentense", "verdict": true}]}', encoding="utf-8")
    common = ["--tree", str(tree), "--labels", str(labels)]
    assert precision.main([*common, "--include", "tuning/", "--json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["spell-unknown-word"]["true"] == 1 and rows["spell-unknown-word"]["unlabelled"] == 0
    assert precision.main([*common, "--exclude", "tuning/", "--skeleton"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["path"], r["line"], r["key"], r["verdict"]) for r in records] == [("held/README.md", 3, "sentense", None)]



@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "1:1: not JSON"), ('{"x": 1}', "not a label file (a record lacks 'labels')"),
     ('{"labels": [{"path": "a.md"}]}', "not a label file (a record lacks 'line')"), (None, "cannot read it")],
)
def test_a_bad_label_file_is_a_one_line_error(tmp_path: Path, text: str | None, expected: str) -> None:
    path = tmp_path / "labels.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(precision.LabelFileError, match=f"^{re.escape(str(path))}.*{re.escape(expected)}"):
        precision.load_labels(path)

UNSEEN = sorted(p for p in (ROOT / "tests" / "labels" / "unseen").glob("*.json") if not p.stem.endswith("-sources"))
UNSEEN_TREES = ROOT.parent / "unseen"  # where tests/labels/README.md says the samples are fetched to


def _fetched_again(tree: Path, labels_file: Path) -> bool:
    """Does the tree hold fewer files than its sample had (fetched again with only the files
    its labels name; tests/labels/README.md)?"""
    sources = json.loads(labels_file.with_name(f"{labels_file.stem}-sources.json").read_text(encoding="utf-8"))
    return sum(1 for p in tree.rglob("*") if p.is_file()) < len(sources)


@pytest.mark.corpus
@pytest.mark.parametrize("labels_file", UNSEEN, ids=lambda p: p.stem)
def test_no_labelled_true_finding_of_an_unseen_tree_is_lost(labels_file: Path) -> None:
    tree = UNSEEN_TREES / labels_file.stem
    if not tree.is_dir():
        pytest.skip(f"{tree} is absent (fetched by hand from its -sources.json; tests/labels/README.md)")
    labels = [lab for lab in precision.load_labels(labels_file) if (tree / lab.path).is_file()]
    found = precision.markdown_findings(tree, None)
    if _fetched_again(tree, labels_file):
        # The pages beside a page can decide its variant, and such a tree lacks them: its
        # `spell-variant` findings are not replayed, only the labels of the files it holds.
        labels = [lab for lab in labels if lab.rule != "spell-variant"]
        found = [f for f in found if f.rule != "spell-variant"]
    joined = precision.join(found, labels)
    if _unexpected_losses(joined):
        pytest.fail(_lost_report(joined), pytrace=False)
    assert not joined.unlabelled, [f"{f.path}:{f.line} {f.rule}" for f in joined.unlabelled]
