"""What a Markdown check is: the rules it may report and the function that finds them.

Its own module, below the checks and the engine, so the imports run one way: each check
module imports this; the engine imports the checks; nothing here imports either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .config import Config
from .findings import Finding
from .rules import Rule
from .scanner import Document

# The rule id of a check (or the link checker) that failed on a file: a finding, not a traceback.
INTERNAL_ERROR = "internal-error"


@dataclass(frozen=True)
class Check:
    """A Markdown check: the rules it may report and the function that finds them."""

    name: str
    rules: tuple[Rule, ...]
    run: Callable[[Document, Config], Iterable[Finding]]
