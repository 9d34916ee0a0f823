"""Checks that read a built site (HTML), not Markdown: `docs-check site DIR`.

    [tool.docs-check.site]
    exclude = ["api/**"]                   # built pages (globs) not checked
    exclude-urls = ["^https://github\\.com/coder/coder/edit/"]   # links never reported (regexes)
    base-url = "https://coder.com/docs/"   # site_url (default: read from the home page)
    content-selector = "article.md-content__inner"   # where a page's own content sits
    allow-hosts = ["127.0.0.1"]            # hosts the offline shape check accepts
    placeholder-hosts = ["coder.company.com"]        # more placeholder hosts to reject
    # online mode (`docs-check site DIR --online`), run through lychee:
    cache-dir = ".docs-check/lychee"       # its disk cache
    cache-age = "1d"                       # cache expiry ("" disables the cache)
    max-concurrency = 32
    host-concurrency = 1                   # >1 is faster, but lychee then retries a 429 before its Retry-After
    retries = 3
    timeout = 20                           # seconds per request
    external-fragments = false             # also check #fragments of external pages
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from ..config import Config, ConfigError, check_section_keys
from ..engine import finalize
from ..findings import Finding
from ..siteconfig import read_mkdocs_yml
from . import rules  # noqa: F401  (declares the link-* rules)

__all__ = ["check_site", "check_site_by_page", "validate_config"]

_OPTIONS: dict[str, type | tuple[type, ...]] = {
    "exclude": list, "exclude-urls": list, "base-url": str, "content-selector": str,
    "allow-hosts": list, "placeholder-hosts": list, "cache-dir": str, "cache-age": str,
    "max-concurrency": int, "host-concurrency": int, "retries": int, "timeout": int,
    "external-fragments": bool,
}


def check_site(site_dir: Path, config: Config, *, docs_dir: Path | None = None,
               online: bool = False) -> tuple[list[Finding], int]:
    """Every link problem of a built site, on the Markdown lines that cause them; and the
    number of pages checked. A link the theme repeats on every page is reported once."""
    by_page, pages = check_site_by_page(site_dir, config, docs_dir=docs_dir, online=online)
    grouped: dict[tuple, list[Finding]] = {}
    for findings in by_page.values():
        for f in findings:
            grouped.setdefault((f.path, f.line, f.column, f.rule, f.message), []).append(f)
    out = []
    for group in grouped.values():
        first = group[0]
        if len(group) > 1:
            others = len({f.page for f in group}) - 1
            if others:
                first = Finding(first.path, first.line, first.column, first.rule, first.severity,
                                f"{first.message} (and on {others} other page{'s' * (others != 1)})",
                                first.end_line, first.end_column, first.fix, first.page)
        out.append(first)
    return sorted(out, key=Finding.sort_key), pages


def check_site_by_page(site_dir: Path, config: Config, *, docs_dir: Path | None = None,
                       online: bool = False) -> tuple[dict[str, list[Finding]], int]:
    """Findings per built page URL (`/ai-coder/tasks/`), every page present; and the count."""
    from .layout import page_url
    from .linkcheck import Options, run
    from .sourcemap import SourceMap, find_mkdocs_yml, templates_dir

    opt = _options(config)
    options = Options(
        content_selector=opt("content-selector", None) or Options.content_selector,
        allow_hosts=frozenset(h.lower() for h in opt("allow-hosts", [])),
        placeholder_hosts=tuple(h.lower() for h in opt("placeholder-hosts", [])),
        exclude_urls=tuple(opt("exclude-urls", [])),
        collect_external=online,
    )
    _check_patterns(options.exclude_urls, config)
    _layout, result = run(site_dir, options, base_url=opt("base-url", None),
                         exclude=opt("exclude", []), jobs=config.jobs)
    problems = list(result.problems)
    if online:
        problems.extend(_online(result.external, opt, config))

    mkdocs_yml = find_mkdocs_yml(docs_dir)
    mk_config = read_mkdocs_yml(mkdocs_yml) if mkdocs_yml else {}
    smap = SourceMap(site_dir, docs_dir, mkdocs_yml, templates_dir(mkdocs_yml, mk_config))
    by_page: dict[str, list[Finding]] = {page_url(p): [] for p in result.pages}
    # Page by page, so only one page's Markdown (or HTML) is held at a time.
    problems.sort(key=lambda p: p.page)
    for page, group in groupby(problems, key=lambda p: p.page):
        raw: dict[str, list[Finding]] = {}
        for problem in group:
            f = smap.finding(problem)
            raw.setdefault(f.path, []).append(f)
        for path, findings in raw.items():
            # Configuration and the Markdown file's suppression comments apply as for any check.
            by_page[page_url(page)].extend(finalize(findings, smap.document(path), config))
        smap.release_pages()
    return by_page, len(result.pages)


def validate_config(config: Config) -> None:
    """Every key and value of `[tool.docs-check.site]`, before any page is read (build.validate
    calls it, so a typo there fails `mkdocs build` and `docs-check` as it fails `docs-check site`)."""
    opt = _options(config)
    for key in _OPTIONS:
        opt(key, None)
    _check_patterns(tuple(opt("exclude-urls", [])), config)


def _options(config: Config):
    check_section_keys(config, "site", tuple(_OPTIONS))

    def get(key: str, default):
        value = config.option("site", key, default, _OPTIONS[key])
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{config.source}: [tool.docs-check.site] {key} = {value!r}: expected a list of strings")
        return value

    return get


def _check_patterns(patterns: tuple[str, ...], config: Config) -> None:
    import re

    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(
                f"{config.source}: [tool.docs-check.site] exclude-urls: {pattern!r} is not a regular expression ({exc})"
            ) from None


def _online(urls, opt, config: Config):
    from .online import OnlineOptions, check_external

    cache_dir = Path(opt("cache-dir", ".docs-check/lychee"))
    if not cache_dir.is_absolute():
        cache_dir = config.root / cache_dir
    for key in ("max-concurrency", "host-concurrency", "timeout"):
        if opt(key, 1) < 1:
            raise ConfigError(f"{config.source}: [tool.docs-check.site] {key} must be at least 1")
    return check_external(urls, OnlineOptions(
        cache_dir=cache_dir,
        cache_age=opt("cache-age", "1d"),
        max_concurrency=opt("max-concurrency", 32),
        host_concurrency=opt("host-concurrency", 1),
        retries=opt("retries", 3),
        timeout=opt("timeout", 20),
        exclude=tuple(opt("exclude-urls", [])),
        fragments=opt("external-fragments", False),
    ))
