"""Coder provider use in Terraform snippets, checked against the provider's schema history.

Every `resource "coder_*"` and `data "coder_*"` block, and every reference to one
(`data.coder_workspace.me.name`), is checked at the provider version the page targets:

- the site's version: `[tool.docs-check.terraform] provider-version`, or
  `extra.docs_check.provider_version` in mkdocs.yml (default: the newest in the schema);
- a page's own: front matter `coder_provider_version: "2.13.0"`;
- a snippet's own: a `required_providers` constraint on coder/coder inside the snippet,
  read as the oldest release it allows (the snippet must work with every version it allows).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..check import Check
from ..config import Config, ConfigError, check_section_keys
from ..findings import Finding, Severity
from ..rules import rule, suggest
from ..scanner import Document
from ..schema import DATA, KIND_WORDS, RESOURCE, Field, ProviderSchema, TypeSchema, load_schema
from ..versions import Constraint, Version, VersionError
from . import _snippets as S
from .places import reference_type

TYPE = rule(
    "tf-provider-type", Severity.ERROR,
    "A coder_* resource or data source that the Coder provider does not have (or not as that kind)",
)
ATTRIBUTE = rule(
    "tf-provider-attribute", Severity.ERROR, "An attribute or nested block the Coder provider type does not have",
)
REQUIRED = rule("tf-provider-required", Severity.ERROR, "A required attribute or block of a Coder provider type is missing")
COMPUTED = rule("tf-provider-computed", Severity.ERROR, "A read-only (computed) attribute is set")
MAX_ITEMS = rule("tf-provider-max-items", Severity.ERROR, "A nested block appears more often than the provider allows")
CONFLICT = rule("tf-provider-conflict", Severity.ERROR, "Two arguments the provider declares mutually exclusive are both set")
VERSION = rule(
    "tf-provider-version", Severity.ERROR,
    "A type, attribute or block newer (or older) than the Coder provider version the docs target",
)
DEPRECATED = rule(
    "tf-provider-deprecated", Severity.WARNING, "An attribute or block deprecated at the targeted provider version",
)

RULES = (TYPE, ATTRIBUTE, REQUIRED, COMPUTED, MAX_ITEMS, CONFLICT, VERSION, DEPRECATED)

# Terraform's own arguments and blocks on every resource and data source.
META_ATTRIBUTES = frozenset({"count", "for_each", "depends_on", "provider"})
META_BLOCKS = frozenset({"lifecycle", "provisioner", "connection", "precondition", "postcondition"})
FRONT_MATTER_KEY = "coder_provider_version"
PROVIDER_SOURCE = "coder/coder"


@dataclass(frozen=True)
class Target:
    version: Version | None  # None: the schema's head, no version checks
    why: str  # where the version comes from, for messages

    @property
    def label(self) -> str:
        return f"v{self.version}" if self.version else "the newest provider"


# -- target version ------------------------------------------------------------------------


def validate_config(config: Config) -> None:
    """Before any page: the terraform options, the schema file and the target version."""
    check_section_keys(config, "terraform", ("provider-version", "provider-schema", "fence-label"))
    site_target(config, load_schema(config=config))


def site_target(config: Config, schema: ProviderSchema) -> Target:
    text = config.option("terraform", "provider-version", None, str)
    if not text:
        return Target(Version.parse(schema.latest), "the newest provider the vendored schema knows")
    try:
        v = Version.parse(text)
    except VersionError:
        raise ConfigError(
            f"{config.source}: [tool.docs-check.terraform] provider-version = {text!r}: expected a version like \"2.11.0\""
        ) from None
    return Target(v, "the site's provider-version")


def page_target(doc: Document, base: Target, out: list[Finding]) -> Target:
    raw = doc.meta.get(FRONT_MATTER_KEY)
    if raw is None:
        return base
    text = str(raw)
    try:
        v = Version.parse(text)
    except VersionError:
        out.append(VERSION.at(
            doc.path, 1, 1,
            f"front matter `{FRONT_MATTER_KEY}: {text}` is not a version: write e.g. `{FRONT_MATTER_KEY}: \"2.11.0\"`",
        ))
        return base
    return Target(v, f"this page's front matter `{FRONT_MATTER_KEY}`")


def snippet_target(snip: S.Snippet, schema: ProviderSchema, base: Target, out: list[Finding]) -> Target:
    """The oldest provider release the snippet's `required_providers` allows, if it says."""
    for item in snip.body.items:
        if not S.is_block(item) or item.type != "terraform":
            continue
        for rp in item.body.items:
            if not S.is_block(rp) or rp.type != "required_providers":
                continue
            for attr in rp.body.items:
                if not S.is_attribute(attr) or attr.expr.kind != "object":
                    continue
                fields = {i.key: i.value for i in attr.expr.items}
                source = fields.get("source")
                source_text = source.value if source is not None and source.kind == "string" else None
                if source_text is None and attr.name != "coder":
                    continue
                if source_text is not None and source_text.lower().removeprefix("registry.terraform.io/") != PROVIDER_SOURCE:
                    continue
                version = fields.get("version")
                if version is None or version.kind != "string" or not version.value:
                    return base
                try:
                    constraint = Constraint.parse(version.value)
                except VersionError:
                    return base  # tf-syntax / terraform init will say so; nothing to target
                lowest = schema.lowest_satisfying(constraint)
                if lowest is None:
                    line, col = snip.position(version.line, version.column)
                    out.append(VERSION.at(
                        snip.doc.path, line, col,
                        f"no release of the Coder provider satisfies `{version.value}` "
                        f"(releases: v{schema.releases[0]} to v{schema.latest})",
                    ))
                    return base
                return Target(
                    Version.parse(lowest), f"the oldest release the snippet's `version = \"{version.value}\"` allows"
                )
    return base


