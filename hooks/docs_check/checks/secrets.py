"""Literal credentials in code blocks: `tf-secret` in Terraform, `tf-secret-code` everywhere else.

Readers copy code from docs pages, and a page is public: a token in an example is a leaked
token, whatever the language. Terraform blocks are read through their syntax tree (a
string literal under a secret-looking attribute or `env` key is certain, whatever its
length); every other code block (fenced in any language, or indented) through the text
patterns of `docs_check.tokenshapes`. Token shapes (`ghp_...`, `AKIA...`, private keys...) are
found in both, comments and heredocs included.

These values are not leaks, whatever holds them: a module variable's default that
the registry catalog records (`coderRDP!`, windows-rdp's documented `admin_password`: it
is published in the module's source), a well-known demo password (`admin123`,
`P@ssw0rd`, `letmein`), which `password123` already was through the placeholder words, and
a literal password the page shows as a stand-in: its line tells the reader to change it
(`POSTGRES_PASSWORD="eucoderp" # 请修改`, "please change"), or it is the user name it goes with
(`postgres:postgres@localhost`, a local database's default account) or a word of its own key
(`POSTGRES_PASSWORD=postgres`). Outside Terraform, a value of lowercase words (`workspace-42`,
`mysecurepassword`) was made up for the page. Token shapes are
reported all the same: a real token is not made safe by a comment.

All the code of a page is scanned in one pass (the blocks joined, then findings mapped back
to their block): most pages hold no credential, and one pass over a page costs a fraction
of one pass per block.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..catalog import load_catalog
from ..check import Check
from ..config import Config
from ..findings import Finding, Severity
from ..hcl import ELLIPSIS, Block, Body, Expression
from ..rules import rule
from ..scanner import INDENTED_CODE, Document, FencedBlock
from ..tokenshapes import (
    Secret,
    find_assignments,
    find_tokens,
    is_hardcoded,
    is_secret_name,
    name_words,
    reads_as_words,
    snake,
    variable_for,
)
from . import _snippets as S
from .lexicon import SPLIT_FREQUENCY
from .lexicon import tables as lexicon_tables
from .spelling import settings as spelling_settings

TF_SECRET = rule(
    "tf-secret", Severity.ERROR,
    "A Terraform block must not hold a literal credential; pass it through a sensitive variable",
)
CODE_SECRET = rule(
    "tf-secret-code", Severity.ERROR,
    "A code block (shell, env, YAML, JSON...) must not hold a literal credential; use a placeholder",
)


@dataclass
class _Unit:
    """A run of code lines: a fenced block's content, or an indented code block."""

    lines: list[int]  # Markdown line numbers
    block: FencedBlock | None
    lang: str
    ast: Body | None = None  # Terraform blocks that parse
    terraform: bool = False  # labelled Terraform and not shell commands


@dataclass(frozen=True)
class _Hit:
    line: int
    column: int
    end_column: int
    secret: Secret


def run(doc: Document, config: Config) -> Iterator[Finding]:
    units = _units(doc)
    if not units:
        return
    # One text for the page: each unit's raw lines (positions are Markdown columns as they are).
    starts: list[int] = []  # offset of each joined line
    where: list[tuple[int, int]] = []  # (unit index, Markdown line) of each joined line
    parts: list[str] = []
    offset = 0
    for u, unit in enumerate(units):
        for number in unit.lines:
            text = doc.line(number).text
            starts.append(offset)
            where.append((u, number))
            parts.append(text)
            offset += len(text) + 1
    joined = "\n".join(parts)
    if _SCANNER_RUN.search(joined):
        return  # its tokens are made up to be found


    def locate(secret: Secret) -> tuple[int, _Hit]:
        i = bisect.bisect_right(starts, secret.start) - 1
        u, number = where[i]
        col = secret.start - starts[i] + 1
        return u, _Hit(number, col, col + len(secret.value), secret)

    hits: dict[int, list[_Hit]] = {}
    for secret in find_tokens(joined):
        u, hit = locate(secret)
        hits.setdefault(u, []).append(hit)
    for secret in find_assignments(joined):
        u, hit = locate(secret)
        # Terraform that parses is read through its syntax tree, held to the stricter bar.
        if units[u].ast is None and not _words_run_together(secret.value, config):
            _merge(hits.setdefault(u, []), hit)
    for u, unit in enumerate(units):
        if unit.ast is not None:
            assert unit.block is not None
            for hit in _tree_hits(doc, unit.block, unit.ast):
                _merge(hits.setdefault(u, []), hit)
    published = load_catalog(config=config).documented_defaults()
    for u in sorted(hits):
        unit = units[u]
        for hit in sorted(hits[u], key=lambda h: (h.line, h.column)):
            if hit.secret.value not in published and not is_demo_value(hit.secret) and not _placeholder(doc, hit):
                yield _finding(doc, unit, hit)


