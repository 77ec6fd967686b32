"""What a generated Python module needs that follows from the IR: the names it imports and
exports, its field declarations and method docstrings, so its template stays loops and simple
conditions."""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..ir import Api, ClientParam, EnumType, Field, Model, Operation, Param, Resource, TypeRef
from .pytext import dict_line, fits, one_line, pyrepr


@dataclass(frozen=True)
class EndpointModule:
    """What one endpoint's module needs besides the IR: its imports."""

    operation: Operation
    exports: tuple[str, ...]
    typing: tuple[str, ...]
    collections: tuple[str, ...]
    runtime: tuple[str, ...]
    needs_field: bool
    needs_datetime: tuple[str, ...]


@dataclass(frozen=True)
class ResourceModule:
    name: str
    resources: tuple[Resource, ...]
    """Every resource in this module, parents before children."""
    exports: tuple[str, ...]
    operations: tuple[Operation, ...]
    has_children: bool


def _walk_types(ref: TypeRef) -> Iterator[TypeRef]:
    yield ref
    if ref.item is not None:
        yield from _walk_types(ref.item)


def endpoint_module(op: Operation) -> EndpointModule:
    typing: set[str] = set()
    collections: set[str] = set()
    runtime: set[str] = set()
    dates: set[str] = set()
    needs_field = False
    enums = {e.name: e for e in op.enums}
    for model in op.models:
        runtime.add("RequestModel" if model.is_input else "ResponseModel")
        if model.is_input and model is not op.params_model:
            typing.add("TypedDict")
        for f in model.fields:
            if "Field(" in declaration(f, model):
                needs_field = True
            if model.is_input and not_required(f) and model is not op.params_model:
                typing.add("NotRequired")
            if model.is_input and f.client_param is not None:
                typing.add("ClassVar")
                collections.add("Mapping")
            if "Annotated[" in f.type.annotation:  # the rules of a list's items
                typing.add("Annotated")
            for t in _walk_types(f.type):
                if t.kind == "datetime":
                    runtime.add("TopDateTime")
                    if model.is_input and model is not op.params_model:
                        dates.add("datetime")  # the TypedDict twin takes a plain datetime
                if t.kind == "date":
                    dates.add("date")
                if t.kind == "enum" and model.is_input:
                    typing.add("Literal")
                if t.kind == "enum" and not model.is_input:
                    runtime.add(
                        "OpenIntEnum" if enums[t.enum or ""].base == "int" else "OpenStrEnum"
                    )
    for param in op.params:
        for t in _walk_types(param.type):
            if t.kind == "array":
                collections.add("Sequence")
            if t.kind in ("datetime", "date"):
                dates.add(t.kind)
    for enum in op.enums:
        runtime.add("LabeledIntEnum" if enum.base == "int" else "LabeledStrEnum")
        typing.add("ClassVar")
        collections.add("Mapping")
    exports = [e.name for e in op.enums] + [m.name for m in op.models]
    exports += [m.dict_name for m in op.models if m.is_input and m is not op.params_model]
    return EndpointModule(
        operation=op,
        exports=tuple(sorted(exports, key=export_order)),
        typing=tuple(sorted(typing)),
        collections=tuple(sorted(collections)),
        runtime=tuple(sorted(runtime)),
        needs_field=needs_field,
        needs_datetime=tuple(sorted(dates)),
    )


