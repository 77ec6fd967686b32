"""The spec's own schemas behind the IR, for what the IR does not carry (yet).

The IR keeps what the generated SDK needs; a few things a reviewer must still see may be left
out of it (a ``multipleOf``, a length on a list's items, ``deprecated`` on a request
parameter). The diff reads those from the bundled documents at the IR's pointers, and only for
what the IR lacks, so a keyword is never reported twice once the IR carries it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..pointer import resolve

_MAX_HOPS = 64


@dataclass(frozen=True)
class Documents:
    """The bundled documents of both sides."""

    old: Mapping[str, Any]
    new: Mapping[str, Any]

    def schemas(self, old_pointer: str, new_pointer: str) -> tuple[dict[str, Any], dict[str, Any]]:
        return schema_at(self.old, old_pointer), schema_at(self.new, new_pointer)


def schema_at(document: Mapping[str, Any], pointer: str) -> dict[str, Any]:
    """The schema at ``pointer`` with its ``$ref`` chain followed; ``{}`` when there is none."""
    try:
        node = resolve(document, "#" + pointer)
        for _ in range(_MAX_HOPS):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                break
            node = resolve(document, node["$ref"])
    except KeyError:
        return {}
    return node if isinstance(node, dict) else {}


def items_of(schema: Mapping[str, Any], document: Mapping[str, Any]) -> dict[str, Any]:
    """The ``items`` schema of an array schema, its ``$ref`` followed."""
    items = schema.get("items")
    if isinstance(items, dict) and isinstance(items.get("$ref"), str):
        try:
            items = resolve(document, items["$ref"])
        except KeyError:
            return {}
    return items if isinstance(items, dict) else {}
