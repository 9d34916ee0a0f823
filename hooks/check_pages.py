"""MkDocs hook: hand each page to docs_check and log what it found.

Errors and warnings go through MkDocs' plugin logger, so `mkdocs build --strict` fails on
them. Under `mkdocs serve` each page with findings also shows them in a box at its top.
All logic lives in the `docs_check` package; this file only adapts MkDocs' events.
"""

from __future__ import annotations

import logging

from docs_check import ConfigError, preview
from docs_check.build import BuildSession, checks_enabled, log_findings
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.docs_check")
_command = "build"
session: BuildSession | None = None


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global session
    if not checks_enabled():
        session = None
        return
    try:
        session = BuildSession.create(config.config_file_path, config.extra, serving=_command == "serve")
    except ConfigError as exc:
        raise PluginError(f"docs-check: {exc}") from None
    if session.serving:
        config.extra_css.append(preview.CSS)
        config.extra_javascript.append(preview.JS)


def on_serve(server, config, builder):
    if session is not None:
        for path in session.watch_paths():
            server.watch(str(path))
    return server


def on_files(files, config):
    if session is not None:
        try:
            session.precheck(f.abs_src_path for f in files.documentation_pages() if f.abs_src_path)
        except ConfigError as exc:
            raise PluginError(f"docs-check: {exc}") from None


def on_page_markdown(markdown, page, config, files):
    if session is not None and page.file.abs_src_path:
        try:
            log_findings(log, session.check_page(page.file.abs_src_path, markdown))
        except ConfigError as exc:
            raise PluginError(f"docs-check: {exc}") from None
    return markdown


def on_page_content(html, page, config, files):
    if session is not None and session.serving and page.file.abs_src_path:
        return preview.inject(html, session.page_findings(page.file.abs_src_path))
    return html


def on_post_build(config):
    if session is not None:
        session.close()
        session.write_report()


def on_build_error(error):
    if session is not None:
        session.close()
