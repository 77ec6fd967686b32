"""One classified change between two specs."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from .rules import RULES, Rule, Section, Severity


class Location(StrEnum):
    """Where in the API a change is."""

    API = "api"
    ENDPOINT = "endpoint"
    REQUEST = "request"
    RESPONSE = "response"


Side = Literal["base", "head"]


@dataclass(frozen=True)
class Place:
    """Where a change is written: a spec file (as a path from the repository's root when the
    side is in one) and a line, on the head side or, for something removed, the base side."""

    file: str
    line: int
    side: Side
    revision: str = ""
    """How the side was named (``origin/main``), for a place on the base side."""


@dataclass(frozen=True)
class Acceptance:
    """A reviewer's entry in the spec's accepted-changes file (:mod:`.accepted`)."""

    rule_id: str
    endpoint: str
    path: str
    reason: str
    by: str
    file: str
    line: int
    """Where the entry is written, for a stale entry's message."""


@dataclass(frozen=True)
class Change:
    """A single change, as the rule ``rule`` of :data:`~.rules.RULES` names it.

    ``path`` is the field's path in Python terms of the wire names, ``param0.code_type`` for a
    request field, ``result.success`` for a response field (``[]`` stands for an array's
    items); it is empty for a change of the endpoint or the API itself.
    """

    endpoint: str
    """The TOP method, or ``""`` for a change of the whole API (its servers, its error reply)."""
    location: Location
    path: str
    rule_id: str
    detail: str
    """What exactly changed: ``required → optional``, ``maxLength 32 → 16``."""
    pointer: str = field(default="", compare=False)
    """The JSON pointer of the changed node in the bundled spec of :attr:`side`."""
    side: Side = field(default="head", compare=False)
    """``base`` when the node exists only in the old spec (something removed)."""
    place: Place | None = field(default=None, compare=False)
    """The file and line of :attr:`pointer`, once worked out (:mod:`.places`)."""
    accepted: Acceptance | None = field(default=None, compare=False)
    """The reviewer's acceptance of this change, if the spec's accepted-changes file has one."""

    def __post_init__(self) -> None:
        if self.rule_id not in RULES:
            raise ValueError(f"unknown diff rule {self.rule_id!r}")

    @property
    def rule(self) -> Rule:
        return RULES[self.rule_id]

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def section(self) -> Section:
        return self.rule.section

    def sort_key(self) -> tuple[int, int, str, str, str]:
        """Most severe first, then endpoint before request before response, then by path."""
        order = list(Location)
        return (
            -self.severity.rank,
            order.index(self.location),
            self.path,
            self.rule_id,
            self.detail,
        )
