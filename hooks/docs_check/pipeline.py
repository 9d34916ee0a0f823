"""`docs-check build` and `docs-check serve`: the checks around any build engine.

    docs-check build [--engine mkdocs|properdocs|zensical] [--site-dir DIR] [-f CONFIG] [options]
    docs-check serve [--engine E] [-f CONFIG] [engine options...]

`build` runs the Markdown checks over docs_dir (the pass `docs-check` runs) while the engine
builds with `DOCS_CHECKS=off` into a new folder beside the target, then the built-site link
checks (`docs-check site`) on that folder. Findings print as `docs-check` prints them and
go to the report file. Only when nothing fails is the new site moved into place: a deploy
step never sees a half-written or failing `--site-dir`. Exit 0 clean, 1 a finding at or
above fail-on, 2 a usage, configuration or engine error (one line, the site left as it was).

`serve` runs the engine's own `serve` on the project's configuration, for a writer's preview.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import report
from .build import DEFAULT_REPORT
from .config import Config
from .engine import check_files
from .engines import (
    DEFAULT_ENGINE,
    ENGINES,
    EngineError,
    EngineSpec,
    build_command,
    config_file,
    engine,
    environment,
    error_line,
    executable,
    serve_command,
)
from .findings import Finding
from .fixes import write_atomic
from .options import (
    EXIT_CLEAN,
    EXIT_USAGE,
    Parser,
    add_common,
    collect,
    display_path,
    emit,
    load_config,
)
from .siteconfig import folder_setting

EXIT_USAGE = EXIT_USAGE


def build_main(argv: Sequence[str]) -> int:
    args = _build_parser().parse_args(list(argv))
    try:
        return _build(args)
    except EngineError as exc:
        print(f"docs-check build: error: {exc}", file=sys.stderr)
        return EXIT_USAGE


def serve_main(argv: Sequence[str]) -> int:
    args, rest = _serve_parser().parse_known_args(list(argv))
    try:
        spec = engine(args.engine)
        config = config_file(spec, Path.cwd(), args.config_file)
        argv_ = serve_command(spec, config, rest)
    except EngineError as exc:
        print(f"docs-check serve: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    # The engine takes this process's place: Ctrl-C, signals and the exit status are its own.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(argv_[0], argv_, environment({}))
    return EXIT_USAGE  # not reached


def _engine_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", default=DEFAULT_ENGINE, metavar="|".join(ENGINES),
                   help=f"the build engine (default: {DEFAULT_ENGINE})")
    p.add_argument("-f", "--config-file", type=Path, metavar="CONFIG",
                   help="the engine's configuration (default: mkdocs.yml here; properdocs.yml first for properdocs)")


def _build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="docs-check build", description=__doc__,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    _engine_option(p)
    p.add_argument("--site-dir", type=Path, metavar="DIR",
                   help="where the site goes (default: site_dir of the configuration)")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    add_common(p)
    return p


def _serve_parser() -> argparse.ArgumentParser:
    p = Parser(prog="docs-check serve", description="Preview the site with the engine's own serve "
                    "(other options go to the engine, e.g. -a 127.0.0.1:8001).")
    _engine_option(p)
    return p


# -- docs-check build -----------------------------------------------------------------------


def _build(args: argparse.Namespace) -> int:
    spec = engine(args.engine)
    executable(spec)  # a missing engine stops the run before any work
    config_path = config_file(spec, Path.cwd(), args.config_file)
    project = config_path.resolve().parent
    cfg = load_config(args)
    if args.jobs is not None:
        cfg.jobs = args.jobs
    docs_dir = folder_setting(config_path, "docs_dir", "docs")
    target = (args.site_dir or folder_setting(config_path, "site_dir", "site")).absolute()
    if target.exists() and not target.is_dir():
        raise EngineError(f"--site-dir {target}: not a folder")

    files = collect([docs_dir], cfg)
    staging = _staging_dir(spec, target, project)
    try:
        # The Markdown checks run in a process of their own while the engine builds: the
        # engine keeps one core busy, the checks take the others (one at least), and their
        # memory is gone once they are done, before the site checks start.
        jobs = cfg.jobs or max(1, (os.cpu_count() or 1) - 1)
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            markdown = pool.submit(check_markdown, files, cfg, jobs)
            warnings = _run_engine(spec, config_path, staging, cfg)
            findings = markdown.result()
        from .site import check_site

        site_findings, _pages = check_site(staging, cfg, docs_dir=docs_dir)
        findings.extend(f for f in site_findings if not _allowed(spec, f))
        findings.sort(key=Finding.sort_key)
        _write_report(findings, cfg)
        status = emit(findings, len(files), cfg, args)
        if warnings and not args.quiet and args.format == "text":
            print(f"{spec.name} itself warned {warnings} time{'s' * (warnings != 1)} "
                  f"(see {_shown(_log_path(spec, cfg))}).", file=sys.stderr)
        if status == EXIT_CLEAN:
            _install(staging, target)
            if not args.quiet and args.format == "text":
                print(f"Built with {spec.name} into {_shown(target)}.", file=sys.stderr)
        elif not args.quiet and args.format == "text":
            print(f"{_shown(target)} left as it was (findings at or above {cfg.fail_on}).", file=sys.stderr)
        return status
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check_markdown(files: list[tuple[str, Path]], cfg: Config, jobs: int) -> list[Finding]:
    """The pass `docs-check` runs over the same files."""
    return [f for _display, found in check_files(files, cfg, jobs) for f in found]


def _allowed(spec: EngineSpec, f: Finding) -> bool:
    return f.path == "theme" and (f.rule, f.page) in spec.theme_allowances


def _shown(path: Path) -> str:
    return display_path(path)


def _staging_dir(spec: EngineSpec, target: Path, project: Path) -> Path:
    """A new, empty folder on the target's filesystem (so moving it is a rename), or inside
    the project for an engine that writes nowhere else."""
    parent = target.parent
    if spec.site_inside_project and not parent.resolve().is_relative_to(project):
        parent = project / ".docs-check"
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp's 0700 would follow the site into place
    return staging


def _log_path(spec: EngineSpec, cfg: Config) -> Path:
    return cfg.root / ".docs-check" / f"{spec.name}-build.log"


def _run_engine(spec: EngineSpec, config_path: Path, staging: Path, cfg: Config) -> int:
    """Build into `staging`; the number of warnings the engine logged (its own, not ours)."""
    argv, extra = build_command(spec, config_path, staging)
    log_path = _log_path(spec, cfg)
    log_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run(argv, cwd=config_path.resolve().parent, env=environment(extra),
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace")
    except OSError as exc:
        raise EngineError(f"{spec.name} could not start: {exc.strerror or exc}") from None
    log = proc.stdout
    log_path.write_text(log, encoding="utf-8")
    if proc.returncode != 0:
        raise EngineError(f"{spec.name} build failed (exit {proc.returncode}): {error_line(log)} "
                          f"(full log: {_shown(log_path)})")
    if not (staging / "index.html").is_file() and not any(staging.iterdir()):
        raise EngineError(f"{spec.name} built nothing into {_shown(staging)}: does the configuration "
                          "read site_dir from DOCS_SITE_DIR (site_dir: !ENV [DOCS_SITE_DIR, site])?")
    return sum(1 for line in log.splitlines() if line.startswith(("WARNING", "Warning:")))


def _write_report(findings: list[Finding], cfg: Config) -> Path:
    target = cfg.root / (cfg.report or DEFAULT_REPORT)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = [report.as_dict(f) for f in findings]
    write_atomic(target, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
    return target


def _install(staging: Path, target: Path) -> None:
    """Put the new site where the old one was: two renames, so the target is at every moment
    either the old complete site, absent, or the new complete site."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if staging.parent != target.parent:  # built inside the project, published elsewhere
        beside = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
        beside.chmod(staging.stat().st_mode & 0o777)
        shutil.copytree(staging, beside, dirs_exist_ok=True)
        shutil.rmtree(staging)
        staging = beside
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
