"""The page model: what a TOP doc page says, cell by cell, with the line each cell is on.

It is neutral: it records the page's layout (which cells a row has, in which order) and leaves
every judgement — which cell is the example, where a nested struct ends, what a type becomes in
the spec — to the later stages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TableKind = Literal["request", "response"]


class PageError(Exception):
    """The page cannot be read: ``page:line: message`` followed by the text of that line."""

    def __init__(self, line: int, message: str, text: str = "", page: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.text = text
        self.page = page

    def located(self, page: str, text: str) -> PageError:
        """The same error, naming the page and (when it was not known yet) the line's text."""
        return PageError(self.line, self.message, self.text or text, page)

    def __str__(self) -> str:
        where = f"{self.page}:{self.line}: " if self.page else f"line {self.line}: "
        shown = f"\n    {self.text.strip()}" if self.text.strip() else ""
        return where + self.message + shown


@dataclass(frozen=True)
class Cell:
    """One cell of a table, as written, and the line it is on."""

    text: str
    line: int


@dataclass(frozen=True)
class Constraint:
    """One ``更多限制`` item, such as ``最大长度:64``."""

    key: str
    value: str
    line: int


@dataclass(frozen=True)
class Entry:
    """One parameter: a top-level row, or the bullet block of a struct's field."""

    name: Cell
    type: Cell
    """The type as written: ``String``, ``Number``, ``PriceVo []``."""
    required: bool | None
    """必须/可选; ``None`` in a response table, which has no such column."""
    example: Cell | None
    """The example, when the layout alone says which cell it is."""
    description: Cell | None
    """The description, when the layout alone says which cell it is."""
    loose: tuple[Cell, ...]
    """Example and/or description cells whose roles the layout leaves open (at most two, in page
    order): a bullet block's cells, or a top-level row without a 更多限制 cell."""
    constraints: tuple[Constraint, ...]
    last_line: int
    cut: bool = False
    """The page is cut short inside this entry: its last cell may be incomplete."""


@dataclass(frozen=True)
class Row:
    """A top-level parameter with the bullet blocks listed under it, flat, in page order."""

    entry: Entry
    fields: tuple[Entry, ...]


@dataclass(frozen=True)
class Table:
    kind: TableKind
    rows: tuple[Row, ...]
    dropped: tuple[Cell, ...] = ()
    """Entries the page's cut made unreadable (their name or type is on the cut line)."""


@dataclass(frozen=True)
class Block:
    """A code block: the Java request example or an XML/JSON response or error example."""

    line: int
    text: str
    cut: bool
    """The page is cut short inside this block."""


@dataclass(frozen=True)
class Page:
    source: str
    """The page's file name, as recorded in ``x-top-doc``."""
    method: str
    method_line: int
    title: str
    description: str
    request: Table | None
    response: Table | None
    java: Block | None
    response_example: Block | None
    error_example: Block | None
    error_codes: int
    """Rows of the 错误码解释 table (not imported: the spec has no place for them)."""
    truncated: bool
    """The page stops before its last section (错误码解释)."""
    end_line: int
    """The last non-empty line of the page."""
    lines: tuple[str, ...] = field(default=(), repr=False)
    """The page's lines, for error messages."""
    dangling: int | None = None
    """The line of an empty bullet at the cut: the start of a cell the page no longer shows."""
    cut_section: str | None = None
    """The heading of the section the page is cut in (``响应参数``), when truncated."""
