"""Business parameters: every kind of value as TOP reads it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from runtime_samples import (
    PARAM0,
    CodeType,
    PerformQueryParams,
    UserAuthcodeSendParams,
)

from generator.runtime._encoding import encode_params, encode_value
from generator.runtime._models import validate_params


def encode(**values: object) -> dict[str, str]:
    return encode_params(validate_params(PerformQueryParams, values))


def test_object_parameter_is_compact_json_by_wire_name() -> None:
    encoded = encode_params(validate_params(UserAuthcodeSendParams, {"param0": PARAM0}))
    assert encoded == {
        "param0": '{"ptnr_token":"Fbq3A9UJj/8SWB5xLq54Tn623qFzG+","user_phone":"139xxxx4567",'
        '"code_type":1,"tenant_token":"St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u",'
        '"channel_token":"nxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5ic"}'
    }


def test_object_parameter_matches_the_contract_json() -> None:
    params = validate_params(
        PerformQueryParams,
        {
            "query": {
                "show_id": 7,
                "start_time": datetime(2024, 1, 2, 3, 4, 5),
                "channel": "app",
                "tags": ["a", "b"],
                "from": "中文",
            }
        },
    )
    assert params.query is not None
    expected = json.dumps(
        params.query.model_dump(mode="json", by_alias=True, exclude_none=True),
        separators=(",", ":"),
        ensure_ascii=False,
    )
    assert encode_params(params)["query"] == expected
    assert json.loads(expected) == {
        "show_id": 7,
        "start_time": "2024-01-02 03:04:05",
        "channel": "app",
        "tags": ["a", "b"],
        "from": "中文",
    }


def test_unset_and_none_fields_are_left_out() -> None:
    assert encode(query={"show_id": 1, "note": None}) == {"query": '{"show_id":1}'}
    assert encode(count=None, keyword=None) == {}
    assert encode() == {}


def test_empty_values_are_left_out() -> None:
    assert encode(keyword="", show_ids=[]) == {}


def test_alias_names_the_form_field() -> None:
    assert encode(from_="x") == {"from": "x"}
    assert encode(**{"from": "y"}) == {"from": "y"}


def test_list_of_models_is_a_json_array() -> None:
    encoded = encode(queries=[{"show_id": 1}, {"show_id": 2, "start_time": "2024-01-02 03:04:05"}])
    assert json.loads(encoded["queries"]) == [
        {"show_id": 1},
        {"show_id": 2, "start_time": "2024-01-02 03:04:05"},
    ]
    assert " " not in encoded["queries"].replace("03:04:05", "").replace("2024-01-02 ", "")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"show_ids": [1, 2, 3]}, {"show_ids": "1,2,3"}),
        ({"count": 42}, {"count": "42"}),
        ({"count": -7}, {"count": "-7"}),
        ({"ratio": 0.5}, {"ratio": "0.5"}),
        ({"ratio": 1e-7}, {"ratio": "0.0000001"}),
        ({"ratio": 1e20}, {"ratio": "100000000000000000000"}),
        ({"price": Decimal("12.50")}, {"price": "12.50"}),
        ({"price": Decimal("1E+3")}, {"price": "1000"}),
        ({"on_sale": True}, {"on_sale": "true"}),
        ({"on_sale": False}, {"on_sale": "false"}),
        ({"start": datetime(2024, 1, 2, 3, 4, 5)}, {"start": "2024-01-02 03:04:05"}),
        (
            {"start": datetime(2024, 1, 1, 20, 0, tzinfo=UTC)},
            {"start": "2024-01-02 04:00:00"},
        ),
        ({"day": date(2024, 2, 29)}, {"day": "2024-02-29"}),
        ({"code_type": CodeType.CHANGE_PASSWORD}, {"code_type": "2"}),
        ({"code_type": 1}, {"code_type": "1"}),
        ({"channel": "web"}, {"channel": "web"}),
        ({"keyword": "中文 & = +"}, {"keyword": "中文 & = +"}),
    ],
)
def test_scalar_kinds(values: dict[str, object], expected: dict[str, str]) -> None:
    assert encode(**values) == expected


def test_nested_datetime_in_a_model_is_gmt8_top_format() -> None:
    aware = datetime(2024, 1, 1, 20, 0, tzinfo=UTC)
    encoded = encode(query={"show_id": 1, "start_time": aware})
    assert json.loads(encoded["query"])["start_time"] == "2024-01-02 04:00:00"


def test_encode_value_plain_containers() -> None:
    assert encode_value(("a", "b")) == "a,b"
    assert encode_value([[1, 2], [3]]) == "[[1,2],[3]]"
    assert encode_value({"k": 1, "v": "中"}) == '{"k":1,"v":"中"}'


def test_encode_value_refuses_unknown_types() -> None:
    with pytest.raises(TypeError, match="object"):
        encode_value(object())
