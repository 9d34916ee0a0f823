"""The variant of English a page is written in, and the spellings that say nothing of it.

`spell-variant` holds a page to American or British English. With no variant configured, a
page's own spellings decide (`page_spellings`, then `page_variant`), less the words it writes
in a name (`Bitbucket Data Center`, `the Block Catalogue`) or its code or its folders write too
(`color` on a CSS page, `coded_variants`): a name's or a term's spelling is not the writer's.
When the page alone cannot say (one British spelling, or both kinds nearly as often), the pages
around it do (`checks/neighbours.py`, read through the `around` the caller passes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from ..scanner import HEADING, Line
from .lexicon import Lexicon
from .prose import ASCII_TOKENS, TOKENS, opens_sentence

# A page's prose lines as spelling splits them: the line, its masked text, its lowercased
# words, and how many of them are unknown or have a variant spelling.
Split = list[tuple[Line, str, list[str], int]]


# Two or more British spellings, with fewer American ones, are how a page is written
# (agent-tty's pages, a British writer's README).
BRITISH_PAGE = 2
# The pages around a page decide its one British spelling when they write American at least
# this often: one American word beside one British word is no more a habit than the page's.
NEIGHBOURS_AMERICAN = 2


class Spellings(NamedTuple):
    """A page's variant spellings, read in one pass over its prose: for each line that holds
    one, its masked text with its British spellings and its American ones; and the variant
    spellings it writes in a name (`_named_on_line`)."""

    lines: list[tuple[str, list[str], list[str]]]
    named: frozenset[str]


def page_spellings(split: Split, lex: Lexicon) -> Spellings:
    """The page's variant spellings: only lines with a word of neither kind (`unknown` in
    `split`) can hold one."""
    lines, named = [], set()
    for line, text, tokens, unknown in split:
        if not unknown:
            continue
        british = [t for t in tokens if lex.is_british(t)]
        american = [t for t in tokens if t in lex.american]
        if british or american:
            lines.append((text, british, american))
            # A heading in title case capitalises every word: no name is told there.
            if line.kind != HEADING:
                named.update(_named_on_line(text, lex))
    return Spellings(lines, frozenset(named))


def page_variant(spellings: Spellings, lex: Lexicon, named: frozenset[str], around: Callable[[], tuple[int, int]]) -> str:
    """The variant a page is written in: British when it writes at least `BRITISH_PAGE` British
    spellings and more of them than American ones; American when it writes any American one
    (the tie too), or none at all. One British spelling and no American one is as likely a
    British writer as a slip: the pages beside and above it decide (`around`), American
    when they write `NEIGHBOURS_AMERICAN` American spellings or more, and more than British
    ones; else the page's own British. So do they for a page that writes both and British less
    than twice as often (Rails' 4.0 release notes, hundred-and-first sample: `favour` eleven
    times beside `behavior` nine, among guides written in American English). A page that writes
    American, and as British only spellings American dictionaries list too, is American."""
    british, american, also_american = _counts(spellings, lex, named)
    if american and british and british == also_american:
        return "en-US"
    if british >= BRITISH_PAGE and british >= 2 * american:
        return "en-GB"
    if british > american:  # one British spelling alone, or a page of both
        around_british, around_american = around()
        return "en-US" if around_american >= NEIGHBOURS_AMERICAN and around_american > around_british else "en-GB"
    return "en-US"


def variant_counts(split: Split, lex: Lexicon) -> tuple[int, int]:
    """(British, American) spellings of a page's prose, less the words it writes in a name."""
    spellings = page_spellings(split, lex)
    british, american, _also = _counts(spellings, lex, spellings.named)
    return british, american


def _counts(spellings: Spellings, lex: Lexicon, named: frozenset[str]) -> tuple[int, int, int]:
    """(British, American, British that American dictionaries list too: `_also_american`)
    spellings of the prose, less the words the page writes in a name (`named`) and the last
    parts of hyphenated names."""
    british = american = also = 0
    for text, all_british, all_american in spellings.lines:
        b = [t for t in all_british if t not in named]
        a = sum(1 for t in all_american if t not in named)
        if (b or a) and "-" in text:
            b, a = _less_hyphenated_names(text, lex, named, (b, a))
        british, american, also = british + len(b), american + a, also + sum(map(_also_american, b))
    return british, american, also


