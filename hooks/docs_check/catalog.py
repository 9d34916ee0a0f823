"""The Coder Registry as the checks know it: a vendored catalog, loaded once and indexed.

The catalog (`data/registry-catalog.json`, see `data/PROVENANCE.md`) lists every
namespace, module, template and skill at one commit of coder/registry, with each module's
released versions, variables and outputs (and how those changed from version to version),
the tag index the registry's search uses, and what was removed or renamed.

Everything here answers questions in O(1) from indexes built at load: "does this module
exist?", "what is its right spelling?", "what replaced it?", "which variables has it at
1.2.3?". A different catalog can be used without touching the package: environment
variable DOCS_CHECK_CATALOG, or `[tool.docs-check.registry] catalog = "path"`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import datafile
from .config import Config
from .rules import suggest
from .versions import Version, VersionError, is_version

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_CATALOG = DATA_DIR / "registry-catalog.json"
ENV_CATALOG = "DOCS_CHECK_CATALOG"

HOST = "registry.coder.com"
BASE_URL = f"https://{HOST}"

MODULE, TEMPLATE, SKILL, NAMESPACE = "module", "template", "skill", "namespace"
# URL path word for each kind: /modules/<ns>/<m>, /templates/<ns>/<t>, /skills/<ns>/<s>,
# /contributors/<ns> (url_shapes in the catalog).
SECTION = {MODULE: "modules", TEMPLATE: "templates", SKILL: "skills", NAMESPACE: "contributors"}
KIND_OF_SECTION = {v: k for k, v in SECTION.items()}
_PLURAL = {MODULE: "modules", TEMPLATE: "templates", SKILL: "skills"}

# `?tab=` values per page kind. The catalog's url_shapes show `?tab=variables` on module
# pages and `?tab=templates` on contributor pages; the other tabs are the other sections
# the catalog holds for that kind of page (a module's README, variables and outputs; a
# contributor's modules and templates).
TABS = {
    MODULE: ("readme", "variables", "outputs"),
    TEMPLATE: ("readme",),
    NAMESPACE: ("modules", "templates"),
    SKILL: ("readme",),
}

# The namespace that serves the pre-registry coder/modules releases: the old source form
# `registry.coder.com/modules/<module>/coder` is an alias of `registry.coder.com/coder/<module>/coder`
# (see data/PROVENANCE.md, "Module sources and their versions").
LEGACY_NAMESPACE = "coder"

# Lookup outcomes.
FOUND, CASE, RENAMED, REMOVED, MISSING = "found", "case", "renamed", "removed", "missing"


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the catalog says about `<kind> <namespace>/<name>` as a page asked for it."""

    kind: str
    asked: str  # "ns/name" (or "ns" for a namespace) as written
    status: str  # FOUND | CASE | RENAMED | REMOVED | MISSING
    target: str | None = None  # the right id: canonical spelling, rename target
    note: str = ""  # when and how it was removed or renamed
    suggestion: str | None = None  # did-you-mean for MISSING
    other_kind: str | None = None  # MISSING here, but an item of this other kind has the id

    @property
    def ok(self) -> bool:
        return self.status == FOUND


