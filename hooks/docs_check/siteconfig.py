"""mkdocs.yml read without a build engine: the one reader the CLI, the site checker and the
tests share.

The file's custom tags are tolerated the way an engine would resolve them where that can be
done without running code: `!ENV` takes the first variable set, else its default; Python tags
(`!!python/name:...`, `!!python/object/apply:...`) and other `!tags` read as None, since
evaluating them is the engine's job.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .config import ConfigError


class _Loader(yaml.SafeLoader):
    pass


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
    else:
        names = [loader.construct_scalar(node)]  # type: ignore[arg-type]
    *keys, default = names if len(names) > 1 else [*names, None]
    for key in keys:
        if isinstance(key, str) and key in os.environ:
            return os.environ[key]
    return default


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: str | Path) -> dict[str, Any]:
    """The configuration as a plain dict ({} for an empty file); ConfigError if unreadable."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # a SafeLoader subclass
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return data if isinstance(data, dict) else {}


def folder_setting(config_file: Path, key: str, default: str) -> Path:
    """A folder the configuration names (`docs_dir`, `site_dir`), following INHERIT
    (properdocs.yml: `INHERIT: mkdocs.yml`), relative to the file that sets it, as the engines
    resolve it; `default` beside `config_file` when no file in the chain sets it."""
    seen: set[Path] = set()
    current = Path(config_file).resolve()
    while current not in seen:
        seen.add(current)
        data = read_mkdocs_yml(current)
        if data.get(key):
            return (current.parent / str(data[key])).resolve()
        parent = data.get("INHERIT")
        if not isinstance(parent, str):
            break
        current = (current.parent / parent).resolve()
    return (Path(config_file).resolve().parent / default).resolve()
