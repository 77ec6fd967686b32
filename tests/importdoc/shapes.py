"""A compact form of an imported operation's fields, to compare with what a page shows.

A scalar field is ``(type, required, example)``, a struct ``(Title, required, {fields})`` and a
list of structs ``(Title[], required, {fields})``; ``required`` is ``None`` in a response (which
has no such column) and the example is ``NO_EXAMPLE`` when there is none.
"""

from __future__ import annotations

from typing import Any

NO_EXAMPLE = "<no example>"


def request_fields(operation: dict[str, Any]) -> dict[str, Any]:
    schema = operation["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    return _fields(schema, request=True)


def response_fields(operation: dict[str, Any]) -> dict[str, Any]:
    envelope = operation["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"][0]
    (inner,) = envelope["properties"].values()
    fields = _fields(inner, request=False)
    assert fields.pop("request_id") == ("string", None, NO_EXAMPLE)
    return fields


def _fields(schema: dict[str, Any], *, request: bool) -> dict[str, Any]:
    required = set(schema.get("required", []))
    return {
        name: _field(prop, (name in required) if request else None, request=request)
        for name, prop in schema["properties"].items()
    }


def _field(prop: dict[str, Any], required: bool | None, *, request: bool) -> tuple[Any, ...]:
    if prop["type"] == "object":
        return (prop["title"], required, _fields(prop, request=request))
    if prop["type"] == "array" and prop["items"]["type"] == "object":
        items = prop["items"]
        return (items["title"] + "[]", required, _fields(items, request=request))
    kind = f"array<{_scalar(prop['items'])}>" if prop["type"] == "array" else _scalar(prop)
    return (kind, required, (prop.get("examples") or [NO_EXAMPLE])[0])


def _scalar(prop: dict[str, Any]) -> str:
    return str(prop["type"]) + (f"({prop['format']})" if prop.get("format") else "")
