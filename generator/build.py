"""Stage 3: build the IR (:mod:`.ir`) from a bundled, validated document.

Every name, type and default of the generated SDK is decided here, once. Problems that only
show once names are chosen (two fields that become the same Python name, two different structs
with one name in an endpoint) are reported from here with their place in the spec.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from xml.parsers import expat

from . import naming
from .cache import Cache, digest
from .errors import Problem, SpecError
from .ir import (
    DEFAULT_METHOD_PREFIX,
    FORM,
    Api,
    BusinessResult,
    Constraints,
    Encoding,
    EnumMember,
    EnumType,
    Example,
    Field,
    Model,
    Operation,
    Param,
    Resource,
    Server,
    TypeRef,
    response_key,
)
from .load import LoadedSpec, canonical_json, join_pointer, resolve


def build_api(spec: LoadedSpec, cache: Cache | None = None) -> Api:
    """Build the IR from a bundled, validated document. With a cache, an operation whose Path
    Item and the shared parts of the document are unchanged since it was last built is taken
    from it."""
    return _Builder(spec, cache).build()


@dataclass
class _EndpointScope:
    """Names taken in one endpoint's module while its models are built."""

    operation_pointer: str
    models: dict[str, tuple[Model, Mapping[str, Any] | None]] = field(default_factory=dict)
    """Each struct's model and its schema (compared only when a name comes up again)."""
    enums: dict[str, tuple[EnumType, bytes]] = field(default_factory=dict)
    order: list[Model] = field(default_factory=list)
    inputs: set[str] = field(default_factory=set)


