"""The SDK's own sync and async transports against raw servers on 127.0.0.1 that send exactly
the bytes a test gives: malformed, cut short, chunked, too large, stale kept-alive connections,
proxies, TLS. Each broken reply is one :class:`APIConnectionError` (or, over the size limit, one
:class:`ResponseDecodeError`) that says what was wrong, and a call that is not idempotent
reaches the server once. It runs past 400 lines because the raw server and the tables of
replies serve both transports, which are held to the same cases side by side."""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from runtime_samples import AsyncClient, Client

from generator.runtime._async_transport import AsyncHTTPTransport
from generator.runtime._httpx_transport import HttpxAsyncTransport, HttpxSyncTransport
from generator.runtime._sync_transport import SyncHTTPTransport
from generator.runtime.errors import (
    APIConnectionError,
    APITimeoutError,
    ResponseDecodeError,
)

METHOD = "taobao.time.get"
BODY = json.dumps({"time_get_response": {"time": "2026-01-02 03:04:05", "request_id": "r1"}})
OK = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(BODY)}\r\n\r\n"
OK_REPLY = (OK + BODY).encode()
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")

Action = Callable[[socket.socket], bool]
"""What the server does with one request on a connection; ``False`` to close it after."""


def reply(data: bytes, *, close: bool = False) -> Action:
    def act(connection: socket.socket) -> bool:
        connection.sendall(data)
        return not close

    return act


def silence(seconds: float) -> Action:
    def act(connection: socket.socket) -> bool:
        time.sleep(seconds)
        return False

    return act


class RawServer:
    """Answers the n-th request it reads with the n-th action; records each request's bytes
    and counts connections."""

    def __init__(self, *actions: Action, tls: ssl.SSLContext | None = None) -> None:
        self.actions = list(actions)
        self.tls = tls
        self.requests: list[bytes] = []
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        scheme = "https" if tls else "http"
        self.base_url = f"{scheme}://127.0.0.1:{self.port}/router/rest"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        if self.tls is not None:
            try:
                connection = self.tls.wrap_socket(connection, server_side=True)
            except (OSError, ssl.SSLError):  # the client refused the certificate
                connection.close()
                return
        with connection:
            file = connection.makefile("rb")
            while True:
                head = b""
                while not head.endswith(b"\r\n\r\n"):
                    line = file.readline()
                    if not line:
                        return
                    head += line
                length = next(
                    int(line.split(b":")[1])
                    for line in head.lower().split(b"\r\n")
                    if line.startswith(b"content-length:")
                )
                self.requests.append(head + file.read(length))
                if not self.actions or not self.actions.pop(0)(connection):
                    return

    def close(self) -> None:
        self._listener.close()


@pytest.fixture(autouse=True)
def no_proxy_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def serve() -> Iterator[Callable[..., RawServer]]:
    servers: list[RawServer] = []

    def start(*actions: Action, tls: ssl.SSLContext | None = None) -> RawServer:
        servers.append(RawServer(*actions, tls=tls))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def calls(
    mode: str,
    base_url: str,
    count: int = 1,
    *,
    pause: float = 0.0,
    idempotent: bool = False,
    limit: int | None = None,
    trust: ssl.SSLContext | None = None,
    **options: Any,
) -> list[Any]:
    """``count`` calls on one client, each a result or the error raised."""
    settings = {"app_key": "12345678", "app_secret": "a-long-app-secret", "base_url": base_url}
    settings["timeout"] = 2.0
    settings.update({"max_retries": 2, **options})

    def one(call: Callable[[], Any]) -> Any:
        try:
            return call()
        except Exception as error:
            return error

    if mode == "sync":
        with Client(**settings) as client:
            if limit is not None:
                client._max_reply_bytes = limit
            if trust is not None:
                client._transport._tls = trust
            results = []
            for n in range(count):
                time.sleep(pause if n else 0)
                results.append(one(lambda: client.call(METHOD, {}, idempotent=idempotent)))
            return results

    async def run() -> list[Any]:
        async with AsyncClient(**settings) as client:
            client._retry_base_delay = 0.001
            if limit is not None:
                client._max_reply_bytes = limit
            if trust is not None:
                client._transport._tls = trust
            results = []
            for n in range(count):
                await asyncio.sleep(pause if n else 0)
                try:
                    results.append(await client.call(METHOD, {}, idempotent=idempotent))
                except Exception as error:
                    results.append(error)
            return results

    return asyncio.run(run())


