"""Spelling (`spell-*`): a dictionary check of prose, with suggestions and variant fixes.

The words come from `prose.py` (what a reader reads as words: code, URLs, link targets,
tags and identifier-shaped tokens are left out). Snake_case names (unless quoted), and words
the page writes as code run in prose with their flags (`run ufw --force enable`), are
reported as `spell-code-in-prose` (info: write them in backticks); any other word the page
writes as code is its name for a tool or product, not a misspelling. Pages and sections
marked as generated are not read at all (`generated.py`).

Words are looked up in the lexicon (`lexicon.py`: English, cspell's dictionaries, the project
word list). A British spelling in an American tree (or the reverse) is `spell-variant`, with a
fix; an unknown word is `spell-unknown-word`, with suggestions, unless it sits beside a
person's first or last name (`Bruno Quaresma`), a URL of the page names it, the page's prose
writes it more than once (a slip is made once), or it looks like a name rather than a slip
(`_misspelt` says how that is told).
"""

from __future__ import annotations

import gc
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path, PurePosixPath

from .. import wordlists
from ..check import Check
from ..config import Config, ConfigError, check_section_keys
from ..findings import Finding, Fix, Severity
from ..rules import rule
from ..scanner import CODE, INDENTED_CODE, Document, Line, table_delimiter
from . import generated, names, neighbours, slips, variants
from .lexicon import PREFIXES, SPLIT_FREQUENCY, Lexicon, one_edit, read_word_list
from .lexicon import tables as lexicon_tables
from .prose import ASCII_TOKENS, SQUEEZE, TOKENS, mask, opens_sentence, prose_lines, words

__all__ = ["CHECK", "Lexicon", "check", "lexicon", "mask", "read_word_list", "validate_config", "words"]

UNKNOWN_WORD = rule(
    "spell-unknown-word",
    Severity.WARNING,
    "A word of prose that is in neither the dictionaries nor the project word list and reads as "
    "a slip of a known word (one edit away, run into a function word, an apostrophe dropped); "
    "a word the page repeats, or one only a rare word is close to, is taken for a name "
    "(pages marked as generated, and pages in another language, are skipped)",
)
REPEATED_WORD = rule(
    "spell-repeated-word",
    Severity.WARNING,
    "The same word twice in a row (`the the`) (pages marked as generated, and pages in another language, are skipped)",
    fixable=True,
)
VARIANT = rule(
    "spell-variant",
    Severity.WARNING,
    "A British spelling in an American English tree, or the reverse (`variant`; by default "
    "each page's own: American unless it writes two or more British spellings and more British "
    "than American ones, or one British and no American one where the pages around it write no American; "
    "a page that writes American is American when its British spellings are all ones American "
    "dictionaries list too, `signalling`, `catalogue`; a spelling the page's code writes too is the code's "
    "term, `color` in CSS); the fix writes the other spelling (pages marked as generated, and pages in another language, are skipped)",
    fixable=True,
)
CODE_IN_PROSE = rule(
    "spell-code-in-prose",
    Severity.INFO,
    "A snake_case name, or a command the page runs written in prose with its flags, outside "
    "backticks: put it in backticks (quoted text, pages marked as generated and pages in another "
    "language are skipped)",
)

SECTION = "spelling"
OPTIONS = ("words", "accept", "dictionaries", "generated", "variant")
VARIANTS = ("en-US", "en-GB", "auto")
BUNDLED_WORDS = "data/words.txt"

_KEBAB_WORDS = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+"  # `coder-logstream-kube`
_KEBAB = re.compile(_KEBAB_WORDS + r"(?:['\u2019]s)?")  # `fumadocs-core's` too
_QUOTED = re.compile(r'"[^"\n]+"|\u201c[^\u201d\n]+\u201d')
_REPEATED = re.compile(r"(?<![\w'-])([A-Za-z]+)([ \t]+)\1(?![\w'-])", re.I)

_THIRD_TIME = re.compile(r"[ \t]+([A-Za-z]+)(?![\w'-])")
# Pairs that are correct twice in a row ("that that", "had had"), and fillers said twice
# ("blah blah", "knock knock": quarto's citation examples, hundred-and-forty-sixth sample).
REPEATS_OK = frozenset(
    ("that", "had", "is", "bye", "ha", "ho", "no", "so", "very", "far", "long", "really", "do", "much", "many",
     "blah", "bla", "yada", "knock", "hush", "chop", "tut")
)


# -- configuration -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    files: tuple[tuple[str, int, int], ...]  # extra word lists: (path, mtime, size)
    accept: tuple[str, ...]
    dictionaries: tuple[str, int, int]  # the dictionaries' folder, stamped by its manifest
    generated: tuple[str, ...]  # globs of generated pages
    variant: str


def validate_config(config: Config) -> None:
    """Called before any file is checked, so a bad setting is a configuration error (exit 2).

    It checks the settings and the dictionary files' hashes without loading the words: under
    `mkdocs build` the pages are checked in worker processes, and the build process need not
    hold the dictionaries.
    """
    settings(config)


def settings(config: Config) -> Settings:
    check_section_keys(config, SECTION, OPTIONS)
    where = f"{config.source}: [tool.docs-check.{SECTION}]"
    paths = config.option(SECTION, "words", [], (str, list))
    paths = [paths] if isinstance(paths, str) else paths
    accept = config.option(SECTION, "accept", [], list)
    globs = config.option(SECTION, "generated", [], (str, list))
    globs = [globs] if isinstance(globs, str) else globs
    for name, values in (("words", paths), ("accept", accept)):
        if not all(isinstance(v, str) for v in values):
            raise ConfigError(f"{where} {name} = {values!r}: expected strings")
    for g in globs:
        problem = generated.glob_error(g)
        if problem:
            raise ConfigError(f"{where} generated = {g!r}: not a glob ({problem})")
    variant = config.option(SECTION, "variant", "auto", str)
    if variant not in VARIANTS:
        raise ConfigError(f"{where} variant = {variant!r}: expected one of {', '.join(VARIANTS)}")
    folder = wordlists.folder(config)
    stamp = wordlists.stamp(folder)
    wordlists.verify(stamp)
    return Settings(tuple(_stat(config, p) for p in paths), tuple(accept), stamp, tuple(globs), variant)


def _stat(config: Config, p: str) -> tuple[str, int, int]:
    path = (config.root / p).resolve()
    try:
        stat = path.stat()
    except OSError:
        raise ConfigError(
            f"{config.source}: [tool.docs-check.{SECTION}] words = {p!r}: no such file "
            f"(paths are relative to {config.root})"
        ) from None
    return str(path), stat.st_mtime_ns, stat.st_size


def lexicon(config: Config) -> Lexicon:
    s = settings(config)
    return _lexicon(s.files, s.accept, s.dictionaries)


@lru_cache(maxsize=8)
def _lexicon(
    files: tuple[tuple[str, int, int], ...], accept: tuple[str, ...], dictionaries: tuple[str, int, int]
) -> Lexicon:
    # The cache key holds each file's mtime and size, so an edited word list is re-read.
    words = read_word_list(resources.files("docs_check").joinpath(BUNDLED_WORDS).read_text("utf-8"))
    for path, _mtime, _size in files:
        words += read_word_list(Path(path).read_text(encoding="utf-8"))
    words += accept
    # Hundreds of thousands of words and no cycles among them: collecting garbage while they
    # are built is wasted time (about a tenth of the load).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return Lexicon.build({w.lower(): w for w in words}, lexicon_tables(dictionaries))
    finally:
        if was_enabled:
            gc.enable()


# -- the check -----------------------------------------------------------------------------------


