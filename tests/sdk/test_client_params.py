"""Client parameters (``Client(ptnr_token=...)`` or ``DAMAI_MAIZUO_PTNR_TOKEN``) over HTTP
against the mock gateway, sync and async: filled into every request field of their name a call
leaves unset, an explicit value winning; a call left without one refused before anything is
sent; their values kept out of logs, reprs and errors; and a call without them well typed."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import pickle
import subprocess
import sys
from typing import Any

import pytest
from damai_maizuo import AsyncClient, Client, errors
from damai_maizuo.endpoints.user_authcode_send import UserPhoneAuthCodeParam

from generator.mock.scenarios import HttpStatus, TopError
from generator.mock.server import GatewayServer

from .conftest import GENERATED

TOKENS = {
    "ptnr_token": "ptnr+/=中-0001",
    "tenant_token": "tenant-&?-0002",
    "channel_token": 'channel "q" 0003',
}
ENV = {
    "ptnr_token": "DAMAI_MAIZUO_PTNR_TOKEN",
    "tenant_token": "DAMAI_MAIZUO_TENANT_TOKEN",
    "channel_token": "DAMAI_MAIZUO_CHANNEL_TOKEN",
}
PHONE_ONLY = {"user_phone": "13900000000", "code_type": 1}


@pytest.fixture(autouse=True)
def no_token_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV.values():
        monkeypatch.delenv(name, raising=False)


def options(gateway: GatewayServer, **more: Any) -> dict[str, Any]:
    return {
        "app_key": gateway.app_key,
        "app_secret": gateway.app_secret,
        "base_url": gateway.base_url,
        "max_retries": 0,
        **more,
    }


def sync_send(gateway: GatewayServer, param0: Any, **client_options: Any) -> Any:
    with Client(**options(gateway, **client_options)) as client:
        return client.user.authcode.send(param0=param0)


def async_send(gateway: GatewayServer, param0: Any, **client_options: Any) -> Any:
    async def run() -> Any:
        async with AsyncClient(**options(gateway, **client_options)) as client:
            return await client.user.authcode.send(param0=param0)

    return asyncio.run(run())


SENDS = pytest.mark.parametrize("send", [sync_send, async_send], ids=["sync", "async"])


def sent_param0(gateway: GatewayServer) -> dict[str, Any]:
    (record,) = gateway.requests
    assert record.outcome == "ok"  # signed, and every required field present
    return json.loads(record.params["param0"])  # type: ignore[no-any-return]


# -- filling -----------------------------------------------------------------------------------


@SENDS
def test_the_constructors_values_fill_the_fields_left_out(
    send: Any, top_gateway: GatewayServer
) -> None:
    send(top_gateway, PHONE_ONLY, **TOKENS)
    assert sent_param0(top_gateway) == {**PHONE_ONLY, **TOKENS}


@SENDS
def test_the_environment_fills_what_the_constructor_was_not_given(
    send: Any, top_gateway: GatewayServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in TOKENS.items():
        monkeypatch.setenv(ENV[name], "env-" + value)
    send(top_gateway, PHONE_ONLY, ptnr_token="given")
    sent = sent_param0(top_gateway)
    assert sent["ptnr_token"] == "given"  # the argument before the environment, as app_key
    assert sent["tenant_token"] == "env-" + TOKENS["tenant_token"]
    assert sent["channel_token"] == "env-" + TOKENS["channel_token"]


@SENDS
def test_a_value_given_in_the_call_wins(send: Any, top_gateway: GatewayServer) -> None:
    send(top_gateway, {**PHONE_ONLY, "ptnr_token": "mine", "tenant_token": None}, **TOKENS)
    sent = sent_param0(top_gateway)
    assert sent["ptnr_token"] == "mine"
    assert sent["tenant_token"] == TOKENS["tenant_token"]  # None is "not given"


@SENDS
def test_a_model_passed_in_is_filled_in_a_copy(send: Any, top_gateway: GatewayServer) -> None:
    param0 = UserPhoneAuthCodeParam(user_phone="13900000000", code_type=1, channel_token="own")
    send(top_gateway, param0, **TOKENS)
    assert sent_param0(top_gateway) == {**PHONE_ONLY, **TOKENS, "channel_token": "own"}
    assert param0.ptnr_token is None and param0.tenant_token is None  # the caller's, untouched


def test_with_options_keeps_the_values_and_changes_the_ones_given(
    top_gateway: GatewayServer,
) -> None:
    with Client(**options(top_gateway, **TOKENS)) as client:
        client.with_options(max_retries=1).user.authcode.send(param0=PHONE_ONLY)
        assert sent_param0(top_gateway) == {**PHONE_ONLY, **TOKENS}
        top_gateway.reset()
        client.with_options(ptnr_token="other").user.authcode.send(param0=PHONE_ONLY)
        assert sent_param0(top_gateway)["ptnr_token"] == "other"
        assert sent_param0(top_gateway)["tenant_token"] == TOKENS["tenant_token"]


@SENDS
def test_a_call_left_without_one_is_refused_naming_it_and_nothing_is_sent(
    send: Any, top_gateway: GatewayServer
) -> None:
    with pytest.raises(errors.ParameterError) as caught:
        send(top_gateway, PHONE_ONLY, ptnr_token="p", channel_token="c")
    assert [path for path, _ in caught.value.problems] == ["param0.tenant_token"]
    message = str(caught.value)
    assert "tenant_token=..." in message and "DAMAI_MAIZUO_TENANT_TOKEN" in message
    assert top_gateway.requests == []


def test_client_call_sends_its_parameters_as_given(top_gateway: GatewayServer) -> None:
    client = Client(**options(top_gateway, **TOKENS))
    with client, pytest.raises(errors.APIError):  # the gateway misses the tokens
        client.call("alibaba.damai.maizuo.openapi.user.authcode.send", {"param0": PHONE_ONLY})
    (record,) = top_gateway.requests
    assert json.loads(record.params["param0"]) == PHONE_ONLY


def test_an_unknown_or_non_text_client_parameter_is_a_client_option_error(
    top_gateway: GatewayServer,
) -> None:
    with pytest.raises(errors.ClientOptionError, match=r"ptnr_tokn.*ptnr_token, tenant_token"):
        Client(**options(top_gateway, ptnr_tokn="x"))
    with pytest.raises(errors.ClientOptionError, match="ptnr_token must be text"):
        Client(**options(top_gateway, ptnr_token=123))


# -- secrets -----------------------------------------------------------------------------------


def _json_escaped(text: str) -> str:
    """``text`` as a JSON string with every character ``\\u``-escaped (as some servers echo)."""
    return "".join(f"\\u{ord(c):04x}" for c in text)


ECHOES = [
    TopError(15, sub_code="isv.invalid-parameter", sub_msg="bad token " + TOKENS["ptnr_token"]),
    TopError(15, sub_code="isv.echo", sub_msg="tokens " + " ".join(TOKENS.values())),
    HttpStatus(502, "proxy saw param0=" + json.dumps(TOKENS)),
]


@SENDS
@pytest.mark.parametrize("reply", ECHOES, ids=["one", "all", "http"])
def test_no_token_shows_in_errors_logs_or_reprs(
    send: Any, reply: Any, top_gateway: GatewayServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="damai_maizuo")
    top_gateway.add_scenario(reply, method="alibaba.damai.maizuo.openapi.user.authcode.send")
    with pytest.raises(errors.MaizuoError) as caught:
        send(top_gateway, PHONE_ONLY, **TOKENS)
    error = caught.value
    texts = [str(error), repr(error), repr(vars(error)), repr(pickle.loads(pickle.dumps(error)))]
    texts += [record.getMessage() for record in caplog.records]
    with Client(**options(top_gateway, **TOKENS)) as client:
        texts += [repr(client), repr(client.with_options(timeout=3))]
    texts.append(repr(UserPhoneAuthCodeParam(**PHONE_ONLY, **TOKENS)))  # type: ignore[arg-type]
    seen = "\n".join(texts)
    assert "***" in str(error) or isinstance(error, errors.APIStatusError)
    for value in TOKENS.values():
        assert value not in seen
        assert value.encode("utf-8").hex() not in seen


@SENDS
def test_a_token_given_in_the_call_is_redacted_too(send: Any, top_gateway: GatewayServer) -> None:
    mine = "my-own-token-7f3a"
    top_gateway.add_scenario(
        TopError(15, sub_code="isv.echo", sub_msg=f"{mine} / {_json_escaped(mine)}"),
        method="alibaba.damai.maizuo.openapi.user.authcode.send",
    )
    with pytest.raises(errors.APIError) as caught:
        send(top_gateway, {**PHONE_ONLY, "ptnr_token": mine}, **TOKENS)
    assert caught.value.sub_msg == "*** / ***"


def test_a_json_escaped_echo_of_a_token_is_redacted(top_gateway: GatewayServer) -> None:
    token = TOKENS["ptnr_token"]
    body = '{"error": "' + _json_escaped(token) + '"}' + " " * 600 + token
    top_gateway.add_scenario(
        HttpStatus(500, body, content_type="application/json"),
        method="alibaba.damai.maizuo.openapi.user.authcode.send",
    )
    with pytest.raises(errors.APIStatusError) as caught:
        sync_send(top_gateway, PHONE_ONLY, **TOKENS)
    assert caught.value.body.startswith(b'{"error": "***"}')
    assert _json_escaped(token).encode() not in pickle.dumps(caught.value)


# -- typing ------------------------------------------------------------------------------------

TYPED = """
import httpx

