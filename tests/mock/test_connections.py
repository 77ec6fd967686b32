"""Slow and silent connections are closed after the request timeout, and do not keep normal
calls from being answered meanwhile. Real sockets on 127.0.0.1, a bounded number of them."""

from __future__ import annotations

import contextlib
import logging
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest

from generator.mock import Gateway, GatewayServer
from generator.mock.scenarios import Normal

from .conftest import SPEC
from .top import SEND_KEY, TopCaller

REQUEST_TIMEOUT = 1.0
SILENT = 200
SLOW = 40
PARTIAL = b"POST /router/rest HTTP/1.1\r\nHost: 127.0.0.1\r\n"
HEADERS_OF_A_BODY = (
    b"POST /router/rest HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
)


@pytest.fixture(scope="module")
def server() -> Iterator[GatewayServer]:
    with GatewayServer(Gateway.from_spec(SPEC), request_timeout=REQUEST_TIMEOUT) as running:
        yield running


def _connect(server: GatewayServer) -> socket.socket:
    url = urlsplit(server.base_url)
    sock = socket.create_connection((url.hostname or "", url.port or 80), timeout=5)
    sock.setblocking(False)
    return sock


def _closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed ``sock`` (what it sent before, if anything, is skipped)."""
    try:
        while True:
            data = sock.recv(65536)
            if not data:
                return True
    except BlockingIOError:
        return False
    except ConnectionResetError:
        return True


def _wait_closed(socks: list[socket.socket], deadline: float) -> list[socket.socket]:
    """The sockets still open when ``deadline`` (monotonic) has passed or all are closed."""
    open_ = list(socks)
    while open_ and time.monotonic() < deadline:
        open_ = [s for s in open_ if not _closed_by_server(s)]
        time.sleep(0.05)
    return open_


def test_silent_and_slow_connections_are_closed_and_do_not_starve_calls(
    server: GatewayServer, http: httpx.Client
) -> None:
    top = TopCaller(server.base_url, server.app_key, server.app_secret, server.session, http)
    silent = [_connect(server) for _ in range(SILENT)]
    slow_headers = [_connect(server) for _ in range(SLOW)]
    slow_bodies = [_connect(server) for _ in range(SLOW)]
    slow = slow_headers + slow_bodies
    try:
        for sock in slow_headers:
            sock.sendall(PARTIAL)
        for sock in slow_bodies:
            sock.sendall(HEADERS_OF_A_BODY)
        started = time.monotonic()
        # a normal call is answered while all of them are open
        assert SEND_KEY in top.call()
        # the slow ones send a byte of a header or of the body now and then: that does not
        # save them
        for _ in range(3):
            time.sleep(REQUEST_TIMEOUT / 4)
            for sock in slow:
                if not _closed_by_server(sock):
                    sock.send(b"X")
        still_open = _wait_closed(silent + slow, started + REQUEST_TIMEOUT + 5.0)
        assert not still_open, f"{len(still_open)} of {len(silent + slow)} connections still open"
        assert SEND_KEY in top.call()
    finally:
        for sock in silent + slow:
            sock.close()


def test_a_call_that_takes_long_to_answer_is_not_cut(
    server: GatewayServer, http: httpx.Client
) -> None:
    """Once the request is in, the timeout is over: a scenario's slow reply is delivered."""
    top = TopCaller(server.base_url, server.app_key, server.app_secret, server.session, http)
    server.add_scenario(Normal(delay=REQUEST_TIMEOUT * 1.5), times=1)
    try:
        assert SEND_KEY in top.call()
    finally:
        server.reset()


def test_a_kept_alive_connection_gets_the_timeout_again_for_its_next_request(
    server: GatewayServer, http: httpx.Client
) -> None:
    top = TopCaller(server.base_url, server.app_key, server.app_secret, server.session, http)
    body = httpx.QueryParams(top.params()).__str__().encode()
    request = (
        b"POST /router/rest HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )
    sock = _connect(server)
    try:
        sock.setblocking(True)
        sock.sendall(request)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200 ")
        sock.setblocking(False)
        started = time.monotonic()
        while time.monotonic() < started + REQUEST_TIMEOUT * 3:  # a trickle of a next request
            if _closed_by_server(sock):
                break
            sock.send(PARTIAL[:1])
            time.sleep(REQUEST_TIMEOUT / 5)
        assert _closed_by_server(sock)
        assert time.monotonic() - started < REQUEST_TIMEOUT * 3
    finally:
        sock.close()


def test_a_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        GatewayServer(Gateway.from_spec(SPEC), request_timeout=0)


def test_a_chunked_body_that_breaks_http_is_refused_without_an_error(
    server: GatewayServer, http: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    """Headers that are fine, then a body whose chunk size is a request line: the gateway
    answers 400 and nothing else; no error is logged, and the gateway still serves."""
    with caplog.at_level(logging.WARNING), _connect(server) as sock:
        sock.settimeout(5)
        sock.sendall(
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"GET /router/rest HTTP/1.1\r\nHost: x\r\n\r\n"
        )
        reply = b""
        with contextlib.suppress(OSError):
            while chunk := sock.recv(65536):
                reply += chunk
        time.sleep(0.2)  # nothing may follow the 400, not even an error in the log
    assert reply.startswith(b"HTTP/1.1 400 ")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []
    assert http.get(server.base_url).status_code != 500
