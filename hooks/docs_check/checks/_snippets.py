"""Terraform snippets of a page: which fences hold Terraform, parsed once, positions mapped back.

Every check that reads Terraform (tf-*, tf-secret, registry-module-*, tf-provider-*) goes
through this module, so they agree on three things:

- which blocks are Terraform: fences labelled `tf`, `hcl` or `terraform` (`TF_LANGS`) whose
  content is not shell commands (`content_kind`); wherever they stand (list items, alerts,
  tabs, quotes), the scanner hands over their content as the writer meant it;
- the syntax tree: `parse_block` caches by block text, so a block is parsed once per
  process however many checks ask; a block that does not parse has `body` None (tf-syntax
  reports it, the other checks skip it);
- where a position in the block text is in the Markdown file (`position`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..findings import Fix
from ..hcl import Body, HclSyntaxError, parse
from ..scanner import Document, FencedBlock
from . import elision

TF_LANGS = frozenset({"tf", "hcl", "terraform"})
PREFERRED_LANG = "tf"

HCL, SHELL, OTHER = "hcl", "shell", "other"


@dataclass(frozen=True)
class Parsed:
    body: Body | None
    error: HclSyntaxError | None


@lru_cache(maxsize=4096)
def parse_block(text: str) -> Parsed:
    """Parse a block's text once for every check that asks (the result is shared: read-only)."""
    try:
        return Parsed(parse(text), None)
    except HclSyntaxError as exc:
        return Parsed(None, exc)
    except RecursionError:
        return Parsed(None, HclSyntaxError("nested too deeply for this checker to read", 1, 1))


# -- what a fence labelled Terraform holds ---------------------------------------------------

# `resource "a" "b" {`, `locals {`, `terraform {}`: the opening line of a block.
_BLOCK_OPEN = re.compile(r'^[A-Za-z_][\w-]*(?:\s+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*\s*\{\s*(?:\}\s*)?(?:#.*|//.*)?$')
# `name = value` (a space before `=`, or a value only HCL writes), `"key" = value`, `key: value`.
_ATTRIBUTE = re.compile(r'^(?:[A-Za-z_][\w-]*\s+=(?!=)|[A-Za-z_][\w-]*\s*=\s*["\[{]|"[^"\n]*"\s*[=:])')
_CLOSER = re.compile(r"^[\]})]+[,\s]*$")
_NEUTRAL = re.compile(r"^(?:#|//|/\*|\*|\.\.\.|…)")
# A console prompt (`$ `, `PS> `), a shebang, a continued or piped command line.
_PROMPT = re.compile(r"^(?:\$|>|PS [^>]*>|PS>)\s")  # `>`: `terraform console`'s prompt
_SHELLISH = re.compile(r"^#!/|\s\\$|\s(?:\||&&|\|\|)\s|^[A-Z_][A-Z0-9_]*=\S")
# Commands docs pages show in fences mislabelled `hcl` (`tf`: terraform's usual alias, Cloud
# Posse's migration notes).
_COMMANDS = frozenset({
    "terraform", "tofu", "tf", "terragrunt", "tflint", "coder", "docker", "kubectl", "helm", "curl", "wget", "git", "cd", "export",
    "echo", "sudo", "apt", "apt-get", "brew", "npm", "npx", "pip", "pip3", "go", "make", "cat", "ls",
    "mkdir", "rm", "cp", "mv", "chmod", "chown", "source", "ssh", "scp", "aws", "gcloud", "az", "unset",
    "env", "bash", "sh", "zsh", "systemctl", "journalctl", "sed", "grep", "awk", "tar", "unzip", "base64",
    "openssl", "jq", "yq", "python", "python3", "node", "bun", "yarn", "pnpm", "code-server", "packer",
})


@lru_cache(maxsize=4096)
def content_kind(text: str) -> str:
    """HCL when the text parses, or reads as blocks and attributes; SHELL when it reads as
    commands (`terraform init`, `$ coder templates push`); OTHER for anything else
    (output, JSON), which stays tf-syntax's business."""
    if parse_block(text).body is not None:
        return HCL
    hcl = shell = 0
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if _BLOCK_OPEN.match(line):
            return HCL  # a block opener: Terraform, even if broken (commands may sit in a heredoc)
        if _PROMPT.match(line) or _SHELLISH.search(line) or _is_command(line):
            shell += 1
        elif _NEUTRAL.match(line):
            continue
        elif _ATTRIBUTE.match(line) or _CLOSER.match(line):
            hcl += 1
    if shell and shell >= hcl:
        return SHELL
    return HCL if hcl else OTHER


# Blocks only Terraform's CLI configuration (`.terraformrc`) has, never a configuration of the
# Terraform language; its older HCL allows what the language does not (quoted keys in
# `dev_overrides`).
_CLI_CONFIG = re.compile(r"^\s*(?:provider_installation\s*\{|credentials(?:_helper)?\s+\"[^\"]*\"\s*\{)", re.M)


def is_cli_config(text: str) -> bool:
    """Is the block Terraform's CLI configuration (`provider_installation { dev_overrides ... }`)?"""
    return _CLI_CONFIG.search(text) is not None


def _is_command(line: str) -> bool:
    word = line.split(None, 1)[0]
    return word in _COMMANDS and not line[len(word):].lstrip().startswith(("=", "{"))


def shell_label(text: str) -> str:
    """The label a fence of shell content wants: `console` when it shows prompts, else `sh`."""
    return "console" if any(_PROMPT.match(line.strip() + " ") for line in text.split("\n") if line.strip()) else "sh"


