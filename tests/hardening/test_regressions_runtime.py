"""Regression tests of the runtime defects the fuzzers found, one test per defect (not
fuzzers: they run in the default suite only)."""

from __future__ import annotations

import asyncio
import gzip
import importlib
import json
import pickle
import sys
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from generator.mock import Drip, HttpStatus, Result
from generator.mock.server import GatewayServer
from generator.runtime import _xml
from generator.runtime._encoding import encode_params, format_datetime
from generator.runtime._models import RequestModel, ResponseModel, TopDateTime
from generator.runtime._replies import ReplyBody
from generator.runtime.errors import ParameterError, ResponseDecodeError

from .authcode import GENERATED, KEY, PARAM0

pytestmark = pytest.mark.usefixtures("each_transport")


class _Params(RequestModel):
    name: str
    tags: list[str] | None = None
    when: list[list[TopDateTime]] | None = None
    at: TopDateTime | None = None


def test_a_required_parameter_that_encodes_empty_is_a_parameter_error() -> None:
    """TOP takes an empty value for none: ``name=""`` went out as no ``name`` at all and came
    back as 40 ``isv.missing-parameter``."""
    with pytest.raises(ParameterError) as caught:
        encode_params(_Params(name=""))
    assert caught.value.problems == (
        ("name", "is required, and TOP takes an empty value for none"),
    )
    assert encode_params(_Params(name="x", tags=[])) == {"name": "x"}


def test_date_times_in_nested_lists_are_written_as_top_writes_them() -> None:
    when = [[datetime(2026, 1, 2, 3, 4, 5)], [datetime(2026, 1, 2, tzinfo=UTC)]]
    encoded = encode_params(_Params(name="x", when=when))
    assert json.loads(encoded["when"]) == [["2026-01-02 03:04:05"], ["2026-01-02 08:00:00"]]


def test_years_before_1000_keep_four_digits() -> None:
    """``strftime`` writes the year 999 as ``999`` on glibc."""
    assert format_datetime(datetime(999, 1, 2, 3, 4, 5)) == "0999-01-02 03:04:05"
    assert format_datetime(datetime(5, 1, 1)) == "0005-01-01 00:00:00"


def test_a_date_time_out_of_range_in_gmt8_is_a_parameter_error() -> None:
    """An aware ``datetime(1, 1, 1)`` east of GMT+8 overflowed: ``OverflowError`` escaped the
    client, which promises its own exceptions only."""
    early = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=10)))
    with pytest.raises(ParameterError, match="at: cannot be sent"):
        encode_params(_Params(name="x", at=early))


class _Reply(ResponseModel):
    tags: list[str] | None = None
    model_dump_at: str | None = None


def test_an_empty_xml_list_item_is_an_empty_string() -> None:
    root = _xml.parse(b"<r><tags><string></string><string>x</string></tags></r>")
    assert _xml.to_data(root, _Reply) == {"tags": ["", "x"]}


def test_field_names_starting_with_model_are_fine(recwarn: pytest.WarningsRecorder) -> None:
    """pydantic warned about ``model_dump_at`` (its protected ``model_dump`` prefix)."""

    class Reply(ResponseModel):
        model_dump_at: str | None = None

    assert Reply.model_validate({"model_dump_at": "x"}).model_dump_at == "x"
    assert not [w for w in recwarn if "protected namespace" in str(w.message)]


# -- replies too large or too slow ------------------------------------------------------------

REPLY = json.dumps({KEY: {"result": {"success": True, "result_code": 200}}}).encode()


def sdk() -> Any:
    """The generated package, as committed in ``generated/``."""
    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))
    return importlib.import_module("damai_maizuo")


@pytest.fixture
def client(top_gateway: GatewayServer) -> Iterator[Any]:
    with sdk().Client(
        app_key=top_gateway.app_key,
        app_secret=top_gateway.app_secret,
        base_url=top_gateway.base_url,
        timeout=0.3,
        max_retries=0,
    ) as client:
        yield client


