"""Schema → Python type: the :class:`~generator.ir.TypeRef` of a schema, and the models and enums
it brings into its endpoint's module.

A struct is a class named after its ``title`` (or the field holding it); one that holds itself,
directly, in a list or through other structs, refers to its own class, which is written before
that class is complete (see :attr:`generator.ir.Model.recursive`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Literal
from xml.parsers import expat

from .. import naming
from ..cache import canonical_json
from ..ir import EnumMember, EnumType, Field, Model, TypeRef
from ..pointer import join as join_pointer
from .rules import constraints_of, examples_of, struct_identity
from .scope import EndpointScope
from .spec import Document, Stop

_SCALARS: Mapping[str, tuple[Literal["string", "integer", "number", "boolean"], str]] = {
    "string": ("string", "str"),
    "integer": ("integer", "int"),
    "number": ("number", "float"),
    "boolean": ("boolean", "bool"),
}


class SchemaTypes:
    """Turns the schemas of one document into types, recording models and enums in the scope
    of the endpoint they belong to."""

    def __init__(self, document: Document) -> None:
        self.document = document

    def type_of(
        self,
        schema: Any,
        pointer: str,
        field_name: str,
        scope: EndpointScope,
        *,
        is_input: bool,
    ) -> TypeRef:
        """The type of ``schema``, the schema of the field (or parameter) ``field_name``."""
        schema, pointer = self.document.deref(schema, pointer)
        if not isinstance(schema, dict):
            raise Stop(pointer, "expected a schema object")
        kind = _kind(schema, pointer)
        if "enum" in schema and kind in ("integer", "string"):
            return self.enum_type(schema, pointer, field_name, scope, is_input=is_input)
        fmt = schema.get("format")
        if kind == "string" and fmt == "date-time":
            return TypeRef(
                kind="datetime",
                annotation="TopDateTime",
                input_annotation="datetime",
                dict_annotation="datetime",
                schema_type="string(date-time)",
                format=fmt,
            )
        if kind == "string" and fmt == "date":
            return TypeRef(
                kind="date",
                annotation="date",
                input_annotation="date",
                dict_annotation="date",
                schema_type="string(date)",
                format=fmt,
            )
        if kind in _SCALARS:
            type_kind, python = _SCALARS[kind]
            return TypeRef(
                kind=type_kind,
                annotation=python,
                input_annotation=python,
                dict_annotation=python,
                schema_type=f"{kind}({fmt})" if fmt and kind != "boolean" else kind,
                format=fmt,
            )
        if kind == "array":
            return self.array_type(schema, pointer, field_name, scope, is_input=is_input)
        if kind == "object":
            fallback = naming.pascal(field_name) or "Struct"
            return self.model_type(schema, pointer, fallback, scope, is_input=is_input)
        raise Stop(
            pointer,
            f"type {kind!r} is not supported; use string, integer, number, boolean, object or array",
        )

    def array_type(
        self,
        schema: dict[str, Any],
        pointer: str,
        field_name: str,
        scope: EndpointScope,
        *,
        is_input: bool,
    ) -> TypeRef:
        if "items" not in schema:
            raise Stop(pointer, "an array needs items: the schema of its elements")
        items, items_pointer = self.document.deref(schema["items"], join_pointer(pointer, "items"))
        item = self.type_of(items, items_pointer, field_name, scope, is_input=is_input)
        rules = constraints_of(items, item, items_pointer) if isinstance(items, dict) else None
        annotation = item.annotation
        if rules is not None and rules.items():
            item = replace(item, constraints=rules)
            if is_input:  # a reply is read as it comes: a rule it breaks is not an error
                keywords = ", ".join(f"{k}={v!r}" for k, v in rules.items())
                annotation = f"Annotated[{annotation}, Field({keywords})]"
        return TypeRef(
            kind="array",
            annotation=f"list[{annotation}]",
            input_annotation=f"Sequence[{item.input_annotation}]",
            dict_annotation=f"list[{item.dict_annotation}]",
            schema_type=f"array<{item.schema_type}>",
            item=item,
        )

    def enum_type(
        self,
        schema: dict[str, Any],
        pointer: str,
        field_name: str,
        scope: EndpointScope,
        *,
        is_input: bool,
    ) -> TypeRef:
        values = schema["enum"]
        base: Literal["int", "str"] = "int" if schema.get("type") == "integer" else "str"
        members = _enum_members(values, schema.get("x-top-enum", []), base, pointer)
        enum_name = naming.class_name(str(schema.get("title") or field_name))
        if not enum_name:
            raise Stop(
                pointer, "the enum needs a title with ASCII letters to name its Python class"
            )
        if enum_name in scope.models:
            raise Stop(
                pointer,
                f"the name {enum_name!r} is used by both a struct (at "
                f"{self.document.where(scope.models[enum_name].pointer)}) and an enum in this "
                "endpoint; retitle one",
            )
        # The labels are the enum's wording: two enums differing only there are one enum.
        identity = canonical_json([base, [(m.name, m.value) for m in members]])
        existing = scope.enums.get(enum_name)
        if existing is None:
            scope.enums[enum_name] = EnumType(
                name=enum_name,
                description=str(schema.get("description", "")),
                base=base,
                members=members,
                pointer=pointer,
            )
            scope.enum_identities[enum_name] = identity
        elif scope.enum_identities[enum_name] != identity:
            raise Stop(
                pointer,
                f"two different enums are named {enum_name!r} in this endpoint (the other at "
                f"{self.document.where(existing.pointer)}); give one another title",
            )
        literal = ", ".join(json.dumps(v, ensure_ascii=False) for v in values)
        # A reply may carry a value added to the service after this SDK was generated: keep it
        # (as a plain int or str) rather than refuse the whole reply.
        opened = f"Open{'Int' if base == 'int' else 'Str'}Enum[{enum_name}]"
        return TypeRef(
            kind="enum",
            annotation=enum_name if is_input else opened,
            input_annotation=f"{enum_name} | Literal[{literal}]",
            dict_annotation=f"{enum_name} | Literal[{literal}]",
            schema_type=f"{schema.get('type')} enum",
            format=schema.get("format"),
            enum=enum_name,
        )

    def model_type(
        self,
        schema: dict[str, Any],
        pointer: str,
        fallback: str,
        scope: EndpointScope,
        *,
        is_input: bool,
    ) -> TypeRef:
        """The type of a struct; its model (and the models of its fields) join ``scope`` the
        first time its name is met."""
        struct = str(schema.get("title") or fallback)
        name = naming.class_name(struct)
        if not name:
            raise Stop(
                pointer,
                f"the struct name {struct!r} has no ASCII letters; set a title such as UserParam",
            )
        if name in scope.enums:
            raise Stop(
                pointer,
                f"the name {name!r} is used by both a struct and an enum (at "
                f"{self.document.where(scope.enums[name].pointer)}) in this endpoint; retitle one",
            )
        identity = struct_identity(self.document, schema, pointer)
        existing = scope.models.get(name)
        if existing is not None:
            if scope.identities.get(name) != identity:
                raise Stop(
                    pointer,
                    f"two different structs are named {struct!r} in this endpoint (the other at "
                    f"{self.document.where(existing.pointer)}); give one another title",
                )
            if is_input and not existing.is_input:
                scope.update(_as_input(existing))
        else:
            # The name is taken before the fields are built: a field holding this very struct
            # (at any depth) finds it and refers to its class.
            scope.models[name] = Model(
                name=name,
                struct=struct,
                description="",
                fields=(),
                is_input=is_input,
                is_output=not is_input,
                dict_name=name + "Dict",
                pointer=pointer,
            )
            scope.identities[name] = identity
            fields = self.fields(schema, pointer, scope, is_input=is_input)
            placeholder = scope.models[name]
            scope.add(
                Model(
                    name=name,
                    struct=struct,
                    description=str(schema.get("description", "")),
                    fields=fields,
                    is_input=placeholder.is_input,
                    is_output=placeholder.is_output,
                    dict_name=name + "Dict",
                    pointer=pointer,
                )
            )
        return TypeRef(
            kind="object",
            annotation=name,
            input_annotation=f"{name} | {name}Dict" if is_input else name,
            dict_annotation=f"{name}Dict",
            schema_type=struct,
            model=name,
        )

    def fields(
        self,
        schema: dict[str, Any],
        pointer: str,
        scope: EndpointScope,
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
                raise Stop(
                    prop_pointer, f"field {name!r} has no ASCII letters to make a Python name from"
                )
            if py_name in taken:
                raise Stop(
                    prop_pointer,
                    f"fields {taken[py_name]!r} and {name!r} both become the Python name "
                    f"{py_name!r}; rename one",
                )
            taken[py_name] = name
            if not is_input and not _is_xml_name(name):
                raise Stop(
                    prop_pointer,
                    f"field {name!r} of a reply cannot be an XML element, and TOP answers in XML "
                    "too; use letters, digits, '_', '-' and '.', not first a digit",
                )
            resolved, resolved_pointer = self.document.deref(prop, prop_pointer)
            type_ref = self.type_of(resolved, resolved_pointer, name, scope, is_input=is_input)
            result.append(
                Field(
                    name=name,
                    py_name=py_name,
                    type=type_ref,
                    required=name in required,
                    description=str(resolved.get("description", "")),
                    examples=examples_of(resolved),
                    default=resolved.get("default"),
                    constraints=constraints_of(resolved, type_ref, resolved_pointer),
                    pointer=prop_pointer,
                    deprecated=bool(resolved.get("deprecated", False)),
                )
            )
        return tuple(result)


def _kind(schema: dict[str, Any], pointer: str) -> str:
    """The schema's ``type``, or ``object`` for an untyped schema with properties."""
    kind = schema.get("type")
    if isinstance(kind, list):
        raise Stop(
            pointer,
            f"type {kind!r}: a list of types is not supported; give one type (leave the field "
            "optional instead of adding 'null')",
        )
    if kind is not None:
        return str(kind)
    for word in ("oneOf", "anyOf", "allOf"):
        if word in schema:
            raise Stop(
                pointer,
                f"{word} is not supported in TOP parameters and results; describe one object type",
            )
    if "properties" in schema:
        return "object"
    raise Stop(
        pointer,
        "the schema has no type; add type: string, integer, number, boolean, object or array",
    )