def check(doc: Document, config: Config) -> Iterator[Finding]:
    if _named_for_another_language(str(doc.path)):
        return
    wanted = [r.id for r in CHECK.rules if config.enabled(r.id)]
    s = settings(config)
    lines = prose_lines(doc, s.generated)
    if not lines:
        return
    lex = _lexicon(s.files, s.accept, s.dictionaries)
    page = PageWords(doc, lines)
    # Words with one spelling in both variants: a line of only these needs no further look
    # whatever the variant, and the variant a page is written in shows in the other lines.
    judge = wanted != [REPEATED_WORD.id]
    repeats = REPEATED_WORD.id in wanted
    split = _split(lines, lex)
    if _foreign(split):
        return
    split = _without_foreign_lines(_without_foreign_paragraphs(split, doc.paragraphs, lex.__contains__), split)
    want = s.variant
    spellings = variants.page_spellings(split, lex)
    page.named = spellings.named | variants.coded_variants(spellings, lex, page.names_as_its_own, want)
    if want == "auto":
        around = partial(neighbours.counts, doc.path, _counter(s, lex), (s, id(lex)))
        want = page.variant = variants.page_variant(spellings, lex, page.named, around)
    known = lex.plain_for(want).__contains__
    for line, text, tokens, unknown in split:
        if judge and ((unknown and not all(map(known, tokens))) or _odd_clitics(text)):
            yield from _judge_line(doc, line, text, lex, want, wanted, page)
        # A repeated word shows as two equal tokens in a row; only then is the regex run.
        if repeats and any(map(operator.eq, tokens, tokens[1:])):
            yield from _repeated(doc, line, text)


def _split(lines: list[tuple[Line, str, str]], lex: Lexicon) -> list[tuple[Line, str, list[str], int]]:
    """Each prose line, its lowercased words, and how many of them have a variant spelling or
    are unknown. Most lines hold only known words with one spelling: decided by lookups over
    one regex split, without the tokenizer (the bulk of spelling's time), which only the
    others need. The ASCII regex is the same split on ASCII text, and faster."""
    neutral = lex.plain_for("").__contains__
    ascii_tokens, tokens_of = ASCII_TOKENS.findall, TOKENS.findall
    return [(line, text, tokens, len(tokens) - sum(map(neutral, tokens)))
            for line, _inline, text in lines for low in (text.lower(),)
            for tokens in (ascii_tokens(low) if low.isascii() else tokens_of(low),)]


# The split at apostrophes makes `it'ss` two known pieces (`it`, `ss`): a piece after a
# word's apostrophe that no contraction or possessive ends with needs the line judged.
_CLITIC_PIECE = re.compile(r"(?<=[A-Za-z])['\u2019]([A-Za-z]+)")
_CLITIC_ENDS_ALL = frozenset(("s", "t", "d", "m", "ll", "re", "ve")) | slips.INFLECTED_AFTER_APOSTROPHE


def _odd_clitics(text: str) -> bool:
    """Does a word of the line go on after its apostrophe as no contraction does (`it'ss`)?"""
    if "'" not in text and "\u2019" not in text:
        return False
    return any(piece.lower() not in _CLITIC_ENDS_ALL for piece in _CLITIC_PIECE.findall(text))


# English prose in this project's trees leaves at most an eighth of its words to names and
# terms no dictionary holds; a page in another language leaves most of them (a Turkish README:
# four in five). Such a page is not English, and no English spelling finding applies to it.
FOREIGN_SHARE = 0.4
FOREIGN_MIN_WORDS = 20
# A page in Spanish among English names and terms (workspace, template, Docker) leaves only a
# third of its words unknown, as English also spells `no`, `con`, `de`. What gives it away is
# the missing English function words: an English page writes one in ten or more, even a page
# of tables and lists (all trees measured: 2% at least), a foreign one almost none. Words other
# languages also write (`a`, `as`, `in`, `on`, `no`) are left out of the list.
ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "an", "and", "of", "to", "for", "with", "is", "are", "be", "it", "this", "that", "by",
    "at", "from", "you", "your", "can", "not", "if", "when", "which", "will",
))
FOREIGN_FUNCTION_SHARE = 0.01
FOREIGN_UNKNOWN_FLOOR = 0.1  # a page of names and commands alone writes no function words either


def _foreign(split: list[tuple[Line, str, list[str], int]]) -> bool:
    """Is the page's prose in another language than English? (`split`: each prose line, its
    lowercased words and how many of them are unknown)"""
    total = sum(len(tokens) for _line, _text, tokens, _unknown in split)
    if total < FOREIGN_MIN_WORDS:
        return False
    unknown = sum(unknown for _line, _text, _tokens, unknown in split)
    if unknown > FOREIGN_SHARE * total:
        return True
    if unknown < FOREIGN_UNKNOWN_FLOOR * total:
        return False  # most pages: decided without counting
    english = sum(token in ENGLISH_FUNCTION_WORDS for _line, _text, tokens, _unknown in split for token in tokens)
    return english < FOREIGN_FUNCTION_SHARE * total


# A page named for its language, as translations are, or kept in a folder named for it: `README.fr.md`, `README_es.md`,
# `README-PT.md`, `README.zh-CN.md`, lazygit's `Keybindings_pt.md` (ninety-third sample: a
# Portuguese table whose `for`, Portuguese's "be", read as English). Codes that also end
# English names are left out (`say-hi`, `wi-fi`, `gov-uk`, `use-vi`, `run-in-bg`, `id`, `it`).
_LANGUAGE_NAMED = re.compile(
    r"[._-](?:es|pt|fr|de|ja|ko|zh|ru|tr|pl|nl|ar|fa|cs|sv|da|hu|ro|el)"
    r"(?:[_-][a-z]{2,4})?$", re.IGNORECASE)


# A folder that holds a translation: asdf's `docs/pt-br/` (hundred-and-second sample),
# `zh-cn/`, `ja/`. Bare codes only where no English folder name is one (not `it`, `id`, `ar`,
# `el`, `da`, `cs`, `pl`, `tr`, `ro`); with a region, any of them (`pt-BR`, `zh_TW`).
_LANGUAGE_FOLDER = re.compile(
    r"(?:es|pt|fr|de|ja|ko|zh|ru|nl|sv|hu|fa)"
    r"|(?:es|pt|fr|de|ja|ko|zh|ru|tr|pl|nl|ar|fa|cs|sv|da|hu|ro|el|it|id)[_-](?:[a-z]{2}|hans|hant)",
    re.IGNORECASE)


def _named_for_another_language(path: str) -> bool:
    p = PurePosixPath(path.replace("\\", "/"))
    return _LANGUAGE_NAMED.search(p.stem) is not None or any(
        _LANGUAGE_FOLDER.fullmatch(part) for part in p.parts[:-1])


# A paragraph in another language on an English page (lorem ipsum filler in an example, a
# line of Indonesian among English ones): a dozen words or more, a quarter of them unknown and
# not one English function word. Tables are left alone: their rows are names and values.
FOREIGN_PARAGRAPH_WORDS = 12
FOREIGN_PARAGRAPH_UNKNOWN = 0.25


def _without_foreign_paragraphs(
    split: list[tuple[Line, str, list[str], int]], paragraphs: list[tuple[int, int]], known: Callable[[str], bool]
) -> list[tuple[Line, str, list[str], int]]:
    """`split` without the lines of the paragraphs that are not English (`known`: a word of
    either variant's dictionary)."""
    floor = FOREIGN_PARAGRAPH_UNKNOWN * FOREIGN_PARAGRAPH_WORDS
    if sum(unknown for _line, _text, _tokens, unknown in split) < floor:
        return split  # most pages: too few unknown words for a paragraph of another language
    by_number = {line.number: (text, tokens, unknown) for line, text, tokens, unknown in split}
    foreign: set[int] = set()
    for first, last in paragraphs:
        rows = [by_number[n] for n in range(first, last + 1) if n in by_number]
        # The line counts (variants and identifiers among the unknown) rule out most paragraphs
        # before a word is looked up.
        if sum(u for _text, _tokens, u in rows) < floor or any(text.lstrip().startswith("|") for text, _t, _u in rows):
            continue
        if _foreign_paragraph(rows, known):
            foreign.update(range(first, last + 1))
    return [row for row in split if row[0].number not in foreign] if foreign else split


def _foreign_paragraph(rows: list[tuple[str, list[str], int]], known: Callable[[str], bool]) -> bool:
    # Words only: an identifier (`callback_id`, `v2`) is code whatever the language around it.
    plain = [t for _text, tokens, _unknown in rows for t in tokens if t.isalpha()]
    if len(plain) < FOREIGN_PARAGRAPH_WORDS or any(t in ENGLISH_FUNCTION_WORDS for t in plain):
        return False
    return sum(1 for t in plain if not known(t)) >= FOREIGN_PARAGRAPH_UNKNOWN * len(plain)


