"""The registry check's rule ids, and the problem type its resolvers report.

Page links (`registry_links`) and module sources and blocks (`registry_modules`) both
resolve a reference against the catalog into `Problem`s; `registry` turns them into
findings at the reference's place.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import catalog as C
from ..findings import Severity
from ..rules import Rule, rule

HOST_RULE = rule(
    "registry-host", Severity.ERROR,
    "Registry links go to https://registry.coder.com: not http://, not the dev registry, not a misspelt host",
    fixable=True,
)
NOT_FOUND = rule(
    "registry-not-found", Severity.ERROR,
    "The linked registry module, template, contributor or skill does not exist", fixable=True,
)
CASE = rule("registry-case", Severity.ERROR, "Registry names are case-sensitive; the link spells one differently", fixable=True)
REMOVED = rule(
    "registry-removed", Severity.ERROR,
    "The linked registry module or template was removed or renamed", fixable=True,
)
LEGACY = rule(
    "registry-legacy-url", Severity.WARNING,
    "An old registry URL without a namespace (/modules/<name>); link the namespaced page", fixable=True,
)
TAG = rule("registry-tag", Severity.ERROR, "A registry search names a tag that no module or template has")
TAB = rule("registry-tab", Severity.ERROR, "`?tab=` names a tab the registry page does not have")
URL = rule("registry-url", Severity.ERROR, "A registry URL whose path is no registry page", fixable=True)
QUERY = rule(
    "registry-query", Severity.WARNING, "A registry URL query parameter the registry does not read", fixable=True,
)

MOD_SOURCE = rule(
    "registry-module-source", Severity.ERROR,
    "A module source is not exactly registry.coder.com/<namespace>/<module>/coder", fixable=True,
)
MOD_LEGACY = rule(
    "registry-module-legacy-source", Severity.WARNING,
    "A module source in the old form registry.coder.com/modules/<module>/coder", fixable=True,
)
MOD_UNKNOWN = rule(
    "registry-module-unknown", Severity.ERROR,
    "A module source names a module the registry does not have (removed, renamed, misspelt)", fixable=True,
)
MOD_VERSION = rule(
    "registry-module-version", Severity.ERROR,
    "A registry module block has no `version`, or one that no released version satisfies",
)
MOD_ARGUMENT = rule(
    "registry-module-argument", Severity.ERROR, "A module argument is not a variable of that module version",
)
MOD_REQUIRED = rule(
    "registry-module-required", Severity.ERROR, "A required variable of a registry module is not set",
)
MOD_OUTPUT = rule(
    "registry-module-output", Severity.ERROR, "`module.<name>.<output>` names no output of that module version",
)

RULES = (
    HOST_RULE, NOT_FOUND, CASE, REMOVED, LEGACY, TAG, TAB, URL, QUERY,
    MOD_SOURCE, MOD_LEGACY, MOD_UNKNOWN, MOD_VERSION, MOD_ARGUMENT, MOD_REQUIRED, MOD_OUTPUT,
)


@dataclass
class Problem:
    rule: Rule
    message: str
    replacement: str | None = None  # the whole reference, corrected
    description: str = ""


def removed_message(what: str, note: str, kind: str) -> str:
    when = f" ({note})" if note else ""
    return (
        f"{what} was removed from the registry{when} and nothing replaced it: "
        f"remove the link or point to another {kind} (https://{C.HOST}/{C.SECTION.get(kind, 'modules')})"
    )
