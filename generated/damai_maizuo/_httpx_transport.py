"""The transports over an httpx client: the caller's own (``http_client=``), or one the SDK
makes when the environment configures a proxy for the gateway or the loop is not asyncio.

httpx brings what the SDK's own transports leave out (proxies, event hooks, mounts, HTTP/2,
trio) at several times their CPU per call. This module reads a reply within its size and time
limits and maps httpx's exceptions onto :class:`~.errors.APIConnectionError` and
:class:`~.errors.APITimeoutError`.
"""

from __future__ import annotations

import time

import httpx

from ._flow import Reply
from ._options import USER_AGENT
from ._replies import ReplyBody
from ._signing import PreparedRequest
from .errors import APIConnectionError, APITimeoutError

__all__ = ["HttpxAsyncTransport", "HttpxSyncTransport"]

NAME = f"httpx/{httpx.__version__}"


class _HttpxTransport:
    """What the sync and async forms share: the URL cache, the reading of a reply, errors."""

    name = NAME

    def __init__(self, base_url: str) -> None:
        self._host = httpx.URL(base_url).host
        self._last_url = ("", httpx.URL(base_url))
        self._headers = {"User-Agent": f"{USER_AGENT} {NAME}"}

    def _url(self, url: str) -> httpx.URL:
        """``url`` parsed, once per distinct text: the URL of a call changes only with its
        timestamp (once a second), and httpx's parsing of it is a good part of a call's cost."""
        last = self._last_url
        if last[0] != url:
            last = self._last_url = (url, httpx.URL(url))
        return last[1]

    def _reply_body(
        self, response: httpx.Response, timeout: httpx.Timeout, limit: int
    ) -> tuple[ReplyBody, float]:
        """Where a reply's body goes as it arrives, and the time by which it must be in."""
        reply = ReplyBody(response.status_code, response.headers.get("content-encoding"), limit)
        reply.check_length(response.headers.get("content-length"))
        read = timeout.read
        return reply, time.monotonic() + (read if read is not None else float("inf"))

    def _too_slow(self, timeout: httpx.Timeout) -> APITimeoutError:
        """A reply still arriving a read timeout after it began (a few bytes at a time, each
        within the read timeout, would otherwise keep the call waiting for ever)."""
        return APITimeoutError(f"{self._host} took longer than {timeout.read} s to reply")

    def _connection_error(self, error: Exception) -> APIConnectionError:
        """httpx's exception as ours; ``request_sent`` is False only when it surely never left."""
        if isinstance(error, httpx.ConnectTimeout | httpx.PoolTimeout):
            return APITimeoutError(f"timed out connecting to {self._host}", request_sent=False)
        if isinstance(error, httpx.TimeoutException):
            return APITimeoutError(f"timed out waiting for {self._host}")
        if isinstance(error, httpx.ConnectError):
            return APIConnectionError(
                f"cannot connect to {self._host}: {error}", request_sent=False
            )
        reason = str(error) or type(error).__name__
        return APIConnectionError(f"connection to {self._host} failed: {reason}")


class HttpxSyncTransport(_HttpxTransport):
    """Requests over an :class:`httpx.Client` (thread-safe, pooled)."""

    def __init__(self, base_url: str, http: httpx.Client) -> None:
        super().__init__(base_url)
        self.http = http

    def send(self, request: PreparedRequest, timeout: httpx.Timeout, limit: int) -> Reply:
        try:
            with self.http.stream(
                "POST",
                self._url(request.url),
                content=request.body,
                headers={**request.headers, **self._headers},
                timeout=timeout,
            ) as response:
                body, deadline = self._reply_body(response, timeout, limit)
                for chunk in response.iter_raw() if body.raw else response.iter_bytes():
                    body.feed(chunk)
                    if time.monotonic() > deadline:
                        raise self._too_slow(timeout)
        except httpx.HTTPError as error:
            raise self._connection_error(error) from error
        return Reply(response.status_code, response.headers, body.finish())

    def close(self) -> None:
        self.http.close()


class HttpxAsyncTransport(_HttpxTransport):
    """Requests over an :class:`httpx.AsyncClient` (asyncio or trio)."""

    def __init__(self, base_url: str, http: httpx.AsyncClient) -> None:
        super().__init__(base_url)
        self.http = http

    async def send(self, request: PreparedRequest, timeout: httpx.Timeout, limit: int) -> Reply:
        try:
            async with self.http.stream(
                "POST",
                self._url(request.url),
                content=request.body,
                headers={**request.headers, **self._headers},
                timeout=timeout,
            ) as response:
                body, deadline = self._reply_body(response, timeout, limit)
                chunks = response.aiter_raw() if body.raw else response.aiter_bytes()
                async for chunk in chunks:
                    body.feed(chunk)
                    if time.monotonic() > deadline:
                        raise self._too_slow(timeout)
        except httpx.HTTPError as error:
            raise self._connection_error(error) from error
        return Reply(response.status_code, response.headers, body.finish())

    async def aclose(self) -> None:
        await self.http.aclose()
