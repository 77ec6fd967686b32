"""The mock gateway's data (:mod:`.endpoints`) made from the IR: generator-only.

``generate`` writes it into the SDK's testing kit as JSON (:func:`gateway_json`), and
``Gateway.from_spec`` serves it in the generator; both go through :func:`gateway_data`, the JSON
form, so the kit and the generator's mock serve the same thing. Here is also where what the data
holds is checked once: a pattern must be a regular expression Python reads.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import fields, is_dataclass
from typing import TYPE_CHECKING, Any

from .. import naming
from ..errors import Problem, SpecError
from ..ir import Api, Constraints, EnumType, Model, Operation, TypeRef
from .endpoints import Endpoint, Enum, Field, Limits, Param, Struct, Type
from .samples import sample_body

if TYPE_CHECKING:
    from ..cache import Cache


LINE_CACHE: ContextVar[Cache | None] = ContextVar("gateway_line_cache", default=None)
"""Where :func:`gateway_json` keeps each endpoint's line between runs, under the operation's
fingerprint (which hashes its spec text and the generator): ``generate`` sets it while it
renders, so a run that changes one endpoint makes one line, not a thousand."""


def gateway_json(api: Api) -> str:
    """The data of every endpoint of ``api`` as JSON text (the kit's ``gateway.json``), one
    endpoint a line: a spec change shows as the lines of the endpoints it touches, and each
    line is written by the standard library's fast encoder (with an indent it falls back to
    its pure-Python one, which was most of the time of a run that changes one endpoint)."""
    cache = LINE_CACHE.get()
    lines = []
    for operation in api.operations:
        key = operation.fingerprint
        line = cache.get("gateway-line", key) if cache is not None and key else None
        if not isinstance(line, str):
            line = json.dumps(_plain(endpoint(operation)), ensure_ascii=False)
            if cache is not None and key:
                cache.put("gateway-line", key, line)
        lines.append(line)
    return '{"endpoints": [\n' + ",\n".join(lines) + "\n]}\n"


def gateway_data(api: Api) -> dict[str, Any]:
    """The JSON form :func:`.endpoints.load_endpoints` reads; raises :class:`SpecError` for a
    pattern that is not a regular expression."""
    return {"endpoints": [_plain(endpoint(op)) for op in api.operations]}


def endpoint(operation: Operation) -> Endpoint:
    """What the gateway needs of ``operation``."""
    _check_patterns(operation)
    return Endpoint(
        method=operation.top_method,
        response_key=operation.response_key,
        response=operation.response.name,
        body=_normal_body(operation),
        session=operation.session,
        params=tuple(
            Param(p.name, _type(p.type), p.required, _limits(p.constraints), p.encoding)
            for p in operation.params
        ),
        structs=tuple(_struct(m) for m in operation.models),
        enums=tuple(_enum(e) for e in operation.enums),
        xml=next(
            (e.value for e in operation.xml_response_examples if isinstance(e.value, str)), None
        ),
    )


def _normal_body(operation: Operation) -> dict[str, Any]:
    """The spec's first JSON example inside the envelope, else a sample of the response model;
    without ``request_id`` (each reply adds its own)."""
    body: Any = None
    for example in operation.response_examples:
        if isinstance(example.value, dict):
            body = example.value.get(operation.response_key)
            break
    if not isinstance(body, dict):
        models = {m.name: m for m in operation.models}
        enums = {e.name: e for e in operation.enums}
        body = sample_body(operation.response, models, enums, operation.business_result)
    return {key: value for key, value in body.items() if key != "request_id"}


def _struct(model: Model) -> Struct:
    return Struct(
        model.name,
        tuple(
            Field(f.name, _type(f.type), f.required, _limits(f.constraints)) for f in model.fields
        ),
    )


def _enum(enum: EnumType) -> Enum:
    return Enum(enum.name, enum.base, tuple(m.value for m in enum.members))


def _type(ref: TypeRef) -> Type:
    return Type(
        ref.kind,
        ref.format,
        ref.model,
        ref.enum,
        _type(ref.item) if ref.item is not None else None,
        (naming.snake(ref.schema_type) or None) if ref.kind == "object" else None,
    )


def _limits(constraints: Constraints) -> Limits:
    return Limits(
        **{f.name: getattr(constraints, f.name) for f in fields(Limits)},
    )


def _check_patterns(operation: Operation) -> None:
    places = [(p.pointer, p.constraints.pattern) for p in operation.params]
    places += [(f.pointer, f.constraints.pattern) for m in operation.models for f in m.fields]
    for pointer, pattern in places:
        if pattern is None:
            continue
        try:
            re.compile(pattern)
        except re.error as exc:
            problem = f"pattern {pattern!r} is not a regular expression: {exc}"
            raise SpecError([Problem(None, None, pointer, problem)]) from None


def _plain(value: Any) -> Any:
    """``value`` as JSON data, leaving out the fields of a dataclass that hold their default."""
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in fields(value)
            if f.init and getattr(value, f.name) != f.default
        }
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value
