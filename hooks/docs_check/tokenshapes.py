"""Credential detection for code examples: token shapes, and literals under secret-looking names.

Two questions, answered separately so each check can ask the one it needs:

- `find_tokens(text)`: does the text hold something shaped like a real credential (a GitHub
  token, an AWS key id, a private key, a JWT...)? Shapes are specific enough to need no
  entropy test; only placeholders are let through.
- `is_secret_name(name)` + `is_hardcoded(value)`: is a literal assigned to a name that says it
  holds a secret (`GITHUB_TOKEN`, `db_password`, `api_key`)? Terraform asks this through its
  syntax tree; other languages through `find_assignments(text)`, which knows the shapes
  `NAME=value`, `export NAME=value`, `NAME: value`, `"name": "value"` and `--token value`.

Token shapes come from detect-secrets (Yelp's maintained detector) where its regexes fit,
and from this module where they do not: detect-secrets' GitHub shape wants exactly 36
characters (the seed's short `ghp_` token would pass), its OpenAI shape only knows the
legacy `T3BlbkFJ` keys, and it has no Anthropic or Google shape. detect-secrets is imported
lazily: its package pulls in `requests` (for its online verifiers, never used here), about
0.1 s per process.
"""

from __future__ import annotations

import base64
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Secret:
    """A credential found in a text: `text[start:end]` is the value to report."""

    kind: str  # what it is, for the message: "GitHub token", "literal password"...
    start: int
    end: int
    value: str
    name: str | None = None  # the secret-looking name it is assigned to, when there is one


@dataclass(frozen=True, slots=True)
class Shape:
    kind: str
    pattern: re.Pattern[str]
    group: int = 0  # which group is the secret (0: the whole match)
    variable: str = "api_token"  # the variable name a fix message suggests
    # Lowercase substrings one of which every match contains: a text without any of them
    # skips the pattern (a substring test runs at memchr speed; a pattern pass does not).
    anchors: tuple[str, ...] = ()


# -- token shapes ---------------------------------------------------------------------------

