"""The TOP gateway protocol as pure functions: no I/O, no clock, no randomness inside.

A call is :func:`encode_params` (business parameters as form fields), :func:`build_request`
(system parameters, signature, the HTTP request to send) and :func:`parse_reply` (the HTTP
reply into a response model, or the exception it stands for). The transports in
``_base_client`` add the network, the clock and retries.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Any, Literal, TypeVar

import pydantic_core
from pydantic import BaseModel, ValidationError

from . import _xml
from .errors import (
    APIStatusError,
    BusinessError,
    ParameterError,
    ResponseDecodeError,
    error_from_response,
)

SignMethod = Literal["md5", "hmac", "hmac-sha256"]
SIGN_METHODS: tuple[SignMethod, ...] = ("md5", "hmac", "hmac-sha256")
Format = Literal["json", "xml"]
FORMATS: tuple[Format, ...] = ("json", "xml")

API_VERSION = "2.0"
GMT8 = timezone(timedelta(hours=8), "GMT+8")
"""TOP's clock: timestamps and date-times on the wire are GMT+8 wall-clock time."""
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
FORM_HEADERS: Mapping[str, str] = {
    "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
}
ERROR_KEY = "error_response"

R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True)
class BusinessResultInfo:
    """Where a reply says whether the operation succeeded (the spec's ``x-top-business-result``)."""

    path: tuple[str, ...]
    """Wire names from the response object to the result object; empty for the object itself."""
    success: str
    code: str | None
    message: str | None


@dataclass(frozen=True)
class OperationInfo:
    """What the protocol needs to know of one TOP method; one constant per endpoint."""

    method: str
    """The TOP method name (``alibaba.damai.maizuo.openapi.user.authcode.send``)."""
    response_key: str
    """The success envelope's key (``alibaba_damai_maizuo_openapi_user_authcode_send_response``)."""
    idempotent: bool
    """Whether sending the call twice is harmless, so it may be retried after it was sent."""
    business_result: BusinessResultInfo | None = None
    session: str = "none"
    """``none``, ``optional`` or ``required``: whether the API needs a user session."""


@dataclass(frozen=True)
class PreparedRequest:
    """A signed HTTP request, ready for any HTTP client.

    The URL carries the system parameters that are safe to show (it ends up in proxy and
    httpx logs); the body carries the business parameters, then ``session`` and ``sign``.
    """

    method: str
    url: str
    headers: Mapping[str, str]
    body: bytes
    secrets: tuple[str, ...] = field(default=(), compare=False)
    """The signature and the session (as given and as sent), for scrubbing them from any text."""

    def __repr__(self) -> str:
        return (
            f"PreparedRequest(method={self.method!r}, url={self.url!r}, "
            f"body=<{len(self.body)} bytes>)"
        )


# ------------------------------------------------------------------------------------------
# signing and system parameters


def signing_string(params: Mapping[str, str]) -> str:
    """Every parameter but ``sign``, sorted by name, each name followed by its value."""
    return "".join(f"{name}{params[name]}" for name in sorted(params) if name != "sign")


def sign(params: Mapping[str, str], secret: str, sign_method: SignMethod) -> str:
    """TOP's signature of ``params`` (system and business, all as sent) in upper-case hex."""
    text = signing_string(params).encode("utf-8")
    key = secret.encode("utf-8")
    if sign_method == "md5":
        return hashlib.md5(key + text + key).hexdigest().upper()
    if sign_method == "hmac":
        return hmac.new(key, text, hashlib.md5).hexdigest().upper()
    if sign_method == "hmac-sha256":
        return hmac.new(key, text, hashlib.sha256).hexdigest().upper()
    raise ValueError(f"unknown sign_method {sign_method!r}; use one of {', '.join(SIGN_METHODS)}")


def format_datetime(value: datetime) -> str:
    """``yyyy-MM-dd HH:mm:ss``; an aware value is first converted to GMT+8."""
    if value.tzinfo is not None:
        value = value.astimezone(GMT8)
    # not strftime, which writes the year 999 as "999" on glibc: TOP reads four digits
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )


def format_timestamp(now: datetime) -> str:
    """The ``timestamp`` system parameter for the instant ``now`` (which must be aware)."""
    if now.tzinfo is None:
        raise ValueError("the timestamp needs an aware datetime, e.g. datetime.now(timezone.utc)")
    return format_datetime(now)


