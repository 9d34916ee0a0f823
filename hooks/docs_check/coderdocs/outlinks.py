"""Relative links that leave the docs tree: coder.com sends them to the repository.

Coder's docs live in `docs/` of coder/coder, so `../../examples/templates` from
`admin/templates/index.md` means the repository's `examples/templates`; here it becomes
`https://github.com/coder/coder/blob/main/examples/templates`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Repository:
    """Where the docs tree lives: `blob_url` + path-in-repo gives a file's page on GitHub."""

    blob_url: str = "https://github.com/coder/coder/blob/main/"
    docs_path: str = "docs"  # the docs tree's folder in the repository ("" for the root)

    @classmethod
    def from_site(cls, repo_url: str | None, edit_uri: str | None) -> Repository | None:
        """From mkdocs.yml's `repo_url` and an `edit_uri` such as "edit/main/docs/"."""
        if not repo_url or not edit_uri or _SCHEME.match(edit_uri):
            return None
        parts = [p for p in edit_uri.strip("/").split("/") if p]
        if len(parts) < 2 or parts[0] not in ("edit", "blob"):
            return None
        return cls(f"{repo_url.rstrip('/')}/blob/{parts[1]}/", "/".join(parts[2:]))


def out_of_tree(href: str, page_path: str) -> str | None:
    """The docs-relative path `href` resolves to when it climbs out of the docs tree
    (so it starts with "../"); None for any other link."""
    if not href or href.startswith(("#", "/", "\\")) or _SCHEME.match(href):
        return None
    path = urlsplit(href).path
    if not path:
        return None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    return resolved if resolved == ".." or resolved.startswith("../") else None


def repository_url(href: str, page_path: str, repo: Repository) -> str | None:
    """The GitHub URL of a link that leaves the docs tree, or None to leave `href` alone
    (a link inside the tree, an absolute URL, or one that climbs above the repository)."""
    resolved = out_of_tree(href, page_path)
    if resolved is None:
        return None
    in_repo = posixpath.normpath(posixpath.join(repo.docs_path or ".", resolved))
    if in_repo == ".." or in_repo.startswith("../"):
        return None
    parts = urlsplit(href)
    url = repo.blob_url.rstrip("/") + "/" + ("" if in_repo == "." else in_repo)
    if parts.query:
        url += "?" + parts.query
    if parts.fragment:
        url += "#" + parts.fragment
    return url


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the docs-relative file `path` ("a/b.md" -> "a/b/")."""
    if not path.endswith(".md"):
        return path
    head, name = posixpath.split(path[: -len(".md")])
    if name in ("index", "README"):
        return f"{head}/" if head else ""
    return f"{head}/{name}/".lstrip("/") if directory_urls else f"{path[: -len('.md')]}.html"


def rebase(href: str, page_path: str, url: str, repo: Repository | None, directory_urls: bool = True) -> str | None:
    """`href`, written relative to the Markdown file `page_path`, made to work from the
    built page at `url`; None when it needs no change.

    MkDocs does this for Markdown links but not for raw HTML (`<img src>`, `<source src>`,
    `<a href>`), which then breaks once `a/b.md` is served as `a/b/`.
    """
    if not href or href.startswith(("#", "/", "\\")) or _SCHEME.match(href):
        return None
    if out_of_tree(href, page_path) is not None:
        return repository_url(href, page_path, repo) if repo else None
    parts = urlsplit(href)
    if not parts.path:
        return None
    target = page_url(posixpath.normpath(posixpath.join(posixpath.dirname(page_path), parts.path)), directory_urls)
    base = url if url.endswith("/") or not url else posixpath.dirname(url)
    new = posixpath.relpath(target or ".", base.rstrip("/") or ".")
    if target == "" or target.endswith("/"):
        new = "./" if new == "." else new + "/"
    if parts.query:
        new += "?" + parts.query
    if parts.fragment:
        new += "#" + parts.fragment
    return None if new == href else new
