"""What a site build needs from docs_check: check pages, collect findings, write the report.

It knows nothing of MkDocs' objects: the hook in `hooks/` passes plain paths and text, so
the same session can serve another build engine after Material's end of life.

Under `mkdocs serve` every rebuild makes a new session, but the results of the previous
one are kept (by content) as long as the configuration, its input files and the tree around
the pages (which pages exist, the manifest) are unchanged, so a rebuild after an edit
re-checks only the pages that changed.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import configfile, report
from .coderdocs.manifest import FILENAME as MANIFEST
from .config import Config
from .engine import PARALLEL_THRESHOLD, Engine, check_files, submit_check, worker_pool
from .findings import Finding, Severity
from .fixes import write_atomic

LEVELS = {Severity.ERROR: logging.ERROR, Severity.WARNING: logging.WARNING, Severity.INFO: logging.INFO}
DEFAULT_REPORT = ".docs-check/report.json"
_DATA = Path(__file__).parent / "data"
_KEPT_ENGINES = 4  # distinct configurations remembered between rebuilds


def checks_enabled() -> bool:
    """`DOCS_CHECKS=off` turns every check off and leaves rendering as it is (for baselines)."""
    return os.environ.get("DOCS_CHECKS", "on").strip().lower() not in ("off", "0", "false", "no")


def validate(config: Config) -> None:
    """Let every part vet its own `[tool.docs-check.*]` section now, so a bad key or value is
    a configuration error before any page is built, under `mkdocs build` as in `docs-check`.

    Each Markdown check module and the site checker (`docs_check.site`) define
    `validate_config(config)`, which raises ConfigError.
    """
    from . import site
    from .checks import CHECK_MODULES

    modules = [importlib.import_module(f"docs_check.checks.{name}") for name in CHECK_MODULES]
    for module in [*modules, site]:
        hook = getattr(module, "validate_config", None)
        if hook is not None:
            hook(config)


def input_files(config: Config) -> list[Path]:
    """Files whose content changes findings without changing a page: the configuration's
    own file, files it names (word lists...), and the package's bundled data."""
    out = [Path(config.source)] if config.source.endswith(".toml") else []
    for section in config.sections.values():
        for value in section.values():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and item and len(item) < 4096:
                    candidate = config.root / item
                    if candidate.is_file():
                        out.append(candidate)
    if _DATA.is_dir():
        out.extend(sorted(p for p in _DATA.iterdir() if p.is_file()))
    return out


def _token(config: Config, root: Path) -> str:
    # The root too: a check may read files beside the page (a docs tree's manifest.json).
    h = hashlib.sha256(f"{root}\0{config.fingerprint()}".encode())
    for path in input_files(config):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path}\0{st.st_mtime_ns}\0{st.st_size}\n".encode())
    return h.hexdigest()[:24]


def tree_stamp(pages: Iterable[str | Path]) -> str:
    """What the checks read beside a page, in one value: which pages the tree has (a link to
    a page is judged by whether it exists) and every manifest.json above them (it says which
    pages coder.com publishes). Under `mkdocs serve`, adding a page or editing the manifest
    changes it, so pages that link there are checked again rather than served from cache."""
    h = hashlib.sha256()
    folders: set[Path] = set()
    for page in sorted(str(p) for p in pages):
        h.update(page.encode("utf-8", "surrogateescape") + b"\n")
        folder = Path(page).parent
        while folder not in folders:
            folders.add(folder)
            folder = folder.parent
    for folder in sorted(folders):
        try:
            st = (folder / MANIFEST).stat()
        except OSError:
            continue
        h.update(f"{folder}\0{st.st_mtime_ns}\0{st.st_size}\n".encode())
    return h.hexdigest()[:24]


_ENGINES: dict[str, Engine] = {}


def _engine_for(config: Config, root: Path) -> Engine:
    token = _token(config, root)
    engine = _ENGINES.pop(token, None)
    if engine is None:
        engine = Engine(config)
    else:
        engine.config = config
    _ENGINES[token] = engine  # most recently used last
    while len(_ENGINES) > _KEPT_ENGINES:
        del _ENGINES[next(iter(_ENGINES))]
    return engine


