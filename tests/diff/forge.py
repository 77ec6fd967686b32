"""A stand-in for a forge's pull-request comment API on 127.0.0.1, as GitHub's REST API answers
the requests :mod:`generator.diff.prcomment` makes: list (paginated), create, edit."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "ghs_test_token_0123456789"
REPOSITORY = "acme/tickets-spec"
NUMBER = 7


@dataclass
class Forge:
    url: str = ""
    comments: list[dict[str, Any]] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    refuse: int | None = None
    """Answer every request with this status (and a forge-style message) when set."""

    def add(self, body: str, login: str = "someone") -> None:
        self.comments.append(
            {"id": 1000 + len(self.comments), "body": body, "user": {"login": login}}
        )

    def ours(self) -> list[dict[str, Any]]:
        return [c for c in self.comments if c["user"]["login"] == "github-actions[bot]"]


_LIST = re.compile(rf"^/repos/{REPOSITORY}/issues/{NUMBER}/comments$")
_EDIT = re.compile(rf"^/repos/{REPOSITORY}/issues/comments/(\d+)$")


def _handler(forge: Forge) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length", "0"))
            return json.loads(self.rfile.read(length)) if length else {}

        def _checked(self) -> bool:
            forge.requests.append((self.command, self.path))
            if forge.refuse is not None:
                self._answer(forge.refuse, {"message": "Resource not accessible by integration"})
                return False
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._answer(401, {"message": "Bad credentials"})
                return False
            return True

        def do_GET(self) -> None:
            if not self._checked():
                return
            url = urlsplit(self.path)
            if not _LIST.match(url.path):
                self._answer(404, {"message": "Not Found"})
                return
            query = parse_qs(url.query)
            size = int(query.get("per_page", ["30"])[0])
            page = int(query.get("page", ["1"])[0])
            self._answer(200, forge.comments[(page - 1) * size : page * size])

        def do_POST(self) -> None:
            if not self._checked():
                return
            if not _LIST.match(self.path):
                self._answer(404, {"message": "Not Found"})
                return
            forge.add(self._body()["body"], "github-actions[bot]")
            self._answer(201, forge.comments[-1])

        def do_PATCH(self) -> None:
            if not self._checked():
                return
            match = _EDIT.match(self.path)
            found = [c for c in forge.comments if match and c["id"] == int(match[1])]
            if not found:
                self._answer(404, {"message": "Not Found"})
                return
            found[0]["body"] = self._body()["body"]
            self._answer(200, found[0])

    return Handler


@contextmanager
def running_forge() -> Iterator[Forge]:
    forge = Forge()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(forge))
    forge.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield forge
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
