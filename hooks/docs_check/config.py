"""Project configuration: `[tool.docs-check]` in pyproject.toml, plus `extra.docs_check` in mkdocs.yml.

    [tool.docs-check]
    fail-on = "warning"               # lowest severity that fails a run: error | warning | info
    select = ["alert-", "tf-fmt"]     # only these rules (ids or id prefixes)
    ignore = ["spell-"]               # never these
    exclude = ["drafts/**"]           # paths (globs, relative to the docs folder) not checked
    report = "site-report.json"       # where `mkdocs build` writes its findings (JSON)

    [tool.docs-check.rules]           # per-rule severity, or "off"
    alert-in-list = "error"

    [tool.docs-check.terraform]       # a check's own options live in a sub-table
    provider-version = "2.11.0"

Every key is validated (by `configfile.load`, which reads them); a bad one raises ConfigError
naming the key and the value, which the CLI turns into exit status 2 and MkDocs into a
configuration error. This module is the settings as checks read them; it imports no check.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Severity
from .rules import suggest

TOP_KEYS = ("fail-on", "select", "ignore", "exclude", "rules", "report", "jobs")
# Sub-tables owned by checks; each check validates its own keys through `Config.option`.
SECTIONS = ("alerts", "terraform", "registry", "spelling", "site")


class ConfigError(Exception):
    """A configuration value is wrong; the message names the key, the value and the source."""


@dataclass
class Config:
    fail_on: Severity = Severity.WARNING
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severities: dict[str, Severity | None] = field(default_factory=dict)  # None: off
    report: str | None = None
    jobs: int = 0  # 0: as many as there are cores
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: str = "defaults"
    root: Path = field(default_factory=Path.cwd)  # folder paths are reported relative to

    # -- what the engine asks ---------------------------------------------------------------

    def enabled(self, rule_id: str) -> bool:
        if self.severities.get(rule_id, Severity.INFO) is None:
            return False
        if self.select and not any(_matches(rule_id, s) for s in self.select):
            return False
        return not any(_matches(rule_id, s) for s in self.ignore)

    def severity(self, rule_id: str, default: Severity) -> Severity:
        sev = self.severities.get(rule_id)
        return default if sev is None else sev

    def excluded(self, rel_path: str) -> bool:
        return any(fnmatch.fnmatch(rel_path, pattern) for pattern in self.exclude)

    def option(self, section: str, key: str, default: Any, kind: type | tuple[type, ...]) -> Any:
        """A check's own option, type-checked, e.g. `option("terraform", "provider-version", ...)`."""
        value = self.sections.get(section, {}).get(key, default)
        if value is not default and not isinstance(value, kind):
            expected = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise ConfigError(
                f"{self.source}: [tool.docs-check.{section}] {key} = {value!r}: expected {expected}"
            )
        return value

    def choice(self, section: str, key: str, choices: tuple[str, ...]) -> str:
        """A check's option that takes one of `choices` (the first is the default)."""
        value = self.option(section, key, choices[0], str)
        if value not in choices:
            raise ConfigError(
                f"{self.source}: [tool.docs-check.{section}] {key} = {value!r}: expected one of "
                + ", ".join(f'"{v}"' for v in choices)
            )
        return value

    def fingerprint(self) -> str:
        """Changes whenever a setting that affects findings changes (for result caches)."""
        data = {
            "select": self.select,
            "ignore": self.ignore,
            "severities": {k: (str(v) if v else None) for k, v in sorted(self.severities.items())},
            "sections": self.sections,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def check_section_keys(config: Config, section: str, known: tuple[str, ...]) -> None:
    """Refuse a key a check's sub-table does not have, with the nearest one suggested."""
    for key in config.sections.get(section, {}):
        if key not in known:
            hint = suggest(key, known)
            raise ConfigError(
                f"{config.source}: [tool.docs-check.{section}] unknown key {key!r}"
                + (f" (did you mean {hint!r}?)" if hint else "")
                + (f"; the keys are {', '.join(known)}" if known else "; the section has no keys")
            )


def _matches(rule_id: str, pattern: str) -> bool:
    return rule_id == pattern or (pattern.endswith("-") and rule_id.startswith(pattern))
