"""The syntax tree `parse` returns. Positions are 1-based (line, column) in the parsed text;
end positions are exclusive, like hcl.Range.End."""

from __future__ import annotations

from dataclasses import dataclass, field

# What a placeholder stands for: an ObjectItem with this key is a `...` placeholder line.
ELLIPSIS = "..."


@dataclass
class Traversal:
    parts: tuple[str, ...]  # ("module", "claude", "task_app_id"); index steps as "[0]" / '["k"]'
    line: int
    column: int


@dataclass
class Expression:
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    kind: str  # string template heredoc number bool null object tuple traversal function conditional for operation other
    value: str | None = None
    traversals: list[Traversal] = field(default_factory=list)
    items: list[ObjectItem] = field(default_factory=list)  # kind == "object"
    elements: list[Expression] = field(default_factory=list)  # kind == "tuple"; a placeholder is kind "other", text "..."


@dataclass
class ObjectItem:
    key: str  # identifier or string key as written (unquoted); ELLIPSIS for a placeholder line
    key_line: int
    key_column: int
    value: Expression


@dataclass
class Attribute:
    name: str
    expr: Expression
    line: int
    column: int
    end_line: int


@dataclass
class Ellipsis:
    """A `...` placeholder line standing for elided body items."""

    line: int
    column: int


@dataclass
class Body:
    items: list[Attribute | Block | Ellipsis] = field(default_factory=list)

    @property
    def attributes(self) -> list[Attribute]:
        return [i for i in self.items if isinstance(i, Attribute)]

    @property
    def blocks(self) -> list[Block]:
        return [i for i in self.items if isinstance(i, Block)]


@dataclass
class Block:
    type: str
    labels: list[str]
    body: Body
    line: int
    column: int
    end_line: int
    label_columns: list[int] = field(default_factory=list)
