"""Spelling (`spell-*`): a dictionary check of prose, with suggestions.

Only what a reader reads as words is checked. `Document.prose()` already drops code
blocks, code spans, comments and front matter; this module also masks URLs, link
targets, HTML tags, attribute lists and heading anchors, then skips every token that
looks like an identifier rather than a word: snake_case, camelCase, dotted.names, paths,
words with digits and ALLCAPS acronyms. What is left is looked up, case-insensitively, in

- the English (American) word-frequency list that pyspellchecker ships (about 160,000
  words built from OpenSubtitles, with inflections and contractions), and
- the project word list: `docs_check/data/words.txt` (Coder product names and
  technical terms) plus any files named by `[tool.docs-check.spelling] words`, plus
  `[tool.docs-check.spelling] accept`.

Lookups are set membership; edit distances are computed only for the few words that are
unknown, with rapidfuzz over the dictionary words of about the same length.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..check import Check
from ..config import Config, ConfigError, check_section_keys
from ..findings import Finding, Fix, Severity
from ..rules import rule
from ..scanner import HEADING, TEXT, Document, Line, mask_inline

UNKNOWN_WORD = rule(
    "spell-unknown-word",
    Severity.WARNING,
    "A word of prose that is in neither the English dictionary nor the project word list",
)
REPEATED_WORD = rule(
    "spell-repeated-word",
    Severity.WARNING,
    "The same word twice in a row (`the the`)",
    fixable=True,
)

SECTION = "spelling"
OPTIONS = ("words", "accept")
BUNDLED_WORDS = "data/words.txt"

# -- masking: what is not prose on a prose line ------------------------------------------------

_MASKS = re.compile(
    "|".join(
        (
            r"^\s*\[[^\]]+\]:\s.*$",  # link reference definition
            r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)",  # inline link or image target, with its title
            r"\]\[[^\]]*\]",  # reference link label
            r"\[\^[^\]]+\]",  # footnote reference
            r"\[![A-Za-z]+\]",  # GitHub alert marker
            r"<(?P<tag>code|kbd|samp|var|pre)\b[^>]*>.*?</(?P=tag)>",  # code in HTML
            r"<[A-Za-z/!?][^>]*>?",  # HTML tag with its attributes; autolink
            r"\{[^{}]*\}+",  # attribute list, heading anchor {#id}, template expression
            r"&#?\w+;",  # HTML entity
            r":[\w+-]+:(?!\S)",  # emoji shortcode, :material-check:
            r"\+\+[\w+-]+\+\+",  # pymdownx.keys ++ctrl+c++
        )
    ),
    re.M,
)
# Costly to search for, so only searched for on lines that hold their marker.
_URL = re.compile(r"(?:https?|ftp|file|mailto):\S+|www\.\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")

# Whitespace-separated chunks; a chunk holding any of these characters is code-like
# (a path, an option, a variable, a key=value...), and none of its words are checked.
_CHUNK = re.compile(r"[^\s\u2014\u2013]+")
_CODE_LIKE = re.compile(r"^-|[/\\=@$%#~^|<>{}+]|\w\.\w|::|\w_\w|\d")
_EDGE = "\"'()[]*_.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb`"
_WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*['\u2019]?")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_ACRONYM = re.compile(r"[A-Z]{2,}s?|[A-Z]{2,}['\u2019]s")
_REPEATED = re.compile(r"(?<![\w'-])([A-Za-z]+)([ \t]+)\1(?![\w'-])", re.I)

_CLITICS = ("'s", "'ve", "'d", "'ll", "'re", "'")
# Prefixes written solid or hyphenated in technical English (`prebuilt`, `re-run`). Not
# `co` or `in`: too many words start with them (`co` + `lour` would pass `colour`).
PREFIXES = frozenset((
    "anti", "auto", "counter", "cross", "de", "dis", "inter", "intra", "micro", "mid",
    "mis", "multi", "non", "over", "post", "pre", "re", "self", "semi", "sub", "super", "un",
    "under",
))
# Pairs that are correct twice in a row ("that that", "had had").
REPEATS_OK = frozenset(
    ("that", "had", "is", "bye", "ha", "ho", "no", "so", "very", "far", "long", "really", "do")
)
# British spellings a writer is likely to use, and how the American spelling the docs use
# differs: colour, favourite, organise, organisation, analyse, centre, catalogue, travelled, licence.
_BRITISH = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"our", "or"),
        (r"is(e|ed|es|ing|ation|ations)\b", r"iz\1"),
        (r"ys(e|ed|es|ing)\b", r"yz\1"),
        (r"tre(s?)\b", r"ter\1"),
        (r"ogue(s?)\b", r"og\1"),
        (r"ll(ed|ing|er|ers)\b", r"l\1"),
        (r"ence\b", "ense"),
    )
)
PROJECT_FREQUENCY = 5000  # ranks a project term like a common word among suggestions


# -- the lexicon ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def english() -> dict[str, int]:
    """pyspellchecker's English word frequencies (lowercase word -> count)."""
    data = resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    return json.loads(gzip.decompress(data))