@dataclass
class Catalog:
    path: Path
    data: dict[str, Any]
    generated_from: str = ""
    items: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # kind -> id -> entry
    namespaces: dict[str, dict[str, Any]] = field(default_factory=dict)
    _lower: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> lower id -> id
    _by_name: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # kind -> name -> ids
    _removed_by_name: dict[str, list[str]] = field(default_factory=dict)  # module name -> removed ids
    removed: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> id -> note
    removed_modules: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> entry
    renames: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # kind -> old -> (new, note)
    tags: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # tag -> kind -> ids
    legacy_versions: dict[str, list[str]] = field(default_factory=dict)  # module name -> versions
    legacy_generated_from: str = ""
    _defaults: dict[str, str] = field(default_factory=dict)  # documented secret defaults

    @property
    def taken(self) -> str:
        """The day the catalog was taken (`2026-08-21`), or "" when it does not say."""
        m = re.search(r"\b\d{4}-\d{2}-\d{2}", self.generated_from)
        return m.group() if m else ""

    def unlisted_note(self) -> str:
        """What to add when the catalog lacks a name with nothing near it: it may be newer."""
        when = f" (taken {self.taken})" if self.taken else ""
        return f"; if it was published after the vendored catalog{when}, refresh the catalog (`python -m docs_check.refresh --live`)"

    # -- items ------------------------------------------------------------------------------

    def get(self, kind: str, ident: str) -> dict[str, Any] | None:
        return self.items.get(kind, {}).get(ident)

    def module(self, ident: str) -> dict[str, Any] | None:
        """A module at the catalog's commit, or one released and since removed."""
        return self.items[MODULE].get(ident) or self.removed_modules.get(ident)

    def ids(self, kind: str) -> list[str]:
        return list(self.items.get(kind, {}))

    def lookup(self, kind: str, ident: str) -> Lookup:
        """Resolve `ns/name` (or `ns` for NAMESPACE) the way a writer would want it checked."""
        table = self.items.get(kind, {})
        if ident in table:
            return Lookup(kind, ident, FOUND, ident)
        renamed = self._renamed(kind, ident)
        if renamed:
            return renamed
        if ident in self.removed.get(kind, {}):
            return Lookup(kind, ident, REMOVED, note=self.removed[kind][ident])
        lower = ident.lower()
        if lower in self._lower.get(kind, {}):
            return Lookup(kind, ident, CASE, self._lower[kind][lower])
        for old, (new, note) in self.renames.get(kind, {}).items():
            if old.lower() == lower:
                return Lookup(kind, ident, RENAMED, new, note)
        for old, note in self.removed.get(kind, {}).items():
            if old.lower() == lower:
                return Lookup(kind, ident, REMOVED, note=note)
        other = next(
            (k for k in (MODULE, TEMPLATE, SKILL) if k != kind and kind != NAMESPACE and ident in self.items[k]),
            None,
        )
        return Lookup(kind, ident, MISSING, suggestion=self._suggest(kind, ident), other_kind=other)

    def _renamed(self, kind: str, ident: str) -> Lookup | None:
        if ident in self.renames.get(kind, {}):
            new, note = self.renames[kind][ident]
            return Lookup(kind, ident, RENAMED, new, note)
        if kind != NAMESPACE and "/" in ident:
            ns, name = ident.split("/", 1)
            if ns in self.renames[NAMESPACE]:
                new_ns, note = self.renames[NAMESPACE][ns]
                if f"{new_ns}/{name}" in self.items.get(kind, {}):
                    return Lookup(kind, ident, RENAMED, f"{new_ns}/{name}", note)
        return None

    def _suggest(self, kind: str, ident: str) -> str | None:
        if kind == NAMESPACE:
            return suggest(ident, list(self.namespaces))
        name = ident.rsplit("/", 1)[-1]
        ns = ident.split("/", 1)[0] if "/" in ident else ""
        if ns and f"{name}/{ns}" in self.items.get(kind, {}):  # /modules/code-server/coder, the order swapped
            return f"{name}/{ns}"
        # The same name in another namespace is the likeliest meaning (coder/codex -> coder-labs/codex).
        same_name = self._by_name.get(kind, {}).get(name.lower(), [])
        if len(same_name) == 1:
            return same_name[0]
        # Compare names, not ids: a shared namespace prefix makes unrelated ids look alike.
        local = [i.split("/", 1)[1] for i in self.ids(kind) if i.startswith(ns + "/")]
        hit = suggest(name, local)
        if hit:
            return f"{ns}/{hit}"
        # Across namespaces only a near miss: at 0.6 `gemini` would be `AJ0070/pgadmin`.
        hit = suggest(name, list(self._by_name.get(kind, {})), cutoff=0.75)
        ids = self._by_name.get(kind, {}).get(hit, []) if hit else []
        return ids[0] if len(ids) == 1 else None

    def by_name(self, kind: str, name: str) -> list[str]:
        """Ids of `kind` whose name (after the namespace) is `name`, any case."""
        return list(self._by_name.get(kind, {}).get(name.lower(), []))

    def legacy(self, kind: str, name: str) -> list[str]:
        """Where an old namespace-less `/modules/<name>` or `/templates/<name>` lives now."""
        exact = [i for i in self.by_name(kind, name) if i.split("/", 1)[1] == name]
        return exact or self.by_name(kind, name)

    def removed_named(self, name: str) -> list[str]:
        """Removed modules called `name` (any namespace), for old namespace-less references."""
        return list(self._removed_by_name.get(name.lower(), []))

    def names(self, kind: str) -> list[str]:
        return [i.split("/", 1)[1] for i in self.ids(kind)]

    # -- tags -------------------------------------------------------------------------------

    def tagged(self, tag: str, kind: str | None = None) -> list[str]:
        by_kind = self.tags.get(tag, {})
        if kind is None:
            return [i for ids in by_kind.values() for i in ids]
        return list(by_kind.get(kind, []))

    def tag_names(self) -> list[str]:
        return list(self.tags)

    # -- module versions, variables and outputs ---------------------------------------------

    def versions(self, ident: str, legacy: bool = False) -> list[str]:
        """Released versions of a module; with `legacy`, also the coder/modules releases the
        namespace-less source `registry.coder.com/modules/<name>/coder` served."""
        entry = self.module(ident) or {}
        out = list(entry.get("versions", []))
        if legacy:
            name = ident.split("/", 1)[1]
            out += [v for v in self.legacy_versions.get(name, []) if v not in out]
        return out

    def source_versions(self, namespace: str, name: str) -> list[str]:
        """The versions `registry.coder.com/<namespace>/<name>/coder` serves: the registry's
        release tags of `<namespace>/<name>`; under `coder` (and its old alias `modules`)
        also the coder/modules releases of `<name>`."""
        if namespace == "modules":
            namespace = LEGACY_NAMESPACE
        out = list((self.module(f"{namespace}/{name}") or {}).get("versions", []))
        if namespace == LEGACY_NAMESPACE:
            out += [v for v in self.legacy_versions.get(name, []) if v not in out]
        return out

    def next_versions(self, ident: str) -> list[str]:
        """Versions a module's own README may pin before they are tagged: the README's untagged
        version the catalog recorded, and one patch, minor or major bump of the newest release
        (what the registry's version-bump script writes before the release tag exists)."""
        entry = self.module(ident) or {}
        out = [entry["readme_version_untagged"]] if entry.get("readme_version_untagged") else []
        latest = entry.get("latest_version")
        if latest and is_version(latest):
            major, minor, patch = Version.parse(latest).segments[:3]
            for bump in (f"{major}.{minor}.{patch + 1}", f"{major}.{minor + 1}.0", f"{major + 1}.0.0"):
                if bump not in out:
                    out.append(bump)
        return out

    def latest(self, ident: str) -> str | None:
        entry = self.module(ident) or {}
        return entry.get("latest_version")

    def variables_at(self, ident: str, version: str | None) -> dict[str, dict[str, Any]] | None:
        """The module's variables at `version` (None: the catalog's head); None when unknown.

        `variable_history` records every variable that came or went after a module's first
        registry release; a variable it does not mention was there all along.
        """
        entry = self.module(ident)
        if entry is None:
            return None
        head = entry.get("variables", {})
        if version is None or version == entry.get("readme_version_untagged"):
            return dict(head)
        if not self._knows_version(entry, version):
            return None
        history = entry.get("variable_history", {})
        out = {}
        for name in set(head) | set(history):
            if _present(history.get(name), version):
                out[name] = head.get(name, {"required": False})
        return out

    def outputs_at(self, ident: str, version: str | None) -> set[str] | None:
        entry = self.module(ident)
        if entry is None:
            return None
        head = set(entry.get("outputs", []))
        if version is None or version == entry.get("readme_version_untagged"):
            return head
        if not self._knows_version(entry, version):
            return None
        history = entry.get("output_history", {})
        return {n for n in head | set(history) if _present(history.get(n), version)}

    def required_variables(self, ident: str) -> list[str]:
        entry = self.module(ident) or {}
        return list(entry.get("required_variables", []))

    def variable_history(self, ident: str, name: str) -> dict[str, str] | None:
        entry = self.module(ident) or {}
        return entry.get("variable_history", {}).get(name)

    def output_history(self, ident: str, name: str) -> dict[str, str] | None:
        entry = self.module(ident) or {}
        return entry.get("output_history", {}).get(name)

    def documented_defaults(self) -> dict[str, str]:
        """Literal defaults of modules' secret variables (`coderRDP!`), value -> `ns/module.var`:
        published in the module's source, so a page that shows one leaks nothing."""
        return self._defaults

    @staticmethod
    def _knows_version(entry: dict[str, Any], version: str) -> bool:
        # Variables are recorded for registry releases only; coder/modules releases before
        # the migration are not described, so nothing can be said about them. The README's
        # untagged version is the catalog's head, whose variables are recorded.
        return version in entry.get("versions", [])


