"""Whether a capitalised word is part of a person's or a thing's name, by what stands around it.

`spell-unknown-word` asks this of a word no dictionary knows before it calls the word a slip: a
word beside a listed name (`Muhammad Atif Ali`), a name the line gives an address or a profile
for, a list item that is only a person's name among others (a README's thanks), a capitalised
word listed beside a sibling one letter from it (`Mistral and Mixtral`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..scanner import Document, Line
from . import slips
from .lexicon import Lexicon, one_edit


def beside_name(tokens: list[tuple[int, str]], i: int, text: str, lex: Lexicon, line: Line) -> bool:
    """A capitalised word next to a person's name is most likely part of it (`Muhammad Atif Ali`),
    a name the dictionaries list or one the line gives an address or a profile for (`Bassam
    Tabbara <bassam@upbound.io> ([bassam](https://github.com/bassam))`, fifty-fourth sample);
    so is a capitalised word of three letters next to a capitalised word no dictionary knows
    (`Sai Sumanth Miryala`, forty-first sample: no slip of `Said`); and in a list item that is
    only a name, a word beside a name a company shares (`* Aled James`, eighty-eighth sample)."""
    index, word = tokens[i]
    if not word[:1].isupper():
        return False
    content = line.content  # as written, its addresses unmasked
    if _addressed(word, content):
        return True  # `Valim` beside `josevalim`'s profile: the name itself has an address
    alone = line.list_depth > 0 and _person(text.strip())
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens):
            other_index, other = tokens[j]
            between = text[min(index, other_index) : max(index, other_index)]
            gap = between[len(word) :] if j > i else between[len(other) :]
            if gap.strip() == "" and (lex.is_name(other) or _addressed(other, content) or (
                    len(word) <= slips.SHORT and other[:1].isupper() and other[1:].islower() and not lex.known(other))
                    or (alone and lex.listed_person(other)) or _unlisted_name(other, lex)):
                return True
    return False


def _unlisted_name(word: str, lex: Lexicon) -> bool:
    """A capitalised word no dictionary knows and no word is one letter from: a name nobody
    listed, not a slip (`Eivind` before `Fonn's`, Spacemacs' README, hundred-and-twenty-eighth
    sample), so the capitalised word beside it is the rest of that name."""
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()) or lex.known(word):
        return False
    w = word.lower()
    return not any(one_edit(w, h.lower()) for h in lex.suggestions(word))


def among_names(doc: Document, line: Line, text: str, lex: Lexicon) -> bool:
    """Is the line a list item that is only a person's name, among items that are names too,
    two of the six around it holding a first name the people-names list has? GLFW's README
    thanks a hundred people (`- Siavash Eliasi`, `- Lasse Öörni`; hundred-and-twenty-fifth
    sample): their names are no slips of `Elias` or `Lassie`. A list of features in title case
    (`- Hot Module Reload`) holds no such name."""
    if line.list_depth == 0 or not _person(text.strip()):
        return False
    return _items_around(doc, line, lambda ln: _listed_person_item(ln, lex)) >= _NAMES_LISTED


_NAMES_AROUND = 3
_NAMES_LISTED = 2


def among_people(doc: Document, line: Line, text: str) -> bool:
    """Is the line a list item of one to four words among items that each link a profile
    (`- [Vladimir Kuznetsov](https://github.com/vkuznetsov)`), two of the six around it? Gleam's
    release notes thank their sponsors so (hundred-and-thirty-sixth sample): `[Jonn]` and a plain
    `wangxing` among them are names, whatever word they are a letter from."""
    if line.list_depth == 0 or not 1 <= len(text.split()) <= _PERSON_WORDS:
        return False
    return _items_around(doc, line, _profile_item) >= _NAMES_LISTED


def credited_after_a_link(content: str, index: int) -> bool:
    """Is the word inside a parenthesis of two to four capitalised words just after a link, the
    credit of what the link names (`- [metadata-spray](https://github.com/...) (Vivek Gani):`,
    Fava's list of related tools, hundred-and-fifty-third sample)? A person's name."""
    start = content.rfind("(", 0, index)
    end = content.find(")", index)
    if start < 1 or end == -1 or ")" in content[start:index]:
        return False
    return content[:start].rstrip().endswith(")") and _person(content[start + 1 : end])


def before_et_al(text: str, index: int, word: str) -> bool:
    """Is the capitalised word an author's name, in the names just before `et al`
    (`**Morgane Thomas-Chollier et al:**`, `Roider et al. (2006)`: the Galaxy training
    material's references, hundred-and-fifty-first sample)?"""
    return word[:1].isupper() and _ET_AL_AFTER.match(text, index + len(word)) is not None


# The rest of an author list before `et al`: more names, hyphenated, or initials (`G.`).
_ET_AL_AFTER = re.compile(r"(?:[\s-]+[A-Z][^\W\d_]*(?:-[^\W\d_]+)*\.?)*\s+et\.?\s+al\b")


def binomial(text: str, index: int) -> bool:
    """Is the word a species' name, a capitalised genus and a Latin species in one emphasis
    span (`*Aspergillus fumigatus*`, `*Streptomyces coelicolor*`: Galaxy's genome annotation
    tutorial, hundred-and-fifty-first sample)? Scientific names are written so; the Latin
    ending tells them from an emphasised phrase (`*Very importnat*`)."""
    return any(m.start(1) <= index < m.end(2) for m in _BINOMIAL.finditer(text, max(0, index - 40), index + 40))


_BINOMIAL = re.compile(
    r"(?<![\w*])[*_]([A-Z][a-z]+) ([a-z]+(?:us|um|ae|a|i|is|es|or|ens|ans|er|ix|ex|oides|ensis))[*_](?![\w*])"
)


def dutch(word: str) -> bool:
    """Is the capitalised word spelt with Dutch `ij` inside (`Martijn's` blog post, Kodi's
    moderator guidelines, hundred-and-fifty-fourth sample; `Dijkstra`, `Rijswijk`)? A name: no
    English word but `hijack` puts `ij` inside it, and a slip that makes one of a name is rare."""
    return word[:1].isupper() and "ij" in word[1:].lower()


def listed_term(doc: Document, line: Line, word: str) -> bool:
    """Is the word a list item's bold lowercase lead term, before a colon or a dash, among items that two
    of the six around it open so too: a list of commands, targets or options, each named then
    told (fiber's make targets, hundred-and-twelfth sample: `- **test**: run the test suite`,
    `- **longtest**: run it 15 times`)? A name, however near a word (`longest`)."""
    return _lead_term(line) == word and _items_around(doc, line, lambda ln: _lead_term(ln) is not None) >= _NAMES_LISTED


# Before a colon, or a dash (asmjit's tree of folders in MAME's sources, hundred-and-fifty-eighth
# sample: `* **ujit**  - Universal JIT API` among `**core**`, `**arm**`, `**x86**`).
_LEAD_TERM = re.compile(r"\*\*([a-z][a-z0-9-]*)\*\*\s*(?::|[-\u2013\u2014]\s)")


def _lead_term(ln: Line) -> str | None:
    """The bold lowercase term a list item opens with, before a colon or a dash."""
    m = _LEAD_TERM.match(ln.content.lstrip()) if ln.list_depth > 0 else None
    return m.group(1) if m else None


_PERSON_WORDS = 4
# A link whose target is an account's page: a host's root, then one name.
_PROFILE = re.compile(r"\[[^\]\n]+\]\(https?://(?:www\.)?(?:github|gitlab|twitter|x)\.com/[\w.-]+/?\)")


def _profile_item(ln: Line) -> bool:
    return ln.list_depth > 0 and _PROFILE.fullmatch(ln.content.strip()) is not None


def _items_around(doc: Document, line: Line, kind: Callable[[Line], bool]) -> int:
    """How many of the `_NAMES_AROUND` lines either side of `line` are of `kind`."""
    around = range(max(1, line.number - _NAMES_AROUND), min(len(doc.lines), line.number + _NAMES_AROUND) + 1)
    return sum(1 for n in around if n != line.number and kind(doc.line(n)))


def among_packages(doc: Document, line: Line, text: str, lex: Lexicon) -> bool:
    """Is the line a list item that is one lowercase word, among items that are one package's
    or command's name each, two of the six around it a term the dictionaries list or a name of
    code's shape (a README's `### Packages`: `* ansible`, `* java-17-amazon-corretto-jdk`,
    `* yadm`, `* zsh`; thirty-third sample)? A list of words (`- apples`) holds no such name."""
    if line.list_depth == 0 or not _PACKAGE.fullmatch(text.strip()):
        return False
    return _items_around(doc, line, lambda ln: _package_item(ln, lex)) >= _NAMES_LISTED


_PACKAGE = re.compile(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*")


def _package_item(ln: Line, lex: Lexicon) -> bool:
    item = ln.content.strip()
    return ln.list_depth > 0 and _PACKAGE.fullmatch(item) is not None and (
        item in lex.terms or not item.isalpha())


def _listed_person_item(ln: Line, lex: Lexicon) -> bool:
    content = ln.content.strip()
    return ln.list_depth > 0 and _person(content) and any(map(lex.listed_person, content.split()))


def _person(text: str) -> bool:
    """Two to four capitalised words of letters, accents too (`Lasse Öörni`)."""
    parts = text.split(" ")
    return 2 <= len(parts) <= 4 and all(
        p[:1].isupper() and all(c.isalpha() or c in "'-.\u2019" for c in p) for p in parts)


def _addressed(name: str, content: str) -> bool:
    """Does the line give the person `name` an address or a profile (`bassam@upbound.io`,
    `github.com/bassam`, or a handle that holds it: `José Valim [josevalim](https://github.com/
    josevalim)` in Rack's contributors, hundred-and-eleventh sample)? Then `name` is a
    person's, and the words beside it their names."""
    line, low = content.lower(), _unaccented(name.lower())
    return f"{low}@" in line or re.search(rf"github\.com/[\w-]*{re.escape(low)}", line) is not None


def _unaccented(word: str) -> str:
    """`josé` as a handle spells it: `jose`."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def sibling_name(tokens: list[tuple[int, str]], i: int, text: str) -> bool:
    """A capitalised word listed beside a capitalised word one letter from it names a sibling
    (`Mistral and Mixtral models`, thirty-fourth sample): a writer who lists two names means
    both. A slip in running text stays a slip (`This Coden template runs on Coder`)."""
    index, word = tokens[i]
    if not word[:1].isupper() or len(word) < 4:
        return False
    w = word.lower()
    for j in (i - 2, i - 1, i + 1, i + 2):
        if not 0 <= j < len(tokens):
            continue
        other_index, other = tokens[j]
        first, second = sorted(((index, word), (other_index, other)))
        gap = text[first[0] + len(first[1]) : second[0]]
        if (other[:1].isupper() and other.lower() != w and _LISTED.fullmatch(gap)
                and one_edit(w, other.lower())):
            return True
    return False


_LISTED = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b|\bvs\.?|\bversus\b)\s*")


def listed_among_names(text: str, index: int, word: str, lex: Lexicon) -> bool:
    """Is the word an item of its own in a list of names, comma-separated, two or more of the
    other items names and most of them (`MX Linux, Linux Mint, deepin, Pop!_OS, KDE neon`,
    HTTPie's packaging notes, hundred-and-twenty-sixth sample: a distribution that writes its
    name in lowercase), or in parentheses with every other item one (`(jdtls, elixirls)`,
    nvim-lspconfig's README)? A name is an item with a capital, a word no dictionary knows, or
    a term of the trade: a table cell of the modules a board has (`_bleio, adafruit_ble, ...,
    json, msgpack, ..., rainbowio`, CircuitPython's port notes, hundred-and-forty-seventh
    sample) lists `rainbowio` as the module it is."""
    others, bracketed = _other_items(text, index, word)
    if others is None:
        return False
    named = sum(1 for item in others if _names_a_thing(item, lex) or item.lower() in lex.terms)
    return (named >= 2 and 3 * named >= 2 * len(others)) or (bracketed and others != [] and named == len(others))


def _other_items(text: str, index: int, word: str) -> tuple[list[str] | None, bool]:
    """The other items of the comma-separated list the word is an item of (None if it is
    none), and whether the list is in parentheses."""
    start = max(text.rfind(c, 0, index) for c in _LIST_ENDS) + 1
    ends = [e for e in (text.find(c, index) for c in _LIST_ENDS) if e != -1]
    end = min(ends, default=len(text))
    items = [_LEADING_JOIN.sub("", item.strip()) for item in text[start:end].split(",")]
    if len(items) < 2 or word not in items:
        return None, False
    bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    return [item for item in items if item != word and item not in ("etc", "")], bracketed


_SERIES = 2  # other items that vary the word's last letter alone


def in_a_series(text: str, index: int, word: str) -> bool:
    """Is the word an item of a list of names that differ in their last letter alone (`(ir, ig,
    ib, ia)`: the red, green, blue and alpha iterators of 86Box's JIT analyser, hundred-and-
    fifty-eighth sample)? Then it names one of the series, however near a common word: a slip
    in a list is of a word, not of the list's pattern."""
    others, _ = _other_items(text, index, word)
    stem = word[:-1]
    return others is not None and sum(1 for o in others if len(o) == len(word) and o[:-1] == stem) >= _SERIES


_LIST_ENDS = ".;:()|"  # a table's cell ends a list too
_LEADING_JOIN = re.compile(r"^(?:and|or)\s+")
_LIST_ITEM_WORDS = 3


def _names_a_thing(item: str, lex: Lexicon) -> bool:
    """A list item of three words at most with a capital, a word no dictionary knows or a sign
    (`Pop!_OS`)."""
    words = item.split()
    return 0 < len(words) <= _LIST_ITEM_WORDS and any(
        w[:1].isupper() or (w.isalpha() and not lex.known(w)) or not w.isalnum() for w in words)
