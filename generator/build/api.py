"""The whole document: every operation (from the cache when its spec text is unchanged), the
shared error model, the resource tree and the package's own facts."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..cache import Cache, digest
from ..errors import SpecError
from ..ir import Api, Family, Model, Operation, Server
from ..load import LoadedSpec
from ..pointer import join as join_pointer
from .client_params import declared_client_params, mark_client_fields
from .families import declared_families
from .operation import OperationBuilder
from .resources import check_unique, resource_tree
from .scope import EndpointScope
from .spec import Document, Stop

_NOT_OPERATIONS = frozenset({"summary", "description", "servers", "parameters"})
"""The keys of a Path Item that are not HTTP verbs (nor ``x-`` extensions)."""


def build_api(spec: LoadedSpec, cache: Cache | None = None) -> Api:
    """Build the IR from a bundled, validated document. With a cache, an operation whose Path
    Item and the shared parts of the document are unchanged since it was last built is taken
    from it."""
    document = Document(spec)
    builder = OperationBuilder(document)
    info = document.doc.get("info", {})
    package_info = info.get("x-top-package", {}) or {}
    package = package_info.get("module", "damai_maizuo")
    families = declared_families(document)
    env_prefix = package.upper()
    client_params = declared_client_params(document, env_prefix)
    operations = _operations(document, builder, families, cache)
    operations = mark_client_fields(document, operations, client_params)
    error_model = _error_model(document, builder)
    resources = resource_tree(operations)
    check_unique(document, operations)
    if document.problems:
        raise SpecError(document.problems)
    return Api(
        title=str(info.get("title", "")),
        summary=str(info.get("summary", "")),
        description=str(info.get("description", "")),
        version=str(info.get("version", "")),
        distribution=package_info.get("distribution", "damai-maizuo"),
        package=package,
        env_prefix=env_prefix,
        client_params=client_params,
        families=families,
        servers=tuple(
            Server(url=str(s.get("url", "")), description=str(s.get("description", "")))
            for s in document.doc.get("servers", [])
        ),
        operations=tuple(sorted(operations, key=lambda o: o.top_method)),
        resources=resources,
        error_model=error_model,
    )


def _operations(
    document: Document,
    builder: OperationBuilder,
    families: tuple[Family, ...],
    cache: Cache | None,
) -> list[Operation]:
    operations: list[Operation] = []
    for path, item in sorted((document.doc.get("paths") or {}).items()):
        item_pointer = join_pointer("/paths", path)
        for verb, op in item.items():
            if verb.startswith("x-") or verb in _NOT_OPERATIONS:
                continue
            key = digest(document.spec.path_digests[path], verb)
            cached = cache.get("operation", key) if cache is not None else None
            if cached is not None:
                operations.append(cached)
                continue
            before = len(document.problems)
            try:
                built = builder.operation(path, op, join_pointer(item_pointer, verb), families)
            except Stop as stop:
                document.fail(stop.pointer, stop.message)
                continue
            built = replace(built, fingerprint=key)
            operations.append(built)
            if cache is not None and len(document.problems) == before:
                cache.put("operation", key, built)
    return operations


def _error_model(document: Document, builder: OperationBuilder) -> Model:
    """The model of TOP's error reply, from the shared ``ErrorResponse`` schema."""
    pointer = "/components/schemas/ErrorResponse"
    schema: Any
    try:
        schema, pointer = document.deref({"$ref": "#" + pointer}, pointer)
    except Stop:
        document.fail("/components/schemas", "the shared ErrorResponse schema is missing")
        schema = None
    try:
        if schema is None:
            raise LookupError
        scope = EndpointScope(pointer)
        ref = builder.types.model_type(schema, pointer, "ErrorResponse", scope, is_input=False)
        return scope.models[ref.model or "ErrorResponse"]
    except Stop as stop:
        document.fail(stop.pointer, stop.message)
    except LookupError:
        pass
    return Model(
        name="ErrorResponse",
        struct="ErrorResponse",
        description="",
        fields=(),
        is_input=False,
        is_output=True,
        dict_name="",
        pointer=pointer,
    )
