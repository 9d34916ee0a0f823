"""The shared Markdown scanner: block structure, positions, masking, and block rewrites.

Every check reads the document through this scanner, so each test here pins one reading
that a check relies on ("nothing in code is reported", "line 12 is line 12").
"""

from __future__ import annotations

import pytest
from docs_check.fixes import apply_fixes, encode
from docs_check.scanner import (
    BLANK,
    CODE,
    FENCE_CLOSE,
    FENCE_OPEN,
    FRONT_MATTER,
    HEADING,
    HTML_COMMENT,
    INDENTED_CODE,
    TEXT,
    Document,
    continuation_prefix,
    inline_spans,
    mask_inline,
)


def scan(text: str) -> Document:
    return Document.from_text(text, "t.md")


def kinds(text: str) -> list[str]:
    return [ln.kind for ln in scan(text).lines]


def prose(text: str) -> dict[int, str]:
    return {ln.number: masked for ln, masked in scan(text).prose()}


# -- fences --------------------------------------------------------------------------------


@pytest.mark.parametrize("fence", ["```", "~~~", "````", "~~~~~"])
@pytest.mark.parametrize("indent", ["", " ", "  ", "   "])
def test_fences_of_both_kinds_at_any_indent(fence, indent):
    doc = scan(f"{indent}{fence}sh\n{indent}> [!NOTE]\n{indent}{fence}\nafter\n")
    assert [ln.kind for ln in doc.lines] == [FENCE_OPEN, CODE, FENCE_CLOSE, TEXT]
    (block,) = doc.fences
    assert (block.open_line, block.close_line, block.content_lines) == (1, 3, [2])
    assert block.fence == fence and block.lang == "sh" and block.indent == len(indent)
    assert doc.block_text(block) == "> [!NOTE]\n"
    assert doc.quotes == []  # the quote marker inside the fence opens nothing


def test_four_spaces_make_indented_code_not_a_fence():
    doc = scan("    ```\n    > [!NOTE]\n    ```\n")
    assert [ln.kind for ln in doc.lines] == [INDENTED_CODE] * 3
    assert doc.fences == [] and doc.quotes == []


def test_closing_fence_must_match_kind_and_be_at_least_as_long():
    doc = scan("~~~~\n```\n~~~\n~~~~~\nafter\n")
    assert [ln.kind for ln in doc.lines] == [FENCE_OPEN, CODE, CODE, FENCE_CLOSE, TEXT]
    assert doc.fences[0].content_lines == [2, 3]


def test_backtick_fence_with_a_backtick_in_its_info_is_not_a_fence():
    assert kinds("```a`b\ntext\n") == [TEXT, TEXT]
    assert kinds("~~~a`b\ncode\n") == [FENCE_OPEN, CODE]  # tildes allow it


def test_info_string_and_lang():
    doc = scan("``` {.hcl title=\"main.tf\"}\nx\n```\n")
    assert doc.fences[0].info == '{.hcl title="main.tf"}'
    assert doc.fences[0].lang == "hcl"


def test_unterminated_fence_runs_to_the_end():
    doc = scan("text\n```tf\n> [!INFO]\n\n# not a heading\n")
    assert [ln.kind for ln in doc.lines] == [TEXT, FENCE_OPEN, CODE, CODE, CODE]
    block = doc.fences[0]
    assert block.close_line is None and block.content_lines == [3, 4, 5] and block.last_line == 5
    assert doc.quotes == []


def test_fence_at_end_of_file_without_newline():
    doc = scan("```\ncode\n```")
    assert [ln.kind for ln in doc.lines] == [FENCE_OPEN, CODE, FENCE_CLOSE]
    assert doc.lines[-1].eol == ""


def test_fence_in_a_list_item():
    text = "1. Step:\n\n   ```sh\n   > [!NOTE]\n\n   echo\n   ```\n\n2. Next\n"
    doc = scan(text)
    assert [ln.kind for ln in doc.lines] == [TEXT, BLANK, FENCE_OPEN, CODE, CODE, CODE, FENCE_CLOSE, BLANK, TEXT]
    block = doc.fences[0]
    assert (block.list_depth, block.quote_depth, block.indent) == (1, 0, 0)
    assert doc.block_text(block) == "> [!NOTE]\n\necho\n"
    assert doc.lines[3].content_col == 3


