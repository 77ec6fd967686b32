"""What a schema says besides its type: the rules a value keeps (validation keywords), its
examples, and what makes two structs of one name one struct.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..cache import canonical_json
from ..ir import Constraints, TypeRef
from ..pointer import join as join_pointer
from .spec import Document, Stop

_WORDING = frozenset({"description", "example", "examples", "summary", "x-top-doc"})
"""Schema keywords that only say something about a struct or field, never what it is."""


def struct_identity(document: Document, schema: Mapping[str, Any], pointer: str) -> bytes:
    """What makes two structs of one name the same struct: their fields, types and rules,
    whatever their wording (descriptions, examples, enum labels) says, and whether a part
    is written in place or through a ``$ref``."""
    return canonical_json(_unworded(document, schema, pointer, ()))


def _unworded(document: Document, node: Any, pointer: str, refs: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_unworded(document, v, join_pointer(pointer, i), refs) for i, v in enumerate(node)]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        if ref in refs:  # a struct holding itself: the same place is the same type
            return {"$ref": ref}
        target, target_pointer = document.deref(node, pointer)
        return _unworded(document, target, target_pointer, (*refs, ref))
    result = {}
    for key, value in node.items():
        if key in _WORDING:
            continue
        if key == "x-top-enum" and isinstance(value, list):
            value = [
                {k: v for k, v in m.items() if k != "label"} if isinstance(m, dict) else m
                for m in value
            ]
        elif key == "properties" and isinstance(value, dict):
            value = {
                name: _unworded(document, prop, join_pointer(pointer, key, name), refs)
                for name, prop in value.items()
            }
            result[key] = value
            continue
        result[key] = _unworded(document, value, join_pointer(pointer, key), refs)
    return result


def examples_of(schema: Mapping[str, Any]) -> tuple[Any, ...]:
    if isinstance(schema.get("examples"), list):
        return tuple(schema["examples"])
    if "example" in schema:
        return (schema["example"],)
    return ()


_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")
_APPLIES: Mapping[str, tuple[str, ...]] = {
    "string": ("maxLength", "minLength", "pattern"),
    "integer": _BOUNDS,
    "number": _BOUNDS,
    "array": ("maxItems", "minItems"),
}
"""The validation keywords each kind of type takes (JSON Schema ignores the others, and
pydantic would fail on them at call time)."""
_KEYWORDS = ("maxLength", "minLength", "pattern", *_BOUNDS, "maxItems", "minItems")


def constraints_of(schema: Mapping[str, Any], type_ref: TypeRef, pointer: str) -> Constraints:
    """The validation keywords of ``schema``, whose type is ``type_ref``. One that does not
    apply to that type is refused rather than left unchecked."""
    applies = _APPLIES.get(type_ref.kind, ())
    for keyword in _KEYWORDS:
        if keyword in schema and keyword not in applies:
            takes = f"it takes {', '.join(applies)}" if applies else "it takes none"
            raise Stop(
                join_pointer(pointer, keyword),
                f"{keyword} does not apply to the type {type_ref.schema_type!r} ({takes}); "
                "remove it, or say it in the description",
            )
    return Constraints(
        max_length=schema.get("maxLength"),
        min_length=schema.get("minLength"),
        pattern=schema.get("pattern"),
        ge=schema.get("minimum"),
        le=schema.get("maximum"),
        gt=schema.get("exclusiveMinimum"),
        lt=schema.get("exclusiveMaximum"),
        multiple_of=schema.get("multipleOf"),
        max_items=schema.get("maxItems"),
        min_items=schema.get("minItems"),
    )
