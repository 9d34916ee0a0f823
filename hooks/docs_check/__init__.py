"""docs_check: the checks behind Coder's ai-coder docs, usable with or without MkDocs.

    from docs_check import load_config, check_text
    for finding in check_text(markdown, "docs/ai-coder/tasks.md", load_config()):
        print(finding.format())
"""

from __future__ import annotations

from .config import Config, ConfigError
from .configfile import load as load_config
from .engine import Engine, check_document, check_text
from .findings import Finding, Fix, Severity
from .scanner import Document

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Engine",
    "Finding",
    "Fix",
    "Severity",
    "check_document",
    "check_text",
    "load_config",
]
