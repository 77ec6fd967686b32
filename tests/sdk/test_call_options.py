"""Per-call options (``timeout=``, ``max_retries=``, ``extra_params=``) and ``client.call`` for a
method the spec does not hold, over HTTP against the mock gateway, sync and async."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from damai_maizuo import AsyncClient, Client, errors

from generator.mock.scenarios import Drip, Result, TopError
from generator.mock.server import GatewayServer
from generator.naming import CALL_OPTIONS, param_name

pytestmark = pytest.mark.usefixtures("each_transport")

METHOD = "alibaba.damai.maizuo.openapi.user.authcode.send"
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


def send(gateway: GatewayServer, client_options: dict[str, Any], **call: Any) -> Any:
    """``client.user.authcode.send(param0=PARAM0, **call)``, sync."""
    with Client(**options(gateway, **client_options)) as client:
        return client.user.authcode.send(param0=PARAM0, **call)


def async_send(gateway: GatewayServer, client_options: dict[str, Any], **call: Any) -> Any:
    async def run() -> Any:
        async with AsyncClient(**options(gateway, **client_options)) as client:
            return await client.user.authcode.send(param0=PARAM0, **call)

    return asyncio.run(run())


def any_method(gateway: GatewayServer, client_options: dict[str, Any], *a: Any, **k: Any) -> Any:
    with Client(**options(gateway, **client_options)) as client:
        return client.call(*a, **k)


def async_any_method(
    gateway: GatewayServer, client_options: dict[str, Any], *a: Any, **k: Any
) -> Any:
    async def run() -> Any:
        async with AsyncClient(**options(gateway, **client_options)) as client:
            return await client.call(*a, **k)

    return asyncio.run(run())


SENDS = pytest.mark.parametrize("send", [send, async_send], ids=["sync", "async"])
CALLS = pytest.mark.parametrize("call", [any_method, async_any_method], ids=["sync", "async"])


# -- per-call options ---------------------------------------------------------------------------


@SENDS
def test_extra_params_are_sent_and_signed(send: Any, top_gateway: GatewayServer) -> None:
    send(top_gateway, {}, extra_params={"new_flag": True, "new_count": 3, "skipped": None})
    (record,) = top_gateway.requests
    assert record.outcome == "ok"  # the gateway checked the signature over them
    assert record.params["new_flag"] == "true"
    assert record.params["new_count"] == "3"
    assert "skipped" not in record.params
    assert sorted(record.unknown_params) == ["new_count", "new_flag"]


@SENDS
@pytest.mark.parametrize("name", ["param0", "sign", "session", "method", "timestamp"])
def test_an_extra_param_never_replaces_a_known_one(
    name: str, send: Any, top_gateway: GatewayServer
) -> None:
    with pytest.raises(errors.ParameterError, match=f"^{name}: clashes with a known parameter"):
        send(top_gateway, {}, extra_params={name: "x"})
    assert top_gateway.requests == []


@SENDS
def test_max_retries_per_call_overrides_the_client_s(send: Any, top_gateway: GatewayServer) -> None:
    """The SMS call is not idempotent, so a server error is never resent whatever the count;
    the per-call count is checked like the client's."""
    top_gateway.add_scenario(TopError(15, sub_code="isp.unknown-error"), times=5)
    with pytest.raises(errors.ServerError):
        send(top_gateway, {"max_retries": 0}, max_retries=4)
    assert len(top_gateway.requests) == 1
    with pytest.raises(errors.ClientOptionError, match="max_retries"):
        send(top_gateway, {}, max_retries=-1)


def test_max_retries_per_call_is_used_for_an_idempotent_call(top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(TopError(15, sub_code="isp.unknown-error"), times=2)
    top_gateway.add_scenario(Result({"result": {"success": True}}))
    with Client(**options(top_gateway, max_retries=0)) as client:
        client._retry_base_delay = client._retry_max_delay = 0.001  # type: ignore[misc]
        reply = client.call(METHOD, {"param0": PARAM0}, idempotent=True, max_retries=2)
    assert reply["result"]["success"] is True
    assert len(top_gateway.requests) == 3


@SENDS
def test_timeout_per_call_overrides_the_client_s(send: Any, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(Drip(interval=0.2, chunk=4, delay=0.5))
    with pytest.raises(errors.APITimeoutError):
        send(top_gateway, {"timeout": 30.0}, timeout=0.2)
    assert len(top_gateway.requests) == 1


def test_business_parameters_named_like_an_option_are_renamed_keeping_the_wire_name() -> None:
    for option in sorted(CALL_OPTIONS):
        assert param_name(option) == option + "_"
    assert param_name("timeout_ms") == "timeout_ms"


# -- any method ---------------------------------------------------------------------------------


@CALLS
def test_any_method_is_signed_sent_and_decoded_as_plain_data(
    call: Any, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(Result({"result": {"success": True, "result_code": 200}}))
    reply = call(top_gateway, {}, METHOD, {"param0": PARAM0})
    assert reply["result"] == {"success": True, "result_code": 200}
    assert reply["request_id"] == top_gateway.requests[0].request_id
    (record,) = top_gateway.requests
    assert record.outcome == "ok"
    assert json.loads(record.params["param0"])["user_phone"] == "13900000000"


@CALLS
def test_any_method_raises_the_typed_errors(call: Any, top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(TopError(7, sub_msg="This ban will last for 300 more seconds"))
    with pytest.raises(errors.RateLimitError) as caught:
        call(top_gateway, {"max_retries": 3}, METHOD, {"param0": PARAM0})
    assert caught.value.request_id == top_gateway.requests[0].request_id
    assert caught.value.retry_after == 300.0
    assert len(top_gateway.requests) == 1  # a ban over the wait cap fails at once


@CALLS
def test_any_method_is_resent_only_when_said_idempotent(
    call: Any, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(TopError(15, sub_code="isp.unknown-error"), times=1)
    top_gateway.add_scenario(Result({"result": {"success": True}}))
    with pytest.raises(errors.ServerError):
        call(top_gateway, {"max_retries": 2}, METHOD, {"param0": PARAM0})
    assert len(top_gateway.requests) == 1

    top_gateway.reset()
    top_gateway.add_scenario(TopError(15, sub_code="isp.unknown-error"), times=1)
    top_gateway.add_scenario(Result({"result": {"success": True}}))
    reply = call(top_gateway, {"max_retries": 2}, METHOD, {"param0": PARAM0}, idempotent=True)
    assert reply["result"] == {"success": True}
    assert len(top_gateway.requests) == 2


@CALLS
@pytest.mark.parametrize(
    ("args", "kwargs", "says"),
    [
        (("not a method", {}), {}, "method: must be a TOP method name"),
        ((METHOD, [("param0", "x")]), {}, "params: must be a mapping"),
        ((METHOD, {"sign": "x"}), {}, "sign: clashes with a known parameter"),
        ((METHOD, {"a": "1"}), {"extra_params": {"a": "2"}}, "a: "),
    ],
)
def test_any_method_refuses_bad_input_before_sending(
    args: tuple[Any, ...], kwargs: dict[str, Any], says: str, call: Any, top_gateway: GatewayServer
) -> None:
    with pytest.raises(errors.ParameterError, match=says):
        call(top_gateway, {}, *args, **kwargs)
    assert top_gateway.requests == []
