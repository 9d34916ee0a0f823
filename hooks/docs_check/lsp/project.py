"""A workspace's configuration, read as `docs-check` reads it when run from that folder.

`[tool.docs-check]` of the nearest pyproject.toml (from the folder up), `extra.docs_check`
of the mkdocs.yml beside it or in the folder, then each check's own validation: the same
functions the CLI calls (`configfile.load`, `build.validate`), without command-line overrides.
A configuration error is kept, not raised: the server reports it on the file it names and
checks nothing until the file is fixed. The files it came from are stamped, so an edit to
any of them is noticed before the next check.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import configfile
from ..build import input_files, validate
from ..config import Config, ConfigError
from ..options import find_mkdocs_yml
from ..siteconfig import folder_setting, read_mkdocs_yml

# "path/pyproject.toml: [tool.docs-check] ..." or "mkdocs.yml: unknown key ..."
_FILE_PREFIX = re.compile(r"^(?P<file>[^\n:]*?(?:pyproject\.toml|mkdocs\.ya?ml|\.toml|\.txt))(?::|\s)")
_TOML_AT = re.compile(r"\(at line (?P<line>\d+), column (?P<col>\d+)\)")
_QUOTED = re.compile(r"'([^'\n]{1,200})'|`([^`\n]{1,200})`|\] ([\w.-]+) =")


@dataclass(frozen=True)
class ConfigProblem:
    """A configuration error, placed on the file and line it is about when that can be told."""

    message: str
    file: Path | None
    line: int = 0  # 0-based
    column: int = 0


@dataclass
class Project:
    root: Path
    config: Config | None = None
    problem: ConfigProblem | None = None
    docs_dir: Path | None = None
    stamps: dict[str, tuple[int, int] | None] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Project:
        project = cls(root)
        pyproject = configfile.find_pyproject(root)
        mkdocs_yml = find_mkdocs_yml(pyproject, root)
        watched = [root / "pyproject.toml", root / "mkdocs.yml"]
        watched += [p for p in (pyproject, mkdocs_yml) if p is not None]
        try:
            mkdocs = read_mkdocs_yml(mkdocs_yml) if mkdocs_yml else {}
            extra = mkdocs.get("extra") or {}
            if not isinstance(extra, dict):
                raise ConfigError(f"{mkdocs_yml}: extra must be a mapping")
            cfg = configfile.load(pyproject, extra.get("docs_check"))
            if pyproject is None:  # the CLI's root is then the folder it runs in: this one
                cfg.root = root
            validate(cfg)
            project.config = cfg
            project.docs_dir = folder_setting(mkdocs_yml, "docs_dir", "docs") if mkdocs_yml else root / "docs"
            watched += input_files(cfg)
        except ConfigError as exc:
            project.problem = locate(str(exc), root, pyproject, mkdocs_yml)
        except Exception as exc:  # a reader's bug must not stop the server: report it the same way
            project.problem = ConfigProblem(
                f"cannot read the configuration ({type(exc).__name__}: {exc})", pyproject or mkdocs_yml
            )
        project.stamps = {str(p): _stamp(p) for p in watched}
        return project

    def stale(self) -> bool:
        """Has a configuration file (or a word list it names, or bundled data) changed?"""
        return any(_stamp(Path(p)) != stamp for p, stamp in self.stamps.items())

    def display_path(self, path: Path) -> str:
        """The path a finding names, as `docs-check` run from the project root prints it."""
        base = self.config.root if self.config is not None else self.root
        for folder in (self.root, base):
            try:
                return Path(os.path.abspath(path)).relative_to(folder.resolve()).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def excluded(self, path: Path) -> bool:
        """Excluded by `exclude`, matched as `docs-check` matches it: from the root or docs_dir."""
        if self.config is None or not self.config.exclude:
            return False
        candidates = [self.display_path(path)]
        if self.docs_dir is not None:
            with contextlib.suppress(ValueError):
                candidates.append(Path(os.path.abspath(path)).relative_to(self.docs_dir.resolve()).as_posix())
        return any(self.config.excluded(c) for c in candidates)


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def locate(message: str, root: Path, pyproject: Path | None, mkdocs_yml: Path | None) -> ConfigProblem:
    """Which file and line a ConfigError is about: the file its message starts with, the line
    TOML's parser names, else the first line that mentions the key or value it quotes."""
    file: Path | None = None
    m = _FILE_PREFIX.match(message)
    if m:
        named = Path(m.group("file"))
        if not named.is_absolute():
            named = (mkdocs_yml.parent if named.name.startswith("mkdocs") and mkdocs_yml else root) / named
        file = named if named.is_file() else None
    if file is None:
        file = mkdocs_yml if message.startswith("mkdocs.yml") else (pyproject or mkdocs_yml)
    if file is None:
        return ConfigProblem(message, None)
    at = _TOML_AT.search(message)
    if at:
        return ConfigProblem(message, file, int(at.group("line")) - 1, int(at.group("col")) - 1)
    return ConfigProblem(message, file, *_mention(file, message))


def _mention(file: Path, message: str) -> tuple[int, int]:
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 0, 0
    rest = message[message.find(":") + 1 :]
    words = [w for groups in _QUOTED.findall(rest) for w in groups if w]
    words += re.findall(r"extra\.docs_check\.([\w-]+)", rest)
    section = _section_line(lines)
    for word in words:
        for n in range(section, len(lines)):
            col = lines[n].find(word)
            if col >= 0:
                return n, col
    return section, 0


def _section_line(lines: list[str]) -> int:
    for n, line in enumerate(lines):
        if line.strip().startswith(("[tool.docs-check", "docs_check:")):
            return n
    return 0