@dataclass
class BuildSession:
    config: Config
    root: Path  # the folder of mkdocs.yml; reported paths are relative to it
    serving: bool = False
    engine: Engine = field(init=False)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    _live: set[str] = field(default_factory=set)  # cache keys of this build's pages
    _pool: ProcessPoolExecutor | None = field(default=None, repr=False)
    _pending: dict[str, Future[tuple[str, list[Finding]]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.engine = _engine_for(self.config, self.root)

    @classmethod
    def create(cls, config_file: str | Path, extra: dict[str, Any] | None, *, serving: bool = False) -> BuildSession:
        """Configuration from the pyproject.toml beside mkdocs.yml and from `extra.docs_check`."""
        root = Path(config_file).resolve().parent
        cfg = configfile.load(root / "pyproject.toml", (extra or {}).get("docs_check"))
        cfg.root = root  # paths in the configuration (word lists) are relative to the site's folder
        validate(cfg)
        return cls(cfg, root, serving)

    def display(self, abs_path: str | Path) -> str:
        try:
            return Path(abs_path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return Path(abs_path).as_posix()

    def precheck(self, sources: Iterable[str | Path]) -> None:
        """Check every page not already cached, on all cores; `check_page` then finds them."""
        sources = list(sources)
        self.engine.context = tree_stamp(sources)
        todo: list[tuple[str, Path]] = []
        contents: list[bytes] = []
        for p in sources:
            display, path = self.display(p), Path(p)
            if self.config.excluded(display):
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            key = self.engine.key(data, display)
            self._live.add(key)
            if key not in self.engine.cache:
                todo.append((display, path))
                contents.append(data)
        if len(todo) < 2:
            return  # one page: check_page does it, with no process to start
        if len(todo) < PARALLEL_THRESHOLD or (self.config.jobs or os.cpu_count() or 1) <= 1:
            for data, (display, _), (_, found) in zip(contents, todo, check_files(todo, self.config), strict=True):
                self.engine.cache[self.engine.key(data, display)] = found
                self.engine.misses += 1
            return
        # Many pages: check them in worker processes while MkDocs renders, instead of before;
        # `check_page` collects each page's result when MkDocs reaches that page.
        self.close()
        self._pool = worker_pool(self.config)
        for data, (display, path) in zip(contents, todo, strict=True):
            self._pending[self.engine.key(data, display)] = submit_check(self._pool, display, path)

    def check_page(self, abs_path: str | Path, text: str) -> list[Finding]:
        """Check the file as it is on disk (BOM and line endings included, so lines match the
        CLI's); `text` is the fallback for pages that have no file."""
        display = self.display(abs_path)
        if self.config.excluded(display):
            return []
        try:
            data: bytes = Path(abs_path).read_bytes()
        except OSError:
            data = text.encode("utf-8", "surrogateescape")
        key = self.engine.key(data, display)
        self._live.add(key)
        pending = self._pending.pop(key, None)
        if pending is not None:
            self.engine.cache[key] = pending.result()[1]
            self.engine.misses += 1
        found = self.engine.check(data, display)
        self.findings[display] = found
        return found

    def close(self) -> None:
        """Stop the worker processes of `precheck` (after a build, or before the next one)."""
        if self._pool is not None:
            for future in self._pending.values():
                future.cancel()
            self._pending.clear()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def page_findings(self, abs_path: str | Path) -> list[Finding]:
        return self.findings.get(self.display(abs_path), [])

    def all_findings(self) -> list[Finding]:
        return [f for path in sorted(self.findings) for f in self.findings[path]]

    def report_path(self, path: str | None = None) -> Path:
        return self.root / (path or self.config.report or DEFAULT_REPORT)

    def write_report(self, path: str | None = None) -> Path:
        """The findings of this build as JSON (`report.as_dict` objects), for CI annotations.

        Written atomically, so a reader never sees half a report; results of pages that are
        no longer part of the site are dropped from the cache here.
        """
        target = self.report_path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = [report.as_dict(f) for f in self.all_findings()]
        write_atomic(target, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
        if self._live:
            for key in [k for k in self.engine.cache if k not in self._live]:
                del self.engine.cache[key]
        return target

    def watch_paths(self) -> list[Path]:
        """Files `mkdocs serve` should also watch: the configuration and the word lists."""
        return [p for p in input_files(self.config) if p.parent != _DATA]


def log_findings(logger: logging.Logger, findings: Sequence[Finding]) -> None:
    for f in findings:
        logger.log(LEVELS[f.severity], f.format())


# -- the session of the build under way -------------------------------------------------------
# Page checks run inside the engine's Markdown rendering (docs_check.extension), which every
# engine runs; only MkDocs and ProperDocs also run the hook that starts a session per build,
# prechecks the pages on every core and writes the report. Engines without hooks (Zensical)
# get a session made on their first page, kept while the site and its settings stay the same.

_active: BuildSession | None = None
_active_key: tuple[str, str, bool] | None = None  # None: started by a hook, for this build


def activate(session: BuildSession | None) -> None:
    """Make `session` the one this process's page checks use (the MkDocs hook, per build)."""
    global _active, _active_key
    _active, _active_key = session, None


def active_session(root: Path, extra: dict[str, Any] | None, *, serving: bool, pages: Iterable[Path]) -> BuildSession:
    """The session checking the build under way: the one a hook activated, else one made
    here for the site at `root` (whose Markdown files are `pages`), kept while its
    configuration is the same. Raises ConfigError on a bad configuration."""
    global _active, _active_key
    if _active is not None and _active_key is None:
        return _active
    key = (str(root), json.dumps((extra or {}).get("docs_check"), sort_keys=True, default=str), serving)
    if _active is None or _active_key != key:
        session = BuildSession.create(root / "mkdocs.yml", extra, serving=serving)
        session.engine.context = tree_stamp(pages)
        _active, _active_key = session, key
    return _active
