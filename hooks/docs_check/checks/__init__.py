"""Every Markdown check, in the order they run. A new check adds its module here."""

from __future__ import annotations

from ..check import Check

MARKDOWN_CHECKS: list[Check] = []


def _register() -> None:
    # Imported here so that each check module stays importable on its own.
    import importlib

    for name in CHECK_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        MARKDOWN_CHECKS.append(module.CHECK)


# One line per check module; each defines `CHECK: Check`.
CHECK_MODULES: list[str] = [
    "alerts",
    "terraform",
    "secrets",
    "spelling",
    "registry",
    "provider",
    "pagelinks",
]

_register()
