"""One HTTP/1.1 connection of the gateway: requests read with httptools, replies written as the
gateway's scenarios ask, a deadline for each request to arrive.

Why a protocol of its own rather than an ASGI server: a scenario may cut a reply short, drop the
connection or drip the reply a few bytes at a time, which ASGI has no message for, and the
server, not the gateway, was most of the CPU each call cost. Here a call is parsed by httptools'
C parser and answered from the same callback, with no task, queue or message dictionaries in
between; only a reply that waits (a delay, a drip) gets a task.

What a connection guarantees:

- Each request, head and body, must arrive within ``timeout`` seconds from the moment the
  connection is open or its previous reply was sent; otherwise the connection is closed (a
  sweep looks for such connections a few times per ``timeout``: a timer per request would cost
  more than the rest of this layer). A client that stays silent, or sends a byte now and then,
  cannot hold a socket for ever.
- A request head (target and headers) over :data:`MAX_HEAD` bytes, a head that breaks HTTP
  (a bad request line, a header without a name, two Content-Lengths) and a body that breaks
  it (a chunk size that is not one) get one ``400 Bad Request`` after the replies before them,
  and the connection is closed. Nothing is logged as an error: a broken request is the
  client's problem, and the log line says what it was.
- A body is kept up to ``max_body`` bytes and read on (discarded) up to ``drain_limit``, so the
  client gets to read the 413 it is answered with; a body declared or sent past
  ``drain_limit`` is answered at once and the connection closed after the reply.
- Pipelined requests are answered in order; while a reply waits, reading pauses.
- ``HEAD`` gets the head of the reply only; ``Expect: 100-continue`` gets its ``100 Continue``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from urllib.parse import unquote_to_bytes

import httptools

from .wire import NO_BODY_STATUSES, Handler, Request, Response, reply_head

# Named after the package it runs in: "generator.mock" here, "<sdk>.testing.mock" in the SDK
# that carries a copy of this module.
logger = logging.getLogger(__name__.rpartition(".")[0])

REQUEST_TIMEOUT = 10.0
"""Seconds a client has to send a request's headers and body (a test sends them in
milliseconds, a 1 MiB body on a slow link in a second or two)."""
MAX_HEAD = 64 * 1024
"""The largest request line and headers read: a request's parameters go in its body."""
_BAD_REQUEST = (
    b"HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: 29\r\nconnection: close\r\n\r\nInvalid HTTP request received"
)
_CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


class _Refused(Exception):
    """Raised from a parser callback to stop reading this connection."""


class _Bad:
    """In the queue of requests: a request that broke HTTP, answered with a 400."""


_BAD = _Bad()


def check_request_timeout(timeout: float) -> float:
    """``timeout`` when it is a positive number of seconds; raises ValueError otherwise."""
    if not timeout > 0:
        raise ValueError(f"the request timeout must be positive, not {timeout!r}")
    return timeout


