"""Python source text: literals, docstrings, and long lines laid out as black lays them out.

Spec text reaches generated ``.py`` files only through :func:`docstring` and :func:`pystr`
(and :func:`pyrepr`, which uses it), so these two decide what may appear raw: no control
character and no bidirectional-text control (U+202A–U+202E, U+2066–U+2069, and the marks
that act like them) is ever written as itself, since a reader would see text other than the
code (the "Trojan Source" trick); each is written as its escape, which Python reads back as the
same character.

black formats a file twice when its first pass changes anything, so text already laid out as
black would lay it out costs half. The layout helpers cover the long lines the templates make
most often (black still formats every file: a line laid out otherwise only costs that pass).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from ..textwidth import text_width

LINE_LENGTH = 100

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
"""Characters never written raw into generated text: C0 and C1 controls (tab and newline
aside), the bidi embeddings, overrides and isolates, the directional marks, the line and
paragraph separators, and the byte-order mark."""

_QUOTE_RUN = re.compile(r'"(?="|\Z)')


def escape_code(char: str) -> str:
    """``char`` as a Python string escape (``\\x1b``, ``\\u202e``)."""
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def docstring(text: str, indent: int = 0) -> str:
    """``text`` as a triple-quoted docstring literal that is safe whatever it holds."""
    body = text.strip().replace("\\", "\\\\")
    # a quote followed by a quote, or last (before the closing quotes), is escaped: no run of
    # three can end the literal early
    body = _QUOTE_RUN.sub('\\\\"', body)
    body = UNSAFE.sub(lambda m: escape_code(m.group()), body)
    pad = " " * indent
    # trailing whitespace goes (black keeps an attribute's docstring as is); a tab is written
    # \t (at a line's start, after the indent, it would mix tabs and spaces)
    lines = [line.rstrip().replace("\t", "\\t") for line in body.split("\n")]
    joined = "\n".join([lines[0]] + [(pad + line) if line.strip() else "" for line in lines[1:]])
    if len(lines) > 1:
        joined += "\n" + pad
    return f'"""{joined}"""'


def pystr(text: str) -> str:
    """A string literal quoted as black quotes it: double quotes, unless the text holds more
    double quotes than single ones (black keeps the form with fewer escapes). ``repr`` already
    escapes every character that is not printable, the bidi controls included."""
    inner = repr(text)[1:-1]
    if repr(text).startswith("'"):
        inner = inner.replace("\\'", "'")  # every quote is now unescaped
    quote = "'" if text.count('"') > text.count("'") else '"'
    return quote + inner.replace(quote, "\\" + quote) + quote


def pyrepr(value: Any) -> str:
    """A Python literal for a JSON value."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {pyrepr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(pyrepr(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, str):
        return pystr(value)
    return repr(value)


def literal(value: Any, indent: int) -> str:
    """A Python literal laid out as black would lay out a long one: one item per line."""
    pad = " " * (indent + 4)
    if isinstance(value, dict) and value:
        items = [f"{pad}{pystr(k)}: {literal(v, indent + 4)}," for k, v in value.items()]
        return "{\n" + "\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and value:
        items = [f"{pad}{literal(v, indent + 4)}," for v in value]
        return "[\n" + "\n".join(items) + "\n" + " " * indent + "]"
    return pyrepr(value)


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (JSON's escapes, plus the characters of :data:`UNSAFE`,
    which TOML refuses raw or a reader would misread)."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def one_line(text: str) -> str:
    """``text`` with every run of whitespace, line breaks included, made one space."""
    return " ".join(text.split())


def fits(line: str) -> bool:
    return text_width(line) <= LINE_LENGTH


def from_import(names: Iterable[str], module: str) -> str:
    """``from module import a, b``; one name a line in brackets when that is too long."""
    names = list(names)
    line = f"from {module} import {', '.join(names)}"
    if fits(line):
        return line
    return f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"


def dict_line(items: Iterable[tuple[str, str]], head: str, indent: int, tail: str = "") -> str:
    """``head{k: v, ...}tail`` at ``indent``; one item a line when that is too long, as black
    explodes a collection it has to split."""
    pairs = [f"{k}: {v}" for k, v in items]
    line = f"{' ' * indent}{head}{{{', '.join(pairs)}}}{tail}"
    if fits(line) or not pairs:
        return line
    pad = " " * indent
    body = "".join(f"{pad}    {pair},\n" for pair in pairs)
    return f"{pad}{head}{{\n{body}{pad}}}{tail}"
