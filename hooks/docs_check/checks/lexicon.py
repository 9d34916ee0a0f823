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

import re
from dataclasses import dataclass, field

from ..wordlists import Dictionaries, english, read_words

# Read as "one word list" by callers that predate the dictionaries.
read_word_list = read_words

_CLITICS = ("'s", "'ve", "'d", "'ll", "'re", "'")
_ACRONYM = re.compile(r"[A-Z]{2,}s?|[A-Z]{2,}['\u2019]s")
# Prefixes written solid or hyphenated in technical English (`prebuilt`, `re-run`). Not
# `co` or `in`: too many words start with them (`co` + `lour` would pass `colour`).
PREFIXES = frozenset((
    "anti", "auto", "counter", "cross", "de", "dis", "inter", "intra", "micro", "mid",
    "mis", "multi", "non", "over", "post", "pre", "re", "self", "semi", "sub", "super", "un",
    "under",
))
_INFLECTIONS = (
    ("ies", ("y",)), ("es", ("",)), ("s", ("",)), ("ied", ("y",)), ("ed", ("", "e")),
    ("ing", ("", "e")), ("er", ("", "e")), ("ers", ("", "e")), ("ly", ("",)),
)
_CONTRACTION_PIECES = (
    "aren", "couldn", "didn", "doesn", "don", "hadn", "hasn", "haven", "isn", "mustn", "needn",
    "shouldn", "wasn", "weren", "won", "wouldn", "ve", "ll", "re",
)
# The prefixes that are no word of their own (`over`, `self`, `post` are).
_BOUND_PREFIXES = PREFIXES - {"counter", "cross", "mid", "over", "post", "self", "super", "under"}
# A plural that takes -es: box, bus, buzz, match, wish; and consonant + y, which becomes -ies.
_PLURAL_ES = re.compile(r"(?:[sxz]|[cs]h|[^aeiou]y)$")
PROJECT_FREQUENCY = 5000  # ranks a project term like a common word among suggestions
TERM_FREQUENCY = 500  # a software term or company name ranks like a fairly rare word


