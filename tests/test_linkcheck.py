"""The built-site link checker on small sites made for the purpose: each kind of finding,
where it is reported (Markdown file and line, template, mkdocs.yml), every report format,
and the opt-in online mode against a local server."""

from __future__ import annotations

import http.server
import json
import shutil
import textwrap
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, docs_check, mkdocs_build
from docs_check.config import Config, ConfigError
from docs_check.findings import Severity
from docs_check.site import check_site, check_site_by_page
from docs_check.site.external import shape_problem
from docs_check.site.html import extract, refresh_url, srcset_urls

# -- a hand-written site ------------------------------------------------------------------

NAV = """
<header><a href="{up}">Home</a><a href="{up}gone-from-nav/">Gone</a></header>
<nav class="md-nav"><a href="{up}">Home</a><a href="{up}guide/">Guide</a>
<a href="{up}stub/">Old</a><a href="{up}stub-loop/">Loop</a><a href="{up}stub-gone/">Gone</a></nav>
"""


def page(body: str, up: str = "./", head: str = "") -> str:
    return (
        f"<!doctype html><html><head><meta charset=utf-8>{head}</head><body>"
        + NAV.format(up=up)
        + f'<article class="md-content__inner md-typeset">{body}</article></body></html>'
    )


def stub(target: str) -> str:
    return (
        f'<!doctype html><html><head><link rel="canonical" href="{target}">'
        f'<meta http-equiv="refresh" content="0; url={target}"></head>'
        f'<body><a href="{target}">new place</a></body></html>'
    )


HANDMADE = {
    "index.html": page("""
        <h1 id="home">Home</h1><a name="legacy-anchor"></a>
        <p><a href="guide/">guide</a> <a href="guide">guide without slash</a>
        <a href="guide/#setup">setup</a> <a href="guide/#set-up-old">stale anchor</a>
        <a href="#home">top</a> <a href="#top">top</a> <a href="#nowhere">nowhere</a>
        <a href="#legacy-anchor">legacy</a> <a href="#">hash</a>
        <a href="files/my%20file.txt">spaced</a> <a href="guide/index.html?x=1#setup">query</a>
        <a href="missing/">missing page</a> <a href="guide.md">md</a>
        <a href="../outside/">outside</a> <a href="/elsewhere/">root-relative outside</a>
        <a href="/docs/guide/">root-relative inside</a>
        <a href="">empty</a> <a href="mailto:team@coder.com">mail</a> <a href="tel:+1">tel</a>
        <a href="emptydir/">folder without index</a></p>
        <img src="img/ok.png" srcset="img/ok.png 1x, img/missing-2x.png 2x" alt="">
        <img src="img/nope.png" alt="">
        <picture><source srcset="img/ok.png, img/gone.webp 2x"></picture>
        <video poster="img/poster.png" src="img/ok.png"></video>
        <script src="js/missing.js"></script>
        <a href="https://coder.com/docs">ok</a> <a href="http://coder.com/docs">plain http</a>
        <a href="https://localhost:3000/">localhost</a> <a href="https://example.com/x">placeholder</a>
        <a href="https://127.0.0.1/">loopback</a> <a href="https://bad_host-/x">bad host</a>
        <a href="file:///home/me/x.html">file</a>
        <pre><code>curl https://example.com/not-a-link http://localhost:8080</code></pre>
        """, head='<link rel="stylesheet" href="css/missing.css"><link rel="canonical" href="https://site.test/docs/">'),
    "guide/index.html": page("""
        <h1 id="guide">Guide</h1><h2 id="setup">Setup</h2>
        <a href="../#home">home</a> <a href="../../../x/">too far up</a>
        <a href="../stub/#guide">via stub</a>
        """, up="../"),
    "stub/index.html": stub("../guide/"),
    "stub-gone/index.html": stub("../nothing-here/"),
    "stub-loop/index.html": stub("../stub-loop2/"),
    "stub-loop2/index.html": stub("../stub-loop/"),
    "orphan/index.html": page('<h1 id="orphan">Orphan</h1>', up="../"),
    "404.html": page("<h1>404</h1>"),
}
ASSETS = ["img/ok.png", "img/poster.png", "files/my file.txt"]


