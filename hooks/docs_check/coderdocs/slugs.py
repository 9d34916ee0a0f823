"""Heading anchors exactly as GitHub makes them.

GitHub (and github-slugger, which coder.com uses) lowercases the heading's text, drops
every character that is not a letter, a mark, a number, a connector (`_`), a space or a
hyphen, and turns each space into a hyphen, without collapsing runs or trimming the ends:
"`--provisioner-daemons`" keeps its leading dashes, "A & B" becomes "a--b". A repeated
slug gets "-1", "-2"... in document order, skipping any slug already taken.
"""

from __future__ import annotations

import unicodedata

_KEEP_CATEGORIES = ("L", "M", "N")


def _kept(ch: str) -> bool:
    if ch in " -":
        return True
    category = unicodedata.category(ch)
    return category[0] in _KEEP_CATEGORIES or category == "Pc"


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading whose rendered text is `text` (before de-duplication)."""
    return "".join(ch for ch in text.lower() if _kept(ch)).replace(" ", "-")


def slugify(value: str, separator: str = "-") -> str:
    """Python-Markdown's `toc` slugify signature; the separator is GitHub's, always "-"."""
    return github_slug(value)


class Slugger:
    """Unique slugs for one page, de-duplicated as github-slugger does it."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.occurrences: dict[str, int] = dict.fromkeys(taken or (), 0)

    def slug(self, text: str) -> str:
        return self.unique(github_slug(text))

    def unique(self, base: str) -> str:
        slug = base
        while slug in self.occurrences:
            self.occurrences[base] += 1
            slug = f"{base}-{self.occurrences[base]}"
        self.occurrences[slug] = 0
        return slug


def page_slugs(headings: list[str]) -> list[str]:
    """The anchors of a page's headings, given their texts in document order."""
    slugger = Slugger()
    return [slugger.slug(h) for h in headings]