def build_request(
    op: OperationInfo,
    business: Mapping[str, str],
    *,
    app_key: str,
    app_secret: str,
    sign_method: SignMethod,
    format: Format,
    simplify: bool,
    session: str | None,
    partner_id: str | None,
    target_app_key: str | None,
    timestamp: str,
    base_url: str,
) -> PreparedRequest:
    """The signed POST for one call.

    Every parameter is signed. The system parameters go in the URL, except ``session`` and
    ``sign``: those go in the body after the business parameters, so that no URL (logged by
    httpx, proxies and servers) holds a secret. The gateway reads query and body alike.
    """
    system, query = _system_params(
        op.method, app_key, sign_method, format, simplify, partner_id, target_app_key
    )
    params = {**business, **system, "timestamp": timestamp}
    body = form_encode(business)
    secrets: tuple[str, ...] = ()
    if session:
        params["session"] = session
        quoted = form_quote(session)
        body += f"&session={quoted}" if body else f"session={quoted}"
        secrets = (session, quoted) if quoted != session else (session,)
    signature = sign(params, app_secret, sign_method)
    body += f"&sign={signature}" if body else f"sign={signature}"
    separator = "&" if "?" in base_url else "?"
    return PreparedRequest(
        method="POST",
        url=f"{base_url}{separator}{query}&timestamp={form_quote(timestamp)}",
        headers=FORM_HEADERS,
        body=body.encode("ascii"),
        secrets=(signature, *secrets),
    )


@functools.lru_cache(maxsize=1024)
def _system_params(
    method: str,
    app_key: str,
    sign_method: SignMethod,
    format: Format,
    simplify: bool,
    partner_id: str | None,
    target_app_key: str | None,
) -> tuple[Mapping[str, str], str]:
    """The system parameters that stay the same from call to call, and their query string."""
    params = {
        "method": method,
        "app_key": app_key,
        "v": API_VERSION,
        "format": format,
        "sign_method": sign_method,
    }
    if partner_id:
        params["partner_id"] = partner_id
    if target_app_key:
        params["target_app_key"] = target_app_key
    if simplify:
        params["simplify"] = "true"
    return MappingProxyType(params), form_encode(params)


_FORM_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_FORM_BYTE = [
    chr(b) if b in _FORM_SAFE else "+" if b == 0x20 else f"%{b:02X}" for b in range(256)
].__getitem__


def form_quote(text: str) -> str:
    """``text`` percent-encoded as UTF-8 for a form or query (as ``urllib.parse.quote_plus``)."""
    return "".join(map(_FORM_BYTE, text.encode("utf-8")))


def form_encode(params: Mapping[str, str]) -> str:
    """``application/x-www-form-urlencoded`` text of ``params`` (as ``urllib.parse.urlencode``)."""
    return "&".join([f"{form_quote(name)}={form_quote(value)}" for name, value in params.items()])


# ------------------------------------------------------------------------------------------
# business parameters


def encode_params(params: BaseModel) -> dict[str, str]:
    """The form fields of a validated parameters model, by wire name.

    Fields not set, ``None`` or encoding to an empty string are left out (TOP, like its Java
    SDK, treats an empty parameter as absent; sending one would also change the signature).
    Raises :class:`~.errors.ParameterError` for a value TOP's form cannot hold (a date-time
    out of range once in GMT+8), and for a required one that is empty (``""``, ``[]``).
    """
    fields_set = params.model_fields_set
    encoded: dict[str, str] = {}
    for wire, attribute in wire_names(type(params)).items():
        if attribute not in fields_set:
            continue
        value = getattr(params, attribute)
        if value is None:
            continue
        try:
            text = encode_value(value)
        except (OverflowError, ValueError) as error:  # a date-time GMT+8 cannot hold
            raise ParameterError([(wire, f"cannot be sent: {type(error).__name__}")]) from None
        if text:
            encoded[wire] = text
        elif type(params).model_fields[attribute].is_required():
            raise ParameterError([(wire, "is required, and TOP takes an empty value for none")])
    return encoded


