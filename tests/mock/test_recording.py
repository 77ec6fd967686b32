"""The record of requests: the Python API, ``/_mock/requests``, redaction, the log line."""

from __future__ import annotations

import logging

import httpx
import pytest

from generator.mock import GatewayServer, HttpStatus

from .top import SEND, SEND_KEY, TopCaller


def _admin_url(server: GatewayServer) -> str:
    return server.base_url.replace("/router/rest", "/_mock/requests")


def test_each_request_is_recorded_with_its_outcome(
    top: TopCaller, top_gateway: GatewayServer
) -> None:
    ok = top.call()[SEND_KEY]["request_id"]
    error = top.error(v="1.0")
    top_gateway.add_scenario(HttpStatus(502), name="proxy down")
    top.post()
    first, second, third = top_gateway.requests
    assert (first.seq, first.http_method, first.method, first.outcome, first.status) == (
        1,
        "POST",
        SEND,
        "ok",
        200,
    )
    assert first.request_id == ok and first.code is None
    assert (second.outcome, second.code, second.request_id) == ("error", 33, error["request_id"])
    assert (third.outcome, third.status, third.scenario) == ("http", 502, "proxy down")
    assert first.params["param0"] == top.params()["param0"]


def test_sign_session_and_the_secret_never_appear(
    top: TopCaller, top_gateway: GatewayServer, http: httpx.Client
) -> None:
    params = top.params(session=top.session, note=f"oops {top.app_secret} leaked")
    top.http.post(top.base_url, data=params)
    (record,) = top_gateway.requests
    assert record.params["sign"] == "***"
    assert record.params["session"] == "***"
    assert record.params["note"] == "oops *** leaked"
    assert record.unknown_params == ("note",)
    text = http.get(_admin_url(top_gateway)).text
    for secret in (top.app_secret, params["sign"], top.session):
        assert secret not in text
        assert secret not in repr(top_gateway.requests)


def test_get_and_delete_mock_requests(
    top: TopCaller, top_gateway: GatewayServer, http: httpx.Client
) -> None:
    top.call()
    top.error(v="1.0")
    listed = http.get(_admin_url(top_gateway)).json()
    assert [r["outcome"] for r in listed] == ["ok", "error"]
    assert listed == [r.to_json() for r in top_gateway.requests]
    assert http.delete(_admin_url(top_gateway)).status_code == 204
    assert http.get(_admin_url(top_gateway)).json() == []
    top.call()
    assert [r.seq for r in top_gateway.requests] == [1]


def test_reset_forgets_requests_and_scenarios(top: TopCaller, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(HttpStatus(502))
    top.post()
    top_gateway.reset()
    assert top_gateway.requests == []
    assert SEND_KEY in top.call()


def test_one_log_line_per_request_without_secrets(
    top: TopCaller, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="generator.mock"):
        top.call(session=top.session)
        top.error(v="1.0")
        top.error(method="bad\nmethod")
    lines = [r.getMessage() for r in caplog.records if r.name == "generator.mock"]
    assert len(lines) == 3
    assert lines[0].startswith(f"POST {SEND} -> ok in ") and lines[0].endswith(" ms")
    assert lines[1].startswith(f"POST {SEND} -> error 33 in ")
    assert lines[2].startswith("POST 'bad\\nmethod' -> error 22 in ")
    assert not any(top.app_secret in line or top.session in line for line in lines)
