"""``client.user.authcode.send`` as a partner would use it, over HTTP to the mock gateway."""

from __future__ import annotations

import asyncio
import json

import pytest
from damai_maizuo import AsyncClient, Client, errors
from damai_maizuo.endpoints.user_authcode_send import CodeType, UserPhoneAuthCodeParam

from generator.mock.scenarios import Result, TopError
from generator.mock.server import GatewayServer

pytestmark = pytest.mark.usefixtures("each_transport")

PARAM0 = {
    "ptnr_token": "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+",
    "user_phone": "139xxxx4567",
    "code_type": 1,
    "tenant_token": "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u",
    "channel_token": "nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic",
}


def test_a_dict_is_sent_as_compact_json_and_the_reply_is_typed(
    client: Client, top_gateway: GatewayServer
) -> None:
    response = client.user.authcode.send(param0=PARAM0)

    assert response.result is not None
    assert (
        response.result.success,
        response.result.result_code,
        response.result.result_msg,
    ) == (True, 200, "成功")
    assert response.request_id
    (request,) = top_gateway.requests
    assert json.loads(request.params["param0"]) == PARAM0
    assert request.params["param0"] == json.dumps(PARAM0, separators=(",", ":"), ensure_ascii=False)


def test_a_model_is_accepted_and_enum_members_carry_labels(
    client: Client, top_gateway: GatewayServer
) -> None:
    param0 = UserPhoneAuthCodeParam.model_validate(
        {**PARAM0, "code_type": CodeType.CHANGE_PASSWORD}
    )
    client.user.authcode.send(param0=param0)
    assert json.loads(top_gateway.requests[0].params["param0"])["code_type"] == 2
    assert CodeType.REGISTER.label == "注册"
    assert CodeType(2).label == "修改密码"


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"code_type": 3}, "param0.code_type"),
        ({"user_phone": None}, "param0.user_phone"),
        ({"unknown": "x"}, "param0.unknown"),
    ],
)
def test_bad_parameters_fail_before_anything_is_sent(
    change: dict[str, object], where: str, client: Client, top_gateway: GatewayServer
) -> None:
    param0 = {k: v for k, v in {**PARAM0, **change}.items() if v is not None}
    with pytest.raises(errors.ParameterError) as failure:
        client.user.authcode.send(param0=param0)  # type: ignore[arg-type]
    assert where in str(failure.value)
    assert top_gateway.requests == []


def test_a_business_failure_raises_business_error(
    client: Client, top_gateway: GatewayServer
) -> None:
    top_gateway.add_scenario(
        Result(
            {
                "result": {
                    "success": False,
                    "result_code": 10211,
                    "result_msg": "手机号已注册",
                }
            }
        ),
        method="alibaba.damai.maizuo.openapi.user.authcode.send",
    )
    with pytest.raises(errors.BusinessError) as failure:
        client.user.authcode.send(param0=PARAM0)
    assert failure.value.result_code == 10211
    assert failure.value.result_msg == "手机号已注册"
    assert failure.value.request_id and failure.value.request_id in str(failure.value)


def test_a_server_error_is_not_retried_for_this_non_idempotent_call(
    top_gateway: GatewayServer,
) -> None:
    top_gateway.add_scenario(
        TopError(15, "isp.top-remote-service-unavailable", "服务不可用"),
        method="alibaba.damai.maizuo.openapi.user.authcode.send",
    )
    with (
        Client(
            app_key=top_gateway.app_key,
            app_secret=top_gateway.app_secret,
            base_url=top_gateway.base_url,
            max_retries=3,
        ) as client,
        pytest.raises(errors.ServerError),
    ):
        client.with_options(max_retries=5).user.authcode.send(param0=PARAM0)
    assert len(top_gateway.requests) == 1


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
@pytest.mark.parametrize(("format", "simplify"), [("json", False), ("json", True), ("xml", False)])
def test_every_sign_method_and_reply_form(
    sign_method: str, format: str, simplify: bool, top_gateway: GatewayServer
) -> None:
    with Client(
        app_key=top_gateway.app_key,
        app_secret=top_gateway.app_secret,
        base_url=top_gateway.base_url,
        sign_method=sign_method,  # type: ignore[arg-type]
        format=format,  # type: ignore[arg-type]
        simplify=simplify,
    ) as client:
        response = client.user.authcode.send(param0=PARAM0)
    assert response.result is not None and response.result.result_code == 200


async def test_async_client_runs_many_calls_at_once(top_gateway: GatewayServer) -> None:
    async with AsyncClient(
        app_key=top_gateway.app_key,
        app_secret=top_gateway.app_secret,
        base_url=top_gateway.base_url,
    ) as client:
        replies = await asyncio.gather(
            *(client.user.authcode.send(param0=PARAM0) for _ in range(50))
        )
    assert len({r.request_id for r in replies}) == 50
    assert len(top_gateway.requests) == 50


def test_the_secret_never_shows(top_gateway: GatewayServer) -> None:
    client = Client(app_key="k-visible", app_secret="s3cr3t-value", base_url=top_gateway.base_url)
    assert "s3cr3t-value" not in repr(client)
    assert "k-visible" in repr(client)
    with pytest.raises(errors.AuthenticationError) as failure:
        client.user.authcode.send(param0=PARAM0)
    assert "s3cr3t-value" not in str(failure.value) + repr(failure.value)
    client.close()
