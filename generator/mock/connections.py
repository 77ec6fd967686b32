"""A connection must send its request's headers in time, or it is closed.

uvicorn closes a connection left idle after a reply, but not one that never completes its
headers: a client that connects and stays silent, or sends a byte now and then (every byte
received also cancels uvicorn's idle timer), would hold its connection open for ever, and a few
hundred such clients hold a few hundred sockets and file descriptors of the gateway. The
protocol class here gives each request :data:`HEADER_TIMEOUT` seconds from the moment the
connection is open (or its previous reply was sent) until its headers are complete, and closes
the connection when they are not.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0
"""Seconds a client has to send a request's headers (a busy test machine sends them in
milliseconds)."""


def header_timeout_protocol(timeout: float) -> type[H11Protocol]:
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request headers take longer than
    ``timeout`` seconds."""
    if not timeout > 0:
        raise ValueError(f"the header timeout must be positive, not {timeout!r}")
    return type("HeaderTimeoutProtocol", (_HeaderTimeoutProtocol,), {"header_timeout": timeout})


class _HeaderTimeoutProtocol(H11Protocol):
    header_timeout = HEADER_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        waiting = self.cycle
        super().data_received(data)
        if self.cycle is not waiting:  # the headers are complete: a new request started
            self._disarm()

    def on_response_complete(self) -> None:
        answered = self.cycle
        super().on_response_complete()
        if self.cycle is answered and not self.transport.is_closing():
            self._arm()  # the next request's headers are awaited (a pipelined one started)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if self.transport.is_closing():
            return
        with contextlib.suppress(h11.LocalProtocolError):
            self.conn.send(h11.ConnectionClosed())
        self.transport.close()
