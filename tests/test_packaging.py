"""The package declares what it imports: every third-party module that docs_check imports
(at the top of a module or inside a function) comes from a distribution listed in
pyproject's `dependencies`, so `pip install .` gives a working docs-check."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata

from conftest import ROOT

PACKAGE = ROOT / "hooks" / "docs_check"


def _imported_top_levels() -> dict[str, str]:
    """Top-level module name -> one file that imports it, for absolute imports."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    # Data read from a distribution by name (importlib.resources) is a dependency too.
    for path in sorted(PACKAGE.rglob("*.py")):
        for name in re.findall(r"resources\.files\(\"(\w+)\"\)", path.read_text(encoding="utf-8")):
            found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_third_party_import_is_a_declared_dependency() -> None:
    declared = {
        _normalise(re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0])
        for dep in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    providers = metadata.packages_distributions()
    missing = []
    for module, where in sorted(_imported_top_levels().items()):
        if module in sys.stdlib_module_names or module in ("docs_check", "__future__"):
            continue
        dists = {_normalise(d) for d in providers.get(module, [module])}
        if not dists & declared:
            missing.append(f"{module} ({where}; from {sorted(dists)})")
    assert missing == [], "imported but not declared in pyproject's dependencies: " + ", ".join(missing)
