"""Reading the configuration: `[tool.docs-check]` of pyproject.toml and `extra.docs_check` of
mkdocs.yml into a `Config`, every key validated (rule ids against every rule there is).

Apart from config.py because validating rule ids needs every check imported (`ruleset`),
and the checks import config.py.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .config import SECTIONS, TOP_KEYS, Config, ConfigError
from .findings import Severity
from .rules import suggest
from .ruleset import all_rules


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
        elif key not in TOP_KEYS:
            hint = suggest(key, TOP_KEYS + SECTIONS)
            raise ConfigError(
                f"{src}: [tool.docs-check] unknown key {key!r}"
                + (f" (did you mean {hint!r}?)" if hint else "")
            )
        elif key == "rules":
            _apply_rules(config, value, known_rules)
        else:
            _apply_top_key(config, key, value, known_rules)
    return config


def _apply_top_key(config: Config, key: str, value: Any, known_rules: dict[str, Any]) -> None:
    where = f"{config.source}: [tool.docs-check] {key}"
    if key == "fail-on":
        config.fail_on = _severity(value, where)
    elif key in ("select", "ignore"):
        ids = _string_list(value, where)
        for rid in ids:
            _check_rule_id(rid, known_rules, where)
        setattr(config, key, tuple(ids))
    elif key == "exclude":
        config.exclude = tuple(_string_list(value, where))
    elif key == "report":
        if not isinstance(value, str):
            raise ConfigError(f"{where} = {value!r}: expected a path")
        config.report = value
    elif key == "jobs":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigError(f"{where} = {value!r}: expected an integer >= 0")
        config.jobs = value


def _apply_rules(config: Config, value: Any, known_rules: dict[str, Any]) -> None:
    """[tool.docs-check.rules]: a severity, or "off", per rule id."""
    src = config.source
    if not isinstance(value, dict):
        raise ConfigError(f"{src}: [tool.docs-check.rules] must be a table")
    for rid, sev in value.items():
        where = f"{src}: [tool.docs-check.rules] {rid}"
        _check_rule_id(rid, known_rules, f"{src}: [tool.docs-check.rules]", exact=True)
        config.severities[rid] = None if sev == "off" else _severity(sev, where)


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
