"""A reply body for an endpoint whose spec has no response example, built from the IR.

The body holds every field that has an example in the spec (its first example), every required
field (a plain value of its type: ``""``, ``0``, ``false``, the first enum value, a fixed date),
and every object or list that ends up holding something; other optional fields are left out, as
TOP leaves out fields that have no value; the business result, if any, says success.
``request_id`` is added by the reply, not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..ir import BusinessResult, EnumType, Field, Model, TypeRef

_PLAIN: Mapping[str, Any] = {
    "string": "",
    "integer": 0,
    "number": 0.0,
    "boolean": False,
    "datetime": "2016-01-01 12:00:00",
    "date": "2016-01-01",
}


class _Omit:
    """Marks a value the sample leaves out."""


_OMIT = _Omit()


def sample_body(
    model: Model,
    models: Mapping[str, Model],
    enums: Mapping[str, EnumType],
    business_result: BusinessResult | None = None,
) -> Any:
    """The sample object for ``model`` (a response model), as plain JSON data.

    It answers a valid call, so where the endpoint reports a business result that result says
    success, whatever the field's example (doc pages often show ``false``).
    """
    body = _Sampler(models, enums).object(model, required=True, seen=frozenset())
    if business_result is not None:
        result = body
        for name in business_result.path:
            result = result.setdefault(name, {})
        result[business_result.success] = True
    return body


class _Sampler:
    def __init__(self, models: Mapping[str, Model], enums: Mapping[str, EnumType]) -> None:
        self.models = models
        self.enums = enums

    def object(self, model: Model, *, required: bool, seen: frozenset[str]) -> Any:
        body: dict[str, Any] = {}
        for field in model.fields:
            if field.name == "request_id":
                continue
            value = self.field(field, seen | {model.name})
            if value is not _OMIT:
                body[field.name] = value
        return body if body or required else _OMIT

    def field(self, field: Field, seen: frozenset[str]) -> Any:
        if field.examples:
            return field.examples[0]
        return self.value(field.type, required=field.required, seen=seen)

    def value(self, type_ref: TypeRef, *, required: bool, seen: frozenset[str]) -> Any:
        if type_ref.kind == "object":
            model = self.models[type_ref.model or ""]
            if model.name in seen:  # a struct holding itself: stop here
                return {} if required else _OMIT
            return self.object(model, required=required, seen=seen)
        if type_ref.kind == "array":
            assert type_ref.item is not None
            item = self.value(type_ref.item, required=False, seen=seen)
            if item is _OMIT:
                return [] if required else _OMIT
            return [item]
        if not required:
            return _OMIT
        if type_ref.kind == "enum":
            return self.enums[type_ref.enum or ""].members[0].value
        return _PLAIN[type_ref.kind]