# Function words of the languages other trees were met in (Spanish, Portuguese, French,
# German, Italian, Indonesian, Dutch) that are no English word, command or abbreviation
# (`de`, `para`, `und`; not `die`, `per`, `su`, `os`, `dos`, `est`, `ini`).
OTHER_FUNCTION_WORDS = frozenset((
    "de", "la", "el", "que", "los", "las", "por", "para", "una", "del", "sus", "como", "pero",
    "não", "uma", "mais", "ao", "pela", "pelo", "les", "dans", "qui", "sur", "avec", "sont",
    "cette", "der", "und", "ist", "nicht", "mit", "ein", "eine", "auf", "für", "sich", "auch",
    "werden", "wird", "il", "di", "che", "della", "gli", "sono", "nel", "alla", "yang", "untuk",
    "dengan", "itu", "dari", "tidak", "akan", "pada", "atau", "het", "een", "niet", "voor", "zijn",
))
# A page that writes this many of them holds another language's lines among its English ones
# (actions/checkout's Spanish README, eighty-seventh sample, whose English is its usage block).
OTHER_LANGUAGE_WORDS = 10


def _without_foreign_lines(
    split: list[tuple[Line, str, list[str], int]], whole: list[tuple[Line, str, list[str], int]]
) -> list[tuple[Line, str, list[str], int]]:
    """On a page written partly in another language (`whole`: all its prose), the lines of
    `split` with an unknown word and no English function word (`Consulta otra sucursal`, `hace
    3 semanas`) are that language's."""
    if sum(unknown for *_rest, unknown in whole) < OTHER_LANGUAGE_WORDS:
        return split
    other = sum(t in OTHER_FUNCTION_WORDS for _line, _text, tokens, _unknown in whole for t in tokens)
    if other < OTHER_LANGUAGE_WORDS:
        return split
    # A line with an identifier (`pull_request:`) is code whatever the language around it.
    return [row for row in split if not row[3] or not ENGLISH_FUNCTION_WORDS.isdisjoint(row[2])
            or any("_" in t for t in row[2])]


def _counter(s: Settings, lex: Lexicon) -> neighbours.Count:
    """How a neighbour page is read: its prose as this page's, generated or not (the project's
    writers wrote it), its variant spellings counted."""
    def count(doc: Document) -> tuple[int, int]:
        lines = prose_lines(doc, s.generated, keep_generated=True)
        return variants.variant_counts(_split(lines, lex), lex) if lines else (0, 0)
    return count


_CODE_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_CODE_PIECE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_BLANKS = re.compile(r" {2,}")
_ANY_URL = re.compile(r"https?://[^\s)\"'<>]+")
_URL_PIECE = re.compile(r"[a-z]{3,}")
_PAGE_WORD = re.compile(r"[a-z]+")
_NAME_JOINS = frozenset("/._=:-")  # a path's or a name's punctuation (a slice past the code's ends, "", is not)


class PageWords:
    """What a page writes besides the line being judged: the words of its code (spans and
    blocks), of its URLs and of its prose; each read only when a word needs it."""

    def __init__(self, doc: Document, lines: list[tuple[Line, str, str]]) -> None:
        self.doc = doc
        self.lines = lines
        self._words: set[str] | None = None
        self._code: str | None = None  # the page's code (spans and blocks), as written
        self._code_lower: str | None = None
        self._linked: set[str] | None = None
        self._all: set[str] | None = None  # every word of the page, lowercased
        self._kebab: Counter[str] | None = None  # hyphenated names, lowercased: how often written
        self._names: set[str] | None = None  # words the page writes capitalised often, lowercased
        self._capitalised: Counter[str] | None = None  # words the page writes capitalised: how often
        self.variant = ""  # the variant the page's own spellings chose, when none is configured
        self.named: frozenset[str] = frozenset()  # variant spellings the page writes in a name

    def linked(self, word: str) -> bool:
        """Does a URL of the page (a link, an image, an `href`) name the word? `Kusari` beside
        `https://www.kusari.dev`: the name of what the page links to, not a misspelling."""
        if self._linked is None:
            urls = " ".join(_ANY_URL.findall(self.doc.text)).lower()
            self._linked = set(_URL_PIECE.findall(urls))
        return word.lower().split("'")[0] in self._linked

    def repeats(self, word: str) -> bool:
        """Does the page's prose write `word` (as a whole word, in any case) more than once, in
        more than one place? Prose only: a title in the front matter or an anchor repeats a
        heading's typo. A sentence copied down the page (Packer's `The value definded in the
        config` under two options) is written once, however often it is pasted: a place is the
        word with the words on either side."""
        places = {
            (_BEFORE.search(text, max(0, m.start() - _PLACE), m.start()).group(), _AFTER.match(text, m.end()).group())
            for text, m in self._written(word)
        }
        return len(places) > 1

    def always_capitalised(self, word: str) -> bool:
        """Does the page's prose write `word` capitalised wherever it writes it, once at least
        inside a sentence (not only where a sentence opens)?"""
        found = list(self._written(word))
        return all(m.group()[:1].isupper() for _text, m in found) and any(
            not opens_sentence(text, m.start()) for text, m in found)

    def _written(self, word: str) -> Iterator[tuple[str, re.Match[str]]]:
        """Each place the page's prose writes `word` (less a clitic) as a whole word, any case."""
        base = word.split("'")[0]
        pattern = re.compile(rf"(?<![\w'-]){re.escape(base)}(?![\w-])", re.IGNORECASE)
        return ((text, m) for _line, _inline, text in self.lines for m in pattern.finditer(text))

    def slip_of_a_name(self, word: str) -> str | None:
        """The hyphenated name the page writes `NAME_WRITTEN` times or more that `word`, written
        once, is one letter from (`aad-pod-identiy` among eight `aad-pod-identity`, eighty-eighth
        sample): a writer's slip on the page's own name. Not a number changed (`v1-alpha2`) nor
        a plural (`cluster-apis`): those are other names."""
        if self._kebab is None:
            self._kebab = Counter(_KEBAB_NAME.findall(self.doc.text.lower()))
        w = word.lower()
        if self._kebab[w] > 1 or len(w) < LONG_NAME_SLIP:
            return None
        return next((name for name, count in self._kebab.items()
                     if count >= NAME_WRITTEN and name.count("-") == w.count("-") and _slip_of(w, name)), None)

    def slip_of_its_name(self, word: str) -> str | None:
        """The name the page writes capitalised `PAGE_NAME_WRITTEN` times or more that `word`,
        capitalised and written once, is one letter from (`Haddop` on a page that writes `Hadoop`
        58 times, Flink's docs, hundred-and-twenty-seventh sample): the suggestion index, ranked
        by the dictionaries, need not hold the page's own names. Not a plural nor a number
        changed: those are other names."""
        if not word[:1].isupper() or len(word) < PAGE_NAME_SLIP or self.repeats(word):
            return None
        if self._names is None:
            self._names = {n for n, c in self._capitalised_counts().items() if c >= PAGE_NAME_WRITTEN}
        w = _POSSESSIVE.sub("", word).lower()
        name = next((n for n in sorted(self._names) if n != w and abs(len(n) - len(w)) <= 1 and _slip_of(w, n)), None)
        return None if name is None else name.capitalize()

    def writes_capitalised(self, word: str) -> bool:
        """Does the page write `word` capitalised somewhere, as a name is?"""
        return self._capitalised_counts()[word.lower()] > 0

    def _capitalised_counts(self) -> Counter[str]:
        if self._capitalised is None:
            self._capitalised = Counter(m.lower() for m in _CAPITALISED.findall(self.doc.text))
        return self._capitalised

    def writes(self, word: str) -> bool:
        """Does the page write `word` anywhere (prose or code, any case)?"""
        if self._all is None:
            self._all = set(_PAGE_WORD.findall(self.doc.text.lower()))
        return word.lower() in self._all

    def names_in_code(self, word: str) -> bool:
        """Does the page's code write `word` joined to a path's or a name's punctuation
        (`infraestructure/vpc`, a folder), not only as a word among words (a JSON string's
        `are not intepreted here`)?"""
        if word not in self:
            return False
        code, w = self._lowered_code(), word.lower()
        at = code.find(w)
        while at != -1:
            if code[at - 1 : at] in _NAME_JOINS or code[at + len(w) : at + len(w) + 1] in _NAME_JOINS:
                return True
            at = code.find(w, at + 1)
        return False

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = self._read()
        return word.lower().split("'")[0] in self._words

    def code(self) -> str:
        """The page's code, its blocks and spans, as written."""
        if self._code is None:
            texts = [ln.text for ln in self.doc.lines if ln.kind in (CODE, INDENTED_CODE)]
            for line, inline, _text in self.lines:
                if inline != line.content:  # what masking blanked: code spans, comments
                    content = line.content
                    texts.extend(content[m.start() : m.end()] for m in _BLANKS.finditer(inline))
            self._code = "\n".join(texts)
        return self._code

    def _lowered_code(self) -> str:
        if self._code_lower is None:
            self._code_lower = self.code().lower()
        return self._code_lower

    def names_as_its_own(self, word: str) -> bool:
        """Does a folder of the page's path name `word`, singular or plural, or its code
        (`code_names`)? An Exercism page under `track-tooling/analyzers/` writes `Analyzers` in
        British prose (hundred-and-forty-ninth sample): the project's term, as its folders spell
        it. Not the file's own name, which is a slug of the page's title, the writer's spelling
        (`ios-marshalling.md` on a page held to American: hundred-and-twenty-second sample)."""
        folders = {p.lower() for p in PurePosixPath(str(self.doc.path).replace("\\", "/")).parts[:-1]}
        return word in folders or word + "s" in folders or self.code_names(word)

    def code_names(self, word: str) -> bool:
        """Does the page's code write `word` at the start of a name or of a name's part, in any
        case (`color: red`, `backgroundColor`, `channels-catalogs-b2b.md`; not `epicenter` for
        `center`)? A search of the code's text, without reading its words."""
        if word.lower() not in self._lowered_code():  # most words: no regex over the code
            return False
        # Case-blind for the word only: the camel-case boundary before it is a case change.
        return re.search(rf"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?i:{re.escape(word)})", self.code()) is not None

    def _read(self) -> set[str]:
        blob = self.code()
        # Tokens and pieces are ASCII without line breaks: squeezed (and lowercased) all at once.
        exact = set(_joined(_CODE_TOKEN.findall(blob), str.translate, SQUEEZE))  # sshConfigOptions
        exact.update(_CODE_PIECE.findall(blob))  # ssh, config, options
        return set(_joined(list(exact), str.lower))


