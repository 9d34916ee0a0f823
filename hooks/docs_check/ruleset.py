"""Every rule there is: the rule registry once every check module has declared its rules.

Rules are declared where they are reported (`rule(...)` at the top of each check module), so
the complete set exists only after every check is imported. This module sits above them all;
what lists or validates rule ids (the configuration loader, `docs-check rules`, SARIF) asks it.
"""

from __future__ import annotations

from . import checks, site  # noqa: F401  (importing declares the rules)
from .rules import RULES, Rule


def all_rules() -> dict[str, Rule]:
    """Every rule, by id, in id order."""
    return dict(sorted(RULES.items()))
