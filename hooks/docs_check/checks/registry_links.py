"""Registry page links: `https://registry.coder.com/modules/coder/claude-code`, `?search=tag%3Atasks`.

In prose and in code blocks, a link must reach a page that exists, spelt as the registry
spells it, on the production host, with query parameters the registry reads. Inside inline
code only existence is checked (a removed, misspelt or unknown module): prose often quotes
an old form or a host name on purpose, to tell readers what to replace.

`find_refs` also finds module sources (`registry.coder.com/<ns>/<module>/coder`) written
outside a module block; `registry` hands those to `registry_modules`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote_plus

from .. import catalog as C
from ..catalog import Catalog
from ..rules import suggest
from ..scanner import INDENTED_CODE, Document
from .registry_hosts import OK, classify_host, host_problem, may_hold_registry
from .registry_rules import (
    CASE,
    HOST_RULE,
    LEGACY,
    NOT_FOUND,
    QUERY,
    REMOVED,
    TAB,
    TAG,
    URL,
    Problem,
    removed_message,
    unlisted,
)

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


def check_page(cat: Catalog, ref: Ref, existence_only: bool) -> list[Problem]:
    """What is wrong with a page link: its host and scheme, its path, its query."""
    problems = [] if existence_only else _host_problems(ref)
    fixed_host = ref.host if classify_host(ref.host) == OK else C.HOST

    def fixed(path: str | None = None, query: str | None = None) -> str:
        return ref.with_parts(scheme="https" if ref.scheme else None, host=fixed_host, path=path, query=query)

    segs = ref.segments
    if not segs:
        return problems
    section = segs[0]
    if section not in C.KIND_OF_SECTION:
        if section.lower() not in C.KIND_OF_SECTION:
            if not existence_only:
                problems.extend(_not_a_page(cat, ref, segs, fixed))
            return problems
        right = "/" + "/".join([section.lower(), *segs[1:]])
        problems.append(Problem(
            CASE, f"`/{section}` is spelt `/{section.lower()}` on the registry", fixed(path=right), "fix the case"
        ))
        section = section.lower()
    kind = C.KIND_OF_SECTION[section]
    names = segs[1:]
    page_kind = _path_problems(cat, ref, kind, names, fixed, existence_only, problems)
    if ref.query:
        query = _query(cat, ref, kind, page_kind, names, fixed)
        problems.extend(p for p in query if not existence_only or p.rule is TAG)
    return problems


def _host_problems(ref: Ref) -> list[Problem]:
    host_kind = classify_host(ref.host)
    if host_kind != OK:
        return [Problem(
            HOST_RULE, host_problem(ref.host, host_kind),
            ref.with_parts(scheme="https" if ref.scheme else None, host=C.HOST), f"link {C.HOST}",
        )]
    if ref.scheme and ref.scheme.lower() != "https":
        return [Problem(
            HOST_RULE, f"`{ref.scheme}://` link to the registry: write `https://{C.HOST}`",
            ref.with_parts(scheme="https"), "use https",
        )]
    return []


def _path_problems(
    cat: Catalog, ref: Ref, kind: str, names: list[str], fixed, existence_only: bool, problems: list[Problem]
) -> str | None:
    """Problems of `/<section>/<names...>` (appended); the kind of page it lands on, for ?tab=."""
    if not names:
        return None
    if kind == C.NAMESPACE:
        if len(names) == 1:
            problems.extend(_item(cat, C.NAMESPACE, names[0], ref, fixed))
            return C.NAMESPACE
        if not existence_only:
            problems.append(Problem(
                URL, f"`{ref.path}` is no registry page: a contributor page is `/contributors/<namespace>`",
                fixed(path=f"/contributors/{names[0]}") if names[0] in cat.namespaces else None,
                "link the contributor page",
            ))
        return None
    if len(names) == 1:
        if kind != C.SKILL:
            problems.extend(_legacy(cat, kind, names[0], ref, fixed, existence_only))
            return kind
        if not existence_only:
            problems.append(Problem(URL, f"`{ref.path}` is no registry page: a skill page is `/skills/<namespace>/<skill>`"))
        return None
    if len(names) == 2:
        problems.extend(_item(cat, kind, f"{names[0]}/{names[1]}", ref, fixed))
        return kind
    problems.extend(_below_a_page(cat, ref, kind, names, fixed, existence_only))
    return None


def _below_a_page(cat: Catalog, ref: Ref, kind: str, names: list[str], fixed, existence_only: bool) -> list[Problem]:
    """`/modules/<ns>/<name>/<more>`: nothing lives below a page."""
    section = C.SECTION[kind]
    ident = f"{names[0]}/{names[1]}"
    exists = cat.lookup(kind, ident).ok
    if existence_only and exists:
        return []
    hint = (
        f"; the {kind} page is `/{section}/{ident}`"
        + (f" (as a Terraform source, write `{C.module_source(ident)}`)" if kind == C.MODULE else "")
        if exists else ""
    )
    problems = [Problem(
        URL, f"`{ref.path}` is no registry page (nothing lives under `/{'/'.join(names[2:])}`){hint}",
        fixed(path=f"/{section}/{ident}") if exists else None, "link the page",
    )]
    if not exists:
        problems.extend(_item(cat, kind, ident, ref, fixed))
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
        return [Problem(REMOVED, removed_message(what, look.note, kind))]
    if look.other_kind:
        other = C.SECTION[look.other_kind]
        return [Problem(
            NOT_FOUND, f"{what} does not exist, but {C.describe(look.other_kind, ident)} does: link `/{other}/{ident}`",
            fixed(path=f"/{other}/{ident}"), f"link the {look.other_kind} page",
        )]
    hint = f"; did you mean `{look.suggestion}`?" if look.suggestion else ""
    missing = unlisted(ident, look.suggestion)
    note = cat.unlisted_note() if missing else ""
    listing = f"https://{C.HOST}/{section}"
    return [Problem(NOT_FOUND, f"{what} does not exist in the registry{hint} (see {listing}){note}", unlisted=missing)]


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
        return [Problem(REMOVED, removed_message(f"{kind} {removed[0]}", cat.removed[kind].get(removed[0], ""), kind))]
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