def _joined(tokens: list[str], method: Callable[..., str], *args: object) -> list[str]:
    """`[method(t, *args) for t in tokens]` for tokens without a line break and a method that
    leaves line breaks alone: one call over the joined tokens instead of one per token."""
    if not tokens:
        return []
    return method("\n".join(tokens), *args).split("\n")


_FLAG_AFTER = re.compile(r"\s+--?[A-Za-z]")


_MAN_SECTION = re.compile(r"\.[1-9][a-z]*$")


@lru_cache(maxsize=4096)
def page_subject(path: str) -> frozenset[str]:
    """What a page is about, as its path names it: `modules/rustdesk/README.md` is about
    rustdesk, `docs/termux.md` about termux, `exoscale-instance-type/` about that module and
    exoscale, and a page is about the folder it sits in too (`rispecs/KINSHIP.md`), and the one
    above that (`postgres_exporter/docs/README.md`). A writer
    names the page's own subject as a name, in any case, in any sentence."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    # A man page's section is no part of its name (`eza_colors.5.md`, ninety-third sample).
    stem = _MAN_SECTION.sub("", PurePosixPath(parts[-1]).stem.lower()) if parts else ""
    folder = parts[-2].lower() if len(parts) > 1 else ""
    if stem in ("readme", "index", ""):
        stem = folder
    # The folder a page sits in names what it belongs to (`rispecs/KINSHIP.md`), and so does the
    # one above: a project's docs folder or a part of it (`postgres_exporter/docs/README.md`,
    # `snmp_exporter/snmp-mixin/README.md`, hundred-and-tenth sample).
    above = parts[-3].lower() if len(parts) > 2 else ""
    names = {n for n in (stem, folder, above) if len(n) >= 3}
    return frozenset(names | {p for n in (stem, folder) for p in n.split("-") if len(p) >= 3})


def _judge_line(
    doc: Document, line: Line, text: str, lex: Lexicon, want: str, wanted: list[str], page: PageWords
) -> Iterator[Finding]:
    tokens = list(words(text))
    plain = lex.plain_for(want)
    subject = page_subject(str(doc.path))
    cells = _cells(text) if text.lstrip().startswith("|") else []
    named = _named_beside_version(text, cells) + _command_cells(text, cells, subject) if cells else ()
    html = line.content.lstrip().startswith("<")
    header = _table_header(doc, line, text)
    for i, (index, word) in enumerate(tokens):
        if word.lower() in plain:
            continue  # most words: a known word with one spelling
        if any(a <= index < b for a, b in named):
            continue  # `| procps | 2:3.3.17-5 |`: a package named beside its version
        col = line.content_col + index
        other = lex.variant(word, want)
        if other:
            # A quotation keeps its spelling (`message contains "starting (initialising"`), and
            # so does a name.
            if (VARIANT.id in wanted and not _quoted(text, index) and not variants.in_a_name(text, index, word)
                    and word.lower() not in page.named):
                yield _variant(doc, line, col, (word, other), want, page.variant)
            continue
        if word.lower() in subject and not _FLAG_AFTER.match(text, index + len(word)):
            continue  # the page's own subject, named (`rustdesk --password` is a command, though)
        if "_" in word or (_KEBAB.fullmatch(word) and not _english_compound(word) and not lex.known(word)):
            if CODE_IN_PROSE.id in wanted and not header and _code_in_prose(word, index, text, page) and not _placed_by_markup(
                    line.content, index, word, html):
                yield _code(doc, line.number, col, word, html)
            elif UNKNOWN_WORD.id in wanted and "-" in word:
                name = page.slip_of_a_name(word) or slips.slip_in_a_compound(word, lex)
                if name:
                    yield _unknown(doc, line.number, col, word, lex, [name])
            continue
        # A word beside a name is part of it; `plain ol' Go`: a letter elided, the apostrophe says so.
        if (lex.known(word) or names.beside_name(tokens, i, text, lex, line) or names.sibling_name(tokens, i, text)
                or _elided(word, text, index, lex) or names.among_names(doc, line, text, lex)
                or names.among_people(doc, line, text) or names.listed_term(doc, line, word)
                or names.credited_after_a_link(line.content, index) or names.before_et_al(text, index, word)
                or names.binomial(text, index) or names.dutch(word)):
            continue
        # A word of the page's code is no misspelling, unless a slip copied into it.
        if word in page and (not _slip_of_a_long_word(word, lex) or page.names_in_code(word)):
            if CODE_IN_PROSE.id in wanted and _FLAG_AFTER.match(text, index + len(word)):
                yield _code(doc, line.number, col, word)
        elif UNKNOWN_WORD.id in wanted and not page.linked(word):
            yield from _misspelling(doc, line, text, index, word, lex, page)


def _misspelling(
    doc: Document, line: Line, text: str, index: int, word: str, lex: Lexicon, page: PageWords
) -> Iterator[Finding]:
    """The finding for an unknown word at `index` of `text` that is a misspelling: of a name the
    page writes often, or as `_misspelt` tells."""
    if (_cited_foreign_word(text, index) or _quoted_run_together(text, index, word, lex)
            or _abbreviation_before_a_number(text, index, word)
            or _named_in_a_list(doc, line, text, index, word, lex, page)):
        return
    head, _, rest = word.partition("-")
    if head.lower() in PREFIXES and rest[:1].isupper() and rest.isalpha():
        # `non-Duplicati tools` (Duplicati's README, hundred-and-thirty-third sample): a prefix
        # before a name; the name is judged as the capitalised word it is.
        word, index = rest, index + len(head) + 1
    name = page.slip_of_its_name(word)
    if name or _misspelt(word.lower() if _adverb_opening(text, index, word) else word, lex, page,
                         word[:1].isupper() and not opens_sentence(text, index)):
        yield _unknown(doc, line.number, line.content_col + index, word, lex, [name] if name else None)


def _named_in_a_list(
    doc: Document, line: Line, text: str, index: int, word: str, lex: Lexicon, page: PageWords
) -> bool:
    """Is the word an item of a list of names or of packages, and no slip of a term?"""
    if names.in_a_series(text, index, word):
        return True
    listed = names.listed_among_names(text, index, word, lex) or names.among_packages(doc, line, text, lex)
    return listed and not _slip_of_a_term(word, lex, page)


def _slip_of_a_term(word: str, lex: Lexicon, page: PageWords) -> bool:
    """Is the word one edit from a name or a term (`ansbile`: `ansible`), or from a word the
    page writes, and with its first letter? A slip in a list of names is a slip of one; a
    slip seldom strikes the first letter (`yadm` is no `adm`)."""
    w = word.lower()
    # Nor a far letter put before a word the page writes (`uselect`, MicroPython's module, in a
    # list that holds `select`: hundred-and-forty-seventh sample), which names a variant of it.
    if slips.letter_put_before(w, w[1:]) and page.writes(w[1:]):
        return False
    # Not of an acronym, which nobody types in lowercase (`ulab`, a module, is no `UAB`).
    return any(" " not in h and h[:1].lower() == w[:1] and one_edit(w, h.lower()) and not h.isupper()
               and (h[:1].isupper() or h.lower() in lex.terms or page.writes(h)) for h in lex.suggestions(word))


_ABBREVIATION = 4  # letters at most of an abbreviation before a number (`ver.`, `vol.`, `fig.`)
_NUMBER_AFTER_A_STOP = re.compile(r"\.[ \t]?\d")


def _abbreviation_before_a_number(text: str, index: int, word: str) -> bool:
    """Is a short word cut off with a full stop before a number (`status (ver. 10)`, a font's
    notes in Nerd Fonts, hundred-and-sixty-fourth sample; `vol. 2`, `fig. 3`)? An abbreviation:
    a sentence's last word is seldom followed by a number."""
    return len(word) <= _ABBREVIATION and word.isalpha() and _NUMBER_AFTER_A_STOP.match(text, index + len(word)) is not None


