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


def _module_name(path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST):
    """Every node of the tree except those under `if TYPE_CHECKING:` (never imported at run time)."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and ast.unparse(child.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
                todo.extend(child.orelse)
                continue
            todo.append(child)


def _import_graph() -> dict[str, set[str]]:
    """docs_check module -> the docs_check modules it imports, anywhere in its body."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    base = f"{base}.{node.module}" if node.module else base
                else:
                    base = node.module or ""
                # `from . import x` imports the module x when there is one, else the package.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            graph[name].update(t for t in targets if t in files and t != name)
    return graph


def test_the_package_imports_run_one_way() -> None:
    """No import cycle among docs_check's modules, counting imports inside functions (a
    function-level import is how a cycle hides; `__main__` and a package's own __init__
    listing its submodules are the exceptions by construction)."""
    graph = _import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == [], f"import cycles: {cycles}"