# Shapes detect-secrets lacks or gets too strict for documentation (see the module doc).
# They start with their literal prefix (a leading look-behind would make `re` test every
# position of the text, 8x slower); `find_tokens` checks the left boundary itself.
_OWN_SHAPES = (
    Shape("GitHub token", re.compile(r"(?:gh[pousr]_[A-Za-z0-9_]{16,251}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])"), 0, "github_pat", ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
    Shape("Anthropic API key", re.compile(r"sk-ant-[A-Za-z0-9_\-]{20,}"), 0, "anthropic_api_key", ("sk-ant-",)),
    Shape("OpenAI API key", re.compile(r"sk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}"), 0, "openai_api_key", ("sk-",)),
    Shape("Google API key", re.compile(r"AIza[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_])"), 0, "google_api_key", ("aiza",)),
    # Userinfo in a URL: `postgres://coder:s3cr3t@db`; the password must pass is_hardcoded.
    Shape("password in a URL", re.compile(r"://[^\s/:@{}<>\"'`]+:([^\s/@{}<>\"'`]+)@"), 1, "database_password", ("://",)),
)
_BOUNDED = frozenset(s.kind for s in _OWN_SHAPES[:4])
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

# detect-secrets plugin classes whose denylist regexes are used as they are, with the
# anchors their regexes imply.
_DS_PLUGINS = (
    ("aws", "AWSKeyDetector", "AWS key", "aws_secret_access_key", ("akia", "abia", "acca", "asia", "a3t", "aws")),
    ("private_key", "PrivateKeyDetector", "private key", "private_key", ("private key", "putty")),
    ("jwt", "JwtTokenDetector", "JSON Web Token", "api_token", ("eyj",)),
    ("slack", "SlackDetector", "Slack token", "slack_token", ("xox", "hooks.slack")),
    ("gitlab_token", "GitLabTokenDetector", "GitLab token", "gitlab_token", ("glpat-", "gldt-", "glft-", "glsoat-", "glrt-", "gr1348941", "glcbt-", "glimt-", "glptt-", "glagent-", "gloas-")),
    ("stripe", "StripeDetector", "Stripe key", "stripe_api_key", ("k_live_",)),
    ("sendgrid", "SendGridDetector", "SendGrid key", "sendgrid_api_key", ("sg.",)),
    ("pypi_token", "PypiTokenDetector", "PyPI token", "pypi_token", ("pypi-",)),
    ("azure_storage_key", "AzureStorageKeyDetector", "Azure storage key", "azure_storage_key", ("accountkey=",)),
    ("square_oauth", "SquareOAuthDetector", "Square OAuth secret", "square_secret", ("sq0csp-",)),
)
# Left out on purpose: Artifactory (`AP[0-9A-F]...` matches ordinary words), Twilio and
# Telegram (no anchors: they fire inside hashes), Discord (no literal to anchor on: the
# slowest pattern by far, for tokens Coder's docs never show), Mailchimp/IBM/SoftLayer/
# Cloudant (keyword shapes the assignment scan covers), BasicAuth (replaced by the URL shape
# above, which applies the placeholder rules), Keyword and the high-entropy plugins (see
# find_assignments and is_hardcoded).


@lru_cache(maxsize=1)
def shapes() -> tuple[Shape, ...]:
    import importlib

    out = list(_OWN_SHAPES)
    for module, cls, kind, variable, anchors in _DS_PLUGINS:
        plugin = getattr(importlib.import_module(f"detect_secrets.plugins.{module}"), cls)
        for pattern in plugin.denylist:
            # Only AWS's keyword pattern captures the secret itself; other groups capture a
            # prefix (GitLab's `glpat`), which detect-secrets would report instead of the token.
            group = 1 if module == "aws" and pattern.groups else 0
            out.append(Shape(kind, pattern, group, variable, anchors))
    return tuple(out)


def _is_sequential(value: str) -> bool:
    from detect_secrets.filters.heuristic import is_sequential_string

    return is_sequential_string(value) or _counted_out(value, is_sequential_string) or _spelt_in_runs(
        value, is_sequential_string)


_PARTS = re.compile(r"[-_.]")
_RUNS = re.compile(r"[a-z]+|\d+")


def _spelt_in_runs(value: str, is_sequential_string: Callable[[str], bool]) -> bool:
    """A value of two runs or more of letters and digits, each a stretch of the alphabet or of
    counting, in any case (`AbC123dEf`, Neon's example password, hundred-and-first sample;
    `abcde12345`, Headscale's API key, hundred-and-seventeenth)."""
    runs = _RUNS.findall(value.lower())
    return (len(runs) >= 2 and sum(map(len, runs)) == len(value)
            and all(len(r) >= 3 and is_sequential_string(r) for r in runs))


def _counted_out(value: str, is_sequential_string: Callable[[str], bool]) -> bool:
    """A value whose parts are mostly runs of the alphabet or of counting (`abcdefghi-1234-
    jklmno-aac6-12345567889`, Renovate's `npmToken` example, eighty-fifth sample): a shape a
    writer typed out, not a credential's; two such runs of four or more in random text are
    rarer than one in a million. Whole values are detect-secrets' `is_sequential_string`."""
    parts = [p for p in _PARTS.split(value) if p]
    runs = [p for p in parts if len(p) >= 4 and is_sequential_string(p)]
    return len(runs) >= 2 and 2 * sum(map(len, runs)) >= sum(map(len, parts))


@lru_cache(maxsize=1)
def _anchors() -> frozenset[str]:
    return frozenset(a for shape in shapes() for a in shape.anchors)


def _jwt_is_valid(token: str) -> bool:
    from detect_secrets.plugins.jwt import JwtTokenDetector

    return JwtTokenDetector.is_formally_valid(token)


# Keys published in vendors' documentation as examples; never real.
DOCUMENTED_EXAMPLES = frozenset({
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "AKIAI44QH8DHBEXAMPLE",
    "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    # jwt.io's sample token (its signature part; header and payload vary in copies).
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    # OAuth 2.0's examples (RFC 6749: access and refresh tokens, an authorization code, a
    # client secret; RFC 6750: a bearer token), copied into providers' docs with the responses
    # they stand in (ORY Hydra's, hundred-and-thirty-first sample).
    "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "SplxlOBeZQQYbYS6WxSbIA", "7Fjfp0ZBr1KtDRbnfVdmIw",
    "mF_9.B5f-4.1JqM",
})


def find_tokens(text: str) -> Iterator[Secret]:
    """Every credential-shaped string in `text`, placeholders excepted, in text order."""
    found: list[Secret] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    present = {a for a in _anchors() if a in low}
    if not present:
        return
    for shape in shapes():
        if present.isdisjoint(shape.anchors):
            continue
        for m in shape.pattern.finditer(text):
            start, end = m.span(shape.group)
            value = m.group(shape.group)
            if not value or any(s < end and start < e for s, e in taken):
                continue
            if shape.kind in _BOUNDED and start and text[start - 1] in _WORD_CHARS:
                continue
            if shape.kind == "JSON Web Token":
                if not _jwt_is_valid(value):
                    continue
                # detect-secrets' pattern ends lazily, before the signature: report it whole.
                end = _JWT_TAIL.match(text, end).end()
                value = text[start:end]
                if _example_claims(value):
                    continue
            if shape.kind == "private key":
                if _private_key_is_placeholder(text, m.end()):
                    continue
            elif shape.kind == "password in a URL":
                if not is_hardcoded(value):
                    continue
            elif is_token_placeholder(value):
                continue
            taken.append((start, end))
            found.append(Secret(shape.kind, start, end, value))
    yield from sorted(found, key=lambda s: s.start)


_JWT_TAIL = re.compile(r"[A-Za-z0-9_\-+/=.]*")
_COUNTED = 6  # digits of a claim counted out (`1234567890`, jwt.io's sample subject)


def _example_claims(token: str) -> bool:
    """Does a JSON Web Token claim a subject counted out, `1234567890`, as jwt.io's sample does
    and every copy of it (OWASP's testing guide, hundred-and-sixtieth sample, shows one with
    `"name": "Alice"`)? Its claims are plain base64: an issued token names a real subject, a
    made-up one counts."""
    parts = token.split(".")
    if len(parts) < 2:
        return False
    body = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(body))
    except ValueError:  # not base64 (binascii.Error), not UTF-8, not JSON: all ValueErrors
        return False
    if not isinstance(claims, dict):
        return False
    values = (str(v) for v in claims.values() if isinstance(v, (str, int)) and not isinstance(v, bool))
    return any(len(v) >= _COUNTED and v.isdigit() and _is_sequential(v) for v in values)
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/=]{40,}")