class _Builder:
    def __init__(self, spec: LoadedSpec, cache: Cache | None = None) -> None:
        self.spec = spec
        self.doc = spec.document
        self.cache = cache
        self.problems: list[Problem] = []

    def fail(self, pointer: str, message: str) -> None:
        self.problems.append(self.spec.source.problem(pointer, message))

    def deref(self, node: Any, pointer: str) -> tuple[Any, str]:
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                raise _Stop(pointer, f"$ref cycle through {ref}")
            seen.add(ref)
            try:
                node = resolve(self.doc, ref)
            except KeyError:
                raise _Stop(pointer, f"$ref {ref!r} points to nothing") from None
            pointer = ref[1:]
        return node, pointer

    # -- the whole document ------------------------------------------------------------------
    def build(self) -> Api:
        info = self.doc.get("info", {})
        package_info = info.get("x-top-package", {}) or {}
        prefix = package_info.get("method-prefix", DEFAULT_METHOD_PREFIX)
        distribution = package_info.get("distribution", "damai-maizuo")
        package = package_info.get("module", "damai_maizuo")
        operations: list[Operation] = []
        for path, item in sorted((self.doc.get("paths") or {}).items()):
            item_pointer = join_pointer("/paths", path)
            for verb, op in item.items():
                if verb.startswith("x-") or verb in (
                    "summary",
                    "description",
                    "servers",
                    "parameters",
                ):
                    continue
                key = digest(self.spec.path_digests[path], verb)
                cached = self.cache.get("operation", key) if self.cache is not None else None
                if cached is not None:
                    operations.append(cached)
                    continue
                before = len(self.problems)
                try:
                    built = self.operation(path, op, join_pointer(item_pointer, verb), prefix)
                except _Stop as stop:
                    self.fail(stop.pointer, stop.message)
                    continue
                built = replace(built, fingerprint=key)
                operations.append(built)
                if self.cache is not None and len(self.problems) == before:
                    self.cache.put("operation", key, built)
        error_model = self.error_model()
        resources = self.resources(operations)
        self.check_unique(operations)
        if self.problems:
            raise SpecError(self.problems)
        return Api(
            title=str(info.get("title", "")),
            summary=str(info.get("summary", "")),
            description=str(info.get("description", "")),
            version=str(info.get("version", "")),
            distribution=distribution,
            package=package,
            method_prefix=prefix,
            env_prefix=package.upper(),
            servers=tuple(
                Server(str(s.get("url", "")), str(s.get("description", "")))
                for s in self.doc.get("servers", [])
            ),
            operations=tuple(sorted(operations, key=lambda o: o.top_method)),
            resources=resources,
            error_model=error_model,
        )

    def error_model(self) -> Model:
        pointer = "/components/schemas/ErrorResponse"
        try:
            schema, pointer = self.deref({"$ref": "#" + pointer}, pointer)
        except _Stop:
            self.fail("/components/schemas", "the shared ErrorResponse schema is missing")
            return Model("ErrorResponse", "ErrorResponse", "", (), False, True, "", pointer)
        scope = _EndpointScope(pointer)
        ref = self.model_type(schema, pointer, "ErrorResponse", scope, is_input=False)
        return scope.models[ref.model or "ErrorResponse"][0]

    def check_unique(self, operations: list[Operation]) -> None:
        seen: dict[str, Operation] = {}
        for op in operations:
            for key in (op.module, op.const_name, op.call_path):
                other = seen.get(key)
                if other is not None and other is not op:
                    self.fail(
                        op.pointer,
                        f"{op.top_method} and {other.top_method} both become the Python name {key!r}; rename one method",
                    )
                seen[key] = op

    # -- resources ---------------------------------------------------------------------------
    def resources(self, operations: list[Operation]) -> tuple[Resource, ...]:
        resource_paths: set[tuple[str, ...]] = set()
        for op in operations:
            for i in range(1, len(op.resource) + 1):
                resource_paths.add(op.resource[:i])
        class_names = _resource_class_names(resource_paths)

        def node(path: tuple[str, ...]) -> Resource:
            children = tuple(
                node(p)
                for p in sorted(resource_paths)
                if len(p) == len(path) + 1 and p[: len(path)] == path
            )
            full = [op for op in operations if (*op.resource, op.method_name) == path]
            methods = tuple(
                sorted(
                    (
                        op
                        for op in operations
                        if op.resource == path
                        and (*op.resource, op.method_name) not in resource_paths
                    ),
                    key=lambda o: o.method_name,
                )
            )
            child_names = {c.name for c in children}
            for op in methods:
                if op.method_name in child_names:  # pragma: no cover - excluded above
                    self.fail(op.pointer, f"{op.call_path} is both a method and a resource")
            return Resource(
                name=path[-1],
                path=path,
                class_name=class_names[path],
                module=path[0],
                children=children,
                methods=methods,
                call=full[0] if full else None,
            )

        return tuple(node(p) for p in sorted(resource_paths) if len(p) == 1)

    # -- one operation -----------------------------------------------------------------------
    def operation(self, path: str, op: Any, pointer: str, prefix: str) -> Operation:
        top_method = op.get("x-top-method")
        if not isinstance(top_method, str):
            raise _Stop(
                pointer,
                "x-top-method is missing; add the TOP method name, e.g. x-top-method: "
                + path.lstrip("/"),
            )
        if not top_method.startswith(prefix):
            raise _Stop(
                join_pointer(pointer, "x-top-method"),
                f"{top_method!r} does not start with the API's method prefix {prefix!r}",
            )
        segments = top_method[len(prefix) :].split(".")
        names = [naming.member_name(s, top=i == 0) for i, s in enumerate(segments)]
        if not all(names):
            raise _Stop(
                join_pointer(pointer, "x-top-method"),
                f"{top_method!r}: every segment after {prefix!r} needs ASCII letters to name a Python attribute",
            )
        if len(names) < 2:
            raise _Stop(
                join_pointer(pointer, "x-top-method"),
                f"{top_method!r}: the SDK calls a method as client.<resource>.<method>, so it needs "
                f"two segments or more after {prefix!r}, like user.authcode.send",
            )
        module = "_".join(names).rstrip("_").replace("__", "_")
        scope = _EndpointScope(pointer)
        params = self.params(op, pointer, scope)
        resp_key = response_key(top_method)
        stem = "".join(naming.pascal(n) for n in names)
        params_model = self.params_model(op, pointer, stem + "Params", params, scope)
        response = self.response(op, pointer, resp_key, stem + "Response", scope)
        business = self.business_result(op, pointer, response, scope)
        _check_dict_names(scope, params_model)
        params, params_model, response = _unshadow(
            scope, params, params_model, response, module.upper()
        )
        examples = self.examples(op, pointer)
        doc_notes = op.get("x-top-doc") or {}
        return Operation(
            top_method=top_method,
            path=path,
            summary=str(op.get("summary", "")),
            description=str(op.get("description", "")),
            idempotent=bool(op.get("x-top-idempotent", False)),
            session=op.get("x-top-session", "none"),
            business_result=business,
            params=params,
            response=response,
            response_key=resp_key,
            models=tuple(scope.order),
            enums=tuple(sorted((e for e, _ in scope.enums.values()), key=lambda e: e.name)),
            resource=tuple(names[:-1]),
            method_name=names[-1],
            call_path=".".join(names),
            module=module,
            const_name=module.upper(),
            params_model=params_model,
            doc_page=".".join(segments) + ".md",
            request_examples=examples["request"],
            response_examples=examples["json"],
            xml_response_examples=examples["xml"],
            error_examples=examples["json-error"],
            xml_error_examples=examples["xml-error"],
            doc_notes=doc_notes,
            pointer=pointer,
        )

    def params(self, op: Any, pointer: str, scope: _EndpointScope) -> tuple[Param, ...]:
        body = op.get("requestBody")
        if body is None:
            return ()
        body, body_pointer = self.deref(body, join_pointer(pointer, "requestBody"))
        content = body.get("content", {})
        if FORM not in content:
            raise _Stop(
                join_pointer(body_pointer, "content"),
                f"the business parameters must be a {FORM} body",
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
                raise _Stop(
                    prop_pointer,
                    f"parameter {name!r} has no ASCII letters to make a Python name from",
                )
            if py_name in taken:
                raise _Stop(
                    prop_pointer,
                    f"parameters {taken[py_name]!r} and {name!r} both become the Python name {py_name!r}; rename one",
                )
            taken[py_name] = name
            resolved, resolved_pointer = self.deref(prop, prop_pointer)
            type_ref = self.type_of(resolved, resolved_pointer, name, scope, is_input=True)
            encoding = self.encoding_of(type_ref)
            declared = (encodings.get(name) or {}).get("contentType")
            if encoding == "json" and declared != "application/json":
                raise _Stop(
                    prop_pointer,
                    f"{name!r} is sent as JSON; add encoding: {{{name}: {{contentType: application/json}}}} to the request body",
                )
            result.append(
                Param(
                    name=name,
                    py_name=py_name,
                    type=type_ref,
                    required=name in required,
                    description=str(resolved.get("description", "")),
                    examples=_examples(resolved),
                    default=resolved.get("default"),
                    constraints=_constraints(resolved),
                    encoding=encoding,
                    pointer=prop_pointer,
                )
            )
        return tuple(result)

    def params_model(
        self,
        op: Any,
        pointer: str,
        name: str,
        params: tuple[Param, ...],
        scope: _EndpointScope,
    ) -> Model:
        if name in scope.models or name in scope.enums:
            raise _Stop(
                pointer,
                f"a struct or enum of this endpoint is named {name!r}, the name of its parameters model; retitle it",
            )
        fields = tuple(
            Field(
                p.name,
                p.py_name,
                p.type,
                p.required,
                p.description,
                p.examples,
                p.default,
                p.constraints,
                p.pointer,
            )
            for p in params
        )
        top_method = op.get("x-top-method", "")
        model = Model(
            name,
            name,
            f"{top_method} 的业务参数",
            fields,
            True,
            False,
            name + "Dict",
            join_pointer(pointer, "requestBody"),
        )
        scope.models[name] = (model, None)
        scope.order.append(model)
        return model

    @staticmethod
    def encoding_of(type_ref: TypeRef) -> Encoding:
        if type_ref.kind == "object":
            return "json"
        if type_ref.kind == "array":
            assert type_ref.item is not None
            return "json" if type_ref.item.kind in ("object", "array") else "csv"
        if type_ref.kind in ("datetime", "date"):
            return "datetime"
        return "scalar"

    def response(
        self, op: Any, pointer: str, key: str, class_name: str, scope: _EndpointScope
    ) -> Model:
        responses = op.get("responses") or {}
        ok_pointer = join_pointer(pointer, "responses", "200")
        if "200" not in responses:
            raise _Stop(
                join_pointer(pointer, "responses"),
                "a TOP method answers with HTTP 200; add a '200' response",
            )
        ok, ok_pointer = self.deref(responses["200"], ok_pointer)
        json_media = (ok.get("content") or {}).get("application/json")
        if json_media is None:
            raise _Stop(
                join_pointer(ok_pointer, "content"),
                "the 200 response needs an application/json schema (the TOP envelope)",
            )
        schema, schema_pointer = self.deref(
            json_media.get("schema", {}),
            join_pointer(ok_pointer, "content", "application/json", "schema"),
        )
        envelope, envelope_pointer = self.success_envelope(schema, schema_pointer, key)
        inner, inner_pointer = self.deref(
            envelope["properties"][key],
            join_pointer(envelope_pointer, "properties", key),
        )
        if inner.get("type") != "object":
            raise _Stop(inner_pointer, f"{key} must be an object schema")
        named = dict(inner, title=class_name)
        ref = self.model_type(named, inner_pointer, class_name, scope, is_input=False)
        assert ref.model is not None
        return scope.models[ref.model][0]

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
        raise _Stop(
            pointer,
            f"no success envelope: the schema needs an object with the property {key!r} (TOP names it after x-top-method)",
        )

    def business_result(
        self, op: Any, pointer: str, response: Model, scope: _EndpointScope
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
                raise _Stop(
                    join_pointer(marker_pointer, "path"),
                    f"{'.'.join(path)!r}: {part!r} is not an object field of {model.name}",
                )
            model = scope.models[found.type.model][0]
        names = {f.name: f for f in model.fields}
        success = marker.get("success")
        if success not in names or names[success].type.kind != "boolean":
            raise _Stop(
                join_pointer(marker_pointer, "success"),
                f"{success!r} must name a boolean field of {model.name} ({', '.join(names) or 'no fields'})",
            )
        for role in ("code", "message"):
            value = marker.get(role)
            if value is not None and value not in names:
                raise _Stop(
                    join_pointer(marker_pointer, role),
                    f"{value!r} is not a field of {model.name} ({', '.join(names)})",
                )
        return BusinessResult(path, success, marker.get("code"), marker.get("message"))

    def examples(self, op: Any, pointer: str) -> dict[str, tuple[Example, ...]]:
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
            for media_type, kind in (
                ("application/json", "json"),
                ("application/xml", "xml"),
            ):
                media = (ok.get("content") or {}).get(media_type) or {}
                for example in self.media_examples(
                    media, join_pointer(ok_pointer, "content", media_type)
                ):
                    is_error = "error_response" in (
                        example.value if isinstance(example.value, dict) else {}
                    ) or (
                        isinstance(example.value, str)
                        and example.value.lstrip().startswith("<error_response")
                    )
                    found[kind + "-error" if is_error else kind].append(example)
        return {k: tuple(v) for k, v in found.items()}

    def media_examples(self, media: Any, pointer: str) -> list[Example]:
        result = []
        for name, example in (media.get("examples") or {}).items():
            example, _ = self.deref(example, join_pointer(pointer, "examples", name))
            value = example.get("value")
            text = (
                value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)
            )
            result.append(Example(name, str(example.get("summary", "")), value, text))
        if "example" in media:
            value = media["example"]
            text = (
                value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)
            )
            result.append(Example("example", "", value, text))
        return result

    # -- schemas -----------------------------------------------------------------------------
    def type_of(
        self,
        schema: Any,
        pointer: str,
        field_name: str,
        scope: _EndpointScope,
        *,
        is_input: bool,
    ) -> TypeRef:
        schema, pointer = self.deref(schema, pointer)
        if not isinstance(schema, dict):
            raise _Stop(pointer, "expected a schema object")
        kind = schema.get("type")
        if isinstance(kind, list):
            raise _Stop(
                pointer,
                f"type {kind!r}: a list of types is not supported; give one type (leave the field optional instead of adding 'null')",
            )
        if kind is None:
            for word in ("oneOf", "anyOf", "allOf"):
                if word in schema:
                    raise _Stop(
                        pointer,
                        f"{word} is not supported in TOP parameters and results; describe one object type",
                    )
            if "properties" in schema:
                kind = "object"
            else:
                raise _Stop(
                    pointer,
                    "the schema has no type; add type: string, integer, number, boolean, object or array",
                )
        if "enum" in schema and kind in ("integer", "string"):
            return self.enum_type(schema, pointer, field_name, scope, is_input=is_input)
        fmt = schema.get("format")
        if kind == "string":
            if fmt == "date-time":
                return TypeRef(
                    "datetime",
                    "TopDateTime",
                    "datetime",
                    "datetime",
                    "string(date-time)",
                    fmt,
                )
            if fmt == "date":
                return TypeRef("date", "date", "date", "date", "string(date)", fmt)
            return TypeRef("string", "str", "str", "str", _described("string", fmt), fmt)
        if kind == "integer":
            return TypeRef("integer", "int", "int", "int", _described("integer", fmt), fmt)
        if kind == "number":
            return TypeRef("number", "float", "float", "float", _described("number", fmt), fmt)
        if kind == "boolean":
            return TypeRef("boolean", "bool", "bool", "bool", "boolean", fmt)
        if kind == "array":
            if "items" not in schema:
                raise _Stop(pointer, "an array needs items: the schema of its elements")
            item = self.type_of(
                schema["items"],
                join_pointer(pointer, "items"),
                field_name,
                scope,
                is_input=is_input,
            )
            return TypeRef(
                "array",
                f"list[{item.annotation}]",
                f"Sequence[{item.input_annotation}]",
                f"list[{item.dict_annotation}]",
                f"array<{item.schema_type}>",
                item=item,
            )
        if kind == "object":
            return self.model_type(
                schema,
                pointer,
                naming.pascal(field_name) or "Struct",
                scope,
                is_input=is_input,
            )
        raise _Stop(
            pointer,
            f"type {kind!r} is not supported; use string, integer, number, boolean, object or array",
        )

    def enum_type(
        self,
        schema: dict[str, Any],
        pointer: str,
        field_name: str,
        scope: _EndpointScope,
        *,
        is_input: bool,
    ) -> TypeRef:
        values = schema["enum"]
        base: Literal["int", "str"] = "int" if schema.get("type") == "integer" else "str"
        described = {m.get("value"): m for m in schema.get("x-top-enum", []) if isinstance(m, dict)}
        members: list[EnumMember] = []
        taken: set[str] = set()
        for value in values:
            entry = described.get(value, {})
            name = entry.get("name") or (naming.constant(str(value)) if base == "str" else "")
            if not name or not naming.is_identifier(naming.constant(name)):
                name = f"VALUE_{value}".replace("-", "MINUS_")
            name = naming.constant(name)
            if name in taken:
                raise _Stop(
                    pointer,
                    f"enum values {values!r} give the member name {name!r} twice; set distinct x-top-enum names",
                )
            taken.add(name)
            members.append(EnumMember(name, value, str(entry.get("label", ""))))
        enum_name = naming.class_name(str(schema.get("title") or field_name))
        if not enum_name:
            raise _Stop(
                pointer,
                "the enum needs a title with ASCII letters to name its Python class",
            )
        enum = EnumType(
            enum_name, str(schema.get("description", "")), base, tuple(members), pointer
        )
        self.claim(scope, enum_name, pointer)
        key = canonical_json([base, [(m.name, m.value, m.label) for m in members]])
        existing = scope.enums.get(enum_name)
        if existing is not None and existing[1] != key:
            raise _Stop(
                pointer,
                f"two different enums are named {enum_name!r} in this endpoint (the other at {existing[0].pointer}); give one another title",
            )
        if existing is None:
            scope.enums[enum_name] = (enum, key)
        literal = ", ".join(json.dumps(v, ensure_ascii=False) for v in values)
        # A reply may carry a value added to the service after this SDK was generated: keep it
        # (as a plain int or str) rather than refuse the whole reply.
        opened = f"Open{'Int' if base == 'int' else 'Str'}Enum[{enum_name}]"
        return TypeRef(
            "enum",
            enum_name if is_input else opened,
            f"{enum_name} | Literal[{literal}]",
            f"{enum_name} | Literal[{literal}]",
            f"{schema.get('type')} enum",
            schema.get("format"),
            enum=enum_name,
        )

    def claim(self, scope: _EndpointScope, name: str, pointer: str) -> None:
        other = scope.models.get(name)
        other_enum = scope.enums.get(name)
        if (other is not None and other[0].pointer != pointer and name in scope.enums) or (
            other_enum is not None and name in scope.models
        ):
            raise _Stop(
                pointer,
                f"the name {name!r} is used by both a struct and an enum in this endpoint; retitle one",
            )

    def model_type(
        self,
        schema: dict[str, Any],
        pointer: str,
        fallback: str,
        scope: _EndpointScope,
        *,
        is_input: bool,
    ) -> TypeRef:
        struct = str(schema.get("title") or fallback)
        name = naming.class_name(struct)
        if not name:
            raise _Stop(
                pointer,
                f"the struct name {struct!r} has no ASCII letters; set a title such as UserParam",
            )
        existing = scope.models.get(name)
        if existing is not None:
            if _struct_key(existing[1]) != _struct_key(schema):
                raise _Stop(
                    pointer,
                    f"two different structs are named {struct!r} in this endpoint (the other at {existing[0].pointer}); give one another title",
                )
            if is_input and not existing[0].is_input:
                _replace_model(scope, name, is_input=True)
        else:
            if name in scope.enums:
                raise _Stop(
                    pointer,
                    f"the name {name!r} is used by both a struct and an enum in this endpoint; retitle one",
                )
            # reserve the name before the fields, so a struct containing itself is caught
            placeholder = Model(
                name, struct, "", (), is_input, not is_input, name + "Dict", pointer
            )
            scope.models[name] = (placeholder, schema)
            fields = self.fields(schema, pointer, scope, is_input=is_input)
            model = Model(
                name=name,
                struct=struct,
                description=str(schema.get("description", "")),
                fields=fields,
                is_input=is_input,
                is_output=not is_input,
                dict_name=name + "Dict",
                pointer=pointer,
            )
            scope.models[name] = (model, schema)
            scope.order.append(model)
        return TypeRef(
            "object",
            name,
            f"{name} | {name}Dict" if is_input else name,
            f"{name}Dict",
            struct,
            model=name,
        )

    def fields(
        self,
        schema: dict[str, Any],
        pointer: str,
        scope: _EndpointScope,
        *,
        is_input: bool,
    ) -> tuple[Field, ...]:
        required = set(schema.get("required", []))
        result: list[Field] = []
        taken: dict[str, str] = {}
        for name, prop in (schema.get("properties") or {}).items():
            prop_pointer = join_pointer(pointer, "properties", name)
            py_name = naming.field_name(name)
            if not py_name:
                raise _Stop(
                    prop_pointer,
                    f"field {name!r} has no ASCII letters to make a Python name from",
                )
            if py_name in taken:
                raise _Stop(
                    prop_pointer,
                    f"fields {taken[py_name]!r} and {name!r} both become the Python name {py_name!r}; rename one",
                )
            taken[py_name] = name
            if not is_input and not _is_xml_name(name):
                raise _Stop(
                    prop_pointer,
                    f"field {name!r} of a reply cannot be an XML element, and TOP answers in XML "
                    "too; use letters, digits, '_', '-' and '.', not first a digit",
                )
            resolved, resolved_pointer = self.deref(prop, prop_pointer)
            if resolved is schema:
                raise _Stop(prop_pointer, "a struct cannot contain itself")
            type_ref = self.type_of(resolved, resolved_pointer, name, scope, is_input=is_input)
            result.append(
                Field(
                    name=name,
                    py_name=py_name,
                    type=type_ref,
                    required=name in required,
                    description=str(resolved.get("description", "")),
                    examples=_examples(resolved),
                    default=resolved.get("default"),
                    constraints=_constraints(resolved),
                    pointer=prop_pointer,
                    deprecated=bool(resolved.get("deprecated", False)),
                )
            )
        return tuple(result)


