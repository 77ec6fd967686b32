"""Stage 2: is the bundled document a valid OpenAPI 3.1 spec, and a valid TOP spec?

First every ``$ref`` must point somewhere (openapi-spec-validator cannot report a dangling one
well), then openapi-spec-validator checks the document, then the project's own rules: what the
``x-top-*`` extensions must look like (documented in ``spec/README.md``), that each path is its
TOP method, and that every example validates against its schema. Names that collide once made
Python identifiers are found by :mod:`.ir`, which chooses those names.
"""

from __future__ import annotations

import itertools
import json
import keyword
import os
import re
import xml.parsers.expat
from collections.abc import Iterator
from concurrent.futures import Executor
from typing import Any

import jsonschema
import referencing
import referencing.jsonschema
from openapi_spec_validator import OpenAPIV31SpecValidator

from .cache import Cache
from .errors import Problem, SpecError
from .ir import FORM
from .load import LoadedSpec, iter_refs, join_pointer, resolve

OPERATION_VERBS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SESSIONS = ("none", "optional", "required")
SYSTEM_PARAMS = frozenset(
    {
        "method",
        "app_key",
        "sign_method",
        "sign",
        "timestamp",
        "v",
        "session",
        "format",
        "simplify",
        "partner_id",
        "target_app_key",
    }
)
"""TOP's system parameters (see the protocol fact sheet)."""
_SPEC_URI = "urn:maizuo-spec"


def validate(spec: LoadedSpec, cache: Cache | None = None, pool: Executor | None = None) -> None:
    """Raise :class:`SpecError` listing every problem found; return when the spec is usable.

    With a cache, an endpoint whose file and the shared parts of the spec are unchanged since
    they last passed is not checked again. With a pool, openapi-spec-validator (the slow part)
    runs in its processes when there are many endpoints to check.
    """
    paths: dict[str, Any] = spec.document.get("paths") or {}
    keys = spec.path_digests
    todo = [path for path in paths if cache is None or not cache.get("valid", keys[path])]
    problems = list(_dangling_refs(spec, todo if len(todo) < len(paths) else None))
    if problems:
        raise SpecError(problems)
    problems = list(_openapi_problems(spec, todo, pool))
    if problems:
        raise SpecError(problems)
    problems = list(_json_schema_problems(spec, todo))
    if problems:
        raise SpecError(problems)
    problems = list(_spec_problems(spec))
    for path in todo:
        problems.extend(_top_problems(spec, path))
        problems.extend(_example_problems(spec, path))
    if problems:
        raise SpecError(problems)
    if cache is not None:
        for path in paths:
            cache.put("valid", keys[path], True)


def _dangling_refs(spec: LoadedSpec, only: list[str] | None = None) -> Iterator[Problem]:
    """References that point to nothing: in the whole document, or in the shared parts and the
    endpoints ``only`` (the others passed before, with these very shared parts)."""
    document = spec.document
    if only is None:
        found = iter_refs(document)
    else:
        shared = {k: v for k, v in document.items() if k != "paths"}
        parts = [iter_refs(shared)]
        parts += [iter_refs(document["paths"][p], join_pointer("/paths", p)) for p in only]
        found = itertools.chain(*parts)
    for pointer, ref in found:
        try:
            resolve(spec.document, ref)
        except KeyError:
            yield spec.source.problem(
                join_pointer(pointer, "$ref"),
                f"$ref {ref!r} points to nothing; check the name and that it is defined",
            )


def _openapi_problems(
    spec: LoadedSpec, todo: list[str], pool: Executor | None = None
) -> Iterator[Problem]:
    """openapi-spec-validator on the whole document, or, when only some endpoints need checking,
    on a document of the shared parts and each of those endpoints alone (much faster); with a
    pool and many endpoints to check, on documents of the shared parts and a share of them, one
    per process.
    """
    document = spec.document
    version = str(document.get("openapi", ""))
    if not version.startswith("3.1"):
        yield spec.source.problem(
            "/openapi",
            f"openapi: {version!r}; this generator reads OpenAPI 3.1 (write openapi: 3.1.0)",
        )
        return
    paths = document.get("paths") or {}
    workers = _pool_size(pool) if len(todo) >= _PARALLEL_FROM else 1
    if workers > 1:
        shares = [todo[i::workers] for i in range(workers)]
        parts = [dict(document, paths={path: paths[path] for path in share}) for share in shares]
    elif len(todo) == len(paths):
        parts = [document]
    else:
        parts = [dict(document, paths={path: paths[path]}) for path in todo]
    results = (
        pool.map(openapi_errors, parts)
        if pool is not None and workers > 1
        else map(openapi_errors, parts)
    )
    seen: set[str] = set()
    for errors in results:
        if isinstance(errors, str):
            yield spec.source.problem(
                "", f"openapi-spec-validator could not read the document: {errors}"
            )
            return
        for path, message in errors:
            pointer = join_pointer("", *path)
            problem = spec.source.problem(pointer, f"not valid OpenAPI 3.1: {_short(message)}")
            if str(problem) not in seen:
                seen.add(str(problem))
                yield problem


