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

Every key is validated; a bad one raises ConfigError naming the key and the value, which
the CLI turns into exit status 2 and MkDocs into a configuration error.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Severity
from .rules import all_rules, suggest

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
                + f"; the keys are {', '.join(known)}"
            )


def _matches(rule_id: str, pattern: str) -> bool:
    return rule_id == pattern or (pattern.endswith("-") and rule_id.startswith(pattern))


def load(pyproject: Path | None = None, mkdocs_extra: dict[str, Any] | None = None) -> Config:
    """Read `[tool.docs-check]` from `pyproject` (if given and present) and mkdocs.yml's extra."""
    config = Config()
    table: dict[str, Any] = {}
    if pyproject is not None and pyproject.is_file():
        config.source = str(pyproject)
        config.root = pyproject.parent
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{pyproject}: cannot read: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{pyproject}: not valid TOML: {exc}") from None
        table = data.get("tool", {}).get("docs-check", {})
        if not isinstance(table, dict):
            raise ConfigError(f"{pyproject}: [tool.docs-check] must be a table")
    apply(config, table)
    if mkdocs_extra:
        _apply_mkdocs_extra(config, mkdocs_extra)
    return config


def apply(config: Config, table: dict[str, Any]) -> Config:
    src = config.source
    known_rules = all_rules()
    for key, value in table.items():
        if key in SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"{src}: [tool.docs-check] {key} must be a table")
            config.sections.setdefault(key, {}).update(value)
            continue
        if key not in TOP_KEYS:
            hint = suggest(key, TOP_KEYS + SECTIONS)
            raise ConfigError(
                f"{src}: [tool.docs-check] unknown key {key!r}"
                + (f" (did you mean {hint!r}?)" if hint else "")
            )
        if key == "fail-on":
            config.fail_on = _severity(value, f"{src}: [tool.docs-check] fail-on")
        elif key in ("select", "ignore"):
            ids = _string_list(value, f"{src}: [tool.docs-check] {key}")
            for rid in ids:
                _check_rule_id(rid, known_rules, f"{src}: [tool.docs-check] {key}")
            setattr(config, key, tuple(ids))
        elif key == "exclude":
            config.exclude = tuple(_string_list(value, f"{src}: [tool.docs-check] exclude"))
        elif key == "report":
            if not isinstance(value, str):
                raise ConfigError(f"{src}: [tool.docs-check] report = {value!r}: expected a path")
            config.report = value
        elif key == "jobs":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{src}: [tool.docs-check] jobs = {value!r}: expected an integer >= 0")
            config.jobs = value
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{src}: [tool.docs-check.rules] must be a table")
            for rid, sev in value.items():
                where = f"{src}: [tool.docs-check.rules] {rid}"
                _check_rule_id(rid, known_rules, f"{src}: [tool.docs-check.rules]", exact=True)
                config.severities[rid] = None if sev == "off" else _severity(sev, where)
    return config


def _apply_mkdocs_extra(config: Config, extra: dict[str, Any]) -> None:
    """`extra.docs_check` in mkdocs.yml: settings a site sets once for all its pages."""
    if not isinstance(extra, dict):
        raise ConfigError("mkdocs.yml: extra.docs_check must be a mapping")
    for key, value in extra.items():
        norm = key.replace("_", "-")
        if norm == "provider-version":
            if not isinstance(value, str):
                raise ConfigError(f"mkdocs.yml: extra.docs_check.{key} = {value!r}: expected a string")
            config.sections.setdefault("terraform", {})["provider-version"] = value
        elif norm in SECTIONS and isinstance(value, dict):
            config.sections.setdefault(norm, {}).update(value)
        else:
            raise ConfigError(f"mkdocs.yml: unknown key extra.docs_check.{key}")


def _severity(value: Any, where: str) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(f"{where} = {value!r}: expected one of error, warning, info, off")
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(f"{where} = {value!r}: expected one of error, warning, info, off") from None


def _string_list(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} = {value!r}: expected a list of strings")
    return value


def _check_rule_id(rid: str, known: dict[str, Any], where: str, exact: bool = False) -> None:
    if rid in known:
        return
    if not exact and rid.endswith("-") and any(k.startswith(rid) for k in known):
        return
    hint = suggest(rid, tuple(known))
    raise ConfigError(
        f"{where}: unknown rule {rid!r}" + (f" (did you mean {hint!r}?)" if hint else "")
        + "; `docs-check rules` lists them"
    )


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None
