"""`docs-check`: the checks without MkDocs.

    docs-check [PATH ...]         check Markdown files or folders (default: mkdocs.yml's docs_dir)
    docs-check site DIR           check the links, anchors and assets of a built site
    docs-check rules              list every rule with its default severity

Exit status: 0 clean, 1 findings at or above the failing severity, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import config as config_mod
from . import report
from .config import Config, ConfigError
from .engine import check_document, check_files
from .findings import Finding, Severity
from .fixes import apply_fixes, encode, fixes_of, unified_diff, write_atomic
from .markdown import Document

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
MAX_FIX_PASSES = 4  # overlapping fixes settle in a pass or two; the bound guards against a loop


class UsageError(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["rules"]:
            return _rules(_rules_parser().parse_args(argv[1:]))
        if argv[:1] == ["site"]:
            return _site(_site_parser().parse_args(argv[1:]))
        return _check(_check_parser().parse_args(argv))
    except (ConfigError, UsageError) as exc:
        print(f"docs-check: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


# -- argument parsers ---------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 itself; keep our prefix
        self.print_usage(sys.stderr)
        print(f"docs-check: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _common(p: argparse.ArgumentParser) -> None:
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


def _check_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="docs-check", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", type=Path, help="Markdown files or folders")
    _common(p)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--fix", action="store_true", help="apply every safe fix in place")
    g.add_argument("--diff", action="store_true", help="show what --fix would change; change nothing")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    return p


def _site_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="docs-check site", description="Check a built site's links, anchors and assets.")
    p.add_argument("site_dir", type=Path, help="the built site (mkdocs build's site_dir)")
    p.add_argument("--docs-dir", type=Path, help="the Markdown sources, to map findings back (default: mkdocs.yml's docs_dir)")
    p.add_argument("--online", action="store_true", help="also request external links (needs the network)")
    _common(p)
    return p


def _rules_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="docs-check rules", description="List every rule.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    return p


# -- configuration ------------------------------------------------------------------------


def load_config(args: argparse.Namespace) -> Config:
    pyproject = args.config if args.config else config_mod.find_pyproject(Path.cwd())
    if args.config and not args.config.is_file():
        raise ConfigError(f"{args.config}: no such file")
    mkdocs_yml = _find_mkdocs_yml(pyproject)
    extra = _mkdocs_config(mkdocs_yml).get("extra", {}) if mkdocs_yml else {}
    cfg = config_mod.load(pyproject, (extra or {}).get("docs_check"))
    overrides: dict[str, object] = {}
    if args.select:
        overrides["select"] = _split_ids(args.select)
    if args.ignore:
        overrides["ignore"] = list(cfg.ignore) + _split_ids(args.ignore)
    if args.fail_on:
        overrides["fail-on"] = args.fail_on
    if overrides:
        cfg.source = "command line"
        config_mod.apply(cfg, overrides)
    return cfg


def _split_ids(values: list[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _find_mkdocs_yml(pyproject: Path | None) -> Path | None:
    for folder in (Path.cwd(), pyproject.parent if pyproject else None):
        if folder is not None and (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return None


def _mkdocs_config(path: Path) -> dict:
    """mkdocs.yml read without MkDocs: its custom tags (`!ENV`, `!!python/name`) are tolerated."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
        *keys, default = names if len(names) > 1 else (names + [None])
        for key in keys:
            if isinstance(key, str) and key in os.environ:
                return os.environ[key]
        return default

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 (SafeLoader subclass)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return data if isinstance(data, dict) else {}


def default_docs_dir() -> Path:
    mkdocs_yml = Path("mkdocs.yml")
    if not mkdocs_yml.is_file():
        raise UsageError("no PATH given and no mkdocs.yml here to take docs_dir from")
    docs_dir = _mkdocs_config(mkdocs_yml).get("docs_dir") or "docs"
    return Path(str(docs_dir))


# -- docs-check [PATH ...] ------------------------------------------------------------------


