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
from .places import readme_place

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
    unlisted: str | None = None  # `namespace/name` the catalog lacks, with nothing near it in its namespace


def unlisted(ident: str, suggestion: str | None) -> str | None:
    """`ident` when the catalog lacks it and suggests nothing of its namespace (a name of another
    author's namespace is no slip of this one's), else None."""
    if suggestion and suggestion.split("/", 1)[0].lower() == ident.split("/", 1)[0].lower():
        return None
    return ident


def unlisted_in_own_namespace(path: str, problem: Problem) -> bool:
    """Is the problem only that the catalog lacks a module of the namespace whose template the
    page documents (`registry/saheli/templates/x/README.md` using `saheli/dev-tools`)? A
    template is published with the modules of its namespace it is built from, and the vendored
    catalog is a snapshot older than both: the tree is the authority, as for a module's own
    README. A slip in the name still has a near miss in the catalog, and is still told; so is
    another name on a module's README, which documents that one module (`anomaly/aider` in
    the tmux module's README is a copy's leftover)."""
    if problem.unlisted is None:
        return False
    place = readme_place(path)
    return place is not None and place.kind == "templates" and place.namespace is not None and (
        place.namespace.lower() == problem.unlisted.split("/", 1)[0].lower()
    )


def removed_message(what: str, note: str, kind: str) -> str:
    when = f" ({note})" if note else ""
    return (
        f"{what} was removed from the registry{when} and nothing replaced it: "
        f"remove the link or point to another {kind} (https://{C.HOST}/{C.SECTION.get(kind, 'modules')})"
    )