def _cited_foreign_word(text: str, index: int) -> bool:
    """Is the word cited, in emphasis or quotes, just after the language it is from (`From the
    Latin _praefectus_`, Prefect's README, hundred-and-twenty-seventh sample; `the Greek word
    "kubernetes"`)? It is that language's word, not an English one misspelt."""
    return index > 0 and text[index - 1] in _CITING and _LANGUAGE_BEFORE.search(text, max(0, index - 30), index) is not None


_CITING = "_*\"'\u201c\u2018"


def _quoted_run_together(text: str, index: int, word: str, lex: Lexicon) -> bool:
    """Is a lowercase word that runs words together quoted alone (`"navigateto" and
    "navigatefrom"`, events of the App History API on web.dev, hundred-and-forty-fifth sample)?
    A writer quotes a name so: an event's, a value's, a string's, written as the code has it."""
    end = index + len(word)
    return (word.islower() and index > 0 and end < len(text) and text[index - 1] in _DOUBLE_QUOTES
            and text[end] in _DOUBLE_QUOTES and lex.split(word) is not None)


_DOUBLE_QUOTES = "\"\u201c\u201d"
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:Latin|Greek|French|German|Spanish|Italian|Portuguese|Dutch|Russian|Polish|Czech|Swedish|Norwegian"
    r"|Danish|Finnish|Icelandic|Norse|Welsh|Irish|Gaelic|Hebrew|Yiddish|Arabic|Persian|Turkish|Sanskrit|Hindi"
    r"|Japanese|Chinese|Korean|Hawaiian|Maori|M\u0101ori|Swahili|Esperanto)\b(?:\s+(?:word|term|verb|noun))?"
    r"(?:\s+(?:for|meaning))?\s*[,:]?\s*[_*\"'\u201c\u2018]$"
)


def _slip_of_a_long_word(word: str, lex: Lexicon) -> bool:
    """Is a lowercase word of ten letters or more a slip a writer makes the same way each time
    (`slips.habitual`)? Then the page's code writing it too, as a word among words, is the same
    slip copied, not a name (`intepreted` in HCL's JSON spec, twice in prose and once in a JSON
    string of an example, hundred-and-thirtieth sample), of an English word writers use: a
    term's (`loadbalance`, a strategy's name one letter short of `loadBalancer`) is the code's
    name."""
    if not word.islower() or len(word) < slips.LONG_DROP:
        return False
    english = [h for h in lex.suggestions(word) if h.islower() and lex.tables.common(h) >= slips.ADDED_FREQUENCY]
    return slips.habitual(word, english, lex)


def _adverb_opening(text: str, index: int, word: str) -> bool:
    """Does the word open its sentence as an adverb, `-ly` and a comma after it (`Conversly,
    teams...`, a handbook's, ninety-fourth sample)? Its capital is the sentence's, not a
    name's, so it is judged as the lowercase word it is."""
    return (word.endswith("ly") and word[:1].isupper() and text[index + len(word):index + len(word) + 1] == ","
            and opens_sentence(text, index))


