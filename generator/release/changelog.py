"""``generated/CHANGELOG.md``: one entry per release, newest first, written from the diff.

The file belongs to the release, not to the generator, whose manifest does not list it, so
regenerating keeps it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ..diff.accepted import changelog_note
from ..diff.changes import Change
from ..diff.rules import Section

CHANGELOG = "CHANGELOG.md"
HEADER = (
    "# Changelog\n\n"
    "Every release of the SDK, newest first. Written by `maizuo-gen release` from the spec diff;"
    " do not edit by hand.\n"
)


def entry(
    version: str,
    date: str,
    changes: Sequence[Change],
    calls: Mapping[str, str],
    notes: Sequence[tuple[Section, str]] = (),
) -> str:
    """The Markdown entry of one release: its changes under Breaking / Added / Changed / Docs,
    with ``notes`` (lines that are not spec changes) added to their sections."""
    lines: dict[Section, list[str]] = {section: [] for section in Section}
    for section, note in notes:
        lines[section].append(f"- {note}")
    for change in changes:
        lines[change.section].append(_line(change, calls))
    text = [f"## {version} — {date}"]
    for section in Section:
        if lines[section]:
            text += ["", f"### {section.value}", "", *lines[section]]
    return "\n".join(text) + "\n"


def _line(change: Change, calls: Mapping[str, str]) -> str:
    call = calls.get(change.endpoint)
    where = f"`client.{call}`" if call else (change.endpoint or "API")
    if change.path:
        where += f" {change.location.value} `{change.path}`"
    detail = f": {change.detail}" if change.detail else ""
    return f"- {where}: {change.rule.title}{detail}{changelog_note(change)}"


def prepend(path: Path, text: str) -> None:
    """Put the entry ``text`` above the newest entry of ``path``, creating the file if needed."""
    current = path.read_text(encoding="utf-8") if path.exists() else HEADER
    at = current.find("\n## ")
    if at < 0:
        updated = current.rstrip("\n") + "\n\n" + text
    else:
        updated = current[: at + 1] + text + "\n" + current[at + 1 :]
    path.write_text(updated, encoding="utf-8")
