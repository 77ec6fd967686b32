"""A partner's tests of their own code against the SDK's mock gateway: what the testing kit is
for. Copied as ``test_partner.py`` into a folder of its own and run by pytest in a virtualenv
that holds only the SDK's wheel and its ``testing`` extra (see ``test_fresh_venv.py``)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from damai_maizuo import AsyncClient, Client, errors
from damai_maizuo.testing import (
    CutShort,
    Drip,
    Drop,
    GatewayServer,
    HttpStatus,
    Normal,
    Result,
    TopError,
    gateway,
)

SEND = "alibaba.damai.maizuo.openapi.user.authcode.send"
PARAM0 = {
    "ptnr_token": "ptnr-token",
    "user_phone": "13900000000",
    "code_type": 1,
    "tenant_token": "tenant-token",
    "channel_token": "channel-token",
}


def options(server: GatewayServer, **more: Any) -> dict[str, Any]:
    return {
        "app_key": server.app_key,
        "app_secret": server.app_secret,
        "base_url": server.base_url,
        **more,
    }


def test_the_spec_example_answers_a_valid_call(damai_maizuo_gateway: GatewayServer) -> None:
    with Client(**options(damai_maizuo_gateway)) as client:
        response = client.user.authcode.send(param0=PARAM0)
    assert response.result is not None and response.result.success is True
    (record,) = damai_maizuo_gateway.requests
    assert (record.method, record.outcome, record.params["sign"]) == (SEND, "ok", "***")


def test_a_wrong_secret_is_refused_as_the_gateway_would(
    damai_maizuo_gateway: GatewayServer,
) -> None:
    with (
        Client(**options(damai_maizuo_gateway, app_secret="wrong")) as client,
        pytest.raises(errors.AuthenticationError),
    ):
        client.user.authcode.send(param0=PARAM0)
    assert [r.code for r in damai_maizuo_gateway.requests] == [25]


def test_each_test_starts_afresh(damai_maizuo_gateway: GatewayServer) -> None:
    assert damai_maizuo_gateway.requests == []


def test_a_busy_service_then_success(damai_maizuo_gateway: GatewayServer) -> None:
    damai_maizuo_gateway.add_scenario(
        TopError(15, sub_code="isp.top-remote-service-unavailable", sub_msg="busy"),
        method=SEND,
        times=1,
    )
    with Client(**options(damai_maizuo_gateway, max_retries=0)) as client:
        with pytest.raises(errors.APIError) as failure:
            client.user.authcode.send(param0=PARAM0)
        assert failure.value.code == 15
        assert client.user.authcode.send(param0=PARAM0).result is not None
    assert [r.outcome for r in damai_maizuo_gateway.requests] == ["error", "ok"]


def test_broken_replies(damai_maizuo_gateway: GatewayServer) -> None:
    damai_maizuo_gateway.add_scenario(
        replies=[HttpStatus(502, "<h1>bad gateway</h1>"), Drop(), CutShort(), Drip(interval=0)],
        params={"param0.user_phone": "13900000000"},
    )
    with Client(**options(damai_maizuo_gateway, max_retries=0)) as client:
        with pytest.raises(errors.APIStatusError) as status:
            client.user.authcode.send(param0=PARAM0)
        assert status.value.status_code == 502
        for _ in range(2):
            with pytest.raises(errors.APIConnectionError):
                client.user.authcode.send(param0=PARAM0)
        assert client.user.authcode.send(param0=PARAM0).result is not None  # dripped, whole
    outcomes = [r.outcome for r in damai_maizuo_gateway.requests]
    assert outcomes == ["http", "dropped", "cut-short", "dripped"]


def test_async_client_with_a_business_failure_and_a_late_reply(
    damai_maizuo_gateway: GatewayServer,
) -> None:
    failure = {"result": {"success": False, "result_code": 10211, "result_msg": "手机号已注册"}}
    damai_maizuo_gateway.add_scenario(replies=[Result(failure), Normal(delay=0.05)])

    async def calls() -> None:
        async with AsyncClient(**options(damai_maizuo_gateway)) as client:
            with pytest.raises(errors.BusinessError):
                await client.user.authcode.send(param0=PARAM0)
            response = await client.user.authcode.send(param0=PARAM0)
            assert response.result is not None and response.result.success is True

    asyncio.run(calls())
    assert [r.scenario for r in damai_maizuo_gateway.requests] == ["scenario", "scenario"]


def test_a_scenario_file(tmp_path: Path) -> None:
    scenarios = tmp_path / "scenarios.yaml"
    scenarios.write_text(
        "scenarios:\n"
        f"  - method: {SEND}\n"
        "    reply: {error: {code: 7, sub_msg: This ban will last for 300 more seconds}}\n",
        encoding="utf-8",
    )
    with GatewayServer(gateway(app_key="k1", scenarios=scenarios)) as server:
        with (
            Client(**options(server)) as client,
            pytest.raises(errors.RateLimitError) as banned,
        ):
            client.user.authcode.send(param0=PARAM0)
        assert banned.value.retry_after == 300.0
        assert [r.code for r in server.requests] == [7]
