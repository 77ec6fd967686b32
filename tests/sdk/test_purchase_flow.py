"""The purchase flow of docs/purchase-flow.md, run as written against the mock gateway: each step
answers the id the next step needs (scenarios matched by those ids, so a step that passed a wrong
id would get the spec's example instead and the flow's result would differ), and a submit that
fails stops the flow with a BusinessError or a gateway error, the order never resent."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import black
import pytest
from damai_maizuo import AsyncClient, Client, errors

from generator.mock.scenarios import Result, TopError
from generator.mock.server import GatewayServer

from .conftest import GENERATED

pytestmark = pytest.mark.usefixtures("each_transport")

DOC = Path(__file__).resolve().parents[2] / "docs" / "purchase-flow.md"
METHOD = "alibaba.damai.maizuo.openapi."
TOKENS = {"ptnr_token": "ptnr", "tenant_token": "tenant", "channel_token": "channel"}
ORDER = {
    "user_id": "5775654",
    "event_id": "731021112",
    "price_id": "1280121",
    "goods_count": 2,
    "pay_money": "360",
    "pay_type_id": "32189101",
    "ticket_code_id": "4111231001",
}
CART_ID, ORDER_ID, QR_CODE = "cart-8801", "order-9902", "QR-ONE-TICKET-4111231001"


def _flow() -> dict[str, Any]:
    """The definitions of the doc's code block."""
    (code,) = re.findall(r"^```python\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.S | re.M)
    namespace: dict[str, Any] = {}
    exec(compile(code, str(DOC), "exec"), namespace)
    return namespace


def _ok(**fields: Any) -> dict[str, Any]:
    return {"result_data": {"success": True, "result_code": 200, "result_msg": "成功", **fields}}


def _purchase_scenarios(gateway: GatewayServer) -> None:
    gateway.add_scenario(
        Result(_ok(shopping_cart_id=CART_ID)),
        method=METHOD + "trade.shopcart.build",
        params={"shopping_cart_param.cart_goods_param_list.0.price_id": ORDER["price_id"]},
    )
    gateway.add_scenario(
        Result(_ok(order_id=ORDER_ID)),
        method=METHOD + "order.submit",
        params={"grouped_submit_order_param.order_bearer_param.shopping_cart_id": CART_ID},
    )
    gateway.add_scenario(
        Result(_ok(shopping_cart_vo={"shopping_cart_id": CART_ID, "order_id": ORDER_ID})),
        method=METHOD + "trade.pay.result.callback",
        params={"pay_param.order_id": ORDER_ID},
    )
    gateway.add_scenario(
        Result(_ok(dynamic_q_r_code_vo={"dynamic_q_r_code": QR_CODE, "qr_code_type": 2})),
        method=METHOD + "eticket.qrcode",
        params={
            "dynamic_q_r_code_param.order_id": ORDER_ID,
            "dynamic_q_r_code_param.ticket_code_id": ORDER["ticket_code_id"],
        },
    )


def _steps(gateway: GatewayServer) -> list[str]:
    return [r.method.removeprefix(METHOD) for r in gateway.requests]


def _client(gateway: GatewayServer) -> Client:
    return Client(
        app_key=gateway.app_key,
        app_secret=gateway.app_secret,
        base_url=gateway.base_url,
        max_retries=3,
    )


def _async_client(gateway: GatewayServer) -> AsyncClient:
    return AsyncClient(
        app_key=gateway.app_key,
        app_secret=gateway.app_secret,
        base_url=gateway.base_url,
        max_retries=3,
    )


ALL_STEPS = ["trade.shopcart.build", "order.submit", "trade.pay.result.callback", "eticket.qrcode"]


def test_each_step_answers_the_id_the_next_needs(top_gateway: GatewayServer) -> None:
    _purchase_scenarios(top_gateway)
    with _client(top_gateway) as client:
        assert _flow()["purchase"](client, TOKENS, **ORDER) == QR_CODE
    assert _steps(top_gateway) == ALL_STEPS
    assert all(r.outcome == "ok" for r in top_gateway.requests)


async def test_the_async_flow(top_gateway: GatewayServer) -> None:
    _purchase_scenarios(top_gateway)
    async with _async_client(top_gateway) as client:
        assert await _flow()["purchase_async"](client, TOKENS, **ORDER) == QR_CODE
    assert _steps(top_gateway) == ALL_STEPS


def test_a_wrong_id_is_seen(top_gateway: GatewayServer) -> None:
    """Without the cart step's scenario the cart id is the example's, the order scenario does
    not match it, and the submit's reply (the spec's, with no result_data) is refused."""
    top_gateway.add_scenario(
        Result(_ok(shopping_cart_id="another-cart")), method=METHOD + "trade.shopcart.build"
    )
    _purchase_scenarios(top_gateway)
    with _client(top_gateway) as client, pytest.raises(errors.BusinessError):
        _flow()["purchase"](client, TOKENS, **ORDER)
    assert _steps(top_gateway) == ALL_STEPS[:2]


def test_a_business_error_at_submit_stops_the_flow(top_gateway: GatewayServer) -> None:
    failure = {"result_data": {"success": False, "result_code": 10211, "result_msg": "库存不足"}}
    top_gateway.add_scenario(Result(failure), method=METHOD + "order.submit")
    _purchase_scenarios(top_gateway)
    with _client(top_gateway) as client, pytest.raises(errors.BusinessError) as raised:
        _flow()["purchase"](client, TOKENS, **ORDER)
    assert (raised.value.result_code, raised.value.result_msg) == (10211, "库存不足")
    assert raised.value.request_id == top_gateway.requests[-1].request_id
    assert _steps(top_gateway) == ALL_STEPS[:2]


async def test_a_refused_submit_is_never_resent(top_gateway: GatewayServer) -> None:
    top_gateway.add_scenario(
        TopError(15, sub_code="isp.top-remote-service-unavailable"),
        method=METHOD + "order.submit",
    )
    _purchase_scenarios(top_gateway)
    async with _async_client(top_gateway) as client:
        with pytest.raises(errors.ServerError):
            await _flow()["purchase_async"](client, TOKENS, **ORDER)
    assert _steps(top_gateway) == ALL_STEPS[:2]  # the order may exist: not sent again


def test_the_example_is_typed_and_formatted(tmp_path: Path) -> None:
    """The doc's code passes mypy --strict against the generated SDK and is as black writes it."""
    (code,) = re.findall(r"^```python\n(.*?)^```$", DOC.read_text(encoding="utf-8"), re.S | re.M)
    example = tmp_path / "purchase_flow.py"
    example.write_text(code, encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(example)],
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(GENERATED)},
        cwd=tmp_path,
        timeout=600,
    )
    assert checked.returncode == 0, checked.stdout
    assert black.format_str(code, mode=black.Mode()) == code
