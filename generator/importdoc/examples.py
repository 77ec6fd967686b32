"""Whole-message examples: the request the Java example builds, and the JSON form of an XML
(or JSON) response or error example, each typed by the schema built from the tables.

An example is only kept when it validates against that schema; otherwise it is left out with a
note, as the spec requires every example to match its schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema

from .evidence import norm
from .javaexample import JavaExample, JavaList, JavaLiteral, JavaNode, JavaObject
from .samples import Node
from .values import Kind, convert

Note = Callable[[str], None]


def request_example(java: JavaExample, schema: dict[str, Any], note: Note) -> dict[str, Any] | None:
    """The form parameters ``java`` sets, typed by the request body's ``schema``."""
    value = _java_object(java.params, schema, "", note)
    return value if _valid(value, schema, "the Java request example", note) else None


def _java_object(
    fields: tuple[tuple[str, JavaNode], ...], schema: dict[str, Any], where: str, note: Note
) -> dict[str, Any]:
    properties = schema.get("properties", {})
    by_norm = {norm(name): name for name in properties}
    result: dict[str, Any] = {}
    for setter, node in fields:
        name = by_norm.get(norm(setter))
        if name is None:
            note(f"the Java request example sets {where}{setter}, which the table does not list")
            continue
        value = _java_value(node, properties[name], f"{where}{name}", note)
        if value is not None:
            result[name] = value
    return result


def _java_value(node: JavaNode, schema: dict[str, Any], where: str, note: Note) -> Any:
    if isinstance(node, JavaObject) and schema.get("type") == "object":
        return _java_object(node.fields, schema, where + ".", note)
    if isinstance(node, JavaList) and schema.get("type") == "array":
        items = [_java_value(item, schema["items"], where + "[]", note) for item in node.items]
        return [item for item in items if item is not None]
    if isinstance(node, JavaLiteral) and node.kind not in ("null", "other"):
        if schema.get("type") == "array":
            items = [_scalar(part.strip(), schema["items"]) for part in node.text.split(",")]
            return None if None in items else items
        value = _scalar(node.text, schema)
        if value is not None:
            return value
    note(f"the Java request example's value for {where} does not fit its type; left out")
    return None


def response_example(
    root: Node, key: str, schema: dict[str, Any], source: str, note: Note
) -> dict[str, Any] | None:
    """The JSON envelope ``{key: {...}}`` of an XML/JSON example whose root is ``root``;
    ``schema`` is the envelope's object schema."""
    if root.name != key:
        note(f"{source} is the envelope <{root.name}>, not <{key}>; not used")
        return None
    value = {key: _sample_object(root, schema["properties"][key], note)}
    return value if _valid(value, schema, source, note) else None


def _sample_object(node: Node, schema: dict[str, Any], note: Note) -> dict[str, Any]:
    properties = schema.get("properties", {})
    result: dict[str, Any] = {}
    for child in node.children:
        if child.name not in properties:
            note(f"the example has <{child.name}>, which the table does not list; left out")
            continue
        value = _sample_value(child, properties[child.name], note)
        if value is not None:
            result[child.name] = value
    return result


def _sample_value(node: Node, schema: dict[str, Any], note: Note) -> Any:
    kind = schema.get("type")
    if kind == "object":
        return _sample_object(node, schema, note)
    if kind == "array":
        items = node.children
        if len(items) == 1 and items[0].is_list:  # TOP's JSON: {"list": {"item": [...]}}
            items = items[0].children
        values = [_sample_value(item, schema["items"], note) for item in items]
        return [value for value in values if value is not None]
    if not node.is_leaf:
        note(f"the example's <{node.name}> is not a single value; left out")
        return None
    value = node.value
    if isinstance(value, str):
        value = _scalar(value, schema)
    if value is None:
        note(f"the example's <{node.name}> value does not fit its type; left out")
    return value


def error_example(root: Node, schema: dict[str, Any], note: Note) -> dict[str, Any] | None:
    """The JSON form of an error example ``<error_response>``; ``schema`` is ErrorResponse."""
    if root.name != "error_response":
        note(f"the error example is <{root.name}>, not <error_response>; not used")
        return None
    return {"error_response": _sample_object(root, schema, note)}


def kind_of(schema: dict[str, Any]) -> Kind | None:
    """The scalar kind a schema describes, or ``None`` for an object or array."""
    kinds: dict[Any, Kind] = {
        "integer": "integer",
        "number": "number",
        "boolean": "boolean",
        "string": "string",
    }
    kind = kinds.get(schema.get("type"))
    return "datetime" if kind == "string" and schema.get("format") == "date-time" else kind


def _scalar(text: str, schema: dict[str, Any]) -> Any:
    kind = kind_of(schema)
    return None if kind is None else convert(kind, text)


def _valid(value: Any, schema: dict[str, Any], source: str, note: Note) -> bool:
    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(schema).iter_errors(value)
    )
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path)
        note(f"{source} does not match the tables ({where}: {error.message}); not used")
    return error is None
