"""MkDocs hook: render a Coder-style docs tree as coder.com does.

Navigation, titles and states come from the tree's `manifest.json`; `<children>`,
`<div class="tabs">`, CommonMark list indentation, links that leave the tree and GitHub's
heading anchors are handled by `docs_check.coderdocs`. This file only adapts MkDocs' events.
"""

from __future__ import annotations

import logging
from pathlib import Path

from docs_check.coderdocs import children, lists, tabs
from docs_check.coderdocs import manifest as manifests
from docs_check.coderdocs import redirects as redirect_rules
from docs_check.coderdocs.badges import page_badges
from docs_check.coderdocs.mdext import CoderDocsExtension
from docs_check.coderdocs.outlinks import Repository
from docs_check.coderdocs.slugs import slugify
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.coder_docs")
STATES_CSS = "assets/stylesheets/coder-states.css"

manifest: manifests.Manifest | None = None
extension: CoderDocsExtension | None = None


def on_config(config):
    global manifest, extension
    docs = Path(config.docs_dir)
    manifest = None
    if (docs / manifests.FILENAME).is_file():
        try:
            manifest = manifests.load(docs / manifests.FILENAME)
        except manifests.ManifestError as exc:
            raise PluginError(f"coder_docs: {exc}") from None
        if not config.nav:
            config.nav = manifests.nav(manifest)
        config.extra.setdefault("status", {}).update(manifests.states(manifest))
        if STATES_CSS not in config.extra_css:
            config.extra_css.append(STATES_CSS)

    if "redirects" in config.plugins:
        plugin_config = config.plugins["redirects"].config
        kept, dropped = redirect_rules.applicable(
            plugin_config.get("redirect_maps") or {}, lambda p: (docs / p).is_file()
        )
        for src, dest in dropped.items():
            log.info("redirect %s -> %s does not apply to %s; left out", src, dest, docs)
        plugin_config["redirect_maps"] = kept

    config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
    settings = config.extra.get("coder_docs") or {}
    if settings.get("repo_blob_url"):
        repository = Repository(settings["repo_blob_url"], settings.get("docs_path", "docs"))
    else:
        repository = Repository.from_site(config.repo_url, config.edit_uri)
    extension = CoderDocsExtension(repository)
    config.markdown_extensions.append(extension)
    return config


def on_page_markdown(markdown, page, config, files):
    path = page.file.src_uri
    if extension is not None:
        extension.page_path = path
        extension.page_url = page.url
        extension.directory_urls = config.use_directory_urls
    markdown = lists.normalize_lists(markdown)
    markdown = tabs.convert_tabs(markdown, path)
    markdown = children.expand_children(markdown, path, manifest)
    route = manifest.route(path) if manifest else None
    if route is not None and route.states:
        page.meta.setdefault("status", manifests.state_id(route.states[0]))
        page.meta["states"] = list(route.states)
    return markdown


def on_page_content(html, page, config, files):
    states = page.meta.get("states")
    return page_badges(html, states) if states else html
