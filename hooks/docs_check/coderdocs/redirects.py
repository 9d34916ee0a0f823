"""Which of a site's redirects apply to the docs tree being built.

mkdocs.yml's redirects are written for this project's own tree. Building another tree
(`DOCS_DIR=...`), a redirect whose target is not there would fail the build, and one
whose source is a real page there would overwrite it; both are left out.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable


def _page_sources(src: str) -> tuple[str, ...]:
    """The doc files that would be built to the same URL as the redirect `src`."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    return (src, f"{stem}/index.md", f"{stem}/README.md")


def applicable(maps: dict[str, str], exists: Callable[[str], bool]) -> tuple[dict[str, str], dict[str, str]]:
    """Split `maps` (old page -> new page) into (kept, dropped) for the tree `exists` sees."""
    kept: dict[str, str] = {}
    dropped: dict[str, str] = {}
    for src, dest in maps.items():
        target = str(dest).split("#", 1)[0]
        external = str(dest).lower().startswith(("http://", "https://"))
        ok = (external or exists(posixpath.normpath(target))) and not any(exists(p) for p in _page_sources(src))
        (kept if ok else dropped)[src] = dest
    return kept, dropped
