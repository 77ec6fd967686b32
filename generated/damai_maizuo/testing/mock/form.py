"""Reading a request's parameters off the wire: the query string and a form-encoded body.

The parser is written out rather than taken from :mod:`urllib.parse` so that bytes that are not
UTF-8 are noticed (TOP answers them with 47 Invalid encoding) instead of silently replaced, and
so that a parameter given twice is kept twice for the gateway to reject.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from ..top import FORM_TYPE

MAX_BODY = 1 << 20
"""The largest body the gateway reads: 1 MiB; a larger one is answered with HTTP 413."""


@dataclass(frozen=True)
class Form:
    """The ``name=value`` pairs of a query string or body, in the order sent."""

    pairs: tuple[tuple[str, str], ...]
    utf8: bool
    """False when some name or value was not UTF-8 (such bytes read as U+FFFD in ``pairs``)."""

    def __add__(self, other: Form) -> Form:
        return Form(self.pairs + other.pairs, self.utf8 and other.utf8)


def parse_form(data: bytes) -> Form:
    """Split ``a=1&b=2`` into pairs, percent-decoding and reading ``+`` as a space.

    An item without ``=`` is a name with an empty value; an item with an empty name is ignored.
    """
    pairs: list[tuple[str, str]] = []
    utf8 = True
    for item in data.split(b"&"):
        raw_name, _, raw_value = item.partition(b"=")
        name, name_ok = _decode(raw_name)
        value, value_ok = _decode(raw_value)
        utf8 = utf8 and name_ok and value_ok
        if name:
            pairs.append((name, value))
    return Form(tuple(pairs), utf8)


def _decode(raw: bytes) -> tuple[str, bool]:
    data = unquote_to_bytes(raw.replace(b"+", b" "))
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        return data.decode("utf-8", "replace"), False


def unsupported_content_type(header: str | None) -> str | None:
    """Why a POST body with this ``Content-Type`` cannot be read, or None when it can.

    Only ``application/x-www-form-urlencoded`` in UTF-8 is read: no endpoint of the spec takes
    a file, so multipart uploads are refused like any other type.
    """
    if header is None:
        return f"a POST body needs Content-Type: {FORM_TYPE}"
    media_type, *options = (part.strip() for part in header.split(";"))
    if media_type.lower() != FORM_TYPE:
        return f"Content-Type {media_type or '(empty)'} is not supported; send {FORM_TYPE}"
    for option in options:
        key, _, value = option.partition("=")
        charset = value.strip().strip('"').lower()
        if key.strip().lower() == "charset" and charset not in ("utf-8", "utf8"):
            return f"charset {charset or '(empty)'} is not supported; send UTF-8"
    return None
