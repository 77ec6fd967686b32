"""The seven pages of more-pages/: every field's name, type, required flag, example and nesting,
checked against the page by hand, and what each import records as inferred or cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.generate import build

from .conftest import MORE_PAGES, operation, page, run_import, seed_only_spec
from .shapes import NO_EXAMPLE, request_fields, response_fields

I64 = "integer(int64)"
TOKENS = ("tenant_token", "ptnr_token", "channel_token")

EXPECTED: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "user.register": (
        {
            "user_register_param": (
                "UserRegisterParam",
                False,
                {
                    "ptnr_token": (
                        "string",
                        True,
                        "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5icqyWfwZ0zA==",
                    ),
                    "user_login_password": ("string", True, "QWA1q2w3e4r"),
                    "lang_type": (I64, False, 1),
                    "user_phone": ("string", False, "139xxxx4567"),
                    "user_email": ("string", False, "xxx@sina.com"),
                    "third_user_id": ("string", False, "66012345678"),
                    "tenant_token": ("string", True, "wBrZIAxcXYJ72Idfk1231+mCzqSXZLWtCnikX/VnjI="),
                    "channel_token": (
                        "string",
                        True,
                        "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5icqyWfwZ0zA==",
                    ),
                },
            )
        },
        {
            "result_data": (
                "ResultData",
                None,
                {
                    "result_msg": ("string", None, "xxxxx"),
                    "data": ("boolean", None, False),
                    "result_code": (I64, None, 10),
                    "success": ("boolean", None, False),
                },
            )
        },
    ),
    "user.register.byauthcode": (
        {
            "param0": (
                "UserRegisterByAuthCodeParam",
                True,
                {
                    "auth_code": ("string", True, "726311"),
                    "ptnr_token": ("string", True, "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2"),
                    "user_login_password": ("string", True, "QWA1q2w3e4r"),
                    "user_phone": ("string", True, "139xxxx4567"),
                    "tenant_token": ("string", True, "A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5icq"),
                    "channel_token": ("string", True, "XYJ72Idfk1231+mCzqSXZLWtCnikX/Vn"),
                    "code_type": (I64, True, 1),
                },
            )
        },
        {
            "result": (
                "ResultData",
                None,
                {
                    "result_msg": ("string", None, "成功"),
                    "data": (
                        "UserRegisterVo",
                        None,
                        {
                            "user_token": ("string", None, "J72Idfk1231+mCzqSXZLWt"),
                            "user_icon": ("string", None, "http://www.maitix/xxx/x.jpg"),
                            "user_phone": ("string", None, "136xxxx1234"),
                            "user_name": ("string", None, "赢x"),
                            "user_id": ("string", None, "2313112"),
                        },
                    ),
                    "result_code": (I64, None, 201),
                    "success": ("boolean", None, False),
                },
            )
        },
    ),
    "project.detail": (
        {
            "project_param": (
                "ProjectParam",
                True,
                {
                    "project_id": ("string", False, "32321311"),
                    "lang_type": (I64, False, 1),
                    "tenant_token": ("string", True, "BrZIAxcXYJ72Idfk1231+mCzqSXZLWtCnikX/"),
                    "ptnr_token": ("string", True, "v1KtwpNaDzuE459yus3m6F7FEG+2u39r5xP5icqyW"),
                    "channel_token": ("string", True, "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u39r5x"),
                },
            )
        },
        {
            "result_data": (
                "ResultData",
                None,
                {
                    "success": ("boolean", None, True),
                    "result_code": (I64, None, 20),
                    "result_msg": ("string", None, "成功"),
                    "project_vo": (
                        "ProjectVo",
                        None,
                        {
                            "project_id": ("string", None, "32131121"),
                            "project_name": ("string", None, "周杰伦演唱会"),
                            "project_start_time": ("string", None, "20190413 11:11:11"),
                            "project_end_time": ("string", None, "20190413 11:11:11"),
                            "project_seat_type": (I64, None, 1),
                            "project_sale_state": (I64, None, 1),
                            "project_type_id": ("string", None, "32131112"),
                            "project_img_url": ("string", None, "http:www.maitix.com/img.jpg"),
                            "project_detail": ("string", None, NO_EXAMPLE),  # cut: 周杰伦北京…
                        },
                    ),
                },
            )
        },
    ),
    "event.list": (
        {
            "project_param": (
                "ProjectParam",
                True,
                {
                    "project_id": ("string", True, "31211123111"),
                    "lang_type": (I64, False, 1),
                    "tenant_token": ("string", True, "wBrZIAxcXYJ72Idfk1231+mCzqSX"),
                    "ptnr_token": ("string", True, "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+2u39r5x"),
                    "channel_token": ("string", True, "St5dnxCv1KtwpNaDzuE459yus3m6F7F"),
                },
            )
        },
        {
            "result_data": (
                "ResultData",
                None,
                {
                    "success": ("boolean", None, False),
                    "result_code": (I64, None, 10),
                    "result_msg": ("string", None, "xxxxx"),
                    "event_vo_list": (
                        "EventVo[]",
                        None,
                        {
                            "event_id": ("string", None, "3123131"),
                            "event_name": ("string", None, "2019-10-31 星期四 20:00"),
                            "project_id": ("string", None, "413211241"),
                            "project_name": (
                                "string",
                                None,
                                "【北京站】开心麻花经典爆笑舞台剧《乌龙山伯爵》",
                            ),
                            "event_show_start_time": ("string", None, "2020-12-09 18:30"),
                            "event_show_end_time": ("string", None, "2020-12-09 20:30"),
                            "event_sale_state": (I64, None, 1),
                            "site_id": ("string", None, "31121"),
                            "site_name": ("string", None, "北京体育馆"),
                            # site_version_id is cut inside its type (`Stri`): left out
                        },
                    ),
                },
            )
        },
    ),
    "event.good.list": (
        {
            "event_param": (
                "EventParam",
                True,
                {
                    "event_id": ("string", True, "80280111"),
                    "lang_type": (I64, False, 1),
                    "tenant_token": ("string", True, "BrZIAxcXYJ72Idfk1231+mCzqSXZLWtCni"),
                    "ptnr_token": ("string", True, "A9UJj/8SWB5xLq54Tn623qFzG+2u39r5xP5"),
                    "channel_token": ("string", True, "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+"),
                },
            )
        },
        {
            "result_data": (
                "ResultData",
                None,
                {
                    "success": ("boolean", None, False),
                    "result_code": (I64, None, 10211),
                    "result_msg": ("string", None, "失败"),
                    "event_goods_vo": (
                        "EventGoodsVo",
                        None,
                        {
                            "event_id": ("string", None, "3213111"),
                            "price_vo_list": (
                                "PriceVo[]",
                                None,
                                {
                                    "child_list": (
                                        "ChildPriceVo[]",
                                        None,
                                        {
                                            "channel_authorize_state": (I64, None, 1),
                                            "margin_count": (I64, None, 13231),
                                            "sale_count": (I64, None, 2112),
                                            "goods_count": (I64, None, 2123),
                                        },
                                    ),
                                    "price": ("string", None, "18000"),
                                    "price_name": ("string", None, "180元"),
                                    "price_id": ("string", None, "3213111"),
                                    "price_color": ("string", None, "#2112"),
                                },
                            ),
                        },
                    ),
                },
            )
        },
    ),
    "order.submit": (
        {
            "grouped_submit_order_param": (
                "SubmitOrderParam",
                True,
                {
                    "cart_goods_param_list": (
                        "GroupedShoppingCartGoodsParam[]",
                        False,
                        {
                            "event_id": ("string", False, "1802131"),
                            "price_id": ("string", False, "1280121"),
                            "goods_id": ("string", False, "809921"),
                            "goods_count": (I64, False, 2131),
                            "coupon_group_id": ("string", False, "231213"),
                            "child_list": (
                                "ChildGroupedShoppingCartGoodsParam[]",
                                False,
                                {
                                    "price_id": ("string", False, "432131"),
                                    "goods_id": ("string", False, "421311"),
                                    "goods_count": (I64, False, 1),
                                },
                            ),
                        },
                    ),
                    "order_bearer_param": (
                        "OrderBearerParam",
                        False,
                        {
                            "bearer_id": ("string", False, "653231"),
                            "receivable_money": ("string", False, "180"),
                            "remark": ("string", False, "金牌"),
                            "shopping_cart_id": ("string", False, "3213131"),
                            "user_id": ("string", False, "5775654"),
                            "quick_buy": ("boolean", False, False),
                        },
                    ),
                },
            )
        },
        {},  # the page is cut before 响应参数
    ),
    "trade.pay.result.callback": (
        {
            "pay_param": (
                "PayParam",
                True,
                {
                    "user_id": ("string", False, "989311211"),
                    "order_id": ("string", True, "2313113"),
                    "pay_money": ("string", True, "18000"),
                    "pay_type_id": ("string", True, "32189101"),
                    "user_account_pay_password": ("string", False, "jijjhia121"),
                    "pay_no": ("string", False, "wx8923981200012"),
                    "pay_desc": ("string", False, "支付宝支付"),
                    "lang_type": (I64, False, 1),
                    "tenant_token": ("string", True, "wBrZIAxcXYJ72Idfk1231+mCzqSXZLWtC"),
                    "ptnr_token": ("string", True, "Fbq3A9UJj/8SWB5xLq54Tn623qFzG+2u39"),
                    "channel_token": ("string", True, "St5dnxCv1KtwpNaDzuE459yus3m"),
                    "user_token": ("string", False, "3213121"),
                },
            )
        },
        {
            "result_data": (
                "ResultData",
                None,
                {
                    "success": ("boolean", None, True),
                    "result_code": (I64, None, 200),
                    "result_msg": ("string", None, "成功"),
                    "shopping_cart_vo": (
                        "ShoppingCartVo",
                        None,
                        {
                            "shopping_cart_id": ("string", None, "32138011"),
                            "order_id": ("string", None, "321897931110"),
                            "cart_goods_list": ("CartGoodsVo[]", None, {}),  # fields cut
                        },
                    ),
                },
            )
        },
    ),
}
ENUMS = {
    "user.register": {"lang_type": [(1, "中文"), (2, "英文")]},
    "user.register.byauthcode": {"code_type": [(1, "注册"), (2, "修改密码")]},
    "project.detail": {
        "lang_type": [(1, "中文"), (2, "英文")],
        "project_seat_type": [(1, "有座"), (2, "无座")],
        "project_sale_state": [(1, "待销售"), (2, "销售中"), (3, "销售结束")],
    },
    "event.list": {
        "lang_type": [(1, "中文"), (2, "英文")],
        "event_sale_state": [(1, "待销售"), (2, "销售中"), (3, "销售结束")],
    },
    "event.good.list": {
        "lang_type": [(1, "中文"), (2, "英文")],
        "channel_authorize_state": [(1, "已授权"), (2, "未授权")],
    },
    "order.submit": {},
    "trade.pay.result.callback": {"lang_type": [(1, "中文"), (2, "英文")]},
}
IDEMPOTENT = {"project.detail", "event.list", "event.good.list"}
RESULT_PATHS = {
    "user.register": "result_data",
    "user.register.byauthcode": "result",
    "project.detail": "result_data",
    "event.list": "result_data",
    "event.good.list": "result_data",
    "trade.pay.result.callback": "result_data",
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A spec with all seven pages imported."""
    spec = seed_only_spec(tmp_path_factory.mktemp("imported") / "spec")
    assert run_import(*sorted(MORE_PAGES.glob("*.txt")), "--spec", spec) == 0
    return spec


