"""Scenarios: answers set up for matching calls in place of the spec's example.

A scenario matches a TOP method and parameter values, and answers the calls it matches with its
replies in turn: the first call gets the first reply, the second the second, and so on; once the
list is used up the last reply is repeated until the scenario has answered ``times`` calls, after
which it is spent and calls are answered as if it did not exist. Scenarios only see calls that
pass every gateway check, so a badly signed call still gets its TOP error.

A parameter is matched by name against its value as sent (``{"v": "2.0"}``), or inside the JSON
of an object parameter by a dotted path (``{"param0.user_phone": "13900000000"}``, list items by
index: ``"param0.items.0.id"``); a mapping matches an object that has at least those fields.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reply:
    """What a scenario answers with; every kind may first wait ``delay`` seconds."""

    delay: float = field(default=0.0, kw_only=True)

    def __post_init__(self) -> None:
        if isinstance(self.delay, bool) or not isinstance(self.delay, (int, float)):
            raise ValueError(f"delay must be a number of seconds, not {self.delay!r}")
        if not (math.isfinite(self.delay) and self.delay >= 0):
            raise ValueError(f"delay must be zero or more seconds, not {self.delay!r}")


@dataclass(frozen=True)
class Normal(Reply):
    """The answer the gateway gives anyway: the spec's example (useful with a ``delay``)."""


@dataclass(frozen=True)
class Result(Reply):
    """A success reply whose object inside the ``<method>_response`` envelope is ``body``."""

    body: Mapping[str, Any]

    def __post_init__(self) -> None:
        super().__post_init__()
        if not isinstance(self.body, Mapping):
            raise ValueError("a result body must be a mapping (the object inside the envelope)")
        _require_json(self.body, "a result body")


@dataclass(frozen=True)
class TopError(Reply):
    """An ``error_response`` (HTTP 200); ``msg`` defaults to TOP's message for ``code``."""

    code: int
    sub_code: str | None = None
    sub_msg: str | None = None
    msg: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if isinstance(self.code, bool) or not isinstance(self.code, int):
            raise ValueError(f"an error code must be an integer, not {self.code!r}")
        for name in ("sub_code", "sub_msg", "msg"):
            if not isinstance(getattr(self, name), (str, type(None))):
                raise ValueError(f"an error's {name} must be text")


@dataclass(frozen=True)
class HttpStatus(Reply):
    """Any HTTP status with any body, as a proxy in front of the gateway might send."""

    status: int
    body: str | bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        if isinstance(self.status, bool) or not isinstance(self.status, int):
            raise ValueError(f"an HTTP status must be an integer, not {self.status!r}")
        if not 200 <= self.status <= 599:
            raise ValueError(f"an HTTP status must be within 200-599, not {self.status}")
        if not isinstance(self.body, (str, bytes)) or not isinstance(self.content_type, str):
            raise ValueError("an HTTP reply's body and content_type must be text")
        if not isinstance(self.headers, Mapping) or not all(
            _header_text(k) and _header_text(v) for k, v in self.headers.items()
        ):
            raise ValueError("an HTTP reply's headers must map text to text (Latin-1, one line)")
        if not _header_text(self.content_type):
            raise ValueError("an HTTP reply's content_type must be Latin-1 text on one line")


@dataclass(frozen=True)
class CutShort(Reply):
    """The normal reply with its full Content-Length, but only its first half sent before the
    connection is closed."""


@dataclass(frozen=True)
class Drip(Reply):
    """The normal reply sent ``chunk`` bytes at a time, ``interval`` seconds apart: a peer that
    keeps the connection busy without ever quite answering (it stops when the client leaves)."""

    interval: float = 0.1
    chunk: int = 1

    def __post_init__(self) -> None:
        super().__post_init__()
        if isinstance(self.interval, bool) or not isinstance(self.interval, (int, float)):
            raise ValueError(f"interval must be a number of seconds, not {self.interval!r}")
        if not (math.isfinite(self.interval) and self.interval >= 0):
            raise ValueError(f"interval must be zero or more seconds, not {self.interval!r}")
        if isinstance(self.chunk, bool) or not isinstance(self.chunk, int) or self.chunk < 1:
            raise ValueError(f"chunk must be a number of bytes, 1 or more, not {self.chunk!r}")


