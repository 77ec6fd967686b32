"""Decide what each placed field is: which cell is its example, its spec type, its typed example,
its enum and its constraints. Every decision the page leaves open is written down as a note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jsonschema

from .evidence import Evidence, Occurrence
from .nesting import Placed
from .page import Cell, Entry, PageError
from .typename import SCALARS, TypeName
from .values import (
    CONSTRAINTS,
    DATE_RE,
    DECIMAL_RE,
    INTEGER_RE,
    Kind,
    convert,
    fits,
    has_cjk,
    is_json,
    looks_like_value,
    read_enum,
    scalar_kind,
)

_JSON_TYPES: dict[Kind, str] = {
    "string": "string",
    "datetime": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "json": "string",
    "byte": "integer",
}
_JAVA_KINDS: dict[str, tuple[str, ...]] = {
    "String": ("string",),
    "Number": ("integer", "number"),
    "Boolean": ("boolean",),
    "Date": ("date", "string"),
    "Json": ("string",),
    "byte": ("integer",),
    "Price": ("string", "integer", "number"),
}
_JAVA_NAMES = {
    "string": "a string",
    "integer": "a long",
    "number": "a decimal",
    "boolean": "a boolean",
    "date": "a date",
    "object": "an object",
    "list": "a list",
    "null": "null",
    "other": "an expression",
}


@dataclass(frozen=True)
class FieldSpec:
    """A field as the spec will describe it."""

    name: str
    shown: str
    """Its path, as notes show it."""
    line: int
    type: TypeName
    kind: Kind | None
    """The spec type of a scalar, or of a list's items; ``None`` for a struct."""
    required: bool | None
    description: str
    examples: tuple[Any, ...]
    constraints: tuple[tuple[str, Any], ...]
    """JSON Schema keywords and values (``maxLength``, ``default`` …), in page order."""
    enum: tuple[tuple[int, str], ...]
    children: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class Context:
    """What reading a table's fields needs beyond the fields themselves."""

    evidence: Evidence | None
    cut_entry: Entry | None
    """The table's last entry, when the page is cut short after it."""


def read_field(node: Placed, context: Context, notes: list[tuple[int, str]]) -> FieldSpec:
    """The field ``node`` and (recursively) its fields."""
    entry = node.entry
    note = _Notes(node, notes)
    occurrences = context.evidence.at(node.path) if context.evidence else []
    seen = [o.value for o in occurrences if o.value is not None]
    source = context.evidence.source if context.evidence else ""
    example_cell, description_cell = _roles(node, seen, source, note)
    if entry.cut:
        example_cell = _cut(entry, node.type.base, example_cell, description_cell, note)
    children = tuple(read_field(child, context, notes) for child in node.children)
    if node.type.is_struct and not children:
        if entry is not context.cut_entry:
            raise PageError(
                entry.type.line,
                f"{node.name} has the type {node.type}, which is neither a TOP scalar "
                f"({', '.join(SCALARS)}) nor a struct whose fields are listed below it",
            )
        note(f"the page is cut before the fields of {node.type.base}: it has no known fields")
    kind = None
    examples: tuple[Any, ...] = ()
    enum: tuple[tuple[int, str], ...] = ()
    description = description_cell.text if description_cell else ""
    if not node.type.is_struct:
        texts = [example_cell.text] if example_cell else []
        kind = _kind(node.type, texts + seen, note)
        _cross_check(node.type, occurrences, context.evidence, note)
        if example_cell is not None:
            examples = _example(node.type, kind, example_cell, note)
        if kind in ("integer", "byte"):
            enum = read_enum(description)
            if enum:
                labels = ", ".join(f"{value}={label}" for value, label in enum)
                note(f"enum read from its description: {labels}")
    constraints = _constraints(entry, node.type, kind, note)
    if kind is not None:
        schema = _own_schema(kind, node.type, constraints, enum)
        examples = tuple(e for e in examples if _fits(schema, e, "its example", note))
        constraints = tuple(
            (k, v)
            for k, v in constraints
            if k != "default" or _fits(schema, v, "its default", note)
        )
    return FieldSpec(
        name=node.name,
        shown=node.shown,
        line=entry.name.line,
        type=node.type,
        kind=kind,
        required=entry.required,
        description=description,
        examples=examples,
        constraints=constraints,
        enum=enum,
        children=children,
    )


