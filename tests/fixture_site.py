"""A small site of its own for build and serve tests: the project's mkdocs.yml (INHERIT) with
its own docs folder and only the docs_check hook, so a planted problem is the only one."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

HOOK = ROOT / "hooks" / "check_pages.py"


def make_site(folder: Path, pages: dict[str, str], pyproject: str | None = None) -> Path:
    """Write `pages` under folder/docs and a mkdocs.yml inheriting the project's; return it."""
    docs = folder / "docs"
    for name, text in pages.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: docs-check fixture\n"
        "site_url: http://127.0.0.1/\n"
        # Relative (to this file, for every engine): Zensical 0.0.73 panics on an absolute one.
        "docs_dir: docs\n"
        "theme:\n"
        "  name: material\n"
        f"  custom_dir: {ROOT / 'overrides'}\n"
        "plugins:\n"
        "  - search\n"
        "hooks:\n"
        f"  - {HOOK}\n",
        encoding="utf-8",
    )
    if pyproject is not None:
        (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return config