MODES = pytest.mark.parametrize("mode", ["sync", "async"])

CHUNKED = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
MALFORMED = {
    "not HTTP": (b"HTTX/1.1 200 OK\r\n\r\n", "the status line is not HTTP/1.x"),
    "a four-digit status": (b"HTTP/1.1 2000 OK\r\n\r\n", "the status line is not HTTP/1.x"),
    "HTTP/2 on the wire": (b"\x00\x00\x12\x04\x00\x00\x00\x00\x00", "status line"),
    "a header without a colon": (
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nBroken header\r\n\r\n{}",
        "a header line is malformed",
    ),
    "a folded header": (
        b"HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded\r\nContent-Length: 2\r\n\r\n{}",
        "a header line is malformed",
    ),
    "a header line of 9000 bytes": (
        b"HTTP/1.1 200 OK\r\nX-A: " + b"a" * 9000 + b"\r\nContent-Length: 2\r\n\r\n{}",
        "longer than 8192 bytes",
    ),
    "101 headers": (
        b"HTTP/1.1 200 OK\r\n" + b"X-A: 1\r\n" * 101 + b"Content-Length: 2\r\n\r\n{}",
        "more than 100 headers",
    ),
    "a chunk size that is not hex": (
        (CHUNKED + "zz\r\n{}\r\n0\r\n\r\n").encode(),
        "a chunk size is malformed",
    ),
    "a chunk size with 0x": (
        (CHUNKED + "0x2\r\n{}\r\n0\r\n\r\n").encode(),
        "a chunk size is malformed",
    ),
    "a chunk longer than its size": (
        (CHUNKED + "1\r\n{}\r\n0\r\n\r\n").encode(),
        "a chunk is longer than its size says",
    ),
    "two Content-Lengths": (
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        "two different Content-Length headers",
    ),
    "a Content-Length that is no number": (
        b"HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\n{}",
        "Content-Length is not a number",
    ),
    "a Transfer-Encoding that is not chunked": (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n{}",
        "Transfer-Encoding is not chunked",
    ),
    "closed in the body": (
        b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + BODY[:20].encode(),
        "closed in the middle of the reply",
    ),
    "closed in the chunks": (
        (CHUNKED + f"{len(BODY):x}\r\n" + BODY[:20]).encode(),
        "closed in the middle of the reply",
    ),
    "closed between chunks": (
        (CHUNKED + "2\r\n{}\r\n").encode(),
        "closed in the middle of the reply",
    ),
    "closed in the headers": (b"HTTP/1.1 200 OK\r\nContent-Le", "in the middle of the reply's"),
    "closed without a reply": (b"", "closed the connection without replying"),
}


@MODES
@pytest.mark.parametrize("case", list(MALFORMED), ids=list(MALFORMED))
def test_a_malformed_reply_is_a_connection_error_and_never_resent(
    mode: str, case: str, serve: Callable[..., RawServer]
) -> None:
    data, words = MALFORMED[case]
    server = serve(reply(data, close=True), reply(OK_REPLY))
    (error,) = calls(mode, server.base_url)
    assert type(error) is APIConnectionError, repr(error)
    assert words in str(error) and "127.0.0.1" in str(error)
    assert error.request_sent is True and "\n" not in str(error)
    assert len(server.requests) == 1


