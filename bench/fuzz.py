"""The long fuzz run: the robustness properties with a large example budget.

    .venv/bin/python bench/fuzz.py [EXAMPLES]      (default 10,000 per property)

Prints how many examples each property tried and whether it held. The default test run
uses 150 examples per property (tests/test_robustness.py); this is the budget for a
deliberate, longer search.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
os.environ["DOCS_CHECK_RAISE"] = "1"


def main() -> int:
    examples = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    os.environ["DOCS_CHECK_FUZZ_EXAMPLES"] = str(examples)
    import test_robustness as props  # reads the budget at import

    failed = 0
    names = [n for n in dir(props) if n.startswith("test_") and hasattr(getattr(props, n), "hypothesis")]
    for name in names:
        prop = getattr(props, name)
        counted = 0
        inner = prop.hypothesis.inner_test

        def counting(*args, _inner=inner, **kwargs):
            nonlocal counted
            counted += 1
            return _inner(*args, **kwargs)

        prop.hypothesis.inner_test = counting
        start = time.perf_counter()
        try:
            prop()
            verdict = "held"
        except Exception as exc:  # report the falsifying example, keep going
            verdict = f"FAILED: {type(exc).__name__}: {exc}"[:2000]
            failed += 1
        finally:
            prop.hypothesis.inner_test = inner
        print(f"{name}: {counted} examples in {time.perf_counter() - start:.1f} s: {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