def _private_key_is_placeholder(text: str, after: int) -> bool:
    """A key header is a leak only when key material follows it, not `...` or `<key>`."""
    body = text[after : after + 400]
    return _BASE64_RUN.search(body) is None


def variable_for(kind: str) -> str:
    """The variable name a fix message suggests for a credential of this kind."""
    for shape in shapes():
        if shape.kind == kind:
            return shape.variable
    return "api_token"


# -- names that say "secret" -----------------------------------------------------------------

_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
SECRET_WORDS = frozenset({
    "token", "secret", "password", "passwd", "pwd", "pat",
    "credential", "credentials", "apikey", "passphrase", "privatekey",
})
# `*_KEY` names hold a secret, except keys that name or locate something.
_NOT_SECRET_KEY = frozenset({
    "public", "pub", "ssh", "sort", "partition", "hash", "primary", "foreign", "cache", "map",
    "lookup", "label", "tag", "metadata", "kms", "gpg", "idempotency", "group", "object",
    "routing", "shard", "row", "column", "index", "dict", "config", "host", "file", "path",
    "topology",  # Kubernetes' `topologyKey: "topology.kubernetes.io/zone"` names a node label
    # A command that moves or finds keys by their public ids (`gpg --receive-keys 066DAFCB81E42C40`,
    # Spacemacs' README, hundred-and-twenty-eighth sample; `--recv-keys`, `--send-keys`) or sends
    # keystrokes (`tmux send-keys`): no secret is typed there.
    "receive", "recv", "send", "search", "refresh", "fetch", "trusted",
})


def name_words(name: str) -> list[str]:
    """`GITHUB_TOKEN` -> [github, token]; `clientSecret` -> [client, secret]; `api-key` -> [api, key]."""
    return [w.lower() for w in _WORDS.findall(name)]


