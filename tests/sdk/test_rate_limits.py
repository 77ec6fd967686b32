"""Rate limits and bans over HTTP against the mock gateway, sync and async: ``retry_after`` from
TOP's ban message and from HTTP ``Retry-After``, waiting out a ban under the cap (even for a call
that is not idempotent: a call-limit refusal never reached the service), failing at once over
it, and a total deadline across attempts and waits."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest
from damai_maizuo import AsyncClient, Client, errors

from generator.mock.scenarios import HttpStatus, Result, TopError
from generator.mock.server import GatewayServer

pytestmark = pytest.mark.usefixtures("each_transport")

METHOD = "alibaba.damai.maizuo.openapi.user.authcode.send"
PARAM0 = {
    "ptnr_token": "t",
    "user_phone": "13900000000",
    "code_type": 1,
    "tenant_token": "t",
    "channel_token": "c",
}
OK = Result({"result": {"success": True}})


def ban(seconds: int, code: int = 7) -> TopError:
    return TopError(code, sub_msg=f"This ban will last for {seconds} more seconds")


def fast(client: Any) -> Any:
    client._retry_base_delay = client._retry_max_delay = 0.001
    return client


def sync_send(gateway: GatewayServer, **options: Any) -> Any:
    settings = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
    with fast(Client(base_url=gateway.base_url, **settings, **options)) as client:
        return client.user.authcode.send(param0=PARAM0)


def async_send(gateway: GatewayServer, **options: Any) -> Any:
    settings = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}

    async def run() -> Any:
        async with fast(AsyncClient(base_url=gateway.base_url, **settings, **options)) as client:
            return await client.user.authcode.send(param0=PARAM0)

    return asyncio.run(run())


SENDS = pytest.mark.parametrize("send", [sync_send, async_send], ids=["sync", "async"])


@SENDS
@pytest.mark.parametrize("code", [4, 5, 6, 7, 8])
def test_a_short_ban_is_waited_out_even_for_a_call_that_is_not_idempotent(
    code: int, send: Any, top_gateway: GatewayServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="damai_maizuo")
    top_gateway.add_scenario(ban(1, code), times=1)
    top_gateway.add_scenario(OK)
    assert send(top_gateway, max_retries=2).result.success is True
    assert [r.outcome for r in top_gateway.requests] == ["error", "ok"]
    (retry,) = [r.getMessage() for r in caplog.records if " retry 1 in " in r.getMessage()]
    assert " retry 1 in 1.00 s after RateLimitError" in retry


@SENDS
def test_a_ban_over_the_cap_fails_at_once_with_retry_after(
    send: Any, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(ban(120), times=1)
    with pytest.raises(errors.RateLimitError) as caught:
        send(top_gateway, max_retries=3, max_retry_wait=60)
    assert caught.value.retry_after == 120.0
    assert len(top_gateway.requests) == 1


@SENDS
def test_no_wait_runs_past_the_total_timeout(send: Any, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(ban(2), times=1)
    with pytest.raises(errors.RateLimitError) as caught:
        send(top_gateway, max_retries=3, total_timeout=1.0)
    assert caught.value.retry_after == 2.0
    assert len(top_gateway.requests) == 1


@SENDS
def test_a_server_error_is_still_never_resent_for_a_call_that_is_not_idempotent(
    send: Any, top_gateway: GatewayServer
) -> None:
    """Code 10 and ``isp.*`` are faults of the service, which may have acted: not proof."""
    top_gateway.add_scenario(TopError(10), times=1)
    with pytest.raises(errors.ServerError):
        send(top_gateway, max_retries=3)
    top_gateway.add_scenario(TopError(7, sub_code="isp.top-remote-service-unavailable"), times=1)
    with pytest.raises(errors.ServerError):
        send(top_gateway, max_retries=3)
    assert len(top_gateway.requests) == 2


def _status(retry_after: str) -> HttpStatus:
    return HttpStatus(429, b"slow down", headers={"Retry-After": retry_after})


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_http_retry_after_is_read_and_resent_only_when_idempotent(
    asynchronous: bool, top_gateway: GatewayServer
) -> None:
    settings = {
        "app_key": top_gateway.app_key,
        "app_secret": top_gateway.app_secret,
        "base_url": top_gateway.base_url,
        "max_retries": 2,
    }

    def call(idempotent: bool) -> Any:
        if not asynchronous:
            with fast(Client(**settings)) as client:
                return client.call(METHOD, {"param0": PARAM0}, idempotent=idempotent)

        async def run() -> Any:
            async with fast(AsyncClient(**settings)) as client:
                return await client.call(METHOD, {"param0": PARAM0}, idempotent=idempotent)

        return asyncio.run(run())

    top_gateway.add_scenario(_status("1"), times=1)
    with pytest.raises(errors.APIStatusError) as caught:
        call(idempotent=False)
    assert caught.value.retry_after == 1.0
    assert len(top_gateway.requests) == 1

    top_gateway.reset()
    top_gateway.add_scenario(_status("Wed, 21 Oct 2015 07:28:00 GMT"), times=1)
    top_gateway.add_scenario(OK)
    assert call(idempotent=True)["result"] == {"success": True}
    assert len(top_gateway.requests) == 2


def test_ban_seconds_are_read_from_the_sub_msg_only() -> None:
    error = errors.error_from_response(
        {"code": 7, "msg": "App Call Limited", "sub_msg": "This ban will last for 38 more seconds"}
    )
    assert isinstance(error, errors.RateLimitError) and error.retry_after == 38.0
    plain = errors.error_from_response({"code": 7, "msg": "App Call Limited"})
    assert isinstance(plain, errors.RateLimitError) and plain.retry_after is None


@pytest.mark.parametrize("bad", [-1, float("nan"), True, "5"])
def test_the_wait_cap_and_total_timeout_are_checked(bad: Any) -> None:
    for option in ("max_retry_wait", "total_timeout"):
        with pytest.raises(errors.ClientOptionError, match=option):
            Client(app_key="k", app_secret="s", **{option: bad})
