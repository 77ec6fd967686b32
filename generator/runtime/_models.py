"""Base classes and types of the generated models, and parameter validation.

Fields are filled by wire name (alias) or attribute name alike (``populate_by_name``, which
pydantic ≥ 2.11 also spells ``validate_by_name``); ``serialize_by_alias`` takes effect from
pydantic 2.11 and is ignored before (the runtime passes ``by_alias=True`` where it matters).
Field names come from the spec, so no prefix is kept for pydantic (``model_dump_at`` is a fine
field name); the generator renames the fields that would shadow a model attribute.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from enum import Enum, IntEnum, StrEnum
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
)

from ._encoding import GMT8, format_datetime
from .errors import ParameterError

__all__ = [
    "LabeledIntEnum",
    "LabeledStrEnum",
    "OpenIntEnum",
    "OpenStrEnum",
    "RequestModel",
    "ResponseModel",
    "TopDateTime",
    "validate_params",
    "validation_problems",
]

M = TypeVar("M", bound=BaseModel)


class RequestModel(BaseModel):
    """What a caller sends: unknown fields and non-finite numbers are refused.

    Values are converted on one rule, pydantic's lax mode plus numbers to text: a value is
    taken when it converts to the parameter's type without loss (``"1"`` for an integer or an
    integer enum, ``13900000000`` or ``1.5`` for text, ``"2026-01-02 03:04:05"`` for a
    date-time, ``"true"`` for a boolean) and refused otherwise (``"x"`` or ``1.5`` for an
    integer, ``True`` for text, ``2`` for a boolean), always before anything is sent.
    """

    __client_params__: ClassVar[Mapping[str, bool]] = {}
    """The fields the client fills when a call leaves them unset (see :mod:`._client_params`):
    attribute name → whether the spec requires it."""

    model_config = ConfigDict(
        coerce_numbers_to_str=True,
        extra="forbid",
        populate_by_name=True,
        serialize_by_alias=True,
        allow_inf_nan=False,
        protected_namespaces=(),
    )


class ResponseModel(BaseModel):
    """What the gateway answers: fields it adds later are kept as extra attributes."""

    model_config = ConfigDict(
        extra="allow", populate_by_name=True, serialize_by_alias=True, protected_namespaces=()
    )


def _in_gmt8(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=GMT8)


TopDateTime = Annotated[
    datetime,
    AfterValidator(_in_gmt8),
    PlainSerializer(format_datetime, return_type=str, when_used="json"),
]
"""A TOP date-time: ``yyyy-MM-dd HH:mm:ss`` in GMT+8 on the wire.

A value without a time zone is taken as GMT+8 (TOP's clock) and gets that zone attached; an
aware value is converted to GMT+8 when sent.
"""


_E = TypeVar("_E", bound=Enum)

OpenIntEnum = Annotated[_E | int, Field(union_mode="left_to_right")]
"""An integer enum in a reply: a value the SDK does not know yet is kept as a plain ``int``
instead of failing the whole reply (``OpenIntEnum[CodeType]`` is ``CodeType | int``)."""

OpenStrEnum = Annotated[_E | str, Field(union_mode="left_to_right")]
"""A string enum in a reply; an unknown value is kept as a plain ``str``."""


class LabeledIntEnum(IntEnum):
    """An integer enum whose members carry the spec's label (``CodeType.REGISTER.label``).

    A subclass lists the labels as ``__labels__ = {1: "注册", 2: "修改密码"}``; a dunder name,
    so it is not a member.
    """

    __labels__: ClassVar[Mapping[int, str]] = {}

    @property
    def label(self) -> str:
        """The spec's label of this value, or the member name when it has none."""
        return self.__labels__.get(int(self)) or self.name


class LabeledStrEnum(StrEnum):
    """A string enum whose members carry the spec's label; see :class:`LabeledIntEnum`."""

    __labels__: ClassVar[Mapping[str, str]] = {}

    @property
    def label(self) -> str:
        """The spec's label of this value, or the member name when it has none."""
        return self.__labels__.get(str(self)) or self.name


def validate_params(params_model: type[M], values: Mapping[str, Any]) -> M:
    """Validate an operation's parameters; ``None`` means "not given".

    Raises :class:`~.errors.ParameterError` naming each problem's parameter path; the values
    themselves are never echoed (they may be personal data).
    """
    try:
        return params_model.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as error:
        raise ParameterError(validation_problems(error)) from None


def validation_problems(error: ValidationError) -> list[tuple[str, str]]:
    """``(path, message)`` per problem, paths like ``param0.items[2].code``; no input values."""
    return [
        (_location(problem["loc"]), problem["msg"])
        for problem in error.errors(include_url=False, include_input=False)
    ]


def _location(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path or "(root)"
