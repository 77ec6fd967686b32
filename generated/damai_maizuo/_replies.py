"""TOP's replies read into a response model, or into the exception they stand for.

The rule: a call's reply is HTTP 200 with a JSON object or XML document whose single key (root
element) is either ``error_response`` (the gateway or the service refused the call: ``code``,
``msg``, ``sub_code``, ``sub_msg``, ``request_id``) or the method's response key holding the
result; with ``simplify=true`` the JSON result comes without its envelope. A reply of any other
shape, size or encoding is a :class:`~.errors.ResponseDecodeError`, never another exception.
Pure functions over bytes already received: no I/O, no clock.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import _xml
from ._encoding import wire_names
from ._models import validation_problems
from ._protocol import ERROR_KEY, BusinessResultInfo, OperationInfo
from ._signing import Format
from .errors import (
    APIStatusError,
    BusinessError,
    ResponseDecodeError,
    UnconfirmedResultError,
    error_from_response,
)

__all__ = ["MAX_REPLY_BYTES", "ReplyBody", "parse_reply"]

R = TypeVar("R", bound=BaseModel)

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
    (the operation's result says ``success=false``), :class:`~.errors.UnconfirmedResultError`
    (an operation with a business result whose reply does not say ``success=true`` or
    ``false``) or :class:`~.errors.ResponseDecodeError` (anything else unreadable); never
    another exception for any body.
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
        request_id = _text(inner.get("request_id"))
        raise ResponseDecodeError(reason, status_code, body, request_id=request_id) from None
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
        _check_business_result(op.business_result, result, status_code, body)
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


_UNCONFIRMED = ": the operation may or may not have succeeded"


def _check_business_result(
    info: BusinessResultInfo, result: BaseModel, status_code: int, body: bytes
) -> None:
    """Raise unless the result object says ``success=true``: ``false`` is a
    :class:`~.errors.BusinessError`; a result object or flag that is missing, ``null`` or
    neither true nor false proves nothing, and is an :class:`~.errors.UnconfirmedResultError`."""
    node: Any = result
    for part in info.path:
        node = _field(node, part)
    request_id = _text(_field(result, "request_id"))
    where = ".".join(info.path) or "the response"
    if node is None:
        reason = f"the result object {where!r} is missing{_UNCONFIRMED}"
        raise UnconfirmedResultError(reason, status_code, body, request_id=request_id)
    success = _field(node, info.success)
    flag = success.lower() if isinstance(success, str) else success
    if flag is True or flag == "true":
        return
    if flag is False or flag == "false":
        code = _field(node, info.code) if info.code else None
        message = _field(node, info.message) if info.message else None
        raise BusinessError(code, None if message is None else str(message), request_id=request_id)
    state = "missing" if success is None else "neither true nor false"
    reason = f"the success flag {info.success!r} of {where!r} is {state}{_UNCONFIRMED}"
    raise UnconfirmedResultError(reason, status_code, body, request_id=request_id)


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
