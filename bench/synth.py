"""Synthetic TOP specs for the generation benchmark.

It runs past 400 lines because most of it is the three endpoint shapes (query, plain, create)
written out field by field as the doc pages show them; split, one picture would be scattered.

``write_spec(folder, n)`` writes a spec of ``n`` endpoints in the project's own layout (a root
``openapi.yaml`` with the project's shared components, one Path Item file per endpoint under
``endpoints/``). The endpoints look like the Damai Maizuo doc pages: a struct parameter
(``param0``) holding nested structs, lists of structs and of scalars, enums with ``x-top-enum``
labels, date-times, constraints, Chinese titles and descriptions, request, response, error and
XML examples that validate. Three shapes alternate: a paged query, a call with plain form
parameters, and a create call with nested lists.

``write_peer_document(spec, path)`` bundles such a spec with ``generator.load.load_spec`` into
one OpenAPI JSON document for openapi-python-client, adapted where it reads OpenAPI differently:
struct titles are made unique across endpoints (ours scopes them per endpoint; it names classes
after titles globally), and the ``x-top-*`` extensions and XML media types, which it ignores, are
left out.

Run as a script: ``python bench/synth.py OUT_FOLDER N`` writes ``OUT_FOLDER/spec`` and
``OUT_FOLDER/openapi.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "alibaba.damai.maizuo.openapi."

TOPS = (
    "perform",
    "order",
    "ticket",
    "venue",
    "seat",
    "member",
    "coupon",
    "refund",
    "project",
    "schedule",
    "channel",
    "invoice",
)
SUBS = (
    "info",
    "detail",
    "status",
    "price",
    "stock",
    "batch",
    "record",
    "config",
    "notice",
    "audit",
    "item",
    "plan",
    "rule",
    "area",
    "quota",
)
VERBS = ("query", "get", "create", "cancel", "update", "sync", "confirm", "search")
TOPS_ZH = dict(
    zip(
        TOPS,
        (
            "演出",
            "订单",
            "票品",
            "场馆",
            "座位",
            "会员",
            "优惠券",
            "退款",
            "项目",
            "场次",
            "渠道",
            "发票",
        ),
        strict=True,
    )
)
SUBS_ZH = dict(
    zip(
        SUBS,
        (
            "信息",
            "详情",
            "状态",
            "价格",
            "库存",
            "批次",
            "记录",
            "配置",
            "通知",
            "审核",
            "条目",
            "计划",
            "规则",
            "区域",
            "配额",
        ),
        strict=True,
    )
)
VERBS_ZH = dict(
    zip(
        VERBS,
        ("查询", "获取", "创建", "取消", "更新", "同步", "确认", "搜索"),
        strict=True,
    )
)
TOKEN = "St5dnxCv1KtwpNaDzuE459yus3m6F7FEG+2u"


def method_name(i: int) -> str:
    """The TOP method of endpoint ``i``: ``alibaba.damai.maizuo.openapi.<top>.<sub>.<verb>``."""
    top = TOPS[i % len(TOPS)]
    sub = SUBS[(i // len(TOPS)) % len(SUBS)]
    round_ = i // (len(TOPS) * len(SUBS))
    verb = VERBS[round_ % len(VERBS)]
    extra = round_ // len(VERBS)
    return f"{PREFIX}{top}.{sub}{extra or ''}.{verb}"


def _pascal(*words: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words)


def _enum(
    title: str, kind: str, description: str, members: list[tuple[Any, str, str]]
) -> dict[str, Any]:
    schema: dict[str, Any] = {"title": title, "type": kind}
    if kind == "integer":
        schema["format"] = "int32"
    schema["description"] = description
    schema["enum"] = [value for value, _, _ in members]
    schema["x-top-enum"] = [
        {"value": value, "name": name, "label": label} for value, name, label in members
    ]
    schema["examples"] = [members[0][0]]
    return schema


def _string(description: str, example: str, **more: Any) -> dict[str, Any]:
    return {"type": "string", "description": description, **more, "examples": [example]}


def _integer(description: str, example: int, fmt: str = "int64", **more: Any) -> dict[str, Any]:
    return {
        "type": "integer",
        "format": fmt,
        "description": description,
        **more,
        "examples": [example],
    }


def _number(description: str, example: float, **more: Any) -> dict[str, Any]:
    return {"type": "number", "description": description, **more, "examples": [example]}


def _datetime(description: str, example: str) -> dict[str, Any]:
    return {
        "type": "string",
        "format": "date-time",
        "description": description,
        "examples": [example],
    }


def _object(
    title: str, description: str, properties: dict[str, Any], required: list[str] | None = None
) -> dict[str, Any]:
    schema: dict[str, Any] = {"title": title, "description": description, "type": "object"}
    if required:
        schema["required"] = required
    schema["properties"] = properties
    return schema


def _array(description: str, items: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"type": "array", "description": description, "items": items, **more}


def _sale_status() -> dict[str, Any]:
    return _enum(
        "SaleStatus",
        "string",
        "售卖状态,ON_SALE=售票中,SOLD_OUT=已售罄,OFF=已下架",
        [
            ("ON_SALE", "ON_SALE", "售票中"),
            ("SOLD_OUT", "SOLD_OUT", "已售罄"),
            ("OFF", "OFF", "已下架"),
        ],
    )


def _result(
    stem: str, what: str, extra: dict[str, Any], example_extra: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``result`` struct every reply carries, with ``extra`` fields, and its example."""
    properties = {
        "success": {"type": "boolean", "description": "请求结果是否成功", "examples": [True]},
        "result_code": _integer("请求结果code", 200),
        "result_msg": _string("请求结果提示", "成功"),
        **extra,
    }
    example = {"success": True, "result_code": 200, "result_msg": "成功", **example_extra}
    return _object(f"{stem}Result", f"{what}的结果", properties), example


