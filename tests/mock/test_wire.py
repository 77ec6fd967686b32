"""The gateway's HTTP/1.1 on the wire: raw bytes on a socket to a real server, for what an HTTP
client library hides (pipelining, HEAD, ``Expect: 100-continue``, who closes, oversized heads),
and the foreground server stopping on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
import pytest

from generator.mock import GatewayServer
from generator.mock.scenarios import Normal

from .conftest import SPEC
from .top import SEND_KEY, TopCaller

ROOT = Path(__file__).parents[2]


def _connect(server: GatewayServer) -> socket.socket:
    url = urlsplit(server.base_url)
    return socket.create_connection((url.hostname or "", url.port or 80), timeout=5)


def _post(top: TopCaller, *headers: bytes, version: bytes = b"HTTP/1.1") -> bytes:
    body = urlencode(top.params()).encode()
    head = [
        b"POST /router/rest " + version,
        b"Host: x",
        b"Content-Type: application/x-www-form-urlencoded",
        b"Content-Length: " + str(len(body)).encode(),
        *headers,
    ]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


def _read_all(sock: socket.socket) -> bytes:
    """Everything until the server closes the connection (fails after 5 s)."""
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received


def _replies(data: bytes) -> list[tuple[bytes, bytes]]:
    """(status line, body) of each reply in ``data``, by their Content-Length."""
    replies = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        length = next(
            int(line.split(b":")[1]) for line in lines if line.lower().startswith(b"content-length")
        )
        replies.append((lines[0], rest[:length]))
        data = rest[length:]
    return replies


def test_pipelined_requests_are_answered_in_order_behind_a_delayed_reply(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(Normal(delay=0.3), times=1)
    with _connect(top_gateway) as sock:
        sock.sendall(
            _post(top)
            + b"GET /router/rest HTTP/1.1\r\nHost: x\r\n\r\n"
            + _post(top, b"Connection: close")
        )
        replies = _replies(_read_all(sock))
    assert [status for status, _ in replies] == [b"HTTP/1.1 200 OK"] * 3
    assert SEND_KEY.encode() in replies[0][1]
    assert b"error_response" in replies[1][1]  # the unsigned GET
    assert SEND_KEY.encode() in replies[2][1]
    assert [r.http_method for r in top_gateway.requests] == ["POST", "GET", "POST"]


def test_head_gets_the_head_of_the_reply_only(top_gateway: GatewayServer) -> None:
    with _connect(top_gateway) as sock:
        sock.sendall(
            b"HEAD /router/rest HTTP/1.1\r\nHost: x\r\n\r\n"
            b"GET /_mock/requests HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        received = _read_all(sock)
    head, _, rest = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    assert int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0]) > 0
    # the next reply follows the head at once: no body was sent for HEAD
    [(status, body)] = _replies(rest)
    assert status == b"HTTP/1.1 200 OK"
    assert [record["http_method"] for record in json.loads(body)] == ["HEAD"]


def test_expect_100_continue_is_answered_before_the_body(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    request = _post(top, b"Expect: 100-continue", b"Connection: close")
    head, _, body = request.partition(b"\r\n\r\n")
    with _connect(top_gateway) as sock:
        sock.sendall(head + b"\r\n\r\n")
        assert sock.recv(65536) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(body)
        status, reply = _replies(_read_all(sock))[0]
    assert status == b"HTTP/1.1 200 OK" and SEND_KEY.encode() in reply


@pytest.mark.parametrize(
    ("version", "headers"),
    [(b"HTTP/1.1", [b"Connection: close"]), (b"HTTP/1.0", [])],
    ids=["connection-close", "http-1.0"],
)
def test_the_server_closes_when_the_client_says_so(
    top: TopCaller, top_gateway: GatewayServer, version: bytes, headers: list[bytes]
) -> None:
    with _connect(top_gateway) as sock:
        sock.sendall(_post(top, *headers, version=version))
        received = _read_all(sock)  # returns only once the server has closed
    assert b"\r\nconnection: close\r\n" in received.lower()
    assert SEND_KEY.encode() in _replies(received)[0][1]


def test_a_kept_alive_connection_serves_one_call_after_another(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    with _connect(top_gateway) as sock:
        for _ in range(3):
            sock.sendall(_post(top))
            received = b""
            while not received.endswith(b"}}"):
                received += sock.recv(65536)
            assert SEND_KEY.encode() in _replies(received)[0][1]


def test_a_request_head_over_64_kib_is_400(top_gateway: GatewayServer) -> None:
    with _connect(top_gateway) as sock:
        sock.sendall(b"GET /router/rest HTTP/1.1\r\nHost: x\r\nX: " + b"y" * 70_000 + b"\r\n\r\n")
        received = _read_all(sock)
    assert received.startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert received.endswith(b"\r\n\r\nInvalid HTTP request received")


def test_other_paths_and_verbs_of_the_mock(top_gateway: GatewayServer, http: httpx.Client) -> None:
    base = top_gateway.base_url.replace("/router/rest", "")
    assert http.get(base + "/nope").status_code == 404
    refused = http.put(base + "/_mock/requests")
    assert refused.status_code == 405 and refused.headers["allow"] == "GET, DELETE, HEAD"
    encoded = http.get(base + "/router%2Frest")  # the path is read percent-decoded
    assert encoded.status_code == 200 and b"<error_response>" in encoded.content


def test_serve_stops_on_sigterm(http: httpx.Client) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = (
        "import sys, logging; from pathlib import Path; from generator.mock.server import serve;"
        "from generator.mock.gateway import Gateway; logging.basicConfig(level=logging.INFO);"
        "serve(Gateway.from_spec(Path(sys.argv[1])), port=int(sys.argv[2]))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(SPEC), str(port)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                http.get(f"http://127.0.0.1:{port}/_mock/requests")
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline and process.poll() is None
                time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGTERM)
        _, log = process.communicate(timeout=20)
    assert process.returncode == 0, log
    assert "Traceback" not in log