def _misspelt(word: str, lex: Lexicon, page: PageWords, proper: bool = False) -> bool:
    """Is an unknown word a misspelling rather than a name or a term nobody listed?

    - No dictionary word within two edits and no split: a name or a term (`selectolax`,
      `Volochii`), unless it is hyphenated (`daemon-ctl`: two words, one wrong) with no
      capitalised part (`Avalonia-specific` is built on a name).
    - A common contraction without its apostrophe (`doesnt`, `youll`), or with a letter
      slipped after it (`it'ss`), is a typo.
    - A word the page writes twice or more is meant (`aibridge` seven times, `Huma` three):
      over every labelled tree, 21 of 22 true misspellings were written once on their page,
      while 105 of 231 false findings were names and terms the page repeats. A common word of
      seven letters or more with one key struck beside the right one is a slip however often
      it is copied (`Remenber` twice, `Connrct` three times).
    - No vowel: an abbreviation or a command (`tmpfs`, `fsck`), unless one vowel makes it
      one of the commonest words (`frm`).
    - A word one edit from a dictionary word (`Regitsry`, `comitted`) or run together with a
      function word (`requiredto`, `theleft`, `everytime`) is a typo.
    - A word of at most three letters is a command, a code or an abbreviation (`apk`, `diw`,
      `hil`): almost every such string is one edit from some word, so that edit says nothing.
      It is a typo only as a slip of one of the commonest words (`teh`, `adn`, `frm`).
    - A capitalised word, or a word of at most six letters, one edit from a rare word or a
      package name only is a name nobody listed (`Velero` beside `Velcro`, `Radeon` beside
      the Python package `radon`, `godoc` beside `godot`, `utun` beside `tun`), unless the
      page writes that word (`Tailcale` on a page about `Tailscale`): a writer slips on a
      common word, a term or product of the trade, or a word they use (`Factort`, `Kubernets`).
      A lowercase word that is a rare word with one vowel written for another is a slip of
      sound all the same (`in tandum with`).
    - A capitalised word with one letter changed is a slip only of a name the project or the
      page uses (`Coden` on a page about Coder): a writer drops, doubles or swaps a letter of a
      name (`Tailcale`, `Jupter`, `Regitsry`), while a name that is a word with one letter
      changed is common (`Shlink` beside `shrink`, `Yaru` beside `yarn`).
    - A word capitalised inside a sentence (`proper`) is not two words run together
      (`Anysphere`, a company, is no `Any sphere`).
    - Otherwise, capitalised, it is a name (`Paulsen`, `Termux`: a typo of a name is one slip
      away from it); lowercase and split only into two content words, a closed compound
      (`runlevel`, `trackpad`, `somepassword`), unless its first word is a plural
      (`permissionsash`: a compound takes the singular); lowercase, longer than six letters and two
      edits away from a word writers use, a typo (`instcrtion`; `ollama` is no slip for
      `lama`); two edits from a rare word only, a name nobody listed (`dnsmasq` is no slip
      for `dismast`).
    """
    if word.islower() and (slips.phrasal_noun(word, lex) or slips.agent_noun(word, lex)):
        return False  # `shoutout`, a verb and its particle written solid, or `ingestor`: nouns
    # No suggestion index holds contractions (`it'ss`).
    if slips.plain_slip(word, lex) or slips.vowel_struck_as_neighbour(word.lower(), lex):
        return True
    hints = _suggestions(word, lex)
    if not hints:
        return _unsuggested_compound_slip(word, lex, page)
    if not (slips.VOWEL.search(word) or slips.vowel_dropped(word, lex) or slips.key_slip_of_commonest(word.lower(), lex)):
        return False
    w = word.lower()
    if slips.apostrophe_dropped(w, lex):
        return True
    if slips.ELONGATED.search(w):
        # `quiiite`, `sooo`: a word drawn out on purpose; `classs`: a key held down, a slip.
        return slips.struck_thrice(w, lex) or slips.vowel_struck_again(w, lex)
    if w.endswith("fs") and lex.known(w[:-2]):
        return False  # `overlayfs`, `squashfs`: a file system named after what it does
    if slips.daemon_name(w, hints, lex):
        return False  # `confd`, `Chatd`: a daemon named after what it serves
    if _written_as_meant(word, hints, lex, page):
        return False  # a slip is made once; a word spelt the same way twice is meant
    if len(w) <= slips.SHORT:
        return slips.slip_of_commonest(w, lex)
    split = next((h.lower().split() for h in hints if " " in h), None)
    compound = _closed_compound(split)
    capital = word[:1].isupper()
    # Short names are dense around short words (`godoc`, `utun`, `ollama`): a name, like a
    # capitalised word, is a slip only of a word writers use.
    name_like = capital or len(w) <= slips.SHORT_NAME
    # A name of ten letters or more is seldom one edit from a word: `Prerequisits` is a slip
    # of `Prerequisite`, rare as that word is (`Catppuccin`, two edits away, stays a name).
    # Letters of the word itself: `Claranet's` is a name of eight letters with a possessive.
    one_edit_slips = not name_like or len(_POSSESSIVE.sub("", w)) >= slips.LONG_WORD
    if any(" " not in h and one_edit(w, h.lower()) and not (compound and _rare_word(h.lower(), lex))
           and not slips.letter_put_before(w, h.lower()) and (
        one_edit_slips or slips.slip_of_used_word(h, word, lex, page.writes, page.writes_capitalised) or (
            (not capital or _capital_of_its_sentence(w, h, lex, proper)) and slips.vowel_for_vowel(w, h.lower())))
        for h in hints
    ):
        return True
    if split and (slips.FUNCTION_WORDS.intersection(split) or _plural_first_alone(w, split, lex)) and not (
            proper or _name_by_its_split(word, split, lex)):
        return True
    return _slip_of_a_farther_word(w, hints, lex, split, name_like)


_OPENING_SLIP = 7  # letters of a capitalised word opening a sentence judged as its lowercase word


def _capital_of_its_sentence(w: str, hint: str, lex: Lexicon, proper: bool) -> bool:
    """Is a capitalised word capitalised only because it opens its sentence or item (not
    `proper`), seven letters or more and one edit from a word writers use (`- Seperate
    lts-hwe image`, Bluefin's docs, hundred-and-sixty-fifth sample)? Then a vowel written for
    another is a slip of sound as in lowercase; a name is seldom a long common word so changed."""
    return not proper and len(w) >= _OPENING_SLIP and lex.tables.common(hint.lower()) >= SPLIT_FREQUENCY


def _plural_first_alone(w: str, split: list[str], lex: Lexicon) -> bool:
    """Does the word split into a plural and a word (`permissionsash`) and into no closed
    compound else (`quickshell`, a Wayland shell toolkit, is `quick shell` before it is `quicks
    hell`: archinstall's notes, hundred-and-sixty-fifth sample)?"""
    if not slips.plural_first(split[0], lex):
        return False
    return not any(_closed_compound([w[:i], w[i:]]) and lex.tables.common(w[:i]) >= SPLIT_FREQUENCY
                   and lex.tables.common(w[i:]) >= SPLIT_FREQUENCY for i in range(COMPOUND_PART, len(w) - COMPOUND_PART + 1))


def _name_by_its_split(word: str, split: list[str], lex: Lexicon) -> bool:
    """Is a capitalised word, split into a function word and words, a name: a word and `a` run
    together (`Altera`, the FPGA maker, opening an item of amaranth's list of vendors, hundred-
    and-sixty-second sample; names end in `a`: `Nokia`, `Kafka`), or a function word before
    words writers seldom use (`Atheros` is no `At heros`, a table of MIPS chips, hundred-and-
    sixty-sixth)? A slip that runs words together runs common ones (`Theleft`), and the article
    onto a lowercase word."""
    if not word[:1].isupper():
        return False
    content = [p for p in split if p not in slips.FUNCTION_WORDS]
    return split[1:] == ["a"] or (content != [] and all(lex.tables.common(p) < SPLIT_FREQUENCY for p in content))


def _closed_compound(split: list[str] | None) -> bool:
    """Is the word two words of `COMPOUND_PART` letters or more run together, no function word
    among them (`skill sets`, `brand line`)? Then a rare word one edit away is no evidence of a
    slip: `skillsets` (the Good Docs Project's templates, hundred-and-forty-eighth sample) is the
    closed compound, not `skillets` misspelt."""
    return (split is not None and len(split) == 2 and min(map(len, split)) >= COMPOUND_PART
            and not slips.FUNCTION_WORDS.intersection(split))


def _rare_word(word: str, lex: Lexicon) -> bool:
    """Is the word no term of the trade and rarer than the words a compound is split into?"""
    return word not in lex.terms and lex.tables.common(word) < SPLIT_FREQUENCY


# `boost rap`, `gene red`, `temp ate`: a part of three letters is as often a slip's piece.
COMPOUND_PART = 4


def _slip_of_a_farther_word(w: str, hints: list[str], lex: Lexicon, split: list[str] | None, name_like: bool) -> bool:
    """Is the lowercased word, no one-edit slip, a slip of a word two edits away or of one it
    lacks letters of (`split`: the two words it runs together, if any; `name_like`: capitalised
    or short, as names are)?"""
    if split is not None:
        # `boostraped` is no `boost raped`: a long word it is with a letter or two left out says
        # what the writer meant (hundredth sample); a closed compound seldom lacks letters of one
        # (`hardlinks` is no `hardliners`, `flychecking` no `flyspecking`).
        # So is a capitalised one of a word writers use (`Klipper's Documention`, link text in
        # title case, hundred-and-fiftieth sample): a name is seldom such a word short of letters.
        return any(
            len(h) >= slips.LONG_WORD and h.lower() in lex and slips.letters_left_out(w, h.lower())
            and (not name_like or lex.tables.common(h.lower()) >= SPLIT_FREQUENCY) for h in hints)
    if not name_like:
        # A word writers use, or, for a long word, a term of the trade the frequency table
        # does not hold (`authencation`: `authentication` is 0 there; keda's docs, sixty-ninth).
        # Not a word with two letters put before it (`vttablet`, Vitess's tablet server: a
        # name built on the word); a slip lands inside a word (seventy-second sample). Nor
        # one a far letter is put before (`pthread`): the words two edits away say nothing then.
        if any(slips.letter_put_before(w, h.lower()) for h in hints):
            return False
        return any((lex.tables.common(h.lower()) >= SPLIT_FREQUENCY
                    or (len(w) >= slips.LONG_WORD and " " not in h and h.lower() in lex))
                   and not slips.prefixed_name(w, h.lower()) for h in hints)
    # A name is seldom twelve letters long and two edits from a word or a term of the trade
    # (`Oberservability`, fifty-fifth sample); a shorter one often is (`Catppuccin`).
    return len(_POSSESSIVE.sub("", w)) >= slips.LONG_NAME and any(" " not in h and h.lower() in lex for h in hints)


