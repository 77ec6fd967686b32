"""YAML text to plain data, with the line each value was written on.

The spec is YAML read as JSON: safe YAML only, no implicit timestamps, string keys, no merge
keys, no binary values and no NaN. Every value's JSON pointer gets its line, so later stages can
say ``file:line``. Nesting depth and the number of values (aliases expanded) are bounded, so a
small file cannot stand for a document too big to hold.

Reading is done twice over only when needed: :func:`parse_yaml` first builds the plain data
alone, in one quick pass that only notices whether anything is wrong; the pointer → line table
(most of the work, and needed only to say where a problem is) is worked out on demand, by the
careful pass, which also runs whenever the quick one noticed anything, so problems are found
and located by one piece of code.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, SpecError
from .pointer import join as join_pointer

try:  # libyaml's parser is much faster; the composed nodes are the same
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """Safe YAML without implicit timestamps: ``2016-01-01 12:00:00`` stays a string, as JSON
    has no date type and TOP's own date format is a string."""

    _resolved: dict[tuple[Any, str, Any], str] = {}  # noqa: RUF012 - a shared memo

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """The tag of a node, remembered: a spec repeats the same keys and scalars thousands of
        times, and PyYAML tries every implicit pattern on each (the tables never change)."""
        if kind is not yaml.ScalarNode:
            return str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        key = (implicit, value, kind)
        tag = self._resolved.get(key)
        if tag is None:
            tag = self._resolved[key] = str(super().resolve(kind, value, implicit))  # type: ignore[no-untyped-call]
        return tag


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

_SCALARS = yaml.constructor.SafeConstructor()


class LinesOnDemand(Mapping[str, int]):
    """The pointer → line table of a file, parsed again only if a problem needs a line number
    (most runs never ask; building the table was most of the time of reading the spec)."""

    def __init__(self, raw: bytes, shown: Path) -> None:
        self._raw = raw
        self._shown = shown
        self._lines: Mapping[str, int] | None = None

    def _table(self) -> Mapping[str, int]:
        if self._lines is None:
            self._lines = parse_yaml_with_lines(self._raw, self._shown)[1]
        return self._lines

    def __getitem__(self, pointer: str) -> int:
        return self._table()[pointer]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def parse_yaml(raw: bytes, shown: Path) -> tuple[Any, Mapping[str, int]]:
    """The data of one YAML file and its pointer → line table (worked out when first asked
    for); :class:`SpecError` naming ``shown`` (the file as the user knows it) for anything the
    spec cannot hold."""
    node = _compose(raw, shown)
    try:
        return _plain_data(node), LinesOnDemand(raw, shown)
    except _Careful:
        return _located(node, shown)


def parse_yaml_with_lines(raw: bytes, shown: Path) -> tuple[Any, dict[str, int]]:
    """As :func:`parse_yaml`, with the whole line table worked out at once."""
    return _located(_compose(raw, shown), shown)