def export_order(name: str) -> tuple[int, list[str | int]]:
    """The order ruff wants ``__all__`` in (RUF022): CONSTANTS, then Classes, then the rest,
    each in natural order (``Level2`` before ``Level10``)."""
    if len(name) > 1 and name.upper() == name and name.lower() != name:
        kind = 0
    elif name[:1].isupper():
        kind = 1
    else:
        kind = 2
    return kind, [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def flatten(resource: Resource) -> Iterator[Resource]:
    """``resource`` and every resource under it, parents first."""
    yield resource
    for child in resource.children:
        yield from flatten(child)


def resource_module(resource: Resource) -> ResourceModule:
    resources = tuple(flatten(resource))
    operations = tuple(
        sorted(
            [op for r in resources for op in r.methods] + [r.call for r in resources if r.call],
            key=lambda o: o.module,
        )
    )
    exports = sorted(
        (prefix + r.class_name for r in resources for prefix in ("", "Async")), key=export_order
    )
    return ResourceModule(
        name=resource.module,
        resources=resources,
        exports=tuple(exports),
        operations=operations,
        has_children=any(r.children for r in resources),
    )


def declaration(field: Field, model: Model) -> str:
    """What follows ``name:`` in a model's class body: the annotation and the default."""
    optional = not_required(field) or model.is_output
    arguments = ["default=None"] if optional else []
    if field.py_name != field.name:
        arguments.append(f"alias={pyrepr(field.name)}")
    if field.client_param is not None and field.client_param.secret:
        arguments.append("repr=False")
    if model.is_input:  # a reply is read as it comes: a constraint it breaks is not an error
        arguments.extend(f"{key}={pyrepr(value)}" for key, value in field.constraints.items())
    if field.examples:
        arguments.append(f"examples={pyrepr(list(field.examples))}")
    if field.deprecated:
        arguments.append("deprecated=True")
    annotation = field.type.annotation + (" | None" if optional else "")
    if arguments == ["default=None"]:
        return f"{annotation} = None"
    if arguments:
        return f"{annotation} = Field({', '.join(arguments)})"
    return annotation


def field_line(field: Field, model: Model) -> str:
    """A model field's line at indent 4: ``name: annotation = Field(...)``, its call's arguments
    on a line of their own when the whole is too long (and they fit there)."""
    line = f"    {field.py_name}: {declaration(field, model)}"
    if fits(line) or not line.endswith(")") or "= Field(" not in line:
        return line.lstrip()
    head, arguments = line[:-1].split("= Field(", 1)
    if fits(f"{head}= Field(") and fits(f"        {arguments}") and "(" not in arguments:
        return f"{head.lstrip()}= Field(\n        {arguments}\n    )"
    return line.lstrip()


def not_required(field: Field | Param) -> bool:
    """May a call leave it out: optional in the spec, or filled in by the client."""
    return not field.required or field.client_param is not None


def dict_annotation(field: Field) -> str:
    """The type of a key of a request TypedDict."""
    if not not_required(field):
        return field.type.dict_annotation
    return f"NotRequired[{field.type.dict_annotation}]"


def client_params_line(model: Model) -> str:
    """The ``__client_params__`` line of a request model whose fields the client may fill
    (attribute → required), or ``""``."""
    items = [
        (pyrepr(f.py_name), str(f.required))
        for f in model.fields
        if f.client_param is not None and model.is_input
    ]
    if not items:
        return ""
    return dict_line(items, "__client_params__: ClassVar[Mapping[str, bool]] = ", 4).lstrip()


def client_note(param: ClientParam) -> str:
    """What a field's docstring adds when the client fills it."""
    return (
        f"Left unset, the client fills it in from\n``Client({param.name}=...)`` or ``{param.env}``."
    )


def client_params_doc(api: Api) -> str:
    """The part of the clients' docstring on the client parameters (``""`` when none), each
    line within black's limit where the spec's description allows."""
    if not api.client_params:
        return ""
    lines = [
        "",
        "",
        "Client parameters, filled into the request fields of their name a call leaves",
        "unset:",
        "",
    ]
    for p in api.client_params:
        lines += [f"- ``{p.name}`` (or ``{p.env}``):", f"  {one_line(p.description)}"]
    return "\n".join(lines)


def field_doc(field: Field) -> str:
    """A model field's docstring: the spec's description, and who fills it in."""
    if field.client_param is None:
        return field.description
    note = client_note(field.client_param)
    return f"{field.description}\n\n{note}" if field.description else note


def identifier_keys(model: Model) -> bool:
    """Can the model's TypedDict twin be a class (every wire name a Python identifier, which
    may be non-ASCII: a TypedDict's keys are the wire names, whatever script they use)?"""
    return all(f.name.isidentifier() and not keyword.iskeyword(f.name) for f in model.fields)


def labels_line(enum: EnumType) -> str:
    """The ``__labels__`` line of an enum class."""
    items = [(pyrepr(m.value), pyrepr(m.label)) for m in enum.members]
    head = f"__labels__: ClassVar[Mapping[{enum.base}, str]] = "
    return dict_line(items, head, 4).lstrip()


def call_values(op: Operation) -> str:
    """The parameters' dict of a resource method's ``_call``, an argument line at indent 8."""
    items = [(pyrepr(p.py_name), p.py_name) for p in op.params]
    return dict_line(items, "", 8, ",").lstrip()


def method_docstring(op: Operation) -> str:
    """The docstring of a resource method: what the doc page says, its arguments and errors."""
    lines = [op.summary or op.top_method]
    if op.description and op.description != op.summary:
        lines += ["", op.description]
    lines += ["", f"TOP method ``{op.top_method}``."]
    if not op.idempotent:
        lines.append(
            "Not idempotent: once the request may have reached the service it is never resent."
        )
    if op.params:
        lines += ["", "Args:"]
        for p in op.params:
            text = one_line(p.description) or p.type.schema_type
            if p.client_param is not None:
                text += f" (optional: {one_line(client_note(p.client_param))})"
            elif not p.required:
                text += " (optional)"
            lines.append(f"    {p.py_name}: {text}")
    lines += ["", "Raises:"]
    lines.append("    ParameterError: a parameter fails validation; nothing was sent.")
    if op.business_result:
        lines.append("    BusinessError: the service answered that the operation did not succeed.")
    lines.append("    APIError: the gateway refused the call (a subclass tells why).")
    lines.append(
        "    APIConnectionError: the gateway could not be reached or did not answer in time."
    )
    return "\n".join(lines)
