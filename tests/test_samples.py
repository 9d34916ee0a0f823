"""bench/samples.py: the hash order, the unknown-word listing, labels, first-measurement figures."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT

_spec = importlib.util.spec_from_file_location("samples", ROOT / "bench" / "samples.py")
samples = importlib.util.module_from_spec(_spec)
sys.modules["samples"] = samples
_spec.loader.exec_module(samples)


def test_the_hash_order_is_the_sha256_of_name_and_line_whatever_order_the_lines_come_in() -> None:
    items = ["coder/coder", "coder/registry docs", "cli/cli", "a/b"]
    ordered = samples.hash_order("nth", items)
    assert ordered == samples.hash_order("nth", reversed(items))
    keys = [hashlib.sha256(f"nth:{s}".encode()).hexdigest() for s in ordered]
    assert keys == sorted(keys)


def test_unknown_lists_prose_words_no_dictionary_knows_with_their_first_place(tmp_path: Path) -> None:
    page = tmp_path / "o" / "r" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Title\n\nThe configuraton is read at start.\n\nRun `configuratonx` and the configuraton.\n",
                    encoding="utf-8")
    found = samples.unknown_words(tmp_path)
    assert found == {"configuraton": ["o/r/page.md:3", "o/r/page.md:5"]}


def test_label_records_take_the_verdicts_given_by_index_else_the_default() -> None:
    skeleton = [
        {"source": "markdown", "path": "a.md", "line": 3, "rule": "spell-unknown-word", "key": "teh",
         "verdict": None, "reason": "", "context": "teh", "message": "..."},
        {"source": "markdown", "path": "a.md", "line": 9, "rule": "tf-secret-code", "key": "password",
         "verdict": None, "reason": "", "context": "x", "message": "a literal password"},
    ]
    labels = samples.labels_from(skeleton, {"1": [False, "a demo value"], "default": [True, None]})
    assert labels == [
        {"source": "markdown", "path": "a.md", "line": 3, "rule": "spell-unknown-word", "key": "teh",
         "verdict": True, "reason": "`teh`, a misspelling"},
        {"source": "markdown", "path": "a.md", "line": 9, "rule": "tf-secret-code", "key": "password",
         "verdict": False, "reason": "a demo value"},
    ]


def test_first_measurement_leaves_out_the_labels_added_after_the_sample_was_measured() -> None:
    labels = [
        {"rule": "spell-unknown-word", "verdict": True, "reason": "a slip"},
        {"rule": "spell-unknown-word", "verdict": False, "reason": "a name"},
        {"rule": "spell-variant", "verdict": True, "reason": ""},
        {"rule": "tf-secret", "verdict": False, "reason": "a demo password"},
        {"rule": "spell-unknown-word", "verdict": True, "reason": "a miss, labelled after the sample was measured"},
    ]
    true, total = samples.first_measurement(labels)
    assert (true["all"], total["all"]) == (2, 4)
    assert (true["spell"], total["spell"]) == (2, 3)
    assert (true["spell-unknown-word"], total["spell-unknown-word"]) == (1, 2)
    assert (true["tf"], total["tf"]) == (0, 1)


def test_first_pools_the_samples_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    for name, verdicts in (("one", [True, False]), ("two", [True, True])):
        labels = [{"rule": "spell-unknown-word", "verdict": v, "reason": ""} for v in verdicts]
        (tmp_path / f"{name}-fresh.json").write_text(json.dumps({"labels": labels}), encoding="utf-8")
    monkeypatch.setattr(samples, "UNSEEN_LABELS", tmp_path)
    assert samples.main(["first", "one", "two"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].split() == [
        "pooled", "all", "3/4", "spell", "3/4", "spell-unknown-word", "3/4", "(75.0%)"]


def test_a_missing_label_file_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(samples, "UNSEEN_LABELS", tmp_path)
    with pytest.raises(SystemExit, match=r"^samples.py: .*nothing-fresh.json"):
        samples.main(["first", "nothing"])


def test_refetch_lists_each_labelled_file_once_with_its_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [{"repo": "o/r", "path": "docs/a.md", "commit": "1" * 40},
               {"repo": "o/r", "path": "docs/b.md", "commit": "2" * 40}]
    labels = [{"path": "o/r/docs/a.md", "line": 3}, {"path": "o/r/docs/a.md", "line": 9}]
    (tmp_path / "nth-fresh-sources.json").write_text(json.dumps(sources), encoding="utf-8")
    (tmp_path / "nth-fresh.json").write_text(json.dumps({"labels": labels}), encoding="utf-8")
    monkeypatch.setattr(samples, "UNSEEN_LABELS", tmp_path)
    [record] = samples.refetch_list("nth-fresh")
    assert record["dest"].endswith("/unseen/nth-fresh/o/r/docs/a.md")
    assert (record["repo"], record["path"], record["commit"]) == ("o/r", "docs/a.md", "1" * 40)


def test_status_tells_whole_partial_and_absent_trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    labels, unseen = tmp_path / "labels", tmp_path / "unseen"
    labels.mkdir()
    for name in ("a-fresh", "b-fresh", "c-fresh"):
        sources = [{"repo": "o/r", "path": f"{i}.md", "commit": "1" * 40} for i in range(2)]
        (labels / f"{name}-sources.json").write_text(json.dumps(sources), encoding="utf-8")
        (labels / f"{name}.json").write_text(json.dumps({"labels": []}), encoding="utf-8")
    for name, files in (("a-fresh", 2), ("b-fresh", 1)):
        for i in range(files):
            (unseen / name / "o" / "r").mkdir(parents=True, exist_ok=True)
            (unseen / name / "o" / "r" / f"{i}.md").write_text("x", encoding="utf-8")
    monkeypatch.setattr(samples, "UNSEEN_LABELS", labels)
    assert list(samples.status(unseen)) == [("a-fresh", "whole"), ("b-fresh", "1 of 2 files"), ("c-fresh", "absent")]


def test_refetch_missing_lists_only_the_files_not_at_hand(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    sources = [{"repo": "o/r", "path": f"{c}.md", "commit": "1" * 40} for c in "ab"]
    labels = [{"path": f"o/r/{c}.md", "line": 1} for c in "ab"]
    (tmp_path / "nth-fresh-sources.json").write_text(json.dumps(sources), encoding="utf-8")
    (tmp_path / "nth-fresh.json").write_text(json.dumps({"labels": labels}), encoding="utf-8")
    monkeypatch.setattr(samples, "UNSEEN_LABELS", tmp_path)
    monkeypatch.setattr(samples, "ROOT", tmp_path / "repo")  # so the files go to tmp_path / "unseen"
    held = Path(next(samples.refetch_list("nth-fresh"))["dest"])
    held.parent.mkdir(parents=True)
    held.write_text("x", encoding="utf-8")
    assert samples.main(["refetch", "--missing", "nth-fresh"]) == 0
    assert [json.loads(line)["path"] for line in capsys.readouterr().out.splitlines()] == ["b.md"]
    assert samples.main(["refetch", "nth-fresh"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
