"""The per-user lexicon cache (docs_check.cachedir): written once, read after, never trusted
blindly. Every test points DOCS_CHECK_CACHE at a folder of its own (conftest.py already
keeps the whole suite away from ~/.cache). How much it saves is measured in
bench/bench_spelling.py, never here."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import shutil
import zlib
from pathlib import Path

import pytest
from conftest import docs_check
from docs_check import cachedir, check_text, load_config, wordlists
from docs_check.checks import lexicon, spelling

# Typos the suggestions must correct the same way from a built and from a cached lexicon,
# a name (no suggestion), and words each part of the tables decides.
PAGE = (
    "# Install\n\n"
    "Some teams are requiredto run agents in the Coder Regitsry; follow the instcrtion.\n"
    "Deploy with Kubernets and Tailcale. We use Masley here, bianually, everytime.\n"
    "The colour of the behaviour, cancelled twice; Bruno Quaresma's anti-virus re-run.\n"
    "Use the the `ufw` rule; ufw is a firewall; set client_id in prose.\n"
)


def findings(text: str = PAGE) -> list[tuple]:
    cfg = load_config(None)
    cfg.sections["spelling"] = {"variant": "en-US"}  # the page's British words are slips
    return [(f.rule, f.line, f.column, f.message) for f in check_text(text, "docs/page.md", cfg)
            if f.rule.startswith("spell-")]


def fresh() -> None:
    """Forget the lexicon this process holds, so the next check loads it again."""
    lexicon.tables.cache_clear()
    spelling._lexicon.cache_clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(cachedir.ENV, str(where))
    fresh()
    yield where
    fresh()  # the next test must not see a lexicon read from this test's folder


def entries(where: Path) -> list[Path]:
    return sorted(where.glob(f"{lexicon.CACHE_NAME}-*{cachedir.SUFFIX}"))


@pytest.fixture(scope="module")
def reference() -> list[tuple]:
    """The findings of a lexicon built from the dictionaries, with no cache at all."""
    old = os.environ.get(cachedir.ENV)
    os.environ[cachedir.ENV] = "off"
    fresh()
    try:
        found = findings()
    finally:
        if old is None:
            os.environ.pop(cachedir.ENV)
        else:
            os.environ[cachedir.ENV] = old
        fresh()
    assert {r for r, *_ in found} == {"spell-unknown-word", "spell-variant", "spell-repeated-word",
                                      "spell-code-in-prose"}
    assert any("did you mean `Kubernetes`" in m for *_, m in found)
    return found


def test_an_entry_is_written_and_then_read_instead_of_building(cache, reference, monkeypatch):
    assert findings() == reference
    [entry] = entries(cache)
    fresh()

    def no_build(*_args):
        raise AssertionError("the tables were built although the cache holds them")

    monkeypatch.setattr(lexicon.Tables, "build", no_build)
    assert findings() == reference  # every rule, suggestions included, from the cached tables
    assert entries(cache) == [entry]


def test_cached_tables_answer_like_built_ones(cache):
    stamp = wordlists.stamp(wordlists.folder())
    built = lexicon.Tables.build(wordlists.load(stamp), wordlists.english())
    cached = lexicon.Tables.from_payload(marshal.loads(marshal.dumps(built.payload())))
    a, b = lexicon.Lexicon.build({"coder": "Coder"}, built), lexicon.Lexicon.build({"coder": "Coder"}, cached)
    assert a.plain_for("") == b.plain_for("") and a.american == b.american and a.british == b.british
    assert a.words == b.words and a.terms == b.terms and a.names == b.names
    for word in ("a", "q", "colour", "color", "kubectl", "coder", "workspaces", "zzzq", "re-run"):
        assert (word in a, a.known(word)) == (word in b, b.known(word)), word
    for typo in ("Regitsry", "requiredto", "Tailcale", "xyzzy", "Masley", "teh", "Factort's", "codr"):
        assert a.suggestions(typo) == b.suggestions(typo), typo


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty", "not ours"])
def test_a_corrupt_entry_is_ignored_and_rebuilt(cache, reference, damage):
    findings()
    [entry] = entries(cache)
    data = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"\x00\xff" * 1000)
    elif damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        entry.write_bytes(data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:  # a valid entry whose payload is not a lexicon's: checksum right, content wrong
        body = marshal.dumps({"format": lexicon.PAYLOAD_FORMAT, "plain": 42})
        entry.write_bytes(cachedir.MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
    fresh()
    assert findings() == reference
    assert entries(cache) == [entry]
    key = entry.name[len(lexicon.CACHE_NAME) + 1 : -len(cachedir.SUFFIX)]
    assert lexicon.Tables.from_payload(cachedir.read(lexicon.CACHE_NAME, key))  # rewritten whole


def test_an_unreadable_entry_is_rebuilt(cache, reference):
    findings()
    [entry] = entries(cache)
    entry.unlink()
    entry.mkdir()  # reading it fails with an OSError, as an unreadable file would
    fresh()
    assert findings() == reference


def test_off_writes_nothing_anywhere(tmp_path, reference, monkeypatch):
    monkeypatch.setenv(cachedir.ENV, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    fresh()
    assert cachedir.folder() is None
    assert findings() == reference
    assert cachedir.write("x", "y", {"a": 1}) is False and cachedir.read("x", "y") is None
    assert list(tmp_path.iterdir()) == []
    fresh()


def test_the_default_folder_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv(cachedir.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cachedir.folder() == tmp_path / "xdg" / "docs-check"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # invalid per the specification: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cachedir.folder() == tmp_path / "home" / ".cache" / "docs-check"
    monkeypatch.setenv(cachedir.ENV, str(tmp_path / "mine"))
    assert cachedir.folder() == tmp_path / "mine"


def test_an_unwritable_folder_means_no_cache_and_no_error(tmp_path, reference, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cachedir.ENV, str(blocker / "cache"))
    fresh()
    assert findings() == reference
    assert cachedir.write("x", "y", {"a": 1}) is False
    fresh()


def test_the_command_runs_the_same_with_a_corrupt_or_unwritable_cache(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    where = tmp_path / "cache"
    clean = docs_check("--format", "json", "--select", "spell-", str(page), cwd=tmp_path,
                       env={cachedir.ENV: str(where)})
    assert clean.returncode == 1 and "Regitsry" in clean.stdout, clean.stderr
    [entry] = entries(where)
    entry.write_bytes(entry.read_bytes()[:1000])
    for env in ({cachedir.ENV: str(where)}, {cachedir.ENV: str(page / "nowhere")}, {cachedir.ENV: "off"}):
        proc = docs_check("--format", "json", "--select", "spell-", str(page), cwd=tmp_path, env=env)
        assert (proc.returncode, proc.stdout) == (clean.returncode, clean.stdout), proc.stderr
        assert "Traceback" not in proc.stderr and proc.stderr == clean.stderr
    assert entries(where) == [entry] and entry.stat().st_size > 1000  # rebuilt and rewritten


def test_a_changed_dictionary_is_a_new_entry(cache, tmp_path, monkeypatch):
    copy = tmp_path / "dicts"
    shutil.copytree(wordlists.folder(), copy)
    monkeypatch.setenv(wordlists.ENV, str(copy))
    fresh()
    assert "did you mean `Registry`" in findings("The Regitsry is here.\n")[0][3]
    [first] = entries(cache)
    # A word added to a dictionary, and the manifest updated as a refresh would.
    path = copy / "companies.txt"
    path.write_text(path.read_text(encoding="utf-8") + "Regitsry\n", encoding="utf-8")
    manifest = json.loads((copy / wordlists.MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["companies.txt"]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (copy / wordlists.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    fresh()
    assert findings("The Regitsry is here.\n") == []
    assert len(entries(cache)) == 2 and first in entries(cache)


def test_a_corrupt_dictionary_is_still_a_configuration_error_with_a_warm_cache(cache, tmp_path, monkeypatch):
    findings()  # the cache holds the vendored dictionaries' tables
    copy = tmp_path / "dicts"
    shutil.copytree(wordlists.folder(), copy)
    (copy / "golang.txt").write_text("# truncated\n", encoding="utf-8")
    (tmp_path / "page.md").write_text("Fine.\n", encoding="utf-8")
    proc = docs_check("--select", "spell-", "page.md", cwd=tmp_path,
                      env={cachedir.ENV: str(cache), wordlists.ENV: str(copy)})
    assert proc.returncode == 2 and "golang.txt: the spelling dictionary is corrupt" in proc.stderr


def test_only_the_newest_entries_are_kept(tmp_path, monkeypatch):
    monkeypatch.setenv(cachedir.ENV, str(tmp_path))
    for i in range(cachedir.KEEP + 3):
        assert cachedir.write("thing", f"key{i}", {"i": i})
        os.utime(tmp_path / f"thing-key{i}{cachedir.SUFFIX}", ns=(i * 10**9, i * 10**9))
    assert cachedir.read("thing", "key0") is None  # pruned when key4 was written
    assert cachedir.read("thing", "key3") == {"i": 3}  # a read makes an entry new again
    cachedir.write("thing", "new", {"i": -1})
    kept = sorted(re.sub(r"^thing-|\.marshal$", "", p.name) for p in tmp_path.glob("thing-*"))
    assert len(kept) == cachedir.KEEP and "key3" in kept and "new" in kept
    assert not list(tmp_path.glob("*.tmp"))  # no temporary file left behind
    assert cachedir.clear() == cachedir.KEEP and not list(tmp_path.glob("thing-*"))
