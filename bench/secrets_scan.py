"""How fast is the secret scan of every code block of the corpus, against detect-secrets' own way?

    .venv/bin/python bench/secrets_scan.py [CORPUS]

Prints, for the code blocks of Coder's docs tree (../shared/corpus/coder-docs-2026-07):
- `docs_check.tokenshapes.scan_text` over each page's code joined (what the secrets check does),
  and over each block on its own;
- detect-secrets used the ordinary way: every plugin's `analyze_line` on every line, for the
  same plugins (plus its KeywordDetector, the closest it has to the assignment scan);
- the one-off cost of importing detect-secrets;
and the ratios against the first figure. Best of 5 runs each, in this one process.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from docs_check import tokenshapes  # noqa: E402
from docs_check.scanner import Document  # noqa: E402


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "coder-docs-2026-07"
    if not corpus.is_dir():
        print(f"{corpus} is absent: nothing to measure")
        return 0
    pages: list[list[str]] = []
    for path in sorted(corpus.rglob("*.md")):
        doc = Document.from_bytes(path.read_bytes(), str(path))
        blocks = ["\n".join(doc.line(n).text for n in b.content_lines) for b in doc.fences if b.content_lines]
        if blocks:
            pages.append(blocks)
    blocks = [b for page in pages for b in page]
    lines = [line for b in blocks for line in b.split("\n")]
    chars = sum(len(b) for b in blocks)
    print(f"{len(pages)} pages with code, {len(blocks)} code blocks, {len(lines)} lines, {chars} characters")

    import_cost = subprocess.run(
        [sys.executable, "-c", "import time; t = time.perf_counter(); import detect_secrets.plugins.aws; "
         "print(time.perf_counter() - t)"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    tokenshapes.shapes()  # import detect-secrets here too, outside the timings

    per_page = best(lambda: [tokenshapes.scan_text("\n".join(page)) for page in pages])
    per_block = best(lambda: [tokenshapes.scan_text(b) for b in blocks])

    import importlib

    from detect_secrets.plugins.keyword import KeywordDetector

    plugins = [getattr(importlib.import_module(f"detect_secrets.plugins.{m}"), c)() for m, c, *_ in tokenshapes._DS_PLUGINS]
    plugins.append(KeywordDetector())

    def detect_secrets_lines() -> None:
        for i, line in enumerate(lines):
            for plugin in plugins:
                plugin.analyze_line(filename="page.md", line=line, line_number=i)

    ds = best(detect_secrets_lines, runs=3)
    found = sum(len(tokenshapes.scan_text("\n".join(page))) for page in pages)
    print(f"import detect-secrets (once per process)   {float(import_cost) * 1000:8.1f} ms")
    print(f"docs_check.tokenshapes, one pass per page       {per_page * 1000:8.1f} ms   1.00x   ({found} found)")
    print(f"docs_check.tokenshapes, one pass per block      {per_block * 1000:8.1f} ms   {per_block / per_page:5.2f}x")
    print(f"detect-secrets analyze_line, every line     {ds * 1000:8.1f} ms   {ds / per_page:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