@MODES
def test_an_idempotent_call_is_sent_again_after_a_broken_reply(
    mode: str, serve: Callable[..., RawServer]
) -> None:
    server = serve(reply(b"HTTP/1.1 200 OK\r\nBroken\r\n\r\n", close=True), reply(OK_REPLY))
    (result,) = calls(mode, server.base_url, idempotent=True)
    assert result["time"] == "2026-01-02 03:04:05"
    assert len(server.requests) == 2


GOOD = {
    "chunked, with an extension and a trailer": (
        CHUNKED + f"5;x=y\r\n{BODY[:5]}\r\n{len(BODY) - 5:x}\r\n{BODY[5:]}\r\n0\r\nX-T: 1\r\n\r\n"
    ).encode(),
    "HTTP/1.0, read to the close": f"HTTP/1.0 200 OK\r\n\r\n{BODY}".encode(),
    "after 100 Continue": b"HTTP/1.1 100 Continue\r\n\r\n" + OK_REPLY,
    "gzip": (
        b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
        + str(len(gzip.compress(BODY.encode()))).encode()
        + b"\r\n\r\n"
        + gzip.compress(BODY.encode())
    ),
    "headers in any case, a reason with spaces": (
        f"HTTP/1.1 200 Very OK\r\ncONTENT-lENGTH: {len(BODY)}\r\nX-Empty:\r\n\r\n{BODY}"
    ).encode(),
}


@MODES
@pytest.mark.parametrize("case", list(GOOD), ids=list(GOOD))
def test_every_framing_of_a_good_reply(
    mode: str, case: str, serve: Callable[..., RawServer]
) -> None:
    server = serve(reply(GOOD[case], close=True))
    (result,) = calls(mode, server.base_url)
    assert result == {"time": "2026-01-02 03:04:05", "request_id": "r1"}


def _big(framing: str) -> bytes:
    data = b'{"time_get_response": {"x": "' + b"y" * 5000 + b'"}}'
    if framing == "length":
        return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(data), data)
    if framing == "to the close":
        return b"HTTP/1.0 200 OK\r\n\r\n" + data
    pieces = [data[i : i + 600] for i in range(0, len(data), 600)]
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces)
    return CHUNKED.encode() + chunks + b"0\r\n\r\n"


@MODES
@pytest.mark.parametrize("framing", ["length", "chunked", "to the close"])
def test_a_reply_over_the_size_limit_is_refused(
    mode: str, framing: str, serve: Callable[..., RawServer]
) -> None:
    server = serve(reply(_big(framing), close=True))
    (error,) = calls(mode, server.base_url, limit=1000)
    assert type(error) is ResponseDecodeError
    assert "larger than 1000 bytes" in str(error)
    assert len(server.requests) == 1


@MODES
def test_a_silent_server_is_a_read_timeout(mode: str, serve: Callable[..., RawServer]) -> None:
    server = serve(silence(1.0))
    started = time.monotonic()
    (error,) = calls(mode, server.base_url, timeout=0.3)
    assert type(error) is APITimeoutError and error.request_sent is True
    assert "timed out waiting for 127.0.0.1" in str(error)
    assert time.monotonic() - started < 0.9
    assert len(server.requests) == 1


@MODES
def test_calls_share_a_kept_alive_connection(mode: str, serve: Callable[..., RawServer]) -> None:
    server = serve(*[reply(OK_REPLY)] * 3)
    results = calls(mode, server.base_url, 3)
    assert [r["request_id"] for r in results] == ["r1"] * 3
    assert server.connections == 1


def close_after(data: bytes, seconds: float) -> Action:
    """Reply, then close the connection while it is idle (as a server's keep-alive timeout)."""

    def act(connection: socket.socket) -> bool:
        connection.sendall(data)
        time.sleep(seconds)
        return False

    return act


@MODES
def test_a_connection_closed_while_idle_is_not_used(
    mode: str, serve: Callable[..., RawServer]
) -> None:
    server = serve(close_after(OK_REPLY, 0.05), reply(OK_REPLY))
    results = calls(mode, server.base_url, 2, pause=0.3, max_retries=0)
    assert [r["request_id"] for r in results] == ["r1", "r1"]
    assert (len(server.requests), server.connections) == (2, 2)


