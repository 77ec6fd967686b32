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
    """Each changed keyword as ``(direction, detail)``: a bound set or moved inwards tightens,
    one removed or moved outwards loosens; a pattern added tightens, removed loosens, and one
    replaced by another is neither provably, so it is its own kind."""
    for attribute, keyword in (_UPPER_BOUNDS | _LOWER_BOUNDS).items():
        before, after = getattr(old, attribute), getattr(new, attribute)
        if before == after:
            continue
        if before is None:
            yield "tightened", f"{keyword} {value(after)} added"
        elif after is None:
            yield "loosened", f"{keyword} {value(before)} removed"
        else:
            inwards = after < before if attribute in _UPPER_BOUNDS else after > before
            yield (
                "tightened" if inwards else "loosened"
            ), f"{keyword} {value(before)} → {value(after)}"
    if old.pattern != new.pattern:
        if old.pattern is None:
            yield "tightened", f"pattern {value(new.pattern)} added"
        elif new.pattern is None:
            yield "loosened", f"pattern {value(old.pattern)} removed"
        else:
            yield "pattern-changed", f"pattern {value(old.pattern)} → {value(new.pattern)}"
