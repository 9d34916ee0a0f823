"""`docs-check lsp`: the checks as a Language Server over standard input and output.

    docs-check lsp [--stdio] [--log-file FILE] [--log-level LEVEL]

Editors start it and speak LSP to it: diagnostics on open, change and save of Markdown files,
quick fixes, "fix all" (exactly `docs-check --fix`), a comment that disables a rule on a
line, and hovers that explain each rule. It reads the workspace's configuration as
`docs-check` run from the workspace folder would. The README's "In the editor" section says
how to hook it into VS Code, Neovim, Helix and Zed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] = ()) -> int:
    p = argparse.ArgumentParser(prog="docs-check lsp", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--stdio", action="store_true", help="talk over standard input/output (the default; for clients that pass it)")
    p.add_argument("--log-file", help="write the server's log here (default: standard error)")
    p.add_argument("--log-level", default="WARNING", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    args = p.parse_args(list(argv))
    try:
        from .handlers import create
    except ImportError as exc:  # pygls is in requirements.txt, not in the package's own dependencies
        print(f"docs-check: error: docs-check lsp needs pygls and lsprotocol "
              f"(pip install -r requirements.txt): {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(
        filename=args.log_file, level=getattr(logging, args.log_level),
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    # Standard output carries the protocol: keep a private handle on it and point descriptor
    # 1 at standard error, so that a stray print (here or in a child process) cannot corrupt it.
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr

    server = create()
    try:
        server.start_io(sys.stdin.buffer, protocol_out)
    finally:
        server.worker.close()
    return 0
