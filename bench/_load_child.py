"""A load generator for the gateway's capacity: keep-alive connections sending one signed call
after another, as cheaply as Python allows, so that the gateway's core is the one that is busy.

    python _load_child.py HOST PORT APP_KEY APP_SECRET CONNECTIONS SECONDS CALLS

Each connection has one request in flight (no pipelining); the request is a signed
``user.authcode.send`` POST built once (its timestamp stays valid for the run). A reply is
counted when its whole body is in; one that is not a TOP success reply is counted as a failure.
Prints one JSON line: ``calls``, ``failures``, ``seconds``.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sys
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlencode

METHOD = "alibaba.damai.maizuo.openapi.user.authcode.send"
PARAM0 = {
    "ptnr_token": "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+",
    "user_phone": "139xxxx4567",
    "code_type": 1,
    "tenant_token": "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u",
    "channel_token": "nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic",
}
SUCCESS = b'"alibaba_damai_maizuo_openapi_user_authcode_send_response"'


def signed_request(host: str, app_key: str, app_secret: str) -> bytes:
    params = {
        "method": METHOD,
        "app_key": app_key,
        "timestamp": datetime.now(timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M:%S"),
        "v": "2.0",
        "format": "json",
        "sign_method": "md5",
        "param0": json.dumps(PARAM0),
    }
    text = "".join(k + v for k, v in sorted(params.items())).encode()
    key = app_secret.encode()
    params["sign"] = hashlib.md5(key + text + key).hexdigest().upper()
    body = urlencode(params).encode()
    return (
        b"POST /router/rest HTTP/1.1\r\nHost: " + host.encode() + b"\r\n"
        b"Content-Type: application/x-www-form-urlencoded;charset=UTF-8\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


class _Caller(asyncio.Protocol):
    def __init__(self, load: _Load) -> None:
        self.load = load
        self.buffer = b""
        self.transport: asyncio.Transport | None = None
        self.closed = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.load.send(self)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            at = head.find(b"content-length:")
            line_end = head.find(b"\r\n", at)
            length = int(head[at + 15 : line_end if line_end >= 0 else len(head)])
            if len(self.buffer) < end + 4 + length:
                return
            body = self.buffer[end + 4 : end + 4 + length]
            ok = head.startswith(b"http/1.1 200 ") and SUCCESS in body
            self.buffer = self.buffer[end + 4 + length :]
            self.load.done(self, ok)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.closed.done():
            self.closed.set_result(None)


class _Load:
    def __init__(self, request: bytes, calls: int, seconds: float) -> None:
        self.request = request
        self.left = calls
        self.deadline = time.perf_counter() + seconds
        self.calls = 0
        self.failures = 0

    def send(self, caller: _Caller) -> None:
        assert caller.transport is not None
        if self.left <= 0 or time.perf_counter() > self.deadline:
            caller.transport.close()
            return
        self.left -= 1
        caller.transport.write(self.request)

    def done(self, caller: _Caller, ok: bool) -> None:
        self.calls += 1
        self.failures += not ok
        self.send(caller)


async def main() -> None:
    host, port, app_key, app_secret = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    connections, seconds, calls = int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
    loop = asyncio.get_running_loop()
    load = _Load(signed_request(host, app_key, app_secret), calls, seconds)
    started = time.perf_counter()
    callers = []
    for _ in range(connections):
        _, caller = await loop.create_connection(lambda: _Caller(load), host, port)
        callers.append(caller)
    await asyncio.gather(*(c.closed for c in callers))
    elapsed = time.perf_counter() - started
    print(json.dumps({"calls": load.calls, "failures": load.failures, "seconds": elapsed}))


if __name__ == "__main__":
    asyncio.run(main())