# -- checks --------------------------------------------------------------------------------


@dataclass
class Ctx:
    doc: Document
    snip: S.Snippet
    schema: ProviderSchema
    target: Target
    out: list[Finding]

    def at(self, rule_, line: int, column: int, message: str) -> None:
        md_line, md_col = self.snip.position(line, column)
        self.out.append(rule_.at(self.doc.path, md_line, md_col, message))


def _kind_of_block(block) -> str | None:
    if block.type == "resource" and len(block.labels) == 2:
        return RESOURCE
    if block.type == "data" and len(block.labels) == 2:
        return DATA
    return None


def _address(kind: str, name: str) -> str:
    return f'{"resource" if kind == RESOURCE else "data"} "{name}"'


def documents_type(path: str, kind: str, name: str) -> bool:
    """Is the page the provider's own reference for the type (`docs/resources/ai_task.md` for
    `coder_ai_task`)? A type newer than the vendored schema is no mistake there: the page is
    published with it."""
    return reference_type(path, "coder_") == (kind, name)


_REPLACEMENT = re.compile(r"(data\.)?([a-z][a-z0-9_]*)")


def _migration(doc: Document, schema: ProviderSchema, kind: str, name: str) -> bool:
    """Does the page show a removed type beside the type that replaced it (`data "coder_git_auth"`
    then `data "coder_external_auth"`)? Then it is a migration guide: the removed type is the
    configuration to replace, shown on purpose."""
    removed = schema.removed_type(kind, name)
    m = _REPLACEMENT.match(str((removed or {}).get("replacement", "")))
    if m is None:
        return False
    new_kind = "data" if m.group(1) else "resource"
    return re.search(rf'^[ \t]*{new_kind}[ \t]+"{m.group(2)}"', doc.text, re.MULTILINE) is not None


def check_type_block(ctx: Ctx, block, kind: str) -> None:
    name = block.labels[0]
    tschema = ctx.schema.type(kind, name)
    line, col = block.line, (block.label_columns[0] if block.label_columns else block.column)
    if tschema is None and (documents_type(str(ctx.doc.path), kind, name) or _migration(ctx.doc, ctx.schema, kind, name)):
        return
    if tschema is None:
        message = unknown_type_message(ctx.schema, kind, name, ctx.target)
        if message:  # empty: a type since removed, still there at the targeted version
            ctx.at(TYPE, line, col, message)
        return
    version = ctx.target.version
    if not tschema.exists_at(version):
        ctx.at(VERSION, line, col, (
            f"{_address(kind, name)} was added in provider {tschema.introduced}, after {ctx.target.label} "
            f"({ctx.target.why}): require `>= {tschema.introduced.lstrip('v')}` in required_providers, "
            "or target a newer provider"
        ))
        version = None  # judge the body against the newest schema, not again against the target
    check_body(ctx, tschema.fields(), block, version, tschema.address, tschema, top=True)


