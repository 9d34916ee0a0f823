"""The Coder Terraform provider's schema, with its history, as the checks ask about it.

`data/provider-schema.json` (see `data/PROVENANCE.md`) describes every resource and data
source of coder/terraform-provider-coder at one tag, and for each type, attribute and
block the release that introduced it, deprecated it or removed it. The questions here are
always "at provider version V": does this type exist, which attributes may be set, which
are required, which are deprecated.

A different schema file: environment variable DOCS_CHECK_PROVIDER_SCHEMA, or
`[tool.docs-check.terraform] provider-schema = "path"`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import datafile
from .config import Config
from .versions import Constraint, Version, VersionError

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_SCHEMA = DATA_DIR / "provider-schema.json"
ENV_SCHEMA = "DOCS_CHECK_PROVIDER_SCHEMA"

RESOURCE, DATA = "resource", "data"
_SECTION = {RESOURCE: "resources", DATA: "data_sources"}
KIND_WORDS = {RESOURCE: "resource", DATA: "data source"}


def _v(text: str | None) -> Version | None:
    if not text:
        return None
    try:
        return Version.parse(text)
    except VersionError:
        return None


@dataclass(frozen=True)
class Field:
    """An attribute or a nested block of a type, with its flags and history."""

    name: str
    spec: dict[str, Any]
    is_block: bool

    @property
    def introduced(self) -> str | None:
        return self.spec.get("introduced_in")

    @property
    def deprecated_since(self) -> str | None:
        if self.spec.get("deprecated") and not self.spec.get("deprecated_since"):
            return "v0.0.0"  # deprecated, release unknown: treat as always
        return self.spec.get("deprecated_since")

    @property
    def deprecation(self) -> str:
        return str(self.spec.get("deprecated") or "")

    @property
    def settable(self) -> bool:
        """False for read-only (computed, neither required nor optional) attributes."""
        return bool(self.spec.get("required") or self.spec.get("optional"))

    @property
    def max_items(self) -> int | None:
        return self.spec.get("max_items")

    @property
    def conflicts_with(self) -> list[str]:
        return list(self.spec.get("conflicts_with") or [])

    def exists_at(self, version: Version | None) -> bool:
        introduced = _v(self.introduced)
        return version is None or introduced is None or version >= introduced

    def required_at(self, version: Version | None) -> bool:
        span = self.spec.get("required_in_versions")
        if span and version is not None:
            lo, hi = _v(span[0]), _v(span[-1])
            if lo is not None and hi is not None and lo <= version <= hi:
                return True
        return bool(self.spec.get("required")) or bool(
            self.is_block and self.spec.get("min_items") and self.spec.get("required")
        )

    def deprecated_at(self, version: Version | None) -> bool:
        since = _v(self.deprecated_since)
        return since is not None and (version is None or version >= since)

    # -- nested blocks ----------------------------------------------------------------------

    def fields(self) -> dict[str, Field]:
        return _fields(self.spec)


@dataclass(frozen=True)
class TypeSchema:
    kind: str  # RESOURCE | DATA
    name: str  # "coder_agent"
    spec: dict[str, Any]

    @property
    def address(self) -> str:
        return self.name if self.kind == RESOURCE else f"data.{self.name}"

    @property
    def introduced(self) -> str | None:
        return self.spec.get("introduced_in")

    def exists_at(self, version: Version | None) -> bool:
        introduced = _v(self.introduced)
        return version is None or introduced is None or version >= introduced

    def fields(self) -> dict[str, Field]:
        return _fields(self.spec)

    def removed_attribute(self, path: str) -> dict[str, Any] | None:
        """History of an attribute that no longer exists (`path` like `auth.type`)."""
        return (self.spec.get("removed_attributes") or {}).get(path)


def _fields(spec: dict[str, Any]) -> dict[str, Field]:
    out = {n: Field(n, s, False) for n, s in (spec.get("attributes") or {}).items()}
    out.update({n: Field(n, s, True) for n, s in (spec.get("blocks") or {}).items()})
    return out


@dataclass
class ProviderSchema:
    path: Path
    data: dict[str, Any]
    generated_from: str = ""
    types: dict[tuple[str, str], TypeSchema] = field(default_factory=dict)
    releases: list[str] = field(default_factory=list)  # "2.11.0", oldest first
    release_dates: dict[str, str] = field(default_factory=dict)
    removed_types: dict[str, dict[str, Any]] = field(default_factory=dict)  # "data.coder_git_auth"
    not_types: dict[str, str] = field(default_factory=dict)  # "resource.coder_parameter" -> why

    def type(self, kind: str, name: str) -> TypeSchema | None:
        return self.types.get((kind, name))

    def names(self, kind: str) -> list[str]:
        return [n for k, n in self.types if k == kind]

    def address(self, kind: str, name: str) -> str:
        return name if kind == RESOURCE else f"data.{name}"

    def not_a_type(self, kind: str, name: str) -> str | None:
        """Why `resource "coder_parameter"` / `data "coder_ai_task"` is wrong, when known."""
        key = f"{'resource' if kind == RESOURCE else 'data'}.{name}"
        return self.not_types.get(key)

    def removed_type(self, kind: str, name: str) -> dict[str, Any] | None:
        return self.removed_types.get(self.address(kind, name))

    @property
    def latest(self) -> str:
        return self.releases[-1] if self.releases else "0.0.0"

    def lowest_satisfying(self, constraint: Constraint) -> str | None:
        for release in self.releases:
            if constraint.allows(release):
                return release
        return None


def schema_path(config: Config | None = None) -> Path:
    return datafile.locate(ENV_SCHEMA, config, "terraform", "provider-schema", DEFAULT_SCHEMA)


def load_schema(path: Path | str | None = None, config: Config | None = None) -> ProviderSchema:
    target = Path(path) if path is not None else schema_path(config)
    return datafile.load(target, "provider schema", build)


def build(data: dict[str, Any], path: Path) -> ProviderSchema:
    if not isinstance(data, dict) or not isinstance(data.get("resources"), dict):
        raise ValueError("no 'resources' mapping")
    schema = ProviderSchema(path=path, data=data, generated_from=str(data.get("generated_from", "")))
    for kind, section in _SECTION.items():
        for name, spec in (data.get(section) or {}).items():
            if not isinstance(spec, dict):
                raise TypeError(f"{section}.{name} is not a mapping")
            schema.types[(kind, name)] = TypeSchema(kind, name, spec)
    detail = data.get("generated_from_detail") or {}
    tags = [t.lstrip("v") for t in detail.get("release_tags", [])]
    schema.releases = sorted(tags, key=Version.parse)
    schema.release_dates = {k.lstrip("v"): v for k, v in (detail.get("release_tag_dates") or {}).items()}
    schema.removed_types = dict(data.get("removed_types") or {})
    schema.not_types = {k: str(v) for k, v in (data.get("not_provider_types") or {}).items()}
    return schema
