"""The clients over an in-memory httpx transport (httpx.MockTransport, no sockets): options,
retries, exception mapping, redaction and logging. Real HTTP is in test_transport.py."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from urllib.parse import parse_qsl, quote_plus, urlsplit

import httpx
import pytest
from runtime_samples import (
    APP_KEY,
    APP_SECRET,
    PARAM0,
    PERFORM_QUERY,
    SESSION,
    USER_AUTHCODE_SEND,
    AsyncClient,
    Client,
    UserAuthcodeSendResponse,
)

from generator.runtime._base_client import DEFAULT_BASE_URL, DEFAULT_TIMEOUT
from generator.runtime._retry import JITTER, backoff_delay, is_retryable
from generator.runtime.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    BusinessError,
    ClientOptionError,
    InvalidRequestError,
    MaizuoError,
    ParameterError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    error_from_response,
)

Reply = httpx.Response | Exception


def ok(key: str = USER_AUTHCODE_SEND.response_key, request_id: str = "rid-ok") -> httpx.Response:
    inner = {"result": {"success": True, "result_code": 200, "result_msg": "成功"}}
    return httpx.Response(200, json={key: {**inner, "request_id": request_id}})


def top_error(code: int, sub_code: str | None = None, msg: str = "err") -> httpx.Response:
    error = {"code": code, "msg": msg, "sub_code": sub_code, "request_id": "rid-err"}
    return httpx.Response(200, json={"error_response": error})


class FakeGateway:
    """Answers with the scripted replies in turn (the last one repeats) and records requests."""

    def __init__(self, *replies: Reply | Callable[[httpx.Request], Reply]) -> None:
        self.replies = list(replies) or [ok()]
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies[min(len(self.requests), len(self.replies)) - 1]
        if callable(reply) and not isinstance(reply, httpx.Response | Exception):
            reply = reply(request)
        if isinstance(reply, Exception):
            raise reply
        return reply

    def client(self, **options: object) -> Client:
        http = httpx.Client(transport=httpx.MockTransport(self))
        return Client(app_key=APP_KEY, app_secret=APP_SECRET, http_client=http, **options)  # type: ignore[arg-type]

    def async_client(self, **options: object) -> AsyncClient:
        http = httpx.AsyncClient(transport=httpx.MockTransport(self))
        return AsyncClient(app_key=APP_KEY, app_secret=APP_SECRET, http_client=http, **options)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "DAMAI_MAIZUO_APP_KEY",
        "DAMAI_MAIZUO_APP_SECRET",
        "DAMAI_MAIZUO_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


# -- construction ----------------------------------------------------------------------------


def test_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAMAI_MAIZUO_APP_KEY", "env-key")
    monkeypatch.setenv("DAMAI_MAIZUO_APP_SECRET", "env-secret")
    monkeypatch.setenv("DAMAI_MAIZUO_BASE_URL", "http://127.0.0.1:9/router/rest")
    with Client() as client:
        assert client.app_key == "env-key"
        assert client.base_url == "http://127.0.0.1:9/router/rest"
        assert client.timeout == DEFAULT_TIMEOUT
        assert (
            client.sign_method,
            client.format,
            client.simplify,
            client.max_retries,
        ) == (
            "hmac-sha256",
            "json",
            False,
            2,
        )


@pytest.mark.parametrize(
    ("options", "missing"),
    [({}, "DAMAI_MAIZUO_APP_KEY"), ({"app_key": "k"}, "DAMAI_MAIZUO_APP_SECRET")],
)
def test_missing_credentials(options: dict[str, str], missing: str) -> None:
    with pytest.raises(ClientOptionError, match=missing):
        Client(**options)


def test_default_base_url() -> None:
    with Client(app_key="k", app_secret="s") as client:
        assert client.base_url == DEFAULT_BASE_URL == "https://gw.api.taobao.com/router/rest"


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"sign_method": "sha1"}, ClientOptionError),
        ({"format": "yaml"}, ClientOptionError),
        ({"max_retries": -1}, ClientOptionError),
        ({"max_retries": True}, ClientOptionError),
        ({"base_url": "ftp://example.com/x"}, ClientOptionError),
        ({"base_url": "not a url"}, ClientOptionError),
        ({"base_url": "http://"}, ClientOptionError),
        ({"http_client": httpx.AsyncClient()}, ClientOptionError),
    ],
)
def test_invalid_options(options: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        Client(app_key="k", app_secret="s", **options)  # type: ignore[arg-type]


def test_timeout_options() -> None:
    with Client(app_key="k", app_secret="s", timeout=3) as client:
        assert client.timeout == httpx.Timeout(3)
    with Client(app_key="k", app_secret="s", timeout=None) as client:
        assert client.timeout == httpx.Timeout(None)
    own = httpx.Client(timeout=7)
    with Client(app_key="k", app_secret="s", http_client=own) as client:
        assert client.timeout == httpx.Timeout(7)
    own.close()


def test_repr_shows_the_app_key_only() -> None:
    client = Client(app_key=APP_KEY, app_secret=APP_SECRET, session=SESSION)
    assert repr(client) == f"Client(app_key={APP_KEY!r})"
    client.close()


def test_with_options_keeps_the_class_shares_the_pool_and_not_the_resources() -> None:
    gateway = FakeGateway()
    client = gateway.client(session=SESSION)
    user = client.user
    assert client.user is user and user.authcode is user.authcode
    copy = client.with_options(timeout=3, max_retries=0, session=None)
    assert type(copy) is Client
    assert copy._transport is client._transport
    assert (copy.timeout, copy.max_retries, copy._session) == (
        httpx.Timeout(3),
        0,
        None,
    )
    assert (client.max_retries, client._session) == (2, SESSION)
    assert copy.user is not user
    assert copy.user._client is copy and copy.user.authcode._client is copy
    assert user._client is client
    copy.user.authcode.send(param0=PARAM0)
    assert "session" not in dict(parse_qsl(gateway.requests[0].content.decode()))
    copy.close()
    assert not client._transport.http.is_closed
    client.user.authcode.send(param0=PARAM0)
    assert len(gateway.requests) == 2


def test_close_only_what_we_opened() -> None:
    client = Client(app_key="k", app_secret="s")
    transport = client._transport
    with client:
        pass
    assert transport.closed
    own = httpx.Client()
    with Client(app_key="k", app_secret="s", http_client=own):
        pass
    assert not own.is_closed
    own.close()


async def test_async_close_only_what_we_opened() -> None:
    client = AsyncClient(app_key="k", app_secret="s")
    async with client as entered:
        assert entered is client
    assert client._transport.closed
    own = httpx.AsyncClient()
    async with AsyncClient(app_key="k", app_secret="s", http_client=own) as other:
        assert type(other.with_options(max_retries=0)) is AsyncClient
    assert not own.is_closed
    await own.aclose()


# -- a call ----------------------------------------------------------------------------------


def _verify(request: httpx.Request, sign_method: str, session: str | None = None) -> None:
    system = dict(parse_qsl(urlsplit(str(request.url)).query))
    business = dict(parse_qsl(request.content.decode()))
    signature = business.pop("sign")
    assert "sign" not in system and "session" not in system
    text = "".join(k + v for k, v in sorted({**system, **business}.items()))
    key = APP_SECRET.encode()
    if sign_method == "md5":
        expected = hashlib.md5(key + text.encode() + key).hexdigest()
    else:
        digest = hashlib.md5 if sign_method == "hmac" else hashlib.sha256
        expected = hmac.new(key, text.encode(), digest).hexdigest()
    assert signature == expected.upper()
    assert business.get("session") == session
    assert request.method == "POST"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded;charset=UTF-8"


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
@pytest.mark.parametrize("format", ["json", "xml"])
def test_a_call_is_signed_sent_and_decoded(sign_method: str, format: str) -> None:
    key = USER_AUTHCODE_SEND.response_key
    xml = (
        f"<{key}><result><success>true</success><result_code>200</result_code>"
        f"<result_msg>成功</result_msg></result><request_id>rid-x</request_id></{key}>"
    )
    reply = httpx.Response(200, text=xml) if format == "xml" else ok(request_id="rid-x")
    gateway = FakeGateway(reply)
    with gateway.client(sign_method=sign_method, format=format, session=SESSION) as client:
        response = client.user.authcode.send(param0=PARAM0)
    assert isinstance(response, UserAuthcodeSendResponse)
    assert response.result is not None and response.result.success is True
    assert response.request_id == "rid-x"
    (request,) = gateway.requests
    _verify(request, sign_method, SESSION)
    system = dict(parse_qsl(urlsplit(str(request.url)).query))
    assert system["format"] == format and system["method"] == USER_AUTHCODE_SEND.method
    assert json.loads(dict(parse_qsl(request.content.decode()))["param0"]) == PARAM0


def test_bad_parameters_send_nothing() -> None:
    gateway = FakeGateway()
    with (
        gateway.client() as client,
        pytest.raises(ParameterError, match=r"param0\.code_type"),
    ):
        client.user.authcode.send(param0={**PARAM0, "code_type": 3})
    assert gateway.requests == []


def test_a_session_operation_without_a_session_sends_nothing() -> None:
    gateway = FakeGateway(ok(PERFORM_QUERY.response_key))
    with gateway.client() as client:
        with pytest.raises(MaizuoError, match="needs a user session"):
            client.perform.query(session_op=True)
        assert gateway.requests == []
        client.with_options(session=SESSION).perform.query(session_op=True)
    assert len(gateway.requests) == 1


# -- retries ---------------------------------------------------------------------------------
SENT = httpx.ReadTimeout("read timed out")
NOT_SENT = httpx.ConnectError("[Errno 111] Connection refused")


@pytest.mark.parametrize(
    ("reply", "error", "non_idempotent_requests", "idempotent_requests"),
    [
        (NOT_SENT, APIConnectionError, 3, 3),
        (httpx.ConnectTimeout("connect timed out"), APITimeoutError, 3, 3),
        (httpx.PoolTimeout("no connection"), APITimeoutError, 3, 3),
        (SENT, APITimeoutError, 1, 3),
        (httpx.WriteTimeout("write"), APITimeoutError, 1, 3),
        (httpx.RemoteProtocolError("Server disconnected"), APIConnectionError, 1, 3),
        (httpx.ReadError("reset"), APIConnectionError, 1, 3),
        (httpx.Response(502, text="<html>Bad Gateway</html>"), APIStatusError, 1, 3),
        (httpx.Response(404, text="nope"), APIStatusError, 1, 1),
        (top_error(15, "isp.top-remote-connection-timeout"), ServerError, 1, 3),
        (top_error(10), ServerError, 1, 3),
        (
            top_error(7, "accesscontrol.limited-by-app-access-count"),
            RateLimitError,
            3,
            3,
        ),
        (top_error(8), RateLimitError, 3, 3),
        (top_error(15, "isv.invalid-parameter"), InvalidRequestError, 1, 1),
        (top_error(27), APIError, 1, 1),
        (httpx.Response(200, text="garbage"), ResponseDecodeError, 1, 1),
    ],
)
def test_retry_counts(
    reply: Reply,
    error: type[Exception],
    non_idempotent_requests: int,
    idempotent_requests: int,
) -> None:
    gateway = FakeGateway(reply)
    with gateway.client() as client, pytest.raises(error):
        client.user.authcode.send(param0=PARAM0)
    assert len(gateway.requests) == non_idempotent_requests
    gateway = FakeGateway(reply)
    with gateway.client() as client, pytest.raises(error):
        client.perform.query()
    assert len(gateway.requests) == idempotent_requests


def test_business_failure_is_not_retried() -> None:
    failure = {"result": {"success": False, "result_code": 500, "result_msg": "x"}}
    gateway = FakeGateway(httpx.Response(200, json={USER_AUTHCODE_SEND.response_key: failure}))
    with gateway.client() as client, pytest.raises(BusinessError):
        client.user.authcode.send(param0=PARAM0)
    assert len(gateway.requests) == 1


def test_max_retries_bounds_the_attempts_and_a_later_success_wins() -> None:
    gateway = FakeGateway(NOT_SENT, NOT_SENT, ok())
    with gateway.client(max_retries=0) as client, pytest.raises(APIConnectionError):
        client.user.authcode.send(param0=PARAM0)
    assert len(gateway.requests) == 1
    gateway = FakeGateway(NOT_SENT, NOT_SENT, ok())
    with gateway.client(max_retries=2) as client:
        assert client.user.authcode.send(param0=PARAM0).request_id == "rid-ok"
    assert len(gateway.requests) == 3
    _verify(gateway.requests[-1], "hmac-sha256")


def test_exception_mapping_keeps_the_cause_and_hides_the_url() -> None:
    gateway = FakeGateway(httpx.ConnectTimeout("connect timed out"))
    with (
        gateway.client(max_retries=0, session=SESSION) as client,
        pytest.raises(APITimeoutError) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    assert caught.value.request_sent is False
    assert isinstance(caught.value.__cause__, httpx.ConnectTimeout)
    assert str(caught.value) == (
        "timed out connecting to gw.api.taobao.com; the request was not sent"
    )


def test_retry_policy() -> None:
    sent = APIConnectionError("x", request_sent=True)
    not_sent = APITimeoutError("x", request_sent=False)
    assert is_retryable(not_sent, idempotent=False)
    assert not is_retryable(sent, idempotent=False)
    assert is_retryable(sent, idempotent=True)
    assert is_retryable(APIStatusError(500, b""), idempotent=True)
    assert not is_retryable(APIStatusError(500, b""), idempotent=False)
    assert is_retryable(APIStatusError(429, b""), idempotent=True)
    assert not is_retryable(APIStatusError(429, b""), idempotent=False)
    limited = error_from_response({"code": 7, "msg": "App Call Limited"})
    assert is_retryable(limited, idempotent=False)  # refused before the service
    assert not is_retryable(error_from_response({"code": 10}), idempotent=False)
    assert not is_retryable(BusinessError(1, "x"), idempotent=True)
    assert not is_retryable(ParameterError([]), idempotent=True)


def test_backoff_grows_is_capped_and_jittered() -> None:
    delays = [backoff_delay(n, base=0.5, cap=8.0, random_fraction=0.0) for n in range(1, 8)]
    assert delays == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert backoff_delay(1, base=0.5, cap=8.0, random_fraction=0.999) == pytest.approx(
        0.5 * (1 - JITTER * 0.999)
    )


# -- secrets never shown ---------------------------------------------------------------------


def _echo(request: httpx.Request) -> httpx.Response:
    return httpx.Response(502, text=f"<html>bad gateway for {request.content.decode()}</html>")


def _echo_error(request: httpx.Request) -> httpx.Response:
    return top_error(27, "invalid-sessionkey", msg=f"Invalid session: {request.content.decode()}")


@pytest.mark.parametrize("reply", [_echo, _echo_error])
@pytest.mark.parametrize("session", [SESSION, "a+b/c=d&e f中"])
def test_errors_echoing_the_request_are_scrubbed(
    reply: Callable[[httpx.Request], httpx.Response],
    session: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="damai_maizuo")
    gateway = FakeGateway(reply)
    with (
        gateway.client(session=session, max_retries=0) as client,
        pytest.raises(MaizuoError) as caught,
    ):
        client.user.authcode.send(param0=PARAM0)
    signature = dict(parse_qsl(gateway.requests[0].content.decode()))["sign"]
    error = caught.value
    shown = str(error) + repr(error) + repr(vars(error)) + caplog.text
    for secret in (signature, session, quote_plus(session), APP_SECRET):
        assert secret not in shown
    assert "***" in repr(vars(error))


def test_logs_each_call_without_secrets(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="damai_maizuo")
    gateway = FakeGateway(NOT_SENT, ok(request_id="rid-log"))
    with gateway.client(session=SESSION) as client:
        client.user.authcode.send(param0=PARAM0)
    records = [r.getMessage() for r in caplog.records if r.name == "damai_maizuo"]
    assert len(records) == 4
    assert records[0].startswith(f"{USER_AUTHCODE_SEND.method} attempt 1: PreparedRequest(")
    assert records[1].startswith(f"{USER_AUTHCODE_SEND.method} retry 1 in ")
    assert "APIConnectionError" in records[1]
    assert records[2].startswith(f"{USER_AUTHCODE_SEND.method} attempt 2: PreparedRequest(")
    final = records[3]
    assert final.startswith(f"{USER_AUTHCODE_SEND.method} format=json elapsed_ms=")
    assert final.endswith("request_id=rid-log retries=1 ok")
    signature = dict(parse_qsl(gateway.requests[-1].content.decode()))["sign"]
    for secret in (signature, SESSION, APP_SECRET):
        assert secret not in caplog.text


def test_failures_are_logged_with_the_request_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="damai_maizuo")
    gateway = FakeGateway(top_error(15, "isv.invalid-parameter"))
    with gateway.client() as client, pytest.raises(InvalidRequestError):
        client.user.authcode.send(param0=PARAM0)
    assert "request_id=rid-err retries=0 failed: InvalidRequestError: err (code 15)" in caplog.text


_LOG_SCRIPT = """
import httpx
from runtime_samples import APP_SECRET, PARAM0, Client
from test_client import ok
http = httpx.Client(transport=httpx.MockTransport(lambda request: ok(request_id="rid-env")))
client = Client(app_key="k", app_secret=APP_SECRET, session="sess-xyz", http_client=http)
client.user.authcode.send(param0=PARAM0)
"""


@pytest.mark.parametrize("level", ["info", "debug", "", "nonsense"])
def test_log_env_var_turns_on_stderr(level: str) -> None:
    here = os.path.dirname(__file__)
    env = {**os.environ, "DAMAI_MAIZUO_LOG": level, "PYTHONPATH": here}
    result = subprocess.run(
        [sys.executable, "-c", _LOG_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        cwd=here,
    )
    assert result.returncode == 0, result.stderr
    if level in ("info", "debug"):
        assert "damai_maizuo INFO alibaba.damai.maizuo.openapi.user.authcode.send" in result.stderr
        assert "request_id=rid-env retries=0 ok" in result.stderr
        assert "sess-xyz" not in result.stderr and APP_SECRET not in result.stderr
    else:
        assert result.stderr == ""


# -- async -----------------------------------------------------------------------------------


async def test_async_call_and_retry_counts() -> None:
    gateway = FakeGateway(SENT)
    async with gateway.async_client() as client:
        with pytest.raises(APITimeoutError):
            await client.user.authcode.send(param0=PARAM0)
        assert len(gateway.requests) == 1
        with pytest.raises(APITimeoutError):
            await client.perform.query()
        assert len(gateway.requests) == 4
        gateway.replies = [NOT_SENT, ok()]
        gateway.requests.clear()
        response = await client.user.authcode.send(param0=PARAM0)
    assert response.request_id == "rid-ok"
    assert len(gateway.requests) == 2
    _verify(gateway.requests[-1], "hmac-sha256")


async def test_async_gather_of_100_calls() -> None:
    def numbered(request: httpx.Request) -> httpx.Response:
        phone = json.loads(dict(parse_qsl(request.content.decode()))["param0"])["user_phone"]
        return ok(request_id=f"rid-{phone}")

    gateway = FakeGateway(numbered)
    async with gateway.async_client() as client:
        replies = await asyncio.gather(
            *(
                client.user.authcode.send(param0={**PARAM0, "user_phone": str(n)})
                for n in range(100)
            )
        )
    assert [r.request_id for r in replies] == [f"rid-{n}" for n in range(100)]