def collect(paths: Sequence[Path], cfg: Config) -> list[tuple[str, Path]]:
    """Markdown files under `paths`, sorted; hidden folders are skipped unless named, as MkDocs does."""
    out: list[tuple[str, Path]] = []
    seen: set[Path] = set()
    for root in paths:
        if root.is_file():
            candidates = [root]
        elif root.is_dir():
            candidates = sorted(
                p for p in root.rglob("*.md")
                if not any(part.startswith(".") for part in p.relative_to(root).parts)
            )
        else:
            raise UsageError(f"{root}: no such file or folder")
        for path in candidates:
            resolved = path.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            display = _display(path)
            rel = path.relative_to(root).as_posix() if root.is_dir() else path.name
            if cfg.excluded(display) or cfg.excluded(rel):
                continue
            out.append((display, path))
    return out


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check(args: argparse.Namespace) -> int:
    cfg = load_config(args)
    files = collect(args.paths or [default_docs_dir()], cfg)
    findings: list[Finding] = []
    diffs: list[str] = []
    if args.fix or args.diff:
        for display, path in files:
            found, diff = _fix_file(display, path, cfg, write=args.fix)
            findings.extend(found)
            if diff:
                diffs.append(diff)
    else:
        for _display_path, found in check_files(files, cfg, args.jobs):
            findings.extend(found)
    if args.diff:
        sys.stdout.write("".join(diffs))
        if not args.quiet:
            print(f"{len(diffs)} file{'s' * (len(diffs) != 1)} would be changed by --fix.", file=sys.stderr)
        return EXIT_FINDINGS if diffs else EXIT_CLEAN
    return _emit(findings, len(files), cfg, args)


def _fix_file(display: str, path: Path, cfg: Config, *, write: bool) -> tuple[list[Finding], str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{display}: cannot read: {exc.strerror or exc}") from None
    doc = Document.from_bytes(raw, display)
    original = doc.text
    findings = check_document(doc, cfg)
    for _ in range(MAX_FIX_PASSES):
        fixes = fixes_of(findings)
        if not fixes:
            break
        new_text, applied = apply_fixes(doc.text, fixes)
        if not applied:
            break
        doc = Document.from_text(new_text, display)
        doc.had_bom = raw.startswith(b"\xef\xbb\xbf")
        findings = check_document(doc, cfg)
    if doc.text == original:
        return findings, ""
    if write:
        try:
            write_atomic(path, encode(doc.text, doc.had_bom))
        except OSError as exc:
            raise UsageError(f"{display}: cannot write: {exc.strerror or exc}") from None
        return findings, ""
    return findings, unified_diff(display, original, doc.text)


def _emit(findings: list[Finding], files: int, cfg: Config, args: argparse.Namespace) -> int:
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    sys.stdout.write(report.render(findings, args.format, colour=colour))
    if args.format == "text" and not args.quiet:
        print(report.summary(findings, files), file=sys.stderr)
    failing = any(f.severity >= cfg.fail_on for f in findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


# -- docs-check site DIR -------------------------------------------------------------------


def _site(args: argparse.Namespace) -> int:
    from .site import check_site

    cfg = load_config(args)
    if not args.site_dir.is_dir():
        raise UsageError(f"{args.site_dir}: no such folder (build the site first: mkdocs build)")
    docs_dir = args.docs_dir
    if docs_dir is None and Path("mkdocs.yml").is_file():
        docs_dir = default_docs_dir()
    findings, pages = check_site(args.site_dir, cfg, docs_dir=docs_dir, online=args.online)
    return _emit(findings, pages, cfg, args)


# -- docs-check rules ----------------------------------------------------------------------


def _rules(args: argparse.Namespace) -> int:
    import json

    from .rules import all_rules

    rules = all_rules()
    if args.format == "json":
        print(json.dumps(
            [{"id": r.id, "severity": str(r.severity), "fixable": r.fixable, "summary": r.summary}
             for r in rules.values()], indent=2))
        return EXIT_CLEAN
    width = max((len(r) for r in rules), default=10)
    for r in rules.values():
        fix = "fix" if r.fixable else "   "
        print(f"{r.id:<{width}}  {str(r.severity):<7}  {fix}  {r.summary}")
    return EXIT_CLEAN


__all__ = ["Severity", "main"]
