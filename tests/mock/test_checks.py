"""The system-parameter checks over real HTTP, with TOP's codes, in the real gateway's order."""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any

import pytest

from generator.mock.signature import expected_sign

from .conftest import QUERY
from .top import PARAM0, SEND, SEND_KEY, TopCaller, top_sign, top_time

# TOP's published signing example (docs article 101617)
EXAMPLE = {
    "app_key": "12345678",
    "method": "taobao.item.seller.get",
    "session": "test",
    "timestamp": "2016-01-01 12:00:00",
    "format": "json",
    "v": "2.0",
    "sign_method": "md5",
    "fields": "num_iid,title,nick,price,num",
    "num_iid": "11223344",
}
EXAMPLE_SIGN = "66987CB115214E59E6EC978214934FB8"


def test_the_test_signer_and_the_gateway_signer_give_the_published_signature() -> None:
    assert top_sign(EXAMPLE, "helloworld", "md5") == EXAMPLE_SIGN
    assert expected_sign(EXAMPLE, "helloworld", "md5") == EXAMPLE_SIGN


@pytest.mark.parametrize("sign_method", ["md5", "hmac", "hmac-sha256"])
def test_a_valid_call_is_answered_for_every_sign_method(top: TopCaller, sign_method: str) -> None:
    reply = top.call(sign_method=sign_method)
    assert reply[SEND_KEY]["result"]["success"] is True


ERRORS: list[tuple[int, str, dict[str, Any]]] = [
    (21, "Missing Method", {"drop": ["method"]}),
    (22, "Invalid Method", {"method": "alibaba.damai.maizuo.openapi.no.such"}),
    (28, "Missing App Key", {"drop": ["app_key"]}),
    (29, "Invalid App Key", {"app_key": "87654321"}),
    (30, "Missing Timestamp", {"drop": ["timestamp"]}),
    (31, "Invalid Timestamp", {"timestamp": "2016/01/01 12:00"}),
    (31, "Invalid Timestamp", {"timestamp": "2016-02-30 12:00:00"}),
    (31, "Invalid Timestamp", {"skew": -11 * 60}),
    (31, "Invalid Timestamp", {"skew": +11 * 60}),
    (32, "Missing Version", {"drop": ["v"]}),
    (33, "Invalid Version", {"v": "3.0"}),
    (24, "Missing Signature", {"drop": ["sign"]}),
    (25, "Invalid Signature", {"sign": "0" * 32}),
    (25, "Invalid Signature", {"sign_method": "sha1", "sign": "0" * 32}),
    (25, "Invalid Signature", {"drop": ["sign_method"], "sign": "0" * 32}),
]


@pytest.mark.parametrize(("code", "msg", "options"), ERRORS)
def test_each_failed_check_gets_its_top_error(
    top: TopCaller, code: int, msg: str, options: dict[str, Any]
) -> None:
    if "skew" in options:  # a time relative to now, read when the test runs, not when collected
        options = {"timestamp": top_time(options["skew"])}
    error = top.error(**options)
    assert (error["code"], error["msg"]) == (code, msg)
    assert error["sub_msg"]
    assert error["request_id"]


def test_a_timestamp_in_utc_instead_of_gmt8_is_refused(top: TopCaller) -> None:
    utc_wall_clock = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert top.error(timestamp=utc_wall_clock)["code"] == 31


@pytest.mark.parametrize("offset", [-9 * 60, 9 * 60])
def test_nine_minutes_of_skew_is_allowed(top: TopCaller, offset: float) -> None:
    assert SEND_KEY in top.call(timestamp=top_time(offset))


def test_epoch_milliseconds_are_accepted(top: TopCaller) -> None:
    assert SEND_KEY in top.call(timestamp=str(int(time.time() * 1000)))


def test_a_wrong_secret_gives_25(top: TopCaller) -> None:
    params = top.params(drop=["sign"])
    params["sign"] = top_sign(params, "not-the-secret", "md5")
    reply = top.http.post(top.base_url, data=params).json()
    assert reply["error_response"]["code"] == 25


def test_a_lower_case_signature_is_accepted(top: TopCaller) -> None:
    params = top.params()
    params["sign"] = params["sign"].lower()
    assert SEND_KEY in top.http.post(top.base_url, data=params).json()


def test_empty_parameters_are_not_signed(top: TopCaller) -> None:
    assert SEND_KEY in top.call(partner_id="")


def test_an_invalid_format_is_answered_in_xml(top: TopCaller) -> None:
    reply = top.post(format="yaml")
    root = ET.fromstring(reply.content)
    assert (root.tag, root.findtext("code"), root.findtext("msg")) == (
        "error_response",
        "23",
        "Invalid Format",
    )


def test_get_with_every_parameter_in_the_query_is_served(top: TopCaller) -> None:
    reply = top.http.get(top.base_url, params=top.params())
    assert SEND_KEY in reply.json()


def test_system_parameters_in_the_query_and_business_ones_in_the_body(top: TopCaller) -> None:
    params = top.params()
    body = {"param0": params.pop("param0")}
    reply = top.http.post(top.base_url, params=params, data=body)
    assert SEND_KEY in reply.json()


def test_checks_come_in_the_real_gateways_order(extended: TopCaller) -> None:
    """Everything starts wrong; fixing one thing at a time reveals the next check."""
    state: dict[str, str | None] = {
        "method": None,
        "app_key": "wrong",
        "timestamp": "not a time",
        "v": "9.9",
        "format": "html",
        "sign_method": "md5",
        "sign": None,
        "session": "wrong",
        "page_no": "0",
    }
    steps: list[tuple[dict[str, str | None], int | None]] = [
        ({}, 21),
        ({"method": "no.such.method"}, 22),
        ({"method": QUERY, "app_key": None}, 28),
        ({"app_key": "wrong"}, 29),
        ({"app_key": extended.app_key, "timestamp": None}, 30),
        ({"timestamp": "not a time"}, 31),
        ({"timestamp": top_time(), "v": None}, 32),
        ({"v": "9.9"}, 33),
        ({"v": "2.0"}, 23),
        ({"format": "json"}, 24),
        ({"sign": "0" * 32}, 25),
        ({"sign": "valid", "session": None}, 26),
        ({"session": "wrong"}, 27),
        ({"session": extended.session}, 40),
        ({"query": json.dumps({"tenant_token": "abcd", "status": "PAID"})}, 41),
        ({"page_no": "1"}, None),
    ]
    codes = []
    for change, _ in steps:
        state.update(change)
        params = {name: value for name, value in state.items() if value is not None}
        if params.get("sign") == "valid":
            params["sign"] = top_sign(params, extended.app_secret, "md5")
        reply = extended.http.post(extended.base_url, data=params)
        if reply.headers["content-type"].startswith("text/xml"):
            codes.append(int(ET.fromstring(reply.content).findtext("code") or 0))
        else:
            codes.append(reply.json().get("error_response", {}).get("code"))
    assert codes == [code for _, code in steps]


def test_an_optional_session_is_checked_when_sent_and_ignored_where_none_is_needed(
    top: TopCaller,
) -> None:
    assert SEND_KEY in top.call(session="anything")  # user.authcode.send needs no session


def test_param0_from_the_docs_example_is_accepted(top: TopCaller) -> None:
    assert SEND_KEY in top.call(business={"param0": PARAM0}, method=SEND)
