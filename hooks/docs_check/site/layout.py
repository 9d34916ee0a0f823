"""The built site on disk and how a static server maps URLs onto it.

`page/` is served from `page/index.html`, `page` (a folder) redirects to `page/`, paths are
percent-decoded and case-sensitive (GitHub Pages, S3, nginx on Linux). Files are listed once
up front, so resolving a link is a set lookup, never a `stat`.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

# What resolving a link's path part can give.
OK, MISSING, OUTSIDE, MD = "ok", "missing", "outside", "md"

_CANONICAL = re.compile(rb'<link\b[^>]*\brel="?canonical"?[^>]*>', re.I)
_HREF = re.compile(rb'\bhref="([^"]*)"', re.I)


@dataclass
class SiteLayout:
    root: Path
    files: frozenset[str]  # every file, as a posix path relative to root
    dirs: frozenset[str]
    # site_url: absolute links under it are internal; root-relative links start with its path.
    base_url: str = ""
    base_path: str = "/"
    _by_name: dict[str, list[str]] | None = field(default=None, repr=False)
    _folders: list[str] | None = field(default=None, repr=False)
    _by_folder: dict[str, list[str]] | None = field(default=None, repr=False)

    @classmethod
    def scan(cls, root: Path, base_url: str | None = None) -> SiteLayout:
        files: set[str] = set()
        dirs: set[str] = set()
        root_str = str(root)
        for folder, subdirs, names in os.walk(root_str):
            rel = os.path.relpath(folder, root_str).replace(os.sep, "/")
            prefix = "" if rel == "." else rel + "/"
            if prefix:
                dirs.add(rel)
            subdirs.sort()
            for name in names:
                files.add(prefix + name)
        layout = cls(root, frozenset(files), frozenset(dirs))
        layout.set_base(base_url if base_url is not None else layout.infer_base_url())
        return layout

    def set_base(self, base_url: str) -> None:
        if not base_url:
            self.base_url, self.base_path = "", "/"
            return
        if not base_url.endswith("/"):
            base_url += "/"
        self.base_url = base_url
        self.base_path = urlsplit(base_url).path or "/"

    def infer_base_url(self) -> str:
        """site_url, read back from the home page's canonical link (MkDocs writes it when set)."""
        try:
            head = (self.root / "index.html").read_bytes()[:16384]
        except OSError:
            return ""
        tag = _CANONICAL.search(head)
        href = _HREF.search(tag.group(0)) if tag else None
        if href is None:
            return ""
        url = href.group(1).decode("utf-8", "replace")
        return url if url.startswith(("http://", "https://")) else ""

    # -- pages ------------------------------------------------------------------------------

    def pages(self) -> list[str]:
        return sorted(f for f in self.files if f.endswith((".html", ".htm")))

    # -- resolving --------------------------------------------------------------------------

    def resolve(self, base: str, rest: str) -> tuple[str, str]:
        """(status, site path) of `rest` (a URL path, still percent-encoded) relative to the
        folder `base` ("" is the site root)."""
        path = unquote(rest)
        joined = f"{base}/{path}" if base else path
        if not joined:
            return (OK, "index.html") if "index.html" in self.files else (MISSING, "index.html")
        folder_url = joined.endswith("/") or path in (".", "") or path.endswith("/.")
        norm = posixpath.normpath(joined)
        if norm == ".." or norm.startswith("../") or norm.startswith("/"):
            return OUTSIDE, norm
        if norm == ".":
            norm = ""
        if norm.lower().endswith(".md"):
            return MD, norm
        if folder_url or not norm:
            index = f"{norm}/index.html" if norm else "index.html"
            return (OK, index) if index in self.files else (MISSING, index)
        if norm in self.files:
            return OK, norm
        if norm in self.dirs:
            index = f"{norm}/index.html"
            return (OK, index) if index in self.files else (MISSING, index)
        return MISSING, norm

    # -- "did you mean" ---------------------------------------------------------------------

    def suggest(self, missing: str) -> str | None:
        """The existing file or page most like `missing`: same name elsewhere, or a sibling."""
        if missing.endswith("index.html"):
            folder = posixpath.dirname(missing)
            if self._folders is None:
                self._folders = [posixpath.dirname(f) for f in self.files if f.endswith("/index.html")]
            pages = self._folders
            same = [p for p in pages if posixpath.basename(p) == posixpath.basename(folder)]
            pool = same or [p for p in pages if posixpath.dirname(p) == posixpath.dirname(folder)]
            hit = difflib.get_close_matches(folder, pool, n=1, cutoff=0.6)
            return hit[0] + "/" if hit else None
        if self._by_name is None or self._by_folder is None:
            self._by_name, self._by_folder = {}, {}
            for f in self.files:
                folder, _, name = f.rpartition("/")
                self._by_name.setdefault(name, []).append(f)
                self._by_folder.setdefault(folder, []).append(f)
        folder, _, name = missing.rpartition("/")
        same = self._by_name.get(name)
        if same:
            hit = difflib.get_close_matches(missing, same, n=1, cutoff=0.0)
            return hit[0] if hit else None
        siblings = self._by_folder.get(folder, [])
        hit = difflib.get_close_matches(missing, siblings, n=1, cutoff=0.75)
        return hit[0] if hit else None


def page_url(page: str) -> str:
    """The URL a reader sees for a built file: `ai-coder/tasks/index.html` -> `/ai-coder/tasks/`."""
    if page == "index.html":
        return "/"
    if page.endswith("/index.html"):
        return "/" + page[: -len("index.html")]
    return "/" + page
