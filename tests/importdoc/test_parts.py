"""The importer's parts on their own: enums in descriptions, the Java example, the YAML style,
the nesting rules the real pages do not exercise."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.importdoc.javaexample import JavaLiteral, JavaObject, literal, read_java
from generator.importdoc.nesting import struct_words
from generator.importdoc.operation import build_path_item
from generator.importdoc.parse import parse_page
from generator.importdoc.rootfile import Root
from generator.importdoc.values import read_enum
from generator.importdoc.yamlout import to_yaml

from .conftest import SPEC
from .shapes import response_fields

ROOT = Root.read((SPEC / "openapi.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("description", "enum"),
    [
        ("验证码类型,1=注册,2=修改密码", [(1, "注册"), (2, "修改密码")]),
        ("1=男,2=女,0=保密", [(1, "男"), (2, "女"), (0, "保密")]),
        ("语言类型:1=中文,2=英文", [(1, "中文"), (2, "英文")]),
        (
            "场次销售状态:1=待销售;2=销售中;3=销售结束",
            [(1, "待销售"), (2, "销售中"), (3, "销售结束")],
        ),
        ("项目座位类型 1=有座、2=无座", [(1, "有座"), (2, "无座")]),
        ("状态：1=开启，2=关闭。", [(1, "开启"), (2, "关闭")]),
        ("key=票档ID,value=票档信息对象", []),
        ("子商品数量;子商品 数量默认1", []),
        ("只有一个 1=值", []),
        ("重复 1=开,1=关", []),
    ],
)
def test_enums_in_descriptions(description: str, enum: list[tuple[int, str]]) -> None:
    assert list(read_enum(description)) == enum


def test_java_literals() -> None:
    assert literal("1L") == JavaLiteral("integer", "1")
    assert literal("-2") == JavaLiteral("integer", "-2")
    assert literal("1.5D") == JavaLiteral("number", "1.5")
    assert literal("true") == JavaLiteral("boolean", "true")
    assert literal('"a\\"b;c\\u4e2d"') == JavaLiteral("string", 'a"b;c中')
    assert literal('StringUtils.parseDateTime("2018-01-01 00:00:00")') == JavaLiteral(
        "date", "2018-01-01 00:00:00"
    )
    assert literal("new Date()") == JavaLiteral("other", "new Date()")


def test_a_java_example_as_a_tree() -> None:
    java = read_java(
        "XRequest req = new XRequest();\n"
        "XRequest.P obj1 = new XRequest.P();\n"
        'obj1.setName("a; b");\n'
        "req.setParam0(obj1);\n"
        "req.setCount(3L);\n"
    )
    assert java is not None
    assert java.request_class == "XRequest"
    assert java.params == (
        ("Param0", JavaObject("P", (("Name", JavaLiteral("string", "a; b")),))),
        ("Count", JavaLiteral("integer", "3")),
    )
    assert read_java("<?php $c = new TopClient; ?>") is None


def test_struct_words() -> None:
    assert struct_words("ChildPriceVo") == {"child", "price"}
    assert struct_words("OrderBearerParam") == {"order", "bearer"}
    assert struct_words("ResultData") == {"result", "data"}
    assert struct_words("Vo") == {"vo"}


PAGE = """alibaba.damai.maizuo.openapi.x.get (测试)

说明

请求参数

名称 类型 是否必须 示例值 更多限制 描述

响应参数

名称 类型 示例值 描述
result ResultData 请求结果
  • └ success
  • Boolean
  • true
  • 是否成功
  • item
  • ItemVo
  • 数据
  • └ id
  • String
  • 1
  • ID
  • └ count
  • Number
  • 5
  • 数量
  • └ id
  • String
  • 2
  • 结果ID

错误码解释
"""


def test_a_name_taken_in_the_nested_struct_closes_it() -> None:
    item = build_path_item(parse_page(PAGE, "x.txt"), ROOT)["post"]
    assert response_fields(item) == {
        "result": (
            "ResultData",
            None,
            {
                "success": ("boolean", None, True),
                "item": (
                    "ItemVo",
                    None,
                    {"id": ("string", None, "1"), "count": ("integer(int64)", None, 5)},
                ),
                "id": ("string", None, "2"),
            },
        )
    }
    notes = item["x-top-doc"]["inferred"]
    assert (
        "result.id (line 28) is placed in ResultData, not in ItemVo: ItemVo already has a field id"
        in notes
    )
    assert "requestBody" not in item  # an empty request table: no parameters


def test_yaml_style() -> None:
    text = to_yaml(
        {
            "required": ["a", "b"],
            "x-top-enum": [{"value": 1, "label": "注册"}],
            "text": "<a>\n  <b>中</b>\n</a>",
            "$ref": "../openapi.yaml#/components/schemas/ErrorEnvelope",
            "notes": ["x" * 60, "y" * 60],
            "oneOf": [{"type": "object"}],
            "example": "2018-01-01 00:00:00",
            "number": "123",
        }
    )
    assert text == (
        "required: [a, b]\n"
        "x-top-enum:\n"
        "  - {value: 1, label: 注册}\n"
        "text: |-\n"
        "  <a>\n"
        "    <b>中</b>\n"
        "  </a>\n"
        "$ref: '../openapi.yaml#/components/schemas/ErrorEnvelope'\n"
        "notes:\n"
        f"  - {'x' * 60}\n"
        f"  - {'y' * 60}\n"
        "oneOf:\n"
        "  - type: object\n"
        "example: '2018-01-01 00:00:00'\n"
        "number: '123'\n"
    )
    assert yaml.safe_load(text)["number"] == "123"


def test_the_root_keeps_windows_line_ends(tmp_path: Path) -> None:
    text = "openapi: 3.1.0\r\npaths:\r\n  /b:\r\n    $ref: endpoints/b.yaml\r\ncomponents: {}\r\n"
    updated = Root.read(text).with_path("/a", "endpoints/a.yaml")
    assert updated == text.replace("  /b:", "  /a:\r\n    $ref: endpoints/a.yaml\r\n  /b:")
    assert Root.read(updated).with_path("/a", "endpoints/a.yaml") == updated