def unknown_type_message(schema: ProviderSchema, kind: str, name: str, target: Target) -> str:
    what = _address(kind, name)
    other = RESOURCE if kind == DATA else DATA
    note = schema.not_a_type(kind, name)
    other_schema = schema.type(other, name)
    removed = schema.removed_type(kind, name)
    if removed:
        removed_in = str(removed.get("removed_in", "")).lstrip("v")
        if target.version is not None and removed_in and target.version < Version.parse(removed_in):
            return ""  # still there at the targeted version
        replacement = removed.get("replacement")
        return (
            f"{what} was removed from the Coder provider in v{removed_in}"
            + (f"; use {replacement}" if replacement else "")
        )
    if other_schema is not None:
        fix = f'write `{_address(other, name)}`' + (
            f" and refer to it as `data.{name}.<name>`" if other == DATA else f" and refer to it as `{name}.<name>`"
        )
        return f"{name} is a {KIND_WORDS[other]}, not a {KIND_WORDS[kind]}: {fix}" + (f" ({note})" if note else "")
    if note:
        hint = suggest(name, schema.names(kind))
        return f"{what} is not a Coder provider type: {note}" + (f"; did you mean `{hint}`?" if hint else "")
    hint = suggest(name, schema.names(kind))
    other_hint = None if hint else suggest(name, schema.names(other))
    if other_hint:
        return f"the Coder provider has no {KIND_WORDS[kind]} `{name}`; did you mean {_address(other, other_hint)}?"
    return f"the Coder provider has no {KIND_WORDS[kind]} `{name}`" + (
        f"; did you mean `{hint}`?" if hint else f" (its {KIND_WORDS[kind]}s: {', '.join(sorted(schema.names(kind)))})"
    )


def check_body(
    ctx: Ctx, fields: dict[str, Field], block, version: Version | None, path: str, tschema: TypeSchema, top: bool
) -> None:
    """Check a block's body; `block` is the block itself (for where to report what it lacks)."""
    present = _check_items(ctx, fields, block.body, version, path, tschema, top)
    _check_max_items(ctx, fields, present, path)
    _check_conflicts(ctx, fields, present, path)
    if S.elides(ctx.snip, block) or _shows_one_setting(ctx.snip, block, top):
        return
    _check_required(ctx, fields, present, block, version, path)


def _check_items(
    ctx: Ctx, fields: dict[str, Field], body, version: Version | None, path: str, tschema: TypeSchema, top: bool
) -> dict[str, list]:
    """Check each attribute and nested block; what is present, by name (None: a dynamic block)."""
    present: dict[str, list] = {}
    for item in body.items:
        if S.is_attribute(item):
            if top and item.name in META_ATTRIBUTES:
                continue
            present.setdefault(item.name, []).append(item)
            check_field(ctx, fields, item.name, item, version, path, tschema, as_block=False)
        elif S.is_block(item):
            if top and item.type in META_BLOCKS:
                continue
            if item.type == "dynamic" and item.labels:
                name = item.labels[0]
                present.setdefault(name, []).append(None)  # a dynamic block: any number
                content = next((b for b in item.body.items if S.is_block(b) and b.type == "content"), None)
                f = check_field(ctx, fields, name, item, version, path, tschema, as_block=True)
                if f is not None and content is not None:
                    check_body(ctx, f.fields(), content, version, f"{path}.{name}", tschema, top=False)
                continue
            present.setdefault(item.type, []).append(item)
            f = check_field(ctx, fields, item.type, item, version, path, tschema, as_block=True)
            if f is not None and f.is_block:
                check_body(ctx, f.fields(), item, version, f"{path}.{item.type}", tschema, top=False)
    return present


def _check_max_items(ctx: Ctx, fields: dict[str, Field], present: dict[str, list], path: str) -> None:
    for name, items in present.items():
        f = fields.get(name)
        if f is None or not f.is_block or f.max_items is None or None in items:
            continue
        for extra in items[f.max_items :]:
            ctx.at(MAX_ITEMS, extra.line, extra.column, (
                f"`{path}` allows at most {f.max_items} `{name}` block{'s' if f.max_items > 1 else ''}; "
                "merge them into one"
            ))