def is_secret_name(name: str) -> bool:
    """Does this name say its value is a secret? Decided by its last word: `GITHUB_TOKEN` does,
    `GITHUB_TOKEN_URL`, `secretName` and `CODER_TLS_KEY_FILE` do not."""
    words = name_words(name)
    if not words:
        return False
    last = words[-1]
    if last in SECRET_WORDS:
        return True
    if last in ("key", "keys") and len(words) >= 2:
        return words[-2] not in _NOT_SECRET_KEY
    return False


# -- placeholders and hard-coded values ------------------------------------------------------

# Words that make a value a placeholder when they stand alone (`your-token-here`, `my_key`),
# and the few that do even inside a word (`yourApiKey`, `EXAMPLEKEY`): a random token may
# contain `my` or `foo` by chance, but hardly `example` or `changeme`.
_PLACEHOLDER_WORDS = frozenset({
    "your", "yours", "my", "example", "examples", "change", "changeme", "placeholder",
    "redacted", "dummy", "fake", "sample", "replace", "replaceme", "insert", "enter", "here",
    "todo", "tbd", "fixme", "secret", "secrets", "password", "passwd", "token", "key",
    "apikey", "value", "string", "str", "none", "null", "nil", "undefined", "true", "false",
    "hidden", "masked", "omitted", "foo", "bar", "baz", "test", "xxx",
})
_PLACEHOLDER_INFIXES = ("example", "changeme", "placeholder", "redacted", "replace", "your")
_SEPARATORS = re.compile(r"[^A-Za-z0-9]+")
_TEMPLATED = re.compile(r"<[^<>]*>|\$\{|\{\{|\$\(|^\$|^%\w+%$|^\{[^{}]*\}$|^\[[^\[\]]*\]$")
_REFERENCE = re.compile(r"^(?:var|data|local|module|each|count|self|path|terraform|env|secrets|process\.env|os\.environ)\b[.\[]")
_UPPER_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")  # API_KEY, YOUR_API_TOKEN
_DOTTED_NAME = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")  # process.env.X, settings.token
_REDACTED = re.compile(r"\.\.\.|…|\*\*\*|xxxx|XXXX|####")


def is_placeholder(value: str) -> bool:
    """Placeholders a docs page may show where a credential goes: `<token>`, `${VAR}`, `$(cmd)`,
    `xxxx`, `57eb...2c4c`, `your-token-here`, `changeme`, `API_KEY`, `var.github_pat`,
    `1234567890`, documented example keys (`AKIAIOSFODNN7EXAMPLE`), and the path of the file
    that holds it (`/path/to/service-account.json`, `~/.ssh/id_rsa`)."""
    v = value.strip()
    if not v or v[0] in "<{[$%" or _REFERENCE.match(v) or _UPPER_NAME.match(v) or _DOTTED_NAME.match(v):
        return True
    return is_token_placeholder(v) or _is_sequential(v) or is_file_path(v)


# `/a/b`, `~/a`, `./a/b.json`, `C:\a\b`: segments of file-name characters only. A credential
# under a name like GOOGLE_APPLICATION_CREDENTIALS or `key_file` is often the file it is in,
# which the page may show (it leaks nothing); the credential itself is not path-shaped.
_PATH = re.compile(r"^(?:~|\.{1,2}|[A-Za-z]:)?(?:[/\\][\w.@+-]+)+[/\\]?$")
_TOKEN_SEGMENT = re.compile(r"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z0-9+]{16,}$")


def is_file_path(value: str) -> bool:
    """A file path: two segments at least, or one with a file extension, and no segment with a
    random token's shape (mixed case and digits, 16+ characters): a base64 secret may start
    with `/`, but hardly splits into short, readable segments."""
    if not _PATH.match(value):
        return False
    segments = [s for s in re.split(r"[/\\]", value) if s and s not in ("~", ".", "..") and not s.endswith(":")]
    if not segments or any(_TOKEN_SEGMENT.match(s) for s in segments):
        return False
    return len(segments) >= 2 or re.search(r"\.[A-Za-z]\w{0,5}$", segments[0]) is not None


