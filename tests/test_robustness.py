"""Hostile input never crashes a check, findings stay inside the file, fixes converge."""

from __future__ import annotations

import os

from docs_check import Document, check_document, load_config
from docs_check.fixes import apply_fixes, fixes_of
from hypothesis import HealthCheck, given, settings
from strategies import markdown_bytes

CONFIG = load_config()
PROFILE = settings(
    max_examples=int(os.environ.get("DOCS_CHECK_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_inside(doc: Document, findings) -> None:
    for f in findings:
        assert 1 <= f.line <= len(doc.lines), (f, len(doc.lines))
        width = len(doc.lines[f.line - 1].text)
        assert 1 <= f.column <= width + 1, (f, width)
        if f.end_line is not None:
            assert f.line <= f.end_line <= len(doc.lines), f
        if f.fix is not None:
            assert 0 <= f.fix.start <= f.fix.end <= len(doc.text), f


@PROFILE
@given(markdown_bytes())
def test_checks_never_raise_and_findings_lie_inside_the_file(data: bytes):
    doc = Document.from_bytes(data, "fuzz.md")
    findings = check_document(doc, CONFIG)  # DOCS_CHECK_RAISE=1: a crash fails here
    assert_inside(doc, findings)


@PROFILE
@given(markdown_bytes())
def test_fixes_apply_and_converge(data: bytes):
    doc = Document.from_bytes(data, "fuzz.md")
    text = doc.text
    for _ in range(6):
        fixes = fixes_of(check_document(Document.from_text(text, "fuzz.md"), CONFIG))
        new_text, applied = apply_fixes(text, fixes)
        if not applied:
            break
        text = new_text
    # After a bounded number of passes nothing is left to fix (no fix undoes another).
    assert not apply_fixes(text, fixes_of(check_document(Document.from_text(text, "fuzz.md"), CONFIG)))[1]


def test_scanner_round_trips_every_byte():
    raw = b"\xef\xbb\xbf# T\r\n> [!NOTE]\r\n> \xff\xfe body\n\x00\r"
    doc = Document.from_bytes(raw, "x.md")
    from docs_check.fixes import encode

    assert encode(doc.text, doc.had_bom) == raw
    assert [ln.text for ln in doc.lines] == ["# T", "> [!NOTE]", "> \udcff\udcfe body", "\x00"]


def test_a_ten_megabyte_page_is_checked():
    para = "Coder Tasks runs agents in workspaces. See `code` and [a link](./x.md).\n\n"
    fence = "```tf\nresource \"coder_agent\" \"main\" {\n  arch = \"amd64\"\n  os   = \"linux\"\n}\n```\n\n"
    alert = "> [!NOTE]\n> A note.\n\n"
    unit = para * 20 + fence + alert
    data = (unit * (10_000_000 // len(unit) + 1)).encode()
    assert len(data) >= 10_000_000
    doc = Document.from_bytes(data, "big.md")
    findings = check_document(doc, CONFIG)
    assert_inside(doc, findings)


def test_very_long_line_and_deep_nesting():
    data = ("x" * 2_000_000 + "\n" + "> " * 500 + "[!NOTE]\n" + "- " * 500 + "item\n" + "[" * 5000 + "\n").encode()
    doc = Document.from_bytes(data, "deep.md")
    assert_inside(doc, check_document(doc, CONFIG))
