"""Every exception the SDK raises, as one hierarchy rooted at :class:`MaizuoError`.

The module runs past 400 lines on purpose: partners read it as the one page on what can go
wrong, so the whole tree, its redaction and its pickling stay together.

::

    MaizuoError
    ├── APIError                  the gateway answered with ``error_response``
    │   ├── AuthenticationError   codes 24–29 (signature, session, app key)
    │   ├── PermissionDeniedError codes 11–13
    │   ├── RateLimitError        codes 4–8
    │   ├── InvalidRequestError   codes 9, 21–23, 30–34, 40–47; ``isv.*`` sub-codes
    │   └── ServerError           code 10; ``isp.*`` sub-codes
    ├── BusinessError             the call went through but its result says ``success=false``
    ├── APIConnectionError        the gateway could not be reached, or the connection broke
    │   └── APITimeoutError
    ├── APIStatusError            an HTTP status other than 200
    ├── ResponseDecodeError       a reply that cannot be read as the expected envelope
    │   └── UnconfirmedResultError the reply does not say whether the operation succeeded
    ├── ParameterError            parameters refused before anything was sent (also a ValueError)
    └── ClientOptionError         a client built with a missing or invalid option (also a ValueError)

How an ``error_response`` picks its class (:func:`error_from_response`): an ``isp.*`` sub-code
means a fault of the service whatever the code, so it is a :class:`ServerError`; otherwise the
code decides when the table above names it. Codes 15 and 50 ("Remote service error") and codes
the table does not name are told apart by their sub-code: ``isv.*`` (the caller's mistake) is an
:class:`InvalidRequestError`; anything else stays a plain :class:`APIError`.

Every message is one line (server text has its line breaks folded) and names the request id when
the gateway gave one. No message or ``repr()`` holds the app secret, a signature or a session.
Errors pickle whole: one raised in a worker process reaches its parent as the same class with
the same attributes.
"""

from __future__ import annotations

import email.utils
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BusinessError",
    "ClientOptionError",
    "InvalidRequestError",
    "MaizuoError",
    "ParameterError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseDecodeError",
    "ServerError",
    "UnconfirmedResultError",
    "error_from_response",
]

BODY_LIMIT = 500
"""How many bytes of an unexpected body an error keeps."""
OVERHANG = 4096
"""How many bytes past :data:`BODY_LIMIT` an error holds until its secrets are taken out, so a
secret echoed across the cut is found whole (and then dropped with the rest)."""

_REDACTED = "***"
_REDACTED_BYTES = _REDACTED.encode()


