"""The document's structure: references that lead somewhere, valid JSON Schema, valid
OpenAPI 3.1.

openapi-spec-validator cannot report a dangling reference well (and a cycle of references has
no end to check), so references are followed first. Then every schema of the parameters,
request bodies, responses and shared components is checked against the schema of OpenAPI 3.1's
JSON Schema dialect, every problem with its own pointer: openapi-spec-validator never looks at
request bodies' schemas, and where it does look it reports one problem per schema. Last comes
openapi-spec-validator itself, told not to check again the schemas that passed here (it
checked each of them against the same meta-schema a second time), so it meta-checks only the
schemas this pass does not reach (headers', for one).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from concurrent.futures import Executor
from functools import cache
from typing import Any

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
    spec: LoadedSpec,
    todo: list[str],
    pool: Executor | None = None,
    checked: frozenset[str] = frozenset(),
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
    skip = [checked] * len(parts)
    results = (
        pool.map(openapi_errors, parts, skip)
        if pool is not None and workers > 1
        else map(openapi_errors, parts, skip)
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


def openapi_errors(
    document: dict[str, Any], checked: frozenset[str] = frozenset()
) -> list[tuple[tuple[str, ...], str]] | str:
    """openapi-spec-validator's errors on ``document`` as ``(path, message)``, or the reason it
    could not read the document; the schemas at the pointers ``checked`` are not checked
    against the meta-schema again. Run in a pool's process."""
    try:
        errors = list(_spec_validator(checked)(document).iter_errors())
    except Exception as exc:  # the validator can fail on documents it does not expect
        return str(exc) or type(exc).__name__
    return [
        (tuple(str(p) for p in getattr(error, "absolute_path", []) or []), error.message)
        for error in errors
    ]


def _spec_validator(checked: frozenset[str]) -> Any:
    """openapi-spec-validator's OpenAPI 3.1 validator, meta-checking no schema at ``checked``."""
    if not checked or _SchemaChecker is None:
        return OpenAPIV31SpecValidator

    class SchemaChecker(_SchemaChecker):  # type: ignore[misc,valid-type]
        def _validate_schema_meta(self, schema: Any, schema_value: Any) -> Any:
            if join("", *(str(part) for part in schema.parts)) in checked:
                return None
            return super()._validate_schema_meta(schema, schema_value)

    class SpecValidator(OpenAPIV31SpecValidator):
        keyword_validators = {  # noqa: RUF012 - as the base class declares it
            **OpenAPIV31SpecValidator.keyword_validators,
            "schema": SchemaChecker,
        }

    return SpecValidator


_SchemaChecker: type | None
try:  # how openapi-spec-validator (0.8 and later) meta-checks each schema it reaches
    from openapi_spec_validator.validation.keywords import OpenAPIV31SchemaValidator

    _SchemaChecker = OpenAPIV31SchemaValidator
except ImportError:  # pragma: no cover - older releases: they check every schema again
    _SchemaChecker = None


@cache
def _meta_schema() -> Any:
    """A validator of schemas written in OpenAPI 3.1's JSON Schema dialect (JSON Schema 2020-12
    and OpenAPI's keywords: ``discriminator``, ``xml``, ``externalDocs``, ``example``), as
    openapi-spec-validator checks them (formats too, so a pattern must be a valid regular
    expression); the meta-schemas come with openapi-schema-validator, nothing is fetched."""
    from jsonschema.validators import validator_for
    from openapi_schema_validator import OAS31Validator, oas31_format_checker
    from openapi_schema_validator._specifications import REGISTRY

    meta = OAS31Validator.META_SCHEMA
    return validator_for(meta, default=OAS31Validator)(
        meta, format_checker=oas31_format_checker, registry=REGISTRY
    )


def json_schema_problems(spec: LoadedSpec, todo: list[str]) -> tuple[list[Problem], frozenset[str]]:
    """Every schema of the shared components and of the parameters, request bodies and responses of the
    endpoints ``todo`` against the schema of OpenAPI 3.1's JSON Schema dialect, every problem
    reported (the later stages read schemas as JSON Schema says they are); and the pointers of
    the schemas that passed, which openapi-spec-validator need not meta-check again. Runs
    before openapi-spec-validator has seen the document, so it takes nothing's shape for
    granted."""
    doc = spec.document
    places = [
        (join("/components/schemas", name), schema)
        for name, schema in _mapping(_mapping(doc.get("components")).get("schemas")).items()
    ]
    paths = _mapping(doc.get("paths"))
    for path in todo:
        item = _mapping(paths.get(path))
        places += _parameter_schemas(doc, join("/paths", path), item)
        for verb, op in item.items():
            if verb not in OPERATION_VERBS or not isinstance(op, dict):
                continue
            op_pointer = join("/paths", path, verb)
            places += _parameter_schemas(doc, op_pointer, op)
            parts: list[tuple[tuple[str, ...], Any]] = [(("requestBody",), op.get("requestBody"))]
            parts += [
                (("responses", str(code)), response)
                for code, response in _mapping(op.get("responses")).items()
            ]
            for tokens, part in parts:
                content = _mapping(_mapping(_target(doc, part)).get("content"))
                for media_type, media in content.items():
                    if isinstance(media, dict) and "schema" in media:
                        pointer = join(op_pointer, *tokens, "content", media_type, "schema")
                        places.append((pointer, media["schema"]))
    meta = _meta_schema()
    problems: list[Problem] = []
    passed: set[str] = set()
    for pointer, schema in places:
        clean = True
        for error in meta.iter_errors(schema):
            clean = False
            inside = [str(p) for p in error.absolute_path]
            if inside and inside[-1] == "type" and isinstance(error.instance, str):
                continue  # an unknown type's name: the later checks say more about it
            where = join(pointer, *inside)
            problems.append(
                spec.source.problem(where, f"not a valid JSON Schema: {short(error.message)}")
            )
        if clean:
            passed.add(pointer)
    return problems, frozenset(passed)


def _parameter_schemas(doc: dict[str, Any], pointer: str, owner: dict[str, Any]) -> list[Any]:
    """``(pointer, schema)`` of each parameter of a Path Item or Operation (``owner``)."""
    parameters = owner.get("parameters")
    found = []
    for i, parameter in enumerate(parameters if isinstance(parameters, list) else []):
        schema = _mapping(_target(doc, parameter)).get("schema")
        if schema is not None:
            found.append((join(pointer, "parameters", i, "schema"), schema))
    return found


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _target(doc: dict[str, Any], part: Any) -> Any:
    """``part``, or what its ``$ref`` points to (references were followed before)."""
    return target(doc, part) if isinstance(part, dict) else None
