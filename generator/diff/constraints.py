"""Which way a change of a field's validation keywords goes: tighter or looser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ..ir import Constraints
from .text import value

Direction = Literal["tightened", "loosened", "pattern-changed"]

# pydantic keyword → the JSON Schema keyword the spec writes
_UPPER_BOUNDS = {
    "max_length": "maxLength",
    "max_items": "maxItems",
    "le": "maximum",
    "lt": "exclusiveMaximum",
}
_LOWER_BOUNDS = {
    "min_length": "minLength",
    "min_items": "minItems",
    "ge": "minimum",
    "gt": "exclusiveMinimum",
}


def constraint_changes(old: Constraints, new: Constraints) -> Iterator[tuple[Direction, str]]:
    """Each changed keyword of the IR's constraints as ``(direction, detail)``, named as the
    spec writes it: a bound set or moved inwards tightens, one removed or moved outwards
    loosens; a pattern added tightens, removed loosens, and one replaced by another is neither
    provably, so it is its own kind (see :func:`keyword_changes`)."""
    old_keywords, new_keywords = _as_keywords(old), _as_keywords(new)
    order = [*VALIDATION_KEYWORDS]
    order += sorted((old_keywords.keys() | new_keywords.keys()) - set(order))
    return keyword_changes(old_keywords, new_keywords, tuple(order))


def _as_keywords(constraints: Constraints) -> dict[str, object]:
    return {
        PYDANTIC_NAMES.get(name, name): value
        for name, value in vars(constraints).items()
        if value is not None
    }


_JSON_UPPER = ("maxLength", "maxItems", "maximum", "exclusiveMaximum", "maxProperties")
_JSON_LOWER = ("minLength", "minItems", "minimum", "exclusiveMinimum", "minProperties")
VALIDATION_KEYWORDS = (*_JSON_UPPER, *_JSON_LOWER, "pattern", "multipleOf", "uniqueItems", "const")
"""The JSON Schema keywords that limit a value, besides its type, format and enum."""
PYDANTIC_NAMES = {
    **_UPPER_BOUNDS,
    **_LOWER_BOUNDS,
    "pattern": "pattern",
    "multiple_of": "multipleOf",
    "unique_items": "uniqueItems",
}
"""Constraint attribute of the IR → the keyword it carries, for the attributes that exist."""


def keyword_changes(
    old: dict[str, object], new: dict[str, object], keywords: tuple[str, ...]
) -> Iterator[tuple[Direction, str]]:
    """:func:`constraint_changes` for schema keywords read from the spec itself (those the IR
    does not carry): ``multipleOf`` 5 → 10 tightens (every multiple of 10 is one of 5), a
    ``uniqueItems: true`` or a ``const`` added tightens."""
    for keyword in keywords:
        before, after = old.get(keyword), new.get(keyword)
        if keyword == "uniqueItems":
            before, after = before or None, after or None
        if before == after:
            continue
        if before is None:
            yield "tightened", f"{keyword} {value(after)} added"
        elif after is None:
            yield "loosened", f"{keyword} {value(before)} removed"
        elif keyword == "pattern":
            yield "pattern-changed", f"pattern {value(before)} → {value(after)}"
        else:
            yield _direction(keyword, before, after), f"{keyword} {value(before)} → {value(after)}"


def _direction(keyword: str, before: object, after: object) -> Direction:
    numbers = (int, float)
    if not (isinstance(before, numbers) and isinstance(after, numbers)):
        return "tightened"  # a different const: old values fail
    if keyword in _JSON_UPPER:
        return "tightened" if after < before else "loosened"
    if keyword in _JSON_LOWER:
        return "tightened" if after > before else "loosened"
    # multipleOf: loosened only when every old multiple is a new one
    return "loosened" if before % after == 0 else "tightened"
