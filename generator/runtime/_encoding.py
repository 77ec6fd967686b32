"""TOP's business parameters as form fields: every value is text, on TOP's terms.

The rule (the protocol fact sheet): a parameter not given, ``None`` or empty is not sent (TOP,
like its Java SDK, takes an empty value for none, and sending one would change the signature);
booleans are ``true``/``false``; numbers are plain decimals (never exponents); date-times are
``yyyy-MM-dd HH:mm:ss`` in GMT+8, dates ``yyyy-MM-dd``; a list of plain values is joined with
commas; a struct, a mapping or a list holding either is JSON by wire name.
Pure functions: no I/O, no clock.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from typing import Any

import pydantic_core
from pydantic import BaseModel

from .errors import ParameterError

__all__ = [
    "GMT8",
    "SYSTEM_PARAMS",
    "encode_params",
    "encode_value",
    "format_datetime",
    "merge_extra_params",
    "wire_names",
]

SYSTEM_PARAMS = frozenset(
    {
        "method",
        "app_key",
        "v",
        "format",
        "sign_method",
        "timestamp",
        "session",
        "sign",
        "partner_id",
        "target_app_key",
        "simplify",
    }
)
"""TOP's system parameters: the client sets them, and no business parameter may take their name."""

GMT8 = timezone(timedelta(hours=8), "GMT+8")
"""TOP's clock: timestamps and date-times on the wire are GMT+8 wall-clock time."""


def format_datetime(value: datetime) -> str:
    """``yyyy-MM-dd HH:mm:ss``; an aware value is first converted to GMT+8."""
    if value.tzinfo is not None:
        value = value.astimezone(GMT8)
    # not strftime, which writes the year 999 as "999" on glibc: TOP reads four digits
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )


def encode_params(params: BaseModel) -> dict[str, str]:
    """The form fields of a validated parameters model, by wire name.

    Fields not set, ``None`` or encoding to an empty string are left out. Raises
    :class:`~.errors.ParameterError` for a value TOP's form cannot hold (a date-time out of
    range once in GMT+8), and for a required one that is empty (``""``, ``[]``).
    """
    fields_set = params.model_fields_set
    encoded: dict[str, str] = {}
    for wire, attribute in wire_names(type(params)).items():
        if attribute not in fields_set:
            continue
        value = getattr(params, attribute)
        if value is None:
            continue
        try:
            text = encode_value(value)
        except (OverflowError, ValueError) as error:  # a date-time GMT+8 cannot hold
            raise ParameterError([(wire, f"cannot be sent: {type(error).__name__}")]) from None
        if text:
            encoded[wire] = text
        elif type(params).model_fields[attribute].is_required():
            raise ParameterError([(wire, "is required, and TOP takes an empty value for none")])
    return encoded


def encode_value(value: Any) -> str:
    """One business parameter as TOP reads it (see the module docstring)."""
    if isinstance(value, BaseModel):
        return value.model_dump_json(by_alias=True, exclude_none=True)
    if isinstance(value, Enum):
        return encode_value(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return _decimal(value)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        if any(isinstance(item, BaseModel | Mapping | list | tuple) for item in value):
            return _json(list(value))
        return ",".join(encode_value(item) for item in value)
    if isinstance(value, Mapping):
        return _json(value)
    raise TypeError(f"cannot encode a {type(value).__name__} as a TOP parameter")


def _decimal(value: float | Decimal) -> str:
    text = repr(value) if isinstance(value, float) else str(value)
    if "e" in text or "E" in text:
        return format(Decimal(text), "f")
    return text


def _json(value: Any) -> str:
    return pydantic_core.to_json(_top_dates(value), by_alias=True, exclude_none=True).decode(
        "utf-8"
    )


def _top_dates(value: Any) -> Any:
    """``value`` with its date-times (in lists and mappings; models write their own) as TOP
    writes them, where pydantic would write ISO 8601."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, list | tuple):
        return [_top_dates(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _top_dates(item) for key, item in value.items()}
    return value


@functools.cache
def wire_names(model: type[BaseModel]) -> dict[str, str]:
    """Each field's name on the wire (its alias, else its name) → its attribute name."""
    return {(info.alias or name): name for name, info in model.model_fields.items()}


def merge_extra_params(
    business: Mapping[str, str], extra: Mapping[str, Any] | None, known: Iterable[str] = ()
) -> dict[str, str]:
    """``business`` with the parameters the spec does not know yet (``extra_params``) added,
    each encoded as :func:`encode_value` encodes it (``None`` and empty values left out).

    Raises :class:`~.errors.ParameterError` for a name that is not text, and for one that
    clashes with a system parameter, a parameter already given or one of ``known`` (the
    operation's own parameters): an extra parameter never replaces a known one.
    """
    if not extra:
        return dict(business)
    if not isinstance(extra, Mapping):
        raise ParameterError([("extra_params", "must be a mapping of name to value")])
    taken = SYSTEM_PARAMS | set(business) | set(known)
    problems: list[tuple[str, str]] = []
    merged = dict(business)
    for name, value in extra.items():
        if not isinstance(name, str) or not name:
            problems.append(("extra_params", f"a parameter name must be text, not {name!r}"))
        elif name in taken:
            problems.append((name, "clashes with a known parameter; pass it as that one"))
        elif value is not None:
            try:
                text = encode_value(value)
            except (TypeError, OverflowError, ValueError) as error:
                problems.append((name, f"cannot be sent: {error}"))
                continue
            if text:
                merged[name] = text
    if problems:
        raise ParameterError(problems)
    return merged