class MaizuoError(Exception):
    """Base class of every error raised by the SDK."""

    request_id: str | None = None
    """TOP's id of the reply the error came from, when the reply had one (give it to the
    platform's support); ``None`` when no reply came or it carried none."""
    retry_after: float | None = None
    """Seconds the reply asked to wait before trying again (a TOP ban's ``sub_msg``, or HTTP
    ``Retry-After`` with 429 or 503); ``None`` when it did not say."""

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def __str__(self) -> str:
        return self._message()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._message()!r})"

    def _message(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from its state, not by calling the class again (each class takes other
        # arguments), so an error crosses a process boundary whole (multiprocessing, task queues)
        return _rebuild, (type(self), self.args, dict(vars(self)))

    def _redact(self, secrets: Iterable[str | None]) -> None:
        """Replace each secret wherever this error keeps text that came from the network.

        A secret is found as sent and as a server may echo it: JSON-escaped (``\\u0041``,
        ``\\/``), XML-escaped (``&#65;``, ``&amp;``) or percent-encoded, in any mix. A body is
        searched whole before it is cut (:data:`BODY_LIMIT`), so no secret keeps its first
        characters at the cut.
        """
        overhang = vars(self).pop("_overhang", b"")
        patterns = [_secret_pattern(s) for s in secrets if s]
        for name, value in vars(self).items():
            if isinstance(value, str):
                setattr(self, name, _replace(value, patterns))
            elif name == "body" and isinstance(value, bytes):
                setattr(self, name, _replace_bytes(value + overhang, patterns)[:BODY_LIMIT])
            elif isinstance(value, bytes):
                setattr(self, name, _replace_bytes(value, patterns))
        self.args = tuple(_replace(a, patterns) if isinstance(a, str) else a for a in self.args)


class APIError(MaizuoError):
    """The gateway refused the call with an ``error_response``."""

    def __init__(
        self,
        code: int | None,
        msg: str | None,
        sub_code: str | None = None,
        sub_msg: str | None = None,
        request_id: str | None = None,
    ) -> None:
        self.code = code
        self.msg = msg
        self.sub_code = sub_code
        self.sub_msg = sub_msg
        self.request_id = request_id
        super().__init__("")

    def _message(self) -> str:
        text = _one_line(self.msg) or "error"
        if self.code is not None:
            text = f"{text} (code {self.code})"
        detail = ": ".join(_one_line(p) for p in (self.sub_code, self.sub_msg) if p)
        if detail:
            text = f"{text}: {detail}"
        return _with_request_id(text, self.request_id)


class AuthenticationError(APIError):
    """Missing or wrong signature, session or app key (codes 24–29)."""


class PermissionDeniedError(APIError):
    """The app, user or partner may not call this API (codes 11–13)."""


class RateLimitError(APIError):
    """A call limit was reached (codes 4–8); wait for the window to pass.

    ``retry_after`` is how many seconds the ban lasts, when TOP's ``sub_msg`` says so ("This ban
    will last for N more seconds"); ``None`` otherwise.
    """

    def __init__(
        self,
        code: int | None,
        msg: str | None,
        sub_code: str | None = None,
        sub_msg: str | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(code, msg, sub_code, sub_msg, request_id)
        self.retry_after = ban_seconds(sub_msg)


class InvalidRequestError(APIError):
    """The request itself is wrong (codes 9, 21–23, 30–34, 40–47, ``isv.*`` sub-codes)."""


class ServerError(APIError):
    """The service failed (code 10, ``isp.*`` sub-codes); trying again later may succeed."""


class BusinessError(MaizuoError):
    """The gateway accepted the call, but the operation's result says it did not succeed."""

    def __init__(
        self, result_code: Any, result_msg: str | None, request_id: str | None = None
    ) -> None:
        self.result_code = result_code
        self.result_msg = result_msg
        self.request_id = request_id
        super().__init__("")

    def _message(self) -> str:
        text = "operation failed"
        if self.result_code is not None:
            text = f"{text} (result code {_one_line(str(self.result_code))})"
        if self.result_msg:
            text = f"{text}: {_one_line(self.result_msg)}"
        return _with_request_id(text, self.request_id)


class APIConnectionError(MaizuoError):
    """The gateway could not be reached, or the connection broke before a full reply.

    ``request_sent`` is ``False`` only when the request surely never left (connection refused,
    connect timeout, no free connection in the pool): only then is a non-idempotent call safe
    to repeat.
    """

    def __init__(self, message: str, *, request_sent: bool = True) -> None:
        super().__init__(message)
        self.request_sent = request_sent

    def _message(self) -> str:
        if self.request_sent:
            return f"{super()._message()}; the request may have reached the service"
        return f"{super()._message()}; the request was not sent"


class APITimeoutError(APIConnectionError):
    """A connect, write, read or pool timeout expired."""


class APIStatusError(MaizuoError):
    """The gateway answered with an HTTP status other than 200 (TOP errors come with 200)."""

    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self.body = body[:BODY_LIMIT]
        self._overhang = body[BODY_LIMIT : BODY_LIMIT + OVERHANG]
        super().__init__("")

    def _message(self) -> str:
        return f"HTTP {self.status_code} from the gateway{_snippet(self.body)}"


class ResponseDecodeError(MaizuoError):
    """The reply could not be read as the operation's envelope."""

    def __init__(
        self, reason: str, status_code: int, body: bytes, *, request_id: str | None = None
    ) -> None:
        self.reason = reason
        self.status_code = status_code
        self.body = body[:BODY_LIMIT]
        self._overhang = body[BODY_LIMIT : BODY_LIMIT + OVERHANG]
        self.request_id = request_id
        super().__init__("")

    def _message(self) -> str:
        text = f"unreadable reply (HTTP {self.status_code}): {self.reason}{_snippet(self.body)}"
        return _with_request_id(text, self.request_id)


class UnconfirmedResultError(ResponseDecodeError):
    """The reply of an operation that reports its own success (its result object with a
    success flag) came without that object or flag, or with it ``null``: the operation may or
    may not have taken place, so it is neither returned as a success nor sent again. Check its
    state (by a query, or with the service) before trying again."""


class ParameterError(MaizuoError, ValueError):
    """Parameters failed validation; nothing was sent. One line per problem."""

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        """``(path, message)`` pairs, e.g. ``("param0.code_type", "Input should be 1 or 2")``."""
        super().__init__("\n".join(f"{path}: {message}" for path, message in self.problems))


class ClientOptionError(MaizuoError, ValueError):
    """A client option is missing (no app key or secret, given or in the environment) or
    invalid (an unknown ``sign_method`` or ``format``, a negative ``max_retries``, a base URL
    that is not http(s)). Raised when the client is built, before any call."""


def _rebuild(cls: type[MaizuoError], args: tuple[Any, ...], state: dict[str, Any]) -> MaizuoError:
    """An unpickled error: ``cls`` with the arguments and attributes it had."""
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


_BY_CODE: dict[int, type[APIError]] = {
    **dict.fromkeys(range(4, 9), RateLimitError),
    9: InvalidRequestError,
    10: ServerError,
    **dict.fromkeys(range(11, 14), PermissionDeniedError),
    **dict.fromkeys(range(21, 24), InvalidRequestError),
    **dict.fromkeys(range(24, 30), AuthenticationError),
    **dict.fromkeys(range(30, 35), InvalidRequestError),
    **dict.fromkeys(range(40, 48), InvalidRequestError),
}


def _error_class(code: int | None, sub_code: str | None) -> type[APIError]:
    """The :class:`APIError` subclass for a code and sub-code (see the module docstring)."""
    if sub_code and sub_code.startswith("isp."):
        return ServerError
    by_code = _BY_CODE.get(code) if code is not None else None
    if by_code is not None:
        return by_code
    if sub_code and sub_code.startswith("isv."):
        return InvalidRequestError
    return APIError


def error_from_response(data: Mapping[str, Any]) -> APIError:
    """The exception for an ``error_response`` object (JSON values, or XML text)."""
    code = _as_int(data.get("code"))
    sub_code = _as_text(data.get("sub_code"))
    return _error_class(code, sub_code)(
        code=code,
        msg=_as_text(data.get("msg")),
        sub_code=sub_code,
        sub_msg=_as_text(data.get("sub_msg")),
        request_id=_as_text(data.get("request_id")),
    )


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdecimal() and len(value) < 20:
        return int(value)
    return None


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


_BAN = re.compile(r"ban will last for (\d{1,9}) more seconds?", re.IGNORECASE)


def ban_seconds(sub_msg: str | None) -> float | None:
    """The seconds a TOP flow-control ban lasts, from its ``sub_msg``."""
    found = _BAN.search(sub_msg) if sub_msg else None
    return float(found.group(1)) if found else None


def retry_after_header(value: str | None, now: float) -> float | None:
    """HTTP ``Retry-After`` as seconds from ``now`` (a POSIX time): delay-seconds or a date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit() and len(value) < 10:
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def _one_line(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _with_request_id(text: str, request_id: str | None) -> str:
    return f"{text} [request id {_one_line(request_id)}]" if request_id else text


def _snippet(body: bytes, limit: int = 120) -> str:
    text = _one_line(body.decode("utf-8", "replace"))
    if not text:
        return ""
    return ": " + (text if len(text) <= limit else text[: limit - 1] + "…")


def _replace(text: str, patterns: list[re.Pattern[bytes]]) -> str:
    data = text.encode("utf-8", "surrogatepass")
    return _replace_bytes(data, patterns).decode("utf-8", "surrogatepass")


def _replace_bytes(data: bytes, patterns: list[re.Pattern[bytes]]) -> bytes:
    for pattern in patterns:
        data = pattern.sub(_REDACTED_BYTES, data)
    return data


_XML_NAMED = {"&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos"}
_JSON_SHORT = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "\b": "b",
    "\f": "f",
    "\n": "n",
    "\r": "r",
    "\t": "t",
}


@functools.lru_cache(maxsize=64)
def _secret_pattern(secret: str) -> re.Pattern[bytes]:
    """A pattern matching ``secret`` in UTF-8 with each character as itself or in any of the
    escaped forms JSON, XML and percent-encoding give it."""
    return re.compile(b"".join(_char_forms(char) for char in secret))


def _char_forms(char: str) -> bytes:
    forms = [re.escape(char.encode("utf-8"))]
    units = char.encode("utf-16-be")
    forms.append(
        b"".join(
            b"\\\\u" + _hex(f"{int.from_bytes(units[i : i + 2], 'big'):04x}")
            for i in range(0, len(units), 2)
        )
    )
    if char in _JSON_SHORT:
        forms.append(re.escape(("\\" + _JSON_SHORT[char]).encode()))
    code = ord(char)
    forms.append(b"&#0*" + str(code).encode() + b";")
    forms.append(b"&#[xX]0*" + _hex(f"{code:x}") + b";")
    if char in _XML_NAMED:
        forms.append(b"&" + _XML_NAMED[char].encode() + b";")
    forms.append(b"".join(b"%" + _hex(f"{byte:02x}") for byte in char.encode("utf-8")))
    if char == " ":
        forms.append(rb"\+")
    return b"(?:" + b"|".join(forms) + b")"


def _hex(digits: str) -> bytes:
    """Hex digits matched in either case."""
    return "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in digits).encode()