@dataclass
class Lexicon:
    words: dict[str, int]  # English, lowercase -> frequency
    project: dict[str, str] = field(default_factory=dict)  # lowercase -> as written in the list
    terms: dict[str, str] = field(default_factory=dict)  # software terms, companies: lowercase -> as spelt
    names: frozenset[str] = frozenset()  # lowercase people's names
    british: dict[str, str] = field(default_factory=dict)  # colour -> color
    american: dict[str, str] = field(default_factory=dict)  # color -> colour (US-only forms)
    _known: frozenset[str] = frozenset()
    plain: set[str] = field(default_factory=set)  # every known word that has no other spelling
    _plain: dict[str, set[str]] = field(default_factory=dict)
    _by_length: dict[tuple[str | None, int], list[str]] | None = None
    _suggested: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, project: dict[str, str], dicts: Dictionaries | None) -> Lexicon:
        words = english()
        if dicts is None:
            return cls(words, project, _known=frozenset(project), plain=set(words) | set(project))
        terms: dict[str, str] = {}
        for w in dicts.terms:  # a listed capitalisation wins over a lowercase one: Kubernetes
            if terms.get(w.lower(), w.lower()) == w.lower():
                terms[w.lower()] = w
        british = {b: a for b, a, _ in dicts.variants}
        american = {a: b for b, a, us_only in dicts.variants if us_only}
        names = frozenset(w.lower() for w in dicts.names if w[:1].isupper())
        known = frozenset((*project, *terms, *names, *(w.lower() for w in dicts.english), *british, *american))
        plain = set(words)
        plain.update(known, "abcdefghijklmnopqrstuvwxyz")  # a single letter is never misspelt
        plain.difference_update(british, american)
        return cls(words, project, terms, names, british, american, known, plain)

    def __contains__(self, word: str) -> bool:
        return word in self.words or word in self._known

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

    def is_name(self, token: str) -> bool:
        """A capitalised person's name from the dictionaries (`Bruno`, `Paulsen`) that is not
        also a product, company or term (`Coder`, `Chef`)."""
        w = token.lower()
        return token[:1].isupper() and w in self.names and w not in self.project and w not in self.terms

    def _known_form(self, w: str) -> bool:
        if len(w) <= 1 or w in self:
            return True
        return self._inflected(w) or self._prefixed(w)

    def _inflected(self, w: str) -> bool:
        """Regular inflections of a known word: workspaces, templated, provisioning..."""
        for suffix, stems in _INFLECTIONS:
            if not w.endswith(suffix) or len(w) - len(suffix) < 3:
                continue
            base = w[: -len(suffix)]
            if suffix == "s" and _PLURAL_ES.search(base):
                continue  # boxes, supplies: "boxs" and "supplys" are typos, not plurals
            if any(base + stem in self for stem in stems):
                return True
            # doubled final consonant: mapped -> map, running -> run
            doubled = suffix in ("ed", "ing", "er") and len(base) >= 4 and base[-1] == base[-2]
            if doubled and base[:-1] in self:
                return True
        return False

    def _prefixed(self, w: str) -> bool:
        for i in range(2, min(len(w) - 3, 8)):
            if w[:i] in PREFIXES and (w[i:] in self or self._inflected(w[i:])):
                return not self._one_letter_over(w, i)
        return False

    def _one_letter_over(self, w: str, start: int) -> bool:
        """A word one stray or missing letter after its "prefix" away from a plain English word
        is that word mistyped (`reguarding` is `regarding`, not re + guarding; `overide` is
        `override`, not over + IDE); the prefix itself is not edited (`preload` is not
        `reload` mistyped)."""
        if any(w[:i] + w[i + 1:] in self.words for i in range(start, len(w))):
            return True
        return any(
            w[:i] + c + w[i:] in self.words for i in range(start, len(w) + 1) for c in "abcdefghijklmnopqrstuvwxyz"
        )

    # -- spelling variants --------------------------------------------------------------------

    def plain_for(self, want: str) -> set[str]:
        """Known words that need no further look in a tree written in `want`: `plain`, with
        the spellings of that variant (`color` in en-US) added; a contraction's pieces too
        (`doesn`, `ve`), as a page is split at apostrophes to be tested against it."""
        hit = self._plain.get(want)
        if hit is None:
            hit = set(self.plain)
            hit.update(_CONTRACTION_PIECES)
            if want == "en-US":
                hit.update(self.american)
            elif want == "en-GB":
                hit.update(self.british)
            self._plain[want] = hit
        return hit

    def variant(self, token: str, want: str) -> str | None:
        """The spelling `want` ("en-US" or "en-GB") uses for `token`, when it differs."""
        w = token.replace("\u2019", "'").lower()
        other = self.british.get(w) if want == "en-US" else self.american.get(w)
        return _case_like(token, other) if other else None

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
        out: list[str] = []
        split = self.split(w)
        if split:
            out.append(split)
        for cand in self.close(w):
            if cand not in out and self._safe(w, cand):
                out.append(cand)
        return [_case_like(token, self._spelt(c)) for c in out[:limit]]

    def _spelt(self, w: str) -> str:
        """How a suggestion is written: as the project list has it, as English, or as a term."""
        if w in self.project:
            return self.project[w]
        return w if w in self.words else self.terms.get(w, w)

    def _safe(self, w: str, cand: str) -> bool:
        """A name (a person's, or a capitalised product or company) is suggested only for a
        slip of the keys (a letter left out, doubled or swapped), never a changed letter:
        `Masley` is not `Marley`, and `websocat` is a tool of its own, not `WebSocket`. The
        project's own names are exempt: near one of them, a word is most likely that name
        mistyped."""
        if cand in self.project:
            return True
        named = cand in self.names or self.terms.get(cand, cand) != cand
        if not named and (cand in self.words or cand not in self.terms):
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
            score = min(self.words.get(left, 0), self.words.get(right, 0))
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
            if heads is None:
                pool = [c for n in lengths for c in self._all_of_length(n)]
            else:
                pool = [c for head in heads for n in lengths for c in buckets.get((head, n), ())]
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
        if w in self.project:
            return max(freq, PROJECT_FREQUENCY)
        return max(freq, TERM_FREQUENCY) if w in self.terms else freq

    def _buckets(self) -> dict[tuple[str | None, int], list[str]]:
        """Alphabetic words by (first letter, length); by (None, length) for all of them once
        a short word needs the whole dictionary (rarely: built then).

        People's names are left out: a misspelt word is rarely a person's name, and their
        39,000 entries would crowd out the words a writer meant."""
        if self._by_length is None:
            buckets: dict[tuple[str | None, int], list[str]] = {}
            # Identifiers from the code dictionaries (`gzipSync`) are known, never suggested.
            terms = (t for t, spelt in self.terms.items() if spelt[1:].islower() or spelt.isupper() or t == spelt)
            for word in {*self.words, *self.project, *terms}:
                if word.isalpha():
                    key = (word[0], len(word))
                    bucket = buckets.get(key)
                    if bucket is None:
                        buckets[key] = [word]
                    else:
                        bucket.append(word)
            self._by_length = buckets
        return self._by_length

    def _all_of_length(self, n: int) -> list[str]:
        buckets = self._buckets()
        if (None, n) not in buckets:
            buckets[(None, n)] = [w for (head, m), ws in list(buckets.items()) if head and m == n for w in ws]
        return buckets[(None, n)]


def _case_like(token: str, word: str) -> str:
    if word != word.lower():
        return word  # a listed name keeps the case it is listed with (GitHub, Kubernetes)
    if token[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