def _units(doc: Document) -> list[_Unit]:
    units: list[_Unit] = []
    for block in doc.fences:
        if not block.content_lines:
            continue
        unit = _Unit(list(block.content_lines), block, block.lang)
        if S.is_terraform(doc, block):
            unit.terraform = True
            unit.ast = S.parse_block(doc.block_text(block)).body
        units.append(unit)
    run: list[int] = []
    for ln in doc.lines:
        if ln.kind == INDENTED_CODE:
            run.append(ln.number)
        elif run:
            units.append(_Unit(run, None, ""))
            run = []
    if run:
        units.append(_Unit(run, None, ""))
    return units


# A page whose code runs a secret scanner (`./gitleaks detect --no-git -s /tmp/test.txt`) shows
# the tokens it writes to be found: gitleaks' notes on a Sourcegraph rule (hundred-and-thirty-
# eighth sample) echo made-up `sgp_` tokens into a file to test it. A placeholder would defeat
# the test, and the page leaks nothing it did not make up.
_SCANNER_RUN = re.compile(
    r"(?m)^[ \t]*(?:\$[ \t]+)?(?:\S*/)?(?:gitleaks|trufflehog|detect-secrets|ggshield|git-secrets|secretlint|noseyparker)"
    r"[ \t]+[\w-]"
)


def _merge(hits: list[_Hit], named: _Hit) -> None:
    """Add a named literal, or name the token shape found at the same place.

    One credential, one finding: the shape says what the credential is, the assignment
    says what holds it.
    """
    same = next((h for h in hits if _overlaps(named, h)), None)
    if same is None:
        hits.append(named)
    elif same.secret.name is None:
        s = same.secret
        hits[hits.index(same)] = _Hit(
            same.line, same.column, same.end_column, Secret(s.kind, s.start, s.end, s.value, named.secret.name)
        )


def _overlaps(a: _Hit, b: _Hit) -> bool:
    return a.line == b.line and a.column < b.end_column and b.column < a.end_column


# -- values that leak nothing ------------------------------------------------------------------

# Passwords every tutorial uses; a value made only of these words (and digits) is a demo
# value. tokenshapes' placeholder words (`password`, `secret`, `changeme`...) count too.
_DEMO_WORDS = frozenset({
    "admin", "administrator", "demo", "pass", "passw", "passwd", "password", "pwd", "letmein", "qwerty",
    "changeit", "welcome", "default", "guest", "root", "hunter", "abc", "abcd", "abcdef", "test",
    "testing", "secret", "login", "user", "iloveyou", "trustno", "sunshine", "master", "dragon",
})
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")


def is_demo_value(secret: Secret) -> bool:
    """A literal (not a token shape) made only of demo-password words and digits."""
    if not (secret.kind.startswith("literal ") or secret.kind == "password in a URL"):
        return False
    lower = secret.value.strip().lower()
    return any(_demo_words_only(v) for v in (lower, _leet(lower)))


# A comment after the value that tells the reader to put their own value there, in English
# or in the languages this project's trees have shown (Chinese, Japanese, Korean).
_CHANGE_ME = re.compile(
    r"(?:#|//).*?(?:\b(?:change|replace|modify|customi[sz]e|your)\b|修改|更改|替换|替換|変更|変えて|수정|변경)",
    re.IGNORECASE,
)


def _placeholder(doc: Document, hit: _Hit) -> bool:
    """A literal password the page shows as a stand-in: its line tells the reader to change it,
    or it is the user name it goes with (`postgres:postgres@localhost`, `user=postgres
    password=postgres`, `username:` on a line nearby) or its key names it (`POSTGRES_PASSWORD=postgres`), as a local
    database's default account is."""
    if not (hit.secret.kind.startswith("literal ") or hit.secret.kind == "password in a URL"):
        return False  # a token's shape is a token, whatever the line says
    text = doc.line(hit.line).text
    if _CHANGE_ME.search(text, hit.end_column - 1):
        return True
    if _named_by_its_key(hit.secret) or _ciphertext(doc, hit) or _digest(doc, hit):
        return True
    value = re.escape(hit.secret.value)
    if re.search(rf"//{value}:{value}@", text) is not None:
        return True
    # The user name beside it, on its line or the lines around (a Kubernetes Secret's `username:`
    # and `password:`, both `ZGFudGU=`, the demo role `dante`).
    near = "\n".join(doc.line(n).text for n in _near(doc, hit))
    return re.search(rf"\b(?:user|username|login)\s*[=:]\s*[\"']?{value}(?![\w-])", near, re.IGNORECASE) is not None


