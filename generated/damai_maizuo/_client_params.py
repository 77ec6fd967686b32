"""Client-level parameters: values the client takes once and fills into every request.

Most calls carry the same partner credentials in their business structs (``ptnr_token``,
``tenant_token``, ``channel_token``). The spec declares them as client parameters, so a partner
gives each once, as ``Client(ptnr_token=...)`` or in its environment variable (read when the
argument is not given, as the app key is), instead of in every call.

The rule: after a call's parameters are validated, every field of a client parameter's name
that the call left unset (not given, ``None`` or ``""``), in any struct at any depth, is filled
with the client's value; a value given in the call wins. A required one that ends up without a
value is a :class:`~.errors.ParameterError` naming its path, and nothing is sent. The generated
models say which of their fields the client fills (``__client_params__``), and type them as
optional. ``client.call(...)`` sends its parameters as given: it knows no fields to fill.

A secret parameter's values (the client's, and any a call gives) are taken out of errors like
the app secret, once they are :data:`MIN_SECRET` characters long (a real token is much longer;
a shorter value, a placeholder such as ``"t"``, would blank out ordinary text); the models never
show them in their ``repr``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from ._models import RequestModel, validation_problems
from .errors import ClientOptionError, ParameterError

__all__ = ["ClientParam", "ClientParamValues"]

M = TypeVar("M", bound=RequestModel)

MIN_SECRET = 6
"""The shortest value of a secret parameter that is taken out of errors."""


@dataclass(frozen=True)
class ClientParam:
    """A client parameter the spec declares: its name (the fields' wire name, and the client's
    keyword argument), the environment variable read in its place, and whether it is secret."""

    name: str
    env: str
    secret: bool = True


class ClientParamValues:
    """The values a client holds for its parameters, and the filling of a call's fields."""

    __slots__ = ("_declared", "_values")

    def __init__(self, declared: Iterable[ClientParam], given: Mapping[str, object]) -> None:
        self._declared = {param.name: param for param in declared}
        texts: dict[str, str] = {}
        for name, value in given.items():
            if name not in self._declared:
                known = ", ".join(self._declared) or "none"
                raise ClientOptionError(
                    f"unexpected option {name!r}; the client parameters of this API are: {known}"
                )
            if value is not None and not isinstance(value, str):
                raise ClientOptionError(f"{name} must be text, not {type(value).__name__}")
            if value:
                texts[name] = value
        self._values: dict[str, str | None] = {
            name: texts.get(name) or os.environ.get(param.env) or None
            for name, param in self._declared.items()
        }

    def values(self) -> dict[str, str | None]:
        """Each parameter's value (``None`` when the client has none), by name."""
        return dict(self._values)

    @property
    def secrets(self) -> tuple[str, ...]:
        """The values of the secret parameters, to take out of any text."""
        return tuple(
            value
            for name, value in self._values.items()
            if value and len(value) >= MIN_SECRET and self._declared[name].secret
        )

    def fill(self, params: M) -> tuple[M, tuple[str, ...]]:
        """``params`` with every field the client fills set where the call left it unset, and
        the secret values the request will carry. Raises :class:`~.errors.ParameterError` for a
        required field without a value; ``params`` itself is never changed."""
        problems: list[tuple[str, str]] = []
        secrets: list[str] = []
        filled = self._fill(params, "", problems, secrets)
        if problems:
            raise ParameterError(problems)
        return filled, tuple(secrets)

    def _fill(self, model: M, path: str, problems: list[tuple[str, str]], secrets: list[str]) -> M:
        plan = _plan(type(model))
        updates: dict[str, Any] = {}
        checked: list[str] = []
        for attribute, name, required, has_rules in plan.own:
            value = getattr(model, attribute)
            if value is None or value == "":
                value = self._values.get(name)
                if value is None:
                    if required:
                        problems.append((_join(path, name), self._missing(name)))
                    continue
                updates[attribute] = value
                if has_rules:
                    checked.append(attribute)
            param = self._declared.get(name)
            if (param is None or param.secret) and len(value) >= MIN_SECRET:
                secrets.append(value)
        for attribute, name in plan.nested:
            value = getattr(model, attribute)
            inner = self._fill_value(value, _join(path, name), problems, secrets)
            if inner is not value:
                updates[attribute] = inner
        if not updates:
            return model
        copy = model.model_copy(update=updates)
        for attribute in checked:  # the client's value against the field's own rules
            try:
                type(model).__pydantic_validator__.validate_assignment(
                    copy, attribute, updates[attribute]
                )
            except ValidationError as error:
                problems.extend((_join(path, p), m) for p, m in validation_problems(error))
        return copy

    def _fill_value(
        self, value: Any, path: str, problems: list[tuple[str, str]], secrets: list[str]
    ) -> Any:
        """``value`` with the structs in it filled (a new list when one of them changed)."""
        if isinstance(value, RequestModel):
            return self._fill(value, path, problems, secrets)
        if isinstance(value, list | tuple) and value:
            items = [
                self._fill_value(item, f"{path}[{i}]", problems, secrets)
                for i, item in enumerate(value)
            ]
            if any(new is not old for new, old in zip(items, value, strict=True)):
                return type(value)(items)
        return value

    def _missing(self, name: str) -> str:
        param = self._declared.get(name)
        env = f" or set {param.env}" if param is not None else ""
        return f"missing: pass it in the call, or give the client {name}=...{env}"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


@dataclass(frozen=True)
class _Plan:
    """What filling a model class takes: its own fields the client fills, and the fields that
    may hold structs that have such fields (the others are never looked at)."""

    own: tuple[tuple[str, str, bool, bool], ...]
    """``(attribute, wire name, required, has rules of its own)``."""
    nested: tuple[tuple[str, str], ...]
    """``(attribute, wire name)``."""


_PLANS: dict[type[BaseModel], _Plan] = {}


def _plan(cls: type[BaseModel]) -> _Plan:
    """The :class:`_Plan` of ``cls``, made once per class."""
    plan = _PLANS.get(cls)
    if plan is None:
        fields = cls.model_fields
        own = tuple(
            (
                attribute,
                fields[attribute].alias or attribute,
                required,
                bool(fields[attribute].metadata),
            )
            for attribute, required in getattr(cls, "__client_params__", {}).items()
        )
        nested = tuple(
            (attribute, info.alias or attribute)
            for attribute, info in fields.items()
            if any(_holds_client_fields(model) for model in _models_in(info.annotation))
        )
        plan = _PLANS[cls] = _Plan(own, nested)
    return plan


@functools.cache
def _holds_client_fields(cls: type[BaseModel]) -> bool:
    """Whether ``cls``, or a struct it may hold at any depth, has fields the client fills
    (structs may hold each other in a cycle: each is looked at once)."""
    seen: set[type[BaseModel]] = set()
    todo = [cls]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        if getattr(model, "__client_params__", None):
            return True
        todo.extend(m for info in model.model_fields.values() for m in _models_in(info.annotation))
    return False


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The request model classes an annotation names (``list[OrderItem] | None``, ...)."""
    if isinstance(annotation, type) and issubclass(annotation, RequestModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]
