"""The words `spell-*` knows, and what it suggests for the ones it does not.

A word is looked up, case-insensitively, in

- pyspellchecker's English (American) word-frequency list (about 160,000 words built from
  OpenSubtitles, with inflections and contractions; the frequencies rank suggestions);
- cspell's dictionaries, vendored under `data/dictionaries/` (see `docs_check.wordlists`):
  the en_US words pyspellchecker lacks, software terms, tools, file types, companies and
  people's names;
- the British and American spellings of `en-variants.tsv` (`spell-variant` decides which
  one the tree wants);
- the project word list: `data/words.txt` (Coder's own names) plus the files named by
  `[tool.docs-check.spelling] words`, plus `accept`.

Lookups are set membership; edit distances are computed only for the few words that are
unknown, with rapidfuzz over the words of about the same length.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import cachedir, wordlists
from ..wordlists import Dictionaries, read_words

# Read as "one word list" by callers that predate the dictionaries.
read_word_list = read_words

_CLITICS = ("'s", "'ve", "'d", "'ll", "'re", "'")
ACRONYM = re.compile(r"[A-Z]{2,}s?|[A-Z]{2,}['\u2019]s")
# Prefixes written solid or hyphenated in technical English (`prebuilt`, `re-run`; `upselling`,
# a Saleor page, hundred-and-fortieth sample; `geomean`, a benchmark's geometric mean, hundred-and-
# sixty-second). Not `co`, `in` or `poly`: too many words start with them (`co` + `lour` would
# pass `colour`, `poly` + `gone` the slip `polygone`).
PREFIXES = frozenset((
    "anti", "auto", "counter", "cross", "de", "dis", "geo", "inter", "intra", "micro", "mid",
    "mis", "multi", "non", "over", "post", "pre", "re", "self", "semi", "sub", "super", "un",
    "under", "up",
))
_INFLECTIONS = (
    ("ies", ("y",)), ("es", ("",)), ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")),
    ("ing", ("", "e")), ("er", ("", "e")), ("ers", ("", "e")), ("ly", ("",)), ("able", ("", "e")),
    ("less", ("",)), ("ful", ("",)), ("y", ("",)), ("ative", ("ate",)), ("ancy", ("ant",)), ("ency", ("ent",)),
    ("ability", ("able",)), ("ibility", ("ible",)), ("ize", ("",)), ("ness", ("",)),
)
# The noun in -ability of an adjective in -able (`resizability`, hundred-and-twenty-second
# sample), as `ancy` is of `ant`. The noun of an adjective in -ant or -ent (`reentrancy` of `reentrant`, hundred-and-
# nineteenth sample) is a word unless its other vowel makes one: `currancy`, `dependancy` are
# slips for `currency`, `dependency`, though `currant` and `dependant` are words.
_NCY_OTHER_VOWEL = {"ancy": "ency", "ency": "ancy"}
# The noun in -ness of an adjective or a participle (`sortedness`, a Vegeta design note, hundred-
# and-thirty-second sample) is a word, as its adverb in -ly is.
# `e-` written solid before a noun longer than this (`_electronic`).
ELECTRONIC_NOUN = 6
# A British -ise form and its ending (`dockerised`, `containerising`, `tokenisation`).
_ISE_FORM = re.compile(r"is(e|es|ed|ing|er|ers|ation|ations)$")
# The verb in -ize of a noun of six letters or more (`pseudonymize`, Meltano's docs, hundred-and-
# twenty-seventh sample; `tokenize`): a shorter one is as often a slip (`sizeize`, `lize`).
IZE_BASE = 6
_CONTRACTION_PIECES = (
    "aren", "couldn", "didn", "doesn", "don", "hadn", "hasn", "haven", "isn", "mustn", "needn",
    "shouldn", "wasn", "weren", "won", "wouldn", "ve", "ll", "re",
)
# The prefixes that are no word of their own (`over`, `self`, `post` are).
_BOUND_PREFIXES = PREFIXES - {"counter", "cross", "mid", "over", "post", "self", "super", "under", "up"}
# A plural that takes -es: box, bus, buzz, match, wish; and consonant + y, which becomes -ies.
_PLURAL_ES = re.compile(r"(?:[sxz]|[cs]h|[^aeiou]y)$")
PLURAL_STEM = 4  # a plural of more letters is tried as its singular when the index finds nothing
# A prefix this long is a word of its own before a word of three letters (`auto` + `use`); a
# shorter one only before a longer word (`_prefixed`).
LONG_PREFIX = 4
LONG_PREFIX_REST = 4
# The verb forms in -ate of a noun in -ation (`_verb_of_a_rare_noun`).
_ATE_FORM = re.compile(r"at(?:e|es|ed|ing)$")
# An adjective in -y made from a noun or verb of five letters or more (`nitpicky`, a hundred-
# and-second sample): shorter bases make slips words (`bugy`, `usey`).
ADJECTIVE_Y_BASE = 5
# The noun in -y of an adjective in -ous (`asynchrony` of `asynchronous`, a Dart article,
# hundred-and-thirty-sixth sample; `synchrony`, `monotony`), from a stem of eight letters or
# more: a shorter one makes slips words (`continuy` is no noun of `continuous`).
NOUN_OF_OUS_BASE = 8
# A lowercase word this long is tried with its first letter changed, and is a slip of a word
# that common (`cupported`: `supported`, 10,915 in the frequency table).
FIRST_LETTER_SLIP = 8
FIRST_LETTER_COMMON = 5000
PROJECT_FREQUENCY = 5000  # ranks a project term like a common word among suggestions
TERM_FREQUENCY = 500  # a software term or company name ranks like a fairly rare word
SPLIT_FREQUENCY = 1000  # both halves of a split (`requiredto`) must be at least this common
PAYLOAD_FORMAT = 2  # the cache entry's layout (Tables.payload); part of the cache key too
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
# A set of words held as a dict's keys: a dict of strings is not tracked by the cyclic
# garbage collector, a set always is, and every collection would walk its 240,000 entries
# (a tenth of a cold check's time was that).
WordSet = dict[str, None]


class Tables:
    """What the dictionaries and English give the lexicon, apart from the project's words.

    Built once per dictionary version (`build`, from the vendored files and pyspellchecker's
    list), then stored in the per-user cache (`payload` / `from_payload`, see `cachedir`).
    A check needs only `plain` and the small tables eagerly; the English frequencies and the
    suggestion index are needed only for the few unknown words, so a cached entry keeps them
    as separate blobs, each read the first time a suggestion needs it: the frequencies by
    first letter, the words that can be half of a split (frequency >= 1000) apart.
    """

    def __init__(
        self, plain: WordSet, fake_letters: frozenset[str], terms: dict[str, str], names: WordSet,
        british: dict[str, str], american: dict[str, str], vocabulary: WordSet, *,
        english: dict[str, int] | None = None,
        groups: dict[str, bytes] | None = None, common: bytes | None = None,
        buckets: dict[str, str] | None = None,
    ) -> None:
        self.plain = plain  # known words with one spelling, single letters included
        self.fake_letters = fake_letters  # the single letters of `plain` that no list has
        self.terms = terms
        self.names = names
        self.british = british
        self.american = american
        self.vocabulary = vocabulary  # lowercase terms of the vocabulary dictionaries
        self._english = english  # built: the whole frequency table
        self._groups = groups  # cached: marshal blobs of frequencies by first letter
        self._loaded: dict[str, dict[str, int]] = {}
        self._common_blob = common
        self._common: dict[str, int] | None = None
        self._bucket_blobs = buckets  # cached: the suggestion index by first letter, "\n"-joined
        self._buckets: dict[str, tuple[str, ...]] | None = None

    @classmethod
    def build(cls, dicts: Dictionaries, words: dict[str, int]) -> Tables:
        terms: dict[str, str] = {}
        for w in dicts.terms:  # a listed capitalisation wins over a lowercase one: Kubernetes
            low = w.lower()
            if terms.get(low, low) == low:
                terms[low] = w
        british = {b: a for b, a, _ in dicts.variants}
        american = {a: b for b, a, us_only in dicts.variants if us_only}
        names = dict.fromkeys(w.lower() for w in dicts.names if w[:1].isupper())
        known = set(terms)
        known.update(names, (w.lower() for w in dicts.english), british, american)
        plain = dict.fromkeys(words)
        plain.update(dict.fromkeys(known))
        plain.update(dict.fromkeys(_LETTERS))  # a single letter is never misspelt
        for w in (*british, *american):
            plain.pop(w, None)
        fake = frozenset(c for c in _LETTERS if c not in words and c not in known)
        vocabulary = dict.fromkeys(w.lower() for w in dicts.vocabulary)
        return cls(plain, fake, terms, names, british, american, vocabulary, english=words)

    # -- the cache's form ---------------------------------------------------------------------

    def payload(self) -> dict[str, object]:
        """Plain data for `marshal`: sets as one newline-joined string (far faster to dump and
        load than a marshalled set), the lazily read parts as blobs of their own."""
        english = self.english()
        groups: dict[str, dict[str, int]] = {}
        for w, f in english.items():
            group = groups.get(w[:1])
            if group is None:
                groups[w[:1]] = {w: f}
            else:
                group[w] = f
        return {
            "format": PAYLOAD_FORMAT,
            "plain": "\n".join(self.plain), "fake_letters": "".join(sorted(self.fake_letters)),
            "terms": self.terms, "names": "\n".join(self.names),
            "british": self.british, "american": self.american, "vocabulary": "\n".join(self.vocabulary),
            "groups": {h: marshal.dumps(g) for h, g in groups.items()},
            "common": marshal.dumps({w: f for w, f in english.items() if f >= SPLIT_FREQUENCY}),
            "buckets": {h: "\n".join(ws) for h, ws in self.buckets().items()},
        }

    @classmethod
    def from_payload(cls, p: object) -> Tables:
        """The tables of a cache entry; ValueError when it is not one of ours."""
        if not isinstance(p, dict) or p.get("format") != PAYLOAD_FORMAT:
            raise ValueError("not a lexicon cache entry")
        types = {"plain": str, "fake_letters": str, "terms": dict, "names": str, "british": dict,
                 "american": dict, "vocabulary": str, "groups": dict, "common": bytes, "buckets": dict}
        if any(not isinstance(p.get(k), t) for k, t in types.items()):
            raise ValueError("a lexicon cache entry with a missing or mistyped table")
        return cls(
            dict.fromkeys(_lines(p["plain"])), frozenset(p["fake_letters"]), p["terms"],
            dict.fromkeys(_lines(p["names"])),
            p["british"], p["american"], dict.fromkeys(_lines(p["vocabulary"])), groups=p["groups"], common=p["common"], buckets=p["buckets"],
        )

    # -- English frequencies ------------------------------------------------------------------

    def english(self) -> dict[str, int]:
        """The whole frequency table (lowercase word -> count)."""
        if self._english is None:
            assert self._groups is not None
            full: dict[str, int] = {}
            for head in self._groups:
                full.update(self._group(head))
            self._english = full
        return self._english

    def frequency(self, w: str) -> int | None:
        """English frequency of `w`; None when it is not an English word."""
        if self._english is not None:
            return self._english.get(w)
        return self._group(w[:1]).get(w)

    def common(self, w: str) -> int:
        """Frequency of `w`, exact when it is at least SPLIT_FREQUENCY; a rarer word may read 0
        (a cached entry keeps only the common words apart), so compare it only with a threshold
        of at least SPLIT_FREQUENCY, as `split` does."""
        if self._english is not None:
            return self._english.get(w, 0)
        if self._common is None:
            self._common = _unmarshal(self._common_blob)
        return self._common.get(w, 0)

    def _group(self, head: str) -> dict[str, int]:
        group = self._loaded.get(head)
        if group is None:
            assert self._groups is not None
            blob = self._groups.get(head)
            group = self._loaded[head] = _unmarshal(blob) if blob is not None else {}
        return group

    # -- the suggestion index -----------------------------------------------------------------

    def buckets(self) -> dict[str, tuple[str, ...]]:
        """Alphabetic English words and terms by first letter (people's names left out: a
        misspelt word is rarely a person's name, and their 39,000 entries would crowd out the
        words a writer meant)."""
        if self._buckets is None:
            if self._bucket_blobs is not None:
                self._buckets = {h: _lines(ws) for h, ws in self._bucket_blobs.items()}
            else:
                self._buckets = self._build_buckets()
        return self._buckets

    def bucket(self, head: str) -> tuple[str, ...]:
        if self._buckets is None and self._bucket_blobs is not None:
            return _lines(self._bucket_blobs.get(head, ""))  # read only the letters asked for
        return self.buckets().get(head, ())

    def heads(self) -> list[str]:
        return list(self._bucket_blobs if self._bucket_blobs is not None else self.buckets())

    def _build_buckets(self) -> dict[str, tuple[str, ...]]:
        english = self.english()
        # Identifiers from the code dictionaries (`gzipSync`) are known, never suggested.
        terms = [t for t, spelt in self.terms.items()
                 if (spelt[1:].islower() or spelt.isupper() or t == spelt) and t not in english]
        buckets: defaultdict[str, list[str]] = defaultdict(list)
        for words in (english, terms):  # distinct words: English keys, then terms English lacks
            for word in filter(str.isalpha, words):
                buckets[word[0]].append(word)
        return {h: tuple(ws) for h, ws in buckets.items()}


CACHE_NAME = "lexicon"


@lru_cache(maxsize=4)
def tables(dictionaries: tuple[str, int, int]) -> Tables:
    """The tables of a dictionaries folder (as stamped by `wordlists.stamp`): from the
    per-user cache when an entry for exactly these inputs is there, else built and stored.

    The caller has verified the folder (`wordlists.verify`), so a missing or corrupt
    dictionary is a configuration error before the cache is looked at."""
    key = cache_key(dictionaries)
    hit = cachedir.read(CACHE_NAME, key) if key else None
    if hit is not None:
        try:
            return Tables.from_payload(hit)
        except ValueError:
            pass  # not an entry of ours after all: built again, and rewritten below
    built = Tables.build(wordlists.load(dictionaries), wordlists.english())
    if key and cachedir.folder() is not None:
        cachedir.write(CACHE_NAME, key, built.payload())
    return built


def cache_key(dictionaries: tuple[str, int, int]) -> str | None:
    """A hash of everything the tables are built from: the dictionaries' manifest (which
    holds each file's sha256), pyspellchecker's word list, the code that builds the tables
    (so a changed rule is never served stale tables, even in a checkout whose version did
    not change) and the Python version (`marshal`'s format is Python's). None when one of
    them cannot be read: then nothing is cached."""
    here = Path(__file__)
    try:
        english = Path(str(wordlists.english_resource()))
        parts = [
            (Path(dictionaries[0]) / wordlists.MANIFEST).read_bytes(),
            f"{english}:{english.stat().st_size}:{english.stat().st_mtime_ns}".encode(),
            here.read_bytes(), (here.parents[1] / "wordlists.py").read_bytes(),
            f"{sys.version}:{marshal.version}:{PAYLOAD_FORMAT}".encode(),
        ]
    except OSError:
        return None
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()[:32]


def _lines(text: str) -> tuple[str, ...]:
    # A tuple: once the collector has seen that it holds only strings, it stops tracking it.
    return tuple(text.split("\n")) if text else ()


def _unmarshal(blob: bytes | None) -> dict:
    """A lazily read blob of a cache entry. The entry's checksum was verified when it was
    read, so a blob that is not a dict means a deliberately altered file: refuse it rather
    than check with a wrong dictionary."""
    value = marshal.loads(blob) if blob is not None else None
    if not isinstance(value, dict):
        raise ValueError("a lexicon cache entry with a damaged blob")
    return value


@dataclass
class Lexicon:
    tables: Tables
    project: dict[str, str] = field(default_factory=dict)  # lowercase -> as written in the list
    _plain: dict[str, WordSet] = field(default_factory=dict)
    _buckets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _by_length: dict[int, list[str]] = field(default_factory=dict)
    _suggested: dict[str, list[str]] = field(default_factory=dict)
    _derived: dict[str, str | None] = field(default_factory=dict)
    _extra: dict[str, list[str]] | None = None

    @classmethod
    def build(cls, project: dict[str, str], tables: Tables) -> Lexicon:
        return cls(tables, project)

    # The tables' parts, by the names the checks and tests read.
    @property
    def words(self) -> dict[str, int]:
        """English, lowercase -> frequency (the whole table: read it only when needed)."""
        return self.tables.english()

    @property
    def terms(self) -> dict[str, str]:
        """Software terms, companies: lowercase -> as spelt."""
        return self.tables.terms

    @property
    def names(self) -> WordSet:
        """Lowercase people's names."""
        return self.tables.names

    @property
    def british(self) -> dict[str, str]:
        """colour -> color."""
        return self.tables.british

    @property
    def american(self) -> dict[str, str]:
        """color -> colour (US-only forms)."""
        return self.tables.american

    def __contains__(self, word: str) -> bool:
        """In English, a dictionary or the project list. `plain` holds every such word but
        the variants (which are all in a list) and holds single letters none may list."""
        t = self.tables
        return (
            (word in t.plain and word not in t.fake_letters)
            or word in self.project or word in t.british or word in t.american
        )

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
            if len(parts) == 2 and parts[0] in PREFIXES and self._known_form(parts[0] + parts[1]):
                return True  # `pre-emption`, `re-enter`: the prefix set off, as British writers do
            return all(
                p in PREFIXES or self._known_form(p) or ACRONYM.fullmatch(q) is not None
                for p, q in zip(parts, token.replace("\u2019", "'").split("-"), strict=True)
            )
        return False

    def is_name(self, token: str) -> bool:
        """A capitalised person's name from the dictionaries (`Bruno`, `Paulsen`) that is not
        also a product, company or term (`Coder`, `Chef`)."""
        return self.listed_person(token) and token.lower() not in self.terms

    def listed_person(self, token: str) -> bool:
        """A capitalised name the people-names list holds, though a company or a term has it too
        (`James`): a person's, where the line is only a name."""
        w = token.lower()
        return token[:1].isupper() and w in self.names and w not in self.project

    def _known_form(self, w: str) -> bool:
        if len(w) <= 1 or w in self:
            return True
        return (self._inflected(w) or self._prefixed(w) or self._singular_of_listed_plural(w)
                or ("is" in w and self.derived_american(w) is not None) or self._electronic(w)
                or self._verb_of_a_rare_noun(w))

    def _verb_of_a_rare_noun(self, w: str) -> bool:
        """The verb in -ate of a rare noun in -ation a dictionary lists without it
        (`exponentiating`, of `exponentiation`, in SciPy's docs, hundred-and-forty-sixth
        sample): a term's verb. Not of a noun writers use (`configurating`, `registrating`):
        the dictionaries list those nouns' verbs, and another form is a writer's slip."""
        m = _ATE_FORM.search(w)
        if m is None:
            return False
        # Nor of a noun whose verb is listed in another form (`visualizating`: `visualize`).
        stem = w[: m.start()]
        noun = stem + "ation"
        return noun in self and self.tables.common(noun) < SPLIT_FREQUENCY and stem + "e" not in self

    def _electronic(self, w: str) -> bool:
        """`e-` for electronic, written solid before a noun of six letters or more, as `email`
        and `ebook` are (`ecommerce`, daisyUI's docs, hundred-and-thirty-fifth sample); not
        before a vowel, where a stray `e` is a slip (`eexample`)."""
        return len(w) > ELECTRONIC_NOUN and w[0] == "e" and w[1] not in "aeiouy" and w[1:] in self

    def _singular_of_listed_plural(self, w: str) -> bool:
        """A term a dictionary lists only in the plural (`metacharacters`): its singular is a
        word too. Only a long singular ending in a consonant: `analysi`, `statu` and `thi` are
        slips whose `s` makes another word; or in an `e` when the plural is of no other
        singular (`tablespace`, InnoDB's term, listed as `tablespaces`; `processe`,
        `hierarchie`, `vertice` and `hypothese` are slips for `process`, `hierarchy`, `vertex`
        and `hypothesis`). A five-letter one only of a term of the trade (`kwarg`, of Python's
        `kwargs`; ninety-seventh sample): the short plurals of the word lists are surnames."""
        if len(w) < 5 or w + "s" not in self or (len(w) == 5 and w + "s" not in self.terms):
            return False
        if w[-1] == "e":
            return not any(s in self for s in (w[:-1], w[:-2] + "y", w[:-3] + "ix", w[:-3] + "ex", w[:-1] + "is"))
        return w[-1] not in "aiousxyz"

    def _inflected(self, w: str) -> bool:
        """Regular inflections of a known word: workspaces, templated, provisioning..."""
        for suffix, stems in _INFLECTIONS:
            if not w.endswith(suffix) or len(w) - len(suffix) < 3:
                continue
            base = w[: -len(suffix)]
            if suffix == "s" and _PLURAL_ES.search(base):
                continue  # boxes, supplies: "boxs" and "supplys" are typos, not plurals
            if suffix == "y" and len(base) >= NOUN_OF_OUS_BASE and base + "ous" in self:
                return True
            if suffix == "ful" and base.endswith(("y", "l")):
                continue  # beautiful, skilful: "beautyful" and "skillful" in en-GB are not formed so
            if suffix == "y" and (len(base) < ADJECTIVE_Y_BASE or base[-1] in "aeiouyl" or base + "ly" in self):
                continue  # `nitpicky`, `clunky` are words; `datay` is not; `particulary` is -ly mistyped
            if (suffix in _NCY_OTHER_VOWEL and base + _NCY_OTHER_VOWEL[suffix] in self) or (
                    suffix == "ize" and len(base) < IZE_BASE):
                continue
            if any(base + stem in self for stem in stems):
                return True
            # doubled final consonant: mapped -> map, running -> run
            doubled = suffix in ("ed", "ing", "er") and len(base) >= 4 and base[-1] == base[-2]
            if doubled and base[:-1] in self:
                return True
        return False

    def _prefixed(self, w: str) -> bool:
        for i in range(2, min(len(w) - 2, 8)):
            # A word of three letters after a prefix of four or more (`autouse`, pytest's
            # fixtures, hundred-and-forty-sixth sample; `multiuse`); a short prefix before one
            # makes too many slips words (`reuse` is listed; `dis` + `ape`).
            if len(w) - i < LONG_PREFIX_REST and i < LONG_PREFIX:
                continue
            if w[:i] in PREFIXES and (w[i:] in self or self._inflected(w[i:])):
                return not (self._one_letter_over(w, i) or (w[:i] == "up" and self._a_letter_from_a_word(w, i)))
        return False

    def _a_letter_from_a_word(self, w: str, start: int) -> bool:
        """Is the word one stray, missing or swapped letter after `start` from a word the lexicon
        knows, however rare? `up` joins so many words that `upsteam` is `upstream` mistyped, not
        up + steam (as `_one_letter_over`, not a letter changed: `upselling` is no `upwelling`)."""
        return any(e in self for e in letter_edits(w, start, start))

    def _one_letter_over(self, w: str, start: int) -> bool:
        """A word one stray, missing or swapped letter after its "prefix" away from a plain
        English word is that word mistyped (`reguarding` is `regarding`, not re + guarding;
        `overide` is `override`, not over + IDE; `dispaly` is `display`, not dis + the heraldic
        `paly`); the prefix itself is not edited (`preload` is not `reload` mistyped)."""
        # Only a word writers use counts (`repost` is re + post, not a slip of the rare `repot`).
        # A letter dropped may be the prefix's own last letter doubled into the word
        # (`intergrated` is `integrated`, not inter + grated; ninety-fifth sample).
        common = self.tables.common
        return any(common(e) >= SPLIT_FREQUENCY for e in letter_edits(w, start, start - 1))

    # -- spelling variants --------------------------------------------------------------------

    def plain_for(self, want: str) -> WordSet:
        """Known words that need no further look in a tree written in `want`: `plain`, with
        the spellings of that variant (`color` in en-US) added; a contraction's pieces too
        (`doesn`, `ve`), as a page is split at apostrophes to be tested against it."""
        hit = self._plain.get(want)
        if hit is None:
            # the tables' `plain` plus the project's words that are no variant
            hit = dict(self.tables.plain)
            hit.update(dict.fromkeys(w for w in self.project if w not in self.british and w not in self.american))
            hit.update(dict.fromkeys(_CONTRACTION_PIECES))
            if want == "en-US":
                hit.update(dict.fromkeys(self.american))
            elif want == "en-GB":
                hit.update(dict.fromkeys(self.british))
            self._plain[want] = hit
        return hit

    def variant(self, token: str, want: str) -> str | None:
        """The spelling `want` ("en-US" or "en-GB") uses for `token`, when it differs."""
        w = token.replace("\u2019", "'").lower()
        other = (self.british.get(w) or self.derived_american(w)) if want == "en-US" else self.american.get(w)
        return _case_like(token, other) if other else None

    def is_british(self, w: str) -> bool:
        """Is the lowercase word a British spelling, listed or derived (`derived_american`)?"""
        return w in self.british or ("is" in w and self.derived_american(w) is not None)

    def derived_american(self, w: str) -> str | None:
        """The -ize spelling of a British -ise form no list holds, when that spelling is known
        (`dockerised`: `dockerized`, a Synapse page by a British writer, hundred-and-twenty-ninth
        sample): a verb the dictionaries list only as American. Remembered: `known`, `variant`
        and `is_british` each ask it of the same word."""
        m = _ISE_FORM.search(w)
        if m is None or w in self:
            return None
        if w not in self._derived:
            american = f"{w[: m.start()]}iz{m.group(1)}"
            self._derived[w] = american if american not in self.american and self._known_form(american) else None
        return self._derived[w]

    # -- suggestions (only for unknown words, so they may cost a few milliseconds) --------------

    def suggestions(self, token: str, limit: int = 3) -> list[str]:
        """Likely corrections, best first; remembered, as a page repeats its unknown words."""
        hit = self._suggested.get(token)
        if hit is None:
            hit = self._suggested[token] = self._suggestions(token, limit)
        return hit

    def _suggestions(self, token: str, limit: int) -> list[str]:
        w = token.replace("\u2019", "'").lower()
        if w.endswith("'s") and len(w) > 3:  # Factort's -> Factory's
            return [f"{s}'s" for s in self._suggestions(token[:-2], limit) if " " not in s]
        out: list[str] = [c for c in self.close(w) if self._safe(w, c)]
        if not out and len(w) > PLURAL_STEM and w.endswith("s") and not w.endswith("ss"):
            # The index holds few plurals: `Screnshots` (owncast's agent notes, hundred-and-
            # fifty-fourth sample) is `screenshot` mistyped, made plural.
            out = [c + "s" for c in self.close(w[:-1]) if self._safe(w[:-1], c) and self._known_form(c + "s")]
        if token.islower() and len(w) >= FIRST_LETTER_SLIP:
            # After the index's own first suggestion when that is commoner (`sperated`:
            # `separated` before `operated`).
            first = self._first_letter_slips(w)
            common = self.tables.common
            out = (out[:1] + first + out[1:]) if out and first and common(out[0]) >= common(first[0]) else first + out
        split = self.split(w)
        if split:
            # Two words run together come first (`requiredto`), unless one edit makes a word
            # commoner than the split's rarer part (`comand` is `command`, not `com and`).
            rarer = min(self.tables.common(part) for part in split.split())
            first = out[:1] if out and one_edit(w, out[0]) and self.tables.common(out[0]) > rarer else []
            out = first + [split] + [c for c in out if c not in first]
        return [_case_like(token, self._spelt(c)) for c in out[:limit]]

    def _first_letter_slips(self, w: str) -> list[str]:
        """Common words a long lowercase word is with its first letter changed (`cupported`,
        Nodemailer's README, hundred-and-forty-fourth sample: `supported`). The suggestion index
        is read by first letter, so it never offers them; over every tree at hand such a word
        was a slip each time it was a common word's (a tool's name is a rarer word's:
        `kustomize`)."""
        return [c + w[1:] for c in _LETTERS if c != w[0] and self.tables.common(c + w[1:]) >= FIRST_LETTER_COMMON]

    def _spelt(self, w: str) -> str:
        """How a suggestion is written: as the project list has it, as English, or as a term."""
        if w in self.project:
            return self.project[w]
        return w if self.tables.frequency(w) is not None else self.terms.get(w, w)

    def _safe(self, w: str, cand: str) -> bool:
        """A name (a person's, or a capitalised product or company) is suggested only for a
        slip of the keys (a letter left out, doubled or swapped), never a changed letter:
        `Masley` is not `Marley`, and `websocat` is a tool of its own, not `WebSocket`. The
        project's own names are exempt: near one of them, a word is most likely that name
        mistyped."""
        if cand in self.project:
            return True
        # `connect` is a word a writer uses, though a term list capitalises it (`Connect`).
        listed = cand in self.names or self.terms.get(cand, cand) != cand
        named = listed and self.tables.common(cand) < SPLIT_FREQUENCY
        if not named and (self.tables.frequency(cand) is not None or cand not in self.terms):
            return True
        if len(cand) != len(w):
            return True
        return sorted(cand) == sorted(w)  # a transposition

    def split(self, w: str) -> str | None:
        """`requiredto` -> `required to`: two common words run together."""
        best: tuple[int, str] | None = None
        for i in range(1, len(w)):
            left, right = w[:i], w[i:]
            if len(left) < 2 and left not in ("a", "i"):
                continue
            if len(right) < 2 and right not in ("a", "i"):
                continue
            if left in _BOUND_PREFIXES:
                continue  # `re guarding` is never meant: the prefix is a slip of `regarding`
            score = min(self.common_or_plural(left), self.common_or_plural(right))
            if score >= SPLIT_FREQUENCY and (best is None or score > best[0]):
                best = (score, f"{left} {right}")
        return best[1] if best else None

    def common_or_plural(self, w: str) -> int:
        """How common a word is, a plural counted as its singular: the table of common words
        holds no plurals, and `permissionsash` is `permissions` run into another word."""
        common = self.tables.common
        here = common(w)
        if here >= SPLIT_FREQUENCY or len(w) <= 3 or not w.endswith("s"):
            return here
        return common(w[:-1])

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
        found: list = []
        # Long words rarely start with a typo, and the whole dictionary costs 15 times more.
        # A pool need not be cut to the word's length: rapidfuzz drops a word whose length
        # alone is more than `max_distance` away at once, and it could never be within reach.
        passes = ({w[0], w[1]}, None) if len(w) <= 6 else ({w[0], w[1]},)
        for heads in passes:
            if heads is None:
                pool = [c for n in range(len(w) - max_distance, len(w) + max_distance + 1)
                        for c in self._all_of_length(n)]
            else:
                pool = [c for head in heads for c in self._bucket(head)]
            found = process.extract(
                w, pool, scorer=DamerauLevenshtein.distance, score_cutoff=max_distance, limit=None
            )
            if found:
                break
        # Fewest edits first, then the commonest word; project terms count as common words.
        found.sort(key=lambda m: (m[1], -self.frequency(m[0]), m[0]))
        return [m[0] for m in found[:5]]

    def frequency(self, w: str) -> int:
        freq = self.tables.frequency(w) or 0
        if w in self.project:
            return max(freq, PROJECT_FREQUENCY)
        return max(freq, TERM_FREQUENCY) if w in self.terms else freq

    def _bucket(self, head: str) -> tuple[str, ...]:
        """The tables' words starting with `head`, and the project's and the terms' (suggested too)."""
        bucket = self._buckets.get(head)
        if bucket is None:
            bucket = self.tables.bucket(head)
            extra = self._extra_by_head().get(head)
            if extra:
                bucket = tuple(dict.fromkeys([*bucket, *extra]))
            self._buckets[head] = bucket
        return bucket

    def _extra_by_head(self) -> dict[str, list[str]]:
        """The project's words and the software terms (`kubernetes`, `observability`), which the
        tables' index leaves out, by first letter: suggested too, grouped once."""
        if self._extra is None:
            self._extra = {}
            for w in (*self.project, *self.terms):
                if w.isalpha():
                    self._extra.setdefault(w[0], []).append(w)
        return self._extra

    def _all_of_length(self, n: int) -> list[str]:
        """Every word of the index of length `n`: a short word's last resort (rarely: built then)."""
        hit = self._by_length.get(n)
        if hit is None:
            heads = dict.fromkeys([*self.tables.heads(), *(w[0] for w in self.project if w.isalpha())])
            hit = self._by_length[n] = [w for head in heads for w in self._bucket(head) if len(w) == n]
        return hit


def one_edit(a: str, b: str) -> bool:
    """Are `a` and `b` at most one edit apart (Damerau-Levenshtein: a swap is one edit)?"""
    from rapidfuzz.distance import DamerauLevenshtein

    return DamerauLevenshtein.distance(a, b) <= 1


def letter_edits(w: str, start: int, dropped_from: int) -> Iterator[str]:
    """`w` with one letter dropped (from `dropped_from` on; none when it is `len(w)`), two beside
    each other swapped or one put in (from `start` on): the slips `_one_letter_over`,
    `_a_letter_from_a_word` and `slips.slip_of_commonest` undo."""
    yield from (w[:i] + w[i + 1:] for i in range(dropped_from, len(w)))
    yield from (w[:i] + w[i + 1] + w[i] + w[i + 2:] for i in range(start, len(w) - 1))
    yield from (w[:i] + c + w[i:] for i in range(start, len(w) + 1) for c in _LETTERS)


def _case_like(token: str, word: str) -> str:
    if word != word.lower():
        return word  # a listed name keeps the case it is listed with (GitHub, Kubernetes)
    if token[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