def _venue_vo() -> tuple[dict[str, Any], dict[str, Any]]:
    schema = _object(
        "VenueVo",
        "场馆信息",
        {
            "venue_id": _integer("场馆ID", 3001),
            "venue_name": _string("场馆名称", "梅赛德斯-奔驰文化中心"),
            "address": _string("场馆地址", "上海市浦东新区世博大道1200号"),
            "city_code": _string("城市编码", "310000"),
        },
    )
    example = {
        "venue_id": 3001,
        "venue_name": "梅赛德斯-奔驰文化中心",
        "address": "上海市浦东新区世博大道1200号",
        "city_code": "310000",
    }
    return schema, example


def _price_vo() -> tuple[dict[str, Any], dict[str, Any]]:
    schema = _object(
        "PriceVo",
        "票档信息",
        {
            "price_id": _integer("票档ID", 880001),
            "price": _number("票价(元)", 380.0, minimum=0),
            "price_name": _string("票档名称", "看台380元"),
            "sale_status": _sale_status(),
        },
        ["price_id", "price"],
    )
    example = {
        "price_id": 880001,
        "price": 380.0,
        "price_name": "看台380元",
        "sale_status": "ON_SALE",
    }
    return schema, example


def _query(stem: str, what: str) -> dict[str, Any]:
    """A paged query: ``param0`` with a nested filter struct, a list of structs in the reply."""
    seat_type = _enum(
        "SeatType",
        "string",
        "座位类型,VIP=贵宾席,A=A区,B=B区",
        [("VIP", "VIP", "贵宾席"), ("A", "A", "A区"), ("B", "B", "B区")],
    )
    param = _object(
        f"{stem}Param",
        f"{what}参数对象",
        {
            "tenant_token": _string("向api服务提供商获取", TOKEN, maxLength=64),
            "perform_id": _integer("演出ID", 600123),
            "status": _enum(
                "PerformStatus",
                "integer",
                "演出状态,0=待开售,1=售票中,2=已结束",
                [(0, "PENDING", "待开售"), (1, "ON_SALE", "售票中"), (2, "ENDED", "已结束")],
            ),
            "city_codes": _array(
                "城市编码列表", {"type": "string"}, maxItems=20, examples=[["330100", "310000"]]
            ),
            "page_no": _integer("页码,从1开始", 1, "int32", minimum=1),
            "page_size": _integer(
                "每页条数,最大100", 20, "int32", minimum=1, maximum=100, default=20
            ),
            "start_time": _datetime("开始时间(GMT+8)", "2024-05-01 19:30:00"),
            "filter": _object(
                "PriceFilter",
                "价格筛选条件",
                {
                    "min_price": _number("最低价(元)", 80.0, minimum=0),
                    "max_price": _number("最高价(元)", 1280.0, minimum=0),
                    "seat_types": _array("座位类型", seat_type),
                },
            ),
        },
        ["tenant_token", "page_no"],
    )
    request = {
        "param0": {
            "tenant_token": TOKEN,
            "perform_id": 600123,
            "status": 1,
            "city_codes": ["330100", "310000"],
            "page_no": 1,
            "page_size": 20,
            "start_time": "2024-05-01 19:30:00",
            "filter": {"min_price": 80.0, "max_price": 1280.0, "seat_types": ["VIP", "A"]},
        }
    }
    venue, venue_example = _venue_vo()
    price, price_example = _price_vo()
    item = _object(
        "PerformVo",
        "演出信息",
        {
            "perform_id": _integer("演出ID", 600123),
            "perform_name": _string("演出名称", "2024 巡回演唱会 上海站"),
            "sale_status": _sale_status(),
            "show_time": _datetime("开演时间(GMT+8)", "2024-05-01 19:30:00"),
            "prices": _array("票档列表", price),
            "venue": venue,
            "tags": _array("标签", {"type": "string"}, examples=[["演唱会", "热门"]]),
        },
    )
    item_example = {
        "perform_id": 600123,
        "perform_name": "2024 巡回演唱会 上海站",
        "sale_status": "ON_SALE",
        "show_time": "2024-05-01 19:30:00",
        "prices": [price_example],
        "venue": venue_example,
        "tags": ["演唱会", "热门"],
    }
    result, result_example = _result(
        stem,
        what,
        {"total_count": _integer("总条数", 1), "model": _array(f"{what}的列表", item)},
        {"total_count": 1, "model": [item_example]},
    )
    return {
        "params": {"type": "object", "required": ["param0"], "properties": {"param0": param}},
        "encoding": {"param0": {"contentType": "application/json"}},
        "request": request,
        "result": result,
        "result_example": result_example,
        "idempotent": True,
        "session": "none",
    }


