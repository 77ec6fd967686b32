"""The sync client's own transport: HTTP/1.1 over the standard library's sockets (``ssl``'s
default context for https), with a small thread-safe keep-alive pool.

Chosen by measurement (``bench/throughput.py``, against a canned-reply server on the other
core): this transport makes 2.0 × the calls/s of the official SDK at 0.58 × its CPU per call;
the same client through httpx 0.81 × at 2.1 × the CPU, most of it in httpx's and httpcore's
layers. ``http.client`` with keep-alive measured 1.45–1.59 × at 0.61–0.65 × in earlier runs of
the same kind, at the edge of the targets: it parses headers with the ``email`` package and
accepts what :mod:`._http11` refuses. This transport writes the one request a call needs and
reads the reply with :mod:`._http11`, the same strict reader as the async transport.

A request is sent again on another connection only when it surely never left: a kept-alive
connection the server has closed while it was idle is seen before it is used (it reads as
ready), and a send that the kernel refused before taking a single byte cannot have reached the
server. Any other failure after the first byte left is an
:class:`~.errors.APIConnectionError` with ``request_sent=True``, for :mod:`._retry` to judge.
"""

from __future__ import annotations

import select
import socket
import ssl
import threading
import time
from typing import BinaryIO

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
from .errors import APIConnectionError, APITimeoutError

__all__ = ["SyncHTTPTransport"]

NAME = "stdlib-http/1.1"
MAX_IDLE = 8
"""Kept-alive connections held for reuse; more threads than this at once open more, and the
extra ones are closed after their reply."""
_READ = 65536


class _NeverLeft(Exception):
    """The kernel took not one byte of the request."""


class _Connection:
    __slots__ = ("file", "sock")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.file: BinaryIO = sock.makefile("rb")

    def close(self) -> None:
        self.file.close()
        self.sock.close()

    def stale(self) -> bool:
        """Whether an idle connection has anything to read: the server closed it (or wrote
        out of turn); either way it must not carry a request."""
        try:
            return bool(select.select([self.sock], [], [], 0)[0])
        except (OSError, ValueError):
            return True


