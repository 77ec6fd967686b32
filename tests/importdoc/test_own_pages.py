"""Our own small pages (tests/importdoc/pages/), which stress what the real pages do not: a
three-level nesting whose ends the examples decide, lists of scalars, a decimal number, Date
fields, constraints on a top-level parameter, swapped cells, a JSON response example, an error
example of its own, and a page cut inside its response example."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.generate import build

from .conftest import OWN_PAGES, operation, run_import, seed_only_spec
from .shapes import NO_EXAMPLE, request_fields, response_fields

I64 = "integer(int64)"
DATE = "string(date-time)"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = seed_only_spec(tmp_path_factory.mktemp("own") / "spec")
    assert run_import(*sorted(OWN_PAGES.glob("*.txt")), "--spec", spec) == 0
    return spec


def _op(spec: Path, name: str) -> dict[str, Any]:
    return operation(spec, f"alibaba.damai.maizuo.openapi.{name}")


def _notes(spec: Path, name: str) -> list[str]:
    notes: list[str] = _op(spec, name)["x-top-doc"]["inferred"]
    return notes


def test_the_pages_give_a_valid_spec(imported: Path) -> None:
    assert len(build(imported).operations) == 4


# -- venue.area.query: three levels, ends decided by the Java and XML examples ------------------


def test_three_level_nesting_follows_the_examples(imported: Path) -> None:
    op = _op(imported, "venue.area.query")
    assert request_fields(op) == {
        "venue_param": (
            "VenueQueryParam",
            True,
            {
                "venue_id": ("string", True, "3001"),
                "area_list": (
                    "AreaParam[]",
                    False,
                    {
                        "area_id": ("string", True, "11"),
                        "seat_list": (
                            "SeatParam[]",
                            False,
                            {"row_no": (I64, True, 3), "col_no": (I64, True, 8)},
                        ),
                        "sort_order": (I64, False, 2),
                    },
                ),
                "tenant_token": ("string", True, "St5dnxCv1Ktw"),
            },
        )
    }
    assert response_fields(op) == {
        "result": (
            "ResultData",
            None,
            {
                "success": ("boolean", None, True),
                "result_code": (I64, None, 200),
                "result_msg": ("string", None, "成功"),
                "area_vo_list": (
                    "AreaVo[]",
                    None,
                    {
                        "area_id": ("string", None, "11"),
                        "seat_vo_list": (
                            "SeatVo[]",
                            None,
                            {
                                "seat_id": ("string", None, "9001"),
                                "seat_state": (I64, None, 1),
                            },
                        ),
                        "area_seat_count": (I64, None, 120),
                    },
                ),
                "total_count": (I64, None, 1),
            },
        )
    }
    notes = _notes(imported, "venue.area.query")
    assert (
        "venue_param.area_list[].sort_order (line 39) is placed in AreaParam, not in SeatParam: "
        "the Java request example shows it there"
    ) in notes
    assert (
        "result.total_count (line 88) is placed in ResultData, not in AreaVo: the response "
        "example shows it there"
    ) in notes
    assert not any("on the page and so" in n for n in notes)  # every end was shown


def test_examples_of_a_complete_page(imported: Path) -> None:
    op = _op(imported, "venue.area.query")
    assert op["x-top-doc"]["truncated"] is False
    form = op["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert form["examples"]["page"]["value"] == {
        "venue_param": {
            "venue_id": "3001",
            "area_list": [
                {"area_id": "11", "seat_list": [{"row_no": 3, "col_no": 8}], "sort_order": 2}
            ],
            "tenant_token": "St5dnxCv1Ktw",
        }
    }
    media = op["responses"]["200"]["content"]
    success = media["application/json"]["examples"]["success"]["value"]
    assert success == {
        "alibaba_damai_maizuo_openapi_venue_area_query_response": {
            "result": {
                "success": True,
                "result_code": 200,
                "result_msg": "成功",
                "area_vo_list": [
                    {
                        "area_id": "11",
                        "seat_vo_list": [{"seat_id": "9001", "seat_state": 1}],
                        "area_seat_count": 120,
                    }
                ],
                "total_count": 1,
            }
        }
    }
    xml = media["application/xml"]["examples"]["success"]["value"]
    assert xml.startswith("<alibaba_damai_maizuo_openapi_venue_area_query_response>\n    <result>")
    # an error example other than the shared one is written out, typed by ErrorResponse
    assert media["application/json"]["examples"]["error"]["value"] == {
        "error_response": {
            "code": 15,
            "msg": "Remote service error",
            "sub_code": "isv.area-not-exist",
            "sub_msg": "区域不存在",
        }
    }
    assert "<sub_code>isv.area-not-exist</sub_code>" in (
        media["application/xml"]["examples"]["error"]["value"]
    )
    assert "the 错误码解释 table (1 row) is not imported: the spec has no place for it" in (
        op["x-top-doc"]["inferred"]
    )


# -- ticket.price.get: scalars at the top level, lists of scalars, decimals, dates --------------


def test_top_level_scalars_with_constraints(imported: Path) -> None:
    op = _op(imported, "ticket.price.get")
    form = op["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert request_fields(op) == {
        "price_ids": ("array<string>", True, ["1001", "1002"]),
        "channel_token": ("string", True, "St5dnxCv1Ktw"),
        "start_time": (DATE, False, "2018-01-01 00:00:00"),
        "page_size": (I64, False, 20),
        "gender": (I64, False, 0),
    }
    properties = form["schema"]["properties"]
    assert properties["price_ids"]["maxItems"] == 20
    assert properties["channel_token"]["maxLength"] == 64
    assert properties["channel_token"]["description"] == "渠道token,向api服务提供商获取"
    page_size = properties["page_size"]
    assert (page_size["maximum"], page_size["minimum"], page_size["default"]) == (100, 1, 20)
    assert properties["gender"]["enum"] == [1, 2, 0]
    assert [m["label"] for m in properties["gender"]["x-top-enum"]] == ["男", "女", "保密"]
    assert "encoding" not in form  # no struct parameter: nothing is sent as JSON
    assert form["examples"]["page"]["value"] == {
        "price_ids": ["1001", "1002"],
        "channel_token": "St5dnxCv1Ktw",
        "start_time": "2018-01-01 00:00:00",
        "page_size": 20,
        "gender": 0,
    }


def test_decimal_date_and_scalar_list_in_a_struct(imported: Path) -> None:
    op = _op(imported, "ticket.price.get")
    assert response_fields(op) == {
        "price_list": (
            "PriceInfo[]",
            None,
            {
                "price_id": ("string", None, "1001"),
                "price": ("number", None, 12.5),
                "sale_time": (DATE, None, "2018-01-01 10:00:00"),
                "tags": ("array<string>", None, ["VIP", "早鸟"]),
            },
        ),
        "total": (I64, None, 2),
    }
    assert "x-top-business-result" not in op  # no struct with a boolean success
    media = op["responses"]["200"]["content"]
    assert "application/xml" not in media  # the page shows JSON examples only
    examples = media["application/json"]["examples"]
    assert examples["success"]["value"] == {  # TOP's JSON list wrapper is taken off
        "alibaba_damai_maizuo_openapi_ticket_price_get_response": {
            "price_list": [
                {
                    "price_id": "1001",
                    "price": 12.5,
                    "sale_time": "2018-01-01 10:00:00",
                    "tags": ["VIP", "早鸟"],
                }
            ],
            "total": 2,
        }
    }
    assert examples["error"] == {"$ref": "#/components/examples/ErrorInvalidParameter"}
    assert (
        "price_list[].price (line 25): a Number with a decimal example (12.50): typed number, "
        "not integer"
    ) in _notes(imported, "ticket.price.get")


# -- member.card.bind: swapped and lone cells, cut inside the response example -------------------


def test_swapped_and_lone_cells(imported: Path) -> None:
    op = _op(imported, "member.card.bind")
    assert request_fields(op) == {
        "card_param": (
            "CardBindParam",
            True,
            {
                "card_no": ("string", True, "6222000011112222"),
                "member_level": (I64, False, 2),
                "remark": ("string", False, NO_EXAMPLE),
                "points": (I64, False, 100),
            },
        )
    }
    assert response_fields(op) == {
        "result_data": (
            "ResultData",
            None,
            {
                "success": ("boolean", None, True),
                "result_msg": ("string", None, "ok"),
                "data": ("boolean", None, True),
            },
        )
    }
    fields = op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"][
        "properties"
    ]["card_param"]["properties"]
    assert fields["card_no"]["description"] == "会员卡号"
    assert fields["member_level"]["enum"] == [1, 2]
    assert fields["remark"]["description"] == "备注信息"
    assert "description" not in fields["points"]
    notes = _notes(imported, "member.card.bind")
    assert (
        "card_param.card_no (line 11): its example and description cells come in the other order "
        "(the Java request example shows the value `6222000011112222`)"
    ) in notes
    assert (
        "result_data.result_msg (line 38): its example and description cells come in the other "
        "order (the description is the cell in Chinese, `提示信息`)"
    ) in notes
    assert "card_param.remark (line 21): it has one cell, `备注信息`, read as its description" in (
        notes
    )


def test_a_page_cut_inside_its_response_example(imported: Path) -> None:
    op = _op(imported, "member.card.bind")
    assert op["x-top-doc"]["truncated"] is True
    notes = op["x-top-doc"]["inferred"]
    assert notes[:2] == [
        "the page is cut short at line 73, inside 响应示例; the sections after it are missing "
        "(异常示例, 错误码解释)",
        "the response example (line 70) is cut short: not used",
    ]
    assert "examples" not in op["responses"]["200"]["content"]["application/json"]
    assert op["x-top-business-result"] == {
        "path": "result_data",
        "success": "success",
        "message": "result_msg",
    }
