"""Fuzzer 5: hostile requests never get a 500 from the mock gateway, nor kill it.

Three kinds: signed calls with random business and system parameters (the gateway must answer
with a TOP reply, success or ``error_response``); requests with random headers and bodies sent
with httpx; and raw bytes on a socket (broken request lines, lying ``Content-Length``, bad
chunked bodies, pipelining, huge headers). After each example the gateway must still answer a
normal call, and nothing may have been logged as an error by the server.
"""

from __future__ import annotations

import json
import logging
import socket
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit
from xml.parsers import expat

import httpx
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from generator.mock.server import GatewayServer
from generator.runtime._protocol import OperationInfo
from generator.runtime._signing import build_request, format_timestamp

from .authcode import KEY, METHOD, PARAM0
from .fuzzing import count, fuzz_settings
from .secrets import SecretScan

pytestmark = pytest.mark.fuzz

FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def http() -> Any:
    with httpx.Client(timeout=5.0) as client:
        yield client


def _signed(
    gateway: GatewayServer, business: dict[str, str], **options: Any
) -> tuple[str, bytes, dict[str, str]]:
    settings: dict[str, Any] = {
        "app_key": gateway.app_key,
        "app_secret": gateway.app_secret,
        "sign_method": "hmac-sha256",
        "format": "json",
        "simplify": False,
        "session": None,
        "partner_id": None,
        "target_app_key": None,
        "timestamp": format_timestamp(datetime.now(UTC)),
        "base_url": gateway.base_url,
    }
    options = dict(options)
    op = OperationInfo(method=options.pop("method", METHOD), response_key=KEY, idempotent=False)
    settings.update(options)
    request = build_request(op, business, **settings)
    return request.url, request.body, dict(request.headers)


def _alive(gateway: GatewayServer, http: httpx.Client) -> None:
    url, body, headers = _signed(gateway, {"param0": json.dumps(PARAM0)})
    reply = http.post(url, content=body, headers=headers)
    assert reply.status_code == 200 and KEY in reply.json(), reply.text


def _no_server_errors(caplog: pytest.LogCaptureFixture) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


def _top_reply(reply: httpx.Response) -> None:
    """A TOP reply: HTTP 200 with a well-formed JSON object or XML document (a success, with
    or without its envelope, or an ``error_response``); 413 and 415 are the gateway's answers
    to a body it does not read."""
    assert reply.status_code in (200, 413, 415), (reply.status_code, reply.text[:300])
    if reply.status_code != 200:
        return
    if reply.headers["content-type"].startswith("application/json"):
        assert isinstance(json.loads(reply.content), dict), reply.text[:300]
    else:
        expat.ParserCreate().Parse(reply.content, True)


# -- signed calls with random parameters -------------------------------------------------------

_TEXT = st.text(max_size=40) | st.sampled_from(["", " ", "null", "{}", "[]", "1e999", "NaN"])
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=25,
)
_PARAM0 = st.one_of(
    _TEXT,
    _JSON.map(lambda v: json.dumps(v, allow_nan=True)),
    st.fixed_dictionaries(
        {},
        optional={k: _JSON for k in PARAM0} | {"extra": _JSON},
    ).map(json.dumps),
    st.builds(
        lambda d: json.dumps({**PARAM0, **d}),
        st.dictionaries(st.sampled_from(sorted(PARAM0)), _JSON),
    ),
)


@fuzz_settings(fast=40, long=1200)
@given(
    business=st.dictionaries(
        st.sampled_from(["param0", "extra", "sign", "v", "日本", "a" * 300, "_x"]),
        _TEXT,
        max_size=3,
    ),
    param0=_PARAM0,
    options=st.fixed_dictionaries(
        {},
        optional={
            "sign_method": st.sampled_from(["md5", "hmac", "hmac-sha256"]),
            "format": st.sampled_from(["json", "xml"]),
            "simplify": st.booleans(),
            "session": st.one_of(st.none(), _TEXT),
            "partner_id": st.one_of(st.none(), _TEXT),
            "target_app_key": st.one_of(st.none(), _TEXT),
            "timestamp": st.one_of(
                st.sampled_from(["", "0", "9" * 30, "2016-13-45 99:99:99", "-1"]), _TEXT
            ),
            "method": st.one_of(st.just(METHOD), _TEXT.filter(bool)),
            "app_key": _TEXT.filter(bool),
        },
    ),
)
def test_signed_calls_with_random_parameters_get_a_top_reply(
    top_gateway: GatewayServer,
    http: httpx.Client,
    caplog: pytest.LogCaptureFixture,
    business: dict[str, str],
    param0: str,
    options: dict[str, Any],
) -> None:
    # a caller who sends the secret itself as, say, partner_id puts it in the URL, which
    # httpx logs: that is no leak of ours (hypothesis finds "helloworld" in the code)
    assume(not any(top_gateway.app_secret in str(v) for v in options.values()))
    caplog.clear()
    caplog.set_level(logging.INFO)
    url, body, headers = _signed(top_gateway, {**business, "param0": param0}, **options)
    _top_reply(http.post(url, content=body, headers=headers))
    _no_server_errors(caplog)
    scan = SecretScan()
    scan.add_secret(top_gateway.app_secret)
    scan.text(*map(repr, top_gateway.requests), where="records")
    scan.lines((r.getMessage() for r in caplog.records), "logs")
    scan.check()
    count("5 hostile requests")


# -- random headers and bodies ---------------------------------------------------------------

