"""Registry module sources and `module` blocks, checked against the vendored catalog.

A source (`registry.coder.com/coder/claude-code/coder`) must name a module the registry
has, in the namespaced form; in a `module` block of a Terraform snippet, the `version` must
be one the source serves, and the arguments and the outputs used must exist at the newest
release the version allows (the one `terraform init` installs today).

Which versions a source serves (settled in data/PROVENANCE.md, "Module sources and their
versions"): `registry.coder.com/<ns>/<module>/coder` serves the release tags
`release/<ns>/<module>/vX.Y.Z`; the registry keeps the pre-registry coder/modules releases
under the `coder` namespace, which the old form `registry.coder.com/modules/<module>/coder`
is an alias of. So moving an old source to `coder/<module>` keeps every version it served;
moving it to another namespace is offered as a fix only when the block's `version` installs
the same release from both sources.

A module's own README (`.../<namespace>/modules/<module>/README.md`, or `<module>/README.md`)
may pin the release about to be tagged: the registry's version-bump script writes it there
before the tag exists. That is the catalog's `readme_version_untagged`, or one bump (patch,
minor, major) of the newest release.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import catalog as C
from ..catalog import Catalog
from ..findings import Finding
from ..rules import suggest
from ..scanner import Document
from ..versions import Constraint, Version, VersionError, is_version, matching, newest
from . import _snippets as S
from .places import readme_place
from .registry_hosts import OK, classify_host, host_problem
from .registry_rules import (
    MOD_ARGUMENT,
    MOD_LEGACY,
    MOD_OUTPUT,
    MOD_REQUIRED,
    MOD_SOURCE,
    MOD_UNKNOWN,
    MOD_VERSION,
    Problem,
    removed_message,
    unlisted,
    unlisted_in_own_namespace,
)

# Module block arguments that are Terraform's, not the module's.
MODULE_META = frozenset({"source", "version", "count", "for_each", "depends_on", "providers"})

# What a block says of its version, for deciding whether a source fix keeps it.
ABSENT = object()  # no `version` argument
UNKNOWN = object()  # an expression (`var.v`), or no block at all


# -- module sources ------------------------------------------------------------------------


@dataclass
class Source:
    """A module source as the catalog reads it."""

    ident: str | None  # the module to check further (canonical), None when unknown
    legacy: bool
    problems: list[Problem] = field(default_factory=list)
    corrected: str | None = None  # the source to write, when it differs

    @property
    def served_namespace(self) -> str:
        """The namespace whose releases the source as written resolves."""
        assert self.ident is not None
        return C.LEGACY_NAMESPACE if self.legacy else self.ident.split("/", 1)[0]


def resolve_source(cat: Catalog, value: str, existence_only: bool = False) -> Source | None:
    """None when `value` is not a Coder Registry source (a local path, another registry)."""
    head, _, rest = value.partition("/")
    host_kind = classify_host(head)
    if host_kind is None or not rest:
        return None
    rest, sep, subdir = rest.partition("//")
    tail = f"//{subdir}" if sep else ""
    segs = [s for s in rest.split("/") if s]
    src = Source(None, False)
    if host_kind != OK and not existence_only:
        src.problems.append(Problem(MOD_SOURCE, host_problem(head, host_kind)))
    candidate = _candidate(cat, value, segs, tail, src, existence_only)
    if candidate is None:
        return src
    ident = _lookup(cat, candidate, src)
    if ident is None:
        return src
    src.ident = ident
    right = f"{C.module_source(ident)}{tail}"
    if right != value and not (src.legacy and existence_only):
        src.corrected = right
        for p in src.problems:
            p.replacement = right
            p.description = f"write {right}"
    return src


def _candidate(cat: Catalog, value: str, segs: list[str], tail: str, src: Source, existence_only: bool) -> str | None:
    """The `namespace/module` the source means (problems of its shape appended), or None."""
    if len(segs) == 3 and segs[0] == "modules":
        return _legacy_candidate(cat, value, segs[1], tail, src, existence_only)
    if len(segs) == 4 and segs[0] == "modules" and segs[3] == "coder":
        candidate = f"{segs[1]}/{segs[2]}"
        problem = Problem(
            MOD_SOURCE, f"`{value}` mixes the old and the new source forms: write `{C.module_source(candidate)}{tail}`",
        )
    elif len(segs) == 3 and segs[2] == "coder" and _moved_from_coder(cat, segs[0], segs[1]):
        return _legacy_candidate(cat, value, segs[1], tail, src, existence_only)
    elif len(segs) == 3:
        candidate = f"{segs[0]}/{segs[1]}"
        problem = None if segs[2] == "coder" else Problem(
            MOD_SOURCE,
            f"`{value}`: Coder Registry modules are published for the `coder` provider only: "
            f"write `{C.module_source(candidate)}{tail}`",
        )
    else:
        if not existence_only:
            src.problems.append(Problem(
                MOD_SOURCE, f"`{value}` is not a registry module source: write `{C.HOST}/<namespace>/<module>/coder`",
            ))
        return None
    if problem is not None and not existence_only:
        src.problems.append(problem)
    return candidate


def _moved_from_coder(cat: Catalog, namespace: str, name: str) -> bool:
    """`coder/<name>` for a coder/modules module that now lives in another namespace: the
    `coder` namespace still serves its old releases, like the old form does."""
    return (
        namespace == C.LEGACY_NAMESPACE and name in cat.legacy_versions
        and cat.lookup(C.MODULE, f"{namespace}/{name}").status == C.MISSING
    )


def _legacy_candidate(cat: Catalog, value: str, name: str, tail: str, src: Source, existence_only: bool) -> str | None:
    """`registry.coder.com/modules/<name>/coder`: where the module lives now."""
    where = cat.legacy(C.MODULE, name)
    if len(where) == 1:
        src.legacy = True
        if not existence_only:
            shape = "the old source form without a namespace" if "/modules/" in value else (
                f"the old home of {name}, which serves only its coder/modules releases"
            )
            src.problems.append(Problem(MOD_LEGACY, f"`{value}` is {shape}: write `{C.module_source(where[0])}{tail}`"))
        return where[0]
    if len(where) > 1:
        if not existence_only:
            options = ", ".join(f"`{C.module_source(w)}`" for w in where)
            src.problems.append(Problem(MOD_LEGACY, f"`{value}` is the old source form: write one of {options}"))
        return None
    removed = cat.removed_named(name)
    if removed:
        note = cat.removed[C.MODULE].get(removed[0], "")
        src.problems.append(Problem(MOD_UNKNOWN, removed_message(f"module {removed[0]}", note, C.MODULE)))
        return None
    hint = suggest(name, cat.names(C.MODULE) + list(cat.legacy_versions))
    where = cat.legacy(C.MODULE, hint) if hint else []
    tail_hint = f"; did you mean `{C.module_source(where[0])}`?" if len(where) == 1 else ""
    src.problems.append(Problem(MOD_UNKNOWN, f"the registry has no module named `{name}`{tail_hint}"))
    return None


def _lookup(cat: Catalog, candidate: str, src: Source) -> str | None:
    """The canonical id of `candidate` (a problem appended when it is spelt or named
    otherwise), None when the registry does not have it."""
    look = cat.lookup(C.MODULE, candidate)
    if look.status == C.CASE:
        ident = look.target or candidate
        src.problems.append(Problem(
            MOD_UNKNOWN, f"module `{candidate}` is spelt `{ident}` in the registry (names are case-sensitive)"
        ))
        return ident
    if look.status == C.RENAMED:
        ident = look.target or candidate
        src.problems.append(Problem(
            MOD_UNKNOWN, f"module `{candidate}` was renamed to `{ident}` ({look.note}): write `{C.module_source(ident)}`"
        ))
        return ident
    if look.status == C.REMOVED:
        src.problems.append(Problem(MOD_UNKNOWN, removed_message(f"module {candidate}", look.note, C.MODULE)))
        return None
    if look.status == C.MISSING:
        hint = f"; did you mean `{C.module_source(look.suggestion)}`?" if look.suggestion else ""
        if look.other_kind:
            hint = f"; `{candidate}` is a {look.other_kind}, not a module"
        missing = None if look.other_kind else unlisted(candidate, look.suggestion)
        note = cat.unlisted_note() if missing else ""
        src.problems.append(Problem(MOD_UNKNOWN, f"the registry has no module `{candidate}`{hint}{note}", unlisted=missing))
        return None
    return candidate


def guard_legacy_fix(cat: Catalog, src: Source, pin: object) -> None:
    """Keep the fix of an old-form source only if the new source serves the pinned version.

    `pin` is the block's `version` text, ABSENT, or UNKNOWN. Moving to `coder/<module>`
    always keeps it (the old form is an alias of `coder`); moving to another namespace keeps
    it when the pin installs the same release from both (an exact pin that namespace also
    released). Otherwise the finding stays, without a fix, and says why.
    """
    if not src.legacy or src.ident is None or src.corrected is None:
        return
    ns, name = src.ident.split("/", 1)
    if ns == C.LEGACY_NAMESPACE or pin is ABSENT:
        return
    served = cat.source_versions(ns, name)
    why = _unserved_pin(cat.source_versions(C.LEGACY_NAMESPACE, name), served, pin)
    if why is None:
        return
    latest = newest(served)
    for p in src.problems:
        if p.rule is MOD_LEGACY:
            p.replacement = None
            p.message += (
                f"; {why}, so switching the source alone would change what the block installs: pin a release of "
                f"{src.ident}" + (f" (newest: {latest})" if latest else "") + " when you switch"
            )


def _unserved_pin(old: list[str], served: list[str], pin: object) -> str | None:
    """Why the new source would not install what the old one does for `pin`, or None."""
    if pin is UNKNOWN or not isinstance(pin, str):
        return "its `version` is not a literal this check can compare"
    try:
        constraint = Constraint.parse(pin)
    except VersionError:
        return None  # reported by registry-module-version either way
    now, then = newest(matching(constraint, old)), newest(matching(constraint, served))
    if now == then:
        return None
    if then is None:
        return f"`{pin}` names coder/modules releases the new namespace never published"
    return f"`{pin}` installs {now} from the old source but {then} from the new one"


# -- module blocks -------------------------------------------------------------------------


@dataclass
class ModuleUse:
    name: str
    ident: str
    versions: list[str]  # the released versions the block's `version` allows (may be empty)
    snippet: int


def own_module(path: str) -> tuple[str | None, str] | None:
    """(namespace or None, module) when the page is a module's own README."""
    place = readme_place(path)
    if place is None:
        return None
    return (place.namespace if place.kind == "modules" else None), place.name