_PARALLEL_FROM = 64
"""Check in the pool's processes when at least this many endpoints need it."""


def _pool_size(pool: Executor | None) -> int:
    return 1 if pool is None else os.cpu_count() or 1


def openapi_errors(document: dict[str, Any]) -> list[tuple[tuple[str, ...], str]] | str:
    """openapi-spec-validator's errors on ``document`` as ``(path, message)``, or the reason it
    could not read the document; run in a pool's process."""
    try:
        errors = list(OpenAPIV31SpecValidator(document).iter_errors())
    except Exception as exc:  # the validator can fail on documents it does not expect
        return str(exc) or type(exc).__name__
    return [
        (tuple(str(p) for p in getattr(error, "absolute_path", []) or []), error.message)
        for error in errors
    ]


_META_SCHEMA = jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA)


def _json_schema_problems(spec: LoadedSpec, todo: list[str]) -> Iterator[Problem]:
    """Every schema (of the shared components, and of the endpoints ``todo``) against JSON
    Schema's own schema: openapi-spec-validator lets ``required: 4`` or ``properties: []``
    through, and the later stages read schemas as JSON Schema says they are."""
    doc = spec.document
    places: list[tuple[str, Any]] = []
    components = doc.get("components")
    if isinstance(components, dict) and isinstance(components.get("schemas"), dict):
        places += [
            (join_pointer("/components/schemas", name), schema)
            for name, schema in components["schemas"].items()
        ]
    for path in todo:
        for verb, op in (doc["paths"][path] or {}).items():
            if verb not in OPERATION_VERBS or not isinstance(op, dict):
                continue
            op_pointer = join_pointer("/paths", path, verb)
            parts: list[tuple[tuple[str, ...], Any]] = [(("requestBody",), op.get("requestBody"))]
            parts += [
                (("responses", code), response)
                for code, response in (op.get("responses") or {}).items()
            ]
            for tokens, part in parts:
                content = _deref(doc, part).get("content") if isinstance(part, dict) else None
                for media_type, media in (content or {}).items():
                    if isinstance(media, dict) and "schema" in media:
                        pointer = join_pointer(op_pointer, *tokens, "content", media_type, "schema")
                        places.append((pointer, media["schema"]))
    for pointer, schema in places:
        for error in _META_SCHEMA.iter_errors(schema):
            inside = [str(p) for p in error.absolute_path]
            if inside and inside[-1] == "type" and isinstance(error.instance, str):
                continue  # an unknown type's name: the later checks say more about it
            where = join_pointer(pointer, *inside)
            yield spec.source.problem(where, f"not a valid JSON Schema: {_short(error.message)}")


def _short(message: str, limit: int = 300) -> str:
    message = " ".join(message.split())
    return message if len(message) <= limit else message[: limit - 1] + "…"


def _spec_problems(spec: LoadedSpec) -> Iterator[Problem]:
    """Rules about the spec as a whole."""
    paths = spec.document.get("paths") or {}
    if not paths:
        yield spec.source.problem(
            "/paths",
            "the spec has no endpoints; add one under paths (see spec/README.md)",
        )
    seen: dict[str, str] = {}
    for path, item in paths.items():
        for verb, op in item.items():
            if verb in OPERATION_VERBS and isinstance(op.get("operationId"), str):
                other = seen.setdefault(op["operationId"], path)
                if other != path:
                    pointer = join_pointer("/paths", path, verb, "operationId")
                    yield spec.source.problem(
                        pointer,
                        f"operationId {op['operationId']!r} is also used by {other}; each must be unique",
                    )
    yield from _enum_markers(spec, spec.document.get("components"), "/components")
    yield from _package_problems(spec)


