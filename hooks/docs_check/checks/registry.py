"""Coder Registry links and registry modules, checked against the vendored catalog.

Two kinds of reference:

- page links (`https://registry.coder.com/modules/coder/claude-code`, `?search=tag%3Atasks`),
  in prose and in code blocks: the page must exist, with its name spelt as the registry
  spells it, on the production host;
- module sources (`registry.coder.com/coder/claude-code/coder`), above all in `module`
  blocks of Terraform snippets, where the version, the arguments and the outputs used are
  checked against that module's released versions.

Inside inline code only existence is checked (a removed, misspelt or unknown module):
prose often quotes an old form or a host name on purpose, to tell readers what to replace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote_plus

from .. import catalog as C
from ..catalog import Catalog, load_catalog
from ..config import Config, check_section_keys
from ..engine import Check
from ..findings import Finding, Fix, Severity
from ..rules import Rule, rule, suggest
from ..scanner import INDENTED_CODE, Document
from ..versions import Constraint, Version, VersionError, matching, newest
from . import _snippets as S

HOST_RULE = rule(
    "registry-host", Severity.ERROR,
    "Registry links go to https://registry.coder.com: not http://, not the dev registry, not a misspelt host",
    fixable=True,
)
NOT_FOUND = rule(
    "registry-not-found", Severity.ERROR,
    "The linked registry module, template, contributor or skill does not exist", fixable=True,
)
CASE = rule("registry-case", Severity.ERROR, "Registry names are case-sensitive; the link spells one differently", fixable=True)
REMOVED = rule(
    "registry-removed", Severity.ERROR,
    "The linked registry module or template was removed or renamed", fixable=True,
)
LEGACY = rule(
    "registry-legacy-url", Severity.WARNING,
    "An old registry URL without a namespace (/modules/<name>); link the namespaced page", fixable=True,
)
TAG = rule("registry-tag", Severity.ERROR, "A registry search names a tag that no module or template has")
TAB = rule("registry-tab", Severity.ERROR, "`?tab=` names a tab the registry page does not have")
URL = rule("registry-url", Severity.ERROR, "A registry URL whose path is no registry page", fixable=True)
QUERY = rule(
    "registry-query", Severity.WARNING, "A registry URL query parameter the registry does not read", fixable=True,
)

MOD_SOURCE = rule(
    "registry-module-source", Severity.ERROR,
    "A module source is not exactly registry.coder.com/<namespace>/<module>/coder", fixable=True,
)
MOD_LEGACY = rule(
    "registry-module-legacy-source", Severity.WARNING,
    "A module source in the old form registry.coder.com/modules/<module>/coder", fixable=True,
)
MOD_UNKNOWN = rule(
    "registry-module-unknown", Severity.ERROR,
    "A module source names a module the registry does not have (removed, renamed, misspelt)", fixable=True,
)
MOD_VERSION = rule(
    "registry-module-version", Severity.ERROR,
    "A registry module block has no `version`, or one that no released version satisfies",
)
MOD_ARGUMENT = rule(
    "registry-module-argument", Severity.ERROR, "A module argument is not a variable of that module version",
)
MOD_REQUIRED = rule(
    "registry-module-required", Severity.ERROR, "A required variable of a registry module is not set",
)
MOD_OUTPUT = rule(
    "registry-module-output", Severity.ERROR, "`module.<name>.<output>` names no output of that module version",
)

RULES = (
    HOST_RULE, NOT_FOUND, CASE, REMOVED, LEGACY, TAG, TAB, URL, QUERY,
    MOD_SOURCE, MOD_LEGACY, MOD_UNKNOWN, MOD_VERSION, MOD_ARGUMENT, MOD_REQUIRED, MOD_OUTPUT,
)

# Module block arguments that are Terraform's, not the module's.
MODULE_META = frozenset({"source", "version", "count", "for_each", "depends_on", "providers"})

_LIST_QUERY = ("search",)
_PAGE_QUERY = ("tab",)

# A host-like token, with an optional scheme and the URL's path/query/fragment.
_TOKEN = re.compile(
    r"(?<![\w.@/-])(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://)?"
    r"(?P<host>(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]+)"
    r"(?P<rest>[/?#][^\s<>\"'`()\[\]{}|\\^]*)?"
)
_TRAILING = ".,:;!?*_'"
_PLACEHOLDER_START = "<[{$*"
_COMMENT = re.compile(r"<!--.*?-->")


# -- hosts ---------------------------------------------------------------------------------

OK, DEV, TYPO = "ok", "dev", "typo"


def validate_config(config: Config) -> None:
    """Before any page: the registry options and the catalog file."""
    check_section_keys(config, "registry", ("catalog",))
    load_catalog(config=config)


@lru_cache(maxsize=8192)
def classify_host(host: str) -> str | None:
    """OK for the registry, DEV for another host under it, TYPO for a near miss, else None."""
    h = host.lower().rstrip(".")
    if h == C.HOST:
        return OK
    if h.endswith("." + C.HOST):
        return DEV
    if abs(len(h) - len(C.HOST)) <= 2 and _distance(h, C.HOST) <= 2:
        return TYPO
    return None


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance (edits and adjacent swaps), for host typos."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _host_problem(host: str, kind: str) -> str:
    if kind == DEV:
        return (
            f"`{host}` is not the public registry (it is a development or staging host); "
            f"readers cannot rely on it: use `{C.HOST}`"
        )
    return f"`{host}` is a misspelling of the registry's host: write `{C.HOST}`"


# -- references ----------------------------------------------------------------------------


@dataclass
class Ref:
    text: str
    scheme: str | None
    host: str
    path: str
    query: str
    fragment: str
    line: int
    column: int
    start: int  # offset in Document.text
    where: str  # "prose" | "code-span" | "code"

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def segments(self) -> list[str]:
        return [s for s in self.path.split("/") if s]

    @property
    def source_like(self) -> bool:
        """`registry.coder.com/<a>/<b>/coder`: a Terraform module source, not a page link."""
        segs = self.segments
        return self.scheme is None and len(segs) >= 3 and segs[-1] == "coder" and not self.query

    def with_parts(self, *, scheme: str | None = "", host: str | None = None, path: str | None = None,
                   query: str | None = None) -> str:
        s = self.scheme if scheme == "" else scheme
        text = f"{s}://" if s else ""
        text += host if host is not None else self.host
        text += path if path is not None else self.path
        q = self.query if query is None else query
        if q:
            text += "?" + q
        if self.fragment:
            text += "#" + self.fragment
        return text


def may_hold_registry(text: str) -> bool:
    """A cheap test that `text` may name the registry's host or a misspelling of it.

    One edit to "registry.coder.com" (a wrong, missing, extra or swapped letter) always
    leaves "regi", "stry" or "y.cod" intact; most double typos do too.
    """
    lower = text.lower()
    return "regi" in lower or "stry" in lower or "y.cod" in lower


def find_refs(text: str, line: int, column0: int, start: int, where: str) -> Iterator[Ref]:
    """Registry references in one line of text; `column0` and `start` locate text[0]."""
    if "." not in text or not may_hold_registry(text):
        return
    for m in _TOKEN.finditer(text):
        host = m.group("host")
        kind = classify_host(host)
        if kind is None:
            continue
        raw = m.group(0)
        stripped = raw.rstrip(_TRAILING)
        after = text[m.start() + len(stripped) : m.start() + len(stripped) + 1]
        if m.end() < len(text) and text[m.end()] in _PLACEHOLDER_START:
            continue  # registry.coder.com/<namespace>/..., /[your-name]/...: a template, not a link
        if after and after in _PLACEHOLDER_START:
            continue
        rest = stripped[stripped.index(host) + len(host) :]
        path, _, fragment = rest.partition("#")
        path, _, query = path.partition("?")
        yield Ref(
            text=stripped,
            scheme=m.group("scheme"),
            host=host,
            path=path,
            query=query,
            fragment=fragment,
            line=line,
            column=column0 + m.start() + 1,
            start=start + m.start(),
            where=where,
        )


def prose_refs(doc: Document) -> Iterator[Ref]:
    for ln, masked in doc.prose():
        content = ln.content
        if "." not in content or not may_hold_registry(content):
            continue
        base = ln.start + ln.content_col
        yield from find_refs(masked, ln.number, ln.content_col, base, "prose")
        if masked != content:
            comments = [(m.start(), m.end()) for m in _COMMENT.finditer(content)]
            for ref in find_refs(content, ln.number, ln.content_col, base, "code-span"):
                i = ref.start - base
                if masked[i] != " " or any(a <= i < b for a, b in comments):
                    continue  # outside a code span (seen above) or inside a comment
                yield ref


def code_refs(doc: Document) -> Iterator[Ref]:
    for block in doc.fences:
        diff = block.lang in ("diff", "patch")
        for n in block.content_lines:
            ln = doc.lines[n - 1]
            prefix = len(doc.prefix_of(n, block))
            text = ln.text[prefix:]
            if diff and text.startswith("-"):
                continue  # a diff's removed lines show what was wrong on purpose
            yield from find_refs(text, n, prefix, ln.start + prefix, "code")
    for ln in doc.lines:
        if ln.kind == INDENTED_CODE:
            yield from find_refs(ln.text, ln.number, 0, ln.start, "code")


# -- page links ----------------------------------------------------------------------------


@dataclass
class Problem:
    rule: Rule
    message: str
    replacement: str | None = None  # the whole reference, corrected
    description: str = ""


def check_page(cat: Catalog, ref: Ref, existence_only: bool) -> list[Problem]:
    problems: list[Problem] = []
    host_kind = classify_host(ref.host)
    fixed_host = ref.host if host_kind == OK else C.HOST
    if not existence_only:
        if host_kind != OK:
            problems.append(Problem(
                HOST_RULE, _host_problem(ref.host, host_kind),
                ref.with_parts(scheme="https" if ref.scheme else None, host=C.HOST),
                f"link {C.HOST}",
            ))
        elif ref.scheme and ref.scheme.lower() != "https":
            problems.append(Problem(
                HOST_RULE, f"`{ref.scheme}://` link to the registry: write `https://{C.HOST}`",
                ref.with_parts(scheme="https"), "use https",
            ))

    def fixed(path: str | None = None, query: str | None = None) -> str:
        return ref.with_parts(scheme="https" if ref.scheme else None, host=fixed_host, path=path, query=query)

    segs = ref.segments
    if not segs:
        return problems
    section = segs[0]
    if section not in C.KIND_OF_SECTION:
        if section.lower() in C.KIND_OF_SECTION:
            right = "/" + "/".join([section.lower(), *segs[1:]])
            problems.append(Problem(
                CASE, f"`/{section}` is spelt `/{section.lower()}` on the registry", fixed(path=right), "fix the case"
            ))
            segs = [section.lower(), *segs[1:]]
            section = segs[0]
        elif existence_only:
            return problems
        else:
            problems.extend(_not_a_page(cat, ref, segs, fixed))
            return problems
    kind = C.KIND_OF_SECTION[section]
    names = segs[1:]
    page_kind: str | None = None  # the kind of the page the URL lands on, for ?tab=
    if not names:
        page_kind = None
    elif kind == C.NAMESPACE:
        if len(names) == 1:
            problems.extend(_item(cat, C.NAMESPACE, names[0], ref, fixed))
            page_kind = C.NAMESPACE
        elif not existence_only:
            problems.append(Problem(
                URL, f"`{ref.path}` is no registry page: a contributor page is `/contributors/<namespace>`",
                fixed(path=f"/contributors/{names[0]}") if names[0] in cat.namespaces else None,
                "link the contributor page",
            ))
    elif len(names) == 1:
        if kind == C.SKILL:
            if not existence_only:
                problems.append(Problem(URL, f"`{ref.path}` is no registry page: a skill page is `/skills/<namespace>/<skill>`"))
        else:
            problems.extend(_legacy(cat, kind, names[0], ref, fixed, existence_only))
            page_kind = kind
    elif len(names) == 2:
        problems.extend(_item(cat, kind, f"{names[0]}/{names[1]}", ref, fixed))
        page_kind = kind
    else:
        ident = f"{names[0]}/{names[1]}"
        exists = cat.lookup(kind, ident).ok
        extra = "/".join(names[2:])
        if not existence_only or not exists:
            hint = (
                f"; the {kind} page is `/{section}/{ident}`"
                + (f" (as a Terraform source, write `{C.module_source(ident)}`)" if kind == C.MODULE else "")
                if exists else ""
            )
            problems.append(Problem(
                URL, f"`{ref.path}` is no registry page (nothing lives under `/{extra}`){hint}",
                fixed(path=f"/{section}/{ident}") if exists else None, "link the page",
            ))
            if not exists:
                problems.extend(_item(cat, kind, ident, ref, fixed))
    if ref.query and not existence_only:
        problems.extend(_query(cat, ref, kind, page_kind, names, fixed))
    elif ref.query:
        problems.extend(p for p in _query(cat, ref, kind, page_kind, names, fixed) if p.rule is TAG)
    return problems


def _not_a_page(cat: Catalog, ref: Ref, segs: list[str], fixed) -> list[Problem]:
    if len(segs) == 3 and segs[2] == "coder":
        ident = f"{segs[0]}/{segs[1]}"
        look = cat.lookup(C.MODULE, ident)
        if look.status in (C.FOUND, C.CASE):
            target = look.target or ident
            return [Problem(
                URL,
                f"`{ref.text}` is a Terraform module source, not a web page: the page is "
                f"`{C.page_url(C.MODULE, target)}`; in a `source` argument, drop `https://`",
                fixed(path=f"/modules/{target}"), "link the module page",
            )]
    suggestion = suggest(segs[0], list(C.KIND_OF_SECTION))
    return [Problem(
        URL,
        f"`/{segs[0]}` is no section of the registry (it has /modules, /templates, /contributors and /skills)"
        + (f"; did you mean `/{suggestion}`?" if suggestion else ""),
    )]


def _item(cat: Catalog, kind: str, ident: str, ref: Ref, fixed) -> list[Problem]:
    look = cat.lookup(kind, ident)
    section = C.SECTION[kind]
    what = C.describe(kind, ident)
    if look.status == C.FOUND:
        return []
    if look.status == C.CASE:
        return [Problem(
            CASE, f"{what}: the registry spells it `{look.target}` (names are case-sensitive)",
            fixed(path=f"/{section}/{look.target}"), "fix the case",
        )]
    if look.status == C.RENAMED:
        return [Problem(
            REMOVED, f"{what} was renamed to `{look.target}` ({look.note}): link `/{section}/{look.target}`",
            fixed(path=f"/{section}/{look.target}"), "link the new name",
        )]
    if look.status == C.REMOVED:
        return [Problem(REMOVED, _removed_message(what, look.note, kind))]
    if look.other_kind:
        other = C.SECTION[look.other_kind]
        return [Problem(
            NOT_FOUND, f"{what} does not exist, but {C.describe(look.other_kind, ident)} does: link `/{other}/{ident}`",
            fixed(path=f"/{other}/{ident}"), f"link the {look.other_kind} page",
        )]
    hint = f"; did you mean `{look.suggestion}`?" if look.suggestion else ""
    listing = f"https://{C.HOST}/{section}"
    return [Problem(NOT_FOUND, f"{what} does not exist in the registry{hint} (see {listing})")]


def _removed_message(what: str, note: str, kind: str) -> str:
    when = f" ({note})" if note else ""
    return (
        f"{what} was removed from the registry{when} and nothing replaced it: "
        f"remove the link or point to another {kind} (https://{C.HOST}/{C.SECTION.get(kind, 'modules')})"
    )


def _legacy(cat: Catalog, kind: str, name: str, ref: Ref, fixed, existence_only: bool) -> list[Problem]:
    section = C.SECTION[kind]
    where = cat.legacy(kind, name)
    if len(where) == 1:
        if existence_only:
            return []
        return [Problem(
            LEGACY,
            f"`/{section}/{name}` is the old URL shape without a namespace: link `{C.page_url(kind, where[0])}`",
            fixed(path=f"/{section}/{where[0]}"), "link the namespaced page",
        )]
    if len(where) > 1:
        if existence_only:
            return []
        options = ", ".join(f"`/{section}/{w}`" for w in where)
        return [Problem(LEGACY, f"`/{section}/{name}` is the old URL shape without a namespace: link one of {options}")]
    if name in cat.namespaces:
        if existence_only:
            return []
        return [Problem(
            URL, f"`/{section}/{name}` is no registry page: `{name}` is a namespace; its page is `/contributors/{name}`",
            fixed(path=f"/contributors/{name}"), "link the contributor page",
        )]
    removed = cat.removed_named(name) if kind == C.MODULE else []
    if removed:
        return [Problem(REMOVED, _removed_message(f"{kind} {removed[0]}", cat.removed[kind].get(removed[0], ""), kind))]
    hint = suggest(name, cat.names(kind) + (list(cat.legacy_versions) if kind == C.MODULE else []))
    ident_hint = cat.legacy(kind, hint) if hint else []
    tail = f"; did you mean `/{section}/{ident_hint[0]}`?" if len(ident_hint) == 1 else ""
    return [Problem(NOT_FOUND, f"the registry has no {kind} named `{name}`{tail}")]


def _query(cat: Catalog, ref: Ref, kind: str, page_kind: str | None, names: list[str], fixed) -> list[Problem]:
    problems = []
    pairs = parse_qsl(ref.query, keep_blank_values=True)
    allowed = _LIST_QUERY if not names else _PAGE_QUERY
    for key, value in pairs:
        if key not in allowed:
            if key == "tag" and not names and value:
                new_query = "&".join(
                    f"search=tag%3A{quote(v)}" if k == "tag" else f"{k}={quote(v)}" for k, v in pairs
                )
                problems.append(Problem(
                    QUERY, f"the registry does not filter by `?tag=`: write `?search=tag%3A{value}`",
                    fixed(query=new_query), "search by tag",
                ))
            else:
                where = "list pages" if not names else "module, template and contributor pages"
                problems.append(Problem(
                    QUERY, f"the registry ignores `?{key}=` here ({where} read only "
                    + ", ".join(f"`?{a}=`" for a in allowed) + "); remove it",
                ))
            continue
        if key == "search":
            problems.extend(_tag(cat, kind, unquote_plus(value)))
        elif key == "tab" and page_kind is not None:
            tabs = C.TABS[page_kind]
            if value not in tabs:
                hint = suggest(value.lower(), tabs)
                problems.append(Problem(
                    TAB, f"a {C.describe(page_kind, '').strip()} page has no tab `{value}` (tabs: {', '.join(tabs)})"
                    + (f"; did you mean `?tab={hint}`?" if hint else ""),
                ))
    return problems


def _tag(cat: Catalog, kind: str, search: str) -> list[Problem]:
    term = search.strip()
    if not term.lower().startswith("tag:"):
        return []
    tag = term[4:].strip()
    if not tag:
        return [Problem(TAG, "the search names no tag: write `?search=tag%3A<tag>`")]
    if kind in (C.MODULE, C.TEMPLATE) and cat.tagged(tag, kind):
        return []
    if kind not in (C.MODULE, C.TEMPLATE) and cat.tagged(tag):
        return []
    plural = C.SECTION.get(kind, "modules")
    others = [k for k in (C.MODULE, C.TEMPLATE) if k != kind and cat.tagged(tag, k)]
    if others:
        other = C.SECTION[others[0]]
        return [Problem(
            TAG, f"no {kind} has the tag `{tag}` (only {other} do): search `/{other}?search=tag%3A{tag}`",
        )]
    hint = suggest(tag.lower(), cat.tag_names())
    return [Problem(
        TAG, f"no {kind if kind in (C.MODULE, C.TEMPLATE) else 'item'} in the registry has the tag `{tag}`, "
        f"so the search shows nothing" + (f"; did you mean `tag:{hint}`?" if hint else f" (see https://{C.HOST}/{plural})"),
    )]


# -- module sources ------------------------------------------------------------------------


@dataclass
class Source:
    """A module source as the catalog reads it."""

    ident: str | None  # the module to check further (canonical), None when unknown
    legacy: bool
    problems: list[Problem] = field(default_factory=list)
    corrected: str | None = None  # the source to write, when it differs


def resolve_source(cat: Catalog, value: str, existence_only: bool = False) -> Source | None:
    """None when `value` is not a Coder Registry source (a local path, another registry)."""
    head, _, rest = value.partition("/")
    host_kind = classify_host(head)
    if host_kind is None or not rest:
        return None
    rest, sep, subdir = rest.partition("//")
    tail = f"//{subdir}" if sep else ""
    segs = [s for s in rest.split("/") if s]
    src = Source(None, False)
    if host_kind != OK and not existence_only:
        src.problems.append(Problem(MOD_SOURCE, _host_problem(head, host_kind)))
    shape_problem: Problem | None = None
    candidate: str | None = None
    if len(segs) == 3 and segs[0] == "modules":
        name = segs[1]
        where = cat.legacy(C.MODULE, name)
        if len(where) == 1:
            src.legacy = True
            candidate = where[0]
            if not existence_only:
                src.problems.append(Problem(
                    MOD_LEGACY,
                    f"`{value}` is the old source form without a namespace: write `{C.module_source(where[0])}{tail}`",
                ))
        elif len(where) > 1:
            if not existence_only:
                options = ", ".join(f"`{C.module_source(w)}`" for w in where)
                src.problems.append(Problem(MOD_LEGACY, f"`{value}` is the old source form: write one of {options}"))
            return src
        else:
            removed = cat.removed_named(name)
            if removed:
                note = cat.removed[C.MODULE].get(removed[0], "")
                src.problems.append(Problem(MOD_UNKNOWN, _removed_message(f"module {removed[0]}", note, C.MODULE)))
                return src
            hint = suggest(name, cat.names(C.MODULE) + list(cat.legacy_versions))
            where = cat.legacy(C.MODULE, hint) if hint else []
            tail_hint = f"; did you mean `{C.module_source(where[0])}`?" if len(where) == 1 else ""
            src.problems.append(Problem(MOD_UNKNOWN, f"the registry has no module named `{name}`{tail_hint}"))
            return src
    elif len(segs) == 4 and segs[0] == "modules" and segs[3] == "coder":
        candidate = f"{segs[1]}/{segs[2]}"
        shape_problem = Problem(
            MOD_SOURCE,
            f"`{value}` mixes the old and the new source forms: write `{C.module_source(candidate)}{tail}`",
        )
    elif len(segs) == 3:
        candidate = f"{segs[0]}/{segs[1]}"
        if segs[2] != "coder":
            shape_problem = Problem(
                MOD_SOURCE,
                f"`{value}`: Coder Registry modules are published for the `coder` provider only: "
                f"write `{C.module_source(candidate)}{tail}`",
            )
    else:
        if not existence_only:
            src.problems.append(Problem(
                MOD_SOURCE, f"`{value}` is not a registry module source: write `{C.HOST}/<namespace>/<module>/coder`",
            ))
        return src
    if shape_problem and not existence_only:
        src.problems.append(shape_problem)
    assert candidate is not None
    look = cat.lookup(C.MODULE, candidate)
    ident = candidate
    if look.status == C.CASE:
        ident = look.target or candidate
        src.problems.append(Problem(
            MOD_UNKNOWN, f"module `{candidate}` is spelt `{ident}` in the registry (names are case-sensitive)"
        ))
    elif look.status == C.RENAMED:
        ident = look.target or candidate
        src.problems.append(Problem(
            MOD_UNKNOWN, f"module `{candidate}` was renamed to `{ident}` ({look.note}): write `{C.module_source(ident)}`"
        ))
    elif look.status == C.REMOVED:
        src.problems.append(Problem(MOD_UNKNOWN, _removed_message(f"module {candidate}", look.note, C.MODULE)))
        return src
    elif look.status == C.MISSING:
        hint = f"; did you mean `{C.module_source(look.suggestion)}`?" if look.suggestion else ""
        if look.other_kind:
            hint = f"; `{candidate}` is a {look.other_kind}, not a module"
        src.problems.append(Problem(MOD_UNKNOWN, f"the registry has no module `{candidate}`{hint}"))
        return src
    src.ident = ident
    right = f"{C.module_source(ident)}{tail}"
    if right != value and not (src.legacy and existence_only):
        src.corrected = right
        for p in src.problems:
            p.replacement = right
            p.description = f"write {right}"
    return src


# -- module blocks -------------------------------------------------------------------------


@dataclass
class ModuleUse:
    name: str
    ident: str
    versions: list[str]  # the released versions the block's `version` allows (may be empty)
    snippet: int


def _module_blocks(doc: Document, cat: Catalog, out: list[Finding]) -> tuple[list[ModuleUse], set[int]]:
    uses: list[ModuleUse] = []
    handled: set[int] = set()  # Markdown lines of checked `source` arguments
    snips = list(S.snippets(doc))
    for index, snip in enumerate(snips):
        for item in snip.body.items:
            if not S.is_block(item) or item.type != "module" or len(item.labels) != 1:
                continue
            use = _module_block(doc, cat, snip, item, out, handled)
            if use is not None:
                use.snippet = index
                uses.append(use)
    _outputs(doc, cat, snips, uses, out)
    return uses, handled


def _attr(body, name: str):
    return next((i for i in body.items if S.is_attribute(i) and i.name == name), None)


def _module_block(doc, cat: Catalog, snip: S.Snippet, block, out: list[Finding], handled: set[int]) -> ModuleUse | None:
    source = _attr(block.body, "source")
    if source is None or source.expr.kind != "string" or source.expr.value is None:
        return None
    value = source.expr.value
    src = resolve_source(cat, value)
    if src is None:
        return None
    line, col = snip.position(source.expr.line, source.expr.column)
    handled.add(line)
    for p in src.problems:
        fix = snip.string_fix(source.expr, p.replacement, p.description) if p.replacement else None
        out.append(p.rule.at(doc.path, line, col, p.message, fix=fix))
    if src.ident is None:
        return None
    ident = src.ident
    name = block.labels[0]
    released = cat.versions(ident, legacy=src.legacy)
    version_attr = _attr(block.body, "version")
    chosen: list[str] = []
    if version_attr is None:
        bl, bc = snip.position(block.line, block.column)
        latest = cat.latest(ident) or newest(released) or "x.y.z"
        out.append(MOD_VERSION.at(
            doc.path, bl, bc,
            f'module "{name}" ({ident}) has no `version`: Terraform then takes whatever is newest, which may '
            f'break this example; pin it, e.g. `version = "{latest}"`',
        ))
    elif version_attr.expr.kind == "string" and version_attr.expr.value is not None:
        vl, vc = snip.position(version_attr.expr.line, version_attr.expr.column)
        text = version_attr.expr.value
        try:
            constraint = Constraint.parse(text)
        except VersionError:
            out.append(MOD_VERSION.at(
                doc.path, vl, vc, f'`version = "{text}"` is not a version or constraint: write e.g. `"1.2.3"` or `"~> 1.2"`'
            ))
            constraint = None
        if constraint is not None:
            chosen = matching(constraint, released)
            if not chosen:
                exact = constraint.exact
                what = f"version {exact} of {ident} was never released" if exact else (
                    f"no released version of {ident} satisfies `{text}`"
                )
                hint = suggest(text, released, cutoff=0.8) if exact else None
                out.append(MOD_VERSION.at(
                    doc.path, vl, vc,
                    f"{what}" + (f"; did you mean `{hint}`?" if hint else "")
                    + f" (released: {C.version_list(released)})",
                ))
    else:
        chosen = []  # a variable or an expression: nothing to check against
    # Arguments and outputs are checked against the newest release the constraint allows:
    # that is the one `terraform init` installs today.
    check_at = newest(chosen) if chosen else (None if version_attr is not None else cat.latest(ident))
    if check_at is not None:
        _arguments(doc, cat, snip, block, name, ident, check_at, out)
    return ModuleUse(name, ident, chosen if chosen else ([check_at] if check_at else []), 0)


def _arguments(doc, cat: Catalog, snip: S.Snippet, block, name: str, ident: str, version: str, out: list[Finding]) -> None:
    variables = cat.variables_at(ident, version)
    if variables is None:
        return  # a coder/modules release from before the registry: its variables are not recorded
    set_names = set()
    for item in block.body.items:
        if not S.is_attribute(item):
            continue
        set_names.add(item.name)
        if item.name in MODULE_META or item.name in variables:
            continue
        line, col = snip.position(item.line, item.column)
        out.append(MOD_ARGUMENT.at(doc.path, line, col, _unknown_variable(cat, ident, version, item.name, variables)))
    if S.elides(snip, block):
        return
    for var in cat.required_variables(ident):
        if var in variables and var not in set_names:
            line, col = snip.position(block.line, block.column)
            out.append(MOD_REQUIRED.at(
                doc.path, line, col,
                f'module "{name}" does not set `{var}`, which {ident} {version} requires: add `{var} = ...` '
                "(or write `...` to show that the example leaves arguments out)",
            ))


def _unknown_variable(cat: Catalog, ident: str, version: str, arg: str, variables: dict) -> str:
    history = cat.variable_history(ident, arg)
    if history:
        since, removed = history.get("since"), history.get("removed_in")
        if removed and Version.parse(version) >= Version.parse(removed):
            return (
                f"`{arg}` is no variable of {ident} {version}: it was removed in {removed}"
                + (f" (it exists from {since} to before {removed}); pin a version below {removed} or drop it" if since else "")
            )
        if since and Version.parse(version) < Version.parse(since):
            return f"`{arg}` is no variable of {ident} {version}: it was added in {since}; require `>= {since}`"
    hint = suggest(arg, list(variables))
    return (
        f"`{arg}` is no variable of {ident} {version}"
        + (f"; did you mean `{hint}`?" if hint else f" (its variables: {', '.join(sorted(variables)[:12])}"
           + (", ..." if len(variables) > 12 else "") + ")")
    )


def _outputs(doc, cat: Catalog, snips: list[S.Snippet], uses: list[ModuleUse], out: list[Finding]) -> None:
    if not uses:
        return
    by_name: dict[str, list[ModuleUse]] = {}
    for use in uses:
        by_name.setdefault(use.name, []).append(use)
    for index, snip in enumerate(snips):
        for t in S.unique_traversals(snip.body):
            steps = S.step_names(t.parts)
            if len(steps) < 3 or steps[0] != "module" or steps[1] not in by_name:
                continue
            candidates = [u for u in by_name[steps[1]] if u.snippet == index] or by_name[steps[1]]
            if len({u.ident for u in candidates}) != 1:
                continue  # the page defines this module name twice, differently: cannot tell which
            output = steps[2]
            known: set[str] = set()
            unknown_version = False
            versions = [v for u in candidates for v in u.versions]
            for v in versions:
                outs = cat.outputs_at(candidates[0].ident, v)
                if outs is None:
                    unknown_version = True
                else:
                    known |= outs
            if unknown_version or not versions or output in known:
                continue
            ident = candidates[0].ident
            line, col = snip.position(t.line, t.column)
            out.append(MOD_OUTPUT.at(doc.path, line, col, _unknown_output(cat, ident, versions, output, known)))


def _unknown_output(cat: Catalog, ident: str, versions: list[str], output: str, known: set[str]) -> str:
    shown = newest(versions) or ""
    history = cat.output_history(ident, output)
    if history:
        since, removed = history.get("since"), history.get("removed_in")
        span = f"it exists from {since}" + (f" to before {removed}" if removed else "")
        return f"{ident} {shown} has no output `{output}` ({span}): pin a version that has it or use another output"
    hint = suggest(output, sorted(known))
    listing = ", ".join(sorted(known)) or "none"
    return f"{ident} {shown} has no output `{output}`" + (
        f"; did you mean `{hint}`?" if hint else f" (its outputs: {listing})"
    )


# -- the check -----------------------------------------------------------------------------


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
            for p in src.problems:
                yield _finding(doc, ref, p)
            return
    if ref.where == "code-span" and ref.scheme is None:
        return  # a host name or a path in inline code, not a link
    for p in check_page(cat, ref, existence_only):
        yield _finding(doc, ref, p)


def _looks_like_source(ref: Ref) -> bool:
    segs = ref.segments
    return len(segs) >= 2 and segs[0] != "modules" and segs[0] not in C.KIND_OF_SECTION and not ref.query


def run(doc: Document, config: Config) -> Iterator[Finding]:
    cat = load_catalog(config=config)
    out: list[Finding] = []
    _, handled = _module_blocks(doc, cat, out)
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