def _plain(stem: str, what: str) -> dict[str, Any]:
    """Plain form parameters: integers, a comma-joined list, an enum, date-times."""
    channel = _enum(
        "Channel",
        "string",
        "销售渠道,APP=大麦App,H5=H5页面,MINI=小程序",
        [("APP", "APP", "大麦App"), ("H5", "H5", "H5页面"), ("MINI", "MINI", "小程序")],
    )
    params = {
        "type": "object",
        "required": ["perform_id", "fields"],
        "properties": {
            "perform_id": _integer("演出ID", 600123),
            "fields": _array(
                "需要返回的字段,逗号分隔", {"type": "string"}, minItems=1, examples=[["id", "name"]]
            ),
            "channel": channel,
            "start_time": _datetime("开始时间(GMT+8)", "2024-05-01 00:00:00"),
            "end_time": _datetime("结束时间(GMT+8)", "2024-05-31 23:59:59"),
            "page_size": _integer("每页条数", 20, "int32", minimum=1, maximum=100),
        },
    }
    request = {
        "perform_id": 600123,
        "fields": ["id", "name"],
        "channel": "APP",
        "start_time": "2024-05-01 00:00:00",
        "end_time": "2024-05-31 23:59:59",
        "page_size": 20,
    }
    venue, venue_example = _venue_vo()
    data = _object(
        f"{stem}Data",
        f"{what}数据",
        {
            "id": _integer("记录ID", 1001),
            "name": _string("名称", "示例名称"),
            "channel": dict(channel),
            "updated_at": _datetime("更新时间(GMT+8)", "2024-05-01 12:00:00"),
            "venue": venue,
            "counts": _array(
                "各档数量", {"type": "integer", "format": "int32"}, examples=[[10, 20]]
            ),
        },
    )
    data_example = {
        "id": 1001,
        "name": "示例名称",
        "channel": "APP",
        "updated_at": "2024-05-01 12:00:00",
        "venue": venue_example,
        "counts": [10, 20],
    }
    result, result_example = _result(stem, what, {"data": data}, {"data": data_example})
    return {
        "params": params,
        "encoding": {},
        "request": request,
        "result": result,
        "result_example": result_example,
        "idempotent": True,
        "session": "optional",
    }