# The names the generated distribution is given: a PEP 440 version in canonical form, a PEP 508
# distribution name, an importable module.
_VERSION = re.compile(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?")
_DISTRIBUTION = re.compile(r"[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?")


def _package_problems(spec: LoadedSpec) -> Iterator[Problem]:
    """``info.version`` and ``x-top-package`` name the SDK: they must be names Python and pip
    accept."""
    info = spec.document.get("info")
    if not isinstance(info, dict):
        return
    version = info.get("version")
    if isinstance(version, str) and not _VERSION.fullmatch(version):
        yield spec.source.problem(
            "/info/version",
            f"{version!r} is not a Python package version; write one like 1.2.0, 1.2.0rc1 or 1.2.0.dev3",
        )
    package = info.get("x-top-package")
    pointer = "/info/x-top-package"
    if package is None:
        return
    if not isinstance(package, dict):
        yield spec.source.problem(
            pointer, "must be a mapping {distribution: ..., module: ..., method-prefix: ...}"
        )
        return
    for key, value in package.items():
        where = join_pointer(pointer, key)
        if key not in ("distribution", "module", "method-prefix"):
            yield spec.source.problem(
                where, f"unknown key {key!r}; expected distribution, module, method-prefix"
            )
        elif not isinstance(value, str):
            yield spec.source.problem(where, "must be a string")
        elif key == "module" and not (
            value.isidentifier() and value.isascii() and not keyword.iskeyword(value)
        ):
            yield spec.source.problem(
                where, f"{value!r} cannot be imported; use a Python name such as damai_maizuo"
            )
        elif key == "distribution" and not _DISTRIBUTION.fullmatch(value):
            yield spec.source.problem(
                where, f"{value!r} is not a package name pip accepts; use one such as damai-maizuo"
            )
        elif key == "method-prefix" and value and not value.endswith("."):
            yield spec.source.problem(
                where, f"{value!r} must end with a dot, like alibaba.damai.maizuo.openapi."
            )


def _top_problems(spec: LoadedSpec, path: str) -> Iterator[Problem]:
    """The TOP rules for one endpoint."""
    doc = spec.document
    fail = spec.source.problem
    item = doc["paths"][path]
    item_pointer = join_pointer("/paths", path)
    verbs = [v for v in item if v in OPERATION_VERBS]
    if verbs != ["post"]:
        yield fail(
            item_pointer,
            f"each TOP method is one 'post' operation; found {', '.join(verbs) or 'none'}",
        )
        return
    op_pointer = join_pointer(item_pointer, "post")
    op = item["post"]
    method = op.get("x-top-method")
    if method is None:
        yield fail(op_pointer, f"x-top-method is missing; add x-top-method: {path.lstrip('/')}")
    elif not isinstance(method, str) or "/" + method != path:
        yield fail(
            join_pointer(op_pointer, "x-top-method"),
            f"{method!r} must equal the path without its slash, {path.lstrip('/')!r}",
        )
    if not isinstance(op.get("x-top-idempotent"), bool):
        yield fail(
            op_pointer,
            "x-top-idempotent must be true or false: may the client resend this call after a timeout?",
        )
    session = op.get("x-top-session", "none")
    if session not in SESSIONS:
        yield fail(
            join_pointer(op_pointer, "x-top-session"),
            f"{session!r}; expected one of {', '.join(SESSIONS)}",
        )
    yield from _business_marker(spec, op, op_pointer)
    doc_notes = op.get("x-top-doc")
    if doc_notes is not None and not isinstance(doc_notes, dict):
        yield fail(
            join_pointer(op_pointer, "x-top-doc"),
            "must be a mapping such as {source: page.txt, truncated: false, inferred: []}",
        )
    body = op.get("requestBody")
    if body is not None and FORM not in ((_deref(doc, body).get("content")) or {}):
        yield fail(
            join_pointer(op_pointer, "requestBody", "content"),
            f"business parameters are a {FORM} body",
        )
    elif body is not None:
        yield from _system_names(spec, body, join_pointer(op_pointer, "requestBody"))
    yield from _enum_markers(spec, item, item_pointer)


def _system_names(spec: LoadedSpec, body: Any, pointer: str) -> Iterator[Problem]:
    """A business parameter may not take the name of a TOP system parameter: both would be
    sent, and the gateway would read one of them."""
    media = (_deref(spec.document, body).get("content") or {}).get(FORM) or {}
    schema = _deref(spec.document, media.get("schema")) or {}
    properties = schema.get("properties") if isinstance(schema, dict) else None
    for name in properties if isinstance(properties, dict) else ():
        if name in SYSTEM_PARAMS:
            yield spec.source.problem(
                join_pointer(pointer, "content", FORM, "schema", "properties", name),
                f"{name!r} is a TOP system parameter; a business parameter needs another name",
            )


def _business_marker(spec: LoadedSpec, op: dict[str, Any], op_pointer: str) -> Iterator[Problem]:
    marker = op.get("x-top-business-result")
    if marker is None:
        return
    pointer = join_pointer(op_pointer, "x-top-business-result")
    if not isinstance(marker, dict) or not isinstance(marker.get("success"), str):
        yield spec.source.problem(
            pointer,
            "must be a mapping {path: result, success: success, code: result_code, message: result_msg}",
        )
        return
    for key, value in marker.items():
        if key not in ("path", "success", "code", "message"):
            yield spec.source.problem(
                join_pointer(pointer, key),
                f"unknown key {key!r}; expected path, success, code, message",
            )
        elif not isinstance(value, str):
            yield spec.source.problem(join_pointer(pointer, key), "must be a field name (a string)")


def _enum_markers(spec: LoadedSpec, node: Any, pointer: str) -> Iterator[Problem]:
    if isinstance(node, dict):
        if "x-top-enum" in node:
            yield from _enum_marker(spec, node, pointer)
        for key, value in node.items():
            yield from _enum_markers(spec, value, join_pointer(pointer, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _enum_markers(spec, value, join_pointer(pointer, i))


def _enum_marker(spec: LoadedSpec, schema: dict[str, Any], pointer: str) -> Iterator[Problem]:
    marker_pointer = join_pointer(pointer, "x-top-enum")
    entries = schema["x-top-enum"]
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and "value" in e for e in entries
    ):
        yield spec.source.problem(marker_pointer, "must be a list of {value, name, label}")
        return
    values = [e["value"] for e in entries]
    if values != schema.get("enum"):
        yield spec.source.problem(
            marker_pointer,
            f"values {values!r} must be the enum's values {schema.get('enum')!r}, in the same order",
        )
    for i, entry in enumerate(entries):
        for key, value in entry.items():
            if key not in ("value", "name", "label"):
                yield spec.source.problem(
                    join_pointer(marker_pointer, i, key),
                    f"unknown key {key!r}; expected value, name, label",
                )
            elif key != "value" and not isinstance(value, str):
                yield spec.source.problem(join_pointer(marker_pointer, i, key), "must be a string")


def _deref(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        node = resolve(doc, node["$ref"])
    return node


# -- examples ------------------------------------------------------------------------------------


def _example_problems(spec: LoadedSpec, path: str) -> Iterator[Problem]:
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(
        _SPEC_URI, referencing.jsonschema.DRAFT202012.create_resource(spec.document)
    )
    for verb, op in spec.document["paths"][path].items():
        if verb not in OPERATION_VERBS:
            continue
        op_pointer = join_pointer("/paths", path, verb)
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
                yield from walk(value, join_pointer(pointer, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, join_pointer(pointer, i))

    yield from walk(op.get("requestBody"), join_pointer(op_pointer, "requestBody"))
    yield from walk(op.get("responses"), join_pointer(op_pointer, "responses"))


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
        values = [
            (join_pointer(pointer, "examples", i), v) for i, v in enumerate(schema["examples"])
        ]
    if "example" in schema:
        values.append((join_pointer(pointer, "example"), schema["example"]))
    if "default" in schema:
        values.append((join_pointer(pointer, "default"), schema["default"]))
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
            f"{where + ': ' if where else ''}{_short(error.message, 200)}",
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
        for media_type, media in (_deref(doc, body).get("content") or {}).items():
            media_places.append(
                (join_pointer(op_pointer, "requestBody", "content", media_type), media)
            )
    for code, response in (op.get("responses") or {}).items():
        for media_type, media in (_deref(doc, response).get("content") or {}).items():
            media_places.append(
                (
                    join_pointer(op_pointer, "responses", code, "content", media_type),
                    media,
                )
            )
    for media_pointer, media in media_places:
        examples = [
            (
                join_pointer(media_pointer, "examples", name, "value"),
                _deref(doc, ex).get("value"),
            )
            for name, ex in (media.get("examples") or {}).items()
        ]
        if "example" in media:
            examples.append((join_pointer(media_pointer, "example"), media["example"]))
        is_xml = media_pointer.endswith("xml")
        for pointer, value in examples:
            if is_xml:
                yield from _xml_example(spec, pointer, value)
            elif "schema" in media:
                yield from _check(
                    spec,
                    _validator(registry, join_pointer(media_pointer, "schema")),
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
