"""Coder's `manifest.json`: the docs tree's navigation, titles, descriptions and states.

    {"versions": ["main"], "routes": [
        {"title": "About", "description": "...", "path": "./README.md",
         "state": ["beta"], "icon_path": "./images/icons/home.svg", "children": [...]}]}

coder.com gives a route (a URL) only to the files the manifest lists; every other file
in the tree is unreachable there, however it renders here.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

FILENAME = "manifest.json"


class ManifestError(ValueError):
    """The manifest is not valid JSON or not in Coder's format; the message says where."""


@dataclass
class Route:
    title: str
    path: str  # relative to the docs root, normalised: "ai-coder/tasks.md"
    description: str = ""
    states: tuple[str, ...] = ()
    icon: str | None = None
    children: list[Route] = field(default_factory=list)
    parent: Route | None = field(default=None, repr=False, compare=False)

    def walk(self) -> Iterator[Route]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Manifest:
    routes: list[Route]
    versions: tuple[str, ...] = ()
    by_path: dict[str, Route] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for route in self.walk():
            # A page listed twice keeps its first place (its title, state and children).
            self.by_path.setdefault(route.path, route)

    def walk(self) -> Iterator[Route]:
        for route in self.routes:
            yield from route.walk()

    def route(self, path: str) -> Route | None:
        return self.by_path.get(normalize(path))

    def listed(self, path: str) -> bool:
        return normalize(path) in self.by_path

    def unlisted(self, paths: Iterable[str]) -> list[str]:
        """The Markdown files among `paths` (docs-relative) that have no route."""
        return sorted(p for p in paths if p.endswith(".md") and not self.listed(p))


def normalize(path: str) -> str:
    """"./ai-coder/../ai-coder/tasks.md" -> "ai-coder/tasks.md" (docs-relative, posix)."""
    path = path.replace("\\", "/").strip()
    norm = posixpath.normpath(path.lstrip("/")) if path else ""
    return "" if norm == "." else norm


def parse(data: Any, source: str = FILENAME) -> Manifest:
    if not isinstance(data, dict) or not isinstance(data.get("routes"), list):
        raise ManifestError(f"{source}: expected an object with a \"routes\" list")
    versions = data.get("versions", [])
    return Manifest(
        routes=[_route(r, f"{source}: routes[{i}]", None) for i, r in enumerate(data["routes"])],
        versions=tuple(v for v in versions if isinstance(v, str)) if isinstance(versions, list) else (),
    )


def _route(data: Any, where: str, parent: Route | None) -> Route:
    if not isinstance(data, dict):
        raise ManifestError(f"{where}: expected an object")
    title, path = data.get("title"), data.get("path")
    if not isinstance(title, str) or not title.strip():
        raise ManifestError(f"{where}: \"title\" must be a non-empty string")
    if not isinstance(path, str) or not path.strip():
        raise ManifestError(f"{where} ({title}): \"path\" must be a non-empty string")
    states = data.get("state", [])
    if isinstance(states, str):
        states = [states]
    if not isinstance(states, list) or not all(isinstance(s, str) for s in states):
        raise ManifestError(f"{where} ({title}): \"state\" must be a list of strings")
    description = data.get("description", "")
    icon = data.get("icon_path")
    route = Route(
        title=title.strip(),
        path=normalize(path),
        description=description if isinstance(description, str) else "",
        states=tuple(s.strip() for s in states if s.strip()),
        icon=normalize(icon) if isinstance(icon, str) and icon.strip() else None,
        parent=parent,
    )
    children = data.get("children", [])
    if not isinstance(children, list):
        raise ManifestError(f"{where} ({title}): \"children\" must be a list")
    route.children = [_route(c, f"{where}.children[{i}]", route) for i, c in enumerate(children)]
    return route


def loads(text: str, source: str = FILENAME) -> Manifest:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{source}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    return parse(data, source)


def load(path: str | Path) -> Manifest:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: cannot read: {exc}") from None
    return loads(text, str(path))


@lru_cache(maxsize=32)
def cached(path: str, mtime_ns: int) -> Manifest | None:
    """The manifest at `path` as of `mtime_ns` (parsed once per change), None if invalid."""
    try:
        return load(path)
    except ManifestError:
        return None


def find(start: Path) -> tuple[Path, Manifest] | None:
    """The nearest manifest at or above the folder `start` that is in Coder's format."""
    for folder in (start, *start.parents):
        candidate = folder / FILENAME
        try:
            mtime = candidate.stat().st_mtime_ns
        except OSError:
            continue
        manifest = cached(str(candidate), mtime)
        if manifest is not None:
            return folder, manifest
    return None


# -- navigation ---------------------------------------------------------------------------


def nav(manifest: Manifest) -> list[dict[str, Any]]:
    """MkDocs' `nav` setting: a route with children becomes a section whose first entry is
    the route's own page (Material's `navigation.indexes` merges it into the section when
    it is an index page). A page listed a second time is left out there: one page, one place."""
    seen: set[str] = set()
    return [item for r in manifest.routes if (item := _nav_item(r, seen)) is not None]


def _nav_item(route: Route, seen: set[str]) -> dict[str, Any] | None:
    first = route.path not in seen
    seen.add(route.path)
    children = [item for c in route.children if (item := _nav_item(c, seen)) is not None]
    if not children:
        return {route.title: route.path} if first else None
    entries = ([{route.title: route.path}] if first else []) + children
    return {route.title: entries}


def children_of(manifest: Manifest, path: str) -> list[Route]:
    route = manifest.route(path)
    return list(route.children) if route else []


# -- states -------------------------------------------------------------------------------

_STATE_ID = re.compile(r"[^a-z0-9]+")


def state_id(state: str) -> str:
    """"early access" -> "early-access": a CSS class and Material status id."""
    return _STATE_ID.sub("-", state.lower()).strip("-")


def state_label(state: str) -> str:
    """"ai governance add-on" -> "AI Governance Add-On"; "beta" -> "Beta"."""
    words = []
    for word in state.split():
        parts = [p.upper() if p.lower() in ("ai", "ui", "api") else p[:1].upper() + p[1:] for p in word.split("-")]
        words.append("-".join(parts))
    return " ".join(words)


def states(manifest: Manifest) -> dict[str, str]:
    """Every state the manifest uses: {state id: label}."""
    out: dict[str, str] = {}
    for route in manifest.walk():
        for s in route.states:
            out.setdefault(state_id(s), state_label(s))
    return out
