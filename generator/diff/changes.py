"""One classified change between two specs."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .rules import RULES, Rule, Section, Severity


class Location(StrEnum):
    """Where in the API a change is."""

    API = "api"
    ENDPOINT = "endpoint"
    REQUEST = "request"
    RESPONSE = "response"


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
