"""What the mock gateway knows of each endpoint, as plain data: the parameters it takes (their
types and limits, and the structs and enums inside them) and the reply it gives.

The engine works from this data alone, never from the generator's IR, so that it can travel
with the SDK: the generator writes the data as JSON into the SDK's testing kit (its
``testing/gateway.json``) and the kit reads it back with :func:`load_endpoints`.
The generator's own mock (``Gateway.from_spec``) goes through the same JSON form, so both serve
exactly the same data. Plain data rather than a copy of the IR: the IR holds far more (Python
names, docs, annotations) than serving needs, and the reply a call gets when no scenario is set
is worked out once, at generate time, from the spec's examples or a sample.

In the JSON form a field equal to its default is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Session = Literal["none", "optional", "required"]
Encoding = Literal["json", "scalar", "csv", "datetime"]


@dataclass(frozen=True)
class Limits:
    """The JSON Schema limits of a parameter or field that the gateway checks."""

    max_length: int | None = None
    min_length: int | None = None
    pattern: str | None = None
    ge: int | float | None = None
    le: int | float | None = None
    gt: int | float | None = None
    lt: int | float | None = None
    max_items: int | None = None
    min_items: int | None = None


@dataclass(frozen=True)
class Type:
    """The type of a parameter, a field or a list's items."""

    kind: str
    """``string``, ``integer``, ``number``, ``boolean``, ``datetime``, ``date``, ``object``,
    ``enum`` or ``array``."""
    format: str | None = None
    """``int32`` or ``int64`` for an integer."""
    struct: str | None = None
    """The struct of an object, by name."""
    enum: str | None = None
    item: Type | None = None
    tag: str | None = None
    """For a struct: the XML element of one list item of it (``price_vo``)."""


@dataclass(frozen=True)
class Field:
    name: str
    type: Type
    required: bool = False
    limits: Limits = Limits()


@dataclass(frozen=True)
class Param:
    """A business parameter: a form field, sent as text, JSON (``json``) or a comma-separated
    list (``csv``)."""

    name: str
    type: Type
    required: bool = False
    limits: Limits = Limits()
    encoding: Encoding = "scalar"


@dataclass(frozen=True)
class Struct:
    name: str
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Enum:
    name: str
    base: Literal["int", "str"]
    values: tuple[int | str, ...]


@dataclass(frozen=True)
class Endpoint:
    """One TOP method as the gateway serves it."""

    method: str
    response_key: str
    """The success reply's envelope: ``<method with underscores>_response``."""
    response: str
    """The struct of the reply's object inside the envelope, by name."""
    body: Mapping[str, Any]
    """The normal reply's object inside the envelope, without ``request_id``."""
    session: Session = "none"
    params: tuple[Param, ...] = ()
    structs: tuple[Struct, ...] = ()
    enums: tuple[Enum, ...] = ()
    xml: str | None = None
    """The normal XML reply, when the spec has an XML example."""
    struct_map: Mapping[str, Struct] = field(init=False, repr=False, compare=False)
    enum_map: Mapping[str, Enum] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "struct_map", {s.name: s for s in self.structs})
        object.__setattr__(self, "enum_map", {e.name: e for e in self.enums})


def load_endpoints(data: Mapping[str, Any]) -> tuple[Endpoint, ...]:
    """The endpoints of the JSON form ``{"endpoints": [...]}``."""
    return tuple(_endpoint(item) for item in data["endpoints"])


def _endpoint(data: Mapping[str, Any]) -> Endpoint:
    return Endpoint(
        **{
            **data,
            "params": tuple(_param(p) for p in data.get("params", ())),
            "structs": tuple(
                Struct(s["name"], tuple(_field(f) for f in s.get("fields", ())))
                for s in data.get("structs", ())
            ),
            "enums": tuple(
                Enum(e["name"], e["base"], tuple(e["values"])) for e in data.get("enums", ())
            ),
        }
    )


def _param(data: Mapping[str, Any]) -> Param:
    return Param(
        **{**data, "type": _type(data["type"]), "limits": Limits(**data.get("limits", {}))}
    )


def _field(data: Mapping[str, Any]) -> Field:
    return Field(
        **{**data, "type": _type(data["type"]), "limits": Limits(**data.get("limits", {}))}
    )


def _type(data: Mapping[str, Any]) -> Type:
    item = data.get("item")
    return Type(**{**data, "item": _type(item) if item is not None else None})
