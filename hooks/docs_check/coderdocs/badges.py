"""State badges (beta, premium, early access...) shown on a page under its title."""

from __future__ import annotations

import html as html_lib
import re

from .manifest import state_id, state_label

_H1_END = re.compile(r"</h1\s*>", re.I)


def badges_html(states: list[str] | tuple[str, ...]) -> str:
    spans = "".join(
        f'<span class="coder-state coder-state--{state_id(s)}">{html_lib.escape(state_label(s))}</span>'
        for s in states
    )
    return f'<p class="coder-states">{spans}</p>'


def page_badges(content: str, states: list[str] | tuple[str, ...]) -> str:
    """The page's HTML with its badges after its first H1 (or first, when it has none:
    the theme then puts the title above them)."""
    if not states:
        return content
    badges = badges_html(states)
    m = _H1_END.search(content)
    if m is None:
        return badges + "\n" + content
    return content[: m.end()] + "\n" + badges + content[m.end() :]
