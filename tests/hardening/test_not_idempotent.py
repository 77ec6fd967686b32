"""Fuzzer 7: ``user.authcode.send`` (not idempotent: it sends an SMS) reaches the gateway
exactly once per call, whatever goes wrong after the request may have left.

Each example makes a few calls, sync or async, with random ``max_retries`` and reply forms;
the gateway answers each request with the next fault of a random list: a read timeout, HTTP
5xx, an ``isp.*`` or other server error, a dropped or cut-short connection, a slow drip, or now
and then a normal reply. Had the client resent any call, it would have taken the next fault
too, and the gateway would count more requests than calls. (A call-limit refusal, codes 4–8, is
not among the faults: the gateway gives it before the service, so the client may send the call
again after one; ``tests/sdk/test_rate_limits.py`` holds it to that.)
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.mock.scenarios import (
    CutShort,
    Drip,
    Drop,
    HttpStatus,
    Normal,
    Reply,
    TopError,
)
from generator.mock.server import GatewayServer

from .authcode import GENERATED, METHOD, PARAM0
from .fuzzing import count, fuzz_settings

pytestmark = [pytest.mark.fuzz, pytest.mark.usefixtures("each_transport")]

TIMEOUT = 0.3

FAULTS: list[Reply] = [
    Normal(delay=TIMEOUT * 2),  # read timeout
    HttpStatus(500, "<h1>500</h1>"),
    HttpStatus(502, "<html>bad gateway</html>"),
    HttpStatus(503, b""),
    HttpStatus(504, "gateway timeout"),
    TopError(15, sub_code="isp.top-remote-connection-timeout"),
    TopError(50, sub_code="isp.top-remote-service-unavailable"),
    TopError(10),
    TopError(15, sub_code="isp.unknown-error", sub_msg="服务器错误"),
    Drop(),
    CutShort(),
    Drip(interval=TIMEOUT / 2, chunk=1),
]


def sdk() -> Any:
    generated = str(GENERATED)
    if generated not in sys.path:
        sys.path.insert(0, generated)
    return importlib.import_module("damai_maizuo")


@fuzz_settings(fast=10, long=250)
@given(
    replies=st.lists(st.one_of(st.sampled_from(FAULTS), st.just(Normal())), min_size=1, max_size=4),
    max_retries=st.integers(0, 5),
    form=st.sampled_from([("json", False), ("json", True), ("xml", False)]),
    use_async=st.booleans(),
)
def test_each_call_reaches_the_gateway_once(
    top_gateway: GatewayServer,
    replies: list[Reply],
    max_retries: int,
    form: tuple[str, bool],
    use_async: bool,
) -> None:
    top_gateway.reset()
    top_gateway.add_scenario(replies=[*replies, Normal()], method=METHOD)
    package = sdk()
    options = {
        "app_key": top_gateway.app_key,
        "app_secret": top_gateway.app_secret,
        "base_url": top_gateway.base_url,
        "format": form[0],
        "simplify": form[1],
        "timeout": TIMEOUT,
        "max_retries": max_retries,
    }
    if use_async:
        outcomes = asyncio.run(_async_calls(package, options, len(replies)))
    else:
        with package.Client(**options) as client:
            client._retry_base_delay = client._retry_max_delay = 0.001
            outcomes = []
            for _ in replies:
                try:
                    outcomes.append(client.user.authcode.send(param0=PARAM0))
                except package.errors.MaizuoError as error:
                    outcomes.append(error)
    received = [r for r in top_gateway.requests if r.method == METHOD]
    assert len(received) == len(replies), (
        f"{len(replies)} calls, {len(received)} requests: "
        f"{[r.outcome for r in received]} for {[type(o).__name__ for o in outcomes]}"
    )
    for reply, outcome in zip(replies, outcomes, strict=True):
        failed = isinstance(outcome, package.errors.MaizuoError)
        assert failed == (reply != Normal()), (reply, outcome)
    count("7 not idempotent", len(replies))


async def _async_calls(package: Any, options: dict[str, Any], calls: int) -> list[Any]:
    outcomes: list[Any] = []
    async with package.AsyncClient(**options) as client:
        client._retry_base_delay = client._retry_max_delay = 0.001
        for _ in range(calls):
            try:
                outcomes.append(await client.user.authcode.send(param0=PARAM0))
            except package.errors.MaizuoError as error:
                outcomes.append(error)
    return outcomes