class _Notes:
    """Writes notes about one field: ``<path> (line N): <text>``."""

    def __init__(self, node: Placed, notes: list[tuple[int, str]]) -> None:
        self.shown = node.shown
        self.line = node.entry.name.line
        self.notes = notes

    def __call__(self, text: str, line: int | None = None) -> None:
        at = line or self.line
        self.notes.append((at, f"{self.shown} (line {at}): {text}"))


def _roles(
    node: Placed, seen: list[str], source: str, note: _Notes
) -> tuple[Cell | None, Cell | None]:
    """The example and the description cells of a field; ``seen`` are the values ``source`` (an
    example of the page) shows for it."""
    entry = node.entry
    loose = entry.loose
    if not loose:
        return entry.example, entry.description
    if node.type.is_struct:
        if len(loose) > 1:
            note(f"the cell `{loose[0].text}` is left out: a struct has no example", loose[0].line)
        return None, loose[-1]
    if len(loose) == 2:
        first, second = loose
        reason = _swap_reason(node.type, first, second, seen, source)
        if reason:
            note(f"its example and description cells come in the other order ({reason})")
            return second, first
        return first, second
    (cell,) = loose
    if entry.cut and cell.line == entry.last_line:
        return cell, None  # cut inside the row: the cells that are left come first
    if cell.text in seen:
        note(f"it has one cell, `{cell.text}`, read as its example ({source} shows it)")
        return cell, None
    if is_json(cell.text):
        note(f"it has one cell, `{cell.text}`, read as its example (a JSON value)")
        return cell, None
    if node.type.base != "String" and not node.type.is_list and fits(node.type.base, cell.text):
        note(f"it has one cell, `{cell.text}`, read as its example (it is a {node.type.base})")
        return cell, None
    note(f"it has one cell, `{cell.text}`, read as its description")
    return None, cell


def _swap_reason(kind: TypeName, first: Cell, second: Cell, seen: list[str], source: str) -> str:
    """Why the two cells are (description, example) rather than (example, description), or
    ``""`` when nothing says so."""
    if first.text in seen:
        return ""
    if second.text in seen:
        return f"{source} shows the value `{second.text}`"
    if kind.base != "String" and not kind.is_list:
        if not fits(kind.base, first.text) and fits(kind.base, second.text):
            return f"`{first.text}` is not a {kind.base}"
        return ""
    if is_json(first.text):
        return ""
    if is_json(second.text):
        return f"`{second.text}` is a JSON value"
    if (
        has_cjk(first.text)
        and not has_cjk(second.text)
        and not looks_like_value(first.text)
        and looks_like_value(second.text)
    ):
        return f"the description is the cell in Chinese, `{first.text}`"
    return ""


def _cut(
    entry: Entry, base: str, example: Cell | None, description: Cell | None, note: _Notes
) -> Cell | None:
    """The example left once the cut is allowed for: the cell on the cut line may be
    incomplete; an example there is left out, a description is kept."""
    last = entry.last_line
    where = f"the page is cut at line {last}, inside this field"
    if description is not None and description.line == last:
        note(f"{where}: its description may be incomplete")
        return example
    if example is not None and example.line == last:
        guess = "; a Number is typed integer without an example" if base == "Number" else ""
        note(f"{where}: its example `{example.text}` may be incomplete and is left out{guess}")
        return None
    note(f"{where}: it has no example or description")
    return example


def _kind(kind: TypeName, texts: list[str], note: _Notes) -> Kind:
    values = [v for text in texts for v in _items(kind, text)]
    decimal = kind.base == "Number" and any(DECIMAL_RE.match(v) for v in values)
    if decimal:
        shown = next(v for v in values if DECIMAL_RE.match(v))
        note(f"a Number with a decimal example ({shown}): typed number, not integer")
    return scalar_kind(kind.base, decimal)


def _items(kind: TypeName, text: str) -> list[str]:
    return [part.strip() for part in text.split(",")] if kind.is_list else [text]