def is_terraform(doc: Document, block: FencedBlock) -> bool:
    """A fence labelled Terraform whose content is not shell commands."""
    return block.lang in TF_LANGS and (not block.content_lines or content_kind(doc.block_text(block)) != SHELL)


# -- positions --------------------------------------------------------------------------------


def position(doc: Document, block: FencedBlock, line: int, column: int) -> tuple[int, int]:
    """Markdown (line, column) of a 1-based (line, column) in `doc.block_text(block)`.

    Content line i is Markdown line `block.content_lines[i-1]`; its column moves right by
    the line's prefix (container markers and fence indent). A line before the first is the
    first; a line past the last (an error at end of input) lands on the closing fence.
    """
    lines = block.content_lines
    if lines and line <= len(lines):
        number = lines[max(line, 1) - 1]
        return number, len(doc.prefix_of(number, block)) + max(column, 1)
    fence_line = block.close_line or block.last_line
    ln = doc.line(fence_line)
    return fence_line, ln.content_col + len(ln.content) - len(ln.content.lstrip(" ")) + 1


# -- snippets ---------------------------------------------------------------------------------


@dataclass
class Snippet:
    doc: Document
    block: FencedBlock
    text: str
    parsed: Parsed

    @property
    def body(self) -> Body | None:
        return self.parsed.body

    def position(self, line: int, column: int) -> tuple[int, int]:
        return position(self.doc, self.block, line, column)

    def offset(self, line: int, column: int) -> int:
        md_line, md_col = self.position(line, column)
        return self.doc.offset(md_line, md_col)

    def string_fix(self, expr, new_value: str, description: str) -> Fix | None:
        """Replace the contents of a one-line, escape-free string literal."""
        if expr.kind != "string" or expr.line != expr.end_line:
            return None
        if expr.text != f'"{expr.value}"':
            return None
        start = self.offset(expr.line, expr.column) + 1
        return Fix(start, start + len(expr.value), new_value, description)


def snippet(doc: Document, block: FencedBlock) -> Snippet | None:
    """The block as a snippet (parsed once per text), None when it has no content."""
    if not block.content_lines:
        return None
    text = doc.block_text(block)
    return Snippet(doc, block, text, parse_block(text))


def terraform_snippets(doc: Document) -> Iterator[Snippet]:
    """Every fence labelled Terraform with content, parsed or not, shell content included."""
    for block in doc.fences:
        if block.lang in TF_LANGS:
            snip = snippet(doc, block)
            if snip is not None:
                yield snip


def snippets(doc: Document) -> Iterator[Snippet]:
    """The Terraform snippets that parse: what the registry and provider checks read."""
    for snip in terraform_snippets(doc):
        if snip.body is not None:
            yield snip


# -- reading the syntax tree ------------------------------------------------------------------


# Node kinds by shape, so these checks do not depend on how the parser exports its classes.
def is_attribute(item: object) -> bool:
    return hasattr(item, "expr")


def is_block(item: object) -> bool:
    return hasattr(item, "body") and hasattr(item, "labels")


def is_ellipsis(item: object) -> bool:
    return not is_attribute(item) and not is_block(item)


def walk_expressions(body) -> Iterator[object]:
    """Every attribute expression in a body, nested blocks included."""
    for item in body.items:
        if is_attribute(item):
            yield item.expr
        elif is_block(item):
            yield from walk_expressions(item.body)


def traversals(body) -> Iterator[object]:
    for expr in walk_expressions(body):
        yield from expr.traversals
        yield from _nested_traversals(expr)


def _nested_traversals(expr) -> Iterator[object]:
    # Object values and tuple elements carry their own traversals; the parser may or may
    # not lift them to the parent, so de-duplicate by position.
    for item in getattr(expr, "items", []) or []:
        yield from item.value.traversals
        yield from _nested_traversals(item.value)
    for element in getattr(expr, "elements", []) or []:
        yield from element.traversals
        yield from _nested_traversals(element)


def unique_traversals(body) -> list[object]:
    seen: set[tuple] = set()
    out = []
    for t in traversals(body):
        key = (t.parts, t.line, t.column)
        if key not in seen:
            seen.add(key)
            out.append(t)
    return out


def has_ellipsis(body) -> bool:
    return any(is_ellipsis(i) for i in body.items)


def elides(snip: Snippet, block) -> bool:
    """Does the block leave parts out: a `...` line, or a comment line that starts with `...`
    (`# ...`, `# ... other agent settings`), in its own body (not in a nested block or a
    heredoc)?"""
    if has_ellipsis(block.body):
        return True
    taken: set[int] = set()
    for item in block.body.items:
        if is_attribute(item) or is_block(item):
            taken.update(range(item.line, item.end_line + 1))
    lines = snip.text.split("\n")
    for n in range(block.line + 1, min(block.end_line, len(lines) + 1)):
        if n not in taken and elision.is_mark_comment(lines[n - 1]):
            return True
    return False


def is_fragment(snip: Snippet) -> bool:
    """A snippet that shows a piece of configuration, not a configuration: no `terraform` or
    `provider` block. Its blocks may show one setting on purpose."""
    return snip.body is not None and not any(
        is_block(i) and i.type in ("terraform", "provider") for i in snip.body.items
    )


def step_names(parts: tuple[str, ...]) -> list[str]:
    """Attribute steps of a traversal, index steps (`[0]`, `["k"]`) dropped."""
    return [p for p in parts if not p.startswith("[")]