def _present(history: dict[str, str] | None, version: str) -> bool:
    if history is None:
        return True
    try:
        v = Version.parse(version)
        if "since" in history and v < Version.parse(history["since"]):
            return False
        return not (history.get("removed_in") and v >= Version.parse(history["removed_in"]))
    except VersionError:
        return True


# -- loading -------------------------------------------------------------------------------


def catalog_path(config: Config | None = None) -> Path:
    """The catalog to use: DOCS_CHECK_CATALOG, else `[tool.docs-check.registry] catalog`,
    else the vendored one. A relative configured path is relative to the configuration file."""
    return datafile.locate(ENV_CATALOG, config, "registry", "catalog", DEFAULT_CATALOG)


def load_catalog(path: Path | str | None = None, config: Config | None = None) -> Catalog:
    """The catalog at `path` (default: `catalog_path(config)`), parsed once per file version."""
    target = Path(path) if path is not None else catalog_path(config)
    return datafile.load(
        target, "registry catalog", build, "; regenerate it with `python -m docs_check.refresh`"
    )


def build(data: dict[str, Any], path: Path) -> Catalog:
    """Index a catalog's JSON. Raises KeyError/TypeError/ValueError on a malformed one."""
    if not isinstance(data, dict) or not isinstance(data.get("namespaces"), dict):
        raise ValueError("no 'namespaces' mapping")
    cat = Catalog(path=path, data=data, generated_from=str(data.get("generated_from", "")))
    for kind in (MODULE, TEMPLATE, SKILL, NAMESPACE):
        cat.items[kind] = {}
        cat._lower[kind] = {}
        cat._by_name[kind] = {}
        cat.removed[kind] = {}
        cat.renames[kind] = {}
    for ns, entry in data["namespaces"].items():
        if not isinstance(entry, dict):
            raise TypeError(f"namespace {ns!r} is not a mapping")
        cat.namespaces[ns] = entry
        cat.items[NAMESPACE][ns] = entry
        cat._lower[NAMESPACE][ns.lower()] = ns
        for kind in (MODULE, TEMPLATE, SKILL):
            children = entry.get(_PLURAL[kind]) or {}
            if not isinstance(children, dict):
                raise TypeError(f"{ns}.{_PLURAL[kind]} is not a mapping")
            for name, item in children.items():
                _add_item(cat, kind, f"{ns}/{name}", name, item)

    _index_removals(cat, data)
    for tag, ids in (data.get("tag_index") or {}).items():
        by_kind = cat.tags.setdefault(tag, {})
        for full in ids:
            ns, section, name = full.split("/", 2)
            by_kind.setdefault(KIND_OF_SECTION.get(section, section[:-1]), []).append(f"{ns}/{name}")

    legacy = data.get("legacy_coder_modules_repo") or {}
    cat.legacy_versions = {k: list(v) for k, v in (legacy.get("versions") or {}).items()}
    cat.legacy_generated_from = str(legacy.get("generated_from", ""))
    return cat


