"""`docs-check`: the checks without MkDocs.

    docs-check [PATH ...]         check Markdown files or folders (default: mkdocs.yml's docs_dir)
    docs-check - --stdin-filename PATH
                                  check the text on standard input as if it were PATH (editors)
    docs-check site DIR           check the links, anchors and assets of a built site
    docs-check report FILE        print a report `mkdocs build` wrote, in any format (CI)
    docs-check rules [PREFIX]     list every rule with its default severity
    docs-check lsp                a Language Server over stdio, for editors (docs_check/lsp)

Exit status: 0 clean, 1 findings at or above the failing severity, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import config as config_mod
from . import report
from .build import validate
from .config import Config, ConfigError
from .engine import check_document, check_files
from .findings import Finding, Severity
from .fixes import apply_fixes, encode, fixes_of, unified_diff, write_atomic
from .scanner import Document
from .siteconfig import read_mkdocs_yml

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
        if argv[:1] == ["report"]:
            return _report(_report_parser().parse_args(argv[1:]))
        if argv[:1] == ["lsp"]:
            from .lsp import main as lsp_main

            return lsp_main(argv[1:])
        return _check(_check_parser().parse_args(argv))
    except (ConfigError, UsageError) as exc:
        print(f"docs-check: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`docs-check rules | head`): say nothing more, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FINDINGS


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
    p.add_argument("--stdin-filename", metavar="PATH",
                   help="with the path `-`: the file the text on standard input is (for editors)")
    return p


def _site_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="docs-check site", description="Check a built site's links, anchors and assets.")
    p.add_argument("site_dir", type=Path, help="the built site (mkdocs build's site_dir)")
    p.add_argument("--docs-dir", type=Path, help="the Markdown sources, to map findings back (default: mkdocs.yml's docs_dir)")
    p.add_argument("--online", action="store_true", help="also request external links (needs the network)")
    _common(p)
    return p


def _report_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="docs-check report",
                description="Print the JSON report `mkdocs build` wrote (.docs-check/report.json) in "
                            "another format, e.g. GitHub annotations, without running the checks again.")
    p.add_argument("report_file", type=Path, help="a report written by mkdocs build or --format json")
    _common(p)
    return p


def _rules_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="docs-check rules", description="List every rule.")
    p.add_argument("prefix", nargs="?", default="", help="only rules whose id starts with this (e.g. spell-)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    return p


# -- configuration ------------------------------------------------------------------------


def load_config(args: argparse.Namespace) -> Config:
    pyproject = args.config if args.config else config_mod.find_pyproject(Path.cwd())
    if args.config and not args.config.is_file():
        raise ConfigError(f"{args.config}: no such file")
    mkdocs_yml = _find_mkdocs_yml(pyproject)
    extra = read_mkdocs_yml(mkdocs_yml).get("extra", {}) if mkdocs_yml else {}
    cfg = config_mod.load(pyproject, (extra or {}).get("docs_check"))
    overrides: dict[str, object] = {}
    if args.select:
        overrides["select"] = _rule_ids(args.select, "--select")
    if args.ignore:
        overrides["ignore"] = list(cfg.ignore) + _rule_ids(args.ignore, "--ignore")
    if args.fail_on:
        overrides["fail-on"] = args.fail_on
    if overrides:
        source, cfg.source = cfg.source, "command line"
        config_mod.apply(cfg, overrides)
        cfg.source = source
    validate(cfg)
    return cfg


def _rule_ids(values: list[str], option: str) -> list[str]:
    """Comma-separated rule ids or `family-` prefixes; an unknown one is a usage error."""
    from .rules import all_rules, suggest

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


def _find_mkdocs_yml(pyproject: Path | None) -> Path | None:
    for folder in (Path.cwd(), pyproject.parent if pyproject else None):
        if folder is not None and (folder / "mkdocs.yml").is_file():
            return folder / "mkdocs.yml"
    return None


def default_docs_dir() -> Path:
    mkdocs_yml = Path("mkdocs.yml")
    if not mkdocs_yml.is_file():
        raise UsageError("no PATH given and no mkdocs.yml here to take docs_dir from")
    docs_dir = read_mkdocs_yml(mkdocs_yml).get("docs_dir") or "docs"
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


def _display(path: Path) -> str:
    # abspath, not resolve: a symbolic link is reported under its own name.
    try:
        return Path(os.path.abspath(path)).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check(args: argparse.Namespace) -> int:
    cfg = load_config(args)
    if [str(p) for p in args.paths] == ["-"]:
        return _check_stdin(args, cfg)
    if args.stdin_filename:
        raise UsageError("--stdin-filename goes with the path `-` (the text on standard input)")
    files = collect(args.paths or [default_docs_dir()], cfg)
    findings: list[Finding] = []
    if args.fix or args.diff:
        diffs: list[str] = []
        fixed = changed = 0
        for display, path in files:
            result = _fix_file(display, path, cfg, write=args.fix)
            findings.extend(result.findings)
            fixed += result.applied
            changed += result.changed
            if result.diff:
                diffs.append(result.diff)
        if args.diff:
            write_out("".join(diffs))
            if not args.quiet:
                print(f"{changed} file{'s' * (changed != 1)} would be changed by --fix "
                      f"({fixed} fix{'es' * (fixed != 1)}).", file=sys.stderr)
            return EXIT_FINDINGS if diffs else EXIT_CLEAN
        if not args.quiet and args.format == "text":
            print(f"Fixed {fixed} problem{'s' * (fixed != 1)} in {changed} file{'s' * (changed != 1)}.",
                  file=sys.stderr)
    else:
        for _display_path, found in check_files(files, cfg, args.jobs):
            findings.extend(found)
    return _emit(findings, len(files), cfg, args)


def _check_stdin(args: argparse.Namespace, cfg: Config) -> int:
    """An editor's buffer: findings as for a file; `--fix` prints the fixed text, `--diff` the diff."""
    display = args.stdin_filename or "-"
    raw = sys.stdin.buffer.read()
    doc = Document.from_bytes(raw, display)
    if args.fix or args.diff:
        _, fixed, _ = _fix_document(doc, cfg)
        if args.fix:
            sys.stdout.buffer.write(encode(fixed.text, doc.had_bom))
            return EXIT_CLEAN
        diff = _diff(display, doc, fixed)
        write_out(diff)
        return EXIT_FINDINGS if diff else EXIT_CLEAN
    return _emit(check_document(doc, cfg), 1, cfg, args)