def is_token_placeholder(value: str) -> bool:
    """The placeholder test for a value that has a credential's shape (`ghp_xxxx...`,
    `AKIA...EXAMPLE`, `ghp_<token>`): the looser tests of is_placeholder would excuse real
    tokens (a JWT looks like a dotted name; `ghp_1234567890abcdef` is nearly sequential)."""
    v = value.strip()
    if not v or not any(c.isalnum() for c in v):
        return True
    lower = v.lower()
    if any(w in lower for w in _PLACEHOLDER_INFIXES) or any(e in v for e in DOCUMENTED_EXAMPLES):
        return True
    if _REDACTED.search(v) or _TEMPLATED.search(v):
        return True
    if len(set(lower)) <= 2:  # "0000", "x-x-x"
        return True
    # `password123`, `secret42`: a placeholder word with a number is still a demo value.
    words = {w.rstrip("0123456789") for w in _SEPARATORS.split(lower)}
    return not _PLACEHOLDER_WORDS.isdisjoint(words)


# Below these, a literal under a secret-looking name reads as a demo value (`coder`,
# `postgres`, `7d`) rather than a credential; see the report in the README for the tradeoff.
MIN_LENGTH = 8
MIN_ENTROPY = 2.5  # bits per character (Shannon); `abc12345` ~ 3.0, `coderRDP!` ~ 3.2, `aaaabbbb` 1.0


def entropy(value: str) -> float:
    if not value:
        return 0.0
    counts: dict[str, int] = {}
    for c in value:
        counts[c] = counts.get(c, 0) + 1
    n = len(value)
    return -sum(k / n * math.log2(k / n) for k in counts.values())


def is_hardcoded(value: str, *, strict: bool = True) -> bool:
    """Is this literal a credential rather than a placeholder or a demo value?

    `strict=False` (Terraform's syntax tree, where "a string literal under this name" is
    already certain) only rules out placeholders; `strict=True` (text scans of other
    languages) also wants MIN_LENGTH characters and MIN_ENTROPY bits per character.
    """
    if is_placeholder(value):
        return False
    if not strict:
        return True
    v = value.strip()
    return len(v) >= MIN_LENGTH and entropy(v) >= MIN_ENTROPY and not v.isdigit()


# Lowercase words of 3 to 14 letters, each with a vowel, joined by `-`, `_` or `.`, and numbers:
# `workspace-42`, `shared-terminal-smoke-only`, `thisisnice`. Credentials are random and long
# (`k9x2m7q4`, a UUID's hex runs of one or two letters, 20+ letters in a row); a key that reads
# as words names or picks something (a session, a cache entry), and a password that does was
# made up for the page (a smoke test's, a local container's), which leaks nothing. Terraform's
# literals are held to the stricter bar all the same.
_READABLE = re.compile(r"[a-z]{3,14}(?:[-_.](?:[a-z]{3,14}|\d+))*")


def reads_as_words(value: str) -> bool:
    """Is the value lowercase words (each with a vowel) and numbers, joined by `-`, `_`, `.`?"""
    v = value.strip()
    return _READABLE.fullmatch(v) is not None and all(
        any(c in "aeiouy" for c in part) for part in re.split(r"[-_.]", v) if part.isalpha()
    )


_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def _base64_text(value: str) -> str:
    """The ASCII text a base64 value encodes ("" if it encodes none): `c2lnbmluZ2tleQ==` is
    `signingkey`, a key made up for the page (Azure's sample connection strings); a real
    key encodes random bytes."""
    v = value.strip()
    if not _BASE64.fullmatch(v):
        return ""
    try:
        raw = base64.b64decode(v, validate=True)
    except ValueError:
        return ""
    text = raw.decode("ascii") if raw.isascii() else ""
    return text if text.isprintable() else ""


def _encodes_no_credential(value: str) -> bool:
    """Is the value base64 of text that is no credential by the same bar: words (`signingkey`),
    or what would be a placeholder or a demo value written plain (a Secret's `password: MTIzNA==`,
    `1234`, in a Helm chart's README, eighty-eighth sample)?"""
    text = _base64_text(value)
    return bool(text) and (reads_as_words(text) or not is_hardcoded(text))


# -- assignments in other languages ----------------------------------------------------------

