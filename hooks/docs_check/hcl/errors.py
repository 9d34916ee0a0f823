"""The one exception the HCL engine raises."""

from __future__ import annotations


class HclSyntaxError(Exception):
    """Invalid HCL. `line` and `column` are 1-based, relative to the text given to the parser."""

    def __init__(self, message: str, line: int, column: int, detail: str = "") -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.message = message
        self.line = line
        self.column = column
        self.detail = detail
