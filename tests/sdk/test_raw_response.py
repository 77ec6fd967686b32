"""``client.with_raw_response``: the reply as it came and ``.parse()``, over HTTP against the
mock gateway, sync and async."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from damai_maizuo import AsyncClient, Client, RawResponse, errors
from damai_maizuo.endpoints.user_authcode_send import UserAuthcodeSendResponse

from generator.mock.scenarios import HttpStatus, TopError
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


def settings(gateway: GatewayServer, **more: Any) -> dict[str, Any]:
    return {
        "app_key": gateway.app_key,
        "app_secret": gateway.app_secret,
        "base_url": gateway.base_url,
        "max_retries": 0,
        **more,
    }


def sync_raw(gateway: GatewayServer, **more: Any) -> Any:
    with Client(**settings(gateway, **more)) as client:
        return client.with_raw_response.user.authcode.send(param0=PARAM0)


def async_raw(gateway: GatewayServer, **more: Any) -> Any:
    async def run() -> Any:
        async with AsyncClient(**settings(gateway, **more)) as client:
            return await client.with_raw_response.user.authcode.send(param0=PARAM0)

    return asyncio.run(run())


RAW = pytest.mark.parametrize("raw", [sync_raw, async_raw], ids=["sync", "async"])


@RAW
@pytest.mark.parametrize("format", ["json", "xml"])
def test_a_raw_reply_and_its_parse(raw: Any, format: str, top_gateway: GatewayServer) -> None:
    response = raw(top_gateway, format=format)
    assert isinstance(response, RawResponse)
    (record,) = top_gateway.requests
    assert response.status_code == 200
    assert response.format == format
    assert response.request_id == record.request_id
    assert "content-type" in response.headers and "Content-Type" in response.headers
    assert record.request_id is not None and record.request_id.encode() in response.body
    if format == "json":
        assert METHOD.replace(".", "_") + "_response" in response.json()
    parsed = response.parse()
    assert isinstance(parsed, UserAuthcodeSendResponse)
    assert parsed.request_id == record.request_id


@RAW
def test_an_error_reply_is_returned_raw_and_parse_raises_it(
    raw: Any, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(TopError(15, sub_code="isv.invalid-parameter"), times=1)
    response = raw(top_gateway)
    assert response.status_code == 200
    assert b"error_response" in response.body
    with pytest.raises(errors.InvalidRequestError) as caught:
        response.parse()
    assert caught.value.request_id == response.request_id == top_gateway.requests[0].request_id

    top_gateway.add_scenario(HttpStatus(502, "<h1>bad gateway</h1>"))
    response = raw(top_gateway)
    assert response.status_code == 502
    with pytest.raises(errors.APIStatusError):
        response.parse()


@RAW
def test_no_reply_at_all_raises_as_usual(raw: Any, top_gateway: GatewayServer) -> None:
    with pytest.raises(errors.APIConnectionError):
        raw(top_gateway, base_url="http://127.0.0.1:9/router/rest")


def test_any_method_has_a_raw_form_too(top_gateway: GatewayServer) -> None:
    with Client(**settings(top_gateway)) as client:
        response = client.with_raw_response.call(METHOD, {"param0": PARAM0})
        assert json.loads(response.body) == {
            METHOD.replace(".", "_") + "_response": response.parse()
        }
        assert client.user.authcode.send(param0=PARAM0).request_id  # the client is unchanged