_NEAR = 3  # lines either side where a password's user name, or its hash's salt, is written


def _near(doc: Document, hit: _Hit) -> range:
    return range(max(1, hit.line - _NEAR), min(len(doc.lines), hit.line + _NEAR) + 1)

# A key that says the values under it are encrypted for a tool to decrypt: Renovate's
# `encrypted`, Bitnami's SealedSecret `encryptedData`, `ciphertext`. Such a value is made to be
# committed (eighty-fifth sample: Renovate's encrypted `npmToken`).
_CIPHER_KEY = re.compile(r"^\s*[\"']?(?:\w*encrypted\w*|ciphertext|sealed\w*)[\"']?\s*[:=]", re.IGNORECASE)
_ABOVE = 20  # lines above a value where its enclosing keys are looked for


def _ciphertext(doc: Document, hit: _Hit) -> bool:
    """Is the value under a key that says it is encrypted (its own or one enclosing it, the
    nearest less-indented line above it, in YAML or JSON)?"""
    if re.search(r"encrypted|ciphertext", hit.secret.name or "", re.IGNORECASE):
        return True
    text = doc.line(hit.line).text
    indent = len(text) - len(text.lstrip())
    for n in range(hit.line - 1, max(0, hit.line - _ABOVE), -1):
        above = doc.line(n).text
        if not above.strip():
            continue
        if above.lstrip().startswith(("```", "~~~")):
            return False  # the block's fence: its keys end here
        depth = len(above) - len(above.lstrip())
        if depth < indent:
            if _CIPHER_KEY.match(above):
                return True
            indent = depth
        if depth == 0:
            return False
    return False


# A hex digest's length: MD5, SHA-1, SHA-256, SHA-512.
_DIGEST = re.compile(r"(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})")


def _digest(doc: Document, hit: _Hit) -> bool:
    """A hex digest's length, under a password key or beside a salt, is a hash: it gives the
    password away no more than the hash of any other. `"password": "da61c0083b6d..."` in the
    JSON a server returns (hundred-and-seventeenth sample: Kong's Admin API shows the SHA-1 it
    stores for a basic-auth credential); SCRAM's `stored_key` and `server_key` beside their
    `salt` (hundred-and-nineteenth: EMQX's API for importing users). An environment variable
    (`DB_PASSWORD=5f4d...`, upper case) is something the reader sets: a hex string there may be
    the password itself, and is reported. A value in a framework's stored-hash format, which
    names its algorithm (Django's `pbkdf2_sha256$260000$<salt>$<hash>`), is a hash wherever it
    stands, as the modular crypt format (`$argon2id$...`, `$6$...`) already is."""
    value, name = hit.secret.value, hit.secret.name or ""
    if _HASH_FORMAT.fullmatch(value):
        return True
    if _DIGEST.fullmatch(value.lower()) is None or value.isdigit() or name.isupper():
        return False
    if "pass" in name.lower():
        return True
    return any(_SALT.search(doc.line(n).text) for n in _near(doc, hit))


_HASH_FORMAT = re.compile(
    r"(?:pbkdf2_sha(?:1|256)|argon2|bcrypt(?:_sha256)?|scrypt|sha1|md5|unsalted_(?:md5|sha1)|crypt)\$[^\s$]+(?:\$[^\s$]*)+"
)
_SALT = re.compile(r"[\"']?\w*salt[\"']?\s*[:=]", re.IGNORECASE)


def _named_by_its_key(secret: Secret) -> bool:
    """`POSTGRES_PASSWORD=postgres`, `REDIS_PASSWORD=redis`: the value is a word of its own key,
    the image's default account, which anyone reading the key can guess. It hides nothing."""
    value = secret.value.strip().lower()
    name = (secret.name or "").lower()
    return len(value) >= 3 and value in _WORD_SPLIT.split(name) and not is_secret_name(value)


