"""Markdown text from the IR, for CommonMark with GFM tables (GitHub's view of ``docs/``).

Spec text is written as text, never as markup: every character that could start Markdown or
HTML (``<script>``, an ``onerror=`` attribute, a ``[link](javascript:…)``, emphasis, a table's
``|``, a run of backticks) is escaped, so a description renders as the words it holds.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..ir import Example, Field, Param, TypeRef
from .pytext import UNSAFE, escape_code, one_line

_INLINE = re.compile(r"[\\`*\[\]<>|~&]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
"""What starts markup anywhere in a line: ``_`` only where it could open or close emphasis
(``user_phone`` stays as it is)."""
_LINE_START = re.compile(r"^(\d{0,9})((?<=\d)[.)](?=\s|$)|(?<!\d)[#+=-])")
"""What starts a block at the start of a line: a heading, a list item, a setext underline."""
_BACKTICKS = re.compile(r"`+")


def visible(text: str) -> str:
    """``text`` with control and bidi characters written as their escape (``\\u202e``)."""
    return UNSAFE.sub(lambda m: escape_code(m.group()), text)


def md_line(text: str) -> str:
    """One line of spec text as Markdown that renders as that text."""
    line = _INLINE.sub(lambda m: "\\" + m.group(), visible(text).strip())
    return _LINE_START.sub(r"\1\\\2", line)


def md_text(text: str) -> str:
    """A block of spec text (a description): its lines and paragraphs kept, each line escaped,
    no line indented (four spaces would make it a code block)."""
    lines = [md_line(line) for line in visible(text).strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def md_cell(text: Any) -> str:
    """Text for one cell of a table: one line, escaped, line breaks as ``<br>``."""
    value = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    lines = [md_line(line) for line in visible(value).strip().splitlines()]
    return "<br>".join(line for line in lines if line)


def md_code(text: str, *, in_table: bool = False) -> str:
    """Inline code that shows ``text`` as it is, whatever backticks it holds. In a table a
    ``|`` is escaped: GFM splits cells before it reads code spans."""
    text = visible(text).replace("\n", " ")
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    ticks = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    if in_table:
        text = text.replace("|", "\\|")
    return f"{ticks}{pad}{text}{pad}{ticks}"


def fence(text: str) -> str:
    """A code fence longer than any run of backticks inside ``text``."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    return "`" * max(3, longest + 1)


def anchor(name: str) -> str:
    """The anchor of a struct or enum section: its heading as GitHub slugs it."""
    return name.lower()


def type_link(ref: TypeRef) -> str:
    """A type for a docs table, linking structs and enums to their section."""
    if ref.kind == "array" and ref.item is not None:
        return f"list of {type_link(ref.item)}"
    name = ref.model or ref.enum
    if name:
        return f"[{name}](#{anchor(name)})"
    return md_code(ref.schema_type, in_table=True)


def examples_cell(examples: tuple[Any, ...]) -> str:
    return "<br>".join(md_code(json.dumps(e, ensure_ascii=False), in_table=True) for e in examples)


def constraints_text(item: Field | Param) -> str:
    """The constraints and default of a field, as ``key=value, …`` (values as JSON)."""
    parts = [
        f"{key}={json.dumps(value, ensure_ascii=False)}" for key, value in item.constraints.items()
    ]
    if item.default is not None:
        parts.append(f"default={json.dumps(item.default, ensure_ascii=False)}")
    return ", ".join(parts)


def required_text(item: Field | Param) -> str:
    """Whether a call must give it; for a field the client fills, where the client's value
    comes from (never the value itself)."""
    text = "yes" if item.required else "no"
    param = item.client_param
    if param is None:
        return text
    return f"{text}; filled by the client from Client({param.name}=...) / {param.env}"


def required_cell(item: Field | Param) -> str:
    """The Required cell of a Markdown parameters table."""
    param = item.client_param
    if param is None:
        return required_text(item)
    text = "yes" if item.required else "no"
    return f"{text}; filled by the client from `Client({param.name}=...)` / `{param.env}`"


def constraints_cell(item: Field | Param) -> str:
    text = constraints_text(item)
    return md_code(text, in_table=True) if text else ""


def example_title(example: Example, title: str, language: str) -> str:
    """``Response example: 响应示例 (XML)``: the format is named once, even when the spec's own
    summary already names it."""
    label = f"({language.upper()})"
    summary = one_line(example.summary)
    text = f"{title}: {summary}" if summary else title
    if label.lower() not in summary.lower():
        text = f"{text} {label}"
    return text


def example_heading(example: Example, title: str, language: str) -> str:
    return md_line(example_title(example, title, language))


_FENCE = re.compile(r"^(`{3,}|~{3,})")


def tidy(text: str) -> str:
    """A page with at most one blank line between blocks (outside code blocks, which keep
    their text as it is) and one newline at the end."""
    out: list[str] = []
    fence_open: str | None = None
    for line in text.split("\n"):
        marker = _FENCE.match(line)
        if fence_open is None:
            if not line.strip() and (not out or not out[-1].strip()):
                continue
            if marker:
                fence_open = marker.group(1)
        elif line.strip() == fence_open:
            fence_open = None
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n"