def test_a_slow_drip_ends_within_the_read_timeout(client: Any, top_gateway: GatewayServer) -> None:
    """A reply sent a byte at a time, each within the read timeout, kept the call waiting
    for as long as the peer liked (2 s against a 0.3 s timeout for the normal reply)."""
    top_gateway.add_scenario(Drip(interval=0.05, chunk=2))
    started = time.monotonic()
    with pytest.raises(sdk().APITimeoutError, match=r"took longer than 0\.3 s to reply"):
        client.user.authcode.send(param0=PARAM0)
    assert time.monotonic() - started < 0.3 * 2 + 0.3


def test_a_reply_over_the_limit_is_refused_unread(client: Any, top_gateway: GatewayServer) -> None:
    """The whole reply was read into memory, however large."""
    client._max_reply_bytes = 1000
    top_gateway.add_scenario(HttpStatus(200, b"{" + b" " * 5000, content_type="application/json"))
    with pytest.raises(sdk().ResponseDecodeError, match="larger than 1000 bytes; it was not"):
        client.user.authcode.send(param0=PARAM0)


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compression_bomb_is_not_inflated_past_the_limit(
    client: Any, top_gateway: GatewayServer, encoding: str
) -> None:
    """10 MB of spaces in 10 kB of gzip were inflated whole by the HTTP client."""
    client._max_reply_bytes = 1 << 20
    bomb = b"{" + b" " * (10 << 20)
    body = gzip.compress(bomb) if encoding == "gzip" else zlib.compress(bomb)
    headers = {"Content-Encoding": encoding}
    top_gateway.add_scenario(HttpStatus(200, body, "application/json", headers))
    tracemalloc.start()
    try:
        with pytest.raises(sdk().ResponseDecodeError, match="larger than 1048576 bytes"):
            client.user.authcode.send(param0=PARAM0)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 6 << 20


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(REPLY)),
        ("deflate", zlib.compress(REPLY)),
        ("deflate", zlib.compress(REPLY)[2:-4]),  # raw deflate, as some servers send it
        ("br", REPLY),  # not decoded by httpx here: taken as it comes
    ],
)
def test_compressed_replies_are_read(
    client: Any, top_gateway: GatewayServer, encoding: str, body: bytes
) -> None:
    top_gateway.add_scenario(
        HttpStatus(200, body, "application/json", {"Content-Encoding": encoding})
    )
    assert client.user.authcode.send(param0=PARAM0).result.success is True


def test_a_damaged_compressed_reply_is_a_decode_error(
    client: Any, top_gateway: GatewayServer
) -> None:
    body = gzip.compress(REPLY)[:-12]
    top_gateway.add_scenario(
        HttpStatus(200, body, "application/json", {"Content-Encoding": "gzip"})
    )
    with pytest.raises(sdk().ResponseDecodeError, match="the compressed reply is damaged"):
        client.user.authcode.send(param0=PARAM0)


def test_a_declared_length_over_the_limit_is_refused_first() -> None:
    reply = ReplyBody(200, None, limit=10)
    reply.check_length("10")
    with pytest.raises(ResponseDecodeError, match="larger than 10 bytes"):
        reply.check_length("11")


def test_a_reply_without_a_length_is_cut_off_at_the_limit() -> None:
    """A reply sent without ``Content-Length`` (chunked) is read only up to the limit."""
    reply = ReplyBody(200, None, limit=10)
    reply.check_length(None)
    reply.feed(b"0123456789")
    with pytest.raises(ResponseDecodeError, match="larger than 10 bytes"):
        reply.feed(b"x")


# -- secrets echoed by a server -----------------------------------------------------------------


def _echo_session_across_the_cut(session: str) -> bytes:
    """A proxy's error page that echoes the session so that it straddles the 500-byte cut."""
    return b"<p>" + b"x" * (497 - 10) + session.encode() + b"</p>" + b"y" * 100


