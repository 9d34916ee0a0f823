"""Coder's docs conventions (docs_check.coderdocs, through mkdocs.yml) on small fixtures."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, docs_check, mkdocs_build
from docs_check.coderdocs import manifest as mf
from docs_check.coderdocs.badges import badges_html
from docs_check.coderdocs.children import expand_children
from docs_check.coderdocs.lists import normalize_lists
from docs_check.coderdocs.outlinks import Repository, rebase, repository_url
from docs_check.coderdocs.redirects import applicable
from docs_check.coderdocs.slugs import Slugger, github_slug, page_slugs
from docs_check.coderdocs.tabs import convert_tabs
from docs_check.config import Config
from docs_check.engine import check_document
from docs_check.scanner import Document

# -- slugs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Getting Started", "getting-started"),
        ("--provisioner-daemons", "--provisioner-daemons"),  # leading dashes kept
        ("What's new? (v2.0)", "whats-new-v20"),
        ("A & B", "a--b"),  # each space becomes a dash; runs are not collapsed
        ("CODER_AGENT_URL", "coder_agent_url"),  # underscore is a connector: kept
        ("Über café", "über-café"),  # letters of any script kept, lowercased
        ("Emoji 🚀 rocket", "emoji--rocket"),
        ("  padded  ", "--padded--"),
        ("C++ / Go: 1.2", "c--go-12"),
    ],
)
def test_github_slug(heading: str, slug: str) -> None:
    assert github_slug(heading) == slug


def test_duplicate_headings_get_dash_numbers_in_order() -> None:
    assert page_slugs(["Setup", "Setup", "Setup"]) == ["setup", "setup-1", "setup-2"]
    # A heading whose own slug is "setup-1" is taken into account, as github-slugger does.
    assert page_slugs(["Setup 1", "Setup", "Setup"]) == ["setup-1", "setup", "setup-2"]
    assert page_slugs(["Setup", "Setup", "Setup 1"]) == ["setup", "setup-1", "setup-1-1"]
    slugger = Slugger({"taken"})
    assert slugger.slug("Taken") == "taken-1"


# -- manifest ----------------------------------------------------------------------------

MANIFEST = {
    "versions": ["main"],
    "routes": [
        {"title": "Home", "description": "Start here.", "path": "./index.md"},
        {
            "title": "Guide",
            "description": "How to use it.",
            "path": "./guide/index.md",
            "children": [
                {"title": "Install", "description": "Install it.", "path": "./guide/install.md", "state": ["beta"]},
                {"title": "Tabs", "description": "Pick a platform.", "path": "./guide/tabs.md",
                 "state": ["early access", "premium"]},
                {"title": "Page Without Heading", "description": "No H1 here.", "path": "./guide/no-h1.md"},
            ],
        },
        {"title": "Install again", "path": "./guide/install.md"},
    ],
}


def test_manifest_navigation_titles_order_and_nesting() -> None:
    manifest = mf.parse(MANIFEST)
    assert mf.nav(manifest) == [
        {"Home": "index.md"},
        {"Guide": [
            {"Guide": "guide/index.md"},
            {"Install": "guide/install.md"},
            {"Tabs": "guide/tabs.md"},
            {"Page Without Heading": "guide/no-h1.md"},
        ]},
        # listed twice: one page, one place in the navigation
    ]
    assert manifest.route("./guide/../guide/install.md").states == ("beta",)
    assert [c.title for c in mf.children_of(manifest, "guide/index.md")] == ["Install", "Tabs", "Page Without Heading"]
    assert manifest.unlisted(["index.md", "guide/hidden.md", "img/x.png"]) == ["guide/hidden.md"]
    assert mf.states(manifest) == {"beta": "Beta", "early-access": "Early Access", "premium": "Premium"}
    assert mf.state_label("ai governance add-on") == "AI Governance Add-On"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"routes": {}}, '"routes" list'),
        ({"routes": [{"title": "", "path": "./a.md"}]}, "routes[0]: \"title\""),
        ({"routes": [{"title": "A", "path": "./a.md", "children": [{"title": "B"}]}]}, "routes[0].children[0] (B): \"path\""),
        ({"routes": [{"title": "A", "path": "./a.md", "state": 3}]}, '"state" must be a list'),
    ],
)
def test_manifest_errors_say_where(data: object, message: str) -> None:
    with pytest.raises(mf.ManifestError, match=re.escape(message)):
        mf.parse(data)


def test_manifest_invalid_json_gives_position() -> None:
    with pytest.raises(mf.ManifestError, match=r"manifest.json:2:\d+: not valid JSON"):
        mf.loads('{"routes": [\n  oops]}')


# -- <children> --------------------------------------------------------------------------


def test_children_expand_with_links_and_descriptions() -> None:
    manifest = mf.parse(MANIFEST)
    out = expand_children("# Guide\n\nIntro.\n\n<children></children>\n\nAfter.\n", "guide/index.md", manifest)
    assert "- [Install](install.md): Install it.\n- [Tabs](tabs.md): Pick a platform.\n" in out
    assert "- [Page Without Heading](no-h1.md): No H1 here." in out
    assert '<div class="coder-children" markdown="1">' in out
    assert out.startswith("# Guide\n\nIntro.\n") and out.endswith("After.\n")


def test_children_left_alone_in_code_and_dropped_without_children() -> None:
    manifest = mf.parse(MANIFEST)
    text = "Write:\n\n```md\n<children></children>\n```\n\nand `<children></children>`.\n"
    assert expand_children(text, "guide/index.md", manifest) == text
    assert "<children" not in expand_children("A\n\n<children></children>\n", "guide/install.md", manifest)


def test_children_multiline_form_drops_its_fallback_text() -> None:
    """coder.com replaces the whole element, fallback text for GitHub readers included."""
    manifest = mf.parse(MANIFEST)
    text = "# Guide\n\n<children>\n  This page is rendered on <https://coder.com/docs>. See the folder.\n</children>\n\nAfter.\n"
    out = expand_children(text, "guide/index.md", manifest)
    assert "- [Install](install.md): Install it." in out
    assert "rendered on" not in out and "children>" not in out
    assert out.endswith("After.\n")
    # An unclosed element, or one around code, is not the convention: left as written.
    unclosed = "<children>\n  Text.\n"
    assert expand_children(unclosed, "guide/index.md", manifest) == unclosed
    fenced = "<children>\n```\ncode\n```\n</children>\n"
    assert expand_children(fenced, "guide/index.md", manifest) == fenced


# -- engine configuration (mkdocs.yml tags) ------------------------------------------------


def _load_like_an_engine(config: Path) -> dict:
    """yaml.Loader over an open file, as MkDocs, ProperDocs and Zensical read mkdocs.yml."""
    import yaml

    with config.open(encoding="utf-8") as fd:
        return yaml.load(fd, Loader=yaml.Loader)  # the full loader, as the engines use


def test_config_tags_read_the_tree_of_the_config_being_loaded(tmp_path: Path, monkeypatch) -> None:
    docs = tmp_path / "tree"
    (docs / "guide").mkdir(parents=True)
    for rel in ("index.md", "guide/index.md", "guide/install.md", "guide/tabs.md", "guide/no-h1.md"):
        (docs / rel).write_text("# Page\n")
    (docs / "manifest.json").write_text(json.dumps(MANIFEST))
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "docs_dir: tree\n"
        "nav: !!python/object/apply:docs_check.coderdocs.siteconfig.nav []\n"
        "status: !!python/object/apply:docs_check.coderdocs.siteconfig.status []\n"
        "redirects: !!python/object/apply:docs_check.coderdocs.siteconfig.redirect_maps\n"
        "  - {old.md: guide/install.md, guide/tabs.md: index.md, gone.md: nowhere.md}\n"
    )
    monkeypatch.chdir(ROOT)  # the tree is the config's, not the working directory's
    data = _load_like_an_engine(config)
    assert data["nav"] == mf.nav(mf.parse(MANIFEST))
    assert data["status"] == {"beta": "Beta", "early-access": "Early Access", "premium": "Premium"}
    assert data["redirects"] == {"old.md": "guide/install.md"}  # a real page and a missing target left out
    # A config that INHERITs another: the tags of the parent see the child's docs_dir.
    child = tmp_path / "child" / "mkdocs.yml"
    child.parent.mkdir()
    child.write_text(f"INHERIT: {config}\ndocs_dir: ../empty\n")
    (tmp_path / "empty").mkdir()
    from mkdocs.utils.yaml import yaml_load

    with child.open(encoding="utf-8") as fd:
        assert yaml_load(fd)["nav"] == []  # no manifest in the child's tree: the engine's own nav


def test_config_tag_reports_a_broken_manifest_as_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "manifest.json").write_text('{"routes": [{"title": "x"}]}')
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\ndocs_dir: docs\n")
    build = mkdocs_build(tmp_path / "site", config=config, cwd=tmp_path, strict=False)
    assert build.returncode == 1
    assert 'routes[0] (x): "path" must be a non-empty string' in build.log
    assert "Traceback" not in build.log


def test_extension_outside_an_engine_reshapes_without_a_page() -> None:
    import markdown

    out = markdown.markdown("## Hello World!\n\n1. one\n\n   ```sh\n   x\n   ```\n", extensions=[
        "docs_check.coderdocs.mdext", "pymdownx.superfences"])
    assert '<h2 id="hello-world">' in out
    assert re.search(r"<ol>\s*<li>\s*<p>one</p>\s*<div class=\"highlight\"><pre>", out), out


# -- tabs --------------------------------------------------------------------------------

TABS = """\
Install:

<div class="tabs">

### macOS

```sh
brew install coder
```

### Linux

Run:

#### Debian

apt install coder

</div>

Done.
"""


def test_tabs_become_pymdownx_tabbed() -> None:
    out = convert_tabs(TABS)
    assert '===! "macOS"\n\n    ```sh\n    brew install coder\n    ```\n' in out
    assert '=== "Linux"\n\n    Run:\n\n    #### Debian\n\n    apt install coder\n' in out
    assert "<div" not in out and "</div>" not in out
    assert out.endswith("\nDone.\n")


def test_tabs_in_a_list_item_keep_their_container() -> None:
    text = "1. Install:\n\n   <div class=\"tabs\">\n\n   ## One\n\n   a\n\n   ## Two\n\n   b\n\n   </div>\n\n1. Next\n"
    out = convert_tabs(normalize_lists(text))
    assert '    ===! "One"\n\n        a\n\n    === "Two"\n\n        b\n' in out
    assert out.endswith("1. Next\n")


def test_tabs_in_code_are_not_converted() -> None:
    text = '````md\n<div class="tabs">\n\n### A\n\n</div>\n````\n'
    assert convert_tabs(text) == text


# -- lists -------------------------------------------------------------------------------


def test_commonmark_list_indentation_becomes_four_columns() -> None:
    text = "1. Step:\n\n   ```sh\n   echo hi\n     indented\n   ```\n\n1. Next\n   - sub\n     more\n"
    assert normalize_lists(text) == (
        "1. Step:\n\n    ```sh\n    echo hi\n      indented\n    ```\n\n1. Next\n    - sub\n        more\n"
    )


def test_list_after_paragraph_gets_a_blank_line_and_code_is_untouched() -> None:
    assert normalize_lists("Text:\n- a\n- b\n") == "Text:\n\n- a\n- b\n"
    code = "```md\n1. a\n   b\n```\n"
    assert normalize_lists(code) == code
    # CommonMark: only a list starting at 1 may interrupt a paragraph ("in 2024. ..." is text).
    assert normalize_lists("Released in\n2024. It works.\n") == "Released in\n2024. It works.\n"
    assert normalize_lists("1. a\n   more\n2. b\n") == "1. a\n    more\n2. b\n"


# -- links out of the tree ---------------------------------------------------------------

REPO = Repository("https://github.com/coder/coder/blob/main/", "docs")


@pytest.mark.parametrize(
    ("href", "page", "url"),
    [
        ("../../../examples/templates", "admin/templates/index.md",
         "https://github.com/coder/coder/blob/main/examples/templates"),
        ("../LICENSE", "README.md", "https://github.com/coder/coder/blob/main/LICENSE"),
        ("../../../scripts/develop.sh#L3", "about/contributing/CONTRIBUTING.md",
         "https://github.com/coder/coder/blob/main/scripts/develop.sh#L3"),
        ("../install/index.md", "admin/index.md", None),  # inside the tree
        ("https://coder.com", "index.md", None),
        ("#anchor", "index.md", None),
        ("../../../../../etc", "a/b.md", None),  # above the repository: left for the link check
    ],
)
def test_repository_url(href: str, page: str, url: str | None) -> None:
    assert repository_url(href, page, REPO) == url


@pytest.mark.parametrize(
    ("href", "page", "url", "expected"),
    [
        ("../../images/a.png", "admin/users/idp-sync.md", "admin/users/idp-sync/", "../../../images/a.png"),
        ("../provisioners/index.md#auth", "admin/security/secrets.md", "admin/security/secrets/",
         "../../provisioners/#auth"),
        ("../README.md", "admin/index.md", "admin/", "../"),
        ("images/a.png", "admin/index.md", "admin/", None),  # already right from admin/
        ("../../site/v.mp4?raw=true", "admin/x.md", "admin/x/",
         "https://github.com/coder/coder/blob/main/site/v.mp4?raw=true"),
        ("https://example.com/a.png", "a.md", "a/", None),
    ],
)
def test_rebase_raw_html_paths(href: str, page: str, url: str, expected: str | None) -> None:
    assert rebase(href, page, url, REPO) == expected


def test_repository_from_mkdocs_settings() -> None:
    assert Repository.from_site("https://github.com/coder/coder", "edit/main/docs/") == REPO
    assert Repository.from_site("https://github.com/coder/coder", None) is None


def test_redirects_apply_only_when_target_exists_and_source_is_free() -> None:
    files = {"ai-coder/index.md", "ai-coder/agents/index.md", "ai-coder/tasks.md"}
    kept, dropped = applicable(
        {"ai-coder/agents.md": "ai-coder/index.md", "ai-coder/old.md": "ai-coder/tasks.md#x",
         "ai-coder/gone.md": "ai-coder/missing.md"},
        files.__contains__,
    )
    assert kept == {"ai-coder/old.md": "ai-coder/tasks.md#x"}
    assert set(dropped) == {"ai-coder/agents.md", "ai-coder/gone.md"}


def test_badges_follow_the_title() -> None:
    # Placement under the title is the extension's (tests/test_engines_render.py, every engine).
    out = badges_html(["beta", "early access"])
    assert out == ('<p class="coder-states"><span class="coder-state coder-state--beta">Beta</span>'
                   '<span class="coder-state coder-state--early-access">Early Access</span></p>')


# -- a fixture tree built with the project's mkdocs.yml ---------------------------------

PAGES = {
    "index.md": """\
        # Home

        Read [the flag](guide/install.md#--flag-name), the [second setup](guide/install.md#setup-1)
        and [the hidden page](guide/hidden.md).
        """,
    "guide/index.md": """\
        # Guide

        <children></children>
        """,
    "guide/install.md": """\
        # Install

        ## `--flag-name`

        ## Setup

        1. First step:

           ```sh
           echo one
           ```

        1. Second step.

        ## Setup

        See [the templates](../../examples/templates) and [the first setup](#setup).

        <img src="../img/logo.svg" alt="Logo"> and <a href="tabs.md#linux">the Linux tab</a>.

        ## What's new? (v2.0)
        """,
    "guide/tabs.md": """\
        # Tabs

        <div class="tabs">

        ### macOS

        Use brew.

        ### Linux

        Use apt.

        </div>

        ## Linux

        Jump to [the Linux tab](#linux) or [this heading](#linux-1).
        """,
    "guide/no-h1.md": "Text of a page that has no heading of its own.\n",
    "guide/hidden.md": "# Hidden\n\nNot in the manifest.\n",
}


@pytest.fixture(scope="module")
def fixture_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("coder-tree") / "docs"
    for rel, text in PAGES.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    (docs / "manifest.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    (docs / "img").mkdir()
    (docs / "img" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def fixture_site(fixture_tree: Path, tmp_path_factory: pytest.TempPathFactory):
    build = mkdocs_build(
        tmp_path_factory.mktemp("coder-site") / "site", docs_dir=fixture_tree, strict=False,
        env={"DOCS_CHECKS": "off"},
    )
    assert build.returncode == 0, build.log
    return build


def _html(build, page: str) -> str:
    return (build.site / page / "index.html").read_text(encoding="utf-8") if page else (
        build.site / "index.html").read_text(encoding="utf-8")


def test_fixture_builds_with_only_the_unlisted_page_reported(fixture_site) -> None:
    warnings = [ln for ln in fixture_site.log.splitlines() if ln.startswith(("WARNING", "ERROR"))]
    assert len(warnings) == 1, fixture_site.log
    assert 'not included in the "nav"' in warnings[0]
    assert "guide/hidden.md" in fixture_site.log
    # The project's redirects point at pages this tree does not have: they are left out.
    assert "Redirect target" not in fixture_site.log


def test_fixture_navigation_comes_from_the_manifest(fixture_site) -> None:
    html = _html(fixture_site, "")
    titles = re.findall(r'<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', html)
    assert [t for t in titles if t in ("Install", "Tabs", "Page Without Heading")] == [
        "Install", "Tabs", "Page Without Heading"]
    assert re.search(r'Install\s*</span>\s*<span class="md-status md-status--beta" title="Beta">', html)
    assert "Hidden" not in titles


def test_fixture_children_list_the_child_pages(fixture_site) -> None:
    html = _html(fixture_site, "guide")
    assert '<a href="install/">Install</a>: Install it.' in html
    assert '<a href="no-h1/">Page Without Heading</a>: No H1 here.' in html
    assert "<children>" not in html


def test_fixture_anchors_are_githubs(fixture_site) -> None:
    html = _html(fixture_site, "guide/install")
    ids = re.findall(r'<h[1-6] id="([^"]+)"', html)
    assert ids == ["install", "--flag-name", "setup", "setup-1", "whats-new-v20"]
    assert 'href="#setup"' in html
    # The list with a code block in its first item stays one ordered list of two items.
    assert re.search(r"<ol>\s*<li>\s*<p>First step:</p>.*?</li>\s*<li>\s*<p>Second step.</p>\s*</li>\s*</ol>", html, re.S)


def test_fixture_out_of_tree_links_go_to_github(fixture_site) -> None:
    html = _html(fixture_site, "guide/install")
    assert 'href="https://github.com/coder/coder/blob/main/examples/templates"' in html
    assert "unrecognized relative link" not in fixture_site.log


def test_fixture_raw_html_links_work_from_the_built_page(fixture_site) -> None:
    html = _html(fixture_site, "guide/install")
    # MkDocs serves guide/install.md as guide/install/: raw HTML paths are rebased for that.
    assert '<img src="../../img/logo.svg" alt="Logo">' in html
    assert '<a href="../tabs/#linux">the Linux tab</a>' in html
    assert (fixture_site.site / "img" / "logo.svg").is_file()


def test_fixture_tabs_render_with_github_ids(fixture_site) -> None:
    html = _html(fixture_site, "guide/tabs")
    assert re.search(r'<div class="tabbed-set tabbed-alternate"[^>]*><input checked="checked" id="macos" name="__tabbed_1"', html)
    assert '<label for="linux">Linux</label>' in html
    assert '<h2 id="linux-1">' in html  # the tab took "linux", as its heading did on GitHub


def test_fixture_title_from_manifest_and_badges(fixture_site) -> None:
    html = _html(fixture_site, "guide/no-h1")
    assert re.search(r"<h1>\s*Page Without Heading\s*</h1>", html)
    assert re.search(r"<title>Page Without Heading - ", html)
    tabs = _html(fixture_site, "guide/tabs")
    assert re.search(
        r'<h1 id="tabs">Tabs.*?</h1>\s*<p class="coder-states"><span class="coder-state coder-state--early-access">'
        r'Early Access</span><span class="coder-state coder-state--premium">Premium</span></p>', tabs, re.S)


# -- link-unlisted-page / link-leaves-docs ---------------------------------------------


def test_unlisted_page_links_are_reported(fixture_tree: Path) -> None:
    proc = docs_check("--select", "link-unlisted-page,link-leaves-docs", str(fixture_tree))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1, proc.stdout
    assert lines[0].endswith(
        "index.md:4:23: link-unlisted-page: `guide/hidden.md` is not in manifest.json, so coder.com gives it "
        "no page and this link is a 404 there: add a route for `guide/hidden.md` to manifest.json, or link a listed page"
    )


def test_link_leaving_the_tree_for_a_page_inside_it(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "install").mkdir(parents=True)
    (docs / "manifest.json").write_text(json.dumps(
        {"routes": [{"title": "I", "path": "./install/index.md"}, {"title": "A", "path": "./about.md"}]}))
    (docs / "install" / "index.md").write_text("# Install\n")
    page = docs / "about.md"
    page.write_text("# About\n\nSee [install](../install/index.md#x) and [code](../scripts/x.sh).\n")
    doc = Document.from_bytes(page.read_bytes(), str(page))
    found = [f for f in check_document(doc, Config(root=tmp_path)) if f.rule.startswith("link-")]
    assert [(f.rule, f.line, f.column) for f in found] == [("link-leaves-docs", 3, 15)]
    assert "write `install/index.md`" in found[0].message
    proc = docs_check("--select", "link-leaves-docs", "--fix", str(page))
    assert page.read_text() == "# About\n\nSee [install](install/index.md#x) and [code](../scripts/x.sh).\n", proc.stderr


def test_no_manifest_no_findings(tmp_path: Path) -> None:
    page = tmp_path / "a.md"
    page.write_text("[x](b.md)\n")
    (tmp_path / "b.md").write_text("# B\n")
    doc = Document.from_bytes(page.read_bytes(), str(page))
    assert [f for f in check_document(doc, Config(root=tmp_path)) if f.rule.startswith("link-")] == []


def test_project_manifest_lists_every_page() -> None:
    manifest = mf.load(ROOT / "docs" / "manifest.json")
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    assert manifest.unlisted(pages) == []
    assert manifest.route("ai-coder/tasks.md").states == ("beta",)