_VALUE = r"""(?P<value>"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"'`,;&|)\]}#\\]+)"""
_ASSIGNMENT = re.compile(
    # NAME=value, export NAME=value, NAME: value, "name": "value", name = "value", name := "v"
    r"""(?P<q>["']?)(?P<name>[A-Za-z_][\w.\-]*)(?P=q)[ \t]*(?::=|=>|=|:(?=[ \t]|["']))[ \t]*"""
    + _VALUE
    # --token value, --password=value
    # --token value, --password=value (a value with `=` is an assignment of its own:
    # `--set auth.password=...`)
    + r"""|(?<![\w-])--(?P<flag>[A-Za-z][\w\-]*)(?:=|[ \t]+)(?P<fvalue>"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s"'`;&|)\\=-][^\s"'`;&|)\\=]*)(?=[\s;&|)]|$)"""
)
# A PowerShell cmdlet, Verb-Noun (`Get-Credential`, `ConvertTo-SecureString`, `New-Object`):
# `$spPassword = ConvertTo-SecureString "<password>" -AsPlainText` sets the variable to what
# the cmdlet returns. A credential is not two capitalised words joined by a hyphen.
_CMDLET = re.compile(r"(?:[A-Z][a-z]+){1,2}-[A-Z][A-Za-z]+$")
# Only lines holding one of these (lowercased) are scanned for assignments: a plain
# substring search is 20x faster than running the assignment pattern over every line.
_HINTS = ("token", "secret", "passw", "pwd", "pat", "key", "credential", "passphrase")


def _hint_lines(text: str) -> list[tuple[int, int]]:
    low = text.lower()
    spans: set[tuple[int, int]] = set()
    for word in _HINTS:
        i = low.find(word)
        while i != -1:
            start = low.rfind("\n", 0, i) + 1
            end = low.find("\n", i)
            end = len(low) if end == -1 else end
            spans.add((start, end))
            i = low.find(word, end)
    return sorted(spans)


def _template_cut(raw: str, text: str, end: int, line_end: int) -> bool:
    """Was an unquoted value cut inside a placeholder: a brace (`https://{USERNAME}:{TOKEN}@...`)
    or an angle bracket closed further on (`SCRAM-SHA-256$<iteration count>:<salt>$...`)?"""
    if "{" in raw and text[end : end + 1] == "}":
        return True
    return "<" in raw and ">" not in raw[raw.rindex("<"):] and ">" in text[end:line_end]


def find_assignments(text: str, *, strict: bool = True) -> Iterator[Secret]:
    """Literals assigned to secret-looking names in shell, env, YAML, JSON, INI, TOML text."""
    for line_start, line_end in _hint_lines(text):
        for m in _ASSIGNMENT.finditer(text, line_start, line_end):
            if m.group("flag") is not None:
                name, group = m.group("flag"), "fvalue"
            else:
                name, group = m.group("name"), "value"
            if not is_secret_name(name):
                continue
            raw = m.group(group)
            start, end = m.span(group)
            if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
                raw, start, end = raw[1:-1], start + 1, end - 1
            elif "(" in raw or _CMDLET.match(raw):
                continue  # `token = Math.random()`, `$(cat key)`, `$cred = Get-Credential`: a call computes the value
            elif _template_cut(raw, text, end, line_end):
                continue  # `https://{USERNAME}:{PERSONAL_ACCESS_TOKEN}@...`: a template to fill in
            if strict and (reads_as_words(raw) or _encodes_no_credential(raw)):
                continue  # `sessionKey: "workspace-42"` names a session; `PASSWORD=thisisnice`
            if is_hardcoded(raw, strict=strict):
                yield Secret(f"literal {name_words(name)[-1]}", start, end, raw, name)


def scan_text(text: str, *, strict: bool = True) -> list[Secret]:
    """Token shapes and secret assignments; an assignment whose value is a token shape is
    reported once, as the token (the more specific message)."""
    tokens = list(find_tokens(text))
    out = list(tokens)
    for a in find_assignments(text, strict=strict):
        if not any(t.start < a.end and a.start < t.end for t in tokens):
            out.append(a)
    return sorted(out, key=lambda s: s.start)


def snake(name: str) -> str:
    """`GITHUB_TOKEN` -> `github_token`, `clientSecret` -> `client_secret`."""
    return "_".join(name_words(name)) or "api_token"
