"""Cell texts as typed values: examples, enums written in descriptions, 更多限制 constraints."""

from __future__ import annotations

import json
import re
from typing import Literal

Kind = Literal["string", "integer", "number", "boolean", "datetime", "json", "byte"]
"""The spec type of a scalar: TOP's Number is integer, or number when examples show decimals;
Date is a date-time string; Json is a JSON value carried as a string; byte is a small integer;
Price is an amount of money written as a decimal string."""

INTEGER_RE = re.compile(r"^[+-]?\d+$")
DECIMAL_RE = re.compile(r"^[+-]?\d+\.\d+$")
DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_CJK_RE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_ENUM_SEPARATORS = re.compile(r"[,，;；、]|\s+(?=-?\d+\s*[=＝])")
"""Between two ``value=label`` pairs: a comma, semicolon or 、 (half or full width), or spaces
before the next pair (``1=纸质票 2=身份证电子票``)."""
_ENUM_FIRST = re.compile(r"^(?:.*?[:：\s])?(?P<value>-?\d+)\s*[=＝]\s*(?P<label>\S.*)$")
_ENUM_NEXT = re.compile(r"^(?P<value>-?\d+)\s*[=＝]\s*(?P<label>\S.*)$")

CONSTRAINTS: dict[str, tuple[str, Literal["count", "value"]]] = {
    "最大长度": ("maxLength", "count"),
    "最小长度": ("minLength", "count"),
    "最大值": ("maximum", "value"),
    "最小值": ("minimum", "value"),
    "默认值": ("default", "value"),
    "最大列表长度": ("maxItems", "count"),
    "最小列表长度": ("minItems", "count"),
}
"""更多限制 keys: the JSON Schema keyword, and whether the value is a count or a field value."""


def scalar_kind(base: str, decimal: bool) -> Kind:
    """The spec type of a TOP scalar type name."""
    kinds: dict[str, Kind] = {
        "String": "string",
        "Number": "number" if decimal else "integer",
        "Boolean": "boolean",
        "Date": "datetime",
        "Json": "json",
        "byte": "byte",
        "Price": "string",
    }
    return kinds[base]


def convert(kind: Kind, text: str) -> str | int | float | bool | None:
    """``text`` as a value of ``kind``; ``None`` when it is not one."""
    if kind in ("string", "datetime", "json"):
        return text
    if kind == "boolean":
        return {"true": True, "false": False}.get(text.lower())
    if INTEGER_RE.match(text):
        return int(text)
    if kind == "byte":
        return None
    if kind == "number" and DECIMAL_RE.match(text):
        return float(text)
    return None


def fits(base: str, text: str) -> bool:
    """Whether ``text`` reads as a value of the page's type ``base`` (any text is a String)."""
    if base in ("Number", "Price"):
        return bool(INTEGER_RE.match(text) or DECIMAL_RE.match(text))
    if base == "byte":
        return bool(INTEGER_RE.match(text))
    if base == "Json":
        return is_json(text)
    if base == "Boolean":
        return text.lower() in ("true", "false")
    if base == "Date":
        return bool(DATE_RE.match(text))
    return True


def is_json(text: str) -> bool:
    """Whether ``text`` is a JSON object or array (an example, never a description)."""
    stripped = text.strip()
    if stripped[:1] not in ("{", "["):
        return False
    try:
        json.loads(stripped)
    except ValueError:
        return False
    return True


def looks_like_value(text: str) -> bool:
    """Whether a cell reads as a value rather than a sentence: one word without spaces that is
    not in Chinese, or that starts with a digit (``1排``, ``180元``), or a JSON value."""
    if is_json(text):
        return True
    if not text or any(c.isspace() for c in text):
        return False
    return not has_cjk(text) or text[0].isdigit()


def has_cjk(text: str) -> bool:
    """Whether ``text`` has Chinese characters or full-width punctuation: a description's mark."""
    return bool(_CJK_RE.search(text))


def read_enum(description: str) -> tuple[tuple[int, str], ...]:
    """The ``value=label`` list a description holds (``语言类型:1=中文,2=英文``), or ``()``.

    The pairs are separated by ``,`` ``;`` ``、`` (half or full width); the first may follow a
    lead-in (``语言类型:``, ``验证码类型,``, ``项目座位类型 ``). At least two pairs with distinct
    values make an enum.
    """
    parts = [part.strip() for part in _ENUM_SEPARATORS.split(description)]
    for start, part in enumerate(parts):
        first = _ENUM_FIRST.match(part)
        if first is None:
            continue
        pairs = [(int(first["value"]), _label(first["label"]))]
        for following in parts[start + 1 :]:
            match = _ENUM_NEXT.match(following)
            if match is None:
                break
            pairs.append((int(match["value"]), _label(match["label"])))
        values = [value for value, _ in pairs]
        if len(pairs) >= 2 and len(set(values)) == len(values) and all(label for _, label in pairs):
            return tuple(pairs)
    return ()


def _label(text: str) -> str:
    return text.strip().rstrip("。.")
