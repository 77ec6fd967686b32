"""Scenarios written in a YAML file, for ``maizuo-gen mock --scenarios FILE``.

::

    scenarios:
      - name: SMS service down, then fine       # optional; shown in logs and records
        method: alibaba.damai.maizuo.openapi.user.authcode.send   # optional: any method
        params:                                  # optional: values the call must have
          param0.user_phone: "13900000000"       # a field inside the JSON of param0
        replies:                                 # one per matching call, in turn
          - http: {status: 502, body: "<html><body>502 Bad Gateway</body></html>"}
          - error: {code: 15, sub_code: isp.top-remote-service-unavailable, sub_msg: 服务不可用}
          - drop: true                           # close the connection without a reply
          - cut_short: true                      # half of the normal reply, then close
          - normal: true                         # the spec's example reply
            delay: 2.5                           # any reply may wait first (seconds)
          - result: {result: {success: false, result_code: 500, result_msg: 失败}}
        times: 8                                 # optional; the last reply repeats to 8 calls
      - reply: {delay: 1}                        # one reply for every call (or `times` calls)

A reply has exactly one of ``result``, ``error``, ``http``, ``cut_short``, ``drop``, ``normal``;
one with only ``delay`` is the normal reply, late. ``result`` is the object inside the
``<method>_response`` envelope. ``error`` takes ``code`` and optionally ``msg`` (TOP's message
for the code by default), ``sub_code``, ``sub_msg``. ``http`` takes ``status`` and optionally
``body``, ``content_type`` (``text/html; charset=utf-8``) and ``headers``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from .scenarios import CutShort, Drop, HttpStatus, Normal, Reply, Result, Scenario, TopError


class ScenarioError(Exception):
    """A scenarios file that cannot be used; the message is one line saying where and why."""


class _Loader(yaml.SafeLoader):
    """Safe YAML where ``2016-01-01 12:00:00`` stays a string, as TOP writes dates as text."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

MAX_FILE_BYTES = 8 << 20
"""The largest scenarios file read: 8 MiB, far more than any list of scenarios needs."""
_NOT_A_FILE = (
    (stat.S_ISDIR, "is a directory; expected a YAML file"),
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a file; point at the YAML file itself"),
    (stat.S_ISCHR, "is a device, not a file; point at the YAML file itself"),
    (stat.S_ISBLK, "is a device, not a file; point at the YAML file itself"),
    (stat.S_ISSOCK, "is a socket, not a file; point at the YAML file itself"),
)
_SCENARIO_KEYS = ("name", "method", "params", "reply", "replies", "times")
_KINDS = ("result", "error", "http", "cut_short", "drop", "normal")


def load_scenarios(path: Path) -> list[Scenario]:
    """The scenarios in the YAML file at ``path``, in order; raises :class:`ScenarioError`."""
    raw = _read_bytes(path)
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_Loader)
    except UnicodeDecodeError:
        raise ScenarioError(f"{path}: is not UTF-8 text") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ScenarioError(f"{path}{line}: invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: invalid YAML: {exc}") from None
    return scenarios_from_data(data, str(path))


