"""Hostile input never crashes a check, findings stay inside the file, fixes converge."""

from __future__ import annotations

import os

from docs_check import Document, check_document, load_config
from docs_check.fixes import apply_fixes, fixes_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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


# -- built pages: the link checker's extraction --------------------------------------------

_VALUES = st.sampled_from(["x/", "../y/", "#h", "", " a b ", "a&amp;b", "/docs/z/", "https://coder.com",
                           "mailto:a@b.c", "p.md", 'q"r', "img.png 2x, o.png"])
_IDS = st.sampled_from(["h", "h2", "", "__nav", "x y"])


@st.composite
def built_pages(draw) -> str:
    """Fragments of Material pages in any order and nesting, balanced or not."""
    piece = st.one_of(
        st.builds('<a href="{}">l</a>'.format, _VALUES),
        st.builds('<a href="{}" id="{}">l</a>'.format, _VALUES, _IDS),
        st.builds('<a name="{}"></a>'.format, _IDS),
        st.builds('<a class="headerlink" href="#{}">¶</a>'.format, _IDS),
        st.builds('<h2 id="{}">t</h2>'.format, _IDS),
        st.builds('<img src="{}" srcset="{}" id="{}">'.format, _VALUES, _VALUES, _IDS),
        st.builds('<source srcset="{}">'.format, _VALUES),
        st.builds('<video poster="{}" src="{}"></video>'.format, _VALUES, _VALUES),
        st.builds('<script src="{}"></script>'.format, _VALUES),
        st.builds('<link rel="stylesheet" href="{}">'.format, _VALUES),
        st.builds('<meta http-equiv="refresh" content="0; url={}">'.format, _VALUES),
        st.builds('<area href="{}">'.format, _VALUES),
        st.sampled_from([
            '<article class="md-content__inner">', "</article>", '<nav class="md-nav">', "</nav>",
            "<main>", "</main>", "<article>", '<div role="main">', "</div>", "<!--", "-->", "<",
            "<template>", "</template>", "<svg>", "</svg>", "<table>", "</table>", "<p>",
            '<a class="md-content__button" href="e/">', "</a>", '<a href="unclosed/">',
        ]),
    )
    soup = st.lists(piece, max_size=14).map("".join)
    # Mostly Material's shape (theme, then the article, then theme again), with soup inside.
    article = f'<article class="md-content__inner">{draw(soup)}</article>' if draw(st.booleans()) else ""
    return f"<!doctype html><html><body>{draw(soup)}{article}{draw(soup)}"


def _reference_links(data: str) -> tuple[list, set[str]]:
    """Every link and id, element by element: slow and plain, to hold the fast one to."""
    from docs_check.site import html as H
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(data)
    content = H._content_area(tree, H.DEFAULT_CONTENT_SELECTOR)
    inside = None if content is None else {n.mem_id for n in content.traverse()} - {content.mem_id}
    links, ids = [], set()
    for node in tree.root.traverse():
        tag, attrs = node.tag, node.attributes
        if attrs.get("id"):
            ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            ids.add(attrs["name"])
        theme_class = any(c in (attrs.get("class") or "") for c in H._THEME_CLASSES)
        where = inside is None or (node.mem_id in inside and not theme_class)
        if tag == "meta":
            if (attrs.get("http-equiv") or "").strip().lower() == "refresh":
                url = H.refresh_url(attrs.get("content") or "")
                if url is not None:
                    links.append(("meta", "content", url, where))
            continue
        for attr in H.LINK_ATTRS.get(tag, ()):
            value = attrs.get(attr)
            if value is None:
                continue
            urls = H.srcset_urls(value) if attr == "srcset" else [value]
            links.extend((tag, attr, url, where) for url in urls)
    return sorted(links), ids


@PROFILE
@given(built_pages())
def test_link_extraction_finds_every_link_and_id_a_plain_walk_finds(data: str):
    from docs_check.site.html import extract

    facts = extract(data)
    found = sorted([*facts.links, *(("a", "href", h, False) for h in facts.theme_hrefs)])
    links, ids = _reference_links(data)
    assert found == links
    assert facts.ids == ids


@PROFILE
@given(built_pages())
def test_link_checker_never_raises_on_a_page(data: str):
    from pathlib import Path

    from docs_check.site.layout import SiteLayout
    from docs_check.site.linkcheck import Options, PageChecker

    layout = SiteLayout(Path("/nonexistent-site"), frozenset({"index.html", "x/index.html", "img.png"}),
                        frozenset({"x", "a", "a/b"}))
    layout.set_base("https://site.test/docs/")
    checker = PageChecker(layout, Options())
    for page in ("index.html", "a/b/index.html"):
        scan = checker.scan(page, data)  # an exception here fails the test
        assert all(p.page == page for p in scan.problems)