def _op(spec: Path, name: str) -> dict[str, Any]:
    return operation(spec, f"alibaba.damai.maizuo.openapi.{name}")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_field_as_the_page_shows_it(imported: Path, name: str) -> None:
    request, response = EXPECTED[name]
    op = _op(imported, name)
    assert request_fields(op) == request
    assert response_fields(op) == response


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_enums_from_descriptions(imported: Path, name: str) -> None:
    found: dict[str, list[tuple[int, str]]] = {}

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            if "x-top-enum" in node:
                assert node["enum"] == [m["value"] for m in node["x-top-enum"]]
                assert all(set(m) == {"value", "label"} for m in node["x-top-enum"])
                found[key] = [(m["value"], m["label"]) for m in node["x-top-enum"]]
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    walk(_op(imported, name))
    assert found == ENUMS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_defaults_and_truncation(imported: Path, name: str) -> None:
    op = _op(imported, name)
    assert op["x-top-doc"]["source"] == page(name).name
    assert op["x-top-doc"]["truncated"] is True
    assert op["x-top-idempotent"] is (name in IDEMPOTENT)
    assert op["x-top-session"] == "none"
    result = op.get("x-top-business-result")
    if name in RESULT_PATHS:
        assert result == {
            "path": RESULT_PATHS[name],
            "success": "success",
            "code": "result_code",
            "message": "result_msg",
        }
    else:
        assert result is None
    notes = op["x-top-doc"]["inferred"]
    assert any(n.startswith("x-top-idempotent: ") for n in notes)
    assert any(n.startswith("x-top-session: none") for n in notes)
    # no page has a whole Java, response or error example
    media = op["responses"]["200"]["content"]
    assert "examples" not in media["application/json"] and "application/xml" not in media
    assert "examples" not in op["requestBody"]["content"]["application/x-www-form-urlencoded"]


