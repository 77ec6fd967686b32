"""Fuzzer 4: the client against hostile replies from the mock gateway.

Random bytes, wrong envelopes, invalid UTF-8, deep JSON, XML with entity bombs or external
entities, lying headers (a compression that is not there, a content type that is wrong), broken
and dropped connections, slow drips, late replies. Each call ends with a response model or one
of the SDK's own exceptions (``damai_maizuo.errors.MaizuoError``), within its timeout, and its
error text holds no secret. A second test runs the client in a process of its own and measures
its memory (``tracemalloc``) against huge bodies, compression bombs and large XML.
"""

from __future__ import annotations

import asyncio
import gzip
import importlib
import json
import logging
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.mock.scenarios import (
    CutShort,
    Drip,
    Drop,
    HttpStatus,
    Normal,
    Reply,
    Result,
    TopError,
)
from generator.mock.server import GatewayServer

from .authcode import GENERATED, KEY, METHOD, PARAM0
from .fuzzing import count, fuzz_settings, pick
from .secrets import SecretScan

pytestmark = [pytest.mark.fuzz, pytest.mark.usefixtures("each_transport")]

TIMEOUT = 0.5
"""Each timeout of the fuzzed clients (connect, read, write, pool)."""
LOGGERS = ("damai_maizuo", "httpx", "httpcore", "generator.mock")


def sdk() -> Any:
    """The generated package, as committed in ``generated/``."""
    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))
    return importlib.import_module("damai_maizuo")


# -- hostile bodies and replies ---------------------------------------------------------------


def _entity(i: int) -> str:
    inner = ("&lol;" if i == 1 else f"&lol{i - 1};") * 10
    return f'<!ENTITY lol{i} "{inner}">'


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(_entity(i) for i in range(1, 10))
    + f"]><{KEY}>&lol9;</{KEY}>"
).encode()
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    + f"<{KEY}><result><result_msg>&x;</result_msg></result></{KEY}>".encode()
)
PARAMETER_ENTITY = (
    b'<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>' + f"<{KEY}/>".encode()
)
NASTY = [
    b"",
    b" ",
    b"null",
    b"[]",
    b'"text"',
    b"{" * 100_000,
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    b'{"n": ' + b"9" * 100_000 + b"}",
    b'{"n": 1e999999}',
    b'{"n": NaN}',
    json.dumps({KEY: {"result": {"success": False}}}).encode(),
    json.dumps({KEY: {"result": {"success": "maybe"}}}).encode(),
    json.dumps({KEY: {"result": [1, 2]}}).encode(),
    json.dumps({KEY: "not an object"}).encode(),
    json.dumps({"other_method_response": {}}).encode(),
    json.dumps({"error_response": "boom"}).encode(),
    json.dumps({"error_response": {"code": "x" * 10_000, "msg": ["a"], "sub_code": {}}}).encode(),
    json.dumps({"error_response": {"code": 2**200, "sub_code": "isp." + "x" * 5000}}).encode(),
    json.dumps({"code": 15, "msg": "bare error"}).encode(),
    ('{"' + KEY + '": {"result": {"result_msg": "\\ud800"}}}').encode(),
    b'{"' + KEY.encode() + b'": {"result": {"result_msg": "\xc3\x28"}}}',
    b"\xef\xbb\xbf" + json.dumps({KEY: {}}).encode(),
    json.dumps({KEY: {}}).encode("utf-16"),
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    PARAMETER_ENTITY,
    b"<" + b"<a>" * 10_000,
    b"<a>" * 10_000 + b"</a>" * 10_000,
    f"<{KEY}>".encode() + b"<x>" * 70 + b"</x>" * 70 + f"</{KEY}>".encode(),
    b"<?xml version='1.0' encoding='x-no-such'?><a/>",
    b"<?xml version='1.0' encoding='utf-16'?><a/>",
    f"<{KEY}><result><success>nope</success></result></{KEY}>".encode(),
    b"<error_response><code>15</code><sub_code>isp.x</sub_code></error_response>",
    b"<error_response><code><x/></code></error_response>",
    b"<html><body>captive portal</body></html>",
    b"<!DOCTYPE html><html></html>",
    b"\x00" * 1000,
    b"\x1f\x8b\x08\x00garbage",
]
CONTENT_TYPES = [
    "application/json;charset=UTF-8",
    "text/xml;charset=UTF-8",
    "text/html",
    "text/plain; charset=gbk",
    "application/octet-stream",
    "",
]
HEADERS = [
    {},
    {"Content-Encoding": "gzip"},
    {"Content-Encoding": "deflate"},
    {"Content-Encoding": "br"},
    {"Content-Encoding": "gzip, identity"},
    {"X-Custom": "\x7f\x80 latin-1 ÿ"},
    {"Set-Cookie": "a=b; Path=/; HttpOnly"},
    {"Connection": "close"},
    {"Retry-After": "-1"},
]


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=30),
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=10), inner, max_size=4),
        max_leaves=20,
    )


