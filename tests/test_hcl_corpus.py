"""Conformance: every Terraform block of Coder's docs, formatted by us and by `terraform fmt`.

Every fenced `tf`/`hcl`/`terraform` block under ../shared/corpus/coder-docs-2026-07 is
written to its own file in one temporary directory and formatted by ONE `terraform fmt`
run (placeholder `...` lines become comments for terraform and are mapped back). For each
block terraform can parse, `format_hcl` must produce the same bytes; for each block it
cannot, `format_hcl` must raise `HclSyntaxError` on the line terraform reports.
Idempotence and structure preservation are checked on every block without terraform.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docs_check.hcl import HclSyntaxError, format_hcl
from hcl_compare import structure
from hcl_corpus import FencedBlock, corpus_blocks, terraform_fmt_batch

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "coder-docs-2026-07"
BLOCKS: list[FencedBlock] = corpus_blocks(CORPUS) if CORPUS.is_dir() else []


def _parses(text: str) -> bool:
    try:
        format_hcl(text)
    except HclSyntaxError:
        return False
    return True


VALID = [b for b in BLOCKS if _parses(b.text)]

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{SHARED} is absent: no corpus to compare against"),
]
needs_terraform = pytest.mark.skipif(
    shutil.which("terraform") is None, reason="no terraform binary on PATH to compare against"
)


def _id(block: FencedBlock) -> str:
    return f"{block.path.relative_to(CORPUS)}:{block.line}"


@pytest.fixture(scope="module")
def terraform_results() -> dict[str, object]:
    results = terraform_fmt_batch([b.text for b in BLOCKS])
    return {_id(b): r for b, r in zip(BLOCKS, results, strict=True)}


def test_corpus_has_the_blocks_the_issue_counts() -> None:
    assert len(BLOCKS) == 197
    assert len(VALID) == 192
    assert sum("..." in b.text for b in BLOCKS) >= 10  # placeholder lines are exercised


@needs_terraform
@pytest.mark.parametrize("block", BLOCKS, ids=_id)
def test_block_formats_exactly_like_terraform(block: FencedBlock, terraform_results) -> None:
    result = terraform_results[_id(block)]
    if result.output is None:
        with pytest.raises(HclSyntaxError) as err:
            format_hcl(block.text)
        reported = re.search(r"line (\d+)", result.error)
        assert reported, result.error
        assert err.value.line == int(reported.group(1)), (str(err.value), result.error)
    else:
        assert format_hcl(block.text) == result.output


@needs_terraform
def test_corpus_summary_agrees_with_terraform(terraform_results) -> None:
    """The issue's counts: 5 blocks do not parse, 75 are not `terraform fmt` clean."""
    unparseable = [k for k, r in terraform_results.items() if r.output is None]
    unformatted = [
        _id(b) for b in BLOCKS if terraform_results[_id(b)].output not in (None, b.text)
    ]
    ours_unparseable, ours_unformatted = [], []
    for b in BLOCKS:
        try:
            if format_hcl(b.text) != b.text:
                ours_unformatted.append(_id(b))
        except HclSyntaxError:
            ours_unparseable.append(_id(b))
    assert ours_unparseable == unparseable
    assert ours_unformatted == unformatted
    assert (len(unparseable), len(unformatted)) == (5, 75)


@pytest.mark.parametrize("block", VALID, ids=_id)
def test_block_formatting_is_idempotent_and_keeps_structure(block: FencedBlock) -> None:
    once = format_hcl(block.text)
    assert format_hcl(once) == once
    assert structure(once) == structure(block.text)