def _cross_check(
    kind: TypeName, occurrences: list[Occurrence], evidence: Evidence | None, note: _Notes
) -> None:
    """Compare the table's type with what the Java example passes (``setCodeType(1L)``)."""
    expected = ("list",) if kind.is_list else _JAVA_KINDS[kind.base]
    for found in {o.kind for o in occurrences if o.kind != "text"}:
        if found not in expected and not (kind.is_list and found == "string"):
            source = evidence.source if evidence else "an example"
            note(f"{source} passes {_JAVA_NAMES[found]}; the table's type {kind} is kept")


def _example(kind: TypeName, spec_kind: Kind, cell: Cell, note: _Notes) -> tuple[Any, ...]:
    if kind.base == "Date" and not DATE_RE.match(cell.text):
        note(f"its example `{cell.text}` is not a date (yyyy-MM-dd HH:mm:ss); left out")
        return ()
    if kind.base == "Json" or is_json(cell.text):
        return (cell.text,)
    parts = _items(kind, cell.text)
    values = [convert(spec_kind, part) for part in parts]
    if any(value is None for value in values):
        note(f"its example `{cell.text}` is not a {kind.base}; left out")
        return ()
    if kind.is_list:
        note(f"its example `{cell.text}` is read as a list of {len(values)}")
        return (values,)
    return (values[0],)


def _constraints(
    entry: Entry, kind: TypeName, spec_kind: Kind | None, note: _Notes
) -> tuple[tuple[str, Any], ...]:
    result: list[tuple[str, Any]] = []
    for constraint in entry.constraints:
        keyword, form = CONSTRAINTS[constraint.key]
        shown = f"{constraint.key}:{constraint.value}"
        applies = {
            "maxLength": spec_kind in ("string", "json") and not kind.is_list,
            "minLength": spec_kind in ("string", "json") and not kind.is_list,
            "maximum": spec_kind in ("integer", "number", "byte") and not kind.is_list,
            "minimum": spec_kind in ("integer", "number", "byte") and not kind.is_list,
            "maxItems": kind.is_list,
            "minItems": kind.is_list,
            "default": spec_kind is not None,
        }[keyword]
        value: Any = None
        if (
            keyword == "maxLength"
            and spec_kind in ("integer", "byte")
            and not kind.is_list
            and INTEGER_RE.match(constraint.value)
        ):
            digits = int(constraint.value)
            value = 10**digits - 1
            note(
                f"the constraint {shown} on a {kind.base} is read as at most {digits} "
                f"digits: maximum {value}",
                constraint.line,
            )
            result.append(("maximum", value))
            continue
        if applies and form == "count" and INTEGER_RE.match(constraint.value):
            value = int(constraint.value)
        elif applies and form == "value" and spec_kind is not None:
            items = [convert(spec_kind, part) for part in _items(kind, constraint.value)]
            if all(item is not None for item in items):
                value = items if kind.is_list and keyword == "default" else items[0]
        if value is None:
            note(f"the constraint {shown} does not fit its type {kind}; left out", constraint.line)
        else:
            result.append((keyword, value))
    return tuple(result)


def _own_schema(
    spec_kind: Kind,
    kind: TypeName,
    constraints: tuple[tuple[str, Any], ...],
    enum: tuple[tuple[int, str], ...],
) -> dict[str, Any]:
    """The field's type, enum and constraints as a JSON Schema, to check its example with."""
    schema: dict[str, Any] = {"type": _JSON_TYPES[spec_kind]}
    schema.update((k, v) for k, v in constraints if k not in ("default", "maxItems", "minItems"))
    if enum:
        schema["enum"] = [value for value, _ in enum]
    if kind.is_list:
        schema = {"type": "array", "items": schema}
        schema.update((k, v) for k, v in constraints if k in ("maxItems", "minItems"))
    return schema


def _fits(schema: dict[str, Any], value: Any, what: str, note: _Notes) -> bool:
    """Whether ``value`` meets ``schema``; when it does not, that is noted."""
    error = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(schema).iter_errors(value)
    )
    if error is not None:
        note(f"{what} {value!r} is left out: {error.message}")
    return error is None
