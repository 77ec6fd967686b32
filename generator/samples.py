"""Sample values built from the IR: the arguments of the docs' call examples and the mock
gateway's replies for endpoints whose spec has no response example.

Both follow one rule, so they live here once: a field's first example when the spec gives one;
else, for a required field, a plain value of its type (the first member of an enum); an object
holds what its fields give, a list the one item its item type gives; an optional field with
nothing to show is left out. A struct met again inside itself (directly, through a list or
through another struct) is not entered again: the sample stops there, with ``{}`` where a value
is required. The docs and the mock differ only in the plain values (see :class:`Fill`): a
reader is better served by ``"example"`` than by ``""``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .ir import EnumType, Model, TypeRef


@dataclass(frozen=True)
class Fill:
    """The plain value of each scalar kind, for a required field without an example."""

    string: Any
    integer: Any
    number: Any
    boolean: Any
    datetime: Any = "2016-01-01 12:00:00"
    date: Any = "2016-01-01"


READABLE = Fill(string="example", integer=1, number=1.0, boolean=True)
"""For examples people read and run: values that show what goes where."""

ZERO = Fill(string="", integer=0, number=0.0, boolean=False)
"""For replies: the zero value of each type, as a service fills a field it has nothing for."""


class _Omit:
    """Marks a value the sample leaves out."""

    def __repr__(self) -> str:
        return "OMIT"


OMIT: Any = _Omit()
"""What :meth:`Sampler.value` returns for an optional value with nothing to show."""


class Sampler:
    """Sample values of one endpoint's types (its models and enums, by name)."""

    def __init__(
        self,
        models: Mapping[str, Model],
        enums: Mapping[str, EnumType],
        fill: Fill,
        *,
        skip: frozenset[str] = frozenset(),
    ) -> None:
        self.models = models
        self.enums = enums
        self.fill = fill
        self.skip = skip
        """Wire names never sampled (the mock's ``request_id``, which the reply adds)."""

    def value(
        self,
        ref: TypeRef,
        examples: tuple[Any, ...] = (),
        *,
        required: bool,
        seen: frozenset[str] = frozenset(),
    ) -> Any:
        """A value of type ``ref``, or :data:`OMIT`; ``seen`` holds the structs being built
        around it (the cycle guard)."""
        if examples:
            return examples[0]
        if ref.kind == "object":
            model = self.models[ref.model or ""]
            if model.name in seen:  # a struct holding itself: stop here
                return {} if required else OMIT
            return self.object(model, required=required, seen=seen)
        if ref.kind == "array":
            assert ref.item is not None
            item = self.value(ref.item, required=required, seen=seen)
            if item is OMIT:
                return [] if required else OMIT
            return [item]
        if not required:
            return OMIT
        if ref.kind == "enum":
            return self.enums[ref.enum or ""].members[0].value
        return getattr(self.fill, ref.kind)

    def object(self, model: Model, *, required: bool, seen: frozenset[str] = frozenset()) -> Any:
        """``model`` as a JSON object of its sampled fields; :data:`OMIT` when it is optional
        and holds nothing."""
        inside = seen | {model.name}
        body: dict[str, Any] = {}
        for field in model.fields:
            if field.name in self.skip:
                continue
            value = self.value(field.type, field.examples, required=field.required, seen=inside)
            if value is not OMIT:
                body[field.name] = value
        return body if body or required else OMIT
