"""Links to pages that coder.com gives no route: files `manifest.json` does not list.

The docs tree's `manifest.json` (found by walking up from the page) decides which files
are pages on coder.com; a link to any other Markdown file in the tree renders here and on
GitHub, but is a 404 for readers of coder.com.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..check import Check
from ..coderdocs import manifest as manifests
from ..coderdocs.links import Link, links
from ..config import Config
from ..findings import Finding, Fix, Severity
from ..rules import rule
from ..scanner import Document

UNLISTED = rule(
    "link-unlisted-page", Severity.WARNING,
    "A link to a Markdown file that manifest.json does not list (coder.com gives it no page)",
)
LEAVES = rule(
    "link-leaves-docs", Severity.WARNING,
    "A relative link climbs out of the docs tree to a page the tree itself holds (one `../` too many)",
    fixable=True,
)


def _real_path(doc_path: str, config: Config) -> Path | None:
    """The page's file: reported paths are relative to the project root (or the cwd)."""
    path = Path(doc_path)
    if path.is_absolute():
        return path if path.is_file() else None
    for base in (config.root, Path.cwd()):
        candidate = base / path
        if candidate.is_file():
            return candidate
    return None


def _target_page(docs_root: Path, rel: str) -> str | None:
    """The docs-relative Markdown file a link to `rel` lands on, if it exists."""
    if rel.endswith(".md"):
        return rel if (docs_root / rel).is_file() else None
    for index in ("index.md", "README.md"):
        candidate = posixpath.normpath(posixpath.join(rel, index))
        if (docs_root / rel).is_dir() and (docs_root / candidate).is_file():
            return candidate
    return None


def _climbed_too_far(docs_root: Path, rel: str) -> str | None:
    """For a link resolved to `../x/y.md` (outside the tree): `x/y.md` when the tree has it.

    Links out of the tree go to the repository (`../../examples`), so only a path the tree
    holds too is taken for a mistake: the repository has no such file beside `docs/`.
    """
    inside = rel
    while inside.startswith("../"):
        inside = inside[3:]
    if not inside or inside == ".." or not inside.endswith(".md"):
        return None
    return inside if (docs_root / inside).is_file() else None


def run(doc: Document, config: Config) -> Iterator[Finding]:
    if "](" not in doc.text and "]:" not in doc.text and "href" not in doc.text:
        return
    real = _real_path(doc.path, config)
    found = manifests.find(real.resolve().parent) if real is not None else None
    if found is None:
        return
    docs_root, manifest = found
    page = real.resolve().relative_to(docs_root).as_posix()
    # coder.com does not publish an unlisted page, so nobody follows its links there.
    published = manifest.listed(page)
    for link in links(doc):
        parts = urlsplit(link.target)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if rel == ".." or rel.startswith("../"):
            inside = _climbed_too_far(docs_root, rel)
            if inside is not None and config.enabled(LEAVES.id):
                yield _leaves(doc, link, parts.path, page, inside)
            continue  # otherwise a link to the repository, not to a page
        target = _target_page(docs_root, rel)
        if not published or target is None or manifest.listed(target):
            continue
        yield UNLISTED.at(
            doc.path, link.line, link.column,
            f"`{target}` is not in manifest.json, so coder.com gives it no page and this link "
            f"is a 404 there: add a route for `{target}` to manifest.json, or link a listed page",
        )


def _leaves(doc: Document, link: Link, path: str, page: str, inside: str) -> Finding:
    better = posixpath.relpath(inside, posixpath.dirname(page) or ".")
    start = doc.offset(link.line, link.column)
    fix = None
    if doc.text[start : start + len(path)] == path:
        fix = Fix(start, start + len(path), better, f"link `{better}`")
    return LEAVES.at(
        doc.path, link.line, link.column,
        f"`{path}` climbs out of the docs tree, but the page it names is in the tree at "
        f"`{inside}`: write `{better}`",
        fix=fix,
    )


CHECK = Check("manifest", (UNLISTED, LEAVES), run)
