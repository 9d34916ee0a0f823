"""The rule registry: every rule id, its default severity and a one-line explanation.

Check modules declare their rules at import time with `rule(...)`; the ids are a public
interface (configuration, suppression comments and CI annotations name them), so an id is
never renamed once released.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .findings import Finding, Fix, Severity

FAMILIES = ("alert", "registry", "tf", "link", "spell")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    fixable: bool = False

    @property
    def family(self) -> str:
        return self.id.split("-", 1)[0]

    def at(
        self,
        path: str,
        line: int,
        column: int,
        message: str,
        *,
        fix: Fix | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        page: str | None = None,
    ) -> Finding:
        """A finding of this rule at its default severity (configuration adjusts it later)."""
        return Finding(
            path=path,
            line=line,
            column=column,
            rule=self.id,
            severity=self.severity,
            message=message,
            end_line=end_line,
            end_column=end_column,
            fix=fix,
            page=page,
        )


RULES: dict[str, Rule] = {}


def rule(id: str, severity: Severity, summary: str, *, fixable: bool = False) -> Rule:
    family = id.split("-", 1)[0]
    if family not in FAMILIES:
        raise ValueError(f"rule {id!r} is outside the families {FAMILIES}")
    if id in RULES:
        raise ValueError(f"rule {id!r} is declared twice")
    RULES[id] = Rule(id, severity, summary, fixable)
    return RULES[id]


def suggest(name: str, choices: list[str] | tuple[str, ...], cutoff: float = 0.6) -> str | None:
    """The closest of `choices` to `name`, for "did you mean" messages."""
    matches = difflib.get_close_matches(name, list(choices), n=1, cutoff=cutoff)
    return matches[0] if matches else None
