"""The report as GitHub Actions workflow commands: one annotation per change, on its spec line.

``::error`` for a breaking change no reviewer accepted, ``::warning`` for a compatible or an
accepted breaking change and for a stale accepted-changes entry (``::error`` under
``--strict``), ``::notice`` for a docs-only one. A change of something removed is placed at its
line in the base revision's file, and its message says so. The last line is a notice with the
counts and the bump.
"""

from __future__ import annotations

from .changes import Change
from .report import Report, stale_text
from .rules import Severity


def github(report: Report, *, strict: bool = False) -> str:
    lines = [_annotation(report, change) for change in report.changes]
    for entry in report.stale:
        level = "error" if strict else "warning"
        properties = {"file": entry.file, "line": str(entry.line), "title": "stale accepted change"}
        lines.append(_command(level, properties, stale_text(entry).replace("`", "")))
    counts = report.counts()
    told = ", ".join(f"{counts[s]} {s.value}" for s in Severity)
    accepted = report.accepted_count()
    if accepted:
        told += f" ({accepted} accepted)"
    title = f"Spec diff {report.base} → {report.head}"
    lines.append(
        _command("notice", {"title": title}, f"semver bump {report.applied_bump.label}: {told}")
    )
    return "\n".join(lines) + "\n"


def _annotation(report: Report, change: Change) -> str:
    if change.severity is Severity.BREAKING and change.accepted is None:
        level = "error"
    elif change.severity is Severity.DOCS:
        level = "notice"
    else:
        level = "warning"
    tag = change.severity.value + (", accepted" if change.accepted else "")
    properties = {"title": f"{change.rule.title} ({tag})"}
    call = report.calls.get(change.endpoint)
    where = f"client.{call}" if call else (change.endpoint or "the whole API")
    if change.path:
        where += f" {change.location.value} {change.path}"
    message = f"{where}: {change.rule.title}" + (f": {change.detail}" if change.detail else "")
    if change.accepted is not None:
        message += f" — accepted: {change.accepted.reason}"
    place = change.place
    if place is not None:
        properties = {"file": place.file, "line": str(place.line)} | properties
        if place.side == "base":
            message += (
                f" (removed: line {place.line} of {place.file} is in the base revision"
                f" {place.revision})"
            )
    return _command(level, properties, message)


def _command(level: str, properties: dict[str, str], message: str) -> str:
    props = ",".join(f"{key}={_property(value)}" for key, value in properties.items())
    return f"::{level} {props}::{_data(message)}"


def _data(text: str) -> str:
    """A message as a workflow command carries it: ``%``, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A property value: as :func:`_data`, and ``:`` and ``,`` escaped too."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
