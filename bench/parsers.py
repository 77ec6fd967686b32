"""CPU per reply of the two ways to read a TOP reply's HTTP/1.1 framing that come with no new
dependency: h11 (installed with httpx) and the SDK's own reader (``_http11``), on a typical
reply of the mock gateway. In process, ``time.process_time``, the best of five batches.

    .venv/bin/python bench/parsers.py
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import h11

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "generated"))

from damai_maizuo._http11 import framing, header_line, status_line

BODY = (
    b'{"alibaba_damai_maizuo_openapi_user_authcode_send_response":{"result":{"success":true,'
    b'"result_code":200,"result_msg":"ok"},"request_id":"canned-reply"}}'
)
REPLY = (
    b"HTTP/1.1 200 OK\r\nServer: uvicorn\r\nDate: Wed, 02 Dec 2026 17:00:00 GMT\r\n"
    b"Content-Type: application/json;charset=UTF-8\r\nContent-Length: %d\r\n\r\n" % len(BODY) + BODY
)
REQUEST = h11.Request(
    method="POST", target="/router/rest?x=1", headers=[("Host", "a"), ("Content-Length", "3")]
)


def with_h11() -> bytes:
    """h11 needs the request sent through its state machine before it reads the reply."""
    connection = h11.Connection(h11.CLIENT)
    connection.send(REQUEST)
    connection.send(h11.Data(data=b"a=b"))
    connection.send(h11.EndOfMessage())
    connection.receive_data(REPLY)
    head = connection.next_event()
    assert isinstance(head, h11.Response)
    {name.decode(): value.decode("latin-1") for name, value in head.headers}
    body = b""
    while not isinstance(event := connection.next_event(), h11.EndOfMessage):
        assert isinstance(event, h11.Data)
        body += event.data
    return body


def by_hand() -> bytes:
    reader = io.BytesIO(REPLY)
    status, http10 = status_line(reader.readline())
    headers: dict[str, str] = {}
    while header_line(reader.readline(), headers):
        pass
    length = framing(status, http10, headers).length
    return reader.read(length)


def per_reply(read: Callable[[], bytes], batch: int = 5000) -> float:
    assert read() == BODY
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        for _ in range(batch):
            read()
        best = min(best, (time.process_time() - started) / batch)
    return best


if __name__ == "__main__":
    for name, read in (("h11", with_h11), ("_http11", by_hand)):
        print(f"{name}: {per_reply(read) * 1e6:.1f} µs of CPU per reply")
