"""Where a README sits in a registry tree: `registry/<namespace>/modules/<name>/README.md`.

Two checks read the same path shape: the registry rules (a module's own README is the
authority on its own name and versions) and tf-lang (a registry README labels Terraform
`tf`, Coder's house style). One reading serves both.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import NamedTuple

KINDS = ("modules", "templates")


class ReadmePlace(NamedTuple):
    namespace: str | None  # the folder above `modules/` or `templates/`, when there is one
    kind: str | None  # `modules` or `templates`; None for a README elsewhere
    name: str  # the folder the README documents


def readme_place(path: str) -> ReadmePlace | None:
    """The place of a README (`.../modules/code-server/README.md`); None for any other page."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if len(parts) < 2 or parts[-1].lower() != "readme.md":
        return None
    kind = parts[-3].lower() if len(parts) >= 3 and parts[-3].lower() in KINDS else None
    namespace = parts[-4] if kind and len(parts) >= 4 else None
    return ReadmePlace(namespace, kind, parts[-2])