class Connections:
    """What ``loop.create_server`` takes: makes a :class:`Connection` for each client, knows
    the open ones, closes those whose request is late, and closes them all when the server
    stops."""

    def __init__(self, handler: Handler, timeout: float, max_body: int, drain_limit: int) -> None:
        self.handler = handler
        self.timeout = check_request_timeout(timeout)
        self.max_body = max_body
        self.drain_limit = drain_limit
        self.open: set[Connection] = set()
        self._sweep_every = min(self.timeout / 4, 1.0)
        self._sweeping: asyncio.TimerHandle | None = None

    def __call__(self) -> Connection:
        if self._sweeping is None:
            self._sweeping = asyncio.get_running_loop().call_later(self._sweep_every, self._sweep)
        return Connection(self)

    def close_all(self) -> None:
        if self._sweeping is not None:
            self._sweeping.cancel()
        for connection in list(self.open):
            connection.close()

    def _sweep(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        for connection in list(self.open):
            connection.close_when_late(now)
        self._sweeping = loop.call_later(self._sweep_every, self._sweep)


class Connection(asyncio.Protocol):
    """One client connection; see the module's docstring."""

    def __init__(self, connections: Connections) -> None:
        self._connections = connections
        self._handler = connections.handler
        self._timeout = connections.timeout
        self._max_body = connections.max_body
        self._drain_limit = connections.drain_limit
        self._loop = asyncio.get_running_loop()
        self._parser = httptools.HttpRequestParser(self)
        self._transport: asyncio.Transport | None = None
        self._deadline: float | None = None
        """When the request awaited must be in (None while none is awaited)."""
        self._queue: deque[tuple[Request, bool, float] | _Bad] = deque()
        self._waiting: asyncio.Task[None] | None = None
        """The reply that waits (a delay, a drip); the requests behind it wait in the queue."""
        self._stopped = False
        """No more requests are read: the last one was broken, too large, or said goodbye."""
        # the request being read
        self._url = b""
        self._head_size = 0
        self._content_type: str | None = None
        self._continue = False
        self._declared: int | None = None
        self._body: list[bytes] = []
        self._body_size = 0
        self._reading_body = False

    # -- the transport's side ----------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        self._connections.open.add(self)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._stopped:
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserUpgrade:  # answered as a plain request; nothing after it
            self._stopped = True
        except httptools.HttpParserCallbackError as error:
            if not isinstance(error.__context__, _Refused):
                raise
            self._stopped = True
        except httptools.HttpParserError as error:
            logger.info("- - -> malformed HTTP request (%s), answered 400", error)
            self._reading_body = False
            self._queue.append(_BAD)
            self._stopped = True
        self._answer_queued()

    def close(self) -> None:
        """Close the connection now (its request is late, or the server is stopping)."""
        if self._transport is not None and not self._transport.is_closing():
            self._reading_body = False  # it did not go away: it was sent away
            self._transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._connections.open.discard(self)
        self._disarm()
        self._queue.clear()
        if self._waiting is not None:
            self._waiting.cancel()
        if self._reading_body:
            method = self._parser.get_method().decode("latin-1")
            logger.info("%s - -> client went away mid-request", method)

    # -- httptools' callbacks ----------------------------------------------------------------
    def on_message_begin(self) -> None:
        self._url = b""
        self._head_size = 0
        self._content_type = None
        self._continue = False
        self._declared = None
        self._body = []
        self._body_size = 0

    def on_url(self, url: bytes) -> None:
        self._url += url
        self._count_head(len(url))

    def on_header(self, name: bytes, value: bytes) -> None:
        self._count_head(len(name) + len(value))
        name = name.lower()
        if name == b"content-type":
            if self._content_type is None:
                self._content_type = value.decode("latin-1")
        elif name == b"content-length":
            self._declared = int(value) if value.isdigit() else None
        elif name == b"expect":
            self._continue = value.lower() == b"100-continue"

    def on_headers_complete(self) -> None:
        self._reading_body = True
        if self._declared is not None and self._declared > self._drain_limit:
            self._enqueue(too_large=True)
            raise _Refused
        if (
            self._continue
            and not self._queue
            and self._waiting is None
            and self._transport is not None
            and self._parser.get_http_version() == "1.1"
        ):
            self._transport.write(_CONTINUE)

    def on_body(self, body: bytes) -> None:
        self._body_size += len(body)
        if self._body_size <= self._max_body:
            self._body.append(body)
        elif self._body_size > self._drain_limit:
            self._enqueue(too_large=True)
            raise _Refused

    def on_message_complete(self) -> None:
        self._enqueue(too_large=self._body_size > self._max_body)

    # -- answering ---------------------------------------------------------------------------
    def _count_head(self, size: int) -> None:
        self._head_size += size
        if self._head_size > MAX_HEAD:
            logger.info("- - -> request head over %d bytes, answered 400", MAX_HEAD)
            self._queue.append(_BAD)
            raise _Refused

    def _enqueue(self, *, too_large: bool) -> None:
        self._reading_body = False
        self._disarm()
        method = self._parser.get_method().decode("latin-1")
        path, query = _split_target(self._url)
        body = b"" if too_large else b"".join(self._body)
        request = Request(method, path, query, self._content_type, body, too_large)
        keep_alive = self._parser.should_keep_alive() and not too_large
        self._queue.append((request, keep_alive, time.perf_counter()))
        if not keep_alive:
            self._stopped = True

    def _answer_queued(self, replied: bool = False) -> None:
        """Answer the queued requests in order, until one has to wait or the connection
        closes; once a reply is out, the next request's deadline starts (see :meth:`_arm`)."""
        transport = self._transport
        if transport is None or self._waiting is not None:
            return
        while self._queue:
            if transport.is_closing():
                return
            item = self._queue.popleft()
            if isinstance(item, _Bad):
                transport.write(_BAD_REQUEST)
                transport.close()
                return
            request, keep_alive, received = item
            try:
                response = self._handler(request)
            except Exception:
                logger.exception("the gateway failed on %s %s", request.method, request.path)
                transport.write(reply_head(500, 0, "text/plain", (), closing=True))
                transport.close()
                return
            if response.delay or response.delivery == "drip":
                self._waiting = self._loop.create_task(
                    self._send_later(request, response, keep_alive, received)
                )
                transport.pause_reading()
                return
            self._send(request, response, keep_alive, received)
            replied = True
        if self._stopped:
            transport.close()
        elif replied:
            self._arm()

    async def _send_later(
        self, request: Request, response: Response, keep_alive: bool, received: float
    ) -> None:
        if response.delay:
            await asyncio.sleep(response.delay)
        transport = self._transport
        assert transport is not None
        if response.delivery != "drip" or request.method == "HEAD":
            self._send(request, response, keep_alive, received)
        else:
            closing = response.close or not keep_alive
            head = reply_head(
                response.status,
                len(response.body),
                response.content_type,
                response.headers,
                closing=closing,
            )
            if response.before_sending is not None:
                response.before_sending(time.perf_counter() - received)
            transport.write(head)
            chunk, interval = response.drip
            body = response.body
            for start in range(0, len(body), chunk):
                if start:
                    await asyncio.sleep(interval)
                if transport.is_closing():
                    return
                transport.write(body[start : start + chunk])
            if closing:
                transport.close()
        self._waiting = None
        if not transport.is_closing():
            transport.resume_reading()
            self._answer_queued(replied=True)

    def _send(
        self, request: Request, response: Response, keep_alive: bool, received: float
    ) -> None:
        transport = self._transport
        assert transport is not None
        if response.before_sending is not None:
            response.before_sending(time.perf_counter() - received)
        if response.delivery == "drop":
            transport.close()
            return
        closing = response.close or not keep_alive
        body = response.body
        head = reply_head(
            response.status, len(body), response.content_type, response.headers, closing=closing
        )
        if request.method == "HEAD" or response.status in NO_BODY_STATUSES:
            transport.write(head)
        elif response.delivery == "cut-short":
            transport.write(head + body[: len(body) // 2])
            transport.close()
            return
        else:
            transport.write(head + body)
        if closing:
            self._stopped = True
            transport.close()

    # -- the request deadline ----------------------------------------------------------------
    def _arm(self) -> None:
        """Give the next request :attr:`_timeout` seconds to arrive, head and body."""
        self._deadline = self._loop.time() + self._timeout

    def _disarm(self) -> None:
        self._deadline = None

    def close_when_late(self, now: float) -> None:
        """Close the connection when the request awaited is not in by its deadline."""
        if self._deadline is not None and now >= self._deadline:
            self._deadline = None
            self.close()


def _split_target(target: bytes) -> tuple[str, bytes]:
    """The percent-decoded path and the raw query of a request target (origin form, or
    absolute form as a proxy would send)."""
    if not target.startswith(b"/"):
        try:
            url = httptools.parse_url(target)
        except httptools.HttpParserInvalidURLError:
            return target.decode("latin-1"), b""
        target = (url.path or b"/") + (b"?" + url.query if url.query else b"")
    path, _, query = target.partition(b"?")
    if b"%" in path:
        path = unquote_to_bytes(path)
    return path.decode("latin-1"), query
