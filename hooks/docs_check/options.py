"""The command line's shared pieces: the parser and its common options, the configuration
they select, the Markdown files to check, and printing findings with the exit status.

`docs-check` (cli.py) and its build subcommands (pipeline.py, parity.py) all read them here,
so each subcommand parses, configures and reports as the others do.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import configfile, report
from .build import validate
from .config import Config, ConfigError
from .findings import Finding
from .rules import suggest
from .ruleset import all_rules
from .siteconfig import folder_setting, read_mkdocs_yml

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 itself; keep our prefix
        self.print_usage(sys.stderr)
        print(f"docs-check: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=report.FORMATS, default="text", help="report format (default: text)")
    p.add_argument("--config", type=Path, help="pyproject.toml to read [tool.docs-check] from")
    p.add_argument("--select", action="append", default=[], metavar="RULES",
                   help="only these rule ids or prefixes (comma-separated, repeatable)")
    p.add_argument("--ignore", action="append", default=[], metavar="RULES",
                   help="never these rule ids or prefixes (comma-separated, repeatable)")
    p.add_argument("--fail-on", choices=("error", "warning", "info"),
                   help="lowest severity that makes the exit status 1 (default from config: warning)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")


def load_config(args: argparse.Namespace) -> Config:
    pyproject = args.config if args.config else configfile.find_pyproject(Path.cwd())
    if args.config and not args.config.is_file():
        raise ConfigError(f"{args.config}: no such file")
    mkdocs_yml = find_mkdocs_yml(pyproject)
    extra = read_mkdocs_yml(mkdocs_yml).get("extra", {}) if mkdocs_yml else {}
    cfg = configfile.load(pyproject, (extra or {}).get("docs_check"))
    overrides: dict[str, object] = {}
    if args.select:
        overrides["select"] = _rule_ids(args.select, "--select")
    if args.ignore:
        overrides["ignore"] = list(cfg.ignore) + _rule_ids(args.ignore, "--ignore")
    if args.fail_on:
        overrides["fail-on"] = args.fail_on
    if overrides:
        source, cfg.source = cfg.source, "command line"
        configfile.apply(cfg, overrides)
        cfg.source = source
    validate(cfg)
    return cfg


def _rule_ids(values: list[str], option: str) -> list[str]:
    """Comma-separated rule ids or `family-` prefixes; an unknown one is a usage error."""
    known = all_rules()
    ids = [v.strip() for value in values for v in value.split(",") if v.strip()]
    for rid in ids:
        if rid in known or (rid.endswith("-") and any(k.startswith(rid) for k in known)):
            continue
        hint = suggest(rid, tuple(known))
        raise UsageError(
            f"{option} {rid}: no such rule" + (f" (did you mean {hint}?)" if hint else "")
            + "; `docs-check rules` lists them"
        )
    return ids


def find_mkdocs_yml(pyproject: Path | None, here: Path | None = None) -> Path | None:
    """The mkdocs.yml `docs-check` reads run from `here` (default: the current folder):
    here, else beside pyproject.toml."""
    for folder in (here or Path.cwd(), pyproject.parent if pyproject else None):
        if folder is not None and (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return None


def default_docs_dir() -> Path:
    mkdocs_yml = Path("mkdocs.yml")
    if not mkdocs_yml.is_file():
        raise UsageError("no PATH given and no mkdocs.yml here to take docs_dir from")
    docs_dir = folder_setting(mkdocs_yml, "docs_dir", "docs")
    # Relative to here when it lies below, so reports read `docs/page.md:3:1` as for a PATH given.
    return Path(os.path.relpath(docs_dir)) if docs_dir.is_relative_to(Path.cwd().resolve()) else docs_dir


# Folders of files nobody writes as docs: installed packages (`node_modules`) and Go's test
# inputs (`testdata`, which the go tool ignores too: a generator's expected output, a linter's
# broken examples, kept byte for byte because tests read them).
SKIPPED_FOLDERS = frozenset(("node_modules", "testdata"))


def _skipped(part: str) -> bool:
    return part.startswith(".") or part in SKIPPED_FOLDERS


# A test tree's inputs sit deep in it (bat's `tests/syntax-tests/source/Markdown/alerts.md`, a
# page of broken alerts to highlight, ninety-third sample); its docs sit near its top
# (`tests/README.md`, `test/e2e/README.md`, `test/fixtures/minimal/README.md`).
TEST_FOLDERS = frozenset(("test", "tests"))
TEST_INPUT_DEPTH = 3


def _test_input(folders: tuple[str, ...]) -> bool:
    """Is a page this many folders or more below a `test` or `tests` folder?"""
    return any(part in TEST_FOLDERS and len(folders) - i - 1 >= TEST_INPUT_DEPTH for i, part in enumerate(folders))


def _walked(folders: tuple[str, ...]) -> bool:
    """Are a page's folders (below the root given) ones whose pages are docs?"""
    return not any(map(_skipped, folders)) and not _test_input(folders)


def collect(paths: Sequence[Path], cfg: Config) -> list[tuple[str, Path]]:
    """Markdown files under `paths`, sorted; hidden folders are skipped unless named, as MkDocs
    does, and so are `node_modules`, `testdata` and a test tree's inputs (`_test_input`)."""
    out: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for root in paths:
        if root.is_file():
            candidates = [root]
        elif root.is_dir():
            candidates = sorted(
                p for p in root.rglob("*.md")
                if _walked(p.relative_to(root).parent.parts) and not p.name.startswith(".")
                and not p.is_dir()  # a folder may be named like a page (the `agents.md` repository)
            )
        else:
            raise UsageError(f"{root}: no such file or folder")
        for path in candidates:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            display = display_path(path)
            rel = path.relative_to(root).as_posix() if root.is_dir() else path.name
            if cfg.excluded(display) or cfg.excluded(rel):
                continue
            _readable(path, display)
            out.append((display, path))
    return out


def _readable(path: Path, display: str) -> None:
    """An unreadable file is the caller's problem to fix (exit 2), not a finding in it."""
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise UsageError(f"{display}: cannot read: {exc.strerror or exc}") from None


def display_path(path: Path) -> str:
    # abspath, not resolve: a symbolic link is reported under its own name.
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def write_out(text: str) -> None:
    """Standard output as bytes: a file's undecodable bytes (kept as surrogates) go out as
    they came in, whatever the locale, so a diff still applies to the file."""
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    sys.stdout.buffer.flush()


def use_colour(choice: str, stream: object = None) -> bool:
    """--color=always|never, or auto: a terminal, unless NO_COLOR is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream if stream is not None else sys.stdout
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def emit(findings: list[Finding], files: int, cfg: Config, args: argparse.Namespace) -> int:
    write_out(report.render(findings, args.format, colour=use_colour(args.color)))
    if args.format == "text" and not args.quiet:
        print(report.summary(findings, files), file=sys.stderr)
    failing = any(f.severity >= cfg.fail_on for f in findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN
