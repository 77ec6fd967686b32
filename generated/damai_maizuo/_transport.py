"""The one interface between a call and the wire, and which transport a client gets.

A transport sends one signed request and gives back its :class:`~._flow.Reply` (status,
headers, whole body within the size limit), or raises the SDK's own error when no reply came:
:class:`~.errors.APIConnectionError` (``request_sent=False`` only when the request surely never
left), :class:`~.errors.APITimeoutError`, or :class:`~.errors.ResponseDecodeError` for a reply
over the limit. Everything else a call is (signing, retries, the total deadline, redaction,
logging, the "never resent" rule) is :mod:`._flow`, once for every transport.

The transports:

- sync: :class:`~._sync_transport.SyncHTTPTransport`, HTTP/1.1 over the standard library's
  sockets with a small thread-safe keep-alive pool;
- async: :class:`~._async_transport.AsyncHTTPTransport`, HTTP/1.1 over asyncio streams (on
  uvloop when the caller's loop is uvloop);
- httpx (:mod:`._httpx_transport`), when the caller passes ``http_client=``, when the
  environment sends the gateway's URL through a proxy (``HTTP_PROXY``/``HTTPS_PROXY``/
  ``ALL_PROXY``, unless ``NO_PROXY`` exempts the host: the SDK's own transports speak to the
  gateway directly only), and for async calls made outside asyncio (trio).
"""

from __future__ import annotations

import urllib.request
from typing import Protocol
from urllib.parse import urlsplit

import httpx

from ._flow import Reply
from ._signing import PreparedRequest

__all__ = ["AsyncTransport", "SyncTransport", "proxied"]


class SyncTransport(Protocol):
    """Sends requests, one at a time per thread, from any number of threads."""

    @property
    def name(self) -> str:
        """What the ``User-Agent`` says carried the request (``httpx/0.28.1``, ...)."""
        ...

    def send(self, request: PreparedRequest, timeout: httpx.Timeout, limit: int) -> Reply:
        """The reply to ``request``, its body at most ``limit`` bytes (inflated)."""
        ...

    def close(self) -> None: ...


class AsyncTransport(Protocol):
    """Sends requests, any number at a time, from one event loop."""

    async def send(self, request: PreparedRequest, timeout: httpx.Timeout, limit: int) -> Reply:
        """See :meth:`SyncTransport.send`."""
        ...

    async def aclose(self) -> None: ...


def proxied(url: str) -> bool:
    """Whether the environment sends requests for ``url`` through a proxy (by the variables
    httpx honours: ``<SCHEME>_PROXY``, ``ALL_PROXY``, ``NO_PROXY``; any case)."""
    proxies = urllib.request.getproxies_environment()
    parts = urlsplit(url)
    if not (proxies.get(parts.scheme) or proxies.get("all")):
        return False
    host = parts.hostname or ""
    bypass: bool = urllib.request.proxy_bypass_environment(host, proxies)  # type: ignore[attr-defined]
    return not bypass
