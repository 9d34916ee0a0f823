"""The vendored data files (registry catalog, provider schema): where they are, and loading them.

Both follow one rule: an environment variable wins, then the configuration, then the copy
vendored in the package. A bad file is a ConfigError naming the path, never a traceback.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from .config import Config, ConfigError

T = TypeVar("T")


def locate(env: str, config: Config | None, section: str, key: str, default: Path) -> Path:
    """`$env`, else `[tool.docs-check.<section>] <key>` (relative to the config file), else `default`."""
    value = os.environ.get(env)
    if value:
        return Path(value)
    if config is not None:
        configured = config.option(section, key, None, str)
        if configured:
            path = Path(configured)
            return path if path.is_absolute() else config.root / path
    return default


def load(path: Path, what: str, build: Callable[[Any, Path], T], hint: str = "") -> T:
    """`build(json_data, path)`, parsed once per process and file version.

    The cache key holds the file's size and modification time, so an edited file is seen by
    a long-running `mkdocs serve`.
    """
    try:
        st = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the {what}: {exc.strerror or exc}") from None
    return _load(str(path), st.st_mtime_ns, st.st_size, what, build, hint)


@cache
def _load(path: str, _mtime: int, _size: int, what: str, build: Callable[[Any, Path], T], hint: str) -> T:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the {what}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}: the {what} is not valid JSON: {exc}") from None
    try:
        return build(data, Path(path))
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ConfigError(f"{path}: not a {what} ({type(exc).__name__}: {exc}){hint}") from None
