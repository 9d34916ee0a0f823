"""Coder's real docs tree: `docs-check --fix` leaves every `tf` block `terraform fmt` clean and
changes no byte outside the blocks it fixed; tf-syntax and tf-fmt agree with `terraform fmt`
block for block.

Needs ../shared (the corpus) and a `terraform` binary on PATH; skipped cleanly without either.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import docs_check
from docs_check.checks._snippets import TF_LANGS
from docs_check.config import Config
from docs_check.engine import check_document
from docs_check.scanner import Document
from hcl_corpus import mask_placeholders, terraform_fmt_batch

pytestmark = pytest.mark.corpus

TERRAFORM = shutil.which("terraform")
needs_terraform = pytest.mark.skipif(TERRAFORM is None, reason="no terraform binary on PATH")


@dataclass(frozen=True)
class TfBlock:
    path: str  # relative to the tree
    open_line: int
    content: tuple[int, ...]  # Markdown line numbers of the block's content
    text: str  # the block as the writer meant it


def markdown_files(root: Path) -> list[Path]:
    """The files `docs-check FOLDER` reads: *.md outside hidden folders."""
    return sorted(
        p for p in root.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(root).parts)
    )


def read(path: Path, root: Path) -> Document:
    return Document.from_bytes(path.read_bytes(), path.relative_to(root).as_posix())


def tf_blocks(doc: Document) -> list[TfBlock]:
    return [
        TfBlock(doc.path, b.open_line, tuple(b.content_lines), doc.block_text(b))
        for b in doc.fences
        if b.lang in TF_LANGS
    ]


def outside_blocks(doc: Document) -> list[str]:
    """Every line of the file outside tf block contents, with its line ending, in order."""
    inside = {n for b in doc.fences if b.lang in TF_LANGS for n in b.content_lines}
    return [ln.text + ln.eol for ln in doc.lines if ln.number not in inside]


def terraform_verdicts(blocks: list[TfBlock]) -> list[str]:
    """What `terraform fmt` says of each block: "syntax", "fmt" (would reformat) or "clean"."""
    results = terraform_fmt_batch([b.text for b in blocks], TERRAFORM)
    return ["syntax" if r.output is None else ("fmt" if r.output != b.text else "clean") for b, r in zip(blocks, results, strict=True)]


def our_verdicts(root: Path) -> tuple[list[TfBlock], list[str]]:
    config = Config(select=("tf-syntax", "tf-fmt"))
    blocks: list[TfBlock] = []
    verdicts: list[str] = []
    for path in markdown_files(root):
        doc = read(path, root)
        findings = check_document(doc, config)
        for block in tf_blocks(doc):
            rules = {f.rule for f in findings if block.open_line <= f.line <= (block.content[-1] + 1 if block.content else block.open_line)}
            blocks.append(block)
            verdicts.append("syntax" if "tf-syntax" in rules else ("fmt" if "tf-fmt" in rules else "clean"))
    return blocks, verdicts


@needs_terraform
def test_tf_syntax_and_tf_fmt_agree_with_terraform_block_for_block(corpus: Path) -> None:
    blocks, ours = our_verdicts(corpus)
    theirs = terraform_verdicts(blocks)
    disagreements = [
        f"{b.path}:{b.open_line}: ours {o}, terraform {t}" for b, o, t in zip(blocks, ours, theirs, strict=True) if o != t
    ]
    # Three by design: a value left blank for the reader (`topology_key = # add your node
    # group label here`) does not parse, but it is no broken example; two nested blocks shown
    # at the depth they have in their parent (`  option {`) are fmt clean at that depth.
    assert disagreements == [
        "admin/infrastructure/validated-architectures/index.md:166: ours clean, terraform syntax",
        "get-started/customize-your-template/add-a-language.md:57: ours clean, terraform fmt",
        "get-started/customize-your-template/install-command-line-tools.md:200: ours clean, terraform fmt",
    ]
    # The figures for this tree: 197 blocks, 75 not fmt clean (73 reported), 5 that
    # do not parse (4 reported).
    assert (len(blocks), ours.count("fmt"), ours.count("syntax")) == (197, 73, 4)
    assert (theirs.count("fmt"), theirs.count("syntax")) == (75, 5)


@needs_terraform
def test_fix_leaves_every_block_fmt_clean_and_every_other_byte_alone(corpus: Path, tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(corpus, copy)
    files = markdown_files(copy)
    before = {p: p.read_bytes() for p in files}
    before_docs = {p: read(p, copy) for p in files}
    _, verdicts_before = our_verdicts(copy)

    result = docs_check(str(copy), "--fix", "--select", "tf-fmt", "--quiet")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    changed_blocks = 0
    for path in files:
        after = path.read_bytes()
        old, new = before_docs[path], read(path, copy)
        assert new.had_bom == old.had_bom
        # Same fences, same order: the fix never opens, closes or relabels a block.
        assert [(b.fence, b.info) for b in old.fences] == [(b.fence, b.info) for b in new.fences], path
        assert outside_blocks(new) == outside_blocks(old), path
        old_blocks, new_blocks = tf_blocks(old), tf_blocks(new)
        assert len(old_blocks) == len(new_blocks), path
        for o, n in zip(old_blocks, new_blocks, strict=True):
            changed_blocks += o.text != n.text
            if o.text != n.text:
                # Each rewritten line keeps its container prefix (list indent, `> `).
                for number_old, number_new in zip(o.content, n.content, strict=False):
                    prefix_old = old.line(number_old).text[: old.line(number_old).content_col]
                    assert new.line(number_new).text.startswith(prefix_old.rstrip()), (path, number_new)
        if after != before[path]:
            assert any(o.text != n.text for o, n in zip(old_blocks, new_blocks, strict=True)), path
    assert changed_blocks == verdicts_before.count("fmt") == 73

    # Every block terraform can parse is now what `terraform fmt -check` accepts.
    blocks = [b for p in files for b in tf_blocks(read(p, copy))]
    work = tmp_path / "blocks"
    work.mkdir()
    for i, block in enumerate(blocks):
        # Dedented: a block shown at its depth in a parent is formatted at that depth.
        (work / f"b{i:04d}.tf").write_text(textwrap.dedent(mask_placeholders(block.text)), encoding="utf-8")
    check = subprocess.run(
        [TERRAFORM, "fmt", "-check", "-no-color", str(work)], capture_output=True, text=True, timeout=300
    )
    unformatted = [line for line in check.stdout.splitlines() if line.strip()]
    unparseable = set(re.findall(r"(b\d{4}\.tf) line \d+", check.stderr))
    assert unformatted == []
    assert len(unparseable) == 5  # four tf-syntax findings and a fill-in blank, which --fix cannot touch
    assert verdicts_before.count("syntax") == 4

    # A second run has nothing left to do.
    snapshot = {p: p.read_bytes() for p in files}
    again = docs_check(str(copy), "--fix", "--select", "tf-fmt", "--quiet")
    assert again.returncode == 0
    assert {p: p.read_bytes() for p in files} == snapshot


def test_secret_findings_on_the_corpus(corpus: Path) -> None:
    config = Config(select=("tf-secret", "tf-secret-code", "tf-sensitive-variable"))
    found = []
    for path in markdown_files(corpus):
        for f in check_document(read(path, corpus), config):
            found.append((f.path, f.line, f.rule))
    # No false alarm in 197 Terraform blocks (placeholders, var.*, data.*, `1234567890`).
    assert [x for x in found if x[2] != "tf-secret-code"] == []
    # A workspace-proxy token (uuid:64 hex) shown as command output is reported. The RDP
    # password in remote-desktops.md's URL (`coderRDP!`) is not: it is the windows-rdp
    # module's documented default, which the catalog records, so the page leaks nothing.
    assert sorted(found) == [("admin/networking/workspace-proxies.md", 41, "tf-secret-code")]
    assert "password=coderRDP!" in (corpus / "user-guides/workspace-access/remote-desktops.md").read_text()
