"""Findings as LSP diagnostics and hovers.

A diagnostic is a finding: its range from line:column to end line:end column (code points
converted to the client's code units), its severity, `code` = the rule id, `source` =
`docs-check`, and `codeDescription` = the README section of the rule's family. A finding
without an end column runs to the end of its last line, as `--format github` leaves it.
"""

from __future__ import annotations

from lsprotocol import types as lsp

from ..check import INTERNAL_ERROR
from ..findings import Finding, Severity
from ..rules import Rule
from ..ruleset import all_rules
from .positions import Text

SOURCE = "docs-check"
# The README of this repository, where each rule family has a section (## Rules).
DOCS_URL = "https://github.com/coder/ai-coder-docs/blob/main/README.md"
FAMILY_ANCHORS = {
    "alert": "alert-rules",
    "tf": "terraform-rules",
    "registry": "registry-rules",
    "spell": "spelling-rules",
    "link": "link-rules",
}
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


def rule_url(rule_id: str, base: str = DOCS_URL) -> str:
    anchor = FAMILY_ANCHORS.get(rule_id.split("-", 1)[0], "rules")
    return f"{base}#{anchor}"


def finding_range(f: Finding, text: Text, bom: bool) -> lsp.Range:
    """The finding's span in the buffer. `bom`: the buffer starts with U+FEFF, which the
    scanner drops, so columns on the first line are one character further right."""
    last = text.line_count - 1
    sl = min(max(f.line - 1, 0), last)
    el = min(max((f.end_line or f.line) - 1, sl), last)
    shift_s = 1 if bom and sl == 0 else 0
    shift_e = 1 if bom and el == 0 else 0
    start_line = text.line(sl)
    sc = min(max(f.column - 1, 0) + shift_s, len(start_line))
    end_text = text.line(el)
    if f.end_column is not None and (el > sl or f.end_column > f.column):
        ec = min(f.end_column - 1 + shift_e, len(end_text))
    else:
        ec = len(end_text.rstrip())
        if el == sl and ec <= sc:  # nothing but blanks after the column: one character
            ec = min(sc + 1, len(end_text))
    return lsp.Range(
        start=lsp.Position(line=sl, character=text.units(sl, sc)),
        end=lsp.Position(line=el, character=text.units(el, ec)),
    )


def diagnostic(f: Finding, text: Text, bom: bool, base_url: str = DOCS_URL) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=finding_range(f, text, bom),
        message=_clean(f.message),
        severity=_SEVERITY[f.severity],
        code=f.rule,
        code_description=None if f.rule == INTERNAL_ERROR else lsp.CodeDescription(href=rule_url(f.rule, base_url)),
        source=SOURCE,
    )


def overflow(total: int, shown: int, display: str) -> lsp.Diagnostic:
    """The last diagnostic of a document with more findings than are sent."""
    return lsp.Diagnostic(
        range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
        message=f"{total - shown} more findings are not shown here; run `docs-check {display}` to see all {total}",
        severity=lsp.DiagnosticSeverity.Information,
        code="too-many-findings",
        source=SOURCE,
    )


def _clean(s: str) -> str:
    """Lone surrogates (undecodable bytes of the file) cannot travel in JSON as text."""
    return s.encode("utf-8", "replace").decode("utf-8") if not s.isascii() else s


# -- hover -------------------------------------------------------------------------------------


def hover_text(findings: list[Finding], base_url: str = DOCS_URL) -> str:
    """What `docs-check rules` says of each finding's rule, the finding's own advice, and how
    to fix or silence it: Markdown for the editor's hover box."""
    rules = all_rules()
    parts = []
    for f in findings:
        rule = rules.get(f.rule)
        parts.append(_one(f, rule, base_url))
    return "\n\n---\n\n".join(parts)


def _one(f: Finding, rule: Rule | None, base_url: str) -> str:
    if rule is None:
        return f"**{f.rule}** ({f.severity})\n\n{_clean(f.message)}"
    fixable = "fixable with `docs-check --fix`" if rule.fixable else "not fixed automatically"
    lines = [
        f"**{rule.id}** · {f.severity} (default {rule.severity}) · {fixable}",
        "",
        f"{rule.summary}.",
        "",
        f"Here: {_clean(f.message)}",
        "",
    ]
    if f.fix is not None:
        desc = f.fix.description or "apply the fix"
        lines.append(f"Quick fix: {desc} (the edit `docs-check --fix` makes).")
    lines.append(
        f"To silence it once: `<!-- docs-check: disable-next-line {rule.id} -->` on the line before. "
        f"[The {rule.family} rules]({rule_url(rule.id, base_url)}); `docs-check rules {rule.family}-` lists them."
    )
    return "\n".join(lines)
