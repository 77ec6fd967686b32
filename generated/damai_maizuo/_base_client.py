"""The sync and async clients: options, the transport each one sends through, any method.

What a call is (signing, retries, logging, redaction, decoding) is :mod:`._flow`, written once;
what carries its bytes is a transport (:mod:`._transport`: the SDK's own, or httpx), one pooled
transport per SDK client. It runs past 400 lines because the sync and async clients are twins
kept side by side, so that a change to one is seen to need its mirror in the other.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import partial
from types import TracebackType
from typing import Any, ClassVar, Generic, Self, TypeVar

import httpx
from pydantic import BaseModel

from . import _logging
from ._async_transport import AsyncHTTPTransport
from ._client_params import ClientParam, ClientParamValues
from ._encoding import encode_params, merge_extra_params, wire_names
from ._flow import Call, Outcome, Reply, Send, call_flow, run_async, run_sync
from ._httpx_transport import HttpxAsyncTransport, HttpxSyncTransport
from ._models import RequestModel, ResponseModel, validate_params
from ._options import (
    DEFAULT_BASE_URL,
    DEFAULT_TIMEOUT,
    ENV_APP_KEY,
    ENV_APP_SECRET,
    ENV_BASE_URL,
    NOT_GIVEN,
    CallTimeout,
    ClientOptionChanges,
    ClientOptions,
    ExtraParams,
    H,
    NotGiven,
    check_retries,
    check_seconds,
    checked_url,
    pick,
    required,
)
from ._protocol import OperationInfo, response_key
from ._raw import RawResponse
from ._replies import MAX_REPLY_BYTES, parse_reply
from ._retry import backoff_delay
from ._signing import (
    FORMATS,
    SIGN_METHODS,
    Format,
    PreparedRequest,
    SignMethod,
    build_request,
    format_timestamp,
)
from ._sync_transport import SyncHTTPTransport
from ._transport import AsyncTransport, SyncTransport, proxied
from .errors import (
    APIStatusError,
    ClientOptionError,
    MaizuoError,
    ParameterError,
    retry_after_header,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "AsyncAPIClient",
    "CallTimeout",
    "ClientOptionChanges",
    "ClientOptions",
    "ExtraParams",
    "NotGiven",
    "SyncAPIClient",
]

_TOP_METHOD = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+")
"""A TOP method name: dot-separated lower-case segments (``alibaba.damai.maizuo.x.y``)."""

R = TypeVar("R", bound=BaseModel)
T = TypeVar("T")

_logging.setup_logging()


class BaseClient(Generic[H]):
    """Options and the parts of a call shared by :class:`SyncAPIClient` and
    :class:`AsyncAPIClient`."""

    _http_client_type: ClassVar[type[httpx.Client] | type[httpx.AsyncClient]]
    _retry_base_delay: ClassVar[float] = 0.5
    _retry_max_delay: ClassVar[float] = 8.0
    _max_reply_bytes: ClassVar[int] = MAX_REPLY_BYTES
    _use_httpx: ClassVar[bool] = False
    """Send through httpx even where the SDK's own transport would do (the tests run on both)."""
    _client_params: ClassVar[tuple[ClientParam, ...]] = ()
    """The client parameters the spec declares (``Client(ptnr_token=...)``): set by the
    generated client, whose keyword arguments they are."""

    def __init__(
        self,
        *,
        app_key: str | None = None,
        app_secret: str | None = None,
        base_url: str | None = None,
        sign_method: SignMethod = "hmac-sha256",
        format: Format = "json",
        simplify: bool = False,
        session: str | None = None,
        partner_id: str | None = None,
        target_app_key: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int = 2,
        max_retry_wait: float = 60.0,
        total_timeout: float | None = 120.0,
        http_client: H | None = None,
        **client_params: str | None,
    ) -> None:
        self._params = ClientParamValues(self._client_params, client_params)
        self.app_key = required(app_key, ENV_APP_KEY, "app_key")
        self._app_secret = required(app_secret, ENV_APP_SECRET, "app_secret")
        self.base_url = checked_url(base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL)
        if sign_method not in SIGN_METHODS:
            raise ClientOptionError(f"sign_method must be one of {', '.join(SIGN_METHODS)}")
        if format not in FORMATS:
            raise ClientOptionError(f"format must be one of {', '.join(FORMATS)}")
        check_retries(max_retries)
        check_seconds("max_retry_wait", max_retry_wait)
        if total_timeout is not None:
            check_seconds("total_timeout", total_timeout)
        if http_client is not None and not isinstance(http_client, self._http_client_type):
            raise ClientOptionError(f"http_client must be an {self._http_client_type.__qualname__}")
        self.sign_method: SignMethod = sign_method
        self.format: Format = format
        self.simplify = simplify
        self._session = session
        self.partner_id = partner_id
        self.target_app_key = target_app_key
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self.total_timeout = total_timeout
        if isinstance(timeout, NotGiven):
            timeout = http_client.timeout if http_client is not None else DEFAULT_TIMEOUT
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self._owns_http = http_client is None
        self._raw_response = False
        self._http_client: H | None = http_client
        self._init_transport(http_client)

    def _init_transport(self, http_client: H | None) -> None:
        raise NotImplementedError

    def _httpx_wanted(self) -> bool:
        """Whether the client's own httpx client carries its calls: when the environment
        sends the gateway's URL through a proxy (the SDK's own transports do not speak to
        proxies), or when :attr:`_use_httpx` says so."""
        return self._use_httpx or proxied(self.base_url)

    def with_options(
        self,
        *,
        app_key: str | NotGiven = NOT_GIVEN,
        app_secret: str | NotGiven = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        sign_method: SignMethod | NotGiven = NOT_GIVEN,
        format: Format | NotGiven = NOT_GIVEN,
        simplify: bool | NotGiven = NOT_GIVEN,
        session: str | NotGiven | None = NOT_GIVEN,
        partner_id: str | NotGiven | None = NOT_GIVEN,
        target_app_key: str | NotGiven | None = NOT_GIVEN,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        max_retry_wait: float | NotGiven = NOT_GIVEN,
        total_timeout: float | NotGiven | None = NOT_GIVEN,
        http_client: H | NotGiven = NOT_GIVEN,
        **client_params: str | NotGiven | None,
    ) -> Self:
        """A client of the same class with some options changed, sharing this one's connection
        pool (unless ``http_client`` is given). Closing the copy leaves the pool open.
        """
        params: dict[str, Any] = self._params.values()
        params.update((k, v) for k, v in client_params.items() if not isinstance(v, NotGiven))
        copy = type(self)(
            app_key=pick(app_key, self.app_key),
            app_secret=pick(app_secret, self._app_secret),
            base_url=pick(base_url, self.base_url),
            sign_method=pick(sign_method, self.sign_method),
            format=pick(format, self.format),
            simplify=pick(simplify, self.simplify),
            session=pick(session, self._session),
            partner_id=pick(partner_id, self.partner_id),
            target_app_key=pick(target_app_key, self.target_app_key),
            timeout=pick(timeout, self.timeout),
            max_retries=pick(max_retries, self.max_retries),
            max_retry_wait=pick(max_retry_wait, self.max_retry_wait),
            total_timeout=pick(total_timeout, self.total_timeout),
            http_client=pick(http_client, self._http_client),
            **params,
        )
        if isinstance(http_client, NotGiven) and copy.base_url == self.base_url:
            copy._share_transport(self)
            copy._owns_http = False
        return copy

    def _share_transport(self, other: Self) -> None:
        raise NotImplementedError

    @property
    def with_raw_response(self) -> Any:
        """This client (sharing its connection pool) whose endpoint methods and :meth:`call`
        return a :class:`~._raw.RawResponse` instead of the decoded response:
        ``client.with_raw_response.user.authcode.send(...)``. Typed as ``Any``: each method
        returns ``RawResponse[<its response>]``."""
        copy = self.with_options()
        copy._raw_response = True
        return copy

    def _result(self, outcome: Outcome[T]) -> T:
        """The outcome as the caller asked for it: decoded (raising its error), or raw."""
        if self._raw_response:
            return RawResponse(outcome)  # type: ignore[return-value]  # see with_raw_response
        return outcome.unwrap()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(app_key={self.app_key!r})"

    # -- the steps of a call -----------------------------------------------------------------
    def _encode(
        self,
        op: OperationInfo,
        params_model: type[RequestModel],
        values: Mapping[str, Any],
        extra_params: ExtraParams = None,
    ) -> tuple[dict[str, str], tuple[str, ...]]:
        """Validated, encoded business parameters, filled in with the client parameters and
        with the extra ones merged in, and the secret values they hold; raises before anything
        is sent."""
        if op.session == "required" and not self._session:
            raise MaizuoError(f"{op.method} needs a user session: pass session=... to the client")
        params, secrets = self._params.fill(validate_params(params_model, values))
        business = encode_params(params)
        return merge_extra_params(business, extra_params, wire_names(params_model)), secrets

    def _any_method(
        self, method: str, params: Mapping[str, Any], idempotent: bool, extra_params: ExtraParams
    ) -> tuple[OperationInfo, dict[str, str], Callable[[Reply], dict[str, Any]]]:
        """What :meth:`call` sends for a TOP method the spec does not hold: its operation (the
        response key by TOP's rule), its encoded parameters and the decoding of its reply."""
        if not isinstance(method, str) or not _TOP_METHOD.fullmatch(method):
            raise ParameterError([("method", "must be a TOP method name such as taobao.time.get")])
        if not isinstance(params, Mapping):
            raise ParameterError([("params", "must be a mapping of name to value")])
        op = OperationInfo(method, response_key(method), idempotent=bool(idempotent))
        business = merge_extra_params({}, {**params, **(extra_params or {})})
        if extra_params and set(params) & set(extra_params):
            clash = sorted(set(params) & set(extra_params))[0]
            raise ParameterError([(clash, "given in both params and extra_params")])
        return op, business, partial(self._parse_data, op)

    def _parse_data(self, op: OperationInfo, reply: Reply) -> dict[str, Any]:
        """A reply under ``op``'s response key, as plain data (JSON values, or XML text)."""
        result: ResponseModel = self._parse(op, ResponseModel, reply)
        return result.model_dump()

    def _prepare(self, op: OperationInfo, business: Mapping[str, str]) -> PreparedRequest:
        return build_request(
            op,
            business,
            app_key=self.app_key,
            app_secret=self._app_secret,
            sign_method=self.sign_method,
            format=self.format,
            simplify=self.simplify,
            session=self._session,
            partner_id=self.partner_id,
            target_app_key=self.target_app_key,
            timestamp=format_timestamp(datetime.now(UTC)),
            base_url=self.base_url,
        )

    def _parse(self, op: OperationInfo, response_model: type[R], reply: Reply) -> R:
        try:
            return parse_reply(
                op,
                response_model,
                reply.status_code,
                reply.headers.get("content-type"),
                reply.body,
                format=self.format,
                simplify=self.simplify,
            )
        except APIStatusError as error:
            if error.status_code in (429, 503):
                error.retry_after = retry_after_header(
                    reply.headers.get("retry-after"), time.time()
                )
            raise

    def _backoff(self, retry: int) -> float:
        return backoff_delay(
            retry,
            base=self._retry_base_delay,
            cap=self._retry_max_delay,
            random_fraction=random.random(),
        )

    def _plan(
        self,
        op: OperationInfo,
        business: Mapping[str, str],
        decode: Callable[[Reply], T],
        *,
        timeout: CallTimeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        secrets: tuple[str, ...] = (),
    ) -> Call[T]:
        """One call of ``op`` with ``business`` parameters, as :func:`._flow.call_flow` takes
        it; ``timeout`` and ``max_retries`` replace the client's for this call, and ``secrets``
        (values in ``business``) are taken out of its errors with the client's own."""
        if isinstance(timeout, NotGiven):
            timeout = self.timeout
        if isinstance(max_retries, NotGiven):
            max_retries = self.max_retries
        check_retries(max_retries)
        return Call(
            op=op,
            prepare=partial(self._prepare, op, business),
            decode=decode,
            timeout=timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
            max_retries=max_retries,
            backoff=self._backoff,
            format=self.format,
            max_retry_wait=self.max_retry_wait,
            total_timeout=self.total_timeout,
            secrets=(self._app_secret, self._session, *self._params.secrets, *secrets),
        )