def _written_as_meant(word: str, hints: list[str], lex: Lexicon, page: PageWords) -> bool:
    """Does the page write the word in the singular and the plural, or more than once and not
    as a habitual slip (or as a habitual slip that is a coined name: `_coined_name`)?"""
    w = word.lower()
    return (_inflected_too(w, page, lex) and not _beside_the_word_it_slips_from(w, hints, page)) or (
        page.repeats(word) and (not slips.habitual(w, hints, lex) or _coined_name(word, hints, page)))


def _beside_the_word_it_slips_from(w: str, hints: list[str], page: PageWords) -> bool:
    """Does the page write, in lowercase, a word one edit from the lowercase word, and the word
    meant (`aligment` and `aligments` on Chisel's connectable docs, which write `alignment` 40
    times: hundred-and-sixty-second sample)? A writer who spells the word right elsewhere slipped,
    in both forms; a term of the page's own has no such word beside it (`ingestor`)."""
    return any(h.islower() and one_edit(w, h) and page.writes(h) for h in hints)


def _coined_name(word: str, hints: list[str], page: PageWords) -> bool:
    """Is a word the page writes capitalised wherever it writes it a word with its last letter
    doubled (`Fluidd`, three times on its features page)? A coined name: a doubling slip of a
    common word is a slip however often the page makes it (`overriden`), but not one the page
    makes only as a name, capitalised inside sentences too."""
    bare = [_POSSESSIVE.sub("", h) for h in hints]
    return (word[:1].isupper() and slips.last_letter_doubled(_POSSESSIVE.sub("", word).lower(), bare)
            and page.always_capitalised(word))


def _suggestions(word: str, lex: Lexicon) -> list[str]:
    """The dictionary's suggestions, less an adverb for a word with a possessive (`_adverb`)."""
    hints = lex.suggestions(word)
    return [h for h in hints if not _adverb(_POSSESSIVE.sub("", h).lower(), lex)] if _POSSESSIVE.search(word) else hints


def _adverb(w: str, lex: Lexicon) -> bool:
    """Is the word an adverb in -ly of a known word (`practically`)? No possessive follows one,
    so `Practicalli's` (a tutorial series, Spacemacs' README, hundred-and-twenty-eighth sample)
    is no slip of `Practically's`."""
    return w.endswith("ly") and len(w) - 2 >= ADVERB_BASE and lex.known(w[:-2])


ADVERB_BASE = 4


def _elided(word: str, text: str, index: int, lex: Lexicon) -> bool:
    """Is the word a common word with its last letter elided, an apostrophe in its place
    (`plain ol' Go`, chi's README, hundred-and-twelfth sample; `runnin'`)?"""
    end = index + len(word)
    return text[end : end + 1] in ("'", "\u2019") and any(
        lex.tables.common(word.lower() + c) >= SPLIT_FREQUENCY for c in "dg")


def _unsuggested_compound_slip(word: str, lex: Lexicon, page: PageWords) -> bool:
    """A word no suggestion is near: a slip only as a hyphenated compound with a part wrong.
    `daemon-ctl`: two words, one wrong; `Statik-Server`, `Avalonia-specific`: a name;
    `JSON-seralizable`: an acronym and a slip; `multi-nic`: a prefix before an abbreviation
    in lowercase (NIC; hundred-and-fourteenth sample); `non-schelp`: a prefix before a term the
    page writes on its own in more than one place (SuperCollider's `.schelp` help files, nine
    times on its developers' guide, hundred-and-fifty-ninth sample)."""
    parts = word.split("-")
    if len(parts) < 2 or (len(parts) == 2 and parts[0].lower() in PREFIXES and len(parts[1]) <= slips.SHORT):
        return False
    if all(p.lower() in PREFIXES or lex.known(p) or page.repeats(p) for p in parts):
        return False
    return not any(part[:1].isupper() for part in parts) or slips.slip_in_a_compound(word, lex) is not None


def _inflected_too(w: str, page: PageWords, lex: Lexicon) -> bool:
    """Does the page write an unknown word in the singular and the plural (`ingestor`,
    `ingestors`: a term it uses, however near `investor`)? Not when the other form is a word
    (`serverss` beside `servers` is a slip)."""
    other = w[:-1] if w.endswith("s") else w + "s"
    return page.writes(other) and not lex.known(other)


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _code_in_prose(word: str, index: int, text: str, page: PageWords) -> bool:
    """A snake_case name is code unless quoted (`"invalid redirect_uri"` is an error message
    or a UI label, written as it reads). A kebab-case name in prose is far more often the name
    of a tool or repository (`coder-logstream-kube listens for...`) than code: it counts only
    as a command the page runs, followed by its flags (`coder-logstream-kube --namespace`)."""
    if _quoted(text, index) or _NAMING_STYLE.fullmatch(word):
        return False  # `snake_case`: the name of a naming style, written in it
    if _NUMBERED.fullmatch(word) or _SUBSCRIPT.fullmatch(word):
        return False
    if "_" in word:
        return True
    # Code tokens are kept squeezed.
    return bool(_FLAG_AFTER.match(text, index + len(word))) and word.translate(SQUEEZE) in page


def _table_header(doc: Document, line: Line, text: str) -> bool:
    """Is the line a table's header row? Its cells name the columns: `| id | status | updated_at |`
    over rows of data is a result set drawn, its columns' names no code in running text (dbt's
    and Airbyte's docs, hundred-and-first sample); a writer backticks the names in the rows."""
    return "|" in text and line.number < len(doc.lines) and table_delimiter(doc.line(line.number + 1).content)


def _placed_by_markup(content: str, index: int, word: str, html: bool) -> bool:
    """Does the markup around the word already say what it is: all an HTML element holds (a
    label), an image's alt text, or inside a `<code>` element? (`content`: the unmasked line.)"""
    return ((html and _whole_element(content, index, word)) or _alt_text(content, index)
            or _in_code_element(content, index))


def _alt_text(text: str, index: int) -> bool:
    """Is `index` of the unmasked line inside an image's alt text (`![code_coverage](...)`)?
    Alt text is plain text: backticks there show as backticks in the `alt` attribute."""
    start = text.rfind("![", 0, index)
    return start >= 0 and "]" not in text[start:index]


_NAMING_STYLE = re.compile(r"(?:screaming_)?(?:snake|camel|pascal|kebab|lower|upper|title|sentence|train|flat)_case", re.I)


# `x86_64`: one underscore between digits is how an architecture name separates its numbers
# (the prose name of a platform, beside `aarch64`), not a snake_case identifier.
_NUMBERED = re.compile(r"[A-Za-z]+\d+_\d+")
# A letter and its index written with an underscore, as mathematics is in plain text (`(d_1,
# d_2, ..., d_n)`, `Triple(a_i, d_i, b_i)`: HarfBuzz's notes, hundred-and-sixty-fourth sample).
_SUBSCRIPT = re.compile(r"[A-Za-z]_(?:\d|[a-z])")


def _english_compound(word: str) -> bool:
    """`self-hostd` is English with a typo, not a package name: it starts with a prefix."""
    return word.split("-", 1)[0] in PREFIXES


# A version as package lists write it: `2:3.3.17-5`, `1.60+git20181103.0eebece-1`, `v2.7.2`.
_VERSION_CELL = re.compile(r"v?(?:\d+:)?\d+(?:\.[\w~+-]+)+|v?\d+[\w.~+:-]*\.[\w.~+:-]*")


def _cells(text: str) -> list[tuple[int, int]]:
    """The spans of a table row's cells, blanks around them left out."""
    return [(m.start(1), m.end(1)) for m in _CELL.finditer(text)]


