"""Read the page's Java request example into a tree of the values it sets.

TOP's Java examples follow one pattern::

    AlibabaXRequest req = new AlibabaXRequest();
    AlibabaXRequest.FooParam obj1 = new AlibabaXRequest.FooParam();
    List<AlibabaXRequest.Bar> list2 = new ArrayList<AlibabaXRequest.Bar>();
    list2.add(obj3);
    obj1.setCodeType(1L);
    obj1.setBars(list2);
    req.setParam0(obj1);
    AlibabaXResponse rsp = client.execute(req);

so the statements are matched one by one, and the objects are then put together from ``req``.
Statements of any other shape are ignored: the example is evidence, not the source of fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

LiteralKind = Literal["string", "integer", "number", "boolean", "date", "null", "other"]

_DECLARE = re.compile(r"^[\w.<>]+\s+(?P<var>\w+)\s*=\s*new\s+(?P<cls>[\w.]+)\s*\(\s*\)$")
_DECLARE_LIST = re.compile(r"^List<[\w.]+>\s+(?P<var>\w+)\s*=\s*new\s+ArrayList<[\w.]*>\(\s*\)$")
_ADD = re.compile(r"^(?P<var>\w+)\.add\((?P<arg>.+)\)$")
_SET = re.compile(r"^(?P<var>\w+)\.set(?P<name>\w+)\((?P<arg>.+)\)$")
_STRING = re.compile(r'^"(?P<body>(?:[^"\\]|\\.)*)"$')
_NUMBER = re.compile(r"^(?P<digits>[+-]?\d+(?P<fraction>\.\d+)?)(?P<suffix>[LlDdFf]?)$")
_DATE = re.compile(r'^StringUtils\.parseDateTime\((?P<arg>"(?:[^"\\]|\\.)*")\)$')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "'": "'", "\\": "\\"}


@dataclass(frozen=True)
class JavaLiteral:
    kind: LiteralKind
    text: str
    """The value as text: a string literal's content, a number without its ``L`` suffix."""


@dataclass(frozen=True)
class JavaObject:
    cls: str
    """The struct's class name without its outer class: ``UserPhoneAuthCodeParam``."""
    fields: tuple[tuple[str, JavaNode], ...]
    """Setter names without ``set`` (``CodeType``) and their values, in the order set."""


@dataclass(frozen=True)
class JavaList:
    items: tuple[JavaNode, ...]


JavaNode = JavaLiteral | JavaObject | JavaList


@dataclass(frozen=True)
class JavaExample:
    request_class: str
    params: tuple[tuple[str, JavaNode], ...]
    """What ``req.setXxx(...)`` sets, in order."""


def read_java(code: str) -> JavaExample | None:
    """The request the example builds, or ``None`` when the code is not a TOP Java example."""
    classes: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    sets: dict[str, list[tuple[str, str]]] = {}
    request: str | None = None
    request_class = ""
    for statement in _statements(code):
        if match := _DECLARE_LIST.match(statement):
            lists[match["var"]] = []
        elif match := _DECLARE.match(statement):
            cls = match["cls"]
            if "." not in cls and cls.endswith("Request"):
                request, request_class = match["var"], cls
            else:
                classes[match["var"]] = cls.rsplit(".", 1)[-1]
        elif (match := _ADD.match(statement)) and match["var"] in lists:
            lists[match["var"]].append(match["arg"].strip())
        elif match := _SET.match(statement):
            sets.setdefault(match["var"], []).append((match["name"], match["arg"].strip()))
    if request is None:
        return None

    def value(arg: str, seen: frozenset[str]) -> JavaNode:
        if arg in seen:
            return JavaLiteral("other", arg)
        if arg in classes:
            fields = tuple((n, value(a, seen | {arg})) for n, a in sets.get(arg, []))
            return JavaObject(classes[arg], fields)
        if arg in lists:
            return JavaList(tuple(value(a, seen | {arg}) for a in lists[arg]))
        return literal(arg)

    params = tuple((name, value(arg, frozenset())) for name, arg in sets.get(request, []))
    return JavaExample(request_class, params)


def literal(arg: str) -> JavaLiteral:
    """A Java argument as a typed literal."""
    if match := _STRING.match(arg):
        return JavaLiteral("string", _unescape(match["body"]))
    if match := _NUMBER.match(arg):
        decimal = match["fraction"] is not None or match["suffix"].lower() in ("d", "f")
        return JavaLiteral("number" if decimal else "integer", match["digits"])
    if arg in ("true", "false"):
        return JavaLiteral("boolean", arg)
    if arg == "null":
        return JavaLiteral("null", arg)
    if match := _DATE.match(arg):
        inner = _STRING.match(match["arg"])
        assert inner is not None
        return JavaLiteral("date", _unescape(inner["body"]))
    return JavaLiteral("other", arg)


def _statements(code: str) -> list[str]:
    """The code's statements (text up to each ``;`` outside string literals), with runs of
    white space outside literals made one space."""
    statements: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for char in code:
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char == ";":
            statements.append("".join(current).strip())
            current = []
            continue
        elif char.isspace():
            if current and current[-1] != " ":
                current.append(" ")
            continue
        current.append(char)
    return [s for s in statements if s]


def _unescape(body: str) -> str:
    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u"):
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, code)

    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", replace, body)
