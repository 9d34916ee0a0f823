"""The registry's host: the public one, development hosts under it, and near misses."""

from __future__ import annotations

from functools import lru_cache

from .. import catalog as C

OK, DEV, TYPO = "ok", "dev", "typo"


@lru_cache(maxsize=8192)
def classify_host(host: str) -> str | None:
    """OK for the registry, DEV for another host under it, TYPO for a near miss, else None."""
    h = host.lower().rstrip(".")
    if h == C.HOST:
        return OK
    if h.endswith("." + C.HOST):
        return DEV
    if abs(len(h) - len(C.HOST)) <= 2 and _distance(h, C.HOST) <= 2:
        return TYPO
    return None


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (edits and adjacent swaps), for host typos."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def host_problem(host: str, kind: str) -> str:
    if kind == DEV:
        return (
            f"`{host}` is not the public registry (it is a development or staging host); "
            f"readers cannot rely on it: use `{C.HOST}`"
        )
    return f"`{host}` is a misspelling of the registry's host: write `{C.HOST}`"


def may_hold_registry(text: str) -> bool:
    """A cheap test that `text` may name the registry's host or a misspelling of it.

    One edit to "registry.coder.com" (a wrong, missing, extra or swapped letter) always
    leaves "regi", "stry" or "y.cod" intact; most double typos do too.
    """
    lower = text.lower()
    return "regi" in lower or "stry" in lower or "y.cod" in lower
