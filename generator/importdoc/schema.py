"""Write fields as the spec's inline JSON Schemas, keys in the order the spec uses.

A struct is ``{title: <TOP struct name>, description, type: object, required, properties}``;
an enum is ``{title, type, format, description, enum, x-top-enum: [{value, label}], examples}``
(the member ``name`` is English, which a page does not give: the generator then names members
``VALUE_<n>``). Enum titles are the field's name in PascalCase, made unique in the endpoint.
"""

from __future__ import annotations

from typing import Any

from .. import naming
from ..cache import canonical_json
from .fields import FieldSpec
from .page import PageError
from .values import Kind

_TYPES: dict[Kind, dict[str, Any]] = {
    "string": {"type": "string"},
    "datetime": {"type": "string", "format": "date-time"},
    "integer": {"type": "integer", "format": "int64"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "json": {"type": "string", "contentMediaType": "application/json"},
    "byte": {"type": "integer", "format": "int8", "minimum": -128, "maximum": 127},
}
"""Each scalar kind's schema; a Json value travels as its JSON text, a byte is Java's byte."""


class SchemaWriter:
    """Writes the schemas of one endpoint, keeping its struct and enum names apart."""

    def __init__(self, fields: list[FieldSpec]) -> None:
        self.structs: dict[str, tuple[int, bytes]] = {}
        self.struct_names = {f.type.base for f in _walk(fields) if f.type.is_struct}
        self.enums: dict[str, tuple[tuple[int, str], ...]] = {}

    def field(self, spec: FieldSpec, *, request: bool, owner: str) -> dict[str, Any]:
        """The schema of ``spec`` (a property's value), a field of the struct ``owner``."""
        if spec.type.is_struct:
            struct = self.struct(spec, request=request)
            if not spec.type.is_list:
                return struct
            schema: dict[str, Any] = {"type": "array"}
            _describe(schema, spec)
            schema.update(_keywords(spec, ("maxItems", "minItems")))
            schema["items"] = struct
            return schema
        assert spec.kind is not None
        if spec.type.is_list:
            schema = {"type": "array"}
            _describe(schema, spec)
            schema.update(_keywords(spec, ("maxItems", "minItems", "default")))
            schema["items"] = _scalar(spec.kind)
            if spec.enum:
                schema["items"] = {"title": self.enum_title(spec, owner), **schema["items"]}
                schema["items"]["enum"] = [value for value, _ in spec.enum]
                schema["items"]["x-top-enum"] = [
                    {"value": v, "label": label} for v, label in spec.enum
                ]
        else:
            schema = {"title": self.enum_title(spec, owner)} if spec.enum else {}
            schema.update(_scalar(spec.kind))
            _describe(schema, spec)
            schema.update(_keywords(spec, ("maxLength", "minLength", "maximum", "minimum")))
            schema.update(_keywords(spec, ("default",)))
            if spec.enum:
                schema["enum"] = [value for value, _ in spec.enum]
                schema["x-top-enum"] = [{"value": v, "label": label} for v, label in spec.enum]
        if spec.examples:
            schema["examples"] = list(spec.examples)
        return schema

    def struct(self, spec: FieldSpec, *, request: bool) -> dict[str, Any]:
        """The object schema of a struct field (of a list's items, for a list)."""
        schema: dict[str, Any] = {"title": spec.type.base}
        if not spec.type.is_list and spec.description:
            schema["description"] = spec.description
        schema.update(self.object(spec.children, request=request, owner=spec.type.base))
        shape = canonical_json({k: v for k, v in schema.items() if k != "description"})
        first = self.structs.setdefault(spec.type.base, (spec.line, shape))
        if first[1] != shape:
            raise PageError(
                spec.line,
                f"the struct {spec.type.base} is listed twice with different fields (first at "
                f"line {first[0]}); the spec cannot hold both under one name",
            )
        return schema

    def object(self, fields: tuple[FieldSpec, ...], *, request: bool, owner: str) -> dict[str, Any]:
        """``type: object`` with ``required`` (in a request) and ``properties``."""
        schema: dict[str, Any] = {"type": "object"}
        required = [f.name for f in fields if f.required]
        if request and required:
            schema["required"] = required
        schema["properties"] = {f.name: self.field(f, request=request, owner=owner) for f in fields}
        return schema

    def enum_title(self, spec: FieldSpec, owner: str) -> str:
        """``CodeType`` for ``code_type``; prefixed with its struct's name (or numbered) when
        another struct or different enum of the endpoint has that name already."""
        base = naming.pascal(spec.name) or "Enum"
        candidates = [base, naming.pascal(owner) + base]
        candidates += [f"{candidates[-1]}{n}" for n in range(2, 100)]
        for title in candidates:
            if title in self.struct_names:
                continue
            if self.enums.setdefault(title, spec.enum) == spec.enum:
                return title
        raise PageError(spec.line, f"cannot name the enum of {spec.name}")  # pragma: no cover


def _scalar(kind: Kind) -> dict[str, Any]:
    return dict(_TYPES[kind])


def _describe(schema: dict[str, Any], spec: FieldSpec) -> None:
    if spec.description:
        schema["description"] = spec.description


def _keywords(spec: FieldSpec, keywords: tuple[str, ...]) -> list[tuple[str, Any]]:
    return [(k, v) for k, v in spec.constraints if k in keywords]


def _walk(fields: list[FieldSpec]) -> list[FieldSpec]:
    found: list[FieldSpec] = []
    for spec in fields:
        found.append(spec)
        found.extend(_walk(list(spec.children)))
    return found
