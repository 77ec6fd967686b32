"""What every call says of itself and every error of its reply, over HTTP against the mock,
sync and async: the User-Agent, the request id, one coercion rule for parameters, what a
connection error says about the request, and one error family for bad client options."""

from __future__ import annotations

import asyncio
import json
import platform
import socket
from typing import Any

import httpx
import pytest
from damai_maizuo import AsyncClient, Client, __version__, errors

from generator.mock.scenarios import Drop, Result, TopError
from generator.mock.server import GatewayServer

pytestmark = pytest.mark.usefixtures("each_transport")

PARAM0 = {
    "ptnr_token": "t",
    "user_phone": "13900000000",
    "code_type": 1,
    "tenant_token": "t",
    "channel_token": "c",
}


def options(gateway: GatewayServer, **more: Any) -> dict[str, Any]:
    return {
        "app_key": gateway.app_key,
        "app_secret": gateway.app_secret,
        "base_url": gateway.base_url,
        "max_retries": 0,
        **more,
    }


def sync_call(gateway: GatewayServer, param0: Any = PARAM0, **more: Any) -> Any:
    with Client(**options(gateway, **more)) as client:
        return client.user.authcode.send(param0=param0)


def async_call(gateway: GatewayServer, param0: Any = PARAM0, **more: Any) -> Any:
    async def call() -> Any:
        async with AsyncClient(**options(gateway, **more)) as client:
            return await client.user.authcode.send(param0=param0)

    return asyncio.run(call())


CALLS = pytest.mark.parametrize("call", [sync_call, async_call], ids=["sync", "async"])


USER_AGENT = (
    f"damai-maizuo/{__version__} Python/{platform.python_version()} httpx/{httpx.__version__}"
)


def test_the_user_agent_names_the_sdk_python_and_httpx(top_gateway: GatewayServer) -> None:
    seen: list[str] = []

    def hook(request: httpx.Request) -> None:
        seen.append(request.headers["user-agent"])

    with httpx.Client(event_hooks={"request": [hook]}) as http:
        sync_call(top_gateway, http_client=http)
    assert seen == [USER_AGENT]


def test_the_async_user_agent_is_the_same(top_gateway: GatewayServer) -> None:
    seen: list[str] = []

    async def hook(request: httpx.Request) -> None:
        seen.append(request.headers["user-agent"])

    async def call() -> None:
        async with (
            httpx.AsyncClient(event_hooks={"request": [hook]}) as http,
            AsyncClient(**options(top_gateway, http_client=http)) as client,
        ):
            await client.user.authcode.send(param0=PARAM0)

    asyncio.run(call())
    assert seen == [USER_AGENT]


@CALLS
def test_every_error_from_a_reply_carries_its_request_id(
    call: Any, top_gateway: GatewayServer
) -> None:
    replies: list[tuple[Any, type[errors.MaizuoError]]] = [
        (TopError(15, sub_code="isv.invalid-parameter"), errors.InvalidRequestError),
        (Result({"result": {"success": False, "result_code": 500}}), errors.BusinessError),
        (Result({"result": {"result_code": 200}}), errors.UnconfirmedResultError),
        (Result({"result": {"success": [1, 2]}}), errors.ResponseDecodeError),
    ]
    for reply, error_class in replies:
        top_gateway.reset()
        top_gateway.add_scenario(reply)
        with pytest.raises(error_class) as caught:
            call(top_gateway)
        (record,) = top_gateway.requests
        assert record.request_id
        assert caught.value.request_id == record.request_id
        assert f"[request id {record.request_id}]" in str(caught.value)


@CALLS
def test_lax_coercion_takes_what_converts_without_loss(
    call: Any, top_gateway: GatewayServer
) -> None:
    """A number for a text parameter is sent as its text; text of a number for an integer
    (enum) parameter is sent as the number."""
    call(top_gateway, {**PARAM0, "user_phone": 13900000000, "code_type": "2"})
    sent = json.loads(top_gateway.requests[0].params["param0"])
    assert sent["user_phone"] == "13900000000"
    assert sent["code_type"] == 2


@CALLS
@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"code_type": "x"}, "param0.code_type"),
        ({"code_type": 1.5}, "param0.code_type"),
        ({"user_phone": True}, "param0.user_phone"),
        ({"user_phone": [1]}, "param0.user_phone"),
    ],
)
def test_lax_coercion_refuses_what_would_lose_or_invent(
    change: dict[str, Any], where: str, call: Any, top_gateway: GatewayServer
) -> None:
    with pytest.raises(errors.ParameterError, match=where):
        call(top_gateway, {**PARAM0, **change})
    assert top_gateway.requests == []


@CALLS
def test_a_connection_error_says_whether_the_request_may_have_arrived(
    call: Any, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(Drop())
    with pytest.raises(errors.APIConnectionError) as caught:
        call(top_gateway)
    assert caught.value.request_sent is True
    assert str(caught.value).endswith("; the request may have reached the service")

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with pytest.raises(errors.APIConnectionError) as caught:
        call(top_gateway, base_url=f"http://127.0.0.1:{port}/router/rest")
    assert caught.value.request_sent is False
    assert str(caught.value).endswith("; the request was not sent")


@pytest.mark.parametrize("client_class", [Client, AsyncClient])
@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ({"sign_method": "sha1"}, "sign_method must be one of"),
        ({"format": "yaml"}, "format must be one of"),
        ({"app_key": ""}, "no app_key"),
        ({"app_secret": ""}, "no app_secret"),
    ],
)
def test_bad_or_missing_options_are_one_error_family(
    client_class: Any,
    bad: dict[str, str],
    says: str,
    top_gateway: GatewayServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DAMAI_MAIZUO_APP_KEY", raising=False)
    monkeypatch.delenv("DAMAI_MAIZUO_APP_SECRET", raising=False)
    with pytest.raises(errors.ClientOptionError, match=says) as caught:
        client_class(**{**options(top_gateway), **bad})
    assert isinstance(caught.value, errors.MaizuoError)
    assert isinstance(caught.value, ValueError)