def _enum_members(
    values: list[Any], described: Any, base: Literal["int", "str"], pointer: str
) -> tuple[EnumMember, ...]:
    """The members of an enum: named by ``x-top-enum``, else by a string value, else
    ``VALUE_<n>``."""
    entries = {m.get("value"): m for m in described if isinstance(m, dict)}
    members: list[EnumMember] = []
    taken: set[str] = set()
    for value in values:
        entry = entries.get(value, {})
        name = entry.get("name") or (naming.constant(str(value)) if base == "str" else "")
        if not name or not naming.is_identifier(naming.constant(name)):
            name = f"VALUE_{value}".replace("-", "MINUS_")
        name = naming.constant(name)
        if name in taken:
            raise Stop(
                pointer,
                f"enum values {values!r} give the member name {name!r} twice; set distinct "
                "x-top-enum names",
            )
        taken.add(name)
        members.append(EnumMember(name=name, value=value, label=str(entry.get("label", ""))))
    return tuple(members)


def _as_input(model: Model) -> Model:
    """A reply's struct that a request sends too: validated strictly, with a plain-dict twin."""
    return Model(
        name=model.name,
        struct=model.struct,
        description=model.description,
        fields=model.fields,
        is_input=True,
        is_output=True,
        dict_name=model.dict_name,
        pointer=model.pointer,
    )


def _is_xml_name(name: str) -> bool:
    parser = expat.ParserCreate()
    try:
        parser.Parse(f"<{name}/>", True)
    except expat.ExpatError:
        return False
    return True
