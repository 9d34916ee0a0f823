"""State badges (beta, premium, early access...) shown on a page under its title."""

from __future__ import annotations

import html as html_lib

from .manifest import state_id, state_label


def badges_html(states: list[str] | tuple[str, ...]) -> str:
    """`<p class="coder-states">` with a badge per state; the Markdown extension puts it under the H1."""
    spans = "".join(
        f'<span class="coder-state coder-state--{state_id(s)}">{html_lib.escape(state_label(s))}</span>'
        for s in states
    )
    return f'<p class="coder-states">{spans}</p>'