class SyncAPIClient(BaseClient[httpx.Client]):
    """A TOP client over one pooled, thread-safe transport: the SDK's own HTTP/1.1 over the
    standard library's sockets, or an :class:`httpx.Client` (see :meth:`_init_transport`)."""

    _http_client_type = httpx.Client

    def _init_transport(self, http_client: httpx.Client | None) -> None:
        self._transport: SyncTransport
        if http_client is None and self._httpx_wanted():
            http_client = httpx.Client(timeout=self.timeout)
        if http_client is not None:
            self._transport = HttpxSyncTransport(self.base_url, http_client)
        else:
            self._transport = SyncHTTPTransport(self.base_url)

    def _share_transport(self, other: Self) -> None:
        self._transport = other._transport

    def _call(
        self,
        op: OperationInfo,
        params_model: type[RequestModel],
        values: Mapping[str, Any],
        response_model: type[R],
        *,
        timeout: CallTimeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_params: ExtraParams = None,
    ) -> R:
        """Run one operation: validate, sign, send (retrying where safe), decode."""
        business, secrets = self._encode(op, params_model, values, extra_params)
        decode = partial(self._parse, op, response_model)
        call = self._plan(
            op, business, decode, timeout=timeout, max_retries=max_retries, secrets=secrets
        )
        return self._result(self._run(call))

    def call(
        self,
        method: str,
        params: Mapping[str, Any],
        *,
        idempotent: bool = False,
        timeout: CallTimeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_params: ExtraParams = None,
    ) -> dict[str, Any]:
        """Call a TOP method the spec does not hold yet, with the same signing, errors,
        logging, redaction and retries as an endpoint method; returns the reply's object
        under the method's response key as plain data.

        ``params`` are business parameters by wire name, encoded by TOP's rules, and sent as
        given: the client parameters (``ptnr_token=...``) fill no field of a method the spec
        does not hold. The call is sent again after it may have reached the service only if
        ``idempotent=True``.
        """
        op, business, decode = self._any_method(method, params, idempotent, extra_params)
        call = self._plan(op, business, decode, timeout=timeout, max_retries=max_retries)
        return self._result(self._run(call))

    def _run(self, call: Call[T]) -> Outcome[T]:
        return run_sync(call_flow(call), self._send)

    def _send(self, step: Send) -> Reply:
        """One attempt over the wire; raises :class:`~.errors.APIConnectionError` (or a
        :class:`~.errors.ResponseDecodeError` for a reply too large) when no reply came."""
        return self._transport.send(step.request, step.timeout, self._max_reply_bytes)

    def close(self) -> None:
        """Close the connection pool, unless it was passed in as ``http_client``."""
        if self._owns_http:
            self._transport.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncAPIClient(BaseClient[httpx.AsyncClient]):
    """A TOP client over one pooled transport: the SDK's own HTTP/1.1 over asyncio streams, or
    an :class:`httpx.AsyncClient` (see :meth:`_init_transport`; always under trio)."""

    _http_client_type = httpx.AsyncClient

    def _init_transport(self, http_client: httpx.AsyncClient | None) -> None:
        self._transport: AsyncTransport
        self._fallback: HttpxAsyncTransport | None = None
        """httpx, made for calls outside asyncio (trio), where the own transport cannot go."""
        if http_client is None and self._httpx_wanted():
            http_client = httpx.AsyncClient(timeout=self.timeout)
        if http_client is not None:
            self._transport = HttpxAsyncTransport(self.base_url, http_client)
        else:
            self._transport = AsyncHTTPTransport(self.base_url)

    def _share_transport(self, other: Self) -> None:
        self._transport = other._transport
        self._fallback = other._fallback

    async def _call(
        self,
        op: OperationInfo,
        params_model: type[RequestModel],
        values: Mapping[str, Any],
        response_model: type[R],
        *,
        timeout: CallTimeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_params: ExtraParams = None,
    ) -> R:
        """Run one operation: validate, sign, send (retrying where safe), decode."""
        business, secrets = self._encode(op, params_model, values, extra_params)
        decode = partial(self._parse, op, response_model)
        call = self._plan(
            op, business, decode, timeout=timeout, max_retries=max_retries, secrets=secrets
        )
        return self._result(await self._run(call))

    async def call(
        self,
        method: str,
        params: Mapping[str, Any],
        *,
        idempotent: bool = False,
        timeout: CallTimeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_params: ExtraParams = None,
    ) -> dict[str, Any]:
        """The async form of :meth:`SyncAPIClient.call`."""
        op, business, decode = self._any_method(method, params, idempotent, extra_params)
        call = self._plan(op, business, decode, timeout=timeout, max_retries=max_retries)
        return self._result(await self._run(call))

    async def _run(self, call: Call[T]) -> Outcome[T]:
        return await run_async(call_flow(call), self._send)

    async def _send(self, step: Send) -> Reply:
        """One attempt over the wire; see :meth:`SyncAPIClient._send`."""
        transport = self._transport
        if isinstance(transport, AsyncHTTPTransport) and not transport.usable():
            if self._fallback is None:
                http = httpx.AsyncClient(timeout=self.timeout)
                self._fallback = HttpxAsyncTransport(self.base_url, http)
            transport = self._fallback
        return await transport.send(step.request, step.timeout, self._max_reply_bytes)

    async def aclose(self) -> None:
        """Close the connection pool, unless it was passed in as ``http_client``."""
        if self._owns_http:
            await self._transport.aclose()
            if self._fallback is not None:
                await self._fallback.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()