def _check_conflicts(ctx: Ctx, fields: dict[str, Field], present: dict[str, list], path: str) -> None:
    reported: set[frozenset[str]] = set()
    for name in present:
        f = fields.get(name)
        if f is None:
            continue
        for other in f.conflicts_with:
            pair = frozenset((name, other))
            if other in present and pair not in reported and fields.get(other) is not None:
                reported.add(pair)
                later = max((i for i in present[name] + present[other] if i is not None), key=lambda i: i.line)
                ctx.at(CONFLICT, later.line, later.column, f"`{path}` takes `{name}` or `{other}`, not both: keep one")


def _shows_one_setting(snip: S.Snippet, block, top: bool) -> bool:
    """A fragment (no `terraform` or `provider` block) whose block sets one attribute shows that
    setting on purpose (`data "coder_parameter" "x" { icon = ... }` on a page about icons), and
    a snippet of one block that sets nothing but nested blocks shows those (`data
    "coder_parameter" "image" { option { ... } }` under "add an option"): what else the type
    requires is beside the point. Beside other blocks, such a block is part of a configuration
    to copy, and what it lacks is told."""
    attributes = [i for i in block.body.items if S.is_attribute(i) and not (top and i.name in META_ATTRIBUTES)]
    if len(attributes) > 1 or not S.is_fragment(snip):
        return False
    if attributes:
        return True
    assert snip.body is not None  # a fragment parsed
    alone = top and sum(1 for i in snip.body.items if S.is_block(i)) == 1
    return alone and any(S.is_block(i) for i in block.body.items)


def _check_required(
    ctx: Ctx, fields: dict[str, Field], present: dict[str, list], block, version: Version | None, path: str
) -> None:
    for name, f in fields.items():
        if name in present or not f.exists_at(version) or not f.required_at(version):
            continue
        if any(other in present for other in f.conflicts_with):
            continue  # its declared alternative is set (and checked on its own)
        what = "block" if f.is_block else "attribute"
        example = f"`{name} {{ ... }}`" if f.is_block else f"`{name} = ...`"
        column = block.label_columns[0] if block.label_columns else block.column
        ctx.at(REQUIRED, block.line, column, (
            f"`{path}` requires the {what} `{name}`"
            + (f" at {ctx.target.label}" if f.spec.get("required_in_versions") else "")
            + f": add {example} (or write `...` to show that the example leaves parts out)"
        ))


def check_field(
    ctx: Ctx, fields: dict[str, Field], name: str, item, version: Version | None, path: str,
    tschema: TypeSchema, *, as_block: bool,
) -> Field | None:
    f = fields.get(name)
    line, col = item.line, item.column
    if f is None:
        dotted = _inner(path, tschema, name)
        removed = tschema.removed_attribute(dotted)
        if removed:
            removed_in = str(removed.get("removed_in", "")).lstrip("v")
            if version is not None and removed_in and version < Version.parse(removed_in):
                return None  # still there at the targeted version
            msg = f"`{path}.{name}` was removed from the Coder provider in v{removed_in}: remove it"
            if removed.get("deprecation_message"):
                msg += f" (the provider's note: {removed['deprecation_message'].rstrip('.')})"
            ctx.at(ATTRIBUTE, line, col, msg)
            return None
        hint = suggest(name, list(fields))
        listing = ", ".join(sorted(n for n, f2 in fields.items() if f2.settable or f2.is_block))
        ctx.at(ATTRIBUTE, line, col, (
            f"`{path}` has no {'block' if as_block else 'attribute'} `{name}`"
            + (f"; did you mean `{hint}`?" if hint else f" (it takes: {listing})")
        ))
        return None
    if f.is_block and not as_block:
        ctx.at(ATTRIBUTE, line, col, f"`{name}` is a nested block of `{path}`: write `{name} {{ ... }}`, not `{name} = ...`")
        return f
    if not f.is_block and as_block:
        ctx.at(ATTRIBUTE, line, col, f"`{name}` is an attribute of `{path}`, not a block: write `{name} = ...`")
        return None
    if not f.is_block and not f.settable:
        ctx.at(COMPUTED, line, col, (
            f"`{path}.{name}` is read-only (the provider computes it): remove it; "
            f"read it as `{_reference_hint(tschema, path, name)}`"
        ))
        return f
    if not f.exists_at(version):
        ctx.at(VERSION, line, col, (
            f"`{path}.{name}` was added in provider {f.introduced}, after {ctx.target.label} ({ctx.target.why}): "
            f"require `>= {str(f.introduced).lstrip('v')}` in required_providers, or leave it out"
        ))
    elif f.deprecated_at(version):
        since = f.deprecated_since if f.deprecated_since != "v0.0.0" else None
        ctx.at(DEPRECATED, line, col, (
            f"`{path}.{name}` is deprecated" + (f" since provider {since}" if since else "")
            + (f": {f.deprecation}" if f.deprecation else "")
        ))
    return f


