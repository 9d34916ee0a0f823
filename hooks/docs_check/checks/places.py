"""Where a page sits in the layout of the repository it comes from.

- A registry README, `registry/<namespace>/modules/<name>/README.md`: the registry rules
  read it (a module's own README is the authority on its own name and versions), and so does
  tf-lang when the README sits in the registry's own tree, under `registry/` (a registry
  README labels Terraform `tf`, Coder's house style; people keep their own templates under
  `templates/<name>/README.md` too).
- A provider's reference page, `docs/resources/<type>.md` or `docs/data-sources/<type>.md`
  (the layout terraform-plugin-docs writes): the provider rules read it (the page is the
  authority on its own type, which may be newer than the vendored schema).

One reading of each path shape serves every check that needs it.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import NamedTuple

from ..schema import DATA, RESOURCE

KINDS = ("modules", "templates")


class ReadmePlace(NamedTuple):
    namespace: str | None  # the folder above `modules/` or `templates/`, when there is one
    kind: str | None  # `modules` or `templates`; None for a README elsewhere
    name: str  # the folder the README documents
    in_registry: bool = False  # under `registry/<namespace>/`: coder/registry's own tree


def readme_place(path: str) -> ReadmePlace | None:
    """The place of a README (`.../modules/code-server/README.md`); None for any other page."""
    parts = _parts(path)
    if len(parts) < 2 or parts[-1].lower() != "readme.md":
        return None
    kind = parts[-3].lower() if len(parts) >= 3 and parts[-3].lower() in KINDS else None
    namespace = parts[-4] if kind and len(parts) >= 4 else None
    in_registry = namespace is not None and len(parts) >= 5 and parts[-5] == "registry"
    return ReadmePlace(namespace, kind, parts[-2], in_registry)


# terraform-plugin-docs' folder -> the kind of type it documents.
REFERENCE_FOLDERS = {"resources": RESOURCE, "data-sources": DATA}


def reference_type(path: str, prefix: str) -> tuple[str, str] | None:
    """The (kind, type) a provider's reference page documents: `docs/resources/ai_task.md`
    with prefix `coder_` is ("resource", "coder_ai_task"); None for any other page."""
    parts = _parts(path)
    if len(parts) < 3 or parts[-3] != "docs" or not parts[-1].endswith(".md"):
        return None
    kind = REFERENCE_FOLDERS.get(parts[-2])
    return (kind, prefix + parts[-1][: -len(".md")]) if kind else None


def _parts(path: str) -> tuple[str, ...]:
    return PurePosixPath(path.replace("\\", "/")).parts  # a Windows path reads the same
