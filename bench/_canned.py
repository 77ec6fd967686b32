"""A minimal TOP gateway for the throughput benchmark: every request on 127.0.0.1 gets the same
canned ``user.authcode.send`` reply, with no checks, so that it costs next to nothing per call
and the clients measured against it are the bottleneck, not the server.

Runs in its own process (``bench/throughput.py`` pins it with ``taskset`` to the core the
client does not use), on a bare :class:`asyncio.Protocol`: it finds each request's end by its
``Content-Length`` and answers with keep-alive, or closes after the reply when the client asks
(``Connection: close``). Prints one JSON line with its URL; stops when its standard input
closes or after ``argv[1]`` seconds.
"""

from __future__ import annotations

import asyncio
import json
import sys

KEY = "alibaba_damai_maizuo_openapi_user_authcode_send_response"
BODY = json.dumps(
    {
        KEY: {
            "result": {"success": True, "result_code": 200, "result_msg": "成功"},
            "request_id": "canned-reply",
        }
    },
    ensure_ascii=False,
).encode()
HEAD = (
    "HTTP/1.1 200 OK\r\nContent-Type: application/json;charset=UTF-8\r\n"
    f"Content-Length: {len(BODY)}\r\n"
)
REPLY = (HEAD + "\r\n").encode() + BODY
REPLY_CLOSE = (HEAD + "Connection: close\r\n\r\n").encode() + BODY


class Canned(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end].lower()
            at = head.find(b"content-length:")
            length = 0
            if at >= 0:
                stop = head.find(b"\r\n", at)
                length = int(head[at + 15 : stop if stop >= 0 else len(head)])
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length :]
            if b"connection: close" in head:
                self.transport.write(REPLY_CLOSE)
                self.transport.close()
                return
            self.transport.write(REPLY)


async def main(limit: float) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Canned, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(json.dumps({"url": f"http://127.0.0.1:{port}/router/rest"}), flush=True)
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    await asyncio.wait([stdin_closed], timeout=limit)
    server.close()


if __name__ == "__main__":
    asyncio.run(main(float(sys.argv[1]) if len(sys.argv) > 1 else 600.0))
