"""The clients over real HTTP on 127.0.0.1, against the project's mock TOP gateway.

The gateway checks what a real one checks (signature, timestamp skew, parameters) and records
every request it receives, so retry counts are counted where they matter: at the server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from runtime_samples import (
    PARAM0,
    USER_AUTHCODE_SEND,
    AsyncClient,
    Client,
    UserAuthcodeSendParams,
    UserAuthcodeSendResponse,
)

from generator.mock.scenarios import (
    CutShort,
    Drop,
    HttpStatus,
    Normal,
    Result,
    TopError,
)
from generator.mock.server import GatewayServer
from generator.runtime._protocol import OperationInfo
from generator.runtime.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BusinessError,
    InvalidRequestError,
    MaizuoError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
)

pytestmark = pytest.mark.usefixtures("each_transport")

METHOD = USER_AUTHCODE_SEND.method
IDEMPOTENT_SEND = OperationInfo(
    method=METHOD,
    response_key=USER_AUTHCODE_SEND.response_key,
    idempotent=True,
    business_result=USER_AUTHCODE_SEND.business_result,
)
"""The same TOP method described as idempotent, to see the retries the client would make."""


@pytest.fixture
def gateway(top_gateway: GatewayServer) -> GatewayServer:
    """The project's mock gateway (``generator.mock.pytest_plugin``), reset for each test."""
    return top_gateway


def client_for(gateway: GatewayServer, **options: object) -> Client:
    credentials = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
    return Client(base_url=gateway.base_url, **{**credentials, **options})  # type: ignore[arg-type]


def async_client_for(gateway: GatewayServer, **options: object) -> AsyncClient:
    credentials = {"app_key": gateway.app_key, "app_secret": gateway.app_secret}
    return AsyncClient(base_url=gateway.base_url, **{**credentials, **options})  # type: ignore[arg-type]


def send(client: Client, *, idempotent: bool = False) -> UserAuthcodeSendResponse:
    op = IDEMPOTENT_SEND if idempotent else USER_AUTHCODE_SEND
    return client._call(op, UserAuthcodeSendParams, {"param0": PARAM0}, UserAuthcodeSendResponse)


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
@pytest.mark.parametrize(("format", "simplify"), [("json", False), ("json", True), ("xml", False)])
def test_every_sign_method_and_reply_form(
    gateway: GatewayServer, sign_method: str, format: str, simplify: bool
) -> None:
    with client_for(
        gateway,
        sign_method=sign_method,
        format=format,
        simplify=simplify,
        session=gateway.session,
        partner_id="damai-maizuo-py",
    ) as client:
        response = client.user.authcode.send(param0=PARAM0)
    assert response.result is not None
    assert (response.result.success, response.result.result_code) == (True, 200)
    (record,) = gateway.requests
    assert record.outcome == "ok" and record.method == METHOD
    assert response.request_id == record.request_id
    assert record.params["format"] == format and record.params["sign_method"] == sign_method
    assert record.unknown_params == ()


def test_a_wrong_secret_is_an_authentication_error(gateway: GatewayServer) -> None:
    with (
        client_for(gateway, app_secret="not-the-secret") as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    assert caught.value.code == 25
    assert caught.value.request_id == gateway.requests[0].request_id
    assert "not-the-secret" not in str(caught.value) + repr(caught.value)


def test_an_unknown_app_key_is_an_authentication_error(gateway: GatewayServer) -> None:
    with (
        client_for(gateway, app_key="99999999") as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    assert caught.value.code == 29


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (TopError(27, sub_code="invalid-sessionkey"), AuthenticationError),
        (
            TopError(11, sub_code="isv.permission-api-package-limit"),
            PermissionDeniedError,
        ),
        (
            TopError(7, sub_code="accesscontrol.limited-by-app-access-count"),
            RateLimitError,
        ),
        (
            TopError(15, sub_code="isv.invalid-parameter", sub_msg="非法参数"),
            InvalidRequestError,
        ),
        (TopError(50, sub_code="isp.top-remote-connection-timeout"), ServerError),
        (TopError(10), ServerError),
        (TopError(15, sub_code="other"), APIError),
    ],
)
@pytest.mark.parametrize("format", ["json", "xml"])
def test_every_error_class(
    gateway: GatewayServer, reply: TopError, error: type[APIError], format: str
) -> None:
    gateway.add_scenario(reply, method=METHOD)
    with client_for(gateway, format=format) as client, pytest.raises(error) as caught:
        client.user.authcode.send(param0=PARAM0)
    assert type(caught.value) is error
    assert (caught.value.code, caught.value.sub_code) == (reply.code, reply.sub_code)
    assert caught.value.request_id == gateway.requests[-1].request_id
    # user.authcode.send is not idempotent: sent again only after a call-limit refusal,
    # which the gateway gives before the service
    assert len(gateway.requests) == (3 if error is RateLimitError else 1)


