"""Reference-comparison helpers: pull Terraform fences out of Markdown and run `terraform fmt`.

Used by the conformance test and the benchmark, which must both see exactly the same
blocks. This is a deliberately small fence reader (not the project's Markdown scanner),
so the reference harness does not depend on the code it is checking.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docs_check.checks._snippets import TF_LANGS  # the labels the checks read, defined once

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<quote>(?:>[ \t]?)*)(?P<pad>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)*")
_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)\.\.\.[ \t]*(?P<comment>(?:#|//)[^\r]*)?(?P<cr>\r?)$")
# Terraform never rewrites a comment's text, so this marker survives `terraform fmt` intact.
_MARK = "# __docs_check_placeholder__ "
_MARKED = re.compile(r"^(?P<indent>[ \t]*)# __docs_check_placeholder__ (?P<rest>[^\r]*)(?P<cr>\r?)$")


@dataclass(frozen=True)
class FencedBlock:
    path: Path
    line: int  # 1-based line of the first content line
    lang: str
    text: str


def iter_fenced_blocks(path: Path, langs: frozenset[str] = TF_LANGS) -> list[FencedBlock]:
    """Fenced code blocks of a Markdown file whose info string's first word is in `langs`.

    Content is dedented by the opening fence's indentation and stripped of blockquote markers.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks: list[FencedBlock] = []
    i = 0
    while i < len(lines):
        if lines[i].lstrip(" >").startswith("<!--"):
            # An HTML comment is raw HTML to a Markdown renderer: fences inside it are no blocks.
            while i < len(lines) and "-->" not in lines[i]:
                i += 1
            i += 1
            continue
        m = _FENCE.match(lines[i])
        if not m or (m["fence"][0] == "`" and "`" in m["info"]):
            i += 1
            continue
        quoted = bool(m["quote"])
        indent = len(m["indent"]) if not quoted else len(m["pad"])
        fence = m["fence"]
        info = m["info"].strip()
        lang = info.split()[0].lower() if info else ""
        body: list[str] = []
        j = i + 1
        while j < len(lines):
            line = lines[j]
            if quoted:
                line = line[len(_QUOTE.match(line).group(0)):] if _QUOTE.match(line) else line
            if _closes(line, fence):
                break
            body.append(_dedent(line, indent))
            j += 1
        if lang in langs:
            text = "\n".join(body) + "\n" if body else ""
            blocks.append(FencedBlock(path, i + 2, lang, text))
        i = j + 1
    return blocks


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= len(fence) and set(stripped) == {fence[0]}


def _dedent(line: str, n: int) -> str:
    k = 0
    while k < n and k < len(line) and line[k] == " ":
        k += 1
    return line[k:]


def corpus_blocks(root: Path) -> list[FencedBlock]:
    blocks: list[FencedBlock] = []
    for md in sorted(root.rglob("*.md")):
        blocks.extend(iter_fenced_blocks(md))
    return blocks


def mask_placeholders(text: str) -> str:
    """Turn `...` placeholder lines into comments Terraform accepts."""
    out = []
    for line in text.split("\n"):
        m = _PLACEHOLDER.match(line)
        if m:
            line = f"{m['indent']}{_MARK}{m['comment'] or ''}{m['cr']}"
        out.append(line)
    return "\n".join(out)


def unmask_placeholders(text: str) -> str:
    out = []
    for line in text.split("\n"):
        m = _MARKED.match(line)
        if m:
            rest = m["rest"].rstrip()
            line = f"{m['indent']}...{' ' + rest if rest else ''}{m['cr']}"
        out.append(line)
    return "\n".join(out)


@dataclass(frozen=True)
class TerraformResult:
    output: str | None  # formatted text, None when terraform could not parse it
    error: str | None


def terraform_binary() -> str | None:
    return shutil.which("terraform")


def terraform_fmt_batch(texts: list[str], binary: str | None = None) -> list[TerraformResult]:
    """Format every text with ONE `terraform fmt` run over a temporary directory.

    Unparseable files are reported on stderr and left untouched; they are re-run one by
    one only to collect their error message.
    """
    binary = binary or terraform_binary()
    if binary is None:
        raise RuntimeError("no terraform binary on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        files = []
        for n, text in enumerate(texts):
            f = d / f"b{n:04d}.tf"
            f.write_bytes(mask_placeholders(text).encode("utf-8"))
            files.append(f)
        proc = subprocess.run([binary, "fmt", "-no-color", str(d)], capture_output=True, text=True)
        failed = set(re.findall(r"(b\d{4}\.tf) line \d+", proc.stderr))
        if proc.returncode != 0 and not failed:
            raise RuntimeError(f"terraform fmt failed: {proc.stderr}")
        results = []
        for f in files:
            if f.name in failed:
                err = subprocess.run(
                    [binary, "fmt", "-no-color", "-"], input=f.read_text(), capture_output=True, text=True
                ).stderr
                results.append(TerraformResult(None, err))
            else:
                results.append(TerraformResult(unmask_placeholders(f.read_bytes().decode("utf-8")), None))
        return results
