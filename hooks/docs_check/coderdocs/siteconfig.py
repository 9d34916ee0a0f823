"""What a Coder docs tree puts in the engine's configuration: nav, states, redirects.

MkDocs, ProperDocs and Zensical all read mkdocs.yml with PyYAML's full loader, which
evaluates `!!python/object/apply:` tags. mkdocs.yml calls these functions that way, so the
one configuration file gives every engine the same navigation, badges and redirects with no
hook and no step before the build:

    nav: !!python/object/apply:docs_check.coderdocs.siteconfig.nav []
    extra:
      status: !!python/object/apply:docs_check.coderdocs.siteconfig.status []
    plugins:
      - redirects:
          redirect_maps: !!python/object/apply:docs_check.coderdocs.siteconfig.redirect_maps
            - {old.md: new.md}

A tag's function gets only its arguments, not the file being read, so `docs_tree` finds the
docs tree of the configuration the engine is loading (the file named on its command line,
`DOCS_DIR` and `INHERIT` included) as the engine itself resolves it.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from pathlib import Path
from typing import Any

import yaml

from ..siteconfig import folder_setting
from . import manifest as manifests
from . import redirects

log = logging.getLogger("mkdocs.coder_docs")
_CONFIG_SUFFIXES = (".yml", ".yaml")


class TreeConfigError(yaml.YAMLError):
    """A broken manifest.json: each engine reports a YAML error as a one-line configuration
    error (MkDocs: "Config value ...", Zensical: "Encountered an error parsing ...")."""


def loading_config_file() -> Path | None:
    """The outermost YAML configuration file the engine is reading right now (a config that
    INHERITs another is read first and holds the other's read on the stack), or None."""
    found: Path | None = None
    frame = sys._getframe(1)
    while frame is not None:
        for value in frame.f_locals.values():
            name = getattr(value, "name", None) if isinstance(value, io.IOBase) else None
            if isinstance(name, str) and name.endswith(_CONFIG_SUFFIXES) and os.path.isfile(name):
                found = Path(name).resolve()
        frame = frame.f_back
    return found


def docs_tree() -> Path:
    """The docs folder of the configuration being loaded (`./docs` outside an engine)."""
    config_file = loading_config_file()
    if config_file is None:
        return Path(os.environ.get("DOCS_DIR") or "docs").resolve()
    return folder_setting(config_file, "docs_dir", "docs")


def tree_manifest(docs: Path | None = None) -> manifests.Manifest | None:
    """The tree's manifest.json, or None when it has none. A broken one stops the load with
    its position (TreeConfigError)."""
    path = (docs or docs_tree()) / manifests.FILENAME
    if not path.is_file():
        return None
    try:
        return manifests.load(path)
    except manifests.ManifestError as exc:
        raise TreeConfigError(f"coder_docs: {exc}") from None


def nav() -> list[dict[str, Any]]:
    """The navigation from manifest.json; [] (each engine's own navigation) without one."""
    manifest = tree_manifest()
    return manifests.nav(manifest) if manifest else []


def status() -> dict[str, str]:
    """{state id: label} for every state the manifest uses: Material's and Zensical's
    `extra.status`, which titles the badge beside a page whose meta has `status`."""
    manifest = tree_manifest()
    return manifests.states(manifest) if manifest else {}


def redirect_maps(maps: dict[str, str] | None = None) -> dict[str, str]:
    """`maps` less the redirects that do not apply to the tree being built (see redirects)."""
    docs = docs_tree()
    kept, dropped = redirects.applicable(dict(maps or {}), lambda p: (docs / p).is_file())
    for src, dest in dropped.items():
        log.info("redirect %s -> %s does not apply to %s; left out", src, dest, docs)
    return kept
