"""Decide what the release is: the version it gets and the changes its changelog lists.

With ``--bump auto`` the bump is the one the spec diff since the last release tag implies
(:mod:`generator.diff.semver`, pre-1.0 rule included). When the spec did not change but the
generated files did (a new runtime or templates), the bump is a patch. With no change at all
there is nothing to release. The first release (no tag yet) publishes the spec's
``info.version`` as written; with an explicit ``--bump`` it bumps that version instead.

A release never lowers the version: the bump applies to the higher of the last tag's version
and the spec's ``info.version`` (someone may have raised the spec's by hand since the tag).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diff.report import Report
from ..diff.rules import Section
from ..diff.semver import Bump, Version, effective_bump
from ..diff.sources import InputError, open_side, report_since
from ..generate import build
from ..ir import Api
from .changelog import CHANGELOG
from .errors import ReleaseError
from .repository import SPEC, Tag, generated_changed_since, last_release, tag_exists, tag_name

BUMP_CHOICES = ("auto", "major", "minor", "patch")


@dataclass(frozen=True)
class Plan:
    previous: Tag | None
    """The last release, or ``None`` for the first one."""
    current: Version
    """The spec's ``info.version`` as the file has it now, before the release sets it."""
    version: Version
    """The version to release."""
    bump: Bump
    """The bump from ``current`` to ``version`` (``NONE`` for a first release as written)."""
    api: Api
    """The spec being released, as it is before its version is set."""
    report: Report | None
    """The spec diff since the last release; ``None`` for the first one."""
    notes: tuple[tuple[Section, str], ...] = ()
    """Changelog lines that are not spec changes."""

    @property
    def tag(self) -> str:
        return tag_name(self.version)

    @property
    def calls(self) -> dict[str, str]:
        """TOP method → SDK call, for the endpoints of both sides."""
        calls = dict(self.report.calls) if self.report is not None else {}
        return calls | {op.top_method: op.call_path for op in self.api.operations}


def make_plan(root: Path, choice: str) -> Plan:
    """The plan for releasing the tree at ``root`` with ``--bump choice``."""
    api = build(root / SPEC)
    previous = last_release(root)
    plan = (
        _first_release(api, choice)
        if previous is None
        else _next_release(root, api, previous, choice)
    )
    if tag_exists(root, plan.tag):
        raise ReleaseError(f"the tag {plan.tag} already exists; choose another --bump")
    return plan


def _spec_version(api: Api) -> Version:
    try:
        return Version.parse(api.version)
    except ValueError:
        raise InputError(
            f"info.version {api.version!r} of the spec is not of the form X.Y.Z"
        ) from None


def _first_release(api: Api, choice: str) -> Plan:
    current = _spec_version(api)
    bump = Bump.NONE if choice == "auto" else Bump[choice.upper()]
    calls = ", ".join(f"`client.{op.call_path}`" for op in api.operations)
    notes = (
        (Section.ADDED, f"First release, with {_count(len(api.operations), 'endpoint')}: {calls}."),
    )
    return Plan(None, current, current.bumped(bump), bump, api, None, notes)


def _next_release(root: Path, api: Api, previous: Tag, choice: str) -> Plan:
    with open_side("base", previous.name, cwd=root, default_spec=SPEC) as side:
        report = report_since(side, api, root / SPEC)
    regenerated = (
        [] if report.changes else generated_changed_since(root, previous, ignore=CHANGELOG)
    )
    current = _spec_version(api)
    base = max(previous.version, current)
    if choice != "auto":
        bump = Bump[choice.upper()]
    elif report.changes:
        bump = effective_bump(base, report.bump)
    elif regenerated:
        bump = Bump.PATCH
    else:
        raise ReleaseError(
            f"nothing to release: neither the spec nor generated/ changed since {previous.name}"
        )
    notes = () if report.changes else (_without_api_change(regenerated, previous),)
    return Plan(previous, current, base.bumped(bump), bump, api, report, notes)


def _without_api_change(regenerated: list[str], previous: Tag) -> tuple[Section, str]:
    """The changelog line of a release whose spec did not change."""
    if not regenerated:
        return Section.DOCS, "No change to the API or to the generated code."
    files = _count(len(regenerated), "generated file")
    verb = "differs" if len(regenerated) == 1 else "differ"
    return (
        Section.CHANGED,
        f"Regenerated without an API change: {files} {verb} from {previous.name}.",
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