def _secret_free(error: Exception, *secrets: str) -> None:
    """No secret, nor its first 6 characters, in the error's text, attributes or pickle."""
    text = repr(vars(error)) + str(error) + repr(error) + repr(pickle.dumps(error))
    for secret in secrets:
        assert secret[:6] not in text, secret[:6]


def _session_client(package: Any, gateway: GatewayServer, cls: str = "Client") -> Any:
    return getattr(package, cls)(
        app_key=gateway.app_key,
        app_secret=gateway.app_secret,
        base_url=gateway.base_url,
        session=gateway.session,
        max_retries=0,
    )


def test_a_session_echoed_across_the_body_cut_is_redacted(top_gateway: GatewayServer) -> None:
    """The body was cut to 500 bytes first and redacted after: a session across the cut kept
    its first characters in ``error.body`` and in the pickled error."""
    package = sdk()
    body = _echo_session_across_the_cut(top_gateway.session)
    top_gateway.add_scenario(HttpStatus(502, body))
    with (
        _session_client(package, top_gateway) as client,
        pytest.raises(package.APIStatusError) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    assert len(caught.value.body) <= 500
    _secret_free(caught.value, top_gateway.session)

    async def call() -> Any:
        top_gateway.add_scenario(HttpStatus(502, body))
        async with _session_client(package, top_gateway, "AsyncClient") as client:
            with pytest.raises(package.APIStatusError) as caught:
                await client.user.authcode.send(param0=PARAM0)
        return caught.value

    _secret_free(asyncio.run(call()), top_gateway.session)


def _json_escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04X}" for c in text)


def test_json_escaped_secrets_are_redacted(top_gateway: GatewayServer) -> None:
    """A server echoing the session and app secret JSON-escaped (``\\u0036\\u0031…``) kept them
    in the error; so did one escaping only ``/`` as ``\\/``."""
    package = sdk()
    session, secret = top_gateway.session, top_gateway.app_secret
    echo = '{"echo": "' + _json_escaped(session) + " " + secret.replace("-", "\\u002d") + '"}'
    top_gateway.add_scenario(HttpStatus(500, echo, "application/json"))
    with (
        _session_client(package, top_gateway) as client,
        pytest.raises(package.APIStatusError) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    assert caught.value.body == b'{"echo": "*** ***"}'
    _secret_free(caught.value, session, secret)


def test_the_json_escaped_signature_is_redacted() -> None:
    """The signature is known only once signed; the client passes it with the request's
    secrets, and an escaped echo of it is found like the plain one."""
    signature = "0123ABCDEF4567890123ABCDEF456789"
    for echo in (signature, _json_escaped(signature), _json_escaped(signature).lower()):
        error = ResponseDecodeError("unreadable", 200, f'{{"sign": "{echo}"}}'.encode())
        error._redact([signature])
        assert error.body == b'{"sign": "***"}'


# -- a reply that does not prove success ------------------------------------------------------


@pytest.mark.parametrize(
    "result",
    [
        {},
        {"result": None},
        {"result": {"result_code": 200}},
        {"result": {"success": None, "result_code": 200}},
    ],
    ids=["no result object", "null result object", "no success flag", "null success flag"],
)
def test_a_reply_without_its_success_flag_is_not_a_success(
    result: dict[str, Any], top_gateway: GatewayServer
) -> None:
    """The result object or its ``success`` flag missing (or null) returned the reply as if
    the call had succeeded."""
    package = sdk()
    top_gateway.add_scenario(Result(result), times=2)
    with (
        _session_client(package, top_gateway) as client,
        pytest.raises(
            package.UnconfirmedResultError, match="may or may not have succeeded"
        ) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    assert isinstance(caught.value, package.ResponseDecodeError)

    async def call() -> None:
        async with _session_client(package, top_gateway, "AsyncClient") as client:
            with pytest.raises(package.UnconfirmedResultError):
                await client.user.authcode.send(param0=PARAM0)

    asyncio.run(call())
    assert len(top_gateway.requests) == 2  # one each, never resent
