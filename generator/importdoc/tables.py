"""Read the 请求参数 and 响应参数 tables of a page into rows of entries.

A table is the copied text of an HTML table:

- a top-level parameter is one line: ``name Type 必须|可选 example [更多限制] description``
  (a response table has no 必须|可选 column);
- a struct's fields follow it as bullets, one bullet per cell, empty cells left out:
  ``• └ name``, ``• Type``, ``• 必须|可选``, ``• example``, ``• description``;
- a bullet without ``└`` followed by a type bullet (``• data``, ``• UserRegisterVo``) is a field
  that opens a nested struct or list.

Where a page is cut short, the entry holding the cut is marked ``cut``; an entry whose name or
type is on the cut line cannot be read and is dropped (listed in ``Table.dropped``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .page import Cell, Constraint, Entry, PageError, Row, Table, TableKind
from .typename import NAME_RE, parse_type

HEADERS: dict[TableKind, tuple[str, ...]] = {
    "request": ("名称", "类型", "是否必须", "示例值", "更多限制", "描述"),
    "response": ("名称", "类型", "示例值", "描述"),
}
FLAGS = {"必须": True, "可选": False}
CONSTRAINT_KEYS = "最大长度|最小长度|最大值|最小值|默认值|最大列表长度|最小列表长度"
CONSTRAINT_RE = re.compile(rf"^(?P<key>{CONSTRAINT_KEYS})[:：](?P<value>\S.*)$")
CONSTRAINT_BULLET_RE = re.compile(rf"^•\s*(?:{CONSTRAINT_KEYS})[:：]")
"""A 更多限制 item written as a bullet line under its row (``  • 最大长度:64``)."""
SCALAR_VALUE_RE = re.compile(r"^(?:[+-]?\d+(?:\.\d+)?|true|false)$")
DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
TIME_RE = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")
"""A top-level row's example of two words: a date and a time (``2018-01-01 00:00:00``)."""
BULLET = "•"
MARK = "└"
MAX_VALUES = 2


@dataclass(frozen=True)
class Line:
    number: int
    text: str


class _Dropped(Exception):
    """An entry the cut made unreadable."""

    def __init__(self, name: Cell) -> None:
        super().__init__(name.text)
        self.name = name


def read_table(
    kind: TableKind, body: Sequence[Line], cut_line: int | None, shifted: bool = False
) -> tuple[Table, int | None]:
    """The table in the lines ``body`` under its heading, and the line of an empty bullet the
    page ends with (the start of a cell it no longer shows), if any; ``cut_line`` is the page's
    last line when the page is cut short inside this table; ``shifted`` when the page's lines
    are indented already (see :func:`_group`)."""
    lines = [line for line in body if line.text.strip()]
    if not lines:
        return Table(kind, ()), None
    header, rows_lines = lines[0], lines[1:]
    expected = HEADERS[kind]
    words = tuple(header.text.split())
    if words != expected:
        if header.number == cut_line and expected[: len(words)] == words:
            return Table(kind, ()), None
        raise PageError(header.number, f"expected the table header `{' '.join(expected)}`")
    dangling = None
    if rows_lines and rows_lines[-1].number == cut_line and _bullet(rows_lines[-1]) == "":
        dangling = rows_lines[-1].number
        rows_lines = rows_lines[:-1]
    rows: list[Row] = []
    dropped: list[Cell] = []
    for top, bullets in _group(rows_lines, shifted):
        own, bullets = _row_bullets(bullets)
        try:
            entry = _top_entry(kind, top, cut_line, own)
        except _Dropped as gone:
            dropped.append(gone.name)
            continue
        fields: list[Entry] = []
        for block in _blocks(bullets, cut_line):
            try:
                fields.append(_field_entry(kind, block, cut_line))
            except _Dropped as gone:
                dropped.append(gone.name)
        rows.append(Row(entry, tuple(fields)))
    return Table(kind, tuple(rows), tuple(dropped)), dangling


def _bullet(line: Line) -> str | None:
    """The text of a bullet line, or ``None`` when the line is not a bullet."""
    stripped = line.text.strip()
    return stripped[len(BULLET) :].strip() if stripped.startswith(BULLET) else None


def _group(lines: Sequence[Line], shifted: bool) -> list[tuple[Line, list[Cell]]]:
    """Top-level rows, each with the bullet cells listed under it.

    Once a row's 更多限制 is written as bullet lines, the copy indents every following line (the
    page's HTML list is left open): an indented line is then a row like any other."""
    groups: list[tuple[Line, list[Cell]]] = []
    for line in lines:
        text = _bullet(line)
        if text is not None and groups and not groups[-1][1] and CONSTRAINT_RE.match(text):
            shifted = True
        if text is not None:
            if not groups:
                raise PageError(line.number, "a bullet before the first parameter row")
            if not text:
                raise PageError(line.number, "an empty bullet: expected a cell's text")
            groups[-1][1].append(Cell(text, line.number))
        elif line.text[:1].isspace() and not shifted:
            raise PageError(
                line.number, "cannot read this line: expected a row `name Type ...` or a bullet"
            )
        else:
            groups.append((line, []))
    return groups


