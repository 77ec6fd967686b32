"""The document's structure: references that lead somewhere, valid OpenAPI 3.1, valid JSON
Schema.

openapi-spec-validator cannot report a dangling reference well (and a cycle of references has
no end to check), so references are followed first. It also lets ``required: 4`` or
``properties: []`` through, so each schema is then checked against JSON Schema's own schema.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from concurrent.futures import Executor
from typing import Any

import jsonschema
from openapi_spec_validator import OpenAPIV31SpecValidator

from ..errors import Problem
from ..load import LoadedSpec
from ..pointer import PointerError, deref, iter_refs, join, target
from .text import OPERATION_VERBS, short


def ref_problems(spec: LoadedSpec, only: list[str] | None = None) -> Iterator[Problem]:
    """References that lead nowhere (to nothing, or round a cycle of references): in the whole
    document, or in the shared parts and the endpoints ``only`` (the others passed before, with
    these very shared parts)."""
    document = spec.document
    if only is None:
        found = iter_refs(document)
    else:
        shared = {k: v for k, v in document.items() if k != "paths"}
        parts = [iter_refs(shared)]
        parts += [iter_refs(document["paths"][p], join("/paths", p)) for p in only]
        found = itertools.chain(*parts)
    for pointer, ref in found:
        try:
            deref(document, {"$ref": ref})
        except PointerError as exc:
            yield spec.source.problem(join(pointer, "$ref"), f"{exc}; {exc.fix}")


def openapi_problems(
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
            pointer = join("", *path)
            problem = spec.source.problem(pointer, f"not valid OpenAPI 3.1: {short(message)}")
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


def json_schema_problems(spec: LoadedSpec, todo: list[str]) -> Iterator[Problem]:
    """Every schema (of the shared components, and of the endpoints ``todo``) against JSON
    Schema's own schema: openapi-spec-validator lets ``required: 4`` or ``properties: []``
    through, and the later stages read schemas as JSON Schema says they are."""
    doc = spec.document
    places: list[tuple[str, Any]] = []
    components = doc.get("components")
    if isinstance(components, dict) and isinstance(components.get("schemas"), dict):
        places += [
            (join("/components/schemas", name), schema)
            for name, schema in components["schemas"].items()
        ]
    for path in todo:
        for verb, op in (doc["paths"][path] or {}).items():
            if verb not in OPERATION_VERBS or not isinstance(op, dict):
                continue
            op_pointer = join("/paths", path, verb)
            parts: list[tuple[tuple[str, ...], Any]] = [(("requestBody",), op.get("requestBody"))]
            parts += [
                (("responses", code), response)
                for code, response in (op.get("responses") or {}).items()
            ]
            for tokens, part in parts:
                content = target(doc, part).get("content") if isinstance(part, dict) else None
                for media_type, media in (content or {}).items():
                    if isinstance(media, dict) and "schema" in media:
                        pointer = join(op_pointer, *tokens, "content", media_type, "schema")
                        places.append((pointer, media["schema"]))
    for pointer, schema in places:
        for error in _META_SCHEMA.iter_errors(schema):
            inside = [str(p) for p in error.absolute_path]
            if inside and inside[-1] == "type" and isinstance(error.instance, str):
                continue  # an unknown type's name: the later checks say more about it
            where = join(pointer, *inside)
            yield spec.source.problem(where, f"not a valid JSON Schema: {short(error.message)}")
