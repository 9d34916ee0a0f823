"""`docs-check`: the checks without MkDocs.

    docs-check [PATH ...]         check Markdown files or folders (default: mkdocs.yml's docs_dir)
    docs-check - --stdin-filename PATH
                                  check the text on standard input as if it were PATH (editors)
    docs-check site DIR           check the links, anchors and assets of a built site
    docs-check report FILE        print a report `mkdocs build` wrote, in any format (CI)
    docs-check build [--engine E] the checks, the engine's build and the site checks (pipeline.py)
    docs-check serve [--engine E] the engine's own preview server
    docs-check parity SITE SITE   compare two builds of one source page by page (parity.py)
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

from . import report
from .config import Config, ConfigError
from .engine import check_document, check_files, fix_document
from .findings import Finding, Severity
from .fixes import encode, unified_diff, write_atomic
from .options import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_USAGE,
    Parser,
    UsageError,
    add_common,
    collect,
    default_docs_dir,
    emit,
    load_config,
    write_out,
)
from .ruleset import all_rules
from .scanner import Document


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["rules"]:
            return _rules(_rules_parser().parse_args(argv[1:]))
        if argv[:1] == ["site"]:
            return _site(_site_parser().parse_args(argv[1:]))
        if argv[:1] == ["report"]:
            return _report(_report_parser().parse_args(argv[1:]))
        if argv[:1] in (["build"], ["serve"], ["parity"]):  # their own modules
            from . import parity, pipeline

            run = {"build": pipeline.build_main, "serve": pipeline.serve_main, "parity": parity.main}
            return run[argv[0]](argv[1:])
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


def _check_parser() -> argparse.ArgumentParser:
    p = Parser(prog="docs-check", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", type=Path, help="Markdown files or folders")
    add_common(p)
    g = p.add_mutually_exclusive_group()
    g.add_argument("--fix", action="store_true", help="apply every safe fix in place")
    g.add_argument("--diff", action="store_true", help="show what --fix would change; change nothing")
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--stdin-filename", metavar="PATH",
                   help="with the path `-`: the file the text on standard input is (for editors)")
    return p


def _site_parser() -> argparse.ArgumentParser:
    p = Parser(prog="docs-check site", description="Check a built site's links, anchors and assets.")
    p.add_argument("site_dir", type=Path, help="the built site (mkdocs build's site_dir)")
    p.add_argument("--docs-dir", type=Path, help="the Markdown sources, to map findings back (default: mkdocs.yml's docs_dir)")
    p.add_argument("--online", action="store_true", help="also request external links (needs the network)")
    add_common(p)
    return p


def _report_parser() -> argparse.ArgumentParser:
    p = Parser(prog="docs-check report",
                description="Print the JSON report `mkdocs build` wrote (.docs-check/report.json) in "
                            "another format, e.g. GitHub annotations, without running the checks again.")
    p.add_argument("report_file", type=Path, help="a report written by mkdocs build or --format json")
    add_common(p)
    return p


def _rules_parser() -> argparse.ArgumentParser:
    p = Parser(prog="docs-check rules", description="List every rule.")
    p.add_argument("prefix", nargs="?", default="", help="only rules whose id starts with this (e.g. spell-)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    return p


# -- configuration ------------------------------------------------------------------------


# -- docs-check [PATH ...] ------------------------------------------------------------------


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
    return emit(findings, len(files), cfg, args)


def _check_stdin(args: argparse.Namespace, cfg: Config) -> int:
    """An editor's buffer: findings as for a file; `--fix` prints the fixed text, `--diff` the diff."""
    display = args.stdin_filename or "-"
    raw = sys.stdin.buffer.read()
    doc = Document.from_bytes(raw, display)
    if args.fix or args.diff:
        _, fixed, _ = fix_document(doc, cfg)
        if args.fix:
            sys.stdout.buffer.write(encode(fixed.text, doc.had_bom))
            return EXIT_CLEAN
        diff = _diff(display, doc, fixed)
        write_out(diff)
        return EXIT_FINDINGS if diff else EXIT_CLEAN
    return emit(check_document(doc, cfg), 1, cfg, args)


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
    findings, fixed, applied = fix_document(doc, cfg)
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
    return emit(findings, pages, cfg, args)


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
    return emit(kept, len({f.path for f in findings}), cfg, args)


# -- docs-check rules ----------------------------------------------------------------------


def _rules(args: argparse.Namespace) -> int:
    import json

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