@pytest.fixture
def handmade(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    for rel, text in HANDMADE.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    for rel in ASSETS:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(b"x")
    (site / "emptydir").mkdir()
    return site


def _by_rule(findings):
    out: dict[str, list] = {}
    for f in findings:
        out.setdefault(f.rule, []).append(f)
    return out


def _hrefs(findings, rule):
    return sorted(f.message.split("`")[1] for f in findings if f.rule == rule)


def test_each_kind_of_finding_on_a_handmade_site(handmade):
    findings, pages = check_site(handmade, Config(), docs_dir=None)
    assert pages == 8
    by_page, _ = check_site_by_page(handmade, Config())
    home = by_page["/"]  # check_site reports a theme link once, on the first page that has it
    assert _hrefs(home, "link-missing-file") == sorted([
        "missing/", "emptydir/", "img/missing-2x.png", "img/nope.png", "img/gone.webp",
        "js/missing.js", "/css/missing.css", "/gone-from-nav/",
    ])
    assert _hrefs(home, "link-missing-anchor") == ["#nowhere", "guide/#set-up-old"]
    stale = next(f for f in home if "set-up-old" in f.message)
    assert "did you mean `#setup`" in stale.message
    assert _hrefs(home, "link-md-target") == ["guide.md"]
    assert _hrefs(home, "link-outside-site") == ["../outside/", "/elsewhere/"]
    assert _hrefs(home, "link-empty-href") == ['<a href="">']
    shapes = {f.message.split("`")[1]: f.message for f in home if f.rule == "link-external-shape"}
    assert set(shapes) == {
        "http://coder.com/docs", "https://localhost:3000/", "https://example.com/x",
        "https://127.0.0.1/", "https://bad_host-/x", "file:///home/me/x.html",
    }
    assert "use https" in shapes["http://coder.com/docs"]
    assert "placeholder" in shapes["https://example.com/x"]
    assert "localhost" in shapes["https://localhost:3000/"]
    # Links in code samples are text, not links.
    assert not any("not-a-link" in f.message or "8080" in f.message for f in findings)
    guide = _by_rule(f for f in findings if f.page == "/guide/")
    assert _hrefs(guide["link-outside-site"], "link-outside-site") == ["../../../x/"]
    assert "link-missing-anchor" not in guide  # ../#home exists; ../stub/#guide follows the stub
    broken = {f.page: f for f in findings if f.rule == "link-redirect-broken"}
    assert set(broken) == {"/stub-gone/", "/stub-loop/", "/stub-loop2/"}
    assert "nothing-here/" in broken["/stub-gone/"].message
    assert "loop" in broken["/stub-loop/"].message
    unreachable = [f for f in findings if f.rule == "link-unreachable-page"]
    assert [f.page for f in unreachable] == ["/orphan/"]
    assert unreachable[0].severity is Severity.INFO
    # A stub's canonical link and fallback <a> repeat its target: one finding per stub.
    assert Counter(f.page for f in findings if f.page and f.page.startswith("/stub"))["/stub-gone/"] == 1


def test_theme_links_are_reported_once_and_per_page(handmade):
    findings, _ = check_site(handmade, Config())
    nav = [f for f in findings if "gone-from-nav/" in f.message]
    assert len(nav) == 1
    assert nav[0].path == "theme"
    assert "other pages" in nav[0].message
    by_page, _ = check_site_by_page(handmade, Config())
    assert sum(1 for fs in by_page.values() for f in fs if "gone-from-nav/" in f.message) == 4
    assert by_page["/orphan/"] and by_page["/404.html"] is not None


def test_without_sources_findings_point_into_the_html(handmade):
    findings, _ = check_site(handmade, Config())
    nope = next(f for f in findings if "img/nope.png" in f.message)
    assert nope.path.endswith("site/index.html")
    line = (handmade / "index.html").read_text().splitlines()[nope.line - 1]
    assert line[nope.column - 1:].startswith("img/nope.png")


def test_root_relative_links_use_the_site_url(handmade):
    findings, _ = check_site(handmade, Config())
    # base path /docs/ comes from the home page's canonical link
    assert not any("/docs/guide/" in f.message for f in findings)


def test_configuration_selects_excludes_and_allows(handmade):
    cfg = Config(ignore=("link-external-",), sections={"site": {
        "exclude": ["orphan/**"], "exclude-urls": [r"img/.*\.png$"],
    }})
    findings, pages = check_site(handmade, cfg)
    assert pages == 7
    assert not any(f.rule.startswith("link-external") for f in findings)
    assert not any(f.page == "/orphan/" for f in findings)
    assert not any(".png" in f.message for f in findings)
    cfg = Config(select=("link-external-shape",), sections={"site": {"allow-hosts": ["localhost"]}})
    findings, _ = check_site(handmade, cfg)
    assert not any("localhost:3000" in f.message for f in findings)
    assert any("example.com" in f.message for f in findings)
    with pytest.raises(ConfigError, match="exclude-url"):
        check_site(handmade, Config(sections={"site": {"exclude-url": ["x"]}}))
    with pytest.raises(ConfigError, match="regular expression"):
        check_site(handmade, Config(sections={"site": {"exclude-urls": ["(unclosed"]}}))


def test_navigation_links_are_judged_from_where_each_page_sits(tmp_path):
    """The checker settles a navigation link once and skips it on later pages where it
    resolves the same way: the same value must still be judged afresh from another folder
    or depth, and a broken one must be reported on every page that has it."""
    nav = ('<nav class="md-nav"><a href="../sibling/">sibling</a> <a href="../../top/">top</a>'
           ' <a href="../../gone/">gone</a> <a href="#here">here</a></nav>')
    pages = {
        "index.html": "<a href='a/p/'>a</a><a href='b/q/'>b</a><a href='a/sibling/'>s</a>"
                      "<a href='top/'>t</a><a href='c/d/r/'>r</a>",
        "top/index.html": "", "a/sibling/index.html": "",
        "a/p/index.html": nav, "a/p2/index.html": nav,  # `../sibling/` exists from a/
        "b/q/index.html": nav,                          # ... but not from b/
        "c/d/r/index.html": nav,                        # `../../top/` is c/top/ from here
    }
    site = tmp_path / "site"
    for rel, body in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        article = '<article class="md-content__inner"><h1 id="here">x</h1></article>'
        (site / rel).write_text(f"<!doctype html><body>{body}{article}</body>", encoding="utf-8")
    for jobs in (1, 2):
        by_page, _ = check_site_by_page(site, Config(jobs=jobs))
        missing = {url: sorted(f.message.split("`")[1] for f in fs if f.rule == "link-missing-file")
                   for url, fs in by_page.items()}
        assert missing == {
            "/": [], "/top/": [], "/a/sibling/": [],
            "/a/p/": ["/gone/"], "/a/p2/": ["/gone/"],
            "/b/q/": ["/b/sibling/", "/gone/"],
            "/c/d/r/": ["/c/d/sibling/", "/c/gone/", "/c/top/"],
        }, jobs
        assert not any(f.rule == "link-missing-anchor" for fs in by_page.values() for f in fs)


def test_many_pages_use_worker_processes_and_agree(handmade):
    # Past the serial threshold the pool runs; its findings equal the serial run's.
    for i in range(80):
        (handmade / f"p{i}").mkdir()
        (handmade / f"p{i}" / "index.html").write_text(
            page(f'<a href="../p{(i + 1) % 80}/#x{i}">next</a><h2 id="x{i}">x</h2>', up="../"))
    serial = check_site(handmade, Config(jobs=1))
    parallel = check_site(handmade, Config(jobs=2))
    assert serial == parallel
    assert sum(1 for f in serial[0] if f.page.startswith("/p")) == 80 * 2  # anchor + nav link


# -- the pieces ---------------------------------------------------------------------------


def test_srcset_and_refresh_parsing():
    assert srcset_urls("a.png 1x, b.png 2x") == ["a.png", "b.png"]
    assert srcset_urls("a.png, b,c.png 640w") == ["a.png", "b,c.png"]
    assert srcset_urls("data:image/png;base64,AAA 1x") == ["data:image/png;base64,AAA"]
    assert refresh_url("0; url=../new/") == "../new/"
    assert refresh_url("0;URL='../new/'") == "../new/"
    assert refresh_url("5") is None


def test_extract_splits_theme_from_content():
    facts = extract(page('<a href="x/">x</a><a class="headerlink" href="#h">¶</a><h2 id="h">h</h2>'))
    content = [v for _, _, v, c in facts.links if c]
    assert content == ["x/"]
    assert "#h" in facts.theme_hrefs  # the heading's permalink is Material's, not the writer's
    assert "h" in facts.ids


@pytest.mark.parametrize(("url", "problem"), [
    ("https://coder.com/docs", None),
    ("https://registry.coder.com/modules?search=tag%3Atasks", None),
    ("https://xn--bcher-kva.example.org", "placeholder"),
    ("https://docs.test/", "placeholder"),
    ("https://[::1]:8080/", "loopback"),
    ("https://10.0.0.1/", "private"),
    ("https://coder.com:99999/", "valid URL"),
    ("https://nodot/", "invalid host"),
    ("https://coder.com/a b", "white space"),
    ("http://coder.com", "https"),
])
def test_external_shape(url, problem):
    found = shape_problem(url)
    assert (found is None) if problem is None else (problem in found)


# -- a site built by MkDocs, mapped back to its Markdown ---------------------------------

MKDOCS_YML = """\
site_name: link fixture
site_url: https://docs.test/fixture/
docs_dir: docs
theme:
  name: material
  custom_dir: overrides
markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - attr_list
  - md_in_html
plugins:
  - redirects:
      redirect_maps:
        old-tasks.md: ai-coder/tasks.md
        retired.md: https://docs.test/fixture/ai-coder/never-written/
        renumbered.md: ai-coder/tasks.md#option-2-create-or-duplicate-your-own-template
"""

STALE_PAGE = """\
# Writing templates

Start from [the template options](tasks.md#option-2-create-or-duplicate-your-own-template).

The [first option](tasks.md#option-1-import-and-modify-our-example-template) still exists.

![The architecture](../images/not-there.png)

Read [the missing guide](missing-guide.md) next.

<!-- docs-check: disable-next-line link-missing-file -->
![Known gap](../images/also-not-there.png)

```md
[in a code sample](tasks.md#option-2-create-or-duplicate-your-own-template)
```

<a href="#nowhere">A raw HTML link</a> to [a real heading](#writing-templates).
"""

MAIN_HTML = """\
{% extends "base.html" %}
{% block extrahead %}
  <link rel="stylesheet" href="{{ 'assets/missing-theme.css' | url }}">
{% endblock %}
"""


@pytest.fixture(scope="module")
def built_fixture(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("linkfixture")
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "ai-coder" / "writing-templates.md").write_text(STALE_PAGE, encoding="utf-8")
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    build = mkdocs_build(root / "site", config=root / "mkdocs.yml", strict=False, cwd=root,
                         env={"DOCS_DIR": str(docs)})
    assert build.returncode == 0, build.log
    return root


def _site_findings(root: Path, *extra: str):
    proc = docs_check("site", "site", "--docs-dir", "docs", "--format", "json", *extra, cwd=root)
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def test_stale_cross_page_anchor_is_reported_on_its_markdown_line(built_fixture):
    found = _site_findings(built_fixture)
    stale = [f for f in found if f["rule"] == "link-missing-anchor" and "option-2" in f["message"]]
    assert len(stale) == 1, found
    f = stale[0]
    assert f["path"] == "docs/ai-coder/writing-templates.md"
    assert (f["line"], f["column"]) == (3, 35)
    assert f["page"] == "/ai-coder/writing-templates/"
    assert "did you mean `#option-3-create-or-duplicate-your-own-template`" in f["message"]
    # The link that still matches a heading is not reported; the code sample is not a link.
    assert not any("option-1" in x["message"] for x in found)


def test_missing_image_md_link_and_suppression(built_fixture):
    found = [f for f in _site_findings(built_fixture) if f["path"] == "docs/ai-coder/writing-templates.md"]
    by_rule = {(f["rule"], f["line"]) for f in found}
    assert ("link-missing-file", 7) in by_rule  # ![The architecture](../images/not-there.png)
    assert ("link-md-target", 9) in by_rule  # [the missing guide](missing-guide.md)
    assert ("link-missing-anchor", 18) in by_rule  # <a href="#nowhere">
    assert not any("also-not-there" in f["message"] for f in found)  # suppressed by its comment
    assert len(found) == 4, found


def test_redirect_to_a_missing_page_points_at_mkdocs_yml(built_fixture):
    found = _site_findings(built_fixture)
    redirects = [f for f in found if f["rule"] == "link-redirect-broken"]
    # mkdocs-redirects writes stubs only for pages it knows or full URLs; the site's own
    # full URL and a page's renamed anchor still lead nowhere.
    assert [(f["path"], f["line"], f["page"]) for f in redirects] == [
        ("mkdocs.yml", 19, "/retired/"), ("mkdocs.yml", 20, "/renumbered/")]
    assert "ai-coder/never-written/" in redirects[0]["message"]
    assert "#option-2-create-or-duplicate-your-own-template" in redirects[1]["message"]
    assert not any(f["page"] == "/old-tasks/" for f in found)


def test_theme_link_points_at_the_template(built_fixture):
    found = _site_findings(built_fixture)
    theme = [f for f in found if "missing-theme.css" in f["message"]]
    assert [(f["path"], f["line"]) for f in theme] == [("overrides/main.html", 3)]
    assert "other pages" in theme[0]["message"]


def test_every_report_format_carries_the_source_and_the_page(built_fixture):
    github = docs_check("site", "site", "--docs-dir", "docs", "--format", "github", cwd=built_fixture)
    assert github.returncode == 1
    line = next(ln for ln in github.stdout.splitlines() if "option-2" in ln)
    assert line.startswith("::error file=docs/ai-coder/writing-templates.md,line=3,col=35,")
    assert "title=link-missing-anchor" in line and "on page /ai-coder/writing-templates/" in line
    sarif = docs_check("site", "site", "--docs-dir", "docs", "--format", "sarif", cwd=built_fixture)
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    assert any(r["ruleId"] == "link-redirect-broken"
               and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "mkdocs.yml"
               for r in results)
    text = docs_check("site", "site", "--docs-dir", "docs", cwd=built_fixture)
    assert "docs/ai-coder/writing-templates.md:3:35: link-missing-anchor:" in text.stdout
    assert "(on page /ai-coder/writing-templates/)" in text.stdout
    clean = docs_check("site", "site", "--docs-dir", "docs", "--select", "link-unreachable-page",
                       cwd=built_fixture)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    missing = docs_check("site", "no-such-site", cwd=built_fixture)
    assert missing.returncode == 2 and "build the site first" in missing.stderr


# -- online mode, against a local server -------------------------------------------------


class _Server(http.server.ThreadingHTTPServer):
    hits: list[tuple[str, float]]


class _Handler(http.server.BaseHTTPRequestHandler):
    def _answer(self) -> None:
        hits = self.server.hits  # type: ignore[attr-defined]
        hits.append((self.path, time.monotonic()))
        if self.path.startswith("/ok"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(b"<html><body><h1 id='there'>ok</h1></body></html>")
        elif self.path.startswith("/busy") and sum(1 for p, _ in hits if p == self.path) == 1:
            self.send_response(429)
            self.send_header("Retry-After", "2")
            self.end_headers()
        elif self.path.startswith("/busy"):
            self.send_response(200)
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    do_GET = do_HEAD = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def local_server():
    server = _Server(("127.0.0.1", 0), _Handler)
    server.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_online_mode_checks_external_links_with_lychee(tmp_path, local_server):
    base = f"http://127.0.0.1:{local_server.server_address[1]}"
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(page(
        f'<a href="{base}/ok">ok</a> <a href="{base}/missing">gone</a> <a href="{base}/busy">busy</a>'
        f' <a href="{base}/ok">ok again</a> <a href="{base}/private/x">excluded</a>'))
    cfg = Config(sections={"site": {
        "allow-hosts": ["127.0.0.1"], "cache-dir": str(tmp_path / "cache"), "retries": 2,
        "exclude-urls": ["/private/"],
    }})
    findings, _ = check_site(site, cfg, online=True)
    broken = [f for f in findings if f.rule == "link-external-broken"]
    assert [f.message.split("`")[1] for f in broken] == [f"{base}/missing"]
    assert "404" in broken[0].message
    assert not any(f.rule == "link-external-shape" for f in findings)  # allow-hosts
    busy = [t for p, t in local_server.hits if p == "/busy"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 1.5  # retried after Retry-After: 2
    assert not any(p.startswith("/private") for p, _ in local_server.hits)
    assert sum(1 for p, _ in local_server.hits if p == "/ok") == 1  # each URL requested once
    assert (tmp_path / "cache" / ".lycheecache").is_file()
    before = len(local_server.hits)
    again, _ = check_site(site, cfg, online=True)
    assert [f.message for f in again if f.rule == "link-external-broken"] == [broken[0].message]
    assert not any(p == "/ok" for p, _ in local_server.hits[before:])  # served from the cache


def test_offline_by_default_makes_no_request(tmp_path, local_server):
    base = f"http://127.0.0.1:{local_server.server_address[1]}"
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(page(f'<a href="{base}/missing">gone</a>'))
    check_site(site, Config())
    assert local_server.hits == []


def test_bad_input_never_raises(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(b"\xff\xfe\x00<a href='x\x00y'>" + bytes(range(256)) * 40)
    (site / "empty.html").write_bytes(b"")
    (site / "cut.html").write_text('<a href="../../', encoding="utf-8")
    (site / "deep.html").write_text("<div>" * 3000 + '<a href="#nope">x</a>', encoding="utf-8")
    (site / "refresh.html").write_text('<meta http-equiv="refresh" content="0; url=">', encoding="utf-8")
    findings, pages = check_site(site, Config())
    assert pages == 5
    rules = {(f.page, f.rule) for f in findings}
    assert ("/deep.html", "link-missing-anchor") in rules
    assert ("/refresh.html", "link-redirect-broken") in rules
    assert not any(f.rule == "internal-error" for f in findings)


def test_many_identical_broken_links_each_map_to_their_own_line(tmp_path):
    """A generated page with 20,000 links to the same missing anchor: every finding is placed
    on its own Markdown line, in order (bench/bench_sourcemap.py measures that this is linear)."""
    n = 20_000
    docs, site = tmp_path / "docs", tmp_path / "site"
    docs.mkdir()
    (site / "ref").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\nSee [the reference](ref.md).\n")
    (docs / "ref.md").write_text("# Reference\n\n" + "A [missing](#missing) link.\n" * n)
    (site / "index.html").write_text(page('<h1 id="home">Home</h1><a href="ref/">reference</a>'))
    links = '<p>A <a href="#missing">missing</a> link.</p>\n' * n
    (site / "ref" / "index.html").write_text(page(f'<h1 id="reference">Reference</h1>{links}', up="../"))
    by_page, _ = check_site_by_page(site, Config(jobs=1), docs_dir=docs)
    found = [f for f in by_page["/ref/"] if f.rule == "link-missing-anchor"]
    assert [(f.path.rsplit("/", 1)[-1], f.line, f.column) for f in found] == [
        ("ref.md", line, 13) for line in range(3, n + 3)
    ]