from damai_maizuo import AsyncClient, Client
from damai_maizuo.endpoints.user_authcode_send import CodeType, UserPhoneAuthCodeParam


def sync_call(client: Client) -> None:
    client.user.authcode.send(param0={"user_phone": "13900000000", "code_type": 1})
    client.user.authcode.send(param0=UserPhoneAuthCodeParam(user_phone="1", code_type=CodeType.REGISTER))


async def async_call() -> None:
    async with AsyncClient(ptnr_token="p", tenant_token="t", channel_token="c") as client:
        await client.user.authcode.send(param0={"user_phone": "1", "code_type": 2})


def every_option(http: httpx.Client) -> Client:
    client = Client(
        ptnr_token="p", tenant_token=None, channel_token="c",
        app_key="k", app_secret="s", base_url="http://127.0.0.1:1", sign_method="md5",
        format="xml", simplify=True, session="u", partner_id="x", target_app_key="t",
        timeout=httpx.Timeout(3.0), max_retries=1, max_retry_wait=2.0, total_timeout=None,
        http_client=http,
    )
    copy: Client = client.with_options(ptnr_token=None, tenant_token="t", session=None,
                                       timeout=None, http_client=http, max_retries=0)
    return copy.with_options()


def every_async_option(http: httpx.AsyncClient) -> AsyncClient:
    client = AsyncClient(ptnr_token="p", timeout=5, format="json", http_client=http)
    return client.with_options(channel_token="c", sign_method="hmac", http_client=http)


