"""TOP type names as a doc page writes them: ``String``, ``Number``, ``PriceVo []``."""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALARS = ("String", "Number", "Boolean", "Date", "Json", "byte", "Price")
"""The scalar types of a TOP doc page (see spec/IMPORTING.md for what each becomes); any other
type name is a struct."""

TYPE_RE = re.compile(r"^(?P<base>[A-Z][A-Za-z0-9]*|byte)(?P<list>\s*\[\])?$")
NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class TypeName:
    base: str
    """``String`` … ``Date``, or a struct name such as ``PriceVo``."""
    is_list: bool

    @property
    def is_struct(self) -> bool:
        return self.base not in SCALARS

    def __str__(self) -> str:
        return self.base + (" []" if self.is_list else "")


def parse_type(text: str) -> TypeName | None:
    """The type a cell names, or ``None`` when the cell is not a type."""
    match = TYPE_RE.match(text.strip())
    if match is None:
        return None
    return TypeName(match["base"], match["list"] is not None)
