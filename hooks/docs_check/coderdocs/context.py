"""Which page a Python-Markdown instance is rendering, whichever engine made it.

Our extensions run inside MkDocs 1.6, ProperDocs 1.6 and Zensical; none of them passes
the page to a Markdown extension, but each leaves it where an extension can find it:

- MkDocs and ProperDocs register their link resolver as the tree processor "relpath" on
  the page's own Markdown instance before converting; it holds the page's `File` (source
  path, URL, the `Page` and its `meta`) and the validated configuration.
- Zensical registers `zensical.extensions.context.ContextPreprocessor` (name
  "rendering_context"), which holds a `Page` (docs-relative `path`, `url`, `meta`) and the
  configuration dict.

`page_context` is the one place that knows this; everything else reads a `PageContext`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.util import Registry


@dataclass
class PageContext:
    path: str  # docs-relative, posix: "ai-coder/tasks.md"
    url: str  # the page's URL relative to the site root: "ai-coder/tasks/"
    docs_dir: Path
    root: Path  # the folder of the configuration file (mkdocs.yml, properdocs.yml)
    extra: dict[str, Any]  # the configuration's `extra`
    repo_url: str | None = None
    edit_uri: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # the page's meta; writes reach the theme
    directory_urls: bool = True
    engine: str = "mkdocs"  # "mkdocs" (ProperDocs too) or "zensical"
    serving: bool = False  # under `zensical serve` (MkDocs' hook tells the build session itself)

    @property
    def abs_path(self) -> Path:
        return self.docs_dir / self.path


def page_context(md: Markdown) -> PageContext | None:
    """The page `md` renders, or None outside an engine (a bare `markdown.markdown()` call)."""
    relpath = _registered(md.treeprocessors, "relpath")
    file = getattr(relpath, "file", None)
    if file is not None and getattr(file, "src_uri", None) is not None:
        config = relpath.config  # type: ignore[union-attr]
        page = getattr(file, "page", None)
        meta = page.meta if page is not None else {}
        config_file = config.get("config_file_path")
        return PageContext(
            path=file.src_uri,
            url=file.url,
            docs_dir=Path(config["docs_dir"]),
            root=Path(config_file).resolve().parent if config_file else Path.cwd(),
            extra=dict(config.get("extra") or {}),
            repo_url=config.get("repo_url"),
            edit_uri=config.get("edit_uri"),
            meta=meta,
            directory_urls=bool(config.get("use_directory_urls", True)),
        )
    context = _registered(md.preprocessors, "rendering_context")
    page = getattr(context, "page", None)
    if page is not None:
        config: dict[str, Any] = getattr(context, "config", None) or {}
        root = Path(config.get("root_dir") or ".").resolve()
        return PageContext(
            path=str(page.path).replace("\\", "/"),
            url=page.url or "",
            docs_dir=(root / config.get("docs_dir", "docs")).resolve(),
            root=root,
            extra=dict(config.get("extra") or {}),
            repo_url=config.get("repo_url"),
            edit_uri=config.get("edit_uri"),
            meta=page.meta,
            directory_urls=bool(config.get("use_directory_urls", True)),
            engine="zensical",
            serving=_zensical_serving(),
        )
    return None


def _registered(registry: Registry, name: str) -> object | None:
    try:
        return registry[name]
    except KeyError:
        return None


def _zensical_serving() -> bool:
    """`zensical serve` renders in the process its command line started; no setting says so."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    return bool(args) and args[0] == "serve"
