"""Findings to a report: text, json, github (workflow commands) and sarif."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .findings import Finding, Fix, Severity
from .ruleset import all_rules

FORMATS = ("text", "json", "github", "sarif")

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(findings: Sequence[Finding], fmt: str, *, colour: bool = False) -> str:
    if fmt == "text":
        return text(findings, colour=colour)
    if fmt == "json":
        return json.dumps([as_dict(f) for f in findings], indent=2) + "\n"
    if fmt == "github":
        return "".join(github_line(f) + "\n" for f in findings)
    if fmt == "sarif":
        return json.dumps(sarif(findings), indent=2) + "\n"
    raise ValueError(f"unknown format {fmt!r}")


def text(findings: Sequence[Finding], *, colour: bool = False) -> str:
    lines = []
    for f in findings:
        if colour:
            c = _COLOURS[f.severity]
            lines.append(
                f"\033[1m{f.location}\033[0m: \033[{c}m{f.rule}\033[0m: {f.message}"
                + (f" \033[2m(on page {f.page})\033[0m" if f.page else "")
            )
        else:
            lines.append(f.format())
    return "".join(line + "\n" for line in lines)


def summary(findings: Sequence[Finding], files: int) -> str:
    if not findings:
        return f"No problems in {files} file{'s' * (files != 1)}."
    counts = Counter(f.severity for f in findings)
    parts = [
        f"{counts[s]} {s}{'s' * (counts[s] != 1)}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s]
    ]
    fixable = sum(1 for f in findings if f.fix is not None)
    tail = f" ({fixable} fixable with --fix)" if fixable else ""
    touched = len({f.path for f in findings})
    return f"{', '.join(parts)} in {touched} of {files} file{'s' * (files != 1)}{tail}."


def as_dict(f: Finding) -> dict[str, Any]:
    return {
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line if f.end_line is not None else f.line,
        "end_column": f.end_column,
        "rule": f.rule,
        "severity": str(f.severity),
        "message": f.message,
        "fix": (
            {
                "start": f.fix.start,
                "end": f.fix.end,
                "replacement": f.fix.replacement,
                "description": f.fix.description,
            }
            if f.fix
            else None
        ),
        "page": f.page,
    }


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github_line(f: Finding) -> str:
    """A workflow command; GitHub shows it as an annotation on that line of the pull request."""
    props = [f"file={_escape_property(f.path)}", f"line={f.line}", f"col={f.column}"]
    if f.end_line is not None:
        props.append(f"endLine={f.end_line}")
        if f.end_column is not None:
            props.append(f"endColumn={f.end_column}")
    props.append(f"title={_escape_property(f.rule)}")
    message = f.message + (f" (on page {f.page})" if f.page else "")
    return f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}"


def sarif(findings: Sequence[Finding]) -> dict[str, Any]:
    """A SARIF 2.1.0 log, as GitHub code scanning takes it (`upload-sarif`).

    Paths are relative to the repository root (`%SRCROOT%`); columns count code points,
    as every other format here does.
    """
    rules = all_rules()
    used = sorted({f.rule for f in findings})
    index = {rid: i for i, rid in enumerate(used)}
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "docs-check",
                        "version": _version(),
                        "informationUri": "https://github.com/coder/coder",
                        "rules": [_sarif_rule(rid, rules.get(rid)) for rid in used],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the repository root"}}},
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(f, index[f.rule]) for f in findings],
            }
        ],
    }


def _sarif_rule(rid: str, rule: Any) -> dict[str, Any]:
    summary = rule.summary if rule is not None else rid
    return {
        "id": rid,
        "name": rid,
        "shortDescription": {"text": summary},
        "help": {"text": f"{summary}. `docs-check rules` lists every rule; "
                         f"`<!-- docs-check: disable-next-line {rid} -->` silences one finding."},
        "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity] if rule is not None else "error"},
        "properties": {"fixable": bool(rule and rule.fixable)},
    }


def _sarif_result(f: Finding, rule_index: int) -> dict[str, Any]:
    region: dict[str, int] = {"startLine": f.line, "startColumn": f.column}
    if f.end_line is not None:
        region["endLine"] = f.end_line
        if f.end_column is not None and (f.end_line > f.line or f.end_column > f.column):
            region["endColumn"] = f.end_column
    message = f.message + (f" (on page {f.page})" if f.page else "")
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVEL[f.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(f.path), "uriBaseId": "%SRCROOT%"},
                    "region": region,
                }
            }
        ],
    }


def _version() -> str:
    try:
        return metadata.version("docs-check")
    except metadata.PackageNotFoundError:
        return "0"


# -- reading a report back ---------------------------------------------------------------------


def from_dict(d: dict[str, Any]) -> Finding:
    """The inverse of `as_dict`; raises ValueError on anything else."""
    try:
        fix = d.get("fix")
        return Finding(
            path=str(d["path"]),
            line=int(d["line"]),
            column=int(d["column"]),
            rule=str(d["rule"]),
            severity=Severity.parse(str(d["severity"])),
            message=str(d["message"]),
            end_line=None if d.get("end_line") is None else int(d["end_line"]),
            end_column=None if d.get("end_column") is None else int(d["end_column"]),
            fix=Fix(int(fix["start"]), int(fix["end"]), str(fix["replacement"]), str(fix.get("description", "")))
            if fix
            else None,
            page=None if d.get("page") is None else str(d["page"]),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"a finding lacks {exc}") from None


def load(path: Path) -> list[Finding]:
    """A JSON report, as `mkdocs build` or `docs-check --format json` writes it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc})") from None
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise ValueError("expected a list of findings")
    return [from_dict(d) for d in data]