def _row_bullets(bullets: list[Cell]) -> tuple[list[Cell], list[Cell]]:
    """A row's own cells written as bullets under it — its 更多限制 items (``• 最大长度:64``) and
    then its description — and the bullets of its fields that follow them."""
    count = 0
    while count < len(bullets) and CONSTRAINT_RE.match(bullets[count].text):
        count += 1
    if count == 0:
        return [], bullets
    if count < len(bullets):
        following = bullets[count + 1].text if count + 1 < len(bullets) else None
        cell = bullets[count]
        if not cell.text.startswith(MARK) and not (
            NAME_RE.match(cell.text) and following is not None and parse_type(following)
        ):
            count += 1
    return bullets[:count], bullets[count:]


def _top_entry(kind: TableKind, line: Line, cut_line: int | None, own: list[Cell]) -> Entry:
    tokens = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", line.text)]
    cut = line.number == cut_line or bool(own and own[-1].line == cut_line)
    name = Cell(tokens[0][0], line.number)
    try:
        entry = _parse_top(kind, line, tokens, name, cut=line.number == cut_line)
    except PageError:
        if cut:
            raise _Dropped(name) from None
        raise
    if not own:
        return entry
    return _with_own_bullets(entry, own, cut=cut)


def _with_own_bullets(entry: Entry, own: list[Cell], *, cut: bool) -> Entry:
    """``entry`` with the cells written as bullets under its row: after them, whatever the row
    line itself holds past the 必须/可选 flag is the example."""
    constraints = tuple(_constraint(c.text, c.line) for c in own if CONSTRAINT_RE.match(c.text))
    described = [c for c in own if not CONSTRAINT_RE.match(c.text)]
    if entry.example is not None or entry.description is not None or entry.constraints:
        raise PageError(entry.name.line, "更多限制 is written both in the row and under it")
    example = entry.loose[0] if len(entry.loose) == 1 else None
    if len(entry.loose) > 1:
        start, end = entry.loose[0], entry.loose[-1]
        example = Cell(f"{start.text} {end.text}", start.line)
    return Entry(
        name=entry.name,
        type=entry.type,
        required=entry.required,
        example=example,
        description=described[0] if described else None,
        loose=(),
        constraints=constraints,
        last_line=own[-1].line,
        cut=cut,
    )


def _parse_top(
    kind: TableKind,
    line: Line,
    tokens: list[tuple[str, int, int]],
    name: Cell,
    *,
    cut: bool,
) -> Entry:
    number = line.number
    if not NAME_RE.match(name.text):
        raise PageError(number, "expected a parameter name at the start of the row")
    if len(tokens) < 2:
        raise PageError(number, f"expected the type of {name.text} after its name")
    type_text = tokens[1][0]
    if len(tokens) > 2 and tokens[2][0] == "[]":
        type_text, position = type_text + " []", 3
    else:
        position = 2
    type_name = parse_type(type_text)
    if type_name is None:
        raise PageError(
            number,
            f"expected the type of {name.text} (String, Number, Boolean, Date, a struct name or "
            f"`X []`), found `{type_text}`",
        )
    required = None
    if kind == "request":
        flag = tokens[position][0] if position < len(tokens) else ""
        if flag not in FLAGS:
            raise PageError(number, f"expected 必须 or 可选 after the type of {name.text}")
        required, position = FLAGS[flag], position + 1
    rest = tokens[position:]
    if cut and not rest:
        raise _Dropped(name)  # the type or the flag may itself be cut short
    example, description, loose, constraints = _split_rest(
        line, rest, scalar=not type_name.is_struct
    )
    return Entry(
        name=name,
        type=Cell(type_text, number),
        required=required,
        example=example,
        description=description,
        loose=loose,
        constraints=constraints,
        last_line=number,
        cut=cut and bool(rest),
    )