def module_blocks(doc: Document, cat: Catalog, out: list[Finding]) -> set[int]:
    """Check every registry `module` block of the page; the Markdown lines of the sources checked."""
    uses: list[ModuleUse] = []
    handled: set[int] = set()  # Markdown lines of checked `source` arguments
    snips = list(S.snippets(doc))
    for index, snip in enumerate(snips):
        for item in snip.body.items:
            if not S.is_block(item) or item.type != "module" or len(item.labels) != 1:
                continue
            use = _module_block(doc, cat, snip, item, out, handled)
            if use is not None:
                use.snippet = index
                uses.append(use)
    _outputs(doc, cat, snips, uses, out)
    return handled


def _attr(body, name: str):
    return next((i for i in body.items if S.is_attribute(i) and i.name == name), None)


def _pin_of(version_attr) -> object:
    if version_attr is None:
        return ABSENT
    expr = version_attr.expr
    return expr.value if expr.kind == "string" and expr.value is not None else UNKNOWN


def _module_block(doc, cat: Catalog, snip: S.Snippet, block, out: list[Finding], handled: set[int]) -> ModuleUse | None:
    source = _attr(block.body, "source")
    if source is None or source.expr.kind != "string" or source.expr.value is None:
        return None
    src = resolve_source(cat, source.expr.value)
    if src is None:
        return None
    if _own_source(doc.path, source.expr.value):
        _trust_own_module(src)
    src.problems = [p for p in src.problems if not unlisted_in_own_namespace(str(doc.path), p)]
    version_attr = _attr(block.body, "version")
    guard_legacy_fix(cat, src, _pin_of(version_attr))
    line, col = snip.position(source.expr.line, source.expr.column)
    handled.add(line)
    for p in src.problems:
        fix = snip.string_fix(source.expr, p.replacement, p.description) if p.replacement else None
        out.append(p.rule.at(doc.path, line, col, p.message, fix=fix))
    if src.ident is None:
        return None
    ident, name = src.ident, block.labels[0]
    released = cat.source_versions(src.served_namespace, ident.split("/", 1)[1])
    if _is_own_readme(doc.path, ident):
        head = (cat.module(ident) or {}).get("readme_version_untagged")  # the catalog's own head
        if _beyond_releases(version_attr, released + ([head] if head else [])):
            return None
        released = released + [v for v in cat.next_versions(ident) if v not in released]
    chosen = _version_findings(doc, cat, snip, block, version_attr, name, ident, released, out)
    # Arguments and outputs are checked against the newest release the constraint allows:
    # that is the one `terraform init` installs today.
    check_at = newest(chosen) if chosen else (None if version_attr is not None else cat.latest(ident))
    if check_at is not None:
        _arguments(doc, cat, snip, block, name, ident, check_at, out)
    return ModuleUse(name, ident, chosen if chosen else ([check_at] if check_at else []), 0)