@MODES
@pytest.mark.parametrize("idempotent", [False, True])
def test_a_kept_alive_connection_closed_after_the_request_left(
    mode: str, idempotent: bool, serve: Callable[..., RawServer]
) -> None:
    """The server read the second request and closed without a reply: it may have acted, so
    only an idempotent call is sent again."""
    server = serve(reply(OK_REPLY), reply(b"", close=True), reply(OK_REPLY))
    first, second = calls(mode, server.base_url, 2, idempotent=idempotent)
    assert first["request_id"] == "r1"
    if idempotent:
        assert second["request_id"] == "r1" and len(server.requests) == 3
    else:
        assert type(second) is APIConnectionError and second.request_sent is True
        assert len(server.requests) == 2


@MODES
def test_the_user_agent_names_the_transport(mode: str, serve: Callable[..., RawServer]) -> None:
    server = serve(reply(OK_REPLY))
    calls(mode, server.base_url)
    head = server.requests[0].decode("latin-1")
    (agent,) = [line for line in head.split("\r\n") if line.startswith("User-Agent: ")]
    name = "stdlib-http/1.1" if mode == "sync" else "asyncio"
    assert agent.startswith("User-Agent: damai-maizuo/") and agent.endswith(f" {name}")
    assert head.startswith("POST /router/rest?") and "\r\nHost: 127.0.0.1:" in head


def test_the_transport_each_client_gets(monkeypatch: pytest.MonkeyPatch) -> None:
    with Client(app_key="k", app_secret="s") as client:
        assert type(client._transport) is SyncHTTPTransport
    assert type(AsyncClient(app_key="k", app_secret="s")._transport) is AsyncHTTPTransport
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:9")
    with Client(app_key="k", app_secret="s") as client:
        assert type(client._transport) is HttpxSyncTransport
    assert type(AsyncClient(app_key="k", app_secret="s")._transport) is HttpxAsyncTransport
    monkeypatch.setenv("NO_PROXY", "gw.api.taobao.com")
    with Client(app_key="k", app_secret="s") as client:
        assert type(client._transport) is SyncHTTPTransport
    with Client(app_key="k", app_secret="s", base_url="http://127.0.0.1:1/x") as client:
        assert type(client._transport) is SyncHTTPTransport  # only https is proxied


@MODES
def test_a_proxy_in_the_environment_is_used(
    mode: str, serve: Callable[..., RawServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy = serve(reply(OK_REPLY))
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
    (result,) = calls(mode, "http://gateway.invalid/router/rest")
    assert result["request_id"] == "r1"
    assert proxy.requests[0].startswith(b"POST http://gateway.invalid/router/rest?")
    assert b" httpx/" in proxy.requests[0]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made by the openssl command), and its key."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-nodes", "-days", "1"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"),
            *("-keyout", str(key), "-out", str(cert)),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _server_tls(certificate: tuple[Path, Path]) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return context


@MODES
def test_an_untrusted_certificate_is_refused_before_anything_is_sent(
    mode: str, serve: Callable[..., RawServer], certificate: tuple[Path, Path]
) -> None:
    server = serve(reply(OK_REPLY), tls=_server_tls(certificate))
    (error,) = calls(mode, server.base_url)
    assert type(error) is APIConnectionError and error.request_sent is False
    assert "cannot connect to 127.0.0.1" in str(error) and "certificate verify failed" in str(error)
    assert server.requests == []


@MODES
def test_calls_over_tls_keep_their_connection(
    mode: str, serve: Callable[..., RawServer], certificate: tuple[Path, Path]
) -> None:
    server = serve(*[reply(OK_REPLY)] * 2, tls=_server_tls(certificate))
    trust = ssl.create_default_context(cafile=str(certificate[0]))
    results = calls(mode, server.base_url, 2, trust=trust)
    assert [r["request_id"] for r in results] == ["r1", "r1"]
    assert server.connections == 1