def _bodies() -> st.SearchStrategy[bytes]:
    envelope = st.builds(
        lambda key, value: json.dumps({key: value}).encode(),
        st.sampled_from([KEY, "error_response", "x_response", ""]),
        _json_values(),
    )
    return st.one_of(
        st.sampled_from(NASTY),
        st.binary(max_size=500),
        envelope,
        st.builds(lambda b: gzip.compress(b), st.sampled_from(NASTY[:12])),
    )


def hostile_replies() -> st.SearchStrategy[Reply]:
    return st.one_of(
        st.builds(
            HttpStatus,
            status=st.sampled_from(
                [200, 200, 200, 200, 201, 301, 400, 404, 413, 500, 502, 503, 599]
            ),
            body=_bodies(),
            content_type=st.sampled_from(CONTENT_TYPES),
            headers=st.sampled_from(HEADERS),
        ),
        st.builds(
            TopError,
            code=st.integers(-(2**40), 2**40),
            sub_code=st.one_of(
                st.none(), st.sampled_from(["isp.x", "isv.y", ""]), st.text(max_size=20)
            ),
            sub_msg=st.one_of(st.none(), st.text(max_size=200)),
            msg=st.one_of(st.none(), st.text(max_size=50)),
        ),
        st.builds(Result, body=st.dictionaries(st.text(max_size=10), _json_values(), max_size=5)),
        st.builds(Result, body=st.builds(lambda v: {"result": v}, _json_values())),
        st.just(CutShort()),
        st.just(Drop()),
        st.builds(Drip, interval=st.floats(0.0, 0.2), chunk=st.integers(1, 64)),
        st.builds(Normal, delay=st.sampled_from([0.0, 0.1, TIMEOUT * 1.5])),
    )


# -- the fuzzers -----------------------------------------------------------------------------


def _options(gateway: GatewayServer, form: tuple[str, bool]) -> dict[str, Any]:
    return {
        "app_key": gateway.app_key,
        "app_secret": gateway.app_secret,
        "base_url": gateway.base_url,
        "session": gateway.session,
        "format": form[0],
        "simplify": form[1],
        "timeout": TIMEOUT,
        "max_retries": 0,
    }


def _outcome(result: Any, error: BaseException | None, elapsed: float, scan: SecretScan) -> None:
    package = sdk()
    if error is None:
        assert isinstance(result, package.endpoints.user_authcode_send.UserAuthcodeSendResponse)
        scan.text(repr(result))
    else:
        assert isinstance(error, package.errors.MaizuoError), repr(error)
        scan.error(error)
        assert "\n" not in str(error)
    # connect + request + a late start of the reply + the reply arriving, each within TIMEOUT
    assert elapsed < TIMEOUT * 4 + 0.5, f"{elapsed:.2f} s for {error!r}"


FORMS = st.sampled_from([("json", False), ("json", True), ("xml", False)])


@fuzz_settings(fast=20, long=400)
@given(
    replies=st.lists(hostile_replies(), min_size=1, max_size=4), form=FORMS, use_async=st.booleans()
)
def test_hostile_replies_give_a_model_or_our_own_error_in_time(
    top_gateway: GatewayServer,
    caplog: pytest.LogCaptureFixture,
    replies: list[Reply],
    form: tuple[str, bool],
    use_async: bool,
) -> None:
    top_gateway.reset()
    caplog.clear()
    scan = SecretScan()
    scan.add_secret(top_gateway.app_secret, top_gateway.session)
    scan.watch(top_gateway)
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    top_gateway.add_scenario(replies=replies, method=METHOD)
    package = sdk()
    outcomes: list[tuple[Any, BaseException | None, float]] = []
    if use_async:
        asyncio.run(_async_calls(package, _options(top_gateway, form), len(replies), outcomes))
    else:
        with package.Client(**_options(top_gateway, form)) as client:
            scan.text(repr(client))
            for _ in replies:
                outcomes.append(_timed(lambda: client.user.authcode.send(param0=PARAM0)))
    for result, error, elapsed in outcomes:
        _outcome(result, error, elapsed, scan)
    assert len(top_gateway.requests) == len(replies)
    scan.text(*map(repr, top_gateway.requests), repr(top_gateway), where="gateway")
    scan.lines((r.getMessage() for r in caplog.records), "logs")
    scan.check()
    count("4 hostile replies", len(replies))