def _own_source(path: str, value: str) -> bool:
    """Whether `value` is `<host>/<namespace>/<module>/<provider>` for the module whose README
    `path` is (a wrong provider segment is registry-module-source's to tell, not a sign that
    the module is another one)."""
    own = own_module(path)
    segs = [s for s in value.partition("//")[0].split("/") if s]
    if own is None or len(segs) != 4:
        return False
    return segs[2] == own[1] and own[0] in (None, segs[1])


def _trust_own_module(src: Source) -> None:
    """A module's README names the module it documents: the page sits next to its source, so
    the module exists whatever the vendored catalog says. The catalog is a snapshot of the
    registry; a module newer than it is missing from it, and a module removed or renamed after
    it took its README with it. Neither is a mistake of the page, and a renamed module's
    versions are the new name's, not the ones this README pins: nothing further to check."""
    if any(p.rule is MOD_UNKNOWN for p in src.problems):
        src.problems = [p for p in src.problems if p.rule is not MOD_UNKNOWN]
        src.ident = None


def _beyond_releases(version_attr, released: list[str]) -> bool:
    """Whether the block pins one version older than every release, or newer than every one.
    On the module's own README the first is the version the README carried before the module's
    first tag (a README's version only ever goes up), the second a release tagged after the
    vendored catalog was taken (`coder-utils` at 1.3.0 against a catalog ending at 1.0.0): the
    page as it was then or is now, not a mistake, and the catalog has no release whose
    variables the block could be checked against. A pin between releases is still told."""
    pin = _pin_of(version_attr)
    if not isinstance(pin, str) or not released or not is_version(pin):
        return False
    tagged = [Version.parse(r) for r in released if is_version(r)]
    at = Version.parse(pin)
    return all(at < r for r in tagged) or all(at > r for r in tagged)