def test_the_imported_spec_is_valid_and_builds(imported: Path) -> None:
    api = build(imported)
    assert len(api.operations) == 8


def _notes(spec: Path, name: str) -> list[str]:
    notes: list[str] = _op(spec, name)["x-top-doc"]["inferred"]
    return notes


def test_event_list_notes(imported: Path) -> None:
    notes = _notes(imported, "event.list")
    assert notes[0].startswith("the page is cut short at line 93, inside 响应参数")
    assert (
        "the response field site_version_id (line 92) is left out: the page ends inside it, "
        "before its type is whole (`• Stri`)" in notes
    )
    assert any(
        n.startswith("result_data.event_vo_list[] (EventVo): event_name … site_name") for n in notes
    )


def test_event_good_list_notes(imported: Path) -> None:
    notes = _notes(imported, "event.good.list")
    assert "the page ends at line 98 with an empty bullet" in " ".join(notes)
    assert (
        "result_data.event_goods_vo.price_vo_list[].price (line 82) is placed in PriceVo, not in "
        "ChildPriceVo: its name contains the name of PriceVo but not that of ChildPriceVo"
    ) in notes
    assert any(
        n.startswith("result_data.event_goods_vo.price_vo_list[].child_list[] (ChildPriceVo): ")
        and "some may belong to PriceVo" in n
        for n in notes
    )