@dataclass
class FixResult:
    findings: list[Finding]  # what remains after fixing
    applied: int = 0  # fixes applied
    changed: bool = False
    diff: str = ""


def _fix_file(display: str, path: Path, cfg: Config, *, write: bool) -> FixResult:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{display}: cannot read: {exc.strerror or exc}") from None
    doc = Document.from_bytes(raw, display)
    findings, fixed, applied = _fix_document(doc, cfg)
    if fixed.text == doc.text:
        return FixResult(findings)
    if not write:
        return FixResult(findings, applied, True, _diff(display, doc, fixed))
    data = encode(fixed.text, doc.had_bom)
    try:
        if path.read_bytes() != raw:  # edited meanwhile (an editor saved): do not clobber it
            raise UsageError(f"{display}: changed while it was being fixed; run again")
        write_atomic(path, data)
    except OSError as exc:
        raise UsageError(f"{display}: cannot write: {exc.strerror or exc}") from None
    return FixResult(findings, applied, True)


def _diff(display: str, before: Document, after: Document) -> str:
    """A patch that applies to the file as it is on disk, byte-order mark included."""
    bom = "\ufeff" if before.had_bom else ""
    return unified_diff(display, bom + before.text, bom + after.text)


def _fix_document(doc: Document, cfg: Config) -> tuple[list[Finding], Document, int]:
    """Apply safe fixes until none is left (overlapping ones need another pass)."""
    findings = check_document(doc, cfg)
    applied_total = 0
    for _ in range(MAX_FIX_PASSES):
        fixes = fixes_of(findings)
        if not fixes:
            break
        new_text, applied = apply_fixes(doc.text, fixes)
        if not applied:
            break
        applied_total += len(applied)
        had_bom = doc.had_bom
        doc = Document.from_text(new_text, doc.path)
        doc.had_bom = had_bom
        findings = check_document(doc, cfg)
    return findings, doc, applied_total


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


def _emit(findings: list[Finding], files: int, cfg: Config, args: argparse.Namespace) -> int:
    write_out(report.render(findings, args.format, colour=use_colour(args.color)))
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


# -- docs-check report FILE ------------------------------------------------------------------


def _report(args: argparse.Namespace) -> int:
    """A saved report, through today's configuration (select, ignore, severities, fail-on)."""
    cfg = load_config(args)
    try:
        findings = report.load(args.report_file)
    except OSError as exc:
        raise UsageError(f"{args.report_file}: cannot read: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise UsageError(f"{args.report_file}: not a docs-check report: {exc}") from None
    kept = [f.with_severity(cfg.severity(f.rule, f.severity)) for f in findings if cfg.enabled(f.rule)]
    return _emit(kept, len({f.path for f in findings}), cfg, args)


# -- docs-check rules ----------------------------------------------------------------------


def _rules(args: argparse.Namespace) -> int:
    import json

    from .rules import all_rules

    rules = {rid: r for rid, r in all_rules().items() if rid.startswith(args.prefix)}
    if not rules:
        raise UsageError(f"no rule id starts with {args.prefix!r}")
    if args.format == "json":
        print(json.dumps(
            [{"id": r.id, "severity": str(r.severity), "fixable": r.fixable, "summary": r.summary}
             for r in rules.values()], indent=2))
        return EXIT_CLEAN
    width = max(len(r) for r in rules)
    for r in rules.values():
        fix = "fix" if r.fixable else "   "
        print(f"{r.id:<{width}}  {r.severity!s:<7}  {fix}  {r.summary}")
    return EXIT_CLEAN


__all__ = ["Severity", "main"]