# Lowercase letters, digits after: `mysecurepassword`, `securepass123`. Only such values are
# looked up in the English word table, so most pages never load it.
_LETTERS_THEN_DIGITS = re.compile(r"(?P<letters>[a-z]{6,40})\d{0,6}")
# Words under three letters a made-up password starts or joins with (the article too:
# `adifferentsecretpassword`, Kong's docs, hundred-and-seventeenth sample); other short strings
# are as likely a random run's as a word's.
_SHORT_WORDS = frozenset({"a", "my", "me", "we", "us", "is", "it", "to", "in", "on", "of", "no", "so", "go", "be", "do"})


def _words_run_together(value: str, config: Config) -> bool:
    """Is a value outside Terraform common English words run together (`mysecurepassword`,
    `securepass123`)? Like `thisisnice`, a password made up for the page: too long a run for
    `tokenshapes.reads_as_words`, which stops at 14 letters because it knows no words.
    Credentials are random: a random run of letters seldom splits into words."""
    v = value.strip()
    if " " in v:
        # A sentence ends where a sentence ends (`'passphrases are great!'`, Flatcar's docker
        # password beside the user `giffee_lover_93`, hundred-and-forty-second sample).
        v = v.rstrip("!?.,")
    parts = _SEPARATORS.split(v)
    if len(parts) > 1:
        # A slug (`pt-shortcut-guide`, PowerToys' `icon_key`, seventy-fifth sample): two words
        # or more, the other parts short prefixes or numbers. A credential's parts are random.
        runs = [p for p in parts if len(p) >= 4 and p.isalpha()]
        if len(runs) < 2 or not all(p in runs or len(p) <= 3 or p.isdigit() for p in parts):
            return False
        common = _word_table(config)
        return all(_run_of_words(p, common) for p in runs)
    if _CAMEL_WORDS.fullmatch(v):
        v = v.lower()  # `myPasswordKey` (Bitnami's `keyMapping`): a key's name, words in camel case
    m = _LETTERS_THEN_DIGITS.fullmatch(v)
    return m is not None and _run_of_words(m.group("letters"), _word_table(config))


def _word_table(config: Config) -> Callable[[str], int]:
    """The English word table's frequency lookup, loaded only for a value shaped like words."""
    return lexicon_tables(spelling_settings(config).dictionaries).common


_SEPARATORS = re.compile(r"[-_. ]")
_CAMEL_WORDS = re.compile(r"[a-z]{2,}(?:[A-Z][a-z]{2,})+\d{0,6}")


def _run_of_words(letters: str, common: Callable[[str], int]) -> bool:
    """Is a run of lowercase letters common English words written together?"""
    def word(w: str) -> bool:
        return w in _SHORT_WORDS if len(w) < 3 else common(w) >= SPLIT_FREQUENCY

    # splits[i]: letters[:i] is a run of words
    splits = [True] + [False] * len(letters)
    for end in range(1, len(letters) + 1):
        splits[end] = any(splits[start] and word(letters[start:end]) for start in range(max(0, end - 20), end))
    return splits[-1]


def _leet(text: str) -> str:
    # Only inside a word: `P@ssw0rd!` reads `password`, a trailing `123` stays digits.
    core = text.rstrip("0123456789!?.#*")
    return core.translate(_LEET) + text[len(core):]


def _demo_words_only(text: str) -> bool:
    words = [w.rstrip("0123456789") for w in _WORD_SPLIT.split(text)]
    words = [w for w in words if w]
    return bool(words) and (all(w in _DEMO_WORDS for w in words) or _demo_word_and_bits(text))


_LETTER_RUN = re.compile(r"[a-z]+")
_BIT = 3  # letters of a piece a made-up password adds to its demo word (`Esp_pass123`)
_BITS = 3  # pieces of letters at most: a random credential has many more


def _demo_word_and_bits(text: str) -> bool:
    """A value of a demo word or two with short bits of letters around it, the letters more
    of the demo words than of the bits (`A!@123abc`, a sign-up test's password on AppFlowy's
    docs; `Esp_pass123`, sqlmap's throwaway database, hundred-and-sixty-first and sixtieth
    samples): a password made up for the page. A random credential's letters seldom hold a
    demo word, and never most of them in few pieces."""
    pieces = _LETTER_RUN.findall(text)
    demo = sum(len(p) for p in pieces if p in _DEMO_WORDS)
    return (0 < len(pieces) <= _BITS and all(p in _DEMO_WORDS or len(p) <= _BIT for p in pieces)
            and 2 * demo > sum(map(len, pieces)))


# -- Terraform through its syntax tree ---------------------------------------------------------


