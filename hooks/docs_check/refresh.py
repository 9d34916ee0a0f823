"""Regenerate the vendored registry catalog, so the registry checks do not rot.

    python -m docs_check.refresh --registry-checkout ../registry   # from a clone of coder/registry
    python -m docs_check.refresh --live                            # versions from registry.coder.com

A checkout refresh rebuilds the catalog from the repository: namespaces, modules and
templates at HEAD (README front matter, variables and outputs of their `.tf` files),
module versions from the `release/<namespace>/<module>/vX.Y.Z` tags, how variables and
outputs changed from tag to tag, the tag index, and what was removed. What a checkout
cannot tell (skills, renames, the pre-registry coder/modules versions, Tasks-tag history)
is carried over from the current catalog and listed in `generated_from_detail.carried_over`.

A live refresh asks the registry, over Terraform's module registry protocol, which versions
it serves for every module the catalog knows; modules it no longer serves become removed.

See data/PROVENANCE.md. Exit status: 0 written (or nothing to do), 2 on a bad argument or an
unreadable source.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .catalog import BASE_URL, DEFAULT_CATALOG, HOST
from .scanner import front_matter
from .tokenshapes import is_secret_name
from .versions import Version, VersionError, is_version

TAG = re.compile(r"^release/(?P<ns>[^/]+)/(?P<module>[^/]+)/v(?P<version>\d+\.\d+\.\d+)$")
README_VERSION = re.compile(r'\bversion\s*=\s*"(?P<v>\d+\.\d+\.\d+)"')
SUMMARY_TAGS = ("tasks", "agent", "ai")
# Per-module fields a checkout does not produce; kept from the previous catalog.
CARRIED_MODULE_FIELDS = ("tasks_support", "legacy_coder_modules_versions", "supported_os")
CARRIED_TOP_FIELDS = (
    "url_shapes", "renames", "legacy_coder_modules_repo", "tasks_tag_history", "module_source_versions",
    "documented_secret_defaults",
)


class RefreshError(Exception):
    pass


# -- reading a checkout ----------------------------------------------------------------------


def _git(repo: Path, *args: str) -> str:
    try:
        proc = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, timeout=120
        )
    except FileNotFoundError:
        raise RefreshError("git is not installed; it is needed to read release tags") from None
    except subprocess.CalledProcessError as exc:
        raise RefreshError(f"git {' '.join(args)} failed in {repo}: {exc.stderr.strip()}") from None
    return proc.stdout


def _is_git(repo: Path) -> bool:
    try:
        return _git(repo, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except RefreshError:
        return False


def read_tf(texts: Sequence[str]) -> dict[str, Any]:
    """Variables, outputs, coder types and module calls declared in some `.tf` files."""
    from .hcl import HclSyntaxError, parse

    info: dict[str, Any] = {
        "variables": {}, "outputs": [], "coder_types": set(), "modules": [], "provider_constraint": None,
        "ai_prompt": False,
    }
    for text in texts:
        try:
            body = parse(text)
        except (HclSyntaxError, RecursionError):
            _read_tf_loosely(text, info)
            continue
        for block in (i for i in body.items if hasattr(i, "labels")):
            reader = _BLOCK_READERS.get(block.type)
            if reader is not None:
                reader(block, {a.name: a.expr for a in block.body.items if hasattr(a, "expr")}, info)
    return info


def _read_variable(block: Any, attrs: dict[str, Any], info: dict[str, Any]) -> None:
    if not block.labels:
        return
    var: dict[str, Any] = {"required": "default" not in attrs}
    if "type" in attrs:
        var["type"] = attrs["type"].text
    if "sensitive" in attrs and attrs["sensitive"].text == "true":
        var["sensitive"] = True
    default = attrs.get("default")
    if default is not None and default.kind == "string" and default.value and is_secret_name(block.labels[0]):
        var["default"] = default.value  # published: the secret checks do not report it
    info["variables"][block.labels[0]] = var


def _read_output(block: Any, attrs: dict[str, Any], info: dict[str, Any]) -> None:
    if block.labels:
        info["outputs"].append(block.labels[0])


def _read_coder_type(block: Any, attrs: dict[str, Any], info: dict[str, Any]) -> None:
    if len(block.labels) != 2 or not block.labels[0].startswith("coder_"):
        return
    prefix = "data." if block.type == "data" else ""
    info["coder_types"].add(prefix + block.labels[0])
    name = attrs.get("name")
    if block.type == "data" and block.labels[0] == "coder_parameter" and name is not None:
        info["ai_prompt"] |= name.value == "AI Prompt"


def _read_module(block: Any, attrs: dict[str, Any], info: dict[str, Any]) -> None:
    if not block.labels:
        return
    source, version = attrs.get("source"), attrs.get("version")
    info["modules"].append({
        "name": block.labels[0],
        "source": source.value if source is not None else None,
        "version": version.value if version is not None else None,
    })


def _read_terraform(block: Any, attrs: dict[str, Any], info: dict[str, Any]) -> None:
    for rp in (b for b in block.body.items if hasattr(b, "labels") and b.type == "required_providers"):
        for attr in (a for a in rp.body.items if hasattr(a, "expr")):
            fields = {i.key: i.value for i in attr.expr.items}
            src = fields.get("source")
            if src is not None and (src.value or "").endswith("coder/coder") and "version" in fields:
                info["provider_constraint"] = fields["version"].value


_BLOCK_READERS = {
    "variable": _read_variable,
    "output": _read_output,
    "resource": _read_coder_type,
    "data": _read_coder_type,
    "module": _read_module,
    "terraform": _read_terraform,
}


def _read_tf_loosely(text: str, info: dict[str, Any]) -> None:
    # A file our parser rejects still lists its variables and outputs; requiredness is unknown.
    for m in re.finditer(r'^\s*variable\s+"([^"]+)"', text, re.M):
        info["variables"].setdefault(m.group(1), {"required": False})
    for m in re.finditer(r'^\s*output\s+"([^"]+)"', text, re.M):
        info["outputs"].append(m.group(1))


def _tf_files(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.tf"))]


def _tf_at(repo: Path, ref: str, folder: str) -> list[str]:
    names = _git(repo, "ls-tree", "--name-only", f"{ref}:{folder}").split()
    return [_git(repo, "show", f"{ref}:{folder}/{n}") for n in names if n.endswith(".tf")]


def _history(per_version: dict[str, set[str]]) -> dict[str, dict[str, str]]:
    """`{name: {"since": v, "removed_in": v}}` for names that came or went between releases."""
    order = sorted(per_version, key=Version.parse)
    if not order:
        return {}
    every = set().union(*per_version.values())
    out: dict[str, dict[str, str]] = {}
    for name in sorted(every):
        present = [v for v in order if name in per_version[v]]
        if len(present) == len(order):
            continue  # there all along
        entry = {"since": present[0]}
        after = [v for v in order if Version.parse(v) > Version.parse(present[-1])]
        if after:
            entry["removed_in"] = after[0]
        out[name] = entry
    return out


def from_checkout(repo: Path, base: dict[str, Any]) -> dict[str, Any]:
    root = repo / "registry"
    if not root.is_dir():
        raise RefreshError(f"{repo}: not a coder/registry checkout (no registry/ folder)")
    git = _is_git(repo)
    tags: dict[str, list[str]] = {}
    tag_count = 0
    if git:
        for line in _git(repo, "tag", "--list", "release/*").split():
            m = TAG.match(line)
            if m:
                tags.setdefault(f"{m['ns']}/{m['module']}", []).append(m["version"])
                tag_count += 1
    for ident in tags:
        tags[ident].sort(key=Version.parse)
    base_ns = base.get("namespaces", {})

    namespaces: dict[str, Any] = {}
    for ns_dir in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        ns = ns_dir.name
        meta = front_matter(_read(ns_dir / "README.md"))
        old = base_ns.get(ns, {})
        entry: dict[str, Any] = {"modules": {}, "templates": {}}
        entry["display_name"] = meta.get("display_name", old.get("display_name", ns))
        entry["status"] = meta.get("status", old.get("status", "community"))
        entry["github"] = meta.get("github", old.get("github"))
        if old.get("skills"):
            entry["skills"] = old["skills"]
        for m_dir in sorted((ns_dir / "modules").glob("*/")):
            entry["modules"][m_dir.name] = _module(repo, ns, m_dir, tags.get(f"{ns}/{m_dir.name}", []), git,
                                                   old.get("modules", {}).get(m_dir.name, {}))
        for t_dir in sorted((ns_dir / "templates").glob("*/")):
            entry["templates"][t_dir.name] = _template(ns, t_dir)
        namespaces[ns] = entry

    catalog: dict[str, Any] = {}
    if git:
        head = _git(repo, "log", "-1", "--format=%H%n%cI%n%s").splitlines()
        commit, date, subject = ([*head, "", "", ""])[:3]
    else:
        commit, date, subject = "unknown", datetime.now(UTC).isoformat(timespec="seconds"), "not a git checkout"
    carried = [k for k in CARRIED_TOP_FIELDS if k in base] + ["namespaces.*.skills"]
    carried += [f"modules.*.{k}" for k in CARRIED_MODULE_FIELDS]
    catalog["generated_from"] = f"coder/registry {commit} {date}"
    catalog["generated_from_detail"] = {
        "repo": "coder/registry",
        "commit": commit,
        "commit_date": date,
        "commit_subject": subject,
        "release_tag_pattern": "release/<namespace>/<module>/v<MAJOR>.<MINOR>.<PATCH>",
        "release_tag_count": tag_count,
        "generated_by": "python -m docs_check.refresh --registry-checkout",
        "carried_over": carried,
    }
    catalog["counts"] = {
        "namespaces": len(namespaces),
        "modules": sum(len(v["modules"]) for v in namespaces.values()),
        "templates": sum(len(v["templates"]) for v in namespaces.values()),
    }
    if "url_shapes" in base:
        catalog["url_shapes"] = base["url_shapes"]
    catalog["namespaces"] = namespaces
    catalog["tag_index"] = _tag_index(namespaces)
    catalog["tag_summary"] = {
        t: [
            {"id": i, "latest_version": _latest_of(namespaces, i)}
            for i in catalog["tag_index"].get(t, [])
        ]
        for t in SUMMARY_TAGS
    }
    if "tasks_tag_history" in base:
        catalog["tasks_tag_history"] = base["tasks_tag_history"]
    catalog["released_but_not_at_head"] = _removed_modules(repo, namespaces, tags, git, base)
    catalog["removed_templates"] = _removed_templates(repo, namespaces, git, base)
    for key in ("renames", "legacy_coder_modules_repo", "module_source_versions", "documented_secret_defaults"):
        if key in base:
            catalog[key] = base[key]
    return catalog


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _module(repo: Path, ns: str, folder: Path, versions: list[str], git: bool, old: dict[str, Any]) -> dict[str, Any]:
    readme = _read(folder / "README.md")
    meta = front_matter(readme)
    head = read_tf(_tf_files(folder))
    ident = f"{ns}/{folder.name}"
    readme_versions = sorted({m["v"] for m in README_VERSION.finditer(readme)}, key=Version.parse)
    entry: dict[str, Any] = {
        "display_name": meta.get("display_name", folder.name),
        "tags": list(meta.get("tags") or []),
        "verified": bool(meta.get("verified", False)),
        "icon": meta.get("icon"),
    }
    if meta.get("maintainer_github"):
        entry["maintainer_github"] = meta["maintainer_github"]
    entry["readme_versions"] = readme_versions
    entry["versions"] = versions
    entry["latest_version"] = versions[-1] if versions else None
    untagged = [v for v in readme_versions if v not in versions]
    if untagged:
        entry["readme_version_untagged"] = untagged[-1]
    entry["source"] = f"{HOST}/{ident}/coder"
    entry["url"] = f"{BASE_URL}/modules/{ident}"
    entry["variables"] = head["variables"]
    entry["required_variables"] = [n for n, v in head["variables"].items() if v.get("required")]
    entry["outputs"] = head["outputs"]
    var_hist: dict[str, set[str]] = {}
    out_hist: dict[str, set[str]] = {}
    if git:
        for v in versions:
            try:
                at = read_tf(_tf_at(repo, f"release/{ident}/v{v}", f"registry/{ns}/modules/{folder.name}"))
            except RefreshError:
                continue
            var_hist[v] = set(at["variables"])
            out_hist[v] = set(at["outputs"])
    entry["variable_history"] = _history(var_hist)
    entry["output_history"] = _history(out_hist)
    deps = {m["name"]: {"source": m["source"], "version": m["version"]} for m in head["modules"]
            if (m["source"] or "").startswith(HOST)}
    if deps:
        entry["depends_on_registry_modules"] = deps
    for key in CARRIED_MODULE_FIELDS:
        if key in old:
            entry[key] = old[key]
    return entry


def _template(ns: str, folder: Path) -> dict[str, Any]:
    meta = front_matter(_read(folder / "README.md"))
    tf = read_tf(_tf_files(folder))
    return {
        "display_name": meta.get("display_name", folder.name),
        "tags": list(meta.get("tags") or []),
        "verified": bool(meta.get("verified", False)),
        "icon": meta.get("icon"),
        "url": f"{BASE_URL}/templates/{ns}/{folder.name}",
        "coder_types_used": sorted(tf["coder_types"]),
        "registry_modules_used": tf["modules"],
        "coder_provider_constraint": tf["provider_constraint"],
        "defines_coder_ai_task": "coder_ai_task" in tf["coder_types"],
        "uses_ai_prompt_parameter": tf["ai_prompt"],
    }


def _tag_index(namespaces: dict[str, Any]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for ns, entry in namespaces.items():
        for section in ("modules", "templates"):
            for name, item in entry.get(section, {}).items():
                for tag in item.get("tags", []):
                    index.setdefault(str(tag), []).append(f"{ns}/{section}/{name}")
    return {t: sorted(ids) for t, ids in sorted(index.items())}


def _latest_of(namespaces: dict[str, Any], full: str) -> str | None:
    ns, section, name = full.split("/", 2)
    return namespaces.get(ns, {}).get(section, {}).get(name, {}).get("latest_version")


def _removed_modules(repo: Path, namespaces: dict[str, Any], tags: dict[str, list[str]], git: bool,
                     base: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for ident, versions in sorted(tags.items()):
        ns, name = ident.split("/", 1)
        if name in namespaces.get(ns, {}).get("modules", {}):
            continue
        entry: dict[str, Any] = {"versions": versions, "latest_version": versions[-1]}
        old = base.get("released_but_not_at_head", {}).get(ident, {})
        if git:
            entry["last_tag_date"] = _git(repo, "log", "-1", "--format=%cI", f"release/{ident}/v{versions[-1]}").strip()
            removal = _git(repo, "log", "-1", "--diff-filter=D", "--abbrev=8", "--format=%h %cs %s", "--",
                           f"registry/{ns}/modules/{name}").strip()
            if removal:
                entry["removed_by_commit"] = removal
        if "tasks_support" in old:
            entry["tasks_support"] = old["tasks_support"]
        entry.setdefault("removed_by_commit", old.get("removed_by_commit", ""))
        entry["source"] = f"{HOST}/{ident}/coder"
        out[ident] = entry
    return out


def _removed_templates(repo: Path, namespaces: dict[str, Any], git: bool, base: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in (base.get("removed_templates") or {}).items()
           if k.split("/")[2] not in namespaces.get(k.split("/")[0], {}).get("templates", {})}
    if not git:
        return out
    log = _git(repo, "log", "--diff-filter=D", "--abbrev=8", "--format=@%h %cs %s", "--name-only", "--",
               "registry/*/templates/*/README.md")
    commit = ""
    for line in log.splitlines():
        if line.startswith("@"):
            commit = line[1:]
            continue
        parts = line.strip().split("/")
        if len(parts) == 5 and parts[0] == "registry" and parts[2] == "templates":
            ns, name = parts[1], parts[3]
            if name not in namespaces.get(ns, {}).get("templates", {}):
                out.setdefault(f"{ns}/templates/{name}", {"removed_by_commit": commit})
    return dict(sorted(out.items()))


# -- the live registry -----------------------------------------------------------------------


def _get_json(url: str, timeout: float) -> Any:
    req = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "docs-check-refresh"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return json.loads(resp.read().decode("utf-8"))


def from_live(base: dict[str, Any], url: str = BASE_URL, timeout: float = 20.0) -> tuple[dict[str, Any], list[str]]:
    """Refresh versions and removals from a registry speaking Terraform's module protocol."""
    try:
        discovery = _get_json(f"{url.rstrip('/')}/.well-known/terraform.json", timeout)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise RefreshError(f"{url}: cannot reach the registry ({exc}); try a checkout refresh") from None
    modules_path = discovery.get("modules.v1") if isinstance(discovery, dict) else None
    if not modules_path:
        raise RefreshError(f"{url}: the registry does not announce modules.v1 in .well-known/terraform.json")
    api = modules_path if modules_path.startswith("http") else url.rstrip("/") + "/" + modules_path.strip("/") + "/"
    catalog = json.loads(json.dumps(base))
    changes: list[str] = []
    removed = catalog.setdefault("released_but_not_at_head", {})
    today = datetime.now(UTC).date().isoformat()
    for ns, entry in catalog["namespaces"].items():
        for name in list(entry.get("modules", {})):
            module = entry["modules"][name]
            ident = f"{ns}/{name}"
            try:
                data = _get_json(f"{api}{ns}/{name}/coder/versions", timeout)
            except urllib.error.HTTPError as exc:
                if exc.code != 404:
                    raise RefreshError(f"{api}{ns}/{name}/coder/versions: HTTP {exc.code}") from None
                removed[ident] = {
                    "versions": module.get("versions", []),
                    "latest_version": module.get("latest_version"),
                    "removed_by_commit": f"not served by {url} on {today}",
                    "source": f"{HOST}/{ident}/coder",
                }
                del entry["modules"][name]
                changes.append(f"{ident}: no longer served; recorded as removed")
                continue
            except (urllib.error.URLError, OSError, ValueError) as exc:
                raise RefreshError(f"{api}{ns}/{name}/coder/versions: {exc}") from None
            served = sorted(
                {v["version"].lstrip("v") for m in data.get("modules", []) for v in m.get("versions", [])
                 if is_version(str(v.get("version", "")))},
                key=Version.parse,
            )
            if served and served != module.get("versions"):
                added = [v for v in served if v not in module.get("versions", [])]
                changes.append(f"{ident}: versions now {served[-1]} latest" + (f" (new: {', '.join(added)})" if added else ""))
                module["versions"] = served
                module["latest_version"] = served[-1]
    catalog["counts"] = {
        "namespaces": len(catalog["namespaces"]),
        "modules": sum(len(e.get("modules", {})) for e in catalog["namespaces"].values()),
        "templates": sum(len(e.get("templates", {})) for e in catalog["namespaces"].values()),
    }
    detail = catalog.setdefault("generated_from_detail", {})
    detail["live_refresh"] = {"url": url, "date": today, "changes": len(changes)}
    return catalog, changes


