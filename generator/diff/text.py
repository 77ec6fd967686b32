"""How values, types and texts are shown in a change's detail."""

from __future__ import annotations

import json
from typing import Any

from ..ir import TypeRef

_LIMIT = 60


def quoted(text: str) -> str:
    """A text on one line between quotes, cut to a readable length (``“会员手机号”``)."""
    line = " ".join(text.split())
    if len(line) > _LIMIT:
        line = line[: _LIMIT - 1] + "…"
    return f"“{line}”" if line else "(none)"


def text_change(old: str, new: str) -> str:
    return f"{quoted(old)} → {quoted(new)}"


def value(item: Any) -> str:
    """A value as JSON (``1``, ``"a"``, ``[1, 2]``); ``(none)`` for an absent one."""
    if item is None:
        return "(none)"
    return json.dumps(item, ensure_ascii=False)


def type_text(ref: TypeRef) -> str:
    """A type as an SDK user knows it: ``string``, ``integer(int64)``, ``CodeType (integer
    enum)``, ``UserPhoneAuthCodeParam``, ``array<PriceVo>``."""
    if ref.kind == "enum":
        return f"{ref.enum} ({ref.schema_type})"
    if ref.kind == "array" and ref.item is not None:
        return f"array<{type_text(ref.item)}>"
    return ref.model or ref.schema_type


def join_path(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name