def _tree_hits(doc: Document, block: FencedBlock, body: Body) -> Iterator[_Hit]:
    for name, expr in _named_literals(body, None):
        value = expr.value or ""
        if not is_secret_name(name) or not is_hardcoded(value, strict=False) or _names_a_map_key(name, value):
            continue
        # The value starts after the opening quote.
        line, col = S.position(doc, block, expr.line, expr.column + 1)
        yield _Hit(line, col, col + len(value), Secret(f"literal {name_words(name)[-1]}", 0, 0, value, name))


def _names_a_map_key(name: str, value: str) -> bool:
    """`route_table_reference_key = "Firewall"`, `vnet_key = "hub"` (Azure Verified Modules):
    a `*_key` that reads as a word names an entry of another map. A key that is a credential
    is random (`access_key`); passwords and tokens keep the strict bar."""
    return name_words(name)[-1] in ("key", "keys") and reads_as_words(value.lower())


def _named_literals(body: Body, parent: Block | None) -> Iterator[tuple[str, Expression]]:
    """(name, string expression) pairs: attributes, object keys, `NAME=value` list items.

    A name can come from around the attribute: a secret-named `variable`'s `default`, and
    the `value` of a block that sets `name = "GITHUB_TOKEN"` (coder_env, Kubernetes env).
    """
    attrs = {a.name: a for a in body.attributes}
    named_by = attrs.get("name")
    for attr in body.attributes:
        name = attr.name
        if parent is not None and parent.type == "variable" and parent.labels and name == "default":
            name = parent.labels[0]
        elif name == "value" and named_by is not None and named_by.expr.kind == "string" and named_by.expr.value:
            name = named_by.expr.value
        yield from _in_expression(name, attr.expr)
    for child in body.blocks:
        yield from _named_literals(child.body, child)


# The name of an environment entry, `GITHUB_TOKEN` in `"GITHUB_TOKEN=..."`; not the words of a
# description that holds an `=` (`"IAM bindings in {KEY => {role = ROLE}}"`, Google's fabric).
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def _in_expression(name: str, expr: Expression) -> Iterator[tuple[str, Expression]]:
    if expr.kind == "string":
        if "=" in (expr.value or "") and not is_secret_name(name):
            # ["GITHUB_TOKEN=ghp_..."]: a container's environment as a list of strings.
            key, _, value = (expr.value or "").partition("=")
            if _ENV_NAME.fullmatch(key) and is_secret_name(key):
                yield key, Expression(
                    expr.text, expr.line, expr.column + len(key) + 1, expr.end_line,
                    expr.end_column, "string", value,
                )
            return
        yield name, expr
    elif expr.kind == "object":
        for item in expr.items:
            if item.key != ELLIPSIS:
                yield from _in_expression(item.key, item.value)
    elif expr.kind == "tuple":
        for element in expr.elements:
            yield from _in_expression(name, element)


# -- findings ---------------------------------------------------------------------------------


def _finding(doc: Document, unit: _Unit, hit: _Hit) -> Finding:
    secret = hit.secret
    kind = secret.kind
    what = f"a literal {kind[len('literal '):]}" if kind.startswith("literal ") else f"{_article(kind)} {kind}"
    if unit.terraform:
        variable = _variable_name(secret)
        use = f"{secret.name} = var.{variable}" if secret.name else f"var.{variable}"
        holder = f"`{secret.name}` holds {what}" if secret.name else f"the block holds {what}"
        message = (
            f"{holder}: readers copy it and the page leaks it; pass it through a sensitive "
            f'variable: `variable "{variable}" {{ type = string; sensitive = true }}` and '
            f"`{use}` (and revoke it if it was ever real)"
        )
        return TF_SECRET.at(doc.path, hit.line, hit.column, message, end_column=hit.end_column)
    label = f"this `{unit.lang}` block" if unit.lang else "this code block"
    holder = f"`{secret.name}` holds {what} in {label}" if secret.name else f"{label} holds {what}"
    env = (secret.name or variable_for(kind)).upper().replace("-", "_").replace(".", "_")
    message = (
        f"{holder[0].upper()}{holder[1:]}: readers copy it and the page leaks it; write a "
        f"placeholder (`<{snake(env).replace('_', '-')}>`) or read it from the environment "
        f"(`${env}`), and revoke it if it was ever real"
    )
    return CODE_SECRET.at(doc.path, hit.line, hit.column, message, end_column=hit.end_column)


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeio" else "a"


def _variable_name(secret: Secret) -> str:
    if not secret.kind.startswith("literal "):
        return variable_for(secret.kind)
    return snake(secret.name or "api_token")


CHECK = Check("secrets", (TF_SECRET, CODE_SECRET), run)