def _compose(raw: bytes, shown: Path) -> yaml.Node:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecError(
            [Problem(shown, line, "", "is not UTF-8 text; save the spec as UTF-8")]
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise SpecError([Problem(shown, line, "", "contains a NUL byte; YAML cannot hold one")])
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "invalid YAML"
        raise SpecError(
            [
                Problem(
                    shown,
                    where,
                    "",
                    f"invalid YAML: {what}; fix the syntax at this line",
                )
            ]
        ) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line = text[: exc.position].count("\n") + 1
        what = (
            f"character U+{exc.character:04X} is not allowed in YAML"
            if isinstance(exc.character, int)
            else exc.reason
        )
        raise SpecError(
            [Problem(shown, line, "", f"invalid YAML: {what}; write it as an escape")]
        ) from None
    except yaml.YAMLError as exc:
        what = " ".join(str(exc).split())  # one line
        raise SpecError([Problem(shown, None, "", f"invalid YAML: {what}")]) from None
    if node is None:
        raise SpecError([Problem(shown, 1, "", "is empty; expected an OpenAPI document")])
    return node


def _located(node: yaml.Node, shown: Path) -> tuple[Any, dict[str, int]]:
    """The careful pass: the data and every pointer's line, or every problem where it is."""
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    try:
        data = _construct(node, "", lines, problems, shown, set())
    except _TooBig as exc:
        raise SpecError([Problem(shown, exc.line, exc.pointer, exc.message)]) from None
    if problems:
        raise SpecError(problems)
    return data, lines


MAX_DEPTH = 100
"""How deep a YAML file may nest (openapi-spec-validator fails somewhat deeper)."""
MAX_VALUES = 500_000
"""How many values a YAML file may hold once its aliases are expanded (a few anchors used
over and over can stand for billions: the "billion laughs")."""


class _Careful(Exception):
    """The quick pass met something that may be a problem: the careful pass must look."""


_TAG = "tag:yaml.org,2002:"
_STR, _INT = _TAG + "str", _TAG + "int"
_PLAIN_SCALARS = {
    _TAG + "null": _SCALARS.construct_yaml_null,
    _TAG + "bool": _SCALARS.construct_yaml_bool,
    _INT: _SCALARS.construct_yaml_int,
    _TAG + "float": _SCALARS.construct_yaml_float,
}
"""The scalar kinds besides strings that the quick pass builds itself (with PyYAML's own
functions, as the careful pass does); any other tag is left to the careful pass."""


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
"""The integer keys the quick pass reads itself (any other, say ``!!int abc``, the careful
one)."""


def _plain_data(root: yaml.Node) -> Any:
    """The quick pass: the data alone, as :func:`_construct` builds it (each alias built
    afresh), raising :class:`_Careful` at anything :func:`_construct` would report (a key that
    is not a plain string or integer, a repeated key, an unusual tag, NaN, too deep or too
    many values: a recursive alias is one of the last two)."""
    count = 0
    mapping, sequence, scalar = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode
    plain = _PLAIN_SCALARS

    def build(node: yaml.Node, depth: int) -> Any:
        nonlocal count
        count += 1
        if count > MAX_VALUES or depth > MAX_DEPTH:
            raise _Careful
        kind = node.__class__
        if kind is scalar:
            tag = node.tag
            if tag == _STR:
                return node.value
            construct = plain.get(tag)
            if construct is None:
                raise _Careful
            try:
                value = construct(node)  # type: ignore[arg-type] # a ScalarNode, as kind says
            except Exception:  # a value its tag cannot read (``!!int abc``)
                raise _Careful from None
            if value != value:  # NaN
                raise _Careful
            return value
        if kind is mapping:
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.__class__ is not scalar:
                    raise _Careful
                tag = key_node.tag
                if tag == _STR:
                    key = key_node.value
                elif tag == _INT and _PLAIN_INT.fullmatch(key_node.value):
                    key = str(_SCALARS.construct_yaml_int(key_node))
                else:
                    raise _Careful
                if key in result:
                    raise _Careful
                result[key] = build(value_node, depth + 1)
            return result
        if kind is sequence:
            return [build(item, depth + 1) for item in node.value]
        raise _Careful

    return build(root, 0)


class _TooBig(Exception):
    def __init__(self, pointer: str, line: int, message: str) -> None:
        super().__init__(message)
        self.pointer, self.line, self.message = pointer, line, message


def _construct(
    node: yaml.Node,
    pointer: str,
    lines: dict[str, int],
    problems: list[Problem],
    shown: Path,
    active: set[int],
) -> Any:
    lines[pointer] = node.start_mark.line + 1
    if len(active) > MAX_DEPTH:  # ``active`` holds the containers around this node
        raise _TooBig(pointer, lines[pointer], f"nested deeper than {MAX_DEPTH} levels")
    if len(lines) > MAX_VALUES:
        raise _TooBig(
            "",
            lines[pointer],
            f"holds more than {MAX_VALUES} values once its YAML aliases are expanded; "
            "repeat fewer anchors",
        )
    if id(node) in active:
        problems.append(Problem(shown, lines[pointer], pointer, "recursive YAML alias"))
        return None
    if isinstance(node, yaml.MappingNode):
        active.add(id(node))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(
                        shown,
                        key_node.start_mark.line + 1,
                        pointer,
                        "YAML merge keys (<<) are not supported; write the keys out",
                    )
                )
                continue
            key = (
                _scalar(key_node, pointer, problems, shown)
                if isinstance(key_node, yaml.ScalarNode)
                else None
            )
            if key is _UNREADABLE:
                continue
            if isinstance(key, int) and not isinstance(key, bool):
                key = str(key)
            if not isinstance(key, str):
                problems.append(
                    Problem(
                        shown,
                        key_node.start_mark.line + 1,
                        pointer,
                        f"mapping key {key!r} must be a string",
                    )
                )
                continue
            if key in result:
                problems.append(
                    Problem(
                        shown,
                        key_node.start_mark.line + 1,
                        join_pointer(pointer, key),
                        f"duplicate key {key!r} (first at line {lines[join_pointer(pointer, key)]}); keep one",
                    )
                )
                continue
            result[key] = _construct(
                value_node, join_pointer(pointer, key), lines, problems, shown, active
            )
        active.discard(id(node))
        return result
    if isinstance(node, yaml.SequenceNode):
        active.add(id(node))
        items = [
            _construct(item, join_pointer(pointer, i), lines, problems, shown, active)
            for i, item in enumerate(node.value)
        ]
        active.discard(id(node))
        return items
    value = _scalar(node, pointer, problems, shown)
    if value is _UNREADABLE:
        return None
    if isinstance(value, bytes):
        problems.append(
            Problem(
                shown,
                lines[pointer],
                pointer,
                "binary (!!binary) values are not supported",
            )
        )
        return None
    if isinstance(value, float) and value != value:  # NaN cannot be written as JSON
        problems.append(Problem(shown, lines[pointer], pointer, "NaN is not a JSON value"))
        return None
    return value


_UNREADABLE = object()


def _scalar(node: yaml.Node, pointer: str, problems: list[Problem], shown: Path) -> Any:
    """A scalar's value; :data:`_UNREADABLE`, with a problem, for a tag the spec cannot hold
    (``!!python/object``, ``!custom``, ``!!timestamp``) or a value its tag cannot read
    (``!!int abc``)."""
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    try:
        value = _SCALARS.construct_object(node)
    except (yaml.YAMLError, ValueError, TypeError, LookupError, AttributeError):
        value = _UNREADABLE
    if value is _UNREADABLE or isinstance(value, datetime.date):
        problems.append(
            Problem(
                shown,
                node.start_mark.line + 1,
                pointer,
                f"YAML tag {tag} makes no JSON value of {node.value!r}; write the value as"
                " plain text or a number, without the tag",
            )
        )
        return _UNREADABLE
    return value