class _Stop(Exception):
    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(message)
        self.pointer = pointer
        self.message = message


def _struct_key(schema: Mapping[str, Any] | None) -> bytes:
    """What makes two structs of one name the same struct: their schema but its wording."""
    if schema is None:
        return b""
    return canonical_json(
        {k: v for k, v in schema.items() if k not in ("description", "examples", "example")}
    )


def _replace_model(scope: _EndpointScope, name: str, *, is_input: bool) -> None:
    model, key = scope.models[name]
    updated = Model(
        model.name,
        model.struct,
        model.description,
        model.fields,
        is_input or model.is_input,
        True,
        model.dict_name,
        model.pointer,
    )
    scope.models[name] = (updated, key)
    scope.order[:] = [updated if m.name == name else m for m in scope.order]


def _is_xml_name(name: str) -> bool:
    parser = expat.ParserCreate()
    try:
        parser.Parse(f"<{name}/>", True)
    except expat.ExpatError:
        return False
    return True


def _resource_class_names(paths: set[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    """``UserAuthcodeResource`` for ``client.user.authcode``, its async twin being ``Async`` and
    that; a name taken already (``client.async_`` has the twin ``AsyncAsyncResource``, the very
    name of ``client.async_.async_``) gets a ``_`` more, shallower resources first."""
    taken: set[str] = set()
    names = {}
    for path in sorted(paths, key=lambda p: (len(p), p)):
        name = "".join(naming.pascal(p) for p in path) + "Resource"
        while name in taken or "Async" + name in taken:
            name += "_"
        taken |= {name, "Async" + name}
        names[path] = name
    return names


def _check_dict_names(scope: _EndpointScope, params_model: Model) -> None:
    """An input struct has a plain-dict twin named ``<name>Dict``: no struct or enum of its
    endpoint may take that name."""
    names = {m.name for m in scope.order} | {e.name for e, _ in scope.enums.values()}
    for model in scope.order:
        if model.is_input and model is not params_model and model.dict_name in names:
            raise _Stop(
                (
                    scope.models[model.dict_name][0].pointer
                    if model.dict_name in scope.models
                    else scope.enums[model.dict_name][0].pointer
                ),
                f"{model.dict_name!r} is the name of the plain-dict form of the struct "
                f"{model.struct!r}; give this one another title",
            )


def _unshadow(
    scope: _EndpointScope,
    params: tuple[Param, ...],
    params_model: Model,
    response: Model,
    const_name: str,
) -> tuple[tuple[Param, ...], Model, Model]:
    """Rename the fields called like a class of their module: in a class body
    ``ResultData: ResultData | None = None`` makes the annotation the field's own default. A
    parameter (a field of the parameters model, and a keyword argument of the endpoint's
    function) may not take the name of the operation's constant either, which the function uses.

    Returns the parameters, the parameters model and the response model, renamed.
    """
    classes = {m.name for m in scope.order} | {e.name for e, _ in scope.enums.values()}
    classes |= {m.dict_name for m in scope.order if m.is_input}
    renamed: dict[str, Model] = {}
    for model in scope.order:
        taken = {f.py_name for f in model.fields}
        is_params = model.name == params_model.name
        fields = []
        for f in model.fields:
            py_name = f.py_name
            if py_name in classes or (is_params and py_name == const_name):
                py_name += "_"
                while py_name in taken or py_name in classes:
                    py_name += "_"
                taken.add(py_name)
                f = replace(f, py_name=py_name)
            fields.append(f)
        renamed[model.name] = replace(model, fields=tuple(fields))
    scope.order[:] = [renamed[m.name] for m in scope.order]
    for name, model in renamed.items():
        scope.models[name] = (model, scope.models[name][1])
    by_wire = {f.name: f.py_name for f in renamed[params_model.name].fields}
    params = tuple(replace(p, py_name=by_wire[p.name]) for p in params)
    return params, renamed[params_model.name], renamed[response.name]


def _described(kind: str, fmt: str | None) -> str:
    return f"{kind}({fmt})" if fmt else kind


def _examples(schema: Mapping[str, Any]) -> tuple[Any, ...]:
    if isinstance(schema.get("examples"), list):
        return tuple(schema["examples"])
    if "example" in schema:
        return (schema["example"],)
    return ()


def _constraints(schema: Mapping[str, Any]) -> Constraints:
    return Constraints(
        max_length=schema.get("maxLength"),
        min_length=schema.get("minLength"),
        pattern=schema.get("pattern"),
        ge=schema.get("minimum"),
        le=schema.get("maximum"),
        gt=schema.get("exclusiveMinimum"),
        lt=schema.get("exclusiveMaximum"),
        max_items=schema.get("maxItems"),
        min_items=schema.get("minItems"),
    )