def _also_american(word: str) -> bool:
    """Is a British spelling one American dictionaries list beside their own (Merriam-Webster:
    `canceled or cancelled`, `catalog or catalogue`, `signaling or signalling`)? A page that
    writes only such spellings shows no British writer (a Rocket.Chat page held to British by
    `catalogue` and `signalling`, hundred-and-twenty-ninth sample)."""
    return _ALSO_AMERICAN.search(word) is not None


_ALSO_AMERICAN = re.compile(r"[aeiou]ll(?:ed|ing|er|ers)$|logues?$|^judgement")


def _less_hyphenated_names(
    text: str, lex: Lexicon, named: frozenset[str], counts: tuple[list[str], int]
) -> tuple[list[str], int]:
    """The British spellings and the American count less those that end a hyphenated name on
    this line (`rust-analyzer`): the name's, there only."""
    british, american = list(counts[0]), counts[1]
    for m in ASCII_TOKENS.finditer(text) if text.isascii() else TOKENS.finditer(text):
        i, low = m.start(), m.group().lower()
        if _ends_a_hyphenated_name(text, i) and low not in named:
            if low in british:
                british.remove(low)
            american -= low in lex.american
    return british, american


def _named_on_line(text: str, lex: Lexicon) -> Iterator[str]:
    """The variant spellings a line writes capitalised in a sentence: `the Block Catalogue`,
    Umbraco's feature, is a name, and so is `the Block catalogue` beside it on that page
    (hundred-and-twenty-third sample: `catalogue` four times on a page that writes `color` and
    `customize`). Such a word says nothing of the writer's spelling, wherever it stands on the
    page. Only a paragraph's capitals say so, not a hyphenated word's last part, which is that
    word's alone (`background-color` leaves the page's other `color` to be judged)."""
    for m in ASCII_TOKENS.finditer(text) if text.isascii() else TOKENS.finditer(text):
        low = m.group().lower()
        if _is_variant(low, lex) and _capitalised_in_a_sentence(text, m.start(), m.group()):
            yield low


def coded_variants(spellings: Spellings, lex: Lexicon, code_names: Callable[[str], bool], want: str) -> frozenset[str]:
    """The variant spellings of the prose that the page's code or its path writes too
    (`code_names`), singular or plural: the code's terms, not the writer's spelling. A
    stylelint page writes `favour` and, of CSS's `color` (`color: red`), `standard color
    presentations` (hundred-and-thirty-seventh sample); a Spree plan writes `behaviour` and `a
    catalog item`, of the `catalogs` its code names (hundred-and-fortieth)."""
    spelt = {t for _text, british, american in spellings.lines for t in british + american}
    # A page that writes only the spellings it is held to, as most do, has none to tell.
    tellable = (t in lex.american if want == "en-GB" else lex.is_british(t) for t in spelt)
    if not any(tellable):
        return frozenset()
    return frozenset(t for t in spelt if code_names(t[:-1] if t.endswith("s") else t))


def _is_variant(word: str, lex: Lexicon) -> bool:
    """Is the lowercase word a British or an American spelling?"""
    return lex.is_british(word) or word in lex.american


def in_a_name(text: str, index: int, word: str) -> bool:
    """Is a word capitalised inside a sentence or a heading? Then its spelling is a name's or a
    title's, not the writer's: `Bitbucket Data Center`, `International Labour Organization`,
    a section cited as `§Host Behavior`. (Over every labelled tree, no true variant finding was
    such a word but `the ISC Licence`, a slip inside a licence's name.) Or is it the last part
    of a hyphenated name (`rust-analyzer`, seventy-seventh sample: the project's name, written
    by British and American writers alike)?"""
    return _ends_a_hyphenated_name(text, index) or _capitalised_in_a_sentence(text, index, word)


def _ends_a_hyphenated_name(text: str, index: int) -> bool:
    return index > 1 and text[index - 1] == "-" and text[index - 2].isalpha()


def _capitalised_in_a_sentence(text: str, index: int, word: str) -> bool:
    return word[:1].isupper() and not opens_sentence(text, index)