def _index_removals(cat: Catalog, data: dict[str, Any]) -> None:
    """Modules released and since removed, removed templates, renames."""
    for ident, entry in (data.get("released_but_not_at_head") or {}).items():
        cat.removed_modules[ident] = entry
        cat.removed[MODULE][ident] = str(entry.get("removed_by_commit", "")) if isinstance(entry, dict) else ""
    for key, entry in (data.get("removed_templates") or {}).items():
        ns, _, name = key.split("/", 2)
        note = entry.get("removed_by_commit", "") if isinstance(entry, dict) else str(entry)
        cat.removed[TEMPLATE][f"{ns}/{name}"] = str(note)
    for key, note in (data.get("renames") or {}).items():
        old, new = (s.strip() for s in key.split("->"))
        if old.startswith("registry/") and new.startswith("registry/"):
            cat.renames[NAMESPACE][old[9:]] = (new[9:], str(note))
            continue
        kinds = [k for k in (MODULE, TEMPLATE, SKILL) if new in cat.items[k]] or [MODULE, TEMPLATE]
        for kind in kinds:
            cat.renames[kind][old] = (new, str(note))
    for ident in cat.removed_modules:
        # A removed module is still known by name, for the legacy (namespace-less) source form.
        if ident not in cat.items[MODULE]:
            cat._removed_by_name.setdefault(ident.split("/", 1)[1].lower(), []).append(ident)


def _add_item(cat: Catalog, kind: str, ident: str, name: str, item: Any) -> None:
    entry = item if isinstance(item, dict) else {}
    cat.items[kind][ident] = entry
    cat._lower[kind][ident.lower()] = ident
    cat._by_name[kind].setdefault(name.lower(), []).append(ident)
    variables = entry.get("variables") if kind == MODULE else None
    for var, spec in variables.items() if isinstance(variables, dict) else ():
        default = spec.get("default") if isinstance(spec, dict) else None
        if isinstance(default, str) and default:
            cat._defaults.setdefault(default, f"{ident}.{var}")


# -- URLs -----------------------------------------------------------------------------------


def page_url(kind: str, ident: str) -> str:
    return f"{BASE_URL}/{SECTION[kind]}/{ident}"


def module_source(ident: str) -> str:
    return f"{HOST}/{ident}/coder"


def describe(kind: str, ident: str) -> str:
    return {NAMESPACE: "contributor"}.get(kind, kind) + f" {ident}"


def version_list(versions: Iterable[str], limit: int = 6) -> str:
    """The newest few versions, newest first, for messages."""
    vs = sorted((v for v in versions if is_version(v)), key=Version.parse, reverse=True)
    shown = ", ".join(vs[:limit])
    return shown + (", ..." if len(vs) > limit else "")
