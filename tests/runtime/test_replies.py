"""parse_reply: JSON, simplify and XML into one model; errors; hostile bodies. No sockets."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from runtime_samples import (
    PERFORM_QUERY,
    USER_AUTHCODE_SEND,
    PerformQueryResponse,
    UserAuthcodeSendResponse,
)

from generator.runtime._protocol import OperationInfo
from generator.runtime._replies import parse_reply
from generator.runtime._signing import Format
from generator.runtime.errors import (
    APIError,
    APIStatusError,
    BusinessError,
    InvalidRequestError,
    MaizuoError,
    ResponseDecodeError,
    ServerError,
    UnconfirmedResultError,
)

KEY = USER_AUTHCODE_SEND.response_key
OK_INNER = {
    "result": {"result_msg": "成功", "result_code": 200, "success": True},
    "request_id": "rid-1",
}
OK_XML = f"""<?xml version="1.0" encoding="utf-8"?>
<{KEY}>
    <result>
        <result_msg>成功</result_msg>
        <result_code>200</result_code>
        <success>true</success>
    </result>
    <request_id>rid-1</request_id>
</{KEY}>""".encode()
ERROR = {
    "code": 50,
    "msg": "Remote service error",
    "sub_code": "isv.invalid-parameter",
    "sub_msg": "非法参数",
    "request_id": "rid-e",
}
ERROR_XML = b"""<error_response>
    <code>50</code>
    <msg>Remote service error</msg>
    <sub_code>isv.invalid-parameter</sub_code>
    <sub_msg>\xe9\x9d\x9e\xe6\xb3\x95\xe5\x8f\x82\xe6\x95\xb0</sub_msg>
    <request_id>rid-e</request_id>
