"""A connection must send each request, headers and body, in time, or it is closed.

uvicorn closes a connection left idle after a reply, but not one that never completes its
request: a client that connects and stays silent, or sends a byte now and then (every byte
received also cancels uvicorn's idle timer), or sends its headers and then its body a byte at a
time, would hold its connection open for ever, and a few hundred such clients hold a few
hundred sockets and file descriptors of the gateway. The protocol class here gives each
request :data:`REQUEST_TIMEOUT` seconds from the moment the connection is open (or its previous
reply was sent) until its headers and body are in, and closes the connection when they are not.
It also keeps a body that breaks HTTP from logging an error (see ``send_400_response``).
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol, RequestResponseCycle

REQUEST_TIMEOUT = 10.0
"""Seconds a client has to send a request's headers and body (a test sends them in
milliseconds, a 1 MiB body on a slow link in a second or two)."""


def request_timeout_protocol(timeout: float) -> type[H11Protocol]:
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request takes longer than
    ``timeout`` seconds to arrive."""
    if not timeout > 0:
        raise ValueError(f"the request timeout must be positive, not {timeout!r}")
    return type("RequestTimeoutProtocol", (_RequestTimeoutProtocol,), {"timeout": timeout})


class _RequestTimeoutProtocol(H11Protocol):
    timeout = REQUEST_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._timer: asyncio.TimerHandle | None = None
        self._answered: RequestResponseCycle | None = None
        """The request answered last (None before the first): a request other than this one
        is the one awaited."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._disarm_when_received()

    def on_response_complete(self) -> None:
        self._answered = self.cycle
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request is awaited
            self._disarm_when_received()  # unless a pipelined one is in already

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _disarm_when_received(self) -> None:
        cycle = self.cycle
        if cycle is not None and cycle is not self._answered and not cycle.more_body:
            self._disarm()

    def _arm(self) -> None:
        self._disarm()
        self._timer = self.loop.call_later(self.timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def send_400_response(self, msg: str) -> None:
        """A request whose body breaks HTTP (a chunk size that is not one) after its headers
        came in well: the application is already answering it, and its reply would follow
        uvicorn's 400 on a connection h11 has closed (an 'Exception in ASGI application'
        logged as an error). The request counts as disconnected first, so its reply is
        dropped; when the application has already begun its reply, no 400 can follow it and
        the connection is only closed."""
        if self.cycle is not None:
            self.cycle.disconnected = True
        try:
            super().send_400_response(msg)
        except h11.LocalProtocolError:
            self.transport.close()

    def _too_slow(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        with contextlib.suppress(h11.LocalProtocolError):
            self.conn.send(h11.ConnectionClosed())
        self.transport.close()
