"""Page layouts of real TOP doc pages beyond the first eight, each on a small page of our own:
a breadcrumb and nested parentheses in the title, 更多限制 written as bullet lines (with the
following lines indented), every constraint kind, the Json, byte and Price types, enums written
with spaces or full-width separators or on lists, a row cut after its name and type, cells whose
order the values decide, business results named code/msg, and queries named in one word."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .conftest import Runner, operation

METHOD = "alibaba.damai.maizuo.openapi.layout.check"
TAIL = """
错误码解释

错误码 错误描述 解决方案
"""


def _import(text: str, spec: Path, tmp_path: Path, import_doc: Runner) -> dict[str, Any]:
    page = tmp_path / f"{METHOD}.txt"
    page.write_text(text, encoding="utf-8")
    result = import_doc(page, "--spec", spec)
    assert result.status == 0, result.err
    return operation(spec, METHOD)


def _request(op: dict[str, Any]) -> dict[str, Any]:
    schema = op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    properties: dict[str, Any] = schema["properties"]
    return properties


def _response(op: dict[str, Any]) -> dict[str, Any]:
    envelope = op["responses"]["200"]["content"]["application/json"]["schema"]["oneOf"][0]
    (inner,) = envelope["properties"].values()
    properties: dict[str, Any] = inner["properties"]
    return properties


def _notes(op: dict[str, Any]) -> list[str]:
    notes: list[str] = op["x-top-doc"]["inferred"]
    return notes


BULLET_CONSTRAINTS = f"""文档中心 > API类目 > 大麦票务云分销API

{METHOD} (会员注册(支持实名制))

说明

公共参数

请求参数

名称 类型 是否必须 示例值 更多限制 描述
third_user_id String 可选 3719391771
  • 最大长度:64
  • 最小长度:2
  • 外部系统会员id
    sex Number 可选 1 性别:1=男,2=女,0=保密
    province_code Number 可选 110000
  • 最大长度:6
  • 省份代码
    seat_count Number 可选 2
  • 最大值:20
  • 最小值:1
  • 默认值:1
  • 座位数
    seat_ids String [] 可选 1,2
  • 最大列表长度:20
  • 最小列表长度:1
  • 座位ids
    param QueryParam 必须
  • 默认值:1
  • 查询参数
    • └ order_id
    • Number
    • 必须
    • 10010011588
    • 订单ID

    响应参数

    名称 类型 示例值 描述
    result ResultData 1 请求结果
    • └ msg
    • String
    • 成功
    • 提示信息
    • └ code
    • String
    • 200
    • 状态码
    • └ success
    • Boolean
    • true
    • 是否成功
{TAIL}"""


def test_breadcrumb_nested_title_and_bullet_constraints(
    spec: Path, tmp_path: Path, import_doc: Runner
) -> None:
    op = _import(BULLET_CONSTRAINTS, spec, tmp_path, import_doc)
    assert op["summary"] == "会员注册(支持实名制)"
    assert op["description"] == "说明"
    fields = _request(op)
    assert list(fields) == [
        "third_user_id",
        "sex",
        "province_code",
        "seat_count",
        "seat_ids",
        "param",
    ]
    assert fields["third_user_id"] == {
        "type": "string",
        "description": "外部系统会员id",
        "maxLength": 64,
        "minLength": 2,
        "examples": ["3719391771"],
    }
    assert fields["sex"]["enum"] == [1, 2, 0]
    # a Number's maximum length is a number of digits
    assert fields["province_code"]["maximum"] == 999999
    assert fields["province_code"]["examples"] == [110000]
    assert (fields["seat_count"]["maximum"], fields["seat_count"]["minimum"]) == (20, 1)
    assert fields["seat_count"]["default"] == 1
    assert (fields["seat_ids"]["maxItems"], fields["seat_ids"]["minItems"]) == (20, 1)
    assert fields["seat_ids"]["examples"] == [["1", "2"]]
    assert fields["param"]["description"] == "查询参数"
    assert list(fields["param"]["properties"]) == ["order_id"]
    assert list(_response(op)["result"]["properties"]) == ["msg", "code", "success"]
    notes = _notes(op)
    # nothing the page says is dropped silently
    assert any("province_code" in n and "at most 6 digits: maximum 999999" in n for n in notes)
    assert any(n.startswith("param (line") and "默认值:1 does not fit" in n for n in notes)
    assert any("the cell `1` is left out: a struct has no example" in n for n in notes)


TYPES_AND_ENUMS = f"""{METHOD} (类型)

说明

公共参数

请求参数

名称 类型 是否必须 示例值 更多限制 描述
params Json 可选 {{"key": "value"}} 预留参数
flag byte 可选 1 标志:1=是 2=否
amount Price 可选 12.50 金额
ticket_type Number 可选 1 票类型:1=纸质票 2=身份证电子票 3=二维码
state Number 可选 2 状态：1＝待销售；2＝销售中；3＝销售结束
place_types Number [] 可选 1,2 取票点类型list,1=人工服务,2=自助取票机

响应参数

名称 类型 示例值 描述
data Json {{}} 锁座id
{TAIL}"""


def test_json_byte_price_and_enums(spec: Path, tmp_path: Path, import_doc: Runner) -> None:
    op = _import(TYPES_AND_ENUMS, spec, tmp_path, import_doc)
    fields = _request(op)
    assert fields["params"] == {
        "type": "string",
        "contentMediaType": "application/json",
        "description": "预留参数",
        "examples": ['{"key": "value"}'],
    }
    assert fields["flag"]["type"] == "integer"
    assert (fields["flag"]["minimum"], fields["flag"]["maximum"]) == (-128, 127)
    assert fields["flag"]["enum"] == [1, 2]
    assert fields["amount"] == {"type": "string", "description": "金额", "examples": ["12.50"]}
    assert [e["label"] for e in fields["ticket_type"]["x-top-enum"]] == [
        "纸质票",
        "身份证电子票",
        "二维码",
    ]
    assert fields["state"]["enum"] == [1, 2, 3]
    items = fields["place_types"]["items"]
    assert items["enum"] == [1, 2]
    assert fields["place_types"]["examples"] == [[1, 2]]
    assert _response(op)["data"]["examples"] == ["{}"]


CELLS = f"""{METHOD} (单元格)