def test_fence_in_a_list_item_tolerates_under_indented_lines():
    # Python-Markdown and most writers keep such a line in the block; ending the fence there
    # would turn the rest of the page into code.
    doc = scan("- item\n\n  ```\n  a\n b\n  ```\nafter\n")
    assert [ln.kind for ln in doc.lines] == [TEXT, BLANK, FENCE_OPEN, CODE, CODE, FENCE_CLOSE, TEXT]


def test_fence_in_a_quote_and_in_a_nested_list():
    doc = scan("> ~~~\n> > [!NOTE]\n> ~~~\n>\n> - ```\n>   x\n>   ```\n")
    assert [ln.kind for ln in doc.lines] == [FENCE_OPEN, CODE, FENCE_CLOSE, BLANK, FENCE_OPEN, CODE, FENCE_CLOSE]
    assert [(b.quote_depth, b.list_depth) for b in doc.fences] == [(1, 0), (1, 1)]
    assert len(doc.quotes) == 1  # the `> >` inside the fence is code
    assert doc.block_text(doc.fences[0]) == "> [!NOTE]\n"


def test_fence_in_a_quote_ends_with_the_quote():
    doc = scan("> ```\n> code\nnot code\n")
    assert [ln.kind for ln in doc.lines] == [FENCE_OPEN, CODE, TEXT]
    assert doc.fences[0].close_line is None


# -- quotes and lists ----------------------------------------------------------------------


def test_nested_quotes():
    doc = scan("> outer\n> > inner\n> > more\n> back\n\n> second\n")
    outer, inner, second = doc.quotes
    assert (outer.start_line, outer.end_line, outer.depth, outer.parent) == (1, 4, 1, None)
    assert (inner.start_line, inner.end_line, inner.depth, inner.parent) == (2, 4, 2, outer)
    assert (second.start_line, second.end_line) == (6, 6)
    assert inner.marker_col == 2
    assert [ln.quote_depth for ln in doc.lines] == [1, 2, 2, 2, 0, 1]
    # Line 4 has one `>` but continues the inner paragraph lazily.
    assert doc.lines[3].lazy


def test_quote_in_a_list_item():
    doc = scan("- item\n\n  > [!NOTE]\n  > body\n- next\n")
    (q,) = doc.quotes
    assert q.in_list and q.list_depth == 1 and q.marker_col == 2 and q.lines == [3, 4]
    assert doc.lines[2].content == "[!NOTE]"


def test_list_item_lazy_lines():
    doc = scan("- item starts\nlazily continued\n  properly continued\n- next\n")
    assert [ln.lazy for ln in doc.lines] == [False, True, False, False]
    assert [ln.list_depth for ln in doc.lines] == [1, 1, 1, 1]
    assert doc.paragraphs == [(1, 3), (4, 4)]


def test_quote_lazy_lines_belong_to_the_quote():
    doc = scan("> [!NOTE]\nlazy body\n\nafter\n")
    (q,) = doc.quotes
    assert q.lines == [1, 2] and q.end_line == 2
    assert doc.lines[1].lazy and doc.lines[1].quote_depth == 1
    assert doc.lines[3].quote_depth == 0


@pytest.mark.parametrize("line", ["# heading", "```", "---", "- item", "<!-- comment -->", "1. item"])
def test_a_block_start_is_not_a_lazy_line_of_a_quote(line):
    doc = scan(f"> text\n{line}\n")
    assert not doc.lines[1].lazy and doc.lines[1].quote_depth == 0
    assert doc.quotes[0].end_line == 1


@pytest.mark.parametrize("line", ["# heading", "```", "---", "> quote", "<!-- comment -->"])
def test_a_block_start_is_not_a_lazy_line_of_a_list_item(line):
    doc = scan(f"- text\n{line}\n")
    assert not doc.lines[1].lazy and doc.lines[1].list_depth == 0


def test_ordered_item_not_starting_at_one_does_not_interrupt_a_paragraph():
    doc = scan("> The year\n> 2024. was long\n")
    assert doc.lines[1].list_depth == 0 and doc.lines[1].content == "2024. was long"
    doc = scan("1. a\n2. b\n")  # a second item is not an interruption
    assert doc.lines[1].list_depth == 1 and doc.lines[1].content == "b"