def _named_beside_version(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the one-word cells of a table row whose last cell is a version (`| procps |
    2:3.3.17-5 |` in an image's list of installed packages): the names of packages, written as
    their authors spell them, not words of the page."""
    filled = [(a, b) for a, b in cells if b > a]
    if len(filled) < 2 or not _VERSION_CELL.fullmatch(text[filled[-1][0]:filled[-1][1]]):
        return []
    return [(a, b) for a, b in filled[:-1] if " " not in text[a:b]]


_CELL = re.compile(r"\|\s*([^|]*?)\s*(?=\|)")
_COMMAND_START = re.compile(r"([\w.-]+)\s+--?[A-Za-z]")


def _command_cells(text: str, cells: list[tuple[int, int]], subject: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of a table row's cells that run the page's subject with a flag (`| subfinder
    -exclude-sources archiveis |`, subfinder's table of options, hundred-and-sixtieth sample):
    a command line, its arguments written as the command takes them."""
    spans = []
    for a, b in cells:
        command = _COMMAND_START.match(text, a, b)
        if command and command.group(1).lower() in subject:
            spans.append((a, b))
    return spans


# The tags that open an HTML block in CommonMark (its sixth kind), with the raw ones.
_HTML_BLOCK = re.compile(
    r"</?(?:address|article|aside|blockquote|body|center|details|dialog|dd|div|dl|dt|fieldset|figcaption|figure"
    r"|footer|form|h[1-6]|head|header|hr|html|li|main|nav|ol|p|pre|script|section|style|summary|table|tbody|td"
    r"|tfoot|th|thead|tr|ul)(?=[\s/>]|$)", re.IGNORECASE)


def _code(doc: Document, number: int, col: int, word: str, html: bool = False) -> Finding:
    why = "a variable, file or package name" if "_" in word else "a command, run with its flags"
    # Markdown is not rendered in an HTML block (`<summary>Add cgroup_memory ...`): backticks
    # would print there. A line that opens with an inline element is Markdown (a table row
    # `<kbd>mjis</kbd> | ... django_extras ...`, Spacemacs' Python layer, 128th sample).
    how = (f"write it as `<code>{word}</code>` (Markdown is not rendered in HTML)"
           if html and _HTML_BLOCK.match(doc.line(number).content.lstrip()) else "write it in backticks")
    return CODE_IN_PROSE.at(
        doc.path, number, col + 1,
        f"`{word}` looks like code ({why}): {how}",
        end_line=number, end_column=col + 1 + len(word),
    )


def _quoted(text: str, index: int) -> bool:
    return any(m.start() < index < m.end() for m in _QUOTED.finditer(text))


_CODE_CLOSE = re.compile(r"</(code|pre|kbd|samp|tt)>|<(code|pre|kbd|samp|tt)\b", re.I)


def _in_code_element(content: str, index: int) -> bool:
    """Is the word inside a `<code>` (or `<pre>`) element opened on a line above, which closes
    after it on this one (`method_a<span class="p">(</span>...</code>`, mkdocstrings' rendered
    signature)? It is code already."""
    m = _CODE_CLOSE.search(content, index)
    return m is not None and m.group(1) is not None


def _whole_element(content: str, index: int, word: str) -> bool:
    """Is the word all an HTML element holds (`<th>secret_name</th>`): a column's or a field's
    label, not code in a sentence?"""
    end = index + len(word)
    return index > 0 and content[index - 1] == ">" and content[end : end + 1] == "<"


def _variant(doc: Document, line: Line, col: int, pair: tuple[str, str], want: str, by_page: str) -> Finding:
    """`pair` is the word as written and its spelling in `want`; `by_page` is set when no
    variant is configured and the page's own spellings chose `want`, which the message says."""
    word, other = pair
    start = line.start + col
    language = "American" if want == "en-US" else "British"
    fix = Fix(start, start + len(word), other, f"write the {language} spelling `{other}`")
    if not by_page:
        why = f"the docs are written in {language} English ({want})"
    elif want == "en-GB":
        why = "this page is written in British English (en-GB): most of its spellings are British"
    else:
        why = ("a page is held to American English (en-US) unless most of its spellings are British; "
               "set `variant` in the configuration to choose")
    return VARIANT.at(
        doc.path, line.number, col + 1,
        f"`{word}`: {why}: write `{other}` (docs-check --fix does it)",
        fix=fix, end_line=line.number, end_column=col + 1 + len(word),
    )


# A hyphenated name written this often is the page's own (a project, a component) and a long
# one (`aad-pod-identity`) is no other name one letter away.
NAME_WRITTEN = 3
LONG_NAME_SLIP = 10
PAGE_NAME_WRITTEN = 5
PAGE_NAME_SLIP = 6
_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z]+(?![\w-])")
_KEBAB_NAME = re.compile(rf"(?<![\w.-]){_KEBAB_WORDS}(?![\w-])")


def _slip_of(w: str, name: str) -> bool:
    """Is `w` one letter from the page's `name`, not a plural nor a number changed (`v1-alpha2`,
    `cluster-apis`: other names)?"""
    return one_edit(w, name) and name.rstrip("s") != w.rstrip("s") and not _differs_in_a_digit(w, name)


def _differs_in_a_digit(a: str, b: str) -> bool:
    return any(x != y and (x.isdigit() or y.isdigit()) for x, y in zip(a, b, strict=False)) or (
        len(a) != len(b) and any(c.isdigit() for c in set(a) ^ set(b)))


def _unknown(doc: Document, number: int, col: int, word: str, lex: Lexicon, hints: list[str] | None = None) -> Finding:
    if hints is None:
        joined = slips.plain_slip(word, lex) or ("-" in word and slips.slip_in_a_compound(word, lex))
        hints = [joined] if joined else lex.suggestions(word)
        # The word it is with letters left out first (`bootstrapped` before `boost raped`).
        hints.sort(key=lambda h: " " in h or not slips.letters_left_out(word.lower(), h.lower()))
    advice = "did you mean " + ", ".join(f"`{h}`" for h in hints) + "?" if hints else "check it"
    message = f"`{word}` is not in the dictionary: {advice} (a name or a term belongs in the project word list)"
    return UNKNOWN_WORD.at(doc.path, number, col + 1, message, end_line=number, end_column=col + 1 + len(word))


# The word on either side of a word, with what separates them (either may be empty).
_BEFORE = re.compile(r"\w*\W*$")
_AFTER = re.compile(r"\W*\w*")
_PLACE = 40  # characters looked back for the word before
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[ \t]+$")


def _name_then_its_noun(text: str, index: int) -> bool:
    """Does the repeated word end a name of capitalised words inside a sentence, the second copy
    being the thing it names (Vault's docs, seventy-fourth sample: `Google Cloud Storage storage
    backend`, `the Key Vault vault`)? `the Coder Coder CLI` is still a slip: no name before it."""
    if not text[index].isupper():
        return False
    before = _WORD_BEFORE.search(text, 0, index)
    return (before is not None and before.group(1)[0].isupper()
            and not opens_sentence(text, before.start(1)))


# Blanks between two words that set them in columns, as a plain-text or reStructuredText table
# does (`=====   =====` rules; Nim's style guide, hundred-and-sixty-sixth sample): a writer who
# types a word twice puts one blank between, or two.
_COLUMN_GAP = 3


def _repeated(doc: Document, line: Line, text: str) -> Iterator[Finding]:
    for m in _REPEATED.finditer(text):
        word = m.group(1)
        gap = line.content[m.start(2) : m.end(2)]
        if word.lower() in REPEATS_OK or gap.strip():
            continue  # also: `a` to `b` to ... masks to `to  to`, which the writer never wrote
        if len(gap) >= _COLUMN_GAP or "\t" in gap:
            continue  # `find                    find`: two columns of a plain-text table (Nim's NEP 1)
        if len(word) > 1 and word.isupper() != text[m.end() - len(word) : m.end()].isupper():
            continue  # `ERROR Error: Cannot find module`: a log level, then the message it labels
        third = _THIRD_TIME.match(text, m.end())
        if third and third.group(1).lower() == word.lower():
            continue  # `Print print print!`, `blah blah blah`: said three times on purpose
        if _name_then_its_noun(text, m.start()):
            continue  # `the Google Cloud Storage storage backend`, `the Key Vault vault`
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


CHECK = Check("spelling", (UNKNOWN_WORD, REPEATED_WORD, VARIANT, CODE_IN_PROSE), check)
