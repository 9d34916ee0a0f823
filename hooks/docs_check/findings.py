"""The one finding type every check produces and every report consumes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum


class Severity(IntEnum):
    """Ordered so that `finding.severity >= config.fail_on` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r} (expected one of: error, warning, info)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace `text[start:end]` of the checked document with `replacement`.

    Offsets index the decoded text (BOM removed, line endings as in the file), so a
    fixer can apply several fixes to one file without re-reading it.
    """

    start: int
    end: int
    replacement: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    severity: Severity
    message: str
    end_line: int | None = None
    end_column: int | None = None
    fix: Fix | None = None
    # Built-site findings: the page a reader sees, beside the Markdown source in `path`.
    page: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def format(self) -> str:
        """`docs/ai-coder/tasks.md:42:3: tf-fmt: message`, the shape editors and MkDocs logs link."""
        text = f"{self.location}: {self.rule}: {self.message}"
        if self.page:
            text += f" (on page {self.page})"
        return text

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)