def _is_own_readme(path: str, ident: str) -> bool:
    own = own_module(path)
    if own is None:
        return False
    ns, name = ident.split("/", 1)
    return own[1] == name and own[0] in (None, ns)


def _version_findings(
    doc, cat: Catalog, snip: S.Snippet, block, version_attr, name: str, ident: str, released: list[str],
    out: list[Finding],
) -> list[str]:
    """Report a missing or unreleased `version`; the released versions it allows."""
    if version_attr is None:
        bl, bc = snip.position(block.line, block.column)
        latest = cat.latest(ident) or newest(released) or "x.y.z"
        out.append(MOD_VERSION.at(
            doc.path, bl, bc,
            f'module "{name}" ({ident}) has no `version`: Terraform then takes whatever is newest, which may '
            f'break this example; pin it, e.g. `version = "{latest}"`',
        ))
        return []
    if version_attr.expr.kind != "string" or version_attr.expr.value is None:
        return []  # a variable or an expression: nothing to check against
    vl, vc = snip.position(version_attr.expr.line, version_attr.expr.column)
    text = version_attr.expr.value
    try:
        constraint = Constraint.parse(text)
    except VersionError:
        out.append(MOD_VERSION.at(
            doc.path, vl, vc, f'`version = "{text}"` is not a version or constraint: write e.g. `"1.2.3"` or `"~> 1.2"`'
        ))
        return []
    chosen = matching(constraint, released)
    if not chosen:
        exact = constraint.exact
        what = f"version {exact} of {ident} was never released" if exact else (
            f"no released version of {ident} satisfies `{text}`"
        )
        hint = suggest(text, released, cutoff=0.8) if exact else None
        out.append(MOD_VERSION.at(
            doc.path, vl, vc,
            f"{what}" + (f"; did you mean `{hint}`?" if hint else "") + f" (released: {C.version_list(released)})",
        ))
    return chosen