def test_order_submit_notes(imported: Path) -> None:
    notes = _notes(imported, "order.submit")
    assert notes[0].startswith("the page is cut short at line 92, inside 请求参数")
    assert "the page has no 响应参数 table: the response lists only request_id" in notes
    assert (
        "grouped_submit_order_param.order_bearer_param (line 59) is placed in SubmitOrderParam, "
        "not in ChildGroupedShoppingCartGoodsParam: its struct OrderBearerParam shares a name with "
        "SubmitOrderParam"
    ) in notes
    assert (
        "grouped_submit_order_param.order_bearer_param.quick_buy (line 88): the page is cut at "
        "line 92, inside this field: its description may be incomplete"
    ) in notes
    quick_buy = _op(imported, "order.submit")["requestBody"]["content"][
        "application/x-www-form-urlencoded"
    ]["schema"]["properties"]["grouped_submit_order_param"]["properties"]["order_bearer_param"][
        "properties"
    ][
        "quick_buy"
    ]
    assert quick_buy["description"] == "是否是快速购买:true=快速购买,false=购物车购买,如果"


def test_project_detail_notes(imported: Path) -> None:
    notes = _notes(imported, "project.detail")
    assert (
        "result_data.project_vo.project_detail (line 88): the page is cut at line 90, inside this "
        "field: its example `周杰伦北京` may be incomplete and is left out"
    ) in notes


def test_trade_pay_result_callback_swapped_cells(imported: Path) -> None:
    op = _op(imported, "trade.pay.result.callback")
    fields = op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"][
        "properties"
    ]["pay_param"]["properties"]
    for token in TOKENS:
        assert fields[token]["description"] == "向api服务提供商获取"
    assert fields["pay_desc"]["description"] == "支付说明"  # both cells in Chinese: page order
    assert fields["user_token"]["description"] == "userId"
    notes = _notes(imported, "trade.pay.result.callback")
    swapped = [n for n in notes if "come in the other order" in n]
    assert [n.split(" ")[0] for n in swapped] == [f"pay_param.{t}" for t in TOKENS]
    assert (
        "result_data.shopping_cart_vo.cart_goods_list (line 99): the page is cut before the fields "
        "of CartGoodsVo: it has no known fields"
    ) in notes


def test_user_register_byauthcode_notes(imported: Path) -> None:
    notes = _notes(imported, "user.register.byauthcode")
    assert "the Java request example (line 96) is cut short: not used" in notes
    assert (
        "result.result_code (line 78) is placed in ResultData, not in UserRegisterVo: it is a "
        "business-result field, like the ones already there"
    ) in notes


def test_descriptions_are_kept_as_written(imported: Path) -> None:
    op = _op(imported, "project.detail")
    vo = op["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"][0]
    fields = vo["properties"]["alibaba_damai_maizuo_openapi_project_detail_response"]["properties"][
        "result_data"
    ]["properties"]["project_vo"]["properties"]
    assert fields["project_seat_type"]["description"] == "项目座位类型 1=有座、2=无座"
    assert fields["project_start_time"]["description"] == (
        "项目开始时间,精确到分,格式:yyyy-MM-dd HH:mm"
    )
    assert op["summary"] == "项目信息查询"
    assert op["description"] == "获取单个项目信息,返回值包含项目下场次信息列表"