def test_empty_list_item_does_not_interrupt_a_paragraph():
    doc = scan("text\n-   \n")
    assert doc.lines[1].list_depth == 0


def test_indented_code_versus_list_continuation():
    text = "- item\n\n    continuation paragraph\n\n      code in the item\n\n    code at top level\n"
    doc = scan(text)
    assert [ln.kind for ln in doc.lines] == [TEXT, BLANK, TEXT, BLANK, INDENTED_CODE, BLANK, TEXT]
    # Line 7 is a paragraph of the item (four spaces: two for the item, two of indent).
    assert doc.lines[6].list_depth == 1
    doc = scan("para\n\n    code\n")
    assert [ln.kind for ln in doc.lines] == [TEXT, BLANK, INDENTED_CODE]
    doc = scan("para\n    continued, not code\n")
    assert [ln.kind for ln in doc.lines] == [TEXT, TEXT]


def test_indented_code_after_a_thematic_break_or_a_setext_heading():
    assert kinds("***\n    code\n") == [TEXT, INDENTED_CODE]
    assert kinds("Title\n=====\n    code\n") == [TEXT, TEXT, INDENTED_CODE]
    assert kinds("Title\n---\n    code\n") == [TEXT, TEXT, INDENTED_CODE]


def test_tab_indentation():
    assert kinds("\tcode\n") == [INDENTED_CODE]
    doc = scan("-\t> [!NOTE]\n")
    (q,) = doc.quotes
    assert q.in_list and q.marker_col == 2 and doc.lines[0].content == "[!NOTE]"


def test_headings():
    assert kinds("# T\n#no\n   ### ok\n    # code\n") == [HEADING, TEXT, HEADING, INDENTED_CODE]
    assert kinds("> ## In a quote\n") == [HEADING]


# -- HTML comments -------------------------------------------------------------------------


def test_single_line_comment():
    doc = scan("<!-- > [!NOTE] -->\ntext\n")
    assert [ln.kind for ln in doc.lines] == [HTML_COMMENT, TEXT]
    assert doc.quotes == []


def test_multi_line_comment():
    doc = scan("text\n\n<!--\n> [!INFO]\n```\n-->\n> real\n")
    assert [ln.kind for ln in doc.lines] == [TEXT, BLANK, HTML_COMMENT, HTML_COMMENT, HTML_COMMENT, HTML_COMMENT, TEXT]
    assert doc.fences == [] and len(doc.quotes) == 1 and doc.quotes[0].start_line == 7


def test_unterminated_comment_runs_to_the_end():
    assert kinds("<!-- open\n> [!NOTE]\n") == [HTML_COMMENT, HTML_COMMENT]


def test_comment_in_a_quote_ends_with_the_quote():
    doc = scan("> <!-- a\n> b -->\n> <!-- c\n\nd\n")
    assert [ln.kind for ln in doc.lines] == [HTML_COMMENT, HTML_COMMENT, HTML_COMMENT, BLANK, TEXT]


def test_empty_comments():
    assert kinds("<!---->\ntext\n") == [HTML_COMMENT, TEXT]
    assert kinds("<!-->\ntext\n") == [HTML_COMMENT, TEXT]


# -- front matter --------------------------------------------------------------------------


def test_front_matter():
    doc = scan("---\ntitle: Tasks\ntags: [a, b]\n---\n# Tasks\n")
    assert [ln.kind for ln in doc.lines] == [FRONT_MATTER] * 4 + [HEADING]
    assert doc.meta == {"title": "Tasks", "tags": ["a", "b"]}


def test_hugos_toml_front_matter():
    # keda-docs (sixty-ninth sample): `go_file = "kafka_scaler"` between `+++` lines is
    # metadata, not a sentence with a snake_case name in it.
    doc = scan('+++\ntitle = "Apache Kafka"\ngo_file = "kafka_scaler"\n+++\n\n# Kafka\n')
    assert [ln.kind for ln in doc.lines][:4] == [FRONT_MATTER] * 4
    assert doc.meta == {"title": "Apache Kafka", "go_file": "kafka_scaler"}
    assert scan('+++\ntitle = \n+++\ntext\n').meta == {}  # bad TOML: marked, no metadata
    assert kinds("+++\nno end\n") == [TEXT, TEXT]