def misspelled(client: Client, async_client: AsyncClient) -> None:
    Client(ptnr_tokn="x")  # refused: ptnr_tokn
    Client(app_kye="x")  # refused: app_kye
    AsyncClient(channel_tokn="x")  # refused: channel_tokn
    client.with_options(tenant_tokn="x")  # refused: tenant_tokn
    async_client.with_options(max_retrys=1)  # refused: max_retrys
    Client(ptnr_token=1)  # refused: "int"
    client.with_options(max_retries="2")  # refused: "str"
    Client(http_client=httpx.AsyncClient())  # refused: "AsyncClient"
"""
"""Calls that are well typed, and a misspelled or mistyped option or client parameter on each
line that ends ``# refused: <a word of the error>``."""


@pytest.fixture(scope="module")
def typed(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on :data:`TYPED`, run once for the tests below."""
    folder = tmp_path_factory.mktemp("typed")
    (folder / "calls.py").write_text(TYPED, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "calls.py"],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        cwd=folder,
        timeout=600,
    )


def _errors_by_line(typed: subprocess.CompletedProcess[str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for line in typed.stdout.splitlines():
        if line.startswith("calls.py:") and ": error: " in line:
            number = int(line.split(":")[1])
            found[number] = found.get(number, "") + line
    return found


REFUSED = {
    number: line.split("# refused: ")[1]
    for number, line in enumerate(TYPED.splitlines(), 1)
    if "# refused: " in line
}


def test_calls_with_the_tokens_and_every_option_pass_mypy_strict(
    typed: subprocess.CompletedProcess[str],
) -> None:
    clean = {n: e for n, e in _errors_by_line(typed).items() if n not in REFUSED}
    assert clean == {}, typed.stdout
    assert "(checked 1 source file)" in typed.stdout  # mypy read it all, not stopping early


def test_a_misspelled_or_mistyped_option_or_token_is_a_mypy_error(
    typed: subprocess.CompletedProcess[str],
) -> None:
    errors_at = _errors_by_line(typed)
    for number, word in REFUSED.items():
        assert word in errors_at.get(number, ""), (number, word, typed.stdout)