class SyncHTTPTransport:
    """Requests to the one origin of ``base_url``, from any number of threads."""

    name = NAME

    def __init__(self, base_url: str) -> None:
        url = httpx.URL(base_url)
        self._host = url.host
        self._https = url.scheme == "https"
        self._port = url.port or (443 if self._https else 80)
        self._authority = url.netloc.decode("ascii")
        self._base_url = base_url
        self._target = url.raw_path.decode("ascii")
        """The request target of ``base_url``; a call's is it followed by the URL's rest."""
        self._headers = {"User-Agent": f"{USER_AGENT} {NAME}", "Accept-Encoding": "gzip, deflate"}
        self._tls = ssl.create_default_context() if self._https else None
        self._idle: list[_Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    def send(self, request: PreparedRequest, timeout: httpx.Timeout, limit: int) -> Reply:
        data = self._request_bytes(request)
        while True:
            connection = self._take_idle()
            reused = connection is not None
            if connection is None:
                connection = self._connect(timeout)
            try:
                self._write(connection, data, timeout.write)
            except _NeverLeft as error:
                connection.close()
                if reused:
                    continue  # a stale kept-alive connection: try another, or a new one
                raise APIConnectionError(
                    f"cannot send to {self._host}: {error.__cause__}", request_sent=False
                ) from error.__cause__
            except BaseException:
                connection.close()
                raise
            try:
                reply, reusable = self._read(connection, timeout.read, limit)
            except BaseException:
                connection.close()
                raise
            if reusable:
                self._give_back(connection)
            else:
                connection.close()
            log_http(request.method, request.url, reply.status_code)
            return reply

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called (a call after it opens a connection it does not
        keep)."""
        return self._closed

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    # -- the pool ------------------------------------------------------------------------------
    def _take_idle(self) -> _Connection | None:
        while True:
            with self._lock:
                if not self._idle:
                    return None
                connection = self._idle.pop()
            if not connection.stale():
                return connection
            connection.close()

    def _give_back(self, connection: _Connection) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < MAX_IDLE:
                self._idle.append(connection)
                return
        connection.close()

    def _connect(self, timeout: httpx.Timeout) -> _Connection:
        """A new connection; every failure is one where the request surely never left."""
        try:
            sock = socket.create_connection((self._host, self._port), timeout=timeout.connect)
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                if self._tls is not None:
                    sock = self._tls.wrap_socket(sock, server_hostname=self._host)
            except BaseException:
                sock.close()
                raise
        except TimeoutError as error:
            raise APITimeoutError(
                f"timed out connecting to {self._host}", request_sent=False
            ) from error
        except (OSError, ssl.CertificateError) as error:
            raise APIConnectionError(
                f"cannot connect to {self._host}: {error}", request_sent=False
            ) from error
        return _Connection(sock)

    # -- one exchange --------------------------------------------------------------------------
    def _request_bytes(self, request: PreparedRequest) -> bytes:
        url = request.url
        rest = url[len(self._base_url) :] if url.startswith(self._base_url) else ""
        head = request_head(
            request.method,
            self._target + rest,
            self._authority,
            {**request.headers, **self._headers},
            len(request.body),
        )
        return head + request.body

    def _write(self, connection: _Connection, data: bytes, seconds: float | None) -> None:
        """Send ``data``; :class:`_NeverLeft` when the kernel refused its first byte."""
        sock = connection.sock
        sock.settimeout(seconds)
        view = memoryview(data)
        sent = 0
        try:
            while sent < len(data):
                sent += sock.send(view[sent:])
        except TimeoutError as error:
            if sent == 0:
                raise _NeverLeft() from error
            raise APITimeoutError(f"timed out sending to {self._host}") from error
        except OSError as error:
            if sent == 0:
                raise _NeverLeft() from error
            raise APIConnectionError(f"connection to {self._host} failed: {error}") from error

    def _read(
        self, connection: _Connection, seconds: float | None, limit: int
    ) -> tuple[Reply, bool]:
        """The reply, and whether the connection may carry another request."""
        sock, file = connection.sock, connection.file
        deadline = float("inf")
        try:
            sock.settimeout(seconds)
            status, http10 = status_line(file.readline(MAX_LINE + 1))
            headers = self._headers_of(file)
            while 100 <= status < 200:  # an interim reply: the real one follows
                status, http10 = status_line(file.readline(MAX_LINE + 1))
                headers = self._headers_of(file)
            frame = framing(status, http10, headers)
            body = ReplyBody(status, headers.get("content-encoding"), limit)
            deadline = time.monotonic() + (seconds if seconds is not None else float("inf"))
            if frame.chunked:
                self._chunked(connection, body, deadline)
            elif frame.length is not None:
                body.check_length(str(frame.length))
                self._exactly(connection, frame.length, body, deadline)
            else:
                self._to_the_end(connection, body, deadline)
        except TimeoutError as error:
            if time.monotonic() >= deadline:
                raise self._too_slow(seconds) from error
            raise APITimeoutError(f"timed out waiting for {self._host}") from error
        except ProtocolError as error:
            raise APIConnectionError(f"bad reply from {self._host}: {error}") from None
        except OSError as error:
            raise APIConnectionError(f"connection to {self._host} failed: {error}") from error
        reply = Reply(status, ReplyHeaders(headers), body.finish())
        return reply, frame.keep_alive and (frame.length is not None or frame.chunked)

    def _headers_of(self, file: BinaryIO) -> dict[str, str]:
        headers: dict[str, str] = {}
        size = 0
        for _ in range(MAX_HEADERS + 1):
            line = file.readline(MAX_LINE + 1)
            size += len(line)
            if size > MAX_HEADER_BYTES:
                break
            if not header_line(line, headers):
                return headers
        raise ProtocolError(f"more than {MAX_HEADERS} headers or {MAX_HEADER_BYTES} bytes of them")

    def _chunked(self, connection: _Connection, body: ReplyBody, deadline: float) -> None:
        file = connection.file
        while True:
            self._until(connection, deadline)
            size = chunk_size(file.readline(MAX_LINE + 1))
            if size == 0:
                break
            self._exactly(connection, size, body, deadline)
            if file.readline(3) not in (b"\r\n", b"\n"):
                raise ProtocolError("a chunk is longer than its size says")
        for _ in range(MAX_HEADERS + 1):  # the trailer, read and dropped
            line = file.readline(MAX_LINE + 1)
            if line in (b"\r\n", b"\n"):
                return
            if not line.endswith(b"\n"):
                raise ProtocolError("the reply's trailer is cut short or a line is too long")
        raise ProtocolError(f"more than {MAX_HEADERS} trailer lines")

    def _exactly(
        self, connection: _Connection, size: int, body: ReplyBody, deadline: float
    ) -> None:
        read = connection.file.read1  # type: ignore[attr-defined]
        while size:
            self._until(connection, deadline)
            chunk = read(min(size, _READ))
            if not chunk:
                raise ProtocolError("the connection closed in the middle of the reply")
            body.feed(chunk)
            size -= len(chunk)

    def _to_the_end(self, connection: _Connection, body: ReplyBody, deadline: float) -> None:
        read = connection.file.read1  # type: ignore[attr-defined]
        while True:
            self._until(connection, deadline)
            chunk = read(_READ)
            if not chunk:
                return
            body.feed(chunk)

    def _until(self, connection: _Connection, deadline: float) -> None:
        """Let the next read wait only until ``deadline``: the whole reply must be in within
        the read timeout of its start, however it trickles in."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        if left != float("inf"):
            connection.sock.settimeout(left)

    def _too_slow(self, seconds: float | None) -> APITimeoutError:
        """A reply still arriving a read timeout after it began (a few bytes at a time, each
        within the read timeout, would otherwise keep the call waiting for ever)."""
        return APITimeoutError(f"{self._host} took longer than {seconds} s to reply")