说明

公共参数

请求参数

名称 类型 是否必须 示例值 更多限制 描述
param SeatParam 必须 参数
  • └ row_name
  • String
  • 必须
  • 1排
  • row name of the seat
  • └ ext_info
  • String
  • 可选
  • {{"key":"value"}}
  • └ token
  • String
  • 必须
  • 向api服务提供商获取
  • wBrZIAxcXYJ72Idfk1231
  • └ consign_time
  • Date
  • 可选
  • 1
  • 发货时间

响应参数

名称 类型 示例值 描述
result ResultData 请求结果
  • └ code
  • String
  • 200
  • 状态码
  • └ msg
  • String
  • 成功
  • 提示信息
  • └ success
  • Boolean
  • true
  • 是否成功
"""


def test_cells_in_place_json_examples_and_dates(
    spec: Path, tmp_path: Path, import_doc: Runner
) -> None:
    op = _import(CELLS, spec, tmp_path, import_doc)
    fields = _request(op)["param"]["properties"]
    # a Chinese example before an English description is in place: the order says so
    assert fields["row_name"]["examples"] == ["1排"]
    assert fields["row_name"]["description"] == "row name of the seat"
    assert fields["ext_info"]["examples"] == ['{"key":"value"}']
    assert "description" not in fields["ext_info"]
    # a description in Chinese before a token: swapped
    assert fields["token"]["examples"] == ["wBrZIAxcXYJ72Idfk1231"]
    assert "examples" not in fields["consign_time"]
    notes = _notes(op)
    assert any("consign_time" in n and "`1` is not a date" in n for n in notes)
    assert not any("row_name" in n and "other order" in n for n in notes)
    assert op["x-top-business-result"] == {
        "path": "result",
        "success": "success",
        "code": "code",
        "message": "msg",
    }


CUT_ROW = """alibaba.damai.maizuo.openapi.performinfo.queryperforminfolist (场次列表)

说明

公共参数

请求参数

名称 类型 是否必须 示例值 更多限制 描述
project_id String 必须 1273693615230
  • 最大长度:20
  • 麦座项目id
    city_name String 可选 北京市 城市名称
    area_code String
"""


def test_a_row_cut_after_its_type_and_a_query_in_one_word(
    spec: Path, tmp_path: Path, import_doc: Runner
) -> None:
    page = tmp_path / "alibaba.damai.maizuo.openapi.performinfo.queryperforminfolist.txt"
    page.write_text(CUT_ROW, encoding="utf-8")
    result = import_doc(page, "--spec", spec)
    assert result.status == 0, result.err
    op = operation(spec, "alibaba.damai.maizuo.openapi.performinfo.queryperforminfolist")
    assert list(_request(op)) == ["project_id", "city_name"]
    notes = _notes(op)
    assert any("area_code (line 14) is left out" in n for n in notes)
    assert op["x-top-idempotent"] is True
    assert any(
        n.startswith("x-top-idempotent: true, inferred from the word `query`") for n in notes
    )


LIST_THEN_OUTER = f"""{METHOD} (列表之后)

说明

公共参数

请求参数

名称 类型 是否必须 示例值 更多限制 描述
param OrderRenderParam 必须 入参
  • render_goods_list
  • RenderGoods4c []
  • 必须
  • 商品
  • └ seat_id
  • String
  • 可选
  • 93848215304
  • 座位id
  • └ price_id
  • String
  • 必须
  • 937491013
  • 单票票档id
  • └ order_promotion_rule_id
  • String
  • 可选
  • 19273
  • 订单优惠规则id
  • └ coupon_code
  • String
  • 可选
  • ua3sk83781h13
  • 优惠码
{TAIL}"""


def test_a_field_about_the_enclosing_struct_leaves_the_list_items(
    spec: Path, tmp_path: Path, import_doc: Runner
) -> None:
    op = _import(LIST_THEN_OUTER, spec, tmp_path, import_doc)
    param = _request(op)["param"]
    items = param["properties"]["render_goods_list"]["items"]
    assert list(items["properties"]) == ["seat_id", "price_id"]
    # the items are closed: what follows belongs to the enclosing struct too
    assert list(param["properties"]) == [
        "render_goods_list",
        "order_promotion_rule_id",
        "coupon_code",
    ]
    assert any(
        "order_promotion_rule_id (line 25) is placed in OrderRenderParam, not in RenderGoods4c: "
        "its subject (order)" in n
        for n in _notes(op)
    )


def test_a_field_of_no_shared_subject_stays_with_the_items_noted(
    spec: Path, tmp_path: Path, import_doc: Runner
) -> None:
    op = _import(
        LIST_THEN_OUTER.replace("order_promotion_rule_id", "promotion_rule_id"),
        spec,
        tmp_path,
        import_doc,
    )
    items = _request(op)["param"]["properties"]["render_goods_list"]["items"]
    assert list(items["properties"]) == ["seat_id", "price_id", "promotion_rule_id", "coupon_code"]
    assert any("may belong to OrderRenderParam" in n for n in _notes(op))