# -- command line ----------------------------------------------------------------------------


def _summary(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    def ids(cat: dict[str, Any], section: str) -> set[str]:
        return {f"{ns}/{n}" for ns, e in cat.get("namespaces", {}).items() for n in e.get(section, {})}

    lines = []
    for section in ("modules", "templates"):
        before, after = ids(old, section), ids(new, section)
        for i in sorted(after - before):
            lines.append(f"+ {section[:-1]} {i}")
        for i in sorted(before - after):
            lines.append(f"- {section[:-1]} {i}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m docs_check.refresh", description=__doc__.split("\n\n")[0])
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--registry-checkout", type=Path, metavar="PATH", help="a local clone of coder/registry")
    src.add_argument("--live", action="store_true", help="ask the live registry (needs the network)")
    p.add_argument("--registry-url", default=BASE_URL, help=f"the registry for --live (default {BASE_URL})")
    p.add_argument("--base", type=Path, default=DEFAULT_CATALOG, help="the catalog to carry fields over from")
    p.add_argument("--output", type=Path, help="where to write (default: the --base file)")
    p.add_argument("--dry-run", action="store_true", help="print what would change, write nothing")
    args = p.parse_args(argv)
    try:
        try:
            base = json.loads(args.base.read_text(encoding="utf-8")) if args.base.is_file() else {}
        except (OSError, ValueError) as exc:
            raise RefreshError(f"{args.base}: cannot read the current catalog: {exc}") from None
        if args.live:
            new, changes = from_live(base, args.registry_url)
        else:
            new = from_checkout(args.registry_checkout, base)
            changes = _summary(base, new)
        _validate(new)
    except (RefreshError, VersionError) as exc:
        print(f"refresh: error: {exc}", file=sys.stderr)
        return 2
    for line in changes:
        print(line)
    out = args.output or args.base
    counts = new.get("counts", {})
    if args.dry_run:
        print(f"dry run: would write {out} ({counts})")
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}: {new.get('generated_from', '')} {counts}")
    return 0


def _validate(catalog: dict[str, Any]) -> None:
    """The checks must be able to load what we write."""
    from .catalog import build

    try:
        build(catalog, Path("<refreshed>"))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RefreshError(f"the refreshed catalog would not load ({exc}); nothing written") from None


if __name__ == "__main__":
    raise SystemExit(main())