def _inner(path: str, tschema: TypeSchema, name: str) -> str:
    """`auth.type` from path `coder_agent.auth` and name `type` (the schema's removed_attributes keys)."""
    inner = path[len(tschema.address) + 1 :]
    return f"{inner}.{name}" if inner else name


def _reference_hint(tschema: TypeSchema, path: str, name: str) -> str:
    inner = path[len(tschema.address) + 1 :]
    return f"{tschema.address}.<name>." + (f"{inner}[0].{name}" if inner else name)


def check_references(ctx: Ctx) -> None:
    """`data.coder_workspace.me.name`, `coder_agent.main.id`: types and attributes that exist."""
    seen_types: set[tuple[str, str, int]] = set()
    for t in S.unique_traversals(ctx.snip.body):
        steps = S.step_names(t.parts)
        if len(steps) >= 2 and steps[0] == "data" and steps[1].startswith("coder_"):
            kind, name, rest = DATA, steps[1], steps[3:]
        elif steps and steps[0].startswith("coder_") and len(steps) >= 2:
            kind, name, rest = RESOURCE, steps[0], steps[2:]
        else:
            continue
        tschema = ctx.schema.type(kind, name)
        if tschema is None and documents_type(str(ctx.doc.path), kind, name):
            continue
        if tschema is None:
            key = (kind, name, t.line)
            if key in seen_types:
                continue
            seen_types.add(key)
            message = unknown_type_message(ctx.schema, kind, name, ctx.target)
            if message:
                ref = ".".join(steps[:3] if kind == DATA else steps[:2])
                ctx.at(TYPE, t.line, t.column, f"`{ref}` refers to a type that does not exist: {message}")
            continue
        if not rest:
            continue
        attr = rest[0]
        fields = tschema.fields()
        if attr in fields or attr == "id":
            continue
        removed = tschema.removed_attribute(attr)
        if removed:
            removed_in = str(removed.get("removed_in", "")).lstrip("v")
            if ctx.target.version is not None and removed_in and ctx.target.version < Version.parse(removed_in):
                continue
            msg = f"`{'.'.join(steps)}`: `{attr}` was removed from {tschema.address} in provider v{removed_in}"
            if removed.get("deprecation_message"):
                msg += f" (the provider's note: {removed['deprecation_message'].rstrip('.')})"
            ctx.at(ATTRIBUTE, t.line, t.column, msg)
            continue
        hint = suggest(attr, list(fields))
        ctx.at(ATTRIBUTE, t.line, t.column, (
            f"`{'.'.join(steps)}`: {tschema.address} has no attribute `{attr}`"
            + (f"; did you mean `{hint}`?" if hint else "")
        ))


def run(doc: Document, config: Config) -> Iterator[Finding]:
    snips = list(S.snippets(doc))
    if not snips:
        return
    schema = load_schema(config=config)
    out: list[Finding] = []
    base = page_target(doc, site_target(config, schema), out)
    for snip in snips:
        target = snippet_target(snip, schema, base, out)
        ctx = Ctx(doc, snip, schema, target, out)
        for item in snip.body.items:
            if not S.is_block(item):
                continue
            kind = _kind_of_block(item)
            if kind is None or not item.labels[0].startswith("coder_"):
                continue
            check_type_block(ctx, item, kind)
        check_references(ctx)
    yield from out


CHECK = Check("provider", RULES, run)
