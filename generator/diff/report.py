"""The diff as a pull-request comment (Markdown) or for tools (JSON); :mod:`.annotations`
and :mod:`.junit` give it to CI systems."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..ir import Api
from .accepted import apply
from .changes import Acceptance, Change
from .compare import diff_apis
from .files import FileChanges
from .raw import Documents
from .rules import Severity
from .semver import Bump, Version, bump_for, effective_bump, next_version

_WHERE_API = "The whole API"


@dataclass(frozen=True)
class Report:
    base: str
    """How the base side was named on the command line (``origin/main``, ``spec``)."""
    head: str
    changes: tuple[Change, ...]
    base_version: str = ""
    """``info.version`` of the base spec; the next version is computed from it."""
    calls: Mapping[str, str] = field(default_factory=dict)
    """TOP method → the SDK call (``user.authcode.send``), for either side's endpoints."""
    files: FileChanges | None = None
    """The generated files that change, when they were compared."""
    stale: tuple[Acceptance, ...] = ()
    """Entries of the accepted-changes file that match no change."""

    @classmethod
    def compare(
        cls,
        base: str,
        head: str,
        old: Api,
        new: Api,
        files: FileChanges | None = None,
        *,
        documents: Documents | None = None,
        accepted: tuple[Acceptance, ...] = (),
    ) -> Report:
        """The report of ``old`` → ``new``; ``accepted`` are the head's accepted changes."""
        calls = {op.top_method: op.call_path for op in (*old.operations, *new.operations)}
        changes, stale = apply(diff_apis(old, new, documents), accepted)
        return cls(base, head, changes, old.version, calls, files, stale)

    @property
    def bump(self) -> Bump:
        """The bump the changes call for, taken literally (breaking → major)."""
        return bump_for(self.changes)

    @property
    def applied_bump(self) -> Bump:
        """The bump a release applies: :attr:`bump` shifted down one place before 1.0.0."""
        try:
            return effective_bump(Version.parse(self.base_version), self.bump)
        except ValueError:
            return self.bump

    @property
    def next_version(self) -> Version | None:
        """The version a release of this diff gets, or ``None`` if the base version is no X.Y.Z."""
        try:
            return next_version(Version.parse(self.base_version), self.bump)
        except ValueError:
            return None

    def counts(self) -> dict[Severity, int]:
        return {s: sum(1 for c in self.changes if c.severity is s) for s in Severity}

    def has(self, severity: Severity) -> bool:
        """Is there a change of ``severity`` or a more severe one that no reviewer accepted?"""
        return any(c.severity.rank >= severity.rank and not c.accepted for c in self.changes)

    def accepted_count(self) -> int:
        return sum(1 for c in self.changes if c.accepted)

    def by_endpoint(self) -> dict[str, list[Change]]:
        """Changes grouped by endpoint, the whole API (``""``) first, each most severe first."""
        groups: dict[str, list[Change]] = {}
        for change in self.changes:
            groups.setdefault(change.endpoint, []).append(change)
        return {key: sorted(groups[key], key=Change.sort_key) for key in sorted(groups)}


def markdown(report: Report) -> str:
    lines = [f"## Spec diff: `{report.base}` → `{report.head}`", ""]
    if not report.changes:
        lines.append("No changes to the SDK's API: no version bump.")
    else:
        lines += _summary(report)
        for endpoint, changes in report.by_endpoint().items():
            lines += ["", _heading(report, endpoint), ""]
            lines += ["| Class | Where | Field | Change |", "| --- | --- | --- | --- |"]
            lines += [_row(c) for c in changes]
    if report.stale:
        lines += ["", "### Stale accepted changes", ""]
        lines += [f"- {stale_text(entry)}" for entry in report.stale]
    if report.files is not None:
        lines += ["", "### Generated files", ""]
        lines += _files(report.files)
    return "\n".join(lines) + "\n"


