"""The shapes a misspelling takes: which slips of the fingers or of memory a writer makes.

`spelling._misspelt` decides whether an unknown word is a misspelling or a name nobody listed;
it asks this module whether the word has a slip's shape against a likely correction (`hint`):
a key struck beside the right one (QWERTY neighbours), a double letter written single or a
single one doubled, a letter left out of a long word, a vowel dropped or swapped, two words run
together, an apostrophe dropped. Each shape is a fact about typing, tested on its own, with the
sample it came from named where it was made.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lexicon import _LETTERS, ACRONYM, SPLIT_FREQUENCY, Lexicon, letter_edits, one_edit


def key_slip_of_common(w: str, hints: list[str], lex: Lexicon) -> bool:
    """Is a word a common word with one key struck beside the right one (`Remenber`,
    `Connrct`; of four to six letters, `tyoe`, only for the commonest words)? Such a slip stays
    a slip when the writer copies it down the page; a name the page repeats is seldom one
    neighbouring key from a common word."""
    if len(w) <= SHORT:
        return False
    # A short word copied down the page is as often a tool's name (`helm`, `tfsec`) one key
    # from some word: only a slip of a word writers use all the time counts (`tyoe`, twice on
    # Google's k8s-gce README, sixty-third sample).
    floor = SPLIT_FREQUENCY if len(w) > SHORT_NAME else SHORT_KEY_SLIP
    for h in hints:
        hint = h.lower()
        changed = changed_letter(w, hint)
        if (changed is not None and hint[:1] == w[:1] and neighbours(*changed)
                and lex.tables.common(hint) >= floor):
            return True
    return False


SHORT_KEY_SLIP = 50_000  # `type` (87,016), `file`, `value`; not `node` (1,168) or `cluster`


# No English word writes a letter three times: a writer draws a word out on a vowel (`quiiite`,
# `sooo`) or its last letter (`hmmm`, `yesss`); a consonant tripled inside is a slip (`runnning`).
ELONGATED = re.compile(r"([aeiouy])\1\1|([a-z])\2\2$")
# A consonant struck three times at a word's end, the word of four letters or more once or
# twice (`classs`; `acesss`, Cypress's docs, hundred-and-eighteenth sample: `aces`, a slip
# for `access`): a key held down, not a word drawn out, which is a short one (`yesss`, `hmmm`).
_FINAL_THRICE = re.compile(r"([b-df-hj-np-tv-z])\1\1+$")
_DRAWN_OUT_BASE = 4


def struck_thrice(w: str, lex: Lexicon) -> bool:
    m = _FINAL_THRICE.search(w)
    if m is None:
        return False
    base, letter = w[: m.start()], m.group(1)
    return any(len(base) + n >= _DRAWN_OUT_BASE and lex.known(base + letter * n) for n in (1, 2))


# A vowel written thrice where the word has it twice (`neeeded`, FuseSoC's tutorial, hundred-
# and-sixty-second sample): a key struck once more, not a word drawn out, which is a short one
# (`goood`, `sleeep`) or one whose vowel is single (`reeeally`).
_VOWEL_THRICE = re.compile(r"([aeiou])\1\1(?!\1)")
_STRUCK_AGAIN_WORD = 6


def vowel_struck_again(w: str, lex: Lexicon) -> bool:
    """Is the lowercase word a common word of six letters or more with a doubled vowel struck
    once more (`neeeded`)?"""
    for m in _VOWEL_THRICE.finditer(w):
        word = w[: m.start()] + w[m.start() + 1 :]
        if len(word) >= _STRUCK_AGAIN_WORD and lex.tables.common(word) >= SPLIT_FREQUENCY:
            return True
    return False


def vowel_struck_as_neighbour(w: str, lex: Lexicon) -> bool:
    """`wtth` (KiCad's CvPcb manual, hundred-and-sixty-second sample): one of the commonest
    words of four letters or more with its vowel struck as the letter beside it, so that the
    word has no vowel and a letter twice in a row. An abbreviation seldom doubles a letter."""
    return len(w) > SHORT and not VOWEL.search(w) and any(
        lex.tables.common(w[:i] + v + w[i + 1 :]) >= COMMON
        for i in range(len(w)) if (i and w[i - 1] == w[i]) or w[i + 1 : i + 2] == w[i] for v in "aeiou")


DOUBLING_FREQUENCY = 100  # `overridden` (238): a word of the trade, rare in the frequency table


def doubling_slip(w: str, hints: list[str], lex: Lexicon) -> bool:
    """Is a word of five letters or more a common word with a double letter written single, or a
    single one doubled (`overriden`, `occured`, `untill`)? Writers who spell a word so spell it
    so each time, so the page repeating it says nothing."""
    if len(w) < 5:
        return False
    for h in hints:
        hint = h.lower()
        if " " in hint or abs(len(hint) - len(w)) != 1:
            continue
        longer, shorter = (hint, w) if len(hint) > len(w) else (w, hint)
        i = dropped_at(longer, shorter)
        # Within a run of one letter, any of them is the one dropped: look at both sides.
        doubled = i is not None and longer[i] in (longer[i - 1 : i] + longer[i + 1 : i + 2])
        if doubled and hint[:1] == w[:1] and lex.frequency(hint) >= DOUBLING_FREQUENCY:
            return True
    return False


def last_letter_doubled(w: str, hints: list[str]) -> bool:
    """Is the lowercase word a suggested word with its last letter doubled (`fluidd`)? Projects
    coin names so (Fluidd, a Klipper front end, on its own docs: hundred-and-fiftieth sample).
    The caller asks it only of a word the page writes capitalised each time: a writer's doubling
    slip (`untill`) is written in lowercase too."""
    return len(w) >= 5 and w[-1] == w[-2] and any(h.lower() == w[:-1] for h in hints)


def letter_put_before(w: str, hint: str) -> bool:
    """Is the word `hint` with a letter put before it that no key beside its first letter
    struck (`pthread`, POSIX threads, hundred-and-forty-ninth sample; `cmap`, a font's
    character map)? A name built on the word, as a project names a variant of a thing: a
    slip that adds a letter at the front strikes a key beside the first or doubles it."""
    return w[1:] == hint and stray_far_letter(w, hint)


def letters_left_out(w: str, word: str) -> bool:
    """Is `w` the word with one or two of its letters left out (`boostraped`, `bootstrapped`)?"""
    if not 1 <= len(word) - len(w) <= 2:
        return False
    letters = iter(word)
    return all(c in letters for c in w)


def dropped_at(longer: str, shorter: str) -> int | None:
    """The index of the one letter of `longer` whose removal gives `shorter`, or None."""
    if len(longer) != len(shorter) + 1:
        return None
    i = next((k for k, (a, b) in enumerate(zip(shorter, longer, strict=False)) if a != b), len(shorter))
    return i if longer[i + 1 :] == shorter[i:] else None


# Words a writer runs into the next by a missed space, before a word of any frequency.
JOINERS = ("and", "the", "of", "to", "with", "for", "from")
LONG_REST = 6  # `tojson`, `isready`: a joiner before a short word is as often a command's name


def joined_to_a_long_word(w: str, lex: Lexicon) -> str | None:
    """`uploaded andindexed in Watson` (forty-fourth sample): a function word and a word of six
    letters or more, however rare (`indexed`), with the space between them missed, either way
    round (`move the computefrom the branch`, hundred-and-first sample). The two words, or None."""
    for j in JOINERS:
        if len(w) - len(j) < LONG_REST:
            continue
        if w.startswith(j) and lex.known(w[len(j):]):
            return f"{j} {w[len(j):]}"
        if w.endswith(j) and lex.known(w[: -len(j)]):
            return f"{w[: -len(j)]} {j}"
    return None


def stutter(w: str, lex: Lexicon) -> str | None:
    """`authorize requestests to the server` (hundred-and-third sample): two to four letters
    written twice over, the fingers running on; one copy out leaves a common word of five
    letters or more. That word, or None. (Two edits: no suggestion index holds it.)"""
    for k in (2, 3, 4):
        for i in range(len(w) - 2 * k + 1):
            if w[i : i + k] == w[i + k : i + 2 * k]:
                word = w[: i + k] + w[i + 2 * k :]
                if len(word) >= STUTTER_BASE and lex.tables.common(word) >= SPLIT_FREQUENCY:
                    return word
    return None


STUTTER_BASE = 5
LONG_DROP = 10  # `documentaion`, `circumfrence`: a long common word with one letter left out


def letter_dropped_from_common_word(w: str, hints: list[str], lex: Lexicon) -> bool:
    """Is the word a common word of ten letters or more with one letter left out, or one of the
    commonest words of six letters or more short of one (`shoud` three times in testkube's API
    reference, eighty-second sample)? Copied down the page, it stays a slip: a name is seldom a
    long common word short of one letter."""
    if len(w) + 1 < SHORT_NAME:
        return False
    long = len(w) + 1 >= LONG_DROP
    return any(
        " " not in h and h[:1].lower() == w[:1] and dropped_at(h.lower(), w) is not None
        and (lex.frequency(h.lower()) >= ADDED_FREQUENCY if long else lex.tables.common(h.lower()) >= COMMONEST)
        for h in hints
    )


def letter_added_to_long_word(w: str, hints: list[str], lex: Lexicon) -> bool:
    """Is the word a common word of ten letters or more with one letter put in (`respository`
    in a heading and its paragraph, ninetieth sample; `infraestructure` twice in a workshop's
    README, eighty-ninth)? A name is seldom a long common word and one letter more."""
    return len(w) > LONG_DROP and any(
        " " not in h and h[:1].lower() == w[:1] and dropped_at(w, h.lower()) is not None
        and lex.frequency(h.lower()) >= ADDED_FREQUENCY
        for h in hints
    )


ADDED_FREQUENCY = 500  # `repository` (618), `utilized` (988), a term of the trade; not `expository` (50)


# A compound's part a slip is looked for in: names respell shorter words (`statik-server`,
# `ghostty-web`, `lakefs-client`).
COMPOUND_SLIP_PART = 8
SWAPPED_PART = 5


def slip_in_a_compound(word: str, lex: Lexicon) -> str | None:
    """The compound a hyphenated word of English words is, with one part one letter from a
    common word (`highly-utlilized`, geerlingguy's mysql role, ninety-first sample)? Every
    other part is a common word or an acronym (`JSON-seralizable`, MLflow's docs, hundred-and-
    seventh sample), so the whole is no name (`aad-pod-identity`, `kube-proxy`)."""
    parts = word.split("-")
    odd = [p for p in parts if not (ACRONYM.fullmatch(p) or (p.isalpha() and lex.frequency(p.lower()) >= SPLIT_FREQUENCY))]
    if len(parts) < 2 or len(odd) != 1 or len(odd[0]) < SWAPPED_PART or not odd[0].isalpha():
        return None
    slip = odd[0].lower()
    # A shorter part is a slip only with two letters swapped (`thrid-party`, networkx's
    # tutorial, hundred-and-forty-sixth sample) or a key struck beside the right one (`OOP-stype`,
    # mlr3book's agents' notes, hundred-and-sixty-seventh): names respell words, they seldom swap
    # letters or miss a key.
    short = len(slip) < COMPOUND_SLIP_PART
    fixed = next((h for h in lex.suggestions(slip) if " " not in h and one_edit(slip, h.lower())
                  and lex.frequency(h.lower()) >= ADDED_FREQUENCY and (not short or _slip_of_the_fingers(slip, h.lower()))),
                 None)
    return None if fixed is None else "-".join(fixed.lower() if p == odd[0] else p for p in parts)


def _slip_of_the_fingers(w: str, h: str) -> bool:
    """Is `w` the word `h` with two letters beside each other swapped, or with one key struck
    beside the right one, the first letter kept?"""
    changed = changed_letter(w, h)
    return swapped(w, h) or (changed is not None and w[:1] == h[:1] and neighbours(*changed))


def habitual(w: str, hints: list[str], lex: Lexicon) -> bool:
    """A slip a writer makes the same way each time, so that the page repeating the word does
    not make it meant: a neighbouring key, a doubled or single letter, a letter left out of a
    long common word or of one of the commonest, one put into a long common word, or two
    letters swapped."""
    return (key_slip_of_common(w, hints, lex) or doubling_slip(w, hints, lex)
            or letter_dropped_from_common_word(w, hints, lex) or letter_added_to_long_word(w, hints, lex)
            or letters_swapped(w, hints, lex))


def letters_swapped(w: str, hints: list[str], lex: Lexicon) -> bool:
    """Is the lowercase word a suggestion of five letters or more with two letters beside each
    other swapped (`unkpg` twice for the CDN `unpkg`, Swagger UI's docs plan, hundred-and-twenty-
    sixth sample), a term or a word writers use? A rare word swapped says nothing: `revset`,
    jj's and Mercurial's term, is no slip of `revest` (git-branchless' guide writes it twice,
    hundred-and-thirty-eighth sample)."""
    return len(w) >= 5 and any(
        h.islower() and (h in lex.terms or lex.tables.common(h) >= SPLIT_FREQUENCY) and swapped(w, h) for h in hints)


def swapped(w: str, h: str) -> bool:
    """Is `w` the word `h` with two letters beside each other swapped?"""
    return (len(h) == len(w) and sum(a != b for a, b in zip(w, h, strict=True)) == 2
            and any(w[i] == h[i + 1] and w[i + 1] == h[i] and w[i] != w[i + 1] for i in range(len(w) - 1)))


# `chat`, `conf`, `agent`, `firewall`: a daemon is named after a short word (shorter stems,
# `sshd` and `etcd`, are listed as they are).
DAEMON_STEM = range(4, 9)


def daemon_name(w: str, hints: list[str], lex: Lexicon) -> bool:
    """Is `w` a daemon's name, a short known word with `d` after it (`confd`, `chatd`, Docker's
    `firewalld`, eighty-fourth sample), or a longer word whose `d` follows a letter no English
    word puts before a final `d` (`lighttpd`, thanked in rack's README, hundred-and-eleventh
    sample; only l, n, r and vowels do: `old`, `and`, `hard`, `need`)? Not when one edit makes
    it another common word (`comand`: `command`; `workd`: `world`) or a past tense a letter
    longer or shorter (`workd`: `worked`; `exporterd`: `exported`; `creatd`: `created`; not
    `confd`: `coned`)."""
    stem = w[:-1]
    # A daemon serves a thing (`chat`, `agent`): not a verb's `-ing` form (`usingd` is a slip).
    if not w.endswith("d") or w.endswith(("ed", "dd")) or stem.endswith("ing"):
        return False
    named_after_a_word = _daemon_stem(stem, lex)
    if not (named_after_a_word or (len(w) >= _UNENGLISH_END_LENGTH and _UNENGLISH_END.search(w))):
        return False
    past = stem + "ed"
    if named_after_a_word and lex.tables.common(past) >= DAEMON_PAST:
        return False  # `lookd`, `startd`: the `e` of a past tense writers use all the time left out
    # The word's own past tense says nothing more for a daemon named after a word (`jackd`,
    # JACK's server, hundred-and-fifty-ninth sample; `campaignd`, Wesnoth's add-ons server,
    # hundred-and-sixty-third): `jacked` and `campaigned` are seldom written.
    others = [h.lower() for h in (*hints, past) if h.lower() not in (stem, stem + "s")
              and not (named_after_a_word and h.lower() == past)]
    return not any(
        one_edit(w, h) and not stray_far_letter(w, h)
        and (lex.tables.common(h) >= SPLIT_FREQUENCY or (h.endswith("ed") and len(h) != len(w) and h in lex))
        for h in others
    )


def stray_far_letter(w: str, h: str) -> bool:
    """Is `w` the word `h` with a letter put in that no key beside the letters around it strikes
    (`greetd`, archinstall's greeter daemon, hundred-and-sixty-fifth sample, is no `greed` with
    a stray `t`; at the front, `letter_put_before`)? A stray letter comes from a finger near the
    right key, or a key struck twice."""
    i = dropped_at(w, h)
    if i is None:
        return False
    around = w[max(0, i - 1) : i] + w[i + 1 : i + 2]
    return not any(c == w[i] or neighbours(c, w[i]) for c in around)


DAEMON_PAST = 50_000  # `pushed` (50,271), `checked`, `started`; not `fixed` (48,877), `jacked` (5,173)


_UNENGLISH_END = re.compile(r"[bcfghjkmpqstvwxz]d$")
_UNENGLISH_END_LENGTH = 5  # `sshd` and shorter are abbreviations, judged as such


def _daemon_stem(stem: str, lex: Lexicon) -> bool:
    # Nor a word as common as `using`. A daemon named after what it does is named after its
    # agent, up to ten letters (`supervisord`, Synapse's docker README, hundred-and-twenty-
    # ninth sample).
    length = AGENT_STEM if stem.endswith(("or", "er")) else DAEMON_STEM
    return len(stem) in length and lex.tables.common(stem) < COMMON and stem in lex


AGENT_STEM = range(4, 11)


def prefixed_name(w: str, hint: str) -> bool:
    """Is `w` the word `hint` with two letters put before it (`vttablet`, `vtgate`)? A name
    built on the word, as a project names its parts: a writer's slip lands inside a word."""
    return len(w) == len(hint) + 2 and w.endswith(hint)


def plural_first(left: str, lex: Lexicon) -> bool:
    """A closed compound takes its first word in the singular (`trackpad`, `permissionset`), so
    a plural run into the next word (`permissionsash`) is a slip of the keys, not a compound."""
    return lex.tables.common(left) < SPLIT_FREQUENCY <= lex.common_or_plural(left)


# Words a writer runs into the next one by slip (`requiredto`, `alot`, `eachother`): a split
# into one of these and another word is a typo, a split into two content words a compound.
FUNCTION_WORDS = frozenset((
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "is", "are", "be", "as", "it", "if", "so", "every", "each", "any", "no", "not", "this",
    "that", "there", "their", "then", "than", "we", "you", "your", "our", "all", "can", "will",
    "should", "must", "may", "do", "does", "onto", "into",
))


# The particles of phrasal verbs, whose nouns are written solid (`checkout`, `kickoff`,
# `shoutout`; biome's blog, hundred-and-twenty-first sample).
PARTICLES = frozenset(("out", "up", "off", "down", "back", "over", "away", "around"))
PHRASAL_VERB = 4  # `shout`, `ramp`: shorter first words are seldom the verb (`b out`)


def phrasal_noun(w: str, lex: Lexicon) -> bool:
    """Is a lowercase word a common word and a particle, the noun of a phrasal verb written
    solid (`shoutout`, `rampup`)? Such a noun is a word, though one letter from another
    (`shootout`) or its particle is the verb's last letters again (`shout`+`out`)."""
    return any(w.endswith(p) and len(w) - len(p) >= PHRASAL_VERB and lex.tables.common(w[: -len(p)]) >= SPLIT_FREQUENCY
               for p in PARTICLES)


_AGENT_STEM = 5  # `ingest`; shorter stems (`edit`, `act`) have their `-or` nouns listed


def agent_noun(w: str, lex: Lexicon) -> bool:
    """Is a lowercase word the agent noun in `-or` of a known verb ending in two consonants,
    the last `t` or `s` (`ingestor`, BloodHound's data collector, three times on its page,
    hundred-and-sixtieth sample; a key from `investor`)? Latin verbs take `-or` (`extractor`,
    `compressor`), and a dictionary lists only the common ones. After a vowel the ending is
    more often a slip of a doubled `-er` (`commitor`)."""
    base = w[:-1] if w.endswith("ors") else w
    stem = base[:-2]
    return (base.endswith("or") and len(stem) >= _AGENT_STEM and stem.endswith(("t", "s"))
            and stem[-2] not in "aeiouy" and lex.known(stem))


VOWEL = re.compile(r"[aeiouyAEIOUY]")
COMMON = 100_000  # a frequency only the commonest words reach (from, with, then; not sash)
# The lexicon's table of common words (`Tables.common`) holds every word this frequent.
assert COMMON >= SPLIT_FREQUENCY


# cspell skips words under four letters; here they are judged only against the commonest words.
SHORT = 3
LONG_WORD = 10  # a word this long one edit from a dictionary word is a slip, capitalised or not
SHORT_NAME = 6  # `godoc`, `utun`, `ollama`, `tfsec`: tools' names are short
LONG_NAME = 12  # `Oberservability`: a capitalised word this long two edits from a word is a slip
COMMONEST = 1_000_000  # the, and, you, with, from; not says (567,938) or ass, which `sas` is a slip of


def slip_of_used_word(
    hint: str, word: str, lex: Lexicon, writes: Callable[[str], bool], writes_capitalised: Callable[[str], bool]
) -> bool:
    """Is a word that may be a name, one edit from `hint`, a slip for it? (`writes`: does the
    page write a word; `writes_capitalised`: does it write it capitalised, as a name.)"""
    w = word.lower()
    # A slip keeps the first letter of a name (`Ollama` is no `llama` with an O before it).
    if hint[:1].lower() != w[:1]:
        return False
    base = hint.lower().split("'")[0]  # `Factory's`: the word, without its clitic
    changed = changed_letter(w, hint.lower())
    if word[:1].isupper() and len(base) <= SHORT:
        # `Akka` (the Scala toolkit) is no `aka` with a `k` doubled: names are dense around
        # words of three letters (hundred-and-sixteenth sample), unless the page writes it.
        return base in lex.project or writes(base)
    if word[:1].isupper() and len(w) <= SHORT_NAME and _far_letter_added(w, base):
        # `Behat`, a PHP tool, is no `beat` with an `h` struck by chance: a letter a slip adds
        # to a short word sits beside a key of its neighbours, or doubles one (ninety-fourth
        # sample); a long word takes letters from memory too (`Arugument`). A name the page
        # writes with one letter changed is still what it slipped on (`Coden` beside `Coder`).
        return base in lex.project or writes(base) or _writes_one_letter_off(w, writes)
    if word[:1].isupper() and changed is not None:
        # `Connrct`: the key beside `e`, in a long word every writer uses. `Shlink` is no
        # `shrink` (far keys), and short names sit beside short words (`Groq`, `grow`). A
        # name the page writes is what a capitalised word one letter off slipped on (`Coden`
        # beside `Coder`); a word it writes only in lowercase is not (`the Exercism website`
        # on a page of `exercise` files, hundred-and-forty-ninth sample: a name built on it).
        # A letter written again in place of the next is a slip like a neighbouring key
        # (`Auxillary`, opening a list item in Exercism's docs: the classic slip of `auxiliary`).
        common = (len(w) > SHORT_NAME and (neighbours(*changed) or _doubled_in_place(w, base))
                  and lex.tables.common(base) >= SPLIT_FREQUENCY)
        return base in lex.project or writes_capitalised(base) or common
    if changed is not None and not neighbours(*changed) and not writes(base):
        return False  # `gopls` is no slip for `goals`: a slip of the keys hits a key next to it
    if swapped(w, base) and lex.tables.common(w[1:]) >= SPLIT_FREQUENCY and not writes(base):
        # `cmap`, a font's character map (hundred-and-fiftieth sample), is no `camp` with two
        # letters swapped: a letter before a word names a thing built on it (`fmap`, `vmap`).
        return False
    return (lex.tables.common(base) >= SPLIT_FREQUENCY or base in lex.project
            or base in lex.tables.vocabulary or writes(base))


def _writes_one_letter_off(w: str, writes: Callable[[str], bool]) -> bool:
    """Does the page write a word that is `w` with one letter after the first changed?"""
    return any(writes(w[:i] + c + w[i + 1 :]) for i in range(1, len(w)) for c in _LETTERS if c != w[i])


def _far_letter_added(w: str, hint: str) -> bool:
    """Is `w` the word `hint` with one letter put in that no letter beside it is near?"""
    i = dropped_at(w, hint)
    if i is None:
        return False
    around = w[max(i - 1, 0) : i] + w[i + 1 : i + 2]
    return not any(c == w[i] or neighbours(c, w[i]) for c in around)


def changed_letter(w: str, hint: str) -> tuple[str, str] | None:
    """(the letter of `w`, the letter of `hint`) when they differ in one position only (a
    substitution, not two letters swapped); else None."""
    if len(w) != len(hint):
        return None
    changed = [(a, b) for a, b in zip(w, hint, strict=True) if a != b]
    return changed[0] if len(changed) == 1 else None


def _doubled_in_place(w: str, hint: str) -> bool:
    """Is `w` the word `hint` with one letter replaced by a copy of the letter beside it?"""
    i = next(k for k, (a, b) in enumerate(zip(w, hint, strict=True)) if a != b)
    return w[i] in (w[i - 1 : i] + w[i + 1 : i + 2])


# QWERTY rows, each set off half a key from the one above: a key touches two keys of the row
# above (same index and one to the right) and two of the row below (same index, one left).
KEYS = {c: (r, i) for r, row in enumerate(("qwertyuiop", "asdfghjkl", "zxcvbnm")) for i, c in enumerate(row)}


def neighbours(a: str, b: str) -> bool:
    """Are two letters next to each other on a QWERTY keyboard (`mispell` for `misspell`, `tge`
    for `the`)? A changed letter far from the one meant is rarely a slip of the fingers."""
    if a not in KEYS or b not in KEYS:
        return True  # a digit or an accented letter: no say
    (ra, ia), (rb, ib) = KEYS[a], KEYS[b]
    if ra == rb:
        return abs(ia - ib) == 1
    if abs(ra - rb) != 1:
        return False
    upper, lower = ((ia, ib) if ra < rb else (ib, ia))
    return lower in (upper - 1, upper)


def vowel_for_vowel(w: str, hint: str) -> bool:
    """`tandum` for `tandem`: one vowel written for another, the slip of a writer spelling by
    sound (an unstressed vowel is heard alike). Names are rarely a word with one vowel changed,
    and a slip keeps the first letter."""
    if len(w) < 5 or w[:1] != hint[:1]:
        return False  # four letters or fewer: every word has neighbours (`sops`/`sips`, `yada`/`yoda`)
    changed = changed_letter(w, hint)
    return changed is not None and all(c in VOWELS for c in changed)


VOWELS = frozenset("aeiou")


def slip_of_commonest(w: str, lex: Lexicon) -> bool:
    """`teh`, `adn`, `yuo` (two letters swapped), `frm`, `nto` (one left out): a slip of one of
    the commonest words, the only kind a short word is likely to be."""
    # Two letters swapped back, or the one left out put back in; none is taken out.
    return any(lex.tables.common(v) >= COMMONEST for v in letter_edits(w, 0, len(w))) or key_slip_of_commonest(w, lex)


def key_slip_of_commonest(w: str, lex: Lexicon) -> bool:
    """`tp` for `to` (thirty-eighth sample): a short word without a vowel that is one of the
    commonest words with its vowel's key missed for the one beside it. A short word with a vowel
    is as often a command or a key (`sed` beside `see`, Vim's `iw` beside `is`)."""
    return len(w) <= SHORT and not VOWEL.search(w) and any(
        lex.tables.common(w[:i] + c + w[i + 1 :]) >= COMMONEST
        for i in range(len(w)) for c in _LETTERS if c != w[i] and neighbours(w[i], c)
    )


# Endings writers put after an apostrophe to inflect a short word or an abbreviation.
INFLECTED_AFTER_APOSTROPHE = frozenset(("ed", "ing", "er", "ers", "es", "d"))


def clitic_slip(word: str, lex: Lexicon) -> str | None:
    """`it'ss`, `Isn'tt`, `you'rre`: a contraction or a possessive with a letter slipped after
    its apostrophe, one edit from the known form, which is returned (sixty-sixth sample:
    `it'ss` on three pages). Not a name: `O'Reilly` has a capital after the first letter."""
    if "'" not in word or not word[1:].islower():
        return None
    w = word.lower()
    head, _, tail = w.partition("'")
    if tail in INFLECTED_AFTER_APOSTROPHE:
        return None  # `sync'ed`, `cc'ing`, `OK'ed`: an abbreviation inflected on purpose
    forms = (f"{head}'{tail}" for tail in ("s", "t", "d", "m", "ll", "re", "ve"))
    form = next((f for f in forms if f != w and one_edit(w, f) and lex.known(f)), None)
    return None if form is None else word[0] + form[1:]


def plain_slip(word: str, lex: Lexicon) -> str | None:
    """What a word plainly is with its slip undone, whatever the dictionaries suggest: a
    contraction with a letter slipped after its apostrophe, or, in lowercase, two words run
    together or letters written twice over. Or None."""
    if word.islower():
        fixed = joined_to_a_long_word(word, lex) or stutter(word, lex)
        if fixed:
            return fixed
    return clitic_slip(word, lex)


def apostrophe_dropped(w: str, lex: Lexicon) -> bool:
    """`doesnt`, `youll`, `theyre`: a common contraction without its apostrophe."""
    ends = [end for end in ("n't", "'ll", "'ve", "'re") if w.endswith(end.replace("'", ""))]
    return any(lex.tables.common(w[: len(w) - len(end) + 1] + end) >= SPLIT_FREQUENCY for end in ends)


def vowel_dropped(word: str, lex: Lexicon) -> bool:
    """`frm`, `wth`: a common word with its one vowel left out is a typo, not an abbreviation."""
    w = word.lower()
    return len(w) >= 3 and any(
        lex.tables.common(w[:i] + v + w[i:]) >= COMMON for i in range(len(w) + 1) for v in "aeiou"
    )