def read_word_list(text: str) -> list[str]:
    """One word a line; `#` starts a comment; blank lines are skipped."""
    out = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            out.append(word)
    return out


@dataclass
class Lexicon:
    words: dict[str, int]  # English, lowercase -> frequency
    project: dict[str, str] = field(default_factory=dict)  # lowercase -> as written in the list
    _by_length: dict[tuple[str | None, int], list[str]] | None = None
    _suggested: dict[str, list[str]] = field(default_factory=dict)

    def __contains__(self, word: str) -> bool:
        return word in self.words or word in self.project

    def known(self, token: str) -> bool:
        """Is `token` (a word, maybe with apostrophes and hyphens) spelt right?"""
        w = token.replace("\u2019", "'").lower()
        if self._known_form(w):
            return True
        # Possessives and contractions of a known word: Coder's, agents', should've, it'd.
        while "'" in w:
            for suffix in _CLITICS:
                if w.endswith(suffix):
                    w = w[: -len(suffix)]
                    break
            else:
                break
            if self._known_form(w):
                return True
        if "-" in w:
            parts = w.split("-")
            return all(
                p in PREFIXES or self._known_form(p) or _ACRONYM.fullmatch(q) is not None
                for p, q in zip(parts, token.replace("\u2019", "'").split("-"), strict=True)
            )
        return False

    def _known_form(self, w: str) -> bool:
        if len(w) <= 1 or w in self:
            return True
        return self._inflected(w) or self._prefixed(w)

    def _inflected(self, w: str) -> bool:
        """Regular inflections of a known word: workspaces, templated, provisioning..."""
        for suffix, stems in (
            ("ies", ("y",)),
            ("es", ("",)),
            ("s", ("",)),
            ("ied", ("y",)),
            ("ed", ("", "e")),
            ("ing", ("", "e")),
            ("er", ("", "e")),
            ("ers", ("", "e")),
            ("ly", ("",)),
        ):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                base = w[: -len(suffix)]
                if suffix == "s" and base.endswith("s"):
                    continue
                for stem in stems:
                    if base + stem in self:
                        return True
                # doubled final consonant: mapped -> map, running -> run
                doubled = suffix in ("ed", "ing", "er") and len(base) >= 4 and base[-1] == base[-2]
                if doubled and base[:-1] in self:
                    return True
        return False

    def _prefixed(self, w: str) -> bool:
        for i in range(2, min(len(w) - 3, 8)):
            if w[:i] in PREFIXES and (w[i:] in self or self._inflected(w[i:])):
                return True
        return False

    # -- suggestions (only for unknown words, so they may cost a few milliseconds) --------------

    def suggestions(self, token: str, limit: int = 3) -> list[str]:
        """Likely corrections, best first; remembered, as a page repeats its unknown words."""
        hit = self._suggested.get(token)
        if hit is None:
            hit = self._suggested[token] = self._suggestions(token, limit)
        return hit

    def _suggestions(self, token: str, limit: int) -> list[str]:
        w = token.replace("\u2019", "'").lower()
        out: list[str] = []
        american = self.american(w)
        if american:
            out.append(american)
        split = self.split(w)
        if split:
            out.append(split)
        for cand in self.close(w):
            if cand not in out:
                out.append(cand)
        return [_case_like(token, self.project.get(c, c)) for c in out[:limit]]

    def american(self, w: str) -> str | None:
        """`favourite` -> `favorite`: the American spelling of a British one."""
        for pattern, repl in _BRITISH:
            cand = pattern.sub(repl, w)
            if cand != w and cand in self.words:
                return cand
        return None

    def split(self, w: str) -> str | None:
        """`requiredto` -> `required to`: two common words run together."""
        best: tuple[int, str] | None = None
        for i in range(1, len(w)):
            left, right = w[:i], w[i:]
            if len(left) < 2 and left not in ("a", "i"):
                continue
            if len(right) < 2 and right not in ("a", "i"):
                continue
            fl, fr = self.words.get(left, 0), self.words.get(right, 0)
            score = min(fl, fr)
            if score >= 1000 and (best is None or score > best[0]):
                best = (score, f"{left} {right}")
        return best[1] if best else None

    def close(self, w: str) -> list[str]:
        """Dictionary words within one or two edits (Damerau-Levenshtein), best first.

        Searched first among words that start with one of the word's first two letters (a
        typo rarely changes the first letter; a swap of the first two is covered), which is
        a fifteenth of the dictionary; for short words, the whole of it when that finds nothing.
        """
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        if not w.isalpha():
            return []
        max_distance = 1 if len(w) <= 4 else 2
        lengths = range(len(w) - max_distance, len(w) + max_distance + 1)
        buckets = self._buckets()
        found: list = []
        # Long words rarely start with a typo, and the whole dictionary costs 15 times more.
        passes = ({w[0], w[1]}, None) if len(w) <= 6 else ({w[0], w[1]},)
        for heads in passes:
            pool = [c for head in (heads or (None,)) for n in lengths for c in buckets.get((head, n), ())]
            found = process.extract(
                w, pool, scorer=DamerauLevenshtein.distance, score_cutoff=max_distance, limit=None
            )
            if found:
                break
        # Fewest edits first, then the commonest word; project terms count as common words.
        found.sort(key=lambda m: (m[1], -self.frequency(m[0]), m[0]))
        return [m[0] for m in found[:5]]

    def frequency(self, w: str) -> int:
        freq = self.words.get(w, 0)
        return max(freq, PROJECT_FREQUENCY) if w in self.project else freq

    def _buckets(self) -> dict[tuple[str | None, int], list[str]]:
        """Alphabetic words by (first letter, length), and by (None, length) for all of them."""
        if self._by_length is None:
            buckets: dict[tuple[str | None, int], list[str]] = {}
            for word in (*self.words, *self.project):
                if word.isalpha():
                    buckets.setdefault((word[0], len(word)), []).append(word)
                    buckets.setdefault((None, len(word)), []).append(word)
            self._by_length = buckets
        return self._by_length


