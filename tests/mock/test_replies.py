"""Reply forms: the JSON envelope, simplify=true, XML (the default); a fresh request_id each."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .conftest import QUERY
from .top import SEND_KEY, TopCaller

SPEC_RESULT = {"result_msg": "成功", "result_code": 200, "success": True}


def test_json_is_the_envelope_with_the_specs_example(top: TopCaller) -> None:
    reply = top.post()
    assert reply.headers["content-type"] == "application/json;charset=UTF-8"
    body = reply.json()
    assert list(body) == [SEND_KEY]
    assert body[SEND_KEY]["result"] == SPEC_RESULT
    assert body[SEND_KEY]["request_id"]


def test_simplify_drops_the_envelope(top: TopCaller) -> None:
    body = top.call(simplify="true")
    assert body["result"] == SPEC_RESULT
    assert body["request_id"]


def test_simplify_keeps_errors_in_error_response(top: TopCaller) -> None:
    body = top.call(simplify="true", v="1.0")
    assert body["error_response"]["code"] == 33


def _xml(reply: bytes) -> ET.Element:
    assert reply.startswith(b'<?xml version="1.0" encoding="utf-8" ?>')
    return ET.fromstring(reply)


def test_xml_is_the_default_and_is_the_specs_xml_example(top: TopCaller) -> None:
    reply = top.post(drop=["format"])
    assert reply.headers["content-type"] == "text/xml;charset=UTF-8"
    root = _xml(reply.content)
    assert root.tag == SEND_KEY
    assert root.findtext("result/result_msg") == "成功"
    assert root.findtext("result/success") == "true"
    assert root.findtext("request_id")


def test_an_empty_format_counts_as_absent(top: TopCaller) -> None:
    assert _xml(top.post(format="").content).tag == SEND_KEY


def test_format_xml_and_an_xml_error(top: TopCaller) -> None:
    assert _xml(top.post(format="xml").content).tag == SEND_KEY
    root = _xml(top.post(format="xml", v="1.0").content)
    assert root.tag == "error_response"
    assert (root.findtext("code"), root.findtext("msg")) == ("33", "Invalid Version")
    assert root.findtext("request_id")


def test_every_reply_has_a_new_request_id(top: TopCaller) -> None:
    ids = [top.call()[SEND_KEY]["request_id"] for _ in range(3)]
    ids += [top.error(v="1.0")["request_id"] for _ in range(3)]
    ids += [top.call(simplify="true")["request_id"]]
    ids += [_xml(top.post(format="xml").content).findtext("request_id") for _ in range(2)]
    assert len(set(ids)) == len(ids) == 9


def test_an_endpoint_without_examples_gets_a_reply_built_from_its_model(
    extended: TopCaller,
) -> None:
    business = {"query": {"tenant_token": "abcd", "status": "PAID"}, "page_no": "1"}
    body = extended.call(QUERY, business=business, session=extended.session)
    inner = body["alibaba_damai_maizuo_openapi_order_query_response"]
    # fields with examples, and the required order_id of each listed order
    assert inner["total"] == 2
    assert inner["orders"] == [{"order_id": 0, "title": "演唱会"}]
    reply = extended.post(QUERY, business=business, session=extended.session, format="xml")
    root = _xml(reply.content)
    orders = root.find("orders")
    assert orders is not None and orders.get("list") == "true"
    assert [item.tag for item in orders] == ["order_vo"]
    assert orders.findtext("order_vo/title") == "演唱会"