def encode_value(value: Any) -> str:
    """One business parameter as TOP reads it (see the protocol fact sheet)."""
    if isinstance(value, BaseModel):
        return value.model_dump_json(by_alias=True, exclude_none=True)
    if isinstance(value, Enum):
        return encode_value(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return _decimal(value)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        if any(isinstance(item, BaseModel | Mapping | list | tuple) for item in value):
            return _json(list(value))
        return ",".join(encode_value(item) for item in value)
    if isinstance(value, Mapping):
        return _json(value)
    raise TypeError(f"cannot encode a {type(value).__name__} as a TOP parameter")


def _decimal(value: float | Decimal) -> str:
    text = repr(value) if isinstance(value, float) else str(value)
    if "e" in text or "E" in text:
        return format(Decimal(text), "f")
    return text


def _json(value: Any) -> str:
    return pydantic_core.to_json(_top_dates(value), by_alias=True, exclude_none=True).decode(
        "utf-8"
    )


def _top_dates(value: Any) -> Any:
    """``value`` with its date-times (in lists and mappings; models write their own) as TOP
    writes them, where pydantic would write ISO 8601."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, list | tuple):
        return [_top_dates(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _top_dates(item) for key, item in value.items()}
    return value


@functools.cache
def wire_names(model: type[BaseModel]) -> dict[str, str]:
    """Each field's name on the wire (its alias, else its name) → its attribute name."""
    return {(info.alias or name): name for name, info in model.model_fields.items()}


# ------------------------------------------------------------------------------------------
# replies

MAX_REPLY_BYTES = 32 * 1024 * 1024
"""The largest reply the client reads, uncompressed; a larger one is refused unread."""


class ReplyBody:
    """A reply's body as its chunks arrive, held to ``limit`` bytes.

    A body compressed with gzip or deflate is taken as sent (:attr:`raw`) and inflated by
    :meth:`finish`, never beyond ``limit``: a small "zip bomb" cannot fill the memory. Other
    bodies are taken as the HTTP client decodes them.
    """

    __slots__ = ("_data", "limit", "status_code", "wbits")

    def __init__(
        self, status_code: int, content_encoding: str | None, limit: int = MAX_REPLY_BYTES
    ) -> None:
        self.status_code = status_code
        self.limit = limit
        self.wbits = _WBITS.get((content_encoding or "").strip().lower())
        """zlib's window bits for the reply's compression, or None when it is not ours to undo."""
        self._data = bytearray()

    @property
    def raw(self) -> bool:
        """Whether to feed the bytes as they came over the wire (still compressed)."""
        return self.wbits is not None

    def check_length(self, content_length: str | None) -> None:
        """Refuse a reply that says up front it is too large."""
        if content_length and content_length.isdigit() and int(content_length) > self.limit:
            raise self._too_large()

    def feed(self, chunk: bytes) -> None:
        self._data += chunk
        if len(self._data) > self.limit:
            raise self._too_large()

    def finish(self) -> bytes:
        """The whole body, inflated when it was compressed."""
        data = bytes(self._data)
        if self.wbits is None:
            return data
        for wbits in (self.wbits, -15) if self.wbits == 15 else (self.wbits,):
            inflater = zlib.decompressobj(wbits)
            try:
                body = inflater.decompress(data, self.limit + 1)
            except zlib.error:
                continue  # "deflate" is sent with or without zlib's header
            if len(body) > self.limit:
                raise self._too_large()
            if inflater.eof:
                return body
        raise ResponseDecodeError("the compressed reply is damaged", self.status_code, b"")

    def _too_large(self) -> ResponseDecodeError:
        reason = f"the reply is larger than {self.limit} bytes; it was not read"
        return ResponseDecodeError(reason, self.status_code, b"")


_WBITS = {"gzip": 31, "x-gzip": 31, "deflate": 15}

_XML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*<")
_JSON_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*[{\[]")


class _WrongShape(ValueError):
    """The body parsed, but is not the envelope expected."""


def parse_reply(
    op: OperationInfo,
    response_model: type[R],
    status_code: int,
    content_type: str | None,
    body: bytes,
    *,
    format: Format,
    simplify: bool,
) -> R:
    """The response model of a reply, or the exception the reply stands for.

    Raises :class:`~.errors.APIStatusError` (HTTP status not 200), an
    :class:`~.errors.APIError` subclass (``error_response``), :class:`~.errors.BusinessError`
    (the operation's result says ``success=false``) or :class:`~.errors.ResponseDecodeError`
    (anything else unreadable); never another exception for any body.
    """
    if status_code != 200:
        raise APIStatusError(status_code, body)
    try:
        if _is_xml(body, content_type, format):
            inner = _xml_inner(op, response_model, body)
        else:
            inner = _json_inner(op, response_model, body, simplify=simplify)
        result = response_model.model_validate(inner)
    except ValidationError as error:
        path, message = validation_problems(error)[0]
        reason = f"the reply does not match {response_model.__name__}: {path}: {message}"
        raise ResponseDecodeError(reason, status_code, body) from None
    except RecursionError:
        raise ResponseDecodeError("the reply is nested too deep", status_code, body) from None
    except UnicodeError:
        raise ResponseDecodeError("the reply is not valid text", status_code, body) from None
    except json.JSONDecodeError as error:
        reason = f"invalid JSON ({error.msg} at byte {error.pos})"
        raise ResponseDecodeError(reason, status_code, body) from None
    except ValueError as error:  # _WrongShape, _xml.XMLError, too many digits
        raise ResponseDecodeError(str(error), status_code, body) from None
    if op.business_result is not None:
        _check_business_result(op.business_result, result)
    return result


def _is_xml(body: bytes, content_type: str | None, format: Format) -> bool:
    if _XML_START.match(body):
        return True
    if _JSON_START.match(body):
        return False
    return "xml" in (content_type or "") or format == "xml"


def _json_inner(
    op: OperationInfo, model: type[BaseModel], body: bytes, *, simplify: bool
) -> dict[str, Any]:
    data = json.loads(body)
    if not isinstance(data, dict):
        raise _WrongShape(f"expected a JSON object, got a {type(data).__name__}")
    if ERROR_KEY in data:
        raise _error(data[ERROR_KEY])
    inner = data.get(op.response_key)
    if simplify and (inner is None or len(data) > 1):
        inner = data  # simplify=true: the object without its envelope
    if isinstance(inner, dict):
        if _is_bare_error(inner, model):
            raise _error(inner)
        return inner
    if inner is None:
        if _is_bare_error(data, model):
            raise _error(data)
        raise _WrongShape(f"no {op.response_key!r} in the reply")
    raise _WrongShape(f"{op.response_key!r} is not an object")


def _xml_inner(op: OperationInfo, model: type[BaseModel], body: bytes) -> dict[str, Any]:
    root = _xml.parse(body)
    if root.tag == ERROR_KEY:
        raise _error(_xml.to_data(root, None))
    if root.tag != op.response_key:
        raise _WrongShape(f"expected <{op.response_key}>, got <{root.tag[:100]}>")
    data: dict[str, Any] = _xml.to_data(root, model)
    return data


def _is_bare_error(data: Mapping[str, Any], model: type[BaseModel]) -> bool:
    """An error object without its ``error_response`` wrapper (a form ``simplify`` might take)."""
    return "code" in data and "msg" in data and "code" not in wire_names(model)


def _error(data: Any) -> Exception:
    if not isinstance(data, Mapping):
        return _WrongShape(f"{ERROR_KEY!r} is not an object")
    return error_from_response(data)


def _check_business_result(info: BusinessResultInfo, result: BaseModel) -> None:
    node: Any = result
    for part in info.path:
        node = _field(node, part)
    if node is None:
        return
    success = _field(node, info.success)
    if success is False or (isinstance(success, str) and success.lower() == "false"):
        code = _field(node, info.code) if info.code else None
        message = _field(node, info.message) if info.message else None
        raise BusinessError(
            code,
            None if message is None else str(message),
            request_id=_text(_field(result, "request_id")),
        )


def _field(node: Any, wire: str) -> Any:
    """A field of a model by its wire name (declared or extra), or of a dict; else ``None``."""
    if isinstance(node, BaseModel):
        attribute = wire_names(type(node)).get(wire)
        if attribute is not None:
            return getattr(node, attribute)
        return (node.__pydantic_extra__ or {}).get(wire)
    if isinstance(node, Mapping):
        return node.get(wire)
    return None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def validation_problems(error: ValidationError) -> list[tuple[str, str]]:
    """``(path, message)`` per problem, paths like ``param0.items[2].code``; no input values."""
    return [
        (_location(problem["loc"]), problem["msg"])
        for problem in error.errors(include_url=False, include_input=False)
    ]


def _location(loc: tuple[int | str, ...]) -> str:
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path or "(root)"
