"""What the gateway's HTTP layer hands on: a parsed request, the reply to it and how to
send it, and the bytes of a reply's head.

:mod:`.connections` reads requests and writes replies; :mod:`.app` turns one into the other.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from http import HTTPStatus
from typing import Literal

NO_BODY_STATUSES = frozenset({204, 304})
"""Replies that have no body, nor a Content-Length."""
_REASONS = {status.value: status.phrase.encode("ascii") for status in HTTPStatus}

Delivery = Literal["full", "cut-short", "drop", "drip"]


# Plain (not frozen) dataclasses with slots: a frozen one sets each field through
# object.__setattr__, a cost paid on every request.


@dataclass(slots=True)
class Request:
    """A request whose head and body are in (or whose body is too large to wait for)."""

    method: str
    path: str
    """The target's path, percent-decoded."""
    query: bytes
    content_type: str | None
    """The first ``Content-Type`` header, if any."""
    body: bytes
    too_large: bool
    """The body is over the connection's ``max_body`` (``body`` is then empty)."""


@dataclass(slots=True)
class Response:
    """What to send back, and how: in full, cut short, slowly, or not at all."""

    status: int
    body: bytes = b""
    content_type: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    """More headers (never a second Content-Type, Content-Length or Connection); a Date here
    replaces the server's."""
    delivery: Delivery = "full"
    delay: float = 0.0
    drip: tuple[int, float] = (1, 0.0)
    """For a dripped reply: the bytes sent at a time and the seconds between them."""
    close: bool = False
    """Close the connection after this reply."""
    before_sending: Callable[[float], None] | None = None
    """Called with the seconds since the request was in, right before the reply is sent (the
    gateway logs its line then, so a client that has its reply finds the line written)."""


Handler = Callable[[Request], Response]


_date: tuple[int, bytes] = (0, b"")
_status_lines: dict[tuple[int, str], bytes] = {}
"""The status line and Content-Type header, by status and content type, made once each."""


def reply_head(
    status: int,
    length: int,
    content_type: str,
    headers: tuple[tuple[str, str], ...],
    *,
    closing: bool,
) -> bytes:
    """The status line and headers of a reply of ``length`` bytes."""
    global _date
    now = int(time.time())
    if _date[0] != now:
        _date = (now, b"date: " + formatdate(now, usegmt=True).encode("ascii") + b"\r\n")
    head = _status_lines.get((status, content_type))
    if head is None:
        head = b"HTTP/1.1 %d %s\r\n" % (status, _REASONS.get(status, b""))
        if content_type:
            head += b"content-type: " + content_type.encode("latin-1") + b"\r\n"
        if len(_status_lines) < 256:  # scenarios may make any number of them
            _status_lines[(status, content_type)] = head
    if status not in NO_BODY_STATUSES:
        head += b"content-length: %d\r\n" % length
    if not headers:
        head += _date[1]
    else:
        if not any(name.lower() == "date" for name, _ in headers):  # a scenario may send its own
            head += _date[1]
        for name, value in headers:
            head += name.encode("latin-1") + b": " + value.encode("latin-1") + b"\r\n"
    if closing:
        head += b"connection: close\r\n"
    return head + b"\r\n"
