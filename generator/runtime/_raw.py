"""A reply as it came, for the caller who needs more than the typed response: its HTTP status,
headers, TOP request id, raw body and format, and :meth:`RawResponse.parse` for the typed
response (raising what the normal call raises)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Generic, Literal, TypeVar

from ._flow import Outcome

__all__ = ["RawResponse"]

T = TypeVar("T")

_XML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*<")


class RawResponse(Generic[T]):
    """The last reply of a call made through ``client.with_raw_response``.

    A call that got no reply at all (the connection failed) raises as usual; one whose reply is
    an error returns this, and :meth:`parse` raises that error.
    """

    def __init__(self, outcome: Outcome[T]) -> None:
        self._outcome = outcome

    @property
    def status_code(self) -> int:
        return self._outcome.reply.status_code

    @property
    def headers(self) -> Mapping[str, str]:
        """Case-insensitive."""
        return self._outcome.reply.headers

    @property
    def body(self) -> bytes:
        """The body as received (inflated when it came compressed)."""
        return self._outcome.reply.body

    @property
    def format(self) -> Literal["json", "xml"]:
        """What the body is written in."""
        return "xml" if _XML_START.match(self.body) else "json"

    @property
    def request_id(self) -> str | None:
        """TOP's request id of the reply, when it had one."""
        return self._outcome.request_id

    @property
    def retries(self) -> int:
        """How many times the call was sent again before this reply."""
        return self._outcome.retries

    def parse(self) -> T:
        """The typed response, or the exception the reply stands for."""
        return self._outcome.unwrap()

    def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(self.body)

    def __repr__(self) -> str:
        return (
            f"<RawResponse {self.status_code} {self.format} request_id={self.request_id!r} "
            f"{len(self.body)} bytes>"
        )
