"""Version numbers and Terraform version constraints, as Terraform reads them.

Registry modules and the Coder provider both follow `MAJOR.MINOR.PATCH` and Terraform's
constraint language (`= 1.2.3`, `>= 2.13`, `~> 1.0`, `>= 0.2, < 0.3`). This is the small
subset of hashicorp/go-version the checks need: parse, compare, satisfy, pick.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import total_ordering

_VERSION = re.compile(
    r"v?(?P<nums>\d+(?:\.\d+)*)(?:-(?P<pre>[0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?"
)
_OPERATORS = ("~>", ">=", "<=", "!=", "=", ">", "<")


class VersionError(ValueError):
    """Not a version or not a constraint; the message quotes the text."""


@total_ordering
@dataclass(frozen=True, slots=True)
class Version:
    segments: tuple[int, ...]  # always three or more, padded with zeros
    specified: int  # how many segments were written ("2.13" -> 2), for `~>`
    pre: str = ""

    @classmethod
    def parse(cls, text: str) -> Version:
        m = _VERSION.fullmatch(text.strip())
        if not m:
            raise VersionError(f"{text!r} is not a version number")
        nums = tuple(int(n) for n in m.group("nums").split("."))
        padded = nums + (0,) * (3 - len(nums))
        return cls(padded, len(nums), m.group("pre") or "")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        if self.segments != other.segments:
            return self.segments < other.segments
        # A pre-release sorts before its release; pre-releases compare as text.
        if self.pre and not other.pre:
            return True
        if other.pre and not self.pre:
            return False
        return self.pre < other.pre

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self.segments == other.segments and self.pre == other.pre

    def __hash__(self) -> int:
        return hash((self.segments, self.pre))

    def __str__(self) -> str:
        core = ".".join(str(n) for n in self.segments[: max(3, self.specified)])
        return f"{core}-{self.pre}" if self.pre else core


def parse_version(text: str) -> Version:
    return Version.parse(text)


def is_version(text: str) -> bool:
    return _VERSION.fullmatch(text.strip()) is not None


@dataclass(frozen=True, slots=True)
class _Term:
    op: str
    version: Version

    def allows(self, v: Version) -> bool:
        c = self.version
        if self.op == "=":
            return v == c
        if self.op == "!=":
            return v != c
        if self.op == ">":
            return v > c
        if self.op == ">=":
            return v >= c
        if self.op == "<":
            return v < c
        if self.op == "<=":
            return v <= c
        # "~>": go-version's pessimistic operator. The last written segment may grow, the
        # ones before it are fixed: ~> 1.2 is >= 1.2, < 2.0; ~> 1.2.3 is >= 1.2.3, < 1.3.0.
        if v < c:
            return False
        fixed = max(c.specified - 1, 0)
        return v.segments[:fixed] == c.segments[:fixed]


@dataclass(frozen=True, slots=True)
class Constraint:
    text: str
    terms: tuple[_Term, ...]

    @classmethod
    def parse(cls, text: str) -> Constraint:
        terms = []
        for part in text.split(","):
            part = part.strip()
            if not part:
                raise VersionError(f"{text!r} is not a version constraint (empty term)")
            op = next((o for o in _OPERATORS if part.startswith(o)), "=")
            rest = part[len(op) :].strip() if part.startswith(op) else part
            try:
                version = Version.parse(rest)
            except VersionError:
                raise VersionError(f"{text!r} is not a version constraint ({part!r})") from None
            terms.append(_Term(op, version))
        return cls(text, tuple(terms))

    def allows(self, version: Version | str) -> bool:
        v = version if isinstance(version, Version) else Version.parse(version)
        # Pre-releases match only a constraint that names a pre-release, as in Terraform.
        if v.pre and not any(t.version.pre for t in self.terms):
            return False
        return all(t.allows(v) for t in self.terms)

    @property
    def exact(self) -> Version | None:
        """The one version an `= x.y.z` (or bare `x.y.z`) constraint names."""
        if len(self.terms) == 1 and self.terms[0].op == "=":
            return self.terms[0].version
        return None


def parse_constraint(text: str) -> Constraint:
    return Constraint.parse(text)


def matching(constraint: Constraint | str, versions: Iterable[str]) -> list[str]:
    """The versions (as written) that satisfy `constraint`, oldest first."""
    c = constraint if isinstance(constraint, Constraint) else Constraint.parse(constraint)
    out = []
    for text in versions:
        try:
            if c.allows(text):
                out.append(text)
        except VersionError:
            continue
    return sorted(out, key=Version.parse)


def newest(versions: Iterable[str]) -> str | None:
    vs = [v for v in versions if is_version(v)]
    return max(vs, key=Version.parse) if vs else None


def oldest(versions: Iterable[str]) -> str | None:
    vs = [v for v in versions if is_version(v)]
    return min(vs, key=Version.parse) if vs else None


def at_least(version: str, floor: str) -> bool:
    """`version >= floor`, both as written (a leading `v` is fine)."""
    return Version.parse(version) >= Version.parse(floor)