def _create(stem: str, what: str) -> dict[str, Any]:
    """A create call: ``param0`` holding a nested struct and a list of structs; not idempotent."""
    buyer = _object(
        "BuyerInfo",
        "购票人信息",
        {
            "name": _string("购票人姓名", "张三", maxLength=32),
            "phone": _string("手机号", "13900004567", pattern="^1[0-9]{10}$"),
            "id_type": _enum(
                "IdType",
                "integer",
                "证件类型,1=身份证,2=护照,3=港澳通行证",
                [
                    (1, "ID_CARD", "身份证"),
                    (2, "PASSPORT", "护照"),
                    (3, "HK_MACAO_PASS", "港澳通行证"),
                ],
            ),
            "id_no": _string("证件号码", "310101199001011234"),
        },
        ["name", "phone"],
    )
    ticket = _object(
        "TicketItem",
        "票品条目",
        {
            "price_id": _integer("票档ID", 880001),
            "seat_id": _string("座位ID", "A-12-08"),
            "quantity": _integer("数量", 2, "int32", minimum=1, maximum=6),
        },
        ["price_id", "quantity"],
    )
    param = _object(
        f"{stem}Param",
        f"{what}请求对象",
        {
            "tenant_token": _string("向api服务提供商获取", TOKEN),
            "out_order_no": _string("外部订单号", "DM20240501000123", pattern="^[A-Z0-9]{8,32}$"),
            "buyer": buyer,
            "tickets": _array("票品列表", ticket, minItems=1, maxItems=6),
            "remark": _string("备注", "靠近过道", maxLength=200),
        },
        ["tenant_token", "out_order_no", "tickets"],
    )
    request = {
        "param0": {
            "tenant_token": TOKEN,
            "out_order_no": "DM20240501000123",
            "buyer": {
                "name": "张三",
                "phone": "13900004567",
                "id_type": 1,
                "id_no": "310101199001011234",
            },
            "tickets": [{"price_id": 880001, "seat_id": "A-12-08", "quantity": 2}],
            "remark": "靠近过道",
        }
    }
    result, result_example = _result(
        stem,
        what,
        {
            "order_id": _integer("订单ID", 70000123),
            "amount": _number("订单金额(元)", 760.0),
            "expire_time": _datetime("支付截止时间(GMT+8)", "2024-05-01 20:00:00"),
        },
        {"order_id": 70000123, "amount": 760.0, "expire_time": "2024-05-01 20:00:00"},
    )
    return {
        "params": {"type": "object", "required": ["param0"], "properties": {"param0": param}},
        "encoding": {"param0": {"contentType": "application/json"}},
        "request": request,
        "result": result,
        "result_example": result_example,
        "idempotent": False,
        "session": "required",
    }


def _xml(value: Any, tag: str, indent: str = "") -> str:
    if isinstance(value, dict):
        inner = "\n".join(_xml(v, k, indent + "    ") for k, v in value.items())
        return f"{indent}<{tag}>\n{inner}\n{indent}</{tag}>"
    if isinstance(value, list):
        singular = tag[:-1] if tag.endswith("s") else tag + "_item"
        inner = "\n".join(_xml(v, singular, indent + "    ") for v in value)
        return f"{indent}<{tag}>\n{inner}\n{indent}</{tag}>"
    text = "true" if value is True else "false" if value is False else str(value)
    return f"{indent}<{tag}>{text}</{tag}>"


def endpoint(i: int, revision: int = 0) -> tuple[str, dict[str, Any]]:
    """The TOP method of endpoint ``i`` and its Path Item; ``revision`` changes its wording."""
    method = method_name(i)
    top, sub, verb = method[len(PREFIX) :].split(".")
    base_sub = sub.rstrip("0123456789")
    what = TOPS_ZH[top] + SUBS_ZH[base_sub] + VERBS_ZH[verb]
    stem = _pascal(top, sub, verb)
    shape = (_query, _plain, _create)[i % 3](stem, what)
    key = method.replace(".", "_") + "_response"
    description = (
        f"{what}接口:按条件{VERBS_ZH[verb]}{TOPS_ZH[top]}的{SUBS_ZH[base_sub]},供渠道方调用"
    )
    if revision:
        description += f"(第{revision}次修订)"
    success_schema = {
        "type": "object",
        "required": [key],
        "properties": {
            key: {
                "type": "object",
                "properties": {
                    "result": shape["result"],
                    "request_id": {"type": "string", "description": "网关分配的请求 ID"},
                },
            }
        },
    }
    success = {key: {"result": shape["result_example"], "request_id": "0b1f2c3d4e5f6a7b"}}
    operation: dict[str, Any] = {
        "operationId": method,
        "summary": what,
        "description": description,
        "x-top-method": method,
        "x-top-idempotent": shape["idempotent"],
        "x-top-session": shape["session"],
        "x-top-business-result": {
            "path": "result",
            "success": "success",
            "code": "result_code",
            "message": "result_msg",
        },
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": shape["params"],
                    **({"encoding": shape["encoding"]} if shape["encoding"] else {}),
                    "examples": {
                        "page": {
                            "summary": "请求示例(取自文档页的 Java 示例)",
                            "value": shape["request"],
                        }
                    },
                }
            },
        },
        "responses": {
            "200": {
                "description": f"TOP 网关应答。调用成功时为 `{key}` 信封,失败时为 `error_response`(HTTP 状态同为 200)。",
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [
                                success_schema,
                                {"$ref": "../openapi.yaml#/components/schemas/ErrorEnvelope"},
                            ]
                        },
                        "examples": {
                            "success": {"summary": "响应示例", "value": success},
                            "error": {
                                "$ref": "../openapi.yaml#/components/examples/ErrorInvalidParameter"
                            },
                        },
                    },
                    "application/xml": {
                        "examples": {
                            "success": {
                                "summary": "响应示例 (XML)",
                                "value": _xml(success[key], key),
                            },
                            "error": {
                                "$ref": "../openapi.yaml#/components/examples/ErrorInvalidParameterXml"
                            },
                        }
                    },
                },
            }
        },
    }
    return method, {"post": operation}


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def write_endpoint(spec: Path, i: int, revision: int = 0) -> Path:
    """(Re)write endpoint ``i``'s file; returns its path."""
    method, item = endpoint(i, revision)
    path = spec / "endpoints" / f"{method}.yaml"
    path.write_text(_dump(item), encoding="utf-8")
    return path


