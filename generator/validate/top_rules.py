"""The project's own rules: the spec as a whole, the SDK's names, and the TOP rules of each
endpoint (the facts they rely on are :mod:`generator.top`'s)."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from typing import Any

from .. import top
from ..errors import Problem
from ..load import LoadedSpec
from ..pointer import join, target
from .text import OPERATION_VERBS


def spec_problems(spec: LoadedSpec) -> Iterator[Problem]:
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
                    pointer = join("/paths", path, verb, "operationId")
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
            pointer, "must be a mapping {distribution: ..., module: ..., families: [...]}"
        )
        return
    for key, value in package.items():
        where = join(pointer, key)
        if key not in ("distribution", "module", "method-prefix", "families", "client-params"):
            yield spec.source.problem(
                where,
                f"unknown key {key!r}; expected distribution, module, families, method-prefix, "
                "client-params",
            )
        elif key in ("families", "client-params"):
            continue  # checked where the IR is built (generator/build/families.py, client_params.py)
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
        elif key == "method-prefix" and value:
            problem = top.method_name_problem(value.removesuffix("."))
            if problem is not None:
                yield spec.source.problem(where, f"the prefix {value!r} {problem}")


def top_problems(spec: LoadedSpec, path: str) -> Iterator[Problem]:
    """The TOP rules for one endpoint."""
    doc = spec.document
    fail = spec.source.problem
    item = doc["paths"][path]
    item_pointer = join("/paths", path)
    verbs = [v for v in item if v in OPERATION_VERBS]
    if verbs != ["post"]:
        yield fail(
            item_pointer,
            f"each TOP method is one 'post' operation; found {', '.join(verbs) or 'none'}",
        )
        return
    op_pointer = join(item_pointer, "post")
    op = item["post"]
    method = op.get("x-top-method")
    if method is None:
        yield fail(op_pointer, top.missing_method(path))
    elif not isinstance(method, str) or "/" + method != path:
        yield fail(
            join(op_pointer, "x-top-method"),
            f"{method!r} must equal the path without its slash, {path.lstrip('/')!r}",
        )
    name = path.removeprefix("/")
    problem = top.method_name_problem(name)
    if problem is not None:
        where = join(op_pointer, "x-top-method") if method == name else item_pointer
        yield fail(where, f"the method {name!r} {problem}")
    if not isinstance(op.get("x-top-idempotent"), bool):
        yield fail(
            op_pointer,
            "x-top-idempotent must be true or false: may the client resend this call after a timeout?",
        )
    session = op.get("x-top-session", "none")
    if session not in top.SESSIONS:
        yield fail(
            join(op_pointer, "x-top-session"),
            f"{session!r}; expected one of {', '.join(top.SESSIONS)}",
        )
    yield from _business_marker(spec, op, op_pointer)
    doc_notes = op.get("x-top-doc")
    if doc_notes is not None and not isinstance(doc_notes, dict):
        yield fail(
            join(op_pointer, "x-top-doc"),
            "must be a mapping such as {source: page.txt, truncated: false, inferred: []}",
        )
    body = op.get("requestBody")
    if body is not None and top.FORM_TYPE not in ((target(doc, body).get("content")) or {}):
        yield fail(
            join(op_pointer, "requestBody", "content"),
            top.FORM_BODY_REQUIRED,
        )
    elif body is not None:
        yield from _system_names(spec, body, join(op_pointer, "requestBody"))
    yield from _enum_markers(spec, item, item_pointer)


def _system_names(spec: LoadedSpec, body: Any, pointer: str) -> Iterator[Problem]:
    """A business parameter may not take the name of a TOP system parameter: both would be
    sent, and the gateway would read one of them."""
    media = (target(spec.document, body).get("content") or {}).get(top.FORM_TYPE) or {}
    schema = target(spec.document, media.get("schema")) or {}
    properties = schema.get("properties") if isinstance(schema, dict) else None
    for name in properties if isinstance(properties, dict) else ():
        if name in top.SYSTEM_PARAMS:
            yield spec.source.problem(
                join(pointer, "content", top.FORM_TYPE, "schema", "properties", name),
                f"{name!r} is a TOP system parameter; a business parameter needs another name",
            )


def _business_marker(spec: LoadedSpec, op: dict[str, Any], op_pointer: str) -> Iterator[Problem]:
    marker = op.get("x-top-business-result")
    if marker is None:
        return
    pointer = join(op_pointer, "x-top-business-result")
    if not isinstance(marker, dict) or not isinstance(marker.get("success"), str):
        yield spec.source.problem(
            pointer,
            "must be a mapping {path: result, success: success, code: result_code, message: result_msg}",
        )
        return
    for key, value in marker.items():
        if key not in ("path", "success", "code", "message"):
            yield spec.source.problem(
                join(pointer, key),
                f"unknown key {key!r}; expected path, success, code, message",
            )
        elif not isinstance(value, str):
            yield spec.source.problem(join(pointer, key), "must be a field name (a string)")


def _enum_markers(spec: LoadedSpec, node: Any, pointer: str) -> Iterator[Problem]:
    if isinstance(node, dict):
        if "x-top-enum" in node:
            yield from _enum_marker(spec, node, pointer)
        for key, value in node.items():
            yield from _enum_markers(spec, value, join(pointer, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _enum_markers(spec, value, join(pointer, i))


def _enum_marker(spec: LoadedSpec, schema: dict[str, Any], pointer: str) -> Iterator[Problem]:
    marker_pointer = join(pointer, "x-top-enum")
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
                    join(marker_pointer, i, key),
                    f"unknown key {key!r}; expected value, name, label",
                )
            elif key != "value" and not isinstance(value, str):
                yield spec.source.problem(join(marker_pointer, i, key), "must be a string")
