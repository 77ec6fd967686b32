"""HTTP/1.1 as the SDK's own transports speak it: the request they write, and a strict reading
of the reply's status line, headers and chunk sizes. Pure functions over bytes: no I/O.

Written here rather than taken from a library because the one client request a TOP call needs
(a form POST to one gateway) is a few lines of bytes, and the reply is read line by line as it
arrives; the standard library's reader (``http.client``) parses headers with the ``email``
package, the largest part of its CPU per call, and accepts what it should refuse (folded
headers, ``0x`` chunk sizes, lines without a colon). Every malformed reply is a
:class:`ProtocolError` naming what was wrong; the transports turn it into an
:class:`~.errors.APIConnectionError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NamedTuple

__all__ = [
    "MAX_HEADERS",
    "MAX_HEADER_BYTES",
    "MAX_LINE",
    "Framing",
    "ProtocolError",
    "ReplyHead",
    "ReplyHeaders",
    "chunk_size",
    "framing",
    "header_line",
    "request_head",
    "status_line",
]

MAX_LINE = 8192
"""The longest status line, header line or chunk-size line read (as most servers limit it)."""
MAX_HEADER_BYTES = 65536
"""The most bytes of headers one reply may carry."""
MAX_HEADERS = 100
"""The most header lines one reply may carry (``http.client``'s limit)."""

_STATUS = re.compile(rb"HTTP/1\.([01]) ([1-9][0-9][0-9])(?: [^\r\n\x00]*)?\r?\n")
_HEADER = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([^\r\n\x00]*?)[ \t]*\r?\n")
_CHUNK = re.compile(rb"([0-9A-Fa-f]{1,15})[ \t]*(?:;[^\r\n]*)?\r?\n")


class ProtocolError(Exception):
    """The reply broke HTTP/1.1: what was wrong, in words (never the bytes in full)."""


class ReplyHeaders(Mapping[str, str]):
    """A reply's headers, looked up by name in any case; a repeated header's values joined by
    ``", "`` (as ``httpx.Headers`` joins them)."""

    __slots__ = ("_items",)

    def __init__(self, items: dict[str, str]) -> None:
        self._items = items
        """By lower-case name."""

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()]

    def get(self, name: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return self._items.get(name.lower(), default)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"ReplyHeaders({self._items!r})"


class ReplyHead(NamedTuple):
    status_code: int
    http10: bool
    headers: ReplyHeaders


class Framing(NamedTuple):
    """How the body of a reply ends."""

    chunked: bool
    length: int | None
    """The ``Content-Length``; ``None`` when chunked or read to the close of the connection."""
    keep_alive: bool
    """Whether the connection may carry another request once the body is read."""


def request_head(
    method: str, target: str, host: str, headers: Mapping[str, str], size: int
) -> bytes:
    """The request line and headers of a request with a ``size``-byte body."""
    lines = [f"{method} {target} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {size}")
    text = "\r\n".join(lines)
    if text.count("\n") != len(lines) - 1 or text.count("\r") != len(lines) - 1:
        raise ValueError("a request header holds a line break")
    return (text + "\r\n\r\n").encode("latin-1")


def status_line(line: bytes) -> tuple[int, bool]:
    """The status code of a status line, and whether the server speaks HTTP/1.0."""
    if not line:
        raise ProtocolError("the server closed the connection without replying")
    match = _STATUS.fullmatch(line)
    if match is None:
        if not line.endswith(b"\n"):
            raise _unended(line, "the status line")
        raise ProtocolError(f"the status line is not HTTP/1.x: {_shown(line)}")
    return int(match[2]), match[1] == b"0"


def header_line(line: bytes, headers: dict[str, str]) -> bool:
    """Add one header line to ``headers`` (by lower-case name); ``False`` at the blank line
    that ends them."""
    if line in (b"\r\n", b"\n"):
        return False
    if not line:
        raise ProtocolError("the connection closed in the middle of the reply's headers")
    match = _HEADER.fullmatch(line)
    if match is None:
        if not line.endswith(b"\n"):
            raise _unended(line, "a header line")
        raise ProtocolError(f"a header line is malformed: {_shown(line)}")
    name = match[1].decode("ascii").lower()
    value = match[2].decode("latin-1")
    if name in headers:
        if name == "content-length" and headers[name] != value:
            raise ProtocolError("the reply has two different Content-Length headers")
        headers[name] = f"{headers[name]}, {value}"
    else:
        headers[name] = value
    return True


def framing(status_code: int, http10: bool, headers: Mapping[str, str]) -> Framing:
    """How the body of a reply with this status and these headers is delimited."""
    connection = headers.get("connection", "").lower()
    keep_alive = "keep-alive" in connection if http10 else "close" not in connection
    if status_code in (204, 304):
        return Framing(False, 0, keep_alive)
    coding = headers.get("transfer-encoding")
    if coding is not None:
        if coding.replace(" ", "").lower().rsplit(",", 1)[-1] != "chunked":
            raise ProtocolError(f"the reply's Transfer-Encoding is not chunked: {coding[:40]!r}")
        return Framing(True, None, keep_alive)
    length = headers.get("content-length")
    if length is None:
        return Framing(False, None, False)
    values = {part.strip() for part in length.split(",")}
    if len(values) != 1 or not (value := values.pop()).isdigit() or len(value) > 18:
        raise ProtocolError(f"the reply's Content-Length is not a number: {length[:40]!r}")
    return Framing(False, int(value), keep_alive)


def chunk_size(line: bytes) -> int:
    """The size of the chunk a chunk-size line announces."""
    match = _CHUNK.fullmatch(line)
    if match is None:
        if not line:
            raise ProtocolError("the connection closed in the middle of the reply")
        raise ProtocolError(f"a chunk size is malformed: {_shown(line)}")
    return int(match[1], 16)


def _unended(line: bytes, what: str) -> ProtocolError:
    """The error for a line read without its end: too long, or the connection closed."""
    if len(line) > MAX_LINE:
        return ProtocolError(f"{what} is longer than {MAX_LINE} bytes")
    return ProtocolError(f"the connection closed in the middle of the reply's headers ({what})")


def _shown(line: bytes) -> str:
    """The start of a line as text, for an error message (escaped: one line, no control)."""
    return repr(line[:40]) + ("…" if len(line) > 40 else "")