def write_spec(spec: Path, n: int) -> list[str]:
    """Write a spec of ``n`` endpoints into the folder ``spec``; returns the TOP methods."""
    root = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    (spec / "endpoints").mkdir(parents=True, exist_ok=True)
    methods = []
    for i in range(n):
        write_endpoint(spec, i)
        methods.append(method_name(i))
    root["paths"] = {f"/{m}": {"$ref": f"endpoints/{m}.yaml"} for m in sorted(methods)}
    package = root["info"].get("x-top-package", {})
    if "client-params" in package:  # only those some endpoint has a field for (else refused)
        shapes = [_dump(endpoint(i)[1]) for i in range(min(n, 3))]
        kept = [p for p in package["client-params"] if any(f"{p['name']}:" in s for s in shapes)]
        if kept:
            package["client-params"] = kept
        else:
            del package["client-params"]
    (spec / "openapi.yaml").write_text(_dump(root), encoding="utf-8")
    return methods


# -- the peer's document ----------------------------------------------------------------------


def _adapt(node: Any, stem: str, schemas: dict[str, Any]) -> Any:
    """``node`` without ``x-top-*``; each titled struct or enum moved to ``schemas`` under a
    title unique to the endpoint, and referenced from where it was."""
    if isinstance(node, list):
        return [_adapt(v, stem, schemas) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _adapt(v, stem, schemas) for k, v in node.items() if not k.startswith("x-top-")}
    title = out.get("title")
    if isinstance(title, str) and ("properties" in out or "enum" in out):
        name = title if title.startswith(stem) else stem + title
        out["title"] = name
        schemas[name] = out
        return {"$ref": f"#/components/schemas/{name}"}
    return out


def write_peer_document(spec: Path, path: Path) -> None:
    """Bundle ``spec`` into one OpenAPI JSON document that openapi-python-client reads."""
    sys.path.insert(0, str(ROOT))
    from generator.load import load_spec

    document = load_spec(spec).document
    schemas = dict(document["components"]["schemas"])
    paths = {}
    for key, item in document["paths"].items():
        top, sub, verb = key[1 + len(PREFIX) :].split(".")
        stem = _pascal(top, sub, verb)
        for op in item.values():
            media = op["responses"]["200"]["content"]
            media.pop("application/xml", None)
            media["application/json"]["schema"]["oneOf"][0]["title"] = stem + "Envelope"
            media["application/json"]["schema"]["oneOf"][0]["properties"][
                key[1:].replace(".", "_") + "_response"
            ]["title"] = (stem + "Response")
        paths[key] = _adapt(item, stem, schemas)
    info = {k: v for k, v in document["info"].items() if not k.startswith("x-")}
    info["title"] = "Damai Maizuo Peer"
    components = dict(document["components"], schemas=schemas)
    document = dict(document, info=info, paths=paths, components=components)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    out, count = Path(sys.argv[1]), int(sys.argv[2])
    write_spec(out / "spec", count)
    write_peer_document(out / "spec", out / "openapi.json")
    print(f"{out}: {count} endpoints")
