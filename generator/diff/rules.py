"""The rule catalogue: every kind of change the diff reports, and its class for an SDK user.

Modelled on oasdiff's public checks, narrowed to what a TOP API can express (one POST per method,
a form body of business parameters, the JSON envelope) and judged against the SDK this project
generates: keyword-only methods, request models that forbid unknown keys, response models whose
fields are all optional, enums typed ``CodeType | Literal[1, 2]`` in requests and open to
values they do not know (``CodeType | int``) in replies. ``docs-review.md`` explains the
reasoning behind the less obvious entries; a test keeps that table and this one in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How a change affects code written against the previous SDK."""

    BREAKING = "breaking"
    """Some correct code written for the old SDK fails to type-check, import or run."""
    COMPATIBLE = "compatible"
    """Old code keeps working; the SDK gained something or behaves differently but compatibly."""
    DOCS = "docs-only"
    """Only docstrings, docs pages or examples change."""

    @property
    def rank(self) -> int:
        """2 for breaking, 1 for compatible, 0 for docs-only: larger is more severe."""
        return {"breaking": 2, "compatible": 1, "docs-only": 0}[self.value]


class Section(StrEnum):
    """The changelog section a change is listed under."""

    BREAKING = "Breaking"
    ADDED = "Added"
    CHANGED = "Changed"
    DOCS = "Docs"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    section: Section
    title: str
    """What happened, as a reviewer reads it: ``request field became required``."""


def _rules(*rules: tuple[str, Severity, Section, str]) -> dict[str, Rule]:
    return {rule[0]: Rule(*rule) for rule in rules}


_B, _C, _D = Severity.BREAKING, Severity.COMPATIBLE, Severity.DOCS
_BR, _ADD, _CHG, _DOC = Section.BREAKING, Section.ADDED, Section.CHANGED, Section.DOCS

RULES: dict[str, Rule] = _rules(
    # the API as a whole
    ("api-package-renamed", _B, _BR, "package, import name or environment prefix changed"),
    ("api-default-gateway-changed", _B, _BR, "default gateway changed"),
    ("api-server-added", _D, _DOC, "gateway listed"),
    ("api-server-removed", _D, _DOC, "gateway no longer listed"),
    ("api-docs-changed", _D, _DOC, "API title, summary or description changed"),
    ("api-error-reply-changed", _D, _DOC, "shared error reply schema changed"),
    ("resource-class-renamed", _B, _BR, "resource class renamed"),
    ("client-param-added", _C, _ADD, "client parameter added: the client fills its fields"),
    (
        "client-param-removed",
        _B,
        _BR,
        "client parameter removed: every call must give its fields",
    ),
    # endpoints
    ("endpoint-added", _C, _ADD, "endpoint added"),
    ("endpoint-removed", _B, _BR, "endpoint removed"),
    ("endpoint-call-path-changed", _B, _BR, "Python call path changed"),
    ("endpoint-module-renamed", _B, _BR, "module of the endpoint's models renamed"),
    (
        "endpoint-money-call-may-be-sent-twice",
        _B,
        _BR,
        "⚠ x-top-idempotent: an order or payment call may now be sent twice",
    ),
    ("endpoint-may-be-sent-twice", _C, _CHG, "⚠ x-top-idempotent: the call may now be sent twice"),
    ("endpoint-no-longer-idempotent", _C, _CHG, "x-top-idempotent: no longer resent"),
    ("endpoint-session-required", _B, _BR, "x-top-session: a user session is now required"),
    ("endpoint-session-relaxed", _C, _CHG, "x-top-session: a user session is no longer required"),
    ("endpoint-business-result-added", _B, _BR, "x-top-business-result added: failures now raise"),
    (
        "endpoint-business-result-removed",
        _B,
        _BR,
        "x-top-business-result removed: failures no longer raise",
    ),
    ("endpoint-business-result-moved", _B, _BR, "x-top-business-result reads another success flag"),
    (
        "endpoint-business-result-field-dropped",
        _B,
        _BR,
        "x-top-business-result no longer maps code or message: BusinessError's field is None",
    ),
    (
        "endpoint-business-result-detail-changed",
        _C,
        _CHG,
        "x-top-business-result reads another code or message",
    ),
    ("endpoint-summary-changed", _D, _DOC, "summary changed"),
    ("endpoint-description-changed", _D, _DOC, "description changed"),
    ("endpoint-examples-changed", _D, _DOC, "examples changed"),
    ("endpoint-doc-notes-changed", _D, _DOC, "x-top-doc import notes changed"),
    # request parameters and the fields of request structs
    ("request-field-added-required", _B, _BR, "new required request field"),
    ("request-field-added-optional", _C, _ADD, "new optional request field"),
    ("request-field-removed", _B, _BR, "request field removed"),
    ("request-field-became-required", _B, _BR, "request field became required"),
    ("request-field-became-optional", _C, _CHG, "request field became optional"),
    ("request-type-changed", _B, _BR, "request field type changed"),
    ("request-type-widened", _C, _CHG, "request field type widened"),
    ("request-format-changed", _B, _BR, "request field format changed"),
    ("request-format-widened", _C, _CHG, "request field format widened"),
    ("request-became-enum", _B, _BR, "request field became an enum"),
    ("request-enum-value-added", _C, _ADD, "request enum value added"),
    ("request-enum-value-removed", _B, _BR, "request enum value removed"),
    ("request-constraint-tightened", _B, _BR, "request constraint tightened"),
    ("request-constraint-loosened", _C, _CHG, "request constraint loosened"),
    ("request-pattern-changed", _B, _BR, "request pattern changed"),
    ("request-default-changed", _B, _BR, "default of an optional request field changed"),
    # the response and the fields of response structs
    ("response-field-added", _C, _ADD, "new response field"),
    ("response-field-removed", _B, _BR, "response field removed"),
    ("response-field-became-optional", _C, _CHG, "response field became optional"),
    ("response-field-became-required", _C, _CHG, "response field became required"),
    ("response-type-changed", _B, _BR, "response field type changed"),
    ("response-type-narrowed", _C, _CHG, "response field type narrowed"),
    ("response-format-changed", _C, _CHG, "response field format changed"),
    ("response-became-enum", _C, _CHG, "response field became an enum"),
    ("response-enum-value-added", _C, _ADD, "response enum value added"),
    ("response-enum-value-removed", _B, _BR, "response enum value removed"),
    ("response-constraint-loosened", _B, _BR, "response constraint loosened"),
    ("response-constraint-tightened", _C, _CHG, "response constraint tightened"),
    ("response-pattern-changed", _B, _BR, "response pattern changed"),
    # either side
    ("field-python-name-changed", _B, _BR, "Python attribute renamed"),
    ("model-renamed", _B, _BR, "model class renamed"),
    ("enum-renamed", _B, _BR, "enum class renamed"),
    ("enum-member-renamed", _B, _BR, "enum member renamed"),
    ("type-no-longer-enum", _B, _BR, "field is no longer an enum"),
    ("field-deprecated", _C, _CHG, "field deprecated"),
    ("field-undeprecated", _C, _CHG, "field no longer deprecated"),
    ("field-default-changed", _D, _DOC, "documented default changed"),
    ("field-description-changed", _D, _DOC, "field description changed"),
    ("field-examples-changed", _D, _DOC, "field examples changed"),
    ("enum-label-changed", _D, _DOC, "enum label changed"),
    ("enum-description-changed", _D, _DOC, "enum description changed"),
    ("model-docs-changed", _D, _DOC, "model description or TOP struct name changed"),
)
