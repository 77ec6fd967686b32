"""Semantic versions of the SDK and the bump a set of changes implies.

Any breaking change asks for a major bump, else any compatible change for a minor one, else any
docs-only change for a patch. Before 1.0.0 the SDK follows the convention of Cargo and of
caret ranges (``^0.3``): the minor number is the breaking one, so :func:`effective_bump` turns a
major bump into a minor one and a minor into a patch while the major number is 0. Leaving 0.x
is a decision, not an accident: ``maizuo-gen release --bump major`` does it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from .changes import Change
from .rules import Severity

_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


class Bump(IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        """``X.Y.Z`` without pre-release or build parts; ``ValueError`` otherwise."""
        match = _VERSION.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"{text!r} is not a version of the form X.Y.Z")
        return cls(*(int(part) for part in match.groups()))

    def bumped(self, bump: Bump) -> Version:
        """The next version for ``bump``, taken literally (``0.4.1`` + major = ``1.0.0``)."""
        if bump is Bump.MAJOR:
            return Version(self.major + 1, 0, 0)
        if bump is Bump.MINOR:
            return Version(self.major, self.minor + 1, 0)
        if bump is Bump.PATCH:
            return Version(self.major, self.minor, self.patch + 1)
        return self

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def bump_for(changes: Iterable[Change]) -> Bump:
    """The bump the most severe change asks for; :attr:`Bump.NONE` for no change."""
    severities = {change.severity for change in changes}
    if Severity.BREAKING in severities:
        return Bump.MAJOR
    if Severity.COMPATIBLE in severities:
        return Bump.MINOR
    return Bump.PATCH if severities else Bump.NONE


def effective_bump(version: Version, bump: Bump) -> Bump:
    """``bump`` as applied to ``version``: shifted down one place while the major number is 0."""
    if version.major > 0 or bump is Bump.NONE:
        return bump
    return Bump.MINOR if bump is Bump.MAJOR else Bump.PATCH


def next_version(version: Version, bump: Bump) -> Version:
    """The version a release of ``bump``-worthy changes gets (the pre-1.0 rule applied)."""
    return version.bumped(effective_bump(version, bump))
