"""What a site build needs from docs_check: check pages, collect findings, write the report.

It knows nothing of MkDocs' objects: the hook in `hooks/` passes plain paths and text, so
the same session can serve another build engine after Material's end of life.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config as config_mod
from . import report
from .config import Config
from .engine import Engine, check_files
from .findings import Finding, Severity

LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}
DEFAULT_REPORT = ".docs-check/report.json"


def checks_enabled() -> bool:
    """`DOCS_CHECKS=off` turns every check off and leaves rendering as it is (for baselines)."""
    return os.environ.get("DOCS_CHECKS", "on").strip().lower() not in ("off", "0", "false", "no")


@dataclass
class BuildSession:
    config: Config
    root: Path  # the folder of mkdocs.yml; reported paths are relative to it
    serving: bool = False
    engine: Engine = field(init=False)
    findings: dict[str, list[Finding]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.engine = Engine(self.config)

    @classmethod
    def create(cls, config_file: str | Path, extra: dict[str, Any] | None, *, serving: bool = False) -> BuildSession:
        """Configuration from the pyproject.toml beside mkdocs.yml and from `extra.docs_check`."""
        root = Path(config_file).resolve().parent
        cfg = config_mod.load(root / "pyproject.toml", (extra or {}).get("docs_check"))
        return cls(cfg, root, serving)

    def display(self, abs_path: str | Path) -> str:
        try:
            return Path(abs_path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return Path(abs_path).as_posix()

    def precheck(self, sources: Iterable[str | Path]) -> None:
        """Check every page up front on all cores; `check_page` then finds them in the cache."""
        items = [(self.display(p), Path(p)) for p in sources]
        items = [(d, p) for d, p in items if not self.config.excluded(d)]
        if len(items) < 2:
            return
        for (display, path), (_, found) in zip(items, check_files(items, self.config), strict=True):
            try:
                data = path.read_bytes()
            except OSError:
                continue
            self.engine.cache[self.engine.key(data, display)] = found

    def check_page(self, abs_path: str | Path, text: str) -> list[Finding]:
        """Check the file as it is on disk (BOM and line endings included, so lines match the
        CLI's); `text` is the fallback for pages that have no file."""
        display = self.display(abs_path)
        if self.config.excluded(display):
            return []
        try:
            data: str | bytes = Path(abs_path).read_bytes()
        except OSError:
            data = text
        found = self.engine.check(data, display)
        self.findings[display] = found
        return found

    def all_findings(self) -> list[Finding]:
        return [f for path in sorted(self.findings) for f in self.findings[path]]

    def write_report(self, path: str | None = None) -> Path:
        target = self.root / (path or self.config.report or DEFAULT_REPORT)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = [report.as_dict(f) for f in self.all_findings()]
        target.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        return target


def log_findings(logger: logging.Logger, findings: Sequence[Finding]) -> None:
    for f in findings:
        logger.log(LEVELS[f.severity], f.format())
