"""Coder Registry links and registry modules, checked against the vendored catalog.

Two kinds of reference, in two modules:

- page links (`https://registry.coder.com/modules/coder/claude-code`, `?search=tag%3Atasks`),
  in prose and in code blocks: `registry_links`;
- module sources (`registry.coder.com/coder/claude-code/coder`), above all in `module`
  blocks of Terraform snippets, where the version, the arguments and the outputs used are
  checked against that module's released versions: `registry_modules`.

The rule ids live in `registry_rules`, the host classification in `registry_hosts`; this
module runs them over a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import catalog as C
from ..catalog import Catalog, load_catalog
from ..check import Check
from ..config import Config, check_section_keys
from ..findings import Finding, Fix
from ..scanner import Document
from .registry_hosts import classify_host, may_hold_registry
from .registry_links import Ref, check_page, code_refs, prose_refs
from .registry_modules import UNKNOWN, guard_legacy_fix, module_blocks, resolve_source
from .registry_rules import RULES, Problem, unlisted_in_own_namespace

__all__ = ["CHECK", "RULES", "classify_host", "may_hold_registry", "resolve_source", "run", "validate_config"]


def validate_config(config: Config) -> None:
    """Before any page: the registry options and the catalog file."""
    check_section_keys(config, "registry", ("catalog",))
    load_catalog(config=config)


def _finding(doc: Document, ref: Ref, p: Problem) -> Finding:
    fix = Fix(ref.start, ref.end, p.replacement, p.description) if p.replacement and p.replacement != ref.text else None
    return p.rule.at(
        doc.path, ref.line, ref.column, p.message, fix=fix, end_line=ref.line, end_column=ref.column + len(ref.text)
    )


def _check_ref(cat: Catalog, doc: Document, ref: Ref) -> Iterable[Finding]:
    existence_only = ref.where == "code-span"
    if ref.source_like or (ref.scheme is None and ref.where != "prose" and _looks_like_source(ref)):
        src = resolve_source(cat, ref.text.split("?", 1)[0], existence_only=existence_only)
        if src is not None:
            guard_legacy_fix(cat, src, UNKNOWN)  # outside a module block: no version to keep
            for p in src.problems:
                if not unlisted_in_own_namespace(str(doc.path), p):
                    yield _finding(doc, ref, p)
            return
    if ref.where == "code-span" and ref.scheme is None:
        return  # a host name or a path in inline code, not a link
    for p in check_page(cat, ref, existence_only):
        if not unlisted_in_own_namespace(str(doc.path), p):
            yield _finding(doc, ref, p)


def _looks_like_source(ref: Ref) -> bool:
    segs = ref.segments
    return len(segs) >= 2 and segs[0] != "modules" and segs[0] not in C.KIND_OF_SECTION and not ref.query


def run(doc: Document, config: Config) -> Iterator[Finding]:
    cat = load_catalog(config=config)
    out: list[Finding] = []
    handled = module_blocks(doc, cat, out)
    yield from out
    if not may_hold_registry(doc.text):
        return
    for ref in prose_refs(doc):
        yield from _check_ref(cat, doc, ref)
    for ref in code_refs(doc):
        if ref.line in handled and ref.scheme is None:
            continue  # a module block's source, checked with the block
        yield from _check_ref(cat, doc, ref)


CHECK = Check("registry", RULES, run)
