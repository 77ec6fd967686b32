"""Checking business parameters against the endpoint's data: presence, JSON, types, enums, constraints.

A required parameter that is absent (or empty) is 40 ``isv.missing-parameter:<name>``; anything
wrong inside a parameter that was sent is 41 ``isv.invalid-parameter:<name>``, with a sub_msg
naming the exact place (``param0.code_type``, ``param0.items[2].price``). The first problem in
spec order wins: missing parameters first, then each parameter's value.

Inside an object parameter, fields the spec does not know are ignored (the service's JSON reader
ignores them too) and a ``null`` field counts as absent, as TOP's Java SDK leaves nulls out.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .codes import invalid_parameter, missing_parameter, preview
from .endpoints import Endpoint, Enum, Limits, Param, Struct, Type

_INTEGER = re.compile(r"[+-]?\d{1,4000}")  # int() reads at most 4300 digits
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_TIME_FORMATS = {"datetime": "%Y-%m-%d %H:%M:%S", "date": "%Y-%m-%d"}
_TIME_SHAPES = {
    "datetime": re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"),
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
}
_TIME_WORDS = {"datetime": "yyyy-MM-dd HH:mm:ss", "date": "yyyy-MM-dd"}
_INT_RANGES = {"int32": 2**31, "int64": 2**63}


class _Invalid(Exception):
    """One problem found at ``path``, in Chinese and English."""

    def __init__(self, path: str, zh: str, en: str) -> None:
        super().__init__(f"{path} {en}")
        self.path = path
        self.zh = zh
        self.en = en


class ParamChecker:
    """Checks the business parameters of one endpoint; built once, used for every call.

    A pattern that is not a regular expression is refused when the data is made from the spec.
    """

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.names = frozenset(p.name for p in endpoint.params)
        self.structs = endpoint.struct_map
        self.enums = endpoint.enum_map
        limits = [p.limits for p in endpoint.params]
        limits += [f.limits for s in endpoint.structs for f in s.fields]
        self.patterns = {
            lim.pattern: re.compile(lim.pattern) for lim in limits if lim.pattern is not None
        }

    def check(self, params: Mapping[str, str]) -> None:
        """Raise the :class:`GatewayError` (40 or 41) for the first problem, if any."""
        for param in self.endpoint.params:
            if param.required and not params.get(param.name):
                raise missing_parameter(param.name)
        for param in self.endpoint.params:
            raw = params.get(param.name)
            if not raw:
                continue
            try:
                self._check_param(param, raw)
            except _Invalid as problem:
                raise invalid_parameter(param.name, problem.path, problem.zh, problem.en) from None

    # -- a form field ------------------------------------------------------------------------
    def _check_param(self, param: Param, raw: str) -> None:
        if param.encoding == "json":
            try:
                value = json.loads(raw, parse_constant=_no_constant)
            except (ValueError, RecursionError):
                raise _Invalid(param.name, "不是合法的 JSON", "is not valid JSON") from None
            if value is None:
                raise _Invalid(param.name, "不能为 null", "must not be null")
            try:
                self._check_json(param.type, value, param.name, param.limits)
            except RecursionError:  # a struct that contains itself, sent nested deeply
                raise _Invalid(param.name, "嵌套过深", "is nested too deeply") from None
        elif param.encoding == "csv":
            assert param.type.item is not None
            items = raw.split(",")
            _check_count(len(items), param.limits, param.name)
            for index, item in enumerate(items):
                self._check_text(param.type.item, item, f"{param.name}[{index}]", Limits())
        else:
            self._check_text(param.type, raw, param.name, param.limits)

    def _check_text(self, type_ref: Type, text: str, path: str, limits: Limits) -> None:
        """A scalar sent as form text: ``12``, ``true``, ``2016-01-01 12:00:00``."""
        kind = type_ref.kind
        if kind == "enum":
            enum = self.enums[type_ref.enum or ""]
            value: Any = int(text) if enum.base == "int" and _INTEGER.fullmatch(text) else text
            self._check_enum(enum, value, path)
        elif kind == "integer":
            if not _INTEGER.fullmatch(text):
                raise _wrong_type(path, "整数", "an integer", text)
            self._check_json(type_ref, int(text), path, limits)
        elif kind == "number":
            number = float(text) if _NUMBER.fullmatch(text) else math.nan
            if not math.isfinite(number):
                raise _wrong_type(path, "数字", "a number", text)
            self._check_json(type_ref, number, path, limits)
        elif kind == "boolean":
            if text not in ("true", "false"):
                raise _wrong_type(path, " true 或 false", "true or false", text)
        else:
            self._check_json(type_ref, text, path, limits)

    # -- a JSON value ------------------------------------------------------------------------
    def _check_json(self, type_ref: Type, value: Any, path: str, limits: Limits) -> None:
        kind = type_ref.kind
        if kind == "object":
            self._check_object(self.structs[type_ref.struct or ""], value, path)
        elif kind == "array":
            if not isinstance(value, list):
                raise _wrong_type(path, "数组", "an array", value)
            _check_count(len(value), limits, path)
            assert type_ref.item is not None
            for index, item in enumerate(value):
                self._check_json(type_ref.item, item, f"{path}[{index}]", Limits())
        elif kind == "enum":
            self._check_enum(self.enums[type_ref.enum or ""], value, path)
        elif kind == "boolean":
            if not isinstance(value, bool):
                raise _wrong_type(path, "布尔值", "a boolean", value)
        elif kind in ("integer", "number"):
            _check_number(type_ref, value, path, limits)
        else:
            if not isinstance(value, str):
                raise _wrong_type(path, "字符串", "a string", value)
            if kind in _TIME_FORMATS:
                _check_time(kind, value, path)
            else:
                self._check_string(value, path, limits)

    def _check_object(self, model: Struct, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise _wrong_type(path, "对象", "an object", value)
        for field in model.fields:
            field_path = f"{path}.{field.name}"
            item = value.get(field.name)
            if item is None:
                if field.required:
                    raise _Invalid(field_path, "缺失(必填)", "is required")
                continue
            self._check_json(field.type, item, field_path, field.limits)

    def _check_enum(self, enum: Enum, value: Any, path: str) -> None:
        allowed = list(enum.values)
        base = int if enum.base == "int" else str
        if isinstance(value, bool) or not isinstance(value, base) or value not in allowed:
            shown = ", ".join(str(v) for v in allowed)
            raise _Invalid(
                path,
                f"取值须为 {shown} 之一,收到 {preview(value)}",
                f"must be one of {shown}, got {preview(value)}",
            )

    def _check_string(self, value: str, path: str, limits: Limits) -> None:
        if limits.max_length is not None and len(value) > limits.max_length:
            raise _Invalid(
                path,
                f"长度不能超过 {limits.max_length}",
                f"must be at most {limits.max_length} characters",
            )
        if limits.min_length is not None and len(value) < limits.min_length:
            raise _Invalid(
                path,
                f"长度不能少于 {limits.min_length}",
                f"must be at least {limits.min_length} characters",
            )
        if limits.pattern is not None and not self.patterns[limits.pattern].search(value):
            raise _Invalid(path, f"须匹配 {limits.pattern}", f"must match {limits.pattern}")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _wrong_type(path: str, zh: str, en: str, value: Any) -> _Invalid:
    return _Invalid(path, f"须为{zh},收到 {preview(value)}", f"must be {en}, got {preview(value)}")


def _check_number(type_ref: Type, value: Any, path: str, limits: Limits) -> None:
    if type_ref.kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong_type(path, "整数", "an integer", value)
        bound = _INT_RANGES.get(type_ref.format or "")
        if bound is not None and not -bound <= value < bound:
            raise _Invalid(
                path, f"超出 {type_ref.format} 范围", f"is out of the {type_ref.format} range"
            )
    elif isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _wrong_type(path, "数字", "a number", value)
    for bad, zh, en in (
        (
            limits.ge is not None and value < limits.ge,
            f"须 ≥ {limits.ge}",
            f"must be >= {limits.ge}",
        ),
        (
            limits.le is not None and value > limits.le,
            f"须 ≤ {limits.le}",
            f"must be <= {limits.le}",
        ),
        (
            limits.gt is not None and value <= limits.gt,
            f"须 > {limits.gt}",
            f"must be > {limits.gt}",
        ),
        (
            limits.lt is not None and value >= limits.lt,
            f"须 < {limits.lt}",
            f"must be < {limits.lt}",
        ),
    ):
        if bad:
            raise _Invalid(path, f"{zh},收到 {value}", f"{en}, got {value}")


def _check_time(kind: str, value: str, path: str) -> None:
    shape = _TIME_WORDS[kind]
    problem = _Invalid(
        path, f"须为 {shape} 格式,收到 {preview(value)}", f"must be {shape}, got {preview(value)}"
    )
    if not _TIME_SHAPES[kind].fullmatch(value):
        raise problem
    try:
        datetime.strptime(value, _TIME_FORMATS[kind])
    except ValueError:
        raise problem from None


def _check_count(count: int, limits: Limits, path: str) -> None:
    if limits.max_items is not None and count > limits.max_items:
        raise _Invalid(
            path,
            f"元素不能超过 {limits.max_items} 个",
            f"must have at most {limits.max_items} items",
        )
    if limits.min_items is not None and count < limits.min_items:
        raise _Invalid(
            path,
            f"元素不能少于 {limits.min_items} 个",
            f"must have at least {limits.min_items} items",
        )
