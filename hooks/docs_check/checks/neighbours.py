"""The pages beside a page and above it: what a page's own words leave undecided.

A page with one British spelling and no American one could be a British writer's page or a
slip in an American tree; the page alone cannot say which. Its neighbours can: the other
pages of its folder, and the pages (a README, an index) of the folders above it, up to the
repository's root. Only those pages are read, only for such a page, and each once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path

from ..scanner import Document

# How far up a page's context reaches (its folder and two above), and how many pages of one
# folder are read: an index or README sits near; a large folder says enough in its first pages.
LEVELS = 3
PAGES_A_FOLDER = 20

Count = Callable[[Document], tuple[int, int]]


def counts(path: str, count: Count, key: Hashable) -> tuple[int, int]:
    """The (British, American) spellings `count` finds on the Markdown pages beside `path`
    and above it, `path` itself left out; (0, 0) when it is no file (an editor's buffer).
    `key` names what `count` reads with (the settings and word lists), for the cache."""
    here = Path(path)
    if not here.is_file():
        return 0, 0
    british = american = 0
    folder = here.resolve().parent
    for _ in range(LEVELS):
        for page in sorted(folder.glob("*.md"))[:PAGES_A_FOLDER]:
            if page.name != here.name or page.parent != here.resolve().parent:
                b, a = _page_counts(page, count, key)
                british, american = british + b, american + a
        if (folder / ".git").exists() or folder.parent == folder:
            break  # a repository's root: the pages above it are another project's
        folder = folder.parent
    return british, american


# Each page read once per (path, mtime, size, key): a page edited in a long session
# (`mkdocs serve`, the language server) is read again.
_SEEN: dict[tuple[str, int, int, Hashable], tuple[int, int]] = {}
_SEEN_MAX = 4096


def _page_counts(page: Path, count: Count, key: Hashable) -> tuple[int, int]:
    try:
        st = page.stat()
        stamp = (str(page), st.st_mtime_ns, st.st_size, key)
        if stamp not in _SEEN:
            if len(_SEEN) >= _SEEN_MAX:
                _SEEN.clear()
            _SEEN[stamp] = count(Document.from_bytes(page.read_bytes(), str(page)))
        return _SEEN[stamp]
    except (OSError, ValueError):
        return 0, 0