def _case_like(token: str, word: str) -> str:
    if word != word.lower():
        return word  # a project term keeps the case it is listed with (GitHub, Kubernetes)
    if token[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# -- configuration -------------------------------------------------------------------------------


def validate_config(config: Config) -> None:
    """Called before any file is checked, so a bad setting is a configuration error (exit 2).

    It checks the settings without loading the dictionary: under `mkdocs build` the pages are
    checked in worker processes, and the build process need not hold 28 MiB of words.
    """
    _settings(config)


def lexicon(config: Config) -> Lexicon:
    return _lexicon(*_settings(config))


def _settings(config: Config) -> tuple[tuple[tuple[str, int, int], ...], tuple[str, ...]]:
    check_section_keys(config, SECTION, OPTIONS)
    paths = config.option(SECTION, "words", [], (str, list))
    if isinstance(paths, str):
        paths = [paths]
    accept = config.option(SECTION, "accept", [], list)
    for name, values in (("words", paths), ("accept", accept)):
        if not all(isinstance(v, str) for v in values):
            raise ConfigError(
                f"{config.source}: [tool.docs-check.spelling] {name} = {values!r}: expected strings"
            )
    files = []
    for p in paths:
        path = (config.root / p).resolve()
        try:
            stat = path.stat()
        except OSError:
            raise ConfigError(
                f"{config.source}: [tool.docs-check.spelling] words = {p!r}: no such file "
                f"(paths are relative to {config.root})"
            ) from None
        files.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(files), tuple(accept)


@lru_cache(maxsize=8)
def _lexicon(files: tuple[tuple[str, int, int], ...], accept: tuple[str, ...]) -> Lexicon:
    # The cache key holds each file's mtime and size, so an edited word list is re-read.
    words = read_word_list(resources.files("docs_check").joinpath(BUNDLED_WORDS).read_text("utf-8"))
    for path, _mtime, _size in files:
        words += read_word_list(Path(path).read_text(encoding="utf-8"))
    words += accept
    project = {w.lower(): w for w in words}
    return Lexicon(english(), project)


# -- the check -----------------------------------------------------------------------------------


def mask(text: str) -> str:
    """Blank out link targets, URLs, tags and other non-prose, keeping every column."""
    blank = _blank
    text = _MASKS.sub(blank, text)
    if ":" in text or "www." in text:
        text = _URL.sub(blank, text)
    if "@" in text:
        text = _EMAIL.sub(blank, text)
    return text


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


# The longest words of the dictionary are under 30 letters; suggestions cost O(n^2) in length.
MAX_WORD = 45


def words(text: str) -> Iterator[tuple[int, str]]:
    """(index, word) for every word of a masked prose line that is worth looking up."""
    for chunk in _CHUNK.finditer(text):
        s = chunk.group()
        if len(s) > MAX_WORD:
            continue  # no English word is this long: a hash, an identifier or garbage
        # The common case, a bare word, is decided without the regexes below.
        if s.isalpha() and s.isascii() and len(s) > 1 and (s.islower() or s[1:].islower()):
            yield chunk.start(), s
            continue
        lead = len(s) - len(s.lstrip(_EDGE))
        core = s.strip(_EDGE)
        if not core or _CODE_LIKE.search(core):
            continue
        base = chunk.start() + lead
        for m in _WORD.finditer(core):
            word = m.group().rstrip("'\u2019")
            if len(word) < 2 or not word.isascii():
                continue  # single letters; names and loanwords in other scripts
            bare = word.split("'")[0].split("\u2019")[0]
            if any(_ACRONYM.fullmatch(p) for p in (bare, word)):
                continue
            if _CAMEL.search(word):
                continue  # camelCase identifiers and CamelCase product names
            yield base + m.start(), word


def prose(doc: Document) -> Iterator[tuple[Line, str]]:
    """Like `Document.prose()`, but code spans are matched across the lines of a paragraph.

    Writers who wrap lines (or use semantic line breaks) often break a code span over two
    lines; matching backticks line by line would then read the code as prose.
    """
    group: list[Line] = []
    for ln in doc.lines:
        if ln.kind == TEXT:
            if group and (ln.number != group[-1].number + 1 or ln.prefix.strip(" \t>")):
                yield from _paragraph(group)
                group = []
            group.append(ln)
            continue
        if group:
            yield from _paragraph(group)
            group = []
        if ln.kind == HEADING:
            yield ln, mask_inline(ln.content)
    if group:
        yield from _paragraph(group)


def _paragraph(group: list[Line]) -> Iterator[tuple[Line, str]]:
    if len(group) == 1:
        yield group[0], mask_inline(group[0].content)
        return
    masked = mask_inline("\n".join(ln.content for ln in group))
    pos = 0
    for ln in group:
        n = len(ln.content)
        yield ln, masked[pos : pos + n]
        pos += n + 1


def check(doc: Document, config: Config) -> Iterator[Finding]:
    lex = lexicon(config)
    check_unknown = config.enabled(UNKNOWN_WORD.id)
    check_repeated = config.enabled(REPEATED_WORD.id)
    for line, masked in prose(doc):
        text = mask(masked)
        if check_unknown:
            for index, word in words(text):
                if not lex.known(word):
                    yield _unknown(doc, line.number, line.content_col + index, word, lex)
        if check_repeated:
            yield from _repeated(doc, line, text)


def _unknown(doc: Document, number: int, index: int, word: str, lex: Lexicon) -> Finding:
    hints = lex.suggestions(word)
    if hints and lex.american(word.lower()):
        message = f"`{word}` is British spelling; the docs use American English: write `{hints[0]}`"
    else:
        advice = "did you mean " + ", ".join(f"`{h}`" for h in hints) + "?" if hints else "check it"
        message = (
            f"`{word}` is not in the dictionary: {advice} "
            "(a name or a term belongs in the project word list)"
        )
    return UNKNOWN_WORD.at(
        doc.path, number, index + 1, message, end_line=number, end_column=index + 1 + len(word)
    )


def _repeated(doc: Document, line: Line, text: str) -> Iterator[Finding]:
    for m in _REPEATED.finditer(text):
        word = m.group(1)
        if word.lower() in REPEATS_OK or line.content[m.start(2) : m.end(2)].strip():
            continue  # also: `a` to `b` to ... masks to `to  to`, which the writer never wrote
        col = line.content_col + m.start()
        # Delete the blank and the second copy: `The the cat` -> `The cat`.
        start = line.start + line.content_col + m.end(1)
        fix = Fix(start, line.start + line.content_col + m.end(), "", f"delete the repeated `{word}`")
        yield REPEATED_WORD.at(
            doc.path,
            line.number,
            col + 1,
            f"`{m.group()}`: the word is repeated; delete one (docs-check --fix does it)",
            fix=fix,
            end_line=line.number,
            end_column=line.content_col + m.end() + 1,
        )


CHECK = Check("spelling", (UNKNOWN_WORD, REPEATED_WORD), check)