def test_front_matter_edge_cases():
    assert scan("---\n: : bad yaml [\n---\ntext\n").meta == {}
    assert kinds("---\nno end\n") == [TEXT, TEXT]  # a thematic break, then text
    assert scan("text\n---\ntitle: x\n---\n").meta == {}  # only at the very top


# -- positions -----------------------------------------------------------------------------


def test_crlf_lines_and_offsets():
    text = "a\r\n> [!NOTE]\r\n> b\r\n"
    doc = scan(text)
    assert [ln.text for ln in doc.lines] == ["a", "> [!NOTE]", "> b"]
    assert [ln.eol for ln in doc.lines] == ["\r\n"] * 3
    assert doc.newline == "\r\n"
    assert text[doc.offset(2, 3) :].startswith("[!NOTE]")
    assert doc.position(doc.offset(3, 3)) == (3, 3)


def test_lone_cr_and_mixed_endings():
    doc = scan("a\rb\nc\r\nd")
    assert [(ln.text, ln.eol) for ln in doc.lines] == [("a", "\r"), ("b", "\n"), ("c", "\r\n"), ("d", "")]


def test_bom_is_not_a_column():
    raw = "\ufeff> [!NOTE]\n> body\n".encode()
    doc = Document.from_bytes(raw, "t.md")
    assert doc.had_bom and doc.lines[0].text == "> [!NOTE]" and doc.quotes[0].marker_col == 0
    assert encode(doc.text, doc.had_bom) == raw
    assert Document.from_text("\ufeff# T\n", "t.md").lines[0].kind == HEADING


def test_unicode_separators_are_not_line_breaks():
    # str.splitlines() would split at these; Markdown (and GitHub) do not.
    doc = scan("a\u2028b\x0bc\x0c\x85d\n> [!NOTE]\n")
    assert len(doc.lines) == 2 and doc.quotes[0].start_line == 2


def test_columns_count_characters():
    doc = scan("日本語 `x` [!NOTE]\n")
    masked = next(m for _, m in doc.prose())
    col = masked.index("[!") + 1
    assert doc.lines[0].text[col - 1 :].startswith("[!NOTE]") and col == 9
    assert doc.position(doc.offset(1, col)) == (1, col)


def test_empty_document():
    for text in ("", "\n", "\r\n"):
        doc = scan(text)
        assert doc.lines and doc.lines[0].kind == BLANK
        assert doc.quotes == doc.fences == []


# -- masking -------------------------------------------------------------------------------


def test_mask_code_spans_and_comments_keep_columns():
    text = "a `[!NOTE]` b <!-- [!TIP] --> c ``x ` y`` d"
    masked = mask_inline(text)
    assert len(masked) == len(text)
    assert masked.split() == ["a", "b", "c", "d"]


def test_mask_backslash_inside_code_and_escaped_backticks():
    # No escapes inside code: `C:\` is a whole code span.
    assert mask_inline("a `C:\\` b [!NOTE]").split() == ["a", "b", "[!NOTE]"]
    # An escaped backtick opens nothing.
    assert mask_inline("\\`not code` [!NOTE]") == "\\`not code` [!NOTE]"
    assert mask_inline("unclosed ` run [!NOTE]") == "unclosed ` run [!NOTE]"
    assert mask_inline("<!-- unclosed [!NOTE]") == "<!-- unclosed [!NOTE]"


def test_mask_leftmost_construct_wins():
    assert inline_spans("`<!--` -->") == [(0, 6, "code")]
    assert inline_spans("<!-- ` --> `") == [(0, 10, "comment")]


def test_code_span_and_comment_across_lines_are_masked_on_both():
    masked = prose("Run `coder\nconfig-ssh` now <!-- a\nb --> done\n")
    assert masked == {1: "Run       ", 2: "            now       ", 3: "      done"}


def test_code_span_across_lines_in_a_quote():
    masked = prose("> re-run `coder config-ssh\n> --no-wildcard` to fix\n")
    assert masked[2].split() == ["to", "fix"]


