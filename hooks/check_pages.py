"""MkDocs hook: what only MkDocs (and ProperDocs) have events for, around the page checks.

The checks themselves run in every engine through the Markdown extension
`docs_check.extension` (listed in mkdocs.yml), which logs each page's findings, so that
`mkdocs build --strict` fails on them, and shows the problem box under `serve`. This hook
starts the build's session so that extension reports to it, checks every page in worker
processes while MkDocs renders, has `mkdocs serve` watch the word lists and the
configuration, links the box's stylesheet and script under `serve`, and writes the report.
All logic lives in the `docs_check` package; this file only adapts MkDocs' events.
"""

from __future__ import annotations

from docs_check import ConfigError, preview
from docs_check.build import BuildSession, activate, checks_enabled
from mkdocs.exceptions import PluginError

_command = "build"
session: BuildSession | None = None


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global session
    session = None
    if checks_enabled():
        try:
            session = BuildSession.create(config.config_file_path, config.extra, serving=_command == "serve")
        except ConfigError as exc:
            raise PluginError(f"docs-check: {exc}") from None
        if session.serving:
            config.extra_css.append(preview.CSS)
            config.extra_javascript.append(preview.JS)
    activate(session)


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


def on_post_build(config):
    if session is not None:
        session.close()
        session.write_report()


def on_build_error(error):
    if session is not None:
        session.close()
