"""Every example and default in the spec must be valid for its schema; an XML example must be
well-formed XML without a DOCTYPE."""

from __future__ import annotations

import json
import xml.parsers.expat
from collections.abc import Iterator
from typing import Any

import jsonschema
import referencing
import referencing.jsonschema

from ..errors import Problem
from ..load import LoadedSpec
from ..pointer import join, resolve, target
from .text import OPERATION_VERBS, short

_SPEC_URI = "urn:maizuo-spec"


def example_problems(spec: LoadedSpec, path: str) -> Iterator[Problem]:
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(
        _SPEC_URI, referencing.jsonschema.DRAFT202012.create_resource(spec.document)
    )
    for verb, op in spec.document["paths"][path].items():
        if verb not in OPERATION_VERBS:
            continue
        op_pointer = join("/paths", path, verb)
        for schema_pointer in _schema_pointers(spec.document, op, op_pointer):
            yield from _schema_examples(spec, registry, schema_pointer)
        yield from _media_examples(spec, registry, op, op_pointer)


def _schema_pointers(doc: dict[str, Any], op: dict[str, Any], op_pointer: str) -> Iterator[str]:
    """Pointers of every schema written inline under an operation (refs are checked where they
    are defined, shared components once per operation that uses them is enough)."""

    def walk(node: Any, pointer: str) -> Iterator[str]:
        if isinstance(node, dict):
            if "type" in node or "properties" in node or "enum" in node:
                yield pointer
            for key, value in node.items():
                if key in (
                    "examples",
                    "example",
                    "x-top-enum",
                    "x-top-doc",
                    "enum",
                    "default",
                ):
                    continue
                yield from walk(value, join(pointer, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, join(pointer, i))

    yield from walk(op.get("requestBody"), join(op_pointer, "requestBody"))
    yield from walk(op.get("responses"), join(op_pointer, "responses"))


def _validator(
    registry: referencing.Registry[Any], pointer: str
) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": _SPEC_URI + "#" + pointer}, registry=registry)


def _schema_examples(
    spec: LoadedSpec, registry: referencing.Registry[Any], pointer: str
) -> Iterator[Problem]:
    schema = resolve(spec.document, "#" + pointer)
    values: list[tuple[str, Any]] = []
    if isinstance(schema.get("examples"), list):
        values = [(join(pointer, "examples", i), v) for i, v in enumerate(schema["examples"])]
    if "example" in schema:
        values.append((join(pointer, "example"), schema["example"]))
    if "default" in schema:
        values.append((join(pointer, "default"), schema["default"]))
    if not values:
        return
    validator = _validator(registry, pointer)
    for value_pointer, value in values:
        yield from _check(spec, validator, value_pointer, value)


def _check(
    spec: LoadedSpec,
    validator: jsonschema.Draft202012Validator,
    pointer: str,
    value: Any,
) -> Iterator[Problem]:
    try:
        error = jsonschema.exceptions.best_match(validator.iter_errors(value))
    except jsonschema.exceptions.UnknownType as exc:
        yield spec.source.problem(
            pointer,
            f"the schema's type {exc.type!r} is not a JSON Schema type; use string, integer, "
            "number, boolean, object or array",
        )
        return
    except (
        jsonschema.exceptions.SchemaError,
        referencing.exceptions.Unresolvable,
    ) as exc:
        yield spec.source.problem(pointer, f"cannot check this example: {exc}")
        return
    if error is not None:
        where = "".join(f"[{json.dumps(p, ensure_ascii=False)}]" for p in error.absolute_path)
        yield spec.source.problem(
            pointer,
            f"example {json.dumps(value, ensure_ascii=False)[:120]} does not match its schema: "
            f"{where + ': ' if where else ''}{short(error.message, 200)}",
        )


def _media_examples(
    spec: LoadedSpec,
    registry: referencing.Registry[Any],
    op: dict[str, Any],
    op_pointer: str,
) -> Iterator[Problem]:
    doc = spec.document
    media_places: list[tuple[str, Any]] = []
    body = op.get("requestBody")
    if body is not None:
        for media_type, media in (target(doc, body).get("content") or {}).items():
            media_places.append((join(op_pointer, "requestBody", "content", media_type), media))
    for code, response in (op.get("responses") or {}).items():
        for media_type, media in (target(doc, response).get("content") or {}).items():
            media_places.append(
                (
                    join(op_pointer, "responses", code, "content", media_type),
                    media,
                )
            )
    for media_pointer, media in media_places:
        examples = [
            (
                join(media_pointer, "examples", name, "value"),
                target(doc, ex).get("value"),
            )
            for name, ex in (media.get("examples") or {}).items()
        ]
        if "example" in media:
            examples.append((join(media_pointer, "example"), media["example"]))
        is_xml = media_pointer.endswith("xml")
        for pointer, value in examples:
            if is_xml:
                yield from _xml_example(spec, pointer, value)
            elif "schema" in media:
                yield from _check(
                    spec,
                    _validator(registry, join(media_pointer, "schema")),
                    pointer,
                    value,
                )


def _xml_example(spec: LoadedSpec, pointer: str, value: Any) -> Iterator[Problem]:
    if not isinstance(value, str):
        yield spec.source.problem(pointer, "an XML example must be the XML text (a string)")
        return
    if "<!DOCTYPE" in value or "<!ENTITY" in value:
        yield spec.source.problem(pointer, "an XML example may not declare a DOCTYPE or entities")
        return
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(value, True)
    except xml.parsers.expat.ExpatError as exc:
        yield spec.source.problem(pointer, f"the XML example is not well-formed: {exc}")