def stale_text(entry: Acceptance) -> str:
    """Why an accepted-changes entry is stale, and what to do."""
    where = entry.endpoint or "the whole API"
    path = f" `{entry.path}`" if entry.path else ""
    return (
        f"`{entry.file}:{entry.line}`: `{entry.rule_id}` at {where}{path} matches no change; "
        "remove the entry (or fix its rule, endpoint or path)"
    )


def _summary(report: Report) -> list[str]:
    counts = report.counts()
    told = ", ".join(f"{counts[s]} {s.value}" for s in Severity)
    accepted = report.accepted_count()
    if accepted:
        told += f" ({accepted} accepted by a reviewer)"
    lines = [f"**Semver bump: {report.applied_bump.label}** — {told}."]
    version = report.next_version
    if version is not None:
        line = f"Next SDK version: {report.base_version} → **{version}**"
        if report.applied_bump is not report.bump:
            line += (
                f" (before 1.0.0 a {_worst(report).value} change bumps the "
                f"{report.applied_bump.label} number)"
            )
        lines += ["", line + "."]
    return lines


def _worst(report: Report) -> Severity:
    return max((c.severity for c in report.changes), key=lambda s: s.rank)


def _heading(report: Report, endpoint: str) -> str:
    if not endpoint:
        return f"### {_WHERE_API}"
    call = report.calls.get(endpoint)
    return f"### `{endpoint}`" + (f" (`client.{call}`)" if call else "")


def _row(change: Change) -> str:
    severity = (
        f"**{change.severity.value}**"
        if change.severity is Severity.BREAKING and not change.accepted
        else change.severity.value
    )
    path = f"`{change.path}`" if change.path else "—"
    text = change.rule.title + (f": {change.detail}" if change.detail else "")
    if change.accepted is not None:
        severity += " (accepted)"
        by = f" ({change.accepted.by})" if change.accepted.by else ""
        text += f" — **accepted**: {change.accepted.reason}{by}"
    return f"| {severity} | {change.location.value} | {path} | {_cell(text)} |"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _files(files: FileChanges) -> list[str]:
    if not files:
        return ["No generated file changes."]
    total = len(files.added) + len(files.changed) + len(files.removed)
    lines = [f"{total} file{'s' if total != 1 else ''} under `generated/` would change:", ""]
    for verb, paths in (
        ("added", files.added),
        ("changed", files.changed),
        ("removed", files.removed),
    ):
        lines += [f"- {verb} `{path}`" for path in paths]
    return lines


def as_json(report: Report) -> str:
    version = report.next_version
    body: dict[str, Any] = {
        "base": report.base,
        "head": report.head,
        "base_version": report.base_version,
        "bump": report.applied_bump.label,
        "changes_call_for": report.bump.label,
        "next_version": str(version) if version is not None else None,
        "counts": {s.value: n for s, n in report.counts().items()},
        "accepted": report.accepted_count(),
        "changes": [
            {
                "endpoint": c.endpoint,
                "call": report.calls.get(c.endpoint, ""),
                "location": c.location.value,
                "path": c.path,
                "rule": c.rule_id,
                "class": c.severity.value,
                "section": c.section.value,
                "title": c.rule.title,
                "detail": c.detail,
                "place": (
                    None
                    if c.place is None
                    else {"file": c.place.file, "line": c.place.line, "side": c.place.side}
                ),
                "accepted": (
                    None
                    if c.accepted is None
                    else {"reason": c.accepted.reason, "by": c.accepted.by}
                ),
            }
            for c in report.changes
        ],
        "stale_accepted": [
            {
                "file": e.file,
                "line": e.line,
                "rule": e.rule_id,
                "endpoint": e.endpoint,
                "path": e.path,
            }
            for e in report.stale
        ],
        "generated_files": (
            None
            if report.files is None
            else {
                "added": list(report.files.added),
                "changed": list(report.files.changed),
                "removed": list(report.files.removed),
            }
        ),
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
