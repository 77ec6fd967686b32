"""What the HTML reference site needs beyond the IR: where each page lives, how endpoints group
into families and resources, the links between pages, and the search index.

Every page is a file under ``site/`` that links to the others by relative paths, so the site
opens from ``file://`` as from any static host; the search index is a script
(``search-index.js``), since a page opened from ``file://`` may not fetch a JSON file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..ir import Api, EnumType, Model, Operation, TypeRef


@dataclass(frozen=True)
class Group:
    """The endpoints under one top-level resource of one family."""

    name: str
    operations: tuple[Operation, ...]


@dataclass(frozen=True)
class Family:
    """The endpoints whose TOP methods share a prefix (``alibaba.damai.maizuo.openapi.``)."""

    prefix: str
    namespace: str
    """What the family adds in front of a call path (``mz`` for ``client.mz.…``); empty for
    the API's own prefix."""
    groups: tuple[Group, ...]


def families(api: Api) -> list[Family]:
    """The endpoints by family, then by their first resource after the family's namespace."""
    grouped: dict[tuple[str, str], dict[str, list[Operation]]] = {}
    for op in api.operations:
        prefix, namespace = op.family.prefix, op.family.namespace
        depth = len(namespace.split(".")) if namespace else 0
        resource = op.resource[depth] if len(op.resource) > depth else op.method_name
        grouped.setdefault((prefix, namespace), {}).setdefault(resource, []).append(op)
    return [
        Family(prefix, namespace, tuple(Group(n, tuple(ops)) for n, ops in sorted(groups.items())))
        for (prefix, namespace), groups in sorted(
            grouped.items(), key=lambda item: (item[0][1] != "", item[0])
        )
    ]


def endpoint_page(op: Operation) -> str:
    """The endpoint's page, relative to the site's root."""
    return f"endpoints/{op.call_path}.html"


def type_page(op: Operation, name: str) -> str:
    """The page of a model or enum of ``op``, relative to the site's root (names are unique
    within an endpoint, not across endpoints)."""
    return f"types/{op.call_path}.{name}.html"


def type_target(ref: TypeRef) -> str | None:
    """The model or enum a type names, inside any list."""
    while ref.item is not None:
        ref = ref.item
    return ref.model or ref.enum


def enum_for(op: Operation, ref: TypeRef) -> EnumType | None:
    target = type_target(ref)
    return next((e for e in op.enums if e.name == target), None)


def model_for(op: Operation, name: str) -> Model | None:
    return next((m for m in op.models if m.name == name), None)


def shown_models(op: Operation) -> list[Model]:
    """The models with a page of their own: all but the parameters' model (the parameter
    table is on the endpoint's page)."""
    return [m for m in op.models if m is not op.params_model]


def users(op: Operation, name: str) -> list[str]:
    """The models of ``op`` with a field of type ``name`` (a model or an enum)."""
    return [
        m.name
        for m in op.models
        if m is not op.params_model and any(type_target(f.type) == name for f in m.fields)
    ] + (["parameters"] if any(type_target(p.type) == name for p in op.params) else [])


def paragraphs(text: str) -> list[list[str]]:
    """Spec text as paragraphs (split at blank lines) of lines, for a page to show as written."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [[line.strip() for line in block.splitlines()] for block in blocks if block.strip()]


def example_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _entries(api: Api) -> Iterator[dict[str, str]]:
    for op in api.operations:
        words = [op.description]
        words += [f"{p.name} {p.description}" for p in op.params]
        yield {
            "kind": "endpoint",
            "title": op.summary or op.top_method,
            "method": op.top_method,
            "python": f"client.{op.call_path}",
            "text": " ".join(w for w in words if w),
            "url": endpoint_page(op),
        }
        for model in shown_models(op):
            yield {
                "kind": "model",
                "title": f"{model.name} ({op.call_path})",
                "method": op.top_method,
                "python": f"{api.package}.endpoints.{op.module}.{model.name}",
                "text": " ".join(
                    [model.struct, model.description]
                    + [f"{f.name} {f.description}" for f in model.fields]
                ),
                "url": type_page(op, model.name),
            }
        for enum in op.enums:
            yield {
                "kind": "enum",
                "title": f"{enum.name} ({op.call_path})",
                "method": op.top_method,
                "python": f"{api.package}.endpoints.{op.module}.{enum.name}",
                "text": " ".join(
                    [enum.description] + [f"{m.value} {m.name} {m.label}" for m in enum.members]
                ),
                "url": type_page(op, enum.name),
            }


def search_index(api: Api) -> str:
    """The search index as a script that sets ``window.SEARCH_INDEX``, one entry a line."""
    lines = [json.dumps(entry, ensure_ascii=False, sort_keys=True) for entry in _entries(api)]
    # "</" would end an inline script; this one is a file, but stay safe if it is ever inlined
    body = ",\n".join(line.replace("</", "<\\/") for line in lines)
    return f"window.SEARCH_INDEX = [\n{body}\n];\n"
