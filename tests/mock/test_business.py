"""Business parameters checked against the IR: 40 for a missing one, 41 naming the field path."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .conftest import QUERY
from .top import PARAM0, SEND_KEY, TopCaller

QUERY_KEY = "alibaba_damai_maizuo_openapi_order_query_response"
GOOD_QUERY = {"tenant_token": "abcd", "status": "PAID"}


def _param0(**changes: Any) -> dict[str, Any]:
    value = {**PARAM0, **changes}
    return {name: field for name, field in value.items() if field is not None}


@pytest.mark.parametrize("business", [{}, {"param0": ""}], ids=["absent", "empty"])
def test_a_missing_required_parameter_is_40(top: TopCaller, business: dict[str, Any]) -> None:
    error = top.error(business=business)
    assert error["code"] == 40
    assert error["msg"] == "Missing Required Arguments"
    assert error["sub_code"] == "isv.missing-parameter:param0"
    assert "param0" in error["sub_msg"] and "缺少" in error["sub_msg"]


INVALID_PARAM0: list[tuple[Any, str, str]] = [
    ("{not json", "param0", "JSON"),
    ("null", "param0", "null"),
    ([1, 2], "param0", "an object"),
    (_param0(code_type=3), "param0.code_type", "must be one of 1, 2"),
    (_param0(code_type="1"), "param0.code_type", "must be one of 1, 2"),
    (_param0(code_type=True), "param0.code_type", "must be one of 1, 2"),
    (_param0(code_type=1.5), "param0.code_type", "must be one of 1, 2"),
    (_param0(ptnr_token=None), "param0.ptnr_token", "is required"),
    (_param0(user_phone=13900000000), "param0.user_phone", "must be a string"),
]


@pytest.mark.parametrize(("param0", "path", "words"), INVALID_PARAM0)
def test_an_invalid_param0_is_41_naming_the_field(
    top: TopCaller, param0: Any, path: str, words: str
) -> None:
    error = top.error(business={"param0": param0})
    assert error["code"] == 41
    assert error["msg"] == "Invalid Arguments"
    assert error["sub_code"] == "isv.invalid-parameter:param0"
    chinese, english = error["sub_msg"].split(" / ")
    assert chinese.startswith(f"参数 {path} ")
    assert english.startswith(f"{path} ") and words in english


def test_unknown_fields_and_null_optional_fields_in_param0_are_ignored(top: TopCaller) -> None:
    reply = top.call(business={"param0": {**PARAM0, "extra": [1], "nickname": None}})
    assert SEND_KEY in reply


INVALID_QUERY: list[tuple[dict[str, Any], str, str]] = [
    ({"page_no": "abc"}, "page_no", "must be an integer"),
    ({"page_no": "0"}, "page_no", "must be >= 1"),
    ({"page_no": "101"}, "page_no", "must be <= 100"),
    ({"page_no": "2147483648"}, "page_no", "int32 range"),
    ({"channels": "a,b,c"}, "channels", "at most 2 items"),
    ({"start_time": "2016/01/01 12:00:00"}, "start_time", "yyyy-MM-dd HH:mm:ss"),
    ({"start_time": "2016-13-01 12:00:00"}, "start_time", "yyyy-MM-dd HH:mm:ss"),
    ({"with_items": "yes"}, "with_items", "true or false"),
    ({"phone": "12345"}, "phone", "must match"),
    ({"query": {**GOOD_QUERY, "tenant_token": "abc"}}, "query.tenant_token", "at least 4"),
    ({"query": {**GOOD_QUERY, "tenant_token": "a" * 41}}, "query.tenant_token", "at most 40"),
    ({"query": {**GOOD_QUERY, "status": "LOST"}}, "query.status", "one of PAID, REFUNDED"),
    ({"query": {**GOOD_QUERY, "order_ids": [1, 2, 3, 4]}}, "query.order_ids", "at most 3"),
    ({"query": {**GOOD_QUERY, "order_ids": [1, "2"]}}, "query.order_ids[1]", "an integer"),
    ({"query": {**GOOD_QUERY, "order_ids": 7}}, "query.order_ids", "an array"),
    ({"query": {**GOOD_QUERY, "since": "yesterday"}}, "query.since", "yyyy-MM-dd HH:mm:ss"),
    (
        {"query": {**GOOD_QUERY, "price_range": {"high": 100000}}},
        "query.price_range.high",
        "must be < 100000",
    ),
    (
        {"query": {**GOOD_QUERY, "price_range": {"low": -1}}},
        "query.price_range.low",
        "must be >= 0",
    ),
    ({"query": {**GOOD_QUERY, "price_range": {"low": True}}}, "query.price_range.low", "number"),
]


@pytest.mark.parametrize(("business", "path", "words"), INVALID_QUERY)
def test_each_type_and_constraint_of_the_ir_is_checked(
    extended: TopCaller, business: dict[str, Any], path: str, words: str
) -> None:
    sent = {"query": GOOD_QUERY, "page_no": "1", **business}
    error = extended.error(QUERY, business=sent, session=extended.session)
    assert error["code"] == 41, error
    assert error["sub_code"] == f"isv.invalid-parameter:{path.split('.')[0]}"
    assert f" / {path} " in error["sub_msg"] and words in error["sub_msg"]


def test_a_call_using_every_parameter_well_is_answered(extended: TopCaller) -> None:
    query = {
        **GOOD_QUERY,
        "order_ids": [1, 2],
        "since": "2016-01-01 12:00:00",
        "price_range": {"low": 0, "high": 99.5},
    }
    business = {
        "query": query,
        "page_no": "100",
        "channels": "app,web",
        "start_time": "2016-01-01 12:00:00",
        "with_items": "false",
        "phone": "13900000000",
    }
    reply = extended.call(QUERY, business=business, session=extended.session)
    assert QUERY_KEY in reply


def test_missing_parameters_are_reported_before_invalid_ones(extended: TopCaller) -> None:
    error = extended.error(QUERY, business={"query": "{bad"}, session=extended.session)
    assert error["sub_code"] == "isv.missing-parameter:page_no"


def test_the_first_invalid_parameter_in_spec_order_is_reported(extended: TopCaller) -> None:
    business = {"query": json.dumps({"status": "PAID"}), "page_no": "0"}
    error = extended.error(QUERY, business=business, session=extended.session)
    assert error["sub_code"] == "isv.invalid-parameter:query"
