"""The spec's accepted-changes file: breaking changes a reviewer has accepted, with the reason.

``spec/accepted-changes.yaml`` (beside ``openapi.yaml``; the loader never reads it, as no
``$ref`` names it) lists entries of this form::

    accepted:
      - rule: request-field-removed
        endpoint: alibaba.damai.maizuo.openapi.user.authcode.send
        path: param0.channel_token
        reason: 渠道令牌改由网关校验, 合作方已于 11 月停用
        by: 李雷, 2026-12-01

An entry matches a change of that rule at that endpoint (``""`` or left out for the whole
API) and field path (left out for a change of the endpoint itself). A matched change is still
reported, marked accepted with its reason, but no longer fails ``--fail-on``; an entry that
matches no change is stale, which ``--strict`` fails. The release's changelog carries the
reasons (:func:`changelog_note`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .changes import Acceptance, Change
from .limits import UnreadableSpec, check_spec_path
from .rules import RULES

ACCEPTED_FILE = "accepted-changes.yaml"
_KEYS = {"rule", "endpoint", "path", "reason", "by"}


class AcceptedFileError(Exception):
    """The accepted-changes file is malformed; the message is ``file:line: what, how to fix``."""


def accepted_file(spec: Path) -> Path:
    """Where the accepted-changes file of the spec folder (or root file) ``spec`` is."""
    return (spec if spec.is_dir() else spec.parent) / ACCEPTED_FILE


def read_accepted(spec: Path, shown: str | None = None) -> tuple[Acceptance, ...]:
    """The entries of ``spec``'s accepted-changes file, ``()`` when it has none; ``shown`` is
    the file's name in messages (default: its path)."""
    path = accepted_file(spec)
    if not path.exists():
        return ()
    name = shown or str(path)
    try:
        check_spec_path(path, name)
        text = path.read_text(encoding="utf-8")
    except UnreadableSpec as exc:
        raise AcceptedFileError(str(exc)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AcceptedFileError(f"{name}: cannot be read: {exc}") from None
    return parse_accepted(text, name)


def parse_accepted(text: str, name: str) -> tuple[Acceptance, ...]:
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise AcceptedFileError(f"{name}{line}: invalid YAML; fix the syntax") from None
    if data is None:
        return ()
    if not (isinstance(data, dict) and set(data) == {"accepted"} and _is_list(data["accepted"])):
        raise AcceptedFileError(f"{name}:1: expected one key, accepted: a list of entries")
    assert node is not None
    items = (
        next(v for k, v in node.value if k.value == "accepted").value if data["accepted"] else []
    )
    entries = tuple(
        _entry(entry, item.start_mark.line + 1, name)
        for entry, item in zip(data["accepted"] or [], items, strict=True)
    )
    first: dict[tuple[str, str, str], int] = {}
    for entry in entries:
        key = (entry.rule_id, entry.endpoint, entry.path)
        if key in first:
            raise AcceptedFileError(
                f"{name}:{entry.line}: the same change is accepted at line {first[key]}; keep one"
            )
        first[key] = entry.line
    return entries


def _is_list(value: Any) -> bool:
    return value is None or isinstance(value, list)


def _entry(entry: Any, line: int, name: str) -> Acceptance:
    where = f"{name}:{line}"
    if not isinstance(entry, dict):
        raise AcceptedFileError(f"{where}: an entry must be a mapping with rule, reason and more")
    unknown = sorted(str(k) for k in entry if k not in _KEYS)
    if unknown:
        raise AcceptedFileError(
            f"{where}: unknown key {unknown[0]!r}; an entry has {', '.join(sorted(_KEYS))}"
        )
    values = {key: entry.get(key) for key in _KEYS}
    for key, text in values.items():
        if text is not None and not isinstance(text, str):
            raise AcceptedFileError(f"{where}: {key} must be text; quote it")
    rule = values["rule"] or ""
    if rule not in RULES:
        raise AcceptedFileError(
            f"{where}: unknown rule {rule!r}; use a rule id of the report (its JSON has them)"
        )
    reason = " ".join((values["reason"] or "").split())
    if not reason:
        raise AcceptedFileError(f"{where}: give the reason this change is accepted")
    return Acceptance(
        rule_id=rule,
        endpoint=values["endpoint"] or "",
        path=values["path"] or "",
        reason=reason,
        by=" ".join((values["by"] or "").split()),
        file=name,
        line=line,
    )


def apply(
    changes: Sequence[Change], entries: Iterable[Acceptance]
) -> tuple[tuple[Change, ...], tuple[Acceptance, ...]]:
    """``changes`` with each accepted one marked, and the entries that matched nothing."""
    by_key = {(e.rule_id, e.endpoint, e.path): e for e in entries}
    used: set[tuple[str, str, str]] = set()
    marked = []
    for change in changes:
        key = (change.rule_id, change.endpoint, change.path)
        entry = by_key.get(key)
        if entry is not None:
            used.add(key)
            change = replace(change, accepted=entry)
        marked.append(change)
    stale = tuple(e for key, e in by_key.items() if key not in used)
    return tuple(marked), stale


def changelog_note(change: Change) -> str:
    """What a changelog line adds for an accepted change: `` — accepted: reason (by)``; ``""``
    for any other change."""
    entry = change.accepted
    if entry is None:
        return ""
    by = f" ({entry.by})" if entry.by else ""
    return f" — accepted: {entry.reason}{by}"