def test_table_rows_are_masked_one_by_one():
    masked = prose("| a | `b |\n|---|---|\n| c ` | d |\n")
    assert masked == {1: "| a | `b |", 2: "|---|---|", 3: "| c ` | d |"}


def test_prose_skips_code_comments_and_front_matter():
    text = "---\nt: 1\n---\n# H\n\n```\ncode\n```\n    indented\n<!-- c -->\ntext\n"
    assert sorted(prose(text)) == [4, 11]


# -- block_text / block_fix ----------------------------------------------------------------


def _rewrite(text: str, new: str, index: int = 0) -> str:
    doc = scan(text)
    fix = doc.block_fix(doc.fences[index], new, "test")
    out, applied = apply_fixes(doc.text, [fix])
    assert applied
    return out


def test_block_fix_in_a_list_item_round_trip():
    text = "1. Step:\n\n   ```tf\n   a=1\n\n   b=2\n   ```\n2. Next\n"
    doc = scan(text)
    assert doc.block_text(doc.fences[0]) == "a=1\n\nb=2\n"
    same = doc.block_fix(doc.fences[0], doc.block_text(doc.fences[0]), "no-op")
    assert text[same.start : same.end] == same.replacement  # the round trip changes nothing
    assert _rewrite(text, "a = 1\nb = 2\n\nc = 3\n") == (
        "1. Step:\n\n   ```tf\n   a = 1\n   b = 2\n\n   c = 3\n   ```\n2. Next\n"
    )


def test_block_fix_keeps_each_line_in_its_list_item_when_lines_move():
    # Line 2 of the new text replaces a blank line, whose own prefix is empty.
    text = "- item\n\n  ```tf\n  a = 1\n\n  b = 2\n  ```\n"
    assert _rewrite(text, "a\nb\n\nc\nd\n") == "- item\n\n  ```tf\n  a\n  b\n\n  c\n  d\n  ```\n"


def test_block_fix_in_a_quote_round_trip():
    text = "> [!NOTE]\n> ```tf\n> a=1\n>\n>   b=2\n> ```\n"
    doc = scan(text)
    assert doc.block_text(doc.fences[0]) == "a=1\n\n  b=2\n"
    same = doc.block_fix(doc.fences[0], doc.block_text(doc.fences[0]), "no-op")
    assert text[same.start : same.end] == same.replacement
    assert _rewrite(text, "a = 1\n\nb = 2\nc = 3\n") == "> [!NOTE]\n> ```tf\n> a = 1\n>\n> b = 2\n> c = 3\n> ```\n"


def test_block_fix_in_a_quote_in_a_list_with_fence_indent():
    text = "- > ```\n  > x\n  > ```\n"
    doc = scan(text)
    assert doc.block_text(doc.fences[0]) == "x\n"
    assert _rewrite(text, "y\nz\n") == "- > ```\n  > y\n  > z\n  > ```\n"
    text = "  ```\n  x\n  ```\n"
    assert _rewrite(text, "y\n  z\n") == "  ```\n  y\n    z\n  ```\n"


def test_block_fix_of_an_empty_block_uses_the_opener_prefix():
    assert _rewrite("- ```\n  ```\n", "x\n") == "- ```\n  x\n  ```\n"
    assert _rewrite("> ```\n> ```\n", "x\n") == "> ```\n> x\n> ```\n"
    assert _rewrite("```", "x\n") == "```\nx"  # the file ended without a newline, and still does


def test_block_fix_keeps_crlf():
    text = "> ```\r\n> a\r\n> ```\r\n"
    assert _rewrite(text, "b\nc\n") == "> ```\r\n> b\r\n> c\r\n> ```\r\n"


def test_block_fix_removing_all_content():
    assert _rewrite("```\na\nb\n```\n", "") == "```\n```\n"


def test_continuation_prefix():
    assert continuation_prefix("- > ") == "  > "
    assert continuation_prefix("10. ") == "    "
    assert continuation_prefix(">  * ") == ">    "


# -- paragraphs ----------------------------------------------------------------------------


def test_paragraphs():
    doc = scan("a\nb\n\n- c\n- d\n  e\n\n> f\n> g\n# h\n***\ni\n")
    assert doc.paragraphs == [(1, 2), (4, 4), (5, 6), (8, 9), (12, 12)]