@dataclass(frozen=True)
class Drop(Reply):
    """No reply at all: the connection is closed."""


@dataclass(frozen=True)
class Scenario:
    """Replies for the calls matching ``method`` (any method when None) and ``params``."""

    replies: tuple[Reply, ...]
    method: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    times: int | None = None
    """How many matching calls it answers; None: every one."""
    name: str = ""

    def __post_init__(self) -> None:
        if not self.replies or not all(isinstance(r, Reply) for r in self.replies):
            raise ValueError("a scenario needs at least one reply (Normal, Result, TopError, ...)")
        if self.times is not None and (isinstance(self.times, bool) or self.times < 1):
            raise ValueError(f"times must be 1 or more, not {self.times!r}")
        if not all(isinstance(key, str) for key in self.params):
            raise ValueError("scenario params must be keyed by parameter name")
        _require_json(dict(self.params), "scenario params")

    @classmethod
    def of(
        cls,
        reply: Reply | None = None,
        *,
        replies: Sequence[Reply] = (),
        method: str | None = None,
        params: Mapping[str, Any] | None = None,
        times: int | None = None,
        name: str = "",
    ) -> Scenario:
        """One ``reply`` for every matching call (or for the first ``times``), or a list of
        ``replies``, one per call (``times`` then defaults to their number)."""
        if (reply is None) == (not replies):
            raise ValueError("give a scenario either one reply or a list of replies")
        if reply is not None:
            return cls((reply,), method, dict(params or {}), times, name)
        chosen = times if times is not None else len(replies)
        return cls(tuple(replies), method, dict(params or {}), chosen, name)

    def matches(self, method: str, params: Mapping[str, str]) -> bool:
        if self.method is not None and self.method != method:
            return False
        return all(_param_matches(params, key, want) for key, want in self.params.items())


@dataclass
class _Entry:
    scenario: Scenario
    used: int = 0


class Scenarios:
    """The scenarios in force, thread-safe: the first added that matches a call answers it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[_Entry] = []

    def add(self, scenario: Scenario) -> None:
        with self._lock:
            self._entries.append(_Entry(scenario))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def take(self, method: str, params: Mapping[str, str]) -> tuple[Scenario, Reply] | None:
        """The scenario answering this call and its reply, counting the call; None if none."""
        with self._lock:
            for entry in self._entries:
                scenario = entry.scenario
                spent = scenario.times is not None and entry.used >= scenario.times
                if spent or not scenario.matches(method, params):
                    continue
                reply = scenario.replies[min(entry.used, len(scenario.replies) - 1)]
                entry.used += 1
                return scenario, reply
        return None


_MISSING = object()


def _param_matches(params: Mapping[str, str], key: str, want: Any) -> bool:
    if key in params:
        raw = params[key]
        if isinstance(want, (Mapping, list)):
            return _same(_json_or_missing(raw), want)
        return raw == _wire(want)
    name, dot, path = key.partition(".")
    if not dot or name not in params:
        return False
    value = _json_or_missing(params[name])
    for step in path.split("."):
        if isinstance(value, dict) and step in value:
            value = value[step]
        elif isinstance(value, list) and step.isdigit() and int(step) < len(value):
            value = value[int(step)]
        else:
            return False
    return _same(value, want)


def _same(actual: Any, want: Any) -> bool:
    """JSON equality, except that a mapping matches any object holding at least its fields."""
    if isinstance(want, Mapping):
        return isinstance(actual, dict) and all(
            key in actual and _same(actual[key], value) for key, value in want.items()
        )
    if isinstance(want, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(want)
            and all(_same(a, w) for a, w in zip(actual, want, strict=True))
        )
    return isinstance(actual, bool) == isinstance(want, bool) and actual == want


def _wire(value: Any) -> str:
    """How a scalar is written as a form value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _json_or_missing(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _MISSING


def _header_text(value: Any) -> bool:
    """Whether ``value`` can be sent as an HTTP header name or value."""
    if not isinstance(value, str) or any(c in value for c in "\r\n\0"):
        return False
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _require_json(value: Any, what: str) -> None:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} must be plain JSON data: {exc}") from None
