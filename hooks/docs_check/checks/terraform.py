"""Terraform snippets: labelled `tf`, valid HCL, `terraform fmt` clean, secrets in sensitive variables.

Which blocks: fenced blocks labelled `tf`, `hcl` or `terraform`, wherever they stand (list
items, alerts, tabs, quotes); `_snippets` says which of them hold Terraform, parses each
once and maps positions back to the Markdown file. The HCL engine (`docs_check.hcl`) parses
and formats; `...` placeholder lines are its business.

A block shown at the depth it has inside its parent (every line indented: `  option {...}`)
is formatted at that depth, not moved to the left margin.

HCL a page shows on purpose without it parsing (a value left blank for the reader, a
variable's type alone, an excerpt said to be cut short, a diff...) is no syntax error to
report: `excerpts` says which.

Labels: `tf-lang` asks for `tf` on a block that holds Terraform (it parses, or reads as
blocks and attributes), with a fix. A fence labelled Terraform that holds shell commands
(`terraform init`, `$ coder templates push`) gets `tf-lang-not-hcl` instead, without a fix:
relabelling it `tf` would make it worse; the message suggests `sh` or `console`.

Severities: a block that does not parse (`tf-syntax`) is broken for every reader who copies
it, so it is an error. A block that parses but is not `terraform fmt` clean (`tf-fmt`) still
works when copied: it is a warning, which still fails `mkdocs build --strict` and the default
`fail-on = "warning"`, while a site that adopts the check on a large legacy tree can set
`fail-on = "error"` and fix formatting with `docs-check --fix` at its own pace.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import lru_cache

from ..check import Check
from ..config import Config
from ..findings import Finding, Fix, Severity
from ..hcl import Block, Body, HclSyntaxError, format_hcl
from ..rules import rule
from ..scanner import Document, FencedBlock
from ..tokenshapes import is_secret_name
from . import _snippets as S
from . import elision, excerpts
from ._snippets import PREFERRED_LANG, TF_LANGS
from .places import readme_place

LANG = rule(
    "tf-lang", Severity.WARNING,
    "Terraform code blocks are labelled `tf` (not `hcl` or `terraform`)", fixable=True,
)
NOT_HCL = rule(
    "tf-lang-not-hcl", Severity.WARNING,
    "A block labelled `tf`, `hcl` or `terraform` holds shell commands, not Terraform; label it `sh` or `console`",
)
SYNTAX = rule("tf-syntax", Severity.ERROR, "A Terraform block must be valid HCL2 / Terraform syntax")
FMT = rule(
    "tf-fmt", Severity.WARNING,
    "A Terraform block must be exactly what `terraform fmt` makes of it", fixable=True,
)
SENSITIVE = rule(
    "tf-sensitive-variable", Severity.WARNING,
    "A `variable` whose name says it holds a secret must set `sensitive = true`",
)
MODULE_VERSION = rule(
    "tf-module-version", Severity.ERROR,
    "A module whose source is not a registry (a local path, Git, HTTP, S3, GCS) takes no `version`",
)


@lru_cache(maxsize=2048)
def format_block(text: str, terraform: bool = True) -> str | None:
    try:
        return format_hcl(text, terraform)
    except (HclSyntaxError, RecursionError):
        return None


# -- the check --------------------------------------------------------------------------------


FENCE_LABELS = ("auto", "tf")


def validate_config(config: Config) -> None:
    config.choice("terraform", "fence-label", FENCE_LABELS)


def run(doc: Document, config: Config) -> Iterator[Finding]:
    labels_tf = config.choice("terraform", "fence-label", FENCE_LABELS) == "tf" or _tf_house_style(doc)
    fenced = [(block, S.snippet(doc, block)) for block in doc.fences if block.lang in TF_LANGS]
    other_page = _other_tools_page([snip.body for _, snip in fenced if snip is not None])
    for block, snip in fenced:
        if snip is not None and snip.text.strip():
            yield from _block_findings(doc, snip, labels_tf, other_page)
        elif block.lang != PREFERRED_LANG and labels_tf:
            yield _lang_finding(doc, block)  # an empty block: nothing to judge but its label


def _tf_house_style(doc: Document) -> bool:
    """Does `tf` apply to this page without configuration? `tf` is Coder's label for Terraform
    (its docs and its registry's READMEs), not the language's: `hcl` and `terraform` highlight
    the same. A page of another tree is held to it only when it labels Terraform `tf` itself."""
    place = readme_place(str(doc.path))
    if place is not None and place.in_registry:
        return True  # a Coder Registry README, by its place in the registry's tree or its front matter
    if "display_name" in doc.meta and "icon" in doc.meta:
        return True
    return any(b.lang == PREFERRED_LANG for b in doc.fences)


def _block_findings(doc: Document, snip: S.Snippet, labels_tf: bool, other_page: bool = False) -> Iterator[Finding]:
    block, text = snip.block, snip.text
    kind = S.content_kind(text)
    if kind == S.SHELL:
        yield _not_hcl_finding(doc, block, text)
        return
    if kind == S.HCL and block.lang != PREFERRED_LANG and labels_tf and not _other_hcl(snip.body):
        yield _lang_finding(doc, block)
    if snip.parsed.error is not None:
        error = excerpts.after_blanks(text, snip.parsed.error)
        if error is not None and not (S.is_cli_config(text) or excerpts.on_purpose(doc, block, text, error)):
            yield _syntax_finding(doc, block, error, text)
        return
    unquoted = _unquoted_sources(doc, snip)
    if unquoted:
        yield from unquoted  # `terraform fmt` would space a bare path as a division
        return
    # An unclosed fence runs to the end of the page: rewriting it would rewrite the page.
    if block.close_line is not None:
        finding = _fmt_finding(doc, block, text, terraform=not (other_page or _other_hcl(snip.body)))
        if finding is not None:
            yield finding
    assert snip.body is not None
    yield from _sensitive_findings(doc, block, snip.body)
    yield from _module_version_findings(doc, block, snip.body)


# The Terraform language's block types, top-level and the nested ones that take a label;
# HCL written for another tool (a Nomad job or plugin stanza, a Packer `source`) has others.
_TERRAFORM_BLOCKS = frozenset({
    "resource", "data", "module", "variable", "output", "locals", "provider", "terraform",
    "moved", "import", "check", "removed", "provisioner", "dynamic", "backend",
    "ephemeral", "action", "list",  # Terraform 1.10's ephemeral resources, 1.14's actions and queries
})


def _other_hcl(body: Body | None) -> bool:
    """Is the block HCL of another tool (coder/coder's Nomad template: `job "hostpath" {`,
    `plugin "docker" {`)? Labelling it `tf` would be wrong; it is still HCL, formatted alike.
    Its blocks carry labels Terraform's do not; a fragment of a resource's nested blocks
    (`network_interface {`, `ports {`) has none, and is Terraform."""
    blocks = body.blocks if body is not None else []
    return (any(b.labels for b in blocks)
            and not any(b.type in _TERRAFORM_BLOCKS for b in blocks))


def _other_tools_page(bodies: list[Body | None]) -> bool:
    """Is the page about another tool's HCL (Nomad's `meta` page: `job "docs" {` first, then
    `meta { ... }` alone)? One of its blocks is another tool's and none names a Terraform block:
    its fragments are that tool's too, formatted without terraform's rewrites."""
    tops = [b.type for body in bodies if body is not None for b in body.blocks]
    return any(_other_hcl(body) for body in bodies) and not _TERRAFORM_BLOCKS.intersection(tops)


def _label_span(doc: Document, block: FencedBlock) -> tuple[int, str]:
    """Column (0-based) and text of the language word on the opening fence line."""
    ln = doc.line(block.open_line)
    fence_at = ln.text.index(block.fence, ln.content_col)
    info_at = fence_at + len(block.fence)
    while info_at < len(ln.text) and ln.text[info_at] in " \t":
        info_at += 1
    word_end = info_at
    while word_end < len(ln.text) and ln.text[word_end] not in " \t":
        word_end += 1
    at = info_at + ln.text[info_at:word_end].lower().index(block.lang)
    return at, ln.text[at : at + len(block.lang)]


def _lang_finding(doc: Document, block: FencedBlock) -> Finding:
    at, written = _label_span(doc, block)
    start = doc.line(block.open_line).start + at
    fix = Fix(start, start + len(written), PREFERRED_LANG, f"label the block `{PREFERRED_LANG}`")
    return LANG.at(
        doc.path, block.open_line, at + 1,
        f"Terraform block labelled `{written}`: Coder's docs label Terraform `{PREFERRED_LANG}`; "
        f"write ```{PREFERRED_LANG} (docs-check --fix does it)",
        fix=fix, end_column=at + 1 + len(written),
    )


def _not_hcl_finding(doc: Document, block: FencedBlock, text: str) -> Finding:
    at, written = _label_span(doc, block)
    label = S.shell_label(text)
    return NOT_HCL.at(
        doc.path, block.open_line, at + 1,
        f"block labelled `{written}` holds shell commands, not Terraform: label it ```{label}"
        + (" (it shows a prompt)" if label == "console" else " (or ```console if it shows output after a `$` prompt)"),
        end_column=at + 1 + len(written),
    )


def _syntax_finding(doc: Document, block: FencedBlock, error: HclSyntaxError, text: str) -> Finding:
    line, column = S.position(doc, block, error.line, error.column)
    # The first sentence of terraform's own explanation, when the engine gives one.
    detail = (getattr(error, "detail", "") or "").split(". ")[0].rstrip(".")
    detail = f" ({detail})" if detail else ""
    if block.close_line is None:
        return SYNTAX.at(
            doc.path, line, column,
            f"invalid Terraform: the fence opened at line {block.open_line} is never closed, so the rest "
            "of the page is read as its code; close the fence after the Terraform",
            end_line=block.last_line,
        )
    heading = _swallowed_heading(text, error.line)
    if heading is not None and heading[0] <= len(block.content_lines):
        at, title = heading
        return SYNTAX.at(
            doc.path, line, column,
            f"invalid Terraform: the fence opened at line {block.open_line} is not closed where its "
            f"Terraform ends: the block runs on into the heading `{title}` at line "
            f"{block.content_lines[at - 1]} and the text after it; close the fence before that heading",
            end_line=block.last_line,
        )
    return SYNTAX.at(
        doc.path, line, column,
        f"invalid Terraform: {error.message}{detail}; fix the block so that `terraform fmt` "
        "can parse it, or mark a deliberately invalid example with "
        "`<!-- docs-check: disable-next-line tf-syntax -->` before its fence",
        end_line=block.last_line,
    )


# A module source written without its quotes, `github.com/org/repo` or `./modules/vpc`: HCL
# reads it as a reference divided by references.
_BARE_ADDRESS = re.compile(r"[\w.-]+(?:/[\w.-]+)+(?://[\w./-]+)?")


def _unquoted_sources(doc: Document, snip: S.Snippet) -> list[Finding]:
    """A module whose `source` is not a quoted string: Terraform takes only a literal there
    ("Variables not allowed" at `terraform init`), and `terraform fmt` reads an unquoted address
    as arithmetic and spaces it out (`github.com / org / repo`), which its fix would write."""
    found = []
    for item in _modules(snip.body):
        source = next((a for a in item.body.attributes if a.name == "source"), None)
        if source is None or source.expr.kind in ("string", "other"):
            continue
        line, col = snip.position(source.expr.line, source.expr.column)
        text = source.expr.text
        if source.expr.line == source.expr.end_line and _BARE_ADDRESS.fullmatch(text):
            start = snip.offset(source.expr.line, source.expr.column)
            fix = Fix(start, start + len(text), f'"{text}"', "quote the module source")
            message = f'invalid Terraform: module source `{text}` is not quoted; write `source = "{text}"`'
        else:
            fix = None
            message = (f"invalid Terraform: module source `{text.splitlines()[0]}` is an expression; Terraform "
                       "takes only a quoted string there (no variables): write the address itself")
        found.append(SYNTAX.at(doc.path, line, col, message, fix=fix, end_line=snip.block.last_line))
    return found


# `## Authentication` at the left margin after a blank line, and a sentence where Terraform
# stops parsing: Markdown a fence left open took in, not an HCL comment and a typo.
_MARKDOWN_HEADING = re.compile(r"#{1,6} [A-Z][^=#{}]*")
_SENTENCE = re.compile(r"\s*[A-Z][a-z']*(?: [^\s=:{}\[\]]+){3,}")


def _swallowed_heading(text: str, error_line: int) -> tuple[int, str] | None:
    """A fence left open swallows what follows it up to the next fence: a Markdown heading (after
    a blank line, before a sentence that does not parse) gives it away. (line in block, heading)."""
    lines = text.split("\n")
    if not 0 < error_line <= len(lines) or not _SENTENCE.match(lines[error_line - 1]):
        return None
    for i in range(1, error_line - 1):
        if not lines[i - 1].strip() and _MARKDOWN_HEADING.fullmatch(lines[i].rstrip()):
            return i + 1, lines[i].rstrip()
    return None


def formatted_at_its_depth(text: str, terraform: bool = True) -> str | None:
    """What `terraform fmt` makes of the block, kept at the depth the writer shows it at.

    A block whose every line is indented shows a nested block where it sits in its parent
    (`  option { ... }` to paste into a `coder_parameter`): it is formatted as if dedented,
    then indented back. None when it does not parse.
    """
    lines = text.split("\n")
    body = [ln for ln in lines if ln.strip()]
    depth = min((len(ln) - len(ln.lstrip(" ")) for ln in body), default=0)
    if depth == 0 or any(ln and not ln.strip() for ln in lines):
        return format_block(text, terraform)  # at the left margin, or blank lines with spaces to keep
    inner = format_block("\n".join(ln[depth:] for ln in lines), terraform)
    if inner is None:
        return None
    return "\n".join(" " * depth + ln if ln else ln for ln in inner.split("\n"))


def _fmt_finding(doc: Document, block: FencedBlock, text: str, terraform: bool = True) -> Finding | None:
    formatted = formatted_at_its_depth(text, terraform)
    if formatted is None or formatted == text or _aligned_across_elision(text, terraform):
        return None
    actual = text.split("\n")
    expected = formatted.split("\n")
    first = next(
        (i for i, (a, e) in enumerate(zip(actual, expected, strict=False)) if a != e),
        min(len(actual), len(expected)),
    )
    changed = _changed_lines(actual, expected)
    where = f"{changed} line{'s' * (changed != 1)} to reformat"
    if first < len(actual) and first < len(expected):
        a, e = actual[first], expected[first]
        column = len(_common_prefix(a, e)) + 1
        what = f"line {first + 1} of the block should read {_show(e)}, not {_show(a)}"
    elif first < len(actual):
        column = 1
        what = f"line {first + 1} of the block, {_show(actual[first])}, should not be there"
    else:
        column = 1
        what = f"the block should go on with {_show(expected[first])} after its line {first}"
    line, col = S.position(doc, block, first + 1, column)
    tool = "`terraform fmt`" if terraform else "`terraform fmt` less its Terraform rewrites (HCL's spacing, as `nomad fmt` writes)"
    fix = doc.block_fix(block, formatted, f"format the block as {tool} does")
    return FMT.at(
        doc.path, line, col,
        f"not {tool} clean ({where}): {what}; run `docs-check --fix` to reformat the block",
        fix=fix, end_line=block.last_line,
    )


def _aligned_across_elision(text: str, terraform: bool = True) -> bool:
    """Is the block formatted but for `=` lined up across a `...` line (`source =` over `...`
    over `tracing_tags_enabled =`, Azure's READMEs)? The writer aligns the attributes on both
    sides of the ones left out, as terraform would if they were there; the formatter reads
    `...` as the comment line terraform sees, which ends the run, and its fix would unalign them."""
    lines = text.split("\n")
    kept = [ln for ln in lines if not elision.is_placeholder_line(ln)]
    if len(kept) == len(lines):
        return False
    joined = formatted_at_its_depth("\n".join(kept), terraform)
    if joined is None:
        return False
    out = iter(joined.split("\n"))
    return [ln if elision.is_placeholder_line(ln) else next(out, None) for ln in lines] == lines


def _changed_lines(actual: list[str], expected: list[str]) -> int:
    matcher = difflib.SequenceMatcher(None, actual, expected, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return a[:n]


def _show(line: str, limit: int = 72) -> str:
    """A line as a writer can see it in a terminal: tabs and trailing blanks made visible."""
    if not line.strip():
        return "a blank line" if not line else f"a blank line with {len(line)} stray blank(s)"
    shown = line.replace("\t", "\\t")
    trailing = len(shown) - len(shown.rstrip(" "))
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
        trailing = 0
    note = f" (with {trailing} trailing space{'s' * (trailing != 1)})" if trailing else ""
    return f"`{shown}`{note}"


def _sensitive_findings(doc: Document, block: FencedBlock, body: Body) -> Iterator[Finding]:
    for item in body.items:
        if not isinstance(item, Block) or item.type != "variable" or not item.labels:
            continue
        name = item.labels[0]
        if not is_secret_name(name):
            continue
        sensitive = next((a for a in item.body.attributes if a.name == "sensitive"), None)
        if sensitive is not None and sensitive.expr.kind == "bool" and sensitive.expr.value == "true":
            continue
        column = item.label_columns[0] if item.label_columns else item.column
        line, col = S.position(doc, block, item.line, column)
        state = "sets `sensitive = false`" if sensitive is not None else "is not marked sensitive"
        yield SENSITIVE.at(
            doc.path, line, col,
            f'variable "{name}" holds a secret by its name but {state}: Terraform would show its '
            f"value in plans and logs; add `sensitive = true` to its block, as in "
            f'`variable "{name}" {{ type = string; sensitive = true }}`',
        )


# Terraform's module source kinds other than a registry address: a local path, a `type::`
# forced getter (git::, s3::, gcs::, hg::), and the hosts and URLs it fetches directly.
_NOT_REGISTRY = re.compile(r"^(?:\.{1,2}[/\\]|[a-z0-9]+::|git@|https?://|(?:github\.com|bitbucket\.org)/)")


def _modules(body: Body | None) -> Iterator[Block]:
    return (i for i in (body.items if body else ()) if isinstance(i, Block) and i.type == "module")


def _module_version_findings(doc: Document, block: FencedBlock, body: Body) -> Iterator[Finding]:
    """`terraform init` refuses a version constraint on a module that does not come from a
    registry ("Cannot apply a version constraint to module ... because it has a non Registry
    URL"): the example fails before it does anything."""
    for item in _modules(body):
        attrs = {a.name: a for a in item.body.attributes}
        source, version = attrs.get("source"), attrs.get("version")
        if source is None or version is None or source.expr.kind != "string" or not source.expr.value:
            continue
        if not _NOT_REGISTRY.match(source.expr.value):
            continue
        line, col = S.position(doc, block, version.line, version.column)
        yield MODULE_VERSION.at(doc.path, line, col, _module_version_message(source.expr.value))


def _module_version_message(value: str) -> str:
    bare = re.sub(r"^https?://", "", value)
    if bare != value and len(bare.rstrip("/").split("/")) == 4:  # a registry address with a scheme
        return (f"module source `{value}` is not a registry address (a registry address has no "
                f"scheme), and terraform init rejects a `version` for it: write `{bare}`")
    return (f"module source `{value}` is not a registry address, and terraform init rejects a "
            "`version` for it: delete the `version` line (pin a Git source with `?ref=` instead)")


CHECK = Check("terraform", (LANG, NOT_HCL, SYNTAX, FMT, SENSITIVE, MODULE_VERSION), run)
