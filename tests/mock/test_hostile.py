"""Bad input gets a TOP error or HTTP 413/415: never a 500, never a dead server."""

from __future__ import annotations

import json
import socket
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.mock import GatewayServer

from .top import SEND_KEY, TopCaller

FORM = {"content-type": "application/x-www-form-urlencoded"}


def _error_code(reply: httpx.Response) -> int:
    assert reply.status_code == 200, reply.text
    if reply.headers["content-type"].startswith("text/xml"):
        return int(ET.fromstring(reply.content).findtext("code") or 0)
    error: dict[str, Any] = reply.json()["error_response"]
    return int(error["code"])


@pytest.mark.parametrize(
    "body",
    [
        b"format=json&method=%FF%FE",
        b"format=json&method=\xff\xfe",
        b"format=json&\xc3(=1",
    ],
)
def test_invalid_utf8_is_47(top: TopCaller, body: bytes) -> None:
    reply = top.http.post(top.base_url, content=body, headers=FORM)
    assert _error_code(reply) == 47
    assert reply.json()["error_response"]["msg"] == "Invalid encoding"


@pytest.mark.parametrize(
    "body",
    [b"&&&===&%zz&a", b"=", b"%", b"method", b"method=&method=", b"a=1&" * 1000, b"\x00\x01"],
)
def test_malformed_bodies_get_a_top_error(top: TopCaller, body: bytes) -> None:
    reply = top.http.post(top.base_url, content=body, headers=FORM)
    assert _error_code(reply) in (21, 41)


def test_a_body_over_one_mib_is_413(top: TopCaller, top_gateway: GatewayServer) -> None:
    reply = top.http.post(top.base_url, content=b"a" * (1024 * 1024 + 1), headers=FORM)
    assert reply.status_code == 413
    assert top_gateway.requests[-1].outcome == "rejected"
    assert SEND_KEY in top.call()


def test_a_body_of_exactly_one_mib_is_read(top: TopCaller) -> None:
    params = top.params(business={"param0": json.dumps({})})
    body = httpx.QueryParams(params).__str__().encode()
    body += b"&pad=" + b"x" * (1024 * 1024 - len(body) - 5)
    assert len(body) == 1024 * 1024
    reply = top.http.post(top.base_url, content=body, headers=FORM)
    assert _error_code(reply) in (25, 41)


def test_a_huge_declared_length_is_refused_without_reading(top: TopCaller) -> None:
    url = urlsplit(top.base_url)
    with socket.create_connection((url.hostname or "", url.port or 80), timeout=5) as sock:
        sock.sendall(
            f"POST {url.path} HTTP/1.1\r\nHost: x\r\nContent-Type: {FORM['content-type']}\r\n"
            f"Content-Length: {1 << 40}\r\n\r\npartial".encode()
        )
        assert sock.recv(65536).startswith(b"HTTP/1.1 413 ")


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json",
        "multipart/form-data; boundary=x",
        "text/plain",
        "application/x-www-form-urlencoded; charset=GBK",
        "",
    ],
)
def test_a_wrong_content_type_is_415(top: TopCaller, content_type: str) -> None:
    headers = {"content-type": content_type} if content_type else {}
    body = httpx.QueryParams(top.params()).__str__().encode()
    reply = top.http.post(top.base_url, content=body, headers=headers)
    assert reply.status_code == 415
    assert reply.headers["content-type"] == "text/plain; charset=utf-8"


def test_form_with_utf8_charset_is_fine(top: TopCaller) -> None:
    body = httpx.QueryParams(top.params()).__str__().encode()
    headers = {"content-type": "application/x-www-form-urlencoded;charset=UTF-8"}
    assert SEND_KEY in top.http.post(top.base_url, content=body, headers=headers).json()


def test_an_empty_post_with_everything_in_the_query(top: TopCaller) -> None:
    assert SEND_KEY in top.http.post(top.base_url, params=top.params()).json()


@pytest.mark.parametrize(
    "param0",
    ["[" * 100_000, '{"code_type": NaN}', '{"code_type": ' + "9" * 5000 + "}", "\x00", "1e999"],
    ids=["deep", "nan", "huge-int", "nul", "inf"],
)
def test_nasty_param0_is_41(top: TopCaller, param0: str) -> None:
    error = top.error(business={"param0": param0})
    assert (error["code"], error["sub_code"]) == (41, "isv.invalid-parameter:param0")


def test_an_unknown_parameter_is_ignored_but_must_be_signed(top: TopCaller) -> None:
    assert SEND_KEY in top.call(color="blue")
    params = top.params()
    params["color"] = "blue"
    assert top.http.post(top.base_url, data=params).json()["error_response"]["code"] == 25


@pytest.mark.parametrize("where", ["body", "query-and-body"])
def test_a_repeated_parameter_is_41(top: TopCaller, where: str) -> None:
    params = top.params()
    pairs = [*params.items(), ("v", "2.0")]
    if where == "body":
        reply = top.http.post(
            top.base_url, content=httpx.QueryParams(pairs).__str__(), headers=FORM
        )
    else:
        reply = top.http.post(top.base_url, params={"v": "2.0"}, data=params)
    error = reply.json()["error_response"]
    assert (error["code"], error["sub_code"]) == (41, "isv.invalid-parameter:v")


@pytest.mark.parametrize("verb", ["PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])
def test_other_http_verbs_get_9(top: TopCaller, verb: str) -> None:
    reply = top.http.request(verb, top.base_url, params=top.params())
    assert reply.status_code == 200
    if verb != "HEAD":
        assert reply.json()["error_response"]["code"] == 9


def test_control_characters_in_values_keep_replies_well_formed(top: TopCaller) -> None:
    method = "a\x00b\x1b\ud7ff\ufffe<&>"
    assert _error_code(top.post(method=method)) == 22
    assert _error_code(top.post(method=method, format="xml")) == 22
    weird = {"param0": {"ptnr_token": "\x01", "code_type": "\x02<x>"}}
    assert _error_code(top.post(business=weird, format="xml")) == 41


def test_an_unknown_path_is_404(top: TopCaller) -> None:
    assert top.http.get(top.base_url.replace("/router/rest", "/nope")).status_code == 404


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.binary(max_size=200),
    body=st.binary(max_size=400),
    content_type=st.sampled_from([FORM["content-type"], "text/plain", None]),
)
def test_fuzzed_requests_never_get_a_500(
    top_gateway: GatewayServer,
    http: httpx.Client,
    query: bytes,
    body: bytes,
    content_type: str | None,
) -> None:
    url = top_gateway.base_url + "?" + query.decode("latin-1").replace("#", "%23")
    headers = {"content-type": content_type} if content_type else {}
    try:
        reply = http.post(url, content=body, headers=headers)
    except httpx.InvalidURL:
        return
    assert reply.status_code in (200, 413, 415)
    if reply.status_code == 200:
        assert _error_code(reply) > 0