def _split_rest(
    line: Line, rest: list[tuple[str, int, int]], *, scalar: bool
) -> tuple[Cell | None, Cell | None, tuple[Cell, ...], tuple[Constraint, ...]]:
    """Example, description, cells of open role, and constraints of a top-level row's tail."""
    number, text = line.number, line.text
    at = [i for i, (token, _, _) in enumerate(rest) if CONSTRAINT_RE.match(token)]
    constraints = tuple(_constraint(rest[i][0], number) for i in at)
    if at:
        if at != list(range(at[0], at[-1] + 1)):
            raise PageError(number, "the 更多限制 cells are not side by side")
        before, after = rest[: at[0]], rest[at[-1] + 1 :]
        example = Cell(text[before[0][1] : before[-1][2]], number) if before else None
        described = Cell(text[after[0][1] :].strip(), number) if after else None
        if not scalar and example is not None:
            raise PageError(
                number, "a struct parameter has no example, but a cell precedes 更多限制"
            )
        return example, described, (), constraints
    if not rest:
        return None, None, (), ()
    tail = Cell(text[rest[0][1] :].strip(), number)
    json_end = _json_end(tail.text)
    if json_end:
        # a JSON example, spaces and all (``{ "success": true, ... }``), then the description
        value = Cell(tail.text[:json_end], number)
        remainder = tail.text[json_end:].strip()
        return None, None, (value, Cell(remainder, number)) if remainder else (value,), ()
    if not scalar:
        if len(rest) > 1 and SCALAR_VALUE_RE.match(rest[0][0]):
            # a value before a struct's description (``result ResultData 1 订单票结果``)
            first = Cell(rest[0][0], number)
            return None, None, (first, Cell(text[rest[1][1] :].strip(), number)), ()
        return None, tail, (), ()
    words = 2 if len(rest) >= 2 and DATE_RE.match(rest[0][0]) and TIME_RE.match(rest[1][0]) else 1
    if len(rest) == words:
        return None, None, (tail,), ()
    first = Cell(text[rest[0][1] : rest[words - 1][2]], number)
    return None, None, (first, Cell(text[rest[words][1] :].strip(), number)), ()


def _json_end(text: str) -> int:
    """The length of the JSON object or array ``text`` starts with, or 0."""
    if text[:1] not in ("{", "["):
        return 0
    try:
        _, end = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return 0
    return end


def _constraint(text: str, line: int) -> Constraint:
    match = CONSTRAINT_RE.match(text)
    assert match is not None
    return Constraint(match["key"], match["value"].strip(), line)


def _blocks(bullets: list[Cell], cut_line: int | None) -> list[list[Cell]]:
    """Split a struct's bullet cells into one block per field, the field's name first."""
    blocks: list[list[Cell]] = []
    for i, cell in enumerate(bullets):
        following = bullets[i + 1].text if i + 1 < len(bullets) else None
        if cell.text.startswith(MARK):
            blocks.append([Cell(cell.text[len(MARK) :].strip(), cell.line)])
        elif (not blocks or len(blocks[-1]) >= 2) and _opens(cell, following, cut_line):
            blocks.append([cell])
        elif not blocks:
            raise PageError(cell.line, "expected a field: `• └ name`, or `• name` then `• Type`")
        else:
            blocks[-1].append(cell)
    return blocks


def _opens(cell: Cell, following: str | None, cut_line: int | None) -> bool:
    """Whether a bullet without ``└`` names a field: a name followed by a type; on the cut line,
    any name (whose type the cut took)."""
    if not NAME_RE.match(cell.text):
        return False
    if following is not None:
        return parse_type(following) is not None
    return cell.line == cut_line


def _field_entry(kind: TableKind, block: list[Cell], cut_line: int | None) -> Entry:
    name, cells = block[0], block[1:]
    last = block[-1].line
    cut = last == cut_line
    if not NAME_RE.match(name.text):
        if cut and name.line == cut_line:
            raise _Dropped(name)
        raise PageError(name.line, "expected a field name after └")
    if not cells or (cut and cells[0].line == cut_line):
        if cut:
            raise _Dropped(name)
        raise PageError(name.line, f"expected the type of {name.text} on the next bullet")
    type_cell = cells[0]
    if parse_type(type_cell.text) is None:
        raise PageError(
            type_cell.line,
            f"expected the type of {name.text} (String, Number, Boolean, Date, a struct name or "
            "`X []`)",
        )
    position = 1
    required = None
    if kind == "request":
        flag = cells[1] if len(cells) > 1 else None
        if flag is None or flag.text not in FLAGS:
            if cut and (flag is None or flag.line == cut_line):
                raise _Dropped(name)
            line = flag.line if flag is not None else type_cell.line
            raise PageError(line, f"expected 必须 or 可选 for {name.text}")
        required, position = FLAGS[flag.text], 2
    values = cells[position:]
    constraints = tuple(_constraint(c.text, c.line) for c in values if CONSTRAINT_RE.match(c.text))
    loose = tuple(c for c in values if not CONSTRAINT_RE.match(c.text))
    if len(loose) > MAX_VALUES:
        raise PageError(
            loose[MAX_VALUES].line,
            f"too many cells for {name.text}: expected at most an example and a description",
        )
    return Entry(
        name=name,
        type=type_cell,
        required=required,
        example=None,
        description=None,
        loose=loose,
        constraints=constraints,
        last_line=last,
        cut=cut,
    )