</error_response>"""


def dumps(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def parse(
    body: bytes,
    *,
    format: Format = "json",
    simplify: bool = False,
    status: int = 200,
    content_type: str | None = None,
    op: OperationInfo = USER_AUTHCODE_SEND,
    model: type[BaseModel] = UserAuthcodeSendResponse,
) -> Any:
    if content_type is None:
        content_type = "text/xml;charset=UTF-8" if format == "xml" else "application/json"
    return parse_reply(op, model, status, content_type, body, format=format, simplify=simplify)


@pytest.mark.parametrize(
    ("body", "format", "simplify"),
    [
        (dumps({KEY: OK_INNER}), "json", False),
        (dumps(OK_INNER), "json", True),
        (
            dumps({KEY: OK_INNER}),
            "json",
            True,
        ),  # a gateway that keeps the wrapper anyway
        (OK_XML, "xml", False),
    ],
    ids=["json", "simplify", "simplify-wrapped", "xml"],
)
def test_every_reply_form_gives_the_same_model(body: bytes, format: Format, simplify: bool) -> None:
    reply = parse(body, format=format, simplify=simplify)
    assert isinstance(reply, UserAuthcodeSendResponse)
    assert reply.request_id == "rid-1"
    assert reply.result is not None
    assert (
        reply.result.success,
        reply.result.result_code,
        reply.result.result_msg,
    ) == (
        True,
        200,
        "成功",
    )


def test_unknown_fields_are_kept() -> None:
    reply = parse(dumps({KEY: {**OK_INNER, "new_field": {"x": 1}}}))
    assert reply.model_extra == {"new_field": {"x": 1}}


@pytest.mark.parametrize(
    ("body", "format", "simplify"),
    [
        (dumps({"error_response": ERROR}), "json", False),
        (dumps({"error_response": ERROR}), "json", True),
        (dumps(ERROR), "json", True),
        (dumps(ERROR), "json", False),
        (ERROR_XML, "xml", False),
        (ERROR_XML, "json", False),  # an XML error when JSON was asked for
    ],
    ids=["json", "simplify", "simplify-bare", "bare", "xml", "xml-for-json"],
)
def test_error_response_in_every_form(body: bytes, format: Format, simplify: bool) -> None:
    with pytest.raises(InvalidRequestError) as caught:
        parse(body, format=format, simplify=simplify)
    error = caught.value
    assert (error.code, error.msg, error.sub_code, error.sub_msg, error.request_id) == (
        50,
        "Remote service error",
        "isv.invalid-parameter",
        "非法参数",
        "rid-e",
    )


def test_server_error_from_xml() -> None:
    body = ERROR_XML.replace(b"isv.invalid-parameter", b"isp.top-remote-connection-timeout")
    with pytest.raises(ServerError):
        parse(body, format="xml")


BUSINESS_FAILURE = {
    "result": {"result_msg": "手机号错误", "result_code": 500, "success": False},
    "request_id": "rid-b",
}


@pytest.mark.parametrize(
    ("body", "format", "simplify"),
    [
        (dumps({KEY: BUSINESS_FAILURE}), "json", False),
        (dumps(BUSINESS_FAILURE), "json", True),
        (
            OK_XML.replace(b"true", b"false")
            .replace(b"200", b"500")
            .replace("成功".encode(), "手机号错误".encode())
            .replace(b"rid-1", b"rid-b"),
            "xml",
            False,
        ),
    ],
    ids=["json", "simplify", "xml"],
)
def test_business_failure(body: bytes, format: Format, simplify: bool) -> None:
    with pytest.raises(BusinessError) as caught:
        parse(body, format=format, simplify=simplify)
    error = caught.value
    assert (error.result_code, error.result_msg, error.request_id) == (
        500,
        "手机号错误",
        "rid-b",
    )
    assert str(error) == "operation failed (result code 500): 手机号错误 [request id rid-b]"


def test_a_true_success_flag_is_a_success() -> None:
    assert isinstance(parse(dumps({KEY: {"result": {"success": True}}})), UserAuthcodeSendResponse)
    assert isinstance(
        parse(dumps({KEY: {"result": {"success": "TRUE"}}})), UserAuthcodeSendResponse
    )


@pytest.mark.parametrize(
    "inner",
    [
        {"request_id": "r"},
        {"result": {"result_code": 200}},
        {"result": None},
        {"result": {"success": None}},
    ],
)
def test_a_reply_that_does_not_say_true_or_false_is_unconfirmed(inner: dict[str, Any]) -> None:
    with pytest.raises(UnconfirmedResultError, match="may or may not have succeeded"):
        parse(dumps({KEY: inner}))


def test_business_result_at_the_top_and_undeclared() -> None:
    from generator.runtime._protocol import BusinessResultInfo

    op = OperationInfo(
        method="m",
        response_key="m_response",
        idempotent=True,
        business_result=BusinessResultInfo(path=(), success="is_ok", code=None, message="why"),
    )
    with pytest.raises(BusinessError) as caught:
        parse(dumps({"m_response": {"is_ok": "false", "why": 7}}), op=op)
    assert (caught.value.result_code, caught.value.result_msg) == (None, "7")


def test_non_200_is_a_status_error() -> None:
    page = b"<html><head><title>502 Bad Gateway</title></head>" + b"x" * 1000 + b"</html>"
    with pytest.raises(APIStatusError) as caught:
        parse(page, status=502, content_type="text/html")
    assert caught.value.status_code == 502
    assert caught.value.body == page[:500]
    assert str(caught.value).startswith("HTTP 502 from the gateway: <html><head><title>502")


# -- the richer model: lists, nesting, datetimes --------------------------------------------
PERFORM_KEY = PERFORM_QUERY.response_key
GMT8 = timezone(timedelta(hours=8))


def test_xml_lists_wrapper_and_repeated_forms() -> None:
    body = f"""<{PERFORM_KEY}>
      <perform>
        <perform_id>9</perform_id>
        <price_vo_list>
          <price_vo><price_id>1</price_id><price>80.00</price><name>A</name></price_vo>
          <price_vo><price_id>2</price_id><start_time>2024-01-02 03:04:05</start_time></price_vo>
        </price_vo_list>
        <tags><string>hot</string><string>new</string></tags>
      </perform>
      <performs><perform_id>1</perform_id><tags>only</tags></performs>
      <performs><perform_id>2</perform_id><price_vo_list/></performs>
      <total>2</total>
      <updated>2024-05-06 07:08:09</updated>
      <extra><a>1</a><a>2</a><b/></extra>
      <request_id>r</request_id>
    </{PERFORM_KEY}>""".encode()
    reply = parse(body, format="xml", op=PERFORM_QUERY, model=PerformQueryResponse)
    assert isinstance(reply, PerformQueryResponse)
    assert reply.perform is not None and reply.perform.price_vo_list is not None
    assert [p.price_id for p in reply.perform.price_vo_list] == [1, 2]
    assert str(reply.perform.price_vo_list[0].price) == "80.00"
    assert reply.perform.price_vo_list[1].start_time == datetime(2024, 1, 2, 3, 4, 5, tzinfo=GMT8)
    assert reply.perform.tags == ["hot", "new"]
    assert reply.performs is not None
    assert [p.perform_id for p in reply.performs] == [1, 2]
    assert reply.performs[0].tags == ["only"]
    assert reply.performs[1].price_vo_list == []
    assert reply.total == 2
    assert reply.updated == datetime(2024, 5, 6, 7, 8, 9, tzinfo=GMT8)
    assert reply.model_extra == {"extra": {"a": ["1", "2"], "b": None}}


def test_xml_single_item_without_wrapper() -> None:
    body = f"""<{PERFORM_KEY}><perform><price_vo_list><price_id>5</price_id><name>B</name>
      </price_vo_list></perform></{PERFORM_KEY}>""".encode()
    reply = parse(body, format="xml", op=PERFORM_QUERY, model=PerformQueryResponse)
    assert [(p.price_id, p.name) for p in reply.perform.price_vo_list] == [(5, "B")]


def test_json_datetime_in_top_format() -> None:
    body = dumps({PERFORM_KEY: {"updated": "2024-05-06 07:08:09"}})
    reply = parse(body, op=PERFORM_QUERY, model=PerformQueryResponse)
    assert reply.updated == datetime(2024, 5, 6, 7, 8, 9, tzinfo=GMT8)
    assert reply.model_dump(mode="json")["updated"] == "2024-05-06 07:08:09"


# -- bodies that are wrong or hostile --------------------------------------------------------
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<error_response><msg>&lol4;</msg></error_response>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<error_response><msg>&xxe;</msg></error_response>"""
PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>
<r/>"""


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "invalid JSON"),
        (b"   ", "invalid JSON"),
        (b"\xff\xfe\xfd garbage", "not valid text"),
        (b'{"a": "\xc3\x28"}', "not valid text"),
        (b"[1, 2]", "expected a JSON object"),
        (b"null", "expected a JSON object"),
        (b'"text"', "expected a JSON object"),
        (dumps({"other_method_response": OK_INNER}), "no 'alibaba_damai"),
        (dumps({KEY: [1, 2]}), "is not an object"),
        (dumps({KEY: "x"}), "is not an object"),
        (dumps({"error_response": "boom"}), "'error_response' is not an object"),
        (dumps({KEY: {"result": {"success": "maybe"}}}), "result.success"),
        (dumps({KEY: {"result": [1]}}), "result"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deep"),
        (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deep"),
        (b'{"n": ' + b"9" * 10_000 + b"}", "digits"),
        (BILLION_LAUGHS, "DOCTYPE"),
        (EXTERNAL_ENTITY, "DOCTYPE"),
        (PARAMETER_ENTITY, "DOCTYPE"),
        (b"<" + b"<a>" * 10_000, "malformed"),
        (b"<a>" * 10_000 + b"</a>" * 10_000, "deeper than"),
        (b"<other_response><x>1</x></other_response>", "expected <alibaba"),
        (b"<html><body>captive portal</body></html>", "expected <alibaba"),
        (b"<!DOCTYPE html><html></html>", "DOCTYPE"),
        (b"<?xml version='1.0' encoding='x-no-such'?><a/>", "XML"),
        (f"<{KEY}>&undefined;</{KEY}>".encode(), "malformed"),
    ],
)
def test_unreadable_bodies(body: bytes, reason: str) -> None:
    with pytest.raises(ResponseDecodeError) as caught:
        parse(body)
    error = caught.value
    assert reason in str(error)
    assert error.status_code == 200
    assert error.body == body[:500]
    assert "\n" not in str(error)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=200).map(lambda b: b"<" + b),
        st.binary(max_size=200).map(lambda b: b"{" + b),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
            lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        ).map(lambda v: json.dumps({KEY: v}).encode()),
    ),
    format=st.sampled_from(["json", "xml"]),
    simplify=st.booleans(),
)
def test_any_body_gives_a_model_or_a_maizuo_error(
    body: bytes, format: Format, simplify: bool
) -> None:
    try:
        reply = parse(body, format=format, simplify=simplify)
    except (ResponseDecodeError, APIError, BusinessError):
        return
    except MaizuoError as error:  # pragma: no cover - reported by the assertion
        pytest.fail(f"unexpected {type(error).__name__}")
    assert isinstance(reply, UserAuthcodeSendResponse)
