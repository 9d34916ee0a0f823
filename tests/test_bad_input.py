"""Bad configuration, data and files: a clear message naming the key or path, exit 2, no traceback."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, docs_check, mkdocs_build
from docs_check.build import validate
from docs_check.config import SECTIONS, Config, ConfigError
from fixture_site import make_site

CATALOG = ROOT / "hooks" / "docs_check" / "data" / "registry-catalog.json"


@pytest.fixture
def page(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text(
        "# Home\n\nSee the [Claude Code module](https://registry.coder.com/modules/coder/claude-code).\n"
    )
    return docs


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "not valid JSON"), (None, "")],
    ids=["malformed", "missing"],
)
def test_a_bad_catalog_is_a_configuration_error(page, tmp_path, content, expected):
    catalog = tmp_path / "catalog.json"
    if content is not None:
        catalog.write_text(content)
    proc = docs_check(str(page), env={"DOCS_CHECK_CATALOG": str(catalog)}, cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert str(catalog) in proc.stderr and expected in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_bad_catalog_stops_the_build_cleanly(page, tmp_path):
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps({"namespaces": "not a mapping"}))
    build = mkdocs_build(tmp_path / "site", docs_dir=page, strict=False, env={"DOCS_CHECK_CATALOG": str(catalog)})
    assert build.returncode != 0
    assert str(catalog) in build.log
    assert "Traceback" not in build.log


def test_an_unreadable_file_is_exit_2(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "broken.md").symlink_to(tmp_path / "nowhere.md")
    proc = docs_check(str(docs), cwd=tmp_path)
    assert proc.returncode == 2
    assert "broken.md: cannot read" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("toml", "names"),
    [
        ('fail-on = "loud"', "fail-on"),
        ("select = 3", "select"),
        ('ignore = ["alert-nope"]', "alert-nope"),
        ('[rules]\ntf-fmt = "sometimes"', "tf-fmt"),
        ("colour = true", "colour"),
        ("[terraform]\nprovider-version = 2", "provider-version"),
        ("[site]\nexclude-url = []", "exclude-url"),
        ('[site]\ntimeout = "soon"', "timeout"),
        ('[site]\nexclude-urls = ["(unclosed"]', "exclude-urls"),
        ("[alerts]\ncase = true", "case"),
    ],
)
def test_bad_settings_name_the_key(tmp_path, page, toml, names):
    header = "[tool.docs-check]\n"
    if toml.startswith("["):
        toml = toml.replace("[", "[tool.docs-check.", 1)
        header = ""
    (tmp_path / "pyproject.toml").write_text(header + toml + "\n")
    proc = docs_check(str(page), cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert names in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_refuses_an_unknown_key(section):
    # build.validate() is what both `mkdocs build` and `docs-check` run before any page.
    with pytest.raises(ConfigError, match=f"\\[tool.docs-check.{section}\\] unknown key 'no-such-key'"):
        validate(Config(sections={section: {"no-such-key": 1}}))


def test_a_site_setting_typo_stops_the_build(tmp_path):
    config = make_site(tmp_path, {"index.md": "# Home\n\nFine.\n"},
                       pyproject='[tool.docs-check.site]\nexclude-url = ["^https://x"]\n')
    build = mkdocs_build(tmp_path / "site", config=config, strict=False)
    assert build.returncode != 0
    assert "unknown key 'exclude-url' (did you mean 'exclude-urls'?)" in build.log
    assert "Traceback" not in build.log


@pytest.fixture(scope="module", autouse=True)
def catalog_before():
    """The vendored catalog's bytes before this module's tests run."""
    return CATALOG.read_bytes()


def test_vendored_catalog_is_intact(catalog_before):
    # The tests above point DOCS_CHECK_CATALOG at broken copies; the real file must not change.
    assert CATALOG.read_bytes() == catalog_before
    assert isinstance(json.loads(catalog_before)["namespaces"], dict)