@pytest.mark.parametrize("format", ["json", "xml"])
def test_business_failure(gateway: GatewayServer, format: str) -> None:
    failure = {
        "result": {
            "success": False,
            "result_code": 4001,
            "result_msg": "手机号格式错误",
        }
    }
    gateway.add_scenario(Result(failure), method=METHOD)
    with (
        client_for(gateway, format=format) as client,
        pytest.raises(BusinessError) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    assert (caught.value.result_code, caught.value.result_msg) == (
        4001,
        "手机号格式错误",
    )
    assert caught.value.request_id == gateway.requests[0].request_id


@pytest.mark.parametrize(
    ("reply", "error"),
    [
        (Normal(delay=1.0), APITimeoutError),
        (
            HttpStatus(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"),
            APIStatusError,
        ),
        (HttpStatus(503, b""), APIStatusError),
        (CutShort(), APIConnectionError),
        (Drop(), APIConnectionError),
        (TopError(15, sub_code="isp.top-remote-service-unavailable"), ServerError),
        (TopError(7), RateLimitError),
    ],
    ids=["delay", "502-html", "503", "cut-short", "dropped", "isp", "code-7"],
)
@pytest.mark.parametrize("idempotent", [False, True])
def test_retry_counts_at_the_gateway(
    gateway: GatewayServer, reply: object, error: type[MaizuoError], idempotent: bool
) -> None:
    gateway.add_scenario(reply, method=METHOD)  # type: ignore[arg-type]
    with (
        client_for(gateway, timeout=0.3, max_retries=2) as client,
        pytest.raises(error),
    ):
        send(client, idempotent=idempotent)
    refused_before_the_service = isinstance(reply, TopError) and reply.code == 7
    assert len(gateway.requests) == (3 if idempotent or refused_before_the_service else 1)


def test_502_keeps_the_status_and_the_page(gateway: GatewayServer) -> None:
    page = "<html><body><h1>502 Bad Gateway</h1>" + "x" * 1000 + "</body></html>"
    gateway.add_scenario(HttpStatus(502, page), method=METHOD)
    with client_for(gateway) as client, pytest.raises(APIStatusError) as caught:
        client.user.authcode.send(param0=PARAM0)
    assert caught.value.status_code == 502
    assert caught.value.body == page.encode()[:500]


def test_a_retry_after_a_server_fault_succeeds(gateway: GatewayServer) -> None:
    gateway.add_scenario(TopError(10), method=METHOD, times=2)
    with client_for(gateway) as client:
        response = send(client, idempotent=True)
    assert [r.outcome for r in gateway.requests] == ["error", "error", "ok"]
    assert response.request_id == gateway.requests[-1].request_id


def test_a_delay_within_the_timeout_is_fine(gateway: GatewayServer) -> None:
    gateway.add_scenario(Normal(delay=0.2), method=METHOD)
    with client_for(gateway, timeout=2.0) as client:
        assert client.user.authcode.send(param0=PARAM0).result is not None
    with client_for(gateway) as client, pytest.raises(APITimeoutError):
        client.with_options(timeout=0.05, max_retries=0).user.authcode.send(param0=PARAM0)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_connection_refused_is_retried_even_when_not_idempotent() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/router/rest"
    with (
        Client(app_key="k", app_secret="s", base_url=url) as client,
        pytest.raises(APIConnectionError) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    assert caught.value.request_sent is False
    assert str(caught.value).startswith("cannot connect to 127.0.0.1")


def test_one_sync_client_from_many_threads(gateway: GatewayServer) -> None:
    with client_for(gateway) as client, ThreadPoolExecutor(max_workers=8) as pool:
        phones = [f"1390000{n:04d}" for n in range(40)]
        futures = [
            pool.submit(client.user.authcode.send, param0={**PARAM0, "user_phone": p})
            for p in phones
        ]
        ids = {future.result().request_id for future in futures}
    assert len(ids) == 40
    sent = sorted(r.params["param0"] for r in gateway.requests)
    assert len(sent) == 40 and all(r.outcome == "ok" for r in gateway.requests)


async def test_100_concurrent_async_calls(gateway: GatewayServer) -> None:
    async with async_client_for(gateway) as client:
        replies = await asyncio.gather(
            *(
                client.user.authcode.send(param0={**PARAM0, "user_phone": f"1380000{n:04d}"})
                for n in range(100)
            )
        )
    assert all(r.result is not None and r.result.success for r in replies)
    assert len({r.request_id for r in replies}) == 100
    assert len(gateway.requests) == 100


async def test_async_retry_counts(gateway: GatewayServer) -> None:
    gateway.add_scenario(Drop(), method=METHOD)
    async with async_client_for(gateway, max_retries=2) as client:
        with pytest.raises(APIConnectionError):
            await client.user.authcode.send(param0=PARAM0)
        assert len(gateway.requests) == 1
        with pytest.raises(APIConnectionError):
            await client._call(
                IDEMPOTENT_SEND,
                UserAuthcodeSendParams,
                {"param0": PARAM0},
                UserAuthcodeSendResponse,
            )
    assert len(gateway.requests) == 4


async def test_async_timeout(gateway: GatewayServer) -> None:
    gateway.add_scenario(Normal(delay=1.0), method=METHOD)
    async with async_client_for(gateway, timeout=0.2) as client:
        with pytest.raises(APITimeoutError) as caught:
            await client.user.authcode.send(param0=PARAM0)
    assert caught.value.request_sent is True
    assert len(gateway.requests) == 1


_FAR_ZONE_CALL = """
import sys, time
from runtime_samples import PARAM0, Client
assert time.localtime().tm_gmtoff in (-8 * 3600, -7 * 3600)
with Client(app_key=sys.argv[1], app_secret=sys.argv[2], base_url=sys.argv[3]) as client:
    print(client.user.authcode.send(param0=PARAM0).request_id)
"""


def test_a_host_in_los_angeles(gateway: GatewayServer) -> None:
    here = Path(__file__).parent
    env = {**os.environ, "TZ": "America/Los_Angeles", "PYTHONPATH": str(here)}
    args = [gateway.app_key, gateway.app_secret, gateway.base_url]
    result = subprocess.run(
        [sys.executable, "-c", _FAR_ZONE_CALL, *args],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert [r.outcome for r in gateway.requests] == ["ok"]
    assert result.stdout.strip() == gateway.requests[0].request_id


def test_no_secret_in_logs_reprs_or_exceptions(
    gateway: GatewayServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # ours, and httpx's lines with the URL
    gateway.add_scenario(
        replies=[
            TopError(10),
            HttpStatus(502, "bad gateway"),
            Drop(),
            CutShort(),
            Result({"result": {"success": False, "result_code": 1, "result_msg": "no"}}),
            TopError(15, sub_code="isv.invalid-parameter"),
        ],
        method=METHOD,
    )
    shown: list[str] = []
    with client_for(gateway, session=gateway.session, max_retries=0) as client:
        shown.append(repr(client))
        shown.append(repr(client.with_options(timeout=1)))
        for _ in range(7):
            try:
                response = send(client, idempotent=True)
                shown.append(repr(response))
            except MaizuoError as error:
                shown += [str(error), repr(error), repr(vars(error))]
    assert [r.outcome for r in gateway.requests] == [
        "error",
        "http",
        "dropped",
        "cut-short",
        "ok",
        "error",
        "ok",
    ]
    text = "\n".join(shown) + caplog.text
    for secret in (gateway.app_secret, gateway.session):
        assert secret not in text
    assert "sign=" not in text
    assert METHOD in caplog.text
    assert "HTTP Request: POST" in caplog.text