def _arguments(doc, cat: Catalog, snip: S.Snippet, block, name: str, ident: str, version: str, out: list[Finding]) -> None:
    variables = cat.variables_at(ident, version)
    if variables is None:
        return  # a coder/modules release from before the registry: its variables are not recorded
    set_names = set()
    for item in block.body.items:
        if not S.is_attribute(item):
            continue
        set_names.add(item.name)
        if item.name in MODULE_META or item.name in variables:
            continue
        line, col = snip.position(item.line, item.column)
        out.append(MOD_ARGUMENT.at(doc.path, line, col, _unknown_variable(cat, ident, version, item.name, variables)))
    if S.elides(snip, block):
        return
    for var in cat.required_variables(ident):
        if var in variables and var not in set_names:
            line, col = snip.position(block.line, block.column)
            out.append(MOD_REQUIRED.at(
                doc.path, line, col,
                f'module "{name}" does not set `{var}`, which {ident} {version} requires: add `{var} = ...` '
                "(or write `...` to show that the example leaves arguments out)",
            ))


def _unknown_variable(cat: Catalog, ident: str, version: str, arg: str, variables: dict) -> str:
    history = cat.variable_history(ident, arg)
    if history:
        since, removed = history.get("since"), history.get("removed_in")
        if removed and Version.parse(version) >= Version.parse(removed):
            return (
                f"`{arg}` is no variable of {ident} {version}: it was removed in {removed}"
                + (f" (it exists from {since} to before {removed}); pin a version below {removed} or drop it" if since else "")
            )
        if since and Version.parse(version) < Version.parse(since):
            return f"`{arg}` is no variable of {ident} {version}: it was added in {since}; require `>= {since}`"
    hint = suggest(arg, list(variables))
    return (
        f"`{arg}` is no variable of {ident} {version}"
        + (f"; did you mean `{hint}`?" if hint else f" (its variables: {', '.join(sorted(variables)[:12])}"
           + (", ..." if len(variables) > 12 else "") + ")")
    )


def _outputs(doc, cat: Catalog, snips: list[S.Snippet], uses: list[ModuleUse], out: list[Finding]) -> None:
    if not uses:
        return
    by_name: dict[str, list[ModuleUse]] = {}
    for use in uses:
        by_name.setdefault(use.name, []).append(use)
    for index, snip in enumerate(snips):
        for t in S.unique_traversals(snip.body):
            steps = S.step_names(t.parts)
            if len(steps) < 3 or steps[0] != "module" or steps[1] not in by_name:
                continue
            candidates = [u for u in by_name[steps[1]] if u.snippet == index] or by_name[steps[1]]
            if len({u.ident for u in candidates}) != 1:
                continue  # the page defines this module name twice, differently: cannot tell which
            message = _output_problem(cat, candidates, steps[2])
            if message is not None:
                line, col = snip.position(t.line, t.column)
                out.append(MOD_OUTPUT.at(doc.path, line, col, message))


def _output_problem(cat: Catalog, candidates: list[ModuleUse], output: str) -> str | None:
    """What is wrong with `module.<name>.<output>`, None when nothing (or nothing known) is."""
    ident = candidates[0].ident
    versions = [v for u in candidates for v in u.versions]
    known: set[str] = set()
    for v in versions:
        outs = cat.outputs_at(ident, v)
        if outs is None:
            return None  # a version whose outputs are not recorded
        known |= outs
    if not versions or output in known:
        return None
    return _unknown_output(cat, ident, versions, output, known)


def _unknown_output(cat: Catalog, ident: str, versions: list[str], output: str, known: set[str]) -> str:
    shown = newest(versions) or ""
    history = cat.output_history(ident, output)
    if history:
        since, removed = history.get("since"), history.get("removed_in")
        span = f"it exists from {since}" + (f" to before {removed}" if removed else "")
        return f"{ident} {shown} has no output `{output}` ({span}): pin a version that has it or use another output"
    hint = suggest(output, sorted(known))
    listing = ", ".join(sorted(known)) or "none"
    return f"{ident} {shown} has no output `{output}`" + (
        f"; did you mean `{hint}`?" if hint else f" (its outputs: {listing})"
    )