def _timed(call: Any) -> tuple[Any, BaseException | None, float]:
    started = time.monotonic()
    try:
        result = call()
    except Exception as error:
        return None, error, time.monotonic() - started
    return result, None, time.monotonic() - started


async def _async_calls(
    package: Any, options: dict[str, Any], calls: int, outcomes: list[Any]
) -> None:
    async with package.AsyncClient(**options) as client:
        for _ in range(calls):
            started = time.monotonic()
            try:
                result = await client.user.authcode.send(param0=PARAM0)
            except Exception as error:
                outcomes.append((None, error, time.monotonic() - started))
            else:
                outcomes.append((result, None, time.monotonic() - started))


# -- memory, in a process of its own -----------------------------------------------------------

LIMIT = 4 << 20
"""The client's reply limit in the measured process (the default is 32 MiB; lower here so the
bounds are tight and the bodies small enough to make quickly)."""
MEASURE = """
import json, sys, time, tracemalloc
sys.path.insert(0, sys.argv[1])
import damai_maizuo
from damai_maizuo._base_client import BaseClient
BaseClient._max_reply_bytes = int(sys.argv[5])
param0 = json.loads(sys.argv[6])
with damai_maizuo.Client(app_key=sys.argv[2], app_secret=sys.argv[3], base_url=sys.argv[4],
                         max_retries=0, timeout=5.0, format=sys.argv[8]) as client:
    client.user.authcode.send(param0=param0)  # warm up: imports, connection
    for _ in range(int(sys.argv[7])):
        tracemalloc.start()
        started = time.monotonic()
        try:
            client.user.authcode.send(param0=param0)
            error = None
        except Exception as exc:
            error = exc
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(json.dumps({
            "error": type(error).__name__ if error else None,
            "ours": error is None or isinstance(error, damai_maizuo.errors.MaizuoError),
            "peak": peak,
            "elapsed": time.monotonic() - started,
        }), flush=True)
"""


def _huge_xml(size: int) -> bytes:
    item = b"<price_vo><price>1</price><name>x</name></price_vo>"
    return (
        f"<{KEY}><result><success>true</success></result><list>".encode()
        + item * (size // len(item))
        + f"</list></{KEY}>".encode()
    )


def big_replies() -> list[tuple[str, Reply, str]]:
    json_type, xml_type = CONTENT_TYPES[0], CONTENT_TYPES[1]
    spaces = b"{" + b" " * (LIMIT * 4)
    return [
        ("huge JSON body", HttpStatus(200, spaces, json_type), "json"),
        (
            "gzip bomb",
            HttpStatus(200, gzip.compress(spaces * 8), json_type, {"Content-Encoding": "gzip"}),
            "json",
        ),
        ("XML just under the limit", HttpStatus(200, _huge_xml(LIMIT - 1000), xml_type), "xml"),
        (
            "JSON just under the limit",
            HttpStatus(
                200,
                json.dumps({KEY: {"x": ["y"] * ((LIMIT - 200) // 5)}}).encode(),
                json_type,
            ),
            "json",
        ),
        ("slow drip", Drip(interval=0.01, chunk=8), "json"),
    ]


@pytest.mark.fuzz
def test_memory_stays_bounded_on_huge_replies(top_gateway: GatewayServer, tmp_path: Path) -> None:
    """tracemalloc's peak in the client's process, per call, stays within a fixed multiple
    of the reply limit whatever the gateway sends (a parsed XML tree of many small elements
    is what takes most, about 12 times the reply's size)."""
    for name, reply, format_ in big_replies():
        top_gateway.reset()
        top_gateway.add_scenario(Normal(), method=METHOD, times=1)  # the warm-up call
        top_gateway.add_scenario(reply, method=METHOD)
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                MEASURE,
                str(GENERATED),
                top_gateway.app_key,
                top_gateway.app_secret,
                top_gateway.base_url,
                str(LIMIT),
                json.dumps(PARAM0),
                str(pick(1, 5)),
                format_,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        for line in result.stdout.splitlines():
            measured = json.loads(line)
            assert measured["ours"], f"{name}: {measured}"
            assert measured["peak"] < LIMIT * 16, f"{name}: {measured}"
            count("4 hostile replies (memory)")
