"""One operation: its parameters, its reply, its business result and its examples, with the
models and enums they bring into its module.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .. import naming, top
from ..ir import (
    FORM,
    BusinessResult,
    Encoding,
    Example,
    Family,
    Field,
    Model,
    Operation,
    Param,
    TypeRef,
    response_key,
)
from ..pointer import join as join_pointer
from .families import family_of
from .names import method_names
from .rules import constraints_of, examples_of
from .scope import EndpointScope
from .spec import Document, Stop
from .types import SchemaTypes


class OperationBuilder:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.types = SchemaTypes(document)

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        return self.document.deref(node, pointer)

    def operation(self, path: str, op: Any, pointer: str, families: Sequence[Family]) -> Operation:
        top_method = op.get("x-top-method")
        if not isinstance(top_method, str):
            raise Stop(pointer, top.missing_method(path))
        family = family_of(top_method, families, pointer)
        names = method_names(top_method, family, pointer)
        scope = EndpointScope(pointer)
        params = self.params(op, pointer, scope)
        resp_key = response_key(top_method)
        params_model = self.params_model(top_method, pointer, names.stem + "Params", params, scope)
        response = self.response(op, pointer, resp_key, names.stem + "Response", scope)
        business = self.business_result(op, pointer, response, scope)
        scope.check_dict_names(params_model)
        params, params_model, response = scope.finish(
            params, params_model, response, names.const_name
        )
        examples = self.examples(op, pointer)
        return Operation(
            top_method=top_method,
            family=family,
            summary=str(op.get("summary", "")),
            description=str(op.get("description", "")),
            idempotent=bool(op.get("x-top-idempotent", False)),
            session=op.get("x-top-session", "none"),
            business_result=business,
            params=params,
            response=response,
            response_key=resp_key,
            models=tuple(scope.order),
            enums=tuple(sorted(scope.enums.values(), key=lambda e: e.name)),
            resource=names.resource,
            method_name=names.method_name,
            call_path=names.call_path,
            module=names.module,
            const_name=names.const_name,
            params_model=params_model,
            doc_page=names.doc_page,
            request_examples=examples["request"],
            response_examples=examples["json"],
            xml_response_examples=examples["xml"],
            error_examples=examples["json-error"],
            xml_error_examples=examples["xml-error"],
            doc_notes=op.get("x-top-doc") or {},
            pointer=pointer,
        )

    # -- the request -------------------------------------------------------------------------
    def params(self, op: Any, pointer: str, scope: EndpointScope) -> tuple[Param, ...]:
        body = op.get("requestBody")
        if body is None:
            return ()
        body, body_pointer = self.deref(body, join_pointer(pointer, "requestBody"))
        content = body.get("content", {})
        if FORM not in content:
            raise Stop(
                join_pointer(body_pointer, "content"),
                top.FORM_BODY_REQUIRED,
            )
        media_pointer = join_pointer(body_pointer, "content", FORM)
        media = content[FORM]
        schema, schema_pointer = self.deref(
            media.get("schema", {}), join_pointer(media_pointer, "schema")
        )
        encodings = media.get("encoding", {}) or {}
        required = set(schema.get("required", []))
        result: list[Param] = []
        taken: dict[str, str] = {}
        for name, prop in (schema.get("properties") or {}).items():
            prop_pointer = join_pointer(schema_pointer, "properties", name)
            py_name = naming.param_name(name)
            if not py_name:
                raise Stop(
                    prop_pointer,
                    f"parameter {name!r} has no ASCII letters to make a Python name from",
                )
            if py_name in taken:
                raise Stop(
                    prop_pointer,
                    f"parameters {taken[py_name]!r} and {name!r} both become the Python name "
                    f"{py_name!r}; rename one",
                )
            taken[py_name] = name
            resolved, resolved_pointer = self.deref(prop, prop_pointer)
            type_ref = self.types.type_of(resolved, resolved_pointer, name, scope, is_input=True)
            encoding = encoding_of(type_ref)
            declared = (encodings.get(name) or {}).get("contentType")
            if encoding == "json" and declared != "application/json":
                raise Stop(
                    prop_pointer,
                    f"{name!r} is sent as JSON; add encoding: {{{name}: {{contentType: "
                    "application/json}} to the request body",
                )
            result.append(
                Param(
                    name=name,
                    py_name=py_name,
                    type=type_ref,
                    required=name in required,
                    description=str(resolved.get("description", "")),
                    examples=examples_of(resolved),
                    default=resolved.get("default"),
                    constraints=constraints_of(resolved, type_ref, resolved_pointer),
                    encoding=encoding,
                    pointer=prop_pointer,
                )
            )
        return tuple(result)

    def params_model(
        self,
        top_method: str,
        pointer: str,
        name: str,
        params: tuple[Param, ...],
        scope: EndpointScope,
    ) -> Model:
        """One model of all the business parameters, so a call is validated at once."""
        if name in scope.models or name in scope.enums:
            raise Stop(
                pointer,
                f"a struct or enum of this endpoint is named {name!r}, the name of its "
                "parameters model; retitle it",
            )
        fields = tuple(
            Field(
                name=p.name,
                py_name=p.py_name,
                type=p.type,
                required=p.required,
                description=p.description,
                examples=p.examples,
                default=p.default,
                constraints=p.constraints,
                pointer=p.pointer,
            )
            for p in params
        )
        model = Model(
            name=name,
            struct=name,
            description=f"{top_method} 的业务参数",
            fields=fields,
            is_input=True,
            is_output=False,
            dict_name=name + "Dict",
            pointer=join_pointer(pointer, "requestBody"),
        )
        scope.add(model)
        return model

    # -- the reply ---------------------------------------------------------------------------
    def response(
        self, op: Any, pointer: str, key: str, class_name: str, scope: EndpointScope
    ) -> Model:
        responses = op.get("responses") or {}
        if "200" not in responses:
            raise Stop(
                join_pointer(pointer, "responses"),
                "a TOP method answers with HTTP 200; add a '200' response",
            )
        ok, ok_pointer = self.deref(responses["200"], join_pointer(pointer, "responses", "200"))
        json_media = (ok.get("content") or {}).get("application/json")
        if json_media is None:
            raise Stop(
                join_pointer(ok_pointer, "content"),
                "the 200 response needs an application/json schema (the TOP envelope)",
            )
        schema, schema_pointer = self.deref(
            json_media.get("schema", {}),
            join_pointer(ok_pointer, "content", "application/json", "schema"),
        )
        envelope, envelope_pointer = self.success_envelope(schema, schema_pointer, key)
        inner, inner_pointer = self.deref(
            envelope["properties"][key], join_pointer(envelope_pointer, "properties", key)
        )
        if inner.get("type") != "object":
            raise Stop(inner_pointer, f"{key} must be an object schema")
        named = dict(inner, title=class_name)
        ref = self.types.model_type(named, inner_pointer, class_name, scope, is_input=False)
        assert ref.model is not None
        return scope.models[ref.model]

    def success_envelope(self, schema: Any, pointer: str, key: str) -> tuple[Any, str]:
        candidates = [(schema, pointer)]
        if "oneOf" in schema:
            candidates = [
                self.deref(s, join_pointer(pointer, "oneOf", i))
                for i, s in enumerate(schema["oneOf"])
            ]
        for candidate, candidate_pointer in candidates:
            if key in (candidate.get("properties") or {}):
                return candidate, candidate_pointer
        raise Stop(
            pointer,
            f"no success envelope: the schema needs an object with the property {key!r} (TOP "
            "names it after x-top-method)",
        )

    def business_result(
        self, op: Any, pointer: str, response: Model, scope: EndpointScope
    ) -> BusinessResult | None:
        marker = op.get("x-top-business-result")
        if marker is None:
            return None
        marker_pointer = join_pointer(pointer, "x-top-business-result")
        path = tuple(p for p in str(marker.get("path", "")).split(".") if p)
        model = response
        for part in path:
            found = next((f for f in model.fields if f.name == part), None)
            if found is None or found.type.model is None:
                raise Stop(
                    join_pointer(marker_pointer, "path"),
                    f"{'.'.join(path)!r}: {part!r} is not an object field of {model.name}",
                )
            model = scope.models[found.type.model]
        names = {f.name: f for f in model.fields}
        success = marker.get("success")
        if success not in names or names[success].type.kind != "boolean":
            raise Stop(
                join_pointer(marker_pointer, "success"),
                f"{success!r} must name a boolean field of {model.name} "
                f"({', '.join(names) or 'no fields'})",
            )
        for role in ("code", "message"):
            value = marker.get(role)
            if value is not None and value not in names:
                raise Stop(
                    join_pointer(marker_pointer, role),
                    f"{value!r} is not a field of {model.name} ({', '.join(names)})",
                )
        return BusinessResult(
            path=path, success=success, code=marker.get("code"), message=marker.get("message")
        )

    # -- examples ----------------------------------------------------------------------------
    def examples(self, op: Any, pointer: str) -> dict[str, tuple[Example, ...]]:
        """The request examples, and the reply examples by format and by outcome."""
        found: dict[str, list[Example]] = {
            "request": [],
            "json": [],
            "xml": [],
            "json-error": [],
            "xml-error": [],
        }
        body = op.get("requestBody")
        if body is not None:
            body, body_pointer = self.deref(body, join_pointer(pointer, "requestBody"))
            media = (body.get("content") or {}).get(FORM) or {}
            found["request"] = self.media_examples(
                media, join_pointer(body_pointer, "content", FORM)
            )
        ok = (op.get("responses") or {}).get("200")
        if ok is not None:
            ok, ok_pointer = self.deref(ok, join_pointer(pointer, "responses", "200"))
            for media_type, kind in (("application/json", "json"), ("application/xml", "xml")):
                media = (ok.get("content") or {}).get(media_type) or {}
                for example in self.media_examples(
                    media, join_pointer(ok_pointer, "content", media_type)
                ):
                    found[kind + "-error" if _is_error(example.value) else kind].append(example)
        return {k: tuple(v) for k, v in found.items()}

    def media_examples(self, media: Any, pointer: str) -> list[Example]:
        result = []
        for name, example in (media.get("examples") or {}).items():
            example, _ = self.deref(example, join_pointer(pointer, "examples", name))
            value = example.get("value")
            result.append(
                Example(
                    name=name,
                    summary=str(example.get("summary", "")),
                    value=value,
                    text=_example_text(value),
                )
            )
        if "example" in media:
            value = media["example"]
            result.append(
                Example(name="example", summary="", value=value, text=_example_text(value))
            )
        return result


def encoding_of(type_ref: TypeRef) -> Encoding:
    """How a parameter of this type goes on the wire."""
    if type_ref.kind == "object":
        return "json"
    if type_ref.kind == "array":
        assert type_ref.item is not None
        return "json" if type_ref.item.kind in ("object", "array") else "csv"
    if type_ref.kind in ("datetime", "date"):
        return "datetime"
    return "scalar"


def _is_error(value: Any) -> bool:
    """Is this reply example TOP's error envelope (JSON or XML)?"""
    if isinstance(value, dict):
        return "error_response" in value
    return isinstance(value, str) and value.lstrip().startswith("<error_response")


def _example_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)
