"""The async client's own transport: HTTP/1.1 over asyncio streams (``ssl``'s default context
for https), a keep-alive pool of at most :data:`MAX_CONNECTIONS`, and uvloop whenever the
caller's loop is uvloop (the SDK never installs it).

Chosen by measurement (``bench/throughput.py``, against a canned-reply server on the other
core, 32 calls in flight): this transport makes 4.2 × the calls/s of the official SDK at 0.42 ×
its CPU per call (5.9 × on uvloop); the same client through httpx 0.34 × at 6.6 × the CPU
(httpcore's pool and anyio take much of it). aiohttp, a well-kept library, reached
1.7–2.2 × (2.4–3.0 × on uvloop) in earlier runs of the same kind: short of the 4 × target, and a
second HTTP stack for partners to carry beside httpx. The reply is read with :mod:`._http11`
(the same strict reader as the sync transport) rather than h11, which takes about 40 µs of CPU
for a typical reply where :mod:`._http11` takes 7 µs (``bench/parsers.py``).

Each time limit is one timer on the loop, not a task: the read timeout runs from the request's
send to the reply's first line, and again from there to its last byte; when it fires, the
connection is cut and the read in progress ends. A kept-alive connection the server closed
while idle is seen (the loop has read its end) and dropped before it carries a request; any
failure once a request is written is an :class:`~.errors.APIConnectionError` with
``request_sent=True``.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import sys
from typing import Any

import httpx

from ._flow import Reply
from ._http11 import (
    MAX_HEADER_BYTES,
    MAX_HEADERS,
    MAX_LINE,
    ProtocolError,
    ReplyHeaders,
    chunk_size,
    framing,
    header_line,
    request_head,
    status_line,
)
from ._logging import log_http
from ._options import USER_AGENT
from ._replies import ReplyBody
from ._signing import PreparedRequest
from .errors import APIConnectionError, APITimeoutError, MaizuoError

__all__ = ["AsyncHTTPTransport"]

MAX_CONNECTIONS = 100
"""Connections open at once (as httpx's default); a call beyond waits up to the pool timeout."""
MAX_IDLE = 64
"""Kept-alive connections held for reuse."""
_READ = 65536


class _Connection:
    __slots__ = ("reader", "timed_out", "timer", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.timed_out: str | None = None
        """What the timer that cut the connection was waiting for."""
        self.timer: asyncio.TimerHandle | None = None
        """Cuts the connection when the time to read the reply is up."""

    def cut(self) -> None:
        """Drop the connection at once (its state is unknown, or its time is up)."""
        with contextlib.suppress(RuntimeError):  # its loop is closed: the socket went with it
            self.writer.transport.abort()

    def stale(self) -> bool:
        """Whether a kept-alive connection can no longer carry a request: the server closed
        it while it was idle, or wrote out of turn."""
        reader = self.reader
        return (
            reader.at_eof()
            or self.writer.transport.is_closing()
            or reader.exception() is not None
            or bool(getattr(reader, "_buffer", b""))
        )


def _expire(connection: _Connection, waiting_for: str) -> None:
    connection.timed_out = waiting_for
    connection.cut()


class AsyncHTTPTransport:
    """Requests to the one origin of ``base_url``, from the event loop of the calls (a new loop,
    as after another ``asyncio.run``, starts a new pool)."""

    def __init__(self, base_url: str) -> None:
        url = httpx.URL(base_url)
        self._host = url.host
        https = url.scheme == "https"
        self._port = url.port or (443 if https else 80)
        self._authority = url.netloc.decode("ascii")
        self._base_url = base_url
        self._target = url.raw_path.decode("ascii")
        self._tls = ssl.create_default_context() if https else None
        self._idle: list[_Connection] = []
        self._closed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots: asyncio.Semaphore = asyncio.Semaphore(MAX_CONNECTIONS)
        self.name = "asyncio"
        self._headers = {"User-Agent": f"{USER_AGENT} asyncio", "Accept-Encoding": "gzip, deflate"}

    def usable(self) -> bool:
        """Whether the running loop is asyncio's (or uvloop): else the caller needs another
        transport (trio)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return False
        if loop is not self._loop:
            self._bind(loop)
        return True

    def _bind(self, loop: asyncio.AbstractEventLoop) -> None:
        for connection in self._idle:
            connection.cut()
        self._idle = []
        self._loop = loop
        self._slots = asyncio.Semaphore(MAX_CONNECTIONS)
        uvloop = sys.modules.get("uvloop")
        if type(loop).__module__.startswith("uvloop") and uvloop is not None:
            self.name = f"uvloop/{getattr(uvloop, '__version__', '?')}"
        else:
            self.name = "asyncio"
        self._headers["User-Agent"] = f"{USER_AGENT} {self.name}"

    async def send(self, request: PreparedRequest, timeout: httpx.Timeout, limit: int) -> Reply:
        if not self.usable():
            raise RuntimeError("the SDK's async transport runs on asyncio only")
        rest = request.url[len(self._base_url) :] if request.url.startswith(self._base_url) else ""
        head = request_head(
            request.method,
            self._target + rest,
            self._authority,
            {**request.headers, **self._headers},
            len(request.body),
        )
        slots = self._slots
        if slots.locked():
            try:
                await asyncio.wait_for(slots.acquire(), timeout.pool)
            except TimeoutError:
                raise APITimeoutError(
                    f"no free connection to {self._host} in time", request_sent=False
                ) from None
        else:
            await slots.acquire()
        try:
            connection = self._take_idle() or await self._connect(timeout.connect)
            try:
                reply, reusable = await self._exchange(
                    connection, head + request.body, timeout, limit
                )
            except BaseException:
                connection.cut()
                raise
        finally:
            slots.release()
        if reusable and not self._closed and len(self._idle) < MAX_IDLE:
            self._idle.append(connection)
        else:
            connection.writer.close()
        log_http(request.method, request.url, reply.status_code)
        return reply

    @property
    def closed(self) -> bool:
        """Whether :meth:`aclose` was called (a call after it opens a connection it does not
        keep)."""
        return self._closed

    async def aclose(self) -> None:
        self._closed = True
        idle, self._idle = self._idle, []
        for connection in idle:
            connection.writer.close()

    # -- the pool ------------------------------------------------------------------------------
    def _take_idle(self) -> _Connection | None:
        idle = self._idle
        while idle:
            connection = idle.pop()
            if not connection.stale():
                return connection
            connection.cut()
        return None

    async def _connect(self, seconds: float | None) -> _Connection:
        """A new connection; every failure is one where the request surely never left."""
        try:
            async with asyncio.timeout(seconds):
                reader, writer = await asyncio.open_connection(
                    self._host,
                    self._port,
                    ssl=self._tls,
                    server_hostname=self._host if self._tls else None,
                    limit=_READ,
                )
        except TimeoutError as error:
            raise APITimeoutError(
                f"timed out connecting to {self._host}", request_sent=False
            ) from error
        except (OSError, ssl.CertificateError) as error:
            raise APIConnectionError(
                f"cannot connect to {self._host}: {error}", request_sent=False
            ) from error
        return _Connection(reader, writer)

    # -- one exchange --------------------------------------------------------------------------
    async def _exchange(
        self, connection: _Connection, data: bytes, timeout: httpx.Timeout, limit: int
    ) -> tuple[Reply, bool]:
        """Write the request and read its reply; whether the connection may be kept."""
        loop: Any = self._loop
        writer = connection.writer
        writer.write(data)
        if writer.transport.get_write_buffer_size():
            try:
                await asyncio.wait_for(writer.drain(), timeout.write)
            except TimeoutError:
                raise APITimeoutError(f"timed out sending to {self._host}") from None
            except OSError as error:
                raise APIConnectionError(f"connection to {self._host} failed: {error}") from error
        read = timeout.read
        if read is not None:
            waiting = f"timed out waiting for {self._host}"
            connection.timer = loop.call_at(loop.time() + read, _expire, connection, waiting)
        try:
            return await self._reply(connection, limit, read)
        except MaizuoError:
            raise
        except (ProtocolError, OSError, EOFError, ValueError) as error:
            if connection.timed_out is not None:
                raise APITimeoutError(connection.timed_out) from None
            if isinstance(error, ProtocolError):
                raise APIConnectionError(f"bad reply from {self._host}: {error}") from None
            if isinstance(error, asyncio.IncompleteReadError):
                reason = "the connection closed in the middle of the reply"
            elif isinstance(error, ValueError):
                reason = f"a line of the reply is longer than {_READ} bytes"
            else:
                reason = str(error) or type(error).__name__
            raise APIConnectionError(f"connection to {self._host} failed: {reason}") from None
        finally:
            if connection.timer is not None:
                connection.timer.cancel()
                connection.timer = None

    async def _reply(
        self, connection: _Connection, limit: int, read: float | None
    ) -> tuple[Reply, bool]:
        reader = connection.reader
        status, http10 = status_line(await _line(reader))
        headers = await _headers(reader)
        while 100 <= status < 200:  # an interim reply: the real one follows
            status, http10 = status_line(await _line(reader))
            headers = await _headers(reader)
        if read is not None and connection.timer is not None:  # the whole reply, from here
            connection.timer.cancel()
            loop: Any = self._loop
            too_slow = f"{self._host} took longer than {read} s to reply"
            connection.timer = loop.call_at(loop.time() + read, _expire, connection, too_slow)
        frame = framing(status, http10, headers)
        body = ReplyBody(status, headers.get("content-encoding"), limit)
        if frame.chunked:
            await _chunked(reader, body)
        elif frame.length is not None:
            body.check_length(str(frame.length))
            if frame.length:
                body.feed(await reader.readexactly(frame.length))
        else:
            while chunk := await reader.read(_READ):
                body.feed(chunk)
        reply = Reply(status, ReplyHeaders(headers), body.finish())
        return reply, frame.keep_alive and (frame.length is not None or frame.chunked)


async def _line(reader: asyncio.StreamReader) -> bytes:
    line = await reader.readline()
    if len(line) > MAX_LINE:
        raise ProtocolError(f"a line of the reply is longer than {MAX_LINE} bytes")
    return line


async def _headers(reader: asyncio.StreamReader) -> dict[str, str]:
    headers: dict[str, str] = {}
    size = 0
    for _ in range(MAX_HEADERS + 1):
        line = await _line(reader)
        size += len(line)
        if size > MAX_HEADER_BYTES:
            break
        if not header_line(line, headers):
            return headers
    raise ProtocolError(f"more than {MAX_HEADERS} headers or {MAX_HEADER_BYTES} bytes of them")


async def _chunked(reader: asyncio.StreamReader, body: ReplyBody) -> None:
    received = 0
    while True:
        size = chunk_size(await _line(reader))
        if size == 0:
            break
        received += size
        body.check_length(str(received))  # a chunk too large is refused unread
        body.feed(await reader.readexactly(size))
        if await reader.readline() not in (b"\r\n", b"\n"):
            raise ProtocolError("a chunk is longer than its size says")
    for _ in range(MAX_HEADERS + 1):  # the trailer, read and dropped
        line = await _line(reader)
        if line in (b"\r\n", b"\n"):
            return
        if not line.endswith(b"\n"):
            raise ProtocolError("the reply's trailer is cut short or a line is too long")
    raise ProtocolError(f"more than {MAX_HEADERS} trailer lines")