_HEADER_NAMES = st.one_of(
    st.sampled_from(
        [
            "Content-Type",
            "Content-Encoding",
            "Transfer-Encoding",
            "Expect",
            "Connection",
            "Host",
            "Accept-Encoding",
            "X-Forwarded-For",
            "Cookie",
            "Range",
            "Upgrade",
            "Authorization",
        ]
    ),
    st.from_regex(r"[A-Za-z0-9!#$%&'*+.^_`|~-]{1,40}", fullmatch=True),
)
_HEADER_VALUES = st.one_of(
    st.sampled_from(
        [
            FORM,
            FORM + "; charset=GBK",
            FORM + "; charset=",
            "multipart/form-data; boundary=x",
            "gzip",
            "chunked",
            "100-continue",
            "close",
            "bytes=0-1",
            "websocket",
            "",
        ]
    ),
    st.text(
        st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"),
        max_size=200,
    ),
)


@fuzz_settings(fast=30, long=800)
@given(
    headers=st.lists(st.tuples(_HEADER_NAMES, _HEADER_VALUES), max_size=8),
    body=st.one_of(st.binary(max_size=600), _PARAM0.map(lambda p: f"param0={p}".encode())),
    verb=st.sampled_from(["POST", "POST", "GET", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"]),
    signed=st.booleans(),
)
def test_random_headers_and_bodies_get_no_500(
    top_gateway: GatewayServer,
    http: httpx.Client,
    caplog: pytest.LogCaptureFixture,
    headers: list[tuple[str, str]],
    body: bytes,
    verb: str,
    signed: bool,
) -> None:
    caplog.clear()
    caplog.set_level(logging.INFO)
    url = top_gateway.base_url
    if signed:
        url, signed_body, _ = _signed(top_gateway, {"param0": json.dumps(PARAM0)})
        body = signed_body + b"&" + body
    try:
        sent = [(name, value.encode("latin-1")) for name, value in headers]
        reply = http.request(verb, url, content=body, headers=sent)
    except (httpx.LocalProtocolError, httpx.RemoteProtocolError) as error:  # refused by h11
        assert "500" not in str(error)
    else:
        assert reply.status_code != 500, reply.text[:300]
        if verb in ("POST", "GET") and reply.status_code == 200 and reply.content:
            assert "_response" in reply.text, reply.text[:300]
    _alive(top_gateway, http)
    _no_server_errors(caplog)
    count("5 hostile requests")


# -- raw bytes on a socket -------------------------------------------------------------------


def _raw(gateway: GatewayServer, data: bytes, *, half_close: bool) -> bytes:
    """Send ``data`` on a fresh connection and read what comes back within a second."""
    url = urlsplit(gateway.base_url)
    with socket.create_connection((url.hostname or "", url.port or 80), timeout=1.0) as sock:
        try:
            sock.sendall(data)
            if half_close:
                sock.shutdown(socket.SHUT_WR)
        except OSError:  # the server closed first: fine
            return b""
        received = b""
        try:
            while len(received) < 1 << 20:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                received += chunk
        except (TimeoutError, OSError):
            pass
        return received


def _request_bytes() -> st.SearchStrategy[bytes]:
    path = st.sampled_from(
        [b"/router/rest", b"/", b"*", b"/router/rest?" + b"a=" * 2000, b"/%00", b"/\xff"]
    )
    version = st.sampled_from([b"HTTP/1.1", b"HTTP/1.0", b"HTTP/2.0", b"HTTP/9", b"", b"http/1.1"])
    verb = st.sampled_from([b"POST", b"GET", b"BREW", b"", b"P\x00ST", b"post"])
    header_line = st.one_of(
        st.sampled_from(
            [
                b"Host: x",
                b"Content-Type: " + FORM.encode(),
                b"Content-Length: 10",
                b"Content-Length: -1",
                b"Content-Length: 99999999999999999999",
                b"Content-Length: 5\r\nContent-Length: 6",
                b"Transfer-Encoding: chunked",
                b"Transfer-Encoding: gzip, chunked",
                b"Expect: 100-continue",
                b"Connection: keep-alive",
                b"X: " + b"y" * 70_000,
                b"Bad Header",
                b": no name",
                b"X-\xff: \xfe",
                b" folded: line",
            ]
        ),
        st.binary(max_size=60).map(lambda b: b.replace(b"\r\n", b"")),
    )
    body = st.one_of(
        st.binary(max_size=300),
        st.sampled_from(
            [b"5\r\nhello\r\n0\r\n\r\n", b"zz\r\nx\r\n", b"FFFFFFFFFFFF\r\n", b"0\r\n\r\n"]
        ),
    )

    @st.composite
    def request(draw: st.DrawFn) -> bytes:
        line = draw(verb) + b" " + draw(path) + b" " + draw(version)
        headers = draw(st.lists(header_line, max_size=6))
        raw = b"\r\n".join([line, *headers]) + b"\r\n\r\n" + draw(body)
        if draw(st.booleans()):  # pipelined: a second request right behind
            raw += b"GET /router/rest HTTP/1.1\r\nHost: x\r\n\r\n"
        return raw

    return st.one_of(request(), st.binary(max_size=400))


@fuzz_settings(fast=25, long=400)
@given(data=_request_bytes(), half_close=st.booleans())
def test_raw_bytes_never_get_a_500_nor_kill_the_gateway(
    top_gateway: GatewayServer,
    http: httpx.Client,
    caplog: pytest.LogCaptureFixture,
    data: bytes,
    half_close: bool,
) -> None:
    caplog.clear()
    caplog.set_level(logging.INFO)
    received = _raw(top_gateway, data, half_close=half_close)
    for line in received.split(b"\r\n"):
        if line.startswith(b"HTTP/1."):
            assert b" 500 " not in line, received[:300]
    _alive(top_gateway, http)
    _no_server_errors(caplog)
    count("5 hostile requests")