def _read_bytes(path: Path) -> bytes:
    """The bytes of the regular file ``path``, at most :data:`MAX_FILE_BYTES`. Anything else
    (a FIFO would block until a writer comes, ``/dev/zero`` never ends) is refused before a
    byte is read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise ScenarioError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ScenarioError(f"{path}: is a directory; expected a YAML file") from None
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot be read: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        for kind, message in _NOT_A_FILE:
            if kind(mode):
                raise ScenarioError(f"{path}: {message}")
        if not stat.S_ISREG(mode):
            raise ScenarioError(f"{path}: is not a regular file; point at the YAML file itself")
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ScenarioError(f"{path}: is over {MAX_FILE_BYTES >> 20} MiB; no scenarios file is")
    return data


def scenarios_from_data(data: Any, source: str) -> list[Scenario]:
    """Scenarios from parsed YAML or JSON data (``{"scenarios": [...]}``)."""
    top = _mapping(data, source, "the file", ("scenarios",))
    items = top.get("scenarios", [])
    if not isinstance(items, list):
        raise ScenarioError(f"{source}: scenarios: expected a list of scenarios")
    return [_scenario(item, source, f"scenarios[{i}]") for i, item in enumerate(items)]


def _scenario(data: Any, source: str, where: str) -> Scenario:
    item = _mapping(data, source, where, _SCENARIO_KEYS)
    for key, kind in (("name", str), ("method", str), ("params", dict), ("times", int)):
        if key in item and (isinstance(item[key], bool) or not isinstance(item[key], kind)):
            raise ScenarioError(f"{source}: {where}.{key}: expected {_WORDS[kind]}")
    reply = _reply(item["reply"], source, f"{where}.reply") if "reply" in item else None
    replies = item.get("replies", [])
    if not isinstance(replies, list):
        raise ScenarioError(f"{source}: {where}.replies: expected a list of replies")
    parsed = [_reply(r, source, f"{where}.replies[{i}]") for i, r in enumerate(replies)]
    try:
        return Scenario.of(
            reply,
            replies=parsed,
            method=item.get("method"),
            params=item.get("params"),
            times=item.get("times"),
            name=item.get("name", ""),
        )
    except ValueError as exc:
        raise ScenarioError(f"{source}: {where}: {exc}") from None


def _reply(data: Any, source: str, where: str) -> Reply:
    item = _mapping(data, source, where, (*_KINDS, "delay"))
    kinds = [kind for kind in _KINDS if kind in item]
    if len(kinds) > 1:
        raise ScenarioError(f"{source}: {where}: give one of {', '.join(kinds)}, not several")
    if not kinds and "delay" not in item:
        raise ScenarioError(f"{source}: {where}: give one of {', '.join(_KINDS)} (or a delay)")
    kind = kinds[0] if kinds else "normal"
    options = {"delay": item["delay"]} if "delay" in item else {}
    try:
        return _BUILDERS[kind](item.get(kind, True), source, f"{where}.{kind}", options)
    except (TypeError, ValueError) as exc:
        raise ScenarioError(f"{source}: {where}: {exc}") from None


def _flag(kind: type[Reply]) -> Callable[[Any, str, str, dict[str, Any]], Reply]:
    def build(value: Any, source: str, where: str, options: dict[str, Any]) -> Reply:
        if value is not True:
            raise ScenarioError(f"{source}: {where}: write `true`")
        return kind(**options)

    return build


def _result(value: Any, source: str, where: str, options: dict[str, Any]) -> Reply:
    if not isinstance(value, dict):
        raise ScenarioError(f"{source}: {where}: expected the object inside the envelope")
    return Result(body=value, **options)


def _error(value: Any, source: str, where: str, options: dict[str, Any]) -> Reply:
    item = _mapping(value, source, where, ("code", "msg", "sub_code", "sub_msg"))
    if "code" not in item:
        raise ScenarioError(f"{source}: {where}: an error needs a code")
    return TopError(**item, **options)


def _http(value: Any, source: str, where: str, options: dict[str, Any]) -> Reply:
    item = _mapping(value, source, where, ("status", "body", "content_type", "headers"))
    if "status" not in item:
        raise ScenarioError(f"{source}: {where}: an HTTP reply needs a status")
    return HttpStatus(**item, **options)


_BUILDERS: Mapping[str, Callable[[Any, str, str, dict[str, Any]], Reply]] = {
    "result": _result,
    "error": _error,
    "http": _http,
    "cut_short": _flag(CutShort),
    "drop": _flag(Drop),
    "normal": _flag(Normal),
}
_WORDS = {str: "text", dict: "a mapping", int: "an integer"}


def _mapping(data: Any, source: str, where: str, keys: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: {where}: expected a mapping with {', '.join(keys)}")
    unknown = [str(key) for key in data if key not in keys]
    if unknown:
        raise ScenarioError(
            f"{source}: {where}: unknown key {unknown[0]!r}; expected one of {', '.join(keys)}"
        )
    return data
