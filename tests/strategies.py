"""Hypothesis strategies for hostile Markdown: shared by the robustness tests and bench/fuzz.py."""

from __future__ import annotations

from hypothesis import strategies as st

# Fragments chosen to reach every branch of the scanner and the checks: container markers,
# fences of both kinds, alert markers, Terraform, registry URLs, comments, odd characters.
FRAGMENTS = [
    "> ", ">", ">>", "> > ", "- ", "* ", "1. ", "10) ", "   ", "    ", "\t", " ",
    "```", "````", "~~~", "```tf", "```hcl", "```terraform", "```sh", "```json", "~~~tf",
    "[!NOTE]", "[!note]", "[!TIP]", "[!INFO]", "[! NOTE]", "[!IMPORTANT]", "[!CAUTION]", "[!WARNING] x",
    "\\[!NOTE]", "**Note:**", "`", "``", "[", "]", "(", ")", "![", "](", "<", ">", "<!--", "-->",
    "<!-- docs-check: disable-next-line -->", "<!-- docs-check: disable tf-fmt -->",
    "<!-- docs-check: enable -->", "<div class=\"tabs\">", "</div>", "<children></children>",
    "# ", "## ", "---", "***",
    'resource "coder_agent" "main" {', 'data "coder_parameter" "p" {', 'module "m" {',
    'source = "registry.coder.com/coder/claude-code/coder"', 'version = "1.0.0"', "}", "{",
    "...", "  ...", "<<EOT", "<<-EOT", "EOT", '"${var.x}"', '"', "=", "a = 1", "# c", "// c", "/*", "*/",
    "env = {", 'GITHUB_TOKEN = "ghp_1234567890abcdef1234567890abcdef1234"', "var.github_pat",
    "https://registry.coder.com/modules/code-server", "https://registry.coder.com/modules?search=tag%3Atasks",
    "http://registry.coder.com/", "dev.registry.coder.com/coder/x/coder", "https://", "#anchor",
    "Regitsry", "instcrtion", "the", "Coder", "é", "日本", "\u200b", "\ufeff", "\x00", "\x0b", "\x0c",
    "\u2028", "\r", "\n", "\r\n", "\n\n",
]

fragment = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8))
markdown_text = st.lists(fragment, max_size=60).map("".join)
markdown_lines = st.lists(
    st.lists(fragment, max_size=8).map("".join), max_size=40
).flatmap(lambda lines: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda nl: nl.join(lines)))


@st.composite
def markdown_bytes(draw: st.DrawFn) -> bytes:
    """Markdown as a file holds it: maybe a BOM, maybe invalid UTF-8 spliced in."""
    text = draw(st.one_of(markdown_text, markdown_lines))
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.booleans()):
        junk = draw(st.binary(min_size=1, max_size=6))
        at = draw(st.integers(0, len(data)))
        data = data[:at] + junk + data[at:]
    return data
