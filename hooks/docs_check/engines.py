"""The build engines `docs-check build` and `docs-check serve` can run, and how to run each.

One small table: the command, the package that provides it (named in the error when it is
missing), the configuration files it reads (first one present wins) and how it is told where
to write the site. Nothing here checks anything: every engine builds with `DOCS_CHECKS=off`,
and the checks run around it (docs_check.pipeline).
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ENGINE = "mkdocs"


@dataclass(frozen=True)
class EngineSpec:
    name: str
    command: str  # the executable
    install: str  # what `pip install` needs (the exact pin of requirements.txt)
    config_files: tuple[str, ...]  # read from the project folder, first one present wins
    # True: `-d DIR` names the output folder. False: the engine has no such option and reads
    # site_dir from the configuration, which takes it from DOCS_SITE_DIR (mkdocs.yml:
    # `site_dir: !ENV [DOCS_SITE_DIR, site]`).
    site_dir_option: bool
    # Zensical refuses a site_dir outside the project folder (its config.py).
    site_inside_project: bool
    # (rule, page URL) of built-site findings on the theme's own markup (path `theme`) that are
    # how the engine's theme is written, not a reader's broken link; each one says why.
    theme_allowances: tuple[tuple[str, str], ...] = ()


ENGINES: dict[str, EngineSpec] = {
    spec.name: spec
    for spec in (
        EngineSpec("mkdocs", "mkdocs", "mkdocs==1.6.1", ("mkdocs.yml",), True, False),
        EngineSpec("properdocs", "properdocs", "properdocs==1.6.7", ("properdocs.yml", "mkdocs.yml"), True, False),
        # Zensical's theme links the home page's logo and its "Home" entry as href="": on the
        # home page that is the page itself, where those links lead.
        EngineSpec("zensical", "zensical", "zensical==0.0.73", ("mkdocs.yml",), False, True,
                   theme_allowances=(("link-empty-href", "/"),)),
    )
}


class EngineError(Exception):
    """The engine is unknown, missing, or its build failed: one line that names the fix."""


def engine(name: str) -> EngineSpec:
    spec = ENGINES.get(name)
    if spec is None:
        hint = difflib.get_close_matches(name.lower(), list(ENGINES), n=1, cutoff=0.4)
        names = ", ".join(ENGINES)
        raise EngineError(f"--engine {name}: no such engine" + (f" (did you mean {hint[0]}?)" if hint else "")
                          + f"; the engines are {names}")
    return spec


def executable(spec: EngineSpec) -> str:
    """The engine's command: on PATH, else beside the running Python (the same virtualenv,
    when docs-check is run as `.venv/bin/docs-check` without activating it)."""
    found = shutil.which(spec.command) or shutil.which(spec.command, path=str(Path(sys.executable).parent))
    if found is None:
        raise EngineError(f"{spec.name} is not installed (no `{spec.command}` on PATH): "
                          f"pip install {spec.install}")
    return found


def config_file(spec: EngineSpec, project: Path, given: Path | None = None) -> Path:
    if given is not None:
        if not given.is_file():
            raise EngineError(f"{given}: no such configuration file")
        return given
    for name in spec.config_files:
        if (project / name).is_file():
            return project / name
    raise EngineError(f"{project}: no {' or '.join(spec.config_files)} for {spec.name} to build from")


def build_command(spec: EngineSpec, config: Path, site_dir: Path) -> tuple[list[str], dict[str, str]]:
    """The argv and the environment (beside os.environ) of one build into `site_dir`."""
    argv = [executable(spec), "build", "-f", str(config)]
    env = {"DOCS_CHECKS": "off", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if spec.site_dir_option:
        argv += ["-d", str(site_dir)]
    else:
        env["DOCS_SITE_DIR"] = str(site_dir)
    return argv, env


def serve_command(spec: EngineSpec, config: Path, extra: list[str]) -> list[str]:
    return [executable(spec), "serve", "-f", str(config), *extra]


# What an engine's failing output says, most telling first: MkDocs and ProperDocs log
# `ERROR -  ...` before `Aborted with a configuration error!`; Zensical prints `Error: ...`.
_ERROR_LINES = (re.compile(r"^ERROR\b"), re.compile(r"^(?:Error|error)\b|\b\w*(?:Error|Exception):"),
                re.compile(r"^Aborted\b"))


def error_line(log: str) -> str:
    """The line of an engine's output that says why it failed: a traceback's last line, else
    the most telling error line, else the last line it printed."""
    lines = [re.sub(r"\s+", " ", line.strip()) for line in log.splitlines() if line.strip()]
    if not lines:
        return "(it printed nothing)"
    if any(line.startswith("Traceback") for line in lines):
        return lines[-1]
    for pattern in _ERROR_LINES:
        for line in lines:
            if pattern.search(line):
                return line
    return lines[-1]


def environment(extra: dict[str, str]) -> dict[str, str]:
    return {**os.environ, **extra}
